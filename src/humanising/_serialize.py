"""The one cattrs converter, and reading and writing case files (YAML or JSON).

Case files are strict: an unknown key, a value of the wrong type, an unknown
enum value or a dangling stakeholder reference is an error naming the file, the
line (where the format gives one), the path inside the document and what was
expected, with a "did you mean" suggestion for near-miss keys, enum values and
stakeholder ids. YAML is read with a safe loader, so nothing in a file is ever
constructed or executed; the loader keeps the composed node tree, whose marks
give the line of every key and list item. Facts may be written bare (``true``,
``kept``, ``unknown``) or with their basis (``{value: true, basis: hedged, note: ...}``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import json
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs
import cattrs
import cattrs.gen
import yaml
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from humanising._facts import Initiative
from humanising._unknown import UNKNOWN, Basis, Fact, Unknown
from humanising.exceptions import CaseFileError, HumanisingError, InvalidFactError, UndefinedStakeholderError

_FACT_KEYS = ("value", "basis", "note")

PathItem: TypeAlias = str | int
"""A key of a mapping or an index of a list."""


def format_path(path: Sequence[PathItem]) -> str:
    """A path inside a document as text: ``$.participations[3].stakeholder``.

    Example:
        >>> format_path(("participations", 3, "stakeholder"))
        '$.participations[3].stakeholder'
    """
    return "$" + "".join(f"[{item}]" if isinstance(item, int) else f".{item}" for item in path)


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


class _InvalidValueError(Exception):
    """A value that does not fit, with what was expected (turned into a CaseFileError)."""

    def __init__(self, expected: str, value: Any, choices: tuple[str, ...] = (), *, hint: str = "") -> None:
        self.expected = expected
        self.value = value
        self.choices = choices
        self.hint = hint
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return f"expected {self.expected}, got {_show(self.value)}{did_you_mean(self.value, self.choices)}{self.hint}"

    def with_unknown(self) -> _InvalidValueError:
        """The same error where ``unknown`` is also accepted."""
        if self.choices:
            return _InvalidValueError(f"{self.expected}, unknown", self.value, (*self.choices, "unknown"))
        return _InvalidValueError(self.expected, self.value, hint=self.hint or " (or unknown)")


def _show(value: Any) -> str:
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
            raise _InvalidValueError(expected, value, hint=hint)
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


def _fields_of(cls: type[Any]) -> tuple[str, ...]:
    return tuple(field.name for field in attrs.fields(cls))


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
            choices = tuple(member.value for member in type_)
            raise _InvalidValueError("one of " + ", ".join(choices), value, choices) from None

    converter.register_structure_hook(enum.StrEnum, structure_enum)

    def unknown_union_hook(type_: Any) -> Callable[[Any, Any], Any]:
        (known,) = [arg for arg in typing.get_args(type_) if arg is not Unknown]
        inner = converter.get_structure_hook(known)

        def structure(value: Any, _type: Any) -> Any:
            if value == "unknown":
                return UNKNOWN
            try:
                return inner(value, known)
            except _InvalidValueError as error:
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
                raise _InvalidValueError(expected, value)
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

        def structure(value: Any, type_: Any) -> Any:
            if not isinstance(value, Mapping):
                keys = ", ".join(_fields_of(cls))
                raise _InvalidValueError(f"a mapping (with keys {keys})", value)
            return inner(value, type_)

        return structure

    converter.register_structure_hook_factory(lambda type_: attrs.has(type_) and not _is_fact(type_), class_hook)

    def fact_structure_hook(type_: Any) -> Callable[[Any, Any], Any]:
        (inner_type,) = typing.get_args(type_) or (Any,)
        inner = converter.get_structure_hook(inner_type)

        def structure(value: Any, _type: Any) -> Fact[Any]:
            basis, note = Basis.PUBLISHED, ""
            if isinstance(value, Mapping):
                extra = sorted(set(value) - set(_FACT_KEYS))
                if extra:
                    hints = "".join(did_you_mean(key, _FACT_KEYS) for key in extra)
                    raise _UnexpectedFactKeysError(
                        f"unexpected key(s) {', '.join(extra)}{hints}; a fact has value, basis and note"
                    )
                if "value" not in value:
                    raise _UnexpectedFactKeysError("a fact written as a mapping needs a 'value'")
                basis = converter.structure(value.get("basis", "published"), Basis)
                note = converter.structure(value.get("note", ""), str)
                value = value["value"]
            if value == "unknown":
                return Fact(UNKNOWN, basis, note)
            try:
                return Fact(inner(value, inner_type), basis, note)
            except _InvalidValueError as error:
                raise error.with_unknown() from None

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


class _UnexpectedFactKeysError(Exception):
    """A fact written as a mapping with keys other than value, basis and note."""


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


Marks: TypeAlias = Mapping[tuple[PathItem, ...], tuple[int, int]]
"""The 1-based (line, column) of every key and list item, by path."""


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
    return _structure(data, file=file, root=(), marks=dict)


def _structure(data: Any, *, file: str, root: tuple[PathItem, ...], marks: Callable[[], Marks]) -> Initiative:
    if not isinstance(data, Mapping):
        raise _error(
            file,
            root,
            f"expected a mapping describing an initiative (id, name, ...), got {_show(data)}",
            marks,
        )
    try:
        return converter().structure(data, Initiative)
    except (ClassValidationError, IterableValidationError, HumanisingError, _InvalidValueError) as error:
        path, expected, located = _describe(error, data)
        raise _error(file, (*root, *path), expected, marks, located=(*root, *located)) from None


def _error(
    file: str,
    path: tuple[PathItem, ...],
    expected: str,
    marks: Callable[[], Marks],
    *,
    located: tuple[PathItem, ...] | None = None,
) -> CaseFileError:
    found = marks()
    located = path if located is None else located
    for length in range(len(located), -1, -1):  # the nearest enclosing key or item that the file has
        if located[:length] in found:
            line, column = found[located[:length]]
            return CaseFileError(file, format_path(path), expected, line=line, column=column)
    return CaseFileError(file, format_path(path), expected)


_FIELD_TOKEN = re.compile(r"\.?(?P<key>[A-Za-z_]\w*)|\[(?P<index>\d+)\]")
_CLASS_FIELD = re.compile(r"[A-Z]\w*\.(?P<rest>\w.*)")
_INITIATIVE_FIELD = re.compile(r"Initiative '[^']*': (?P<rest>.*)")


def _field_path(field: str) -> tuple[PathItem, ...]:
    """The path inside a document of a field an error names (``Participation.stage`` -> ``stage``)."""
    match = _INITIATIVE_FIELD.fullmatch(field) or _CLASS_FIELD.fullmatch(field)
    if not match:
        return ()
    rest, path, position = match["rest"], [], 0
    while token := _FIELD_TOKEN.match(rest, position):
        path.append(token["key"] or int(token["index"]))
        position = token.end()
    return tuple(path)


def _at(data: Any, path: Sequence[PathItem]) -> Any:
    for item in path:
        try:
            data = data[item]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _describe(error: BaseException, data: Any) -> tuple[tuple[PathItem, ...], str, tuple[PathItem, ...]]:
    """The first leaf of a cattrs error tree: its path, what was expected, and the path whose line to report."""
    path: list[PathItem] = []
    while isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without_notes = error.group_exceptions()
        if with_notes:
            exception, note = with_notes[0]
            path.append(note.index if isinstance(note, IterableValidationNote) else note.name)
            error = exception
        else:
            # Raised by the class itself (a cross-field check), not by one of its fields.
            error = without_notes[0]
    if isinstance(error, ForbiddenExtraKeysError):
        known = _fields_of(error.cl)
        extra = sorted(error.extra_fields)
        hints = "".join(did_you_mean(key, known) for key in extra)
        allowed = "" if hints else f"; a {error.cl.__name__} has {', '.join(known)}"
        return tuple(path), f"unexpected key(s) {', '.join(extra)}{hints}{allowed}", (*path, extra[0])
    if isinstance(error, InvalidFactError):
        field_path = _field_path(error.field)
        hint = ""
        if isinstance(error, UndefinedStakeholderError):
            stakeholders = _at(data, path)
            stakeholders = stakeholders.get("stakeholders") if isinstance(stakeholders, Mapping) else None
            ids = [s["id"] for s in stakeholders or () if isinstance(s, Mapping) and isinstance(s.get("id"), str)]
            hint = did_you_mean(error.value, ids)
        where = (*path, *field_path)
        return where, f"expected {error.expected}, got {_show(error.value)}{hint}", where
    if isinstance(error, KeyError):
        # cattrs notes the missing field's name; the file has no line for it, so point at its mapping.
        return tuple(path), f"missing required key {error.args[0]!r}", tuple(path[:-1])
    return tuple(path), str(error), tuple(path)


# --- YAML: a safe loader that keeps the node tree, for line numbers and duplicate keys

if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: same safety, faster


class _DuplicateKeyError(Exception):
    def __init__(self, path: tuple[PathItem, ...], key: str) -> None:
        self.path = path
        self.key = key
        super().__init__(key)


def _walk(
    node: yaml.Node, path: tuple[PathItem, ...], marks: dict[tuple[PathItem, ...], tuple[int, int]]
) -> Iterator[_DuplicateKeyError]:
    """Record the mark of every key and item under ``node``; yield every duplicate key found."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                merged = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
                for source in merged:
                    yield from _walk(source, path, marks)
                continue
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            child = (*path, key)
            if key in seen:
                marks[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                yield _DuplicateKeyError(child, key)
            seen.add(key)
            marks.setdefault(child, (key_node.start_mark.line + 1, key_node.start_mark.column + 1))
            yield from _walk(value_node, child, marks)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            marks[child] = (item.start_mark.line + 1, item.start_mark.column + 1)
            yield from _walk(item, child, marks)


class CaseLoader(_SafeLoader):
    r"""PyYAML's safe loader, keeping the line and column of every key and list item.

    It never constructs Python objects beyond plain data (mappings, lists,
    strings, numbers, booleans, dates); ``!!python/...`` tags are errors. After
    loading, ``positions`` maps each path (a tuple of keys and indices) to its 1-based
    line and column, and ``duplicates`` lists the keys written twice in one mapping.

    Example:
        >>> loader = CaseLoader("id: x\nstakeholders:\n  - {id: a}\n")
        >>> _ = loader.get_single_data()
        >>> loader.positions[("stakeholders", 0, "id")]
        (3, 6)
    """

    positions: dict[tuple[PathItem, ...], tuple[int, int]]
    duplicates: list[_DuplicateKeyError]

    def construct_document(self, node: yaml.Node) -> Any:
        """Record the node tree's marks, then construct plain data as the safe loader does."""
        self.positions = {(): (node.start_mark.line + 1, node.start_mark.column + 1)}
        self.duplicates = list(_walk(node, (), self.positions))
        return super().construct_document(node)


def _yaml_view(text: str) -> tuple[Marks, list[_DuplicateKeyError]]:
    """The marks and duplicate keys of a document, or none if it cannot be composed (to locate errors in JSON)."""
    loader = CaseLoader(text)
    try:
        loader.get_single_data()
    except yaml.YAMLError:
        return {}, []
    finally:
        loader.dispose()
    return loader.positions, loader.duplicates


def _syntax_error(file: str, kind: str, line: int | None, column: int | None, problem: str) -> CaseFileError:
    where = "$" if line is None else f"line {line}, column {column}"
    return CaseFileError(file, where, f"expected valid {kind} ({problem})", line=line, column=column)


def _load_yaml(text: str, file: str) -> tuple[Any, Marks]:
    loader = CaseLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = str(getattr(error, "problem", None) or error)
        if mark is None:
            raise _syntax_error(file, "YAML", None, None, problem) from None
        raise _syntax_error(file, "YAML", mark.line + 1, mark.column + 1, problem) from None
    finally:
        loader.dispose()
    if loader.duplicates:
        duplicate = loader.duplicates[0]
        line, column = loader.positions[duplicate.path]
        raise CaseFileError(
            file,
            format_path(duplicate.path),
            f"each key at most once in a mapping; {duplicate.key!r} is written twice",
            line=line,
            column=column,
        )
    return data, loader.positions


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        duplicate = next(key for index, (key, _) in enumerate(pairs) if key in dict(pairs[:index]))
        raise _DuplicateKeyError((), duplicate)
    return mapping


def _load_json(text: str, file: str) -> tuple[Any, Callable[[], Marks]]:
    located: list[tuple[Marks, list[_DuplicateKeyError]]] = []

    def view() -> tuple[Marks, list[_DuplicateKeyError]]:
        # Parsed JSON carries no positions; composing the text as YAML (near enough a superset) finds them.
        if not located:
            located.append(_yaml_view(text))
        return located[0]

    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        raise _syntax_error(file, "JSON", error.lineno, error.colno, error.msg) from None
    except _DuplicateKeyError as error:
        marks, duplicates = view()
        path = duplicates[0].path if duplicates else ()
        expected = f"each key at most once in an object; {error.key!r} is written twice"
        raise _error(file, path, expected, lambda: marks) from None
    return data, lambda: view()[0]


def parse_text(text: str, *, file: str, format: str) -> tuple[Initiative, ...]:  # noqa: A002 - the file's format
    r"""Initiatives from the text of a case file; ``format`` is ``yaml`` or ``json``.

    Raises:
        CaseFileError: The text is not valid YAML or JSON, or does not describe
            initiatives; the error names ``file``, the line where known, the path
            inside the document and what was expected.

    Example:
        >>> parse_text("id: mine\nname: Mine\n", file="<text>", format="yaml")[0].id
        'mine'
    """
    marks: Callable[[], Marks]
    if format == "json":
        data, marks = _load_json(text, file)
    elif format == "yaml":
        data, found = _load_yaml(text, file)

        def marks() -> Marks:
            return found

    else:
        raise CaseFileError(file, "$", f"expected a format of yaml or json, not {format!r}")
    if isinstance(data, list):
        for index, item in enumerate(data):
            if not isinstance(item, Mapping):
                expected = (
                    f"expected a mapping describing an initiative, or a list of them; item {index} is {_show(item)}"
                )
                raise _error(file, (), expected, marks, located=(index,))
        return tuple(_structure(item, file=file, root=(index,), marks=marks) for index, item in enumerate(data))
    return (_structure(data, file=file, root=(), marks=marks),)


_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def load_file(path: str | Path) -> tuple[Initiative, ...]:
    """Read every initiative in a YAML (``.yaml``, ``.yml``) or JSON (``.json``) case file.

    A file holds one initiative (a mapping) or several (a list of mappings).

    Raises:
        CaseFileError: The file is missing, unreadable, or not valid.

    Example:
        >>> import pathlib, tempfile
        >>> case = pathlib.Path(tempfile.mkdtemp()) / "case.json"
        >>> _ = case.write_text('{"id": "mine", "name": "Mine"}')
        >>> load_file(case)[0].name
        'Mine'
    """
    path = Path(path)
    file = str(path)
    format_ = _SUFFIXES.get(path.suffix.lower())
    if format_ is None:
        raise CaseFileError(file, "$", f"expected a file ending in .yaml, .yml or .json, got {path.name!r}")
    return parse_text(read_text(path), file=file, format=format_)


def read_text(path: Path) -> str:
    """The text of a UTF-8 file.

    Raises:
        CaseFileError: The file is missing, is a directory, cannot be read or is not UTF-8.
    """
    file = str(path)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problem = "no such file"
    except IsADirectoryError:
        problem = "it is a directory"
    except PermissionError:
        problem = "permission denied"
    except OSError as error:
        problem = error.strerror or str(error)
    except UnicodeDecodeError as error:
        problem = f"byte {error.object[error.start]:#04x} at offset {error.start} is not UTF-8"
    raise CaseFileError(file, "$", f"expected a readable UTF-8 file ({problem})")


def dumps_yaml(initiative: Initiative) -> str:
    """An initiative as YAML text, in the case-file format.

    Example:
        >>> import humanising
        >>> print(dumps_yaml(humanising.Initiative(id="mine", name="Mine")), end="")
        id: mine
        name: Mine
    """
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text: str = yaml.dump(unstructure(initiative), Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    return text
