"""Fact paths: where a fact sits in an initiative, in one type with two renderings.

A path is a sequence of steps from the initiative down to one fact. A step is a
field name (``observations``), a position in a list (``3``) or a key that names an
element by what it is (``PathKey("patients", "design")``). Keys survive reordering, so
verdicts use them; positions are what a file's errors can point at.

- The **key path**, ``str(path)``: ``participations[patients@design].involvement``,
  ``stakeholders[trust].user_run``, ``observations.dissent``. Verdicts name the facts
  they looked at and the unknowns that would settle them this way.
- The **locator**, ``path.locator``: ``$.participations[3].stakeholder``, the
  positional path of an error in a case file.
"""

from __future__ import annotations

import functools
import re
from typing import TypeAlias

from humanising.exceptions import FactPathError


class PathKey:
    """A step that names an element of a list by its id (or, for a participation, stakeholder and stage).

    Immutable; equal keys hash alike.

    Attributes:
        parts: The id, or the stakeholder id and the stage of a participation.

    Example:
        >>> str(PathKey("patients", "design"))
        'patients@design'
        >>> PathKey("patients", "design")
        PathKey('patients', 'design')
    """

    __slots__ = ("_parts",)
    __match_args__ = ("parts",)
    _parts: tuple[str, ...]

    def __init__(self, *parts: str) -> None:
        for part in parts:
            if type(part) is not str:  # a stage, say: a str enum, kept as its plain text
                parts = tuple(str(part) for part in parts)
                break
        object.__setattr__(self, "_parts", parts)

    @property
    def parts(self) -> tuple[str, ...]:
        """The id, or the stakeholder id and the stage."""
        return self._parts

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a PathKey is immutable; cannot set {name!r}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PathKey):
            return NotImplemented
        return self._parts == other._parts

    def __hash__(self) -> int:
        return hash(self._parts)

    def __str__(self) -> str:
        return "@".join(self._parts)

    def __repr__(self) -> str:
        return f"PathKey({', '.join(map(repr, self._parts))})"

    def __reduce__(self) -> tuple[type[PathKey], tuple[str, ...]]:
        return (PathKey, self._parts)


Step: TypeAlias = str | int | PathKey
"""A field name, a position in a list, or a key naming an element."""


def _render(steps: tuple[Step, ...]) -> str:
    text: list[str] = []
    for step in steps:
        if isinstance(step, str):
            text.append(f".{step}" if text else step)
        else:
            text.append(f"[{step}]")
    return "".join(text)


@functools.total_ordering  # from __lt__ and __eq__: order by text, equality by steps
class FactPath:
    """Where a fact sits in an initiative.

    Immutable. Paths compare and sort by their key-path text, so sorted paths read in
    the order a person expects.

    Attributes:
        steps: Field names, positions and keys, from the initiative down.

    Example:
        >>> from humanising import FactPath
        >>> path = FactPath.participation("patients", "design").then("involvement")
        >>> str(path)
        'participations[patients@design].involvement'
        >>> FactPath.parse(str(path)) == path
        True
        >>> FactPath.parse("$.participations[3].stakeholder").steps
        ('participations', 3, 'stakeholder')
    """

    # Verdicts make a path for every unknown fact they name, on the hot path of judging:
    # the steps are checked cheaply and the text is written only when first read.
    __slots__ = ("_steps", "_text")
    _steps: tuple[Step, ...]
    _text: str | None

    def __init__(self, *steps: Step) -> None:
        for step in steps:
            kind = type(step)
            if kind is not str and kind is not int and kind is not PathKey:
                steps = _checked(steps)
                break
        object.__setattr__(self, "_steps", steps)
        object.__setattr__(self, "_text", None)

    @property
    def steps(self) -> tuple[Step, ...]:
        """Field names, positions and keys, from the initiative down."""
        return self._steps

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a FactPath is immutable; cannot set {name!r}")

    @classmethod
    def participation(cls, stakeholder: str, stage: str) -> FactPath:
        """The path of the participation of ``stakeholder`` at ``stage``: ``participations[patients@design]``."""
        return cls("participations", PathKey(stakeholder, stage))

    @classmethod
    def stakeholder(cls, stakeholder: str) -> FactPath:
        """The path of a stakeholder by id: ``stakeholders[trust]``."""
        return cls("stakeholders", PathKey(stakeholder))

    @classmethod
    def product(cls, product: str) -> FactPath:
        """The path of a product by id: ``products[records]``."""
        return cls("products", PathKey(product))

    @classmethod
    def failed_partnership(cls, partner: str) -> FactPath:
        """The path of the failed partnership with ``partner``: ``failed_partnerships[services]``."""
        return cls("failed_partnerships", PathKey(partner))

    @classmethod
    def parse(cls, text: str) -> FactPath:
        """A path from either rendering.

        A text that starts with ``$`` is a locator, whose bracketed digits are
        positions; any other text is a key path, whose brackets hold keys.

        Raises:
            humanising.exceptions.FactPathError: The text is not a path.

        Example:
            >>> from humanising import FactPath
            >>> FactPath.parse("stakeholders[trust].user_run").steps
            ('stakeholders', PathKey('trust'), 'user_run')
        """
        located = text.startswith("$")
        rest = text[1:] if located else text
        steps: list[Step] = []
        position = 0
        while position < len(rest):
            match = _STEP.match(rest, position)
            if match is None:
                raise FactPathError(text, _EXPECTED)
            if match["name"] is not None:
                if bool(match["dot"]) != (located or bool(steps)):
                    raise FactPathError(text, _EXPECTED)
                steps.append(match["name"])
            else:
                inside = match["key"]
                parts = inside.split("@")
                if not all(parts):
                    raise FactPathError(text, _EXPECTED)
                steps.append(int(inside) if located and inside.isdigit() else PathKey(*parts))
            position = match.end()
        if not steps and not located:
            raise FactPathError(text, _EXPECTED)
        return cls(*steps)

    def then(self, *steps: Step) -> FactPath:
        """This path, continued by ``steps``: ``stakeholders[trust]`` then ``user_run``."""
        return FactPath(*self._steps, *steps)

    @property
    def locator(self) -> str:
        """The rendering of a case file's errors: ``$.participations[3].stakeholder``."""
        if not self._steps:
            return "$"
        return "$" + ("." if isinstance(self._steps[0], str) else "") + str(self)

    def __str__(self) -> str:
        text = self._text
        if text is None:
            text = _render(self._steps)
            object.__setattr__(self, "_text", text)
        return text

    def __repr__(self) -> str:
        return f"<FactPath {str(self) or '(the initiative)'}>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FactPath):
            return NotImplemented
        return self._steps == other._steps

    def __hash__(self) -> int:
        # The text, not the steps: a str hashes in C and keeps its hash.
        return hash(str(self))

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, FactPath):
            return NotImplemented
        return str(self) < str(other)

    def __reduce__(self) -> tuple[type[FactPath], tuple[Step, ...]]:
        return (FactPath, self._steps)

    @classmethod
    def _written(cls, steps: tuple[Step, ...], text: str) -> FactPath:
        """A path whose steps are known good and whose text is already written (for the hot path)."""
        path = cls.__new__(cls)
        object.__setattr__(path, "_steps", steps)
        object.__setattr__(path, "_text", text)
        return path


def _checked(steps: tuple[object, ...]) -> tuple[Step, ...]:
    # The slow path: a str subclass (an enum member) becomes its plain text; anything else is refused.
    checked: list[Step] = []
    for step in steps:
        if isinstance(step, PathKey) or (isinstance(step, int) and not isinstance(step, bool)):
            checked.append(step)
        elif isinstance(step, str):
            checked.append(str(step))
        else:
            raise FactPathError(repr(step), "a field name, a position or a PathKey")
    return tuple(checked)


_STEP = re.compile(r"(?P<dot>\.)?(?P<name>[A-Za-z_]\w*)|\[(?P<key>[^\[\]]+)\]")
_EXPECTED = "a fact path such as observations.dissent or participations[patients@design].involvement"
