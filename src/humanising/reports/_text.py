"""Plain-text tables of verdicts, for terminals."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

from humanising._reasoning._analysis import Analysis
from humanising._reasoning._verdict import Fit
from humanising.reports._common import entries, model_columns, short_name, visible
from humanising.reports._present import (
    FIT_WORDS,
    LEGEND_LEAD,
    FitCell,
    Legend,
    abbreviations,
    basis_legend,
    equalises_text,
    fit_cell,
    quadrant_axes,
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
    return equalises_text(analysis)


def casebook_table(analyses: Iterable[Analysis], *, colour: bool = False, width: int | None = None) -> str:
    r"""A table with a row per initiative: verdicts of every model, what it equalises, whether it humanises.

    A programme's parts follow it, each on its own row (once, however often they are passed).
    A fit resting on facts weaker than the case author's coding carries a mark (``fits·i``),
    and a legend under the table, wrapped to ``LEGEND_WIDTH`` (or ``width``, where narrower),
    spells out each mark it uses.
    Control characters in names (terminal escapes, carriage returns, newlines) are shown as
    escapes such as ``\x1b``, so that no cell can move the cursor or change the colours.

    Args:
        analyses: The analyses, as ``humanising.analyse`` returns them.
        colour: Colour each fit with ANSI escapes (green fits, yellow partly, red does not fit, dim undetermined).
        width: Fit every line in this many characters, as a terminal of that width needs. Where
            the table is wider, what each case equalises moves below it, the other columns are
            split into tables of as many as fit (each repeating the case), and a cell too long
            for any table wraps. By default the table is one, however wide.

    Example:
        >>> import humanising
        >>> table = casebook_table([humanising.analyse(humanising.casebook.load("sleepwell"))])
        >>> [cell.strip() for cell in table.splitlines()[2].split(" | ")][:4]
        ['sleepwell', 'does not fit', 'does not fit·i', 'fits·i']
        >>> print("\n".join(table.splitlines()[4:]))
        Weakest basis of the facts that decide a fit, where weaker than the case author's coding:
        ·i inferred (case author's inference)
        >>> narrow = casebook_table([humanising.analyse(humanising.casebook.load("sleepwell"))], width=60)
        >>> max(len(line) for line in narrow.splitlines()) <= 60
        True
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
    coloured = fits if colour else [[] for _ in rows]
    legend = basis_legend(fit for row_fits in fits for fit in row_fits)
    legend_width = LEGEND_WIDTH if width is None else min(width, LEGEND_WIDTH)
    widths = [max(len(row[column]) for row in (header, *cells)) for column in range(len(header))]
    if width is None or sum(widths) + 3 * (len(widths) - 1) <= width:
        table = _grid(header, cells, coloured, list(range(len(header))), widths, ragged=True)
    else:
        table = _split(header, cells, coloured, widths, width)
    if legend.entries:
        table += "\n" + "".join(f"{text}\n" for text in _legend_lines(legend, legend_width))
    return table


def _grid(
    header: Sequence[str],
    cells: Sequence[Sequence[str]],
    fits: Sequence[Sequence[FitCell]],
    columns: Sequence[int],
    widths: Sequence[int],
    *,
    ragged: bool = False,
) -> str:
    """The table of these columns, each at most its width: a longer cell wraps onto more lines.

    A ragged table's rule under its last heading is as long as the heading, not the column.
    """

    def wrapped(text: str, width: int) -> list[str]:
        return textwrap.wrap(text, width, break_on_hyphens=False) or [""] if len(text) > width else [text]

    def line(row: Sequence[str], row_fits: Sequence[FitCell] = ()) -> str:
        parts = [wrapped(row[column], widths[column]) for column in columns]
        out = []
        for depth in range(max(map(len, parts))):
            padded = []
            for place, (column, part) in enumerate(zip(columns, parts, strict=True)):
                text = part[depth] if depth < len(part) else ""
                text = text if place == len(columns) - 1 else text.ljust(widths[column])
                if 1 <= column <= len(row_fits):
                    text = f"{_COLOURS[row_fits[column - 1].fit.value]}{text}{_RESET}"
                padded.append(text)
            out.append(" | ".join(padded).rstrip() + "\n")
        return "".join(out)

    last = columns[-1]
    lengths = [*(widths[column] for column in columns[:-1]), len(header[last]) if ragged else widths[last]]
    rule = "-+-".join("-" * length for length in lengths) + "\n"
    return line(header) + rule + "".join(line(row, row_fits) for row, row_fits in zip(cells, fits, strict=True))


def _split(
    header: Sequence[str],
    cells: Sequence[Sequence[str]],
    fits: Sequence[Sequence[FitCell]],
    widths: Sequence[int],
    width: int,
) -> str:
    """The table in ``width``: the columns in as many tables as they need, then what each case equalises."""
    widths = list(widths)
    widths[0] = min(widths[0], max(width // 2, 1))
    room = max(width - widths[0] - 3, 1)
    groups: list[list[int]] = []
    for column in range(1, len(header) - 1):
        widths[column] = min(widths[column], room)
        if groups and widths[0] + sum(3 + widths[other] for other in [*groups[-1], column]) <= width:
            groups[-1].append(column)
        else:
            groups.append([column])
    tables = [_grid(header, cells, fits, [0, *group], widths) for group in groups]
    label = header[-1]
    below = [f"{label}:"]
    for row in cells:
        below += textwrap.wrap(
            f"{row[0]}: {row[-1]}", width, initial_indent="  ", subsequent_indent="      ", break_on_hyphens=False
        )
    return "\n".join(tables) + "\n" + "".join(f"{text}\n" for text in below)


def _legend_lines(legend: Legend, width: int = LEGEND_WIDTH) -> list[str]:
    """The legend's opening words, then its entries, as many to a line as ``width`` holds.

    An entry is never broken, so that each mark stays beside what it stands for (unless it is
    longer than a line on its own).
    """
    lines = textwrap.wrap(f"{LEGEND_LEAD}:", width)
    grouped: list[str] = []
    for entry in legend.entries:
        text = f"{entry.mark} {entry.words}"
        if grouped and len(grouped[-1]) + 2 + len(text) <= width:
            grouped[-1] = f"{grouped[-1]}; {text}"
        else:
            grouped.append(text)
    return [
        *lines,
        *(part for line in grouped for part in (textwrap.wrap(line, width) if len(line) > width else [line])),
    ]


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


def table_notes(analyses: Iterable[Analysis], *, footer: str = "", width: int | None = None) -> str:
    """What goes under a terminal table of fits: what each fit means, the abbreviated models, then ``footer``.

    Each is one line, wrapped where ``width`` (at most ``LEGEND_WIDTH``) is narrower.

    Example:
        >>> import humanising
        >>> print(table_notes([humanising.analyse(humanising.casebook.load("sleepwell"))], width=100))
        fits: every criterion met; partly: every essential criterion met, a qualifying one unmet or
          unknown; undetermined: an essential criterion unknown, none unmet; does not fit: an essential
          criterion unmet.
        EBP evidence-based practice; UCD user-centred design.
        <BLANKLINE>
    """
    rows = entries(analyses)
    limit = LEGEND_WIDTH if width is None else min(width, LEGEND_WIDTH)
    paragraphs = [f"{FIT_WORDS}."]
    if spelt := abbreviations(model_columns(rows)):
        paragraphs.append(f"{spelt}.")
    if footer:
        paragraphs.append(footer)
    return "".join(
        f"{line}\n"
        for text in paragraphs
        for line in textwrap.wrap(text, limit, subsequent_indent="  ", break_on_hyphens=False)
    )
