"""The laws of evidence, over generated initiatives: every criterion result of every built-in model.

- every evidence path resolves, in the initiative, to the value the evidence records;
- a result whose evidence has a basis with a hedge phrase carries the weakest such hedge;
- an unknown result names at least one unknown fact, and settling those facts settles it;
- a check gives the same status in its two modes (over the summary, and over the facts);
- no note contradicts the verdict it is about.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import humanising
from humanising import UNKNOWN, Domain, Fact, FactPath, Initiative, Involvement, PathKey, Stage
from humanising import strategies as hst
from humanising._reasoning._logic import unique
from humanising.exceptions import FactPathError, InvalidFactError
from humanising.models import (
    ANY_SIDE,
    BUILTIN_MODELS,
    WITHOUT_LIVED_EXPERIENCE,
    Condition,
    Look,
    Producing,
    ProductIn,
    Provides,
    Side,
    Voice,
)

_TERMS = [getattr(humanising, name) for name in humanising.__all__]
_EVERY_VALUE: tuple[object, ...] = (
    True,
    False,
    (),
    *(
        member
        for term in _TERMS
        if isinstance(term, type) and issubclass(term, enum.Enum) and term is not humanising.Unknown
        for member in term
        if member.value != "unknown"  # a term spelt "unknown" is read as the unknown value
    ),
)


def _resolve(initiative: Initiative, path: FactPath) -> list[object]:
    """The values at a key path, walked step by step from the initiative (more than one where a key repeats)."""
    nodes: list[Any] = [initiative]
    for step in path.steps:
        if isinstance(step, PathKey):
            found = []
            for node in nodes:
                for item in node:
                    if len(step.parts) == 2:
                        if (item.stakeholder, item.stage.value) == step.parts:
                            found.append(item)
                    elif getattr(item, "id", getattr(item, "partner", None)) == step.parts[0]:
                        found.append(item)
            nodes = found
        else:
            nodes = [getattr(node, str(step)) for node in nodes]
    values: list[object] = []
    for node in nodes:
        if isinstance(node, Fact):
            values.append(node.value)
        elif path == FactPath("products") and not node:
            values.append(UNKNOWN)  # no product recorded: what is produced is unknown
        else:
            values.append(node)
    return values


@given(hst.initiatives())
def test_every_evidence_path_resolves_to_the_value_it_records(initiative: Initiative) -> None:
    for verdict in humanising.classify(initiative).values():
        for result in verdict.criteria:
            for item in result.evidence:
                if item.path.steps[0] == "silent_stages":  # a stage the sources are silent about: open
                    stage = item.path.steps[1]
                    assert isinstance(stage, PathKey)
                    assert item.value is UNKNOWN
                    assert stage.parts[0] in {s.value for s in initiative.silent_stages}
                    continue
                assert item.value in _resolve(initiative, item.path), (verdict.model, result.id, str(item.path))


@given(hst.initiatives())
def test_a_result_carries_the_hedge_of_its_weakest_evidence(initiative: Initiative) -> None:
    for verdict in humanising.classify(initiative).values():
        for result in verdict.criteria:
            bases = [item.basis for item in result.evidence if item.is_known and item.basis is not None]
            if not bases:
                continue
            weakest = max(bases, key=lambda basis: basis.weakness)
            assert weakest.hedge in result.reason, (verdict.model, result.id, result.reason)


def _settled(initiative: Initiative, path: FactPath, data: st.DataObject) -> Initiative:
    if path == FactPath("products"):
        product = humanising.Product(id="settled", name="a settled product", kind="service", domain="mental_health")
        return humanising.settle(initiative, path, (product,))
    fitting = []
    for value in _EVERY_VALUE:
        try:
            fitting.append(humanising.settle(initiative, path, value))
        except (InvalidFactError, FactPathError, TypeError, ValueError):
            continue
    assert fitting, f"no value settles {path}"
    return data.draw(st.sampled_from(fitting))


@given(hst.initiatives(), st.data())
def test_settling_an_unknown_results_facts_settles_it(initiative: Initiative, data: st.DataObject) -> None:
    for model in BUILTIN_MODELS:
        verdict = model.judge(initiative)
        for result in verdict.criteria:
            if result.status.value != "unknown":
                continue
            assert result.unknowns, (model.id, result.id)
            settled = initiative
            for path in result.unknowns:
                settled = _settled(settled, path, data)
            settled = attrs.evolve(settled)
            if verdict.product is not None:
                # Judged by product, the criteria are that product's: settling them settles it there.
                settled = settled.producing_only(verdict.product)
            again = model.judge(settled).criterion(result.id)
            assert again.status.value != "unknown", (model.id, result.id, [str(p) for p in result.unknowns])


@given(hst.initiatives())
def test_a_check_gives_the_same_status_in_both_modes(initiative: Initiative) -> None:
    fast, slow = Look(initiative, collects=False), Look(initiative, collects=True)
    for model in BUILTIN_MODELS:
        for spec in model.criteria:
            assert spec.check is not None
            assert spec.check(fast)[0] is spec.check(slow)[0], (model.id, spec.id)
            assert spec.check(fast)[1] == ()  # judging collects no evidence


@given(hst.initiatives())
def test_no_note_contradicts_the_verdict_it_is_about(initiative: Initiative) -> None:
    verdicts = humanising.classify(initiative)
    for verdict in verdicts.values():
        for note in verdict.remarks:
            if note.about is not None:
                assert note.says is verdicts[note.about].fit


def test_a_reason_names_only_the_stages_its_evidence_holds() -> None:
    """East Lille 7: service users have a voice at delivery only, and the reason says so."""
    verdict = humanising.classify(humanising.casebook.load("east-lille-7"))["coproduction"]
    result = verdict.criterion("service_user_voice")
    assert "at delivery" in result.reason
    assert "design" not in result.reason
    stages = {
        step.parts[1]
        for item in result.evidence
        if item.path.steps[0] == "participations"
        for step in item.path.steps[1:2]
        if isinstance(step, PathKey)
    }
    assert stages == {"delivery"}


@given(hst.initiatives())
def test_the_guided_evidence_look_finds_what_asking_every_stage_finds(initiative: Initiative) -> None:
    """Guided by the status masks to the stages that can be evidence, the evidence look finds the same evidence."""
    fast = Look(initiative, collects=False)
    guided, unguided = Look(initiative, collects=True, guide=fast), Look(initiative, collects=True)
    for model in BUILTIN_MODELS:
        for spec in model.criteria:
            assert spec.check is not None
            value, items = spec.check(guided)
            assert (value, unique(items)) == (spec.check(unguided)[0], unique(spec.check(unguided)[1])), spec.id


def test_a_condition_built_anew_on_each_call_is_never_taken_for_another() -> None:
    """A look remembers a condition's answer by identity, and never confuses a new condition with a freed one."""
    from humanising import Involvement, Stage
    from humanising.models import Side, Voice

    case = humanising.casebook.load("mhf-wales")
    look = Look(case, collects=False)
    for _ in range(200):  # freed conditions' ids come back quickly
        assert look.at(Stage.DESIGN, Voice(Side.SERVICE_USER, Involvement.LEADS))[0] is True
        assert look.at(Stage.DESIGN, Voice(Side.PROVIDER, Involvement.LEADS))[0] is False


_CONDITIONS = (
    Producing(),
    ProductIn(Domain.MENTAL_HEALTH),
    Provides(Involvement.INVOLVED),
    Voice(Side.SERVICE_USER, Involvement.LEADS),
    Voice(WITHOUT_LIVED_EXPERIENCE, Involvement.INVOLVED),
    Voice(ANY_SIDE, Involvement.CONSULTED),
)
_RANK = {False: 0, None: 1, True: 2}  # Kleene: and is the lower, or the higher, not the mirror


@given(hst.initiatives(), st.sampled_from(_CONDITIONS), st.sampled_from(_CONDITIONS))
def test_conditions_combine_at_every_stage_by_kleenes_truth_tables_in_both_modes(
    initiative: Initiative, a: Condition, b: Condition
) -> None:
    """``&``, ``|`` and ``~`` of the model kit's conditions, judged from the status summary and from the facts alike."""
    fast, slow = Look(initiative, collects=False), Look(initiative, collects=True)
    combined = {"and": a & b, "or": a | b, "not": ~a}
    for stage in Stage:
        left, right = _RANK[slow.at(stage, a)[0]], _RANK[slow.at(stage, b)[0]]
        expected = {"and": min(left, right), "or": max(left, right), "not": 2 - left}
        for condition in (a, b):
            assert fast.at(stage, condition)[0] is slow.at(stage, condition)[0], (condition, stage)
        for name, condition in combined.items():
            assert _RANK[slow.at(stage, condition)[0]] == expected[name], (name, stage)
            assert fast.at(stage, condition)[0] is slow.at(stage, condition)[0], (name, stage)
    for look in (fast, slow):
        for condition in (a, b, *combined.values()):
            assert look.stages_where(condition) == tuple(s for s in Stage if slow.at(s, condition)[0] is True)


@given(hst.initiatives())
def test_whatever_reaches_the_gold_standard_is_co_produced(initiative: Initiative) -> None:
    verdicts = humanising.classify(initiative)
    if verdicts["coproduction_gold_standard"].fit is humanising.Fit.FITS:
        assert verdicts["coproduction"].fit is humanising.Fit.FITS
    if verdicts["coproduction"].fit is humanising.Fit.DOES_NOT_FIT:
        assert verdicts["coproduction_gold_standard"].fit is humanising.Fit.DOES_NOT_FIT
