"""Griffe extension: read a Google-style ``Example:`` section as griffe's ``Examples:``.

The library's docstrings head their doctests ``Example:`` (as the Google style guide and
Napoleon allow); griffe knows only the plural as a section, and would render the singular as
an admonition of plain Markdown, so that ``>>>`` lines became quotations. Renaming the
heading when griffe loads a docstring renders the examples as highlighted Python sessions.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_SINGULAR = re.compile(r"^(?P<indent>[ \t]*)Example:[ \t]*$", re.MULTILINE)


class ExampleSections(griffe.Extension):
    """Rename ``Example:`` section headings to ``Examples:`` in every docstring griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:  # noqa: ARG002 - griffe's signature
        """Rewrite the docstring of each object as it is loaded."""
        if obj.docstring is not None:
            obj.docstring.value = _SINGULAR.sub(r"\g<indent>Examples:", obj.docstring.value)
