"""The shipped cases against their source: every involvement level says where the paper says it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import humanising

ROOT = Path(__file__).resolve().parent.parent
PAPER = ROOT.parent / "shared" / "seeds" / "000_a6d8b079036580a7.txt"
PAPER_CASES = [case_id for case_id in humanising.casebook.ids() if not case_id.startswith("illustrative-")]
_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_MARKS)).strip()


def _walk(initiative: humanising.Initiative) -> list[humanising.Initiative]:
    return [initiative, *(found for part in initiative.parts for found in _walk(part))]


@pytest.mark.parametrize("case_id", PAPER_CASES)
def test_every_participation_of_a_paper_case_quotes_the_passage_it_reads(case_id: str) -> None:
    if not PAPER.exists():
        pytest.skip(f"the paper's text is not at {PAPER}")
    paper = _plain(PAPER.read_text(encoding="utf-8"))
    for initiative in _walk(humanising.casebook.load(case_id)):
        for participation in initiative.participations:
            where = f"{initiative.id}: {participation.stakeholder}@{participation.stage.value}"
            assert participation.locator is not None, f"{where} has no locator"
            assert participation.locator.section.startswith("4."), where
            assert _plain(participation.locator.quote) in paper, f"{where}: the quote is not the paper's words"


@pytest.mark.parametrize("case_id", PAPER_CASES)
def test_the_paper_cases_are_version_2_files(case_id: str) -> None:
    """Their unstated bases are codings: only what the paper says in so many words is published."""
    name = "east-lille" if case_id.startswith("east-lille") else case_id
    text = (ROOT / "src" / "humanising" / "casebook" / f"{name}.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["format"] == 2
