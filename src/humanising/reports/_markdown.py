"""The Markdown report: a verdict table, then a section per initiative with its reasons and diagram."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, assert_never

from humanising._reasoning._analysis import Analysis
from humanising._reasoning._verdict import Verdict
from humanising.reports._common import Entry, entries, model_columns, model_names, short_name
from humanising.reports._mermaid import mermaid
from humanising.reports._present import (
    STATUS_MARKS,
    ByProductLine,
    CriterionLine,
    FitLine,
    NoteLine,
    SettledByLine,
    StagesLine,
    basis_legend,
    fit_cell,
    quadrant_axes,
    summary_lines,
    verdict_lines,
)

# What Markdown (CommonMark, GitHub's and Python-Markdown with the extensions the docs use) could
# read in running text: HTML and entities, emphasis, code, links and images, table cells,
# attribute lists ({: onclick=…}) and heading closers. Each has an escape every one of them reads
# as the plain character. An underscore inside a word is left alone: none of them reads it.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_SPECIAL = re.compile(r"[&<>\\`*\[\]{}|#]|(?<![^\W_])_|_(?![^\W_])|\s+")


def _escape(match: re.Match[str]) -> str:
    found = match[0]
    if found.isspace():
        return " "
    return _ENTITIES.get(found) or "\\" + found


def escape_inline(value: str) -> str:
    r"""Any text as Markdown that shows it as it is, on one line, with no markup, HTML or link it could start.

    Line breaks become spaces; so do runs of white space, as Markdown shows them anyway.

    Example:
        >>> escape_inline("<script>alert(1)</script> *x* [a](javascript:b) snake_case _it_\nnext")
        '&lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\[a\\](javascript:b) snake_case \\_it\\_ next'
    """
    return _SPECIAL.sub(_escape, value).strip()


def escape_block(value: str) -> str:
    """Text that starts a line or a list item, escaped as ``escape_inline`` does, and its first character made inert.

    A line that starts with ``1.``, ``-``, ``+``, ``=``, ``~~~``, ``!!!`` or ``???`` would start a list,
    a rule, a fence, an admonition or a tab; a digit or ASCII mark at the start is written as a
    character reference, which no Markdown reads as anything but the character.

    Example:
        >>> escape_block("1. not a list"), escape_block("--8<-- not a snippet"), escape_block("Plain")
        ('&#49;. not a list', '&#45;-8&lt;-- not a snippet', 'Plain')
    """
    escaped = escape_inline(value)
    first = escaped[:1]
    if first.isascii() and not first.isalpha() and first not in "&\\":
        return f"&#{ord(first)};{escaped[1:]}"
    return escaped


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(escape_inline(cell) for cell in header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(escape_inline(cell) for cell in row) + " |" for row in rows)
    return lines


def _legend(verdicts: Iterable[Verdict]) -> list[str]:
    """The legend for a table of these verdicts' cells, as a paragraph, or nothing where no cell is marked."""
    legend = basis_legend(fit_cell(verdict) for verdict in verdicts).text
    return [escape_block(legend), ""] if legend else []


def _verdict(heading: str, verdict: Verdict) -> list[str]:
    """A verdict's section: ``heading`` (already escaped) and its fit, then a list item per line."""
    lines = []
    for line in verdict_lines(verdict):
        match line:
            case FitLine():
                rests_on = f" ({line.rests_on})" if line.rests_on else ""
                lines += [f"### {heading}: {line.fit.value}{rests_on}", ""]
            case ByProductLine():
                lines.append(f"- {line.label.capitalize()}: {escape_inline('; '.join(line.phrases))}")
            case CriterionLine():
                lines.append(f"- {line.mark} {line.status.value} ({line.kind}): {escape_inline(line.reason)}")
            case NoteLine():
                lines.append(f"- {escape_block(line.text)}")
            case StagesLine():
                lines.append(f"- {line.label.capitalize()}: {escape_inline(', '.join(line.stages))}")
            case SettledByLine():
                lines.append(f"- {line.label.capitalize()}: {', '.join(_code(path) for path in line.paths)}")
            case _:
                assert_never(line)
    return [*lines, ""]


def _code(value: str) -> str:
    """A code span that holds ``value`` whatever it is: fenced by more backticks than it has in a row."""
    value = " ".join(value.split())
    fence = "`" * (max((len(run) for run in re.findall("`+", value)), default=0) + 1)
    padding = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{padding}{value}{padding}{fence}"


def _section(row: Entry, columns: Sequence[str], names: dict[str, str]) -> list[str]:
    analysis, initiative = row.analysis, row.analysis.initiative
    lines = [f"## {escape_inline(initiative.name)}", ""]
    facts = [_code(initiative.id)]
    if row.part_of:
        facts.append(f"part of {_code(row.part_of)}")
    facts.extend(escape_inline(text) for text in (initiative.place, initiative.period) if text)
    if initiative.illustrative:
        facts.append("**illustrative: an invented case**")
    lines += [" · ".join(facts), ""]
    if initiative.summary:
        lines += [escape_block(initiative.summary), ""]
    lines += [f"- **{label}:** {escape_inline(text)}" for label, text in summary_lines(analysis)]
    lines.append("")
    lines += _table(
        ["model", "fit"],
        [(names.get(model_id, model_id), fit_cell(analysis.verdicts[model_id]).text) for model_id in columns],
    )
    lines.append("")
    lines += _legend(analysis.verdicts[model_id] for model_id in columns)
    for model_id in columns:
        lines += _verdict(escape_inline(names.get(model_id, model_id)), analysis.verdicts[model_id])
    lines += _verdict("Humanises", analysis.humanises)
    lines += ["### Institutional barriers", ""]
    lines.extend(f"- **{finding.status.value}**: {escape_inline(finding.reason)}" for finding in analysis.barriers)
    lines += ["", "### Readings of co-production", ""]
    lines.extend(f"- {STATUS_MARKS[match.status]} {escape_inline(match.reason)}" for match in analysis.readings)
    lines.append("")
    if initiative.sources:
        lines += ["### Sources", ""]
        lines.extend(
            f"- {escape_block(s.citation + (f', {s.locator}' if s.locator else ''))}" for s in initiative.sources
        )
        lines.append("")
    lines += ["### Who takes part", "", "```mermaid", mermaid(initiative).rstrip("\n"), "```", ""]
    return lines


def markdown_report(analyses: Iterable[Analysis], *, title: str = "humanising report") -> str:
    """A Markdown report: the verdict table, then one section per initiative.

    A fit in a table that rests on facts weaker than the case author's coding carries a mark
    (``fits·i``), spelt out in a legend under the table. Each section has the initiative's
    verdict table, every criterion's reason
    (met, unmet or unknown, and which unknown facts would settle it), what it
    equalises and whether it humanises, and its Mermaid diagram in a ``mermaid``
    code block (rendered by GitHub, GitLab and MkDocs Material). Whatever the case
    files say is escaped: a name, note or source shows as written and can add no
    HTML, link, emphasis or attribute to the page (``escape_inline``).

    Args:
        analyses: The analyses, as ``humanising.analyse`` returns them.
        title: The report's top heading.

    Returns:
        The Markdown text, ending in a newline.

    Example:
        >>> import humanising
        >>> from humanising.reports import markdown_report
        >>> text = markdown_report([humanising.analyse(humanising.casebook.load("sleepwell"))])
        >>> "## SleepWell" in text and "```mermaid" in text
        True
    """
    rows = entries(analyses)
    columns = model_columns(rows)
    names = model_names()
    lines = [f"# {escape_inline(title)}", ""]
    lines += _table(
        ["case", *(short_name(model_id) for model_id in columns), "humanises", "quadrant"],
        [
            [
                row.analysis.initiative.id,
                *(fit_cell(row.analysis.verdicts[model_id]).text for model_id in columns),
                fit_cell(row.analysis.humanises).text,
                quadrant_axes(row.analysis).quadrant,
            ]
            for row in rows
        ],
    )
    lines.append("")
    lines += _legend(
        verdict
        for row in rows
        for verdict in (*(row.analysis.verdicts[model_id] for model_id in columns), row.analysis.humanises)
    )
    for row in rows:
        lines += _section(row, columns, names)
    return "\n".join(lines).rstrip("\n") + "\n"


def models_markdown(data: dict[str, Any]) -> str:
    """A Markdown table of models from ``models_data``: id, name, essential and qualifying criteria, source.

    The README's table of models is this table of the built-in ones, so it is never kept by hand.

    Example:
        >>> import humanising
        >>> from humanising.reports._json import models_data
        >>> models_markdown(models_data(humanising.registered_models())).splitlines()[0]
        '| id | model | essential (one unmet: does not fit) | qualifying (unmet: at most partly) | source |'
    """
    lines = [
        "| id | model | essential (one unmet: does not fit) | qualifying (unmet: at most partly) | source |",
        "|---|---|---|---|---|",
    ]
    for model in data["models"]:
        criteria = model.get("criteria", [])
        essential = "; ".join(_clause(c["description"]) for c in criteria if c["essential"]) or "—"
        qualifying = "; ".join(_clause(c["description"]) for c in criteria if not c["essential"]) or "—"
        lines.append(
            f"| {_code(model['id'])} | {escape_inline(model['name'])} | {essential} | {qualifying} "
            f"| {escape_inline(model['source']) or '—'} |"
        )
    return "\n".join(lines) + "\n"


def _clause(description: str) -> str:
    # A criterion's description is a sentence; in a list of them its full stop would read twice.
    return escape_inline(description.removesuffix("."))
