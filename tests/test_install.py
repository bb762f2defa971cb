"""The install commands on the site and in the README are the tested ones.

No release is on the Python Package Index, so every documented install runs from a clone. Each
install command a reader can copy is one of ``TESTED``: the README's two set-up commands, which
``.ci/run`` runs verbatim on a fresh machine, and the install page's others, which the slow test
below runs in a copy of the checkout (it needs the package index, so it is not in CI).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
README_MAIN = "python3 -m venv .venv && .venv/bin/python -m pip install . && .venv/bin/python -m humanising"
README_TESTS = "python3 -m venv .venv && .venv/bin/python -m pip install -e '.[tests]' && .venv/bin/python -m pytest"
STRATEGIES = ".venv/bin/python -m pip install '.[strategies]'"
WHEEL = (
    "python3 -m venv .venv && .venv/bin/python -m pip install build && .venv/bin/python -m build --wheel",
    "python3 -m venv ../wheel-env && ../wheel-env/bin/python -m pip install dist/humanising-*.whl",
)
TESTED = {README_MAIN, README_TESTS, STRATEGIES, *WHEEL}
"""Every install command the site and the README may show."""

_INSTALL = re.compile(r"pip install|-m venv|-m build")
_BLOCK = re.compile(r"^```(?P<info>console|sh)\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)
_INLINE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")


def _pages() -> list[Path]:
    docs = sorted(path for path in (ROOT / "docs").rglob("*.md") if "_hooks" not in path.parts)
    return [ROOT / "README.md", *docs]


def install_commands(text: str) -> list[str]:
    """The install commands of a page: in its console and sh blocks, and in its inline code."""
    found = []
    for block in _BLOCK.finditer(text):
        for line in block["body"].splitlines():
            command = line.removeprefix("$ ") if block["info"] == "console" else line
            if block["info"] == "sh" or line.startswith("$ "):
                found.append(command.strip())
    without_blocks = _BLOCK.sub("", text)
    found.extend(span for span in _INLINE.findall(without_blocks) if _INSTALL.search(span))
    return [command for command in found if _INSTALL.search(command)]


def test_the_scan_finds_block_and_inline_commands() -> None:
    text = "Run `pip install x` or\n\n```console\n$ python3 -m venv v\n$ humanising\n```\n"
    assert install_commands(text) == ["python3 -m venv v", "pip install x"]


@pytest.mark.parametrize("page", _pages(), ids=lambda page: str(page.relative_to(ROOT)))
def test_every_install_command_is_a_tested_one(page: Path) -> None:
    for command in install_commands(page.read_text(encoding="utf-8")):
        assert command in TESTED, f"{page.name}: {command!r} is not one of the tested install commands"


def test_the_site_shows_every_tested_command_and_ci_runs_the_readme_s() -> None:
    shown = {command for page in _pages() for command in install_commands(page.read_text(encoding="utf-8"))}
    assert shown == TESTED
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert README_MAIN in ci
    assert README_TESTS in ci


def test_the_readme_says_how_to_run_the_command_after_its_set_up() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after = readme[readme.index(README_TESTS) :].split("## ", 1)[0]
    for way in (
        "source .venv/bin/activate",
        ".venv/bin/humanising",
        ".venv\\Scripts\\activate",
        ".venv\\Scripts\\humanising",
    ):
        assert way in after


def test_the_citation_file_is_valid_and_names_this_version() -> None:
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    version = re.search(r'^version = "(?P<version>[^"]+)"', pyproject, re.MULTILINE)
    assert version is not None
    assert citation["cff-version"] == "1.2.0"
    assert citation["version"] == version["version"]
    assert {"title", "authors", "message", "license"} <= citation.keys()
    assert citation["references"][0]["title"] == "Co-Production is Good, but Other Things are Good Too"
    for page in (ROOT / "README.md", ROOT / "docs" / "index.md"):
        text = page.read_text(encoding="utf-8")
        assert "## How to cite" in text
        assert f"(version {version['version']})" in text


def _run(command: str, cwd: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    completed = subprocess.run(  # noqa: S602 - our own documented commands, in a scratch copy
        command, shell=True, cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    assert completed.returncode == 0, f"$ {command}\n{completed.stdout}\n{completed.stderr}"


@pytest.mark.slow
def test_the_install_page_s_commands_work_in_a_fresh_copy(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    shutil.copytree(ROOT, clone, ignore=shutil.ignore_patterns(".venv", "site", "dist", ".git", "*.pyc"))
    _run(README_MAIN, clone)
    _run(STRATEGIES, clone)
    for command in WHEEL:
        _run(command, clone)
    _run("../wheel-env/bin/humanising --version && ../wheel-env/bin/humanising casebook", clone)
