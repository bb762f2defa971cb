"""Look-ups over one initiative, built once and shared by the predicates.

The index is on the hot path of every verdict, so it summarises each stage once:
the highest known involvement on each side, and apart from that the few
participations whose involvement or side is unknown. Everything a reason needs
for its sentence is worked out only when the sentence is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, TypeAlias

from humanising._facts import (
    Identity,
    Participation,
    Product,
    ProductKind,
    Stage,
    Stakeholder,
    in_stage_order,
)
from humanising._facts._paths import FactPath
from humanising._facts._unknown import UNKNOWN

_NOTHING = ProductKind.NOTHING

if TYPE_CHECKING:
    from humanising._facts import Initiative


class Side:
    """Which side of the producing relationship a participant acts on, as bit flags.

    Plain integers rather than an enum: the predicates combine and test them
    dozens of times per verdict, and enum hashing is written in Python.
    """

    SERVICE_USER: Final = 1
    PROVIDER: Final = 2
    """Mental-health professionals: the providers of a mental-health service."""
    COMMUNITY: Final = 4
    SURVIVOR: Final = 8
    OTHER: Final = 16
    PROFESSIONAL: Final = 32
    """Other professionals and organisations not run by service users: providers only of a
    product of the service domain they provide (``Stakeholder.domain``), never otherwise."""


Sides: TypeAlias = int
"""A set of sides: the bitwise or of ``Side`` flags."""

_SIDES: dict[Identity, Sides] = {
    Identity.SERVICE_USER: Side.SERVICE_USER,
    Identity.MENTAL_HEALTH_PROFESSIONAL: Side.PROVIDER,
    Identity.OTHER_PROFESSIONAL: Side.PROFESSIONAL,
    Identity.COMMUNITY_MEMBER: Side.COMMUNITY,
    Identity.GENERAL_PUBLIC: Side.COMMUNITY,
    Identity.CARER: Side.OTHER,
    Identity.SURVIVOR: Side.SURVIVOR,
    Identity.ORGANISATION: 0,  # a user-run organisation is on the service users' side, another on the providers'
}
"""The side each capacity acts on: the representation's one look-up of identities."""
_EITHER: Sides = Side.SERVICE_USER | Side.PROFESSIONAL
"""The sides an organisation may be on while nobody knows whether service users run it."""

ANY_SIDE: Sides = 63
NOT_SERVICE_USER: Sides = ANY_SIDE & ~Side.SERVICE_USER
LIVED_EXPERIENCE: Sides = Side.SERVICE_USER | Side.SURVIVOR
"""People with lived experience of mental distress: service users, and survivors who avoided services."""
WITHOUT_LIVED_EXPERIENCE: Sides = ANY_SIDE & ~LIVED_EXPERIENCE


def participation_path(participation: Participation) -> FactPath:
    """The fact path of a participation, stable under reordering."""
    return FactPath.participation(participation.stakeholder, participation.stage)


def sides_of(participation: Participation, stakeholder: Stakeholder) -> Sides:
    """The sides a participant may be acting on (two for an organisation not known to be user-run or not)."""
    side = _SIDES[participation.capacity]
    if side:
        return side
    user_run = stakeholder.user_run.value
    if user_run is UNKNOWN:
        return _EITHER
    return Side.SERVICE_USER if user_run else Side.PROFESSIONAL


class Index:
    """What the checks and the wordings look up, computed once per initiative.

    It holds no reference to the initiative it summarises, so that an initiative (which
    keeps its index) is freed by reference counting alone.

    Attributes:
        stakeholders: Stakeholders by id.
        products: The initiative's products, as recorded.
        failed_partnerships: The partnerships sought but not established.
        producing_stages: The stages that produce something, in order.
        products_at: The products (not ``nothing``) each producing stage produces, by id.
    """

    __slots__ = (
        "_by_stage",
        "_participations",
        "_products_at",
        "_recorded",
        "failed_partnerships",
        "products",
        "stakeholders",
    )

    def __init__(self, initiative: Initiative) -> None:
        self.products = initiative.products
        self.failed_partnerships = initiative.failed_partnerships
        self.stakeholders = {s.id: s for s in initiative.stakeholders}
        # The rest is worked out on first use: judging reads the status summary, not these.
        self._recorded = initiative.participations
        self._participations: dict[Stage, list[Participation]] | None = None
        self._by_stage: dict[Stage, tuple[Participation, ...]] | None = None
        self._products_at: dict[Stage, tuple[Product, ...]] | None = None

    @property
    def products_at(self) -> dict[Stage, tuple[Product, ...]]:
        """The products (not ``nothing``) each producing stage produces, by id."""
        if self._products_at is None:
            found: dict[Stage, list[Product]] = {}
            for product in self.products:
                if product.kind is not _NOTHING:
                    for stage in product.stages:
                        found.setdefault(stage, []).append(product)
            self._products_at = {stage: tuple(sorted(items, key=_by_id)) for stage, items in found.items()}
        return self._products_at

    @property
    def producing_stages(self) -> tuple[Stage, ...]:
        """The stages that produce something, in order."""
        return in_stage_order(self.products_at)

    def _grouped(self) -> dict[Stage, list[Participation]]:
        if self._participations is None:
            grouped: dict[Stage, list[Participation]] = {}
            for participation in self._recorded:
                found = grouped.get(participation.stage)
                if found is None:
                    grouped[participation.stage] = [participation]
                else:
                    found.append(participation)
            self._participations = grouped
        return self._participations

    @property
    def by_stage(self) -> dict[Stage, tuple[Participation, ...]]:
        """The participations at each stage: stages in order, participations by stakeholder id.

        Sorted on first use: only reasons, which are written when read, need the order.
        """
        if self._by_stage is None:
            found = self._grouped()
            self._by_stage = {
                stage: tuple(sorted(found[stage], key=_by_stakeholder)) for stage in in_stage_order(found)
            }
        return self._by_stage

    def stages(self) -> tuple[Stage, ...]:
        """The stages anyone takes part in, in order."""
        return in_stage_order(self._grouped())

    def seats(self, stage: Stage, sides: Sides = ANY_SIDE) -> tuple[Participation, ...]:
        """The participations at a stage acting (possibly) on one of ``sides``, by stakeholder id."""
        found = self.by_stage.get(stage, ())
        if sides == ANY_SIDE:
            return found
        return tuple(p for p in found if sides_of(p, self.stakeholders[p.stakeholder]) & sides)


def index_of(initiative: Initiative) -> Index:
    """The index of an initiative, built on first use and kept with it."""
    derived = initiative._derived  # noqa: SLF001 - the one place that reaches for the initiative's memo
    index = derived.get(Index)
    if index is None:
        index = derived[Index] = Index(initiative)
    return index  # type: ignore[return-value] # only Index is stored under Index


def _by_stakeholder(participation: Participation) -> str:
    return participation.stakeholder


def _by_id(product: Product) -> str:
    return product.id
