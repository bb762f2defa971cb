"""``humanising new --interactive``: the questions of a guided coding, asked at the terminal.

The questions, their order and the values they allow come from ``humanising._casefiles._questions``,
the description the form shares. Each choice is offered with the codebook's meaning of every
value; an answer that is not allowed is asked again, saying why. Prompts go to standard error, so
that standard output carries only the case file.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Sequence
from typing import Any

import click

from humanising._casefiles._questions import (
    ABSENT,
    FEATURES,
    INITIATIVE,
    PRODUCTS,
    RELATIONSHIPS,
    STAGES,
    STAKEHOLDERS,
    Answers,
    Option,
    Question,
    Section,
    question,
)
from humanising._facts._checks import SLUG

_YES_NO = ("yes", "no")


def _say(text: str = "") -> None:
    click.echo(text, err=True)


def _width() -> int:
    return min(max(shutil.get_terminal_size().columns, 40), 100)


def _offer(options: Sequence[Option]) -> None:
    """Each allowed value with its meaning, a hanging paragraph each."""
    for option in options:
        _say(
            textwrap.fill(
                f"{option.value}: {option.meaning}",
                width=_width(),
                initial_indent="    ",
                subsequent_indent="        ",
                break_on_hyphens=False,
            )
        )


def _heading(section: Section) -> None:
    _say()
    _say(click.style(section.title, bold=True))
    _say(textwrap.fill(section.intro, width=_width()))


def _text(item: Question, *, taken: Sequence[str] = ()) -> str:
    def check(value: str) -> str:
        value = value.strip()
        if item.required and not value:
            raise click.BadParameter("an answer is needed")
        if item.kind == "id":
            if not SLUG.match(value):
                raise click.BadParameter(
                    "an id is lower-case letters, digits, '-' or '_', starting with a letter or digit"
                )
            if value in taken:
                raise click.BadParameter(f"{value!r} is taken; choose another id")
        return value

    answer: str = click.prompt(
        item.ask, default="" if not item.required else None, show_default=False, value_proc=check, err=True
    )
    return answer


def _choice(item: Question, options: Sequence[Option] | None = None, default: str | None = None) -> str:
    offered = tuple(item.options if options is None else options)
    values = [option.value for option in offered]
    if values == list(_YES_NO):
        return "yes" if click.confirm(item.ask, default=True, err=True) else "no"
    _offer(offered)
    answer: str = click.prompt(item.ask, type=click.Choice(values), default=default, show_choices=False, err=True)
    return answer


def _choices(item: Question, options: Sequence[Option] | None = None) -> list[str]:
    offered = tuple(item.options if options is None else options)
    values = [option.value for option in offered]
    _offer(offered)

    def check(text: str) -> list[str]:
        chosen = [value for value in text.replace(",", " ").split() if value]
        wrong = [value for value in chosen if value not in values]
        if wrong:
            raise click.BadParameter(f"not one of the values above: {', '.join(wrong)}")
        if item.required and not chosen:
            raise click.BadParameter("choose one or more")
        return [value for value in values if value in chosen]  # in the order offered, as the form has them

    answer: list[str] = click.prompt(
        f"{item.ask}, separated by commas",
        default="" if not item.required else None,
        show_default=False,
        value_proc=check,
        err=True,
    )
    return answer


def _repeat(section: Section, ask: Callable[[], dict[str, Any]], *, first: bool = False) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    while click.confirm(
        f"Add {section.repeated if not records else 'another'}?", default=first and not records, err=True
    ):
        records.append(ask())
    return records


def _record(section: Section, taken: list[str]) -> dict[str, Any]:
    """One record of a section whose questions allow fixed values: a stakeholder, a product, a feature."""
    record: dict[str, Any] = {}
    for item in section.questions:
        if item.kind == "choices":
            record[item.key] = _choices(item)
        elif item.kind == "choice":
            record[item.key] = _choice(item)
        else:
            record[item.key] = _text(item, taken=taken if item.kind == "id" else ())
    if "id" in record:
        taken.append(record["id"])
    return record


def _stage(stage: str, stakeholders: Sequence[dict[str, Any]]) -> dict[str, Any]:
    _say()
    _say(click.style(f"The {stage.replace('_', ' ')} stage", bold=True))
    said = _choice(question(STAGES, "said"))
    participants = []
    if said == "yes":
        involvement, capacity = question(STAGES, "involvement"), question(STAGES, "capacity")
        for stakeholder in stakeholders:
            _say(f"  {stakeholder['name']} ({stakeholder['id']}), at {stage.replace('_', ' ')}:")
            level = _choice(involvement, default=ABSENT)
            if level == ABSENT:
                continue
            identities = stakeholder["identities"]
            if len(identities) == 1:
                acting = identities[0]
            else:
                acting = _choice(capacity, [option for option in capacity.options if option.value in identities])
            participants.append({"stakeholder": stakeholder["id"], "involvement": level, "capacity": acting})
    return {"stage": stage, "said": said, "participants": participants}


def _relationship(stakeholders: Sequence[dict[str, Any]]) -> dict[str, Any]:
    everyone = [Option(stakeholder["id"], stakeholder["name"]) for stakeholder in stakeholders]
    first = _choice(question(RELATIONSHIPS, "first"), everyone)
    second = _choice(question(RELATIONSHIPS, "second"), [option for option in everyone if option.value != first])
    record = {"first": first, "second": second}
    for key in ("aspect", "change", "claim"):
        record[key] = _choice(question(RELATIONSHIPS, key))
    return record


def interview() -> Answers:
    """Ask every question, in order, and return the answers."""
    _say("Answer each question; Enter takes the value in brackets, Ctrl-C stops without writing.")
    _heading(INITIATIVE)
    about = {item.key: _text(item) for item in INITIATIVE.questions}
    _heading(STAKEHOLDERS)
    taken: list[str] = []
    stakeholders = _repeat(STAKEHOLDERS, lambda: _record(STAKEHOLDERS, taken), first=True)
    _heading(STAGES)
    stages = [_stage(stage, stakeholders) for stage in _choices(question(STAGES, "stages"))]
    _heading(PRODUCTS)
    made: list[str] = []
    products = _repeat(PRODUCTS, lambda: _record(PRODUCTS, made), first=True)
    relationships: list[dict[str, Any]] = []
    if len(stakeholders) >= 2:
        _heading(RELATIONSHIPS)
        relationships = _repeat(RELATIONSHIPS, lambda: _relationship(stakeholders))
    _heading(FEATURES)
    known = _choice(question(FEATURES, "known"))
    items: list[dict[str, Any]] = []
    if known == "yes":
        items = _repeat(
            FEATURES,
            lambda: {
                "kind": _choice(question(FEATURES, "kind")),
                "description": _text(question(FEATURES, "description")),
            },
        )
    return {
        "initiative": about,
        "stakeholders": stakeholders,
        "stages": stages,
        "products": products,
        "relationships": relationships,
        "features": {"known": known, "items": items},
    }


def write_interview(file: str | None, *, force: bool, emit: Callable[..., None]) -> None:
    """Interview, then write the case file to ``file`` (standard output when None) with ``emit``.

    The case file is checked as ``humanising validate`` would check it; should the answers not make
    a valid one, it is written all the same, so that no answer is lost, and the problems are named
    (exit code 1).
    """
    from pathlib import Path

    from humanising._casefiles._loading import parse_text
    from humanising._casefiles._questions import case_file
    from humanising.cli._files import RefusedError, check_target
    from humanising.exceptions import CaseFileError

    if file not in (None, "-"):
        try:  # before the questions, not after them: a refusal then would lose every answer
            check_target(Path(file), force=force, hint="; use --force to replace it")
        except RefusedError as error:
            raise click.ClickException(str(error)) from None
    text = case_file(interview())
    _say()
    emit(text, file, force=force)
    try:
        parse_text(text, file=file or "<standard output>", format="yaml")
    except CaseFileError as error:
        for problem in error.errors:
            _say(f"Error: {problem}")
        raise click.exceptions.Exit(1) from None
