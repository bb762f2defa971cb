"""Institutional barriers to transformative co-production.

The essay on Cahn names four legacies of the old institutions that blunt
co-production in mainstream mental-health services: resistance to change
(including co-option), restrictive procedure and professional practice,
avoidance of challenge and emotional expression, and the demand to conform. Each
is looked for in an initiative's facts; where none of the facts that would show
it has been observed, the finding is "not assessed", never a silent "not found".
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import attrs

from humanising._facts import GoalSetter, Initiative, RoleDifferentiation
from humanising._facts._paths import FactPath
from humanising._facts._unknown import UNKNOWN, Fact
from humanising.exceptions import NotAnInitiativeError


class Barrier(enum.StrEnum):
    """A legacy of the old institutions that can co-opt co-production.

    Example:
        >>> [barrier.value for barrier in Barrier][:2]
        ['institutional_resistance', 'restrictive_practice']
    """

    INSTITUTIONAL_RESISTANCE = "institutional_resistance"
    RESTRICTIVE_PRACTICE = "restrictive_practice"
    AVOIDANCE_OF_CHALLENGE = "avoidance_of_challenge"
    DEMAND_TO_CONFORM = "demand_to_conform"


class Finding(enum.StrEnum):
    """What the facts show of a barrier.

    Example:
        >>> import humanising
        >>> sorted({f.status.value for f in barriers(humanising.casebook.load("east-lille-2"))})
        ['not assessed', 'present']
    """

    PRESENT = "present"
    NOT_FOUND = "not found"
    NOT_ASSESSED = "not assessed"


@attrs.frozen
class BarrierFinding:
    """One barrier, what the facts show of it, and which facts decided it.

    Attributes:
        barrier: The barrier.
        status: Present, not found, or not assessed.
        reason: A sentence a person can read.
        facts: Paths of the facts that decided the finding (those that show it, when present;
            every indicator, when not found).
        unknowns: Paths of the indicators not yet observed.

    Example:
        >>> import humanising
        >>> finding = barriers(humanising.casebook.load("east-lille-2"))[1]
        >>> finding.barrier.value, finding.status.value, [str(path) for path in finding.facts]
        ('restrictive_practice', 'present', ['compulsion'])
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
        _Indicator(
            FactPath("observations", "absorbed_into_procedure"),
            "co-production is absorbed into standard procedure",
            "it is not absorbed into standard procedure",
            _observation("absorbed_into_procedure"),
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
            FactPath("observations", "goals_set_by"),
            "professionals set people's goals for them",
            "people's goals are not set for them by professionals",
            _observation("goals_set_by"),
            lambda value: value is GoalSetter.PROFESSIONALS,
        ),
    ),
}


def _finding(initiative: Initiative, barrier: Barrier) -> BarrierFinding:
    shown: list[tuple[FactPath, str]] = []
    absent: list[tuple[FactPath, str]] = []
    unknown: list[FactPath] = []
    for indicator in _INDICATORS[barrier]:
        fact = indicator.read(initiative)
        if fact.value is UNKNOWN:
            unknown.append(indicator.path)
        elif indicator.present(fact.value):
            shown.append((indicator.path, indicator.shows + fact.hedge))
        else:
            absent.append((indicator.path, indicator.absent + fact.hedge))
    extra: list[tuple[FactPath, str]] = []
    if barrier is Barrier.INSTITUTIONAL_RESISTANCE:
        # A partnership the services would not enter is resistance the paper itself reports (MHF Wales).
        names = {s.id: s.name for s in initiative.stakeholders}
        extra = [
            (
                FactPath.failed_partnership(failed.partner),
                (
                    f"a partnership with {names[failed.partner]} was refused or could not be established: "
                    f"{failed.why}{failed.basis.hedge}"
                ),
            )
            for failed in sorted(initiative.failed_partnerships, key=lambda failed: failed.partner)
        ]
    shown.extend(extra)
    name = _NAMES[barrier]
    if shown:
        return BarrierFinding(
            barrier,
            Finding.PRESENT,
            f"{name} is present: " + "; ".join(clause for _, clause in shown) + ".",
            tuple(path for path, _ in shown),
            tuple(unknown),
        )
    if not unknown:
        return BarrierFinding(
            barrier,
            Finding.NOT_FOUND,
            f"{name} is not found: " + "; ".join(clause for _, clause in absent) + ".",
            tuple(path for path, _ in absent),
        )
    observed = f" ({'; '.join(clause for _, clause in absent)})" if absent else ""
    return BarrierFinding(
        barrier,
        Finding.NOT_ASSESSED,
        f"{name} is not assessed: {', '.join(str(path) for path in unknown)} not observed{observed}.",
        tuple(path for path, _ in absent),
        tuple(unknown),
    )


def barriers(initiative: Initiative) -> tuple[BarrierFinding, ...]:
    """Look for each of the four institutional barriers in an initiative's facts.

    A barrier is ``present`` when any fact shows it, ``not found`` when every fact
    that could show it has been observed and none does, and ``not assessed``
    otherwise, naming the facts still to observe.

    Args:
        initiative: The initiative.

    Returns:
        One finding per barrier, in the order ``Barrier`` lists them.

    Example:
        >>> import humanising
        >>> [f.status.value for f in barriers(humanising.casebook.load("mhf-wales"))][0]
        'present'
    """
    if not isinstance(initiative, Initiative):
        raise NotAnInitiativeError("barriers", initiative)
    return tuple(_finding(initiative, barrier) for barrier in Barrier)
