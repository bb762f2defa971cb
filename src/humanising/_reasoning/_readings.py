"""The readings of co-production the essay on Cahn lists, and which an initiative matches.

Co-production has been read as democratic involvement of citizens in public
services, as individual "responsibilised" consumerism in health and social care,
and as power shifting to communities through participatory governance. An
initiative may match several readings, or none. The consumerist reading is a
critical one: it rests on responsibility shifted onto the individual, with choice
in a market, never on people setting their own goals; participatory governance is
the governance of a public body.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from humanising._facts import Initiative, Involvement, Stage
from humanising._facts._paths import FactPath
from humanising._reasoning._index import Side
from humanising._reasoning._logic import Judgement, all_of, any_of, unknown_paths
from humanising._reasoning._look import Voice, evidence_look, stage_set
from humanising._reasoning._verdict import STATUS_OF, Status
from humanising.exceptions import NotAnInitiativeError

_RESPONSIBILITY_PATH = FactPath("observations", "responsibility_on_individual")
_WITHDRAWN_PATH = FactPath("observations", "support_withdrawn")
_MARKET_PATH = FactPath("observations", "market_choice")
_PUBLIC_GOVERNANCE_PATH = FactPath("observations", "public_governance")


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
        ('consumerist', 'unknown')
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
_COLLECTIVE_POWER = Voice(Side.SERVICE_USER | Side.SURVIVOR | Side.COMMUNITY, Involvement.PARTNER)
_GOVERNANCE_STAGES = stage_set(Stage.POLICY, Stage.FUNDING, Stage.ALLOCATION)

_READING_WORDS = {
    Reading.DEMOCRATIC: (
        "democratic involvement in public services: service users have a say in policy or design "
        "alongside those who run the service"
    ),
    Reading.CONSUMERIST: (
        "individual, responsibilised consumerism: responsibility for their care is shifted onto people, or "
        "their support withdrawn, and they choose as consumers in a market"
    ),
    Reading.COMMUNITY_POWER: (
        "community power through participatory governance: service users, survivors or communities "
        "lead or partner on a public body's policy, funding or allocation"
    ),
}


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
    with providers. Consumerist: responsibility for their care or its outcomes is
    shifted onto the individual, or their support is withdrawn, and they choose as
    consumers in a market (``observations.responsibility_on_individual``,
    ``support_withdrawn``, ``market_choice``); people setting their own goals, or
    partnering on their own care, is not consumerism. Community power: service
    users, survivors or community members lead or partner on policy, funding or
    allocation, and those are a public body's decisions
    (``observations.public_governance``). An initiative may match several readings,
    or none.

    Example:
        >>> import humanising
        >>> [m.status.value for m in readings(humanising.casebook.load("mhf-wales"))]
        ['unmet', 'unknown', 'unmet']
    """
    if not isinstance(initiative, Initiative):
        raise NotAnInitiativeError("readings", initiative)
    look = evidence_look(initiative)
    democratic = look.somewhere(_TOGETHER_WITH_PROVIDERS, _POLICY_OR_DESIGN)
    responsibilised = any_of((look.fact(_RESPONSIBILITY_PATH), look.fact(_WITHDRAWN_PATH)))
    consumerist = all_of(responsibilised, look.fact(_MARKET_PATH))
    community = all_of(look.somewhere(_COLLECTIVE_POWER, _GOVERNANCE_STAGES), look.fact(_PUBLIC_GOVERNANCE_PATH))
    return (
        _match(Reading.DEMOCRATIC, democratic),
        _match(Reading.CONSUMERIST, consumerist),
        _match(Reading.COMMUNITY_POWER, community),
    )
