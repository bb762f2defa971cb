"""A verdict's deciding criteria, and the weakest basis of their evidence."""

from __future__ import annotations

from hypothesis import given

import humanising
from humanising import Basis, Fit, Initiative, Status
from humanising import strategies as hst


@given(hst.initiatives())
def test_the_deciding_criteria_are_those_the_fit_follows_from(initiative: Initiative) -> None:
    for verdict in humanising.classify(initiative).values():
        deciding = verdict.deciding
        assert deciding, verdict.model  # every fit has its cause
        statuses = {result.status for result in deciding}
        if verdict.fit is Fit.FITS:
            assert deciding == verdict.criteria
        elif verdict.fit is Fit.DOES_NOT_FIT:
            assert statuses == {Status.UNMET}
            assert all(result.essential for result in deciding)
        elif verdict.fit is Fit.UNDETERMINED:
            assert statuses == {Status.UNKNOWN}
            assert all(result.essential for result in deciding)
        else:
            assert Status.MET not in statuses
            assert not any(result.essential for result in deciding)
        # Leaving out every deciding criterion would change the fit: each one is a cause.
        rest = [result for result in verdict.criteria if result not in deciding]
        if verdict.fit is not Fit.FITS:
            assert humanising.Verdict(verdict.model, rest).fit is not verdict.fit


@given(hst.initiatives())
def test_a_verdicts_basis_is_the_weakest_among_its_deciding_evidence(initiative: Initiative) -> None:
    for verdict in humanising.classify(initiative).values():
        bases = [
            item.basis
            for result in verdict.deciding
            for item in result.evidence
            if item.is_known and item.basis is not None
        ]
        if not bases:
            assert verdict.basis is None
            continue
        assert verdict.basis in bases
        weakest = verdict.basis
        assert weakest is not None
        assert all(basis.weakness <= weakest.weakness for basis in bases)


def test_east_lille_7_is_user_led_in_part_on_an_informal_report() -> None:
    verdict = humanising.classify(humanising.casebook.load("east-lille-7"))["user_led"]
    assert (verdict.fit, [result.id for result in verdict.deciding]) == (Fit.PARTLY, ["led_design"])
    assert verdict.basis is Basis.INFORMAL
    assert verdict.to_dict()["basis"] == "informal"
    assert verdict.to_dict()["deciding"] == ["led_design"]
