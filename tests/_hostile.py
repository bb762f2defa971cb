"""A hostile initiative, and the docs' own Markdown toolchain to render reports of it with.

Every free-text field of two casebook cases (a single initiative and a programme with parts)
holds the same payload: HTML that would run a script, quotes that would end an attribute,
Markdown, Mermaid and attribute-list syntax, a snippet include, terminal escapes, line breaks
and a long word. A safe report shows all of it as text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import markdown  # type: ignore[import-untyped]
import yaml

import humanising

ROOT = Path(__file__).resolve().parent.parent
LONG = "x" * 20_000

PAYLOAD = "\n".join(
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(2)>',
        "' onmouseover='alert(3)' x='",
        "[link](javascript:alert(4)) ![image](javascript:alert(5)) <javascript:alert(6)>",
        '*em* _em_ `code` ``` | pipe | # hash {: onclick="alert(7)" }',
        '] " --> ; end %%{init: {"securityLevel": "loose"}}%%',
        "click s_x call alert(8)",
        "%% a comment",
        '--8<-- "/etc/passwd"',
        "1. a list",
        "\x1b]0;TITLE\x07\x1b[2J\x1b[31mred\r\x9b31m\x00",
        LONG,
    ]
)
"""What every free-text field holds."""

FREE_TEXT = {"name", "summary", "place", "period", "note", "citation", "locator", "description"}
ALERTS = 8
"""How many ``alert(N)`` calls the payload holds: none of them may run."""


def _poison(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {name: _poison(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [_poison(item, key) for item in value]
    if isinstance(value, str) and key in FREE_TEXT:
        return f"{key} {PAYLOAD}"
    return value


def hostile_text(case_id: str = "sleepwell") -> str:
    """A shipped case as JSON case-file text, with the payload in every free-text field."""
    data = json.loads(humanising.dumps(humanising.casebook.load(case_id), format="json"))
    return json.dumps(_poison(data), ensure_ascii=False)


def hostile(*case_ids: str) -> list[humanising.Initiative]:
    """The hostile versions of shipped cases (by default SleepWell and East Lille, with its parts)."""
    return [
        case
        for case_id in case_ids or ("sleepwell", "east-lille")
        for case in humanising.loads(hostile_text(case_id), format="json")
    ]


class _MkDocsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose ``!!python/name:`` tags name the functions its extensions use."""


def _python_name(_loader: yaml.SafeLoader, suffix: str, _node: yaml.Node) -> Any:
    import importlib

    module, _, name = suffix.rpartition(".")
    return getattr(importlib.import_module(module), name)


_MkDocsLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)


def render_markdown(text: str) -> str:
    """Markdown as the documentation site renders it: Python-Markdown with the extensions in mkdocs.yml."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_MkDocsLoader)  # noqa: S506
    names: list[str] = []
    options: dict[str, Any] = {}
    for extension in config["markdown_extensions"]:
        if isinstance(extension, str):
            names.append(extension)
        else:
            ((name, settings),) = extension.items()
            names.append(name)
            options[name] = settings or {}
    if "pymdownx.snippets" in options:  # included files are read from the repository, as mkdocs does
        options["pymdownx.snippets"] = {**options["pymdownx.snippets"], "base_path": [str(ROOT)]}
    page: str = markdown.markdown(text, extensions=names, extension_configs=options)
    return page
