"""What decides each claim on each shipped case, word for word.

``tests/golden/claims.csv`` has a row per case and claim: the claim's value and what
``Claim.why`` says decides it, its sentences joined by `` | ``. The claims are the texts'
theses and a set that reaches every part of the claims language: each comparison of fits,
a stage, a criterion, each form of ``equalises``, ``humanises``, a Python predicate, and
``not``, ``and``, ``or`` and ``->`` with each value. Users quote these sentences when they
argue with a claim, so a changed word is a changed row, seen in review. After a deliberate
change of wording, write the table again with ``python tests/test_golden_claims.py`` and
read the diff.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

import humanising
from humanising import claims
from test_golden import read_table

GOLDEN = Path(__file__).parent / "golden" / "claims.csv"
COLUMNS = ["case", "claim", "value", "why"]
EXPRESSIONS = (
    "coproduction",
    "coproduction >= partly",
    "user_led != does_not_fit",
    "evidence_based_practice < fits",
    "community_involvement <= partly",
    "user_centred_design > does_not_fit",
    "coproduction_gold_standard <= coproduction",
    "humanises = fits",
    "user_led@delivery",
    "coproduction@design",
    "met(coproduction, service_user_voice)",
    "met(transformative_coproduction, decision_power)",
    "met(humanises, care)",
    "equalises",
    "equalises(service_users_and_professionals)",
    "equalises(service_users_and_professionals, achieved)",
    "equalises(service_users_and_local_population, aim)",
    "equalises(clinical_and_non_clinical)",
    "humanises",
    "not humanises",
    "humanises and equalises",
    "humanises or coproduction",
    "user_led or coproduction >= partly or equalises",
    "coproduction -> humanises",
    "not (humanises -> equalises)",
)


def _claims() -> Iterator[claims.Claim]:
    yield from (claims.parse(expression) for expression in EXPRESSIONS)
    yield from (claims.parse(thesis.expression) for thesis in claims.theses())
    yield claims.Claim(
        "compulsion recorded",
        lambda analysis: None if analysis.initiative.compulsion.value is humanising.UNKNOWN else True,
    )


def current_rows() -> Iterator[dict[str, str]]:
    chosen = list(_claims())
    for case_id in humanising.casebook.ids():
        analysis = humanising.analyse(humanising.casebook.load(case_id))
        for claim in chosen:
            yield {
                "case": case_id,
                "claim": claim.text,
                "value": _words(claim(analysis)),
                "why": " | ".join(claim.why(analysis)),
            }


def _words(value: bool | None) -> str:
    # Written here, not read from the library, so that the table also pins how values are named.
    return {True: "true", False: "false", None: "unknown"}[value]


def write_rows() -> None:
    with GOLDEN.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(current_rows())


def test_what_decides_every_claim_is_what_the_table_says() -> None:
    expected = read_table(GOLDEN, COLUMNS)
    found = list(current_rows())
    changed = [(old, new) for old, new in zip(expected, found, strict=False) if old != new]
    assert not changed, f"first changed row: {changed[0]}; write the table again if the change is meant"
    assert len(found) == len(expected), f"{len(found)} rows now, {len(expected)} in the table"


def test_the_table_holds_every_value_for_every_connective() -> None:
    # A table where a connective only ever came out one way would pin one branch of its sentences.
    rows = read_table(GOLDEN, COLUMNS)
    for connective in (" and ", " or ", " -> ", "not "):
        values = {row["value"] for row in rows if connective in row["claim"]}
        assert values == {"true", "false", "unknown"}, (connective, values)
    assert all(row["why"] for row in rows)


if __name__ == "__main__":
    write_rows()
    sys.stdout.write(f"wrote {GOLDEN}\n")
