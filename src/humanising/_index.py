"""Look-ups over one initiative, built once and shared by the predicates.

Also the three-valued logic the predicates reason in: a judgement is ``True``,
``False`` or ``None`` (unknown), paired with the unknown facts that left it open.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeAlias

from humanising._facts import Identity, Involvement, Participation, Product, Stage, Stakeholder, in_stage_order
from humanising._unknown import UNKNOWN

if TYPE_CHECKING:
    from humanising._facts import Initiative

Tri: TypeAlias = bool | None
"""True, False, or None for unknown."""

Judgement: TypeAlias = tuple[Tri, tuple[str, ...]]
"""A three-valued answer and the unknown fact paths that left it open (empty unless None)."""

TRUE: Judgement = (True, ())
FALSE: Judgement = (False, ())


class Side(enum.Enum):
    """Which side of the producing relationship a participant acts on."""

    SERVICE_USER = "service user"
    PROVIDER = "provider"
    COMMUNITY = "community"
    SURVIVOR = "survivor"
    OTHER = "other"


_SIDES = {
    Identity.SERVICE_USER: Side.SERVICE_USER,
    Identity.MENTAL_HEALTH_PROFESSIONAL: Side.PROVIDER,
    Identity.OTHER_PROFESSIONAL: Side.PROVIDER,
    Identity.COMMUNITY_MEMBER: Side.COMMUNITY,
    Identity.GENERAL_PUBLIC: Side.COMMUNITY,
    Identity.CARER: Side.OTHER,
    Identity.SURVIVOR: Side.SURVIVOR,
}

ANY_SIDE = frozenset(Side)
NOT_SERVICE_USER = frozenset({Side.PROVIDER, Side.COMMUNITY, Side.SURVIVOR, Side.OTHER})


def participation_path(participation: Participation) -> str:
    """The fact path of a participation, stable under reordering."""
    return f"participations[{participation.stakeholder}@{participation.stage}]"


class Seat:
    """A participation with what the predicates need to know about it, worked out once."""

    __slots__ = ("involvement_path", "participation", "path", "side_path", "sides", "stakeholder")

    def __init__(self, participation: Participation, stakeholder: Stakeholder) -> None:
        self.participation = participation
        self.stakeholder = stakeholder
        self.path = participation_path(participation)
        self.involvement_path = self.path + ".involvement"
        self.side_path: str | None = None
        if participation.capacity is Identity.ORGANISATION:
            user_run = stakeholder.user_run.value
            if user_run is UNKNOWN:
                # Either side until the source says whether it is user-run.
                self.sides = frozenset({Side.SERVICE_USER, Side.PROVIDER})
                self.side_path = f"stakeholders[{stakeholder.id}].user_run"
            else:
                self.sides = frozenset({Side.SERVICE_USER if user_run else Side.PROVIDER})
        else:
            self.sides = frozenset({_SIDES[participation.capacity]})


class Index:
    """What the predicates look up, computed once per initiative."""

    __slots__ = ("by_stage", "initiative", "producing_stages", "products_at", "stakeholders")

    def __init__(self, initiative: Initiative) -> None:
        self.initiative = initiative
        self.stakeholders = {s.id: s for s in initiative.stakeholders}
        by_stage: dict[Stage, list[Seat]] = {}
        for participation in initiative.participations:
            seat = Seat(participation, self.stakeholders[participation.stakeholder])
            by_stage.setdefault(participation.stage, []).append(seat)
        # Sorted so that verdicts do not depend on the order facts were written in.
        self.by_stage: dict[Stage, tuple[Seat, ...]] = {
            stage: tuple(sorted(by_stage[stage], key=lambda seat: seat.path)) for stage in in_stage_order(by_stage)
        }
        products_at: dict[Stage, list[Product]] = {}
        for product in sorted(initiative.products, key=lambda product: product.id):
            if product.is_something:
                for stage in product.stages:
                    products_at.setdefault(stage, []).append(product)
        self.products_at = {stage: tuple(products) for stage, products in products_at.items()}
        self.producing_stages: tuple[Stage, ...] = in_stage_order(self.products_at)

    def seats(self, stage: Stage) -> tuple[Seat, ...]:
        """The participations at a stage, in a stable order."""
        return self.by_stage.get(stage, ())

    def voice(self, stage: Stage, sides: frozenset[Side], level: Involvement) -> Judgement:
        """Whether someone acting on one of ``sides`` has at least ``level`` of say at ``stage``."""
        unknowns: list[str] = []
        for seat in self.by_stage.get(stage, ()):
            if not seat.sides & sides:
                continue
            involvement = seat.participation.involvement
            known_side = seat.side_path is None or seat.sides <= sides
            if involvement is UNKNOWN:
                unknowns.append(seat.involvement_path)
                if not known_side:
                    unknowns.append(seat.side_path)  # type: ignore[arg-type]
            elif involvement.at_least(level):
                if known_side:
                    return TRUE
                unknowns.append(seat.side_path)  # type: ignore[arg-type]
        return (None, tuple(unknowns)) if unknowns else FALSE

    def seats_of(self, stage: Stage, sides: frozenset[Side]) -> tuple[Seat, ...]:
        """The participations at a stage acting (possibly) on one of ``sides``."""
        return tuple(seat for seat in self.by_stage.get(stage, ()) if seat.sides & sides)


def all_of(*judgements: Judgement) -> Judgement:
    """Kleene conjunction: false if any is false, true if all are true, else unknown."""
    unknowns: list[str] = []
    for value, paths in judgements:
        if value is False:
            return FALSE
        if value is None:
            unknowns.extend(paths)
    return (None, _dedupe(unknowns)) if unknowns else TRUE


def any_of(judgements: Iterable[Judgement]) -> Judgement:
    """Kleene disjunction: true if any is true, false if all are false, else unknown."""
    unknowns: list[str] = []
    for value, paths in judgements:
        if value is True:
            return TRUE
        if value is None:
            unknowns.extend(paths)
    return (None, _dedupe(unknowns)) if unknowns else FALSE


def negate(judgement: Judgement) -> Judgement:
    """Kleene negation."""
    value, paths = judgement
    return judgement if value is None else (not value, paths)


def _dedupe(paths: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(paths)))
