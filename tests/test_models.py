"""Each model's criteria, met and unmet, on small initiatives built for the purpose."""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

import humanising
from _settle import texts
from humanising import (
    UNKNOWN,
    Basis,
    DesignProcess,
    Domain,
    Evidence,
    Fact,
    FailedPartnership,
    Fit,
    Identity,
    Initiative,
    Involvement,
    Participation,
    Product,
    ProductKind,
    Revision,
    Role,
    RoleDifferentiation,
    Stage,
    Stakeholder,
    Status,
)
from humanising import strategies as hst

USERS = Stakeholder(id="users", name="service users", identities={Identity.SERVICE_USER}, roles={Role.END_USER})
STAFF = Stakeholder(
    id="staff", name="clinicians", identities={Identity.MENTAL_HEALTH_PROFESSIONAL}, roles={Role.DELIVERER}
)
NEIGHBOURS = Stakeholder(id="neighbours", name="neighbours", identities={Identity.COMMUNITY_MEMBER})
CHARITY = Stakeholder(id="charity", name="a charity", identities={Identity.ORGANISATION})
SERVICE = Product(id="service", name="a service", kind=ProductKind.SERVICE, domain=Domain.MENTAL_HEALTH)


def take_part(*seats: tuple[Stakeholder, Stage, Involvement | str]) -> tuple[Participation, ...]:
    return tuple(
        Participation(stakeholder.id, stage, level, capacity=min(stakeholder.identities))
        for stakeholder, stage, level in seats
    )


def case(
    *seats: tuple[Stakeholder, Stage, Involvement | str],
    stakeholders: Iterable[Stakeholder] = (USERS, STAFF, NEIGHBOURS),
    **facts: Any,
) -> Initiative:
    facts.setdefault("products", (SERVICE,))
    return Initiative(
        id="case",
        name="Case",
        stakeholders=tuple(stakeholders),
        participations=take_part(*seats),
        **facts,
    )


def judge(model_id: str, initiative: Initiative) -> humanising.Verdict:
    return humanising.classify(initiative)[model_id]


CO_PRODUCED = case(
    (USERS, Stage.DESIGN, Involvement.INVOLVED),
    (STAFF, Stage.DESIGN, Involvement.LEADS),
    user_knowledge_shapes_product=True,
    role_differentiation=RoleDifferentiation.DISSOLVED,
)


class TestCoproduction:
    def test_fits_when_users_and_providers_produce_together(self) -> None:
        verdict = judge("coproduction", CO_PRODUCED)
        assert verdict.fit is Fit.FITS
        assert all(result.status is Status.MET for result in verdict.criteria)
        assert "falls short of the gold standard" in verdict.notes[0]

    def test_produces_nothing(self) -> None:
        nothing = Product(id="access", name="access to records", kind=ProductKind.NOTHING)
        verdict = judge("coproduction", attrs.evolve(CO_PRODUCED, products=(nothing,)))
        assert verdict.fit is Fit.DOES_NOT_FIT
        assert verdict.criterion("produces").status is Status.UNMET
        assert "access to records" in verdict.criterion("produces").reason

    def test_no_product_recorded_leaves_it_open(self) -> None:
        verdict = judge("coproduction", attrs.evolve(CO_PRODUCED, products=()))
        assert verdict.fit is Fit.UNDETERMINED
        assert "products" in texts(verdict.unknowns)

    def test_feedback_is_not_a_voice(self) -> None:
        initiative = case(
            (USERS, Stage.DESIGN, Involvement.CONSULTED),
            (STAFF, Stage.DESIGN, Involvement.LEADS),
            (USERS, Stage.EVALUATION, Involvement.CONSULTED),
        )
        verdict = judge("coproduction", initiative)
        assert verdict.criterion("service_user_voice").status is Status.UNMET
        assert "does not count" in verdict.criterion("service_user_voice").reason

    def test_users_alone_is_user_led_not_doing_with(self) -> None:
        verdict = judge("coproduction", case((USERS, Stage.DESIGN, Involvement.LEADS)))
        assert verdict.criterion("doing_with").status is Status.UNMET
        assert "service user-led there" in verdict.criterion("doing_with").reason

    def test_professionals_alone_is_top_down(self) -> None:
        verdict = judge("coproduction", case((STAFF, Stage.DESIGN, Involvement.LEADS)))
        assert verdict.criterion("doing_with").status is Status.UNMET
        assert "top-down" in verdict.criterion("doing_with").reason

    def test_kept_roles_are_delivering_to(self) -> None:
        kept = attrs.evolve(CO_PRODUCED, role_differentiation=RoleDifferentiation.KEPT)
        verdict = judge("coproduction", kept)
        assert verdict.fit is Fit.PARTLY
        assert verdict.criterion("roles_shared").status is Status.UNMET
        assert "delivers something to someone" in verdict.criterion("roles_shared").reason
        unknown = judge("coproduction", attrs.evolve(CO_PRODUCED, role_differentiation=UNKNOWN))
        assert unknown.fit is Fit.PARTLY
        assert texts(unknown.unknowns) == ("role_differentiation",)

    def test_with_community_members_alone_is_not_with_providers(self) -> None:
        initiative = case(
            (USERS, Stage.DELIVERY, Involvement.LEADS),
            (NEIGHBOURS, Stage.DELIVERY, Involvement.INVOLVED),
            (STAFF, Stage.DELIVERY, Involvement.NONE),
            failed_partnerships=(FailedPartnership("staff", "the clinic declined"),),
        )
        verdict = judge("coproduction", initiative)
        # Community members taking part with service users is community involvement, not "doing with".
        assert verdict.criterion("doing_with").status is Status.UNMET
        reason = verdict.criterion("with_providers").reason
        assert verdict.criterion("with_providers").status is Status.UNMET
        assert "co-production with whom?" in reason
        assert "the clinic declined" in reason
        assert "sole charge" in reason

    def test_qualifications_cap_it_at_partly(self) -> None:
        housing = Product(id="homes", name="housing", kind=ProductKind.SERVICE, domain=Domain.HOUSING)
        verdict = judge("coproduction", attrs.evolve(CO_PRODUCED, products=(housing,)))
        assert verdict.fit is Fit.PARTLY
        assert verdict.criterion("mental_health_service").status is Status.UNMET
        assert "housing" in verdict.criterion("mental_health_service").reason
        unclear = judge("coproduction", attrs.evolve(CO_PRODUCED, user_knowledge_shapes_product=UNKNOWN))
        assert unclear.fit is Fit.PARTLY
        assert unclear.criterion("user_knowledge").status is Status.UNKNOWN

    def test_unknown_involvement_leaves_it_undetermined_and_named(self) -> None:
        initiative = case(
            (USERS, Stage.DESIGN, "unknown"),
            (STAFF, Stage.DESIGN, Involvement.LEADS),
            user_knowledge_shapes_product=True,
            role_differentiation=RoleDifferentiation.DISSOLVED,
        )
        verdict = judge("coproduction", initiative)
        assert verdict.fit is Fit.UNDETERMINED
        assert texts(verdict.unknowns) == ("participations[users@design].involvement",)

    def test_organisation_of_unknown_kind_is_named(self) -> None:
        initiative = case(
            (CHARITY, Stage.DESIGN, Involvement.PARTNER),
            (STAFF, Stage.DESIGN, Involvement.PARTNER),
            stakeholders=(CHARITY, STAFF),
            user_knowledge_shapes_product=True,
            role_differentiation=RoleDifferentiation.DISSOLVED,
        )
        verdict = judge("coproduction", initiative)
        assert verdict.fit is Fit.UNDETERMINED
        assert "stakeholders[charity].user_run" in texts(verdict.unknowns)
        user_run = attrs.evolve(initiative, stakeholders=(attrs.evolve(CHARITY, user_run=True), STAFF))
        assert judge("coproduction", user_run).fit is Fit.FITS

    def test_gold_standard(self) -> None:
        equal = case(
            (USERS, Stage.DESIGN, Involvement.PARTNER),
            (STAFF, Stage.DESIGN, Involvement.PARTNER),
            (USERS, Stage.DELIVERY, Involvement.LEADS),
            (STAFF, Stage.DELIVERY, Involvement.PARTNER),
            user_knowledge_shapes_product=True,
            role_differentiation=RoleDifferentiation.DISSOLVED,
        )
        assert judge("coproduction_gold_standard", equal).fit is Fit.FITS
        open_roles = judge("coproduction_gold_standard", attrs.evolve(equal, role_differentiation=UNKNOWN))
        assert open_roles.fit is Fit.UNDETERMINED
        assert "the gold standard" in judge("coproduction", equal).notes[0]
        broad = judge("coproduction_gold_standard", CO_PRODUCED)
        assert broad.fit is Fit.DOES_NOT_FIT
        assert broad.criterion("equal_partners").status is Status.UNMET


class TestEvidenceBasedPractice:
    def test_steps(self) -> None:
        steps = Evidence(
            question_by_topic_experts=True, literature_searched=True, evidence_applied=True, outcomes_evaluated=True
        )
        assert judge("evidence_based_practice", case(evidence=steps)).fit is Fit.FITS
        no_pilot = attrs.evolve(steps, outcomes_evaluated=False)
        assert judge("evidence_based_practice", case(evidence=no_pilot)).fit is Fit.PARTLY
        no_search = attrs.evolve(steps, literature_searched=Fact(False, Basis.HEDGED))
        verdict = judge("evidence_based_practice", case(evidence=no_search))
        assert verdict.fit is Fit.DOES_NOT_FIT
        assert verdict.criterion("search").reason == "The existing research was not searched (as far as can be told)."
        unknown = judge("evidence_based_practice", case(evidence=attrs.evolve(steps, evidence_applied=UNKNOWN)))
        assert unknown.fit is Fit.UNDETERMINED
        assert texts(unknown.unknowns) == ("evidence.evidence_applied",)


class TestUserLed:
    def test_fits_when_users_lead_design_and_delivery(self) -> None:
        verdict = judge("user_led", case((USERS, Stage.DESIGN, "leads"), (USERS, Stage.DELIVERY, "leads")))
        assert verdict.fit is Fit.FITS
        assert verdict.stages == (Stage.DESIGN, Stage.DELIVERY)

    def test_a_professional_with_a_voice_means_it_is_not_user_led_there(self) -> None:
        verdict = judge(
            "user_led",
            case((USERS, Stage.DESIGN, "leads"), (USERS, Stage.DELIVERY, "leads"), (STAFF, Stage.DELIVERY, "partner")),
        )
        assert verdict.fit is Fit.PARTLY
        assert verdict.stages == (Stage.DESIGN,)
        assert verdict.criterion("led_delivery").status is Status.UNMET
        assert "clinicians: partner at delivery" in verdict.criterion("led_delivery").reason

    def test_involved_is_not_leading(self) -> None:
        verdict = judge("user_led", case((USERS, Stage.DESIGN, "partner")))
        assert verdict.fit is Fit.DOES_NOT_FIT
        assert verdict.stages == ()

    def test_unknown_leadership_is_undetermined(self) -> None:
        verdict = judge("user_led", case((USERS, Stage.DESIGN, "unknown")))
        assert verdict.fit is Fit.UNDETERMINED
        assert "participations[users@design].involvement" in texts(verdict.unknowns)


class TestCommunityInvolvement:
    def test_taking_part_in_decisions(self) -> None:
        verdict = judge("community_involvement", case((NEIGHBOURS, Stage.NEEDS_ASSESSMENT, "involved")))
        assert verdict.fit is Fit.FITS

    def test_delivery_is_one_of_its_forms(self) -> None:
        # Section 3: community involvement "can take many forms", delivery among them.
        verdict = judge("community_involvement", case((NEIGHBOURS, Stage.DELIVERY, "involved")))
        assert verdict.fit is Fit.FITS

    def test_an_audience_does_not_take_part(self) -> None:
        verdict = judge("community_involvement", case((NEIGHBOURS, Stage.DELIVERY, "informed")))
        assert verdict.fit is Fit.DOES_NOT_FIT
        assert "audience or target" in verdict.criterion("takes_part").reason

    def test_clinicians_at_an_event_act_as_clinicians(self) -> None:
        verdict = judge("community_involvement", case((STAFF, Stage.DELIVERY, "involved")))
        assert verdict.fit is Fit.DOES_NOT_FIT


DESIGNERS = Stakeholder(
    id="designers", name="designers", identities={Identity.OTHER_PROFESSIONAL}, roles={Role.DESIGNER}
)
CLIENT = Stakeholder(id="client", name="the trust", identities={Identity.ORGANISATION}, roles={Role.CLIENT})


class TestUserCentredDesign:
    def ucd(self, **process: object) -> Initiative:
        facts: dict[str, Any] = {
            "end_user_research": True,
            "ideation": True,
            "prototyping": True,
            "revisions": (Revision("simpler forms", {"users"}),),
        }
        facts.update(process)
        return case(
            (USERS, Stage.DESIGN, "consulted"),
            stakeholders=(USERS, STAFF, DESIGNERS, CLIENT),
            design_process=DesignProcess(**facts),
        )

    def test_fits(self) -> None:
        verdict = judge("user_centred_design", self.ucd())
        assert verdict.fit is Fit.FITS
        assert verdict.notes == ()  # the client and designers are not service users

    def test_missing_corner(self) -> None:
        initiative = attrs.evolve(self.ucd(), stakeholders=(USERS, STAFF, DESIGNERS))
        verdict = judge("user_centred_design", initiative)
        assert verdict.criterion("roles").status is Status.UNMET
        assert "no client" in verdict.criterion("roles").reason

    def test_revisions_that_answer_end_users_are_a_matter_of_degree(self) -> None:
        # Section 4.2: "to the extent that" iterations respond to end users: it qualifies, it does not decide.
        verdict = judge("user_centred_design", self.ucd(revisions=(Revision("reassure staff", {"staff"}),)))
        assert verdict.fit is Fit.PARTLY
        assert "answered the concerns of clinicians" in verdict.criterion("iteration").reason
        assert judge("user_centred_design", self.ucd(revisions=())).criterion("iteration").status is Status.UNMET

    def test_end_users_take_part_in_designing_it_not_only_in_testing_it(self) -> None:
        # Section 3: user-centred design "involves users in every stage of the design process".
        absent = attrs.evolve(self.ucd(), participations=())
        verdict = judge("user_centred_design", absent)
        assert verdict.fit is Fit.PARTLY
        assert verdict.criterion("end_users_in_design").status is Status.UNMET
        silent = attrs.evolve(absent, silent_stages={"design"})
        assert judge("user_centred_design", silent).criterion("end_users_in_design").status is Status.UNKNOWN

    def test_with_design_silent_no_corner_is_absent(self) -> None:
        # Where the sources never say who designed it, a client or designer not recorded may be anyone.
        initiative = attrs.evolve(self.ucd(), stakeholders=(USERS, STAFF), silent_stages={"design"})
        verdict = judge("user_centred_design", initiative)
        assert verdict.criterion("roles").status is Status.UNKNOWN
        assert "silent_stages[design]" in [str(path) for path in verdict.unknowns]
        assert (
            judge("user_centred_design", humanising.settle(initiative, "silent_stages[design]", False))
            .criterion("roles")
            .status
            is Status.UNMET
        )

    def test_sleepwell_a_safety_pilot_is_not_a_prototype_tried_with_end_users(self) -> None:
        verdict = humanising.classify(humanising.casebook.load("sleepwell"))["user_centred_design"]
        assert verdict.criterion("prototyping").status is Status.UNMET
        assert "safety" in verdict.criterion("prototyping").reason

    @pytest.mark.parametrize("missing", ["end_user_research", "ideation", "prototyping"])
    def test_essential_steps(self, missing: str) -> None:
        assert judge("user_centred_design", self.ucd(**{missing: False})).fit is Fit.DOES_NOT_FIT
        assert judge("user_centred_design", self.ucd(**{missing: UNKNOWN})).fit is Fit.UNDETERMINED


class TestEqualisingAndHumanising:
    def test_only_narrowed_relationships_equalise(self) -> None:
        relationships = [
            humanising.Relationship(("users", "staff"), "power", change)
            for change in ("narrows", "bypassed", "never_arose", "unchanged", "widens")
        ]
        # Distinct aspects keep the relationships apart.
        relationships = [
            attrs.evolve(r, aspect=aspect) for r, aspect in zip(relationships, humanising.Aspect, strict=True)
        ]
        narrowed = humanising.equalises(case(relationships=relationships))
        assert [r.change for r in narrowed] == [humanising.Change.NARROWS]

    def test_quadrants_on_the_independent_reading(self) -> None:
        narrows = (humanising.Relationship(("users", "staff"), "power", "narrows"),)
        feature = (humanising.HumanisingFeature("dignity", "respect"),)
        quadrant = humanising.quadrant
        assert quadrant(case(relationships=narrows, humanising_features=feature)).value == "equalising and humanising"
        assert quadrant(case(relationships=narrows, humanising_features=())).value == "equalising only"
        assert quadrant(case(humanising_features=feature)).value == "humanising only"
        assert quadrant(case(humanising_features=())).value == "neither"
        assert quadrant(case()).value == "undetermined"
        unknown_change = (humanising.Relationship(("users", "staff"), "power", "unknown"),)
        assert quadrant(case(relationships=unknown_change, humanising_features=feature)).value == "undetermined"
        bypassed = (humanising.Relationship(("users", "staff"), "power", "bypassed"),)
        assert quadrant(case(relationships=bypassed, humanising_features=feature)) is (
            humanising.Quadrant.BEYOND_EQUALISING_AND_HUMANISING
        )
        assert (
            quadrant(case(relationships=bypassed, humanising_features=())) is humanising.Quadrant.BEYOND_EQUALISING_ONLY
        )

    def test_quadrants_on_the_nested_reading(self) -> None:
        narrows = (humanising.Relationship(("users", "staff"), "power", "narrows"),)
        feature = (humanising.HumanisingFeature("dignity", "respect"),)

        def nested(initiative: Initiative) -> str:
            return humanising.quadrant(initiative, reading="nested").value

        # Equalising is one way of humanising: it needs no recorded feature, and settles an unknown one.
        assert nested(case(relationships=narrows, humanising_features=())) == "equalising and humanising"
        assert nested(case(relationships=narrows)) == "equalising and humanising"
        assert nested(case(humanising_features=feature)) == "humanising only"
        assert nested(case(humanising_features=())) == "neither"

    def test_an_aim_is_not_an_observed_narrowing(self) -> None:
        aim = humanising.Relationship(("users", "staff"), "power", "narrows", claim="aim")
        observed = humanising.Relationship(("users", "neighbours"), "power", "narrows", claim="observed")
        aimed = case(relationships=(aim,), humanising_features=())
        assert humanising.equalises(aimed) == (aim,)
        assert humanising.equalises(aimed, claim="observed") == ()
        assert humanising.equalises(aimed, claim=humanising.Claim.AIM) == (aim,)
        assert humanising.equalising(aimed) is humanising.Equalising.AIM
        # Counting results only, an aim alone leaves open whether it equalises.
        assert humanising.equalising(aimed, observed_only=True) is humanising.Equalising.UNDETERMINED
        assert humanising.quadrant(aimed, observed_only=True) is humanising.Quadrant.UNDETERMINED
        both = case(relationships=(aim, observed), humanising_features=())
        assert humanising.equalising(both, observed_only=True) is humanising.Equalising.OBSERVED

    def test_going_beyond_equalising_is_not_equalising_and_not_nothing(self) -> None:
        bypassed = humanising.Relationship(("users", "staff"), "power", "bypassed")
        initiative = case(relationships=(bypassed,))
        assert humanising.equalises(initiative) == ()
        assert humanising.exceeds_equalising(initiative) == (bypassed,)
        assert humanising.equalising(initiative) is humanising.Equalising.BEYOND
        # A narrowing elsewhere still equalises; the bypassed one is still reported.
        narrows = humanising.Relationship(("users", "neighbours"), "social_inclusion", "narrows")
        mixed = case(relationships=(bypassed, narrows))
        assert humanising.equalising(mixed) is humanising.Equalising.OBSERVED
        assert humanising.exceeds_equalising(mixed) == (bypassed,)

    @pytest.mark.parametrize(
        ("identities", "domain", "kind"),
        [
            ({"mental_health_professional"}, None, "service_users_and_professionals"),
            ({"organisation"}, "mental_health", "service_users_and_professionals"),
            ({"organisation"}, "housing", "service_users_and_other_services"),
            ({"other_professional"}, "other", "service_users_and_other_services"),
            ({"community_member"}, None, "service_users_and_local_population"),
            # A domain says which service an organisation or a professional provides, not what a neighbour is.
            ({"community_member"}, "housing", "service_users_and_local_population"),
            ({"general_public"}, None, "clinical_and_non_clinical"),
            ({"other_professional"}, None, "other"),  # a consultant provides no service
            ({"service_user"}, None, "other"),  # peers with peers
            ({"carer"}, None, "other"),
            ({"mental_health_professional", "community_member"}, None, "other"),  # two kinds at once: not guessed
            ({"mental_health_professional", "service_user"}, None, "other"),  # a peer worker on the staff
        ],
    )
    def test_relationship_kind_is_read_from_the_parties(
        self, identities: set[str], domain: str | None, kind: str
    ) -> None:
        other = Stakeholder(id="other", name="the other party", identities=identities, domain=domain)
        relationship = humanising.Relationship(("users", "other"), "power", "narrows")
        initiative = case(stakeholders=(USERS, other), relationships=(relationship,))
        assert humanising.relationship_kind(initiative, relationship).value == kind
        swapped = attrs.evolve(relationship, between=("other", "users"))
        assert humanising.relationship_kind(attrs.evolve(initiative, relationships=(swapped,)), swapped).value == kind

    def test_what_goes_beyond_equalising_comes_back_in_the_order_of_its_parties(self) -> None:
        later = humanising.Relationship(("users", "staff"), "power", "bypassed")
        earlier = humanising.Relationship(("neighbours", "users"), "social_inclusion", "bypassed")
        for listed in ((later, earlier), (earlier, later)):
            assert humanising.exceeds_equalising(case(relationships=listed)) == (earlier, later)

    def test_a_group_run_by_service_users_stands_for_them_and_one_that_is_not_does_not(self) -> None:
        relationship = humanising.Relationship(("group", "staff"), "power", "narrows")
        for user_run, kind in ((True, "service_users_and_professionals"), (False, "other")):
            group = Stakeholder(id="group", name="a group", identities={"organisation"}, user_run=user_run)
            initiative = case(stakeholders=(group, STAFF), relationships=(relationship,))
            assert humanising.relationship_kind(initiative, relationship).value == kind, user_run

    def test_humanises_names_every_feature_with_its_basis(self) -> None:
        features = (
            humanising.HumanisingFeature("privacy", "a room of one's own", Basis.INFERRED),
            humanising.HumanisingFeature("privacy", "a locker"),
        )
        verdict = humanising.humanises(case(humanising_features=features))
        assert [result.id for result in verdict.criteria] == ["care", "no_imposed_objectives"]
        care = verdict.criterion("care")
        assert care.status is Status.MET
        assert care.essential
        assert "a room of one's own (case author's inference)" in care.reason
        assert "a locker" in care.reason
        assert humanising.humanises(case(humanising_features=())).fit is Fit.DOES_NOT_FIT
        assert "humanising_features" in texts(humanising.humanises(case()).unknowns)
        assert verdict.model == "humanises"

    def test_humanises_names_every_pair_the_professionals_are_absent_from(self) -> None:
        nurses = Stakeholder(id="nurses", name="nurses", identities={Identity.MENTAL_HEALTH_PROFESSIONAL})
        bypassed = (
            humanising.Relationship(("users", "staff"), "power", "bypassed"),
            humanising.Relationship(("users", "nurses"), "power", "bypassed"),
        )
        features = (humanising.HumanisingFeature("care_not_withdrawn", "peers stay with one another"),)
        initiative = case(stakeholders=(USERS, STAFF, nurses), relationships=bypassed, humanising_features=features)
        (note,) = humanising.humanises(initiative).notes
        assert "(service users ↔ nurses; service users ↔ clinicians, bypassed)" in note


class TestBasagliasTwoSides:
    """Taking care of a person, and at the same time not controlling them with objectives set in advance."""

    FEATURE = (humanising.HumanisingFeature("felt_safety", "a calm house"),)

    def test_care_with_no_compulsion_and_goals_people_set_fits(self) -> None:
        observations = humanising.Observations(goals_set_by="shared")
        verdict = humanising.humanises(
            case(humanising_features=self.FEATURE, observations=observations, compulsion=False)
        )
        assert verdict.fit is Fit.FITS
        assert verdict.criterion("no_imposed_objectives").status is Status.MET

    def test_own_goals_leave_the_second_side_open_while_compulsion_is_unknown(self) -> None:
        # Met only when no fact filled in later could turn it unmet.
        own = (humanising.HumanisingFeature("own_goals", "people choose their goals"),)
        observations = humanising.Observations(goals_set_by="people_themselves")
        verdict = humanising.humanises(case(humanising_features=own, observations=observations))
        assert verdict.fit is Fit.PARTLY
        assert texts(verdict.criterion("no_imposed_objectives").unknowns) == ("compulsion",)

    def test_care_with_nothing_said_of_control_is_partly(self) -> None:
        verdict = humanising.humanises(case(humanising_features=self.FEATURE))
        assert verdict.fit is Fit.PARTLY
        result = verdict.criterion("no_imposed_objectives")
        assert result.status is Status.UNKNOWN
        assert not result.essential
        assert texts(result.unknowns) == ("compulsion", "observations.goals_set_by")

    @pytest.mark.parametrize(
        ("facts", "words"),
        [
            ({"compulsion": True}, "Compulsion remains"),
            ({"observations": {"goals_set_by": "professionals"}}, "Professionals set the goals"),
            # Less coercion is less control, not its absence: compulsion still fails the side.
            ({"compulsion": True, "observations": {"goals_set_by": "people_themselves"}}, "Compulsion remains"),
        ],
    )
    def test_control_or_imposed_goals_fail_the_second_side(self, facts: dict[str, Any], words: str) -> None:
        if "observations" in facts:
            facts = {**facts, "observations": humanising.Observations(**facts["observations"])}
        less = (humanising.HumanisingFeature("less_coercion", "open wards"),)
        verdict = humanising.humanises(case(humanising_features=less, **facts))
        assert verdict.fit is Fit.PARTLY
        result = verdict.criterion("no_imposed_objectives")
        assert result.status is Status.UNMET
        assert words in result.reason

    def test_no_care_recorded_does_not_fit_whatever_the_goals(self) -> None:
        observations = humanising.Observations(goals_set_by="people_themselves")
        verdict = humanising.humanises(case(humanising_features=(), observations=observations))
        assert verdict.fit is Fit.DOES_NOT_FIT


class TestCoherenceWithServiceUserProfessionalRelationships:
    """Co-production is "fundamentally about" equalising service users' relationships with professionals."""

    def coproduced(self, *relationships: humanising.Relationship) -> humanising.Analysis:
        return humanising.analyse(attrs.evolve(CO_PRODUCED, relationships=relationships))

    def test_a_fitting_coproduction_with_no_narrowing_gets_a_note_reading_its_verdict(self) -> None:
        analysis = self.coproduced()
        (note,) = analysis.notes
        assert note.about == "coproduction"
        assert note.says is analysis.verdicts["coproduction"].fit is Fit.FITS
        assert "is recorded as narrowing" in note.text

    def test_an_observed_narrowing_needs_no_note(self) -> None:
        narrows = humanising.Relationship(("users", "staff"), "power", "narrows", claim="observed")
        assert self.coproduced(narrows).notes == ()

    @pytest.mark.parametrize(
        ("change", "claim", "words"),
        [
            ("widens", "observed", "widens"),
            ("narrows", "aim", "only as an aim"),
            ("unknown", "observed", "is known to narrow"),
            ("unchanged", "observed", "is recorded as narrowing"),
        ],
    )
    def test_a_widening_an_aim_or_an_unknown_change_gets_a_note(self, change: str, claim: str, words: str) -> None:
        relationship = humanising.Relationship(("users", "staff"), "power", change, claim=claim)
        (note,) = self.coproduced(relationship).notes
        assert words in note.text

    def test_each_widening_is_named_by_its_parties_aspect_and_hedge(self) -> None:
        power = humanising.Relationship(("users", "staff"), "power", "widens", basis="inferred")
        knowledge = humanising.Relationship(("staff", "users"), "knowledge", "widens")
        (note,) = self.coproduced(power, knowledge).notes
        aspect = humanising.Aspect.KNOWLEDGE.words
        # In the order relationships are reported (by their parties), whatever order they were recorded in.
        assert note.text.startswith(
            f"Co-production fits, yet the relationship between clinicians and service users ({aspect}); "
            f"service users and clinicians (power{Basis.INFERRED.hedge}) widens: the paper calls"
        )

    def test_a_narrowing_with_the_neighbours_is_not_one_with_professionals(self) -> None:
        narrows = humanising.Relationship(("users", "neighbours"), "social_inclusion", "narrows")
        (note,) = self.coproduced(narrows).notes
        assert "is recorded as narrowing" in note.text

    def test_no_note_where_coproduction_does_not_fit_or_is_not_judged(self) -> None:
        assert humanising.analyse(case(humanising_features=())).notes == ()
        from humanising.models import user_led

        assert humanising.analyse(CO_PRODUCED, models=[user_led.MODEL]).notes == ()


def always_fits(_initiative: Initiative) -> humanising.Verdict:
    return humanising.Verdict.judge("always_fits", ())


ALWAYS = humanising.Model(id="always_fits", name="Always", judge=always_fits, summary="Fits.", source="tests")


def builtin(model_id: str) -> humanising.Model:
    (model,) = [model for model in humanising.registered_models() if model.id == model_id]
    return model


class TestChosenModels:
    def test_classify_runs_only_the_chosen_models_in_their_order(self) -> None:
        chosen = [builtin("user_led"), builtin("coproduction")]
        verdicts = humanising.classify(humanising.casebook.load("mhf-wales"), models=chosen)
        assert list(verdicts) == ["user_led", "coproduction"]
        assert verdicts["user_led"].fit is Fit.FITS
        assert verdicts["coproduction"].fit is Fit.DOES_NOT_FIT

    def test_any_iterable_of_models_will_do(self) -> None:
        chosen = (model for model in humanising.registered_models() if model.id.startswith("user_"))
        assert list(humanising.classify(CO_PRODUCED, models=chosen)) == ["user_led", "user_centred_design"]

    def test_a_registry_of_one_contributed_model_leaves_the_default_alone(self) -> None:
        before = humanising.registered_models()
        registry = humanising.Registry([ALWAYS])
        verdicts = humanising.classify(CO_PRODUCED, models=registry)
        assert list(verdicts) == ["always_fits"]
        assert verdicts["always_fits"].fit is Fit.FITS
        assert humanising.registered_models() == before
        assert "always_fits" not in humanising.classify(CO_PRODUCED)

    def test_analyse_passes_the_models_on_to_the_parts(self) -> None:
        analysis = humanising.analyse(humanising.casebook.load("east-lille"), models=[ALWAYS, builtin("user_led")])
        assert len(analysis.parts) == 8
        for found in (analysis, *analysis.parts):
            assert list(found.verdicts) == ["always_fits", "user_led"]
        default = humanising.analyse(humanising.casebook.load("east-lille"))
        assert default.parts[6].verdicts["user_led"] == analysis.parts[6].verdicts["user_led"]
        assert "always_fits" not in default.parts[6].verdicts

    def test_two_models_of_one_id_are_an_error(self) -> None:
        with pytest.raises(humanising.exceptions.RegistrationError, match="two models have the id 'user_led'"):
            humanising.classify(CO_PRODUCED, models=[builtin("user_led"), builtin("user_led")])
        with pytest.raises(humanising.exceptions.RegistrationError, match="two models have the id 'always_fits'"):
            humanising.Registry([ALWAYS, attrs.evolve(ALWAYS, name="Always, again")])

    def test_only_models_can_be_chosen(self) -> None:
        with pytest.raises(humanising.exceptions.RegistrationError, match=r"expected a humanising\.Model, got 'x'"):
            humanising.classify(CO_PRODUCED, models=[builtin("user_led"), "x"])  # type: ignore[list-item]


class TestRegistryObject:
    REGISTRY = humanising.Registry([ALWAYS, builtin("user_led")])

    def test_iterates_over_its_models_counts_them_and_knows_their_ids(self) -> None:
        assert list(self.REGISTRY) == [ALWAYS, builtin("user_led")]
        assert len(self.REGISTRY) == 2
        assert len(humanising.Registry()) == 0
        assert "user_led" in self.REGISTRY
        assert "coproduction" not in self.REGISTRY
        assert self.REGISTRY.models() == (ALWAYS, builtin("user_led"))

    def test_looks_models_up_by_id(self) -> None:
        assert self.REGISTRY["user_led"] is builtin("user_led")
        with pytest.raises(KeyError) as info:
            self.REGISTRY["userled"]
        assert isinstance(info.value, humanising.exceptions.UnknownModelError)
        assert (
            str(info.value)
            == "no model 'userled' in this registry (did you mean 'user_led'?); it holds: always_fits, user_led"
        )
        assert info.value.model_id == "userled"
        assert info.value.known == ("always_fits", "user_led")
        with pytest.raises(KeyError, match="it holds: no models"):
            humanising.Registry()["user_led"]

    def test_with_model_and_without_return_new_registries(self) -> None:
        other = attrs.evolve(ALWAYS, name="Always, again")
        replaced = self.REGISTRY.with_model(other, replace=True)
        assert replaced["always_fits"].name == "Always, again"
        assert [model.id for model in replaced] == ["always_fits", "user_led"]
        with pytest.raises(humanising.exceptions.RegistrationError, match="already registered"):
            self.REGISTRY.with_model(other)
        assert [model.id for model in self.REGISTRY.without("always_fits")] == ["user_led"]
        with pytest.raises(humanising.exceptions.RegistrationError, match="no model with id 'peer_support'"):
            self.REGISTRY.without("peer_support")
        assert self.REGISTRY["always_fits"] is ALWAYS
        assert len(self.REGISTRY) == 2

    def test_repr_names_the_ids(self) -> None:
        assert repr(self.REGISTRY) == "Registry(<always_fits, user_led>)"
        assert repr(humanising.Registry()) == "Registry(<no models>)"


class TestRegistry:
    def test_contributed_models_run_beside_the_built_ins(self) -> None:
        model = ALWAYS
        humanising.register_model(model)
        try:
            assert humanising.classify(CO_PRODUCED)["always_fits"].fit is Fit.FITS
            with pytest.raises(humanising.exceptions.RegistrationError, match="already registered"):
                humanising.register_model(model)
            humanising.register_model(model, replace=True)
        finally:
            humanising.unregister_model("always_fits")
        assert "always_fits" not in humanising.classify(CO_PRODUCED)
        with pytest.raises(humanising.exceptions.RegistrationError, match="no model"):
            humanising.unregister_model("always_fits")

    def test_short_names_are_one_line_of_text_and_default_to_the_name(self) -> None:
        assert ALWAYS.short_name == "Always"
        assert attrs.evolve(ALWAYS, short_name="always").short_name == "always"
        bad_names: tuple[Any, ...] = ("", "  ", "two\nlines", None)
        for bad in bad_names:
            with pytest.raises(humanising.exceptions.RegistrationError, match=r"Model\.short_name"):
                attrs.evolve(ALWAYS, short_name=bad)
        with pytest.raises(humanising.exceptions.RegistrationError, match=r"by default the name.*got 'two\\nlines'"):
            humanising.Model(id="blank", name="two\nlines", judge=always_fits, summary="", source="")

    def test_a_model_needs_a_name(self) -> None:
        with pytest.raises(humanising.exceptions.RegistrationError, match=r"Model\.name: expected non-empty text"):
            humanising.Model(id="blank", name="", judge=always_fits, summary="", source="")

    def test_model_ids_are_checked(self) -> None:
        with pytest.raises(humanising.exceptions.RegistrationError, match="lower_snake_case"):
            humanising.Model(id="Not OK", name="x", judge=humanising.humanises, summary="", source="")

    def test_built_in_ids_and_documented_criteria_match_verdicts(self) -> None:
        ids = [model.id for model in humanising.registered_models()]
        assert ids[:6] == [
            "coproduction",
            "coproduction_gold_standard",
            "evidence_based_practice",
            "user_led",
            "community_involvement",
            "user_centred_design",
        ]
        for model in humanising.registered_models():
            verdict = model.judge(humanising.casebook.load("sleepwell"))
            assert verdict.model == model.id
            assert [c.id for c in verdict.criteria] == [spec.id for spec in model.criteria]


@pytest.mark.parametrize("models", ["user_led", humanising.models.BUILTIN_MODELS[0]])
def test_models_must_be_a_collection_of_models(models: object) -> None:
    with pytest.raises(humanising.exceptions.RegistrationError, match=r"models: expected a Registry"):
        humanising.classify(humanising.casebook.load("sleepwell"), models=models)  # type: ignore[arg-type]


@given(hst.initiatives())
def test_every_verdict_lists_the_criteria_its_model_declares(initiative: Initiative) -> None:
    """Each built-in verdict has one result per declared criterion, in order, with the declared weight."""
    verdicts = humanising.classify(initiative, models=humanising.models.BUILTIN_MODELS)
    for model in humanising.models.BUILTIN_MODELS:
        results = verdicts[model.id].criteria
        assert [(r.id, r.essential) for r in results] == [(c.id, c.essential) for c in model.criteria], model.id


def test_a_declaration_says_whether_a_criterion_is_essential() -> None:
    declared = humanising.CriterionSpec("peers_deliver", False, "Peers deliver the groups.")
    raw = humanising.criterion(declared, (False, ()), lambda _status: "No.")
    assert humanising.Verdict.judge("peers", (raw,)).fit is Fit.PARTLY
    with pytest.raises(TypeError, match="drop essential="):
        humanising.criterion(declared, (False, ()), lambda _status: "No.", essential=True)


def test_the_gold_standard_note_follows_the_gold_standard_verdict() -> None:
    """Partners at design and delivery with roles only broadened: not the gold standard, and the note says so."""
    peers = Stakeholder(id="peers", name="peer workers", identities={"service_user"})
    nurses = Stakeholder(id="nurses", name="nurses", identities={"mental_health_professional"})
    case = Initiative(
        id="broadened",
        name="Broadened roles",
        stakeholders=[peers, nurses],
        products=[Product(id="service", name="a service", kind="service", domain="mental_health")],
        participations=[
            Participation(who, stage, "partner", capacity=capacity)
            for who, capacity in (("peers", "service_user"), ("nurses", "mental_health_professional"))
            for stage in ("design", "delivery")
        ],
        role_differentiation="broadened",
        user_knowledge_shapes_product=True,
    )
    verdicts = humanising.classify(case)
    assert verdicts["coproduction_gold_standard"].fit is Fit.DOES_NOT_FIT
    (note,) = [note for note in verdicts["coproduction"].remarks if note.about]
    assert note.says is Fit.DOES_NOT_FIT
    assert "falls short of the gold standard" in note.text


def test_built_in_models_import_only_the_public_kit() -> None:
    """A built-in model is written as a contributed one is: from ``humanising`` and ``humanising.models``."""
    folder = Path(humanising.models.__file__).parent
    for module in sorted(folder.glob("[!_]*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        ours = (name for name in imported if name.split(".")[0] == "humanising")
        private = sorted(name for name in ours if any(part.startswith("_") for part in name.split(".")))
        assert not private, (module.name, private)


class TestCoproductionReasonsFollowTheirEvidence:
    """A co-production reason names only the stages and products that decided it, with their hedge."""

    def test_the_voice_names_only_the_stages_where_service_users_have_it(self) -> None:
        verdict = humanising.classify(humanising.casebook.load("east-lille-7"))["coproduction"]
        reason = verdict.criterion("service_user_voice").reason
        assert "at delivery" in reason
        assert "design" not in reason

    def test_an_open_mental_health_service_names_the_product_that_leaves_it_open(self) -> None:
        case = humanising.casebook.load("east-lille-6")
        verdict = humanising.classify(case.producing_only("staff-training"))["coproduction"]
        result = verdict.criterion("mental_health_service")
        assert result.status is Status.UNKNOWN
        assert "staff training" in result.reason
        assert "housing allocation" not in result.reason

    def test_met_sentences_repeat_the_weakest_hedge_of_what_decided_them(self) -> None:
        peers = Stakeholder(id="peers", name="peer workers", identities={"service_user"})
        nurses = Stakeholder(id="nurses", name="nurses", identities={"mental_health_professional"})
        case = Initiative(
            id="hedged",
            name="Hedged partnership",
            stakeholders=[peers, nurses],
            products=[Product(id="service", name="a service", kind="service", domain="mental_health")],
            participations=[
                Participation("peers", "design", "involved", capacity="service_user", basis="informal"),
                Participation("nurses", "design", "partner", capacity="mental_health_professional", basis="hedged"),
            ],
        )
        verdict = humanising.classify(case)["coproduction"]
        for criterion_id in ("service_user_voice", "doing_with", "with_providers"):
            result = verdict.criterion(criterion_id)
            assert result.status is Status.MET
            assert "(informal report)" in result.reason, criterion_id


def test_user_led_and_transformative_power_repeat_the_weakest_hedge_of_the_leaders() -> None:
    peers = Stakeholder(id="peers", name="peer workers", identities={"service_user"})
    case = Initiative(
        id="peer-run",
        name="A peer-run service",
        stakeholders=[peers],
        participations=[
            Participation("peers", "delivery", "leads", capacity="service_user", basis="inferred"),
            Participation("peers", "policy", "leads", capacity="service_user", basis="hedged"),
        ],
    )
    verdicts = humanising.classify(case)
    assert "(case author's inference)" in verdicts["user_led"].criterion("led_somewhere").reason
    decision = verdicts["transformative_coproduction"].criterion("decision_power")
    assert decision.status is Status.MET
    assert "(as far as can be told)" in decision.reason
