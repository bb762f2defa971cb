"""Tidy tables of verdicts, for spreadsheets, data frames and QCA software.

``records`` gives rows of plain Python values (str, bool or ``None``; a list is one
``;``-joined string), one row per initiative and model, per criterion, or per equalised
relationship. ``to_pandas`` and ``to_polars`` import those libraries only when called.
``write_csv`` and ``qca_matrix`` give the text that ``humanising classify -f csv`` and
``-f qca`` write.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any, Literal, TypeAlias

from humanising._reasoning._analysis import Analysis
from humanising._reasoning._relations import relationship_kind
from humanising._reasoning._verdict import Status, Verdict
from humanising.reports._common import entries, model_columns

Table: TypeAlias = Literal["verdicts", "criteria", "relationships"]
Cell: TypeAlias = str | bool | None
Row: TypeAlias = dict[str, Cell]

TABLES: tuple[Table, ...] = ("verdicts", "criteria", "relationships")

COLUMNS: dict[str, tuple[str, ...]] = {
    "verdicts": ("case", "part_of", "model", "fit", "basis", "product", "stages", "unknowns"),
    "criteria": ("case", "part_of", "model", "criterion", "status", "essential", "reason", "unknowns"),
    "relationships": ("case", "part_of", "one", "other", "aspect", "claim", "basis", "kind"),
}
"""The columns of each table, in order (``records`` gives every row every column)."""

HUMANISES = "humanises"
"""The ``model`` column's value for the humanising verdict, beside the models' ids."""


def _joined(values: Iterable[object]) -> str:
    return ";".join(str(value) for value in values)


def _verdicts(analysis: Analysis) -> list[tuple[str, Verdict]]:
    return [*analysis.verdicts.items(), (HUMANISES, analysis.humanises)]


def records(analyses: Iterable[Analysis], table: Table = "verdicts") -> list[Row]:
    """Tidy rows of the analyses' verdicts, criteria or equalised relationships, as plain values.

    A programme's parts follow it, each with its programme's id in ``part_of``. ``None`` is a
    cell with nothing in it (no weakest basis recorded, no part of anything); a list (stages,
    unknown facts) is one string, ``;``-joined.

    Args:
        analyses: The analyses, as ``humanising.analyse`` returns them.
        table: ``verdicts`` (the default): a row per initiative and model (and ``humanises``),
            with its fit, the weakest basis deciding it, the product its criteria are shown for,
            its stages and the unknown facts that would settle it. ``criteria``: a row per
            criterion of each verdict, with its status, whether it is essential, its reason and
            its unknown facts. ``relationships``: a row per relationship the initiative equalises,
            with its parties, aspect, claim (aim or observed), basis and kind.

    Returns:
        The rows, each a dict with the table's ``COLUMNS`` as keys.

    Example:
        >>> import humanising
        >>> rows = humanising.records([humanising.analyse(humanising.casebook.load("sleepwell"))])
        >>> rows[2]
        {'case': 'sleepwell', 'part_of': None, 'model': 'evidence_based_practice', 'fit': 'fits', 'basis': 'inferred', 'product': None, 'stages': '', 'unknowns': ''}
        >>> criteria = humanising.records([humanising.analyse(humanising.casebook.load("sleepwell"))], "criteria")
        >>> criteria[0]["model"], criteria[0]["criterion"], criteria[0]["status"], criteria[0]["essential"]
        ('coproduction', 'produces', 'met', True)
    """  # noqa: E501 - a doctest line as it prints
    if table not in TABLES:
        raise ValueError(f"no table {table!r}: expected one of {', '.join(TABLES)}")
    rows: list[Row] = []
    for entry in entries(analyses):
        analysis, initiative = entry.analysis, entry.analysis.initiative
        where: Row = {"case": initiative.id, "part_of": entry.part_of}
        if table == "verdicts":
            rows.extend(
                {
                    **where,
                    "model": model_id,
                    "fit": verdict.fit.value,
                    "basis": None if verdict.basis is None else verdict.basis.value,
                    "product": verdict.product,
                    "stages": _joined(stage.value for stage in verdict.stages),
                    "unknowns": _joined(verdict.unknowns),
                }
                for model_id, verdict in _verdicts(analysis)
            )
        elif table == "criteria":
            rows.extend(
                {
                    **where,
                    "model": model_id,
                    "criterion": result.id,
                    "status": result.status.value,
                    "essential": result.essential,
                    "reason": result.reason,
                    "unknowns": _joined(result.unknowns),
                }
                for model_id, verdict in _verdicts(analysis)
                for result in verdict.criteria
            )
        else:
            rows.extend(
                {
                    **where,
                    "one": relationship.between[0],
                    "other": relationship.between[1],
                    "aspect": relationship.aspect.value,
                    "claim": relationship.claim.value,
                    "basis": relationship.basis.value,
                    "kind": relationship_kind(initiative, relationship).value,
                }
                for relationship in analysis.equalises
            )
    return rows


def write_csv(rows: Sequence[Row], table: Table = "verdicts") -> str:
    """The rows as CSV text, with the table's columns as its header: ``None`` is empty, booleans ``true``/``false``.

    Example:
        >>> import humanising
        >>> text = write_csv(humanising.records([humanising.analyse(humanising.casebook.load("sleepwell"))]))
        >>> text.splitlines()[0]
        'case,part_of,model,fit,basis,product,stages,unknowns'
    """
    out = io.StringIO()
    # RFC 4180's CRLF: with a bare LF as terminator, the writer leaves a lone CR in a name
    # unquoted, and the file no longer reads back.
    writer = csv.DictWriter(out, fieldnames=COLUMNS[table], lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _csv_cell(value) for key, value in row.items()})
    return out.getvalue()


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


_QCA = {Status.MET: "1", Status.UNMET: "0", Status.UNKNOWN: ""}


def qca_matrix(analyses: Iterable[Analysis]) -> str:
    """A criterion matrix for QCA software, as CSV: a row per case, a column per ``model.criterion``.

    Each cell is 1 (met), 0 (unmet) or empty (unknown): an unknown is missing data, never 0.5.
    A criterion a case's verdict does not list (a model judged product by product shows the
    criteria of one product) is empty too.

    Example:
        >>> import humanising
        >>> lines = qca_matrix([humanising.analyse(humanising.casebook.load("sleepwell"))]).splitlines()
        >>> lines[0].split(",")[:3]
        ['case', 'coproduction.produces', 'coproduction.service_user_voice']
        >>> lines[1].split(",")[:3]
        ['sleepwell', '1', '0']
    """
    rows = entries(analyses)
    columns: dict[str, None] = {}
    for model_id in [*model_columns(rows), HUMANISES]:
        for row in rows:
            verdict = row.analysis.humanises if model_id == HUMANISES else row.analysis.verdicts[model_id]
            for result in verdict.criteria:
                columns.setdefault(f"{model_id}.{result.id}")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180, as in write_csv
    writer.writerow(["case", *columns])
    for row in rows:
        cells = {
            f"{model_id}.{result.id}": _QCA[result.status]
            for model_id, verdict in _verdicts(row.analysis)
            for result in verdict.criteria
        }
        writer.writerow([row.analysis.initiative.id, *(cells.get(column, "") for column in columns)])
    return out.getvalue()


def to_pandas(rows: Sequence[Row]) -> Any:
    """The rows as a ``pandas.DataFrame``; pandas is imported only now, and needed only for this.

    Raises:
        ImportError: pandas is not installed; the message says how to install it.

    Example:
        >>> import humanising
        >>> rows = humanising.records([humanising.analyse(humanising.casebook.load("sleepwell"))], "criteria")
        >>> frame = humanising.to_pandas(rows)  # doctest: +SKIP
        >>> frame.shape  # doctest: +SKIP
        (35, 8)
    """
    try:
        import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as error:
        raise ImportError("to_pandas needs pandas: install pandas, e.g. the `pandas` extra") from error
    return pd.DataFrame.from_records(list(rows))


def to_polars(rows: Sequence[Row]) -> Any:
    """The rows as a ``polars.DataFrame``; polars is imported only now, and needed only for this.

    Raises:
        ImportError: polars is not installed; the message says how to install it.

    Example:
        >>> import humanising
        >>> rows = humanising.records([humanising.analyse(humanising.casebook.load("sleepwell"))], "criteria")
        >>> frame = humanising.to_polars(rows)  # doctest: +SKIP
        >>> frame.shape  # doctest: +SKIP
        (35, 8)
    """
    try:
        import polars as pl  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as error:
        raise ImportError("to_polars needs polars: install polars, e.g. the `polars` extra") from error
    return pl.DataFrame(list(rows))
