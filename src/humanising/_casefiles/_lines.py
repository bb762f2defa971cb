"""JSON Lines: one initiative per line, read lazily, each bad line reported by its number.

A record is one line of JSON text holding one initiative (a mapping). Blank lines are
skipped. Nothing is read ahead: a caller that stops early leaves the rest of the file unread.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from humanising._casefiles._loading import _load_json, _structure, max_bytes
from humanising._facts import Initiative
from humanising.exceptions import CaseFileError

Source = str | os.PathLike[str] | IO[str] | Iterable[str]
"""A path, an open text file (standard input, a pipe) or any iterable of lines."""


def load_lines(source: Source, *, on_error: Callable[[CaseFileError], None] | None = None) -> Iterator[Initiative]:
    r"""The initiatives of a JSON Lines source, one per non-blank line, read as they are asked for.

    Args:
        source: A path to a ``.jsonl`` file, an open text file or any iterable of lines.
        on_error: Called with the error of each bad line, which is then skipped, so that one
            bad record does not stop the rest. Without it, the first bad line raises.

    Raises:
        humanising.exceptions.CaseFileError: A line is not one valid initiative (unless
            ``on_error`` is given), or the file cannot be read. The error names the file and
            the line, the path inside the record and what was expected.

    Example:
        >>> import humanising
        >>> lines = ['{"id": "one", "name": "One"}', "", '{"id": "two", "name": "Two"}']
        >>> [initiative.id for initiative in humanising.load_lines(lines)]
        ['one', 'two']
        >>> bad = []
        >>> [i.id for i in humanising.load_lines(['{"id": "Bad Id", "name": "X"}', lines[0]], on_error=bad.append)]
        ['one']
        >>> print(bad[0])  # doctest: +ELLIPSIS
        <lines>:1:...: $.id: expected an id ...
    """
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            file = path.open(encoding="utf-8", newline="")
        except OSError as error:
            raise CaseFileError(str(path), "$", f"expected a readable JSON Lines file ({error.strerror})") from None
        with file:
            yield from records(file, str(path), on_error)
        return
    name = getattr(source, "name", None)
    yield from records(source, name if isinstance(name, str) else "<lines>", on_error)


def records(lines: Iterable[str], file: str, on_error: Callable[[CaseFileError], None] | None) -> Iterator[Initiative]:
    """The initiatives of ``lines``, each error naming ``file`` and its line: what ``load_lines`` reads with."""
    limit = max_bytes()
    for number, line in numbered(lines, file):
        try:
            initiative = record(line, file, number, limit)
        except CaseFileError as error:
            if on_error is None:
                raise
            on_error(error)
            continue
        yield initiative


def numbered(lines: Iterable[str], file: str) -> Iterator[tuple[int, str]]:
    """The lines that are not blank, each with its number (from 1), read as they are asked for.

    Raises:
        CaseFileError: The text is not UTF-8; reading stops there, as the reader's place is lost.
    """
    numbering = enumerate(lines, start=1)
    while True:
        try:
            number, line = next(numbering)
        except StopIteration:
            return
        except UnicodeDecodeError as error:
            raise CaseFileError(
                file, "$", f"expected UTF-8 text, got the byte 0x{error.object[error.start]:02x}"
            ) from None
        if line.strip():
            yield number, line


def record(line: str, file: str, number: int, limit: int | None = None) -> Initiative:
    """The initiative on line ``number`` of ``file``, or a CaseFileError naming that line.

    ``limit`` caps the line's length (default: ``max_bytes()``); a longer one is refused unparsed.
    """
    limit = max_bytes() if limit is None else limit
    if len(line) > limit:
        raise CaseFileError(file, "$", f"expected a record of at most {limit:,} characters on a line", line=number)
    try:
        data, marks = _load_json(line, file)
    except CaseFileError as error:
        raise _on_line(error, number) from None
    if isinstance(data, list):
        raise CaseFileError(file, "$", "expected one initiative (a mapping) on each line, got a list", line=number)
    try:
        return _structure(data, file=file, root=(), marks=marks)
    except CaseFileError as error:
        raise _on_line(error, number) from None


def _on_line(error: CaseFileError, number: int) -> CaseFileError:
    # Positions inside one line's text are on its first line: the record's line in the file, same column.
    def moved(found: CaseFileError) -> CaseFileError:
        column = found.column if found.line in (None, 1) else None
        return CaseFileError(found.file, found.path, found.expected, line=number, column=column)

    found = tuple(moved(each) for each in error.errors)
    first = found[0]
    return CaseFileError(first.file, first.path, first.expected, line=first.line, column=first.column, errors=found)
