"""The one cattrs converter, and reading and writing case files (YAML or JSON).

Case files are strict: an unknown key, a value of the wrong type, an unknown
enum value or a dangling stakeholder reference is an error naming the file and
the path inside it. YAML is read with the safe loader, so nothing in a file is
ever constructed or executed. Facts may be written bare (``true``, ``kept``,
``unknown``) or with their basis (``{value: true, basis: hedged, note: ...}``).
"""

from __future__ import annotations

import enum
import json
import re
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from humanising._facts import Initiative
from humanising._unknown import UNKNOWN, Basis, Fact, Unknown
from humanising.exceptions import CaseFileError, HumanisingError, InvalidFactError

_FACT_KEYS = frozenset({"value", "basis", "note"})


class _InvalidValueError(Exception):
    """A value that does not fit, with what was expected (turned into a CaseFileError)."""


def _strict(kind: type[Any], expected: str) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _type: Any) -> Any:
        # bool is an int subclass; a flag written as 1 is almost always a mistake.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise _InvalidValueError(f"expected {expected}, got {value!r}")
        return value

    return structure


def _is_unknown_union(type_: Any) -> bool:
    return typing.get_origin(type_) in (typing.Union, types.UnionType) and Unknown in typing.get_args(type_)


def _is_frozenset(type_: Any) -> bool:
    # Sorted on the way out so that files are stable and diffs small.
    return type_ is frozenset or typing.get_origin(type_) is frozenset


def _is_fact(type_: Any) -> bool:
    return typing.get_origin(type_) is Fact or type_ is Fact


def make_converter() -> cattrs.Converter:
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
        try:
            return type_(value)
        except ValueError:
            choices = ", ".join(member.value for member in type_)
            raise _InvalidValueError(f"expected one of {choices}, got {value!r}") from None

    converter.register_structure_hook(enum.StrEnum, structure_enum)

    def unknown_union_hook(type_: Any) -> Callable[[Any, Any], Any]:
        (known,) = [arg for arg in typing.get_args(type_) if arg is not Unknown]
        inner = converter.get_structure_hook(known)

        def structure(value: Any, _type: Any) -> Any:
            return UNKNOWN if value == "unknown" else inner(value, known)

        return structure

    converter.register_structure_hook_factory(_is_unknown_union, unknown_union_hook)

    def fact_structure_hook(type_: Any) -> Callable[[Any, Any], Any]:
        (inner_type,) = typing.get_args(type_) or (Any,)
        inner = converter.get_structure_hook(inner_type)

        def structure(value: Any, _type: Any) -> Fact[Any]:
            basis, note = Basis.PUBLISHED, ""
            if isinstance(value, Mapping):
                extra = sorted(set(value) - _FACT_KEYS)
                if extra:
                    raise _InvalidValueError(f"unexpected key(s) {', '.join(extra)}; a fact has value, basis and note")
                if "value" not in value:
                    raise _InvalidValueError("a fact written as a mapping needs a 'value'")
                basis = converter.structure(value.get("basis", "published"), Basis)
                note = converter.structure(value.get("note", ""), str)
                value = value["value"]
            if value == "unknown":
                return Fact(UNKNOWN, basis, note)
            return Fact(inner(value, inner_type), basis, note)

        return structure

    converter.register_structure_hook_factory(_is_fact, fact_structure_hook)

    def unstructure_fact(fact: Fact[Any]) -> Any:
        value = converter.unstructure(fact.value)
        if fact.basis is Basis.PUBLISHED and not fact.note:
            return value
        written: dict[str, Any] = {"value": value, "basis": fact.basis.value}
        if fact.note:
            written["note"] = fact.note
        return written

    converter.register_unstructure_hook_func(_is_fact, unstructure_fact)
    return converter


_CONVERTER: cattrs.Converter | None = None


def converter() -> cattrs.Converter:
    """The shared converter, made on first use."""
    global _CONVERTER  # noqa: PLW0603 - built once, lazily, to keep imports cheap
    if _CONVERTER is None:
        _CONVERTER = make_converter()
    return _CONVERTER


def unstructure(initiative: Initiative) -> dict[str, Any]:
    """An initiative as plain data (dicts, lists, strings, booleans), ready for JSON or YAML.

    Example:
        >>> import humanising
        >>> humanising.unstructure(humanising.casebook.load("sleepwell"))["id"]
        'sleepwell'
    """
    data: dict[str, Any] = converter().unstructure(initiative, Initiative)
    return data


def structure(data: Any, *, file: str = "<data>") -> Initiative:
    """An initiative from plain data, as read from a case file.

    Raises:
        CaseFileError: The data does not describe a valid initiative; the error
            names ``file``, the path inside the data and what was expected.

    Example:
        >>> import humanising
        >>> initiative = humanising.casebook.load("sleepwell")
        >>> humanising.structure(humanising.unstructure(initiative)) == initiative
        True
    """
    if not isinstance(data, Mapping):
        raise CaseFileError(file, "$", f"expected a mapping describing an initiative, got {type(data).__name__}")
    try:
        return converter().structure(data, Initiative)
    except (ClassValidationError, IterableValidationError) as error:
        raise _case_file_error(file, error) from None
    except InvalidFactError as error:
        raise CaseFileError(
            file, "$" + _field_path(error.field), f"expected {error.expected}, got {error.value!r}"
        ) from None


_CLASS_FIELD = re.compile(r"[A-Z]\w*\.(?P<rest>\w.*)")
_INITIATIVE_FIELD = re.compile(r"Initiative '[^']*': (?P<rest>.*)")


def _field_path(field: str) -> str:
    """The path inside a document of a field an error names (``Participation.stage`` -> ``.stage``)."""
    match = _INITIATIVE_FIELD.fullmatch(field) or _CLASS_FIELD.fullmatch(field)
    return f".{match['rest']}" if match else ""


def _case_file_error(file: str, error: BaseException) -> CaseFileError:
    """The first leaf of a cattrs error tree, with its path."""
    path = "$"
    while isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without_notes = error.group_exceptions()
        if with_notes:
            exception, note = with_notes[0]
            path += f"[{note.index}]" if isinstance(note, IterableValidationNote) else f".{note.name}"
            error = exception
        else:
            # Raised by the class itself (a cross-field check), not by one of its fields.
            error = without_notes[0]
    if isinstance(error, ForbiddenExtraKeysError):
        return CaseFileError(file, path, f"unexpected key(s) {', '.join(sorted(error.extra_fields))}")
    if isinstance(error, InvalidFactError):
        return CaseFileError(file, path + _field_path(error.field), f"expected {error.expected}, got {error.value!r}")
    if isinstance(error, _InvalidValueError):
        return CaseFileError(file, path, str(error))
    if isinstance(error, KeyError):
        return CaseFileError(file, path, f"missing required key {error.args[0]!r}")
    if isinstance(error, HumanisingError):
        return CaseFileError(file, path, str(error))
    return CaseFileError(file, path, f"{type(error).__name__}: {error}")


def parse_text(text: str, *, file: str, format: str) -> tuple[Initiative, ...]:  # noqa: A002 - the file's format
    """Initiatives from the text of a case file; ``format`` is ``yaml`` or ``json``."""
    if format == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise CaseFileError(
                file, f"line {error.lineno}, column {error.colno}", f"valid JSON ({error.msg})"
            ) from None
    elif format == "yaml":
        import yaml

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            data = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader, never constructs objects
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "$"
            raise CaseFileError(file, where, f"valid YAML ({getattr(error, 'problem', error)})") from None
    else:
        raise CaseFileError(file, "$", f"a format of yaml or json, not {format!r}")
    if isinstance(data, list):
        return tuple(structure(item, file=f"{file}[{index}]") for index, item in enumerate(data))
    return (structure(data, file=file),)


def load_file(path: str | Path) -> tuple[Initiative, ...]:
    """Read every initiative in a YAML (``.yaml``, ``.yml``) or JSON (``.json``) case file.

    A file holds one initiative (a mapping) or several (a list of mappings).

    Raises:
        CaseFileError: The file is missing, unreadable, or not valid.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".json"):
        raise CaseFileError(str(path), "$", "a file ending in .yaml, .yml or .json")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CaseFileError(str(path), "$", f"a readable UTF-8 file ({error})") from None
    return parse_text(text, file=str(path), format="json" if suffix == ".json" else "yaml")


def dumps_yaml(initiative: Initiative) -> str:
    """An initiative as YAML text, in the case-file format."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text: str = yaml.dump(unstructure(initiative), Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    return text
