"""Notebook display: analyses, initiatives and verdicts shown as the reports show them.

Jupyter and IPython show an object through the formatters registered for its type. The facts
and the reasoning know nothing of reports, so the formatters live here, made from the reports'
own fragments, and ``%load_ext humanising.reports`` registers them:
``load_ipython_extension`` is what IPython calls.
"""

from __future__ import annotations

from typing import Any

from humanising._facts import Initiative
from humanising._reasoning._analysis import Analysis, analyse
from humanising._reasoning._verdict import Verdict
from humanising.reports._common import Entry, model_columns, model_names
from humanising.reports._html import _STYLE, _case, _verdict_details
from humanising.reports._markdown import _section, _verdict, escape_inline

_SCOPED = ".humanising {" + _STYLE.replace(":root {", "& {", 1) + "}"
"""The report's style nested under ``.humanising`` (CSS nesting): it styles what is shown, not the notebook."""


def analysis_html(analysis: Analysis) -> str:
    """An analysis as the HTML report's section for it, with the report's style.

    Example:
        >>> import humanising
        >>> html = analysis_html(humanising.analyse(humanising.casebook.load("sleepwell")))
        >>> html.startswith('<div class="humanising"><style>') and 'id="case-sleepwell"' in html
        True
    """
    row = Entry(analysis)
    return f'<div class="humanising"><style>{_SCOPED}</style>{_case(row, model_columns([row]), model_names())}</div>'


def analysis_markdown(analysis: Analysis) -> str:
    """An analysis as the Markdown report's section for it.

    Example:
        >>> import humanising
        >>> analysis_markdown(humanising.analyse(humanising.casebook.load("sleepwell"))).splitlines()[0]
        '## SleepWell'
    """
    row = Entry(analysis)
    return "\n".join(_section(row, model_columns([row]), model_names()))


def initiative_html(initiative: Initiative) -> str:
    """An initiative as the HTML report's section for it: its facts' diagram, its verdicts and their reasons."""
    return analysis_html(analyse(initiative))


def initiative_markdown(initiative: Initiative) -> str:
    """An initiative as the Markdown report's section for it."""
    return analysis_markdown(analyse(initiative))


def verdict_html(verdict: Verdict) -> str:
    """A verdict as the HTML report shows it, open: its fit, then each criterion's status and reason."""
    title = model_names().get(verdict.model, verdict.model)
    details = _verdict_details(verdict, title, f"verdict-{verdict.model}").replace("<details ", "<details open ", 1)
    return f'<div class="humanising"><style>{_SCOPED}</style>{details}</div>'


def verdict_markdown(verdict: Verdict) -> str:
    """A verdict as the Markdown report shows it."""
    return "\n".join(_verdict(escape_inline(model_names().get(verdict.model, verdict.model)), verdict))


FORMATTERS = {
    "text/html": {Analysis: analysis_html, Initiative: initiative_html, Verdict: verdict_html},
    "text/markdown": {Analysis: analysis_markdown, Initiative: initiative_markdown, Verdict: verdict_markdown},
}
"""The formatters ``load_ipython_extension`` registers, by MIME type and by the type they show."""


def load_ipython_extension(ipython: Any) -> None:
    """Show analyses, initiatives and verdicts as the reports do: run ``%load_ext humanising.reports``.

    Args:
        ipython: The IPython shell, which IPython passes.

    Example:
        >>> class Formatter:
        ...     def __init__(self):
        ...         self.types = {}
        ...     def for_type(self, kind, function):
        ...         self.types[kind] = function
        >>> class Shell:
        ...     class display_formatter:
        ...         formatters = {"text/html": Formatter(), "text/markdown": Formatter()}
        >>> load_ipython_extension(Shell)
        >>> sorted(kind.__name__ for kind in Shell.display_formatter.formatters["text/html"].types)
        ['Analysis', 'Initiative', 'Verdict']
    """
    formatters = ipython.display_formatter.formatters
    for mime, functions in FORMATTERS.items():
        for kind, function in functions.items():
            formatters[mime].for_type(kind, function)
