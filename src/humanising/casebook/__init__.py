"""The casebook: the paper's case studies, and invented illustrative cases, as shipped case files.

Each case is a YAML file in this package, in the same format users write. The
documented cases paraphrase Harcourt and Crepaz-Keay (2023) and the studies it
draws on; cases whose id starts with ``illustrative-`` are invented to show a
model or quadrant the paper has no case for, and say so (``illustrative: true``).

Example:
    >>> import humanising
    >>> humanising.casebook.ids()[:3]
    ('east-lille', 'east-lille-1', 'east-lille-2')
    >>> humanising.casebook.load("sleepwell").name
    'SleepWell'
"""

from __future__ import annotations

import functools

from humanising._facts import Initiative
from humanising.exceptions import UnknownCaseError

__all__ = ["file_name", "ids", "load", "load_all"]


@functools.cache
def _cases() -> dict[str, tuple[str, Initiative]]:
    # Parsed once per process: the files ship with the package and do not change.
    from importlib import resources  # costs ~10 ms at import time, so only when cases are read

    from humanising._casefiles._loading import parse_text

    found: dict[str, tuple[str, Initiative]] = {}
    folder = resources.files(__name__)
    for entry in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if not entry.name.endswith(".yaml"):
            continue
        for initiative in parse_text(entry.read_text(encoding="utf-8"), file=f"casebook/{entry.name}", format="yaml"):
            for case in (initiative, *initiative.parts):
                found[case.id] = (entry.name, case)
    return found


def ids() -> tuple[str, ...]:
    """The id of every shipped case, parts of programmes included, sorted."""
    return tuple(sorted(_cases()))


def load(case_id: str) -> Initiative:
    """The shipped case with this id (a programme's part is loaded on its own).

    Raises:
        UnknownCaseError: No shipped case has that id.
    """
    try:
        return _cases()[case_id][1]
    except KeyError:
        raise UnknownCaseError(case_id, ids()) from None


def load_all() -> tuple[Initiative, ...]:
    """Every shipped case, parts included, in id order."""
    cases = _cases()
    return tuple(cases[case_id][1] for case_id in sorted(cases))


def file_name(case_id: str) -> str:
    """The name of the file a case ships in (a part ships in its programme's file).

    Raises:
        UnknownCaseError: No shipped case has that id.
    """
    try:
        return _cases()[case_id][0]
    except KeyError:
        raise UnknownCaseError(case_id, ids()) from None
