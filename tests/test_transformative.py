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
    BarrierMet,
    BarrierOutcome,
    Basis,
    DissentHandling,
    Fact,
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
P, IND, B, N, A = Finding.PRESENT, Finding.INDICATED, Finding.BYPASSED, Finding.NOT_FOUND, Finding.NOT_ASSESSED
CASEBOOK = {
    "sleepwell": (Fit.DOES_NOT_FIT, (A, A, A, A)),  # co-production was never attempted
    "mhf-wales": (Fit.UNDETERMINED, (B, A, A, A)),  # professionals' part at its silent stages is open
    "east-lille-2": (Fit.DOES_NOT_FIT, (A, A, A, A)),  # whether co-production was attempted is not said
    "east-lille-5": (Fit.DOES_NOT_FIT, (A, A, A, A)),
    "east-lille-6": (Fit.DOES_NOT_FIT, (A, A, A, A)),  # in scope, but no indicator is observed
    "east-lille-7": (Fit.DOES_NOT_FIT, (A, A, A, A)),  # a user-run group is not a mainstream service
    "east-lille-8": (Fit.DOES_NOT_FIT, (A, A, A, A)),  # co-production was not attempted, as far as can be told
    "illustrative-crisis-service": (Fit.FITS, (N, N, N, N)),
    "illustrative-coopted-recovery": (Fit.DOES_NOT_FIT, (P, P, IND, P)),
}


@pytest.mark.parametrize(("case_id", "expected"), CASEBOOK.items())
def test_casebook_verdicts_and_findings(case_id: str, expected: tuple[Fit, tuple[Finding, ...]]) -> None:
    case = humanising.casebook.load(case_id)
    fit, findings = expected
    assert humanising.classify(case)[TRANSFORMATIVE].fit is fit
    assert tuple(finding.status for finding in humanising.barriers(case)) == findings


def test_mhf_wales_resistance_was_met_and_bypassed_not_co_opting() -> None:
    case = humanising.casebook.load("mhf-wales")
    verdict = humanising.classify(case)[TRANSFORMATIVE]
    assert verdict.criterion("resource_power").status is Status.MET
    assert "allocation" in verdict.criterion("resource_power").reason
    assert verdict.notes == ("The scale of change is a service.",)
    resistance = humanising.barriers(case)[0]
    assert resistance.status is Finding.BYPASSED
    assert "welsh mental health services" in resistance.reason.lower()
    assert "did not co-opt" in resistance.reason
    assert texts(resistance.facts) == ("failed_partnerships[mh-services]", "observations.barriers_met[0]")
    conform = humanising.barriers(case)[3]
    assert conform.status is Finding.NOT_ASSESSED
    assert "observations.conformity_demanded" in texts(conform.unknowns)
    assert "people's goals are not set for them" in conform.reason


def test_mhf_wales_has_no_professional_relationship_on_record_to_transform() -> None:
    verdict = humanising.classify(humanising.casebook.load("mhf-wales"))[TRANSFORMATIVE]
    relationship = verdict.criterion("professional_relationship")
    assert relationship.status is Status.UNKNOWN
    assert "at no recorded stage" in relationship.reason
    assert "silent about who took part at evaluation and recruitment training" in relationship.reason
    assert set(texts(relationship.unknowns)) == {"silent_stages[evaluation]", "silent_stages[recruitment_training]"}


def test_sleepwell_never_attempted_coproduction_so_no_barrier_is_assessed() -> None:
    findings = humanising.barriers(humanising.casebook.load("sleepwell"))
    assert [f.status for f in findings] == [Finding.NOT_ASSESSED] * 4
    for finding in findings:
        assert texts(finding.facts) == ("observations.coproduction_attempted",)
        assert finding.unknowns == ()
        assert "co-production was never attempted here" in finding.reason
        assert "mainstream mental-health services" in finding.reason


def test_sleepwell_risk_anxiety_was_met_and_overcome_where_the_barriers_apply() -> None:
    # Suppose co-production had been attempted on the same wards: the staff's risk anxiety, which the
    # programme worked through (paper, section 4.1), is told apart from a restrictive practice that co-opts.
    case = humanising.casebook.load("sleepwell")
    attempted = attrs.evolve(case, observations=attrs.evolve(case.observations, coproduction_attempted=True))
    restrictive = humanising.barriers(attempted)[1]
    assert restrictive.status is Finding.OVERCOME
    assert texts(restrictive.facts) == (
        "role_differentiation",
        "observations.risk_aversion",
        "observations.barriers_met[0]",
    )
    assert "documented multidisciplinary decision process" in restrictive.reason
    unmet = attrs.evolve(attempted, observations=attrs.evolve(attempted.observations, barriers_met=()))
    assert humanising.barriers(unmet)[1].status is Finding.PRESENT


def test_east_lille_7_a_user_run_group_is_not_a_mainstream_service() -> None:
    findings = humanising.barriers(humanising.casebook.load("east-lille-7"))
    assert [f.status for f in findings] == [Finding.NOT_ASSESSED] * 4
    assert all(texts(f.facts) == ("observations.mainstream_service",) for f in findings)
    assert "not in or with a mainstream service" in findings[0].reason


def test_east_lille_2_compulsion_alone_indicates_restrictive_practice_once_in_scope() -> None:
    case = humanising.casebook.load("east-lille-2")
    attempted = attrs.evolve(case, observations=attrs.evolve(case.observations, coproduction_attempted=True))
    restrictive = humanising.barriers(attempted)[1]
    assert restrictive.status is Finding.INDICATED
    assert texts(restrictive.facts) == ("compulsion",)
    assert "indicated, by one fact only" in restrictive.reason
    assert "an indicator the library adds" in restrictive.reason


def test_an_unknown_scope_leaves_every_barrier_not_assessed_naming_it() -> None:
    findings = humanising.barriers(humanising.casebook.load("east-lille-2"))
    for finding in findings:
        assert finding.status is Finding.NOT_ASSESSED
        assert "observations.coproduction_attempted" in texts(finding.unknowns)
        assert (
            "the case file does not say whether co-production was attempted (field: "
            "observations.coproduction_attempted)" in finding.reason
        )


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
    scale="service",
    coproduction_attempted=True,
    mainstream_service=True,
    responsibility_on_individual=False,
    market_choice=False,
    support_withdrawn=False,
    public_governance=True,
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
        reason = verdict.criterion(criterion_id).reason.lower()
        assert "no service user, survivor, organisation of theirs or community" in reason

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
        forgotten: dict[str, Any] = dict.fromkeys(change, UNKNOWN)
        unknown = judge(attrs.evolve(TRANSFORMED, observations=attrs.evolve(POSITIVE, **forgotten)))
        assert unknown.criterion(criterion_id).status is Status.UNKNOWN

    def test_roles_must_be_disrupted(self) -> None:
        verdict = judge(attrs.evolve(TRANSFORMED, role_differentiation="kept"))
        assert verdict.fit is Fit.PARTLY
        assert "fixed roles stay in place" in verdict.criterion("roles_disrupted").reason.lower()

    def test_reciprocity_needs_service_users_contributing_to_delivery_or_their_care(self) -> None:
        receiving = tuple(
            attrs.evolve(p, involvement=Involvement.INFORMED)
            if p.stakeholder == "users" and p.stage is Stage.DELIVERY
            else p
            for p in TRANSFORMED.participations
        )
        verdict = judge(attrs.evolve(TRANSFORMED, participations=receiving))
        assert verdict.criterion("reciprocity").status is Status.UNMET
        assert "do not contribute (involved or more) to delivery or to the decisions on their own care" in (
            verdict.criterion("reciprocity").reason
        )

    def test_scale_is_reported(self) -> None:
        verdict = judge(attrs.evolve(TRANSFORMED, observations=attrs.evolve(POSITIVE, scale="individual")))
        assert verdict.notes == (
            "The scale of change is the relationships of particular practitioners with the people they work with.",
        )

    def test_communities_are_among_those_who_gain_power(self) -> None:
        neighbours = Stakeholder(id="neighbours", name="neighbours", identities={Identity.COMMUNITY_MEMBER})
        moved = tuple(
            attrs.evolve(p, stakeholder="neighbours", capacity=Identity.COMMUNITY_MEMBER)
            if p.stakeholder == "survivors"
            else p
            for p in TRANSFORMED.participations
        )
        verdict = judge(attrs.evolve(TRANSFORMED, stakeholders=(USERS, neighbours, STAFF), participations=moved))
        assert verdict.criterion("resource_power").status is Status.MET
        assert texts(verdict.criterion("resource_power").facts) == (
            "participations[neighbours@allocation].involvement",
        )

    def test_without_professionals_taking_part_there_is_no_relationship_to_transform(self) -> None:
        alone = tuple(p for p in TRANSFORMED.participations if p.stakeholder != "staff")
        verdict = judge(attrs.evolve(TRANSFORMED, participations=alone))
        assert verdict.fit is Fit.DOES_NOT_FIT
        relationship = verdict.criterion("professional_relationship")
        assert relationship.status is Status.UNMET
        assert "relationship between professionals and service users" in relationship.reason

    def test_a_shared_agenda_is_not_determined_by_what_the_institution_wants_alone(self) -> None:
        verdict = judge(attrs.evolve(TRANSFORMED, observations=attrs.evolve(POSITIVE, agenda_set_by="shared")))
        assert verdict.fit is Fit.FITS
        assert "not determined by what the institution wants alone" in verdict.criterion("own_agenda").reason


NURSE = Stakeholder(id="nurse", name="a named nurse", identities={Identity.MENTAL_HEALTH_PROFESSIONAL})
PATIENT = Stakeholder(id="patient", name="a service user", identities={Identity.SERVICE_USER})
CARE_PARTNERSHIP = Initiative(
    id="a5",
    name="An equal care partnership",
    stakeholders=(NURSE, PATIENT),
    participations=seats((NURSE, Stage.CARE_DECISIONS, "partner"), (PATIENT, Stage.CARE_DECISIONS, "partner")),
    role_differentiation=RoleDifferentiation.DISSOLVED,
    observations=Observations(
        agenda_set_by=AgendaSetter.SHARED,
        goals_set_by=GoalSetter.PEOPLE_THEMSELVES,
        user_knowledge_equal_status=True,
        assets_view=True,
        dissent=DissentHandling.HEARD,
        absorbed_into_procedure=False,
        scale="individual",
    ),
)
"""A nurse and a service user as equal partners on decisions about her care."""


class TestTheIndividualScale:
    def test_a5_an_equal_care_partnership_can_be_transformative_at_the_individual_scale(self) -> None:
        verdict = judge(CARE_PARTNERSHIP)
        assert verdict.fit is Fit.FITS
        resources = verdict.criterion("resource_power")
        assert resources.status is Status.MET
        assert texts(resources.facts) == ("observations.scale",)
        assert "individual relationships between practitioners and service users" in resources.reason
        assert verdict.criterion("reciprocity").status is Status.MET
        assert verdict.criterion("professional_relationship").status is Status.MET

    def test_a5_the_same_partnership_across_a_service_must_move_resources_too(self) -> None:
        wider = attrs.evolve(
            CARE_PARTNERSHIP, observations=attrs.evolve(CARE_PARTNERSHIP.observations, scale="service")
        )
        verdict = judge(wider)
        assert verdict.fit is Fit.DOES_NOT_FIT
        assert (
            "at the scale of a service, where resources must relocate too" in verdict.criterion("resource_power").reason
        )

    def test_a5_with_the_scale_unknown_whether_resources_must_move_is_open(self) -> None:
        open_scale = attrs.evolve(
            CARE_PARTNERSHIP, observations=attrs.evolve(CARE_PARTNERSHIP.observations, scale=UNKNOWN)
        )
        verdict = judge(open_scale)
        assert verdict.fit is Fit.UNDETERMINED
        assert texts(verdict.criterion("resource_power").unknowns) == ("observations.scale",)

    def test_a5_an_equal_care_partnership_is_not_read_as_consumerism(self) -> None:
        (_, consumerist, _) = humanising.readings(CARE_PARTNERSHIP)
        assert consumerist.status is Status.UNKNOWN
        assert "observations.goals_set_by" not in texts(consumerist.unknowns)
        assert not any(path.startswith("participations") for path in texts(consumerist.unknowns))


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
            (Barrier.RESTRICTIVE_PRACTICE, MappingProxyType({"observations": {"judged_by_category": True}})),
            (Barrier.RESTRICTIVE_PRACTICE, MappingProxyType({"observations": {"risk_aversion": True}})),
            (Barrier.RESTRICTIVE_PRACTICE, MappingProxyType({"role_differentiation": RoleDifferentiation.KEPT})),
            (Barrier.RESTRICTIVE_PRACTICE, MappingProxyType({"compulsion": True})),
            (Barrier.AVOIDANCE_OF_CHALLENGE, MappingProxyType({"observations": {"dissent": "marginalised"}})),
            (Barrier.AVOIDANCE_OF_CHALLENGE, MappingProxyType({"observations": {"dissent": "pathologised"}})),
            (Barrier.DEMAND_TO_CONFORM, MappingProxyType({"observations": {"conformity_demanded": True}})),
            (Barrier.DEMAND_TO_CONFORM, MappingProxyType({"observations": {"absorbed_into_procedure": True}})),
            (Barrier.DEMAND_TO_CONFORM, MappingProxyType({"observations": {"goals_set_by": "professionals"}})),
        ],
    )
    def test_each_indicator_shows_its_barrier(self, barrier: Barrier, change: Mapping[str, Any]) -> None:
        # The parameters are shared by every run of the test in a process: read them, never change them.
        others = {name: value for name, value in change.items() if name != "observations"}
        observed = attrs.evolve(POSITIVE, **change.get("observations", {}))
        initiative = attrs.evolve(TRANSFORMED, observations=observed, **others)
        findings = {f.barrier: f for f in humanising.barriers(initiative)}
        assert findings[barrier].status is Finding.INDICATED
        assert len(findings[barrier].facts) == 1
        assert all(f.status is Finding.NOT_FOUND for b, f in findings.items() if b is not barrier)

    def test_two_indicators_make_a_barrier_present(self) -> None:
        observed = attrs.evolve(POSITIVE, judged_by_category=True, risk_aversion=True)
        restrictive = humanising.barriers(attrs.evolve(TRANSFORMED, observations=observed))[1]
        assert restrictive.status is Finding.PRESENT
        assert texts(restrictive.facts) == ("observations.judged_by_category", "observations.risk_aversion")

    def test_co_option_into_procedure_is_filed_under_the_demand_to_conform(self) -> None:
        observed = attrs.evolve(POSITIVE, absorbed_into_procedure=True)
        findings = humanising.barriers(attrs.evolve(TRANSFORMED, observations=observed))
        assert findings[3].status is Finding.INDICATED
        assert "co-opted into standard administrative or decision-making procedure" in findings[3].reason
        assert findings[0].status is Finding.NOT_FOUND

    @pytest.mark.parametrize(
        ("change", "position"),
        [({"compulsion": True}, 1), ({"observations": {"goals_set_by": "professionals"}}, 3)],
    )
    def test_the_librarys_own_indicators_say_so(self, change: dict[str, Any], position: int) -> None:
        others = {name: value for name, value in change.items() if name != "observations"}
        observed = attrs.evolve(POSITIVE, **change.get("observations", {}))
        finding = humanising.barriers(attrs.evolve(TRANSFORMED, observations=observed, **others))[position]
        assert finding.status is Finding.INDICATED
        assert finding.reason.endswith("(an indicator the library adds).")

    def test_a_barrier_met_and_bypassed_is_not_one_that_co_opts(self) -> None:
        met = BarrierMet("demand_to_conform", BarrierOutcome.BYPASSED, "the group met outside the ward", basis="coded")
        observed = attrs.evolve(POSITIVE, conformity_demanded=True, barriers_met=(met,))
        conform = humanising.barriers(attrs.evolve(TRANSFORMED, observations=observed))[3]
        assert conform.status is Finding.BYPASSED
        assert "bypassed: the group met outside the ward" in conform.reason

    def test_unobserved_indicator_means_not_assessed(self) -> None:
        initiative = attrs.evolve(TRANSFORMED, observations=attrs.evolve(POSITIVE, dissent=UNKNOWN))
        finding = humanising.barriers(initiative)[2]
        assert finding.status is Finding.NOT_ASSESSED
        assert texts(finding.unknowns) == ("observations.dissent",)

    def test_what_the_case_file_does_not_say_is_listed_field_by_field(self) -> None:
        unsaid = attrs.evolve(
            POSITIVE, agenda_set_by=UNKNOWN, change_superficial=UNKNOWN, user_organisations_excluded=UNKNOWN
        )
        resistance = humanising.barriers(attrs.evolve(TRANSFORMED, observations=unsaid))[0]
        assert resistance.reason == (
            "Institutional resistance to change is not assessed: the case file does not say whether clinical or "
            "organisational goals drive the agenda (field: observations.agenda_set_by), whether change stays "
            "superficial or short-term (field: observations.change_superficial) or whether organisations run by "
            "service users are kept out (field: observations.user_organisations_excluded)."
        )

    def test_one_hedged_fact_indicates_with_its_hedge_and_the_fact_still_unsaid(self) -> None:
        observed = attrs.evolve(POSITIVE, judged_by_category=Fact(True, Basis.INFERRED), risk_aversion=UNKNOWN)
        restrictive = humanising.barriers(attrs.evolve(TRANSFORMED, observations=observed))[1]
        assert restrictive.reason == (
            "Restrictive administrative procedure and professional practice is indicated, by one fact only: people "
            "are judged by diagnosis, history or administrative category (case author's inference); the case file "
            "does not say whether risk aversion shapes what is allowed (field: observations.risk_aversion)."
        )
        assert texts(restrictive.unknowns) == ("observations.risk_aversion",)

    def test_a_present_barrier_still_names_the_indicator_not_yet_observed(self) -> None:
        observed = attrs.evolve(
            POSITIVE, agenda_set_by="institution", change_superficial=True, user_organisations_excluded=UNKNOWN
        )
        resistance = humanising.barriers(attrs.evolve(TRANSFORMED, observations=observed))[0]
        assert resistance.status is Finding.PRESENT
        assert texts(resistance.facts) == ("observations.agenda_set_by", "observations.change_superficial")
        assert texts(resistance.unknowns) == ("observations.user_organisations_excluded",)

    def test_the_essays_own_indicators_are_not_marked_as_the_librarys(self) -> None:
        observed = attrs.evolve(POSITIVE, judged_by_category=True, risk_aversion=True)
        restrictive = humanising.barriers(attrs.evolve(TRANSFORMED, observations=observed))[1]
        assert restrictive.reason == (
            "Restrictive administrative procedure and professional practice is present: people are judged by "
            "diagnosis, history or administrative category; risk aversion shapes what is allowed."
        )


NOT_CONSUMERS = Observations(
    responsibility_on_individual=False, support_withdrawn=False, market_choice=False, public_governance=True
)


class TestReadings:
    def test_each_reading_both_ways(self) -> None:
        democratic = Initiative(
            id="d",
            name="D",
            stakeholders=(USERS, STAFF),
            participations=seats((USERS, Stage.POLICY, "involved"), (STAFF, Stage.POLICY, "leads")),
            observations=NOT_CONSUMERS,
        )
        statuses = {m.reading: m.status for m in humanising.readings(democratic)}
        assert statuses == {
            Reading.DEMOCRATIC: Status.MET,
            Reading.CONSUMERIST: Status.UNMET,
            Reading.COMMUNITY_POWER: Status.UNMET,
        }
        consumers = attrs.evolve(
            TRANSFORMED, observations=attrs.evolve(POSITIVE, responsibility_on_individual=True, market_choice=True)
        )
        statuses = {m.reading: m.status for m in humanising.readings(consumers)}
        assert statuses == {
            Reading.DEMOCRATIC: Status.UNMET,
            Reading.CONSUMERIST: Status.MET,
            Reading.COMMUNITY_POWER: Status.MET,
        }

    def test_unknown_indicators_leave_the_consumerist_reading_open(self) -> None:
        (_, consumerist, _) = humanising.readings(Initiative(id="x", name="X"))
        assert consumerist.status is Status.UNKNOWN
        assert set(texts(consumerist.unknowns)) == {
            "observations.responsibility_on_individual",
            "observations.support_withdrawn",
            "observations.market_choice",
        }
        assert "responsibilised" in consumerist.reason

    @pytest.mark.parametrize(
        "change",
        [
            {"support_withdrawn": True, "market_choice": True},
            {"responsibility_on_individual": True, "market_choice": True},
        ],
    )
    def test_consumerism_is_responsibility_shifted_or_support_withdrawn_with_a_market(
        self, change: dict[str, Any]
    ) -> None:
        consumers = attrs.evolve(TRANSFORMED, observations=attrs.evolve(POSITIVE, **change))
        assert humanising.readings(consumers)[1].status is Status.MET
        no_market = attrs.evolve(TRANSFORMED, observations=attrs.evolve(POSITIVE, **{**change, "market_choice": False}))
        assert humanising.readings(no_market)[1].status is Status.UNMET

    def test_mhf_wales_self_set_goals_are_not_read_as_consumerism(self) -> None:
        case = humanising.casebook.load("mhf-wales")
        consumerist = humanising.readings(case)[1]
        assert case.observations.goals_set_by.value is GoalSetter.PEOPLE_THEMSELVES
        assert consumerist.status is Status.UNKNOWN
        assert set(texts(consumerist.unknowns)) == {
            "observations.responsibility_on_individual",
            "observations.support_withdrawn",
        }

    def test_mhf_wales_allocating_its_own_grant_is_not_participatory_governance(self) -> None:
        case = humanising.casebook.load("mhf-wales")
        community = humanising.readings(case)[2]
        assert community.status is Status.UNMET
        public = attrs.evolve(case, observations=attrs.evolve(case.observations, public_governance=True))
        assert humanising.readings(public)[2].status is Status.MET


# --- properties

initiatives = st.builds(lambda i, o: attrs.evolve(i, observations=o), hs.initiatives(), hs.observations())

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
SHOWN = frozenset({Finding.PRESENT, Finding.INDICATED, Finding.OVERCOME, Finding.BYPASSED})


def in_scope(initiative: Initiative) -> bool:
    return (
        initiative.observations.coproduction_attempted.value is True
        and initiative.observations.mainstream_service.value is True
    )


def power_on_decisions(initiative: Initiative) -> bool:
    """Whether a service user, survivor, user-run organisation or community may lead or partner anywhere."""
    names = {s.id: s for s in initiative.stakeholders}
    # A stage the sources are silent about may hide anyone, with any say.
    possible = bool(initiative.silent_stages)
    for p in initiative.participations:
        stakeholder = names[p.stakeholder]
        side = p.capacity in (
            Identity.SERVICE_USER,
            Identity.SURVIVOR,
            Identity.COMMUNITY_MEMBER,
            Identity.GENERAL_PUBLIC,
        ) or (p.capacity is Identity.ORGANISATION and stakeholder.user_run.value is not False)
        if side and (p.involvement is UNKNOWN or p.involvement.at_least(Involvement.PARTNER)):
            possible = True
    return possible


def professionals_may_take_part(initiative: Initiative) -> bool:
    """Whether a mental-health professional may be involved or more at some stage."""
    return bool(initiative.silent_stages) or any(
        p.capacity is Identity.MENTAL_HEALTH_PROFESSIONAL
        and (p.involvement is UNKNOWN or p.involvement.at_least(Involvement.INVOLVED))
        for p in initiative.participations
    )


@given(initiatives)
def test_without_power_for_service_users_it_is_never_transformative(initiative: Initiative) -> None:
    """No service user, survivor, organisation of theirs or community leads or partners: never transformative."""
    if not power_on_decisions(initiative):
        assert judge(initiative).fit is Fit.DOES_NOT_FIT


@given(initiatives)
def test_without_professionals_it_is_never_transformative(initiative: Initiative) -> None:
    """No mental-health professional takes part anywhere: there is no relationship to transform."""
    if not professionals_may_take_part(initiative):
        assert judge(initiative).fit is Fit.DOES_NOT_FIT
        assert judge(initiative).criterion("professional_relationship").status is Status.UNMET


@given(initiatives, st.sampled_from(sorted(BARRIER_OBSERVATIONS)))
def test_a_barrier_observation_never_lifts_a_verdict_that_does_not_fit(initiative: Initiative, name: str) -> None:
    """Adding a barrier observation never turns a transformative verdict that does not fit into partly or fits;
    in the essay's scope, it always shows some barrier."""
    before = judge(initiative).fit
    barred = attrs.evolve(
        initiative, observations=attrs.evolve(initiative.observations, **{name: BARRIER_OBSERVATIONS[name]})
    )
    if before is Fit.DOES_NOT_FIT:
        assert judge(barred).fit is Fit.DOES_NOT_FIT
    statuses = {f.status for f in humanising.barriers(barred)}
    if in_scope(barred):
        assert statuses & SHOWN
    else:
        assert statuses == {Finding.NOT_ASSESSED}


@given(initiatives)
def test_findings_cite_their_facts(initiative: Initiative) -> None:
    """A finding always cites at least one fact, or names what to observe; out of scope, the fact that rules it out."""
    for finding in humanising.barriers(initiative):
        if finding.status is Finding.NOT_ASSESSED:
            assert finding.unknowns or texts(finding.facts) in (
                ("observations.coproduction_attempted",),
                ("observations.mainstream_service",),
            )
        else:
            assert finding.facts


@given(initiatives)
def test_an_unknown_says_what_the_case_file_does_not_say_and_the_field_that_would(initiative: Initiative) -> None:
    """A finding the unknown facts could change says the case file does not say them, naming each one's field.

    Not assessed, or indicated by one fact (another would make it present); never "not observed".
    """
    for finding in humanising.barriers(initiative):
        assert "not observed" not in finding.reason
        if finding.unknowns and finding.status in {Finding.NOT_ASSESSED, Finding.INDICATED}:
            assert "the case file does not say whether" in finding.reason
            for path in finding.unknowns:
                assert f"(field: {path})" in finding.reason


@given(initiatives)
def test_one_fact_indicates_a_barrier_and_only_two_make_it_present(initiative: Initiative) -> None:
    for finding in humanising.barriers(initiative):
        if finding.status is Finding.PRESENT:
            assert len(finding.facts) >= 2
        if finding.status is Finding.INDICATED:
            assert len(finding.facts) == 1


@given(initiatives)
def test_a_barrier_is_met_and_overcome_or_bypassed_only_where_a_record_says_so(initiative: Initiative) -> None:
    recorded = {met.barrier for met in initiative.observations.barriers_met}
    for finding in humanising.barriers(initiative):
        if finding.status in (Finding.OVERCOME, Finding.BYPASSED):
            assert finding.barrier in recorded
        elif in_scope(initiative):
            assert finding.barrier not in recorded


@given(initiatives, st.sampled_from(list(GoalSetter)))
def test_own_goals_never_decide_the_consumerist_reading(initiative: Initiative, goals: GoalSetter) -> None:
    """Who sets people's goals, or who partners on their care, is never read as consumerism."""
    regoaled = attrs.evolve(initiative, observations=attrs.evolve(initiative.observations, goals_set_by=goals))
    kept = tuple(p for p in initiative.participations if p.stage is not Stage.CARE_DECISIONS)
    without_care = attrs.evolve(initiative, participations=kept)
    before = humanising.readings(initiative)[1]
    assert humanising.readings(regoaled)[1] == before
    assert humanising.readings(without_care)[1] == before


@pytest.mark.parametrize("case_id", humanising.casebook.ids())
def test_case_files_written_before_observations_existed_still_load(case_id: str) -> None:
    data = humanising.unstructure(humanising.casebook.load(case_id))
    for part in (data, *data.get("parts", ())):
        part.pop("observations", None)
    older = humanising.structure(data)
    assert older.observations == Observations()
    assert [f.status for f in humanising.barriers(older)] == [Finding.NOT_ASSESSED] * 4


def test_the_docs_table_files_each_indicator_where_the_data_does_and_marks_the_librarys_own() -> None:
    """The table on the transformative page lists each barrier's indicators as the code files them:
    the essay's own in one column, the library's additions in the other."""
    from pathlib import Path

    from humanising._reasoning._barriers import _INDICATORS, _NAMES

    page = (Path(__file__).parents[1] / "docs" / "explanation" / "transformative-coproduction.md").read_text("utf-8")
    table = page[page.index("| barrier | what the essay describes |") :].split("\n\n", 1)[0]
    rows = [line.split(" | ") for line in table.splitlines()[2:]]
    by_barrier = {row[0].removeprefix("| ").lower(): row for row in rows}
    assert len(by_barrier) == len(_INDICATORS)
    for barrier, indicators in _INDICATORS.items():
        name = _NAMES[barrier].lower()
        row = next(cells for key, cells in by_barrier.items() if name.startswith(key.split(" ")[0]))
        essays, additions = row[2], row[3]
        for indicator in indicators:
            field = f"`{indicator.path.steps[-1]}"
            assert field in (additions if indicator.addition else essays), (barrier, field)
            assert field not in (essays if indicator.addition else additions), (barrier, field)
