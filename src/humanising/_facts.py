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
    """What a stakeholder is. A stakeholder may be several things at once."""

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
    """A part a stakeholder plays in the initiative, independent of identity."""

    CLIENT = "client"
    DESIGNER = "designer"
    DELIVERER = "deliverer"
    EVALUATOR = "evaluator"
    FUNDER = "funder"
    ALLOCATOR = "allocator"
    END_USER = "end_user"
    AUDIENCE = "audience"


class Stage(enum.StrEnum):
    """A stage of an initiative. An initiative need not have all of them."""

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


class ProductKind(enum.StrEnum):
    """What kind of thing a product is; ``nothing`` where an initiative produces nothing."""

    SERVICE = "service"
    INTERVENTION = "intervention"
    MATERIALS = "materials"
    TRAINING = "training"
    POLICY = "policy"
    NOTHING = "nothing"
    """Access, a status or a place to live: the paper argues these produce nothing."""


class Domain(enum.StrEnum):
    """The service domain a product belongs to."""

    MENTAL_HEALTH = "mental_health"
    HOUSING = "housing"
    OTHER = "other"


class Aspect(enum.StrEnum):
    """The respect in which a relationship is unequal."""

    POWER = "power"
    KNOWLEDGE = "knowledge"
    INFORMATION = "information"
    PRESTIGE = "prestige"
    SOCIAL_INCLUSION = "social_inclusion"
    """Social inclusion and stigma."""


class Change(enum.StrEnum):
    """What an initiative does to an unequal relationship."""

    WIDENS = "widens"
    UNCHANGED = "unchanged"
    NARROWS = "narrows"
    BYPASSED = "bypassed"
    """One party is made absent, as in user-run groups: not equalising."""
    NEVER_AROSE = "never_arose"
    """The set-up avoided the gap altogether: not equalising either."""
    UNKNOWN = "unknown"


class Claim(enum.StrEnum):
    """Whether a relationship change is an aim of the initiative or an observed result."""

    AIM = "aim"
    OBSERVED = "observed"


class RoleDifferentiation(enum.StrEnum):
    """What happens to the split between those who provide and those who receive."""

    KEPT = "kept"
    """Somebody delivers something to someone."""
    BROADENED = "broadened"
    """The providing role is opened to others (host families), but still delivers *to* someone."""
    DISSOLVED = "dissolved"
    """Providers and recipients do the work together."""


class FeatureKind(enum.StrEnum):
    """A way in which care shows respect and humanity (paper, section 5)."""

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


# --- converters and validators: each error names the field, what was expected and the value.

_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")


def _expected_one_of(enum_type: type[enum.Enum], *extra: str) -> str:
    return "one of " + ", ".join([*(str(member.value) for member in enum_type), *extra])


def _to_enum(enum_type: type[E], where: str, value: object) -> E:
    if isinstance(value, enum_type):
        return value
    try:
        return enum_type(value)
    except ValueError:
        raise InvalidFactError(where, value, _expected_one_of(enum_type)) from None


def _to_enum_or_unknown(enum_type: type[E], where: str, value: object) -> E | Unknown:
    if value is UNKNOWN or value == "unknown":
        return UNKNOWN
    try:
        return _to_enum(enum_type, where, value)
    except InvalidFactError:
        raise InvalidFactError(where, value, _expected_one_of(enum_type, "unknown")) from None


def _to_enum_set(enum_type: type[E], where: str, values: Iterable[object]) -> frozenset[E]:
    if isinstance(values, str | bytes):
        raise InvalidFactError(where, values, f"a collection of {_expected_one_of(enum_type)}")
    return frozenset(_to_enum(enum_type, where, value) for value in values)


def _to_fact(where: str, check: Callable[[object], object] | None = None) -> Callable[[Any], Fact[Any]]:
    """Accept a bare value or a ``Fact``; check a known value."""

    def convert(value: Any) -> Fact[Any]:
        fact = value if isinstance(value, Fact) else Fact(value)
        if fact.value is not UNKNOWN and check is not None:
            checked = check(fact.value)
            if checked is not fact.value:
                fact = attrs.evolve(fact, value=checked)
        return fact

    return convert


def _check_bool(where: str) -> Callable[[object], object]:
    def check(value: object) -> object:
        if not isinstance(value, bool):
            raise InvalidFactError(where, value, "true, false or unknown")
        return value

    return check


def _check_id(where: str) -> Callable[[Any, Any, str], None]:
    def check(_instance: Any, _attribute: Any, value: str) -> None:
        if not isinstance(value, str) or not _SLUG.match(value):
            raise InvalidFactError(
                where, value, "an id of lower-case letters, digits, '-' or '_' (e.g. 'ward-staff')"
            )

    return check


def _check_text(where: str) -> Callable[[Any, Any, str], None]:
    def check(_instance: Any, _attribute: Any, value: str) -> None:
        if not isinstance(value, str) or not value.strip():
            raise InvalidFactError(where, value, "a non-empty string")

    return check


def _check_str(where: str) -> Callable[[Any, Any, str], None]:
    def check(_instance: Any, _attribute: Any, value: str) -> None:
        if not isinstance(value, str):
            raise InvalidFactError(where, value, "a string")

    return check


def _tuple_of(cls: type[Any], where: str) -> Callable[[Iterable[Any]], tuple[Any, ...]]:
    def convert(values: Iterable[Any]) -> tuple[Any, ...]:
        if isinstance(values, str | bytes | dict):
            raise InvalidFactError(where, values, f"a list of {cls.__name__}")
        items = tuple(values)
        for index, item in enumerate(items):
            if not isinstance(item, cls):
                raise InvalidFactError(f"{where}[{index}]", item, f"a {cls.__name__}")
        return items

    return convert


# --- the facts


@attrs.frozen
class Source:
    """A citation the facts of a case rest on.

    Attributes:
        citation: The reference, e.g. ``Novak et al. (2020), BJPsych Bulletin 44(6)``.
        locator: Where in it, e.g. ``section 4.1``.
    """

    citation: str = attrs.field(validator=_check_text("Source.citation"))
    locator: str = attrs.field(default="", validator=_check_str("Source.locator"))


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
        ...             identities={"organisation"}, user_run=False).user_run.value
        False
    """

    id: str = attrs.field(validator=_check_id("Stakeholder.id"))
    name: str = attrs.field(validator=_check_text("Stakeholder.name"))
    identities: frozenset[Identity] = attrs.field(
        converter=lambda values: _to_enum_set(Identity, "Stakeholder.identities", values)
    )
    roles: frozenset[Role] = attrs.field(
        default=frozenset(), converter=lambda values: _to_enum_set(Role, "Stakeholder.roles", values)
    )
    user_run: Fact[bool] = attrs.field(
        default=Fact(UNKNOWN),
        converter=_to_fact("Stakeholder.user_run", _check_bool("Stakeholder.user_run")),
    )
    note: str = attrs.field(default="", validator=_check_str("Stakeholder.note"))

    @identities.validator
    def _check_identities(self, _attribute: object, value: frozenset[Identity]) -> None:
        if not value:
            raise InvalidFactError(f"Stakeholder.identities of {self.id!r}", value, "at least one identity")

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
    """

    stakeholder: str = attrs.field(validator=_check_id("Participation.stakeholder"))
    stage: Stage = attrs.field(converter=lambda value: _to_enum(Stage, "Participation.stage", value))
    involvement: Involvement | Unknown = attrs.field(
        converter=lambda value: _to_enum_or_unknown(Involvement, "Participation.involvement", value)
    )
    capacity: Identity = attrs.field(converter=lambda value: _to_enum(Identity, "Participation.capacity", value))
    basis: Basis = attrs.field(
        default=Basis.PUBLISHED, converter=lambda value: _to_enum(Basis, "Participation.basis", value)
    )
    note: str = attrs.field(default="", validator=_check_str("Participation.note"))


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
    """

    id: str = attrs.field(validator=_check_id("Product.id"))
    name: str = attrs.field(validator=_check_text("Product.name"))
    kind: ProductKind = attrs.field(converter=lambda value: _to_enum(ProductKind, "Product.kind", value))
    domain: Domain | Unknown = attrs.field(
        default=UNKNOWN, converter=lambda value: _to_enum_or_unknown(Domain, "Product.domain", value)
    )
    stages: frozenset[Stage] = attrs.field(
        default=_PRODUCING_STAGES, converter=lambda values: _to_enum_set(Stage, "Product.stages", values)
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
    """

    between: tuple[str, str] = attrs.field(converter=tuple)
    aspect: Aspect = attrs.field(converter=lambda value: _to_enum(Aspect, "Relationship.aspect", value))
    change: Change = attrs.field(converter=lambda value: _to_enum(Change, "Relationship.change", value))
    claim: Claim = attrs.field(
        default=Claim.OBSERVED, converter=lambda value: _to_enum(Claim, "Relationship.claim", value)
    )
    basis: Basis = attrs.field(
        default=Basis.PUBLISHED, converter=lambda value: _to_enum(Basis, "Relationship.basis", value)
    )
    note: str = attrs.field(default="", validator=_check_str("Relationship.note"))

    @between.validator
    def _check_between(self, _attribute: object, value: tuple[str, ...]) -> None:
        if len(value) != 2 or value[0] == value[1] or not all(isinstance(v, str) for v in value):
            raise InvalidFactError("Relationship.between", value, "two different stakeholder ids")

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
    """

    description: str = attrs.field(validator=_check_text("Revision.description"))
    answers: frozenset[str] = attrs.field(converter=frozenset)
    basis: Basis = attrs.field(
        default=Basis.PUBLISHED, converter=lambda value: _to_enum(Basis, "Revision.basis", value)
    )


@attrs.frozen
class FailedPartnership:
    """A partnership that was sought but not established.

    Attributes:
        partner: Id of the stakeholder a partnership was sought with.
        why: Why it failed, as far as is known.
        basis: What the fact rests on.
    """

    partner: str = attrs.field(validator=_check_id("FailedPartnership.partner"))
    why: str = attrs.field(validator=_check_text("FailedPartnership.why"))
    basis: Basis = attrs.field(
        default=Basis.PUBLISHED, converter=lambda value: _to_enum(Basis, "FailedPartnership.basis", value)
    )


@attrs.frozen
class HumanisingFeature:
    """A way in which the initiative shows respect and humanity in design or delivery.

    Attributes:
        kind: Which kind of feature.
        description: What it is in this initiative.
        basis: What the fact rests on.
    """

    kind: FeatureKind = attrs.field(converter=lambda value: _to_enum(FeatureKind, "HumanisingFeature.kind", value))
    description: str = attrs.field(validator=_check_text("HumanisingFeature.description"))
    basis: Basis = attrs.field(
        default=Basis.PUBLISHED, converter=lambda value: _to_enum(Basis, "HumanisingFeature.basis", value)
    )


def _bool_fact(where: str) -> Any:
    return attrs.field(default=Fact(UNKNOWN), converter=_to_fact(where, _check_bool(where)))


@attrs.frozen
class Evidence:
    """The evidence-based-practice steps an initiative took.

    Attributes:
        question_by_topic_experts: Topic experts identified a clinical question or problem.
        literature_searched: Existing research was searched and appraised (finding little or none still counts).
        evidence_applied: The evidence was applied to practice (it drove the case for change).
        outcomes_evaluated: Outcomes were evaluated, e.g. in a pilot.
    """

    question_by_topic_experts: Fact[bool] = _bool_fact("Evidence.question_by_topic_experts")
    literature_searched: Fact[bool] = _bool_fact("Evidence.literature_searched")
    evidence_applied: Fact[bool] = _bool_fact("Evidence.evidence_applied")
    outcomes_evaluated: Fact[bool] = _bool_fact("Evidence.outcomes_evaluated")


def _check_revisions(value: object) -> object:
    return _tuple_of(Revision, "DesignProcess.revisions")(value)  # type: ignore[arg-type]


@attrs.frozen
class DesignProcess:
    """How the initiative was designed.

    Attributes:
        end_user_research: Research with end users to understand their needs before design.
        ideation: Ideas were generated to address those needs.
        prototyping: Prototypes or pilots tested the design before it was finalised.
        revisions: The revisions made, each with whose concerns it answered.
    """

    end_user_research: Fact[bool] = _bool_fact("DesignProcess.end_user_research")
    ideation: Fact[bool] = _bool_fact("DesignProcess.ideation")
    prototyping: Fact[bool] = _bool_fact("DesignProcess.prototyping")
    revisions: Fact[tuple[Revision, ...]] = attrs.field(
        default=Fact(UNKNOWN), converter=_to_fact("DesignProcess.revisions", _check_revisions)
    )


def _check_role_differentiation(value: object) -> object:
    return _to_enum(RoleDifferentiation, "Initiative.role_differentiation", value)


def _check_features(value: object) -> object:
    return _tuple_of(HumanisingFeature, "Initiative.humanising_features")(value)  # type: ignore[arg-type]


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
        parts: The innovations of a programme, each an initiative in its own right.
    """

    id: str = attrs.field(validator=_check_id("Initiative.id"))
    name: str = attrs.field(validator=_check_text("Initiative.name"))
    summary: str = attrs.field(default="", validator=_check_str("Initiative.summary"))
    place: str = attrs.field(default="", validator=_check_str("Initiative.place"))
    period: str = attrs.field(default="", validator=_check_str("Initiative.period"))
    illustrative: bool = False
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_tuple_of(Source, "Initiative.sources"))
    stakeholders: tuple[Stakeholder, ...] = attrs.field(
        default=(), converter=_tuple_of(Stakeholder, "Initiative.stakeholders")
    )
    products: tuple[Product, ...] = attrs.field(default=(), converter=_tuple_of(Product, "Initiative.products"))
    participations: tuple[Participation, ...] = attrs.field(
        default=(), converter=_tuple_of(Participation, "Initiative.participations")
    )
    relationships: tuple[Relationship, ...] = attrs.field(
        default=(), converter=_tuple_of(Relationship, "Initiative.relationships")
    )
    evidence: Evidence = attrs.field(factory=Evidence)
    design_process: DesignProcess = attrs.field(factory=DesignProcess)
    role_differentiation: Fact[RoleDifferentiation] = attrs.field(
        default=Fact(UNKNOWN), converter=_to_fact("Initiative.role_differentiation", _check_role_differentiation)
    )
    compulsion: Fact[bool] = _bool_fact("Initiative.compulsion")
    paid_employment: Fact[bool] = _bool_fact("Initiative.paid_employment")
    user_knowledge_shapes_product: Fact[bool] = _bool_fact("Initiative.user_knowledge_shapes_product")
    humanising_features: Fact[tuple[HumanisingFeature, ...]] = attrs.field(
        default=Fact(UNKNOWN), converter=_to_fact("Initiative.humanising_features", _check_features)
    )
    failed_partnerships: tuple[FailedPartnership, ...] = attrs.field(
        default=(), converter=_tuple_of(FailedPartnership, "Initiative.failed_partnerships")
    )
    parts: tuple[Initiative, ...] = attrs.field(default=(), converter=_tuple_of(object, "Initiative.parts"))

    def __attrs_post_init__(self) -> None:
        where = f"Initiative {self.id!r}"
        _unique(f"{where}: stakeholders[].id", (s.id for s in self.stakeholders))
        _unique(f"{where}: products[].id", (p.id for p in self.products))
        _unique(f"{where}: parts[].id", (self.id, *(p.id for p in self.parts)))
        for index, part in enumerate(self.parts):
            if not isinstance(part, Initiative):
                raise InvalidFactError(f"{where}: parts[{index}]", part, "an Initiative")
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
                    f"{where}: {field}.capacity", participation.capacity.value, f"one of {participation.stakeholder!r}'s identities ({have})"
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
            return self._index.stakeholders[stakeholder_id]
        except KeyError:
            raise UndefinedStakeholderError(
                f"Initiative {self.id!r}: stakeholder", stakeholder_id, "a defined stakeholder id"
            ) from None
