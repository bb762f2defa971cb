"""Structuring valid data quickly: one plain function per attrs class, built from its fields.

The careful path (the cattrs converter of ``_converter``) collects every problem of a
document with its path, which costs a try block, a note and a hook look-up per value. Most
documents have no problem, so ``_loading`` runs these functions first and, on the first
thing they do not expect, runs the careful path from the start: the error a user sees is
always the careful path's. The functions are at least as strict as the careful path (they
accept a subset of what it accepts) and, where both accept, build equal facts. Each sets a
class's fields to values already final and then runs the class's own validators and
``__attrs_post_init__``, as its ``__init__`` would; only its converters, which would copy
those values, are left out.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import types
import typing
from collections.abc import Callable
from typing import Any, TypeAlias

import attrs

from humanising._facts import Initiative
from humanising._facts._unknown import UNKNOWN, Basis, Fact, Unknown

Structure: TypeAlias = Callable[[Any], Any]
"""A function from plain data to a value of one type; it raises ``NotFast`` on anything unexpected."""

_FACT_KEYS = frozenset(("value", "basis", "note", "coder"))
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


class NotFast(Exception):  # noqa: N818 - not an error the user sees: a signal to take the careful path
    """The data holds something the fast path does not take; the careful path decides."""


def _text(value: Any) -> Any:
    if type(value) is not str:
        raise NotFast
    return value


def _flag(value: Any) -> Any:
    if value is not True and value is not False:
        raise NotFast
    return value


def _date(value: Any) -> Any:
    if type(value) is dt.date:
        return value
    if type(value) is str and _ISO_DATE.match(value):
        return dt.date.fromisoformat(value)  # a ValueError (no such day) hands over too
    raise NotFast


def _lookup(table: dict[str, Any]) -> Structure:
    """A string looked up in ``table``: the members of an enum by value, or facts made once."""
    get = table.get

    def structure(value: Any) -> Any:
        found = get(value) if type(value) is str else None
        if found is None:
            raise NotFast
        return found

    return structure


def _members(enum_type: type[enum.Enum]) -> dict[str, Any]:
    return {member.value: member for member in enum_type}


def _optional(inner: Structure) -> Structure:
    def structure(value: Any) -> Any:
        return None if value is None else inner(value)

    return structure


def _homogeneous(inner: Structure, make: Callable[[list[Any]], Any]) -> Structure:
    def structure(value: Any) -> Any:
        if type(value) is not list:
            raise NotFast
        return make([inner(item) for item in value])

    return structure


def _pair(first: Structure, second: Structure) -> Structure:
    def structure(value: Any) -> Any:
        if type(value) is not list or len(value) != 2:
            raise NotFast
        return (first(value[0]), second(value[1]))

    return structure


class _Builder:
    """The fast functions of one case-file version (its default basis), made once per type."""

    def __init__(self, default_basis: Basis) -> None:
        self.default_basis = default_basis
        self.classes: dict[type[Any], Structure] = {}

    def of(self, type_: Any) -> Structure:  # noqa: PLR0911 - one return for each kind of field
        """The fast function for ``type_``.

        Raises:
            TypeError: A type the facts do not use, so that a new kind of field cannot go unnoticed.
        """
        origin, args = typing.get_origin(type_), typing.get_args(type_)
        if type_ is str:
            return _text
        if type_ is bool:
            return _flag
        if type_ is dt.date:
            return _date
        if isinstance(type_, type) and issubclass(type_, enum.StrEnum):
            return _lookup(_members(type_))
        if origin is Fact:
            return self.fact(args[0])
        if attrs.has(type_):
            return self.cls(type_)
        if origin in (typing.Union, types.UnionType):
            known = [arg for arg in args if arg not in (type(None), Unknown)]
            if len(known) == 1 and len(args) == 2:
                (inner,) = known
                if type(None) in args:
                    return _optional(self.of(inner))
                if isinstance(inner, type) and issubclass(inner, enum.StrEnum):
                    return _lookup({**_members(inner), "unknown": UNKNOWN})
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return _homogeneous(self.of(args[0]), tuple)
        if origin is tuple and len(args) == 2:
            return _pair(self.of(args[0]), self.of(args[1]))
        if origin is frozenset:
            return _homogeneous(self.of(args[0]), frozenset)
        raise TypeError(f"no fast structuring for {type_!r}")

    def cls(self, cls: type[Any]) -> Structure:
        found = self.classes.get(cls)
        if found is not None:
            return found
        made: list[Structure] = []

        def recursive(value: Any) -> Any:  # stands in while the class's own fields are made
            return made[0](value)

        self.classes[cls] = recursive
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        if any(not field.init or field.alias != field.name for field in fields) or hasattr(cls, "__attrs_pre_init__"):
            raise TypeError(f"no fast structuring for {cls.__name__}: its __init__ does more than set its fields")
        namespace: dict[str, Any] = {
            "cls": cls,
            "new": object.__new__,
            "assign": object.__setattr__,
            "NotFast": NotFast,
            "missing": object(),
            "allowed": frozenset(field.name for field in fields),
        }
        lines = [
            "def structure(value):",
            "    if type(value) is not dict or not value.keys() <= allowed:",
            "        raise NotFast",
            "    get = value.get",
            "    self = new(cls)",
        ]
        # The attributes are set and then validated as the class's own __init__ does, but the
        # values are final already: running its converters again would only copy them.
        for number, field in enumerate(fields):
            lines += [f"    v = get({field.name!r}, missing)", "    if v is missing:"]
            lines += [f"        {line}" for line in self.default(cls, field, f"_{number}", namespace)]
            lines += [
                "    else:",
                *(f"        {line}" for line in self.inline(hints[field.name], f"_{number}", namespace)),
            ]
            lines += [f"    assign(self, {field.name!r}, v)", f"    v{number} = v"]
        lines.append("    try:")
        for number, field in enumerate(fields):
            if field.validator is not None:
                namespace[f"validator_{number}"], namespace[f"attribute_{number}"] = field.validator, field
                lines.append(f"        validator_{number}(self, attribute_{number}, v{number})")
        if hasattr(cls, "__attrs_post_init__"):
            lines.append("        self.__attrs_post_init__()")
        lines += [
            "    except Exception as error:  # a failed validator: the careful path words it",
            "        raise NotFast from error",
            "    return self",
        ]
        exec("\n".join(lines), namespace)  # noqa: S102 - source built above from the class's own fields
        structure: Structure = namespace["structure"]
        made.append(structure)
        self.classes[cls] = structure
        return structure

    def default(self, cls: type[Any], field: attrs.Attribute[Any], suffix: str, namespace: dict[str, Any]) -> list[str]:
        """Lines that leave in ``v`` the value of a field the data leaves out, or raise ``NotFast``."""
        if field.name == "basis" and self.default_basis is not Basis.PUBLISHED:
            # A version-2 file's records are the case author's coding unless they say otherwise.
            namespace[f"default{suffix}"] = self.default_basis
            return [f"v = default{suffix}"]
        if field.default is attrs.NOTHING:
            return ["raise NotFast  # a required key: the careful path says which"]
        default: Any = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type] # attrs.Factory is a class
            if default.takes_self:
                raise TypeError(f"no fast structuring for {cls.__name__}.{field.name}: its default takes self")
            namespace[f"factory{suffix}"] = default.factory
            return [f"v = factory{suffix}()"]
        namespace[f"default{suffix}"] = field.default
        return [f"v = default{suffix}"]

    def inline(self, type_: Any, suffix: str, namespace: dict[str, Any]) -> list[str]:
        """Lines that check ``v`` for ``type_`` and leave the structured value in ``v``, or raise ``NotFast``.

        Strings, flags and enum members are checked in place (a call each is most of the cost
        of a small value); anything else calls the function for its type.
        """
        args = typing.get_args(type_)
        if type_ is str:
            return ["if type(v) is not str:", "    raise NotFast"]
        if type_ is bool:
            return ["if v is not True and v is not False:", "    raise NotFast"]
        table: dict[str, Any] | None = None
        if isinstance(type_, type) and issubclass(type_, enum.StrEnum):
            table = _members(type_)
        elif typing.get_origin(type_) in (typing.Union, types.UnionType) and len(args) == 2:
            (inner,) = [arg for arg in args if arg not in (type(None), Unknown)] or [None]
            if isinstance(inner, type) and issubclass(inner, enum.StrEnum):
                table = {**_members(inner), **({"unknown": UNKNOWN} if Unknown in args else {})}
                if type(None) in args:
                    namespace[f"table{suffix}"] = table
                    return [
                        "if v is not None:",
                        f"    v = table{suffix}.get(v) if type(v) is str else None",
                        "    if v is None:",
                        "        raise NotFast",
                    ]
        if table is not None:
            namespace[f"table{suffix}"] = table
            return [f"v = table{suffix}.get(v) if type(v) is str else None", "if v is None:", "    raise NotFast"]
        namespace[f"structure{suffix}"] = self.of(type_)
        return [f"v = structure{suffix}(v)"]

    def fact(self, inner_type: Any) -> Structure:
        inner = self.of(inner_type)
        default_basis = self.default_basis
        # Bare values are the common case, and facts are immutable: one fact per value, made once.
        made: dict[Any, Fact[Any]] = {"unknown": Fact(UNKNOWN)}
        if inner_type is bool:
            made.update({True: Fact(True, default_basis), False: Fact(False, default_basis)})
        elif isinstance(inner_type, type) and issubclass(inner_type, enum.StrEnum):
            made.update({member.value: Fact(member, default_basis) for member in inner_type})
        get = made.get
        basis_of = _lookup(_members(Basis))

        def structure(value: Any) -> Any:
            kind = type(value)
            if kind is str or kind is bool:
                found = get(value)
                if found is not None:
                    return found
            if kind is not dict:
                return Fact(inner(value), default_basis)
            if not value.keys() <= _FACT_KEYS or "value" not in value:
                raise NotFast
            stated = "basis" in value
            basis = basis_of(value["basis"]) if stated else default_basis
            note, coder = _text(value.get("note", "")), _text(value.get("coder", ""))
            written = value["value"]
            if written == "unknown":
                # An unknown fact rests on nothing: only a basis the file states is kept.
                return Fact(UNKNOWN, basis if stated else Basis.PUBLISHED, note, coder)
            return Fact(inner(written), basis, note, coder)

        return structure


_INITIATIVES: dict[Basis, Structure] = {}


def fast_initiative(default_basis: Basis) -> Structure:
    """The fast function for an initiative whose facts default to ``default_basis``, made on first use."""
    found = _INITIATIVES.get(default_basis)
    if found is None:
        found = _INITIATIVES[default_basis] = _Builder(default_basis).cls(Initiative)
    return found


def fast_structure(data: Any, default_basis: Basis) -> Initiative:
    """An initiative from plain data, or ``NotFast`` on anything the careful path should read."""
    if attrs.validators.get_disabled():  # the fast functions validate as the classes would: leave it to them
        raise NotFast
    try:
        initiative: Initiative = fast_initiative(default_basis)(data)
    except NotFast:
        raise
    except Exception as error:
        raise NotFast from error
    return initiative
