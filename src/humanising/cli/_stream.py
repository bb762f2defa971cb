"""``humanising classify`` over any number of records: each read, judged and written in turn.

Records come from case files, JSON Lines files, standard input (``-``) and pipes. JSON Lines
(``-f jsonl``) and CSV (``-f csv``) are written as the records are read, so memory stays
bounded however many there are; the reports that hold everything (the table, JSON, Markdown,
HTML and the QCA matrix) take at most ``report_limit()`` initiatives and refuse more, before
memory runs out. With ``--jobs`` other than 1, chunks of raw lines go to worker processes,
which parse, judge and write them; the results come back in the order read.

One bad record is named on standard error with its file and line, and the rest are read; a
record whose id was read before is named too (a warning) and left out. When any failed or
repeated, a count of good and bad follows; the exit code is 1 if any failed.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import stat
import sys
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, NamedTuple, Self

import click

if TYPE_CHECKING:
    from humanising._facts import Initiative
    from humanising._reasoning._registry import Registry
    from humanising.exceptions import CaseFileError

STREAMED = ("jsonl", "csv")
"""The formats written record by record; every other one holds the whole report."""

DEFAULT_REPORT_LIMIT = 1_000
"""The most initiatives (parts included) a report that holds everything takes: its JSON is about 45 MB."""

REPORT_LIMIT_VARIABLE = "HUMANISING_MAX_REPORT"
"""The environment variable that raises (or lowers) ``DEFAULT_REPORT_LIMIT``."""

STDIN = "-"
_STDIN_NAME = "<stdin>"
_PROGRESS_EVERY = 0.2
"""Seconds between redraws of the progress bar: often enough to read, rarely enough to cost nothing."""


def report_limit() -> int:
    """``HUMANISING_MAX_REPORT`` if set to a whole number, else ``DEFAULT_REPORT_LIMIT``."""
    value = os.environ.get(REPORT_LIMIT_VARIABLE, "")
    return int(value) if value.isdigit() else DEFAULT_REPORT_LIMIT


# --- what goes to a worker, and what comes back


class Line(NamedTuple):
    """One line of JSON Lines text, not yet parsed: workers parse it."""

    file: str
    number: int
    text: str

    @property
    def size(self) -> int:
        return len(self.text)


class Whole(NamedTuple):
    """One initiative of a YAML or JSON case file, read here (the file is whole, and capped in size)."""

    file: str
    initiative: Initiative
    size: int


class Unreadable(NamedTuple):
    """A file, or the rest of one, that could not be read."""

    file: str
    messages: tuple[str, ...]
    size: int


Item = Line | Whole | Unreadable


class Judged(NamedTuple):
    """A record's result: the ids of its report entries (itself, then its parts) and what is written of it."""

    file: str
    number: int | None
    ids: tuple[str, ...]
    written: Any
    size: int


class Failed(NamedTuple):
    """A record that is not one valid initiative, with each problem as one line."""

    file: str
    messages: tuple[str, ...]
    size: int


Outcome = Judged | Failed


def judge(format_: str, table: str, registry: Registry, chunk: list[Item]) -> list[Outcome]:
    """Parse, judge and write each record of ``chunk``: what a worker runs (and what runs here with one job).

    For ``jsonl`` and ``csv`` the result is its text; for any other format its analysis, which
    the report is made of once every record is in.
    """
    from humanising._casefiles._lines import record
    from humanising._reasoning._analysis import analyse
    from humanising.exceptions import CaseFileError
    from humanising.reports._common import entries

    outcomes: list[Outcome] = []
    for item in chunk:
        if isinstance(item, Unreadable):
            outcomes.append(Failed(item.file, item.messages, item.size))
            continue
        if isinstance(item, Line):
            try:
                initiative = record(item.text, item.file, item.number)
            except CaseFileError as error:
                outcomes.append(Failed(item.file, problems(error), item.size))
                continue
        else:
            initiative = item.initiative
        analysis = analyse(initiative, models=registry)
        rows = entries([analysis])
        ids = tuple(row.analysis.initiative.id for row in rows)
        if format_ == "jsonl":
            written: Any = json_lines(rows)
        elif format_ == "csv":
            written = csv_rows(analysis, table)
        else:
            written = analysis
        outcomes.append(Judged(item.file, getattr(item, "number", None), ids, written, item.size))
    return outcomes


def problems(error: CaseFileError) -> tuple[str, ...]:
    """Every problem of a case-file error, one line each, safe for a terminal."""
    from humanising.reports._common import visible

    return tuple(visible(str(problem), keep="\n") for problem in error.errors)


_ENCODE: list[Callable[[object], str]] = []


def json_lines(rows: Sequence[Any]) -> str:
    """A line per report entry, as compact JSON: each carries ``format``, and a part its ``part_of``."""
    from humanising.reports._json import FORMAT, html_safe, initiative_entry

    if not _ENCODE:
        import json

        # No indent: the standard library's C encoder writes it.
        _ENCODE.append(json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode)
    encode = _ENCODE[0]
    return "".join(html_safe(encode({"format": FORMAT, **initiative_entry(row)})) + "\n" for row in rows)


def csv_rows(analysis: Any, table: str) -> str:
    """The CSV rows of one record (its parts' too), without the header."""
    from typing import cast

    from humanising.reports._tables import Table, records, write_csv

    chosen = cast("Table", table)  # click has checked it is a table
    return write_csv(records([analysis], chosen), chosen).partition("\n")[2]


def csv_header(table: str) -> str:
    from humanising.reports._tables import COLUMNS

    return ",".join(COLUMNS[table]) + "\r\n"  # RFC 4180, as write_csv ends its lines


# --- reading


class Inputs:
    """The records of the files a command was given, in order, read as they are asked for."""

    def __init__(self, files: Sequence[str], expanded: Sequence[str], empty: Sequence[str]) -> None:
        self.arguments = tuple(files)
        self.files = (*expanded, *empty)
        self.expanded = tuple(expanded)
        self.streamed = False
        sizes = [_size(file) for file in expanded]
        self.total: int | None = None if None in sizes else sum(size or 0 for size in sizes)

    def items(self) -> Generator[Item, None, None]:
        from humanising.cli import _read
        from humanising.exceptions import CaseFileError

        for file in self.expanded:
            if file == STDIN or _is_lines(file):
                self.streamed = True
                yield from self._lines(file)
                continue
            size = _size(file) or 0
            try:
                initiatives = _read(file)
            except CaseFileError as error:
                yield Unreadable(file, problems(error), size)
                continue
            for initiative in initiatives:
                yield Whole(file, initiative, size // max(len(initiatives), 1))

    def _lines(self, file: str) -> Generator[Item, None, None]:
        from humanising._casefiles._lines import numbered
        from humanising.exceptions import CaseFileError

        name = _STDIN_NAME if file == STDIN else file
        try:
            with _opened(file) as stream:
                for number, text in numbered(_bounded(stream), name):
                    yield Line(name, number, text)
        except CaseFileError as error:
            yield Unreadable(name, problems(error), 0)


def _is_lines(file: str) -> bool:
    """A ``.jsonl`` file, or a pipe with no case file's ending (``<(command)``): read line by line.

    A pipe named ``.yaml`` or ``.json`` is left to the case-file reader, which refuses it.
    """
    path = Path(file)
    if path.suffix.lower() == ".jsonl":
        return True
    if path.suffix.lower() in {".yaml", ".yml", ".json"}:
        return False
    try:
        return stat.S_ISFIFO(path.stat().st_mode)
    except OSError:
        return False


def _bounded(stream: IO[str]) -> Iterator[str]:
    """The lines of ``stream``, none read whole past the cap on a line (so ``/dev/zero`` cannot fill the memory).

    A longer line comes as its first ``cap + 1`` characters, which the reader refuses, and the rest
    of it is skipped, so the lines after it keep their numbers.
    """
    from humanising._casefiles._loading import max_bytes

    cap = max_bytes() + 1
    read = stream.readline
    while line := read(cap):
        yield line
        while len(line) == cap and not line.endswith("\n"):
            line = read(cap)


def _size(file: str) -> int | None:
    """The size of a regular file, else None (standard input, a pipe: not known in advance)."""
    if file == STDIN:
        return None
    try:
        found = Path(file).stat()
    except OSError:
        return 0
    return found.st_size if stat.S_ISREG(found.st_mode) else None


@contextlib.contextmanager
def _opened(file: str) -> Iterator[IO[str]]:
    """The file (or standard input, for ``-``) as UTF-8 text.

    Raises:
        CaseFileError: The file cannot be opened.
    """
    from humanising.exceptions import CaseFileError

    if file == STDIN:
        text = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")
        try:
            yield text
        finally:
            text.detach()  # standard input stays open: it belongs to the process
        return
    try:
        stream = Path(file).open(encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as error:
        raise CaseFileError(file, "$", f"expected a readable JSON Lines file ({error.strerror or error})") from None
    with stream:
        yield stream


# --- progress


class Progress:
    """Records done, their rate and the time left, on standard error when it is a terminal; else nothing."""

    def __init__(self, total: int | None, shown: bool) -> None:
        self.done = 0
        self._bar: Any = None
        self._steps = 0
        self._start = self._last = time.monotonic()
        if shown:
            self._bar = click.progressbar(
                _no_length() if total is None else None,
                length=total,
                file=sys.stderr,
                show_eta=True,
                item_show_func=self._label,
            )

    def __enter__(self) -> Self:
        if self._bar is not None:
            self._bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.make_step(self._steps)  # the last count, however soon after the previous one
            self._bar.render_progress()
            self._bar.__exit__(*exc)

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def step(self, size: int) -> None:
        self.done += 1
        if self._bar is None:
            return
        self._steps += size
        now = time.monotonic()
        if now - self._last >= _PROGRESS_EVERY:
            self._last = now
            self._bar.update(self._steps)
            self._steps = 0

    def _label(self, _item: object) -> str:
        elapsed = time.monotonic() - self._start
        rate = f", {self.done / elapsed:,.0f}/s" if elapsed > 0 else ""
        return f"{self.done:,} records{rate}"


def _no_length() -> Iterator[int]:
    """An iterable of unknown length: the bar then shows records and rate, with no end."""
    yield from ()


def _on_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())


# --- writing


class Output:
    """Where streamed text goes: standard output, or ``-o FILE`` (opened on the first write, written whole)."""

    def __init__(self, output: str | None, inputs: Sequence[str], force: bool, stack: contextlib.ExitStack) -> None:
        self._output = output
        self._inputs = inputs
        self._force = force
        self._stack = stack
        self._stream: BinaryIO | IO[str] | None = None

    def write(self, text: str) -> None:
        stream = self._stream if self._stream is not None else self._open()
        if isinstance(stream, io.TextIOBase):
            stream.write(text)
        else:
            stream.write(text.encode("utf-8"))  # type: ignore[arg-type]

    def _open(self) -> BinaryIO | IO[str]:
        if self._output in (None, STDIN):
            stdout = sys.stdout
            stdout.flush()
            self._stream = getattr(stdout, "buffer", stdout)
        else:
            from humanising.cli._files import RefusedError, check_target, writing

            target = Path(self._output)
            try:
                check_target(target, inputs=self._inputs, force=self._force, hint="; use --force to replace it")
                self._stream = self._stack.enter_context(writing(target))
            except RefusedError as error:
                raise click.ClickException(str(error)) from None
            except OSError as error:
                raise click.ClickException(f"cannot write {self._output}: {error.strerror or error}") from None
        return self._stream

    def flush(self) -> None:
        if self._stream is not None:
            self._stream.flush()


# --- the command


class Counts:
    """Good and bad records, the files the bad came from, and the records left out as repeats."""

    def __init__(self) -> None:
        self.good = 0
        self.bad = 0
        self.repeated = 0
        self.bad_files: set[str] = set()


def classify(  # noqa: PLR0917 - the command's options, passed on
    files: Sequence[str],
    format_: str,
    output: str | None,
    force: bool,
    title: str | None,
    table: str,
    jobs: int,
) -> None:
    """What ``humanising classify`` does; see its help."""
    from humanising._running._many import in_chunks
    from humanising.cli import _EXPLAIN_FOOTER, _expand, _no_case_files, _report
    from humanising.cli._repeats import SeenIds
    from humanising.exceptions import RegistrationError

    expanded, empty = _expand(files)
    for argument in empty:
        _no_case_files(argument)
    inputs = Inputs(files, expanded, empty)
    streamed = format_ in STREAMED
    to_terminal = output in (None, STDIN) and _on_terminal(sys.stdout)
    shown = _on_terminal(sys.stderr) and not (streamed and to_terminal)
    counts = Counts()
    seen = SeenIds()
    held: list[Any] = []
    entries = 0
    limit = report_limit()
    written = [file for file in expanded if file != STDIN]
    with contextlib.ExitStack() as stack:
        out = Output(output, written, force, stack)
        progress = stack.enter_context(Progress(inputs.total, shown))
        say = _say(progress)
        items = stack.enter_context(contextlib.closing(inputs.items()))
        # Closed on the way out, however it ends: files and workers are let go here, not when collected.
        outcomes = stack.enter_context(
            contextlib.closing(in_chunks(functools.partial(judge, format_, table), items, jobs=jobs))
        )
        try:
            for outcome in outcomes:
                progress.step(outcome.size)
                if isinstance(outcome, Failed):
                    _failed(counts, outcome.file, outcome.messages, say)
                    continue
                repeated = [id_ for id_ in outcome.ids if id_ in seen]
                if repeated:
                    where = outcome.file if outcome.number is None else f"{outcome.file}:{outcome.number}"
                    # A report lists each id once: say so, rather than drop it unseen.
                    counts.repeated += 1
                    say(_visible(f"Warning: {where}: the id {repeated[0]!r} was read before; the record is left out"))
                    continue
                for id_ in outcome.ids:
                    seen.add(id_)
                counts.good += 1
                if streamed:
                    if counts.good == 1 and format_ == "csv":
                        out.write(csv_header(table))
                    out.write(outcome.written)
                    continue
                entries += len(outcome.ids)
                if entries > limit:
                    raise click.UsageError(_too_many(format_, limit))
                held.append(outcome.written)
            out.flush()
        except RegistrationError as error:
            raise click.UsageError(str(error)) from None
        except BrokenPipeError:
            _quiet_stdout()
            raise click.exceptions.Exit(1) from None
    if held:
        _report(held, format_, output, title, inputs=written, force=force, footer=_EXPLAIN_FOOTER, table=table)
    _finish(inputs, counts, len(empty))


def _say(progress: Progress) -> Callable[[str], None]:
    if not progress.shown:
        return functools.partial(click.echo, err=True)
    # Clear the bar's line first; it is drawn again on the next step.
    return lambda message: click.echo(f"\r\x1b[K{message}", err=True)


def _failed(counts: Counts, file: str, messages: Sequence[str], say: Callable[[str], None]) -> None:
    counts.bad += 1
    counts.bad_files.add(file)
    for message in messages:
        say(f"Error: {message}")


def _visible(text: str) -> str:
    from humanising.reports._common import visible

    return visible(text, keep="\n")


def _too_many(format_: str, limit: int) -> str:
    return (
        f"the {format_} report holds every verdict at once, so it takes at most {limit:,} initiatives "
        f"(parts included) and this input has more; use -f jsonl (or -f csv), which writes each record "
        f"as it is read, or set {REPORT_LIMIT_VARIABLE} to raise the limit"
    )


def _quiet_stdout() -> None:
    """After the reader of a pipe has gone: nothing more can reach it, so let Python's last flush go nowhere."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _finish(inputs: Inputs, counts: Counts, empty: int) -> None:
    """The count of good and bad, when any failed or repeated; then exit 1 if any failed."""
    failed = counts.bad or empty
    if (inputs.streamed and (failed or counts.repeated)) or counts.repeated:
        records = counts.good + counts.bad + counts.repeated
        repeats = f", {counts.repeated:,} left out as repeated ids" if counts.repeated else ""
        click.echo(f"{records:,} records: {counts.good:,} good, {counts.bad:,} failed{repeats}", err=True)
    if failed and len(inputs.files) > 1:
        bad = len(counts.bad_files) + empty
        click.echo(f"{len(inputs.files)} files: {len(inputs.files) - bad} good, {bad} failed", err=True)
    if failed:
        raise click.exceptions.Exit(1)
