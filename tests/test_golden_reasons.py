"""Every reason the casebook's verdicts give, word for word.

``tests/golden/reasons.csv`` has a row per case, model and criterion (``humanises`` is the
humanising verdict): the criterion's status, the facts that decided it, the unknown facts that
would settle it and its reason. A verdict's further notes follow its criteria, with ``criterion``
left empty; then come each reading of co-production (model ``readings``), each institutional
barrier (model ``barriers``) and the analysis's notes on how its verdicts and relationships bear
on each other (model ``analysis``).
Users quote these sentences, so a changed word is a changed row, seen in review. After a
deliberate change of wording, write the table again with ``python tests/test_golden_reasons.py``
and read the diff.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import humanising
from humanising.models import BUILTIN_MODELS
from test_golden import HUMANISES, read_table

GOLDEN = Path(__file__).parent / "golden" / "reasons.csv"
COLUMNS = ["case", "model", "criterion", "status", "facts", "unknowns", "reason"]
READINGS = "readings"
BARRIERS = "barriers"
ANALYSIS = "analysis"


def _paths(paths: Iterable[humanising.FactPath]) -> str:
    return " ".join(str(path) for path in paths)


def current_rows() -> Iterator[dict[str, str]]:
    for case_id in humanising.casebook.ids():
        case = humanising.casebook.load(case_id)
        blank = {"criterion": "", "status": "", "facts": "", "unknowns": ""}
        verdicts = {**humanising.classify(case, models=BUILTIN_MODELS), HUMANISES: humanising.humanises(case)}
        for model_id, verdict in verdicts.items():
            for result in verdict.criteria:
                yield {
                    "case": case_id,
                    "model": model_id,
                    "criterion": result.id,
                    "status": result.status.value,
                    "facts": _paths(result.facts),
                    "unknowns": _paths(result.unknowns),
                    "reason": result.reason,
                }
            for note in verdict.notes:
                yield {"case": case_id, "model": model_id, **blank, "reason": note}
        for match in humanising.readings(case):
            yield {
                "case": case_id,
                "model": READINGS,
                **blank,
                "criterion": match.reading.value,
                "status": match.status.value,
                "unknowns": _paths(match.unknowns),
                "reason": match.reason,
            }
        for finding in humanising.barriers(case):
            yield {
                "case": case_id,
                "model": BARRIERS,
                "criterion": finding.barrier.value,
                "status": finding.status.value,
                "facts": _paths(finding.facts),
                "unknowns": _paths(finding.unknowns),
                "reason": finding.reason,
            }
        for coherence in humanising.analyse(case).notes:
            yield {
                "case": case_id,
                "model": ANALYSIS,
                **blank,
                "criterion": coherence.about or "",
                "reason": coherence.text,
            }


def write_rows() -> None:
    with GOLDEN.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(current_rows())


def test_every_reason_is_the_one_in_the_table() -> None:
    expected = read_table(GOLDEN, COLUMNS)
    found = list(current_rows())
    changed = [(old, new) for old, new in zip(expected, found, strict=False) if old != new]
    assert not changed, f"first changed row: {changed[0]}; write the table again if the change is meant"
    assert len(found) == len(expected), f"{len(found)} reasons now, {len(expected)} in the table"


def test_the_table_holds_every_status_and_some_notes() -> None:
    # A table of one kind of row would pin little: it covers met, unmet and unknown criteria and notes.
    rows = read_table(GOLDEN, COLUMNS)
    assert {row["status"] for row in rows} >= {"met", "unmet", "unknown", ""}
    assert {row["model"] for row in rows} >= {READINGS, BARRIERS, ANALYSIS, HUMANISES}
    assert any(row["unknowns"] for row in rows)
    assert len({row["case"] for row in rows}) == len(humanising.casebook.ids())


if __name__ == "__main__":
    write_rows()
    sys.stdout.write(f"wrote {GOLDEN}\n")
