"""Pieces several models share: wording helpers and the criteria two models both check.

Wording helpers run only when a reason is read, never while judging.
"""

from __future__ import annotations

from collections.abc import Iterable

from humanising._facts import (
    Identity,
    Involvement,
    Participation,
    RoleDifferentiation,
    Stage,
    Stakeholder,
)
from humanising._facts._paths import FactPath
from humanising._facts._unknown import UNKNOWN
from humanising._reasoning._evidence import EvidenceItem, Grounds, Wording, stage_names, weakest_basis
from humanising._reasoning._index import Index, Sides, participation_path
from humanising._reasoning._logic import Judgement
from humanising._reasoning._look import FactCheck, Look
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
    return (bool(something), tuple(EvidenceItem(FactPath.product(p.id).then("kind"), p.kind) for p in shown))


PRODUCES = CriterionSpec(
    "produces",
    True,
    "Something is produced, not merely access, a status or a place to live.",
    source="paper, section 4.3",
    check=produces,
    wording=Wording(
        met="Something is produced: {products}.",
        unmet=(
            "Nothing is produced: {products}. Access, a status or a place to live is not a product, "
            "so it cannot be co-produced (paper, section 4.3)."
        ),
        unknown="No product is recorded, so whether anything is produced is unknown.",
    ),
)
"""Essential to co-production and to its gold standard alike."""

_ROLES_PATH = FactPath("role_differentiation")


roles_dissolved = FactCheck(_ROLES_PATH, holds=frozenset((RoleDifferentiation.DISSOLVED,)))
"""'Doing with', not delivering to: role differentiation is dissolved, not kept or broadened."""


ROLES_WORDING = Wording(
    met="Role differentiation is {value}{hedge}: providers and service users do the work together.",
    unmet=(
        "Role differentiation is {value}{hedge}: somebody delivers something to someone, "
        "rather than doing it with them (paper, section 4.3)."
    ),
    unknown="Whether providers deliver to service users who only receive (role differentiation) is unknown.",
)
"""The wording of a criterion whose check is ``roles_dissolved``."""


def stages_of(grounds: Grounds, items: Iterable[EvidenceItem]) -> str:
    """The stages of participation items, as words."""
    return stage_names(grounds.stages_of(items))


def at_least(items: Iterable[EvidenceItem], level: Involvement) -> tuple[EvidenceItem, ...]:
    """The participation items known to have at least ``level`` of say."""
    return tuple(item for item in items if isinstance(item.value, Involvement) and item.value.at_least(level))
