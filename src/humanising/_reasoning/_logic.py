"""The three-valued (Kleene) logic the predicates reason in.

A judgement is ``True``, ``False`` or ``None`` (unknown), paired with the unknown
facts that left it open, so that an undetermined verdict can say what would settle it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeAlias

from humanising._facts._paths import FactPath
from humanising._facts._unknown import UNKNOWN, Fact

Tri: TypeAlias = bool | None
"""True, False, or None for unknown."""

Judgement: TypeAlias = tuple[Tri, tuple[FactPath, ...]]
"""A three-valued answer and the unknown fact paths that left it open (empty unless None)."""

TRUE: Judgement = (True, ())
FALSE: Judgement = (False, ())


def judgement_of(fact: Fact[Any], path: FactPath, holds: Tri = None) -> Judgement:
    """What a fact says: unknown (naming ``path``) while its value is, else ``holds``.

    ``holds`` defaults to the fact's own value, for a boolean fact.
    """
    if fact.value is UNKNOWN:
        return (None, (path,))
    return (fact.value if holds is None else holds, ())


def all_of(*judgements: Judgement) -> Judgement:
    """Kleene conjunction: false if any is false, true if all are true, else unknown."""
    unknowns: list[FactPath] = []
    for value, paths in judgements:
        if value is False:
            return FALSE
        if value is None:
            unknowns.extend(paths)
    return (None, _dedupe(unknowns)) if unknowns else TRUE


def any_of(judgements: Iterable[Judgement]) -> Judgement:
    """Kleene disjunction: true if any is true, false if all are false, else unknown."""
    unknowns: list[FactPath] = []
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


def _dedupe(paths: Iterable[FactPath]) -> tuple[FactPath, ...]:
    # Sorted by their text, as sorted paths always are; keyed by text so that sorting compares strings.
    found = {str(path): path for path in paths}
    return tuple(found[text] for text in sorted(found))
