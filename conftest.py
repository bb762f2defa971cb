"""Every example on the documentation site runs as a test (Sybil, as in svcs and attrs).

In the Markdown pages under ``docs/``:

- ``python`` code blocks run in one namespace per page, in order; blocks that start with
  ``>>>`` are doctests and their output is checked (ellipsis and whitespace-normalised).
- ``console`` blocks hold commands after ``$``: each runs and must succeed, and the lines
  after it, if any, are the output it must print (doctest rules: ``...`` matches anything).
  Only ``humanising …`` and ``python …`` commands run, each in a fresh process; a trailing
  ``> file`` writes the output to a file instead. A command that is meant to fail is
  preceded by ``<!-- exit-code: N -->``.
- A code block with a title, e.g. ```` ```yaml title="my-case.yaml" ````, is written to that
  file, so that later commands and Python blocks can use it.
- ``<!-- skip: next -->`` skips the next example: install, serve and apt commands, which
  need a network or never return.

Every page runs in a fresh temporary directory, which is the working directory of its
examples. ``tests/test_docs_pages.py`` checks that no example escapes this (a
``python`` block with extra words in its info string, say, which Sybil would not run), and
runs the generated casebook pages' examples with the ``run_markdown`` fixture below.
"""

from __future__ import annotations

import doctest
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from sybil import Document, Example, Region, Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser
from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer

ROOT = Path(__file__).resolve().parent
OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
COMMANDS = ("humanising", "python")
"""The programs a ``console`` example may run; anything else must be marked ``<!-- skip: next -->``."""

_EXIT_CODE = re.compile(r"<!--\s*exit-code:\s*(?P<code>\d+)\s*-->\s*\Z")
_TITLE = re.compile(r'(?P<language>\w+) title="(?P<title>[^"]+)"$\n', re.MULTILINE)
_SAFE_NAME = re.compile(r"[A-Za-z0-9_.-]+\Z")


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    # A reader's shell has none of the options a CI run gives this suite (workers, coverage).
    env.pop("PYTEST_ADDOPTS", None)
    # The checkout's sources come first, so that a plain `pytest` from a clone runs the
    # commands against the code under test (CI installs it in editable mode anyway).
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    env.update({"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "PYTHONIOENCODING": "utf-8"})
    return env


def run_command(line: str, cwd: Path) -> tuple[int, str]:
    """Run one documented command in ``cwd``; return its exit code and its output (stdout, then stderr)."""
    words = shlex.split(line)
    target = None
    if len(words) >= 3 and words[-2] == ">":  # `command > file`
        target, words = words[-1], words[:-2]
    if not words or words[0] not in COMMANDS:
        raise ValueError(
            f"documented command {line!r} does not run {' or '.join(COMMANDS)}: "
            "mark it <!-- skip: next --> if it must not run"
        )
    program = [sys.executable, "-m", "humanising"] if words[0] == "humanising" else [sys.executable]
    completed = subprocess.run(  # noqa: S603 - our own documentation's commands
        [*program, *words[1:]],
        cwd=cwd,
        env=_environment(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    if target is not None:
        (cwd / target).write_text(completed.stdout, encoding="utf-8")
        return completed.returncode, completed.stderr
    return completed.returncode, completed.stdout + completed.stderr


def _commands(source: str) -> Iterable[tuple[str, str]]:
    """``(command, expected output)`` pairs of a console block."""
    command: str | None = None
    output: list[str] = []
    for line in source.splitlines():
        if line.startswith("$ "):
            if command is not None:
                yield command, "\n".join(output)
            command, output = line[2:], []
        elif command is None:
            raise ValueError(f"console block does not start with a '$ ' command: {line!r}")
        else:
            output.append(line)
    if command is not None:
        yield command, "\n".join(output)


def _expected_exit_code(example: Example) -> int:
    before = example.document.text[: example.region.start].rstrip()
    match = _EXIT_CODE.search(before)
    return int(match["code"]) if match else 0


def evaluate_console(example: Example) -> str | None:
    """Run a console block's commands and compare their output with the block's."""
    cwd: Path = example.namespace["_workdir"]
    checker = doctest.OutputChecker()
    expected_code = _expected_exit_code(example)
    for command, expected in _commands(str(example.parsed)):
        code, output = run_command(command, cwd)
        if code != expected_code:
            return f"$ {command}\nexited with {code}, expected {expected_code}; it printed:\n{output}"
        if expected.strip() and not checker.check_output(expected.strip() + "\n", output.strip() + "\n", OPTIONS):
            return f"$ {command}\nprinted:\n{output}\nexpected:\n{expected}"
    return None


class ConsoleParser:
    """``console`` code blocks: the commands after ``$`` and the output they print."""

    def __init__(self) -> None:
        self.lexer = RawFencedCodeBlockLexer(info_pattern=re.compile(r"console$\n", re.MULTILINE))

    def __call__(self, document: Document) -> Iterable[Region]:
        """The console blocks of a document, each evaluated by ``evaluate_console``."""
        for region in self.lexer(document):
            region.parsed = region.lexemes["source"]
            region.evaluator = evaluate_console
            yield region


def _write_file(example: Example) -> None:
    name, text = example.parsed
    (example.namespace["_workdir"] / name).write_text(text, encoding="utf-8")


class FileParser:
    """Code blocks with a title: written to the file they are titled with."""

    def __init__(self) -> None:
        self.lexer = RawFencedCodeBlockLexer(info_pattern=_TITLE)

    def __call__(self, document: Document) -> Iterable[Region]:
        """The titled code blocks of a document, each written to its file when evaluated."""
        for region in self.lexer(document):
            title = region.lexemes["title"]
            if not _SAFE_NAME.match(title):
                raise ValueError(f"{document.path}: a code block's title must be a plain file name, got {title!r}")
            region.parsed = (title, str(region.lexemes["source"]))
            region.evaluator = _write_file
            yield region


def _setup(namespace: dict[str, Any]) -> None:
    # As for a reader who runs `python` in a folder: the folder is the working directory,
    # and modules saved there (by a titled code block) can be imported.
    workdir = Path(tempfile.mkdtemp(prefix="humanising-docs-"))
    namespace["_workdir"] = workdir
    namespace["_previous_cwd"] = Path.cwd()
    os.chdir(workdir)
    sys.path.insert(0, str(workdir))


def _teardown(namespace: dict[str, Any]) -> None:
    workdir: Path = namespace["_workdir"]
    os.chdir(namespace["_previous_cwd"])
    sys.path.remove(str(workdir))
    for name, module in list(sys.modules.items()):
        if str(getattr(module, "__file__", "") or "").startswith(str(workdir)):
            del sys.modules[name]
    shutil.rmtree(workdir, ignore_errors=True)


PARSERS = [
    SkipParser(),
    PythonCodeBlockParser(doctest_optionflags=OPTIONS),
    ConsoleParser(),
    FileParser(),
]

markdown_examples = Sybil(
    parsers=PARSERS,
    path="docs",
    patterns=["*.md"],
    setup=_setup,
    teardown=_teardown,
    name="docs",
)

pytest_collect_file = markdown_examples.pytest()


@pytest.fixture
def run_markdown() -> Callable[[Path], int]:
    """Run every example of a Markdown file (e.g. a generated page), as the docs pages run; return how many ran."""

    def run(path: Path) -> int:
        document = markdown_examples.parse(path)
        count = 0
        _setup(document.namespace)
        try:
            for example in document.examples():
                example.evaluate()
                count += 1
        finally:
            _teardown(document.namespace)
        return count

    return run


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documentation site, built once per test session with ``mkdocs build --strict``, as CI builds it."""
    site = tmp_path_factory.mktemp("site")
    env = _environment()
    env["NO_MKDOCS_2_WARNING"] = "1"
    completed = subprocess.run(  # noqa: S603 - the docs toolchain, pinned in pyproject.toml
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    log = completed.stdout + completed.stderr
    if completed.returncode != 0 or "WARNING" in log:
        pytest.fail(f"mkdocs build --strict failed or warned:\n{log}", pytrace=False)
    return site


@pytest.fixture
def run_documented_command() -> Callable[[str, Path], tuple[int, str]]:
    """Run a documented command line as the console examples run (``humanising …`` or ``python …``)."""
    return run_command
