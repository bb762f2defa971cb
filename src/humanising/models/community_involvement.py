"""Community involvement (paper, sections 3 and 4.2).

Community members, acting as such, take part in assessing needs, planning,
delivering or evaluating a service, or in community research and advocacy.
Being the audience or target of a campaign is not taking part, and clinicians
who attend a launch event act as clinicians, not as community.
"""

from __future__ import annotations

from humanising._facts import Initiative, Involvement, Stage, in_stage_order
from humanising._index import Index, Side, any_of
from humanising._registry import CriterionSpec, Model
from humanising._verdict import Status, Verdict, criterion
from humanising.models._shared import PAPER, seat_phrases, seats_on, stage_names

MODEL_ID = "community_involvement"

_COMMUNITY = frozenset({Side.COMMUNITY})
_DECISION_STAGES = (
    Stage.NEEDS_ASSESSMENT,
    Stage.DESIGN,
    Stage.POLICY,
    Stage.EVALUATION,
    Stage.RESEARCH_ADVOCACY,
)
_STAGES = in_stage_order((*_DECISION_STAGES, Stage.DELIVERY))


def _render_takes_part(status: Status, stages: str, phrases: str) -> str:
    if status is Status.MET:
        return f"Community members take part (involved or more) at {stages}: {phrases}."
    if status is Status.UNKNOWN:
        return f"Whether community members take part is unknown: {phrases}."
    if phrases:
        return f"Community members do not take part; they are at most the audience or target: {phrases}."
    return "No community member takes part in the initiative."


def _render_decisions(status: Status, stages: str) -> str:
    if status is Status.MET:
        return f"Community members help decide, not only deliver, at {stages}."
    if status is Status.UNKNOWN:
        return "Whether community members take part in assessing needs, planning or evaluating is unknown."
    return (
        "Community members do not take part in assessing needs, planning, evaluating, research or advocacy"
        f"{f'; they take part in {stages}' if stages else ''}."
    )


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
    index: Index = initiative._index  # noqa: SLF001 - the shared per-initiative index
    by_stage = {stage: index.voice(stage, _COMMUNITY, Involvement.INVOLVED) for stage in _STAGES}
    taking_part = tuple(stage for stage in _STAGES if by_stage[stage][0] is True)
    seats = seats_on(index, index.by_stage, _COMMUNITY)
    deciding = tuple(stage for stage in taking_part if stage in _DECISION_STAGES)
    return Verdict.judge(
        MODEL_ID,
        (
            criterion(
                "takes_part",
                any_of(by_stage.values()),
                _render_takes_part,
                stage_names(taking_part),
                seat_phrases(seats) if seats else "",
                facts=tuple(seat.path for seat in seats),
            ),
            criterion(
                "shapes_decisions",
                any_of(by_stage[stage] for stage in _DECISION_STAGES),
                _render_decisions,
                stage_names(deciding or taking_part) if taking_part else "",
                essential=False,
            ),
        ),
    )


MODEL = Model(
    id=MODEL_ID,
    name="Community involvement",
    judge=community_involvement,
    summary="Communities take part in assessing needs, planning, delivering and evaluating services.",
    source=f"{PAPER}, sections 3 and 4.2",
    criteria=(
        CriterionSpec("takes_part", True, "Community members, acting as such, take part (involved or more)."),
        CriterionSpec("shapes_decisions", False, "They take part in a stage of decision, not delivery alone."),
    ),
)
