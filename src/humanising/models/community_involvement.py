"""Community involvement (paper, sections 3 and 4.2).

Community members, acting as such, take part in assessing needs, planning,
delivering or evaluating a service, or in community research and advocacy.
Any of these forms is community involvement, delivery as much as planning.
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
    stage_set,
)

MODEL_ID = "community_involvement"

COMMUNITY_TAKES_PART = Voice(Side.COMMUNITY, Involvement.INVOLVED)
"""Community members, acting as such, are involved or more at the stage."""
_STAGES = stage_set(
    Stage.NEEDS_ASSESSMENT,
    Stage.DESIGN,
    Stage.POLICY,
    Stage.DELIVERY,
    Stage.EVALUATION,
    Stage.RESEARCH_ADVOCACY,
)
"""The forms the paper lists: assessing needs, planning, delivering, evaluating, research and advocacy."""
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


MODEL: Model = Model.declared(
    id=MODEL_ID,
    name="Community involvement",
    short_name="community",
    summary="Communities take part in assessing needs, planning, delivering and evaluating services.",
    source=f"{PAPER}, sections 3 and 4.2",
    criteria=(TAKES_PART,),
)
"""Essential: community members take part (involved or more) in needs assessment, planning,
delivery, evaluation, research or advocacy: any of the forms the paper lists.

Example:
    >>> import humanising
    >>> MODEL.judge(humanising.casebook.load("mhf-wales")).fit.value
    'fits'
"""
