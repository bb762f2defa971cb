"""The facts' constructors, called as users and the docs call them.

Type-checked by mypy and never run: strings for enum values, lists and sets for
collections, bare values for facts. A line that must be rejected carries the error
code mypy gives it; ``warn_unused_ignores`` (part of ``--strict``) fails the check
if it is ever accepted.
"""

from __future__ import annotations

from typing import assert_type

import humanising
from humanising import (
    UNKNOWN,
    Basis,
    DesignProcess,
    DissentHandling,
    Evidence,
    Fact,
    FailedPartnership,
    HumanisingFeature,
    Identity,
    Initiative,
    Involvement,
    Observations,
    Participation,
    Product,
    Relationship,
    Revision,
    Source,
    Stage,
    Stakeholder,
    Unknown,
)

# --- single facts

source = Source("Novak et al. (2020), BJPsych Bulletin 44(6)", locator="p. 257")
mhf = Stakeholder(id="mhf", name="Mental Health Foundation", identities={"organisation"}, user_run=False)
peers = Stakeholder(id="peers", name="peer workers", identities=["service_user"], roles=["provider"])
staff = Stakeholder(id="staff", name="ward staff", identities={Identity.MENTAL_HEALTH_PROFESSIONAL})
hedged_run = Stakeholder(id="org", name="Org", identities={"organisation"}, user_run=Fact(True, "hedged"))
unknown_run = Stakeholder(id="org2", name="Org 2", identities={"organisation"}, user_run=UNKNOWN)
assert_type(mhf.user_run, Fact[bool])
assert_type(mhf.identities, frozenset[Identity])

seat = Participation("peers", "design", "partner", capacity="service_user", basis="hedged")
feedback = Participation("patients", "evaluation", "consulted", capacity="service_user")
open_seat = Participation("peers", Stage.DELIVERY, "unknown", "service_user", note="the report does not say")
enum_seat = Participation(
    "staff", Stage.DESIGN, Involvement.INVOLVED, Identity.MENTAL_HEALTH_PROFESSIONAL, Basis.HEDGED
)
assert_type(seat.stage, Stage)
assert_type(seat.involvement, Involvement | Unknown)
assert_type(seat.basis, Basis)

rules = Product(id="rules", name="the ward's rules", kind="policy", domain="mental_health")
groups = Product(id="groups", name="peer groups", kind="service", domain="mental_health", stages={"design"})
nothing = Product(id="nothing", name="nothing", kind="nothing", domain=UNKNOWN, stages=[Stage.DELIVERY])
assert_type(rules.is_something, bool)

relationship = Relationship(between=("peers", "staff"), aspect="power", change="narrows", claim="aim")
observed = Relationship(between=["peers", "staff"], aspect="knowledge", change="narrows", basis="informal")
assert_type(relationship.key, str)

revision = Revision("shorter sessions", answers={"participants"})
listed_revision = Revision("simpler forms", ["peers", "staff"], basis="inferred")
failed = FailedPartnership("services", "no professional acceptance", basis="hedged")
feature = HumanisingFeature("own_goals", "people choose their own goals")
assert_type(feature.basis.hedge, str)

evidence = Evidence(literature_searched=True)
full_evidence = Evidence(
    question_by_topic_experts=True, literature_searched=Fact(True, "hedged"), evidence_applied=UNKNOWN
)
assert_type(evidence.literature_searched, Fact[bool])

process = DesignProcess(prototyping=True, revisions=[])
revised = DesignProcess(end_user_research=True, ideation=False, revisions=[revision, listed_revision])
unknown_revisions = DesignProcess(revisions=UNKNOWN)
assert_type(process.revisions, Fact[tuple[Revision, ...]])

observations = Observations(dissent="heard", scale="system")
more_observations = Observations(
    agenda_set_by="service_users",
    goals_set_by="service_users",
    user_knowledge_equal_status=True,
    assets_view=Fact(True, Basis.INFORMAL, "from interviews"),
    dissent=DissentHandling.HEARD,
    risk_aversion=False,
    conformity_demanded=UNKNOWN,
)
assert_type(observations.dissent, Fact[DissentHandling])

# --- facts with their basis

fact = Fact(True, "hedged")
assert_type(fact, Fact[bool])
assert_type(fact.value, bool | Unknown)
assert_type(Fact(True, Basis.HEDGED).is_known, bool)
assert_type(Fact(UNKNOWN).is_known, bool)
assert_type(Fact("kept", "inferred", note="a caveat").hedge, str)

# --- an initiative

initiative = Initiative(id="x", name="X", compulsion=True)
drop_in = Initiative(
    id="drop-in",
    name="A peer-run drop-in",
    summary="Peers run a drop-in.",
    place="Lille",
    period="2020-2022",
    illustrative=True,
    sources=[source],
    stakeholders=[peers, staff, mhf],
    products=[groups],
    participations=[seat, Participation("peers", "delivery", "leads", capacity="service_user")],
    relationships=[relationship],
    evidence=evidence,
    design_process=revised,
    role_differentiation="broadened",
    compulsion=Fact(False, "informal"),
    paid_employment=UNKNOWN,
    user_knowledge_shapes_product=True,
    humanising_features=[feature],
    failed_partnerships=[failed],
    observations=observations,
    parts=[initiative],
)
assert_type(drop_in.stakeholder("peers"), Stakeholder)
assert_type(drop_in.stakeholders, tuple[Stakeholder, ...])
assert_type(drop_in.compulsion, Fact[bool])
assert_type(drop_in.humanising_features, Fact[tuple[HumanisingFeature, ...]])
assert_type(drop_in.parts, tuple[Initiative, ...])

# --- what must be rejected

Stakeholder(id=1, name="M", identities={"organisation"})  # type: ignore[arg-type]
Stakeholder(id="mhf", name="M", identities={"organisation"}, user_run="no")  # type: ignore[arg-type]
Initiative(id="x", name="X", stakeholders=[1])  # type: ignore[list-item]
Initiative(id="x", name="X", stakeholders=[seat])  # type: ignore[list-item]
Initiative(id="x", name="X", participations=(peers,))  # type: ignore[arg-type]
Initiative(id="x", name="X", compulsion="yes")  # type: ignore[arg-type]
Initiative(id="x", name="X", humanising_features=[revision])  # type: ignore[list-item]
Participation("peers", "design", "partner", capacity="service_user", basis=1)  # type: ignore[arg-type]
Evidence(literature_searched=1.0)  # type: ignore[arg-type]
Fact(True, 2)  # type: ignore[arg-type]
humanising.Initiative(id="x")  # type: ignore[call-arg]
