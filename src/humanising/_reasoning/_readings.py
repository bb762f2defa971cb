"""The readings of co-production the essay on Cahn lists, and which an initiative matches.

Co-production has been read as democratic involvement of citizens in public
services, as individual "responsibilised" consumerism in health and social care,
and as power shifting to communities through participatory governance. An
initiative may match several readings, or none.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from humanising._facts import GoalSetter, Initiative, Involvement, Stage
from humanising._facts._paths import FactPath
from humanising._facts._unknown import UNKNOWN
from humanising._reasoning._evidence import EvidenceItem
from humanising._reasoning._index import Side
from humanising._reasoning._logic import Judgement, any_of, unknown_paths
from humanising._reasoning._look import Voice, evidence_look, stage_set
from humanising._reasoning._verdict import STATUS_OF, Status
from humanising.exceptions import NotAnInitiativeError

_GOALS_SET_BY_PATH = FactPath("observations", "goals_set_by")

_PEOPLE_THEMSELVES = GoalSetter.PEOPLE_THEMSELVES
_CARE_DECISIONS = Stage.CARE_DECISIONS


class Reading(enum.StrEnum):
    """A reading of what co-production is (the essay lists three).

    Example:
        >>> [reading.value for reading in Reading]
        ['democratic', 'consumerist', 'community_power']
    """

    DEMOCRATIC = "democratic"
    """Democratic involvement of citizens in public services."""
    CONSUMERIST = "consumerist"
    """Individual, "responsibilised" consumerism in health and social care."""
    COMMUNITY_POWER = "community_power"
    """Power shifting to communities through participatory governance."""


@attrs.frozen
class ReadingMatch:
    """Whether an initiative matches one reading of co-production.

    Attributes:
        reading: The reading.
        status: Met (it matches), unmet, or unknown.
        reason: A sentence a person can read.
        unknowns: Paths of the unknown facts that would settle it.

    Example:
        >>> import humanising
        >>> match = readings(humanising.casebook.load("mhf-wales"))[1]
        >>> match.reading.value, match.status.value
        ('consumerist', 'met')
    """

    reading: Reading
    status: Status
    reason: str
    unknowns: tuple[FactPath, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The match as plain data, as the JSON report writes it (fact paths as text)."""
        return {
            "reading": self.reading.value,
            "status": self.status.value,
            "reason": self.reason,
            "unknowns": [str(path) for path in self.unknowns],
        }


_TOGETHER_WITH_PROVIDERS = Voice(Side.SERVICE_USER, Involvement.INVOLVED) & Voice(Side.PROVIDER, Involvement.INVOLVED)
_POLICY_OR_DESIGN = stage_set(Stage.POLICY, Stage.DESIGN)
_PARTNERS_IN_OWN_CARE = Voice(Side.SERVICE_USER, Involvement.PARTNER)
_COLLECTIVE_POWER = Voice(Side.SERVICE_USER | Side.SURVIVOR | Side.COMMUNITY, Involvement.PARTNER)
_GOVERNANCE_STAGES = stage_set(Stage.POLICY, Stage.FUNDING, Stage.ALLOCATION)

_READING_WORDS = {
    Reading.DEMOCRATIC: (
        "democratic involvement in public services: service users have a say in policy or design "
        "alongside those who run the service"
    ),
    Reading.CONSUMERIST: (
        "individual, responsibilised consumerism: people take charge of their own care or set their own goals"
    ),
    Reading.COMMUNITY_POWER: (
        "community power through participatory governance: service users, survivors or communities "
        "lead or partner on policy, funding or allocation"
    ),
}


def _goals(initiative: Initiative) -> Judgement:
    goals = initiative.observations.goals_set_by.value
    if goals is UNKNOWN:
        return (None, (EvidenceItem(_GOALS_SET_BY_PATH, UNKNOWN),))
    return (goals is _PEOPLE_THEMSELVES, ())


def _match(reading: Reading, judgement: Judgement) -> ReadingMatch:
    value = judgement[0]
    unknowns = unknown_paths(judgement)
    words = _READING_WORDS[reading]
    if value is True:
        reason = f"It matches the reading of co-production as {words}."
    elif value is False:
        reason = f"It does not match the reading of co-production as {words}."
    else:
        reason = f"Whether it matches the reading of co-production as {words} is unknown."
    return ReadingMatch(reading, STATUS_OF[value], reason, unknowns)


def readings(initiative: Initiative) -> tuple[ReadingMatch, ...]:
    """Tell which readings of co-production an initiative matches, with reasons.

    Democratic: service users are involved or more in policy or design together
    with providers. Consumerist: service users partner on or lead decisions about
    their own care, or set their own goals. Community power: service users,
    survivors or community members lead or partner on policy, funding or allocation.
    An initiative may match several readings, or none.

    Example:
        >>> import humanising
        >>> [m.reading.value for m in readings(humanising.casebook.load("mhf-wales")) if m.status.value == "met"]
        ['consumerist', 'community_power']
    """
    if not isinstance(initiative, Initiative):
        raise NotAnInitiativeError("readings", initiative)
    look = evidence_look(initiative)
    democratic = look.somewhere(_TOGETHER_WITH_PROVIDERS, _POLICY_OR_DESIGN)
    consumerist = any_of((look.at(_CARE_DECISIONS, _PARTNERS_IN_OWN_CARE), _goals(initiative)))
    community = look.somewhere(_COLLECTIVE_POWER, _GOVERNANCE_STAGES)
    return (
        _match(Reading.DEMOCRATIC, democratic),
        _match(Reading.CONSUMERIST, consumerist),
        _match(Reading.COMMUNITY_POWER, community),
    )
