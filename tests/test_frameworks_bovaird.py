"""Bovaird's planning-by-delivery matrix: every cell's crosswalk, and its relation to the gold standard.

The texts support one relation: whatever fits the gold standard of co-production (service
users and providers as equal partners) is Bovaird's full user/professional co-production.
It holds except where the two ask different questions; each such divergence is a test
below with its reason, and the property states the law with exactly those exceptions.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import humanising
from _framework_cases import NEIGHBOURS, STAFF, UNKNOWN, USERS, case, seat
from humanising import Fit, Initiative, Involvement, Stage, frameworks
from humanising import strategies as hst
from humanising.frameworks import StepStatus
from humanising.models import LIVED_EXPERIENCE, Look, Provides, Voice, coproduction_gold_standard

BOVAIRD = frameworks.get("bovaird")
CELLS = [step.id for step in BOVAIRD.steps]
GOLD = "coproduction_gold_standard"
GOLD_STANDARD = coproduction_gold_standard.MODEL
SHARED: dict[str, Any] = {"role_differentiation": "dissolved", "user_knowledge_shapes_product": True}

_PLANNING_SEATS = {
    "professionals": (seat(STAFF, "design", "leads"), seat(USERS, "design", "consulted")),
    "co": (seat(STAFF, "design", "partner"), seat(USERS, "design", "partner")),
    "users": (seat(USERS, "design", "leads"),),
}
_DELIVERY_SEATS = {
    "professionals": (seat(STAFF, "delivery", "leads"), seat(USERS, "delivery", "informed")),
    "co": (seat(STAFF, "delivery", "involved"), seat(NEIGHBOURS, "delivery", "involved")),
    "users": (seat(USERS, "delivery", "leads"), seat(STAFF, "delivery", "none")),
}
_CELL_AXES = {
    "traditional": ("professionals", "professionals"),
    "co_planned": ("co", "professionals"),
    "user_planned": ("users", "professionals"),
    "co_delivered": ("professionals", "co"),
    "full": ("co", "co"),
    "user_planned_co_delivered": ("users", "co"),
    "user_delivered": ("professionals", "users"),
    "user_delivered_co_planned": ("co", "users"),
    "self_organised": ("users", "users"),
}


def test_the_matrix_has_nine_cells_and_one_of_them_is_full_coproduction() -> None:
    assert sorted(CELLS) == sorted(_CELL_AXES)
    assert BOVAIRD.coproduction == ("full",)
    assert BOVAIRD.step("full").name == "Full user/professional co-production"
    assert "Public Administration Review, 67(5), 846-860" in BOVAIRD.citation
    assert "not the framework authors'" in BOVAIRD.reading


@pytest.mark.parametrize("cell", CELLS)
def test_each_cell_is_met_by_its_planners_and_deliverers_and_the_rest_unmet(cell: str) -> None:
    planning, delivery = _CELL_AXES[cell]
    reading = BOVAIRD.read(case(*_PLANNING_SEATS[planning], *_DELIVERY_SEATS[delivery]))
    assert reading.placement(cell).status is StepStatus.MET
    assert {p.step for p in reading.with_status(StepStatus.UNMET)} == set(CELLS) - {cell}
    met = reading.placement(cell)
    assert met.facts, "a met cell names the participations that placed it"
    assert all(str(path).startswith("participations[") for path in met.facts)
    assert reading.position == BOVAIRD.step(cell).name


def test_a_cell_is_unknown_while_a_deliverers_say_is_and_names_that_fact() -> None:
    reading = BOVAIRD.read(
        case(
            seat(STAFF, "design", "partner"),
            seat(USERS, "design", "partner"),
            seat(USERS, "delivery", UNKNOWN),
            seat(STAFF, "delivery", "leads"),
        )
    )
    assert reading.placement("full").status is StepStatus.UNKNOWN
    assert reading.placement("co_planned").status is StepStatus.UNKNOWN
    assert reading.placement("traditional").status is StepStatus.UNMET
    assert "participations[users@delivery].involvement" in {str(path) for path in reading.placement("full").facts}
    assert "unknown involvement at delivery" in reading.placement("full").reason
    assert reading.position == "unknown"


def test_nobody_planning_places_it_outside_the_matrix() -> None:
    reading = BOVAIRD.read(case(seat(STAFF, "delivery", "leads"), stages=("delivery",)))
    assert not reading.with_status(StepStatus.MET)
    assert reading.position == "outside the matrix"
    assert "at planning, no recorded participation" in reading.placement("traditional").reason


def test_a_reason_repeats_the_hedge_of_the_facts_it_rests_on() -> None:
    built = case(*_PLANNING_SEATS["co"], *_DELIVERY_SEATS["co"])
    hedged = attrs.evolve(
        built,
        participations=[
            attrs.evolve(p, basis="inferred") if p.stage is Stage.DELIVERY else p for p in built.participations
        ],
    )
    assert "(case author's inference)" in BOVAIRD.read(hedged).placement("full").reason


# --- the gold standard and full co-production


def _together(initiative: Initiative) -> set[Stage]:
    """The stages where service users and providers certainly both have a real voice: where co-production is claimed."""
    condition = Voice(LIVED_EXPERIENCE, Involvement.INVOLVED) & Provides(Involvement.INVOLVED)
    return set(Look(initiative, collects=False).stages_where(condition))


_PLANNING = {Stage.INITIATION, Stage.NEEDS_ASSESSMENT, Stage.DESIGN, Stage.POLICY}


def divergence(initiative: Initiative) -> str | None:
    """Why a gold-standard case may fall outside Bovaird's full cell, or ``None`` when nothing excuses it.

    - ``planning only``: they produce it together at planning and never at delivery (co-design);
    - ``delivery only``: together at delivery and never at planning (co-delivery);
    - ``outside the matrix``: together only at stages Bovaird's two axes leave out (allocation,
      training, evaluation, funding, research, individual care).
    """
    together = _together(initiative)
    in_planning = bool(together & _PLANNING)
    in_delivery = Stage.DELIVERY in together
    if in_planning and in_delivery:
        return None
    if in_planning:
        return "planning only"
    if in_delivery:
        return "delivery only"
    return "outside the matrix"


DIVERGENCES = {
    "planning only": (
        (
            "The gold standard asks for equal partners wherever service users and providers produce together; Bovaird "
            "asks for both phases. Co-designed as equals and delivered by staff alone is the gold standard, and "
            "Bovaird's co-planned professional provision."
        ),
        (seat(USERS, "design", "partner"), seat(STAFF, "design", "partner"), seat(STAFF, "delivery", "leads")),
        ("design", "delivery"),
        "Professional provision, co-planned",
    ),
    "delivery only": (
        (
            "Co-delivered as equals and planned by staff alone: the gold standard, and Bovaird's user co-delivery of a "
            "professionally planned service."
        ),
        (seat(USERS, "delivery", "partner"), seat(STAFF, "delivery", "partner"), seat(STAFF, "design", "leads")),
        ("design", "delivery"),
        "User co-delivery of a professionally planned service",
    ),
    "outside the matrix": (
        (
            "Equal partners in allocating resources (East Lille 6's kind of stage) are the gold standard, but "
            "Bovaird's matrix has no axis for allocation, training, evaluation, funding, research or individual care."
        ),
        (seat(USERS, "allocation", "partner"), seat(STAFF, "allocation", "partner")),
        ("allocation",),
        "outside the matrix",
    ),
}


@pytest.mark.parametrize("why", DIVERGENCES)
def test_each_divergence_is_gold_standard_without_full_coproduction(why: str) -> None:
    """Each divergence, with its reason: a case that fits the gold standard and is not Bovaird's full cell."""
    _reason, seats, stages, position = DIVERGENCES[why]
    initiative = case(*seats, stages=stages, **SHARED)
    assert humanising.classify(initiative)[GOLD].fit is Fit.FITS
    reading = BOVAIRD.read(initiative)
    assert reading.placement("full").status is StepStatus.UNMET
    assert reading.position == position
    assert divergence(initiative) == why


def test_the_casebooks_gold_standard_case_is_full_coproduction() -> None:
    initiative = humanising.casebook.load("illustrative-crisis-service")
    assert humanising.classify(initiative)[GOLD].fit is Fit.FITS
    assert BOVAIRD.read(initiative).placement("full").status is StepStatus.MET


_LEVELS = st.sampled_from([Involvement.PARTNER, Involvement.PARTNER, Involvement.LEADS, Involvement.INVOLVED])
"""Mostly equal partners: an ``involved`` beside a partner keeps the gold standard from fitting."""


_DESIGN_AND_DELIVERY = frozenset({Stage.DESIGN, Stage.DELIVERY})
# Made once: a strategy is expensive to build, and a composite that builds one per draw pays for it every time.
_BASES = hst.initiatives(max_stakeholders=2, max_participations=3, max_products=1, max_relationships=1)
_CORE_STAGES = st.one_of(st.just(_DESIGN_AND_DELIVERY), st.frozensets(hst.stages(), min_size=1, max_size=3))
_EXTRA_STAGES = st.frozensets(hst.stages(), max_size=2)


@st.composite
def coproduced_initiatives(draw: st.DrawFn) -> Initiative:
    """A generated initiative with, added to it, service users and staff together at a few stages.

    The added parties reach the gold standard often; the rest of the initiative (its other
    parties, products and facts) can still keep it from fitting, as generated facts do.
    """
    base = draw(_BASES)
    ids = {s.id for s in base.stakeholders} | {p.id for p in base.products}
    if ids & {"fw-users", "fw-staff", "fw-service"}:
        return base
    stages = draw(_CORE_STAGES)
    users = humanising.Stakeholder(id="fw-users", name="users", identities=["service_user"])
    staff = humanising.Stakeholder(id="fw-staff", name="staff", identities=["mental_health_professional"])
    seats = [
        humanising.Participation(stakeholder=who.id, stage=stage, involvement=draw(_LEVELS), capacity=capacity)
        for stage in sorted(stages)
        for who, capacity in ((users, "service_user"), (staff, "mental_health_professional"))
    ]
    extra = draw(_EXTRA_STAGES)
    product = humanising.Product(
        id="fw-service", name="service", kind="service", domain="mental_health", stages=stages | extra
    )
    settled = draw(st.integers(0, 3)) > 0
    return attrs.evolve(
        base,
        stakeholders=(*base.stakeholders, users, staff),
        participations=(*base.participations, *seats),
        products=(*base.products, product),
        **(SHARED if settled else {}),
    )


@given(coproduced_initiatives())
def test_whatever_fits_the_gold_standard_is_bovairds_full_coproduction_but_for_the_listed_divergences(
    initiative: Initiative,
) -> None:
    """Law: gold standard fits ⇒ Bovaird's full user/professional co-production is met, unless service users and
    providers produce it together only at planning, only at delivery, or only outside both (``divergence``)."""
    if GOLD_STANDARD.judge(initiative).fit is not Fit.FITS:
        event("gold standard does not fit")
        return
    full = BOVAIRD.read(initiative).placement("full").status
    why = divergence(initiative)
    event(f"gold standard fits; {why or 'together in both phases'}; full {full}")
    if why is None:
        assert full is StepStatus.MET, BOVAIRD.read(initiative).placement("full").reason


@given(hst.initiatives(max_stakeholders=4, max_participations=8))
def test_at_most_one_cell_is_met(initiative: Initiative) -> None:
    """Law: the axes are exclusive, so an initiative sits in at most one of Bovaird's cells."""
    assert len(BOVAIRD.read(initiative).with_status(StepStatus.MET)) <= 1
