"""The public API is documented: every exported name has a docstring and a place in the reference.

After griffe's ``tests/test_api.py``: griffe reads the package statically, as mkdocstrings
does, and the objects inventory of the built site (``objects.inv``) says what the API
reference actually rendered.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import griffe
import pytest
from mkdocstrings import Inventory

import humanising
from humanising import claims, frameworks, strategies

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "reference"
PUBLIC_MODULES = {
    "humanising": humanising.__all__,
    "humanising.strategies": strategies.__all__,
    "humanising.claims": claims.__all__,
    "humanising.frameworks": frameworks.__all__,
}
_MODULES = {
    "humanising": humanising,
    "humanising.strategies": strategies,
    "humanising.claims": claims,
    "humanising.frameworks": frameworks,
}


@pytest.fixture(scope="module")
def package() -> griffe.Module:
    loader = griffe.GriffeLoader(search_paths=[str(ROOT / "src")])
    module = loader.load("humanising")
    loader.load("humanising.strategies")
    loader.load("humanising.claims")
    loader.load("humanising.frameworks")
    loader.resolve_aliases(implicit=True, external=False)
    assert isinstance(module, griffe.Module)
    return module


@pytest.fixture(scope="module")
def inventory(built_site: Path) -> Inventory:
    with (built_site / "objects.inv").open("rb") as file:
        return Inventory.parse_sphinx(file)


def public_paths() -> list[str]:
    return [f"{module}.{name}" for module, names in PUBLIC_MODULES.items() for name in names]


@pytest.mark.parametrize("path", public_paths())
def test_public_name_has_a_docstring(package: griffe.Module, path: str) -> None:
    """Every name in ``__all__`` has a docstring that says something."""
    obj = package.modules_collection[path]
    assert obj.docstring is not None, f"{path} has no docstring"
    assert len(obj.docstring.value.split()) >= 3, f"{path}'s docstring is too short: {obj.docstring.value!r}"


def functions_and_classes() -> list[str]:
    return [path for path in public_paths() if inspect.isclass(obj := _runtime(path)) or inspect.isfunction(obj)]


def _runtime(path: str) -> object:
    module, _, name = path.rpartition(".")
    return getattr(_MODULES[module], name)


@pytest.mark.parametrize("path", functions_and_classes())
def test_public_functions_and_classes_have_an_example(package: griffe.Module, path: str) -> None:
    """Every public function and class shows how it is used, in an ``Example:`` doctest."""
    obj = package.modules_collection[path]
    text = obj.docstring.value if obj.docstring else ""
    assert re.search(r"^Examples?:$", text, re.MULTILINE), f"{path} has no Example section"
    assert ">>>" in text, f"{path}'s example has no doctest"


@pytest.mark.parametrize("path", public_paths())
def test_public_name_is_in_the_api_reference(inventory: Inventory, path: str) -> None:
    """Every name in ``__all__`` is rendered in the API reference under its public path."""
    assert path in inventory, f"{path} is not in the API reference; add '::: {path}' to a page in docs/reference/"


def test_reference_pages_name_only_public_objects() -> None:
    """The reference documents objects by their public path, never a private module's."""
    for page in sorted(REFERENCE.glob("*.md")):
        for identifier in re.findall(r"^::: (\S+)", page.read_text(encoding="utf-8"), re.MULTILINE):
            assert not any(part.startswith("_") for part in identifier.split(".")), f"{page.name}: {identifier}"


def test_exports_are_unique_and_resolve() -> None:
    """``__all__`` names each object once and every name resolves."""
    for module, names in PUBLIC_MODULES.items():
        assert len(names) == len(set(names)), module
        for name in names:
            assert hasattr(_MODULES[module], name), f"{module}.{name}"


def test_dir_lists_the_public_names_and_no_imports() -> None:
    """``dir(humanising)``, which tab completion reads, offers the public names, not ``Any`` or ``TYPE_CHECKING``."""
    public = [name for name in dir(humanising) if not name.startswith("_")]
    assert public == sorted(humanising.__all__)
    assert "Any" not in dir(humanising)
    assert "TYPE_CHECKING" not in dir(humanising)
