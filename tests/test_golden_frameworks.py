"""Every framework's reading of the shipped cases and of a grid of built ones, word for word.

``tests/golden/frameworks.csv`` is written from ``frameworks.compare(...).to_dict()``, the
plain data users export, so it pins the data as well as the objects behind it. It has one
row per framework and step as defined (kind, short name, co-production steps, summary; each
step's name, meaning and crosswalk); one row per framework as the data gives it (its name,
citation and how it reads a case); per case, one row with its
id, name, the programme it is part of and every model's fit; and, per case and framework,
one row per step (status, the facts it used with their values and basis, and the reason
written from them), one row for the reading's position and co-production status with the
framework reading it reports, and one row per disagreement with a co-production model and
its sentence.

The shipped cases leave many steps in one status only, so the table also reads a grid of
small cases built seat by seat: service users at every level of say at planning and
delivery, with and without professionals, with neighbours, and with each observation and
role differentiation the checklists read, known and unknown, with and without something
produced. After a deliberate change of
wording or crosswalk, write the table again with ``python tests/test_golden_frameworks.py``
and read the diff.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import humanising
from _framework_cases import NEIGHBOURS, STAFF, UNKNOWN, USERS, Seat, case, seat
from humanising import Initiative, frameworks
from test_golden import read_table

GOLDEN = Path(__file__).parent / "golden" / "frameworks.csv"
COLUMNS = ["case", "framework", "step", "status", "facts", "reason"]
LEVELS: tuple[Any, ...] = ("none", "informed", "consulted", "involved", "partner", "leads", UNKNOWN)
_STAFF_SEATS: dict[str, tuple[Seat, ...]] = {
    "no staff": (),
    "staff partner throughout": (seat(STAFF, "design", "partner"), seat(STAFF, "delivery", "partner")),
    "staff lead design": (seat(STAFF, "design", "leads"),),
    "staff unknown at delivery": (seat(STAFF, "delivery", UNKNOWN),),
}


def _level(value: Any) -> str:
    return "unknown" if value is UNKNOWN else str(value)


def built_cases() -> Iterator[tuple[str, Initiative]]:
    """The grid: (label, initiative) for each combination the crosswalks tell apart."""
    for staff, staff_seats in _STAFF_SEATS.items():
        for level in LEVELS:
            throughout = (seat(USERS, "design", level), seat(USERS, "delivery", level))
            yield f"users {_level(level)} throughout, {staff}", case(*throughout, *staff_seats)
    for planning, delivery in (("leads", None), (None, "leads"), ("partner", "none"), ("consulted", "leads")):
        users = tuple(
            seat(USERS, stage, level) for stage, level in (("design", planning), ("delivery", delivery)) if level
        )
        label = f"users {planning or 'absent'} at design and {delivery or 'absent'} at delivery"
        yield label, case(*users, seat(STAFF, "delivery", "partner"))
    for level in ("involved", "partner", "leads"):
        yield (
            f"neighbours {level} at delivery",
            case(seat(NEIGHBOURS, "delivery", level), seat(STAFF, "delivery", "partner")),
        )
    yield "users involved at policy only", case(seat(USERS, "policy", "involved"), stages=("policy", "delivery"))
    planned_and_delivered = {
        "users and staff plan, staff deliver": (("design", USERS), ("design", STAFF), ("delivery", STAFF)),
        "staff plan, users and staff deliver": (("design", STAFF), ("delivery", USERS), ("delivery", STAFF)),
        "users plan, users and staff deliver": (("design", USERS), ("delivery", USERS), ("delivery", STAFF)),
    }
    for label, places in planned_and_delivered.items():
        yield label, case(*(seat(who, stage, "partner") for stage, who in places))
    for level in LEVELS[1:]:
        evaluated = case(seat(USERS, "evaluation", level), stages=("delivery", "evaluation"))
        yield f"users {_level(level)} at evaluation", evaluated
    for value in (True, False, UNKNOWN):
        observed = humanising.Observations(assets_view=value, user_knowledge_equal_status=value)
        yield f"observations {_level(value)}", case(seat(USERS, "delivery", "involved"), observations=observed)
    for roles in ("kept", "broadened", "dissolved", UNKNOWN):
        yield f"roles {_level(roles)}", case(seat(USERS, "delivery", "involved"), role_differentiation=roles)
        # With nothing produced, the checklists read the initiative's own role differentiation.
        nothing = case(seat(USERS, "delivery", "involved"), kind="nothing", role_differentiation=roles)
        yield f"roles {_level(roles)}, nothing produced", nothing


def _facts(items: list[dict[str, Any]]) -> str:
    return "; ".join(f"{item['path']} = {item['value']} ({item['basis']})" for item in items)


def _rows_of(label: str, initiative: dict[str, Any]) -> Iterator[dict[str, str]]:
    yield {
        "case": label,
        "framework": "",
        "step": "(initiative)",
        "status": f"part of {initiative['part_of']}" if initiative["part_of"] else "",
        "facts": "; ".join(f"{model}: {fit}" for model, fit in initiative["verdicts"].items()),
        "reason": f"{initiative['id']}: {initiative['name']}",
    }
    for framework_id, reading in initiative["frameworks"].items():
        for placement in reading["placements"]:
            yield {
                "case": label,
                "framework": reading["framework"],
                "step": placement["step"],
                "status": placement["status"],
                "facts": _facts(placement["facts"]),
                "reason": placement["reason"],
            }
        yield {
            "case": label,
            "framework": framework_id,
            "step": "(position)",
            "status": str(reading["coproduction"]),
            "facts": reading["reading"],
            "reason": f"{reading['initiative']}: {reading['position']}",
        }
    for disagreement in initiative["disagreements"]:
        yield {
            "case": label,
            "framework": disagreement["framework"],
            "step": f"({disagreement['initiative']} disagrees with {disagreement['model']}: {disagreement['fit']})",
            "status": disagreement["coproduction"],
            "facts": "",
            "reason": disagreement["sentence"],
        }


def _definitions() -> Iterator[dict[str, str]]:
    for framework in frameworks.frameworks():
        yield {
            "case": "(definition)",
            "framework": framework.id,
            "step": "(framework)",
            "status": str(framework.kind),
            "facts": f"{framework.short_name}; co-production at: {', '.join(framework.coproduction) or 'none'}",
            "reason": framework.summary,
        }
        for step in framework.steps:
            yield {
                "case": "(definition)",
                "framework": framework.id,
                "step": step.id,
                "status": "expressible" if step.expressible else "not expressible",
                "facts": step.name,
                "reason": f"{step.meaning} Crosswalk: {step.crosswalk}",
            }


def current_rows() -> Iterator[dict[str, str]]:
    yield from _definitions()
    shipped = frameworks.compare(humanising.casebook.load(case_id) for case_id in humanising.casebook.ids()).to_dict()
    for framework in shipped["frameworks"]:
        yield {
            "case": "(every case)",
            "framework": framework["id"],
            "step": "(framework)",
            "status": "",
            "facts": framework["citation"],
            "reason": f"{framework['name']}: {framework['reading']}",
        }
    for initiative in shipped["initiatives"]:
        yield from _rows_of(initiative["id"], initiative)
    for label, built in built_cases():
        (initiative,) = frameworks.compare([built]).to_dict()["initiatives"]
        yield from _rows_of(label, initiative)


def write_rows() -> None:
    with GOLDEN.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(current_rows())


def test_every_reading_is_what_the_table_says() -> None:
    expected = read_table(GOLDEN, COLUMNS)
    found = list(current_rows())
    changed = [(old, new) for old, new in zip(expected, found, strict=False) if old != new]
    assert not changed, f"first changed row: {changed[0]}; write the table again if the change is meant"
    assert len(found) == len(expected), f"{len(found)} rows now, {len(expected)} in the table"


def test_the_table_holds_every_expressible_step_met_unmet_and_unknown() -> None:
    # A step seen in one status only would pin one of its three sentences.
    rows = read_table(GOLDEN, COLUMNS)
    seen: dict[tuple[str, str], set[str]] = {}
    for row in rows:
        if row["case"] != "(definition)" and not row["step"].startswith("("):
            seen.setdefault((row["framework"], row["step"]), set()).add(row["status"])
    short = {step: statuses for step, statuses in seen.items() if statuses != {"not expressible"}}
    missing = {step: sorted({"met", "unmet", "unknown"} - statuses) for step, statuses in short.items()}
    assert not {step: gone for step, gone in missing.items() if gone}


if __name__ == "__main__":
    write_rows()
    sys.stdout.write(f"wrote {GOLDEN}\n")
