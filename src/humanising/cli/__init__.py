"""The ``humanising`` command: classify case files, explain verdicts, and browse the casebook.

Built on click. Only click and the standard library load before a subcommand
runs: the reasoning, the converter (cattrs), YAML and the reports are imported
inside the commands, so that ``humanising --help`` starts fast.

Exit codes, for every subcommand: 0 success; 1 an input file is missing,
unreadable or invalid (or an output cannot be written); 2 a usage error (an
unknown option, model or case id).

Example:
    >>> from humanising.cli import main
    >>> main(["validate", "--help"])  # doctest: +ELLIPSIS
    Usage: humanising validate [OPTIONS] FILE...
    ...
    0
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from humanising._facts import Initiative
    from humanising._reasoning._analysis import Analysis

__all__ = ["cli", "main"]

F = TypeVar("F", bound=Callable[..., Any])

_FORMATS = ("table", "json", "markdown", "html")
_CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class CaseFileFailure(click.ClickException):
    """One or more input files are missing, unreadable or invalid (exit code 1)."""

    exit_code = 1

    def __init__(self, messages: Sequence[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = tuple(messages)

    def show(self, file: Any = None) -> None:
        """Print each problem on its own line, to standard error."""
        for message in self.messages:
            click.echo(f"Error: {message}", err=True, file=file)


def _load(files: Sequence[str]) -> list[Initiative]:
    """Every initiative in the files, or a CaseFileFailure naming every bad file."""
    from humanising._casefiles._loading import load_file
    from humanising.exceptions import CaseFileError

    initiatives: list[Initiative] = []
    problems: list[str] = []
    for file in files:
        try:
            initiatives.extend(load_file(file))
        except CaseFileError as error:
            problems.append(str(error))
    if problems:
        raise CaseFileFailure(problems)
    return initiatives


def _analyse(initiatives: Sequence[Initiative]) -> list[Analysis]:
    from humanising._reasoning._analysis import analyse

    return [analyse(initiative) for initiative in initiatives]


def _colour(output: str | None) -> bool:
    """Colour when writing to a terminal, unless NO_COLOR is set (https://no-color.org)."""
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _emit(text: str, output: str | None, *, colour: bool = False) -> None:
    if output is None or output == "-":
        click.echo(text, nl=False, color=colour)
        return
    from pathlib import Path

    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror or error}") from None


def _report(analyses: Sequence[Analysis], format_: str, output: str | None, title: str | None) -> None:
    title = title or "humanising report"
    if format_ == "json":
        from humanising.reports import json_report

        _emit(json_report(analyses), output)
    elif format_ == "markdown":
        from humanising.reports import markdown_report

        _emit(markdown_report(analyses, title=title), output)
    elif format_ == "html":
        from humanising.reports import html_report

        _emit(html_report(analyses, title=title), output)
    else:
        from humanising.reports._text import casebook_table

        colour = _colour(output)
        _emit(casebook_table(analyses, colour=colour), output, colour=colour)


def _report_options(function: F) -> F:
    function = click.option(
        "--title", metavar="TEXT", help="The heading of a Markdown or HTML report (default: humanising report)."
    )(function)
    function = click.option(
        "-o",
        "--output",
        metavar="FILE",
        help="Write the report to FILE instead of standard output.",
    )(function)
    return click.option(
        "-f",
        "--format",
        "format_",
        type=click.Choice(_FORMATS),
        default="table",
        show_default=True,
        help="table: a terminal table (coloured on a terminal); json: the versioned report other tools parse; "
        "markdown; html: one self-contained page with the matrix, the quadrant chart and diagrams.",
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

Exit codes: 0 success; 1 an input file is missing, unreadable or invalid;
2 a usage error.""",
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
  humanising classify cases/*.yaml --format html -o report.html""",
)
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@_report_options
def classify(files: tuple[str, ...], format_: str, output: str | None, title: str | None) -> None:
    """Every model's verdict on the initiatives in case files.

    FILE is a YAML (.yaml, .yml) or JSON (.json) case file holding one
    initiative or a list of them; a programme's parts are judged too, each as
    if alone. The table has a row per initiative and a column per model, then
    whether it humanises, its quadrant and what it equalises.
    """
    _report(_analyse(_load(files)), format_, output, title)


_STATUS_STYLE = {"met": ("✓", "green"), "unmet": ("✗", "red"), "unknown": ("?", "yellow")}
_FIT_STYLE = {"fits": "green", "partly": "yellow", "does not fit": "red", "undetermined": "bright_black"}


def _explain_verdict(title: str, verdict: Any) -> list[str]:
    fit = verdict.fit.value
    lines = [f"  {click.style(title, bold=True)}: {click.style(fit, fg=_FIT_STYLE.get(fit))}"]
    for result in verdict.criteria:
        mark, colour = _STATUS_STYLE[result.status.value]
        kind = "essential" if result.essential else "qualifying"
        status = click.style(f"{mark} {result.status.value:<7}", fg=colour)
        lines.append(f"    {status} {kind:<10}  {result.reason}")
    lines.extend(f"    {note}" for note in verdict.notes)
    if verdict.stages:
        lines.append(f"    stages: {', '.join(stage.value for stage in verdict.stages)}")
    if verdict.unknowns:
        lines.append(f"    would be settled by: {', '.join(str(path) for path in verdict.unknowns)}")
    return lines


@cli.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising explain my-case.yaml
  humanising explain my-case.yaml --model coproduction
  humanising explain my-case.yaml --model humanises""",
)
@click.argument("file", metavar="FILE")
@click.option(
    "-m",
    "--model",
    "model_id",
    metavar="ID",
    help="Explain only this model's verdict (a model id such as coproduction or user_led, or humanises).",
)
@click.option("-o", "--output", metavar="FILE", help="Write the explanation to FILE instead of standard output.")
def explain(file: str, model_id: str | None, output: str | None) -> None:
    """The criteria behind each verdict: met, unmet or unknown, and why.

    For every initiative in FILE (and each part of a programme), every model's
    verdict with each criterion's status, whether it is essential or
    qualifying, the reason, and the unknown facts that would settle an open
    verdict; then whether it humanises, what it equalises and its quadrant.
    """
    from humanising._reasoning._analysis import registered_models
    from humanising.reports._common import entries, model_names
    from humanising.reports._markdown import equalises_text

    known = [model.id for model in registered_models()]
    if model_id is not None and model_id not in (*known, "humanises"):
        choices = ", ".join([*known, "humanises"])
        raise click.BadParameter(
            f"no model {model_id!r}.{_suggest(model_id, [*known, 'humanises'])} Known: {choices}.",
            param_hint="'--model'",
        )
    names = model_names()
    lines: list[str] = []
    for row in entries(_analyse(_load([file]))):
        analysis, initiative = row.analysis, row.analysis.initiative
        part = f" (part of {row.part_of})" if row.part_of else ""
        lines += [click.style(f"{initiative.id}: {initiative.name}{part}", bold=True, underline=True), ""]
        for verdict_id, verdict in analysis.verdicts.items():
            if model_id in (None, verdict_id):
                lines += [*_explain_verdict(f"{names.get(verdict_id, verdict_id)} ({verdict_id})", verdict), ""]
        if model_id in (None, "humanises"):
            lines += [*_explain_verdict("humanises", analysis.humanises), ""]
        if model_id is None:
            equalised = equalises_text(analysis)
            lines += [
                f"  equalises: {'; '.join(equalised) if equalised else 'nothing'}",
                f"  quadrant: {analysis.quadrant.value}",
                "",
            ]
    colour = _colour(output)
    _emit("\n".join(lines).rstrip("\n") + "\n", output, colour=colour)


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
def casebook(ctx: click.Context, format_: str = "table", output: str | None = None, title: str | None = None) -> None:
    """The shipped cases and their verdicts.

    The paper's case studies (SleepWell, the Mental Health Foundation's course in
    Wales, East Lille and its eight innovations) and invented illustrative cases.
    With no subcommand, prints every case's verdicts.
    """
    if ctx.invoked_subcommand is not None:
        return
    from humanising import casebook as shipped

    _report(_analyse(shipped.load_all()), format_, output, title or "The humanising casebook")


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

    DIR is created if needed. Existing files are left alone unless --force is given.
    """
    from importlib import resources
    from pathlib import Path

    target = Path(directory)
    names = sorted(
        entry.name for entry in resources.files("humanising.casebook").iterdir() if entry.name.endswith(".yaml")
    )
    existing = [name for name in names if (target / name).exists()]
    if existing and not force:
        raise click.ClickException(
            f"{len(existing)} file(s) already exist in {directory} ({', '.join(existing)}); use --force to overwrite"
        )
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            (target / name).write_text(_case_file_text(name), encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"cannot write to {directory}: {error.strerror or error}") from None
    for name in names:
        click.echo(str(target / name))


@cli.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising models
  humanising models --format json -o models.json""",
)
@click.option(
    "-f",
    "--format",
    "format_",
    type=click.Choice(("table", "json")),
    default="table",
    show_default=True,
    help="table: for reading, each model's criteria and source wrapped to 100 columns; "
    "json: the versioned list other tools parse.",
)
@click.option("-o", "--output", metavar="FILE", help="Write the list to FILE instead of standard output.")
def models(format_: str, output: str | None) -> None:
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

        _emit(json.dumps(data, indent=2, ensure_ascii=False) + "\n", output)
    else:
        from humanising.reports._text import models_table

        _emit(models_table(data), output)


@cli.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising validate my-case.yaml
  humanising validate cases/*.yaml cases/*.json""",
)
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.pass_context
def validate(ctx: click.Context, files: tuple[str, ...]) -> None:
    """Check case files without classifying them.

    Prints "ok" and the number of initiatives for each valid file; for each
    invalid one, an error naming the file, the line, the path inside it (such
    as $.participations[3].stakeholder), what was expected, and a suggestion
    for a near miss. Exits 1 if any file is missing, unreadable or invalid.
    """
    from humanising._casefiles._loading import load_file
    from humanising.exceptions import CaseFileError

    failed = False
    for file in files:
        try:
            initiatives = load_file(file)
        except CaseFileError as error:
            failed = True
            click.echo(f"Error: {error}", err=True)
            continue
        count = sum(1 + _count_parts(initiative) for initiative in initiatives)
        click.echo(f"ok: {file} ({count} initiative{'' if count == 1 else 's'})")
    if failed:
        ctx.exit(1)


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
@click.option("-o", "--output", metavar="FILE", help="Write the schema to FILE instead of standard output.")
def schema(output: str | None) -> None:
    """Print the JSON Schema of case files.

    Generated from the library's own classes, so it always matches what the
    loader accepts. Editors use it to complete and check case files.
    """
    import json

    from humanising._casefiles._schema import case_file_schema

    _emit(json.dumps(case_file_schema(), indent=2, ensure_ascii=False) + "\n", output)


@cli.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising diagram my-case.yaml
  humanising diagram casebook.yaml --id east-lille-7 -o east-lille-7.mmd""",
)
@click.argument("file", metavar="FILE")
@click.option("--id", "initiative_id", metavar="ID", help="Draw only the initiative (or part) with this id.")
@click.option("-o", "--output", metavar="FILE", help="Write the diagram to FILE instead of standard output.")
def diagram(file: str, initiative_id: str | None, output: str | None) -> None:
    """A Mermaid diagram of each initiative in FILE.

    Stakeholders grouped by identity, an arrow to each stage they take part in
    labelled with their involvement (thick for partner or leads, dotted for
    unknown), and a dotted link for each relationship the initiative narrows.
    Several initiatives are separated by a %% comment line naming each; paste
    one into https://mermaid.live or a ```mermaid block to see it.
    """
    from humanising.reports._mermaid import mermaid

    initiatives: list[Initiative] = []

    def add(initiative: Initiative) -> None:
        initiatives.append(initiative)
        for part in initiative.parts:
            add(part)

    for initiative in _load([file]):
        add(initiative)
    if initiative_id is not None:
        known = [initiative.id for initiative in initiatives]
        if initiative_id not in known:
            raise click.BadParameter(
                f"no initiative {initiative_id!r} in {file}.{_suggest(initiative_id, known)} "
                f"Known: {', '.join(known)}.",
                param_hint="'--id'",
            )
        initiatives = [initiative for initiative in initiatives if initiative.id == initiative_id]
    if len(initiatives) == 1:
        _emit(mermaid(initiatives[0]), output)
        return
    _emit("\n".join(f"%% {i.id}: {i.name}\n{mermaid(i)}" for i in initiatives), output)


@cli.command(
    context_settings=_CONTEXT,
    epilog="""\b
Examples:
  humanising new my-case.yaml
  humanising new > my-case.yaml""",
)
@click.argument("file", required=False, metavar="[FILE]")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def new(file: str | None, force: bool) -> None:
    """Write a commented template case file to fill in.

    Every field is there with a comment saying what it means and which values
    it takes; facts start as unknown. The template is valid as it is. Without
    FILE it is printed.
    """
    from pathlib import Path

    from humanising._casefiles._template import template

    if file is not None and Path(file).exists() and not force:
        raise click.ClickException(f"{file} already exists; use --force to overwrite it")
    _emit(template(), file)
    if file is not None:
        click.echo(f"wrote {file}; check it with: humanising validate {file}", err=True)


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
