"""Two codings of one initiative, compared fact by fact, with the verdicts each difference decides.

``diff(a, b)`` walks both codings by fact path: participations keyed by
``stakeholder@stage``, stakeholders, products and failed partnerships by id,
relationships by ``between`` and aspect, parts by id, and the facts of the
initiative and of its evidence, design process and observations. Every fact that
differs becomes a ``Difference`` with both values and bases. Then, for each one,
coding ``a`` is judged again with only that fact taken from coding ``b``: the
verdicts whose fit changes are the difference's ``changes``, and an empty tuple
means it changes no verdict.

Notes, coders and locators say who coded a fact and where it was read; they are
not facts, and two codings that differ only in them are equal.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeAlias

import attrs

from humanising._facts._facts import Initiative
from humanising._facts._paths import FactPath, PathKey
from humanising._facts._unknown import UNKNOWN, Fact, Unknown
from humanising.exceptions import HumanisingError, NotAnInitiativeError

__all__ = ["Difference", "VerdictChange", "diff"]

_NOT_FACTS = frozenset({"note", "coder", "locator"})
"""Fields that say who coded a fact and where it was read, not what the fact is."""

_ELEMENTS: tuple[tuple[str, Callable[[Any], tuple[str, ...]], tuple[str, ...]], ...] = (
    (
        "stakeholders",
        lambda s: (s.id,),
        ("identities", "roles", "user_run", "run_by", "domain", "avoided_services"),
    ),
    ("participations", lambda p: (p.stakeholder, p.stage.value), ("involvement", "capacity", "basis")),
    ("products", lambda p: (p.id,), ("kind", "domain", "stages", "role_differentiation", "basis")),
    (
        "relationships",
        lambda r: (*r.between, r.aspect.value),
        ("change", "claim", "basis"),
    ),
    ("failed_partnerships", lambda f: (f.partner,), ("why", "basis")),
)
"""The lists of an initiative whose elements are facts: the list, the key of an element, its fact fields."""

_FACTS = (
    "silent_stages",
    "role_differentiation",
    "compulsion",
    "paid_employment",
    "user_knowledge_shapes_product",
    "humanising_features",
)
"""The facts of an initiative itself."""

_GROUPS = ("evidence", "design_process", "observations")
"""The groups of further facts of an initiative."""

Rebuild: TypeAlias = Callable[[Initiative], Initiative]
Side: TypeAlias = tuple[Any, str | None] | None
"""One coding's value and basis of a fact, or None where that coding lacks the element."""


@attrs.frozen
class VerdictChange:
    """One verdict that changes when a single fact is taken from the other coding.

    Attributes:
        initiative: The id of the initiative (or part) judged.
        verdict: A built-in model's id, or ``humanises``.
        before: The fit on the first coding (``fits``, ``partly``, ``does not fit``, ``undetermined``).
        after: The fit with the one fact taken from the second coding.

    Example:
        >>> str(VerdictChange("sleepwell", "coproduction", "does not fit", "partly"))
        'sleepwell coproduction: does not fit -> partly'
    """

    initiative: str
    verdict: str
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.initiative} {self.verdict}: {self.before} -> {self.after}"


@attrs.frozen
class Difference:
    """A fact the two codings record differently, and the verdicts it decides.

    Attributes:
        path: Where the fact sits: ``participations[patients@design].involvement``.
        a: The first coding's value, as plain data (``None`` when ``a_present`` is false).
        b: The second coding's value, as plain data (``None`` when ``b_present`` is false).
        a_basis: The basis of the first coding's value, or ``None`` where it has none
            (an unknown fact, or a fact that is not coded on a basis).
        b_basis: The basis of the second coding's value, likewise.
        a_present: Whether the first coding records the element at all (a participation,
            stakeholder, product, relationship, failed partnership or part).
        b_present: Whether the second coding records it.
        changes: The verdicts whose fit changes when only this fact of the first coding is
            taken from the second; empty when it changes no verdict.
        not_alone: Why this fact cannot be taken alone (the first coding with it alone is
            not a valid initiative: a stakeholder removed whose participations remain, say);
            empty when it can, and then ``changes`` says what it decides.

    Example:
        >>> import humanising
        >>> sleepwell = humanising.casebook.load("sleepwell")
        >>> other = humanising.settle(sleepwell, "participations[patients@design].involvement", "involved")
        >>> (difference,) = humanising.diff(sleepwell, other)
        >>> str(difference.path), difference.a, difference.b
        ('participations[patients@design].involvement', 'none', 'involved')
        >>> [str(change) for change in difference.changes]
        ['sleepwell coproduction: does not fit -> partly']
    """

    path: FactPath
    a: object
    b: object
    a_basis: str | None
    b_basis: str | None
    a_present: bool = True
    b_present: bool = True
    changes: tuple[VerdictChange, ...] = ()
    not_alone: str = ""

    @property
    def changes_a_verdict(self) -> bool:
        """Whether taking this fact alone from the other coding changes any verdict."""
        return bool(self.changes)

    def to_dict(self) -> dict[str, Any]:
        """The difference as plain data, for JSON."""
        return {
            "path": str(self.path),
            "a": {"present": self.a_present, "value": self.a, "basis": self.a_basis},
            "b": {"present": self.b_present, "value": self.b, "basis": self.b_basis},
            "changes": [attrs.asdict(change) for change in self.changes],
            "not_alone": self.not_alone,
        }


def diff(a: Initiative, b: Initiative) -> tuple[Difference, ...]:
    """Every fact two codings of one initiative record differently, with the verdicts each decides.

    For each difference, coding ``a`` is judged by every built-in model and by
    ``humanises`` with only that fact taken from coding ``b``; the verdicts whose fit
    changes are the difference's ``changes``. Verdicts are judged on the initiative and,
    for a fact inside a part, on that part too. Notes, coders and locators are not facts
    and are not compared.

    Returns:
        The differences, those that change a verdict first, then by path; empty when the
        codings are equal.

    Raises:
        humanising.exceptions.NotAnInitiativeError: ``a`` or ``b`` is not an ``Initiative``.
        ValueError: The two codings are of different initiatives (their ids differ).

    Example:
        >>> import humanising
        >>> sleepwell = humanising.casebook.load("sleepwell")
        >>> humanising.diff(sleepwell, sleepwell)
        ()
        >>> other = humanising.settle(sleepwell, "observations.dissent", "marginalised")
        >>> (difference,) = humanising.diff(sleepwell, other)
        >>> str(difference.path), difference.a, difference.b, difference.changes
        ('observations.dissent', 'unknown', 'marginalised', ())
    """
    for name, value in (("a", a), ("b", b)):
        if not isinstance(value, Initiative):
            raise NotAnInitiativeError(f"diff ({name})", value)
    if a.id != b.id:
        raise ValueError(f"two codings of one initiative are compared, got {a.id!r} and {b.id!r}")
    found: list[tuple[FactPath, Difference, Callable[[], Initiative], tuple[str, ...]]] = []
    _walk(a, b, prefix=(), rebuild=lambda part: part, chain=(), found=found)
    judged: dict[tuple[str, ...], Mapping[str, str]] = {}
    differences = []
    for _path, difference, take, chain in found:
        try:
            hybrid = take()
        except (HumanisingError, ValueError, TypeError) as error:
            differences.append(attrs.evolve(difference, not_alone=str(error)))
            continue
        changes: list[VerdictChange] = []
        for depth in range(len(chain) + 1):
            ids = chain[:depth]
            if ids not in judged:
                judged[ids] = _fits(_part(a, ids))
            before = judged[ids]
            after = _fits(_part(hybrid, ids))
            initiative_id = ids[-1] if ids else a.id
            changes.extend(
                VerdictChange(initiative_id, verdict, fit, after[verdict])
                for verdict, fit in before.items()
                if after.get(verdict, fit) != fit
            )
        differences.append(attrs.evolve(difference, changes=tuple(changes)))
    return tuple(sorted(differences, key=lambda d: (not d.changes, str(d.path))))


def _fits(initiative: Initiative) -> dict[str, str]:
    from humanising._reasoning._analysis import classify
    from humanising._reasoning._relations import humanises
    from humanising.models import BUILTIN_MODELS

    fits = {model_id: verdict.fit.value for model_id, verdict in classify(initiative, models=BUILTIN_MODELS).items()}
    fits["humanises"] = humanises(initiative).fit.value
    return fits


def _part(initiative: Initiative, ids: tuple[str, ...]) -> Initiative:
    for part_id in ids:
        initiative = next(part for part in initiative.parts if part.id == part_id)
    return initiative


def plain(value: object) -> Any:
    """A value as plain data: enum members as their text, sets sorted, records as mappings of their facts."""
    if isinstance(value, Unknown):
        return "unknown"
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, frozenset | set):
        return sorted(plain(member) for member in value)
    if isinstance(value, tuple | list):
        return [plain(member) for member in value]
    kind: Any = type(value)
    if attrs.has(kind):
        return {
            field.name: plain(getattr(value, field.name))
            for field in attrs.fields(kind)
            if field.name not in _NOT_FACTS
        }
    return value


def _coded(value: object, element_basis: object = None) -> tuple[Any, str | None]:
    """A fact's plain value and its basis: a Fact's own, else its element's."""
    if isinstance(value, Fact):
        return plain(value.value), (None if value.value is UNKNOWN else value.basis.value)
    if value is UNKNOWN:
        return "unknown", None
    return plain(value), (plain(element_basis) if element_basis is not None else None)


def _walk(
    a: Initiative,
    b: Initiative,
    *,
    prefix: tuple[str | PathKey, ...],
    rebuild: Rebuild,
    chain: tuple[str, ...],
    found: list[tuple[FactPath, Difference, Callable[[], Initiative], tuple[str, ...]]],
) -> None:
    a_side: Side
    b_side: Side

    def add(
        path: FactPath,
        a_side: Side,
        b_side: Side,
        new: Callable[[], Initiative],
    ) -> None:
        difference = Difference(
            path=path,
            a=None if a_side is None else a_side[0],
            b=None if b_side is None else b_side[0],
            a_basis=None if a_side is None else a_side[1],
            b_basis=None if b_side is None else b_side[1],
            a_present=a_side is not None,
            b_present=b_side is not None,
        )
        found.append((path, difference, lambda: rebuild(new()), chain))

    for name in _FACTS:
        a_side, b_side = _coded(getattr(a, name)), _coded(getattr(b, name))
        if a_side != b_side:
            value = getattr(b, name)
            add(FactPath(*prefix, name), a_side, b_side, _evolver(a, name, value))
    for group in _GROUPS:
        a_group, b_group = getattr(a, group), getattr(b, group)
        for field in attrs.fields(type(a_group)):
            a_side, b_side = _coded(getattr(a_group, field.name)), _coded(getattr(b_group, field.name))
            if a_side != b_side:
                changed = attrs.evolve(a_group, **{field.name: getattr(b_group, field.name)})
                add(FactPath(*prefix, group, field.name), a_side, b_side, _evolver(a, group, changed))
    for name, key, fields in _ELEMENTS:
        a_items = {key(item): item for item in getattr(a, name)}
        b_items = {key(item): item for item in getattr(b, name)}
        for item_key in sorted(a_items.keys() | b_items.keys()):
            path = FactPath(*prefix, name, PathKey(*item_key))
            a_item, b_item = a_items.get(item_key), b_items.get(item_key)
            if a_item is None or b_item is None:
                a_side = None if a_item is None else (plain(a_item), _element_basis(a_item))
                b_side = None if b_item is None else (plain(b_item), _element_basis(b_item))
                add(path, a_side, b_side, _evolver(a, name, _swap(getattr(a, name), a_item, b_item)))
                continue
            for field_name in fields:
                a_value, b_value = getattr(a_item, field_name), getattr(b_item, field_name)
                own = isinstance(a_value, Fact) or field_name == "basis"
                a_side = _coded(a_value, None if own else getattr(a_item, "basis", None))
                b_side = _coded(b_value, None if own else getattr(b_item, "basis", None))
                if a_side[0] != b_side[0] or (isinstance(a_value, Fact) and a_side[1] != b_side[1]):
                    changed = attrs.evolve(a_item, **{field_name: b_value})
                    items = _swap(getattr(a, name), a_item, changed)
                    add(path.then(field_name), a_side, b_side, _evolver(a, name, items))
    a_parts = {part.id: part for part in a.parts}
    b_parts = {part.id: part for part in b.parts}
    for part_id in sorted(a_parts.keys() | b_parts.keys()):
        a_part, b_part = a_parts.get(part_id), b_parts.get(part_id)
        path = FactPath(*prefix, "parts", PathKey(part_id))
        if a_part is None or b_part is None:
            a_side = None if a_part is None else (a_part.name, None)
            b_side = None if b_part is None else (b_part.name, None)
            add(path, a_side, b_side, _evolver(a, "parts", _swap(a.parts, a_part, b_part)))
            continue
        _walk(
            a_part,
            b_part,
            prefix=(*prefix, "parts", PathKey(part_id)),
            rebuild=_part_rebuild(a, a_part, rebuild),
            chain=(*chain, part_id),
            found=found,
        )


def _element_basis(item: object) -> str | None:
    basis = getattr(item, "basis", None)
    return None if basis is None else str(plain(basis))


def _swap(items: Iterable[Any], old: object, new: object) -> tuple[Any, ...]:
    """``items`` with ``old`` replaced by ``new``; ``old`` None adds ``new``, ``new`` None removes ``old``."""
    listed = list(items)
    if old is None:
        return (*listed, new)
    return tuple(new if item is old else item for item in listed if new is not None or item is not old)


def _evolver(initiative: Initiative, name: str, value: Any) -> Callable[[], Initiative]:
    changes: dict[str, Any] = {name: value}
    return lambda: attrs.evolve(initiative, **changes)


def _part_rebuild(parent: Initiative, part: Initiative, rebuild: Rebuild) -> Rebuild:
    return lambda changed: rebuild(attrs.evolve(parent, parts=_swap(parent.parts, part, changed)))
