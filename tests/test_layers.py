"""The folders show the architecture: facts, then reasoning, then the edges; nothing points back."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import humanising

PACKAGE = Path(humanising.__file__).parent
ROOT = PACKAGE.parent.parent

LAYERS = {
    "_facts": {"humanising._facts", "humanising.exceptions"},
    "_reasoning": {"humanising._facts", "humanising._reasoning", "humanising.exceptions", "humanising.models"},
    "models": {
        "humanising",
        "humanising._facts",
        "humanising._reasoning",
        "humanising.exceptions",
        "humanising.models",
    },
}
"""What each layer may import from the package: never an edge (case files, reports, the command line)."""


def _imports(module: Path) -> set[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    found = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    found |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    return {name for name in found if name == "humanising" or name.startswith("humanising.")}


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_a_layer_imports_only_the_layers_below_it(layer: str) -> None:
    allowed = LAYERS[layer]
    for module in sorted((PACKAGE / layer).glob("*.py")):
        for name in _imports(module):
            assert any(name == prefix or name.startswith(prefix + ".") for prefix in allowed) or (
                name == "humanising" and "humanising" in allowed
            ), (module.relative_to(PACKAGE), name)


def test_no_page_names_a_private_module() -> None:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"humanising\._(?!_)|humanising/_(?!_)", text), page.relative_to(ROOT)
