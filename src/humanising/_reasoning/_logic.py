"""The three-valued (Kleene) logic the predicates reason in.

A judgement is ``True``, ``False`` or ``None`` (unknown), paired with the evidence
that decided it; an unknown one's evidence is the unknown facts that left it open,
so that an undetermined verdict can say what would settle it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeAlias

from humanising._facts._paths import FactPath
from humanising._facts._unknown import UNKNOWN, Fact
from humanising._reasoning._evidence import EvidenceItem

Tri: TypeAlias = bool | None
"""True, False, or None for unknown."""

Judgement: TypeAlias = "tuple[Tri, tuple[EvidenceItem, ...]]"
"""A three-valued answer and the evidence that decided it.

While judging (status mode) the evidence is empty; when a reason is read (evidence
mode) it holds the facts that decided the answer. An unknown answer's evidence is the
unknown facts that left it open (items whose value is ``UNKNOWN``).
"""

TRUE: Judgement = (True, ())
FALSE: Judgement = (False, ())


def judgement_of(fact: Fact[Any], path: FactPath, holds: Tri = None) -> Judgement:
    """What a fact says: unknown (naming ``path``) while its value is, else ``holds``.

    ``holds`` defaults to the fact's own value, for a boolean fact. The evidence is the
    fact itself.
    """
    item = EvidenceItem(path, fact.value, fact.basis, fact.note)
    if fact.value is UNKNOWN:
        return (None, (item,))
    return (fact.value if holds is None else holds, (item,))


def all_of(*judgements: Judgement) -> Judgement:
    """Kleene conjunction: false if any is false, true if all are true, else unknown.

    Evidence: everything it looked at (what fails, what holds, what is open).
    """
    failed = unknown = False
    for value, _ in judgements:
        if value is False:
            failed = True
        elif value is None:
            unknown = True
    items = joined(items for _, items in judgements)
    if failed:
        return (False, items)
    return (None, items) if unknown else (True, items)


def any_of(judgements: Iterable[Judgement]) -> Judgement:
    """Kleene disjunction: true if any is true, false if all are false, else unknown.

    Evidence: the true ones' when it is true; everything looked at when false; the open ones' when unknown.
    """
    judged = tuple(judgements)
    held = unknown = False
    for value, _ in judged:
        if value is True:
            held = True
        elif value is None:
            unknown = True
    if held:
        return (True, joined(items for value, items in judged if value is True))
    if unknown:
        return (None, joined(items for value, items in judged if value is None))
    return (False, joined(items for _, items in judged))


def negate(judgement: Judgement) -> Judgement:
    """Kleene negation, with the same evidence."""
    value, items = judgement
    return judgement if value is None else (not value, items)


def unknown_paths(judgement: Judgement) -> tuple[FactPath, ...]:
    """The paths of the unknown facts that left a judgement open (none unless it is unknown), sorted."""
    value, items = judgement
    if value is not None:
        return ()
    found = {
        str(path): path
        for item in items
        if isinstance(item, FactPath) or item.value is UNKNOWN
        for path in (item if isinstance(item, FactPath) else item.path,)
    }
    return tuple(found[text] for text in sorted(found))


def joined(groups: Iterable[tuple[EvidenceItem, ...]]) -> tuple[EvidenceItem, ...]:
    """The items of every group, in order; repeats are left for ``unique`` to drop, once, at the end."""
    found: tuple[EvidenceItem, ...] = ()
    for items in groups:
        if items:
            found = items if not found else found + items
    return found


def unique(items: tuple[EvidenceItem, ...]) -> tuple[EvidenceItem, ...]:
    """Each fact once, in the order first met."""
    if len(items) < 2:
        return items
    seen: dict[str, EvidenceItem] = {}
    for item in items:
        seen.setdefault(str(item if isinstance(item, FactPath) else item.path), item)
    return items if len(seen) == len(items) else tuple(seen.values())
