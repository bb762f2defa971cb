"""Reading and writing case files (YAML or JSON).

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

import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

import yaml
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from humanising._casefiles._converter import (
    FORMATS,
    InvalidValueError,
    PathItem,
    converter,
    did_you_mean,
    fields_of,
    format_path,
    show_value,
    unstructure,
)
from humanising._casefiles._fast import NotFast, fast_structure
from humanising._facts import Initiative
from humanising.exceptions import CaseFileError, HumanisingError, InvalidFactError, UndefinedStakeholderError

Marks: TypeAlias = Mapping[tuple[PathItem, ...], tuple[int, int]]
"""The 1-based (line, column) of every key and list item, by path."""

MAX_DEPTH = 200
"""How deep a case file may nest mappings and lists (a case file needs a dozen levels)."""

MAX_NODES = 1_000_000
"""How many values a YAML document may hold once its aliases are expanded."""

MAX_PARTS_DEPTH = 32
"""How deep programmes may nest parts within parts."""

_TOO_DEEP = f"expected a document nested at most {MAX_DEPTH} levels deep"
_TOO_LARGE = (
    f"expected a document of at most {MAX_NODES:,} values once its aliases are expanded "
    "(aliases that repeat aliases grow exponentially)"
)


def _defined(ids: list[str]) -> str:
    """`` (defined: a, b, c)``, the stakeholder ids there are, when no near miss can be suggested."""
    if not ids:
        return " (no stakeholder is defined)"
    shown = ", ".join(sorted(ids)[:12])
    return f" (defined: {shown}{', ...' if len(ids) > 12 else ''})"


def _with_advice(problem: str) -> str:
    """A YAML syntax problem, with what to do about the two commonest ones."""
    if "tab" in problem:
        return f"{problem}: indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return f"{problem}: a value holding ': ' must be in quotes"
    return problem


def _problem(error: ValueError) -> str:
    text = str(error)
    if "digits" in text:
        return "a number has thousands of digits; write it in quotes if it is text"
    return text


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
            "expected a mapping describing an initiative (id, name, ...), got "
            + ("an empty document" if data is None else show_value(data)),
            marks,
        )
    too_deep = _parts_too_deep(data)
    if too_deep is not None:
        expected = f"expected parts nested at most {MAX_PARTS_DEPTH} deep (a programme's parts, their parts, ...)"
        raise _error(file, (*root, *too_deep), expected, marks)
    version = 1
    if "format" in data:
        version = data["format"]
        if type(version) is not int or version not in FORMATS:
            known = " or ".join(str(number) for number in FORMATS)
            expected = f"expected format {known}, the case-file version, got {show_value(version)}"
            raise _error(file, (*root, "format"), expected, marks)
        data = {key: value for key, value in data.items() if key != "format"}
    try:
        return fast_structure(data, FORMATS[version])
    except NotFast:  # anything unexpected: the careful path reads it from the start and words the error
        pass
    try:
        return converter(version).structure(data, Initiative)
    except (ClassValidationError, IterableValidationError, HumanisingError, InvalidValueError) as error:
        found = [
            _error(file, (*root, *path), expected, marks, located=(*root, *located))
            for path, expected, located in itertools.islice(_leaves(error, data, ()), MAX_ERRORS)
        ]
    # Raised outside the handler, so that the converter's error is not its context: what is raised
    # pickles whole (a worker process sends it back) and holds nothing but the file's problems.
    raise _all_at_once(found)


def _all_at_once(errors: list[CaseFileError]) -> CaseFileError:
    """One error standing for every problem found, in file order; it is the first, and lists the rest."""
    ordered = sorted(errors, key=lambda error: (error.line is None, error.line or 0, error.column or 0))
    first = ordered[0]
    if len(ordered) == 1:
        return first
    return CaseFileError(
        first.file, first.path, first.expected, line=first.line, column=first.column, errors=tuple(ordered)
    )


def _parts_too_deep(data: Mapping[str, Any]) -> tuple[PathItem, ...] | None:
    """The path of the first part nested deeper than ``MAX_PARTS_DEPTH``, if any (walked without recursion)."""
    pending: list[tuple[Any, tuple[PathItem, ...]]] = [(data, ())]
    while pending:
        item, path = pending.pop()
        if len(path) > 2 * MAX_PARTS_DEPTH:
            return path
        parts = item.get("parts") if isinstance(item, Mapping) else None
        if isinstance(parts, list):
            pending.extend((part, (*path, "parts", index)) for index, part in enumerate(parts))
    return None


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


def _at(data: Any, path: Sequence[PathItem]) -> Any:
    for item in path:
        try:
            data = data[item]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _misspelling(
    with_notes: Sequence[tuple[BaseException, Any]], without_notes: Sequence[BaseException]
) -> ForbiddenExtraKeysError | None:
    """The unexpected-key error of a mapping whose unexpected key is a near miss for a missing required key."""
    missing = [str(exception.args[0]) for exception, _ in with_notes if isinstance(exception, KeyError)]
    for exception in without_notes:
        if isinstance(exception, ForbiddenExtraKeysError) and any(
            did_you_mean(key, missing) for key in exception.extra_fields
        ):
            return exception
    return None


Leaf: TypeAlias = tuple[tuple[PathItem, ...], str, tuple[PathItem, ...]]
"""One problem: its path, what was expected there, and the path whose line to report."""

MAX_ERRORS = 50
"""How many problems in one file are reported at once."""


def _describe(error: BaseException, data: Any) -> Leaf:
    """The first leaf of a cattrs error tree."""
    return next(_leaves(error, data, ()))


def _leaves(error: BaseException, data: Any, path: tuple[PathItem, ...]) -> Iterator[Leaf]:
    """Every leaf of a cattrs error tree, in the order cattrs found them (fields in class order)."""
    if isinstance(error, ClassValidationError | IterableValidationError):
        grouped = error.group_exceptions()
        with_notes: list[tuple[Exception, Any]] = list(grouped[0])
        without_notes: list[Exception] = list(grouped[1])
        misspelt = _misspelling(with_notes, without_notes)
        if misspelt is not None:
            # A required key written wrongly is a misspelling, not a missing key: say which, once.
            yield _leaf(misspelt, data, path)
            with_notes = [(exception, note) for exception, note in with_notes if not isinstance(exception, KeyError)]
            without_notes = [exception for exception in without_notes if exception is not misspelt]
        for exception, note in with_notes:
            step = note.index if isinstance(note, IterableValidationNote) else note.name
            yield from _leaves(exception, data, (*path, step))
        for exception in without_notes:
            # Raised by the class itself (a cross-field check), not by one of its fields.
            yield from _leaves(exception, data, path)
        return
    yield _leaf(error, data, path)


def _leaf(error: BaseException, data: Any, path: tuple[PathItem, ...]) -> Leaf:
    if isinstance(error, ForbiddenExtraKeysError):
        known = fields_of(error.cl)
        extra = sorted(map(str, error.extra_fields))  # a YAML key may be null, a number or a list
        hints = "".join(did_you_mean(key, known) for key in extra)
        name = error.cl.__name__
        article = "an" if name[0] in "AEIOU" else "a"
        allowed = "" if hints else f"; {article} {name} has {', '.join(known)}"
        return path, f"unexpected key(s) {', '.join(extra)}{hints}{allowed}", (*path, extra[0])
    if isinstance(error, InvalidFactError):
        # The error's own path is structured: positions and field names inside what raised it.
        field_path = tuple(step for step in error.path.steps if isinstance(step, str | int))
        hint = ""
        if isinstance(error, UndefinedStakeholderError):
            stakeholders = _at(data, path)
            stakeholders = stakeholders.get("stakeholders") if isinstance(stakeholders, Mapping) else None
            ids = [s["id"] for s in stakeholders or () if isinstance(s, Mapping) and isinstance(s.get("id"), str)]
            hint = did_you_mean(error.value, ids) or _defined(ids)
        where = (*path, *field_path)
        return where, f"expected {error.expected}, got {show_value(error.value)}{hint}", where
    if isinstance(error, KeyError):
        # cattrs notes the missing field's name; the file has no line for it, so point at its mapping.
        return path, f"missing required key {error.args[0]!r}", path[:-1]
    return path, str(error), path


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
    node: yaml.Node,
    path: tuple[PathItem, ...],
    marks: dict[tuple[PathItem, ...], tuple[int, int]],
    walked: set[int] | None = None,
) -> Iterator[_DuplicateKeyError]:
    """Record the mark of every key and item under ``node``; yield every duplicate key found.

    A node reached again through an alias is not walked again: its marks are those of its
    first place, and an alias bomb costs what its text costs, not what it expands to.
    """
    walked = set() if walked is None else walked
    if id(node) in walked:
        return
    walked.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                merged = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
                for source in merged:
                    yield from _walk(source, path, marks, walked)
                continue
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            child = (*path, key)
            if key in seen:
                marks[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                yield _DuplicateKeyError(child, key)
            seen.add(key)
            marks.setdefault(child, (key_node.start_mark.line + 1, key_node.start_mark.column + 1))
            yield from _walk(value_node, child, marks, walked)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            marks[child] = (item.start_mark.line + 1, item.start_mark.column + 1)
            yield from _walk(item, child, marks, walked)


def _expanded_size(node: yaml.Node, sizes: dict[int, int], depth: int = 0) -> int:
    """How many nodes the document holds once its aliases are expanded (each node counted once per use)."""
    if depth > MAX_DEPTH:
        raise _TooDeepError
    known = sizes.get(id(node))
    if known is not None:
        return known
    size = 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            size += _expanded_size(key_node, sizes, depth + 1) + _expanded_size(value_node, sizes, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            size += _expanded_size(item, sizes, depth + 1)
    sizes[id(node)] = size
    return size


class _TooDeepError(Exception):
    """Nesting past ``MAX_DEPTH``."""


class _TooLargeError(Exception):
    """A document whose aliases expand past ``MAX_NODES``."""


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

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        # An empty or comments-only stream has no document, and construct_document never runs.
        self.positions = {}
        self.duplicates = []

    def construct_document(self, node: yaml.Node) -> Any:
        """Record the node tree's marks, then construct plain data as the safe loader does.

        Raises:
            _TooDeepError: The document nests deeper than ``MAX_DEPTH``.
            _TooLargeError: Its aliases expand to more than ``MAX_NODES`` nodes.
        """
        if _expanded_size(node, {}) > MAX_NODES:
            raise _TooLargeError
        self.positions = {(): (node.start_mark.line + 1, node.start_mark.column + 1)}
        self.duplicates = list(_walk(node, (), self.positions))
        return super().construct_document(node)


def _yaml_view(text: str) -> tuple[Marks, list[_DuplicateKeyError]]:
    """The marks and duplicate keys of a document, or none if it cannot be composed (to locate errors in JSON)."""
    loader = CaseLoader(text)
    try:
        loader.get_single_data()
    except (yaml.YAMLError, ValueError, _TooDeepError, _TooLargeError):
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
    except _TooDeepError:
        raise CaseFileError(file, "$", _TOO_DEEP) from None
    except _TooLargeError:
        raise CaseFileError(file, "$", _TOO_LARGE) from None
    except ValueError as error:  # the int constructor, for a number of thousands of digits
        raise _syntax_error(file, "YAML", None, None, _problem(error)) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = _with_advice(str(getattr(error, "problem", None) or error))
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


_DECODER = json.JSONDecoder(object_pairs_hook=_no_duplicates)


def _load_json(text: str, file: str) -> tuple[Any, Callable[[], Marks]]:
    located: list[tuple[Marks, list[_DuplicateKeyError]]] = []

    def view() -> tuple[Marks, list[_DuplicateKeyError]]:
        # Parsed JSON carries no positions; composing the text as YAML (near enough a superset) finds them.
        if not located:
            located.append(_yaml_view(text))
        return located[0]

    try:
        # One decoder for every text: json.loads with a hook makes a new one per call.
        data = _DECODER.decode(text) if not text.startswith("\ufeff") else json.loads(text)
    except json.JSONDecodeError as error:
        raise _syntax_error(file, "JSON", error.lineno, error.colno, error.msg) from None
    except RecursionError:
        raise CaseFileError(file, "$", _TOO_DEEP) from None
    except ValueError as error:  # int(), for a number of thousands of digits
        raise _syntax_error(file, "JSON", None, None, _problem(error)) from None
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
    text = text.removeprefix("\ufeff")  # a byte-order mark, which some editors write
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:  # a lone surrogate, which no file can hold
            shown = f"U+{ord(text[error.start]):04X}"
            raise CaseFileError(
                file, "$", f"expected text that UTF-8 can encode, got the lone surrogate {shown}"
            ) from None
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
                shown = show_value(item)
                expected = f"expected a mapping describing an initiative, or a list of them; item {index} is {shown}"
                raise _error(file, (), expected, marks, located=(index,))
        return tuple(_structure(item, file=file, root=(index,), marks=marks) for index, item in enumerate(data))
    return (_structure(data, file=file, root=(), marks=marks),)


_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".jsonl": "jsonl"}


def _json_lines(text: str, file: str) -> tuple[Initiative, ...]:
    """The initiatives of a JSON Lines text: one JSON initiative on each line that is not blank.

    Every bad line is named, with its number, all at once, as for any other case file.
    """
    from humanising._casefiles._lines import records  # which reads the lines with this module's parser

    problems: list[CaseFileError] = []
    found = tuple(records(text.splitlines(keepends=True), file, problems.append))
    if problems:
        every = tuple(error for problem in problems for error in problem.errors)[:MAX_ERRORS]
        first = every[0]
        raise CaseFileError(first.file, first.path, first.expected, line=first.line, column=first.column, errors=every)
    return found


def load_file(path: str | Path) -> tuple[Initiative, ...]:
    """Read every initiative in a YAML (``.yaml``, ``.yml``), JSON (``.json``) or JSON Lines (``.jsonl``) case file.

    A YAML or JSON file holds one initiative (a mapping) or several (a list of mappings); a
    JSON Lines file holds one initiative on each line.

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
        raise CaseFileError(file, "$", f"expected a file ending in .yaml, .yml, .json or .jsonl, got {path.name!r}")
    if format_ == "jsonl":
        return _json_lines(read_text(path), file)
    return parse_text(read_text(path), file=file, format=format_)


DEFAULT_MAX_BYTES = 16 * 1024 * 1024
"""The largest case file read by default: a case file is kilobytes; this leaves room for long texts."""

MAX_BYTES_VARIABLE = "HUMANISING_MAX_BYTES"
"""The environment variable that raises (or lowers) the cap on a case file's size, in bytes."""


def max_bytes() -> int:
    """The cap on a case file's size: ``HUMANISING_MAX_BYTES`` if set to a whole number, else 16 MB."""
    value = os.environ.get(MAX_BYTES_VARIABLE, "")
    return int(value) if value.isdigit() else DEFAULT_MAX_BYTES


def read_text(path: Path) -> str:
    """The text of a UTF-8 file (a leading byte-order mark is dropped).

    Only a regular file is read, and at most ``max_bytes()`` of it, so that a device,
    a pipe or a huge file can neither hang the reader nor fill the memory.

    Raises:
        CaseFileError: The file is missing, is not a regular file, is too large, cannot be
            read or is not UTF-8.
    """
    file = str(path)
    cap = max_bytes()
    try:
        if path.exists() and not path.is_dir() and not path.is_file():
            raise CaseFileError(file, "$", "expected a regular file (this is a device, a pipe or a socket)")
        with path.open("rb") as stream:
            data = stream.read(cap + 1)
        if len(data) > cap:
            raise CaseFileError(
                file,
                "$",
                f"expected a case file of at most {cap:,} bytes; set {MAX_BYTES_VARIABLE} to read larger ones",
            )
        if b"\x00" in data:
            raise CaseFileError(
                file, "$", "expected a readable UTF-8 file (it holds NUL bytes: is it UTF-16, or binary?)"
            )
        return data.decode("utf-8").removeprefix("\ufeff")
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
    return dumps(initiative, format="yaml")


def dumps(initiatives: Initiative | Iterable[Initiative], *, format: str) -> str:  # noqa: A002 - the file's format
    """Initiatives as the text of a case file: one as a mapping, several as a list."""
    if isinstance(initiatives, Initiative):
        data: Any = unstructure(initiatives)
    else:
        items = list(initiatives)
        for item in items:
            if not isinstance(item, Initiative):
                raise TypeError(f"expected an Initiative or initiatives to write, got {item!r}")
        data = [unstructure(item) for item in items]
    if format == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if format == "yaml":
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        text: str = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
        return text
    raise ValueError(f"format: expected yaml or json, got {format!r}")
