"""The one cattrs converter between the facts and plain data (dicts, lists, strings).

JSON and YAML share it. Structuring is strict: an unknown key, a value of the wrong
type or an unknown enum value raises, and ``_loading`` turns the error into one that
names the file, the line and the path inside the document.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import re
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeAlias

import attrs
import cattrs
import cattrs.gen
from cattrs.errors import (
    IterableValidationError,
    IterableValidationNote,
)

from humanising._facts import Initiative
from humanising._facts._paths import FactPath
from humanising._facts._unknown import UNKNOWN, Basis, Fact, Unknown

_FACT_KEYS = ("value", "basis", "note", "coder")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")

PathItem: TypeAlias = str | int
"""A key of a mapping or an index of a list."""


def format_path(path: Sequence[PathItem]) -> str:
    """A path inside a document as text: ``$.participations[3].stakeholder``.

    Example:
        >>> format_path(("participations", 3, "stakeholder"))
        '$.participations[3].stakeholder'
    """
    return FactPath(*path).locator


def did_you_mean(value: object, choices: Sequence[str]) -> str:
    """`` (did you mean 'x'?)`` when ``value`` is a near miss for one of ``choices``, else empty.

    Example:
        >>> did_you_mean("delivry", ["design", "delivery"])
        " (did you mean 'delivery'?)"
        >>> did_you_mean("zzz", ["design", "delivery"])
        ''
    """
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    if not close and value.lower() in choices:
        close = [value.lower()]
    return f" (did you mean {close[0]!r}?)" if close else ""


class InvalidValueError(Exception):
    """A value that does not fit, with what was expected (turned into a CaseFileError)."""

    def __init__(self, expected: str, value: Any, choices: tuple[str, ...] = (), *, hint: str = "") -> None:
        self.expected = expected
        self.value = value
        self.choices = choices
        self.hint = hint
        super().__init__(self.message)

    @property
    def message(self) -> str:
        suggestion = did_you_mean(self.value, self.choices)
        return f"expected {self.expected}, got {show_value(self.value)}{suggestion}{self.hint}"

    def with_unknown(self) -> InvalidValueError:
        """The same error where ``unknown`` is also accepted."""
        if self.choices:
            return InvalidValueError(f"{self.expected}, unknown", self.value, (*self.choices, "unknown"))
        return InvalidValueError(self.expected, self.value, hint=self.hint or " (or unknown)")


def show_value(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'' if len(value) == 1 else 's'}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return repr(value)


_QUOTE_HINT = " (put it in quotes to make it text)"


def _strict(kind: type[Any], expected: str) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _type: Any) -> Any:
        # bool is an int subclass; a flag written as 1 is almost always a mistake.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            hint = ""
            if kind is str and isinstance(value, int | float | dt.date):
                hint = _QUOTE_HINT
            elif kind is str and value is None:
                hint = " (an empty value: write '' or leave the key out)"
            raise InvalidValueError(expected, value, hint=hint)
        return value

    return structure


def _is_unknown_union(type_: Any) -> bool:
    return typing.get_origin(type_) in (typing.Union, types.UnionType) and Unknown in typing.get_args(type_)


def _is_frozenset(type_: Any) -> bool:
    # Sorted on the way out so that files are stable and diffs small.
    return type_ is frozenset or typing.get_origin(type_) is frozenset


def _is_collection(type_: Any) -> bool:
    return typing.get_origin(type_) in (tuple, frozenset)


def _is_fact(type_: Any) -> bool:
    return typing.get_origin(type_) is Fact or type_ is Fact


def fields_of(cls: type[Any]) -> tuple[str, ...]:
    return tuple(field.name for field in attrs.fields(cls))


def make_converter(default_basis: Basis = Basis.PUBLISHED) -> cattrs.Converter:
    """The converter that reads and writes every humanising type."""
    converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    converter.register_structure_hook(str, _strict(str, "a string"))
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook(int, _strict(int, "an integer"))
    converter.register_unstructure_hook(Unknown, lambda _value: "unknown")
    # StrEnum members are strs, so the str hooks would claim them (StrEnum precedes str in their MRO).
    converter.register_unstructure_hook(enum.StrEnum, lambda member: member.value)
    converter.register_unstructure_hook_func(
        _is_frozenset, lambda values: sorted(converter.unstructure(v) for v in values)
    )

    def structure_enum(value: Any, type_: type[enum.StrEnum]) -> enum.StrEnum:
        # The members by value, looked up directly: calling the enum is several times slower.
        found = type_._value2member_map_.get(value) if isinstance(value, str) else None
        if found is None:
            choices = tuple(member.value for member in type_)
            raise InvalidValueError("one of " + ", ".join(choices), value, choices) from None
        return found  # type: ignore[return-value] # a member of type_

    converter.register_structure_hook(enum.StrEnum, structure_enum)

    def structure_date(value: Any, _type: Any) -> dt.date:
        # YAML reads 2026-01-31 as a date, JSON as a string; a datetime is a date too, but not a day.
        if type(value) is dt.date:
            return value
        if isinstance(value, str) and _ISO_DATE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise InvalidValueError("a date written YYYY-MM-DD", value)

    converter.register_structure_hook(dt.date, structure_date)
    converter.register_unstructure_hook(dt.date, lambda day: day.isoformat())

    def unknown_union_hook(type_: Any) -> Callable[[Any, Any], Any]:
        (known,) = [arg for arg in typing.get_args(type_) if arg is not Unknown]
        inner = converter.get_structure_hook(known)

        def structure(value: Any, _type: Any) -> Any:
            if value == "unknown":
                return UNKNOWN
            try:
                return inner(value, known)
            except InvalidValueError as error:
                raise error.with_unknown() from None

        return structure

    converter.register_structure_hook_factory(_is_unknown_union, unknown_union_hook)

    def collection_hook(type_: Any) -> Callable[[Any, Any], Any]:
        # A list in the file; cattrs alone would iterate a string's letters or a mapping's keys.
        origin, args = typing.get_origin(type_), typing.get_args(type_)
        homogeneous = origin is frozenset or (len(args) == 2 and args[1] is Ellipsis)
        item_types: tuple[Any, ...] = args[:1] if homogeneous else args
        hooks: list[Callable[[Any, Any], Any]] = []  # resolved on first use: Initiative.parts is recursive
        expected = "a list" if homogeneous else f"a list of {len(args)} items"

        def structure(value: Any, _type: Any) -> Any:
            if not isinstance(value, list | tuple) or (not homogeneous and len(value) != len(args)):
                raise InvalidValueError(expected, value)
            if not hooks:
                hooks.extend(converter.get_structure_hook(item_type) for item_type in item_types)
            items, errors = [], []
            for index, item in enumerate(value):
                item_type = item_types[0 if homogeneous else index]
                try:
                    items.append(hooks[0 if homogeneous else index](item, item_type))
                except Exception as error:  # noqa: BLE001 - collected, like cattrs does, and re-raised as a group
                    error.__notes__ = [
                        *getattr(error, "__notes__", []),
                        IterableValidationNote(f"Structuring {type_} @ index {index}", index, item_type),
                    ]
                    errors.append(error)
            if errors:
                raise IterableValidationError(f"While structuring {type_!r}", errors, type_)
            return frozenset(items) if origin is frozenset else tuple(items)

        return structure

    converter.register_structure_hook_factory(_is_collection, collection_hook)

    def class_hook(cls: type[Any]) -> Callable[[Any, Any], Any]:
        # A mapping in the file; cattrs alone fails on anything else with an AttributeError.
        inner = cattrs.gen.make_dict_structure_fn(cls, converter)
        # A version-2 file's facts are the case author's coding unless they say otherwise.
        defaults_basis = default_basis is not Basis.PUBLISHED and "basis" in fields_of(cls)

        def structure(value: Any, type_: Any) -> Any:
            if not isinstance(value, Mapping):
                keys = ", ".join(fields_of(cls))
                raise InvalidValueError(f"a mapping (with keys {keys})", value)
            if defaults_basis and "basis" not in value:
                value = {**value, "basis": default_basis.value}
            return inner(value, type_)

        return structure

    converter.register_structure_hook_factory(lambda type_: attrs.has(type_) and not _is_fact(type_), class_hook)

    def fact_structure_hook(type_: Any) -> Callable[[Any, Any], Any]:
        (inner_type,) = typing.get_args(type_) or (Any,)
        inner = converter.get_structure_hook(inner_type)

        def structure(value: Any, _type: Any) -> Fact[Any]:
            basis, note, coder, stated = default_basis, "", "", False
            if isinstance(value, Mapping):
                extra = sorted(set(value) - set(_FACT_KEYS))
                if extra:
                    hints = "".join(did_you_mean(key, _FACT_KEYS) for key in extra)
                    raise _UnexpectedFactKeysError(
                        f"unexpected key(s) {', '.join(extra)}{hints}; a fact has value, basis, note and coder"
                    )
                if "value" not in value:
                    raise _UnexpectedFactKeysError("a fact written as a mapping needs a 'value'")
                stated = "basis" in value
                basis = converter.structure(value.get("basis", default_basis.value), Basis)
                note = converter.structure(value.get("note", ""), str)
                coder = converter.structure(value.get("coder", ""), str)
                value = value["value"]
            if value == "unknown":
                # An unknown fact rests on nothing: only a basis the file states is kept.
                return Fact(UNKNOWN, basis if stated else Basis.PUBLISHED, note, coder)
            try:
                return Fact(inner(value, inner_type), basis, note, coder)
            except InvalidValueError as error:
                raise error.with_unknown() from None

        return structure

    converter.register_structure_hook_factory(_is_fact, fact_structure_hook)

    def unstructure_fact(fact: Fact[Any]) -> Any:
        value = converter.unstructure(fact.value)
        if fact.basis is Basis.PUBLISHED and not fact.note and not fact.coder:
            return value
        written: dict[str, Any] = {"value": value, "basis": fact.basis.value}
        if fact.note:
            written["note"] = fact.note
        if fact.coder:
            written["coder"] = fact.coder
        return written

    converter.register_unstructure_hook_func(_is_fact, unstructure_fact)
    return converter


class _UnexpectedFactKeysError(Exception):
    """A fact written as a mapping with keys other than value, basis, note and coder."""


FORMATS = {1: Basis.PUBLISHED, 2: Basis.CODED}
"""Each case-file version, by the ``format:`` key, and the basis its facts default to.

Version 1 (a file without ``format:``) keeps its old meaning: a fact that names no basis is
stated by a source. In version 2 it is the case author's coding of a source.
"""

_CONVERTERS: dict[int, cattrs.Converter] = {}


def converter(version: int = 1) -> cattrs.Converter:
    """The shared converter for a case-file version, made on first use."""
    found = _CONVERTERS.get(version)
    if found is None:
        found = _CONVERTERS[version] = make_converter(FORMATS[version])
    return found


def unstructure(initiative: Initiative) -> dict[str, Any]:
    """An initiative as plain data (dicts, lists, strings, booleans), ready for JSON or YAML.

    Example:
        >>> import humanising
        >>> humanising.unstructure(humanising.casebook.load("sleepwell"))["id"]
        'sleepwell'
    """
    data: dict[str, Any] = converter().unstructure(initiative, Initiative)
    return data
