"""The three-valued (Kleene) logic the predicates reason in.

A judgement is ``True``, ``False`` or ``None`` (unknown), paired with the unknown
facts that left it open, so that an undetermined verdict can say what would settle it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeAlias

Tri: TypeAlias = bool | None
"""True, False, or None for unknown."""

Judgement: TypeAlias = tuple[Tri, tuple[str, ...]]
"""A three-valued answer and the unknown fact paths that left it open (empty unless None)."""

TRUE: Judgement = (True, ())
FALSE: Judgement = (False, ())


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
