"""Transformative co-production, institutional barriers and the readings of co-production (the essay on Cahn)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import humanising
from _settle import texts
from humanising import (
    UNKNOWN,
    AgendaSetter,
    Barrier,
    DissentHandling,
    Finding,
    Fit,
    GoalSetter,
    Identity,
    Initiative,
    Involvement,
    Observations,
    Participation,
    Reading,
    RoleDifferentiation,
    Stage,
    Stakeholder,
    Status,
)
from humanising import strategies as hs

TRANSFORMATIVE = "transformative_coproduction"

# The casebook's transformative verdicts and barrier findings, in Barrier order:
# resistance, restrictive practice, avoidance of challenge, demand to conform.
P, N, A = Finding.PRESENT, Finding.NOT_FOUND, Finding.NOT_ASSESSED
CASEBOOK = {
    "sleepwell": (Fit.DOES_NOT_FIT, (P, P, A, A)),
    "mhf-wales": (Fit.PARTLY, (P, A, A, A)),
    "east-lille-2": (Fit.DOES_NOT_FIT, (A, P, A, A)),
    "east-lille-5": (Fit.DOES_NOT_FIT, (A, A, A, A)),  # roles are kept in its therapies, not initiative-wide
    "east-lille-6": (Fit.DOES_NOT_FIT, (A, A, A, A)),  # the sources never say who set its agenda
    "east-lille-7": (Fit.DOES_NOT_FIT, (P, A, A, A)),
    "east-lille-8": (Fit.DOES_NOT_FIT, (A, A, A, A)),
    "illustrative-crisis-service": (Fit.FITS, (N, N, N, N)),
    "illustrative-coopted-recovery": (Fit.DOES_NOT_FIT, (P, P, P, P)),
}


@pytest.mark.parametrize(("case_id", "expected"), CASEBOOK.items())
def test_casebook_verdicts_and_findings(case_id: str, expected: tuple[Fit, tuple[Finding, ...]]) -> None:
    case = humanising.casebook.load(case_id)
    fit, findings = expected
    assert humanising.classify(case)[TRANSFORMATIVE].fit is fit
    assert tuple(finding.status for finding in humanising.barriers(case)) == findings


def test_mhf_wales_reasons_follow_the_sources() -> None:
    case = humanising.casebook.load("mhf-wales")
    verdict = humanising.classify(case)[TRANSFORMATIVE]
    assert verdict.criterion("resource_power").status is Status.MET
    assert "allocation" in verdict.criterion("resource_power").reason
    assert verdict.notes == ("The scale of change is a service.",)
    resistance = humanising.barriers(case)[0]
    assert "welsh mental health services" in resistance.reason.lower()
    assert texts(resistance.facts) == ("failed_partnerships[mh-services]",)
    conform = humanising.barriers(case)[3]
    assert conform.status is Finding.NOT_ASSESSED
    assert "observations.conformity_demanded" in texts(conform.unknowns)
    assert "people's goals are not set for them" in conform.reason


def test_sleepwell_risk_aversion_is_a_restrictive_practice() -> None:
    restrictive = humanising.barriers(humanising.casebook.load("sleepwell"))[1]
    assert "observations.risk_aversion" in texts(restrictive.facts)
    assert "risk aversion" in restrictive.reason


def test_east_lille_7_top_down_design_is_reported_informally() -> None:
    resistance = humanising.barriers(humanising.casebook.load("east-lille-7"))[0]
    assert "(informal report)" in resistance.reason


def test_cases_without_observations_are_not_assessed_never_silently_not_found() -> None:
    finding = humanising.barriers(Initiative(id="bare", name="Bare"))
    assert [f.status for f in finding] == [Finding.NOT_ASSESSED] * 4
    assert all(f.unknowns for f in finding)


USERS = Stakeholder(id="users", name="service users", identities={Identity.SERVICE_USER})
SURVIVORS = Stakeholder(id="survivors", name="survivors", identities={Identity.SURVIVOR})
STAFF = Stakeholder(id="staff", name="staff", identities={Identity.MENTAL_HEALTH_PROFESSIONAL})
POSITIVE = Observations(
    agenda_set_by=AgendaSetter.SERVICE_USERS,
    goals_set_by=GoalSetter.PEOPLE_THEMSELVES,
    user_knowledge_equal_status=True,
    assets_view=True,
    dissent=DissentHandling.HEARD,
    change_superficial=False,
    user_organisations_excluded=False,
    absorbed_into_procedure=False,
    judged_by_category=False,
    risk_aversion=False,
    conformity_demanded=False,
)


def seats(*entries: tuple[Stakeholder, Stage, str]) -> tuple[Participation, ...]:
    return tuple(Participation(s.id, stage, level, min(s.identities)) for s, stage, level in entries)


TRANSFORMED = Initiative(
    id="t",
    name="T",
    stakeholders=(USERS, SURVIVORS, STAFF),
    participations=seats(
        (USERS, Stage.DESIGN, "leads"),
        (SURVIVORS, Stage.ALLOCATION, "partner"),
        (USERS, Stage.DELIVERY, "involved"),
        (STAFF, Stage.DELIVERY, "involved"),
    ),
    role_differentiation=RoleDifferentiation.DISSOLVED,
    compulsion=False,
    observations=POSITIVE,
)


def judge(initiative: Initiative) -> humanising.Verdict:
    return humanising.classify(initiative)[TRANSFORMATIVE]


class TestTransformativeCriteria:
    def test_fits_with_survivors_holding_resources(self) -> None:
        verdict = judge(TRANSFORMED)
        assert verdict.fit is Fit.FITS
        assert all(result.status is Status.MET for result in verdict.criteria)

    @pytest.mark.parametrize(
        ("criterion_id", "stage"), [("decision_power", Stage.DESIGN), ("resource_power", Stage.ALLOCATION)]
    )
    def test_power_must_relocate(self, criterion_id: str, stage: Stage) -> None:
        weakened = tuple(
            attrs.evolve(p, involvement=Involvement.INVOLVED) if p.stage is stage else p
            for p in TRANSFORMED.participations
        )
        verdict = judge(attrs.evolve(TRANSFORMED, participations=weakened))
        assert verdict.fit is Fit.DOES_NOT_FIT
        assert verdict.criterion(criterion_id).status is Status.UNMET
        assert "no service user, survivor or organisation of theirs" in verdict.criterion(criterion_id).reason.lower()

    def test_the_institutions_agenda_does_not_fit(self) -> None:
        verdict = judge(attrs.evolve(TRANSFORMED, observations=attrs.evolve(POSITIVE, agenda_set_by="institution")))
        assert verdict.fit is Fit.DOES_NOT_FIT
        assert "clinical or organisational goals" in verdict.criterion("own_agenda").reason

    @pytest.mark.parametrize(
        ("criterion_id", "change"),
        [
            ("equal_knowledge", {"user_knowledge_equal_status": False}),
            ("assets", {"assets_view": False}),
            ("challenge", {"dissent": "rephrased"}),
            ("not_absorbed", {"absorbed_into_procedure": True}),
        ],
    )
    def test_qualifying_observations(self, criterion_id: str, change: dict[str, Any]) -> None:
        verdict = judge(attrs.evolve(TRANSFORMED, observations=attrs.evolve(POSITIVE, **change)))
        assert verdict.fit is Fit.PARTLY
        assert verdict.criterion(criterion_id).status is Status.UNMET
        unknown = judge(
            attrs.evolve(TRANSFORMED, observations=attrs.evolve(POSITIVE, **dict.fromkeys(change, UNKNOWN)))
        )
        assert unknown.criterion(criterion_id).status is Status.UNKNOWN

    def test_roles_must_be_disrupted(self) -> None:
        verdict = judge(attrs.evolve(TRANSFORMED, role_differentiation="kept"))
        assert verdict.fit is Fit.PARTLY
        assert "fixed roles stay in place" in verdict.criterion("roles_disrupted").reason.lower()

    def test_reciprocity_needs_service_users_contributing_to_delivery(self) -> None:
        receiving = tuple(
            attrs.evolve(p, involvement=Involvement.INFORMED)
            if p.stakeholder == "users" and p.stage is Stage.DELIVERY
            else p
            for p in TRANSFORMED.participations
        )
        verdict = judge(attrs.evolve(TRANSFORMED, participations=receiving))
        assert verdict.criterion("reciprocity").status is Status.UNMET
        assert "receive without contributing" in verdict.criterion("reciprocity").reason

    def test_scale_is_reported(self) -> None:
        verdict = judge(attrs.evolve(TRANSFORMED, observations=attrs.evolve(POSITIVE, scale="individual")))
        assert verdict.notes == (
            "The scale of change is the relationships of particular practitioners with the people they work with.",
        )


class TestBarriers:
    def test_none_found_when_every_indicator_is_observed_absent(self) -> None:
        findings = humanising.barriers(TRANSFORMED)
        assert [f.status for f in findings] == [Finding.NOT_FOUND] * 4
        assert all(f.facts for f in findings)

    @pytest.mark.parametrize(
        ("barrier", "change"),
        [
            (Barrier.INSTITUTIONAL_RESISTANCE, MappingProxyType({"observations": {"agenda_set_by": "institution"}})),
            (Barrier.INSTITUTIONAL_RESISTANCE, MappingProxyType({"observations": {"change_superficial": True}})),
            (
                Barrier.INSTITUTIONAL_RESISTANCE,
                MappingProxyType({"observations": {"user_organisations_excluded": True}}),
            ),
            (Barrier.INSTITUTIONAL_RESISTANCE, MappingProxyType({"observations": {"absorbed_into_procedure": True}})),
            (Barrier.RESTRICTIVE_PRACTICE, MappingProxyType({"observations": {"judged_by_category": True}})),
            (Barrier.RESTRICTIVE_PRACTICE, MappingProxyType({"observations": {"risk_aversion": True}})),
            (Barrier.RESTRICTIVE_PRACTICE, MappingProxyType({"role_differentiation": RoleDifferentiation.KEPT})),
            (Barrier.RESTRICTIVE_PRACTICE, MappingProxyType({"compulsion": True})),
            (Barrier.AVOIDANCE_OF_CHALLENGE, MappingProxyType({"observations": {"dissent": "marginalised"}})),
            (Barrier.AVOIDANCE_OF_CHALLENGE, MappingProxyType({"observations": {"dissent": "pathologised"}})),
            (Barrier.DEMAND_TO_CONFORM, MappingProxyType({"observations": {"conformity_demanded": True}})),
            (Barrier.DEMAND_TO_CONFORM, MappingProxyType({"observations": {"goals_set_by": "professionals"}})),
        ],
    )
    def test_each_indicator_shows_its_barrier(self, barrier: Barrier, change: Mapping[str, Any]) -> None:
        # The parameters are shared by every run of the test in a process: read them, never change them.
        others = {name: value for name, value in change.items() if name != "observations"}
        observed = attrs.evolve(POSITIVE, **change.get("observations", {}))
        initiative = attrs.evolve(TRANSFORMED, observations=observed, **others)
        findings = {f.barrier: f for f in humanising.barriers(initiative)}
        assert findings[barrier].status is Finding.PRESENT
        assert len(findings[barrier].facts) == 1
        assert all(f.status is Finding.NOT_FOUND for b, f in findings.items() if b is not barrier)

    def test_unobserved_indicator_means_not_assessed(self) -> None:
        initiative = attrs.evolve(TRANSFORMED, observations=attrs.evolve(POSITIVE, dissent=UNKNOWN))
        finding = humanising.barriers(initiative)[2]
        assert finding.status is Finding.NOT_ASSESSED
        assert texts(finding.unknowns) == ("observations.dissent",)


class TestReadings:
    def test_each_reading_both_ways(self) -> None:
        democratic = Initiative(
            id="d",
            name="D",
            stakeholders=(USERS, STAFF),
            participations=seats((USERS, Stage.POLICY, "involved"), (STAFF, Stage.POLICY, "leads")),
            observations=Observations(goals_set_by="professionals"),
        )
        statuses = {m.reading: m.status for m in humanising.readings(democratic)}
        assert statuses == {
            Reading.DEMOCRATIC: Status.MET,
            Reading.CONSUMERIST: Status.UNMET,
            Reading.COMMUNITY_POWER: Status.UNMET,
        }
        statuses = {m.reading: m.status for m in humanising.readings(TRANSFORMED)}
        assert statuses == {
            Reading.DEMOCRATIC: Status.UNMET,
            Reading.CONSUMERIST: Status.MET,
            Reading.COMMUNITY_POWER: Status.MET,
        }

    def test_unknown_goals_leave_the_consumerist_reading_open(self) -> None:
        (_, consumerist, _) = humanising.readings(Initiative(id="x", name="X"))
        assert consumerist.status is Status.UNKNOWN
        assert texts(consumerist.unknowns) == ("observations.goals_set_by",)
        assert "responsibilised" in consumerist.reason


# --- properties

observations = st.builds(
    Observations,
    agenda_set_by=hs.facts(st.sampled_from(AgendaSetter)),
    goals_set_by=hs.facts(st.sampled_from(GoalSetter)),
    user_knowledge_equal_status=hs.facts(st.booleans()),
    assets_view=hs.facts(st.booleans()),
    dissent=hs.facts(st.sampled_from(DissentHandling)),
    change_superficial=hs.facts(st.booleans()),
    user_organisations_excluded=hs.facts(st.booleans()),
    absorbed_into_procedure=hs.facts(st.booleans()),
    judged_by_category=hs.facts(st.booleans()),
    risk_aversion=hs.facts(st.booleans()),
    conformity_demanded=hs.facts(st.booleans()),
)
initiatives = st.builds(lambda i, o: attrs.evolve(i, observations=o), hs.initiatives(), observations)

# Observation field names to values, passed on as keyword arguments (so typed Any, as each field takes its own).
BARRIER_OBSERVATIONS: dict[str, Any] = {
    "agenda_set_by": AgendaSetter.INSTITUTION,
    "change_superficial": True,
    "user_organisations_excluded": True,
    "absorbed_into_procedure": True,
    "judged_by_category": True,
    "risk_aversion": True,
    "dissent": DissentHandling.MARGINALISED,
    "conformity_demanded": True,
    "goals_set_by": GoalSetter.PROFESSIONALS,
}


def power_on_decisions(initiative: Initiative) -> bool:
    """Whether a service user, survivor or user-run organisation may lead or partner anywhere."""
    names = {s.id: s for s in initiative.stakeholders}
    # A stage the sources are silent about may hide anyone, with any say.
    possible = bool(initiative.silent_stages)
    for p in initiative.participations:
        stakeholder = names[p.stakeholder]
        side = p.capacity in (Identity.SERVICE_USER, Identity.SURVIVOR) or (
            p.capacity is Identity.ORGANISATION and stakeholder.user_run.value is not False
        )
        if side and (p.involvement is UNKNOWN or p.involvement.at_least(Involvement.PARTNER)):
            possible = True
    return possible


@given(initiatives)
def test_without_power_for_service_users_it_is_never_transformative(initiative: Initiative) -> None:
    """No service user, survivor or organisation of theirs leads or partners anywhere: never transformative."""
    if not power_on_decisions(initiative):
        assert judge(initiative).fit is Fit.DOES_NOT_FIT


@given(initiatives, st.sampled_from(sorted(BARRIER_OBSERVATIONS)))
def test_a_barrier_observation_never_lifts_a_verdict_that_does_not_fit(initiative: Initiative, name: str) -> None:
    """Adding a barrier observation never turns a transformative verdict that does not fit into partly or fits."""
    before = judge(initiative).fit
    barred = attrs.evolve(
        initiative, observations=attrs.evolve(initiative.observations, **{name: BARRIER_OBSERVATIONS[name]})
    )
    if before is Fit.DOES_NOT_FIT:
        assert judge(barred).fit is Fit.DOES_NOT_FIT
    finding_status = {f.barrier: f.status for f in humanising.barriers(barred)}
    assert Finding.PRESENT in finding_status.values()


@given(initiatives)
def test_findings_cite_their_facts(initiative: Initiative) -> None:
    """A present or not-found finding always cites at least one fact; a not-assessed one names what to observe."""
    for finding in humanising.barriers(initiative):
        if finding.status is Finding.NOT_ASSESSED:
            assert finding.unknowns
        else:
            assert finding.facts


@pytest.mark.parametrize("case_id", humanising.casebook.ids())
def test_case_files_written_before_observations_existed_still_load(case_id: str) -> None:
    data = humanising.unstructure(humanising.casebook.load(case_id))
    for part in (data, *data.get("parts", ())):
        part.pop("observations", None)
    older = humanising.structure(data)
    assert older.observations == Observations()
    assert [f.status for f in humanising.barriers(older)][2:] == [Finding.NOT_ASSESSED] * 2
