"""The commented template case file that ``humanising new`` writes.

The structured parts (stakeholders, products, participations, relationships) are
written out as examples; every other field of ``Initiative`` is generated from
the attrs classes (its description, its allowed values, ``unknown``), so a field
added to the model appears in the template without anyone editing it. Each value
listed comes with its definition from the codebook, the one place it is written.
"""

from __future__ import annotations

import enum
import textwrap
import typing
from typing import Any

import attrs

from humanising._casefiles._schema import attribute_docs
from humanising._facts import (
    Aspect,
    Change,
    Claim,
    Domain,
    Identity,
    Initiative,
    Involvement,
    ProductKind,
    Role,
    RunBy,
    Stage,
)
from humanising._facts._codebook import entry
from humanising._facts._unknown import Basis, Fact, Unknown

_WIDTH = 96


def _values(enum_type: type[enum.Enum]) -> str:
    return ", ".join(str(member.value) for member in enum_type)


def _comment(text: str, indent: str = "") -> str:
    return "".join(f"{indent}# {line}\n" for line in textwrap.wrap(text, width=_WIDTH - len(indent)))


def meanings(enum_type: type[enum.Enum], indent: str = "") -> str:
    """One comment line per value, with its definition from the codebook (wrapped, hanging)."""
    lines = []
    for member in enum_type:
        lines += textwrap.wrap(
            f"{member.value}: {entry(member).definition}",
            width=_WIDTH - len(indent),
            initial_indent=f"{indent}#   ",
            subsequent_indent=f"{indent}#       ",
            break_on_hyphens=False,
        )
    return "".join(f"{line}\n" for line in lines)


def _listing(label: str, enum_type: type[enum.Enum], indent: str = "", *, unknown: bool = False) -> str:
    """``# label (or unknown):`` and a line per value with its meaning."""
    tail = ", or unknown" if unknown else ""
    return f"{indent}# {label}{tail}:\n" + meanings(enum_type, indent)


_HEAD = f"""\
# A humanising case file: one initiative, described as facts.
#
#   humanising validate THIS_FILE   checks it
#   humanising explain THIS_FILE    gives every model's verdict and its reasons
#   humanising schema               prints the JSON Schema, for editors that complete and check YAML
#
# Any fact may be `unknown`. A known fact may also say what it rests on:
#   compulsion: {{value: true, basis: hedged, note: "as far as the report tells"}}
# with basis one of, strongest first:
{meanings(Basis)}# In a format 2 file a fact that names no basis is `coded`: your reading of what a source
# says. Write `published` where the source says it in so many words, and give a participation a
# `locator` (section and a short quoted phrase). `humanising codebook` prints what every value
# means, with an example and the passage of the sources it rests on.
# Absence is not unknown: a stakeholder with no participation at a stage does not take part
# there, so write `involvement: unknown` where a source does not say, and list a stage the
# sources are silent about under `silent_stages`.

# The case-file version: 2, in which unstated bases are the case author's coding.
format: 2

"""

_EXAMPLES = {
    "id": "id: my-initiative\n",
    "name": "name: My initiative\n",
    "summary": "summary: >-\n  One or two sentences on what it is.\n",
    "place": 'place: ""\n',
    "period": 'period: ""\n',
    "illustrative": "illustrative: false\n",
    "sources": "sources:\n  - citation: Where the facts come from (a paper, a report, a conversation).\n",
    "coded_by": "# e.g. coded_by: {coder: your name or initials, date: 2026-01-31}\ncoded_by: null\n",
    "stakeholders": f"""\
{_listing("identities, one or more", Identity)}\
{_listing("roles, none or more", Role)}\
{_listing("run_by, for an organisation with user_run: true", RunBy)}\
stakeholders:
  - id: service-users
    name: people who use the service
    identities: [service_user]
    roles: [end_user]
  - id: staff
    name: the service's staff
    identities: [mental_health_professional]
    roles: [deliverer]
""",
    "products": f"""\
{_listing("kind", ProductKind)}\
{_listing("domain", Domain, unknown=True)}\
products:
  - id: the-service
    name: the service
    kind: service
    domain: mental_health
    stages: [design, delivery]
""",
    "participations": f"""\
{_listing("stage", Stage)}\
{_listing("involvement, a ladder, lowest first", Involvement, unknown=True)}\
# capacity: the identity (one of the stakeholder's) it acts in at that stage
participations:
  - {{stakeholder: service-users, stage: design, involvement: unknown, capacity: service_user}}
  - {{stakeholder: staff, stage: design, involvement: unknown, capacity: mental_health_professional}}
  - {{stakeholder: service-users, stage: delivery, involvement: unknown, capacity: service_user}}
  - {{stakeholder: staff, stage: delivery, involvement: unknown, capacity: mental_health_professional}}
""",
    "silent_stages": """\
# Stages the sources show took place but say nothing of who took part (so that nobody's
# absence there reads as not taking part); leave empty where every participant is recorded.
silent_stages: []
""",
    "relationships": f"""\
{_listing("aspect", Aspect)}\
{_listing("change", Change)}\
{_listing("claim", Claim)}\
relationships:
  - between: [service-users, staff]
    aspect: power
    change: unknown
    claim: observed
""",
    "parts": "parts: []\n",
}


def _item_enums(item: Any, indent: str) -> str:
    """For a list of records (humanising features, barriers met), the values of each enum field of an item."""
    if not attrs.has(item):
        return ""
    hints = typing.get_type_hints(item)
    found = ""
    for child in attrs.fields(item):
        type_ = hints[child.name]
        if isinstance(type_, type) and issubclass(type_, enum.Enum) and type_ is not Basis and type_ is not Unknown:
            found += _listing(f"each one's {child.name}", type_, indent)
    return found


def _fact_line(name: str, type_: Any, description: str, indent: str) -> str:
    (inner,) = typing.get_args(type_) or (Any,)
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return (
            _comment(f"{description} One of these, or unknown:", indent)
            + meanings(inner, indent)
            + (f"{indent}{name}: unknown\n")
        )
    choices = ""
    listed = ""
    if inner is bool:
        choices = " Write true, false or unknown."
    elif typing.get_origin(inner) is tuple:
        choices = " A list ([] for none), or unknown."
        listed = _item_enums(typing.get_args(inner)[0], indent)
    return _comment(f"{description}{choices}", indent) + listed + f"{indent}{name}: unknown\n"


def _generated(cls: type[Any], field: attrs.Attribute[Any], type_: Any, indent: str) -> str:
    description = attribute_docs(cls).get(field.name, "")
    if typing.get_origin(type_) is Fact:
        return _fact_line(field.name, type_, description, indent)
    if attrs.has(type_):
        hints = typing.get_type_hints(type_)
        inner = "".join(_generated(type_, child, hints[child.name], indent + "  ") for child in attrs.fields(type_))
        return _comment(description, indent) + f"{indent}{field.name}:\n{inner}"
    if typing.get_origin(type_) is tuple:
        listed = _item_enums(typing.get_args(type_)[0], indent)
        return _comment(f"{description} A list.", indent) + listed + f"{indent}{field.name}: []\n"
    # A kind of field this template does not know yet: named, but left to its default.
    return _comment(f"{field.name}: {description}", indent)


def template() -> str:
    """The text of a commented template case file that loads as it is.

    Example:
        >>> from humanising._casefiles._loading import parse_text
        >>> parse_text(template(), file="<template>", format="yaml")[0].id
        'my-initiative'
    """
    hints = typing.get_type_hints(Initiative)
    docs = attribute_docs(Initiative)
    sections = []
    for field in attrs.fields(Initiative):
        if field.name in _EXAMPLES:
            sections.append(_comment(docs.get(field.name, "")) + _EXAMPLES[field.name])
        else:
            sections.append(_generated(Initiative, field, hints[field.name], ""))
    return _HEAD + "\n".join(sections)
