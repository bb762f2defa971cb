"""The commented template case file that ``humanising new`` writes.

The structured parts (stakeholders, products, participations, relationships) are
written out as examples; every other field of ``Initiative`` is generated from
the attrs classes (its description, its allowed values, ``unknown``), so a field
added to the model appears in the template without anyone editing it.
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
    Stage,
)
from humanising._facts._unknown import Basis, Fact


def _values(enum_type: type[enum.Enum]) -> str:
    return ", ".join(str(member.value) for member in enum_type)


def _comment(text: str, indent: str = "") -> str:
    return "".join(f"{indent}# {line}\n" for line in textwrap.wrap(text, width=96 - len(indent)))


_HEAD = f"""\
# A humanising case file: one initiative, described as facts.
#
#   humanising validate THIS_FILE   checks it
#   humanising explain THIS_FILE    gives every model's verdict and its reasons
#   humanising schema               prints the JSON Schema, for editors that complete and check YAML
#
# Any fact may be `unknown`. A known fact may also say what it rests on:
#   compulsion: {{value: true, basis: hedged, note: "as far as the report tells"}}
# with basis one of: {_values(Basis)}. In a format 2 file a fact that names no basis is
# `coded`: your reading of what a source says. Write `published` where the source says it in so
# many words, and give a participation a `locator` (section and a short quoted phrase).
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
    "stakeholders": f"""\
# identities: {_values(Identity)}
# roles: {_values(Role)}
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
# kind: {_values(ProductKind)} (nothing: access, a status or a place to live)
# domain: {_values(Domain)}, unknown
products:
  - id: the-service
    name: the service
    kind: service
    domain: mental_health
    stages: [design, delivery]
""",
    "participations": f"""\
# stage: {_values(Stage)}
# involvement, lowest first: {_values(Involvement)}, or unknown
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
# aspect: {_values(Aspect)}
# change: {_values(Change)}
# claim: {_values(Claim)}
relationships:
  - between: [service-users, staff]
    aspect: power
    change: unknown
    claim: observed
""",
    "parts": "parts: []\n",
}


def _fact_line(name: str, type_: Any, description: str, indent: str) -> str:
    (inner,) = typing.get_args(type_) or (Any,)
    choices = ""
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        choices = f" One of: {_values(inner)}, unknown."
    elif inner is bool:
        choices = " Write true, false or unknown."
    elif typing.get_origin(inner) is tuple:
        choices = " A list ([] for none), or unknown."
    return _comment(f"{description}{choices}", indent) + f"{indent}{name}: unknown\n"


def _generated(cls: type[Any], field: attrs.Attribute[Any], type_: Any, indent: str) -> str:
    description = attribute_docs(cls).get(field.name, "")
    if typing.get_origin(type_) is Fact:
        return _fact_line(field.name, type_, description, indent)
    if attrs.has(type_):
        hints = typing.get_type_hints(type_)
        inner = "".join(_generated(type_, child, hints[child.name], indent + "  ") for child in attrs.fields(type_))
        return _comment(description, indent) + f"{indent}{field.name}:\n{inner}"
    if typing.get_origin(type_) is tuple:
        return _comment(f"{description} A list.", indent) + f"{indent}{field.name}: []\n"
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
