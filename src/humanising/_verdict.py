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
from humanising._index import Judgement


class Fit(enum.StrEnum):
    """How well a model fits an initiative."""

    FITS = "fits"
    PARTLY = "partly"
    DOES_NOT_FIT = "does not fit"
    UNDETERMINED = "undetermined"


class Status(enum.StrEnum):
    """The result of one criterion."""

    MET = "met"
    UNMET = "unmet"
    UNKNOWN = "unknown"


_STATUS = {True: Status.MET, False: Status.UNMET, None: Status.UNKNOWN}

Render: TypeAlias = Callable[..., str]

RawCriterion: TypeAlias = tuple[str, Status, bool, Render, tuple[Any, ...], tuple[str, ...], tuple[str, ...]]
"""(id, status, essential, render, render arguments, facts looked at, unknown facts).

Predicates build these cheap tuples; a ``CriterionResult`` and its sentence are
made only when someone reads ``Verdict.criteria``.
"""


def criterion(
    criterion_id: str,
    judgement: Judgement,
    render: Render,
    *args: Any,
    essential: bool = True,
    facts: tuple[str, ...] = (),
) -> RawCriterion:
    """Record one criterion's result; ``render(status, *args)`` writes its sentence when read."""
    value, unknowns = judgement
    return (criterion_id, _STATUS[value], essential, render, args, facts, unknowns)


@attrs.frozen
class CriterionResult:
    """The result of one criterion of a model.

    Attributes:
        id: A stable code, e.g. ``coproduction.doing_with``; part of the API.
        status: Met, unmet or unknown.
        essential: Essential (unmet: does not fit) or qualifying (unmet: at most partly).
        reason: A sentence a person can read; its wording is not part of the API.
        facts: Paths of the facts the criterion looked at that decided it.
        unknowns: Paths of the unknown facts that would settle it (empty unless unknown).
    """

    id: str
    status: Status
    essential: bool
    reason: str
    facts: tuple[str, ...] = ()
    unknowns: tuple[str, ...] = ()


def _fit_of(results: Iterable[RawCriterion]) -> Fit:
    fit = Fit.FITS
    for _id, status, essential, *_ in results:
        if status is Status.MET:
            continue
        if essential:
            if status is Status.UNMET:
                return Fit.DOES_NOT_FIT
            fit = Fit.UNDETERMINED
        elif fit is Fit.FITS:
            fit = Fit.PARTLY
    return fit


@attrs.frozen
class Verdict:
    """A model's verdict on an initiative, with every criterion and its reason.

    Attributes:
        model: The model's id, e.g. ``user_led``.
        fit: How well it fits.
        stages: The stages the verdict singles out (for ``user_led``, the stages at
            which the initiative is user-led); empty for most models.
        notes: Further sentences, e.g. whether co-production reaches the gold standard.

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
    notes: tuple[str, ...] = ()

    @classmethod
    def judge(
        cls,
        model: str,
        results: tuple[RawCriterion, ...],
        *,
        stages: tuple[Stage, ...] = (),
        notes: tuple[str, ...] = (),
    ) -> Verdict:
        """Build a verdict from criterion results, working out the fit."""
        return cls(model, _fit_of(results), results, stages, notes)

    @cached_property
    def criteria(self) -> tuple[CriterionResult, ...]:
        """Every criterion's result, essential ones first as the model lists them."""
        return tuple(
            CriterionResult(criterion_id, status, essential, render(status, *args), facts, unknowns)
            for criterion_id, status, essential, render, args, facts, unknowns in self.raw
        )

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
