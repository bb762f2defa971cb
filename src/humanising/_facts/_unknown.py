"""Unknown as a value, and the basis on which a known fact rests."""

from __future__ import annotations

import enum
from typing import Generic, TypeVar

import attrs

from humanising._facts._vocabulary import Defined
from humanising.exceptions import InvalidFactError

T = TypeVar("T")


class Unknown(enum.Enum):
    """The type of [`UNKNOWN`][humanising.UNKNOWN]: a fact the sources do not settle.

    A single-member enum, so type checkers narrow ``x is UNKNOWN`` and the value
    spells ``unknown`` in case files.

    Example:
        >>> UNKNOWN is Unknown.UNKNOWN
        True
        >>> Fact(UNKNOWN).is_known
        False
    """

    UNKNOWN = "unknown"

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __str__(self) -> str:
        return "unknown"

    def __bool__(self) -> bool:
        # Truth-testing an unknown fact is almost always a bug in a predicate.
        raise TypeError("UNKNOWN has no truth value; compare with `is UNKNOWN`")


UNKNOWN = Unknown.UNKNOWN
"""The value of a fact the sources do not settle."""


class Basis(Defined, enum.StrEnum):
    """Who says a known fact, and how: from a source's own statement to the case author's inference.

    Listed from the strongest to the weakest. Hedged, insider, informal and inferred facts
    still count as known; verdicts repeat their hedge. A case author's coding of a source
    (``coded``) carries none: nearly every involvement level is one, and the verdict's basis
    summary says so instead.

    Example:
        >>> Basis.HEDGED.hedge
        ' (as far as can be told)'
        >>> [basis.value for basis in Basis]
        ['published', 'coded', 'hedged', 'insider_report', 'informal', 'inferred']
    """

    PUBLISHED = "published"
    CODED = "coded"
    HEDGED = "hedged"
    INSIDER_REPORT = "insider_report"
    INFORMAL = "informal"
    INFERRED = "inferred"

    @property
    def weakness(self) -> int:
        """How weak the basis is: 0 for ``published``, up to 5 for ``inferred``."""
        return _WEAKNESS[self]

    @property
    def hedge(self) -> str:
        """The words a reason adds after a fact on this basis (empty when published)."""
        return _HEDGES[self]


_WEAKNESS = {basis: position for position, basis in enumerate(Basis)}

_HEDGES = {
    Basis.PUBLISHED: "",
    Basis.CODED: "",
    Basis.INSIDER_REPORT: " (insider's account)",
    Basis.INFORMAL: " (informal report)",
    Basis.HEDGED: " (as far as can be told)",
    Basis.INFERRED: " (case author's inference)",
}


def _as_fact_basis(value: Basis | str) -> Basis:
    # A named function, not ``converter=Basis``: mypy then types ``Fact(True, "hedged")``,
    # and a misspelt basis raises the library's own error rather than a bare ValueError.
    if isinstance(value, Basis):
        return value  # the usual case, and Basis(value) costs a look-up
    try:
        return Basis(value)
    except ValueError:
        expected = "one of " + ", ".join(basis.value for basis in Basis)
        raise InvalidFactError("Fact.basis", value, expected) from None


def _check_note(_instance: object, _attribute: object, value: object) -> None:
    if not isinstance(value, str):
        raise InvalidFactError("Fact.note", value, "a string")


def _check_coder(_instance: object, _attribute: object, value: object) -> None:
    if not isinstance(value, str):
        raise InvalidFactError("Fact.coder", value, "a string (empty: the case file's coder)")


@attrs.frozen
class Fact(Generic[T]):
    """A fact that may be unknown, with the basis on which it is known.

    Case files may write a fact as its bare value (``true``, ``kept``,
    ``unknown``) or as a mapping with ``value``, ``basis``, ``note`` and ``coder``.

    Attributes:
        value: The fact, or ``UNKNOWN``.
        basis: What the fact rests on; ignored while the value is unknown.
        note: Free text: where it comes from, a quotation's locator, a caveat.
        coder: Who coded this fact, where two people coded different parts of a case; empty: the
            case file's coder (``Initiative.coded_by``).

    Example:
        >>> from humanising import Fact, Basis, UNKNOWN
        >>> Fact(True, Basis.HEDGED).is_known
        True
        >>> Fact(UNKNOWN).is_known
        False
    """

    value: T | Unknown = UNKNOWN
    basis: Basis = attrs.field(default=Basis.PUBLISHED, converter=_as_fact_basis)
    note: str = attrs.field(default="", validator=_check_note)
    coder: str = attrs.field(default="", validator=_check_coder)

    @property
    def is_known(self) -> bool:
        """Whether the value is known."""
        return self.value is not UNKNOWN

    @property
    def hedge(self) -> str:
        """The hedge a reason repeats after this fact (empty when published or unknown)."""
        return "" if self.value is UNKNOWN else self.basis.hedge
