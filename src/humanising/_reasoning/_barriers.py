"""Institutional barriers to transformative co-production.

The essay on Cahn names four legacies of the old institutions that blunt
co-production in mainstream mental-health services: resistance to change,
restrictive procedure and professional practice, avoidance of challenge and
emotional expression, and the demand to conform (which includes co-option into
standard procedure). They are looked for only where co-production was attempted
in or with a mainstream service; elsewhere every barrier is "not assessed", with
the fact that puts it out of scope. One fact that shows a barrier makes it
"indicated", two or more make it "present", and a barrier the initiative met and
worked through or went around is told apart from one that co-opts it. Where none
of the facts that would show it has been observed, the finding is "not
assessed", never a silent "not found".
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from humanising._facts import GoalSetter, Initiative, RoleDifferentiation
from humanising._facts._paths import FactPath
from humanising._facts._unknown import UNKNOWN, Fact
from humanising._facts._vocabulary import Barrier, BarrierOutcome
from humanising.exceptions import NotAnInitiativeError


class Finding(enum.StrEnum):
    """What the facts show of a barrier.

    Example:
        >>> import humanising
        >>> sorted({f.status.value for f in barriers(humanising.casebook.load("illustrative-coopted-recovery"))})
        ['indicated', 'present']
    """

    PRESENT = "present"
    """Two or more facts show it: it co-opts the initiative."""
    INDICATED = "indicated"
    """One fact shows it: a sign, not yet a finding that it is present."""
    OVERCOME = "met and overcome"
    """The initiative met it and worked it through (``Observations.barriers_met``)."""
    BYPASSED = "met and bypassed"
    """The initiative met it and went ahead without those who raised it."""
    NOT_FOUND = "not found"
    NOT_ASSESSED = "not assessed"


@attrs.frozen
class BarrierFinding:
    """One barrier, what the facts show of it, and which facts decided it.

    Attributes:
        barrier: The barrier.
        status: Present, indicated, met and overcome, met and bypassed, not found, or not assessed.
        reason: A sentence a person can read.
        facts: Paths of the facts that decided the finding (those that show it and, when it was
            met and overcome or bypassed, the record of that; every indicator, when not found;
            the fact that puts the initiative out of the essay's scope, when that is why it is
            not assessed).
        unknowns: Paths of the indicators not yet observed.

    Example:
        >>> import humanising
        >>> finding = barriers(humanising.casebook.load("illustrative-coopted-recovery"))[2]
        >>> finding.barrier.value, finding.status.value, [str(path) for path in finding.facts]
        ('avoidance_of_challenge', 'indicated', ['observations.dissent'])
    """

    barrier: Barrier
    status: Finding
    reason: str
    facts: tuple[FactPath, ...] = ()
    unknowns: tuple[FactPath, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The finding as plain data, as the JSON report writes it (fact paths as text)."""
        return {
            "barrier": self.barrier.value,
            "status": self.status.value,
            "reason": self.reason,
            "facts": [str(path) for path in self.facts],
            "unknowns": [str(path) for path in self.unknowns],
        }


@attrs.frozen
class _Indicator:
    path: FactPath
    shows: str  # what a present indicator shows, as a clause
    absent: str  # what an observed-absent indicator shows
    read: Callable[[Initiative], Fact[Any]]
    present: Callable[[Any], bool]
    addition: str = ""  # where the library's own indicator comes from; empty for the essay's own


_ADDED = " (an indicator the library adds)"


def _observation(name: str) -> Callable[[Initiative], Fact[Any]]:
    return lambda initiative: getattr(initiative.observations, name)


_NAMES = {
    Barrier.INSTITUTIONAL_RESISTANCE: "Institutional resistance to change",
    Barrier.RESTRICTIVE_PRACTICE: "Restrictive administrative procedure and professional practice",
    Barrier.AVOIDANCE_OF_CHALLENGE: "Avoidance of challenge and emotional expression",
    Barrier.DEMAND_TO_CONFORM: "The demand to conform to institutional rules and norms",
}

_INDICATORS: dict[Barrier, tuple[_Indicator, ...]] = {
    Barrier.INSTITUTIONAL_RESISTANCE: (
        _Indicator(
            FactPath("observations", "agenda_set_by"),
            "clinical or organisational goals drive the agenda",
            "the agenda is not the institution's",
            _observation("agenda_set_by"),
            lambda value: value.value == "institution",
        ),
        _Indicator(
            FactPath("observations", "change_superficial"),
            "change stays superficial or short-term",
            "change is not merely superficial",
            _observation("change_superficial"),
            lambda value: value is True,
        ),
        _Indicator(
            FactPath("observations", "user_organisations_excluded"),
            "organisations run by service users are kept out",
            "user-run organisations are not kept out",
            _observation("user_organisations_excluded"),
            lambda value: value is True,
        ),
    ),
    Barrier.RESTRICTIVE_PRACTICE: (
        _Indicator(
            FactPath("observations", "judged_by_category"),
            "people are judged by diagnosis, history or administrative category",
            "people are not judged by category",
            _observation("judged_by_category"),
            lambda value: value is True,
        ),
        _Indicator(
            FactPath("role_differentiation"),
            "professional roles stay fixed (role differentiation kept)",
            "professional roles do not stay fixed",
            lambda initiative: initiative.role_differentiation,
            lambda value: value is RoleDifferentiation.KEPT,
        ),
        _Indicator(
            FactPath("observations", "risk_aversion"),
            "risk aversion shapes what is allowed",
            "risk aversion does not rule",
            _observation("risk_aversion"),
            lambda value: value is True,
        ),
        _Indicator(
            FactPath("compulsion"),
            "compulsion remains",
            "there is no compulsion",
            lambda initiative: initiative.compulsion,
            lambda value: value is True,
            "the essay's remarks on compulsion under the Mental Health Act, not its list of barriers",
        ),
    ),
    Barrier.AVOIDANCE_OF_CHALLENGE: (
        _Indicator(
            FactPath("observations", "dissent"),
            "criticism and anger are marginalised, pathologised or rephrased by professionals",
            "challenge and dissent are heard",
            _observation("dissent"),
            lambda value: value.value != "heard",
        ),
    ),
    Barrier.DEMAND_TO_CONFORM: (
        _Indicator(
            FactPath("observations", "conformity_demanded"),
            "service users must keep institutional rules of behaviour and language to be accepted",
            "no 'obedient patient' role is demanded",
            _observation("conformity_demanded"),
            lambda value: value is True,
        ),
        _Indicator(
            FactPath("observations", "absorbed_into_procedure"),
            "co-production is co-opted into standard administrative or decision-making procedure",
            "it is not absorbed into standard procedure",
            _observation("absorbed_into_procedure"),
            lambda value: value is True,
        ),
        _Indicator(
            FactPath("observations", "goals_set_by"),
            "professionals set people's goals for them",
            "people's goals are not set for them by professionals",
            _observation("goals_set_by"),
            lambda value: value is GoalSetter.PROFESSIONALS,
            "Basaglia's 'preconceived therapeutic objectives' (paper, section 5), not the essay",
        ),
    ),
}


_ATTEMPTED = FactPath("observations", "coproduction_attempted")
_MAINSTREAM = FactPath("observations", "mainstream_service")
_SCOPE = "the essay's barriers are those met by co-production attempted in mainstream mental-health services"


def _scope(initiative: Initiative) -> tuple[str, tuple[FactPath, ...], tuple[FactPath, ...]] | None:
    """Why the initiative is outside the essay's scope, or not known to be in it: (why, facts, unknowns).

    None when co-production was attempted in or with a mainstream service.
    """
    attempted = initiative.observations.coproduction_attempted
    mainstream = initiative.observations.mainstream_service
    if attempted.value is False:
        return (f"{_SCOPE}, and co-production was never attempted here{attempted.hedge}", (_ATTEMPTED,), ())
    if mainstream.value is False:
        return (
            f"{_SCOPE}, and the co-production attempted is not in or with a mainstream service{mainstream.hedge}",
            (_MAINSTREAM,),
            (),
        )
    questions = ((_ATTEMPTED, attempted, "co-production was attempted"), (_MAINSTREAM, mainstream, _IN_MAINSTREAM))
    unsaid = [(path, clause) for path, fact, clause in questions if not fact.is_known]
    if unsaid:
        unknown = tuple(path for path, _ in unsaid)
        observed = tuple(path for path in (_ATTEMPTED, _MAINSTREAM) if path not in unknown)
        return (f"{_SCOPE}, and {_unsaid(unsaid)}", observed, unknown)
    return None


_IN_MAINSTREAM = "the co-production attempted is in or with a mainstream service"


def _unsaid(clauses: Sequence[tuple[FactPath, str]]) -> str:
    """What the case file does not say, each with the field that would say it."""
    parts = [f"whether {clause} (field: {path})" for path, clause in clauses]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " or " + parts[-1]
    return f"the case file does not say {listed}"


def _shown(
    initiative: Initiative, barrier: Barrier
) -> tuple[list[tuple[FactPath, str]], list[tuple[FactPath, str]], list[tuple[FactPath, str]]]:
    shown: list[tuple[FactPath, str]] = []
    absent: list[tuple[FactPath, str]] = []
    unknown: list[tuple[FactPath, str]] = []
    for indicator in _INDICATORS[barrier]:
        fact = indicator.read(initiative)
        if fact.value is UNKNOWN:
            unknown.append((indicator.path, indicator.shows))
        elif indicator.present(fact.value):
            shown.append((indicator.path, indicator.shows + fact.hedge + (_ADDED if indicator.addition else "")))
        else:
            absent.append((indicator.path, indicator.absent + fact.hedge))
    if barrier is Barrier.INSTITUTIONAL_RESISTANCE:
        # A co-production partnership the services would not enter: the paper's fact (MHF Wales),
        # filed by the library under resistance.
        names = {s.id: s.name for s in initiative.stakeholders}
        shown.extend(
            (
                FactPath.failed_partnership(failed.partner),
                (
                    f"a partnership with {names[failed.partner]} was refused or could not be established: "
                    f"{failed.why}{failed.basis.hedge}{_ADDED}"
                ),
            )
            for failed in sorted(initiative.failed_partnerships, key=lambda failed: failed.partner)
        )
    return shown, absent, unknown


def _finding(initiative: Initiative, barrier: Barrier) -> BarrierFinding:
    name = _NAMES[barrier]
    scope = _scope(initiative)
    if scope is not None:
        why, facts, unknowns = scope
        return BarrierFinding(barrier, Finding.NOT_ASSESSED, f"{name} is not assessed: {why}.", facts, unknowns)
    shown, absent, unsaid = _shown(initiative, barrier)
    unknown = [path for path, _ in unsaid]
    met = [
        (FactPath("observations", "barriers_met", index), record)
        for index, record in enumerate(initiative.observations.barriers_met)
        if record.barrier is barrier
    ]
    if met:
        bypassed = all(record.outcome is BarrierOutcome.BYPASSED for _, record in met)
        status = Finding.BYPASSED if bypassed else Finding.OVERCOME
        clauses = [clause for _, clause in shown] + [
            f"{record.outcome.words}: {record.how}{record.basis.hedge}" for _, record in met
        ]
        return BarrierFinding(
            barrier,
            status,
            f"{name} was {status.value}, and did not co-opt the initiative: " + "; ".join(clauses) + ".",
            tuple(path for path, _ in shown) + tuple(path for path, _ in met),
            tuple(unknown),
        )
    if len(shown) >= 2:
        return BarrierFinding(
            barrier,
            Finding.PRESENT,
            f"{name} is present: " + "; ".join(clause for _, clause in shown) + ".",
            tuple(path for path, _ in shown),
            tuple(unknown),
        )
    if shown:
        ((path, clause),) = shown
        return BarrierFinding(
            barrier,
            Finding.INDICATED,
            f"{name} is indicated, by one fact only: {clause}" + (f"; {_unsaid(unsaid)}." if unsaid else "."),
            (path,),
            tuple(unknown),
        )
    if not unknown:
        return BarrierFinding(
            barrier,
            Finding.NOT_FOUND,
            f"{name} is not found: " + "; ".join(clause for _, clause in absent) + ".",
            tuple(path for path, _ in absent),
        )
    observed = f"; it does say that {'; '.join(clause for _, clause in absent)}" if absent else ""
    return BarrierFinding(
        barrier,
        Finding.NOT_ASSESSED,
        f"{name} is not assessed: {_unsaid(unsaid)}{observed}.",
        tuple(path for path, _ in absent),
        tuple(unknown),
    )


def barriers(initiative: Initiative) -> tuple[BarrierFinding, ...]:
    """Look for each of the four institutional barriers in an initiative's facts.

    The essay's barriers are those met by co-production attempted in mainstream
    mental-health services, so they are assessed only where
    ``observations.coproduction_attempted`` and ``observations.mainstream_service``
    are both true; otherwise every finding is ``not assessed``, citing the fact that
    rules it out (or naming the unknown one). In scope, a barrier the initiative met
    and worked through or went around (``observations.barriers_met``) is ``met and
    overcome`` or ``met and bypassed``; else it is ``present`` when two or more facts
    show it, ``indicated`` when one does, ``not found`` when every fact that could
    show it has been observed and none does, and ``not assessed`` otherwise, naming
    the facts still to observe.

    Args:
        initiative: The initiative.

    Returns:
        One finding per barrier, in the order ``Barrier`` lists them.

    Example:
        >>> import humanising
        >>> [f.status.value for f in barriers(humanising.casebook.load("mhf-wales"))][0]
        'met and bypassed'
    """
    if not isinstance(initiative, Initiative):
        raise NotAnInitiativeError("barriers", initiative)
    return tuple(_finding(initiative, barrier) for barrier in Barrier)
