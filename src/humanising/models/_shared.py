"""Pieces several models share: wording helpers and the criteria two models both check."""

from __future__ import annotations

from collections.abc import Iterable

from humanising._facts import Initiative, Product, RoleDifferentiation, Stage
from humanising._index import FALSE, TRUE, Index, Seat, Side
from humanising._unknown import UNKNOWN
from humanising._verdict import RawCriterion, Status, criterion

PAPER = "Harcourt and Crepaz-Keay (2023), Co-Production is Good, but Other Things are Good Too"


def stage_names(stages: Iterable[Stage]) -> str:
    """``design, delivery and allocation``."""
    names = [str(stage).replace("_", " ") for stage in stages]
    if not names:
        return "no stage"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def seat_phrase(seat: Seat) -> str:
    """``patients: consulted at evaluation (as far as can be told)``."""
    participation = seat.participation
    level = "unknown involvement" if participation.involvement is UNKNOWN else str(participation.involvement)
    return f"{seat.stakeholder.name}: {level} at {stage_names([participation.stage])}{participation.basis.hedge}"


def seat_phrases(seats: Iterable[Seat]) -> str:
    return "; ".join(seat_phrase(seat) for seat in seats) or "no recorded participation"


def seats_on(index: Index, stages: Iterable[Stage], sides: frozenset[Side]) -> tuple[Seat, ...]:
    return tuple(seat for stage in stages for seat in index.seats_of(stage, sides))


def _render_produces(status: Status, names: str, unrecorded: bool) -> str:
    if status is Status.MET:
        return f"Something is produced: {names}."
    if unrecorded:
        return "No product is recorded, so whether anything is produced is unknown."
    return (
        f"Nothing is produced: {names}. Access, a status or a place to live is not a product, "
        "so it cannot be co-produced (paper, section 4.3)."
    )


def produces(initiative: Initiative) -> RawCriterion:
    """Essential to co-production: something is produced."""
    products = initiative.products
    if not products:
        return criterion("produces", (None, ("products",)), _render_produces, "", True)
    something = [product for product in products if product.is_something]
    shown = something or list(products)
    names = "; ".join(_product_phrase(product) for product in shown)
    facts = tuple(f"products[{product.id}]" for product in shown)
    return criterion("produces", TRUE if something else FALSE, _render_produces, names, False, facts=facts)


def _product_phrase(product: Product) -> str:
    if not product.is_something:
        return f"{product.name} (nothing)"
    domain = "domain unknown" if product.domain is UNKNOWN else str(product.domain).replace("_", " ")
    return f"{product.name} ({product.kind}, {domain})"


def _render_roles_kept(status: Status, value: str, hedge: str) -> str:
    if status is Status.MET:
        if value:
            return f"Role differentiation is {value}{hedge}: providers and service users do the work together."
        return "Nothing says that providers deliver to service users who only receive."
    return (
        f"Role differentiation is {value}{hedge}: somebody delivers something to someone, "
        "rather than doing it with them (paper, section 4.3)."
    )


def roles_not_kept(initiative: Initiative, criterion_id: str) -> RawCriterion:
    """'Doing with', not delivering to: role differentiation is not kept (or broadened)."""
    fact = initiative.role_differentiation
    value = fact.value
    kept = value is RoleDifferentiation.KEPT or value is RoleDifferentiation.BROADENED
    shown = "" if value is UNKNOWN else str(value)
    return criterion(
        criterion_id,
        FALSE if kept else TRUE,
        _render_roles_kept,
        shown,
        fact.hedge,
        facts=("role_differentiation",),
    )
