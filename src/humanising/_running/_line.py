"""One JSON Lines record judged: pure functions to map over lines where others do the mapping (Dask, a pool)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from humanising._casefiles._lines import records
from humanising._facts import Initiative
from humanising._reasoning._analysis import Analysis, analyse, classify
from humanising._reasoning._registry import Model, Registry
from humanising._reasoning._verdict import Verdict
from humanising.exceptions import CaseFileError


def read_line(line: str, *, file: str = "<line>") -> Initiative:
    """The initiative of one JSON Lines record.

    Raises:
        humanising.exceptions.CaseFileError: The line is blank or is not one valid initiative;
            the error names ``file``, the path inside the record and what was expected.
    """
    found = list(records([line], file, None))
    if not found:
        raise CaseFileError(file, "$", "expected one initiative (a mapping) on the line, got a blank line", line=1)
    return found[0]


def classify_line(
    line: str, *, models: Registry | Iterable[Model] | None = None, file: str = "<line>"
) -> Mapping[str, Verdict]:
    """Every model's verdict on the initiative of one JSON Lines record, as ``classify`` gives them.

    A pure function of the line (and the models registered where it runs), to map over the lines
    of many files with a tool that spreads the work, such as ``dask.bag``.

    Raises:
        humanising.exceptions.CaseFileError: The line is not one valid initiative (or is blank).

    Example:
        >>> import humanising
        >>> verdicts = humanising.classify_line('{"id": "mine", "name": "Mine"}')
        >>> verdicts["coproduction"].fit.value
        'undetermined'
    """
    return classify(read_line(line, file=file), models=models)


def analyse_line(line: str, *, models: Registry | Iterable[Model] | None = None, file: str = "<line>") -> Analysis:
    """The analysis of the initiative of one JSON Lines record, as ``analyse`` gives it.

    Raises:
        humanising.exceptions.CaseFileError: The line is not one valid initiative (or is blank).

    Example:
        >>> import humanising
        >>> humanising.analyse_line('{"id": "mine", "name": "Mine"}').initiative.id
        'mine'
    """
    return analyse(read_line(line, file=file), models=models)
