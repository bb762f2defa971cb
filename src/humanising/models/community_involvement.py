"""Community involvement (paper, sections 3 and 4.2).

Community members, acting as such, take part in assessing needs, planning,
delivering or evaluating a service, or in community research and advocacy.
Being the audience or target of a campaign is not taking part, and clinicians
who attend a launch event act as clinicians, not as community.
"""

from __future__ import annotations

from humanising import Initiative, Involvement, Participation, Stage
from humanising.models import (
    PAPER,
    CriterionSpec,
    Index,
    Model,
    Side,
    Status,
    Verdict,
    any_of,
    criterion,
    in_stage_order,
    index_of,
    paths,
    seat_phrases,
    seats_on,
    stage_names,
)

MODEL_ID = "community_involvement"

TAKES_PART = CriterionSpec("takes_part", True, "Community members, acting as such, take part (involved or more).")
SHAPES_DECISIONS = CriterionSpec(
    "shapes_decisions", False, "They take part in a stage of decision, not delivery alone."
)

_COMMUNITY = Side.COMMUNITY
_DECISION_STAGES = (
    Stage.NEEDS_ASSESSMENT,
    Stage.DESIGN,
    Stage.POLICY,
    Stage.EVALUATION,
    Stage.RESEARCH_ADVOCACY,
)

# Enum members are slow to look up on Python 3.11 (its EnumType defines __getattr__),
# so the ones used while judging are bound once here.
_INVOLVED = Involvement.INVOLVED
_DELIVERY = Stage.DELIVERY
_DESIGN = Stage.DESIGN
_EVALUATION = Stage.EVALUATION
_NEEDS_ASSESSMENT = Stage.NEEDS_ASSESSMENT
_POLICY = Stage.POLICY
_RESEARCH_ADVOCACY = Stage.RESEARCH_ADVOCACY
_MET = Status.MET
_STATUS_UNKNOWN = Status.UNKNOWN
_STAGES = in_stage_order((*_DECISION_STAGES, _DELIVERY))


def _render_takes_part(status: Status, index: Index, taking_part: tuple[Stage, ...]) -> str:
    if status is _MET:
        return (
            f"Community members take part (involved or more) at {stage_names(taking_part)}: "
            f"{seat_phrases(index, _community_seats(index))}."
        )
    seats = _community_seats(index)
    if status is _STATUS_UNKNOWN:
        return f"Whether community members take part is unknown: {seat_phrases(index, seats)}."
    if seats:
        return (
            "Community members do not take part; they are at most the audience or target: "
            f"{seat_phrases(index, seats)}."
        )
    return "No community member takes part in the initiative."


def _render_decisions(status: Status, taking_part: tuple[Stage, ...]) -> str:
    deciding = tuple(stage for stage in taking_part if stage in _DECISION_STAGES)
    if status is _MET:
        return f"Community members help decide, not only deliver, at {stage_names(deciding)}."
    if status is _STATUS_UNKNOWN:
        return "Whether community members take part in assessing needs, planning or evaluating is unknown."
    where = f"; they take part in {stage_names(taking_part)}" if taking_part else ""
    return f"Community members do not take part in assessing needs, planning, evaluating, research or advocacy{where}."


def _community_seats(index: Index) -> tuple[Participation, ...]:
    return seats_on(index, index.by_stage, _COMMUNITY)


def community_involvement(initiative: Initiative) -> Verdict:
    """Judge whether an initiative shows community involvement.

    Essential: community members take part (involved or more) in needs
    assessment, planning, delivery, evaluation, research or advocacy.
    Qualifying: they take part in a stage of decision, not delivery alone.

    Args:
        initiative: The initiative to judge.

    Returns:
        The verdict, with one result per criterion.

    Example:
        >>> import humanising
        >>> community_involvement(humanising.casebook.load("mhf-wales")).fit.value
        'fits'
    """
    index = index_of(initiative)
    by_stage = {stage: index.voice(stage, _COMMUNITY, _INVOLVED) for stage in _STAGES}
    taking_part = tuple(stage for stage in _STAGES if by_stage[stage][0] is True)
    return Verdict.judge(
        MODEL_ID,
        (
            criterion(
                TAKES_PART,
                any_of(by_stage.values()),
                _render_takes_part,
                index,
                taking_part,
                facts=lambda: paths(_community_seats(index)),
            ),
            criterion(
                SHAPES_DECISIONS,
                any_of([by_stage[stage] for stage in _DECISION_STAGES]),
                _render_decisions,
                taking_part,
            ),
        ),
    )


MODEL: Model = Model(
    id=MODEL_ID,
    name="Community involvement",
    short_name="community",
    judge=community_involvement,
    summary="Communities take part in assessing needs, planning, delivering and evaluating services.",
    source=f"{PAPER}, sections 3 and 4.2",
    criteria=(TAKES_PART, SHAPES_DECISIONS),
)
