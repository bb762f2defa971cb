"""Service user-led services (paper, section 3).

Service users control the initiative at a stage: planning, policy, allocating
resources within the project, recruiting and training staff, developing
interventions, delivering them, deciding their own care. A stage is user-led
when service users lead it and no provider has a real voice there: once a
professional is involved, partner or lead, control is shared and the stage is
co-produced or led by others, never user-led.
"""

from __future__ import annotations

from humanising import Involvement, Stage
from humanising.models import (
    LIVED_EXPERIENCE,
    PAPER,
    WITHOUT_LIVED_EXPERIENCE,
    CriterionSpec,
    Judgement,
    Look,
    Model,
    Provides,
    Voice,
    Wording,
)

MODEL_ID = "user_led"

LED = (
    Voice(LIVED_EXPERIENCE, Involvement.LEADS)
    & ~Provides(Involvement.INVOLVED)
    & ~Voice(WITHOUT_LIVED_EXPERIENCE, Involvement.PARTNER)
)
"""People with lived experience (service users, survivors) control the stage: they lead it, no one
who provides what is made there is involved or more, and no other party (a consultant, a
bookkeeper, community members) is a partner or leads."""
_DESIGN = Stage.DESIGN
_DELIVERY = Stage.DELIVERY
_SECTION = "paper, sections 3 and 4.3"


def _led_somewhere(look: Look) -> Judgement:
    return look.somewhere(LED)


def _led_design(look: Look) -> Judgement:
    return look.at(_DESIGN, LED)


def _led_delivery(look: Look) -> Judgement:
    return look.at(_DELIVERY, LED)


LED_SOMEWHERE = CriterionSpec(
    "led_somewhere",
    True,
    "Service users lead at least one stage with no provider involved.",
    source=_SECTION,
    check=_led_somewhere,
    wording=Wording(
        met="{Lived} lead, with no provider sharing control, at {stages}{hedge}.",
        unmet="Service users lead no stage on their own: {seats}.",
        unknown="Whether service users lead any stage on their own is unknown: {seats}.",
    ),
)


def _stage_wording(stage: str) -> Wording:
    return Wording(
        met=f"{stage.capitalize()} is user-led: {{seats}}.",
        unmet=f"{stage.capitalize()} is not user-led: {{seats}}.",
        unknown=f"Whether {stage} is user-led is unknown: {{seats}}.",
    )


LED_DESIGN = CriterionSpec(
    "led_design", False, "Design is user-led.", source=_SECTION, check=_led_design, wording=_stage_wording("design")
)
LED_DELIVERY = CriterionSpec(
    "led_delivery",
    False,
    "Delivery is user-led.",
    source=_SECTION,
    check=_led_delivery,
    wording=_stage_wording("delivery"),
)


def _stages(look: Look) -> tuple[Stage, ...]:
    return look.stages_where(LED)


MODEL: Model = Model.declared(
    id=MODEL_ID,
    name="Service user-led",
    short_name="user-led",
    summary="Service users control the initiative, rather than partnering with professionals.",
    source=f"{PAPER}, sections 3, 4.2 and 4.3",
    criteria=(LED_SOMEWHERE, LED_DESIGN, LED_DELIVERY),
    stages=_stages,
)
"""Essential: service users lead at least one stage with no provider involved. Qualifying:
design and delivery are both user-led. ``Verdict.stages`` lists every stage at which the
initiative is user-led.

Example:
    >>> import humanising
    >>> verdict = MODEL.judge(humanising.casebook.load("east-lille-7"))
    >>> verdict.fit.value, [str(stage) for stage in verdict.stages]
    ('partly', ['delivery'])
"""
