"""What the frameworks' crosswalks share: phases as sets of stages, who counts on which side, and wordings.

Every crosswalk asks its questions through the models' own look-ups (``Voice``,
``Provides``, ``look.somewhere``, ``look.fact``), so a framework and a model that ask
the same question get the same answer from the same facts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from humanising._facts import Involvement, Stage
from humanising._facts._paths import FactPath
from humanising._reasoning._evidence import EvidenceItem, Grounds, Wording, participation_of, plain
from humanising._reasoning._index import LIVED_EXPERIENCE, Side
from humanising._reasoning._logic import Judgement
from humanising._reasoning._look import ALL_STAGES, Look, Provides, StageSet, Voice, stage_set, stages_in
from humanising._reasoning._verdict import Status

PLANNING: StageSet = stage_set(Stage.INITIATION, Stage.NEEDS_ASSESSMENT, Stage.DESIGN, Stage.POLICY)
"""Planning and design: deciding what the service is (Bovaird's service planning, the ladders' design)."""
DELIVERY: StageSet = stage_set(Stage.DELIVERY)
"""Delivering the service."""
PLANNING_STAGES = stages_in(PLANNING)

LIVED = LIVED_EXPERIENCE
"""People with lived experience: service users, and survivors who avoided services."""
USERS_AND_COMMUNITIES = LIVED_EXPERIENCE | Side.COMMUNITY
"""Bovaird's users and communities: lived experience, community members and the public."""

PROVIDERS = Provides(Involvement.INVOLVED)
"""The professionals who provide what is produced, with a real voice (the co-production model's providers)."""


def voice(level: Involvement, sides: int = LIVED) -> Voice:
    """Someone on ``sides`` has at least ``level`` of say at a stage."""
    return Voice(sides, level)


def reaches(level: Involvement, within: StageSet = ALL_STAGES) -> Callable[[Look], Judgement]:
    """The check: someone with lived experience has at least ``level`` of say at some stage of ``within``."""
    condition = voice(level)

    def check(look: Look) -> Judgement:
        return look.somewhere(condition, within)

    return check


def _still_open(grounds: Grounds) -> str:
    # Unknown facts that are not participations (a silent stage, an unknown product) are named too,
    # so that an unknown result never reads as if nobody took part.
    if grounds.status is not Status.UNKNOWN:
        return ""
    others = [str(item.path) for item in grounds.unknown if participation_of(item.path) is None]
    return f"; still unknown: {', '.join(sorted(set(others)))}" if others else ""


def seats(lead: str) -> Callable[[Grounds], str]:
    """A reason: ``lead``, then every participation of the evidence, then what is open.

    A check asked of some stages (``reaches(level, within)``) collects evidence from those
    stages only, so the list names no seat outside them.
    """

    def render(grounds: Grounds) -> str:
        return f"{lead}: {grounds.seat_list(grounds.participations())}{_still_open(grounds)}."

    return render


def _stage_of(item: EvidenceItem) -> Stage | None:
    where = participation_of(item.path)
    return None if where is None else where[1]


def phases(lead: str) -> Callable[[Grounds], str]:
    """A reason for a planning-by-delivery question: the participations at planning, then at delivery."""

    def render(grounds: Grounds) -> str:
        items = grounds.participations()
        planning = [item for item in items if _stage_of(item) in PLANNING_STAGES]
        delivery = [item for item in items if _stage_of(item) is Stage.DELIVERY]
        return (
            f"{lead}: at planning, {grounds.seat_list(planning)}; at delivery, {grounds.seat_list(delivery)}"
            f"{_still_open(grounds)}."
        )

    return render


def seat_wording(met: str, unmet: str, unknown: str) -> Wording:
    """A wording whose sentences each end with the participations that decided it."""
    return Wording(met=seats(met), unmet=seats(unmet), unknown=seats(unknown))


def phase_wording(met: str, unmet: str, unknown: str) -> Wording:
    """A wording whose sentences each end with the participations at planning and at delivery."""
    return Wording(met=phases(met), unmet=phases(unmet), unknown=phases(unknown))


def facts_named(lead: str) -> Callable[[Grounds], str]:
    """A reason: ``lead``, then each fact of the evidence as ``path: value``."""

    def render(grounds: Grounds) -> str:
        named = "; ".join(f"{item.path}: {_words(item.value)}" for item in grounds.evidence)
        return f"{lead} ({named or 'no fact recorded'})."

    return render


def fact_wording(met: str, unmet: str, unknown: str) -> Wording:
    """A wording whose sentences each name the facts that decided it, with their values."""
    return Wording(met=facts_named(met), unmet=facts_named(unmet), unknown=facts_named(unknown))


def _words(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    shown = plain(value)
    if isinstance(shown, list):
        return ", ".join(str(each) for each in shown) or "none"
    return str(shown).replace("_", " ")


def fact(path: FactPath) -> Callable[[Look], Judgement]:
    """The check: what the (boolean) fact at ``path`` says."""

    def check(look: Look) -> Judgement:
        return look.fact(path)

    return check
