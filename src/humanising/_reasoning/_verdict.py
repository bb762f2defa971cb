"""Verdicts: how well a model fits an initiative, criterion by criterion.

A predicate collects every criterion's result (it never stops at the first
failure) and the fit follows from them: an unmet essential criterion means the
model does not fit; an unknown essential one leaves it undetermined; an unmet or
unknown qualifying criterion caps it at ``partly``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any, TypeAlias

import attrs

from humanising._facts import Stage
from humanising._reasoning._logic import Judgement


class Fit(enum.StrEnum):
    """How well a model fits an initiative.

    Example:
        >>> import humanising
        >>> humanising.classify(humanising.casebook.load("east-lille-7"))["user_led"].fit
        <Fit.PARTLY: 'partly'>
    """

    FITS = "fits"
    PARTLY = "partly"
    DOES_NOT_FIT = "does not fit"
    UNDETERMINED = "undetermined"


class Status(enum.StrEnum):
    """The result of one criterion.

    Example:
        >>> import humanising
        >>> verdict = humanising.classify(humanising.casebook.load("east-lille-6"))["coproduction"]
        >>> [result.status.value for result in verdict.criteria][-2:]
        ['unknown', 'unknown']
    """

    MET = "met"
    UNMET = "unmet"
    UNKNOWN = "unknown"


# Enum members are slow to look up on Python 3.11 (its EnumType defines __getattr__),
# so the ones used while judging are bound once here.
_DOES_NOT_FIT = Fit.DOES_NOT_FIT
_FITS = Fit.FITS
_PARTLY = Fit.PARTLY
_UNDETERMINED = Fit.UNDETERMINED
_MET = Status.MET
_UNKNOWN = Status.UNKNOWN
_UNMET = Status.UNMET
_STATUS = {True: _MET, False: _UNMET, None: _UNKNOWN}

Render: TypeAlias = Callable[..., str]
Facts: TypeAlias = tuple[str, ...] | Callable[[], tuple[str, ...]]

RawCriterion: TypeAlias = tuple[str, Status, bool, Render, tuple[Any, ...], Facts, tuple[str, ...]]
"""(id, status, essential, render, render arguments, facts looked at, unknown facts).

Predicates build these cheap tuples; a ``CriterionResult``, its sentence and the
list of facts it looked at are made only when someone reads ``Verdict.criteria``.
"""

RawNote: TypeAlias = tuple[Render, tuple[Any, ...]]
"""A note's renderer and its arguments: ``render(*args)`` writes it when read."""


def criterion(
    criterion_id: str,
    judgement: Judgement,
    render: Render,
    *args: Any,
    essential: bool = True,
    facts: Facts = (),
) -> RawCriterion:
    """Record one criterion's result, for a model's predicate to pass to ``Verdict.judge``.

    Results are cheap tuples: ``render(status, *args)`` writes the criterion's
    sentence only when someone reads ``Verdict.criteria``, and ``facts`` may be a
    function, so that the fact paths too are only worked out when read.

    Args:
        criterion_id: The criterion's stable id, e.g. ``peers_deliver``.
        judgement: ``(True, ())`` met, ``(False, ())`` unmet, or ``(None, paths)``
            unknown, naming the unknown facts that would settle it.
        render: Writes the reason from the status and ``args``.
        *args: Passed to ``render`` after the status.
        essential: Essential (unmet: does not fit) or qualifying (unmet: at most partly).
        facts: Paths of the facts the criterion looked at, or a function returning them.

    Returns:
        The raw result ``Verdict.judge`` takes.

    Example:
        >>> from humanising import Verdict, criterion
        >>> def reason(status, who):
        ...     return f"{who} deliver the groups." if status.value == "met" else f"{who} do not."
        >>> verdict = Verdict.judge("peer_delivered", (criterion("peers_deliver", (True, ()), reason, "Peers"),))
        >>> verdict.fit.value, verdict.criteria[0].reason
        ('fits', 'Peers deliver the groups.')
    """
    value, unknowns = judgement
    return (criterion_id, _STATUS[value], essential, render, args, facts, unknowns)


@attrs.frozen
class CriterionResult:
    """The result of one criterion of a model.

    Attributes:
        id: A stable code, e.g. ``doing_with``; part of the API.
        status: Met, unmet or unknown.
        essential: Essential (unmet: does not fit) or qualifying (unmet: at most partly).
        reason: A sentence a person can read; its wording is not part of the API.
        facts: Paths of the facts the criterion looked at that decided it.
        unknowns: Paths of the unknown facts that would settle it (empty unless unknown).

    Example:
        >>> import humanising
        >>> verdict = humanising.classify(humanising.casebook.load("east-lille-4"))["coproduction"]
        >>> result = verdict.criterion("produces")
        >>> result.status.value, result.essential
        ('unmet', True)
    """

    id: str
    status: Status
    essential: bool
    reason: str
    facts: tuple[str, ...] = ()
    unknowns: tuple[str, ...] = ()


def fit_of(results: Iterable[RawCriterion]) -> Fit:
    """The fit that criterion results add up to."""
    fit = _FITS
    for result in results:
        status = result[1]
        if status is _MET:
            continue
        if result[2]:
            if status is _UNMET:
                return _DOES_NOT_FIT
            fit = _UNDETERMINED
        elif fit is _FITS:
            fit = _PARTLY
    return fit


@attrs.frozen(eq=False)
class Verdict:
    """A model's verdict on an initiative, with every criterion and its reason.

    Two verdicts are equal when they say the same: same model, fit and stages, and
    the same criteria, reasons, facts and notes once written out.

    Attributes:
        model: The model's id, e.g. ``user_led``.
        fit: How well it fits.
        stages: The stages the verdict singles out (for ``user_led``, the stages at
            which the initiative is user-led); empty for most models.

    Example:
        >>> import humanising
        >>> verdict = humanising.classify(humanising.casebook.load("sleepwell"))["evidence_based_practice"]
        >>> verdict.fit
        <Fit.FITS: 'fits'>
        >>> [result.status.value for result in verdict.criteria]
        ['met', 'met', 'met', 'met']
    """

    model: str
    fit: Fit
    raw: tuple[RawCriterion, ...] = attrs.field(repr=False)
    stages: tuple[Stage, ...] = ()
    raw_notes: tuple[RawNote, ...] = attrs.field(default=(), repr=False)

    @classmethod
    def judge(
        cls,
        model: str,
        results: tuple[RawCriterion, ...],
        *,
        stages: tuple[Stage, ...] = (),
        notes: tuple[RawNote | str, ...] = (),
    ) -> Verdict:
        """Build a verdict from criterion results, working out the fit.

        Args:
            model: The model's id.
            results: One result per criterion, as ``criterion()`` makes them.
            stages: Stages the verdict singles out.
            notes: Further sentences, or ``(render, args)`` pairs that write them when read.
        """
        raw_notes: tuple[RawNote, ...] = (
            tuple((_same, (note,)) if isinstance(note, str) else note for note in notes) if notes else ()
        )
        return cls(model, fit_of(results), results, stages, raw_notes)

    @cached_property
    def criteria(self) -> tuple[CriterionResult, ...]:
        """Every criterion's result, essential ones first as the model lists them."""
        return tuple(
            CriterionResult(
                criterion_id, status, essential, render(status, *args), facts() if callable(facts) else facts, unknowns
            )
            for criterion_id, status, essential, render, args, facts, unknowns in self.raw
        )

    @cached_property
    def notes(self) -> tuple[str, ...]:
        """Further sentences, e.g. whether co-production reaches the gold standard."""
        return tuple(render(*args) for render, args in self.raw_notes)

    def criterion(self, criterion_id: str) -> CriterionResult:
        """The result of one criterion, by id.

        Raises:
            KeyError: The model has no such criterion.
        """
        for result in self.criteria:
            if result.id == criterion_id:
                return result
        raise KeyError(criterion_id)

    @property
    def unknowns(self) -> tuple[str, ...]:
        """Paths of the unknown facts that would settle the open criteria, sorted."""
        return tuple(sorted({path for *_, unknowns in self.raw for path in unknowns}))

    @property
    def reasons(self) -> tuple[str, ...]:
        """The reason sentences of every criterion, then the notes."""
        return (*(result.reason for result in self.criteria), *self.notes)

    def _key(self) -> tuple[object, ...]:
        return (self.model, self.fit, self.stages, self.criteria, self.notes)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Verdict):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


def _same(note: str) -> str:
    return note
