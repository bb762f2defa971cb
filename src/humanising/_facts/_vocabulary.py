"""The vocabulary of the facts: the enums a case file's values are drawn from.

The terms follow Harcourt and Crepaz-Keay (2023), sections 2-5, and the essay on
Cahn: who takes part in which stage of an initiative, in what capacity and with
how much say; what is produced; which relationships change.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable


class Term(enum.StrEnum):
    """A term of the vocabulary: its value is the case-file spelling, its ``words`` the spelling in prose."""

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
    """A current or former user of mental-health services."""
    SURVIVOR = "survivor"
    """Someone with lived experience who calls themselves a survivor (the essay's "service users and
    survivors"). Whether they avoided services, the sense of the paper's footnote 1, is the
    stakeholder's ``avoided_services``."""
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
    """Access, a status or a place to live: the paper argues these produce nothing."""


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
    """Social inclusion and stigma."""


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
    """One party is made absent, as in user-run groups: not equalising."""
    NEVER_AROSE = "never_arose"
    """The set-up avoided the gap altogether: not equalising either."""
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
    """Service users and survivors together."""


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
    """Somebody delivers something to someone."""
    BROADENED = "broadened"
    """The providing role is opened to others (host families), but still delivers *to* someone."""
    DISSOLVED = "dissolved"
    """Providers and recipients do the work together."""


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
    """People set their own goals rather than having goals imposed."""
    CARE_NOT_WITHDRAWN = "care_not_withdrawn"
    """Care continues: people are not left to cope alone (the library's name, after the paper's Basaglia passage)."""
    TRANSPARENCY = "transparency"
    TIMELY_CARE = "timely_care"
    COMMUNITY_LIFE = "community_life"
    """Living and taking part in ordinary community life."""


class AgendaSetter(Term):
    """Who sets the agenda of an initiative (the essay: not what the institution wants).

    Example:
        >>> import humanising
        >>> humanising.Observations(agenda_set_by="institution").agenda_set_by.value
        <AgendaSetter.INSTITUTION: 'institution'>
    """

    SERVICE_USERS = "service_users"
    """Service users, survivors, their organisations or communities."""
    SHARED = "shared"
    INSTITUTION = "institution"
    """Clinical or organisational goals drive the agenda."""


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
    """Challenge and confrontation are admitted as part of the process."""
    MARGINALISED = "marginalised"
    PATHOLOGISED = "pathologised"
    """Read as a symptom rather than as a view."""
    REPHRASED = "rephrased"
    """Translated or modified by professionals before it counts."""


class Scale(Term):
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
    """Worked through: the barrier was met inside the initiative and answered there."""
    BYPASSED = "bypassed"
    """Gone around: the initiative went ahead without those who put the barrier up."""
