"""``humanising new --interactive``: the guided coding, driven through ``main()`` with typed answers."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import yaml
from hypothesis import given
from hypothesis import strategies as st

import humanising
from _answers import KEYSTROKES, SUMMARY, reference
from humanising._casefiles._questions import SECTIONS, case_file, quoted
from humanising.cli import main

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def interview(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], keystrokes: list[str], *args: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in keystrokes)))
    code = main(["new", "--interactive", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_interview_writes_a_case_file_that_loads_to_the_initiative_answered(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "drop-in.yaml"
    code, out, err = interview(monkeypatch, capsys, KEYSTROKES, str(target))
    assert (code, out) == (0, "")
    assert f"wrote {target}" in err
    (loaded,) = humanising.load_file(target)
    assert loaded == reference(summary=SUMMARY.replace("\n", " "))
    assert main(["validate", str(target)]) == 0


def test_without_a_file_only_the_case_file_goes_to_standard_output(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = interview(monkeypatch, capsys, KEYSTROKES)
    assert code == 0
    assert out.startswith("# A humanising case file")
    assert "How much say they had" in err
    assert "How much say they had" not in out
    (loaded,) = humanising.loads(out)
    assert loaded == reference(summary=SUMMARY.replace("\n", " "))


def test_each_choice_is_offered_with_the_codebooks_meaning(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, err = interview(monkeypatch, capsys, KEYSTROKES)
    flat = " ".join(err.split())
    for value in (humanising.Involvement.PARTNER, humanising.Identity.SURVIVOR, humanising.Change.BYPASSED):
        assert f"{value.value}: {' '.join(value.definition.split())}" in flat
    assert f"involvement: leads  # {humanising.Involvement.LEADS.definition}" in out


def test_the_questions_come_in_the_order_a_person_answers_them(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, _, err = interview(monkeypatch, capsys, KEYSTROKES)
    positions = [err.index(section.title) for section in SECTIONS]
    assert positions == sorted(positions)
    assert err.index("The design stage") < err.index("The delivery stage") < err.index("The evaluation stage")


def test_an_answer_not_allowed_is_asked_again_saying_why(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    keystrokes = list(KEYSTROKES)
    keystrokes[0:1] = ["Peer Drop-in", "peer-drop-in"]
    stage = keystrokes.index("design, delivery, evaluation")
    keystrokes[stage : stage + 1] = ["design, deliverance", "design, delivery, evaluation"]
    staff = keystrokes.index("staff")
    keystrokes[staff : staff + 1] = ["members", "staff"]
    code, out, err = interview(monkeypatch, capsys, keystrokes)
    assert code == 0
    assert "an id is lower-case letters" in err
    assert "not one of the values above: deliverance" in err
    assert "'members' is taken" in err
    assert humanising.loads(out)[0] == reference(summary=SUMMARY.replace("\n", " "))


def test_a_file_that_may_not_be_replaced_is_refused_before_any_question(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("mine", encoding="utf-8")
    code, _, err = interview(monkeypatch, capsys, KEYSTROKES, str(target))
    assert code == 1
    assert "already exists; use --force" in err
    assert "The initiative" not in err
    assert target.read_text(encoding="utf-8") == "mine"
    code, _, _ = interview(monkeypatch, capsys, KEYSTROKES, str(target), "--force")
    assert code == 0
    assert humanising.load_file(target)[0] == reference(summary=SUMMARY.replace("\n", " "))


def test_answers_that_stop_short_write_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "half.yaml"
    code, _, err = interview(monkeypatch, capsys, KEYSTROKES[:10], str(target))
    assert code == 1
    assert "Aborted" in err
    assert not target.exists()


def test_interactive_and_skeleton_together_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--interactive", "--skeleton", "x.yaml"]) == 2
    assert "cannot be used together" in capsys.readouterr().err


def test_a_case_file_with_nothing_known_is_valid(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only an id and a name: every list empty, the features unknown."""
    keystrokes = ["bare", "Bare", "", "", "", "", "n", "initiation", "n", "n", "n"]
    code, out, _ = interview(monkeypatch, capsys, keystrokes)
    assert code == 0
    (loaded,) = humanising.loads(out)
    assert loaded == humanising.Initiative(id="bare", name="Bare", silent_stages={"initiation"})


@given(st.text())
def test_a_quoted_answer_reads_back_as_it_was_typed(text: str) -> None:
    """Law: for any text, the YAML reader reads ``quoted(text)`` back as ``text``."""
    assert yaml.safe_load(f"value: {quoted(text)}\n") == {"value": text}


@given(st.text(min_size=1).filter(str.strip), st.text())
def test_any_name_and_summary_make_a_case_file_that_loads_to_them(name: str, summary: str) -> None:
    """Law: the case file made from any answers to the free-text questions loads to those answers."""
    text = case_file({"initiative": {"id": "any", "name": name, "summary": summary}})
    (loaded,) = humanising.loads(text)
    assert (loaded.name, loaded.summary) == (name, summary)
