"""The HTML report: one self-contained page, with no script and nothing fetched at view time.

It holds a cases-by-models matrix coloured by fit, the equalising-by-humanising
chart placing every initiative, and a section per initiative with every
criterion's reason and its stakeholder diagram, drawn as inline SVG (see
``humanising.reports._svg``); each diagram's Mermaid text is there to copy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import assert_never

from humanising._reasoning._analysis import Analysis
from humanising._reasoning._verdict import Fit, Verdict
from humanising.reports._common import FIT_CLASSES, Entry, entries, model_columns, model_names, short_name
from humanising.reports._mermaid import mermaid
from humanising.reports._present import (
    GLOSSARY,
    LEGEND_LEAD,
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
from humanising.reports._svg import quadrant_svg, stakeholder_svg

_STYLE = """
:root { --fits: #b7e4c7; --partly: #ffe08a; --no: #f5c2c0; --undetermined: #e3e3e3; --ink: #1f2328;
        --muted: #59636e; --line: #d1d9e0; --accent: #0b5cad; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       background: #fff; }
header, main { max-width: 1480px; margin: 0 auto; padding: 0 20px; }
main > section, main > nav, article > :not(figure):not(.wide) { max-width: 1180px; }
#matrix { max-width: none; }
header { padding-top: 24px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.05rem; margin: 20px 0 6px; }
a { color: var(--accent); }
.muted, .meta { color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0 12px; padding: 0; list-style: none; }
.legend li { display: flex; align-items: center; gap: 6px; font-size: 0.85rem; }
.swatch { display: inline-block; width: 18px; height: 14px; border: 1px solid #0002; border-radius: 3px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; }
table.matrix { font-size: 0.85rem; }
.matrix th, .matrix td { border: 1px solid var(--line); padding: 4px 8px; text-align: center; white-space: nowrap; }
.matrix th[scope="row"] { text-align: left; font-weight: normal; }
.matrix td.quadrant { white-space: normal; min-width: 9em; text-align: left; }
.matrix th[scope="row"].part { padding-left: 22px; }
.matrix thead th { background: #f6f8fa; position: sticky; top: 0; }
.fit-fits { background: var(--fits); }
.fit-partly { background: var(--partly); }
.fit-no { background: var(--no); }
.fit-undetermined { background: repeating-linear-gradient(135deg, var(--undetermined) 0 6px, #f3f3f3 6px 12px); }
.basis { text-decoration: none; border-bottom: 1px dotted currentColor; cursor: help; }
.marks { font-size: 0.85rem; color: var(--muted); margin: 6px 0 0; }
.marks .mark { font-weight: 600; color: var(--ink); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
                   clip-path: inset(50%); white-space: nowrap; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 0.85rem; border: 1px solid #0001; }
article { border-top: 3px solid var(--line); margin-top: 36px; }
article > h2 { border: 0; margin-top: 14px; }
details { margin: 6px 0; border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; }
details > summary { cursor: pointer; font-weight: 600; }
ul.criteria { list-style: none; padding-left: 4px; margin: 6px 0; }
ul.criteria li { margin: 4px 0; display: grid; grid-template-columns: 92px 1fr; gap: 8px; }
.status { font-weight: 600; font-size: 0.85rem; }
.status-met { color: #1a7f37; } .status-unmet { color: #b42318; } .status-unknown { color: #6e5c00; }
.kind { display: block; font-size: 0.75rem; color: var(--muted); font-weight: normal; }
dl.glossary dt { font-weight: 600; margin-top: 8px; }
dl.glossary dd { margin: 2px 0 0 20px; }
code { font-size: 0.85em; background: #f6f8fa; padding: 1px 4px; border-radius: 4px; }
pre { background: #f6f8fa; padding: 10px; overflow-x: auto; font-size: 0.8rem; }
figure { margin: 12px 0; overflow-x: auto; }
figcaption { color: var(--muted); font-size: 0.85rem; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
svg .group { fill: #f6f8fa; stroke: #d1d9e0; }
svg .group-label { font-size: 11px; font-weight: 600; fill: #59636e; }
svg .stakeholder { fill: #fff; stroke: #8c959f; }
svg .stage { fill: #ddf4ff; stroke: #54aeff; }
svg .label { font-size: 12px; fill: #1f2328; }
svg .edge-label { font-size: 10px; fill: #1f2328; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg .narrows { fill: none; stroke: #bf3989; stroke-width: 2; stroke-dasharray: 6 4; }
svg .badge { fill: #bf3989; }
svg .badge-label { font-size: 11px; font-weight: 700; fill: #fff; }
svg .caption { font-size: 11px; fill: #59636e; }
svg .cell { stroke: #fff; stroke-width: 2; }
svg .cell-equalising-and-humanising { fill: #d3f0dc; }
svg .cell-humanising-only { fill: #dbeafe; }
svg .cell-equalising-only { fill: #fdecc8; }
svg .cell-neither { fill: #eeeeee; }
svg .cell-beyond-equalising-and-humanising { fill: #e4dcf5; }
svg .cell-beyond-equalising-only { fill: #f1e6f0; }
svg .cell-undetermined { fill: #f7f7f7; }
svg .cell-label { font-size: 12px; font-weight: 600; fill: #59636e; }
svg .dot { stroke: #fff; stroke-width: 1.5; fill: #0b5cad; }
svg .dot-undetermined { fill: #8c959f; }
svg .dot-label { font-size: 12px; fill: #1f2328; }
svg a:hover .dot-label { text-decoration: underline; }
svg .axis { font-size: 12px; fill: #59636e; }
svg .axis-title { font-size: 13px; font-weight: 600; fill: #1f2328; }
@media print {
  @page { margin: 12mm; }
  body { font-size: 10pt; }
  header, main, main > section, main > nav, article > * { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  details { border: 0; padding: 0; margin: 4px 0 8px; }
  details::details-content { content-visibility: visible; display: block; }
  details > summary { list-style: none; cursor: auto; }
  details > summary::-webkit-details-marker { display: none; }
  .scroll, figure, pre { overflow: visible; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; }
  figure svg, svg.diagram, svg.quadrant { max-width: 100%; height: auto; }
  table.matrix { font-size: 6.5pt; width: 100%; table-layout: auto; }
  .matrix th, .matrix td { white-space: normal; padding: 1px 2px; }
  .matrix thead th { position: static; }
  ul.criteria li { grid-template-columns: 70px 1fr; break-inside: avoid; }
  article { break-before: page; border: 0; }
}
"""

_FIT_LEGEND = (
    (Fit.FITS, "fits"),
    (Fit.PARTLY, "partly: a qualifying criterion is unmet or unknown"),
    (Fit.DOES_NOT_FIT, "does not fit: an essential criterion is unmet"),
    (Fit.UNDETERMINED, "undetermined: an essential criterion is unknown"),
)


def _fit_cell(verdict: Verdict, href: str) -> str:
    """A matrix cell: the fit, linked to its reasons, then the mark of a weak basis spelt out for a screen reader."""
    cell = fit_cell(verdict)
    mark = (
        f'<abbr class="basis" title="{escape(cell.title)}"><span aria-hidden="true">{escape(cell.mark)}</span>'
        f'<span class="visually-hidden">, {escape(cell.title)}</span></abbr>'
        if cell.mark
        else ""
    )
    return f'<td class="fit-{FIT_CLASSES[cell.fit]}"><a href="{escape(href)}">{escape(cell.fit.value)}</a>{mark}</td>'


def _marks(verdicts: Iterable[Verdict]) -> str:
    """The legend under the matrix for the marks its cells carry, or nothing where none is marked."""
    legend = basis_legend(fit_cell(verdict) for verdict in verdicts)
    if not legend.entries:
        return ""
    entries = ", ".join(
        f'<span class="mark">{escape(entry.mark)}</span> {escape(entry.words)}' for entry in legend.entries
    )
    return (
        f'<p class="marks" id="matrix-marks">{escape(LEGEND_LEAD)}: {entries} '
        '(<a href="#glossary-basis">what the marks mean</a>).</p>'
    )


def _matrix(rows: Sequence[Entry], columns: Sequence[str], names: dict[str, str]) -> str:
    head = "".join(
        f'<th scope="col" title="{escape(names.get(model_id, model_id))}">{escape(short_name(model_id))}</th>'
        for model_id in columns
    )
    body = []
    for row in rows:
        analysis, initiative = row.analysis, row.analysis.initiative
        anchor = f"#case-{initiative.id}"
        cells = "".join(_fit_cell(analysis.verdicts[model_id], f"{anchor}-{model_id}") for model_id in columns)
        part = ' class="part"' if row.part_of else ""
        body.append(
            f'<tr><th scope="row"{part}>'
            f'<a href="{escape(anchor)}" title="{escape(initiative.name)}">{escape(initiative.id)}</a></th>'
            f"{cells}{_fit_cell(analysis.humanises, f'{anchor}-humanises')}"
            f'<td class="quadrant">{escape(quadrant_axes(analysis).quadrant)}</td></tr>'
        )
    legend = "".join(
        f'<li><span class="swatch fit-{FIT_CLASSES[fit]}"></span>{escape(text)}</li>' for fit, text in _FIT_LEGEND
    )
    marks = _marks(
        verdict
        for row in rows
        for verdict in (*(row.analysis.verdicts[model_id] for model_id in columns), row.analysis.humanises)
    )
    legend += '<li><a href="#glossary">What these words mean</a></li>'
    return (
        f'<ul class="legend">{legend}</ul><div class="scroll"><table class="matrix" id="matrix-table">'
        f'<thead><tr><th scope="col">case</th>{head}<th scope="col">humanises</th>'
        f'<th scope="col">quadrant</th></tr></thead><tbody>{"".join(body)}</tbody></table></div>{marks}'
    )


def _glossary() -> str:
    """The glossary the legends link to: every word they use, with what it means."""
    terms = "".join(
        f'<dt id="glossary-{term.anchor}">{escape(term.term)}</dt><dd>{escape(term.meaning)}</dd>' for term in GLOSSARY
    )
    return f'<section id="glossary"><h2>What the words mean</h2><dl class="glossary">{terms}</dl></section>'


def _verdict_details(verdict: Verdict, title: str, anchor: str) -> str:
    summary = lead = ""
    items: list[str] = []
    extra: list[str] = []
    for line in verdict_lines(verdict):
        match line:
            case FitLine(fit=fit):
                rests_on = f' <span class="kind">{escape(line.rests_on)}</span>' if line.rests_on else ""
                summary = (
                    f'{escape(title)}: <span class="badge fit-{FIT_CLASSES[fit]}">{escape(fit.value)}</span>{rests_on}'
                )
            case ByProductLine():
                lead = f"<p>{line.label.capitalize()}: {escape('; '.join(line.phrases))}</p>"
            case CriterionLine():
                items.append(
                    f'<li><span class="status status-{line.status.value}">{line.mark} '
                    f'{escape(line.status.value)}<span class="kind">{line.kind}</span></span>'
                    f"<span>{escape(line.reason)}</span></li>"
                )
            case NoteLine():
                extra.append(f"<p>{escape(line.text)}</p>")
            case StagesLine():
                extra.append(f"<p>{line.label.capitalize()}: {escape(', '.join(line.stages))}</p>")
            case SettledByLine():
                codes = ", ".join(f"<code>{escape(path)}</code>" for path in line.paths)
                extra.append(f"<p>{line.label.capitalize()}: {codes}</p>")
            case _:
                assert_never(line)
    return (
        f'<details id="{escape(anchor)}"><summary>{summary}</summary>{lead}'
        f'<ul class="criteria">{"".join(items)}</ul>{"".join(extra)}</details>'
    )


def _case(row: Entry, columns: Sequence[str], names: dict[str, str]) -> str:
    analysis, initiative = row.analysis, row.analysis.initiative
    anchor = f"case-{initiative.id}"
    meta = [f"<code>{escape(initiative.id)}</code>"]
    if row.part_of:
        meta.append(f'part of <a href="#case-{escape(row.part_of)}">{escape(row.part_of)}</a>')
    meta.extend(escape(text) for text in (initiative.place, initiative.period) if text)
    if initiative.illustrative:
        meta.append("<strong>illustrative: an invented case</strong>")
    parts = [
        f'<article id="{escape(anchor)}"><h2>{escape(initiative.name)}</h2>',
        f'<p class="meta">{" · ".join(meta)}</p>',
    ]
    if initiative.summary:
        parts.append(f"<p>{escape(initiative.summary)}</p>")
    summary = "".join(
        f"<li><strong>{escape(label)}:</strong> {escape(text)}</li>" for label, text in summary_lines(analysis)
    )
    parts.append(f"<ul>{summary}</ul>")
    parts.append("<h3>Verdicts and reasons</h3>")
    parts.extend(
        _verdict_details(analysis.verdicts[model_id], names.get(model_id, model_id), f"{anchor}-{model_id}")
        for model_id in columns
    )
    parts.append(_verdict_details(analysis.humanises, "Humanises", f"{anchor}-humanises"))
    findings = "".join(
        f"<li><strong>{escape(finding.status.value)}</strong>: {escape(finding.reason)}</li>"
        for finding in analysis.barriers
    )
    matches = "".join(f"<li>{escape(match.status.value)}: {escape(match.reason)}</li>" for match in analysis.readings)
    parts.append(
        f"<h3>Institutional barriers</h3><ul>{findings}</ul><h3>Readings of co-production</h3><ul>{matches}</ul>"
    )
    if initiative.stakeholders:
        parts.append(
            "<h3>Who takes part</h3><figure>"
            + stakeholder_svg(initiative)
            + "<figcaption>Stakeholders grouped by identity; arrows run to the stages they take part in, "
            "weighted by how much say they have; dotted arcs join the parties of relationships it narrows."
            "</figcaption></figure>"
            f"<details><summary>Mermaid source</summary><pre>{escape(mermaid(initiative))}</pre></details>"
        )
    if initiative.sources:
        sources = "".join(
            f"<li>{escape(source.citation)}{escape(f', {source.locator}') if source.locator else ''}</li>"
            for source in initiative.sources
        )
        parts.append(f"<h3>Sources</h3><ul>{sources}</ul>")
    parts.append("</article>")
    return "".join(parts)


def html_report(analyses: Iterable[Analysis], *, title: str = "humanising report", frameworks: bool = False) -> str:
    """A self-contained HTML report: no script, no stylesheet or font to fetch, diagrams as inline SVG.

    The page has a cases-by-models matrix coloured by fit (every cell also
    says its fit in words, and links to the reasons; a fit resting on facts weaker than the case
    author's coding carries a mark, spelt out in its title, for a screen reader and in a legend
    under the matrix), the equalising-by-
    humanising chart placing every initiative, and a section per initiative with
    every criterion's reason, what it equalises, whether it humanises, its
    stakeholder diagram and the diagram's Mermaid text.

    Args:
        analyses: The analyses, as ``humanising.analyse`` returns them.
        title: The page's title and top heading.
        frameworks: Whether to add a section setting every model's fit beside every framework's
            reading (``humanising.frameworks.compare``), after the matrix; off by default.

    Returns:
        The page, starting ``<!doctype html>``.

    Example:
        >>> import humanising
        >>> from humanising.reports import html_report
        >>> page = html_report([humanising.analyse(humanising.casebook.load("sleepwell"))])
        >>> page.startswith("<!doctype html>") and "<script" not in page
        True
    """
    rows = entries(analyses)
    columns = model_columns(rows)
    compared = ""
    if frameworks:
        from humanising._reasoning._comparison import compare
        from humanising.reports._comparison import comparison_section

        compared = comparison_section(compare(row.analysis for row in rows if row.part_of is None))
    names = model_names()
    contents = "".join(
        f'<li><a href="#case-{escape(row.analysis.initiative.id)}">{escape(row.analysis.initiative.name)}</a></li>'
        for row in rows
    )
    count = f"{len(rows)} initiative{'' if len(rows) == 1 else 's'}"
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="icon" href="data:,"><title>{escape(title)}</title><style>{_STYLE}</style></head><body>'
        f'<header><h1>{escape(title)}</h1><p class="muted">{count}, judged by humanising against every model of '
        "progressive practice it knows (Harcourt and Crepaz-Keay, 2023).</p></header><main>"
        f'<section id="matrix"><h2>Cases &times; models</h2>{_matrix(rows, columns, names)}</section>{compared}'
        '<section id="quadrants"><h2>Equalising &times; humanising</h2><p class="muted">Humanising is not always '
        "equalising: each initiative sits where its facts place it; a middle band holds those for which one side "
        f"cannot be told.</p><figure>{quadrant_svg(rows)}</figure></section>"
        f'<nav id="contents"><h2>Cases</h2><ul>{contents}</ul></nav>'
        f'<section id="cases">{"".join(_case(row, columns, names) for row in rows)}</section>'
        f"{_glossary()}</main></body></html>\n"
    )
