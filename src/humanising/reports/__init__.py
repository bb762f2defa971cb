"""The edges that present verdicts: diagrams and reports.

- ``mermaid``: an initiative as Mermaid flowchart text.
- ``report_data`` and ``json_report``:
  the versioned JSON report (``{"format": 2, "initiatives": [...]}``).
- ``markdown_report``: sections with verdict tables, reasons
  and Mermaid diagrams.
- ``html_report``: one self-contained page with the cases-by-models
  matrix, the equalising-by-humanising chart and a section per initiative.
- ``qdc_codebook`` and ``qdpx_project``: the codebook as a REFI-QDA codebook, and cases with
  their verdicts as a REFI-QDA project, for NVivo, ATLAS.ti, MAXQDA or QualCoder.

Each report takes analyses (``humanising.analyse``); a programme is followed by its parts.

In Jupyter or IPython, ``%load_ext humanising.reports`` shows analyses, initiatives and
verdicts as the HTML and Markdown reports show them (``load_ipython_extension``).

Example:
    >>> import humanising
    >>> from humanising.reports import mermaid
    >>> mermaid(humanising.casebook.load("east-lille-7")).splitlines()[0]
    'flowchart LR'
"""

from __future__ import annotations

from humanising.reports._html import html_report
from humanising.reports._json import FORMAT, json_report, report_data
from humanising.reports._markdown import markdown_report
from humanising.reports._mermaid import mermaid
from humanising.reports._refiqda import project_document, qdc_codebook, qdpx_project


def load_ipython_extension(ipython: object) -> None:
    """Show analyses, initiatives and verdicts in a notebook as the reports do: ``%load_ext humanising.reports``.

    IPython calls this; it registers HTML and Markdown formatters made from the reports' own
    fragments, so that an ``Analysis``, an ``Initiative`` (with its verdicts) or a ``Verdict``
    at the end of a cell shows as its report section. ``repr`` stays one short line.

    Args:
        ipython: The IPython shell, which IPython passes.
    """
    from humanising.reports._notebook import load_ipython_extension as load

    load(ipython)


__all__ = [
    "FORMAT",
    "html_report",
    "json_report",
    "load_ipython_extension",
    "markdown_report",
    "mermaid",
    "project_document",
    "qdc_codebook",
    "qdpx_project",
    "report_data",
]
