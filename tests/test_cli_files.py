"""The command over several files, and the files it writes: batches that go on, outputs that are safe.

A batch reports every good file and names every bad one; ``-o`` writes a file whole or not
at all, never over an input, over another file only with ``--force``, and never through a
symbolic link; text written to a file or shown on a terminal carries no escape of its own.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from humanising.cli import main
from test_cli import MINIMAL, run, write

BROKEN = "id: [\n"


@pytest.fixture
def good(tmp_path: Path) -> str:
    return write(tmp_path, MINIMAL, "good.yaml")


@pytest.fixture
def bad(tmp_path: Path) -> str:
    return write(tmp_path, BROKEN, "bad.yaml")


@pytest.mark.parametrize("format_", ["json", "table", "markdown", "html"])
def test_classify_reports_the_good_files_of_a_batch(
    capsys: pytest.CaptureFixture[str], good: str, bad: str, format_: str
) -> None:
    code, out, err = run(capsys, "classify", good, bad, "-f", format_)
    assert code == 1
    assert "mine" in out
    assert err.startswith(f"Error: {bad}:")
    assert err.endswith("2 files: 1 good, 1 failed\n")


def test_a_batch_is_reported_in_json_with_only_its_good_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, good: str, bad: str
) -> None:
    missing = str(tmp_path / "missing.yaml")
    code, out, err = run(capsys, "classify", bad, good, missing, "-f", "json")
    assert code == 1
    assert [initiative["id"] for initiative in json.loads(out)["initiatives"]] == ["mine"]
    assert err.count("Error: ") == 2
    assert err.endswith("3 files: 1 good, 2 failed\n")


def test_a_batch_of_bad_files_writes_no_report(capsys: pytest.CaptureFixture[str], tmp_path: Path, bad: str) -> None:
    report = tmp_path / "report.json"
    code, out, _ = run(capsys, "classify", bad, bad, "-f", "json", "-o", str(report))
    assert (code, out) == (1, "")
    assert not report.exists()


def test_an_unexpected_failure_of_one_file_does_not_end_the_batch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, good: str
) -> None:
    deep = write(tmp_path, "[" * 100_000 + "]" * 100_000, "deep.json")
    code, out, err = run(capsys, "validate", good, deep, good)
    assert code == 1
    assert out == f"ok: {good} (1 initiative)\nok: {good} (1 initiative)\n"
    assert f"Error: {deep}: " in err
    assert "Traceback" not in err
    assert err.endswith("3 files: 2 good, 1 failed\n")


def test_explain_goes_through_every_good_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, good: str, bad: str
) -> None:
    other = write(tmp_path, MINIMAL.replace("id: mine", "id: other"), "other.yaml")
    code, out, err = run(capsys, "explain", bad, good, other)
    assert code == 1
    assert "mine: My initiative" in out
    assert "other: My initiative" in out
    assert "3 files: 2 good, 1 failed" in err


def test_diagram_draws_every_good_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, good: str, bad: str) -> None:
    other = write(tmp_path, MINIMAL.replace("id: mine", "id: other"), "other.yaml")
    code, out, err = run(capsys, "diagram", good, bad, other)
    assert code == 1
    assert out.count("flowchart LR") == 2
    assert "%% mine: My initiative" in out
    assert "%% other: My initiative" in out
    assert err.startswith(f"Error: {bad}:")
    assert err.endswith("3 files: 2 good, 1 failed\n")
    code, out, _ = run(capsys, "diagram", good, other, "--id", "other")
    assert (code, out.count("flowchart LR")) == (0, 1)


def test_validate_of_good_files_prints_no_count(capsys: pytest.CaptureFixture[str], good: str) -> None:
    assert run(capsys, "validate", good, good) == (0, f"ok: {good} (1 initiative)\n" * 2, "")


# --- -o: whole, not over inputs, not over other files unless forced, not through links


@pytest.mark.parametrize(
    "command",
    [["classify", "-f", "json"], ["explain"], ["diagram"]],
    ids=lambda command: command[0],
)
def test_the_output_may_not_be_an_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, good: str, command: list[str]
) -> None:
    for output in (good, str(tmp_path / "." / "good.yaml"), str(tmp_path / "hard.yaml")):
        if output.endswith("hard.yaml"):
            os.link(good, output)
        code, _, err = run(capsys, *command, good, "-o", output, "--force")
        assert code == 1
        assert "it is the input file" in err
        assert Path(good).read_text(encoding="utf-8") == MINIMAL


@pytest.mark.parametrize(
    "command",
    [["classify", "CASE"], ["explain", "CASE"], ["diagram", "CASE"], ["casebook"], ["schema"], ["models"]],
    ids=lambda command: command[0],
)
def test_an_existing_file_is_replaced_only_with_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, good: str, command: list[str]
) -> None:
    args = [good if word == "CASE" else word for word in command]
    target = tmp_path / "existing.txt"
    target.write_text("mine\n", encoding="utf-8")
    code, _, err = run(capsys, *args, "-o", str(target))
    assert code == 1
    assert err == f"Error: {target} already exists; use --force to replace it\n"
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert run(capsys, *args, "-o", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8") != "mine\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["existing.txt", "good.yaml"]  # no temporary left


def test_a_failed_write_leaves_the_old_file_whole(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, good: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    target.write_text("old\n", encoding="utf-8")

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", fail)
    code, _, err = run(capsys, "classify", good, "-f", "json", "-o", str(target), "--force")
    assert code == 1
    assert err == f"Error: cannot write {target}: No space left on device\n"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["good.yaml", "report.json"]


def test_a_new_file_gets_the_usual_permissions(capsys: pytest.CaptureFixture[str], tmp_path: Path, good: str) -> None:
    umask = os.umask(0o022)
    try:
        assert run(capsys, "classify", good, "-o", str(tmp_path / "out.txt"))[0] == 0
    finally:
        os.umask(umask)
    assert (tmp_path / "out.txt").stat().st_mode & 0o777 == 0o644


def test_a_device_is_written_to_not_replaced(capsys: pytest.CaptureFixture[str], good: str) -> None:
    assert run(capsys, "classify", good, "-o", os.devnull)[0] == 0
    assert not Path(os.devnull).is_file()


@pytest.mark.parametrize("dangling", [True, False], ids=["dangling", "to a file"])
@pytest.mark.parametrize(
    "command",
    [["classify", "CASE", "-o", "LINK"], ["new", "LINK"], ["schema", "-o", "LINK"]],
    ids=lambda command: command[0],
)
def test_a_symbolic_link_is_never_written_through(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, good: str, command: list[str], dangling: bool
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    victim = tmp_path / "victim.txt"
    if not dangling:
        victim.write_text("victim\n", encoding="utf-8")
    link = folder / "link.yaml"
    link.symlink_to(victim)
    args = [good if word == "CASE" else str(link) if word == "LINK" else word for word in command]
    for force in ([], ["--force"]):
        code, _, err = run(capsys, *args, *force)
        assert code == 1
        assert f"Error: will not write {link}: it is a symbolic link (to {victim})" in err
    assert victim.exists() is not dangling or victim.read_text(encoding="utf-8") == "victim\n"
    assert link.is_symlink()


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_export_never_follows_a_link_out_of_its_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, force: list[str]
) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "sleepwell.yaml").symlink_to(tmp_path / "victim")
    code, out, err = run(capsys, "casebook", "export", str(folder), *force)
    assert (code, out) == (1, "")
    assert "will not write through symbolic links" in err
    assert "sleepwell.yaml" in err
    assert not (tmp_path / "victim").exists()
    assert [path.name for path in folder.iterdir()] == ["sleepwell.yaml"]


def test_export_to_a_file_says_it_is_not_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "casebook", "export", str(tmp_path / "afile"))
    assert code == 1
    assert err == f"Error: cannot write to {tmp_path / 'afile'}: it is not a directory\n"


# --- no escape codes of our own in files, and none from case files anywhere


def test_files_get_no_colour_whatever_the_terminal(tmp_path: Path, good: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    for command in (["explain", good], ["classify", good]):
        target = tmp_path / f"{command[0]}.txt"
        assert main([*command, "-o", str(target)]) == 0
        text = target.read_text(encoding="utf-8")
        assert "mine" in text
        assert "\x1b" not in text


def test_escapes_in_names_are_shown_not_obeyed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    case = write(tmp_path, MINIMAL.replace("My initiative", '"Esc \\e]0;TITLE\\a\\e[2J\\e[31mRED\\r\\x9b"'))
    for command in (["explain", case], ["classify", case]):
        code, out, _ = run(capsys, *command)
        assert code == 0
        assert not any(character in out for character in "\x1b\x07\r\x9b")
    code, out, _ = run(capsys, "explain", case)
    assert "Esc \\x1b]0;TITLE\\x07\\x1b[2J\\x1b[31mRED\\r\\x9b" in out
