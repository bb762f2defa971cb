"""What every report shares: the rows it shows, short names for models and fits, and text safe for a terminal."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from humanising._reasoning._analysis import Analysis, registered_models
from humanising._reasoning._verdict import Fit


@attrs.frozen
class Entry:
    """One row of a report: an analysis, and the programme it is a part of (if any).

    Attributes:
        analysis: The analysis.
        part_of: The id of the programme it belongs to, or ``None``.
    """

    analysis: Analysis
    part_of: str | None = None


def entries(analyses: Iterable[Analysis]) -> tuple[Entry, ...]:
    """Every analysis and, after it, each of its parts (depth first), each id once.

    A programme's parts follow it; passing the parts again (as
    ``humanising.casebook.load_all()`` does) does not repeat them.

    Example:
        >>> import humanising
        >>> rows = entries([humanising.analyse(humanising.casebook.load("east-lille"))])
        >>> [(row.analysis.initiative.id, row.part_of) for row in rows][:2]
        [('east-lille', None), ('east-lille-1', 'east-lille')]
    """
    found: dict[str, Entry] = {}

    def visit(analysis: Analysis, part_of: str | None) -> None:
        if analysis.initiative.id in found:
            return
        found[analysis.initiative.id] = Entry(analysis, part_of)
        for part in analysis.parts:
            visit(part, analysis.initiative.id)

    for analysis in analyses:
        visit(analysis, None)
    return tuple(found.values())


def model_columns(rows: Sequence[Entry]) -> tuple[str, ...]:
    """The model ids to show: every registered model, then any other model the verdicts name."""
    ids = [model.id for model in registered_models()]
    for row in rows:
        ids.extend(model_id for model_id in row.analysis.verdicts if model_id not in ids)
    return tuple(ids)


def short_name(model_id: str) -> str:
    """A model's column heading: its ``short_name``, or the id of a model that is not registered."""
    for model in registered_models():
        if model.id == model_id:
            return model.short_name
    return model_id


def model_names() -> dict[str, str]:
    """Every registered model's readable name, by id."""
    return {model.id: model.name for model in registered_models()}


FIT_CLASSES = {
    Fit.FITS: "fits",
    Fit.PARTLY: "partly",
    Fit.DOES_NOT_FIT: "no",
    Fit.UNDETERMINED: "undetermined",
}
"""A CSS-friendly name for each fit."""


LABEL_LENGTH = 200
"""The most characters of a name a diagram draws; a longer one ends in "…" (the report's text has it whole)."""


def clip(text: str, limit: int = LABEL_LENGTH) -> str:
    """``text``, or its first ``limit - 1`` characters and "…" if it is longer.

    Example:
        >>> clip("a" * 300)[-3:], len(clip("a" * 300)), clip("short")
        ('aa…', 200, 'short')
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


_NAMED_CONTROLS = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
# C0 and C1 controls, DEL, and the format characters that reorder or break lines on a terminal
# (bidirectional overrides and isolates, the line and paragraph separators).
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _show(match: re.Match[str]) -> str:
    character = match[0]
    code = ord(character)
    return _NAMED_CONTROLS.get(character) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def visible(text: str, *, keep: str = "") -> str:
    r"""Text safe to print on a terminal: every control character shown as its escape, as Python writes it.

    Terminal escapes (``\x1b[2J``, ``\x1b]0;title\x07``), carriage returns and
    the other C0 and C1 controls come out as visible text such as ``\x1b``, so a
    name in a case file cannot clear the screen, retitle the window or recolour
    what follows. Characters in ``keep`` (a newline, say) are left as they are.

    Example:
        >>> visible("Ward\x1b[31m 7\r")
        'Ward\\x1b[31m 7\\r'
        >>> visible("one\ntwo", keep="\n")
        'one\ntwo'
    """
    return _CONTROLS.sub(lambda match: match[0] if match[0] in keep else _show(match), text)
