"""A seeded corpus of realistic initiatives as JSON Lines: the same seed and count, the same bytes.

Each record is the benchmarks' reference initiative (8 stakeholders, 5 stages, 2 products,
4 relationships, a design process, some unknowns: ``bench.build_initiative``) with its facts
drawn afresh: every participation's involvement and basis, every relationship's change and
claim, the evidence, the design process and the initiative-wide facts, from their valid
values (``unknown`` among them), under an id and name of its own. Every record is a valid
case record; the verdicts vary from record to record.

    python benchmarks/corpus.py 100000 > corpus.jsonl
    python benchmarks/corpus.py 1000000 | humanising classify - -f jsonl > /dev/null

Records are made one at a time and written as they are made, so a pipe never waits for the
corpus to be held: about 30,000 records a second on one core.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench

import humanising

DEFAULT_SEED = 2023

_INVOLVEMENTS = [*(level.value for level in humanising.Involvement), "unknown"]
_BASES = [None, *(basis.value for basis in humanising.Basis)]
_CHANGES = [change.value for change in humanising.Change]
_CLAIMS = [claim.value for claim in humanising.Claim]
_ANSWERS: list[Any] = [True, False, None]  # None: the fact is left out, so unknown
_ROLES = [*(role.value for role in humanising.RoleDifferentiation), None]


def _template() -> dict[str, Any]:
    record = humanising.unstructure(bench.build_initiative())
    record.pop("sources")
    record["summary"] = "An invented initiative from benchmarks/corpus.py."
    return record


def _answer(chosen: Any) -> dict[str, Any]:
    return {} if chosen is None else {"value": chosen}


def records(count: int, seed: int = DEFAULT_SEED) -> Iterator[dict[str, Any]]:
    """``count`` records, each drawn from ``random.Random(seed)`` in turn: deterministic."""
    template = _template()
    draw = random.Random(seed)
    choice = draw.choice
    for number in range(count):
        participations = []
        for participation in template["participations"]:
            drawn = {**participation, "involvement": choice(_INVOLVEMENTS)}
            drawn.pop("basis", None)
            if (basis := choice(_BASES)) is not None:
                drawn["basis"] = basis
            participations.append(drawn)
        relationships = [
            {**relationship, "change": choice(_CHANGES), "claim": choice(_CLAIMS)}
            for relationship in template["relationships"]
        ]
        evidence = {
            fact: answer
            for fact in ("question_by_topic_experts", "literature_searched", "evidence_applied", "outcomes_evaluated")
            if (answer := choice(_ANSWERS)) is not None
        }
        design = {
            fact: answer
            for fact in ("end_user_research", "ideation", "prototyping")
            if (answer := choice(_ANSWERS)) is not None
        }
        design["revisions"] = template["design_process"]["revisions"][: draw.randrange(3)]
        record = {
            **template,
            "id": f"corpus-{number:07d}",
            "name": f"Invented initiative {number}",
            "participations": participations,
            "relationships": relationships,
            "evidence": evidence,
            "design_process": design,
        }
        for fact in ("compulsion", "paid_employment", "user_knowledge_shapes_product"):
            record.pop(fact, None)
            if (answer := choice(_ANSWERS)) is not None:
                record[fact] = answer
        record.pop("role_differentiation", None)
        if (role := choice(_ROLES)) is not None:
            record["role_differentiation"] = role
        yield record


def lines(count: int, seed: int = DEFAULT_SEED) -> Iterator[str]:
    """The records as compact JSON text, one line each."""
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for record in records(count, seed):
        yield dumps(record) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many records")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"the seed (default {DEFAULT_SEED})")
    parser.add_argument("-o", "--output", type=Path, help="write to this file (default: standard output)")
    arguments = parser.parse_args(argv)
    out = sys.stdout if arguments.output is None else arguments.output.open("w", encoding="utf-8")
    try:
        out.writelines(lines(arguments.count, arguments.seed))
    except BrokenPipeError:  # the reader stopped early: not an error of ours
        return 0
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
