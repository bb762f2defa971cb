"""Evidence: the facts that decided a criterion, and the sentence written from them.

A declared criterion's check, run in evidence mode, returns its judgement with
the evidence items that decided it: each a fact path, the value found there and
the basis it rests on. Its reason is written from those items and nothing else,
through ``Grounds``, so that a sentence cannot name a stage, a party or a
product its evidence does not hold; the hedge of the weakest basis among them
is added to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from humanising._facts import Basis, Identity, Involvement, Product, RunBy, Stage, Stakeholder, in_stage_order
from humanising._facts._paths import FactPath, PathKey
from humanising._facts._unknown import UNKNOWN

if TYPE_CHECKING:
    from humanising._reasoning._index import Index
    from humanising._reasoning._verdict import Status


@attrs.frozen
class EvidenceItem:
    """One fact that decided a criterion: where it sits, what it says, and on what basis.

    Attributes:
        path: Where the fact sits, e.g. ``participations[peers@delivery].involvement``.
        value: What the initiative records there (``UNKNOWN`` for an unknown fact).
        basis: What the fact rests on, or ``None`` for a fact that records no basis of its own
            (a product, a stakeholder's roles).
        note: The fact's own note, where it has one.

    Example:
        >>> import humanising
        >>> verdict = humanising.classify(humanising.casebook.load("east-lille-7"))["user_led"]
        >>> item = verdict.criterion("led_delivery").evidence[0]
        >>> str(item.path), item.value.value, item.basis.value
        ('participations[members@delivery].involvement', 'leads', 'published')
    """

    path: FactPath
    value: object
    basis: Basis | None = None
    note: str = ""

    @property
    def is_known(self) -> bool:
        """Whether the fact is known."""
        return self.value is not UNKNOWN

    @property
    def hedge(self) -> str:
        """The words a reason repeats after this fact (empty when published, unknown or without a basis)."""
        if self.value is UNKNOWN or self.basis is None:
            return ""
        return self.basis.hedge

    def to_dict(self) -> dict[str, Any]:
        """The item as plain data: its path as key-path text, its value as a case file writes it."""
        return {
            "path": str(self.path),
            "value": plain(self.value),
            "basis": None if self.basis is None else self.basis.value,
        }


def plain(value: object) -> object:  # noqa: PLR0911 - one return per kind of value
    """A fact's value as a case file writes it: terms as their text, ``UNKNOWN`` as ``"unknown"``."""
    if value is UNKNOWN:
        return "unknown"
    if isinstance(value, Stage | Involvement | Basis) or hasattr(value, "words"):
        return str(value)
    if isinstance(value, Product):
        return value.id
    if isinstance(value, frozenset | set):
        return sorted(plain(item) for item in value)  # type: ignore[type-var]
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    if attrs.has(type(value)):
        # A structured fact (a revision, a feature): its fields, as a case file writes them.
        return {field.name: plain(getattr(value, field.name)) for field in attrs.fields(type(value))}  # type: ignore[arg-type]
    return str(value)


_WEAKNESS = {basis: basis.weakness for basis in Basis}
"""How weak a basis is, in the order ``Basis`` lists them."""


def weakest_basis(items: Iterable[EvidenceItem]) -> Basis | None:
    """The weakest basis among the known items (``None`` if none records one)."""
    weakest: Basis | None = None
    for item in items:
        basis = item.basis
        if basis is None or item.value is UNKNOWN:
            continue
        if weakest is None or _WEAKNESS[basis] > _WEAKNESS[weakest]:
            weakest = basis
    return weakest


_STAGES = {stage.value: stage for stage in Stage}
_ORDER = {stage: position for position, stage in enumerate(Stage)}


def participation_of(path: FactPath) -> tuple[str, Stage] | None:
    """The stakeholder and stage of a participation's path, or ``None`` for any other path."""
    steps = path.steps
    if len(steps) >= 2 and steps[0] == "participations" and isinstance(steps[1], PathKey):
        stakeholder, stage = steps[1].parts
        return stakeholder, _STAGES[stage]
    return None


def stage_names(stages: Iterable[Stage]) -> str:
    """``design, delivery and allocation``; ``no stage`` for none."""
    names = [stage.words for stage in stages]
    if not names:
        return "no stage"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class Grounds:
    """What a reason may say: its criterion's evidence, as phrases for a sentence.

    A wording template names these fields: ``{stages}`` (the stages of the participations
    in the evidence, in order), ``{seats}`` (each participation: who, how much say, where,
    with its hedge), ``{hedge}`` (the hedge of the weakest basis among the evidence),
    ``{value}`` (the one fact's value, in words), ``{note}`` (its note, in brackets),
    ``{products}`` (the products in the evidence), ``{names}`` (the stakeholders the
    evidence names) and ``{lived}`` or ``{Lived}`` (who among them has lived experience:
    ``service users``, ``survivors`` or both). A wording function reads the same through
    attributes.

    Example:
        >>> import humanising
        >>> verdict = humanising.classify(humanising.casebook.load("east-lille-7"))["user_led"]
        >>> verdict.criterion("led_delivery").reason  # doctest: +ELLIPSIS
        'Delivery is user-led: service users running the groups: leads at delivery; ...'
    """

    def __init__(self, status: Status, evidence: tuple[EvidenceItem, ...], index: Index) -> None:
        self.status = status
        self.evidence = evidence
        self._index = index
        self._participations: dict[Stage | None, tuple[EvidenceItem, ...]] = {}

    @property
    def known(self) -> tuple[EvidenceItem, ...]:
        """The items whose facts are known."""
        return tuple(item for item in self.evidence if item.value is not UNKNOWN)

    @property
    def unknown(self) -> tuple[EvidenceItem, ...]:
        """The items whose facts are unknown: what would settle the criterion."""
        return tuple(item for item in self.evidence if item.value is UNKNOWN)

    @property
    def hedge(self) -> str:
        """The hedge of the weakest basis among the known items, e.g. `` (informal report)``."""
        basis = weakest_basis(self.evidence)
        return "" if basis is None else basis.hedge

    def participations(self, stage: Stage | None = None) -> tuple[EvidenceItem, ...]:
        """The items about participations' involvement (at ``stage``, if given), by stage then stakeholder."""
        known = self._participations.get(stage)
        if known is not None:
            return known
        found = []
        for item in self.evidence:
            where = participation_of(item.path)
            if where is not None and item.path.steps[-1] == "involvement" and (stage is None or where[1] is stage):
                found.append((where[1], where[0], item))
        found.sort(key=lambda entry: (_ORDER[entry[0]], entry[1]))
        result = self._participations[stage] = tuple(item for _, _, item in found)
        return result

    def stages_of(self, items: Iterable[EvidenceItem]) -> tuple[Stage, ...]:
        """The stages of participation items, in order."""
        found = {where[1] for item in items if (where := participation_of(item.path)) is not None}
        return in_stage_order(found)

    @property
    def stages(self) -> str:
        """The stages of the participations in the evidence: ``design and delivery``."""
        return stage_names(self.stages_of(self.participations()))

    def seat(self, item: EvidenceItem) -> str:
        """One participation item as a phrase: ``peers: leads at delivery (informal report)``."""
        where = participation_of(item.path)
        if where is None:
            raise ValueError(f"{item.path} is not a participation")
        stakeholder, stage = where
        level = "unknown involvement" if item.value is UNKNOWN else str(item.value)
        hedge = "" if item.basis is None or item.value is UNKNOWN else item.basis.hedge
        return f"{self.name(stakeholder)}: {level} at {stage.words}{hedge}"

    def seat_list(self, items: Iterable[EvidenceItem]) -> str:
        """Participation items as phrases, joined; ``no recorded participation`` when there is none."""
        return "; ".join(self.seat(item) for item in items) or "no recorded participation"

    @property
    def seats(self) -> str:
        """Every participation in the evidence, as phrases."""
        return self.seat_list(self.participations())

    def side_of(self, stakeholder: str, item: EvidenceItem) -> int:
        """The sides (``Side`` flags) a participation item's participant may be acting on."""
        from humanising._reasoning._index import sides_of  # the index reads evidence items too

        where = participation_of(item.path)
        if where is None:
            return 0
        for participation in self._index.seats(where[1]):
            if participation.stakeholder == stakeholder:
                return sides_of(participation, self._index.stakeholders[stakeholder])
        return 0

    def name(self, stakeholder: str) -> str:
        """A stakeholder's name, by id."""
        return self._index.stakeholders[stakeholder].name

    @property
    def lived(self) -> str:
        """Who has lived experience among the evidence's participants, in the sources' words.

        ``survivors`` where every one acts as a survivor (or for an organisation run by survivors),
        ``service users and survivors`` where both do, else ``service users``, the paper's term.
        """
        kinds: set[RunBy] = set()
        for item in self.participations():
            where = participation_of(item.path)
            if where is None:
                continue
            for participation in self._index.seats(where[1]):
                if participation.stakeholder == where[0]:
                    kinds |= _lived_kinds(participation.capacity, self._index.stakeholders[where[0]])
        if kinds == {RunBy.SURVIVORS}:
            return "survivors"
        if RunBy.SURVIVORS in kinds:
            return "service users and survivors"
        return "service users"

    @property
    def Lived(self) -> str:  # noqa: N802 - the capitalised field, for the start of a sentence
        """``lived``, capitalised."""
        text = self.lived
        return text[0].upper() + text[1:]

    @property
    def names(self) -> str:
        """The stakeholders the participations in the evidence name, in order, once each."""
        seen: dict[str, None] = {}
        for item in self.participations():
            where = participation_of(item.path)
            if where is not None:
                seen.setdefault(where[0])
        return ", ".join(self.name(stakeholder) for stakeholder in seen)

    @property
    def value(self) -> str:
        """The value of the first item, in words (``service users or their organisations``)."""
        if not self.evidence or self.evidence[0].value is UNKNOWN:
            return ""
        value = self.evidence[0].value
        return getattr(value, "words", None) or str(value)

    @property
    def note(self) -> str:
        """The first item's note in brackets, after a space, or nothing."""
        note = self.evidence[0].note if self.evidence else ""
        return f" ({note})" if note else ""

    def product_items(self) -> tuple[EvidenceItem, ...]:
        """The items about products, by product id."""
        found = [item for item in self.evidence if len(item.path.steps) > 1 and item.path.steps[0] == "products"]
        return tuple(sorted(found, key=lambda item: str(item.path)))

    def product(self, item: EvidenceItem) -> Product:
        """The product an item's path names."""
        key = item.path.steps[1]
        assert isinstance(key, PathKey)  # noqa: S101 - product items name their product
        for product in self._index.products:
            if product.id == key.parts[0]:
                return product
        raise KeyError(key.parts[0])

    @property
    def products(self) -> str:
        """The products in the evidence, once each: ``staff training (service, mental health)``."""
        seen: dict[str, Product] = {}
        for item in self.product_items():
            product = self.product(item)
            seen.setdefault(product.id, product)
        return "; ".join(product_phrase(product) for product in seen.values())


_FIELDS = ("stages", "seats", "hedge", "value", "note", "products", "names", "lived", "Lived")


def _lived_kinds(capacity: Identity, stakeholder: Stakeholder) -> set[RunBy]:
    if capacity is Identity.SURVIVOR:
        return {RunBy.SURVIVORS}
    if capacity is Identity.SERVICE_USER:
        return {RunBy.SERVICE_USERS}
    if capacity is Identity.ORGANISATION and stakeholder.user_run.value is True:
        run_by = stakeholder.run_by
        if run_by is RunBy.BOTH:
            return {RunBy.SERVICE_USERS, RunBy.SURVIVORS}
        return {RunBy.SERVICE_USERS if run_by is None else run_by}
    return set()


class _Fields(Mapping[str, str]):
    # A template's fields, each written only when the template names it.
    def __init__(self, grounds: Grounds) -> None:
        self._grounds = grounds

    def __getitem__(self, key: str) -> str:
        if key not in _FIELDS:
            raise KeyError(key)
        return str(getattr(self._grounds, key))

    def __iter__(self) -> Iterator[str]:
        return iter(_FIELDS)

    def __len__(self) -> int:
        return len(_FIELDS)


def product_phrase(product: Product) -> str:
    """``staff training (service, mental health)``; ``access to records (nothing)``."""
    if not product.is_something:
        return f"{product.name} (nothing)"
    domain = "domain unknown" if product.domain is UNKNOWN else product.domain.words
    return f"{product.name} ({product.kind}, {domain})"


Phrase: TypeAlias = "str | Callable[[Grounds], str]"
"""A reason's wording: a template naming ``Grounds`` fields, or a function of the grounds."""


@attrs.frozen
class Wording:
    """How a criterion's reason reads when it is met, unmet and unknown.

    Each is a template that names fields of ``Grounds`` (``"Delivery is user-led: {seats}."``)
    or a function from the grounds to the sentence. The hedge of the weakest basis among the
    evidence is added before the final full stop wherever the sentence does not already carry it.

    Attributes:
        met: The reason when the criterion is met.
        unmet: When it is unmet.
        unknown: When it is unknown.
    """

    met: Phrase
    unmet: Phrase
    unknown: Phrase

    def render(self, grounds: Grounds) -> str:
        """The reason, from the grounds alone, with their hedge."""
        phrase = {"met": self.met, "unmet": self.unmet, "unknown": self.unknown}[grounds.status.value]
        text = phrase.format_map(_Fields(grounds)) if isinstance(phrase, str) else phrase(grounds)
        return with_hedge(text, grounds.hedge)


def with_hedge(text: str, hedge: str) -> str:
    """``text`` carrying ``hedge``: as it is if it already does, else with the hedge before the final stop."""
    if not hedge or hedge in text:
        return text
    if text.endswith("."):
        return f"{text[:-1]}{hedge}."
    return f"{text}{hedge}"
