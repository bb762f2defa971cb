"""The facts an initiative is described by: immutable, validated on construction.

The vocabulary follows Harcourt and Crepaz-Keay (2023), sections 2-5: who takes
part in which stage of an initiative, in what capacity and with how much say;
what is produced; which relationships change. Identity and role are kept apart
(a psychiatrist who is also a service user acts in one capacity at a time).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any, TypeVar

import attrs

from humanising._unknown import UNKNOWN, Basis, Fact, Unknown
from humanising.exceptions import (
    CapacityError,
    DuplicateIdError,
    InvalidFactError,
    UndefinedStakeholderError,
)

E = TypeVar("E", bound=enum.Enum)


class Identity(enum.StrEnum):
    """What a stakeholder is. A stakeholder may be several things at once.

    Example:
        >>> Identity("survivor")
        <Identity.SURVIVOR: 'survivor'>
    """

    SERVICE_USER = "service_user"
    """A current or former user of mental-health services."""
    SURVIVOR = "survivor"
    """Lived experience of mental distress while avoiding services (the paper's footnote 1); not a service user."""
    CARER = "carer"
    """A carer or family member."""
    MENTAL_HEALTH_PROFESSIONAL = "mental_health_professional"
    """Psychiatrists, nurses, ward staff, psychiatry teams, sleep specialists."""
    OTHER_PROFESSIONAL = "other_professional"
    """Estates staff, housing officials, local politicians, consultants, designers, artists."""
    COMMUNITY_MEMBER = "community_member"
    """Local inhabitants, host families, local companies, acting as such."""
    GENERAL_PUBLIC = "general_public"
    """A whole population, such as the inhabitants of a district."""
    ORGANISATION = "organisation"
    """A body such as an NHS trust, a charity or a funder; see ``Stakeholder.user_run``."""


class Involvement(enum.StrEnum):
    """How much say a stakeholder has in a stage: a ladder, lowest first.

    ``consulted`` covers feedback and end-user testing; ``involved`` is a real voice
    in decisions (the paper's broad sense of co-production); ``partner`` is the gold
    standard of equal partnership; ``leads`` is control.

    Example:
        >>> [level.value for level in Involvement]
        ['none', 'informed', 'consulted', 'involved', 'partner', 'leads']
        >>> Involvement.CONSULTED.at_least(Involvement.INVOLVED)
        False
    """

    NONE = "none"
    INFORMED = "informed"
    CONSULTED = "consulted"
    INVOLVED = "involved"
    PARTNER = "partner"
    LEADS = "leads"

    @property
    def rank(self) -> int:
        """The rung on the ladder, ``none`` being 0."""
        return _RANKS[self]

    def at_least(self, other: Involvement) -> bool:
        """Whether this level is ``other`` or higher on the ladder.

        Example:
            >>> Involvement.PARTNER.at_least(Involvement.INVOLVED)
            True
        """
        return _RANKS[self] >= _RANKS[other]


_RANKS = {level: rank for rank, level in enumerate(Involvement)}


class Role(enum.StrEnum):
    """A part a stakeholder plays in the initiative, independent of identity.

    Example:
        >>> Role("end_user")
        <Role.END_USER: 'end_user'>
    """

    CLIENT = "client"
    DESIGNER = "designer"
    DELIVERER = "deliverer"
    EVALUATOR = "evaluator"
    FUNDER = "funder"
    ALLOCATOR = "allocator"
    END_USER = "end_user"
    AUDIENCE = "audience"


class Stage(enum.StrEnum):
    """A stage of an initiative. An initiative need not have all of them.

    Example:
        >>> [stage.value for stage in Stage][:3]
        ['initiation', 'needs_assessment', 'design']
    """

    INITIATION = "initiation"
    NEEDS_ASSESSMENT = "needs_assessment"
    DESIGN = "design"
    POLICY = "policy"
    DELIVERY = "delivery"
    EVALUATION = "evaluation"
    FUNDING = "funding"
    """The funder's grant."""
    ALLOCATION = "allocation"
    """Allocating resources within the project (or, for a service, allocating what it provides)."""
    RECRUITMENT_TRAINING = "recruitment_training"
    RESEARCH_ADVOCACY = "research_advocacy"
    CARE_DECISIONS = "care_decisions"


_STAGE_ORDER = {stage: position for position, stage in enumerate(Stage)}


def in_stage_order(stages: Iterable[Stage]) -> tuple[Stage, ...]:
    """Stages in the order an initiative goes through them (initiation first), not alphabetically."""
    return tuple(sorted(stages, key=_STAGE_ORDER.__getitem__))


class ProductKind(enum.StrEnum):
    """What kind of thing a product is; ``nothing`` where an initiative produces nothing.

    Example:
        >>> Product(id="records", name="access to one's records", kind="nothing").is_something
        False
    """

    SERVICE = "service"
    INTERVENTION = "intervention"
    MATERIALS = "materials"
    TRAINING = "training"
    POLICY = "policy"
    NOTHING = "nothing"
    """Access, a status or a place to live: the paper argues these produce nothing."""


class Domain(enum.StrEnum):
    """The service domain a product belongs to.

    Example:
        >>> Domain("housing")
        <Domain.HOUSING: 'housing'>
    """

    MENTAL_HEALTH = "mental_health"
    HOUSING = "housing"
    OTHER = "other"


class Aspect(enum.StrEnum):
    """The respect in which a relationship is unequal.

    Example:
        >>> Aspect("social_inclusion")
        <Aspect.SOCIAL_INCLUSION: 'social_inclusion'>
    """

    POWER = "power"
    KNOWLEDGE = "knowledge"
    INFORMATION = "information"
    PRESTIGE = "prestige"
    SOCIAL_INCLUSION = "social_inclusion"
    """Social inclusion and stigma."""


class Change(enum.StrEnum):
    """What an initiative does to an unequal relationship.

    Example:
        >>> Change("never_arose")
        <Change.NEVER_AROSE: 'never_arose'>
    """

    WIDENS = "widens"
    UNCHANGED = "unchanged"
    NARROWS = "narrows"
    BYPASSED = "bypassed"
    """One party is made absent, as in user-run groups: not equalising."""
    NEVER_AROSE = "never_arose"
    """The set-up avoided the gap altogether: not equalising either."""
    UNKNOWN = "unknown"


class Claim(enum.StrEnum):
    """Whether a relationship change is an aim of the initiative or an observed result.

    Example:
        >>> Claim("aim")
        <Claim.AIM: 'aim'>
    """

    AIM = "aim"
    OBSERVED = "observed"


class RoleDifferentiation(enum.StrEnum):
    """What happens to the split between those who provide and those who receive.

    Example:
        >>> import humanising
        >>> humanising.casebook.load("east-lille-5").role_differentiation.value
        <RoleDifferentiation.KEPT: 'kept'>
    """

    KEPT = "kept"
    """Somebody delivers something to someone."""
    BROADENED = "broadened"
    """The providing role is opened to others (host families), but still delivers *to* someone."""
    DISSOLVED = "dissolved"
    """Providers and recipients do the work together."""


class FeatureKind(enum.StrEnum):
    """A way in which care shows respect and humanity (paper, section 5).

    Example:
        >>> FeatureKind("own_goals")
        <FeatureKind.OWN_GOALS: 'own_goals'>
    """

    DIGNITY = "dignity"
    PRIVACY = "privacy"
    LESS_INTRUSION = "less_intrusion"
    LESS_COERCION = "less_coercion"
    FELT_SAFETY = "felt_safety"
    OWN_GOALS = "own_goals"
    """People set their own goals rather than having goals imposed."""
    CARE_NOT_WITHDRAWN = "care_not_withdrawn"
    """Care continues without leaving people to an abstract liberty (Basaglia)."""
    TRANSPARENCY = "transparency"
    TIMELY_CARE = "timely_care"
    COMMUNITY_LIFE = "community_life"
    """Living and taking part in ordinary community life."""


class AgendaSetter(enum.StrEnum):
    """Who sets the agenda of an initiative (the essay: not what the institution wants).

    Example:
        >>> Observations(agenda_set_by="institution").agenda_set_by.value
        <AgendaSetter.INSTITUTION: 'institution'>
    """

    SERVICE_USERS = "service_users"
    """Service users, survivors, their organisations or communities."""
    SHARED = "shared"
    INSTITUTION = "institution"
    """Clinical or organisational goals drive the agenda."""


class GoalSetter(enum.StrEnum):
    """Who sets the goals of the people an initiative serves.

    Example:
        >>> Observations(goals_set_by="people_themselves").goals_set_by.value
        <GoalSetter.PEOPLE_THEMSELVES: 'people_themselves'>
    """

    PEOPLE_THEMSELVES = "people_themselves"
    SHARED = "shared"
    PROFESSIONALS = "professionals"


class DissentHandling(enum.StrEnum):
    """What happens when service users criticise, challenge or express anger.

    Example:
        >>> DissentHandling("pathologised")
        <DissentHandling.PATHOLOGISED: 'pathologised'>
    """

    HEARD = "heard"
    """Challenge and confrontation are admitted as part of the process."""
    MARGINALISED = "marginalised"
    PATHOLOGISED = "pathologised"
    """Read as a symptom rather than as a view."""
    REPHRASED = "rephrased"
    """Translated or modified by professionals before it counts."""


class Scale(enum.StrEnum):
    """The scale at which an initiative changes things (the essay: small or large).

    Example:
        >>> import humanising
        >>> humanising.casebook.load("sleepwell").observations.scale.value
        <Scale.SERVICE: 'service'>
    """

    INDIVIDUAL = "individual"
    """Relationships between individual practitioners and service users."""
    SERVICE = "service"
    SYSTEM = "system"


# --- converters coerce leniently (strings to enums, bare values to facts); validators then
# check, and since a validator knows its class and field, every error names both.

_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")


def _where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def _coerce(enum_type: type[E], value: object) -> object:
    if isinstance(value, enum_type):
        return value
    try:
        return enum_type(value)
    except ValueError:
        return value  # left for the validator, which names the field


def _expected_one_of(enum_type: type[enum.Enum], *extra: str) -> str:
    return "one of " + ", ".join([*(str(member.value) for member in enum_type), *extra])


def _coerce_unknown(enum_type: type[E], value: object) -> object:
    return UNKNOWN if value is UNKNOWN or value == "unknown" else _coerce(enum_type, value)


def _coerce_set(enum_type: type[E], values: object) -> object:
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        return values
    return frozenset(_coerce(enum_type, value) for value in values)


def _as_enum_fact(enum_type: type[E], value: object) -> Fact[Any]:
    fact: Fact[Any] = value if isinstance(value, Fact) else Fact(_coerce_unknown(enum_type, value))
    if fact.value is not UNKNOWN and not isinstance(fact.value, enum_type):
        fact = attrs.evolve(fact, value=_coerce(enum_type, fact.value))
    return fact


def _as_stage(value: Stage | str) -> Stage:
    return _coerce(Stage, value)  # type: ignore[return-value]


def _as_stages(values: Iterable[Stage | str]) -> frozenset[Stage]:
    return _coerce_set(Stage, values)  # type: ignore[return-value]


def _as_identity(value: Identity | str) -> Identity:
    return _coerce(Identity, value)  # type: ignore[return-value]


def _as_identities(values: Iterable[Identity | str]) -> frozenset[Identity]:
    return _coerce_set(Identity, values)  # type: ignore[return-value]


def _as_roles(values: Iterable[Role | str]) -> frozenset[Role]:
    return _coerce_set(Role, values)  # type: ignore[return-value]


def _as_involvement(value: Involvement | Unknown | str) -> Involvement | Unknown:
    return _coerce_unknown(Involvement, value)  # type: ignore[return-value]


def _as_domain(value: Domain | Unknown | str) -> Domain | Unknown:
    return _coerce_unknown(Domain, value)  # type: ignore[return-value]


def _as_product_kind(value: ProductKind | str) -> ProductKind:
    return _coerce(ProductKind, value)  # type: ignore[return-value]


def _as_aspect(value: Aspect | str) -> Aspect:
    return _coerce(Aspect, value)  # type: ignore[return-value]


def _as_change(value: Change | str) -> Change:
    return _coerce(Change, value)  # type: ignore[return-value]


def _as_claim(value: Claim | str) -> Claim:
    return _coerce(Claim, value)  # type: ignore[return-value]


def _as_basis(value: Basis | str) -> Basis:
    return _coerce(Basis, value)  # type: ignore[return-value]


def _as_feature_kind(value: FeatureKind | str) -> FeatureKind:
    return _coerce(FeatureKind, value)  # type: ignore[return-value]


def _as_bool_fact(value: Fact[bool] | bool | Unknown) -> Fact[bool]:
    return value if isinstance(value, Fact) else Fact(value)


def _as_role_differentiation_fact(
    value: Fact[RoleDifferentiation] | RoleDifferentiation | Unknown | str,
) -> Fact[RoleDifferentiation]:
    return _as_enum_fact(RoleDifferentiation, value)


def _as_tuple_fact(value: Fact[tuple[Any, ...]] | Iterable[Any] | Unknown) -> Fact[tuple[Any, ...]]:
    fact: Fact[Any] = value if isinstance(value, Fact) else Fact(value)
    if fact.value is not UNKNOWN and isinstance(fact.value, Iterable) and not isinstance(fact.value, str | dict):
        fact = attrs.evolve(fact, value=tuple(fact.value))
    return fact


def _as_tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(values, str | bytes | dict) or not isinstance(values, Iterable):
        return values  # type: ignore[return-value] # left for the validator, which names the field
    return tuple(values)


def _member_of(enum_type: type[enum.Enum], *, or_unknown: bool = False) -> Callable[[Any, Any, Any], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not (isinstance(value, enum_type) or (or_unknown and value is UNKNOWN)):
            extra = ("unknown",) if or_unknown else ()
            raise InvalidFactError(_where(instance, attribute), value, _expected_one_of(enum_type, *extra))

    return check


def _set_of(enum_type: type[enum.Enum], *, non_empty: bool = False) -> Callable[[Any, Any, Any], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        expected = f"a collection of {_expected_one_of(enum_type)}"
        if not isinstance(value, frozenset):
            raise InvalidFactError(_where(instance, attribute), value, expected)
        for item in sorted(value, key=str):
            if not isinstance(item, enum_type):
                raise InvalidFactError(_where(instance, attribute), item, _expected_one_of(enum_type))
        if non_empty and not value:
            raise InvalidFactError(_where(instance, attribute), value, f"at least one of {_expected_one_of(enum_type)}")

    return check


def _tuple_of(cls: type[Any]) -> Callable[[Any, Any, Any], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise InvalidFactError(_where(instance, attribute), value, f"a list of {cls.__name__}")
        for index, item in enumerate(value):
            if not isinstance(item, cls):
                raise InvalidFactError(f"{_where(instance, attribute)}[{index}]", item, f"a {cls.__name__}")

    return check


def _fact_of(kind: type[Any], expected: str, item: type[Any] | None = None) -> Callable[[Any, Any, Any], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], fact: Fact[Any]) -> None:
        value = fact.value
        if value is UNKNOWN:
            return
        if not isinstance(value, kind):
            raise InvalidFactError(_where(instance, attribute), value, expected)
        if item is not None:
            for index, element in enumerate(value):
                if not isinstance(element, item):
                    raise InvalidFactError(f"{_where(instance, attribute)}[{index}]", element, f"a {item.__name__}")

    return check


def _is_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _SLUG.match(value):
        raise InvalidFactError(
            _where(instance, attribute), value, "an id of lower-case letters, digits, '-' or '_' (e.g. 'ward-staff')"
        )


def _is_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidFactError(_where(instance, attribute), value, "a non-empty string")


def _is_str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidFactError(_where(instance, attribute), value, "a string")


_is_basis = _member_of(Basis)
_is_bool_fact = _fact_of(bool, "true, false or unknown")


def _basis_field() -> Any:
    return attrs.field(default=Basis.PUBLISHED, converter=_as_basis, validator=_is_basis)


def _note_field() -> Any:
    return attrs.field(default="", validator=_is_str)


def _bool_fact_field() -> Any:
    return attrs.field(default=Fact(UNKNOWN), converter=_as_bool_fact, validator=_is_bool_fact)


# --- the facts


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

    citation: str = attrs.field(validator=_is_text)
    locator: str = attrs.field(default="", validator=_is_str)


@attrs.frozen
class Stakeholder:
    """A person or group taking part in, or affected by, an initiative.

    Attributes:
        id: A short slug other facts refer to.
        name: A readable name.
        identities: What the stakeholder is; several at once are allowed.
        roles: The parts it plays in this initiative.
        user_run: For an organisation, whether it is run by and for service users.
        note: Free text.

    Example:
        >>> Stakeholder(id="mhf", name="Mental Health Foundation",
        ...             identities={Identity.ORGANISATION}, user_run=False).user_run.value
        False
    """

    id: str = attrs.field(validator=_is_id)
    name: str = attrs.field(validator=_is_text)
    identities: frozenset[Identity] = attrs.field(converter=_as_identities, validator=_set_of(Identity, non_empty=True))
    roles: frozenset[Role] = attrs.field(default=frozenset(), converter=_as_roles, validator=_set_of(Role))
    user_run: Fact[bool] = _bool_fact_field()
    note: str = _note_field()

    @user_run.validator
    def _check_user_run(self, _attribute: object, value: Fact[bool]) -> None:
        if value.is_known and Identity.ORGANISATION not in self.identities:
            raise InvalidFactError(
                f"Stakeholder.user_run of {self.id!r}", value.value, "unknown unless the stakeholder is an organisation"
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

    Example:
        >>> feedback = Participation("patients", "evaluation", "consulted", capacity="service_user")
        >>> feedback.involvement.at_least(Involvement.INVOLVED)
        False
    """

    stakeholder: str = attrs.field(validator=_is_id)
    stage: Stage = attrs.field(converter=_as_stage, validator=_member_of(Stage))
    involvement: Involvement | Unknown = attrs.field(
        converter=_as_involvement, validator=_member_of(Involvement, or_unknown=True)
    )
    capacity: Identity = attrs.field(converter=_as_identity, validator=_member_of(Identity))
    basis: Basis = _basis_field()
    note: str = _note_field()


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

    Example:
        >>> Product(id="rules", name="the ward's rules", kind="policy", domain="mental_health").is_something
        True
    """

    id: str = attrs.field(validator=_is_id)
    name: str = attrs.field(validator=_is_text)
    kind: ProductKind = attrs.field(converter=_as_product_kind, validator=_member_of(ProductKind))
    domain: Domain | Unknown = attrs.field(
        default=UNKNOWN, converter=_as_domain, validator=_member_of(Domain, or_unknown=True)
    )
    stages: frozenset[Stage] = attrs.field(
        default=_PRODUCING_STAGES, converter=_as_stages, validator=_set_of(Stage, non_empty=True)
    )

    @property
    def is_something(self) -> bool:
        """Whether anything is produced (kind is not ``nothing``)."""
        return self.kind is not ProductKind.NOTHING


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

    Example:
        >>> Relationship(between=("patients", "staff"), aspect="power", change="narrows", claim="aim").key
        'patients~staff:power'
    """

    between: tuple[str, str] = attrs.field(converter=_as_tuple)
    aspect: Aspect = attrs.field(converter=_as_aspect, validator=_member_of(Aspect))
    change: Change = attrs.field(converter=_as_change, validator=_member_of(Change))
    claim: Claim = attrs.field(default=Claim.OBSERVED, converter=_as_claim, validator=_member_of(Claim))
    basis: Basis = _basis_field()
    note: str = _note_field()

    @between.validator
    def _check_between(self, _attribute: object, value: object) -> None:
        if (
            not isinstance(value, tuple)
            or len(value) != 2
            or not all(isinstance(v, str) for v in value)
            or value[0] == value[1]
        ):
            raise InvalidFactError("Relationship.between", value, "two different stakeholder ids")

    @property
    def key(self) -> str:
        """A stable name for the relationship, used in fact paths."""
        return f"{self.between[0]}~{self.between[1]}:{self.aspect}"


def _as_ids(values: Iterable[str]) -> frozenset[str]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        return values  # type: ignore[return-value] # left for the validator
    return frozenset(values)


def _ids(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, frozenset):
        raise InvalidFactError(_where(instance, attribute), value, "a list of stakeholder ids")
    for item in sorted(value, key=str):
        _is_id(instance, attribute, item)


@attrs.frozen
class Revision:
    """A change made to a design, and whose concerns it answered.

    Attributes:
        description: What changed.
        answers: Ids of the stakeholders whose concerns or needs the revision answered.
        basis: What the fact rests on.

    Example:
        >>> Revision("shorter sessions", answers={"participants"}).answers
        frozenset({'participants'})
    """

    description: str = attrs.field(validator=_is_text)
    answers: frozenset[str] = attrs.field(converter=_as_ids, validator=_ids)
    basis: Basis = _basis_field()


@attrs.frozen
class FailedPartnership:
    """A partnership that was sought but not established.

    Attributes:
        partner: Id of the stakeholder a partnership was sought with.
        why: Why it failed, as far as is known.
        basis: What the fact rests on.

    Example:
        >>> FailedPartnership("services", "no professional acceptance", basis="hedged").basis.hedge
        ' (as far as can be told)'
    """

    partner: str = attrs.field(validator=_is_id)
    why: str = attrs.field(validator=_is_text)
    basis: Basis = _basis_field()


@attrs.frozen
class HumanisingFeature:
    """A way in which the initiative shows respect and humanity in design or delivery.

    Attributes:
        kind: Which kind of feature.
        description: What it is in this initiative.
        basis: What the fact rests on.

    Example:
        >>> HumanisingFeature("own_goals", "people choose their own goals").kind
        <FeatureKind.OWN_GOALS: 'own_goals'>
    """

    kind: FeatureKind = attrs.field(converter=_as_feature_kind, validator=_member_of(FeatureKind))
    description: str = attrs.field(validator=_is_text)
    basis: Basis = _basis_field()


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

    question_by_topic_experts: Fact[bool] = _bool_fact_field()
    literature_searched: Fact[bool] = _bool_fact_field()
    evidence_applied: Fact[bool] = _bool_fact_field()
    outcomes_evaluated: Fact[bool] = _bool_fact_field()


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

    end_user_research: Fact[bool] = _bool_fact_field()
    ideation: Fact[bool] = _bool_fact_field()
    prototyping: Fact[bool] = _bool_fact_field()
    revisions: Fact[tuple[Revision, ...]] = attrs.field(
        default=Fact(UNKNOWN), converter=_as_tuple_fact, validator=_fact_of(tuple, "a list of revisions", Revision)
    )


def _as_agenda_fact(value: Fact[AgendaSetter] | AgendaSetter | Unknown | str) -> Fact[AgendaSetter]:
    return _as_enum_fact(AgendaSetter, value)


def _as_goals_fact(value: Fact[GoalSetter] | GoalSetter | Unknown | str) -> Fact[GoalSetter]:
    return _as_enum_fact(GoalSetter, value)


def _as_dissent_fact(value: Fact[DissentHandling] | DissentHandling | Unknown | str) -> Fact[DissentHandling]:
    return _as_enum_fact(DissentHandling, value)


def _as_scale_fact(value: Fact[Scale] | Scale | Unknown | str) -> Fact[Scale]:
    return _as_enum_fact(Scale, value)


def _enum_fact_of(enum_type: type[enum.Enum]) -> Callable[[Any, Any, Any], None]:
    return _fact_of(enum_type, _expected_one_of(enum_type, "unknown"))


@attrs.frozen
class Observations:
    """What an initiative shows of power, agenda and institutional habit (the essay on Cahn).

    Every observation defaults to unknown, so a case that records none of them stays
    valid and its barrier findings read "not assessed".

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

    Example:
        >>> Observations(dissent="heard").dissent.value
        <DissentHandling.HEARD: 'heard'>
        >>> Observations().risk_aversion.is_known
        False
    """

    agenda_set_by: Fact[AgendaSetter] = attrs.field(
        default=Fact(UNKNOWN), converter=_as_agenda_fact, validator=_enum_fact_of(AgendaSetter)
    )
    goals_set_by: Fact[GoalSetter] = attrs.field(
        default=Fact(UNKNOWN), converter=_as_goals_fact, validator=_enum_fact_of(GoalSetter)
    )
    user_knowledge_equal_status: Fact[bool] = _bool_fact_field()
    assets_view: Fact[bool] = _bool_fact_field()
    dissent: Fact[DissentHandling] = attrs.field(
        default=Fact(UNKNOWN), converter=_as_dissent_fact, validator=_enum_fact_of(DissentHandling)
    )
    change_superficial: Fact[bool] = _bool_fact_field()
    user_organisations_excluded: Fact[bool] = _bool_fact_field()
    absorbed_into_procedure: Fact[bool] = _bool_fact_field()
    judged_by_category: Fact[bool] = _bool_fact_field()
    risk_aversion: Fact[bool] = _bool_fact_field()
    conformity_demanded: Fact[bool] = _bool_fact_field()
    scale: Fact[Scale] = attrs.field(default=Fact(UNKNOWN), converter=_as_scale_fact, validator=_enum_fact_of(Scale))


def _unique(where: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise DuplicateIdError(where, item, "ids that are unique")
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
        stakeholders: Who takes part or is affected.
        products: What it produces (use kind ``nothing`` where it produces nothing).
        participations: Who takes part in which stage, how, and in what capacity.
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

    id: str = attrs.field(validator=_is_id)
    name: str = attrs.field(validator=_is_text)
    summary: str = _note_field()
    place: str = _note_field()
    period: str = _note_field()
    illustrative: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_as_tuple, validator=_tuple_of(Source))
    stakeholders: tuple[Stakeholder, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(Stakeholder)
    )
    products: tuple[Product, ...] = attrs.field(default=(), converter=_as_tuple, validator=_tuple_of(Product))
    participations: tuple[Participation, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(Participation)
    )
    relationships: tuple[Relationship, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(Relationship)
    )
    evidence: Evidence = attrs.field(factory=Evidence, validator=attrs.validators.instance_of(Evidence))
    design_process: DesignProcess = attrs.field(
        factory=DesignProcess, validator=attrs.validators.instance_of(DesignProcess)
    )
    role_differentiation: Fact[RoleDifferentiation] = attrs.field(
        default=Fact(UNKNOWN),
        converter=_as_role_differentiation_fact,
        validator=_fact_of(RoleDifferentiation, _expected_one_of(RoleDifferentiation, "unknown")),
    )
    compulsion: Fact[bool] = _bool_fact_field()
    paid_employment: Fact[bool] = _bool_fact_field()
    user_knowledge_shapes_product: Fact[bool] = _bool_fact_field()
    humanising_features: Fact[tuple[HumanisingFeature, ...]] = attrs.field(
        default=Fact(UNKNOWN),
        converter=_as_tuple_fact,
        validator=_fact_of(tuple, "a list of humanising features", HumanisingFeature),
    )
    failed_partnerships: tuple[FailedPartnership, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(FailedPartnership)
    )
    observations: Observations = attrs.field(factory=Observations, validator=attrs.validators.instance_of(Observations))
    parts: tuple[Initiative, ...] = attrs.field(default=(), converter=_as_tuple)

    def __attrs_post_init__(self) -> None:
        where = f"Initiative {self.id!r}"
        _unique(f"{where}: stakeholders[].id", (s.id for s in self.stakeholders))
        _unique(f"{where}: products[].id", (p.id for p in self.products))
        _tuple_of(Initiative)(self, attrs.fields(Initiative).parts, self.parts)
        _unique(f"{where}: parts[].id", (self.id, *(p.id for p in self.parts)))
        identities = {s.id: s.identities for s in self.stakeholders}

        def defined(field: str, stakeholder_id: str) -> None:
            if stakeholder_id not in identities:
                raise UndefinedStakeholderError(
                    f"{where}: {field}", stakeholder_id, "the id of a stakeholder defined in stakeholders"
                )

        seen: set[tuple[str, Stage]] = set()
        for index, participation in enumerate(self.participations):
            field = f"participations[{index}]"
            defined(f"{field}.stakeholder", participation.stakeholder)
            if participation.capacity not in identities[participation.stakeholder]:
                have = ", ".join(sorted(identities[participation.stakeholder]))
                raise CapacityError(
                    f"{where}: {field}.capacity",
                    participation.capacity.value,
                    f"one of the identities of {participation.stakeholder!r} ({have})",
                )
            key = (participation.stakeholder, participation.stage)
            if key in seen:
                raise DuplicateIdError(
                    f"{where}: {field}", f"{key[0]}@{key[1]}", "at most one participation per stakeholder and stage"
                )
            seen.add(key)
        for index, relationship in enumerate(self.relationships):
            for side, stakeholder_id in enumerate(relationship.between):
                defined(f"relationships[{index}].between[{side}]", stakeholder_id)
        for index, failed in enumerate(self.failed_partnerships):
            defined(f"failed_partnerships[{index}].partner", failed.partner)
        revisions = self.design_process.revisions.value
        if revisions is not UNKNOWN:
            for index, revision in enumerate(revisions):
                for stakeholder_id in sorted(revision.answers):
                    defined(f"design_process.revisions[{index}].answers", stakeholder_id)

    @cached_property
    def _index(self) -> Any:  # an Index; typed loosely because cattrs resolves these hints at run time
        # Built once per initiative and shared by every predicate; not part of the facts.
        from humanising._index import Index

        return Index(self)

    def stakeholder(self, stakeholder_id: str) -> Stakeholder:
        """The stakeholder with this id.

        Raises:
            UndefinedStakeholderError: No stakeholder has that id.
        """
        try:
            found: Stakeholder = self._index.stakeholders[stakeholder_id]
        except KeyError:
            raise UndefinedStakeholderError(
                f"Initiative {self.id!r}: stakeholder", stakeholder_id, "a defined stakeholder id"
            ) from None
        return found
