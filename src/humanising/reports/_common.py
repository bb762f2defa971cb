"""What every report shares: the rows it shows, and short names for models and fits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from humanising._facts import Change
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


def equalising_side(analysis: Analysis) -> bool | None:
    """Whether it equalises (narrows a relationship), does not, or cannot be told (a change is unknown)."""
    if analysis.equalises:
        return True
    if any(relationship.change is Change.UNKNOWN for relationship in analysis.initiative.relationships):
        return None
    return False


def humanising_side(analysis: Analysis) -> bool | None:
    """Whether it humanises, does not, or cannot be told."""
    if analysis.humanises.fit is Fit.FITS:
        return True
    if analysis.humanises.fit is Fit.DOES_NOT_FIT:
        return False
    return None
