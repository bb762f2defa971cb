"""Pieces several models share: wording helpers and the criteria two models both check.

Wording helpers run only when a reason is read, never while judging.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from humanising._facts import (
    Identity,
    Involvement,
    Participation,
    Product,
    RoleDifferentiation,
    Stage,
    Stakeholder,
)
from humanising._facts._paths import FactPath
from humanising._facts._unknown import UNKNOWN
from humanising._reasoning._evidence import EvidenceItem, Grounds, Wording, stage_names, weakest_basis
from humanising._reasoning._index import Index, Sides, participation_path
from humanising._reasoning._logic import Judgement, all_of, any_of
from humanising._reasoning._look import Look
from humanising._reasoning._registry import CriterionSpec

PAPER = "Harcourt and Crepaz-Keay (2023), Co-Production is Good, but Other Things are Good Too"

_SERVICE_USER = frozenset((Identity.SERVICE_USER,))


def is_service_user(stakeholder: Stakeholder) -> bool:
    """A service user, or an organisation run by and for service users."""
    return bool(_SERVICE_USER & stakeholder.identities) or stakeholder.user_run.value is True


def seat_phrase(index: Index, participation: Participation) -> str:
    """``in-patients: consulted at evaluation (as far as can be told)``."""
    level = "unknown involvement" if participation.involvement is UNKNOWN else str(participation.involvement)
    name = index.stakeholders[participation.stakeholder].name
    return f"{name}: {level} at {participation.stage.words}{participation.basis.hedge}"


def seat_phrases(index: Index, participations: Iterable[Participation]) -> str:
    """Every participation's phrase, joined; ``no recorded participation`` when there is none."""
    return "; ".join(seat_phrase(index, p) for p in participations) or "no recorded participation"


def weakest_hedge(participations: Iterable[Participation]) -> str:
    """The hedge of the weakest basis among ``participations`` (empty when all are published)."""
    basis = weakest_basis(EvidenceItem(participation_path(p), p.involvement, p.basis) for p in participations)
    return "" if basis is None else basis.hedge


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


_PRODUCTS_PATH = FactPath("products")
_NO_PRODUCT = EvidenceItem(_PRODUCTS_PATH, UNKNOWN)


def produces(look: Look) -> Judgement:
    """Something (not ``nothing``) is produced; unknown while no product is recorded.

    Evidence: the products that are something, or every product when none is.
    """
    products = look.index.products
    if not products:
        return (None, (_NO_PRODUCT,) if look.collects else ())
    something = [product for product in products if product.is_something]
    if not look.collects:
        return (bool(something), ())
    shown = sorted(something or products, key=lambda product: product.id)
    return (
        bool(something),
        tuple(EvidenceItem(FactPath.product(p.id).then("kind"), p.kind, p.basis, p.note) for p in shown),
    )


PRODUCES = CriterionSpec(
    "produces",
    True,
    "Something is produced, not merely access, a status or a place to live.",
    source="paper, section 4.3",
    check=produces,
    wording=Wording(
        met="Something is produced: {products}.",
        unmet=(
            "Nothing is produced{hedge}: {products}{note}. Access, a status or a place to live is not a "
            "product, so it cannot be co-produced (paper, section 4.3)."
        ),
        unknown="No product is recorded, so whether anything is produced is unknown.",
    ),
)
"""Essential to co-production and to its gold standard alike."""

_ROLES_PATH = FactPath("role_differentiation")
_ROLES_STEP = "role_differentiation"
_KEPT = RoleDifferentiation.KEPT
_DISSOLVED = RoleDifferentiation.DISSOLVED


def product_roles(look: Look, product: Product) -> Judgement:
    """The role differentiation in delivering ``product``: its own, else the initiative's (the default).

    The judgement's value is the ``RoleDifferentiation`` (``None`` while unknown), with the one fact it read.
    """
    fact = product.role_differentiation
    path = FactPath.product(product.id).then(_ROLES_STEP)
    if fact.value is UNKNOWN:
        fact, path = look.initiative.role_differentiation, _ROLES_PATH
    value = None if fact.value is UNKNOWN else fact.value
    return (value, (EvidenceItem(path, fact.value, fact.basis, fact.note),) if look.collects else ())  # type: ignore[return-value]


def _roles_where(
    look: Look, products: Iterable[Product], holds: Callable[[RoleDifferentiation], bool]
) -> list[Judgement]:
    judged = []
    for product in products:
        value, items = product_roles(look, product)
        judged.append((None if value is None else holds(value), items))  # type: ignore[arg-type]
    if not judged:
        value, items = look.fact(_ROLES_PATH, holds=holds)
        judged.append((value, items))
    return judged


def delivered_with_roles_not_kept(look: Look) -> Judgement:
    """Something delivered is delivered without kept roles: not somebody delivering to someone.

    Read from the products delivered (each one's own role differentiation, else the
    initiative's); with none recorded at delivery, from the initiative's.
    """
    delivered = look.index.products_at.get(Stage.DELIVERY, ())
    return any_of(_roles_where(look, delivered, lambda roles: roles is not _KEPT))


def roles_dissolved(look: Look) -> Judgement:
    """'Doing with', not delivering to: role differentiation is dissolved, not kept or broadened.

    Every product that is something must be delivered with roles dissolved (each one's own
    role differentiation, else the initiative's); with none recorded, the initiative's.
    """
    something = [product for product in look.index.products if product.is_something]
    return all_of(*_roles_where(look, something, lambda roles: roles is _DISSOLVED))


def _roles_value(grounds: Grounds) -> str:
    values = {getattr(item.value, "words", str(item.value)) for item in grounds.evidence if item.value is not UNKNOWN}
    return " or ".join(sorted(values)) or "unknown"


def _roles_products(grounds: Grounds) -> str:
    named = [
        grounds.product(item).name
        for item in grounds.evidence
        if item.path.steps[0] == "products" and item.value is not UNKNOWN
    ]
    return f" in delivering {', '.join(named)}" if named else ""


def _roles_met(grounds: Grounds) -> str:
    return (
        f"Role differentiation is {_roles_value(grounds)}{_roles_products(grounds)}{grounds.hedge}: "
        "providers and service users do the work together."
    )


def _roles_unmet(grounds: Grounds) -> str:
    return (
        f"Role differentiation is {_roles_value(grounds)}{_roles_products(grounds)}{grounds.hedge}: "
        "somebody delivers something to someone, rather than doing it with them (paper, section 4.3)."
    )


ROLES_WORDING = Wording(
    met=_roles_met,
    unmet=_roles_unmet,
    unknown="Whether providers deliver to service users who only receive (role differentiation) is unknown.",
)
"""The wording of a criterion whose check is ``roles_dissolved``."""


def stages_of(grounds: Grounds, items: Iterable[EvidenceItem]) -> str:
    """The stages of participation items, as words."""
    return stage_names(grounds.stages_of(items))


def at_least(items: Iterable[EvidenceItem], level: Involvement) -> tuple[EvidenceItem, ...]:
    """The participation items known to have at least ``level`` of say."""
    return tuple(item for item in items if isinstance(item.value, Involvement) and item.value.at_least(level))
