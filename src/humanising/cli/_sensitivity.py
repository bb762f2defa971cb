"""The text of ``humanising explain --sensitivity``: what each verdict rests on."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from humanising._reasoning._sensitivity import Alternative, Sensitivity, show
from humanising._reasoning._verdict import Fit
from humanising.reports._common import visible


def _joined(words: Sequence[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def _afters(alternatives: Sequence[Alternative]) -> str:
    """The values instead, joined; a participation's levels grouped by the capacity it is added in."""
    by_capacity: dict[str, list[str]] = {}
    plain: list[str] = []
    for alternative in alternatives:
        after = alternative.after
        if isinstance(after, Mapping):
            by_capacity.setdefault(str(after["capacity"]), []).append(str(after["involvement"]))
        else:
            plain.append(show(after))
    if plain:
        return _joined(plain)
    return "; ".join(f"{_joined(levels)} as {capacity}" for capacity, levels in by_capacity.items())


def lines(found: Sensitivity, title: str, style: Callable[..., str]) -> list[str]:
    """One verdict's fit and the single facts that would change it, grouped by the fit they give."""
    heading = f"  {style(visible(title), bold=True)}: {found.fit.value}"
    undetermined = found.fit is Fit.UNDETERMINED
    if not found.alternatives:
        verb = "decides" if undetermined else "changes"
        return [heading, f"    no single fact {verb} it ({found.considered} single facts judged)"]
    verb = "decided" if undetermined else "overturned"
    count = len(found.alternatives)
    text = [heading, f"    {verb} by {count} of {found.considered} single facts:"]
    for fit in (Fit.FITS, Fit.PARTLY, Fit.DOES_NOT_FIT, Fit.UNDETERMINED):
        chosen = found.to(fit)
        if not chosen:
            continue
        text.append(f"      -> {fit.value}:")
        groups: dict[tuple[str, str], list[Alternative]] = {}
        for alternative in chosen:  # already ordered by path, then value
            groups.setdefault((str(alternative.path), show(alternative.before)), []).append(alternative)
        for (path, before), alternatives in groups.items():
            text.append(visible(f"        {path}: {before} -> {_afters(alternatives)}"))
    return text


def explain(
    found: Sequence[Sensitivity], names: Mapping[str, str], model_id: str | None, style: Callable[..., Any]
) -> list[str]:
    """Every verdict's block (or the one ``model_id`` names), each followed by a blank line."""
    text: list[str] = []
    for sensitivity in found:
        if model_id in (None, sensitivity.verdict):
            name = names.get(sensitivity.verdict, sensitivity.verdict)
            title = sensitivity.verdict if name == sensitivity.verdict else f"{name} ({sensitivity.verdict})"
            text += [*lines(sensitivity, title, style), ""]
    return text
