"""Community involvement (paper, sections 3 and 4.2).

Community members, acting as such, take part in assessing needs, planning,
delivering or evaluating a service, or in community research and advocacy.
Being the audience or target of a campaign is not taking part, and clinicians
who attend a launch event act as clinicians, not as community.
"""

from __future__ import annotations

from humanising import Involvement, Stage
from humanising.models import (
    PAPER,
    CriterionSpec,
    Grounds,
    Judgement,
    Look,
    Model,
    Side,
    Voice,
    Wording,
    stage_names,
    stage_set,
)

MODEL_ID = "community_involvement"

COMMUNITY_TAKES_PART = Voice(Side.COMMUNITY, Involvement.INVOLVED)
"""Community members, acting as such, are involved or more at the stage."""
DECISION_STAGES = stage_set(
    Stage.NEEDS_ASSESSMENT, Stage.DESIGN, Stage.POLICY, Stage.EVALUATION, Stage.RESEARCH_ADVOCACY
)
"""Assessing needs, planning, evaluating, research and advocacy."""
_DELIVERY = Stage.DELIVERY
_STAGES = DECISION_STAGES | stage_set(_DELIVERY)
_SECTION = "paper, sections 3 and 4.2"


def _takes_part(look: Look) -> Judgement:
    return look.somewhere(COMMUNITY_TAKES_PART, _STAGES)


def _takes_part_unmet(grounds: Grounds) -> str:
    if grounds.participations():
        return f"Community members do not take part; they are at most the audience or target: {grounds.seats}."
    return "No community member takes part in the initiative."


TAKES_PART = CriterionSpec(
    "takes_part",
    True,
    "Community members, acting as such, take part (involved or more).",
    source=_SECTION,
    check=_takes_part,
    wording=Wording(
        met="Community members take part (involved or more) at {stages}: {seats}.",
        unmet=_takes_part_unmet,
        unknown="Whether community members take part is unknown: {seats}.",
    ),
)


def _shapes_decisions(look: Look) -> Judgement:
    value, items = look.somewhere(COMMUNITY_TAKES_PART, DECISION_STAGES)
    if value is False and look.collects:
        # Where they do take part, delivery, is part of why they do not help decide.
        delivery = look.at(_DELIVERY, COMMUNITY_TAKES_PART)
        if delivery[0] is True:
            return (False, (*items, *delivery[1]))
    return (value, items)


def _decisions_unmet(grounds: Grounds) -> str:
    taking_part = grounds.stages_of(
        item
        for item in grounds.participations()
        if isinstance(item.value, Involvement) and item.value.at_least(Involvement.INVOLVED)
    )
    where = f"; they take part in {stage_names(taking_part)}" if taking_part else ""
    return f"Community members do not take part in assessing needs, planning, evaluating, research or advocacy{where}."


SHAPES_DECISIONS = CriterionSpec(
    "shapes_decisions",
    False,
    "They take part in a stage of decision, not delivery alone.",
    source=_SECTION,
    check=_shapes_decisions,
    wording=Wording(
        met="Community members help decide, not only deliver, at {stages}.",
        unmet=_decisions_unmet,
        unknown="Whether community members take part in assessing needs, planning or evaluating is unknown.",
    ),
)

MODEL: Model = Model.declared(
    id=MODEL_ID,
    name="Community involvement",
    short_name="community",
    summary="Communities take part in assessing needs, planning, delivering and evaluating services.",
    source=f"{PAPER}, sections 3 and 4.2",
    criteria=(TAKES_PART, SHAPES_DECISIONS),
)
"""Essential: community members take part (involved or more) in needs assessment, planning,
delivery, evaluation, research or advocacy. Qualifying: they take part in a stage of decision,
not delivery alone.

Example:
    >>> import humanising
    >>> MODEL.judge(humanising.casebook.load("mhf-wales")).fit.value
    'fits'
"""
