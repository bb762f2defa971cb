"""The facts an initiative is described by: immutable, validated on construction.

Identity and role are kept apart (a psychiatrist who is also a service user acts in
one capacity at a time); any fact may be unknown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cached_property
from typing import Any

import attrs

from humanising._facts._checks import (
    are_ids,
    as_agenda_fact,
    as_aspect,
    as_barrier,
    as_barrier_outcome,
    as_basis,
    as_bool_fact,
    as_change,
    as_claim,
    as_dissent_fact,
    as_domain,
    as_feature_kind,
    as_goals_fact,
    as_identities,
    as_identity,
    as_ids,
    as_involvement,
    as_optional_domain,
    as_optional_run_by,
    as_product_kind,
    as_role_differentiation_fact,
    as_roles,
    as_scale_fact,
    as_stage,
    as_stages,
    as_tuple,
    as_tuple_fact,
    enum_fact_of,
    expected_one_of,
    fact_of,
    instance_of,
    is_basis,
    is_bool,
    is_bool_fact,
    is_id,
    is_str,
    is_text,
    member_of,
    optional_instance_of,
    optional_member_of,
    set_of,
    short_quote,
    tuple_of,
)
from humanising._facts._paths import FactPath
from humanising._facts._unknown import UNKNOWN, Basis, Fact, Unknown
from humanising._facts._vocabulary import (
    AgendaSetter,
    Aspect,
    Barrier,
    BarrierOutcome,
    Change,
    Claim,
    DissentHandling,
    Domain,
    FeatureKind,
    GoalSetter,
    Identity,
    Involvement,
    ProductKind,
    Role,
    RoleDifferentiation,
    RunBy,
    Scale,
    Stage,
)
from humanising.exceptions import (
    CapacityError,
    DuplicateIdError,
    FactPathError,
    InvalidFactError,
    UndefinedStakeholderError,
)

# --- the facts

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _as_date(value: dt.date | str | None) -> dt.date | None:
    # A case file's date comes as YAML's date or as JSON's string; anything else is left for the validator.
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value  # type: ignore[return-value] # not a day of the calendar: left for the validator
    return value  # type: ignore[return-value] # a date, None, or left for the validator


def _is_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not dt.date:  # a datetime is a date too, but not a day
        field = f"{type(instance).__name__}.{attribute.name}"
        raise InvalidFactError(field, value, "a date written YYYY-MM-DD", path=FactPath(attribute.name))


@attrs.frozen
class Coding:
    """Who coded a case file, and when: so that two codings of one initiative can be told apart.

    In a case file, ``coded_by: {coder: A. N. Other, date: 2026-01-31}`` at the top level (or in a
    part, coded by someone else). A fact or record coded by another person names them in its own
    ``coder``.

    Attributes:
        coder: The coder's name or initials, as the team spells them.
        date: The day the coding was finished (``YYYY-MM-DD``), or ``None`` where not recorded.

    Example:
        >>> import datetime
        >>> Coding("RH", date="2026-01-31").date == datetime.date(2026, 1, 31)
        True
    """

    coder: str = attrs.field(validator=is_text)
    date: dt.date | None = attrs.field(default=None, converter=_as_date, validator=_is_date)


@attrs.frozen
class Source:
    """A citation the facts of a case rest on.

    Attributes:
        citation: The reference, e.g. ``Novak et al. (2020), BJPsych Bulletin 44(6)``.
        locator: Where in it, e.g. ``section 4.1``.

    Example:
        >>> Source("Novak et al. (2020), BJPsych Bulletin 44(6)", locator="p. 257").locator
        'p. 257'
    """

    citation: str = attrs.field(validator=is_text)
    locator: str = attrs.field(default="", validator=is_str)


@attrs.frozen
class Locator:
    """Where a source says what a fact reads: its section, and a short phrase quoted from it.

    Attributes:
        section: The section, e.g. ``4.1`` or ``4.3, innovation 6``.
        quote: The words the fact rests on, copied from the source: at most 12 words.

    Example:
        >>> Locator("4.1", "patients were not involved in developing the programme").quote
        'patients were not involved in developing the programme'
    """

    section: str = attrs.field(validator=is_text)
    quote: str = attrs.field(validator=[is_text, short_quote])


@attrs.frozen
class Stakeholder:
    """A person or group taking part in, or affected by, an initiative.

    Attributes:
        id: A short slug other facts refer to.
        name: A readable name.
        identities: What the stakeholder is; several at once are allowed.
        roles: The parts it plays in this initiative.
        user_run: For an organisation, whether it is run by and for people with lived experience
            (service users, survivors or both).
        run_by: For an organisation run by and for people with lived experience, whose it is:
            service users, survivors or both; ``None`` where not said.
        avoided_services: Whether the stakeholder has lived experience of distress without, or
            despite, using mental-health services: the sense of "survivor" in the paper's
            footnote 1, recorded on its own, since the essay's survivors include people who went
            through services.
        note: Free text.
        domain: For a professional or an organisation that provides a service, the service domain
            it provides (housing officials: ``housing``). It then provides a product of that
            domain; a stakeholder with none (a consultant, a designer) provides no product.

    Example:
        >>> Stakeholder(id="mhf", name="Mental Health Foundation",
        ...             identities={Identity.ORGANISATION}, user_run=False).user_run.value
        False
    """

    id: str = attrs.field(validator=is_id)
    name: str = attrs.field(validator=is_text)
    identities: frozenset[Identity] = attrs.field(converter=as_identities, validator=set_of(Identity, non_empty=True))
    roles: frozenset[Role] = attrs.field(default=frozenset(), converter=as_roles, validator=set_of(Role))
    user_run: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)
    note: str = attrs.field(default="", validator=is_str)
    domain: Domain | None = attrs.field(
        default=None, converter=as_optional_domain, validator=optional_member_of(Domain)
    )
    run_by: RunBy | None = attrs.field(default=None, converter=as_optional_run_by, validator=optional_member_of(RunBy))
    avoided_services: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)

    @run_by.validator
    def _check_run_by(self, _attribute: object, value: RunBy | None) -> None:
        if value is not None and self.user_run.value is not True:
            raise InvalidFactError(
                f"Stakeholder.run_by of {self.id!r}",
                value.value,
                "no run_by unless user_run is true: only an organisation run by and for people with "
                "lived experience is run by service users or survivors",
                path=FactPath("run_by"),
            )

    @user_run.validator
    def _check_user_run(self, _attribute: object, value: Fact[bool]) -> None:
        if value.is_known and Identity.ORGANISATION not in self.identities:
            raise InvalidFactError(
                f"Stakeholder.user_run of {self.id!r}",
                value.value,
                "unknown unless the stakeholder is an organisation",
                path=FactPath("user_run"),
            )


@attrs.frozen
class Participation:
    """A stakeholder taking part in a stage, in one of its capacities, at a level of involvement.

    A stakeholder with no participation at a stage does not take part there; where a
    source does not say, write the involvement as ``unknown``.

    Attributes:
        stakeholder: The stakeholder's id.
        stage: The stage.
        involvement: How much say it has there, or ``UNKNOWN``.
        capacity: The identity it acts in (one of the stakeholder's identities).
        basis: What the participation fact rests on.
        note: Free text.
        locator: Where a source says it: a section and a short phrase quoted from it.
        coder: Who coded it, where two people coded different parts of a case; empty: the case file's coder.

    Example:
        >>> feedback = Participation("patients", "evaluation", "consulted", capacity="service_user")
        >>> feedback.involvement.at_least(Involvement.INVOLVED)
        False
    """

    stakeholder: str = attrs.field(validator=is_id)
    stage: Stage = attrs.field(converter=as_stage, validator=member_of(Stage))
    involvement: Involvement | Unknown = attrs.field(
        converter=as_involvement, validator=member_of(Involvement, or_unknown=True)
    )
    capacity: Identity = attrs.field(converter=as_identity, validator=member_of(Identity))
    basis: Basis = attrs.field(default=Basis.PUBLISHED, converter=as_basis, validator=is_basis)
    note: str = attrs.field(default="", validator=is_str)
    locator: Locator | None = attrs.field(default=None, validator=optional_instance_of(Locator))
    coder: str = attrs.field(default="", validator=is_str)


_PRODUCING_STAGES = frozenset({Stage.DESIGN, Stage.DELIVERY})


@attrs.frozen
class Product:
    """Something an initiative produces, or ``nothing``.

    Attributes:
        id: A short slug.
        name: A readable name.
        kind: What kind of thing it is.
        domain: The service domain it belongs to, or ``UNKNOWN``.
        stages: The stages in which it is produced (design and delivery unless stated).
        role_differentiation: Whether, in delivering it, the split between providers and
            recipients is kept, broadened or dissolved; unknown here means it is the
            initiative's own ``role_differentiation``, the default for every product.
        basis: Who says what it is (its kind, domain and stages): the paper hedges whether
            reading one's record produces anything ("it is not clear").
        note: Free text.
        coder: Who coded it, where two people coded different parts of a case; empty: the case file's coder.

    Example:
        >>> Product(id="rules", name="the ward's rules", kind="policy", domain="mental_health").is_something
        True
    """

    id: str = attrs.field(validator=is_id)
    name: str = attrs.field(validator=is_text)
    kind: ProductKind = attrs.field(converter=as_product_kind, validator=member_of(ProductKind))
    domain: Domain | Unknown = attrs.field(
        default=UNKNOWN, converter=as_domain, validator=member_of(Domain, or_unknown=True)
    )
    stages: frozenset[Stage] = attrs.field(
        default=_PRODUCING_STAGES, converter=as_stages, validator=set_of(Stage, non_empty=True)
    )
    role_differentiation: Fact[RoleDifferentiation] = attrs.field(
        default=Fact(UNKNOWN),
        converter=as_role_differentiation_fact,
        validator=fact_of(RoleDifferentiation, expected_one_of(RoleDifferentiation, "unknown")),
    )
    basis: Basis = attrs.field(default=Basis.PUBLISHED, converter=as_basis, validator=is_basis)
    note: str = attrs.field(default="", validator=is_str)
    coder: str = attrs.field(default="", validator=is_str)

    @property
    def is_something(self) -> bool:
        """Whether anything is produced (kind is not ``nothing``)."""
        return self.kind is not ProductKind.NOTHING


def _as_between(values: Iterable[str]) -> tuple[str, ...]:
    return as_tuple(values)


@attrs.frozen
class Relationship:
    """An unequal relationship between two stakeholders, and what the initiative does to it.

    Attributes:
        between: The two stakeholders' ids.
        aspect: The respect in which it is unequal.
        change: What the initiative does to it.
        claim: Whether the change is an aim or an observed result.
        basis: What the fact rests on.
        note: Free text.
        coder: Who coded it, where two people coded different parts of a case; empty: the case file's coder.

    Example:
        >>> Relationship(between=("patients", "staff"), aspect="power", change="narrows", claim="aim").key
        'patients~staff:power'
    """

    between: tuple[str, str] = attrs.field(converter=_as_between)
    aspect: Aspect = attrs.field(converter=as_aspect, validator=member_of(Aspect))
    change: Change = attrs.field(converter=as_change, validator=member_of(Change))
    claim: Claim = attrs.field(default=Claim.OBSERVED, converter=as_claim, validator=member_of(Claim))
    basis: Basis = attrs.field(default=Basis.PUBLISHED, converter=as_basis, validator=is_basis)
    note: str = attrs.field(default="", validator=is_str)
    coder: str = attrs.field(default="", validator=is_str)

    @between.validator
    def _check_between(self, _attribute: object, value: object) -> None:
        if (
            not isinstance(value, tuple)
            or len(value) != 2
            or not all(isinstance(v, str) for v in value)
            or value[0] == value[1]
        ):
            raise InvalidFactError(
                "Relationship.between", value, "two different stakeholder ids", path=FactPath("between")
            )

    @property
    def key(self) -> str:
        """A stable name for the relationship, used in fact paths."""
        return f"{self.between[0]}~{self.between[1]}:{self.aspect}"


@attrs.frozen
class Revision:
    """A change made to a design, and whose concerns it answered.

    Attributes:
        description: What changed.
        answers: Ids of the stakeholders whose concerns or needs the revision answered.
        basis: What the fact rests on.
        coder: Who coded it, where two people coded different parts of a case; empty: the case file's coder.

    Example:
        >>> Revision("shorter sessions", answers={"participants"}).answers
        frozenset({'participants'})
    """

    description: str = attrs.field(validator=is_text)
    answers: frozenset[str] = attrs.field(converter=as_ids, validator=are_ids)
    basis: Basis = attrs.field(default=Basis.PUBLISHED, converter=as_basis, validator=is_basis)
    coder: str = attrs.field(default="", validator=is_str)


@attrs.frozen
class FailedPartnership:
    """A partnership that was sought but not established.

    Attributes:
        partner: Id of the stakeholder a partnership was sought with.
        why: Why it failed, as far as is known.
        basis: What the fact rests on.
        coder: Who coded it, where two people coded different parts of a case; empty: the case file's coder.

    Example:
        >>> FailedPartnership("services", "no professional acceptance", basis="hedged").basis.hedge
        ' (as far as can be told)'
    """

    partner: str = attrs.field(validator=is_id)
    why: str = attrs.field(validator=is_text)
    basis: Basis = attrs.field(default=Basis.PUBLISHED, converter=as_basis, validator=is_basis)
    coder: str = attrs.field(default="", validator=is_str)


@attrs.frozen
class HumanisingFeature:
    """A way in which the initiative shows respect and humanity in design or delivery.

    Attributes:
        kind: Which kind of feature.
        description: What it is in this initiative.
        basis: What the fact rests on.
        coder: Who coded it, where two people coded different parts of a case; empty: the case file's coder.

    Example:
        >>> HumanisingFeature("own_goals", "people choose their own goals").kind
        <FeatureKind.OWN_GOALS: 'own_goals'>
    """

    kind: FeatureKind = attrs.field(converter=as_feature_kind, validator=member_of(FeatureKind))
    description: str = attrs.field(validator=is_text)
    basis: Basis = attrs.field(default=Basis.PUBLISHED, converter=as_basis, validator=is_basis)
    coder: str = attrs.field(default="", validator=is_str)


@attrs.frozen
class Evidence:
    """The evidence-based-practice steps an initiative took.

    Attributes:
        question_by_topic_experts: Topic experts identified a clinical question or problem.
        literature_searched: Existing research was searched and appraised (finding little or none still counts).
        evidence_applied: The evidence was applied to practice (it drove the case for change).
        outcomes_evaluated: Outcomes were evaluated, e.g. in a pilot.

    Example:
        >>> evidence = Evidence(literature_searched=True)
        >>> evidence.literature_searched.is_known, evidence.evidence_applied.is_known
        (True, False)
    """

    question_by_topic_experts: Fact[bool] = attrs.field(
        default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact
    )
    literature_searched: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)
    evidence_applied: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)
    outcomes_evaluated: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)


def _as_revisions_fact(
    value: Fact[tuple[Revision, ...]] | Iterable[Revision] | Unknown,
) -> Fact[tuple[Revision, ...]]:
    return as_tuple_fact(value)


@attrs.frozen
class DesignProcess:
    """How the initiative was designed.

    Attributes:
        end_user_research: Research with end users to understand their needs before design.
        ideation: Ideas were generated to address those needs.
        prototyping: Prototypes or pilots tested the design before it was finalised.
        revisions: The revisions made, each with whose concerns it answered.

    Example:
        >>> DesignProcess(prototyping=True, revisions=[]).revisions.value
        ()
    """

    end_user_research: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)
    ideation: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)
    prototyping: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)
    revisions: Fact[tuple[Revision, ...]] = attrs.field(
        default=Fact(UNKNOWN), converter=_as_revisions_fact, validator=fact_of(tuple, "a list of revisions", Revision)
    )


@attrs.frozen
class BarrierMet:
    """An institutional barrier the initiative met and did not let co-opt it: worked through, or gone around.

    Attributes:
        barrier: The barrier met.
        outcome: Whether it was overcome (answered inside the initiative) or bypassed (the
            initiative went ahead without those who raised it).
        how: What was done about it, as far as the sources say.
        basis: What the fact rests on.
        coder: Who coded it, where two people coded different parts of a case; empty: the case file's coder.

    Example:
        >>> BarrierMet("restrictive_practice", "overcome", "a documented team decision reassured staff").outcome
        <BarrierOutcome.OVERCOME: 'overcome'>
    """

    barrier: Barrier = attrs.field(converter=as_barrier, validator=member_of(Barrier))
    outcome: BarrierOutcome = attrs.field(converter=as_barrier_outcome, validator=member_of(BarrierOutcome))
    how: str = attrs.field(validator=is_text)
    basis: Basis = attrs.field(default=Basis.PUBLISHED, converter=as_basis, validator=is_basis)
    coder: str = attrs.field(default="", validator=is_str)


def _as_barriers_met(values: Iterable[BarrierMet]) -> tuple[BarrierMet, ...]:
    return as_tuple(values)


@attrs.frozen
class Observations:
    """What an initiative shows of power, agenda and institutional habit (the essay on Cahn).

    Every observation defaults to unknown (and ``barriers_met`` to none recorded), so a
    case that records none of them stays valid and its barrier findings read "not assessed".

    Attributes:
        agenda_set_by: Who sets the agenda: service users (or their organisations and
            communities), shared, or the institution (clinical or organisational goals).
        goals_set_by: Who sets the goals of the people it serves.
        user_knowledge_equal_status: Service users' knowledge has equal status with professional knowledge.
        assets_view: Everyone is treated as having something to contribute ("no throwaway people").
        dissent: What happens to criticism, challenge and anger.
        change_superficial: Change stays superficial or short-term; old practice carries on.
        user_organisations_excluded: Organisations run by service users or survivors are kept out.
        absorbed_into_procedure: Co-production is absorbed into standard administrative procedure.
        judged_by_category: People are judged by diagnosis, psychiatric history or administrative category.
        risk_aversion: Risk aversion shapes what is allowed (bad for staff as well as service users).
        conformity_demanded: Service users must keep institutional rules of behaviour, choice and
            language (the "obedient patient" role) to be accepted.
        scale: Whether it changes individual relationships, a service, or the system.
        coproduction_attempted: Co-production was attempted: service users (or their organisations)
            were to share decisions or delivery with a mental-health service's professionals, whether or
            not it came about.
        mainstream_service: The service co-production was attempted in or with is a mainstream one (a
            statutory service: an NHS trust, a public psychiatric sector), not a user-run group or an
            independent project; where none was attempted, the service the initiative runs in.
        barriers_met: The institutional barriers it met and did not let co-opt it, each with its
            `barrier`, its `outcome` (overcome or bypassed) and `how` (empty: none recorded).
        responsibility_on_individual: Responsibility for their care or its outcomes is shifted onto
            the individual ("responsibilised").
        market_choice: People choose as consumers in a market: among providers, or buying their own
            support (personal budgets, direct payments).
        support_withdrawn: Support is withdrawn or cut back, leaving people to their own devices.
        public_governance: The policy, funding or allocation decisions it shares are those of a public
            body (a council, a health authority, a public service), so that taking part in them is
            participatory governance.

    Example:
        >>> Observations(dissent="heard").dissent.value
        <DissentHandling.HEARD: 'heard'>
        >>> Observations().risk_aversion.is_known
        False
    """

    agenda_set_by: Fact[AgendaSetter] = attrs.field(
        default=Fact(UNKNOWN), converter=as_agenda_fact, validator=enum_fact_of(AgendaSetter)
    )
    goals_set_by: Fact[GoalSetter] = attrs.field(
        default=Fact(UNKNOWN), converter=as_goals_fact, validator=enum_fact_of(GoalSetter)
    )
    user_knowledge_equal_status: Fact[bool] = attrs.field(
        default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact
    )
    assets_view: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)
    dissent: Fact[DissentHandling] = attrs.field(
        default=Fact(UNKNOWN), converter=as_dissent_fact, validator=enum_fact_of(DissentHandling)
    )
    change_superficial: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)
    user_organisations_excluded: Fact[bool] = attrs.field(
        default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact
    )
    absorbed_into_procedure: Fact[bool] = attrs.field(
        default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact
    )
    judged_by_category: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)
    risk_aversion: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)
    conformity_demanded: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)
    scale: Fact[Scale] = attrs.field(default=Fact(UNKNOWN), converter=as_scale_fact, validator=enum_fact_of(Scale))
    coproduction_attempted: Fact[bool] = attrs.field(
        default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact
    )
    mainstream_service: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)
    barriers_met: tuple[BarrierMet, ...] = attrs.field(
        default=(), converter=_as_barriers_met, validator=tuple_of(BarrierMet)
    )
    responsibility_on_individual: Fact[bool] = attrs.field(
        default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact
    )
    market_choice: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)
    support_withdrawn: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)
    public_governance: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)


# One typed converter per item class: the type checker then rejects a list of the wrong
# things in a user's Initiative(...) (see _checks for why they cannot share one).


def _as_sources(values: Iterable[Source]) -> tuple[Source, ...]:
    return as_tuple(values)


def _as_stakeholders(values: Iterable[Stakeholder]) -> tuple[Stakeholder, ...]:
    return as_tuple(values)


def _as_products(values: Iterable[Product]) -> tuple[Product, ...]:
    return as_tuple(values)


def _as_participations(values: Iterable[Participation]) -> tuple[Participation, ...]:
    return as_tuple(values)


def _as_relationships(values: Iterable[Relationship]) -> tuple[Relationship, ...]:
    return as_tuple(values)


def _as_features_fact(
    value: Fact[tuple[HumanisingFeature, ...]] | Iterable[HumanisingFeature] | Unknown,
) -> Fact[tuple[HumanisingFeature, ...]]:
    return as_tuple_fact(value)


def _as_failed_partnerships(values: Iterable[FailedPartnership]) -> tuple[FailedPartnership, ...]:
    return as_tuple(values)


def _as_parts(values: Iterable[Initiative]) -> tuple[Initiative, ...]:
    return as_tuple(values)


def _unique(where: str, field: str, ids: Iterable[str], *, offset: int = 0) -> None:
    # The error points at the repeated item; ``offset`` ids come before the field's own.
    seen: set[str] = set()
    for index, item in enumerate(ids):
        if item in seen:
            path = FactPath(field, index - offset, "id")
            raise DuplicateIdError(f"{where}: {path}", item, "ids that are unique", path=path)
        seen.add(item)


@attrs.frozen
class Initiative:
    """A mental-health service innovation, described as facts.

    Any fact may be ``UNKNOWN``; predicates then reason in three values and say which
    unknown facts would settle a verdict.

    Attributes:
        id: A slug such as ``sleepwell``.
        name: A readable name.
        summary: One or two sentences on what it is.
        place: Where it happened.
        period: When it happened.
        illustrative: True for invented cases that illustrate a model; never a documented programme.
        sources: The citations the facts rest on.
        coded_by: Who coded this case file, and when (left out where not recorded). A fact or record
            coded by someone else names them in its own ``coder``.
        stakeholders: Who takes part or is affected.
        products: What it produces (use kind ``nothing`` where it produces nothing).
        participations: Who takes part in which stage, how, and in what capacity.
        silent_stages: Stages the sources show took place but are silent about who took part:
            there, nobody's absence from the participations may be read as not taking part.
        relationships: Unequal relationships and what the initiative does to them.
        evidence: The evidence-based-practice steps.
        design_process: How it was designed.
        role_differentiation: Whether the split between providers and recipients is kept, broadened or dissolved.
        compulsion: Whether compulsion (e.g. involuntary detention) remains part of it.
        paid_employment: Whether service users are paid for their part.
        user_knowledge_shapes_product: Whether service users' knowledge shapes what is produced.
        humanising_features: The ways it shows respect and humanity (empty: none).
        failed_partnerships: Partnerships sought but not established, and why.
        observations: What it shows of power, agenda and institutional habit (the essay on Cahn).
        parts: The innovations of a programme, each an initiative in its own right.

    Example:
        >>> drop_in = Initiative(
        ...     id="drop-in",
        ...     name="A peer-run drop-in",
        ...     stakeholders=[Stakeholder(id="peers", name="peer workers", identities={"service_user"})],
        ...     participations=[Participation("peers", "delivery", "leads", capacity="service_user")],
        ... )
        >>> drop_in.stakeholder("peers").name
        'peer workers'
        >>> drop_in.compulsion.is_known
        False
    """

    id: str = attrs.field(validator=is_id)
    name: str = attrs.field(validator=is_text)
    summary: str = attrs.field(default="", validator=is_str)
    place: str = attrs.field(default="", validator=is_str)
    period: str = attrs.field(default="", validator=is_str)
    illustrative: bool = attrs.field(default=False, validator=is_bool)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_as_sources, validator=tuple_of(Source))
    coded_by: Coding | None = attrs.field(default=None, validator=optional_instance_of(Coding))
    stakeholders: tuple[Stakeholder, ...] = attrs.field(
        default=(), converter=_as_stakeholders, validator=tuple_of(Stakeholder)
    )
    products: tuple[Product, ...] = attrs.field(default=(), converter=_as_products, validator=tuple_of(Product))
    participations: tuple[Participation, ...] = attrs.field(
        default=(), converter=_as_participations, validator=tuple_of(Participation)
    )
    silent_stages: frozenset[Stage] = attrs.field(default=frozenset(), converter=as_stages, validator=set_of(Stage))
    relationships: tuple[Relationship, ...] = attrs.field(
        default=(), converter=_as_relationships, validator=tuple_of(Relationship)
    )
    evidence: Evidence = attrs.field(factory=Evidence, validator=instance_of(Evidence))
    design_process: DesignProcess = attrs.field(factory=DesignProcess, validator=instance_of(DesignProcess))
    role_differentiation: Fact[RoleDifferentiation] = attrs.field(
        default=Fact(UNKNOWN),
        converter=as_role_differentiation_fact,
        validator=fact_of(RoleDifferentiation, expected_one_of(RoleDifferentiation, "unknown")),
    )
    compulsion: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)
    paid_employment: Fact[bool] = attrs.field(default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact)
    user_knowledge_shapes_product: Fact[bool] = attrs.field(
        default=Fact(UNKNOWN), converter=as_bool_fact, validator=is_bool_fact
    )
    humanising_features: Fact[tuple[HumanisingFeature, ...]] = attrs.field(
        default=Fact(UNKNOWN),
        converter=_as_features_fact,
        validator=fact_of(tuple, "a list of humanising features", HumanisingFeature),
    )
    failed_partnerships: tuple[FailedPartnership, ...] = attrs.field(
        default=(), converter=_as_failed_partnerships, validator=tuple_of(FailedPartnership)
    )
    observations: Observations = attrs.field(factory=Observations, validator=instance_of(Observations))
    parts: tuple[Initiative, ...] = attrs.field(default=(), converter=_as_parts)

    def __repr__(self) -> str:
        """Short: its id, name and how many of each kind of fact it holds; the facts are its attributes.

        Example:
            >>> import humanising
            >>> humanising.casebook.load("sleepwell")
            <Initiative 'sleepwell': SleepWell, 7 stakeholders, 1 product, 14 participations, 1 relationship>
        """
        counts = ", ".join(
            f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"
            for noun, items in (
                ("stakeholder", self.stakeholders),
                ("product", self.products),
                ("participation", self.participations),
                ("relationship", self.relationships),
                ("part", self.parts),
            )
            if items or noun != "part"
        )
        name = self.name if len(self.name) <= 60 else self.name[:59] + "…"
        return f"<Initiative {self.id!r}: {repr(name)[1:-1]}, {counts}>"  # control characters escaped

    def __attrs_post_init__(self) -> None:
        where = f"Initiative {self.id!r}"
        _unique(where, "stakeholders", (s.id for s in self.stakeholders))
        _unique(where, "products", (p.id for p in self.products))
        tuple_of(Initiative)(self, attrs.fields(Initiative).parts, self.parts)
        _unique(where, "parts", (self.id, *(p.id for p in self.parts)), offset=1)
        identities = {s.id: s.identities for s in self.stakeholders}

        def defined(stakeholder_id: str, *steps: str | int) -> None:
            # The path is made only for an error: every participation of every initiative passes here.
            if stakeholder_id not in identities:
                path = FactPath(*steps)
                raise UndefinedStakeholderError(
                    f"{where}: {path}", stakeholder_id, "the id of a stakeholder defined in stakeholders", path=path
                )

        seen: set[tuple[str, Stage]] = set()
        for index, participation in enumerate(self.participations):
            defined(participation.stakeholder, "participations", index, "stakeholder")
            if participation.capacity not in identities[participation.stakeholder]:
                have = ", ".join(sorted(identities[participation.stakeholder]))
                raise CapacityError(
                    f"{where}: participations[{index}].capacity",
                    participation.capacity.value,
                    f"one of the identities of {participation.stakeholder!r} ({have})",
                    path=FactPath("participations", index, "capacity"),
                )
            key = (participation.stakeholder, participation.stage)
            if key in seen:
                raise DuplicateIdError(
                    f"{where}: participations[{index}]",
                    f"{key[0]}@{key[1]}",
                    "at most one participation per stakeholder and stage",
                    path=FactPath("participations", index),
                )
            seen.add(key)
        for index, relationship in enumerate(self.relationships):
            for side, stakeholder_id in enumerate(relationship.between):
                defined(stakeholder_id, "relationships", index, "between", side)
        for index, failed in enumerate(self.failed_partnerships):
            defined(failed.partner, "failed_partnerships", index, "partner")
        revisions = self.design_process.revisions.value
        if revisions is not UNKNOWN:
            for index, revision in enumerate(revisions):
                for stakeholder_id in sorted(revision.answers):
                    defined(stakeholder_id, "design_process", "revisions", index, "answers")

    @cached_property
    def _derived(self) -> dict[object, object]:
        # What other layers derive from the facts, built once per initiative and kept with it
        # (the reasoning layer's look-ups); not part of the facts, never compared or copied.
        return {}

    def producing_only(self, product_id: str) -> Initiative:
        """The initiative as if it produced one of its products alone: how a product is judged on its own.

        Made once per product and kept with the initiative.

        Raises:
            FactPathError: The initiative has no product with that id.

        Example:
            >>> import humanising
            >>> east_lille_5 = humanising.casebook.load("east-lille-5")
            >>> therapies = east_lille_5.producing_only("therapies")
            >>> humanising.classify(therapies)["coproduction"].fit.value
            'does not fit'
        """
        key = ("producing_only", product_id)
        found = self._derived.get(key)
        if found is None:
            products = tuple(product for product in self.products if product.id == product_id)
            if not products:
                have = ", ".join(product.id for product in self.products) or "none"
                raise FactPathError(str(FactPath.product(product_id)), f"the id of one of its products ({have})")
            found = self._derived[key] = self._with_products(products)
        return found  # type: ignore[return-value] # only an initiative is kept under this key

    def _with_products(self, products: tuple[Product, ...]) -> Initiative:
        # A valid initiative with fewer products is valid: product ids stay unique, and no
        # other fact names a product. So the view shares every other fact and is not checked again.
        view: Initiative = object.__new__(Initiative)
        for field in attrs.fields(Initiative):
            object.__setattr__(view, field.name, getattr(self, field.name))
        object.__setattr__(view, "products", products)
        return view

    @cached_property
    def _stakeholders(self) -> dict[str, Stakeholder]:
        return {stakeholder.id: stakeholder for stakeholder in self.stakeholders}

    def stakeholder(self, stakeholder_id: str) -> Stakeholder:
        """The stakeholder with this id.

        Raises:
            UndefinedStakeholderError: No stakeholder has that id.
        """
        try:
            found = self._stakeholders[stakeholder_id]
        except KeyError:
            raise UndefinedStakeholderError(
                f"Initiative {self.id!r}: stakeholder",
                stakeholder_id,
                "a defined stakeholder id",
                path=FactPath.stakeholder(stakeholder_id),
            ) from None
        return found
