"""The questions a guided coding asks, in the order a person answers them, and the case file the answers make.

One description serves both ``humanising new --interactive`` and the page ``humanising form`` writes,
so the two ask the same questions, offer the same values with the codebook's meanings, and write
the same case file for the same answers: the initiative; who took part, with their identities; for
each stage, who took part and how much say they had; what was produced; the relationships it
changes; the ways it shows respect and humanity.

The answers are plain data (``Answers``), the case file is YAML text with a comment on every
chosen value. Its strings are written as double-quoted scalars, with every character a YAML
reader could take for a line break or refuse written as an escape, so no answer can change the
file's structure. The form's script is a port of ``case_file``; the tests hold the two to the
same text.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import attrs

from humanising._facts import (
    Aspect,
    Change,
    Claim,
    Domain,
    FeatureKind,
    Identity,
    Involvement,
    ProductKind,
    Role,
    Stage,
)
from humanising._facts._codebook import entry

Kind = Literal["id", "text", "choice", "choices"]

ABSENT = "absent"
"""The involvement answer for a stakeholder who takes no part in a stage (no participation is written)."""
UNKNOWN = "unknown"


@attrs.frozen
class Option:
    """One value a question allows, with what it means."""

    value: str
    meaning: str


@attrs.frozen
class Question:
    """One question: the case-file field it fills, what it asks, and the values it allows.

    Attributes:
        key: The field of the case file (or of one of its records) the answer fills.
        ask: The question, as a person reads it.
        kind: ``id`` (lower-case letters, digits, ``-`` or ``_``), ``text``, ``choice`` (one value)
            or ``choices`` (none or more; one or more when required).
        required: Whether an answer must be given.
        options: The values a choice allows, each with its meaning, in the order offered.
    """

    key: str
    ask: str
    kind: Kind
    required: bool = True
    options: tuple[Option, ...] = ()


@attrs.frozen
class Section:
    """A group of questions, asked once (``repeated`` empty) or once per record of a list.

    Attributes:
        key: The section's name in ``Answers``.
        title: Its heading.
        intro: What it is for, in a sentence or two.
        questions: Its questions, in order.
        repeated: For a list of records, what one record is called (``a stakeholder``); else empty.
    """

    key: str
    title: str
    intro: str
    questions: tuple[Question, ...]
    repeated: str = ""


def _options(values: type[enum.Enum], *extra: tuple[str, str]) -> tuple[Option, ...]:
    listed = tuple(Option(str(member.value), entry(member).definition) for member in values)
    return listed + tuple(Option(value, meaning) for value, meaning in extra)


def _named(whose: str, example: str, name: str) -> tuple[Question, Question]:
    """The id and name questions that open a record."""
    return Question("id", f"{whose} id (e.g. {example})", "id"), Question("name", f"{whose} name{name}", "text")


def _yes_no(key: str, ask: str, yes: str, no: str) -> Question:
    return Question(key, ask, "choice", options=(Option("yes", yes), Option("no", no)))


_UNKNOWN_OPTION = (UNKNOWN, "The sources do not say.")
_ABSENT_OPTION = (ABSENT, "Takes no part in this stage: no participation is recorded.")

INITIATIVE = Section(
    "initiative",
    "The initiative",
    "What it is called and where its facts come from.",
    (
        Question("id", "A short id for it (lower-case letters, digits, - or _; e.g. peer-drop-in)", "id"),
        Question("name", "Its name", "text"),
        Question("summary", "One or two sentences on what it is", "text", required=False),
        Question("place", "Where it takes place", "text", required=False),
        Question("period", "When (a year or a span of years)", "text", required=False),
        Question("source", "Where the facts come from (a paper, a report, a conversation)", "text", required=False),
    ),
)

STAKEHOLDERS = Section(
    "stakeholders",
    "Who took part",
    "Everyone with a part in the initiative or a stake in it: each with an id, a name and what they are.",
    (
        *_named("Their", "service-users", " (e.g. people who use the service)"),
        Question("identities", "What they are (one or more)", "choices", options=_options(Identity)),
        Question("roles", "The parts they play (none or more)", "choices", required=False, options=_options(Role)),
    ),
    repeated="a stakeholder",
)

STAGES = Section(
    "stages",
    "Each stage: who took part, and how much say they had",
    "The stages the initiative went through. For each, whether the sources say who took part, and "
    "then each stakeholder's say there; a stakeholder marked absent takes no part in it.",
    (
        Question("stages", "Which stages took place", "choices", options=_options(Stage)),
        _yes_no(
            "said",
            "Do the sources say who took part in this stage?",
            "Yes: each stakeholder's part is coded.",
            "No: the stage is listed as one the sources are silent about.",
        ),
        Question(
            "involvement",
            "How much say they had",
            "choice",
            options=(Option(*_ABSENT_OPTION), *_options(Involvement), Option(*_UNKNOWN_OPTION)),
        ),
        Question("capacity", "The identity they took part in", "choice", options=_options(Identity)),
    ),
)

PRODUCTS = Section(
    "products",
    "What was produced",
    "The services, interventions, materials, training or policies it produced.",
    (
        *_named("Its", "the-service", ""),
        Question("kind", "What kind of thing it is", "choice", options=_options(ProductKind)),
        Question("domain", "Its service domain", "choice", options=(*_options(Domain), Option(*_UNKNOWN_OPTION))),
        Question(
            "stages", "The stages that shape it (none or more)", "choices", required=False, options=_options(Stage)
        ),
    ),
    repeated="a product",
)

RELATIONSHIPS = Section(
    "relationships",
    "The relationships",
    "An unequal relationship between two stakeholders, and what the initiative does to it.",
    (
        Question("first", "Between", "choice"),
        Question("second", "and", "choice"),
        Question("aspect", "In what respect it is unequal", "choice", options=_options(Aspect)),
        Question("change", "What the initiative does to it", "choice", options=_options(Change)),
        Question("claim", "An aim, or an observed result", "choice", options=_options(Claim)),
    ),
    repeated="a relationship",
)

FEATURES = Section(
    "features",
    "The features",
    "The ways the care it gives shows respect and humanity (the paper, section 5).",
    (
        _yes_no(
            "known",
            "Do the sources say how it shows respect and humanity?",
            "Yes: each way is listed below (none listed: it shows none).",
            "No: they are unknown.",
        ),
        Question("kind", "The way", "choice", options=_options(FeatureKind)),
        Question("description", "What it does, in a sentence", "text"),
    ),
    repeated="a feature",
)

SECTIONS = (INITIATIVE, STAKEHOLDERS, STAGES, PRODUCTS, RELATIONSHIPS, FEATURES)
"""Every section, in the order asked."""


def question(section: Section, key: str) -> Question:
    """The question of ``section`` that fills ``key``."""
    return next(item for item in section.questions if item.key == key)


def description() -> dict[str, Any]:
    """The sections as plain data, as the form embeds them.

    Example:
        >>> [section["key"] for section in description()["sections"]][:3]
        ['initiative', 'stakeholders', 'stages']
    """
    return {"sections": [attrs.asdict(section) for section in SECTIONS]}


Answers = Mapping[str, Any]
"""The answers, as plain data::

    {"initiative": {"id": ..., "name": ..., "summary": ..., "place": ..., "period": ..., "source": ...},
     "stakeholders": [{"id": ..., "name": ..., "identities": [...], "roles": [...]}],
     "stages": [{"stage": ..., "said": "yes" | "no",
                 "participants": [{"stakeholder": ..., "involvement": ..., "capacity": ...}]}],
     "products": [{"id": ..., "name": ..., "kind": ..., "domain": ..., "stages": [...]}],
     "relationships": [{"first": ..., "second": ..., "aspect": ..., "change": ..., "claim": ...}],
     "features": {"known": "yes" | "no", "items": [{"kind": ..., "description": ...}]}}

A participant whose involvement is ``absent`` is left out of the case file.
"""


_LINE_BREAKS = {"\u0085", "\u2028", "\u2029"}


def quoted(text: str) -> str:
    r"""``text`` as a YAML double-quoted scalar that reads back as ``text``.

    JSON's escapes, plus ``\uXXXX`` for what a YAML reader takes for a line break or refuses
    (C1 controls, U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF and lone surrogates).

    Example:
        >>> print(quoted('say "hi"\n'))
        "say \"hi\"\n"
    """
    escaped = []
    for character in json.dumps(text, ensure_ascii=False)[1:-1]:
        code = ord(character)
        if (
            0x7F <= code <= 0x9F
            or character in _LINE_BREAKS
            or code in {0xFEFF, 0xFFFE, 0xFFFF}
            or 0xD800 <= code <= 0xDFFF
        ):
            escaped.append(f"\\u{code:04x}")
        else:
            escaped.append(character)
    return '"' + "".join(escaped) + '"'


def _meaning(section: Section, key: str, value: str) -> str:
    for option in question(section, key).options:
        if option.value == value:
            return option.meaning
    return ""


def _chosen(section: Section, key: str, value: str, field: str = "") -> str:
    """``field: value`` (``field`` is ``key`` unless named) with the value's meaning as a comment."""
    meaning = _meaning(section, key, value)
    return f"{field or key}: {value}" + (f"  # {meaning}" if meaning else "")


def _flow(values: Sequence[str]) -> str:
    return "[" + ", ".join(values) + "]"


def _comment(text: str) -> str:
    return f"# {text}\n"


def case_file(answers: Answers) -> str:
    """The case file the answers make: commented YAML that ``humanising validate`` accepts.

    Example:
        >>> from humanising._casefiles._loading import parse_text
        >>> text = case_file({"initiative": {"id": "drop-in", "name": "A drop-in"}})
        >>> parse_text(text, file="<answers>", format="yaml")[0].name
        'A drop-in'
    """
    about = answers.get("initiative", {})
    out = [
        "# A humanising case file, written from the answers to the questions of `humanising new --interactive`\n",
        "# (or the page of `humanising form`). Check it with `humanising validate FILE`, read its verdicts\n",
        "# with `humanising explain FILE`, and add what the questions do not ask (`humanising new` writes\n",
        "# a template with every field).\n",
        "format: 2\n",
        f"id: {quoted(about.get('id', ''))}\n",
        f"name: {quoted(about.get('name', ''))}\n",
    ]
    out += [f"{key}: {quoted(about[key])}\n" for key in ("summary", "place", "period") if about.get(key)]
    if about.get("source"):
        out.append(f"sources:\n  - citation: {quoted(about['source'])}\n")
    out.append(_comment(STAKEHOLDERS.intro))
    stakeholders = answers.get("stakeholders", [])
    out.append("stakeholders:\n" if stakeholders else "stakeholders: []\n")
    for stakeholder in stakeholders:
        out.append(f"  - id: {quoted(stakeholder['id'])}\n    name: {quoted(stakeholder['name'])}\n")
        for key in ("identities", "roles"):
            values = stakeholder.get(key, [])
            if values or key == "identities":
                out += [f"    # {value}: {_meaning(STAKEHOLDERS, key, value)}\n" for value in values]
                out.append(f"    {key}: {_flow(values)}\n")
    out.append(_comment("For each stage, who took part and how much say they had."))
    rows = [
        (stage, participant)
        for stage in answers.get("stages", [])
        if stage.get("said") == "yes"
        for participant in stage.get("participants", [])
        if participant.get("involvement") != ABSENT
    ]
    out.append("participations:\n" if rows else "participations: []\n")
    for stage, participant in rows:
        out += [
            f"  - stakeholder: {quoted(participant['stakeholder'])}\n",
            f"    {_chosen(STAGES, 'stages', stage['stage'], 'stage')}\n",
            f"    {_chosen(STAGES, 'involvement', participant['involvement'])}\n",
            f"    {_chosen(STAGES, 'capacity', participant['capacity'])}\n",
        ]
    silent = [stage["stage"] for stage in answers.get("stages", []) if stage.get("said") != "yes"]
    out.append(_comment("Stages that took place, where the sources do not say who took part."))
    out.append(f"silent_stages: {_flow(silent)}\n")
    out.append(_comment(PRODUCTS.intro))
    products = answers.get("products", [])
    out.append("products:\n" if products else "products: []\n")
    for product in products:
        out += [
            f"  - id: {quoted(product['id'])}\n    name: {quoted(product['name'])}\n",
            f"    {_chosen(PRODUCTS, 'kind', product['kind'])}\n",
            f"    {_chosen(PRODUCTS, 'domain', product['domain'])}\n",
            f"    stages: {_flow(product.get('stages', []))}\n",
        ]
    out.append(_comment(RELATIONSHIPS.intro))
    relationships = answers.get("relationships", [])
    out.append("relationships:\n" if relationships else "relationships: []\n")
    for relationship in relationships:
        between = _flow([quoted(relationship["first"]), quoted(relationship["second"])])
        out.append(f"  - between: {between}\n")
        out += [f"    {_chosen(RELATIONSHIPS, key, relationship[key])}\n" for key in ("aspect", "change", "claim")]
    out.append(_comment(FEATURES.intro))
    features = answers.get("features", {})
    if features.get("known") != "yes":
        out.append("humanising_features: unknown\n")
    else:
        items = features.get("items", [])
        out.append("humanising_features:\n" if items else "humanising_features: []\n")
        for item in items:
            out.append(f"  - {_chosen(FEATURES, 'kind', item['kind'])}\n")
            out.append(f"    description: {quoted(item['description'])}\n")
    return "".join(out)
