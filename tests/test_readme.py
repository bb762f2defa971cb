"""The README's examples run, and CI runs the README's commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


_PRINTED = re.compile(
    r"^(?P<indent>[ \t]*)print\((?P<expression>.*)\)  # (?P<shown>[^:\n]+)(?::[^\n]*)?$", re.MULTILINE
)


def _checked(code: str) -> str:
    """The code with each ``print(x)  # shown`` line turned into a check that ``str(x)`` is ``shown``."""
    return _PRINTED.sub(lambda line: f"{line['indent']}_shows({line['expression']}, {line['shown']!r})", code)


def _shows(value: object, shown: str) -> None:
    assert str(value) == shown.strip(), (value, shown)


@pytest.mark.parametrize("code", blocks("python"))
def test_python_examples_run_and_print_what_their_comments_say(code: str) -> None:
    commented = [line for line in code.splitlines() if line.lstrip().startswith("print(") and "  # " in line]
    checked = _checked(code)
    assert checked.count("_shows(") == len(commented) > 0
    exec(compile(checked, "README.md", "exec"), {"_shows": _shows})  # noqa: S102 - our own README's examples


def test_exactly_two_set_up_commands_and_ci_runs_both() -> None:
    commands = [block.strip() for block in blocks("sh")]
    assert len(commands) == 2
    main, tests = commands
    assert main.endswith("-m humanising")
    assert tests.endswith("-m pytest")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert main in ci
    assert tests in ci


def test_the_models_table_is_the_models_command_s_markdown() -> None:
    """The README's table of models is generated from the models' declarations, never kept by hand."""
    from humanising.models import BUILTIN_MODELS
    from humanising.reports._json import models_data
    from humanising.reports._markdown import models_markdown

    table = models_markdown(models_data(BUILTIN_MODELS))
    assert table in README
