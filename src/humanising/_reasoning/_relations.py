"""Equalising and humanising, and the quadrants they make.

The paper's conclusion (section 5) separates initiatives that equalise a
relationship (between service users and professionals, inhabitants, other
services, or the non-clinical population) from those that show respect and
humanity in design or delivery, and closes on the hypothesis that humanising is
not always equalising. Here: the kind of each relationship, read from its
parties; what an initiative does to its relationships (an aim or a result, or
going beyond equalising); Basaglia's two sides as the criteria of humanising;
and the quadrants, on the independent and the nested reading of the hypothesis.
"""

from __future__ import annotations

import enum

from humanising._facts import (
    Change,
    Claim,
    Domain,
    FeatureKind,
    GoalSetter,
    HumanisingFeature,
    Identity,
    Initiative,
    Relationship,
    Stakeholder,
)
from humanising._facts._paths import FactPath
from humanising._facts._unknown import UNKNOWN, Unknown
from humanising._reasoning._evidence import EvidenceItem
from humanising._reasoning._logic import Judgement
from humanising._reasoning._verdict import Fit, RawCriterion, Status, Verdict, criterion
from humanising.exceptions import NotAnInitiativeError

_HUMANISING_FEATURES_PATH = FactPath("humanising_features")

# Enum members are slow to look up on Python 3.11 (its EnumType defines __getattr__),
# so the ones used while judging are bound once here.
_NARROWS = Change.NARROWS
_BYPASSED = Change.BYPASSED
_OBSERVED = Claim.OBSERVED
_CHANGE_UNKNOWN = Change.UNKNOWN
_DOES_NOT_FIT = Fit.DOES_NOT_FIT
_FITS = Fit.FITS
_PARTLY = Fit.PARTLY
_STATUS_UNKNOWN = Status.UNKNOWN

HUMANISES = "humanises"


class RelationshipKind(enum.StrEnum):
    """Which of the relationships the paper names a relationship is, derived from its two parties.

    The paper's conclusion (section 5) names the relationship co-production is "fundamentally
    about", between service users and clinicians or other mental-health professionals, and others
    "it is good to equalise too": with a local population, with services other than mental-health
    services; and its reading of East Lille 6 and 8 adds the clinical and non-clinical populations
    (section 4.3). The kind is not a fact of the case file: ``relationship_kind`` reads it from the
    parties' identities, and it is ``other`` when they fit none of these.

    Example:
        >>> import humanising
        >>> case = humanising.casebook.load("east-lille-1")
        >>> humanising.relationship_kind(case, case.relationships[0]).words
        'service users and the local population'
    """

    SERVICE_USERS_AND_PROFESSIONALS = "service_users_and_professionals"
    """Service users, and clinicians or other mental-health professionals (or a mental-health service)."""
    SERVICE_USERS_AND_LOCAL_POPULATION = "service_users_and_local_population"
    """Service users, and members of a local population who are neither (inhabitants, non-patients)."""
    SERVICE_USERS_AND_OTHER_SERVICES = "service_users_and_other_services"
    """Service users, and a service other than mental health (a housing service)."""
    CLINICAL_AND_NON_CLINICAL = "clinical_and_non_clinical"
    """The clinical population, and the non-clinical population as a whole (the general public)."""
    OTHER = "other"
    """None of these can be derived from the parties: service users with each other, carers, survivors, a consultant."""

    @property
    def words(self) -> str:
        """The kind as it reads in a sentence."""
        return _KIND_WORDS[self]


_KIND_WORDS = {
    RelationshipKind.SERVICE_USERS_AND_PROFESSIONALS: "service users and mental-health professionals",
    RelationshipKind.SERVICE_USERS_AND_LOCAL_POPULATION: "service users and the local population",
    RelationshipKind.SERVICE_USERS_AND_OTHER_SERVICES: "service users and other services",
    RelationshipKind.CLINICAL_AND_NON_CLINICAL: "clinical and non-clinical populations",
    RelationshipKind.OTHER: "other",
}

_PROVIDES_A_SERVICE = frozenset({Identity.ORGANISATION, Identity.OTHER_PROFESSIONAL})


def _counterpart(stakeholder: Stakeholder) -> RelationshipKind | None:
    """Which kind a relationship of service users with this stakeholder is, or ``None`` when none or several."""
    if Identity.SERVICE_USER in stakeholder.identities or stakeholder.user_run.value is True:
        return None  # service users with service users (peers, a user-run body): no kind the paper names
    found: set[RelationshipKind] = set()
    identities = stakeholder.identities
    if Identity.MENTAL_HEALTH_PROFESSIONAL in identities:
        found.add(RelationshipKind.SERVICE_USERS_AND_PROFESSIONALS)
    if identities & _PROVIDES_A_SERVICE and stakeholder.domain is not None:
        found.add(
            RelationshipKind.SERVICE_USERS_AND_PROFESSIONALS
            if stakeholder.domain is Domain.MENTAL_HEALTH
            else RelationshipKind.SERVICE_USERS_AND_OTHER_SERVICES
        )
    if Identity.COMMUNITY_MEMBER in identities:
        found.add(RelationshipKind.SERVICE_USERS_AND_LOCAL_POPULATION)
    if Identity.GENERAL_PUBLIC in identities:
        found.add(RelationshipKind.CLINICAL_AND_NON_CLINICAL)
    return next(iter(found)) if len(found) == 1 else None


def relationship_kind(initiative: Initiative, relationship: Relationship) -> RelationshipKind:
    """Which of the paper's relationships this one is, read from its two parties' identities.

    One party must be a service user (by identity, or an organisation run by and for them) and
    the other not, and the other's identities must point to one kind only: a mental-health
    professional, or an organisation or professional providing a mental-health service
    (``service_users_and_professionals``); one providing any other service, by its ``domain``
    (``service_users_and_other_services``); a community member (``..._local_population``); the
    general public (``clinical_and_non_clinical``). Anything else is ``other``: the library does
    not guess.

    Args:
        initiative: The initiative whose stakeholders the relationship names.
        relationship: One of its relationships.

    Raises:
        UndefinedStakeholderError: A party is not one of the initiative's stakeholders.

    Example:
        >>> import humanising
        >>> case = humanising.casebook.load("east-lille-6")
        >>> [humanising.relationship_kind(case, r).value for r in case.relationships]
        ['clinical_and_non_clinical', 'service_users_and_other_services']
    """
    if not isinstance(initiative, Initiative):
        raise NotAnInitiativeError("relationship_kind", initiative)
    first, second = (initiative.stakeholder(party) for party in relationship.between)
    kinds = {
        kind
        for user, other in ((first, second), (second, first))
        if Identity.SERVICE_USER in user.identities or user.user_run.value is True
        for kind in (_counterpart(other),)
        if kind is not None
    }
    return next(iter(kinds)) if len(kinds) == 1 else RelationshipKind.OTHER


def equalises(initiative: Initiative, *, claim: Claim | str | None = None) -> tuple[Relationship, ...]:
    """The relationships an initiative narrows, as an aim or as an observed result.

    Relationships that are ``bypassed`` (one party made absent: see ``exceeds_equalising``) or
    that ``never_arose`` are not equalised, and neither are unchanged, widened or unknown ones.

    Args:
        initiative: The initiative.
        claim: Only the narrowings of this claim: ``observed`` for the results, ``aim`` for the
            ambitions; by default both. An aim is never an observed narrowing.

    Returns:
        The narrowed relationships, in a stable order; empty when it equalises nothing.

    Example:
        >>> import humanising
        >>> case = humanising.casebook.load("east-lille-4")
        >>> [r.between for r in equalises(case)], equalises(case, claim="observed")
        ([('patients', 'professionals')], ())
    """
    if not isinstance(initiative, Initiative):
        raise NotAnInitiativeError("equalises", initiative)
    wanted = None if claim is None else Claim(claim)
    narrowed = [r for r in initiative.relationships if r.change is _NARROWS and (wanted is None or r.claim is wanted)]
    if len(narrowed) > 1:
        narrowed.sort(key=relationship_order)
    return tuple(narrowed)


def exceeds_equalising(initiative: Initiative) -> tuple[Relationship, ...]:
    """The relationships an initiative goes beyond equalising, by making one party absent (``bypassed``).

    The paper says user-run self-help groups (East Lille 7) exceed "the aspiration of equalising"
    the relationship between service user and professional, "by absenting the mental health
    professional from the scene" (section 4.3). That is not equalising, and not nothing either.

    Example:
        >>> import humanising
        >>> [r.between for r in exceeds_equalising(humanising.casebook.load("east-lille-7"))]
        [('members', 'professionals')]
    """
    if not isinstance(initiative, Initiative):
        raise NotAnInitiativeError("exceeds_equalising", initiative)
    bypassed = [r for r in initiative.relationships if r.change is _BYPASSED]
    if len(bypassed) > 1:
        bypassed.sort(key=relationship_order)
    return tuple(bypassed)


class Equalising(enum.StrEnum):
    """What an initiative does to its unequal relationships, taken together.

    A narrowing observed counts before one only aimed at; either before a relationship
    bypassed; an unknown change leaves it undetermined unless something narrows.

    Example:
        >>> import humanising
        >>> equalising(humanising.casebook.load("east-lille-7"))
        <Equalising.BEYOND: 'beyond equalising (bypassed)'>
    """

    OBSERVED = "equalises (observed)"
    """At least one relationship is observed to narrow."""
    AIM = "equalises (aim)"
    """At least one relationship is aimed to narrow, and none is observed to."""
    BEYOND = "beyond equalising (bypassed)"
    """None narrows, and one party of a relationship is made absent."""
    NONE = "does not equalise"
    """No relationship narrows or is bypassed, and none changes in a way unknown."""
    UNDETERMINED = "undetermined"
    """None is known to narrow, and a change is unknown (or, counting results only, only aims narrow)."""


def equalising(initiative: Initiative, *, observed_only: bool = False) -> Equalising:
    """What an initiative does to its relationships: equalises (observed or aim), goes beyond, neither, or unknown.

    Args:
        initiative: The initiative.
        observed_only: Count results only: a narrowing that is only an aim then leaves it
            undetermined (the aim may or may not have been reached), never "equalises".

    Example:
        >>> import humanising
        >>> case = humanising.casebook.load("east-lille-1")
        >>> equalising(case).value, equalising(case, observed_only=True).value
        ('equalises (aim)', 'undetermined')
    """
    if not isinstance(initiative, Initiative):
        raise NotAnInitiativeError("equalising", initiative)
    return equalising_of(initiative, equalises(initiative), observed_only=observed_only)


def equalising_of(
    initiative: Initiative, narrowed: tuple[Relationship, ...], *, observed_only: bool = False
) -> Equalising:
    """``equalising``, from an already computed ``equalises``."""
    if any(r.claim is _OBSERVED for r in narrowed):
        return Equalising.OBSERVED
    if narrowed:
        return Equalising.UNDETERMINED if observed_only else Equalising.AIM
    changes = {r.change for r in initiative.relationships}
    if _CHANGE_UNKNOWN in changes:
        return Equalising.UNDETERMINED
    return Equalising.BEYOND if _BYPASSED in changes else Equalising.NONE


def relationship_order(relationship: Relationship) -> tuple[str, ...]:
    return (*relationship.between, relationship.aspect, relationship.claim, relationship.basis, relationship.note)


_FEATURE_WORDS = {
    FeatureKind.DIGNITY: "dignity",
    FeatureKind.PRIVACY: "privacy",
    FeatureKind.LESS_INTRUSION: "less intrusion",
    FeatureKind.LESS_COERCION: "less coercion",
    FeatureKind.FELT_SAFETY: "felt safety",
    FeatureKind.OWN_GOALS: "people set their own goals",
    FeatureKind.CARE_NOT_WITHDRAWN: "care not withdrawn",
    FeatureKind.TRANSPARENCY: "transparency",
    FeatureKind.TIMELY_CARE: "timely care",
    FeatureKind.COMMUNITY_LIFE: "ordinary community life",
}


_CARE = "care"
_NO_IMPOSED_OBJECTIVES = "no_imposed_objectives"
_COMPULSION_PATH = FactPath("compulsion")
_GOALS_PATH = FactPath("observations", "goals_set_by")
_BY_PEOPLE: dict[object, str] = {  # the setters left once compulsion and professionals are ruled out
    GoalSetter.PEOPLE_THEMSELVES: "people set their own goals",
    GoalSetter.SHARED: "people set their goals together with others",
}


def _render_care(status: Status, features: tuple[str, ...]) -> str:
    if status is _STATUS_UNKNOWN:
        return "Whether it shows respect and humanity in design or delivery is unknown."
    if not features:
        return "No feature showing respect and humanity in design or delivery is recorded."
    return f"It takes care of people, showing respect and humanity through {'; '.join(features)}."


def _render_objectives(status: Status, reasons: tuple[str, ...]) -> str:
    if status is _STATUS_UNKNOWN:
        return (
            "Whether it avoids controlling people and imposing preconceived objectives on them is unknown "
            f"(not recorded: {'; '.join(reasons)})."
        )
    return " ".join(reasons)


def _care(features: tuple[HumanisingFeature, ...] | Unknown) -> RawCriterion:
    """Basaglia's first side: the person is taken care of (every recorded feature is a feature of care given)."""
    if features is UNKNOWN:
        judgement: Judgement = (None, (EvidenceItem(_HUMANISING_FEATURES_PATH, UNKNOWN),))
        words: tuple[str, ...] = ()
    else:
        judgement = (bool(features), ())
        words = tuple(
            f"{_FEATURE_WORDS[f.kind]}: {f.description}{f.basis.hedge}"
            for f in sorted(features, key=lambda f: (f.kind, f.description))
        )
    return criterion(_CARE, judgement, _render_care, words, facts=(_HUMANISING_FEATURES_PATH,))


def _no_imposed_objectives(initiative: Initiative) -> RawCriterion:
    """Basaglia's second side, qualifying: no compulsion, and people's goals are not set for them.

    Unmet when compulsion remains or professionals set the goals; met only when compulsion is
    known to be absent and people set their goals themselves (or with others); else unknown, so
    that no fact filled in later can turn a met side unmet.
    """
    compulsion = initiative.compulsion
    goals = initiative.observations.goals_set_by
    facts = (_COMPULSION_PATH, _GOALS_PATH)
    failed: list[str] = []
    if compulsion.value is True:
        failed.append(f"Compulsion remains part of it{compulsion.hedge}: people are still controlled.")
    if goals.value is GoalSetter.PROFESSIONALS:
        failed.append(f"Professionals set the goals of the people it serves{goals.hedge}: objectives are imposed.")
    if failed:
        return criterion(
            _NO_IMPOSED_OBJECTIVES, (False, ()), _render_objectives, tuple(failed), essential=False, facts=facts
        )
    open_: list[str] = []
    unknown: list[EvidenceItem] = []
    if compulsion.value is UNKNOWN:
        open_.append("whether compulsion remains part of it")
        unknown.append(EvidenceItem(_COMPULSION_PATH, UNKNOWN))
    if goals.value is UNKNOWN:
        open_.append("who sets the goals of the people it serves")
        unknown.append(EvidenceItem(_GOALS_PATH, UNKNOWN))
    if unknown:
        return criterion(
            _NO_IMPOSED_OBJECTIVES,
            (None, tuple(unknown)),
            _render_objectives,
            tuple(open_),
            essential=False,
            facts=facts,
        )
    held = (
        f"No compulsion is part of it{compulsion.hedge}, and {_BY_PEOPLE[goals.value]}{goals.hedge}: "
        "people are neither controlled nor given objectives set for them."
    )
    return criterion(_NO_IMPOSED_OBJECTIVES, (True, ()), _render_objectives, (held,), essential=False, facts=facts)


def humanises(initiative: Initiative) -> Verdict:
    """Whether an initiative shows respect and humanity in design or delivery, by Basaglia's two sides.

    The paper (section 5) quotes a sentence it attributes to Basaglia, through Roelandt et al.:
    taking care of a person, not leaving them to their own devices, and at the same time not
    controlling them or imposing preconceived therapeutic objectives on them. The two sides are
    its two criteria (their names are the library's):

    - ``care`` (essential): the person is taken care of. Every recorded humanising feature
      (dignity, privacy, less intrusion or coercion, felt safety, people setting their own goals,
      care not withdrawn, ...) is a feature of the care given, and is named with its basis; met
      when there is at least one, unmet when the features are known to be none, unknown when
      they are unknown.
    - ``no_imposed_objectives`` (qualifying): no control, and no objectives imposed. Unmet when
      compulsion remains or professionals set people's goals; met when compulsion is known to be
      absent and people set their own goals (or share in setting them); unknown otherwise. A
      feature such as less intrusion or less coercion is less control, not its absence, so it
      does not meet this side.

    So the verdict fits when both sides are met, is ``partly`` when care is shown but the second
    side fails or is not recorded, and does not fit when no feature of care is recorded.

    Args:
        initiative: The initiative.

    Returns:
        A verdict of the same shape as the models', with model id ``humanises``.

    Example:
        >>> import humanising
        >>> cases = ("illustrative-crisis-service", "east-lille-2")
        >>> [humanises(humanising.casebook.load(case)).fit.value for case in cases]
        ['fits', 'partly']
    """
    if not isinstance(initiative, Initiative):
        raise NotAnInitiativeError("humanises", initiative)
    features = initiative.humanising_features.value
    notes: tuple[str, ...] = ()
    if features is not UNKNOWN and features:
        absent = [
            r
            for r in sorted(initiative.relationships, key=relationship_order)
            if r.change is _BYPASSED
            and relationship_kind(initiative, r) is RelationshipKind.SERVICE_USERS_AND_PROFESSIONALS
        ]
        if absent:
            names = "; ".join(_parties(initiative, r) for r in absent)
            note = (
                f"The mental-health professionals are absent from the scene ({names}, bypassed): "
                "the care recorded is given without them."
            )
            notes = (note,)
    return Verdict.judge(HUMANISES, (_care(features), _no_imposed_objectives(initiative)), notes=notes)


def _parties(initiative: Initiative, relationship: Relationship) -> str:
    return " ↔ ".join(initiative.stakeholder(party).name for party in relationship.between)


class Quadrant(enum.StrEnum):
    """Where an initiative sits between equalising and humanising.

    Example:
        >>> import humanising
        >>> quadrant(humanising.casebook.load("east-lille-8"))
        <Quadrant.UNDETERMINED: 'undetermined'>
    """

    EQUALISING_AND_HUMANISING = "equalising and humanising"
    HUMANISING_ONLY = "humanising only"
    EQUALISING_ONLY = "equalising only"
    """Never on the nested reading, where equalising is a way of humanising."""
    NEITHER = "neither"
    BEYOND_EQUALISING_AND_HUMANISING = "beyond equalising and humanising"
    """Nothing narrows, a relationship is bypassed (one party absent), and it humanises."""
    BEYOND_EQUALISING_ONLY = "beyond equalising only"
    """Nothing narrows, a relationship is bypassed, and it does not humanise."""
    UNDETERMINED = "undetermined"


class HypothesisReading(enum.StrEnum):
    """Two readings of the paper's closing hypothesis, "that humanising isn't always equalising" (section 5).

    Example:
        >>> import humanising
        >>> board = humanising.casebook.load("illustrative-board-seats")
        >>> [quadrant(board, reading=reading).value for reading in HypothesisReading]
        ['equalising only', 'equalising and humanising']
    """

    INDEPENDENT = "independent"
    """Equalising and humanising are two questions; an initiative may do either without the other."""
    NESTED = "nested"
    """Equalising a relationship is one way of showing respect and humanity; humanising need not equalise."""


_EQUALISING_SIDE: dict[Equalising, bool | str | None] = {
    Equalising.OBSERVED: True,
    Equalising.AIM: True,
    Equalising.BEYOND: "beyond",
    Equalising.NONE: False,
    Equalising.UNDETERMINED: None,
}
_CELLS: dict[tuple[bool | str, bool], Quadrant] = {
    (True, True): Quadrant.EQUALISING_AND_HUMANISING,
    (True, False): Quadrant.EQUALISING_ONLY,
    (False, True): Quadrant.HUMANISING_ONLY,
    (False, False): Quadrant.NEITHER,
    ("beyond", True): Quadrant.BEYOND_EQUALISING_AND_HUMANISING,
    ("beyond", False): Quadrant.BEYOND_EQUALISING_ONLY,
}


def humanising_side(humanising: Verdict) -> bool | None:
    """Whether a ``humanises`` verdict puts an initiative on the humanising side: fits or partly, does not fit, unknown.

    ``partly`` counts: care is shown, and the verdict says which side of Basaglia's test is open or fails.
    """
    fit = humanising.fit
    if fit is _FITS or fit is _PARTLY:
        return True
    return False if fit is _DOES_NOT_FIT else None


def quadrant(
    initiative: Initiative,
    *,
    reading: HypothesisReading | str = HypothesisReading.INDEPENDENT,
    observed_only: bool = False,
) -> Quadrant:
    """Place an initiative in a quadrant, or ``undetermined``.

    It equalises when it narrows at least one relationship (as an aim or observed; with
    ``observed_only``, observed only, and an aim alone leaves it undetermined); it goes beyond
    equalising when nothing narrows and a relationship is bypassed; it does not equalise when
    nothing narrows or is bypassed and no change is unknown. It humanises when the ``humanises``
    verdict fits or partly fits. On the ``independent`` reading the two sides make the cell; on the
    ``nested`` reading an initiative that equalises humanises by that alone, so nothing is
    "equalising only". A side that is unknown leaves the quadrant undetermined, except that on the
    nested reading equalising settles humanising.

    Args:
        initiative: The initiative.
        reading: ``independent`` (the default) or ``nested``: see ``HypothesisReading``.
        observed_only: Count only observed narrowings as equalising.

    Example:
        >>> import humanising
        >>> quadrant(humanising.casebook.load("sleepwell")).value
        'humanising only'
        >>> quadrant(humanising.casebook.load("east-lille-7")).value
        'beyond equalising and humanising'
    """
    if not isinstance(initiative, Initiative):
        raise NotAnInitiativeError("quadrant", initiative)
    return quadrant_of(
        equalising(initiative, observed_only=observed_only), humanises(initiative), reading=HypothesisReading(reading)
    )


def quadrant_of(
    outcome: Equalising, humanising: Verdict, *, reading: HypothesisReading = HypothesisReading.INDEPENDENT
) -> Quadrant:
    """The quadrant, from an already computed ``equalising`` outcome and ``humanises`` verdict."""
    side = _EQUALISING_SIDE[outcome]
    if reading is HypothesisReading.NESTED and side is True:
        return Quadrant.EQUALISING_AND_HUMANISING
    human = humanising_side(humanising)
    if side is None or human is None:
        return Quadrant.UNDETERMINED
    return _CELLS[side, human]
