"""Service user-led services (paper, section 3).

Service users control the initiative at a stage: planning, policy, allocating
resources within the project, recruiting and training staff, developing
interventions, delivering them, deciding their own care. A stage is user-led
when service users lead it and no provider has a real voice there: once a
professional is involved, partner or lead, control is shared and the stage is
co-produced or led by others, never user-led.
"""

from __future__ import annotations

from humanising import Initiative, Involvement, Stage
from humanising.models import (
    PAPER,
    CriterionSpec,
    Index,
    Judgement,
    Model,
    Side,
    Status,
    Verdict,
    all_of,
    any_of,
    criterion,
    in_stage_order,
    index_of,
    negate,
    paths,
    seat_phrases,
    seats_on,
    stage_names,
    voiced,
    weakest_hedge,
)

# Enum members are slow to look up on Python 3.11 (its EnumType defines __getattr__),
# so the ones used while judging are bound once here.
_INVOLVED = Involvement.INVOLVED
_LEADS = Involvement.LEADS
_DELIVERY = Stage.DELIVERY
_DESIGN = Stage.DESIGN
_MET = Status.MET
_STATUS_UNKNOWN = Status.UNKNOWN

MODEL_ID = "user_led"

_SERVICE_USERS = Side.SERVICE_USER
_PROVIDERS = Side.PROVIDER
_REQUIRED = (_DESIGN, _DELIVERY)
LED_SOMEWHERE = CriterionSpec("led_somewhere", True, "Service users lead at least one stage with no provider involved.")
LED_DESIGN = CriterionSpec("led_design", False, "Design is user-led.")
LED_DELIVERY = CriterionSpec("led_delivery", False, "Delivery is user-led.")
_DECLARED = {_DESIGN: LED_DESIGN, _DELIVERY: LED_DELIVERY}
_EITHER_SIDE = _SERVICE_USERS | _PROVIDERS


def led_at(index: Index, stage: Stage) -> Judgement:
    """Whether service users lead ``stage`` with no provider involved or more."""
    leads = index.voice(stage, _SERVICE_USERS, _LEADS)
    if leads[0] is False:
        return leads
    return all_of(leads, negate(index.voice(stage, _PROVIDERS, _INVOLVED)))


def _render_some(status: Status, index: Index, stages: tuple[Stage, ...], led: tuple[Stage, ...]) -> str:
    if status is _MET:
        hedge = weakest_hedge(voiced(index, led, _SERVICE_USERS, _LEADS))
        return f"Service users lead, with no provider sharing control, at {stage_names(led)}{hedge}."
    phrases = seat_phrases(index, seats_on(index, stages, _EITHER_SIDE))
    if status is _STATUS_UNKNOWN:
        return f"Whether service users lead any stage on their own is unknown: {phrases}."
    return f"Service users lead no stage on their own: {phrases}."


def _render_stage(status: Status, index: Index, stage: Stage) -> str:
    name = stage_names([stage])
    phrases = seat_phrases(index, index.seats(stage))
    if status is _MET:
        return f"{name.capitalize()} is user-led: {phrases}."
    if status is _STATUS_UNKNOWN:
        return f"Whether {name} is user-led is unknown: {phrases}."
    return f"{name.capitalize()} is not user-led: {phrases}."


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
    index = index_of(initiative)
    stages = in_stage_order({*index.stages(), *_REQUIRED})
    by_stage = {stage: led_at(index, stage) for stage in stages}
    led = tuple(stage for stage in stages if by_stage[stage][0] is True)
    results = [
        criterion(
            LED_SOMEWHERE,
            any_of(by_stage.values()),
            _render_some,
            index,
            stages,
            led,
            facts=lambda: paths(p for stage in led for p in index.seats(stage)),
        )
    ]
    results.extend(
        criterion(
            _DECLARED[stage],
            by_stage[stage],
            _render_stage,
            index,
            stage,
            facts=lambda stage=stage: paths(index.seats(stage)),  # type: ignore[misc]
        )
        for stage in _REQUIRED
    )
    return Verdict.judge(MODEL_ID, tuple(results), stages=led)


MODEL: Model = Model(
    id=MODEL_ID,
    name="Service user-led",
    short_name="user-led",
    judge=user_led,
    summary="Service users control the initiative, rather than partnering with professionals.",
    source=f"{PAPER}, sections 3, 4.2 and 4.3",
    criteria=(LED_SOMEWHERE, LED_DESIGN, LED_DELIVERY),
)
