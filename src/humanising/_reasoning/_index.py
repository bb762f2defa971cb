"""Look-ups over one initiative, built once and shared by the predicates.

The index is on the hot path of every verdict, so it summarises each stage once:
the highest known involvement on each side, and apart from that the few
participations whose involvement or side is unknown. Everything a reason needs
for its sentence is worked out only when the sentence is read.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final, TypeAlias

from humanising._facts import (
    Identity,
    Involvement,
    Participation,
    Product,
    ProductKind,
    Stage,
    Stakeholder,
    in_stage_order,
)
from humanising._facts._paths import FactPath, PathKey
from humanising._facts._unknown import UNKNOWN
from humanising._reasoning._evidence import EvidenceItem
from humanising._reasoning._logic import FALSE, TRUE, Judgement, any_of

# Enum members are slow to look up on Python 3.11 (its EnumType defines __getattr__),
# so the ones used while judging are bound once here.
_CARER = Identity.CARER
_COMMUNITY_MEMBER = Identity.COMMUNITY_MEMBER
_GENERAL_PUBLIC = Identity.GENERAL_PUBLIC
_MENTAL_HEALTH_PROFESSIONAL = Identity.MENTAL_HEALTH_PROFESSIONAL
_ORGANISATION = Identity.ORGANISATION
_OTHER_PROFESSIONAL = Identity.OTHER_PROFESSIONAL
_SERVICE_USER = Identity.SERVICE_USER
_SURVIVOR = Identity.SURVIVOR
_NOTHING = ProductKind.NOTHING

if TYPE_CHECKING:
    from humanising._facts import Initiative
    from humanising._reasoning._verdict import RawCriterion


class Side:
    """Which side of the producing relationship a participant acts on, as bit flags.

    Plain integers rather than an enum: the predicates combine and test them
    dozens of times per verdict, and enum hashing is written in Python.
    """

    SERVICE_USER: Final = 1
    PROVIDER: Final = 2
    COMMUNITY: Final = 4
    SURVIVOR: Final = 8
    OTHER: Final = 16


Sides: TypeAlias = int
"""A set of sides: the bitwise or of ``Side`` flags."""

_SIDES = {
    _SERVICE_USER: Side.SERVICE_USER,
    _MENTAL_HEALTH_PROFESSIONAL: Side.PROVIDER,
    _OTHER_PROFESSIONAL: Side.PROVIDER,
    _COMMUNITY_MEMBER: Side.COMMUNITY,
    _GENERAL_PUBLIC: Side.COMMUNITY,
    _CARER: Side.OTHER,
    _SURVIVOR: Side.SURVIVOR,
}
_SLOTS = {Side.SERVICE_USER: 0, Side.PROVIDER: 1, Side.COMMUNITY: 2, Side.SURVIVOR: 3, Side.OTHER: 4}
_RANKS = {level: level.rank for level in Involvement}
_EITHER: Sides = Side.SERVICE_USER | Side.PROVIDER
"""The sides an organisation may be on while nobody knows whether service users run it."""

ANY_SIDE: Sides = 31
NOT_SERVICE_USER: Sides = ANY_SIDE & ~Side.SERVICE_USER
_POSITIONS = {mask: tuple(slot for flag, slot in _SLOTS.items() if mask & flag) for mask in range(32)}


def participation_path(participation: Participation) -> FactPath:
    """The fact path of a participation, stable under reordering."""
    return FactPath.participation(participation.stakeholder, participation.stage)


def sides_of(participation: Participation, stakeholder: Stakeholder) -> Sides:
    """The sides a participant may be acting on (two for an organisation not known to be user-run or not)."""
    if participation.capacity is _ORGANISATION:
        user_run = stakeholder.user_run.value
        if user_run is UNKNOWN:
            return _EITHER
        return Side.SERVICE_USER if user_run else Side.PROVIDER
    return _SIDES[participation.capacity]


class Index:
    """What the predicates look up, computed once per initiative.

    It holds no reference to the initiative it summarises, so that an initiative (which
    keeps its index) is freed by reference counting alone.

    Attributes:
        stakeholders: Stakeholders by id.
        products: The initiative's products, as recorded.
        failed_partnerships: The partnerships sought but not established.
        producing_stages: The stages that produce something, in order.
        products_at: The products (not ``nothing``) each producing stage produces, by id.
        produces: Whether something is produced, a criterion co-production and its gold standard share
            (worked out by the first that asks).
    """

    __slots__ = (
        "_by_stage",
        "_levels",
        "_open",
        "_participations",
        "_paths",
        "failed_partnerships",
        "produces",
        "producing_stages",
        "products",
        "products_at",
        "stakeholders",
    )

    def __init__(self, initiative: Initiative) -> None:
        self.products = initiative.products
        self.failed_partnerships = initiative.failed_partnerships
        stakeholders = {s.id: s for s in initiative.stakeholders}
        self.stakeholders = stakeholders
        participations: dict[Stage, list[Participation]] = {}
        levels: dict[Stage, list[int]] = {}
        pending: dict[Stage, list[Participation]] = {}
        ranks = _RANKS
        for participation in initiative.participations:
            stage = participation.stage
            found = participations.get(stage)
            if found is None:
                participations[stage] = [participation]
            else:
                found.append(participation)
            involvement = participation.involvement
            capacity = participation.capacity
            if capacity is _ORGANISATION:
                user_run = stakeholders[participation.stakeholder].user_run.value
                if user_run is UNKNOWN or involvement is UNKNOWN:
                    pending.setdefault(stage, []).append(participation)
                    continue
                slot = 0 if user_run else 1
            elif involvement is UNKNOWN:
                pending.setdefault(stage, []).append(participation)
                continue
            else:
                slot = _SLOTS[_SIDES[capacity]]
            row = levels.get(stage)
            if row is None:
                row = levels[stage] = [-1, -1, -1, -1, -1]
            rank = ranks[involvement]
            if row[slot] < rank:  # noqa: PLR1730 - a comparison is cheaper than max() here
                row[slot] = rank
        self._participations = participations
        self._by_stage: dict[Stage, tuple[Participation, ...]] | None = None
        self._levels = levels
        # The few participations whose side or involvement is unknown, with their fact paths.
        # The few participations whose side or involvement is unknown.
        self._open = pending
        products_at: dict[Stage, list[Product]] = {}
        for product in initiative.products:
            if product.kind is not _NOTHING:
                for stage in product.stages:
                    products_at.setdefault(stage, []).append(product)
        self.products_at = {stage: tuple(sorted(found, key=_by_id)) for stage, found in products_at.items()}
        self.producing_stages: tuple[Stage, ...] = in_stage_order(products_at)
        self.produces: RawCriterion | None = None
        self._paths: dict[int, tuple[Sides, EvidenceItem, EvidenceItem]] = {}

    @property
    def by_stage(self) -> dict[Stage, tuple[Participation, ...]]:
        """The participations at each stage: stages in order, participations by stakeholder id.

        Sorted on first use: only reasons, which are written when read, need the order.
        """
        if self._by_stage is None:
            found = self._participations
            self._by_stage = {
                stage: tuple(sorted(found[stage], key=_by_stakeholder)) for stage in in_stage_order(found)
            }
        return self._by_stage

    def stages(self) -> tuple[Stage, ...]:
        """The stages anyone takes part in, in order."""
        return in_stage_order(self._participations)

    def voice(self, stage: Stage, sides: Sides, level: Involvement) -> Judgement:
        """Whether someone acting on one of ``sides`` has at least ``level`` of say at ``stage``."""
        row = self._levels.get(stage)
        if row is not None:
            rank = _RANKS[level]
            for slot in _POSITIONS[sides]:
                if row[slot] >= rank:
                    return TRUE
        pending = self._open.get(stage)
        if not pending:
            return FALSE
        unknowns: list[EvidenceItem] = []
        for participation in pending:
            possible, involvement_path, user_run_path = self._unknown_paths(participation)
            if not possible & sides:
                continue
            side_path = None if possible & ~sides == 0 else user_run_path
            involvement = participation.involvement
            if involvement is UNKNOWN:
                unknowns.append(involvement_path)
                if side_path:
                    unknowns.append(side_path)
            elif involvement.at_least(level):
                if side_path is None:
                    return TRUE
                unknowns.append(side_path)
        return (None, tuple(unknowns)) if unknowns else FALSE

    def _unknown_paths(self, participation: Participation) -> tuple[Sides, EvidenceItem, EvidenceItem]:
        # Worked out once per participation, and only for those whose facts are unknown.
        key = id(participation)
        found = self._paths.get(key)
        if found is None:
            stakeholder, stage = participation.stakeholder, participation.stage.value
            found = self._paths[key] = (
                sides_of(participation, self.stakeholders[stakeholder]),
                EvidenceItem(
                    FactPath._written(  # noqa: SLF001 - the index writes its paths' text as it makes them
                        ("participations", PathKey(stakeholder, stage), "involvement"),
                        f"participations[{stakeholder}@{stage}].involvement",
                    ),
                    UNKNOWN,
                ),
                EvidenceItem(
                    FactPath._written(  # noqa: SLF001
                        ("stakeholders", PathKey(stakeholder), "user_run"), f"stakeholders[{stakeholder}].user_run"
                    ),
                    UNKNOWN,
                ),
            )
        return found

    def voice_anywhere(self, stages: Iterable[Stage], sides: Sides, level: Involvement) -> Judgement:
        """Whether someone on one of ``sides`` has at least ``level`` of say at any of ``stages``."""
        return any_of([self.voice(stage, sides, level) for stage in stages])

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
