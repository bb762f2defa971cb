"""Service user-led services (paper, section 3).

Service users control the initiative at a stage: planning, policy, allocating
resources within the project, recruiting and training staff, developing
interventions, delivering them, deciding their own care. A stage is user-led
when service users lead it and no provider has a real voice there: once a
professional is involved, partner or lead, control is shared and the stage is
co-produced or led by others, never user-led.
"""

from __future__ import annotations

from humanising._facts import Initiative, Involvement, Stage, in_stage_order
from humanising._index import Index, Judgement, Side, all_of, any_of, negate
from humanising._registry import CriterionSpec, Model
from humanising._verdict import RawCriterion, Status, Verdict, criterion
from humanising.models._shared import PAPER, seat_phrases, stage_names

MODEL_ID = "user_led"

_SERVICE_USERS = frozenset({Side.SERVICE_USER})
_PROVIDERS = frozenset({Side.PROVIDER})
_REQUIRED = (Stage.DESIGN, Stage.DELIVERY)


def led_at(index: Index, stage: Stage) -> Judgement:
    """Whether service users lead ``stage`` with no provider involved or more."""
    return all_of(
        index.voice(stage, _SERVICE_USERS, Involvement.LEADS),
        negate(index.voice(stage, _PROVIDERS, Involvement.INVOLVED)),
    )


def _render_some(status: Status, led: str, phrases: str) -> str:
    if status is Status.MET:
        return f"Service users lead, with no provider sharing control, at {led}."
    if status is Status.UNKNOWN:
        return f"Whether service users lead any stage on their own is unknown: {phrases}."
    return f"Service users lead no stage on their own: {phrases}."


def _render_stage(status: Status, stage: str, phrases: str) -> str:
    if status is Status.MET:
        return f"{stage.capitalize()} is user-led: {phrases}."
    if status is Status.UNKNOWN:
        return f"Whether {stage} is user-led is unknown: {phrases}."
    return f"{stage.capitalize()} is not user-led: {phrases}."


def _stage_result(index: Index, stage: Stage, judgement: Judgement) -> RawCriterion:
    seats = index.seats(stage)
    return criterion(
        f"led_{stage}",
        judgement,
        _render_stage,
        stage_names([stage]),
        seat_phrases(seats),
        essential=False,
        facts=tuple(seat.path for seat in seats),
    )


def user_led(initiative: Initiative) -> Verdict:
    """Judge whether an initiative is service user-led, and at which stages.

    Essential: service users lead at least one stage with no provider involved.
    Qualifying: design and delivery are both user-led. ``Verdict.stages`` lists
    every stage at which the initiative is user-led.

    Args:
        initiative: The initiative to judge.

    Returns:
        The verdict; ``fits`` when service users lead design and delivery at least.

    Example:
        >>> import humanising
        >>> verdict = user_led(humanising.casebook.load("east-lille-7"))
        >>> verdict.fit.value, [str(stage) for stage in verdict.stages]
        ('partly', ['delivery'])
    """
    index: Index = initiative._index  # noqa: SLF001 - the shared per-initiative index
    stages = in_stage_order({*index.by_stage, *_REQUIRED})
    by_stage = {stage: led_at(index, stage) for stage in stages}
    led = tuple(stage for stage in stages if by_stage[stage][0] is True)
    all_seats = tuple(seat for stage in stages for seat in index.seats(stage))
    some = criterion(
        "led_somewhere",
        any_of(by_stage.values()),
        _render_some,
        stage_names(led),
        seat_phrases(seat for seat in all_seats if seat.sides & (_SERVICE_USERS | _PROVIDERS)),
        facts=tuple(seat.path for stage in led for seat in index.seats(stage)),
    )
    return Verdict.judge(
        MODEL_ID,
        (some, *(_stage_result(index, stage, by_stage[stage]) for stage in _REQUIRED)),
        stages=led,
    )


MODEL = Model(
    id=MODEL_ID,
    name="Service user-led",
    judge=user_led,
    summary="Service users control the initiative, rather than partnering with professionals.",
    source=f"{PAPER}, sections 3, 4.2 and 4.3",
    criteria=(
        CriterionSpec("led_somewhere", True, "Service users lead at least one stage with no provider involved."),
        CriterionSpec("led_design", False, "Design is user-led."),
        CriterionSpec("led_delivery", False, "Delivery is user-led."),
    ),
)
