"""Models and frameworks side by side, as a terminal table, Markdown, JSON and a section of the HTML report.

Each shows, for every initiative, every model's fit and every framework's position, then
the disagreements between the co-production models and the frameworks' co-production
steps, and the frameworks' citations with the note that each crosswalk is this library's
reading. Everything taken from a case file is escaped for where it goes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape

from humanising._reasoning._comparison import Comparison, ComparisonRow
from humanising._reasoning._frameworks import StepStatus
from humanising.reports._common import FIT_CLASSES, short_name, visible
from humanising.reports._markdown import escape_block, escape_inline

DISAGREEMENT = (
    "A disagreement: a co-production model fits or partly fits while a framework's co-production step is unmet, "
    "or the model does not fit while the step is met. An undetermined verdict, an unknown or not expressible "
    "step, and a checklist (which draws no such line) disagree with nothing."
)


def _models(comparison: Comparison) -> list[str]:
    found: dict[str, None] = {}
    for row in comparison.rows:
        for model_id in row.verdicts:
            found.setdefault(model_id)
    return list(found)


def _label(row: ComparisonRow) -> str:
    initiative = row.analysis.initiative
    return f"{initiative.id}{' (part of ' + row.part_of + ')' if row.part_of else ''}"


def comparison_text(comparison: Comparison) -> str:
    """Each initiative as a block: every model's fit, every framework's position, then its disagreements."""
    models = _models(comparison)
    labels = [short_name(model_id) for model_id in models] + [
        framework.short_name for framework in comparison.frameworks
    ]
    width = max(len(label) for label in labels) if labels else 0
    lines: list[str] = []
    for row in comparison.rows:
        lines.append(visible(f"{_label(row)}: {row.analysis.initiative.name}"))
        for model_id in models:
            verdict = row.verdicts.get(model_id)
            fit = "-" if verdict is None else verdict.fit.value
            lines.append(f"  {short_name(model_id).ljust(width)}  {visible(fit)}")
        lines.extend(f"  {r.framework.short_name.ljust(width)}  {visible(r.position)}" for r in row.readings)
        lines.extend(f"  disagrees: {visible(d.sentence)}" for d in row.disagreements)
        lines.append("")
    count = len(comparison.disagreements)
    lines.append(f"{count} disagreement{'' if count == 1 else 's'}. {DISAGREEMENT}")
    lines.append("Each framework's crosswalk is humanising's reading of it, not its authors'.")
    return "\n".join(lines) + "\n"


def _markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(escape_inline(cell) for cell in header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(escape_inline(cell) or " " for cell in row) + " |" for row in rows)
    return lines


def comparison_markdown(comparison: Comparison, *, title: str = "Models and frameworks") -> str:
    """The comparison as Markdown: a table of initiatives by models and frameworks, the disagreements, the sources."""
    models = _models(comparison)
    header = ["initiative", *(short_name(model_id) for model_id in models)]
    header += [framework.short_name for framework in comparison.frameworks]
    rows = [
        [
            _label(row),
            *(row.verdicts[m].fit.value if m in row.verdicts else "-" for m in models),
            *(reading.position for reading in row.readings),
        ]
        for row in comparison.rows
    ]
    lines = [f"# {escape_inline(title)}", "", *_markdown_table(header, rows), "", "## Disagreements", ""]
    lines.append(escape_block(DISAGREEMENT))
    lines.append("")
    lines.extend(f"- {escape_inline(d.initiative)}: {escape_inline(d.sentence)}" for d in comparison.disagreements)
    if not comparison.disagreements:
        lines.append("None.")
    lines += ["", "## Frameworks", ""]
    for framework in comparison.frameworks:
        name, citation, reading = (
            escape_inline(text) for text in (framework.name, framework.citation, framework.reading)
        )
        lines.append(f"- **{name}**: {citation} {reading}")
    return "\n".join(lines) + "\n"


def comparison_json(comparison: Comparison) -> str:
    """The comparison as JSON: every reading with its placements, facts and reasons."""
    return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"


_STATUS_CLASSES = {StepStatus.MET: "fits", StepStatus.UNMET: "no"}
_WRAP = "white-space: normal; min-width: 9em; text-align: left"


def comparison_section(comparison: Comparison) -> str:
    """The comparison as a section of the HTML report: the matrix, the disagreements, the frameworks' sources."""
    models = _models(comparison)
    head = "".join(f'<th scope="col">{escape(short_name(model_id))}</th>' for model_id in models)
    head += "".join(
        f'<th scope="col"><abbr title="{escape(f.name)}">{escape(f.short_name)}</abbr></th>'
        for f in comparison.frameworks
    )
    body = []
    for row in comparison.rows:
        cells = []
        for model_id in models:
            verdict = row.verdicts.get(model_id)
            if verdict is None:
                cells.append("<td>-</td>")
            else:
                cells.append(f'<td class="fit-{FIT_CLASSES[verdict.fit]}">{escape(verdict.fit.value)}</td>')
        for reading in row.readings:
            status = reading.coproduction
            css = _STATUS_CLASSES.get(status) if status is not None else None
            attribute = f' class="fit-{css}"' if css else ""
            # A position can name several cells: let it wrap, where the report's matrix keeps fits on one line.
            cells.append(f'<td{attribute} style="{_WRAP}">{escape(reading.position)}</td>')
        part = ' class="part"' if row.part_of else ""
        body.append(f'<tr><th scope="row"{part}>{escape(row.analysis.initiative.name)}</th>{"".join(cells)}</tr>')
    disagreements = "".join(
        f"<li><strong>{escape(d.initiative)}</strong>: {escape(d.sentence)}</li>" for d in comparison.disagreements
    )
    sources = "".join(
        f"<li><strong>{escape(f.name)}</strong>: {escape(f.citation)} {escape(f.reading)}</li>"
        for f in comparison.frameworks
    )
    return (
        '<section id="frameworks" style="max-width: none"><h2>Models &times; frameworks</h2>'
        '<p class="muted">Every model\'s fit beside '
        "where each framework places the initiative; a framework's cell is coloured by whether it reaches the "
        "framework's co-production step (a checklist draws no such line).</p>"
        f'<div class="scroll"><table class="matrix"><thead><tr><th scope="col">Initiative</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
        f'<h3>Disagreements</h3><p class="muted">{escape(DISAGREEMENT)}</p>'
        f"<ul>{disagreements or '<li>None.</li>'}</ul>"
        f"<h3>Frameworks</h3><ul>{sources}</ul></section>"
    )
