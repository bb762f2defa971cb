"""Equalising and humanising, and the four quadrants they make.

The paper's conclusion (section 5) separates initiatives that equalise a
relationship (between service users and professionals, inhabitants, other
services, or the non-clinical population) from those that show respect and
humanity in design or delivery, and closes on the hypothesis that humanising is
not always equalising.
"""

from __future__ import annotations

import enum

from humanising._facts import Change, FeatureKind, Initiative, Relationship
from humanising._facts._paths import FactPath
from humanising._facts._unknown import UNKNOWN
from humanising._reasoning._evidence import EvidenceItem
from humanising._reasoning._logic import Judgement
from humanising._reasoning._verdict import Fit, RawCriterion, Status, Verdict, criterion
from humanising.exceptions import NotAnInitiativeError

_HUMANISING_FEATURES_PATH = FactPath("humanising_features")

# Enum members are slow to look up on Python 3.11 (its EnumType defines __getattr__),
# so the ones used while judging are bound once here.
_NARROWS = Change.NARROWS
_CHANGE_UNKNOWN = Change.UNKNOWN
_DOES_NOT_FIT = Fit.DOES_NOT_FIT
_FITS = Fit.FITS
_STATUS_UNKNOWN = Status.UNKNOWN

HUMANISES = "humanises"


def equalises(initiative: Initiative) -> tuple[Relationship, ...]:
    """The relationships an initiative narrows, as an aim or as an observed result.

    Relationships that are ``bypassed`` (one party made absent) or that ``never_arose``
    are not equalised, and neither are unchanged, widened or unknown ones.

    Args:
        initiative: The initiative.

    Returns:
        The narrowed relationships, in a stable order; empty when it equalises nothing.

    Example:
        >>> import humanising
        >>> [r.between for r in equalises(humanising.casebook.load("east-lille-4"))]
        [('patients', 'professionals')]
    """
    if not isinstance(initiative, Initiative):
        raise NotAnInitiativeError("equalises", initiative)
    narrowed = [r for r in initiative.relationships if r.change is _NARROWS]
    if len(narrowed) > 1:
        narrowed.sort(key=_relationship_order)
    return tuple(narrowed)


def _relationship_order(relationship: Relationship) -> tuple[str, ...]:
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


def _render_feature(_status: Status, kind: str, description: str, hedge: str) -> str:
    return f"It shows respect and humanity through {kind}: {description}{hedge}."


def _render_features(status: Status) -> str:
    if status is _STATUS_UNKNOWN:
        return "Whether it shows respect and humanity in design or delivery is unknown."
    return "No feature showing respect and humanity in design or delivery is recorded."


def humanises(initiative: Initiative) -> Verdict:
    """Whether an initiative shows respect and humanity in design or delivery.

    Each recorded humanising feature (dignity, privacy, less intrusion or
    coercion, felt safety, people setting their own goals, care not withdrawn,
    ...) is a met criterion named after its kind, with its basis repeated. The
    verdict fits when there is at least one, does not fit when the features are
    known to be none, and is undetermined when they are unknown.

    Args:
        initiative: The initiative.

    Returns:
        A verdict of the same shape as the models', with model id ``humanises``.

    Example:
        >>> import humanising
        >>> humanises(humanising.casebook.load("sleepwell")).fit.value
        'fits'
    """
    if not isinstance(initiative, Initiative):
        raise NotAnInitiativeError("humanises", initiative)
    features = initiative.humanising_features.value
    notes: tuple[str, ...] = ()
    if initiative.compulsion.value is True:
        notes = (f"Compulsion remains part of it{initiative.compulsion.hedge}.",)
    if features is UNKNOWN or not features:
        judgement: Judgement = (
            (None, (EvidenceItem(_HUMANISING_FEATURES_PATH, UNKNOWN),)) if features is UNKNOWN else (False, ())
        )
        return Verdict.judge(
            HUMANISES,
            (criterion("features", judgement, _render_features, facts=(_HUMANISING_FEATURES_PATH,)),),
            notes=notes,
        )
    results: list[RawCriterion] = []
    seen: dict[str, int] = {}
    for feature in sorted(features, key=lambda f: (f.kind, f.description)):
        count = seen[feature.kind] = seen.get(feature.kind, 0) + 1
        results.append(
            criterion(
                str(feature.kind) if count == 1 else f"{feature.kind}_{count}",
                (True, ()),
                _render_feature,
                _FEATURE_WORDS[feature.kind],
                feature.description,
                feature.basis.hedge,
                facts=(_HUMANISING_FEATURES_PATH,),
            )
        )
    return Verdict.judge(HUMANISES, tuple(results), notes=notes)


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
    NEITHER = "neither"
    UNDETERMINED = "undetermined"


def quadrant(initiative: Initiative) -> Quadrant:
    """Place an initiative in one of the four quadrants, or ``undetermined``.

    It equalises when it narrows at least one relationship; it does not when it
    narrows none and no relationship's change is unknown. It humanises when the
    ``humanises`` verdict fits. Either side unknown leaves the quadrant undetermined.

    Example:
        >>> import humanising
        >>> quadrant(humanising.casebook.load("sleepwell")).value
        'humanising only'
    """
    if not isinstance(initiative, Initiative):
        raise NotAnInitiativeError("quadrant", initiative)
    return quadrant_of(initiative, equalises(initiative), humanises(initiative))


def quadrant_of(initiative: Initiative, narrowed: tuple[Relationship, ...], humanising: Verdict) -> Quadrant:
    """The quadrant, from an already computed ``equalises`` and ``humanises``."""
    if narrowed:
        equalising: bool | None = True
    elif any(r.change is _CHANGE_UNKNOWN for r in initiative.relationships):
        equalising = None
    else:
        equalising = False
    if equalising is None or humanising.fit not in (_FITS, _DOES_NOT_FIT):
        return Quadrant.UNDETERMINED
    if humanising.fit is _FITS:
        return Quadrant.EQUALISING_AND_HUMANISING if equalising else Quadrant.HUMANISING_ONLY
    return Quadrant.EQUALISING_ONLY if equalising else Quadrant.NEITHER
