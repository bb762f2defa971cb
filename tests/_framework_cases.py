"""Small initiatives built seat by seat, for the frameworks' crosswalk tests."""

from __future__ import annotations

from typing import Any

import humanising
from humanising import UNKNOWN, Initiative

Seat = tuple[str, str, str, Any]
"""(stakeholder id, capacity, stage, involvement): one participation."""

USERS = "users"
STAFF = "staff"
NEIGHBOURS = "neighbours"
_IDENTITIES = {USERS: "service_user", STAFF: "mental_health_professional", NEIGHBOURS: "community_member"}


def seat(who: str, stage: str, involvement: Any) -> Seat:
    """A participation of one of the three standing parties: service users, staff, neighbours."""
    return (who, _IDENTITIES[who], stage, involvement)


def case(
    *seats: Seat, stages: tuple[str, ...] = ("design", "delivery"), kind: str = "service", **facts: Any
) -> Initiative:
    """An initiative of those participations and one mental-health product of ``kind`` produced at ``stages``."""
    people = {who: capacity for who, capacity, _, _ in seats}
    return humanising.Initiative(
        id="built",
        name="A built case",
        stakeholders=[
            humanising.Stakeholder(id=who, name=f"the {who}", identities=[capacity]) for who, capacity in people.items()
        ],
        participations=[
            humanising.Participation(stakeholder=who, stage=stage, involvement=level, capacity=capacity)
            for who, capacity, stage, level in seats
        ],
        products=[
            humanising.Product(id="service", name="the service", kind=kind, domain="mental_health", stages=stages)
        ],
        **facts,
    )


__all__ = ["NEIGHBOURS", "STAFF", "UNKNOWN", "USERS", "case", "seat"]
