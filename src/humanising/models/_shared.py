"""Pieces several models share: wording helpers and the criteria two models both check.

Wording helpers run only when a reason is read, never while judging.
"""

from __future__ import annotations

from collections.abc import Iterable

from humanising._facts import (
    Basis,
    Identity,
    Initiative,
    Involvement,
    Participation,
    Product,
    RoleDifferentiation,
    Stage,
    Stakeholder,
)
from humanising._facts._paths import FactPath
from humanising._facts._unknown import UNKNOWN
from humanising._reasoning._index import Index, Sides, index_of, participation_path
from humanising._reasoning._logic import FALSE, TRUE, Judgement
from humanising._reasoning._registry import CriterionSpec
from humanising._reasoning._verdict import RawCriterion, Status, criterion

_PRODUCTS_PATH = FactPath("products")

# Enum members are slow to look up on Python 3.11 (its EnumType defines __getattr__),
# so the ones used while judging are bound once here.
_BROADENED = RoleDifferentiation.BROADENED
_KEPT = RoleDifferentiation.KEPT
_MET = Status.MET
_STATUS_UNKNOWN = Status.UNKNOWN
_SERVICE_USER = Identity.SERVICE_USER

PAPER = "Harcourt and Crepaz-Keay (2023), Co-Production is Good, but Other Things are Good Too"

_STAGE_WORDS = {stage: stage.words for stage in Stage}


def stage_names(stages: Iterable[Stage]) -> str:
    """``design, delivery and allocation``."""
    names = [_STAGE_WORDS[stage] for stage in stages]
    if not names:
        return "no stage"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def is_service_user(stakeholder: Stakeholder) -> bool:
    """A service user, or an organisation run by and for service users."""
    return _SERVICE_USER in stakeholder.identities or stakeholder.user_run.value is True


def seat_phrase(index: Index, participation: Participation) -> str:
    """``in-patients: consulted at evaluation (as far as can be told)``."""
    level = "unknown involvement" if participation.involvement is UNKNOWN else str(participation.involvement)
    name = index.stakeholders[participation.stakeholder].name
    return f"{name}: {level} at {_STAGE_WORDS[participation.stage]}{participation.basis.hedge}"


def seat_phrases(index: Index, participations: Iterable[Participation]) -> str:
    """Every participation's phrase, joined; ``no recorded participation`` when there is none."""
    return "; ".join(seat_phrase(index, p) for p in participations) or "no recorded participation"


_WEAKNESS = {Basis.PUBLISHED: 0, Basis.HEDGED: 1, Basis.INFORMAL: 2, Basis.INFERRED: 3}
"""How weak a basis is: a hedged source, then an informal report, then the case author's inference."""


def weakest_hedge(participations: Iterable[Participation]) -> str:
    """The hedge of the weakest basis among ``participations`` (empty when all are published)."""
    weakest = max((p.basis for p in participations), key=_WEAKNESS.__getitem__, default=Basis.PUBLISHED)
    return weakest.hedge


def voiced(index: Index, stages: Iterable[Stage], sides: Sides, level: Involvement) -> tuple[Participation, ...]:
    """The participations at ``stages``, acting on one of ``sides``, known to have at least ``level`` of say."""
    return tuple(
        p for p in seats_on(index, stages, sides) if p.involvement is not UNKNOWN and p.involvement.at_least(level)
    )


def seats_on(index: Index, stages: Iterable[Stage], sides: Sides) -> tuple[Participation, ...]:
    """The participations at ``stages`` acting (possibly) on one of ``sides``."""
    return tuple(p for stage in stages for p in index.seats(stage, sides))


def paths(participations: Iterable[Participation]) -> tuple[FactPath, ...]:
    """The fact paths of participations."""
    return tuple(participation_path(p) for p in participations)


def _render_produces(status: Status, products: tuple[Product, ...]) -> str:
    if status is _STATUS_UNKNOWN:
        return "No product is recorded, so whether anything is produced is unknown."
    names = "; ".join(_product_phrase(product) for product in products)
    if status is _MET:
        return f"Something is produced: {names}."
    return (
        f"Nothing is produced: {names}. Access, a status or a place to live is not a product, "
        "so it cannot be co-produced (paper, section 4.3)."
    )


def produces(initiative: Initiative) -> RawCriterion:
    """Essential to co-production: something is produced (worked out once per initiative)."""
    index = index_of(initiative)
    found = index.produces
    if found is None:
        found = index.produces = _produces(initiative)
    return found


PRODUCES = CriterionSpec("produces", True, "Something is produced, not merely access, a status or a place to live.")
"""Essential to co-production and to its gold standard alike."""


def _produces(initiative: Initiative) -> RawCriterion:
    products = initiative.products
    if not products:
        return criterion(PRODUCES, (None, (_PRODUCTS_PATH,)), _render_produces, ())
    something = tuple(product for product in products if product.is_something)
    shown = tuple(sorted(something or products, key=lambda product: product.id))
    return criterion(
        PRODUCES,
        TRUE if something else FALSE,
        _render_produces,
        shown,
        facts=lambda: tuple(FactPath.product(product.id) for product in shown),
    )


def _product_phrase(product: Product) -> str:
    if not product.is_something:
        return f"{product.name} (nothing)"
    domain = "domain unknown" if product.domain is UNKNOWN else product.domain.words
    return f"{product.name} ({product.kind}, {domain})"


def _render_roles_kept(status: Status, value: object, hedge: str) -> str:
    if status is _MET:
        return f"Role differentiation is {value}{hedge}: providers and service users do the work together."
    if status is _STATUS_UNKNOWN:
        return "Whether providers deliver to service users who only receive (role differentiation) is unknown."
    return (
        f"Role differentiation is {value}{hedge}: somebody delivers something to someone, "
        "rather than doing it with them (paper, section 4.3)."
    )


_ROLES_FACTS = (FactPath("role_differentiation"),)
_ROLES_UNKNOWN: Judgement = (None, _ROLES_FACTS)


def roles_not_kept(initiative: Initiative, declared: CriterionSpec) -> RawCriterion:
    """'Doing with', not delivering to: role differentiation is dissolved, not kept or broadened."""
    fact = initiative.role_differentiation
    value = fact.value
    kept = value is _KEPT or value is _BROADENED
    judgement = _ROLES_UNKNOWN if value is UNKNOWN else FALSE if kept else TRUE
    return criterion(declared, judgement, _render_roles_kept, value, fact.hedge, facts=_ROLES_FACTS)
