"""The laws of DESIGN.md section 7, one test each, checked with hypothesis.

Each test's docstring states its law in one sentence. Initiatives come from the
public strategies (``humanising.strategies``), mixed with kinds this module plants
so that no law holds vacuously: initiatives that service users lead, initiatives
whose service users and providers work together on a product (random initiatives
rarely fit either model), and such initiatives with some facts forgotten, for the
laws about undetermined verdicts. ``_settle`` fills in and forgets facts by path.
The settings profile comes from ``HYPOTHESIS_PROFILE`` (see ``conftest.py``).
"""

from __future__ import annotations

import collections
import json
import subprocess
import sys
from collections.abc import Callable
from random import Random
from typing import TypeVar

import attrs
import pytest
from hypothesis import assume, event, given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import _settle
import humanising
from humanising import (
    UNKNOWN,
    Change,
    Domain,
    Fact,
    FactPath,
    Fit,
    Identity,
    Initiative,
    Involvement,
    Participation,
    Product,
    ProductKind,
    RoleDifferentiation,
    Stage,
    Stakeholder,
    Status,
    Verdict,
)
from humanising import strategies as hst

T = TypeVar("T")
_PRODUCING = (Stage.DESIGN, Stage.DELIVERY)
_OTHER_STAGES = tuple(stage for stage in Stage if stage not in _PRODUCING)


# --- an independent reading of the facts, to check the models against


def _user_run(initiative: Initiative, participation: Participation) -> object:
    return initiative.stakeholder(participation.stakeholder).user_run.value


def _as_service_user(initiative: Initiative, participation: Participation) -> bool:
    """Known to act with lived experience: as a service user or a survivor, or as a user-run organisation."""
    if participation.capacity in (Identity.SERVICE_USER, Identity.SURVIVOR):
        return True
    return participation.capacity is Identity.ORGANISATION and _user_run(initiative, participation) is True


def _as_provider(initiative: Initiative, participation: Participation) -> bool:
    """Known to provide what is produced at its stage.

    A mental-health professional; or another professional, or an organisation not run by service
    users, whose service domain is that of a product made at the stage.
    """
    if participation.capacity is Identity.MENTAL_HEALTH_PROFESSIONAL:
        return True
    if participation.capacity is Identity.OTHER_PROFESSIONAL or (
        participation.capacity is Identity.ORGANISATION and _user_run(initiative, participation) is False
    ):
        domain = initiative.stakeholder(participation.stakeholder).domain
        return any(
            product.domain is domain and participation.stage in product.stages
            for product in initiative.products
            if product.is_something
        )
    return False


def _at_least(participation: Participation, level: Involvement) -> bool:
    return participation.involvement is not UNKNOWN and participation.involvement.at_least(level)


def _co_produced_at(initiative: Initiative, stage: Stage) -> bool:
    """Service users and providers are both involved or more at ``stage``."""
    here = [p for p in initiative.participations if p.stage is stage and _at_least(p, Involvement.INVOLVED)]
    return any(_as_service_user(initiative, p) for p in here) and any(_as_provider(initiative, p) for p in here)


def _verdicts(initiative: Initiative) -> dict[str, Verdict]:
    """Every registered model's verdict, and ``humanises`` (a verdict of the same shape)."""
    return {**humanising.classify(initiative), "humanises": humanising.humanises(initiative)}


def _verdict(initiative: Initiative, model_id: str) -> Verdict:
    """One of ``_verdicts``, judged alone."""
    if model_id == "humanises":
        return humanising.humanises(initiative)
    (model,) = [model for model in humanising.registered_models() if model.id == model_id]
    return model.judge(initiative)


def _criteria(verdict: Verdict) -> list[tuple[str, Status]]:
    return [(result.id, result.status) for result in verdict.criteria]


# --- planted initiatives, so that fitting verdicts are common enough to test


def _free_id(taken: set[str], stem: str) -> str:
    return next(f"{stem}-{n}" for n in range(len(taken) + 1) if f"{stem}-{n}" not in taken)


def _with_stakeholder(initiative: Initiative, identity: Identity, stem: str) -> tuple[Initiative, Stakeholder]:
    """The initiative with a stakeholder of this identity: its first, or a new one."""
    found = next((s for s in initiative.stakeholders if identity in s.identities), None)
    if found is not None:
        return initiative, found
    added = Stakeholder(id=_free_id({s.id for s in initiative.stakeholders}, stem), name=stem, identities={identity})
    return attrs.evolve(initiative, stakeholders=(*initiative.stakeholders, added)), added


def _seat(initiative: Initiative, participation: Participation) -> Initiative:
    """The initiative with this participation, replacing the stakeholder's at that stage."""
    key = (participation.stakeholder, participation.stage)
    kept = tuple(p for p in initiative.participations if (p.stakeholder, p.stage) != key)
    return attrs.evolve(initiative, participations=(*kept, participation))


_SMALL = hst.initiatives(max_stakeholders=3, max_products=2, max_participations=5, max_relationships=2)
"""Smaller initiatives, to plant in: cheaper to draw and to shrink."""


@st.composite
def _leaning_user_led(draw: st.DrawFn) -> Initiative:
    """Often user-led: service users lead design and delivery; providers there are at most consulted."""
    initiative, users = _with_stakeholder(draw(_SMALL), Identity.SERVICE_USER, "users")
    quiet = hst.involvements(max_value=Involvement.CONSULTED)
    initiative = attrs.evolve(
        initiative,
        participations=tuple(
            attrs.evolve(p, involvement=draw(quiet)) if p.stage in _PRODUCING and _as_provider(initiative, p) else p
            for p in initiative.participations
        ),
    )
    for stage in _PRODUCING:
        initiative = _seat(initiative, Participation(users.id, stage, Involvement.LEADS, Identity.SERVICE_USER))
    # Somewhere else, a level that can still be raised.
    stage = draw(st.sampled_from(_OTHER_STAGES))
    level = draw(hst.involvements(max_value=Involvement.PARTNER))
    return _seat(initiative, Participation(users.id, stage, level, Identity.SERVICE_USER))


@st.composite
def _leaning_coproduced(draw: st.DrawFn) -> Initiative:
    """Often co-produced: service users and providers both involved or more in a stage that produces a product."""
    initiative, users = _with_stakeholder(draw(_SMALL), Identity.SERVICE_USER, "users")
    initiative, staff = _with_stakeholder(initiative, Identity.MENTAL_HEALTH_PROFESSIONAL, "staff")
    stage = draw(st.one_of(st.sampled_from(_PRODUCING), hst.stages()))
    product = Product(
        id=_free_id({p.id for p in initiative.products}, "service"),
        name="the service",
        kind=draw(st.sampled_from([kind for kind in ProductKind if kind is not ProductKind.NOTHING])),
        domain=draw(st.one_of(st.just(Domain.MENTAL_HEALTH), hst.domains(allow_unknown=True))),
        stages={stage},
    )
    voice = hst.involvements(min_value=Involvement.INVOLVED)
    initiative = _seat(initiative, Participation(users.id, stage, draw(voice), Identity.SERVICE_USER))
    initiative = _seat(initiative, Participation(staff.id, stage, draw(voice), Identity.MENTAL_HEALTH_PROFESSIONAL))
    roles = draw(st.sampled_from([Fact(), Fact(RoleDifferentiation.DISSOLVED), initiative.role_differentiation]))
    knowledge = draw(st.sampled_from([initiative.user_knowledge_shapes_product, Fact(True)]))
    return attrs.evolve(
        initiative,
        products=(*initiative.products, product),
        role_differentiation=roles,
        user_knowledge_shapes_product=knowledge,
    )


_JUDGED = st.one_of(hst.initiatives(), _leaning_user_led(), _leaning_coproduced())
"""Initiatives to judge: any, and ones planted to fit user-led or co-production often."""


@st.composite
def _blurred(draw: st.DrawFn) -> Initiative:
    """A planted initiative with some of its facts forgotten, so that its verdicts are often undetermined."""
    initiative = draw(st.one_of(_leaning_coproduced(), _leaning_user_led()))
    # Some facts are forgotten, and half the time the products (all of them); shrinking forgets fewer.
    known = [path for path in _settle.known_paths(initiative) if path != FactPath("products")]
    forgotten = sorted(draw(st.sets(st.sampled_from(known), max_size=len(known) // 3), "forget"))
    if bool(initiative.products) and draw(st.booleans(), "forget the products?"):
        forgotten = [path for path in forgotten if path.steps[0] != "products"] + [FactPath("products")]
    for path in forgotten:
        initiative = _settle.forget(initiative, path)
    return initiative


_SCENARIOS = (
    (Change.NARROWS, Change.BYPASSED),
    (Change.NARROWS, Change.NEVER_AROSE),
    (Change.NARROWS, Change.WIDENS),
    (Change.NARROWS,),
    (Change.BYPASSED,),
    (Change.BYPASSED, Change.NEVER_AROSE),
    (Change.BYPASSED, Change.UNKNOWN),
    (Change.UNCHANGED, Change.WIDENS),
)
"""Sets of changes that decide the equalising outcomes: narrowing beside the others, bypassing alone."""


@st.composite
def _related(draw: st.DrawFn) -> Initiative:
    """Relationships between service users and staff, with every change of one of ``_SCENARIOS``.

    Random initiatives mostly have none, or one; the equalising laws turn on several at once: a
    narrowing beside a bypassed one, aims without an observed narrowing, nothing but bypassing.
    """
    base = draw(st.one_of(_SMALL, _leaning_coproduced()))  # co-produced, for the coherence note's law
    initiative, users = _with_stakeholder(base, Identity.SERVICE_USER, "users")
    initiative, staff = _with_stakeholder(initiative, Identity.MENTAL_HEALTH_PROFESSIONAL, "staff")
    if staff is users:  # one stakeholder with both identities: a relationship needs two parties
        staff = Stakeholder(
            id=_free_id({s.id for s in initiative.stakeholders}, "staff"),
            name="staff",
            identities={Identity.MENTAL_HEALTH_PROFESSIONAL},
        )
        initiative = attrs.evolve(initiative, stakeholders=(*initiative.stakeholders, staff))
    changes = draw(st.sampled_from(_SCENARIOS), "changes")
    claims = draw(st.sampled_from([(humanising.Claim.AIM,), (humanising.Claim.OBSERVED,), tuple(humanising.Claim)]))
    extra = draw(st.lists(st.sampled_from(changes), max_size=2))
    relationships = tuple(
        attrs.evolve(
            draw(hst.relationships(stakeholders=initiative.stakeholders)),
            change=change,
            claim=draw(st.sampled_from(claims)),
        )
        for change in (*changes, *extra)
    )
    return attrs.evolve(initiative, relationships=relationships)


_RELATED = st.one_of(hst.initiatives(), _related())
"""Initiatives to judge, half of them with several relationships between service users and staff."""


_OPEN = st.one_of(_blurred(), _JUDGED)
"""Initiatives to judge, half of them made undetermined on purpose."""


@st.composite
def _silenced(draw: st.DrawFn) -> Initiative:
    """No service-user voice anywhere: every participation acting for service users is at most consulted."""
    initiative = draw(_JUDGED)
    quiet = hst.involvements(max_value=Involvement.CONSULTED)
    return attrs.evolve(
        initiative,
        participations=tuple(
            attrs.evolve(p, involvement=draw(quiet)) if _as_service_user(initiative, p) else p
            for p in initiative.participations
        ),
    )


# --- the laws


@st.composite
def _user_led_contested(draw: st.DrawFn) -> Initiative:
    """The user-led law's boundary: service users lead at a stage where a professional partners or leads.

    Elsewhere they lead alone, so the verdict can still fit; the law says the contested stage is
    not among its stages.
    """
    initiative, users = _with_stakeholder(draw(_leaning_user_led()), Identity.SERVICE_USER, "users")
    initiative, staff = _with_stakeholder(initiative, Identity.MENTAL_HEALTH_PROFESSIONAL, "staff")
    contested = draw(st.sampled_from(Stage), "contested stage")
    level = draw(hst.involvements(min_value=Involvement.PARTNER), "professional's level")
    initiative = _seat(initiative, Participation(users.id, contested, Involvement.LEADS, Identity.SERVICE_USER))
    return _seat(initiative, Participation(staff.id, contested, level, Identity.MENTAL_HEALTH_PROFESSIONAL))


def _professional_partners_at(initiative: Initiative, stage: Stage) -> bool:
    return any(
        p.stage is stage and p.capacity is Identity.MENTAL_HEALTH_PROFESSIONAL and _at_least(p, Involvement.PARTNER)
        for p in initiative.participations
    )


def _users_lead_at(initiative: Initiative, stage: Stage) -> bool:
    return any(
        p.stage is stage and _as_service_user(initiative, p) and _at_least(p, Involvement.LEADS)
        for p in initiative.participations
    )


@given(st.one_of(_JUDGED, _user_led_contested()))
def test_user_led_stage_has_no_professional_partner_or_lead(initiative: Initiative) -> None:
    """At a stage where the initiative is user-led, no mental-health professional acts as partner or leads."""
    led = humanising.classify(initiative)["user_led"].stages
    contested = [
        stage for stage in Stage if _users_lead_at(initiative, stage) and _professional_partners_at(initiative, stage)
    ]
    event(f"boundary (users lead where a professional partners or leads): {bool(contested)}")
    for participation in initiative.participations:
        if participation.stage in led and participation.capacity is Identity.MENTAL_HEALTH_PROFESSIONAL:
            assert not _at_least(participation, Involvement.PARTNER), participation
    assert not set(contested) & set(led), contested


@given(_JUDGED)
def test_no_stage_is_both_co_produced_and_user_led(initiative: Initiative) -> None:
    """No stage is both co-produced (service users and providers involved or more) and user-led."""
    led = humanising.classify(initiative)["user_led"].stages
    event(f"co-produced somewhere: {any(_co_produced_at(initiative, stage) for stage in Stage)}")
    for stage in led:
        assert not _co_produced_at(initiative, stage), stage


@given(st.one_of(_JUDGED, _leaning_coproduced()))
def test_coproduction_fits_only_with_users_and_providers_in_one_producing_stage(initiative: Initiative) -> None:
    """Co-production fits, even partly, only if service users and providers are involved or more in one producing stage.

    Partly is included: it differs from fits only in the qualifying criteria, and this rule is essential.
    """
    verdict = humanising.classify(initiative)["coproduction"]
    bites = verdict.fit in (Fit.FITS, Fit.PARTLY)
    event(f"asserted (co-production fits or partly): {bites}")
    if bites:
        assert any(_co_produced_at(initiative, stage) for stage in verdict.stages), verdict.stages
        producing = {stage for product in initiative.products if product.is_something for stage in product.stages}
        assert set(verdict.stages) <= producing


@given(_silenced())
def test_no_service_user_voice_means_neither_coproduction_nor_user_led(initiative: Initiative) -> None:
    """With no service-user voice (none above consulted, none unknown), neither co-production nor user-led fits."""
    verdicts = humanising.classify(initiative)
    event(f"service users take part: {any(_as_service_user(initiative, p) for p in initiative.participations)}")
    assert verdicts["coproduction"].fit is not Fit.FITS
    assert verdicts["user_led"].fit is not Fit.FITS


@given(_JUDGED, st.data())
def test_coproduction_ignores_relationships_and_humanising(initiative: Initiative, data: st.DataObject) -> None:
    """The co-production fit and criteria do not change when only relationships or humanising features change."""
    relationships: tuple[humanising.Relationship, ...] = ()
    if len(initiative.stakeholders) >= 2:
        drawn = data.draw(st.lists(hst.relationships(stakeholders=initiative.stakeholders), max_size=4))
        relationships = tuple(drawn)
    features = data.draw(hst.facts(st.lists(hst.humanising_features(), max_size=3).map(tuple)), "features")
    changed = attrs.evolve(initiative, relationships=relationships, humanising_features=features)
    before = humanising.classify(initiative)["coproduction"]
    after = humanising.classify(changed)["coproduction"]
    event(f"coproduction: {before.fit}")
    assert after.fit is before.fit
    assert _criteria(after) == _criteria(before)


@given(_JUDGED, st.data())
def test_evidence_based_practice_ignores_participations(initiative: Initiative, data: st.DataObject) -> None:
    """The evidence-based-practice verdict does not change when who takes part, and how much, changes."""
    participations: tuple[Participation, ...] = ()
    if initiative.stakeholders:
        drawn = data.draw(
            st.lists(
                hst.participations(stakeholders=initiative.stakeholders),
                max_size=10,
                unique_by=lambda p: (p.stakeholder, p.stage),
            ),
            "participations",
        )
        participations = tuple(drawn)
    changed = attrs.evolve(initiative, participations=participations)
    event(f"participations changed: {set(participations) != set(initiative.participations)}")
    assert (
        humanising.classify(changed)["evidence_based_practice"]
        == humanising.classify(initiative)["evidence_based_practice"]
    )


@given(_JUDGED, st.randoms(use_true_random=False))
def test_verdicts_are_deterministic_and_independent_of_order(initiative: Initiative, rng: Random) -> None:
    """Verdicts are deterministic, whatever the order of stakeholders, products, participations and relationships."""

    def shuffled(items: tuple[T, ...]) -> tuple[T, ...]:
        copy = list(items)
        rng.shuffle(copy)
        return tuple(copy)

    reordered = attrs.evolve(
        initiative,
        stakeholders=shuffled(initiative.stakeholders),
        products=shuffled(initiative.products),
        participations=shuffled(initiative.participations),
        relationships=shuffled(initiative.relationships),
    )
    moved = reordered.participations != initiative.participations or reordered.stakeholders != initiative.stakeholders
    event(f"order changed: {moved}")
    for other in (attrs.evolve(initiative), reordered):  # a fresh copy first: nothing cached is shared
        assert humanising.classify(other) == humanising.classify(initiative)
        assert humanising.equalises(other) == humanising.equalises(initiative)
        assert humanising.humanises(other) == humanising.humanises(initiative)
        assert humanising.quadrant(other) is humanising.quadrant(initiative)


@given(st.one_of(_leaning_user_led(), hst.initiatives()), st.data())
def test_raising_a_service_users_involvement_keeps_user_led_fitting(
    initiative: Initiative, data: st.DataObject
) -> None:
    """Raising a service user's involvement (in that capacity) never makes a fitting user-led verdict stop fitting."""
    raisable = [
        p
        for p in initiative.participations
        if p.capacity is Identity.SERVICE_USER
        and p.involvement is not UNKNOWN
        and p.involvement is not Involvement.LEADS
    ]
    before = humanising.classify(initiative)["user_led"]
    event(f"user_led {before.fit}, can raise: {bool(raisable)}")
    if not raisable:
        return
    participation = data.draw(st.sampled_from(raisable), "participation")
    assert participation.involvement is not UNKNOWN
    level = data.draw(st.sampled_from([lv for lv in Involvement if lv.rank > participation.involvement.rank]))
    after = humanising.classify(_seat(initiative, attrs.evolve(participation, involvement=level)))["user_led"]
    if before.fit is Fit.FITS:
        assert after.fit is Fit.FITS, _criteria(after)


@given(_OPEN)
def test_undetermined_verdict_names_its_unknown_facts(initiative: Initiative) -> None:
    """An undetermined verdict, and each of its unknown criteria, names unknown facts of the initiative."""
    unknown = set(_settle.unknown_paths(initiative))
    event(f"some verdict undetermined: {any(v.fit is Fit.UNDETERMINED for v in _verdicts(initiative).values())}")
    for model_id, verdict in _verdicts(initiative).items():
        if verdict.fit is Fit.UNDETERMINED:
            assert verdict.unknowns, model_id
        for result in verdict.criteria:
            if result.status is Status.UNKNOWN:
                assert result.unknowns, (model_id, result.id)
            assert set(result.unknowns) <= unknown, (model_id, result.id, result.unknowns)


@given(_OPEN, st.data())
def test_filling_in_the_named_unknowns_settles_the_verdict(initiative: Initiative, data: st.DataObject) -> None:
    """Filling in every unknown fact an undetermined verdict names, with any values, settles it.

    A verdict judged by product names the unknowns of the product that decides; once they are
    filled in, another open product may decide, so it takes at most one round per product.
    """
    event(f"some verdict undetermined: {any(v.fit is Fit.UNDETERMINED for v in _verdicts(initiative).values())}")
    for model_id, verdict in _verdicts(initiative).items():
        if verdict.fit is not Fit.UNDETERMINED:
            continue
        settled, after = initiative, verdict
        for _round in range(max(1, len(initiative.products))):
            for path in after.unknowns:
                settled = _settle.fill(settled, path, data.draw(_settle.values_for(settled, path), path))
            after = _verdict(settled, model_id)
            if after.fit is not Fit.UNDETERMINED:
                break
        assert after.fit is not Fit.UNDETERMINED, (model_id, verdict.unknowns, after.unknowns)


@given(_OPEN, st.data())
def test_settling_a_known_fact_with_its_own_value_changes_nothing(initiative: Initiative, data: st.DataObject) -> None:
    """Settling any known fact with the value it already holds gives back an equal initiative and equal verdicts."""
    known = _settle.known_paths(initiative)
    assume(known)
    path = data.draw(st.sampled_from(known), "path")
    settled = humanising.settle(initiative, path, _settle.current_value(initiative, path))
    assert settled == initiative
    assert _verdicts(settled) == _verdicts(initiative)


@given(_OPEN, st.data())
def test_settling_a_fact_changes_only_that_fact(initiative: Initiative, data: st.DataObject) -> None:
    """Settling an unknown fact sets it to the value given and leaves every other fact as it was.

    (Other than those that hold it: settling a product's domain changes the list of products.)
    """
    unknown = _settle.unknown_paths(initiative)
    assume(unknown)
    path = data.draw(st.sampled_from(unknown), "path")
    value = data.draw(_settle.values_for(initiative, path), "value")
    settled = _settle.fill(initiative, path, value)
    now = _settle.current_value(settled, path)
    assert (now.value if isinstance(now, Fact) else now) == value
    for other in _settle.known_paths(initiative):
        if path.steps[: len(other.steps)] != other.steps:
            assert _settle.current_value(settled, other) == _settle.current_value(initiative, other), other


@given(st.one_of(_leaning_coproduced(), _OPEN), st.data())
def test_filling_in_unknowns_never_changes_a_fit_or_a_does_not_fit(initiative: Initiative, data: st.DataObject) -> None:
    """A verdict that fits, or does not fit, keeps its fit whichever unknown facts are filled in, with any values."""
    settled = {
        model_id: verdict.fit
        for model_id, verdict in _verdicts(initiative).items()
        if verdict.fit in (Fit.FITS, Fit.DOES_NOT_FIT)
    }
    event(f"coproduction: {_verdicts(initiative)['coproduction'].fit}")
    current = initiative
    # Fill each unknown fact (three times in four), in a stable order; shrinking fills fewer.
    for path in _settle.unknown_paths(initiative):
        if data.draw(st.integers(0, 3), f"fill {path}?") == 0:
            continue
        current = _settle.fill(current, path, data.draw(_settle.values_for(current, path), path))
        now = _verdicts(current)
        for model_id, fit in settled.items():
            assert now[model_id].fit is fit, (model_id, path, _criteria(now[model_id]))


@given(hst.programmes(max_parts=3), _SMALL, st.data())
def test_a_part_is_judged_the_same_alone_and_in_any_programme(
    programme: Initiative, other: Initiative, data: st.DataObject
) -> None:
    """A part's analysis is the same alone, inside its programme, and inside a different programme."""
    analysis = humanising.analyse(programme)
    for part, part_analysis in zip(programme.parts, analysis.parts, strict=True):
        assert part_analysis == humanising.analyse(part)
    part = data.draw(st.sampled_from(programme.parts), "part")
    neighbours = tuple(p for p in reversed(programme.parts) if p is not part)[:1]
    parts = (*neighbours, part)
    host_id = _free_id({p.id for p in parts}, other.id)
    host = attrs.evolve(other, id=host_id, parts=parts)
    assert humanising.analyse(host).parts[-1] == humanising.analyse(part)


_NOT_NARROWING = {Change.BYPASSED, Change.NEVER_AROSE}


@given(_RELATED)
def test_equalises_returns_exactly_the_narrowed_relationships(initiative: Initiative) -> None:
    """``equalises`` returns exactly the narrowed relationships, never a bypassed or never-arose one."""
    returned = humanising.equalises(initiative)
    changes = {r.change for r in initiative.relationships}
    event(
        f"a narrowing beside one that does not narrow: {Change.NARROWS in changes and bool(changes & _NOT_NARROWING)}"
    )
    assert all(r.change not in (Change.BYPASSED, Change.NEVER_AROSE) for r in returned)
    narrowed = [r for r in initiative.relationships if r.change is Change.NARROWS]
    assert collections.Counter(returned) == collections.Counter(narrowed)


@given(_RELATED)
def test_an_aim_never_counts_as_an_observed_narrowing(initiative: Initiative) -> None:
    """An aim never counts as an observed narrowing: counting results only, an aim leaves equalising open."""
    observed = humanising.equalises(initiative, claim="observed")
    aims = humanising.equalises(initiative, claim="aim")
    event(f"aims and no observed narrowing: {bool(aims) and not observed}")
    assert all(r.claim is humanising.Claim.OBSERVED for r in observed)
    assert collections.Counter(observed) + collections.Counter(aims) == collections.Counter(
        humanising.equalises(initiative)
    )
    outcome = humanising.equalising(initiative)
    assert (outcome is humanising.Equalising.OBSERVED) == bool(observed)
    counted = humanising.equalising(initiative, observed_only=True)
    assert counted is not humanising.Equalising.AIM
    if aims and not observed:
        assert counted is humanising.Equalising.UNDETERMINED


@given(_RELATED)
def test_going_beyond_equalising_is_its_own_outcome(initiative: Initiative) -> None:
    """An initiative goes beyond equalising exactly when nothing narrows, no change is unknown and one is bypassed."""
    changes = {r.change for r in initiative.relationships}
    beyond = Change.NARROWS not in changes and Change.UNKNOWN not in changes and Change.BYPASSED in changes
    event(f"beyond equalising: {beyond}")
    assert (humanising.equalising(initiative) is humanising.Equalising.BEYOND) == beyond
    assert bool(humanising.exceeds_equalising(initiative)) == (Change.BYPASSED in changes)
    beyond_cells = {humanising.Quadrant.BEYOND_EQUALISING_AND_HUMANISING, humanising.Quadrant.BEYOND_EQUALISING_ONLY}
    if humanising.quadrant(initiative) in beyond_cells:
        assert beyond


@st.composite
def _bypassing(draw: st.DrawFn) -> Initiative:
    """Two or three bypassed relationships beside the others: the case where their order is worked out."""
    initiative = draw(_related())
    bypassed = draw(
        st.lists(
            hst.relationships(stakeholders=initiative.stakeholders).map(
                lambda r: attrs.evolve(r, change=Change.BYPASSED)
            ),
            min_size=2,
            max_size=3,
        )
    )
    return attrs.evolve(initiative, relationships=(*initiative.relationships, *bypassed))


@given(st.one_of(_bypassing(), _RELATED), st.randoms(use_true_random=False))
def test_the_order_relationships_are_recorded_in_changes_nothing_returned(
    initiative: Initiative, random: Random
) -> None:
    """What equalises and what goes beyond come back in one order, however the case file lists them."""
    shuffled = list(initiative.relationships)
    random.shuffle(shuffled)
    reordered = attrs.evolve(initiative, relationships=shuffled)
    bypassed = [r for r in initiative.relationships if r.change is Change.BYPASSED]
    event(f"two or more relationships bypassed: {len(bypassed) > 1}")
    assert humanising.exceeds_equalising(reordered) == humanising.exceeds_equalising(initiative)
    assert humanising.equalises(reordered) == humanising.equalises(initiative)


@given(_RELATED)
def test_the_nested_reading_never_puts_anything_in_equalising_only(initiative: Initiative) -> None:
    """On the nested reading nothing is "equalising only"; where nothing narrows, the two readings agree."""
    nested = humanising.quadrant(initiative, reading="nested")
    event(f"something narrows: {bool(humanising.equalises(initiative))}")
    assert nested is not humanising.Quadrant.EQUALISING_ONLY
    independent = humanising.quadrant(initiative)
    if not humanising.equalises(initiative):
        assert nested is independent
    else:
        assert nested is humanising.Quadrant.EQUALISING_AND_HUMANISING
    if independent is not humanising.Quadrant.UNDETERMINED and independent is not humanising.Quadrant.EQUALISING_ONLY:
        assert nested is independent


@given(_RELATED)
def test_a_relationships_kind_does_not_depend_on_the_order_of_its_parties(initiative: Initiative) -> None:
    """A relationship's kind is the same with its parties swapped, and it is the paper's only with a service user."""
    event(f"relationships: {min(len(initiative.relationships), 2)}")
    for relationship in initiative.relationships:
        swapped = attrs.evolve(relationship, between=relationship.between[::-1])
        kind = humanising.relationship_kind(initiative, relationship)
        assert humanising.relationship_kind(initiative, swapped) is kind
        parties = [initiative.stakeholder(party) for party in relationship.between]
        if not any(Identity.SERVICE_USER in p.identities or p.user_run.value is True for p in parties):
            assert kind is humanising.RelationshipKind.OTHER


@given(_RELATED)
def test_the_coherence_note_reads_the_coproduction_verdict(initiative: Initiative) -> None:
    """A co-production that fits (or partly) with no observed narrowing between service users and professionals has one note, which reads that verdict; else none."""  # noqa: E501 - a law in one sentence
    analysis = humanising.analyse(initiative)
    verdict = analysis.verdicts["coproduction"]
    ours = [
        r
        for r in initiative.relationships
        if humanising.relationship_kind(initiative, r) is humanising.RelationshipKind.SERVICE_USERS_AND_PROFESSIONALS
    ]
    observed = any(r.change is Change.NARROWS and r.claim is humanising.Claim.OBSERVED for r in ours)
    widened = any(r.change is Change.WIDENS for r in ours)
    expected = verdict.fit in (Fit.FITS, Fit.PARTLY) and (widened or not observed)
    event(f"a note expected: {expected}")
    assert len(analysis.notes) == (1 if expected else 0)
    for note in analysis.notes:
        assert (note.about, note.says) == ("coproduction", verdict.fit)


@given(_JUDGED)
def test_humanises_has_basaglias_two_sides(initiative: Initiative) -> None:
    """``humanises`` is its two sides: care (essential) and no imposed objectives (qualifying), and compulsion fails the second."""  # noqa: E501 - a law in one sentence
    verdict = humanising.humanises(initiative)
    care, objectives = verdict.criteria
    assert (care.id, care.essential, objectives.id, objectives.essential) == (
        "care",
        True,
        "no_imposed_objectives",
        False,
    )
    features = initiative.humanising_features.value
    event(f"compulsion: {initiative.compulsion.value}")
    assert (care.status is Status.MET) == (features is not UNKNOWN and bool(features))
    if initiative.compulsion.value is True:
        assert objectives.status is Status.UNMET
        assert verdict.fit is not Fit.FITS


@given(st.one_of(hst.initiatives(), hst.programmes(max_parts=3)))
def test_round_trip_through_plain_data_json_and_yaml(initiative: Initiative) -> None:
    """``structure(unstructure(x)) == x`` for every initiative, directly and through JSON and YAML text."""
    data = humanising.unstructure(initiative)
    assert humanising.structure(data) == initiative
    assert humanising.structure(json.loads(json.dumps(data))) == initiative
    assert humanising.loads(humanising.dumps(initiative)) == (initiative,)


@given(_OPEN)
def test_a_settled_criterion_names_the_facts_that_decided_it(initiative: Initiative) -> None:
    """Every met criterion names the facts that decided it; every settled one has a reason and its evidence.

    An unmet criterion may name none: nothing recorded (no participation at all) decides it.
    (How the fit follows from the criteria is stated on its own in ``test_fit_rules.py``.)
    """
    fields = {field.name for field in attrs.fields(Initiative)}
    deciding = 0
    for model_id, verdict in _verdicts(initiative).items():
        for result in verdict.criteria:
            if result.status is Status.UNKNOWN:
                continue
            deciding += result.status is Status.UNMET and result.essential
            assert result.facts or result.status is Status.UNMET, (model_id, result.id)
            assert result.reason.strip(), (model_id, result.id)
            assert {str(path.steps[0]) for path in result.facts} <= fields, (model_id, result.facts)
            assert {item.path for item in result.evidence} <= set(result.facts), (model_id, result.id)
    event(f"unmet essential criteria: {min(deciding, 3)}{'+' if deciding >= 3 else ''}")


# --- the strategies themselves


@given(hst.initiatives(allow_unknown=False))
def test_known_facts_leave_no_verdict_undetermined(initiative: Initiative) -> None:
    """When every fact is known, no verdict is undetermined and none names an unknown fact."""
    assert _settle.unknown_paths(initiative) == ()
    for model_id, verdict in _verdicts(initiative).items():
        assert verdict.fit is not Fit.UNDETERMINED, model_id
        assert verdict.unknowns == (), model_id


@pytest.mark.parametrize(
    "make",
    [
        lambda: hst.initiatives(max_stakeholders=-1),
        lambda: hst.initiatives(allow_unknown="no"),  # type: ignore[arg-type]
        lambda: hst.initiatives(allow_unknown=False, max_products=0),
        lambda: hst.programmes(min_parts=0),
        lambda: hst.programmes(min_parts=3, max_parts=2),
        lambda: hst.participations(stakeholders=[]),
        lambda: hst.relationships(stakeholders=[Stakeholder(id="a", name="a", identities={Identity.CARER})]),
        lambda: hst.involvements(min_value=Involvement.LEADS, max_value=Involvement.NONE),
        lambda: hst.facts(True),  # type: ignore[arg-type]
        lambda: hst.stakeholders(ids="abc"),  # type: ignore[arg-type]
    ],
)
def test_strategies_check_their_arguments_at_once(make: Callable[[], object]) -> None:
    """A strategy given a bad argument raises InvalidArgument when it is made, before any example is drawn."""
    with pytest.raises(InvalidArgument):
        make()


def test_importing_humanising_does_not_import_hypothesis() -> None:
    """``import humanising`` and judging a case never import hypothesis: only ``humanising.strategies`` does."""
    code = (
        "import sys, humanising; humanising.analyse(humanising.casebook.load('sleepwell')); "
        "print('hypothesis' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603
    assert result.stdout.strip() == "False"


@given(st.one_of(_leaning_coproduced(), _OPEN))
def test_no_note_contradicts_the_verdict_it_is_about(initiative: Initiative) -> None:
    """A note about another model says what that model's own verdict says."""
    verdicts = _verdicts(initiative)
    about = [(model_id, note) for model_id, verdict in verdicts.items() for note in verdict.remarks if note.about]
    event(f"notes about another model: {len(about)}")
    for model_id, note in about:
        assert note.about in verdicts, (model_id, note)
        assert note.says is verdicts[note.about].fit, (model_id, note, verdicts[note.about].fit)
