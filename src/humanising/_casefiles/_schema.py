"""The JSON Schema of case files, generated from the attrs classes so that it cannot drift.

Every field of ``Initiative`` and the classes it holds becomes a
property, typed from its annotation, described from the class docstring's
``Attributes:`` section, required when it has no default, and closed to other
keys (the loader rejects unknown keys too). Enums become lists of their values, each
with its definition from the codebook (``enumDescriptions``);
``Fact[T]`` accepts a bare value, ``unknown``, or ``{value, basis, note, coder}``. A
field whose type the generator does not know is an error, not a silent gap.
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import inspect
import re
import types
import typing
from typing import Any

import attrs

from humanising._casefiles._converter import FORMATS
from humanising._facts import Initiative, _checks
from humanising._facts._codebook import entry
from humanising._facts._unknown import Basis, Fact, Unknown

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_ATTRIBUTE = re.compile(r"^ {4}(?P<name>\w+): (?P<text>.*)$")


def _description(cls: type[Any]) -> str:
    """The first paragraph of a class's docstring, on one line."""
    doc = inspect.cleandoc(cls.__doc__ or "")
    return _plain(" ".join(doc.split("\n\n", 1)[0].split()))


def _plain(text: str) -> str:
    # Docstrings quote code as ``x``; editors show schema descriptions as Markdown.
    return text.replace("``", "`")


def attribute_docs(cls: type[Any]) -> dict[str, str]:
    """Each field's description, from the ``Attributes:`` section of the class docstring."""
    found: dict[str, str] = {}
    lines = inspect.cleandoc(cls.__doc__ or "").splitlines()
    if "Attributes:" not in lines:
        return found
    current = ""
    for line in lines[lines.index("Attributes:") + 1 :]:
        if line and not line.startswith(" "):
            break  # the next section
        match = _ATTRIBUTE.match(line)
        if match:
            current = match["name"]
            found[current] = _plain(match["text"].strip())
        elif current and line.strip():
            found[current] += " " + _plain(line.strip())
    return found


class _Builder:
    """Turns annotations into schemas, collecting named definitions in ``defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def enum(self, enum_type: type[enum.Enum]) -> dict[str, Any]:
        name = enum_type.__name__
        if name not in self.defs:
            # Each value's definition, from the codebook: `enumDescriptions` (parallel to `enum`)
            # is what editors using the JSON language service show beside each completion.
            self.defs[name] = {
                "description": _description(enum_type),
                "type": "string",
                "enum": [member.value for member in enum_type],
                "enumDescriptions": [entry(member).definition for member in enum_type],
            }
        return self.ref(name)

    def or_unknown(self, type_: Any) -> dict[str, Any]:
        return {"anyOf": [self.schema(type_), {"const": "unknown"}]}

    def fact(self, inner: Any) -> dict[str, Any]:
        value = self.or_unknown(inner)
        return {
            "anyOf": [
                value,
                {
                    "type": "object",
                    "description": "The fact with what it rests on.",
                    "properties": {
                        "value": value,
                        "basis": self.enum(Basis),
                        "note": {"type": "string", "description": "Free text: where it comes from, a caveat."},
                        "coder": {
                            "type": "string",
                            "description": "Who coded this fact, where not the case file's coder (coded_by).",
                        },
                    },
                    "required": ["value"],
                    "additionalProperties": False,
                },
            ]
        }

    def cls(self, cls: type[Any]) -> dict[str, Any]:
        name = cls.__name__
        if name in self.defs:
            return self.ref(name)
        definition: dict[str, Any] = {"description": _description(cls), "type": "object"}
        self.defs[name] = definition  # before the fields: Initiative.parts refers to Initiative
        hints = typing.get_type_hints(cls)
        docs = attribute_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            prop = dict(self.schema(hints[field.name]))
            if field.validator is _checks.is_id:  # the validators are the rules
                prop["pattern"] = "^" + _checks.SLUG.pattern.removesuffix(r"\Z") + "$"
            elif field.validator is _checks.is_text:
                prop["minLength"] = 1

            if field.name in docs:
                prop["description"] = docs[field.name]
            if field.default is attrs.NOTHING:
                required.append(field.name)
            else:
                prop["default"] = _default(field)
            properties[field.name] = prop
        definition["properties"] = properties
        if required:
            definition["required"] = required
        definition["additionalProperties"] = False
        return self.ref(name)

    def schema(self, type_: Any) -> dict[str, Any]:  # noqa: PLR0911 - one case per kind of annotation
        origin, args = typing.get_origin(type_), typing.get_args(type_)
        if type_ is str:
            return {"type": "string"}
        if type_ is bool:
            return {"type": "boolean"}
        if type_ is int:
            return {"type": "integer"}
        if type_ is dt.date:
            return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
        if isinstance(type_, type) and issubclass(type_, enum.Enum) and type_ is not Unknown:
            return self.enum(type_)
        if origin in (typing.Union, types.UnionType) and Unknown in args:
            (known,) = [arg for arg in args if arg is not Unknown]
            return self.or_unknown(known)
        if origin in (typing.Union, types.UnionType) and type(None) in args:
            (present,) = [arg for arg in args if arg is not type(None)]
            return {"anyOf": [self.schema(present), {"type": "null"}]}
        if origin is Fact:
            return self.fact(args[0])
        if origin is frozenset or (origin is tuple and len(args) == 2 and args[1] is Ellipsis):
            return {"type": "array", "items": self.schema(args[0])}
        if origin is tuple:
            items = [self.schema(arg) for arg in args]
            return {"type": "array", "prefixItems": items, "items": False, "minItems": len(args)}
        if attrs.has(type_):
            return self.cls(type_)
        raise TypeError(f"the case-file schema has no rule for {type_!r}; teach humanising._casefiles._schema about it")


def _default(field: attrs.Attribute[Any]) -> Any:
    from humanising._casefiles._converter import converter

    default: Any = field.default
    factory = getattr(default, "factory", None)  # an attrs.Factory (none here takes self)
    return converter().unstructure(factory() if factory is not None else default)


def case_file_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a case file: one initiative, or a list of them.

    The schema is built from the attrs classes each time, so fields added to the
    model appear in it without anyone editing it.

    Returns:
        The schema as plain data, ready for ``json.dumps``.

    Example:
        >>> from humanising._casefiles._schema import case_file_schema
        >>> schema = case_file_schema()
        >>> schema["$defs"]["Participation"]["required"]
        ['stakeholder', 'stage', 'involvement', 'capacity']
        >>> schema["$defs"]["Involvement"]["enum"][-1]
        'leads'
    """
    builder = _Builder()
    builder.cls(Initiative)
    # A file's top-level initiative (or each one of a list) may say its case-file version; parts may not.
    top = copy.deepcopy(builder.defs["Initiative"])
    top["properties"] = {
        "format": {
            "description": (
                "The case-file version. 1 (the default): a fact that names no basis is stated by a source. "
                "2: it is the case author's coding of a source (basis coded)."
            ),
            "enum": sorted(FORMATS),
        },
        **top["properties"],
    }
    builder.defs["CaseFile"] = top
    initiative = {"$ref": "#/$defs/CaseFile"}
    return {
        "$schema": DIALECT,
        "title": "humanising case file",
        "description": (
            "One initiative, or a list of initiatives, described as facts for humanising. "
            "Generated from the library's attrs classes; regenerate it with `humanising schema`."
        ),
        "anyOf": [initiative, {"type": "array", "items": initiative}],
        "$defs": dict(sorted(builder.defs.items())),
    }
