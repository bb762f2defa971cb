"""The ``humanising`` command: classify case files, explain verdicts, and browse the casebook.

Built on click. Only click and the standard library load before a subcommand
runs: the reasoning, the converter (cattrs), YAML and the reports are imported
inside the commands, so that ``humanising --help`` starts fast.

Exit codes, for every subcommand: 0 success; 1 an input file is missing,
unreadable or invalid (or an output cannot or may not be written); 2 a usage
error (an unknown option, model or case id). Given several files, a command
reports each bad one and goes on with the rest. ``claim`` and ``claims`` differ:
there, 1 means a claim was refuted (or a thesis did not come out as expected),
so an unreadable case file is a usage error, 2.

Example:
    >>> from humanising.cli import main
    >>> main(["validate", "--help"])  # doctest: +ELLIPSIS
    Usage: humanising validate [OPTIONS] FILE...
    ...
    0
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from humanising._facts import Initiative
    from humanising._reasoning._analysis import Analysis
    from humanising._reasoning._verdict import Verdict

__all__ = ["cli", "main"]

F = TypeVar("F", bound=Callable[..., Any])

_FORMATS = ("table", "json", "markdown", "html", "csv", "qca")
_TABLES = ("verdicts", "criteria", "relationships")
_CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _read(file: str) -> tuple[Initiative, ...]:
    """The initiatives in one file; any failure becomes a CaseFileError naming the file."""
    from humanising._casefiles._loading import load_file
    from humanising.exceptions import CaseFileError

    try:
        return load_file(file)
    except CaseFileError:
        raise
    except Exception as error:  # one bad file must not end a batch, nor show a traceback
        expected = f"expected a case file humanising can read, got {type(error).__name__}: {error}"
        raise CaseFileError(file, "$", expected) from error


_CASE_SUFFIXES = (".yaml", ".yml", ".json", ".jsonl")
_GLOB = frozenset("*?[")


def _expand(arguments: Sequence[str]) -> tuple[list[str], list[str]]:
    """The case files the arguments name, and the arguments that name none.

    A directory stands for the case files in it (``.yaml``, ``.yml``, ``.json``, ``.jsonl``; not in its
    subdirectories), in name order; a pattern the shell left alone (quoted, say ``'cases/*.yaml'``)
    for the paths it matches, in name order. Any other argument is a file, as given.
    """
    import glob
    from pathlib import Path

    files: list[str] = []
    empty: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = sorted(
                str(child) for child in path.iterdir() if child.suffix.lower() in _CASE_SUFFIXES and child.is_file()
            )
        elif not path.exists() and _GLOB & set(argument):
            found = sorted(glob.glob(argument))  # noqa: PTH207 - a user's pattern, as the shell would read it
        else:
            files.append(argument)
            continue
        files.extend(found)
        if not found:
            empty.append(argument)
    return files, empty


def _no_case_files(argument: str) -> None:
    """Name, on standard error, a directory that holds no case file or a pattern that matches none."""
    kind, verb = ("directory", "holds") if os.path.isdir(argument) else ("pattern", "matches")  # noqa: PTH112
    suffixes = ", ".join(_CASE_SUFFIXES)
    click.echo(f"Error: {_visible(argument)}: the {kind} {verb} no case file ({suffixes})", err=True)


class _Batch:
    """The files a command was given: the initiatives of each good one, and how many were bad.

    Directories and patterns stand for the case files they hold or match (``_expand``); one that
    holds or matches none is a bad input, named on standard error.
    """

    def __init__(
        self, files: Sequence[str], each: Callable[[str, tuple[Initiative, ...]], object] | None = None
    ) -> None:
        from humanising.exceptions import CaseFileError

        expanded, empty = _expand(files)
        self.files = (*expanded, *empty)
        self.loaded: list[tuple[str, tuple[Initiative, ...]]] = []
        self.failed = len(empty)
        for argument in empty:
            _no_case_files(argument)
        for file in expanded:
            try:
                self.loaded.append((file, _read(file)))
            except CaseFileError as error:
                self.failed += 1
                for problem in error.errors:  # every problem in the file, one line each
                    click.echo(f"Error: {_visible(str(problem))}", err=True)
            else:
                if each is not None:
                    each(*self.loaded[-1])

    @property
    def initiatives(self) -> list[Initiative]:
        return [initiative for _, initiatives in self.loaded for initiative in initiatives]

    def finish(self) -> None:
        """Exit 1 if a file was bad, after a count of good and bad files when there were several."""
        if not self.failed:
            return
        if len(self.files) > 1:
            good = len(self.files) - self.failed
            click.echo(f"{len(self.files)} files: {good} good, {self.failed} failed", err=True)
        raise click.exceptions.Exit(1)


def _visible(text: str) -> str:
    from humanising.reports._common import visible

    return visible(text, keep="\n")


def _analyse(initiatives: Sequence[Initiative]) -> list[Analysis]:
    from humanising._reasoning._analysis import analyse

    return [analyse(initiative) for initiative in initiatives]


def _colour(output: str | None) -> bool:
    """Colour when writing to a terminal, unless NO_COLOR is set (https://no-color.org)."""
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _emit(
    text: str | bytes,
    output: str | None,
    *,
    colour: bool = False,
    inputs: Sequence[str] = (),
    force: bool = False,
) -> None:
    """Print ``text``, or write it to ``output``: whole, never over an input file, and over another only if forced.

    Bytes (a zip archive) go to a pipe or a file, never to a terminal.
    """
    if output is None or output == "-":
        if isinstance(text, bytes):
            if sys.stdout.isatty():
                raise click.ClickException("will not write a binary file to a terminal; name one with -o FILE")
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
            return
        click.echo(text, nl=False, color=colour)
        return
    from pathlib import Path

    from humanising.cli._files import RefusedError, check_target, write_file

    target = Path(output)
    ctx = click.get_current_context(silent=True)
    forcible = ctx is not None and any(param.name == "force" for param in ctx.command.params)
    hint = "; use --force to replace it" if forcible else "; remove it or choose another name"
    try:
        check_target(target, inputs=inputs, force=force, hint=hint)
        write_file(target, text)
    except RefusedError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror or error}") from None


def _report(
    analyses: Sequence[Analysis],
    format_: str,
    output: str | None,
    title: str | None,
    *,
    inputs: Sequence[str] = (),
    force: bool = False,
    footer: str = "",
    table: str = "verdicts",
) -> None:
    title = title or "humanising report"
    if format_ == "csv":
        from typing import cast

        from humanising.reports._tables import Table, records, write_csv

        chosen = cast("Table", table)  # click has checked it is one of _TABLES
        text = write_csv(records(analyses, chosen), chosen)
    elif format_ == "qca":
        from humanising.reports._tables import qca_matrix

        text = qca_matrix(analyses)
    elif format_ == "json":
        from humanising.reports import json_report

        text = json_report(analyses)
    elif format_ == "markdown":
        from humanising.reports import markdown_report

        text = markdown_report(analyses, title=title)
    elif format_ == "html":
        from humanising.reports import html_report

        text = html_report(analyses, title=title)
    else:
        from humanising.reports._text import casebook_table, table_notes

        colour = _colour(output)
        width = _terminal_width() if output in (None, "-") else None
        table = casebook_table(analyses, colour=colour, width=width)
        table += "\n" + table_notes(analyses, footer=footer, width=width)
        _emit(table, output, colour=colour, inputs=inputs, force=force)
        return
    _emit(text, output, inputs=inputs, force=force)


def _terminal_width() -> int:
    """The terminal's width, as ``shutil`` tells it: ``COLUMNS`` when set, else the terminal's, else 80."""
    import shutil

    return max(shutil.get_terminal_size().columns, 20)


_EXPLAIN_FOOTER = "The reasons behind each fit: humanising explain FILE (--model ID for one model)."
_CASEBOOK_FOOTER = (
    "The reasons behind each fit: humanising casebook show ID > case.yaml, then humanising explain case.yaml."
)


_OUTPUT_HELP = (
    "Write to FILE instead of standard output. FILE is written whole or not at all (through a temporary "
    "file beside it); it may not be an input file or a symbolic link, and an existing file is replaced "
    "only with --force."
)


def _output_options(function: F) -> F:
    function = click.option("--force", is_flag=True, help="Replace the -o FILE if it exists.")(function)
    return click.option("-o", "--output", metavar="FILE", help=_OUTPUT_HELP)(function)


_JSONL_HELP = (
    " jsonl: JSON Lines, a line per initiative (and per part) as in the json report, written as each record is read."
)


def _report_options(function: F, *, streams: bool = False) -> F:
    function = click.option(
        "--title", metavar="TEXT", help="The heading of a Markdown or HTML report (default: humanising report)."
    )(function)
    function = _output_options(function)
    return click.option(
        "-f",
        "--format",
        "format_",
        type=click.Choice((*_FORMATS, "jsonl") if streams else _FORMATS),
        default="table",
        show_default=True,
        help="table: a terminal table (coloured on a terminal); json: the versioned report other tools parse; "
        "markdown; html: one self-contained page with the matrix, the quadrant chart and diagrams; "
        "csv: tidy rows for a spreadsheet (see --table); qca: cases x criteria as 1, 0 or empty (unknown)."
        + (_JSONL_HELP if streams else ""),
    )(function)


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("humanising")
    except PackageNotFoundError:
        found = "unknown (not installed)"
    click.echo(f"humanising {found}")
    ctx.exit()


def _suggest(value: str, choices: Sequence[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f" Did you mean {close[0]!r}?" if close else ""


@click.group(
    invoke_without_command=True,
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising                                the casebook's verdicts, as a table
  humanising new my-case.yaml               start a case file from a commented template
  humanising validate my-case.yaml          check it
  humanising explain my-case.yaml           every verdict with its reasons
  humanising classify *.yaml -f html -o report.html
                                            a self-contained HTML report
  humanising models                         every model and its criteria
  humanising claims                         the texts' theses, tested as claims

Exit codes: 0 success; 1 an input file is missing, unreadable or invalid;
2 a usage error. For claim: 1 refuted, 2 an unreadable file.""",
)
@click.option(
    "--version", is_flag=True, expose_value=False, is_eager=True, callback=_version, help="Show the version and exit."
)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Reasoned verdicts on mental-health service innovations.

    Describe an initiative in a YAML or JSON case file and ask which models of
    progressive practice fit it (co-production, evidence-based practice, service
    user-led, community involvement, user-centred design, ...), which
    relationships it equalises and whether it humanises care, following
    Harcourt and Crepaz-Keay, "Co-Production is Good, but Other Things are Good
    Too" (2023). With no command, prints the casebook's verdicts.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(casebook)


@cli.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising classify my-case.yaml
  humanising classify cases/*.yaml --format json -o verdicts.json
  humanising classify cases/*.yaml --format html -o report.html
  humanising classify cases/ -f csv --table criteria -o criteria.csv
  humanising classify cases/ -f jsonl --jobs 0 > verdicts.jsonl
  zcat records.jsonl.gz | humanising classify - -f jsonl > verdicts.jsonl""",
)
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@functools.partial(_report_options, streams=True)
@click.option(
    "--table",
    type=click.Choice(_TABLES),
    default="verdicts",
    show_default=True,
    help="With -f csv, which rows: verdicts (one per initiative and model), criteria (one per criterion of "
    "each verdict) or relationships (one per relationship it equalises).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    metavar="N",
    help="Worker processes to parse and judge chunks of records in (0: every usable CPU); the output keeps "
    "the order of the input. Every model must be importable by its name (a model defined in a module).",
)
def classify(  # noqa: PLR0917 - click passes each option by keyword
    files: tuple[str, ...], format_: str, output: str | None, force: bool, title: str | None, table: str, jobs: int
) -> None:
    """Every model's verdict on the initiatives in case files.

    FILE is a YAML (.yaml, .yml) or JSON (.json) case file holding one
    initiative or a list of them, a JSON Lines file (.jsonl) with one on each
    line, - for JSON Lines on standard input, a pipe, or a directory of case
    files or a quoted pattern; a programme's parts are judged too, each as
    if alone. The table has a row per initiative and a column per model, then
    whether it humanises, its quadrant and what it equalises. A fit resting on
    facts weaker than the case author's coding is marked (fits·i: the case
    author's inference), and a legend under the table spells out each mark.

    -f jsonl and -f csv are written as the records are read, in bounded memory
    however many there are. The table, json, markdown, html and qca formats hold
    every verdict, so they take at most 1,000 initiatives, parts included (set
    HUMANISING_MAX_REPORT to change it), and refuse more with exit code 2.
    While reading, a progress bar shows on standard error if it is a terminal
    (and the output is not written to that terminal as it is read).

    Every good record is reported even if others are bad: each bad record or
    file is named on standard error with its line and what is wrong, then a
    count of good and bad, and the exit code is 1. If no record is good,
    nothing is written. A record whose id was read before is named on standard
    error too, and left out.
    """
    from humanising.cli import _stream

    _stream.classify(files, format_, output, force, title, table, jobs)


_STATUS_STYLE = {"met": "green", "unmet": "red", "unknown": "yellow"}
_FIT_STYLE = {"fits": "green", "partly": "yellow", "does not fit": "red", "undetermined": "bright_black"}


def _plain(text: str, **_style: Any) -> str:
    return text


def _explain_verdict(title: str, verdict: Verdict, style: Callable[..., str]) -> list[str]:
    from typing import assert_never

    from humanising.reports._common import visible
    from humanising.reports._present import (
        ByProductLine,
        CriterionLine,
        FitLine,
        NoteLine,
        SettledByLine,
        StagesLine,
        verdict_lines,
    )

    lines = []
    for line in verdict_lines(verdict):
        match line:
            case FitLine(fit=fit):
                rests_on = f" ({line.rests_on})" if line.rests_on else ""
                lines.append(
                    f"  {style(visible(title), bold=True)}: {style(fit.value, fg=_FIT_STYLE.get(fit.value))}{rests_on}"
                )
            case ByProductLine():
                lines.append(f"    {line.label}: {visible('; '.join(line.phrases))}")
            case CriterionLine():
                status = style(f"{line.mark} {line.status.value:<7}", fg=_STATUS_STYLE[line.status.value])
                lines.append(f"    {status} {line.kind:<10}  {visible(line.reason)}")
            case NoteLine():
                lines.append(f"    {visible(line.text)}")
            case StagesLine():
                lines.append(f"    {line.label}: {', '.join(line.stages)}")
            case SettledByLine():
                lines.append(f"    {line.label}: {visible(', '.join(line.paths))}")
            case _:
                assert_never(line)
    return lines


def _explain_cahn(analysis: Analysis, style: Callable[..., str]) -> list[str]:
    """The essay's institutional barriers and readings of co-production, as the reports show them."""
    from humanising.reports._common import visible
    from humanising.reports._present import STATUS_MARKS

    lines = [f"  {style('institutional barriers', bold=True)}:"]
    for finding in analysis.barriers:
        lines.append(f"    {finding.status.value}: {visible(finding.reason)}")
        if finding.unknowns:
            lines.append(f"      would be settled by: {visible(', '.join(map(str, finding.unknowns)))}")
    lines.append(f"  {style('readings of co-production', bold=True)}:")
    for match in analysis.readings:
        status = style(f"{STATUS_MARKS[match.status]} {match.status.value:<7}", fg=_STATUS_STYLE[match.status.value])
        lines.append(f"    {status} {visible(match.reason)}")
        if match.unknowns:
            lines.append(f"      would be settled by: {visible(', '.join(map(str, match.unknowns)))}")
    return lines


@cli.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising explain my-case.yaml
  humanising explain my-case.yaml --model coproduction
  humanising explain my-case.yaml --model humanises
  humanising explain my-case.yaml --sensitivity""",
)
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "-m",
    "--model",
    "model_id",
    metavar="ID",
    help="Explain only this model's verdict (a model id such as coproduction or user_led, or humanises).",
)
@click.option(
    "--sensitivity",
    is_flag=True,
    help="Instead of the criteria, list what each verdict rests on: the single facts whose change would "
    "change its fit, to what value, and to which fit.",
)
@_output_options
def explain(files: tuple[str, ...], model_id: str | None, sensitivity: bool, output: str | None, force: bool) -> None:
    """The criteria behind each verdict: met, unmet or unknown, and why.

    For every initiative in each FILE (and each part of a programme), every model's
    verdict with each criterion's status, whether it is essential or
    qualifying, the reason, and the unknown facts that would settle an open
    verdict; then whether it humanises, what it equalises and its quadrant;
    then the essay's institutional barriers and readings of co-production.

    With --sensitivity, each verdict instead lists the single facts (one fact's
    value, one member of a set, one participation added or removed) whose change
    would change its fit: what would decide an undetermined verdict, or overturn
    any other.

    Bad files are named on standard error and the others explained (exit code 1).
    Control characters in names and notes (terminal escapes, say) are shown as
    visible codes, and colour is only ever written to a terminal.
    """
    from humanising._reasoning._analysis import registered_models
    from humanising.reports._common import entries, model_names, visible
    from humanising.reports._present import summary_lines

    known = [model.id for model in registered_models()]
    if model_id is not None and model_id not in (*known, "humanises"):
        choices = ", ".join([*known, "humanises"])
        raise click.BadParameter(
            f"no model {model_id!r}.{_suggest(model_id, [*known, 'humanises'])} Known: {choices}.",
            param_hint="'--model'",
        )
    names = model_names()
    colour = _colour(output)
    style = click.style if colour else _plain
    batch = _Batch(files)
    lines: list[str] = []
    for row in entries(_analyse(batch.initiatives)):
        analysis, initiative = row.analysis, row.analysis.initiative
        part = f" (part of {row.part_of})" if row.part_of else ""
        lines += [style(visible(f"{initiative.id}: {initiative.name}{part}"), bold=True, underline=True), ""]
        if sensitivity:
            from humanising._reasoning._sensitivity import sensitivity as judged_again
            from humanising.cli._sensitivity import explain as explain_sensitivity

            lines += explain_sensitivity(judged_again(initiative), names, model_id, style)
            continue
        for verdict_id, verdict in analysis.verdicts.items():
            if model_id in (None, verdict_id):
                title = f"{names.get(verdict_id, verdict_id)} ({verdict_id})"
                lines += [*_explain_verdict(title, verdict, style), ""]
        if model_id in (None, "humanises"):
            lines += [*_explain_verdict("humanises", analysis.humanises, style), ""]
        if model_id is None:
            lines += [
                visible(f"  {label.lower()}: {text}") for label, text in summary_lines(analysis) if label != "Humanises"
            ]
            lines += ["", *_explain_cahn(analysis, style), ""]
    if batch.loaded:
        _emit("\n".join(lines).rstrip("\n") + "\n", output, colour=colour, inputs=batch.files, force=force)
    batch.finish()


@cli.group(
    invoke_without_command=True,
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising casebook
  humanising casebook --format html -o casebook.html
  humanising casebook show sleepwell
  humanising casebook export my-cases/""",
)
@_report_options
@click.pass_context
def casebook(
    ctx: click.Context,
    format_: str = "table",
    output: str | None = None,
    force: bool = False,
    title: str | None = None,
) -> None:
    """The shipped cases and their verdicts.

    The paper's case studies (SleepWell, the Mental Health Foundation's course in
    Wales, East Lille and its eight innovations) and invented illustrative cases.
    With no subcommand, prints every case's verdicts.
    """
    if ctx.invoked_subcommand is not None:
        return
    from humanising import casebook as shipped

    _report(
        _analyse(shipped.load_all()),
        format_,
        output,
        title or "The humanising casebook",
        force=force,
        footer=_CASEBOOK_FOOTER,
    )


def _case_file_text(name: str) -> str:
    from importlib import resources

    return resources.files("humanising.casebook").joinpath(name).read_text(encoding="utf-8")


@casebook.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising casebook show sleepwell
  humanising casebook show east-lille-7 > east-lille-7.yaml""",
)
@click.argument("case_id", metavar="ID")
def show(case_id: str) -> None:
    """Print one shipped case file (ids: `humanising casebook`).

    A case that ships in its own file is printed as it is, comments included;
    a part of a programme (east-lille-3) is printed on its own, as a case file.
    """
    from humanising import casebook as shipped
    from humanising._casefiles._loading import dumps_yaml

    if case_id not in shipped.ids():
        known = shipped.ids()
        raise click.BadParameter(
            f"no casebook case {case_id!r}.{_suggest(case_id, known)} Known: {', '.join(known)}.", param_hint="'ID'"
        )
    name = shipped.file_name(case_id)
    text = _case_file_text(name)
    if name.removesuffix(".yaml") != case_id:
        text = f"# {case_id}: a part of the programme in casebook/{name}, on its own.\n" + dumps_yaml(
            shipped.load(case_id)
        )
    click.echo(text, nl=False)


@casebook.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising casebook export my-cases/
  humanising classify my-cases/*.yaml""",
)
@click.argument("directory", metavar="DIR")
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
def export(directory: str, force: bool) -> None:
    """Write every shipped case file into DIR, to edit or start from.

    DIR is created if needed. Existing files are left alone unless --force is
    given. Each file is written whole, in DIR itself: a symbolic link in DIR
    with a case file's name is refused, even with --force, and never followed.
    """
    from importlib import resources
    from pathlib import Path

    from humanising.cli._files import RefusedError, check_target, write_file

    target = Path(directory)
    names = sorted(
        entry.name for entry in resources.files("humanising.casebook").iterdir() if entry.name.endswith(".yaml")
    )
    if target.exists() and not target.is_dir():
        raise click.ClickException(f"cannot write to {directory}: it is not a directory")
    links = [name for name in names if (target / name).is_symlink()]
    if links:
        raise click.ClickException(
            f"will not write through symbolic links in {directory} ({', '.join(links)}); remove them first"
        )
    existing = [name for name in names if (target / name).exists()]
    if existing and not force:
        raise click.ClickException(
            f"{len(existing)} file(s) already exist in {directory} ({', '.join(existing)}); use --force to overwrite"
        )
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            check_target(target / name, force=True)
            write_file(target / name, _case_file_text(name))
    except RefusedError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"cannot write to {directory}: {error.strerror or error}") from None
    for name in names:
        click.echo(str(target / name))


@cli.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising models
  humanising models --format json -o models.json
  humanising models --format markdown""",
)
@click.option(
    "-f",
    "--format",
    "format_",
    type=click.Choice(("table", "json", "markdown")),
    default="table",
    show_default=True,
    help="table: for reading, each model's criteria and source wrapped to 100 columns; "
    "json: the versioned list other tools parse; markdown: a table of each model's essential "
    "and qualifying criteria and source, for documents.",
)
@_output_options
def models(format_: str, output: str | None, force: bool) -> None:
    """Every registered model: its id, short name, status, criteria and source.

    The built-in models come first, then those that installed packages add
    through the humanising.models entry-point group. A model's status is "ok"
    when it loaded. Its criteria are listed by id: essential ones (one unmet and
    the model does not fit) and qualifying ones (unmet, it fits at most partly).
    An entry point that gave no usable model is listed last, under its name,
    with a status saying why (import_failed, not_a_model, duplicate_id) and the
    error; it is skipped, and the built-in models work as ever.
    """
    import warnings

    from humanising._reasoning._analysis import broken_entry_points, registered_models
    from humanising.exceptions import PluginWarning
    from humanising.reports._json import models_data

    with warnings.catch_warnings():
        # Every broken entry point is listed below, with its error: a warning would say it twice.
        warnings.simplefilter("ignore", PluginWarning)
        data = models_data(registered_models(), broken_entry_points())
    if format_ == "json":
        import json

        _emit(json.dumps(data, indent=2, ensure_ascii=False) + "\n", output, force=force)
    elif format_ == "markdown":
        from humanising.reports._markdown import models_markdown

        _emit(models_markdown(data), output, force=force)
    else:
        from humanising.reports._text import models_table

        _emit(models_table(data), output, force=force)


@cli.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising validate my-case.yaml
  humanising validate cases/*.yaml cases/*.json""",
)
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
def validate(files: tuple[str, ...]) -> None:
    """Check case files without classifying them.

    Prints "ok" and the number of initiatives for each valid file; for each
    invalid one, an error naming the file, the line, the path inside it (such
    as $.participations[3].stakeholder), what was expected, and a suggestion
    for a near miss. Every file is checked, whatever the others hold; with
    several, a count of good and bad files follows the errors. Exits 1 if any
    file is missing, unreadable or invalid.
    """

    def report(file: str, initiatives: tuple[Initiative, ...]) -> None:
        count = sum(1 + _count_parts(initiative) for initiative in initiatives)
        click.echo(f"ok: {_visible(file)} ({count} initiative{'' if count == 1 else 's'})")

    _Batch(files, each=report).finish()


def _count_parts(initiative: Initiative) -> int:
    return sum(1 + _count_parts(part) for part in initiative.parts)


@cli.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising schema > humanising.schema.json
  # then, in a YAML file, for editors with the YAML language server:
  # yaml-language-server: $schema=humanising.schema.json""",
)
@_output_options
def schema(output: str | None, force: bool) -> None:
    """Print the JSON Schema of case files.

    Generated from the library's own classes, so it always matches what the
    loader accepts. Editors use it to complete and check case files.
    """
    import json

    from humanising._casefiles._schema import case_file_schema

    _emit(json.dumps(case_file_schema(), indent=2, ensure_ascii=False) + "\n", output, force=force)


@cli.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising codebook
  humanising codebook -f json -o codebook.json
  humanising codebook -f qdc -o humanising.qdc""",
)
@click.option(
    "-f",
    "--format",
    "format_",
    type=click.Choice(("markdown", "json", "qdc")),
    default="markdown",
    show_default=True,
    help="markdown: a table per vocabulary, for reading or a document; json: the same as plain data; "
    "qdc: a REFI-QDA codebook (XML) for NVivo, ATLAS.ti, MAXQDA or QualCoder.",
)
@_output_options
def codebook(format_: str, output: str | None, force: bool) -> None:
    """Print the codebook: what every value a case author chooses means.

    For each vocabulary (identities, stages, involvement levels, roles, role
    differentiation, product kinds, relationship changes, humanising features,
    observations, barriers and bases), every value with its definition, a short
    example and, where the sources give one, the passage it rests on (the paper
    by section, the essay by heading, with a short quoted phrase). The template
    of `humanising new`, the JSON Schema and validation all use these values.
    """
    from humanising import codebook as _codebook

    data = _codebook()
    if format_ == "json":
        import json

        _emit(json.dumps(data.as_data(), indent=2, ensure_ascii=False) + "\n", output, force=force)
    elif format_ == "qdc":
        from humanising.reports import qdc_codebook

        _emit(qdc_codebook(data).decode("utf-8"), output, force=force)
    else:
        _emit(data.markdown(), output, force=force)


@cli.command(
    "export-qdpx",
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising export-qdpx cases/*.yaml -o cases.qdpx
  humanising export-qdpx casebook.yaml --name "Ward study" -o ward-study.qdpx""",
)
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--name", default="humanising cases", show_default=True, help="The project's name.")
@_output_options
def export_qdpx(files: tuple[str, ...], name: str, output: str | None, force: bool) -> None:
    """Write the cases and their verdicts as a REFI-QDA project (.qdpx).

    NVivo, ATLAS.ti, MAXQDA and QualCoder open it. Each initiative (a programme
    followed by its parts) is a case, coded with one verdict code per model (and
    humanising) and given variables: each model's fit and basis, humanising's,
    the equalising reading, the quadrant, part of and illustrative. The
    project's codebook is humanising's codebook and the verdict codes. The case
    files and the texts are not carried over.

    The project is a zip archive, so it is written to -o FILE or a pipe, never
    to a terminal. Every good file is exported even if others are bad: each bad
    file is named on standard error and the exit code is 1.
    """
    from humanising.reports import qdpx_project

    batch = _Batch(files)
    if batch.loaded:
        _emit(qdpx_project(_analyse(batch.initiatives), name=name), output, inputs=files, force=force)
    batch.finish()


@cli.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising diagram my-case.yaml
  humanising diagram casebook.yaml --id east-lille-7 -o east-lille-7.mmd""",
)
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--id", "initiative_id", metavar="ID", help="Draw only the initiative (or part) with this id.")
@_output_options
def diagram(files: tuple[str, ...], initiative_id: str | None, output: str | None, force: bool) -> None:
    """A Mermaid diagram of each initiative in the case files.

    Stakeholders grouped by identity, an arrow to each stage they take part in
    labelled with their involvement (thick for partner or leads, dotted for
    unknown), and a dotted link for each relationship the initiative narrows.
    Several initiatives are separated by a %% comment line naming each; paste
    one into https://mermaid.live or a ```mermaid block to see it. Names are
    written as Mermaid entity codes where they hold quotes, brackets, ; or %,
    and clipped at 200 characters, so no name can change the diagram.

    Every good file is drawn even if others are bad: each bad file is named on
    standard error, then a count of good and bad files, and the exit code is 1.
    """
    from humanising.reports._mermaid import escape_text, mermaid

    initiatives: list[Initiative] = []

    def add(initiative: Initiative) -> None:
        initiatives.append(initiative)
        for part in initiative.parts:
            add(part)

    batch = _Batch(files)
    for initiative in batch.initiatives:
        add(initiative)
    if initiative_id is not None:
        known = [initiative.id for initiative in initiatives]
        if batch.loaded and initiative_id not in known:
            raise click.BadParameter(
                f"no initiative {initiative_id!r} in {', '.join(file for file, _ in batch.loaded)}."
                f"{_suggest(initiative_id, known)} Known: {', '.join(known)}.",
                param_hint="'--id'",
            )
        initiatives = [initiative for initiative in initiatives if initiative.id == initiative_id]
    if len(initiatives) == 1:
        _emit(mermaid(initiatives[0]), output, inputs=batch.files, force=force)
    elif initiatives:
        text = "\n".join(f"%% {i.id}: {escape_text(i.name)}\n{mermaid(i)}" for i in initiatives)
        _emit(text, output, inputs=batch.files, force=force)
    batch.finish()


@cli.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising new my-case.yaml
  humanising new > my-case.yaml
  humanising new my-case.yaml --skeleton casebook.yaml
  # by answering questions, each value offered with its meaning:
  # humanising new --interactive my-case.yaml""",
)
@click.argument("file", required=False, metavar="[FILE]")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@click.option(
    "--skeleton",
    "skeleton_of",
    metavar="CASE",
    help="Write the skeleton of the case file CASE for a team to code from: its stakeholders, products "
    "and participations (stakeholder, stage, capacity) with every fact, involvement included, unknown.",
)
@click.option(
    "--interactive",
    "-i",
    is_flag=True,
    help="Ask the questions the criteria need, one by one, offering each allowed value with its meaning, "
    "and write the case file the answers make (the questions go to standard error).",
)
def new(file: str | None, force: bool, skeleton_of: str | None, interactive: bool) -> None:
    """Write a commented template case file to fill in.

    Every field is there with a comment saying what it means and which values
    it takes; facts start as unknown. The template is valid as it is. Without
    FILE it is printed. FILE is written whole or not at all; a symbolic link is
    refused, and an existing file is replaced only with --force.

    With --skeleton CASE, FILE is instead the skeleton of CASE: the same
    stakeholder ids and stages for every coder of a team, so that `humanising
    agree` can align their facts; each coder fills in a copy.

    With --interactive, the case file is written from answers to questions:
    the initiative; who took part, with their identities; for each stage, who
    took part and how much say they had; what was produced; the relationships;
    the features. `humanising form` writes a page that asks the same.
    """
    if interactive and skeleton_of is not None:
        raise click.UsageError("--interactive and --skeleton cannot be used together")
    if interactive:
        from humanising.cli._interview import write_interview

        write_interview(file, force=force, emit=_emit)
    elif skeleton_of is not None:
        from humanising._casefiles._loading import dumps
        from humanising._reasoning._agreement import skeleton

        initiatives = [skeleton(initiative) for initiative in _Batch([skeleton_of]).initiatives]
        if not initiatives:
            raise SystemExit(1)
        text = dumps(initiatives[0] if len(initiatives) == 1 else initiatives, format="yaml")
        _emit(text, file, inputs=(skeleton_of,), force=force)
    else:
        from humanising._casefiles._template import template

        _emit(template(), file, force=force)
    if file is not None:
        click.echo(f"wrote {file}; check it with: humanising validate {file}", err=True)


@cli.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising form -o form.html
  # then check the case file the page wrote, say peer-drop-in.yaml:
  # humanising validate peer-drop-in.yaml""",
)
@_output_options
def form(output: str | None, force: bool) -> None:
    """Write an offline HTML page that asks the questions of `new --interactive` and writes the case file.

    One self-contained page: open it in a browser, answer the questions (each
    choice shows what every value means), and download or copy the case file
    it writes; check it with `humanising validate`. It loads nothing from any
    network, and a Content-Security-Policy lets only its own script and style
    run. Without -o it is printed.
    """
    from humanising.cli._form import form_page

    _emit(form_page(), output, force=force)


_INSTALL_HYPOTHESIS = "pip install 'humanising[strategies]'"


def _wrapped(text: str) -> list[str]:
    """``text`` indented by two spaces and wrapped to 100 columns, the rest of its lines by four."""
    import textwrap

    return textwrap.wrap(text, 100, initial_indent="  ", subsequent_indent="    ", break_on_hyphens=False)


def _case_lines(case: Any) -> list[str]:
    kind = "real" if case.real else "invented"
    head = f"  {case.id}: {case.name} ({kind}; {case.source})"
    return [_visible(head), *(_visible(f"      {reason}") for reason in case.why)]


def _claim_of(expression: str) -> Any:
    from humanising.claims import parse
    from humanising.exceptions import ClaimSyntaxError

    try:
        return parse(expression)
    except ClaimSyntaxError as error:
        raise click.BadParameter(str(error), param_hint="'EXPR'") from None


def _claim_files(files: Sequence[str]) -> list[tuple[str, tuple[Initiative, ...]]]:
    """Every file's initiatives; a bad file is a usage error here (exit 2), since exit 1 means refuted."""
    from humanising.exceptions import CaseFileError

    loaded: list[tuple[str, tuple[Initiative, ...]]] = []
    failed = False
    for file in files:
        try:
            loaded.append((file, _read(file)))
        except CaseFileError as error:
            failed = True
            for problem in error.errors:
                click.echo(f"Error: {_visible(str(problem))}", err=True)
    if failed:
        raise click.exceptions.Exit(2)
    return loaded


@cli.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising claim "coproduction_gold_standard -> coproduction" --examples 300 --seed 7
  humanising claim "user_led@delivery -> not coproduction@delivery" my-case.yaml

\b
Refuted, so exit code 1:
  humanising claim "humanises -> equalises"
                                     SleepWell is a real counterexample
  humanising claim "community_involvement -> humanises" -o counterexample.yaml
                                     a generated one, written as a case file

\b
The language:
  coproduction                       the model fits (any model id; or humanises)
  coproduction >= partly             compare: does not fit < partly < fits;
                                     = == != < <= > >=, with a fit or a model id
  user_led@delivery                  the verdict lists the stage
  equalises                          something narrows (an aim or observed)
  equalises(service_users_and_professionals, achieved)
                                     a relationship of that kind narrows, observed
                                     (aim: as an aim); equalises(achieved) any kind
  humanises                          the humanising verdict fits or partly fits
  met(transformative_coproduction, decision_power)
                                     one criterion is met
  not, and, or, ->, ( )              Kleene's logic: unknown unless decided

Exit codes: 0 the claim held over every case and the search; 1 it was
refuted; 2 a usage error, a malformed expression or an unreadable case file.""",
)
@click.argument("expression", metavar="EXPR")
@click.argument("files", nargs=-1, metavar="[FILE...]")
@click.option(
    "--examples",
    type=click.IntRange(min=0),
    default=200,
    show_default=True,
    help="How many initiatives to generate in the search for a counterexample (0: no search).",
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="The search's seed: the same seed, the same search."
)
@_output_options
def claim(  # noqa: PLR0917 - click passes every option
    expression: str, files: tuple[str, ...], examples: int, seed: int, output: str | None, force: bool
) -> None:
    """Test a universal claim about initiatives against every case, then against generated ones.

    EXPR is a claim in the claims language (below). It is judged, in Kleene's
    three-valued logic, on every shipped case and on every initiative in each
    FILE (a programme's parts too, each as if alone). Every counterexample is
    listed with the verdicts and facts that break the claim; every case where
    the claim is unknown is listed apart, and never counts as support.
    Invented (illustrative) cases are labelled as such.

    Then initiatives are generated (with humanising.strategies, which needs
    hypothesis) and the first counterexample found is shrunk to a simplest one
    and printed as a case file that humanising validate accepts, or written to
    -o FILE. No example database is written. A claim that holds has held only
    over the cases and examples counted: that is not a proof.
    """
    from humanising.claims import ClaimCheck, check, search

    parsed = _claim_of(expression)
    loaded = _claim_files(files)
    lines = [f"Claim: {parsed}", ""]
    cases = check(parsed).cases
    for file, initiatives in loaded:
        cases += check(parsed, initiatives, casebook=False, source=file).cases
    results = ClaimCheck(parsed, cases)
    counter, unknown = results.counterexamples, results.unknown
    if counter:
        lines.append(f"Counterexamples ({len(counter)}):")
        for case in counter:
            lines += _case_lines(case)
        lines.append("")
    if unknown:
        lines.append(f"Unknown ({len(unknown)}), neither supporting nor refuting it:")
        for case in unknown:
            lines += _case_lines(case)
        lines.append("")
    lines.append(
        f"Cases: {len(results.cases)} checked; true of {len(results.supporting)}, false of {len(counter)}, "
        f"unknown for {len(unknown)}."
    )
    generated = None
    searched = 0
    if examples:
        try:
            found = search(parsed, examples=examples, seed=seed)
        except ImportError:
            lines.append(f"Search: skipped, as it needs hypothesis; install it with: {_INSTALL_HYPOTHESIS}")
        else:
            searched = found.examples
            generated = found.counterexample
            if generated is None:
                lines.append(f"Search: no counterexample among {searched} generated initiatives (seed {seed}).")
            else:
                lines.append(
                    f"Search: a counterexample found (seed {seed}) and shrunk, {searched} generated initiatives "
                    "judged in all; it is invented:"
                )
                lines += [_visible(f"      {reason}") for reason in found.why]
    else:
        lines.append("Search: not run (--examples 0).")
    real = [case.id for case in counter if case.real]
    if real:
        verdict = f"Refuted by a real case: {', '.join(real)}."
    elif counter or generated is not None:
        verdict = "Refuted, by invented cases only."
    else:
        verdict = (
            f"Held over {len(results.cases)} cases ({len(unknown)} unknown) and {searched} generated "
            "initiatives: not a proof."
        )
    lines += ["", verdict]
    click.echo("\n".join(lines))
    if generated is not None:
        from humanising import dumps

        text = (
            "# A generated initiative, shrunk: invented, not a real case. It refutes the claim\n"
            f"# {_visible(str(parsed))}\n" + dumps(generated)
        )
        if output is None:
            click.echo("")
        _emit(text, output, inputs=files, force=force)
        if output not in (None, "-"):
            click.echo(f"wrote the counterexample to {output}; check it with: humanising validate {output}", err=True)
    if counter or generated is not None:
        raise click.exceptions.Exit(1)


@cli.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising claims
  humanising claims --examples 200""",
)
@click.option(
    "--examples",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Also search this many generated initiatives for a counterexample to each claim.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="The search's seed.")
def claims(examples: int, seed: int) -> None:
    """The texts' theses as claims: each with its citation, the outcome expected, and the outcome found.

    Each thesis is stored as a universal claim: "co-production is not necessary
    for humanising" as the claim "humanises -> coproduction", expected to be
    refuted. Each is checked on the shipped cases (and, with --examples, on
    generated ones); the cases that decide it are named. Exits 0 when every
    thesis comes out as expected, 1 otherwise.
    """
    from humanising.claims import Outcome, check, search, theses

    lines: list[str] = []
    unexpected = 0
    for thesis in theses():
        parsed = thesis.claim
        result = check(parsed)
        outcome = result.outcome
        deciding = [case.id for case in result.counterexamples] if result.counterexamples else []
        extra = ""
        if examples and outcome is Outcome.HELD:
            try:
                found = search(parsed, examples=examples, seed=seed)
            except ImportError:
                extra = f"; the search needs hypothesis: {_INSTALL_HYPOTHESIS}"
            else:
                if found.counterexample is not None:
                    outcome = Outcome.REFUTED
                    extra = f"; refuted by a generated initiative ({found.examples} searched)"
                else:
                    extra = f"; no counterexample among {found.examples} generated initiatives"
        mark = "as expected" if outcome is thesis.expected else "NOT AS EXPECTED"
        unexpected += outcome is not thesis.expected
        lines += [
            thesis.id,
            *_wrapped(thesis.thesis),
            *_wrapped(f"claim: {thesis.expression}"),
            f"  expected: {thesis.expected.value}; found: {outcome.value}{extra} ({mark})",
        ]
        if deciding:
            lines += _wrapped(f"counterexamples: {', '.join(deciding)}")
        if result.unknown:
            lines += _wrapped(f"unknown on: {', '.join(case.id for case in result.unknown)}")
        lines += [*_wrapped(f"source: {thesis.citation}"), ""]
    click.echo("\n".join(lines).rstrip("\n"))
    if unexpected:
        raise click.exceptions.Exit(1)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``humanising`` command and return its exit code.

    Args:
        argv: The arguments after the program name; ``sys.argv[1:]`` by default.

    Returns:
        0 on success, 1 if an input file is missing, unreadable or invalid, 2 on a usage error.

    Example:
        >>> from humanising.cli import main
        >>> main(["explain", "no-such-file.yaml"])
        1
    """
    try:
        cli.main(args=list(sys.argv[1:] if argv is None else argv), prog_name="humanising", standalone_mode=True)
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else 0 if code is None else 1


def _one_initiative(file: str) -> Initiative:
    """The one initiative of a case file, or a usage error (exit 2) naming what is wrong."""
    from humanising.exceptions import CaseFileError

    try:
        initiatives = _read(file)
    except CaseFileError as error:
        raise click.UsageError(_visible(str(error))) from None
    if len(initiatives) != 1:
        raise click.UsageError(f"{file}: expected one initiative, found {len(initiatives)}")
    return initiatives[0]


@cli.command(
    "diff",
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising diff cases/sleepwell.yaml cases/sleepwell.json
  humanising diff cases/sleepwell.yaml cases/sleepwell.json -f markdown -o differences.md""",
)
@click.argument("file_a", metavar="A")
@click.argument("file_b", metavar="B")
@click.option(
    "-f",
    "--format",
    "format_",
    type=click.Choice(("text", "markdown", "json")),
    default="text",
    show_default=True,
    help="text: one paragraph per difference; markdown: a table; json: the same as plain data.",
)
@_output_options
def diff_(file_a: str, file_b: str, format_: str, output: str | None, force: bool) -> None:
    """Every fact two codings of one initiative record differently, and the verdicts it decides.

    A and B are case files, each holding one coding of the same initiative (the
    same id). Facts are compared by fact path: participations by stakeholder@stage
    (one present in only one coding is missing in the other), stakeholders,
    products and failed partnerships by id, relationships by between and aspect,
    parts by id, and the facts of the initiative and of its evidence, design
    process and observations. Each difference is shown with both values and
    bases, and with the verdicts (every built-in model, and humanises) that
    change, and how, when A is judged with only that fact taken from B; or
    "changes no verdict". Those that change a verdict come first. Notes, coders
    and locators are not compared.

    Exit codes: 0 the codings are equal, 1 they differ, 2 a usage error (a file
    that cannot be read or holds other than one initiative, or two initiatives).
    """
    from humanising._reasoning._diff import diff as _diff
    from humanising.cli import _coding

    a, b = _one_initiative(file_a), _one_initiative(file_b)
    if a.id != b.id:
        raise click.UsageError(
            f"{file_a} codes {a.id!r} and {file_b} codes {b.id!r}: not two codings of one initiative"
        )
    differences = _diff(a, b)
    render = {"text": _coding.text, "markdown": _coding.markdown, "json": _coding.as_json}[format_]
    _emit(render(differences, file_a, file_b), output, inputs=(file_a, file_b), force=force)
    if differences:
        raise SystemExit(1)


def _coder_files(argument: str) -> list[str]:
    """The case files of one coder: a directory's .yaml, .yml and .json files, or the lines of an @list file."""
    from pathlib import Path

    if argument.startswith("@"):
        listing = Path(argument[1:])
        try:
            lines = listing.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise click.UsageError(f"{argument}: cannot read the list ({error.strerror or error})") from None
        return [str(listing.parent / line.strip()) for line in lines if line.strip() and not line.startswith("#")]
    folder = Path(argument)
    if not folder.is_dir():
        raise click.UsageError(f"{argument}: expected a directory of one coder's case files, or @list.txt")
    return sorted(str(path) for path in folder.iterdir() if path.suffix in {".yaml", ".yml", ".json"})


@cli.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising agree cases my-cases
  humanising agree cases my-cases -f json -o agreement.json""",
)
@click.argument("coders", nargs=-1, required=True, metavar="CODER_A CODER_B [CODER_C ...]")
@click.option(
    "-f",
    "--format",
    "format_",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
    help="text: the report; json: the same as plain data.",
)
@_output_options
def agree(coders: tuple[str, ...], format_: str, output: str | None, force: bool) -> None:
    """Agreement between coders: percent agreement and Krippendorff's alpha, per fact family and overall.

    Each argument is one coder's case files: a directory (its .yaml, .yml and
    .json files) or @list.txt (one path a line, relative to the list). Cases are
    aligned by initiative id and facts by fact path; a coding whose stakeholder
    ids and stages differ from the case's first coding is reported and left out.
    Alpha is ordinal for involvement and for the models' fits (does not fit <
    partly < fits, undetermined missing) and nominal for the rest, where unknown
    is taken both as missing and as a category, both shown. Each member of a
    set (identities, roles, features) is a yes/no unit. Disagreements that change
    a verdict, taken alone, come first. Alpha is undefined, with the reason, with
    fewer than two units or coders.
    """
    from humanising._reasoning._agreement import agreement
    from humanising.cli import _coding
    from humanising.exceptions import CaseFileError

    if len(coders) < 2:
        raise click.UsageError("agreement needs two coders or more")
    codings: dict[str, list[Initiative]] = {}
    bad = 0
    for coder in coders:
        codings[coder] = []
        for file in _coder_files(coder):
            try:
                codings[coder].extend(_read(file))
            except CaseFileError as error:
                click.echo(_visible(str(error)), err=True)
                bad += 1
    result = agreement(codings)
    text = _coding.agreement_json(result) if format_ == "json" else _coding.agreement_text(result)
    _emit(text, output, force=force)
    if bad:
        raise SystemExit(1)


@cli.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising compare my-case.yaml
  humanising compare cases/ -f markdown -o compare.md
  humanising compare cases/ -f html -o compare.html""",
)
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "-f",
    "--format",
    "format_",
    type=click.Choice(("table", "markdown", "html", "json")),
    default="table",
    show_default=True,
    help="table: a block per initiative; markdown; html: the HTML report with a models-by-frameworks section; "
    "json: every framework's placements with their facts and reasons.",
)
@click.option("--title", metavar="TEXT", help="The heading of a Markdown or HTML report.")
@_output_options
def compare(files: tuple[str, ...], format_: str, output: str | None, force: bool, title: str | None) -> None:
    """Every model's verdict and every framework's reading, side by side, and where they disagree.

    The frameworks are the best-known definitions of co-production and involvement
    (Bovaird's matrix, the TLAP, Arnstein and IAP2 ladders, the Involvement Matrix, the
    NEF/Nesta and NIHR principles), each read through this library's facts: its reading,
    not the authors'. A disagreement is a co-production model that fits or partly fits
    where a framework's co-production step is unmet, or does not fit where it is met.
    FILE is read as for classify; a bad file is named on standard error and the exit code is 1.
    """
    from humanising.cli._compare import render

    batch = _Batch(files)
    if batch.loaded:
        _emit(render(_analyse(batch.initiatives), format_, title), output, inputs=batch.files, force=force)
    batch.finish()
