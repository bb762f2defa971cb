"""The body of ``humanising compare``: every model's and framework's verdict, side by side, in one format."""

from __future__ import annotations

from collections.abc import Sequence

from humanising._reasoning._analysis import Analysis
from humanising._reasoning._comparison import compare

FORMATS = ("table", "markdown", "html", "json")


def render(analyses: Sequence[Analysis], format_: str, title: str | None) -> str:
    """The comparison of ``analyses`` in ``format_``: a terminal table, Markdown, the HTML report or JSON."""
    from humanising.reports._comparison import comparison_json, comparison_markdown, comparison_text

    if format_ == "html":
        from humanising.reports import html_report

        return html_report(analyses, title=title or "humanising: models and frameworks", frameworks=True)
    comparison = compare(analyses)
    if format_ == "markdown":
        return comparison_markdown(comparison, title=title or "Models and frameworks")
    if format_ == "json":
        return comparison_json(comparison)
    return comparison_text(comparison)
