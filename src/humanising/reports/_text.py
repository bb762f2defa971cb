"""Plain-text tables of verdicts, for terminals."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

from humanising._reasoning._analysis import Analysis
from humanising._reasoning._verdict import Fit
from humanising.reports._common import entries, model_columns, short_name, visible
from humanising.reports._present import (
    LEGEND_LEAD,
    FitCell,
    Legend,
    basis_legend,
    fit_cell,
    quadrant_axes,
    relationship_phrase,
)

_COLOURS = {
    Fit.FITS.value: "\x1b[32m",  # green
    Fit.PARTLY.value: "\x1b[33m",  # yellow
    Fit.DOES_NOT_FIT.value: "\x1b[31m",  # red
    Fit.UNDETERMINED.value: "\x1b[2m",  # dim
}
_RESET = "\x1b[0m"

LEGEND_WIDTH = 100
"""The width the legend under a table is wrapped to."""


def _equalises(analysis: Analysis) -> str:
    phrases = [relationship_phrase(relationship, analysis.initiative) for relationship in analysis.equalises]
    return "; ".join(phrases) or "nothing"


def casebook_table(analyses: Iterable[Analysis], *, colour: bool = False) -> str:
    r"""A table with a row per initiative: verdicts of every model, what it equalises, whether it humanises.

    A programme's parts follow it, each on its own row (once, however often they are passed).
    A fit resting on facts weaker than the case author's coding carries a mark (``fits·i``),
    and a legend under the table, wrapped to ``LEGEND_WIDTH``, spells out each mark it uses.
    Control characters in names (terminal escapes, carriage returns, newlines) are shown as
    escapes such as ``\x1b``, so that no cell can move the cursor or change the colours.

    Args:
        analyses: The analyses, as ``humanising.analyse`` returns them.
        colour: Colour each fit with ANSI escapes (green fits, yellow partly, red does not fit, dim undetermined).

    Example:
        >>> import humanising
        >>> table = casebook_table([humanising.analyse(humanising.casebook.load("sleepwell"))])
        >>> [cell.strip() for cell in table.splitlines()[2].split(" | ")][:4]
        ['sleepwell', 'does not fit', 'does not fit·i', 'fits·i']
        >>> print("\n".join(table.splitlines()[4:]))
        Weakest basis of the facts that decide a fit, where weaker than the case author's coding:
        ·i inferred (case author's inference)
    """
    rows = entries(analyses)
    model_ids = model_columns(rows)
    header = [visible(text) for text in ("case", *map(short_name, model_ids), "humanises", "quadrant", "equalises")]
    fits: list[list[FitCell]] = [
        [
            *(fit_cell(row.analysis.verdicts[model_id]) for model_id in model_ids),
            fit_cell(row.analysis.humanises),
        ]
        for row in rows
    ]
    cells = [
        [
            visible(cell)
            for cell in (
                row.analysis.initiative.id,
                *(fit.text for fit in row_fits),
                quadrant_axes(row.analysis).quadrant,
                _equalises(row.analysis),
            )
        ]
        for row, row_fits in zip(rows, fits, strict=True)
    ]
    widths = [max(len(row[column]) for row in (header, *cells)) for column in range(len(header) - 1)]

    def line(row: Sequence[str], row_fits: Sequence[FitCell] = ()) -> str:
        padded = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        for column, fit in enumerate(row_fits, start=1):
            padded[column] = f"{_COLOURS[fit.fit.value]}{padded[column]}{_RESET}"
        return " | ".join([*padded, row[-1]]).rstrip() + "\n"

    rule = "-+-".join("-" * width for width in widths) + "-+-" + "-" * len(header[-1]) + "\n"
    table = (
        line(header)
        + rule
        + "".join(line(row, row_fits if colour else ()) for row, row_fits in zip(cells, fits, strict=True))
    )
    legend = basis_legend(fit for row_fits in fits for fit in row_fits)
    if legend.entries:
        table += "\n" + "".join(f"{text}\n" for text in _legend_lines(legend))
    return table


def _legend_lines(legend: Legend) -> list[str]:
    """The legend's opening words on a line, then its entries, as many to a line as ``LEGEND_WIDTH`` holds.

    An entry is never broken, so that each mark stays beside what it stands for.
    """
    lines = [f"{LEGEND_LEAD}:"]
    current = ""
    for entry in legend.entries:
        text = f"{entry.mark} {entry.words}"
        if current and len(current) + 2 + len(text) > LEGEND_WIDTH:
            lines.append(current)
            current = ""
        current = f"{current}; {text}" if current else text
    return [*lines, current]


def _model_details(model: dict[str, Any], width: int) -> list[str]:
    """A model's last cell, wrapped to ``width``: its criteria by kind, then where it comes from.

    An entry point that gave no usable model shows why instead, and where it is declared.
    """
    if model["status"] != "ok":
        paragraphs = [f"error: {model['error']}", f"entry point: {model['entry_point']} (in {model['package']})"]
        return [
            line
            for text in paragraphs
            for line in textwrap.wrap(text, width, subsequent_indent="  ", break_long_words=False)
        ]
    paragraphs = [
        f"{kind}: {', '.join(ids)}"
        for kind, essential in (("essential", True), ("qualifying", False))
        if (ids := [spec["id"] for spec in model["criteria"] if spec["essential"] is essential])
    ] or ["no criteria documented"]
    paragraphs.append(f"source: {model['source']}")
    return [
        line
        for text in paragraphs
        for line in textwrap.wrap(
            visible(text), width, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False
        )
    ]


def models_table(data: dict[str, Any], *, width: int = 100) -> str:
    """A table of models from ``models_data``: id, short name, status, then criteria and source.

    The last column is wrapped so that lines fit ``width`` characters where the
    other columns leave room (at least 30 characters) for it.

    Example:
        >>> import humanising
        >>> from humanising.reports._json import models_data
        >>> lines = models_table(models_data(humanising.registered_models())).splitlines()
        >>> lines[0].split(" | ")
        ['id                          ', 'short name    ', 'status', 'criteria and source']
        >>> max(len(line) for line in lines) <= 100
        True
    """
    header = ["id", "short name", "status", "criteria and source"]
    rows = [[visible(model[key]) for key in ("id", "short_name", "status")] for model in data["models"]]
    widths = [max(len(row[column]) for row in (header, *rows)) for column in range(3)]
    last = max(width - sum(widths) - 3 * len(widths), 30)
    blank = ["" for _ in widths]

    def line(cells: Sequence[str], text: str) -> str:
        return " | ".join([*(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)), text]).rstrip() + "\n"

    out = [line(header[:3], header[3]), "-+-".join("-" * w for w in [*widths, last]) + "\n"]
    for row, model in zip(rows, data["models"], strict=True):
        details = _model_details(model, last)
        out.append(line(row, details[0]))
        out.extend(line(blank, text) for text in details[1:])
    return "".join(out)
