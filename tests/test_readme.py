"""The README's examples run, and CI runs the README's commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


@pytest.mark.parametrize("code", blocks("python"))
def test_python_examples_run(code: str) -> None:
    exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - our own README's examples


def test_exactly_two_set_up_commands_and_ci_runs_both() -> None:
    commands = [block.strip() for block in blocks("sh")]
    assert len(commands) == 2
    main, tests = commands
    assert main.endswith("-m humanising")
    assert tests.endswith("-m pytest")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert main in ci
    assert tests in ci
