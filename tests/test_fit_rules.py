"""The rule every verdict's fit follows, stated on its own terms and checked for every combination of statuses.

A criterion is met, unmet or unknown, and essential or qualifying. The four fits are defined
by what the criteria say, not by the order in which the code looks at them:

- does not fit: some essential criterion is unmet;
- undetermined: no essential criterion is unmet and some essential criterion is unknown;
- partly: every essential criterion is met and some qualifying one is not (unmet or unknown);
- fits: every criterion is met.

These tests build verdicts through both public routes (``Verdict.judge`` with raw results
from ``criterion``, and ``Verdict`` with written ``CriterionResult`` values), so the models'
own verdicts, which go through the same routes, follow the rule whatever criteria they produce.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from humanising import CriterionResult, Fit, ProductFit, Status, Verdict, criterion
from humanising.exceptions import InvalidVerdictError

Outcome = tuple[Status, bool]
"""A criterion's status, and whether it is essential."""

_JUDGEMENT = {Status.MET: (True, ()), Status.UNMET: (False, ()), Status.UNKNOWN: (None, ())}


def _the_rule(outcomes: Sequence[Outcome]) -> Fit:
    """The fit the four definitions give, each read off the criteria as a whole."""
    essential = [status for status, is_essential in outcomes if is_essential]
    qualifying = [status for status, is_essential in outcomes if not is_essential]
    if Status.UNMET in essential:
        return Fit.DOES_NOT_FIT
    if Status.UNKNOWN in essential:
        return Fit.UNDETERMINED
    if all(status is Status.MET for status in qualifying):
        return Fit.FITS
    return Fit.PARTLY


def _reason(status: Status) -> str:
    return f"The criterion is {status.value}."


def _judged(outcomes: Sequence[Outcome]) -> Verdict:
    raw = tuple(
        criterion(f"c{n}", _JUDGEMENT[status], _reason, essential=essential)
        for n, (status, essential) in enumerate(outcomes)
    )
    return Verdict.judge("any_model", raw)


def _written(outcomes: Sequence[Outcome]) -> Verdict:
    results = [
        CriterionResult(f"c{n}", status, essential, _reason(status)) for n, (status, essential) in enumerate(outcomes)
    ]
    return Verdict("any_model", results)


_OUTCOMES = [(status, essential) for status in Status for essential in (True, False)]


@pytest.mark.parametrize("length", range(5))
def test_every_combination_of_up_to_four_criteria_follows_the_rule(length: int) -> None:
    """Each of the 6**length lists of (status, essential) outcomes gets the rule's fit, by both routes."""
    for outcomes in itertools.product(_OUTCOMES, repeat=length):
        expected = _the_rule(outcomes)
        assert _judged(outcomes).fit is expected, outcomes
        assert _written(outcomes).fit is expected, outcomes


_LISTS = st.sets(st.sampled_from(Status), min_size=1).flatmap(
    lambda statuses: st.lists(st.tuples(st.sampled_from(sorted(statuses)), st.booleans()), max_size=12)
)
"""Outcomes over a random subset of the statuses, so that lists with only some of them (all met,
none unmet) are common rather than rare."""


@given(_LISTS)
def test_a_verdict_does_not_fit_exactly_when_an_essential_criterion_is_unmet(outcomes: list[Outcome]) -> None:
    """Does not fit, exactly when some essential criterion is unmet, whatever else the criteria say."""
    unmet = (Status.UNMET, True) in outcomes
    event(f"an essential criterion unmet: {unmet}")
    assert (_judged(outcomes).fit is Fit.DOES_NOT_FIT) == unmet


@given(_LISTS)
def test_a_verdict_is_undetermined_exactly_when_an_essential_is_unknown_and_none_unmet(outcomes: list[Outcome]) -> None:
    """Undetermined, exactly when no essential criterion is unmet and some essential one is unknown."""
    undetermined = (Status.UNKNOWN, True) in outcomes and (Status.UNMET, True) not in outcomes
    event(f"essential unknown, none unmet: {undetermined}")
    assert (_judged(outcomes).fit is Fit.UNDETERMINED) == undetermined


@given(_LISTS)
def test_a_verdict_fits_partly_exactly_when_the_essentials_hold_and_a_qualifier_does_not(
    outcomes: list[Outcome],
) -> None:
    """Partly, exactly when every essential criterion is met and some qualifying one is unmet or unknown."""
    essentials_met = all(status is Status.MET for status, essential in outcomes if essential)
    qualifier_open = any(status is not Status.MET for status, essential in outcomes if not essential)
    event(f"essentials met, a qualifier not: {essentials_met and qualifier_open}")
    assert (_judged(outcomes).fit is Fit.PARTLY) == (essentials_met and qualifier_open)


@given(_LISTS)
def test_a_verdict_fits_exactly_when_every_criterion_is_met(outcomes: list[Outcome]) -> None:
    """Fits, exactly when every criterion, essential or qualifying, is met (and so with no criteria at all)."""
    every = all(status is Status.MET for status, _ in outcomes)
    event(f"every criterion met: {every}")
    assert (_judged(outcomes).fit is Fit.FITS) == every
    assert _written(outcomes).fit is _judged(outcomes).fit


@given(_LISTS, st.sampled_from(Fit))
def test_a_verdict_refuses_a_fit_its_criteria_do_not_add_up_to(outcomes: list[Outcome], claimed: Fit) -> None:
    """A fit given with the criteria is accepted exactly when it is the rule's fit."""
    results = [CriterionResult(f"c{n}", s, e, _reason(s)) for n, (s, e) in enumerate(outcomes)]
    event(f"claimed fit is the rule's: {claimed is _the_rule(outcomes)}")
    if claimed is _the_rule(outcomes):
        assert Verdict("any_model", results, fit=claimed).fit is claimed
    else:
        with pytest.raises(InvalidVerdictError, match="the fit follows from them"):
            Verdict("any_model", results, fit=claimed)


_BEST_FIRST = (Fit.FITS, Fit.PARTLY, Fit.UNDETERMINED, Fit.DOES_NOT_FIT)


@given(st.lists(st.sampled_from(Fit), min_size=1, max_size=6))
def test_a_verdict_judged_by_product_takes_the_best_products_fit(fits: list[Fit]) -> None:
    """Judged by product, a verdict's fit is its best product's: fits, partly, undetermined, does not fit."""
    best = next(fit for fit in _BEST_FIRST if fit in fits)
    products = [ProductFit(f"p{n}", f"product {n}", fit) for n, fit in enumerate(fits)]
    deciding = next(p for p in products if p.fit is best)
    outcomes = {
        Fit.FITS: [],
        Fit.PARTLY: [(Status.UNMET, False)],
        Fit.UNDETERMINED: [(Status.UNKNOWN, True)],
        Fit.DOES_NOT_FIT: [(Status.UNMET, True)],
    }[best]
    results = [CriterionResult(f"c{n}", s, e, _reason(s)) for n, (s, e) in enumerate(outcomes)]
    verdict = Verdict("any_model", results, by_product=products, product=deciding.product)
    assert verdict.fit is best
    for worse in _BEST_FIRST[_BEST_FIRST.index(best) + 1 :]:
        wrong = {Fit.PARTLY: [(Status.UNMET, False)], Fit.UNDETERMINED: [(Status.UNKNOWN, True)]}.get(
            worse, [(Status.UNMET, True)]
        )
        with pytest.raises(InvalidVerdictError, match="products' fits add up to"):
            Verdict(
                "any_model",
                [CriterionResult(f"c{n}", s, e, _reason(s)) for n, (s, e) in enumerate(wrong)],
                by_product=products,
                product=deciding.product,
            )
