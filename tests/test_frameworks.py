"""The frameworks' registry, the ladders, the Involvement Matrix and the checklists: every crosswalk result.

Each framework's steps are tested met, unmet and unknown from cases built for them, and
every step defined by something no fact records is tested "not expressible". Laws over
generated initiatives: a ladder is cumulative, a not expressible step never names a fact,
and an unknown step always names an unknown one.
"""

from __future__ import annotations

import itertools
from typing import Any

import attrs
import pytest
from hypothesis import given

import humanising
from _framework_cases import NEIGHBOURS, STAFF, UNKNOWN, USERS, case, seat
from humanising import FactPath, Initiative, Involvement, frameworks
from humanising import strategies as hst
from humanising.exceptions import NotAnInitiativeError
from humanising.frameworks import FrameworkKind, StepStatus
from humanising.models import EvidenceItem, Grounds, index_of

MET, UNMET, OPEN, NOT_EXPRESSIBLE = StepStatus.MET, StepStatus.UNMET, StepStatus.UNKNOWN, StepStatus.NOT_EXPRESSIBLE


def statuses(framework_id: str, initiative: Initiative) -> dict[str, StepStatus]:
    return {p.step: p.status for p in frameworks.get(framework_id).read(initiative).placements}


# --- the registry


def test_the_registry_holds_seven_frameworks_each_citing_its_source_and_owning_its_reading() -> None:
    ids = [framework.id for framework in frameworks.frameworks()]
    assert ids == ["bovaird", "tlap", "arnstein", "iap2", "involvement_matrix", "nef_nesta", "nihr"]
    for framework in frameworks.frameworks():
        assert framework.citation
        assert framework.reading.startswith("This crosswalk is humanising's reading of")
        assert framework.reading.endswith("not the framework authors' own.")
        assert frameworks.get(framework.id) is framework


def test_an_unknown_framework_id_lists_the_ids_there_are() -> None:
    with pytest.raises(KeyError, match="no framework 'arnstien'; the frameworks are bovaird, tlap, arnstein"):
        frameworks.get("arnstien")


def test_reading_something_other_than_an_initiative_is_a_clear_type_error() -> None:
    with pytest.raises(NotAnInitiativeError, match=r"arnstein.read: expected a humanising.Initiative, got a dict"):
        frameworks.get("arnstein").read({"id": "x"})  # type: ignore[arg-type]


def test_a_missing_step_is_named_with_the_steps_there_are() -> None:
    tlap = frameworks.get("tlap")
    with pytest.raises(KeyError, match="tlap has no step 'codesign'; its steps are coercion, educating, "):
        tlap.step("codesign")
    reading = tlap.read(case(seat(USERS, "design", "partner")))
    with pytest.raises(KeyError, match="tlap has no step 'codesign'"):
        reading.placement("codesign")


def _step(step_id: str, *, expressible: bool = False) -> frameworks.Step:
    if not expressible:
        return frameworks.Step(step_id, step_id.title(), "What it means.", "No fact decides it.")
    return attrs.evolve(frameworks.get("tlap").step("co_design"), id=step_id)


def test_a_framework_refuses_repeated_step_ids_and_co_production_steps_it_does_not_have() -> None:
    def framework(steps: tuple[frameworks.Step, ...], coproduction: tuple[str, ...] = ()) -> frameworks.Framework:
        return frameworks.Framework(
            "mine", "Mine", "Mine", FrameworkKind.LADDER, "A citation.", "A summary.", steps, coproduction
        )

    with pytest.raises(ValueError, match=r"framework 'mine': step ids repeat: \['a', 'a'\]"):
        framework((_step("a"), _step("a")))
    with pytest.raises(ValueError, match=r"framework 'mine': no step \['c', 'd'\] to count as co-production"):
        framework((_step("a"), _step("b")), coproduction=("d", "a", "c"))
    assert framework((_step("a"),), coproduction=("a",)).coproduction == ("a",)


def test_a_step_with_a_check_needs_a_wording_and_one_with_a_wording_a_check() -> None:
    co_design = frameworks.get("tlap").step("co_design")
    with pytest.raises(ValueError, match="step 'co_design': a check needs a wording and a wording a check"):
        attrs.evolve(co_design, wording=None)
    with pytest.raises(ValueError, match="step 'co_design': a check needs a wording and a wording a check"):
        attrs.evolve(co_design, check=None)


def test_a_ladder_with_no_expressible_rung_is_unplaced_and_one_with_none_met_is_below_the_lowest() -> None:
    def ladder(*steps: frameworks.Step) -> frameworks.Framework:
        return frameworks.Framework("mine", "Mine", "Mine", FrameworkKind.LADDER, "A citation.", "A summary.", steps)

    nobody = case(seat(STAFF, "design", "leads"))
    assert ladder(_step("intent"), _step("feeling")).read(nobody).position == "unplaced"
    assert ladder(_step("intent"), _step("co_design", expressible=True)).read(nobody).position == "below Co-design"


def test_classify_does_not_read_frameworks() -> None:
    """The models' verdicts come from the model registry alone: no framework is among them."""
    verdicts = humanising.classify(humanising.casebook.load("sleepwell"))
    assert not set(verdicts) & {framework.id for framework in frameworks.frameworks()}


# --- ladders: each expressible rung met by a service user at its level, unmet one level below

_LADDERS = {
    "arnstein": {
        "informing": Involvement.INFORMED,
        "consultation": Involvement.CONSULTED,
        "placation": Involvement.INVOLVED,
        "partnership": Involvement.PARTNER,
        "delegated_power": Involvement.LEADS,
    },
    "iap2": {
        "inform": Involvement.INFORMED,
        "consult": Involvement.CONSULTED,
        "involve": Involvement.INVOLVED,
        "collaborate": Involvement.PARTNER,
        "empower": Involvement.LEADS,
    },
    "tlap": {
        "informing": Involvement.INFORMED,
        "consultation": Involvement.CONSULTED,
        "engagement": Involvement.INVOLVED,
    },
}
_INTENT_RUNGS = {"arnstein": ("manipulation", "therapy"), "tlap": ("coercion", "educating")}
_BELOW = {
    Involvement.INFORMED: Involvement.NONE,
    Involvement.CONSULTED: Involvement.INFORMED,
    Involvement.INVOLVED: Involvement.CONSULTED,
    Involvement.PARTNER: Involvement.INVOLVED,
    Involvement.LEADS: Involvement.PARTNER,
}
_RUNGS = [(ladder, rung, level) for ladder, rungs in _LADDERS.items() for rung, level in rungs.items()]


@pytest.mark.parametrize(("ladder", "rung", "level"), _RUNGS)
def test_a_rung_is_met_by_a_service_user_at_its_level_at_evaluation(ladder: str, rung: str, level: Involvement) -> None:
    placement = frameworks.get(ladder).read(case(seat(USERS, "evaluation", level))).placement(rung)
    assert placement.status is MET
    assert [str(path) for path in placement.facts] == ["participations[users@evaluation].involvement"]
    assert f"the users: {level} at evaluation" in placement.reason


@pytest.mark.parametrize(("ladder", "rung", "level"), _RUNGS)
def test_a_rung_is_unmet_one_level_below_and_names_what_it_looked_at(
    ladder: str, rung: str, level: Involvement
) -> None:
    below = _BELOW[level]
    placement = (
        frameworks.get(ladder)
        .read(case(seat(USERS, "delivery", below), seat(STAFF, "delivery", "leads")))
        .placement(rung)
    )
    assert placement.status is UNMET
    assert "participations[users@delivery].involvement" in [str(path) for path in placement.facts]


@pytest.mark.parametrize(("ladder", "rung"), [(ladder, rung) for ladder, rung, _ in _RUNGS])
def test_a_rung_is_unknown_while_the_service_users_say_is(ladder: str, rung: str) -> None:
    placement = frameworks.get(ladder).read(case(seat(USERS, "design", UNKNOWN))).placement(rung)
    assert placement.status is OPEN
    assert [str(path) for path in placement.facts] == ["participations[users@design].involvement"]
    assert "unknown involvement at design" in placement.reason


@pytest.mark.parametrize(
    ("ladder", "rung"), [(ladder, rung) for ladder, rungs in _INTENT_RUNGS.items() for rung in rungs]
)
def test_a_rung_defined_by_intent_is_not_expressible_whatever_the_facts(ladder: str, rung: str) -> None:
    for initiative in (case(seat(USERS, "design", "none")), humanising.casebook.load("illustrative-coopted-recovery")):
        placement = frameworks.get(ladder).read(initiative).placement(rung)
        assert placement.status is NOT_EXPRESSIBLE
        assert placement.facts == ()
        assert placement.reason.startswith(
            "Not expressible with these facts: the rung is defined by the powerholders' intent"
        )


def test_iap2_has_no_rung_defined_by_intent() -> None:
    assert all(step.expressible for step in frameworks.get("iap2").steps)


def test_arnsteins_citizen_control_needs_service_users_to_lead_planning_and_delivery() -> None:
    led = case(seat(USERS, "design", "leads"), seat(USERS, "delivery", "leads"))
    delivery_only = case(
        seat(USERS, "design", "none"), seat(STAFF, "design", "leads"), seat(USERS, "delivery", "leads")
    )
    unknown_design = case(seat(USERS, "design", UNKNOWN), seat(USERS, "delivery", "leads"))
    assert statuses("arnstein", led)["citizen_control"] is MET
    assert statuses("arnstein", delivery_only)["citizen_control"] is UNMET
    assert statuses("arnstein", delivery_only)["delegated_power"] is MET
    assert statuses("arnstein", unknown_design)["citizen_control"] is OPEN
    assert frameworks.get("arnstein").read(led).position == "Citizen control"
    assert frameworks.get("arnstein").read(delivery_only).position == "Delegated power"


# --- TLAP: co-design against co-production, the line between design-only involvement and seeing it through


def test_tlap_co_design_without_delivery_is_co_design_not_co_production() -> None:
    designed = case(
        seat(USERS, "design", "partner"), seat(STAFF, "design", "partner"), seat(STAFF, "delivery", "leads")
    )
    found = statuses("tlap", designed)
    assert (found["co_design"], found["co_production"]) == (MET, UNMET)
    assert frameworks.get("tlap").read(designed).position == "Co-design"


def test_tlap_co_production_sees_it_through_as_equals_from_design_to_delivery() -> None:
    through = case(
        seat(USERS, "design", "partner"),
        seat(STAFF, "design", "partner"),
        seat(USERS, "delivery", "partner"),
        seat(STAFF, "delivery", "leads"),
    )
    placement = frameworks.get("tlap").read(through).placement("co_production")
    assert placement.status is MET
    assert {str(path) for path in placement.facts} == {
        f"participations[{who}@{stage}].involvement" for who in (USERS, STAFF) for stage in ("design", "delivery")
    }


def test_tlap_co_design_is_unmet_when_service_users_design_without_the_providers() -> None:
    alone = case(seat(USERS, "design", "leads"), seat(USERS, "delivery", "leads"))
    found = statuses("tlap", alone)
    assert (found["engagement"], found["co_design"], found["co_production"]) == (MET, UNMET, UNMET)


def test_tlap_co_design_and_co_production_are_unknown_while_the_providers_say_is() -> None:
    open_design = case(
        seat(USERS, "design", "partner"),
        seat(STAFF, "design", UNKNOWN),
        seat(USERS, "delivery", "partner"),
        seat(STAFF, "delivery", "partner"),
    )
    found = statuses("tlap", open_design)
    assert (found["co_design"], found["co_production"]) == (OPEN, OPEN)


# --- the Involvement Matrix: roles by phases

_ROLE_LEVELS = {
    "listener": Involvement.INFORMED,
    "co_thinker": Involvement.CONSULTED,
    "advisor": Involvement.INVOLVED,
    "partner": Involvement.PARTNER,
    "decision_maker": Involvement.LEADS,
}
_PHASE_STAGES = {"preparation": "needs_assessment", "execution": "recruitment_training", "implementation": "evaluation"}


@pytest.mark.parametrize("role", _ROLE_LEVELS)
@pytest.mark.parametrize("phase", _PHASE_STAGES)
def test_a_role_in_a_phase_is_the_highest_say_at_one_of_its_stages(role: str, phase: str) -> None:
    found = statuses("involvement_matrix", case(seat(USERS, _PHASE_STAGES[phase], _ROLE_LEVELS[role])))
    assert found[f"{role}@{phase}"] is MET
    assert {step for step, status in found.items() if status is MET} == {f"{role}@{phase}"}
    assert all(status is UNMET for step, status in found.items() if step != f"{role}@{phase}")


def test_an_involvement_matrix_cell_is_unknown_while_the_say_is() -> None:
    found = statuses("involvement_matrix", case(seat(USERS, "delivery", UNKNOWN)))
    assert {step for step, status in found.items() if status is OPEN} == {f"{role}@execution" for role in _ROLE_LEVELS}
    assert all(status is UNMET for step, status in found.items() if not step.endswith("@execution"))


def test_several_roles_in_one_phase_are_each_a_cell() -> None:
    reading = frameworks.get("involvement_matrix").read(
        case(seat(USERS, "design", "partner"), seat(USERS, "policy", "consulted"))
    )
    assert reading.position == "Co-thinker in preparation; Partner in preparation"


# --- the checklists


def _with_observations(**observed: Any) -> Initiative:
    return case(seat(USERS, "delivery", "involved"), observations=humanising.Observations(**observed))


@pytest.mark.parametrize(
    ("framework", "principle", "field"),
    [("nef_nesta", "assets", "assets_view"), ("nihr", "valuing_knowledge", "user_knowledge_equal_status")],
)
def test_an_observed_principle_follows_its_observation(framework: str, principle: str, field: str) -> None:
    for value, expected in ((True, MET), (False, UNMET), (UNKNOWN, OPEN)):
        placement = frameworks.get(framework).read(_with_observations(**{field: value})).placement(principle)
        assert placement.status is expected
        assert [str(path) for path in placement.facts] == [f"observations.{field}"]
        assert (
            f"observations.{field}: {'yes' if value is True else 'no' if value is False else 'unknown'}"
            in placement.reason
        )


@pytest.mark.parametrize("kind", ["service", "nothing"])
@pytest.mark.parametrize(
    ("roles", "expected"), [("dissolved", MET), ("broadened", MET), ("kept", UNMET), (UNKNOWN, OPEN)]
)
def test_nef_blurred_roles_follows_the_role_differentiation_in_delivering(
    roles: object, expected: StepStatus, kind: str
) -> None:
    initiative = case(seat(USERS, "delivery", "involved"), kind=kind, role_differentiation=roles)
    placement = frameworks.get("nef_nesta").read(initiative).placement("blurred_roles")
    assert placement.status is expected
    assert [str(path) for path in placement.facts] == ["role_differentiation"]


def test_nef_blurred_roles_reads_each_products_own_role_differentiation_first() -> None:
    initiative = case(seat(USERS, "delivery", "involved"), role_differentiation="dissolved")
    kept = attrs.evolve(initiative, products=[attrs.evolve(initiative.products[0], role_differentiation="kept")])
    placement = frameworks.get("nef_nesta").read(kept).placement("blurred_roles")
    assert placement.status is UNMET
    assert [str(path) for path in placement.facts] == ["products[service].role_differentiation"]


def test_a_fact_s_reason_names_each_fact_in_words_or_says_that_none_is_recorded() -> None:
    from humanising._reasoning._crosswalks import (
        facts_named,
    )  # the checklists' wording, for values they do not yet read

    def item(path: str, value: object) -> EvidenceItem:
        return EvidenceItem(FactPath(path), value, humanising.Basis.PUBLISHED)

    evidence = (
        item("a", True),
        item("b", False),
        item("c", ["peer_led", "open"]),
        item("d", []),
        item("e", "user_led"),
    )
    grounds = Grounds(humanising.models.Status.MET, evidence, index_of(case()))
    assert facts_named("It holds")(grounds) == "It holds (a: yes; b: no; c: peer_led, open; d: none; e: user led)."
    nothing = Grounds(humanising.models.Status.MET, (), index_of(case()))
    assert facts_named("It holds")(nothing) == "It holds (no fact recorded)."


@pytest.mark.parametrize(("level", "expected"), [("involved", MET), ("consulted", UNMET), (UNKNOWN, OPEN)])
def test_nef_peer_networks_reads_service_users_part_in_delivery(level: object, expected: StepStatus) -> None:
    placement = frameworks.get("nef_nesta").read(case(seat(USERS, "delivery", level))).placement("peer_networks")
    assert placement.status is expected
    assert [str(path) for path in placement.facts] == ["participations[users@delivery].involvement"]


@pytest.mark.parametrize(
    ("seats", "sharing", "perspectives"),
    [
        ((seat(USERS, "design", "partner"), seat(STAFF, "design", "partner")), MET, MET),
        ((seat(USERS, "design", "involved"), seat(STAFF, "design", "leads")), UNMET, MET),
        ((seat(USERS, "design", "partner"), seat(NEIGHBOURS, "design", "partner")), UNMET, UNMET),
        ((seat(USERS, "design", "partner"), seat(STAFF, "design", UNKNOWN)), OPEN, OPEN),
    ],
)
def test_nihr_sharing_power_and_perspectives_read_who_sits_together(
    seats: tuple[Any, ...], sharing: StepStatus, perspectives: StepStatus
) -> None:
    found = statuses("nihr", case(*seats))
    assert (found["sharing_power"], found["all_perspectives"]) == (sharing, perspectives)


_NOT_EXPRESSIBLE = {
    "nef_nesta": {"capabilities", "reciprocity", "facilitating"},
    "nihr": {"reciprocity", "relationships"},
    "arnstein": {"manipulation", "therapy"},
    "tlap": {"coercion", "educating"},
    "bovaird": set(),
    "iap2": set(),
    "involvement_matrix": set(),
}


@pytest.mark.parametrize("framework", _NOT_EXPRESSIBLE)
def test_exactly_these_steps_are_not_expressible_and_each_says_why(framework: str) -> None:
    chosen = frameworks.get(framework)
    assert {step.id for step in chosen.steps if not step.expressible} == _NOT_EXPRESSIBLE[framework]
    reading = chosen.read(humanising.casebook.load("mhf-wales"))
    for step in _NOT_EXPRESSIBLE[framework]:
        placement = reading.placement(step)
        assert placement.status is NOT_EXPRESSIBLE
        assert placement.facts == ()
        assert placement.reason == f"Not expressible with these facts: {chosen.step(step).crosswalk}"


def test_a_checklist_draws_no_coproduction_line() -> None:
    for framework in frameworks.frameworks():
        assert (framework.kind is FrameworkKind.CHECKLIST) == (not framework.coproduction)
        reading = framework.read(humanising.casebook.load("sleepwell"))
        assert (reading.coproduction is None) == (framework.kind is FrameworkKind.CHECKLIST)


# --- laws

_KLEENE = {UNMET: 0, OPEN: 1, MET: 2}
INITIATIVES = hst.initiatives(max_stakeholders=4, max_participations=8, max_relationships=1)
"""Initiatives small enough to generate quickly, large enough for every step's three results."""


@given(INITIATIVES)
def test_a_ladder_is_cumulative(initiative: Initiative) -> None:
    """Law: on every ladder, an expressible rung is never more met than the expressible rung below it
    (in the order unmet < unknown < met)."""
    for framework in frameworks.frameworks():
        if framework.kind is not FrameworkKind.LADDER:
            continue
        found = [p.status for p in framework.read(initiative).placements if p.status is not NOT_EXPRESSIBLE]
        assert all(_KLEENE[high] <= _KLEENE[low] for low, high in itertools.pairwise(found)), (
            framework.id,
            found,
        )


@given(INITIATIVES)
def test_every_placement_names_its_facts_as_its_status_requires(initiative: Initiative) -> None:
    """Law: a not expressible step names no fact; an unknown one names an unknown fact; a reason is never empty;
    not expressible is exactly the steps without a crosswalk."""
    for framework in frameworks.frameworks():
        for step, placement in zip(framework.steps, framework.read(initiative).placements, strict=True):
            assert placement.step == step.id
            assert placement.reason
            assert (placement.status is NOT_EXPRESSIBLE) == (not step.expressible)
            if placement.status is NOT_EXPRESSIBLE:
                assert placement.facts == ()
            if placement.status is OPEN:
                assert any(not item.is_known for item in placement.evidence), (framework.id, step.id)
