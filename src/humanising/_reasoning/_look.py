"""Looking facts up for a declared check, at two speeds from one declaration.

A criterion's check is a function of a ``Look``. It asks about the initiative
through the look's few questions: a fact's value (``look.fact``), and stage
conditions (``Voice``, ``Producing``, ``ProductIn``, combined with ``&``, ``|`` and
``~``) asked of a stage (``look.at``), of some stage (``look.somewhere``) or of every
stage (``look.everywhere``). It combines the answers with the three-valued
``all_of``, ``any_of`` and ``negate``.

The same check runs in two modes:

- **status**, while judging: a stage condition is a pair of stage bitmasks (the
  stages where it certainly holds, and where it possibly does), worked out once per
  initiative from a compact summary of its participations and products, and
  judgements carry no evidence;
- **evidence**, when a reason, a fact list or an unknown is first read: the same
  conditions are asked of the participations and products themselves, and every
  judgement carries the evidence items that decided it.

The two modes must agree on every status, and a property test checks that they do.
"""

from __future__ import annotations

import operator
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, TypeAlias

import attrs

from humanising._facts import Domain, Involvement, Participation, ProductKind, Stage
from humanising._facts._paths import FactPath, PathKey
from humanising._facts._unknown import UNKNOWN, Fact
from humanising._reasoning._evidence import EvidenceItem, participation_of
from humanising._reasoning._index import Index, Sides, index_of, sides_of
from humanising._reasoning._logic import Judgement, joined

if TYPE_CHECKING:
    from humanising._facts import Initiative

StageSet: TypeAlias = int
"""A set of stages as a bitmask: ``stage_set(Stage.DESIGN, Stage.DELIVERY)``."""

_ORDER = tuple(Stage)
_BIT: Final = {stage: 1 << position for position, stage in enumerate(_ORDER)}
ALL_STAGES: Final[StageSet] = (1 << len(_ORDER)) - 1
_NOTHING = ProductKind.NOTHING
_RANKS = {level: level.rank for level in Involvement}
_TOP_RANK = max(_RANKS.values())


def stage_set(*stages: Stage) -> StageSet:
    """The bitmask of ``stages``."""
    mask = 0
    for stage in stages:
        mask |= _BIT[Stage(stage)]
    return mask


_STAGES_IN: dict[StageSet, tuple[Stage, ...]] = {}


def stages_in(mask: StageSet) -> tuple[Stage, ...]:
    """The stages of a bitmask, in order."""
    found = _STAGES_IN.get(mask)
    if found is None:
        found = _STAGES_IN[mask] = tuple(stage for stage in _ORDER if mask & _BIT[stage])
    return found


# --- stage conditions: declared once, at import, and asked of a stage by a look


class Condition:
    """Something that holds, fails or is unknown at each stage. Combine with ``&``, ``|`` and ``~``."""

    __slots__ = ()

    def __and__(self, other: Condition) -> Condition:
        return Both((self, other))

    def __or__(self, other: Condition) -> Condition:
        return Either((self, other))

    def __invert__(self) -> Condition:
        return Not(self)

    def _masks(self, look: Look) -> tuple[StageSet, StageSet]:
        """(stages where it certainly holds, stages where it possibly holds), from the look's summary."""
        raise NotImplementedError

    def _at(self, look: Look, stage: Stage) -> Judgement:
        """Its judgement at ``stage``, with the evidence that decided it."""
        raise NotImplementedError


@attrs.frozen
class Voice(Condition):
    """Someone acting on one of ``sides`` has at least ``level`` of say at the stage.

    Attributes:
        sides: The sides (``Side`` flags, or-ed).
        level: The least involvement that counts.
    """

    sides: Sides
    level: Involvement = attrs.field(converter=Involvement)

    def _masks(self, look: Look) -> tuple[StageSet, StageSet]:
        return look._voice_masks(self.sides, _RANKS[self.level])  # noqa: SLF001

    def _at(self, look: Look, stage: Stage) -> Judgement:
        return look._voice_at(self.sides, self.level, stage)  # noqa: SLF001


@attrs.frozen
class Producing(Condition):
    """Something (not ``nothing``) is produced at the stage; unknown everywhere while no product is recorded."""

    def _masks(self, look: Look) -> tuple[StageSet, StageSet]:
        summary = look.summary
        if summary.no_products:
            return 0, ALL_STAGES
        return summary.producing, summary.producing

    def _at(self, look: Look, stage: Stage) -> Judgement:
        index = look.index
        if not index.products:
            return (None, (_NO_PRODUCTS,))
        found = index.products_at.get(stage, ())
        if found:
            return (True, tuple(_product_item(product, "stages") for product in found))
        return (False, tuple(_product_item(product, "stages") for product in sorted(index.products, key=_by_id)))


@attrs.frozen
class ProductIn(Condition):
    """A product of ``domain`` is produced at the stage (unknown where a product's domain is).

    Attributes:
        domain: The service domain.
    """

    domain: Domain = attrs.field(converter=Domain)

    def _masks(self, look: Look) -> tuple[StageSet, StageSet]:
        summary = look.summary
        if summary.no_products:
            return 0, ALL_STAGES
        return summary.domain_masks(self.domain)

    def _at(self, look: Look, stage: Stage) -> Judgement:
        index = look.index
        if not index.products:
            return (None, (_NO_PRODUCTS,))
        found = index.products_at.get(stage, ())
        items = tuple(_product_item(product, "domain") for product in found)
        if any(product.domain is self.domain for product in found):
            return (True, tuple(item for item in items if item.value is self.domain))
        unknown = tuple(item for item in items if item.value is UNKNOWN)
        if unknown:
            return (None, unknown)
        return (False, items)


@attrs.frozen
class Provides(Condition):
    """Someone who provides what is produced at the stage has at least ``level`` of say there.

    A mental-health professional provides the service; another professional, or an
    organisation not run by service users, provides only a product of the service domain it
    provides (``Stakeholder.domain``): housing officials a housing service. A consultant, a
    designer or an artist with no such domain never does.

    Attributes:
        level: The least involvement that counts.
    """

    level: Involvement = attrs.field(converter=Involvement)

    def _masks(self, look: Look) -> tuple[StageSet, StageSet]:
        certain, possible = look._voice_masks(_PROVIDER, _RANKS[self.level])  # noqa: SLF001
        summary = look.summary
        least = _RANKS[self.level]
        index = look.index
        for participation in look.initiative.participations:
            stakeholder = index.stakeholders[participation.stakeholder]
            domain = stakeholder.domain
            if domain is None:
                continue
            sides = sides_of(participation, stakeholder)
            if not sides & _PROFESSIONAL:
                continue
            bit = _BIT[participation.stage]
            products_certain, products_possible = (
                (0, ALL_STAGES) if summary.no_products else summary.domain_masks(domain)
            )
            involvement = participation.involvement
            if involvement is UNKNOWN or _RANKS[involvement] >= least:
                possible |= bit & products_possible
                if involvement is not UNKNOWN and sides == _PROFESSIONAL:
                    certain |= bit & products_certain
        silent = look.silent_mask
        return certain, possible | silent

    def _at(self, look: Look, stage: Stage) -> Judgement:
        return look._provides_at(self.level, stage)  # noqa: SLF001


@attrs.frozen
class Both(Condition):
    """Every one of ``parts`` holds at the stage (Kleene conjunction)."""

    parts: tuple[Condition, ...]

    def _masks(self, look: Look) -> tuple[StageSet, StageSet]:
        certain, possible = ALL_STAGES, ALL_STAGES
        for part in self.parts:
            part_certain, part_possible = look.masks(part)
            certain &= part_certain
            possible &= part_possible
        return certain, possible

    def _at(self, look: Look, stage: Stage) -> Judgement:
        # A conjunction is explained by everything it looked at: what fails, what holds, what is open.
        result: bool | None = True
        items: tuple[EvidenceItem, ...] = ()
        for part in self.parts:
            value, part_items = look.judge_at(part, stage)
            if part_items:
                items = items + part_items if items else part_items
            if value is False:
                result = False
            elif value is None and result is True:
                result = None
        return (result, items)


@attrs.frozen
class Either(Condition):
    """One of ``parts`` holds at the stage (Kleene disjunction)."""

    parts: tuple[Condition, ...]

    def _masks(self, look: Look) -> tuple[StageSet, StageSet]:
        certain, possible = 0, 0
        for part in self.parts:
            part_certain, part_possible = look.masks(part)
            certain |= part_certain
            possible |= part_possible
        return certain, possible

    def _at(self, look: Look, stage: Stage) -> Judgement:
        judged = [look.judge_at(part, stage) for part in self.parts]
        if any(value is True for value, _ in judged):
            return (True, joined(items for value, items in judged if value is True))
        if all(value is False for value, _ in judged):
            return (False, joined(items for _, items in judged))
        return (None, joined(items for value, items in judged if value is None))


@attrs.frozen
class Not(Condition):
    """``part`` fails at the stage."""

    part: Condition

    def _masks(self, look: Look) -> tuple[StageSet, StageSet]:
        certain, possible = look.masks(self.part)
        return ALL_STAGES & ~possible, ALL_STAGES & ~certain

    def _at(self, look: Look, stage: Stage) -> Judgement:
        value, items = look.judge_at(self.part, stage)
        return (None if value is None else not value, items)


_NO_PRODUCTS = EvidenceItem(FactPath("products"), UNKNOWN)
"""No product recorded: what is produced, and where, is unknown."""


def _by_id(product: Any) -> str:
    return str(product.id)


def _product_item(product: Any, field: str) -> EvidenceItem:
    return EvidenceItem(FactPath.product(product.id).then(field), getattr(product, field), product.basis, product.note)


# --- the compact summary the status mode reads


class _Summary:
    """Per initiative, built once: stage bitmasks by side slot and involvement rank, and by product."""

    __slots__ = ("_domains", "known", "no_products", "possible", "producing", "products")

    def __init__(self, initiative: Initiative, index: Index) -> None:
        # known[slot, rank]: stages where someone certainly on that side has exactly that known rank;
        # possible[slot, rank]: where someone possibly on that side possibly has it (unknown: the top rank).
        # An organisation not known to be user-run or not is possibly on either side, and certainly
        # on one of them: known[_EITHER_SLOT, rank] answers questions about both sides at once.
        # Flat lists, one row of _WIDTH ranks per slot: the row of slot s starts at s * _WIDTH.
        known = [0] * (_WIDTH * (_SIDE_COUNT + 1))
        possible = [0] * (_WIDTH * _SIDE_COUNT)
        stakeholders = index.stakeholders
        bits = _BIT
        ranks = _RANKS
        rows = _ROW
        for participation in initiative.participations:
            bit = bits[participation.stage]
            sides = sides_of(participation, stakeholders[participation.stakeholder])
            involvement = participation.involvement
            row = rows.get(sides)
            if involvement is UNKNOWN:
                if row is None:  # either side: possibly the service users', possibly the providers'
                    possible[_TOP_RANK] |= bit
                    possible[_OTHER_OF_EITHER + _TOP_RANK] |= bit
                else:
                    possible[row + _TOP_RANK] |= bit
                continue
            rank = ranks[involvement]
            if row is None:
                possible[rank] |= bit
                possible[_OTHER_OF_EITHER + rank] |= bit
                known[_EITHER_SLOT * _WIDTH + rank] |= bit
            else:
                possible[row + rank] |= bit
                known[row + rank] |= bit
        # At a stage the sources are silent about, anyone may have taken part, with any say.
        silent = stage_set(*initiative.silent_stages)
        if silent:
            for slot in range(_SIDE_COUNT):
                possible[slot * _WIDTH + _TOP_RANK] |= silent
        self.known = known
        self.possible = possible
        self.products = initiative.products
        self.no_products = not initiative.products
        producing = 0
        for product in initiative.products:
            if product.kind is not _NOTHING:
                for stage in product.stages:
                    producing |= bits[stage]
        self.producing = producing
        self._domains: dict[Domain, tuple[StageSet, StageSet]] = {}

    def with_products(self, products: tuple[Any, ...]) -> _Summary:
        """The summary of the same participations with other products: the participants' masks are shared."""
        narrowed: _Summary = object.__new__(_Summary)
        narrowed.known = self.known
        narrowed.possible = self.possible
        narrowed.products = products
        narrowed.no_products = not products
        producing = 0
        for product in products:
            if product.kind is not _NOTHING:
                for stage in product.stages:
                    producing |= _BIT[stage]
        narrowed.producing = producing
        narrowed._domains = {}
        return narrowed

    def domain_masks(self, domain: Domain) -> tuple[StageSet, StageSet]:
        found = self._domains.get(domain)
        if found is None:
            certain = possible = 0
            for product in self.products:
                if product.kind is _NOTHING:
                    continue
                mask = 0
                for stage in product.stages:
                    mask |= _BIT[stage]
                if product.domain is domain:
                    certain |= mask
                    possible |= mask
                elif product.domain is UNKNOWN:
                    possible |= mask
            found = self._domains[domain] = (certain, possible)
        return found


_EITHER = 1 | 32
"""An organisation whose running is unknown: the service users' side, or the professionals'."""
_SIDE_COUNT = 6
_EITHER_SLOT = _SIDE_COUNT
_WIDTH = _TOP_RANK + 1
_PROVIDER = 2
_PROFESSIONAL = 32
_ROW = {1 << slot: slot * _WIDTH for slot in range(_SIDE_COUNT)}
_OTHER_OF_EITHER = _ROW[32]
"""The start of each single side's row of ranks; an organisation on either side has none."""
_SLOTS_OF = {mask: tuple(slot for slot in range(_SIDE_COUNT) if mask & (1 << slot)) for mask in range(1 << _SIDE_COUNT)}


# --- the look


_GETTERS: dict[int, tuple[FactPath, Callable[[Any], Any]]] = {}
"""Each fact path a check reads, by identity (checks declare their paths once), with its getter.

The path is kept with its getter, so that its identity is never reused for another path.
"""


_MAX_GETTERS = 4096


def _getter(path: FactPath) -> Callable[[Any], Any]:
    found = _GETTERS.get(id(path))
    if found is None:
        if len(_GETTERS) >= _MAX_GETTERS:  # paths made on the fly: keep the table bounded
            _GETTERS.clear()
        found = _GETTERS[id(path)] = (path, operator.attrgetter(".".join(str(step) for step in path.steps)))
    return found[1]


class Look:
    """The questions a declared check asks of one initiative, in status or in evidence mode.

    Built by ``status_look`` and ``evidence_look``, once per initiative and mode, and
    kept with the initiative. The evidence look a verdict reads is guided by the status
    look: where a condition certainly holds at some stage, only those stages can be the
    evidence of ``somewhere``, so only they are asked; ``Look(initiative, collects=True)``
    with no guide asks every stage.

    Attributes:
        initiative: The initiative looked at.
        index: Its index (stakeholders, products, participations by stage).
        collects: Whether judgements carry their evidence (evidence mode).
    """

    __slots__ = (
        "_guide",
        "_initiative",
        "_items",
        "_judged",
        "_masks",
        "_occupied",
        "_seats",
        "_silent",
        "_summary",
        "_voices",
        "collects",
        "index",
    )

    def __init__(self, initiative: Initiative, *, collects: bool, guide: Look | None = None) -> None:
        # The initiative keeps its looks, so a look refers to it weakly: reference counting alone frees both.
        self._initiative = weakref.ref(initiative)
        self.index = index_of(initiative)
        self.collects = collects
        # An evidence look may be guided by the status look's masks to the stages that can be
        # evidence; unguided, it asks every stage itself (as the tests of the two modes do).
        self._guide = guide if collects else None
        self._summary: _Summary | None = None  # built on first use, or given by product_status_look
        self._masks: dict[int, tuple[Condition, tuple[StageSet, StageSet]]] = {}
        self._voices: dict[tuple[Sides, int], tuple[StageSet, StageSet]] = {}
        self._judged: dict[tuple[int, Stage], tuple[Condition, Judgement]] = {}
        self._occupied: StageSet | None = None
        self._seats: dict[Stage, tuple[tuple[Sides, int, EvidenceItem, EvidenceItem | None], ...]] = {}
        self._silent = {
            stage: EvidenceItem(FactPath("silent_stages", PathKey(stage.value)), UNKNOWN)
            for stage in initiative.silent_stages
        }
        self._items: dict[int, tuple[EvidenceItem, EvidenceItem | None]] = {}

    @property
    def initiative(self) -> Initiative:
        """The initiative looked at."""
        initiative = self._initiative()
        if initiative is None:  # pragma: no cover - a look is reached only through its initiative
            raise ReferenceError("the initiative of this look is gone")
        return initiative

    # status mode

    @property
    def summary(self) -> _Summary:
        """The compact summary the status mode reads."""
        summary = self._summary
        if summary is None:
            summary = self._summary = _Summary(self.initiative, self.index)
        return summary

    @property
    def producing(self) -> StageSet:
        """The stages at which something (not ``nothing``) is produced, as a ``StageSet``."""
        return self.summary.producing

    def masks(self, condition: Condition) -> tuple[StageSet, StageSet]:
        """(stages where ``condition`` certainly holds, where it possibly holds), worked out once."""
        # By identity, with the condition kept beside its masks, so that its id is never reused while
        # remembered: a condition built anew on every call is worked out anew, never mistaken for another.
        entry = self._masks.get(id(condition))
        if entry is not None and entry[0] is condition:
            return entry[1]
        found = condition._masks(self)  # noqa: SLF001
        self._masks[id(condition)] = (condition, found)
        return found

    def _voice_masks(self, sides: Sides, rank: int) -> tuple[StageSet, StageSet]:
        key = (sides, rank)
        found = self._voices.get(key)
        if found is None:
            summary = self.summary
            known, possible_ranks = summary.known, summary.possible
            certain = possible = 0
            for slot in _SLOTS_OF[sides]:
                for at in range(slot * _WIDTH + rank, slot * _WIDTH + _WIDTH):
                    certain |= known[at]
                    possible |= possible_ranks[at]
            if sides & _EITHER == _EITHER:
                for at in range(_EITHER_SLOT * _WIDTH + rank, _EITHER_SLOT * _WIDTH + _WIDTH):
                    certain |= known[at]
            found = self._voices[key] = (certain, possible)
        return found

    @property
    def silent_mask(self) -> StageSet:
        """The stages the sources are silent about."""
        return stage_set(*self._silent)

    # evidence mode

    def judge_at(self, condition: Condition, stage: Stage) -> Judgement:
        """``condition`` at ``stage``, with its evidence, worked out once per look."""
        key = (id(condition), stage)
        entry = self._judged.get(key)
        if entry is not None and entry[0] is condition:
            return entry[1]
        found = condition._at(self, stage)  # noqa: SLF001
        self._judged[key] = (condition, found)
        return found

    def _participation_items(self, participation: Participation) -> tuple[EvidenceItem, EvidenceItem | None]:
        # A participation's involvement and, for an organisation whose side turns on it, its user_run:
        # made once per look, so that every condition shares the same items (and their paths' text).
        key = id(participation)
        found = self._items.get(key)
        if found is None:
            stakeholder = self.index.stakeholders[participation.stakeholder]
            stage = participation.stage.value
            involvement = EvidenceItem(
                FactPath._written(  # noqa: SLF001 - the look writes its paths' text as it makes them
                    ("participations", PathKey(stakeholder.id, stage), "involvement"),
                    f"participations[{stakeholder.id}@{stage}].involvement",
                ),
                participation.involvement,
                participation.basis,
                participation.note,
            )
            user_run = None
            if sides_of(participation, stakeholder) == _EITHER:
                user_run = EvidenceItem(
                    FactPath._written(  # noqa: SLF001
                        ("stakeholders", PathKey(stakeholder.id), "user_run"),
                        f"stakeholders[{stakeholder.id}].user_run",
                    ),
                    stakeholder.user_run.value,
                    stakeholder.user_run.basis,
                    stakeholder.user_run.note,
                )
            found = self._items[key] = (involvement, user_run)
        return found

    def _voice_at(self, sides: Sides, level: Involvement, stage: Stage) -> Judgement:
        least = _RANKS[level]
        holding: list[EvidenceItem] = []
        open_items: list[EvidenceItem] = []
        looked: list[EvidenceItem] = []
        for possible, rank, involvement_item, user_run_item in self._seats_at(stage):
            if not possible & sides:
                continue
            side_item = None if possible & ~sides == 0 else user_run_item
            if rank < 0:  # involvement unknown
                open_items.append(involvement_item)
                if side_item is not None:
                    open_items.append(side_item)
            elif rank >= least:
                if side_item is None:
                    holding.append(involvement_item)
                else:
                    open_items.append(side_item)
            else:
                looked.append(involvement_item)
        return self._outcome(stage, holding, open_items, looked)

    def _outcome(
        self, stage: Stage, holding: list[EvidenceItem], open_items: list[EvidenceItem], looked: list[EvidenceItem]
    ) -> Judgement:
        # Someone who holds decides; else anything open (a silent stage included) leaves it unknown.
        if holding:
            return (True, tuple(holding))
        if stage in self._silent:
            # The sources are silent about who took part here: nobody's absence is known.
            open_items.append(self._silent[stage])
        if open_items:
            return (None, tuple(open_items))
        return (False, tuple(looked))

    def _provides_at(self, level: Involvement, stage: Stage) -> Judgement:
        least = _RANKS[level]
        index = self.index
        holding: list[EvidenceItem] = []
        open_items: list[EvidenceItem] = []
        looked: list[EvidenceItem] = []
        products = index.products_at.get(stage, ())
        for possible, rank, involvement_item, user_run_item in self._seats_at(stage):
            where = participation_of(involvement_item.path)
            stakeholder = index.stakeholders[where[0]] if where is not None else None
            if possible == _PROVIDER:
                product_items: tuple[EvidenceItem, ...] = ()
                certain_product: bool | None = True
            elif possible & _PROFESSIONAL and stakeholder is not None and stakeholder.domain is not None:
                domain = stakeholder.domain
                if not index.products:
                    certain_product, product_items = None, (_NO_PRODUCTS,)
                else:
                    matching = [p for p in products if p.domain is domain]
                    unknown = [p for p in products if p.domain is UNKNOWN]
                    if matching:
                        certain_product = True
                        product_items = tuple(_product_item(p, "domain") for p in matching)
                    elif unknown:
                        certain_product = None
                        product_items = tuple(_product_item(p, "domain") for p in unknown)
                    else:
                        continue  # it provides no product made here
            else:
                continue
            side_item = user_run_item if possible == _EITHER else None
            if rank >= 0 and rank < least:
                looked.append(involvement_item)
                continue
            if rank >= 0 and side_item is None and certain_product is True:
                holding.extend((involvement_item, *product_items))
                continue
            if rank < 0:
                open_items.append(involvement_item)
            if side_item is not None:
                open_items.append(side_item)
            if certain_product is None:
                open_items.extend(product_items)
        return self._outcome(stage, holding, open_items, looked)

    def _seats_at(self, stage: Stage) -> tuple[tuple[Sides, int, EvidenceItem, EvidenceItem | None], ...]:
        # Each participation at a stage, by stakeholder: its possible sides, its rank (-1: unknown),
        # and the items of its involvement and of its organisation's user_run. Made once per look.
        found = self._seats.get(stage)
        if found is None:
            stakeholders = self.index.stakeholders
            records = []
            for participation in self.index.seats(stage):
                stakeholder = stakeholders[participation.stakeholder]
                involvement, user_run = self._participation_items(participation)
                level = participation.involvement
                rank = -1 if level is UNKNOWN else _RANKS[level]
                records.append((sides_of(participation, stakeholder), rank, involvement, user_run))
            found = self._seats[stage] = tuple(records)
        return found

    # both modes: what a check calls

    def fact(self, path: FactPath, holds: Callable[[Any], bool] | frozenset[Any] | None = None) -> Judgement:
        """What the fact at ``path`` says: unknown while its value is, else whether it holds.

        Args:
            path: A fact of the initiative or of one of its groups, e.g. ``evidence.literature_searched``.
            holds: Whether the criterion holds for a known value: the values for which it
                does (a frozenset, declared once), or a function of the value; by default the
                (boolean) value itself.
        """
        fact: Fact[Any] = _getter(path)(self.initiative)
        value = fact.value
        if value is UNKNOWN:
            verdict: bool | None = None
        elif holds is None:
            verdict = bool(value)
        elif isinstance(holds, frozenset):
            verdict = value in holds
        else:
            verdict = holds(value)
        if not self.collects:
            return (verdict, ())
        return (verdict, (EvidenceItem(path, value, fact.basis, fact.note),))

    def at(self, stage: Stage, condition: Condition) -> Judgement:
        """Whether ``condition`` holds at ``stage``."""
        if self.collects:
            return self.judge_at(condition, stage)
        certain, possible = self.masks(condition)
        bit = _BIT[stage]
        if certain & bit:
            return _TRUE
        return _UNKNOWN if possible & bit else _FALSE

    def somewhere(self, condition: Condition, within: StageSet = ALL_STAGES) -> Judgement:
        """Whether ``condition`` holds at some stage of ``within``.

        Evidence: every stage where it holds; where it holds at none, every stage looked at;
        else the open stages' unknown facts.
        """
        if not self.collects:
            certain, possible = self.masks(condition)
            if certain & within:
                return _TRUE
            return _UNKNOWN if possible & within else _FALSE
        stages = self._telling(within)
        if self._guide is not None:
            # Only the stages that can be evidence: where it holds, else where it is open, else all.
            certain, possible = self._guide.masks(condition)
            if certain & within:
                stages = self._telling(certain & within)
            elif possible & within:
                stages = self._telling(possible & within)
        judged = [self.judge_at(condition, stage) for stage in stages]
        if any(value is True for value, _ in judged):
            return (True, joined(items for value, items in judged if value is True))
        if all(value is False for value, _ in judged):
            return (False, joined(items for _, items in judged))
        return (None, joined(items for value, items in judged if value is None))

    def _telling(self, within: StageSet) -> tuple[Stage, ...]:
        """The stages of ``within`` worth asking: each stage anything happens at, and one where nothing does.

        At a stage with no participation and no product, every condition gives the same answer
        with the same evidence (none names such a stage), so one of them stands for all.
        """
        occupied = self._occupied
        if occupied is None:
            occupied = self._occupied = (
                stage_set(*self.index.stages()) | stage_set(*self.index.products_at) | self.silent_mask
            )
        empty = within & ~occupied
        return stages_in((within & occupied) | (empty & -empty))  # the lowest empty stage, if any

    def everywhere(self, condition: Condition, within: StageSet) -> Judgement:
        """Whether ``condition`` holds at every stage of ``within``."""
        if not self.collects:
            certain, possible = self.masks(condition)
            if certain & within == within:
                return _TRUE
            return _FALSE if possible & within != within else _UNKNOWN
        stages = self._telling(within)
        if self._guide is not None:
            # Only the stages that can be evidence: where it fails, else where it is open, else all.
            certain, possible = self._guide.masks(condition)
            if possible & within != within:
                stages = self._telling(within & ~possible)
            elif certain & within != within:
                stages = self._telling(within & ~certain)
        judged = [self.judge_at(condition, stage) for stage in stages]
        if any(value is False for value, _ in judged):
            return (False, joined(items for value, items in judged if value is False))
        if all(value is True for value, _ in judged):
            return (True, joined(items for _, items in judged))
        return (None, joined(items for value, items in judged if value is None))

    def stages_where(self, condition: Condition, within: StageSet = ALL_STAGES) -> tuple[Stage, ...]:
        """The stages of ``within`` where ``condition`` certainly holds, in order."""
        if not self.collects:
            return stages_in(self.masks(condition)[0] & within)
        return tuple(stage for stage in stages_in(within) if self.judge_at(condition, stage)[0] is True)


@attrs.frozen
class FactCheck:
    """A check that reads one fact: ``FactCheck(path, holds)`` is ``lambda look: look.fact(path, holds)``, declared.

    Attributes:
        path: The fact's path, e.g. ``FactPath("evidence", "literature_searched")``.
        holds: The values for which the criterion holds (a frozenset), or a function of the
            value; by default the (boolean) value itself.

    Example:
        >>> import humanising
        >>> from humanising.models import FactCheck, Look
        >>> searched = FactCheck(humanising.FactPath("evidence", "literature_searched"))
        >>> searched(Look(humanising.casebook.load("sleepwell"), collects=False))
        (True, ())
    """

    path: FactPath
    holds: Callable[[Any], bool] | frozenset[Any] | None = None

    def __call__(self, look: Look) -> Judgement:
        return look.fact(self.path, self.holds)


_TRUE: Judgement = (True, ())
_FALSE: Judgement = (False, ())
_UNKNOWN: Judgement = (None, ())


def status_look(initiative: Initiative) -> Look:
    """The status-mode look of an initiative, built once and kept with it."""
    derived = initiative._derived  # noqa: SLF001 - the initiative's memo of what is worked out from it
    found = derived.get(status_look)
    if found is None:
        found = derived[status_look] = Look(initiative, collects=False)
    return found  # type: ignore[return-value] # only a Look is kept under this key


def product_status_look(view: Initiative, whole: Look) -> Look:
    """The status look of ``view``, one product's view of ``whole``'s initiative, sharing its participants' summary."""
    derived = view._derived  # noqa: SLF001
    found = derived.get(status_look)
    if found is None:
        found = Look(view, collects=False)
        found._summary = whole.summary.with_products(view.products)  # noqa: SLF001 - built here, once
        derived[status_look] = found
    return found  # type: ignore[return-value]


def evidence_look(initiative: Initiative) -> Look:
    """The evidence-mode look of an initiative, built on first use and kept with it."""
    derived = initiative._derived  # noqa: SLF001
    found = derived.get(evidence_look)
    if found is None:
        found = derived[evidence_look] = Look(initiative, collects=True, guide=status_look(initiative))
    return found  # type: ignore[return-value]
