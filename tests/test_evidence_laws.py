"""The laws of evidence, over generated initiatives: every criterion result of every built-in model.

- every evidence item holds the value, basis and note the initiative records at its path;
- a result whose evidence has a basis with a hedge phrase carries the weakest such hedge;
- an unknown result names at least one unknown fact, and settling those facts settles it;
- a check gives the same status in its two modes (over the summary, and over the facts);
- no note contradicts the verdict it is about.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import humanising
from humanising import UNKNOWN, Basis, Domain, Fact, FactPath, Initiative, Involvement, PathKey, Stage
from humanising import strategies as hst
from humanising._reasoning._evidence import participation_of
from humanising._reasoning._logic import unique
from humanising.exceptions import FactPathError, InvalidFactError
from humanising.models import (
    ANY_SIDE,
    BUILTIN_MODELS,
    WITHOUT_LIVED_EXPERIENCE,
    Condition,
    EvidenceItem,
    Look,
    Producing,
    ProductIn,
    Provides,
    Side,
    Voice,
    stage_set,
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


_Record = tuple[object, Basis | None, str]


def _records(initiative: Initiative, path: FactPath) -> list[_Record]:
    """(value, basis, note) at a key path, walked step by step from the initiative (more than one where a key repeats).

    A fact has its own basis and note; a field of a record that has a basis (a participation's
    involvement, a product's stages) has the record's; any other field has neither.
    """
    pairs: list[tuple[Any, Any]] = [(None, initiative)]
    for step in path.steps:
        if isinstance(step, PathKey):
            found = []
            for _, node in pairs:
                for item in node:
                    if len(step.parts) == 2:
                        if (item.stakeholder, item.stage.value) == step.parts:
                            found.append((item, item))
                    elif getattr(item, "id", getattr(item, "partner", None)) == step.parts[0]:
                        found.append((item, item))
            pairs = found
        else:
            pairs = [(node, getattr(node, str(step))) for _, node in pairs]
    records: list[_Record] = []
    for owner, node in pairs:
        if isinstance(node, Fact):
            records.append((node.value, node.basis, node.note))
        elif path == FactPath("products") and not node:
            records.append((UNKNOWN, None, ""))  # no product recorded: what is produced is unknown
        elif hasattr(owner, "basis"):
            records.append((node, owner.basis, getattr(owner, "note", "")))
        else:
            records.append((node, None, ""))
    return records


def _assert_recorded(initiative: Initiative, item: EvidenceItem, *about: object) -> None:
    if item.path.steps[0] == "silent_stages":  # a stage the sources are silent about: open
        stage = item.path.steps[1]
        assert isinstance(stage, PathKey)
        assert item.value is UNKNOWN
        assert stage.parts[0] in {s.value for s in initiative.silent_stages}
        return
    assert (item.value, item.basis, item.note) in _records(initiative, item.path), (*about, str(item.path))


@given(hst.initiatives())
def test_every_evidence_item_holds_the_value_basis_and_note_the_initiative_records(initiative: Initiative) -> None:
    for verdict in humanising.classify(initiative).values():
        for result in verdict.criteria:
            for item in result.evidence:
                _assert_recorded(initiative, item, verdict.model, result.id)
    look = Look(initiative, collects=True)
    for condition in _CONDITIONS:
        for stage in Stage:
            for item in look.at(stage, condition)[1]:
                _assert_recorded(initiative, item, condition, stage)


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


@given(hst.initiatives(), st.sampled_from(_CONDITIONS), st.sampled_from(_CONDITIONS))
def test_a_combined_conditions_evidence_is_that_of_the_parts_that_decide_it_in_order(
    initiative: Initiative, a: Condition, b: Condition
) -> None:
    """``a & b`` is explained by both parts; ``a | b`` by the parts that hold, else by both; ``~a`` by ``a``."""
    look = Look(initiative, collects=True)
    for stage in Stage:
        (left, left_items), (right, right_items) = look.at(stage, a), look.at(stage, b)
        assert look.at(stage, a & b)[1] == left_items + right_items, stage
        assert look.at(stage, ~a)[1] == left_items, stage
        if True in (left, right):
            expected = (left_items if left is True else ()) + (right_items if right is True else ())
        elif left is right is False:
            expected = left_items + right_items
        else:
            expected = (left_items if left is None else ()) + (right_items if right is None else ())
        assert look.at(stage, a | b)[1] == expected, stage


@given(hst.initiatives())
def test_whatever_reaches_the_gold_standard_is_co_produced(initiative: Initiative) -> None:
    verdicts = humanising.classify(initiative)
    if verdicts["coproduction_gold_standard"].fit is humanising.Fit.FITS:
        assert verdicts["coproduction"].fit is humanising.Fit.FITS
    if verdicts["coproduction"].fit is humanising.Fit.DOES_NOT_FIT:
        assert verdicts["coproduction_gold_standard"].fit is humanising.Fit.DOES_NOT_FIT


def test_the_evidence_of_an_open_side_and_of_a_product_keeps_their_own_basis_and_note() -> None:
    """An organisation of unknown running is open on its ``user_run``; a product is evidence with its note."""
    group = humanising.Stakeholder(
        id="group",
        name="a local group",
        identities={humanising.Identity.ORGANISATION},
        user_run=Fact(UNKNOWN, Basis.INFORMAL, "said to be run by members"),
    )
    helpline = humanising.Product(
        id="helpline", name="a helpline", kind="service", domain="mental_health", basis="hedged", note="a pilot"
    )
    initiative = Initiative(
        id="open",
        name="Open",
        stakeholders=(group,),
        participations=(
            humanising.Participation(
                "group", Stage.DESIGN, Involvement.LEADS, capacity=humanising.Identity.ORGANISATION, note="chaired"
            ),
        ),
        products=(helpline,),
    )
    look = Look(initiative, collects=True)
    value, items = look.at(Stage.DESIGN, Voice(Side.SERVICE_USER, Involvement.LEADS))
    assert value is None
    assert [(str(i.path), i.value, i.basis, i.note) for i in items] == [
        ("stakeholders[group].user_run", UNKNOWN, Basis.INFORMAL, "said to be run by members")
    ]
    value, items = look.at(Stage.DESIGN, Producing())
    assert value is True
    assert [(str(i.path), i.basis, i.note) for i in items] == [("products[helpline].stages", Basis.HEDGED, "a pilot")]
    assert look.at(Stage.DESIGN, ProductIn(Domain.MENTAL_HEALTH))[1][0].note == "a pilot"


def _organisation(name: str) -> humanising.Stakeholder:
    """An organisation the sources do not say is run by service users or not: on either side."""
    return humanising.Stakeholder(id=name, name=name, identities={humanising.Identity.ORGANISATION})


def _housing(name: str) -> humanising.Stakeholder:
    return humanising.Stakeholder(
        id=name, name=name, identities={humanising.Identity.OTHER_PROFESSIONAL}, domain=Domain.HOUSING
    )


def _taking_part(who: str, stage: Stage, involvement: Involvement, capacity: str) -> humanising.Participation:
    return humanising.Participation(who, stage, involvement, capacity=humanising.Identity(capacity))


def _product(id: str, kind: str, domain: Domain | humanising.Unknown, *stages: Stage) -> humanising.Product:  # noqa: A002
    return humanising.Product(id=id, name=id, kind=kind, domain=domain, stages=stages)


_OPEN_SIDES = Initiative(
    id="open-sides",
    name="Organisations of unknown running",
    stakeholders=(_organisation("circle"), _organisation("forum")),
    participations=(
        _taking_part("circle", Stage.DESIGN, Involvement.LEADS, "organisation"),
        _taking_part("circle", Stage.DELIVERY, Involvement.LEADS, "organisation"),
        _taking_part("forum", Stage.EVALUATION, Involvement.CONSULTED, "organisation"),
    ),
)
_MIXED_PRODUCTS = Initiative(
    id="mixed-products",
    name="Products of every sort, and housing officials",
    stakeholders=(_housing("council"), _housing("officers")),
    participations=(
        _taking_part("officers", Stage.DESIGN, Involvement.PARTNER, "other_professional"),
        _taking_part("council", Stage.DESIGN, Involvement.NONE, "other_professional"),
        _taking_part("officers", Stage.EVALUATION, Involvement.NONE, "other_professional"),
    ),
    # Listed out of order, with "nothing" first: neither the order nor a "nothing" hides what follows.
    products=(
        _product("dd-tenancy", "service", Domain.HOUSING, Stage.EVALUATION),
        _product("aa-none", "nothing", UNKNOWN, Stage.DESIGN),
        _product("bb-groups", "service", UNKNOWN, Stage.DESIGN),
        _product("cc-leaflets", "materials", UNKNOWN, Stage.DELIVERY),
    ),
)
_NO_PRODUCT_RECORDED = Initiative(
    id="no-products",
    name="Housing officials, no product recorded",
    stakeholders=(_housing("officers"),),
    participations=tuple(_taking_part("officers", stage, Involvement.PARTNER, "other_professional") for stage in Stage),
)
_AWKWARD_CONDITIONS = (
    *_CONDITIONS,
    Voice(ANY_SIDE, Involvement.LEADS),
    Voice(Side.PROVIDER, Involvement.LEADS),
    Provides(Involvement.NONE),
    ProductIn(Domain.HOUSING),
)


@pytest.mark.parametrize("initiative", [_OPEN_SIDES, _MIXED_PRODUCTS, _NO_PRODUCT_RECORDED], ids=lambda i: i.id)
def test_the_two_modes_agree_where_a_side_or_a_product_is_open(initiative: Initiative) -> None:
    """Cases the generated initiatives seldom reach: several open sides at one say, and awkward products."""
    fast, slow = Look(initiative, collects=False), Look(initiative, collects=True)
    for condition in _AWKWARD_CONDITIONS:
        for stage in Stage:
            assert fast.at(stage, condition)[0] is slow.at(stage, condition)[0], (condition, stage)


def _said(look: Look, stage: Stage, condition: Condition) -> tuple[bool | None, list[str]]:
    value, items = look.at(stage, condition)
    return value, [str(item.path) for item in items]


def test_an_organisation_of_unknown_running_has_a_say_but_is_on_no_known_side() -> None:
    look = Look(_OPEN_SIDES, collects=True)
    assert _said(look, Stage.DESIGN, Voice(ANY_SIDE, Involvement.CONSULTED)) == (
        True,
        ["participations[circle@design].involvement"],
    )
    assert _said(look, Stage.DESIGN, Voice(Side.SERVICE_USER, Involvement.LEADS)) == (
        None,
        ["stakeholders[circle].user_run"],
    )
    assert _said(look, Stage.EVALUATION, Voice(ANY_SIDE, Involvement.LEADS)) == (
        False,
        ["participations[forum@evaluation].involvement"],
    )


def test_housing_officials_provide_only_a_housing_product_made_where_they_take_part() -> None:
    look = Look(_MIXED_PRODUCTS, collects=True)
    # A product of unknown domain may be theirs: open, on the product's domain only.
    assert _said(look, Stage.DESIGN, Provides(Involvement.INVOLVED)) == (None, ["products[bb-groups].domain"])
    assert _said(look, Stage.EVALUATION, Provides(Involvement.NONE)) == (
        True,
        ["participations[officers@evaluation].involvement", "products[dd-tenancy].domain"],
    )
    # Those with no say are open there too, but on the product only: their own say is known.
    value, paths = _said(look, Stage.DESIGN, Provides(Involvement.NONE))
    assert (value, set(paths)) == (None, {"products[bb-groups].domain"})
    # Where nothing is produced, every product is the evidence, by id.
    assert _said(look, Stage.FUNDING, Producing()) == (
        False,
        [
            "products[aa-none].stages",
            "products[bb-groups].stages",
            "products[cc-leaflets].stages",
            "products[dd-tenancy].stages",
        ],
    )


@given(hst.initiatives(), st.sampled_from(_CONDITIONS), st.frozensets(st.sampled_from(list(Stage)), min_size=1))
def test_somewhere_and_everywhere_over_any_stages_agree_guided_unguided_and_in_both_modes(
    initiative: Initiative, condition: Condition, stages: frozenset[Stage]
) -> None:
    """Over any stages, the guided evidence look finds what asking each stage finds; the status look agrees."""
    fast = Look(initiative, collects=False)
    guided, unguided = Look(initiative, collects=True, guide=fast), Look(initiative, collects=True)
    within = stage_set(*stages)
    for question in (Look.somewhere, Look.everywhere):
        value, items = question(guided, condition, within)
        asked_value, asked_items = question(unguided, condition, within)
        assert (value, unique(items)) == (asked_value, unique(asked_items))
        assert question(fast, condition, within)[0] is value
        named = (participation_of(item.path) for item in items)
        assert {where[1] for where in named if where is not None} <= stages
