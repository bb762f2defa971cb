"""The Markdown report: a verdict table, then a section per initiative with its reasons and diagram."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from humanising._reasoning._analysis import Analysis
from humanising._reasoning._verdict import Status, Verdict
from humanising.reports._common import Entry, entries, model_columns, model_names, short_name
from humanising.reports._mermaid import mermaid

STATUS_MARKS = {Status.MET: "✓", Status.UNMET: "✗", Status.UNKNOWN: "?"}
"""The mark a report puts before each criterion's status."""


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(cell) for cell in header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows)
    return lines


def _criteria(verdict: Verdict) -> list[str]:
    lines = []
    for result in verdict.criteria:
        kind = "essential" if result.essential else "qualifying"
        lines.append(f"- {STATUS_MARKS[result.status]} {result.status.value} ({kind}): {result.reason}")
    lines.extend(f"- {note}" for note in verdict.notes)
    if verdict.stages:
        lines.append(f"- Stages: {', '.join(stage.words for stage in verdict.stages)}")
    if verdict.unknowns:
        lines.append(f"- Would be settled by: {', '.join(f'`{path}`' for path in verdict.unknowns)}")
    return lines


def equalises_text(analysis: Analysis) -> list[str]:
    """One phrase per relationship the initiative narrows, naming both parties by name."""
    names = {stakeholder.id: stakeholder.name for stakeholder in analysis.initiative.stakeholders}
    return [
        f"{names.get(r.between[0], r.between[0])} ~ {names.get(r.between[1], r.between[1])}: "
        f"{r.aspect.words} ({r.claim.value}{r.basis.hedge})"
        for r in analysis.equalises
    ]


def _section(row: Entry, columns: Sequence[str], names: dict[str, str]) -> list[str]:
    analysis, initiative = row.analysis, row.analysis.initiative
    lines = [f"## {initiative.name}", ""]
    facts = [f"`{initiative.id}`"]
    if row.part_of:
        facts.append(f"part of `{row.part_of}`")
    facts.extend(text for text in (initiative.place, initiative.period) if text)
    if initiative.illustrative:
        facts.append("**illustrative: an invented case**")
    lines += [" · ".join(facts), ""]
    if initiative.summary:
        lines += [initiative.summary, ""]
    equalised = equalises_text(analysis)
    lines += [
        f"- **Quadrant:** {analysis.quadrant.value}",
        f"- **Equalises:** {'; '.join(equalised) if equalised else 'nothing'}",
        f"- **Humanises:** {analysis.humanises.fit.value}",
        "",
    ]
    lines += _table(
        ["model", "fit"],
        [(names.get(model_id, model_id), analysis.verdicts[model_id].fit.value) for model_id in columns],
    )
    lines.append("")
    for model_id in columns:
        verdict = analysis.verdicts[model_id]
        lines += [f"### {names.get(model_id, model_id)}: {verdict.fit.value}", "", *_criteria(verdict), ""]
    lines += [f"### Humanises: {analysis.humanises.fit.value}", "", *_criteria(analysis.humanises), ""]
    lines += ["### Institutional barriers", ""]
    lines.extend(f"- **{finding.status.value}**: {finding.reason}" for finding in analysis.barriers)
    lines += ["", "### Readings of co-production", ""]
    lines.extend(f"- {STATUS_MARKS[match.status]} {match.reason}" for match in analysis.readings)
    lines.append("")
    if initiative.sources:
        lines += ["### Sources", ""]
        lines.extend(f"- {s.citation}{f', {s.locator}' if s.locator else ''}" for s in initiative.sources)
        lines.append("")
    lines += ["### Who takes part", "", "```mermaid", mermaid(initiative).rstrip("\n"), "```", ""]
    return lines


def markdown_report(analyses: Iterable[Analysis], *, title: str = "humanising report") -> str:
    """A Markdown report: the verdict table, then one section per initiative.

    Each section has the initiative's verdict table, every criterion's reason
    (met, unmet or unknown, and which unknown facts would settle it), what it
    equalises and whether it humanises, and its Mermaid diagram in a ``mermaid``
    code block (rendered by GitHub, GitLab and MkDocs Material).

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
    lines = [f"# {title}", ""]
    lines += _table(
        ["case", *(short_name(model_id) for model_id in columns), "humanises", "quadrant"],
        [
            [
                row.analysis.initiative.id,
                *(row.analysis.verdicts[model_id].fit.value for model_id in columns),
                row.analysis.humanises.fit.value,
                row.analysis.quadrant.value,
            ]
            for row in rows
        ],
    )
    lines.append("")
    for row in rows:
        lines += _section(row, columns, names)
    return "\n".join(lines).rstrip("\n") + "\n"
