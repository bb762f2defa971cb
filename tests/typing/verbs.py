"""The verbs, the casebook, case files and the strategies, called as users call them.

Type-checked by mypy and never run.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, assert_type

from hypothesis import strategies as st

import humanising
import humanising.strategies as hst
from humanising import (
    Analysis,
    Barrier,
    BarrierFinding,
    CriterionResult,
    Fact,
    FactPath,
    Finding,
    Fit,
    Initiative,
    Model,
    Quadrant,
    Reading,
    ReadingMatch,
    Relationship,
    Stage,
    Status,
    Verdict,
)

i = humanising.casebook.load("sleepwell")
assert_type(i, Initiative)
assert_type(humanising.casebook.ids(), tuple[str, ...])

# --- classify and what a verdict holds

verdicts = humanising.classify(i)
assert_type(verdicts, Mapping[str, Verdict])
assert_type(humanising.classify(i)["user_led"].fit, Fit)
verdict = verdicts["coproduction"]
assert_type(verdict.model, str)
assert_type(verdict.stages, tuple[Stage, ...])
assert_type(verdict.criteria, tuple[CriterionResult, ...])
assert_type(verdict.criterion("produces").status, Status)
assert_type(verdict.criterion("produces").reason, str)
assert_type(verdict.unknowns, tuple[FactPath, ...])
assert_type(verdict.to_dict(), dict[str, Any])
assert_type(verdict.criteria[0].facts, tuple[FactPath, ...])
assert_type(verdict.reasons, tuple[str, ...])
assert_type(verdict.notes, tuple[str, ...])

# --- analyse and the relations

analysis = humanising.analyse(i)
assert_type(analysis, Analysis)
assert_type(analysis.verdicts["evidence_based_practice"].fit, Fit)
assert_type(analysis.quadrant, Quadrant)
assert_type(analysis.parts, tuple[Analysis, ...])
assert_type(humanising.equalises(i), tuple[Relationship, ...])
assert_type(humanising.humanises(i), Verdict)
assert_type(humanising.quadrant(i), Quadrant)

findings = humanising.barriers(i)
assert_type(findings, tuple[BarrierFinding, ...])
assert_type(findings[0].barrier, Barrier)
assert_type(findings[0].status, Finding)
matches = humanising.readings(i)
assert_type(matches, tuple[ReadingMatch, ...])
assert_type(matches[0].reading, Reading)
assert_type(matches[0].status, Status)

# --- the registry

assert_type(humanising.registered_models(), tuple[Model, ...])
humanising.unregister_model("peer_support")

# --- case files and plain data

assert_type(humanising.load_file("case.yaml"), tuple[Initiative, ...])
assert_type(humanising.load_file(Path("case.json")), tuple[Initiative, ...])
data = humanising.unstructure(i)
assert_type(data, dict[str, Any])
assert_type(humanising.structure(data), Initiative)
assert_type(humanising.structure({"id": "x", "name": "X"}, file="x.yaml"), Initiative)

# --- the hypothesis strategies

assert_type(hst.initiatives(), st.SearchStrategy[Initiative])
assert_type(hst.initiatives(max_parts=2, allow_unknown=False), st.SearchStrategy[Initiative])
hst.initiatives(allow_unknown="no")  # type: ignore[arg-type]
humanising.load_file(3)  # type: ignore[arg-type]
humanising.classify("sleepwell")  # type: ignore[arg-type]


# --- fact paths and settling what a verdict names

path = humanising.FactPath.participation("patients", "design").then("involvement")
assert_type(path, FactPath)
assert_type(str(path), str)
assert_type(path.locator, str)
assert_type(FactPath.parse("observations.dissent"), FactPath)
assert_type(FactPath("products", 3, "domain").steps, tuple[str | int | humanising.PathKey, ...])
assert_type(humanising.settle(i, path, "partner"), Initiative)
assert_type(humanising.settle(i, "compulsion", True), Initiative)
assert_type(humanising.settle(i, verdict.unknowns[0], Fact(True, "hedged")), Initiative)

# --- case-file text

assert_type(humanising.loads("id: x\nname: X\n"), tuple[Initiative, ...])
assert_type(humanising.loads("{}", format="json", file="case.json"), tuple[Initiative, ...])
assert_type(humanising.dumps(i), str)
assert_type(humanising.dumps([i, i], format="json"), str)
assert_type(humanising.case_file_schema(), dict[str, Any])
humanising.dumps(["not an initiative"])  # type: ignore[list-item]

# --- a verdict built from written results

written = humanising.Verdict("peer_led", [CriterionResult("peers_lead", "met", True, "Peers lead.")], fit="fits")
assert_type(written, Verdict)
assert_type(written.fit, Fit)

# --- a registry you can hold

registry = humanising.Registry(m for m in humanising.registered_models() if m.id in {"user_led", "coproduction"})
assert_type(registry, humanising.Registry)
assert_type(registry["user_led"], Model)
assert_type(len(registry), int)
assert_type("user_led" in registry, bool)
assert_type(list(registry), list[Model])
assert_type(registry.with_model(registry["user_led"], replace=True), humanising.Registry)
assert_type(registry.without("user_led"), humanising.Registry)
assert_type(humanising.classify(i, models=registry)["user_led"].fit, Fit)
assert_type(humanising.classify(i, models=[registry["user_led"]]), Mapping[str, Verdict])
assert_type(humanising.analyse(i, models=registry), Analysis)
assert_type(humanising.analyse(i).to_dict(), dict[str, Any])
assert_type(registry["user_led"].short_name, str)
humanising.classify(i, models="user_led")  # type: ignore[arg-type]

# --- the errors misuse gets, and their payloads

try:
    humanising.classify(i)["co-production"]
except humanising.exceptions.UnknownModelError as unknown_model:
    assert_type(unknown_model.model_id, str)
    assert_type(unknown_model.known, tuple[str, ...])
    assert_type(unknown_model.suggestion, str | None)
try:
    humanising.casebook.load("sleep-well")
except humanising.exceptions.UnknownCaseError as unknown_case:
    assert_type(unknown_case.suggestion, str | None)
try:
    humanising.analyse(i)
except humanising.exceptions.NotAnInitiativeError as not_an_initiative:
    assert_type(not_an_initiative.function, str)
    assert_type(not_an_initiative.value, object)

# Tables for spreadsheets and notebooks.
rows = humanising.records([humanising.analyse(i)], table="criteria")
assert_type(rows, list[dict[str, str | bool | None]])
humanising.records([humanising.analyse(i)], table="criterion")  # type: ignore[arg-type]
assert_type(humanising.to_pandas(rows), Any)
assert_type(humanising.to_polars(rows), Any)
