"""Claims: universal statements about initiatives, judged on each analysis in Kleene's three-valued logic.

A claim is a tree of nodes. Its leaves read an ``Analysis``: a verdict's fit compared with
the order does not fit < partly < fits, the stages a verdict lists, a criterion's status,
what the initiative equalises, whether it humanises; or any Python predicate. Its inner
nodes are ``not``, ``and``, ``or`` and ``->`` over True, False and None (unknown): an
unknown leaf leaves the whole unknown unless the known ones decide it. Pure: no I/O.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Protocol, TypeAlias

import attrs

from humanising._facts import Change, Claim, Stage
from humanising._reasoning._analysis import Analysis
from humanising._reasoning._relations import (
    RelationshipKind,
    humanising_side,
    relationship_kind,
)
from humanising._reasoning._verdict import Fit, Status, Verdict

Truth: TypeAlias = bool | None
"""A three-valued answer: True, False, or None for unknown."""

HUMANISES = "humanises"
FIT_ORDER = {Fit.DOES_NOT_FIT: 0, Fit.PARTLY: 1, Fit.FITS: 2}
"""The order of fits a claim compares by; ``undetermined`` has no place in it."""
COMPARISONS: dict[str, Callable[[int, int], bool]] = {
    "=": lambda a, b: a == b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}
_WORDS = {True: "true", False: "false", None: "unknown"}


def words(value: Truth) -> str:
    """``true``, ``false`` or ``unknown``."""
    return _WORDS[value]


class Node(Protocol):
    """A part of a claim: it has a value on an analysis, and says which of its leaves decide it."""

    def value(self, analysis: Analysis) -> Truth:
        """Its value on ``analysis``."""
        ...

    def deciding(self, analysis: Analysis, value: Truth) -> list[str]:
        """Sentences on the leaves that give it ``value`` on ``analysis``."""
        ...


def _verdict(analysis: Analysis, model: str) -> Verdict | None:
    if model == HUMANISES:
        return analysis.humanises
    return analysis.verdicts.get(model)


def _fit_words(analysis: Analysis, model: str) -> str:
    verdict = _verdict(analysis, model)
    if verdict is None:
        return f"{model}: no verdict (the model gave none)"
    return f"{model}: {verdict.fit.value}"


@attrs.frozen
class FitIs:
    """A verdict's fit compared with a fit, or with another verdict's: unknown when either is undetermined."""

    model: str
    op: str
    other: Fit | str  # a fit, or the id of another verdict

    def value(self, analysis: Analysis) -> Truth:
        """Whether the comparison holds; None when a side is undetermined or missing."""
        verdict = _verdict(analysis, self.model)
        if verdict is None or verdict.fit not in FIT_ORDER:
            return None
        if isinstance(self.other, Fit):
            right = self.other
        else:
            other = _verdict(analysis, self.other)
            if other is None or other.fit not in FIT_ORDER:
                return None
            right = other.fit
        return COMPARISONS[self.op](FIT_ORDER[verdict.fit], FIT_ORDER[right])

    def deciding(self, analysis: Analysis, value: Truth) -> list[str]:  # noqa: ARG002 - a leaf decides itself
        """The fits compared."""
        found = [_fit_words(analysis, self.model)]
        if not isinstance(self.other, Fit):
            found.append(_fit_words(analysis, self.other))
        return found

    def __str__(self) -> str:
        if self.model != HUMANISES and self.op == "=" and self.other is Fit.FITS:
            return self.model
        return f"{self.model} {self.op} {self.other}"  # a Fit is a StrEnum: it shows as its value


@attrs.frozen
class Humanises:
    """Whether it humanises, as the quadrants read it: the ``humanises`` verdict fits or partly fits."""

    def value(self, analysis: Analysis) -> Truth:
        """True for fits or partly, False for does not fit, None when undetermined."""
        return humanising_side(analysis.humanises)

    def deciding(self, analysis: Analysis, value: Truth) -> list[str]:  # noqa: ARG002 - a leaf decides itself
        """The humanising verdict's fit."""
        return [_fit_words(analysis, HUMANISES)]

    def __str__(self) -> str:
        return HUMANISES


@attrs.frozen
class AtStage:
    """Whether a verdict lists a stage (``user_led@design``): the stages at which it is user-led, co-produced, ...

    A stage the verdict lists is so; one it does not list is not so only where the verdict is
    settled (it does not fit, or it leaves no fact open); otherwise it is unknown.
    """

    model: str
    stage: Stage

    def value(self, analysis: Analysis) -> Truth:
        """True when listed; False when not listed and the verdict is settled; else None."""
        verdict = _verdict(analysis, self.model)
        if verdict is None:
            return None
        if self.stage in verdict.stages:
            return True
        if verdict.fit is Fit.DOES_NOT_FIT or (verdict.fit is not Fit.UNDETERMINED and not verdict.unknowns):
            return False
        return None

    def deciding(self, analysis: Analysis, value: Truth) -> list[str]:
        """The stages the verdict lists."""
        verdict = _verdict(analysis, self.model)
        if verdict is None:
            return [f"{self.model}: no verdict (the model gave none)"]
        listed = ", ".join(stage.value for stage in verdict.stages) or "none"
        open_ = " (its verdict leaves facts open)" if value is None else ""
        return [f"{self.model}: {verdict.fit.value}, at stages: {listed}{open_}"]

    def __str__(self) -> str:
        return f"{self.model}@{self.stage.value}"


@attrs.frozen
class CriterionMet:
    """Whether one criterion of a model's verdict is met: ``met(model, criterion)``."""

    model: str
    criterion: str

    def value(self, analysis: Analysis) -> Truth:
        """True for met, False for unmet, None for unknown (or no such verdict)."""
        verdict = _verdict(analysis, self.model)
        if verdict is None:
            return None
        try:
            status = verdict.criterion(self.criterion).status
        except KeyError:
            return None
        return {Status.MET: True, Status.UNMET: False}.get(status)

    def deciding(self, analysis: Analysis, value: Truth) -> list[str]:
        """The criterion's status."""
        if _verdict(analysis, self.model) is None:  # then its value is unknown
            return [f"{self.model}: no verdict (the model gave none)"]
        return [
            f"{self.model}, criterion {self.criterion}: {'met' if value else 'unmet' if value is False else 'unknown'}"
        ]

    def __str__(self) -> str:
        return f"met({self.model}, {self.criterion})"


class Achievement(enum.StrEnum):
    """Which narrowings ``equalises(kind, ...)`` counts: achieved (observed) results, or aims."""

    ACHIEVED = "achieved"
    AIM = "aim"


@attrs.frozen
class Equalises:
    """Whether it equalises a relationship: any, or one of a kind, as an achieved result or an aim.

    Bare ``equalises`` is the equalising side of the quadrants: something narrows (aim or
    observed) is true; nothing narrows and nothing is unknown (or only a bypass) is false.
    With ``achieved``, only observed narrowings count and one that is only an aim leaves it
    unknown (the aim may or may not have been reached); with ``aim``, only narrowings recorded
    as aims count (as ``humanising.equalises(initiative, claim="aim")``).
    """

    kind: RelationshipKind | None = None
    achievement: Achievement | None = None

    def _relationships(self, analysis: Analysis) -> list[tuple[Change, Claim]]:
        initiative = analysis.initiative
        return [
            (r.change, r.claim)
            for r in initiative.relationships
            if self.kind is None or relationship_kind(initiative, r) is self.kind
        ]

    def value(self, analysis: Analysis) -> Truth:
        """True when a counted narrowing is recorded; None when one may be; else False."""
        found = self._relationships(analysis)
        narrowed = [claim for change, claim in found if change is Change.NARROWS]
        open_ = any(change is Change.UNKNOWN for change, _ in found)
        if self.achievement is Achievement.ACHIEVED:
            if Claim.OBSERVED in narrowed:
                return True
            return None if narrowed or open_ else False
        if self.achievement is Achievement.AIM:
            narrowed = [claim for claim in narrowed if claim is Claim.AIM]
        if narrowed:
            return True
        return None if open_ else False

    def deciding(self, analysis: Analysis, value: Truth) -> list[str]:
        """The relationships it read, and what each does."""
        initiative = analysis.initiative
        chosen = [
            r for r in initiative.relationships if self.kind is None or relationship_kind(initiative, r) is self.kind
        ]
        if self.kind is None and self.achievement is None:
            head = f"equalising: {analysis.equalising.value}"
        else:
            head = f"{self}: {words(value)}"
        if not chosen:
            kind = "" if self.kind is None else f" between {self.kind.words}"
            return [f"{head} (no relationship{kind} is recorded)"]
        shown = "; ".join(
            f"{' and '.join(initiative.stakeholder(p).name for p in r.between)}: {r.change.value} ({r.claim.value})"
            for r in chosen
        )
        return [f"{head} ({shown})"]

    def __str__(self) -> str:
        args = [part.value for part in (self.kind, self.achievement) if part is not None]
        return "equalises" + (f"({', '.join(args)})" if args else "")


@attrs.frozen
class Predicate:
    """A claim's leaf written in Python: any function from an analysis to True, False or None."""

    text: str
    test: Callable[[Analysis], Truth] = attrs.field(eq=False)

    def value(self, analysis: Analysis) -> Truth:
        """What the function says; anything but True, False or None is an error."""
        found: object = self.test(analysis)  # checked: a user's function may return anything
        if found is not None and not isinstance(found, bool):
            raise TypeError(f"claim {self.text!r}: its predicate must return True, False or None, got {found!r}")
        return found

    def deciding(self, analysis: Analysis, value: Truth) -> list[str]:
        """Its value, and every verdict's fit (the function may read any of them)."""
        fits = ", ".join(f"{model}: {verdict.fit.value}" for model, verdict in analysis.verdicts.items())
        said = (
            f"{self.text}: {words(value)} (verdicts: {fits}; humanises: {analysis.humanises.fit.value}; "
            f"equalising: {analysis.equalising.value})"
        )
        return [said]

    def __str__(self) -> str:
        return self.text


@attrs.frozen
class Not:
    """``not x``: unknown stays unknown."""

    operand: Node

    def value(self, analysis: Analysis) -> Truth:
        """The negation of its operand's value."""
        found = self.operand.value(analysis)
        return None if found is None else not found

    def deciding(self, analysis: Analysis, value: Truth) -> list[str]:
        """Whatever decides its operand."""
        return self.operand.deciding(analysis, None if value is None else not value)

    def __str__(self) -> str:
        return f"not {_wrapped(self.operand)}"


@attrs.frozen
class And:
    """``a and b and ...``: false if one is false, else unknown if one is unknown, else true."""

    operands: tuple[Node, ...]

    def value(self, analysis: Analysis) -> Truth:
        """Kleene's conjunction."""
        return conjunction(operand.value(analysis) for operand in self.operands)

    def deciding(self, analysis: Analysis, value: Truth) -> list[str]:
        """The operands with the value the whole has (all of them when it is true)."""
        return _deciding(self.operands, analysis, value)

    def __str__(self) -> str:
        return " and ".join(_wrapped(operand, within=And) for operand in self.operands)


@attrs.frozen
class Or:
    """``a or b or ...``: true if one is true, else unknown if one is unknown, else false."""

    operands: tuple[Node, ...]

    def value(self, analysis: Analysis) -> Truth:
        """Kleene's disjunction."""
        return disjunction(operand.value(analysis) for operand in self.operands)

    def deciding(self, analysis: Analysis, value: Truth) -> list[str]:
        """The operands with the value the whole has (all of them when it is false)."""
        return _deciding(self.operands, analysis, value)

    def __str__(self) -> str:
        return " or ".join(_wrapped(operand, within=Or) for operand in self.operands)


@attrs.frozen
class Implies:
    """``a -> b``, that is ``not a or b``."""

    condition: Node
    consequence: Node

    def value(self, analysis: Analysis) -> Truth:
        """Kleene's implication."""
        return implication(self.condition.value(analysis), self.consequence.value(analysis))

    def deciding(self, analysis: Analysis, value: Truth) -> list[str]:
        """False: both sides; true: the false condition or the true consequence; unknown: the unknown sides."""
        condition = self.condition.value(analysis)
        consequence = self.consequence.value(analysis)
        decides = value is False or condition is (None if value is None else False)
        found = self.condition.deciding(analysis, condition) if decides else []
        if value is False or consequence is value:
            found += self.consequence.deciding(analysis, consequence)
        return found

    def __str__(self) -> str:
        return f"{_wrapped(self.condition, within=Or)} -> {self.consequence}"


def _wrapped(node: Node, *, within: type | None = None) -> str:
    bare = within is not None and isinstance(node, within)
    looser = isinstance(node, And | Or | Implies) and not (within is Or and isinstance(node, And))
    return f"({node})" if looser and not bare else str(node)


def _deciding(operands: tuple[Node, ...], analysis: Analysis, value: Truth) -> list[str]:
    # A true ``and`` (a false ``or``) has every operand of its own value, so all of them decide it.
    found: list[str] = []
    for operand in operands:
        if operand.value(analysis) is value:
            found += operand.deciding(analysis, value)
    return found


def negation(value: Truth) -> Truth:
    """Kleene's ``not``."""
    return None if value is None else not value


def conjunction(values: Iterable[Truth]) -> Truth:
    """Kleene's ``and`` of any number of values (true for none)."""
    result: Truth = True
    for value in values:
        if value is False:
            return False
        if value is None:
            result = None
    return result


def disjunction(values: Iterable[Truth]) -> Truth:
    """Kleene's ``or`` of any number of values (false for none)."""
    result: Truth = False
    for value in values:
        if value is True:
            return True
        if value is None:
            result = None
    return result


def implication(condition: Truth, consequence: Truth) -> Truth:
    """Kleene's ``->``: ``not condition or consequence``."""
    return disjunction((negation(condition), consequence))


def unique(reasons: Iterable[str]) -> tuple[str, ...]:
    """The reasons, each once, in order."""
    return tuple(dict.fromkeys(reasons))
