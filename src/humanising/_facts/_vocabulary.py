"""The vocabulary of the facts: the enums a case file's values are drawn from.

The terms follow Harcourt and Crepaz-Keay (2023), sections 2-5, and the essay on
Cahn: who takes part in which stage of an initiative, in what capacity and with
how much say; what is produced; which relationships change.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from humanising._facts._codebook import CodebookEntry, Passage


class Defined:
    """What a value means, read from the codebook (``humanising._facts._codebook``), the one place it is written."""

    __slots__ = ()

    @property
    def entry(self) -> CodebookEntry:
        """The value's codebook entry: its definition, example and passage."""
        from humanising._facts._codebook import entry

        return entry(self)

    @property
    def definition(self) -> str:
        """What the value means, anchored so that two coders tell it from its neighbours.

        Example:
            >>> Involvement.CONSULTED.definition
            'Asked for views, feedback or testing; others decide what to do with them.'
        """
        return self.entry.definition

    @property
    def example(self) -> str:
        """A short example of a case coded with the value."""
        return self.entry.example

    @property
    def passage(self) -> Passage | None:
        """The passage of the sources the value rests on, or ``None`` where it is the library's own term."""
        return self.entry.passage


class Term(Defined, enum.StrEnum):
    """A term of the vocabulary: its value is the case-file spelling, its ``words`` the spelling in prose.

    Its ``definition``, ``example`` and ``passage`` come from the codebook (``humanising codebook`` prints it).
    """

    @property
    def words(self) -> str:
        """The term as it reads in a sentence: ``needs_assessment`` is ``needs assessment``."""
        return self.value.replace("_", " ")


class Identity(Term):
    """What a stakeholder is. A stakeholder may be several things at once.

    Example:
        >>> Identity("survivor")
        <Identity.SURVIVOR: 'survivor'>
    """

    SERVICE_USER = "service_user"
    SURVIVOR = "survivor"
    CARER = "carer"
    MENTAL_HEALTH_PROFESSIONAL = "mental_health_professional"
    OTHER_PROFESSIONAL = "other_professional"
    COMMUNITY_MEMBER = "community_member"
    GENERAL_PUBLIC = "general_public"
    ORGANISATION = "organisation"


class Involvement(Term):
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


class Role(Term):
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


class Stage(Term):
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
    ALLOCATION = "allocation"
    RECRUITMENT_TRAINING = "recruitment_training"
    RESEARCH_ADVOCACY = "research_advocacy"
    CARE_DECISIONS = "care_decisions"


_STAGE_ORDER = {stage: position for position, stage in enumerate(Stage)}


def in_stage_order(stages: Iterable[Stage]) -> tuple[Stage, ...]:
    """Stages in the order an initiative goes through them (initiation first), not alphabetically."""
    return tuple(sorted(stages, key=_STAGE_ORDER.__getitem__))


class ProductKind(Term):
    """What kind of thing a product is; ``nothing`` where an initiative produces nothing.

    Example:
        >>> import humanising
        >>> humanising.Product(id="records", name="access to one's records", kind="nothing").is_something
        False
    """

    SERVICE = "service"
    INTERVENTION = "intervention"
    MATERIALS = "materials"
    TRAINING = "training"
    POLICY = "policy"
    NOTHING = "nothing"


class Domain(Term):
    """The service domain a product belongs to.

    Example:
        >>> Domain("housing")
        <Domain.HOUSING: 'housing'>
    """

    MENTAL_HEALTH = "mental_health"
    HOUSING = "housing"
    OTHER = "other"


class Aspect(Term):
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


class Change(Term):
    """What an initiative does to an unequal relationship.

    Example:
        >>> Change("never_arose")
        <Change.NEVER_AROSE: 'never_arose'>
    """

    WIDENS = "widens"
    UNCHANGED = "unchanged"
    NARROWS = "narrows"
    BYPASSED = "bypassed"
    NEVER_AROSE = "never_arose"
    UNKNOWN = "unknown"


class RunBy(Term):
    """Whose lived experience runs an organisation run by and for people with lived experience.

    Example:
        >>> RunBy("survivors").words
        'survivors'
    """

    SERVICE_USERS = "service_users"
    SURVIVORS = "survivors"
    BOTH = "both"


class Claim(Term):
    """Whether a relationship change is an aim of the initiative or an observed result.

    Example:
        >>> Claim("aim")
        <Claim.AIM: 'aim'>
    """

    AIM = "aim"
    OBSERVED = "observed"


class RoleDifferentiation(Term):
    """What happens to the split between those who provide and those who receive.

    Example:
        >>> import humanising
        >>> humanising.casebook.load("east-lille-5").products[0].role_differentiation.value
        <RoleDifferentiation.KEPT: 'kept'>
    """

    KEPT = "kept"
    BROADENED = "broadened"
    DISSOLVED = "dissolved"


class FeatureKind(Term):
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
    CARE_NOT_WITHDRAWN = "care_not_withdrawn"
    TRANSPARENCY = "transparency"
    TIMELY_CARE = "timely_care"
    COMMUNITY_LIFE = "community_life"


class AgendaSetter(Term):
    """Who sets the agenda of an initiative (the essay: not what the institution wants).

    Example:
        >>> import humanising
        >>> humanising.Observations(agenda_set_by="institution").agenda_set_by.value
        <AgendaSetter.INSTITUTION: 'institution'>
    """

    SERVICE_USERS = "service_users"
    SHARED = "shared"
    INSTITUTION = "institution"


class GoalSetter(Term):
    """Who sets the goals of the people an initiative serves.

    Example:
        >>> import humanising
        >>> humanising.Observations(goals_set_by="people_themselves").goals_set_by.value
        <GoalSetter.PEOPLE_THEMSELVES: 'people_themselves'>
    """

    PEOPLE_THEMSELVES = "people_themselves"
    SHARED = "shared"
    PROFESSIONALS = "professionals"


class DissentHandling(Term):
    """What happens when service users criticise, challenge or express anger.

    Example:
        >>> DissentHandling("pathologised")
        <DissentHandling.PATHOLOGISED: 'pathologised'>
    """

    HEARD = "heard"
    MARGINALISED = "marginalised"
    PATHOLOGISED = "pathologised"
    REPHRASED = "rephrased"


class Scale(Term):
    """The scale at which an initiative changes things (the essay: small or large).

    Example:
        >>> import humanising
        >>> humanising.casebook.load("sleepwell").observations.scale.value
        <Scale.SERVICE: 'service'>
    """

    INDIVIDUAL = "individual"
    SERVICE = "service"
    SYSTEM = "system"


class Barrier(Term):
    """A legacy of the old institutions that can co-opt co-production (the essay names four).

    Example:
        >>> [barrier.value for barrier in Barrier][:2]
        ['institutional_resistance', 'restrictive_practice']
    """

    INSTITUTIONAL_RESISTANCE = "institutional_resistance"
    RESTRICTIVE_PRACTICE = "restrictive_practice"
    AVOIDANCE_OF_CHALLENGE = "avoidance_of_challenge"
    DEMAND_TO_CONFORM = "demand_to_conform"


class BarrierOutcome(Term):
    """What an initiative did about a barrier it met, when the barrier did not co-opt it.

    Example:
        >>> BarrierOutcome("bypassed").words
        'bypassed'
    """

    OVERCOME = "overcome"
    BYPASSED = "bypassed"
