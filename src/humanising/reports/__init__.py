"""The edges that present verdicts: diagrams and reports.

Example:
    >>> import humanising
    >>> from humanising.reports import mermaid
    >>> mermaid(humanising.casebook.load("east-lille-7")).splitlines()[0]
    'flowchart LR'
"""

from __future__ import annotations

from humanising.reports._mermaid import mermaid

__all__ = ["mermaid"]
