"""Co-production as a gold standard: service users and providers as equal partners.

The paper (section 2) notes that some writers reserve "co-production" for
partnerships in which clinicians and service users are equal partners, and keeps
that stricter sense apart from its own broad one. Here it is a model of its own,
and a stricter sense of the same thing: it is co-production in the broad sense,
and wherever service users and providers produce it together, both are partners
or lead.
"""

from __future__ import annotations

from humanising import Involvement
from humanising.models import (
    ALL_STAGES,
    PAPER,
    CriterionSpec,
    Fit,
    Grounds,
    Judgement,
    Look,
    Model,
    Note,
    Provides,
    Verdict,
    Voice,
    Wording,
    all_of,
    at_least,
    stage_names,
)
from humanising.models.coproduction import LIVED_VOICE, PRODUCING
from humanising.models.coproduction import MODEL as BROAD_SENSE_MODEL

MODEL_ID = "coproduction_gold_standard"

_SECTION = "paper, section 2"
EQUAL_PARTNERS = Voice(LIVED_VOICE.sides, Involvement.PARTNER) & Provides(Involvement.PARTNER)
"""Service users and providers are both partners, or lead, at a stage."""
TOGETHER_WITH_PROVIDERS = PRODUCING & LIVED_VOICE & Provides(Involvement.INVOLVED)
"""A producing stage where service users and providers take part together: where co-production is claimed."""


EQUAL_WHEREVER_TOGETHER = ~TOGETHER_WITH_PROVIDERS | EQUAL_PARTNERS
"""At a stage: not produced together by service users and providers, or produced together as equal partners."""


def _broad_sense(look: Look) -> Judgement:
    # Every criterion of co-production in the broad sense, essential and qualifying: the gold
    # standard is a stricter co-production, so whatever reaches it is co-produced.
    return all_of(*(spec.check(look) for spec in BROAD_SENSE_MODEL.criteria if spec.check is not None))


def _equal_wherever_claimed(look: Look) -> Judgement:
    return look.everywhere(EQUAL_WHEREVER_TOGETHER, ALL_STAGES)


BROAD_SENSE = CriterionSpec(
    "broad_sense",
    True,
    "It is co-production in the broad sense: every criterion of that model is met.",
    source="paper, section 2",
    check=_broad_sense,
    wording=Wording(
        met="It is co-production in the broad sense: every criterion of that model is met.",
        unmet="It is not co-production in the broad sense, which the gold standard presupposes.",
        unknown="Whether it is co-production in the broad sense, which the gold standard presupposes, is unknown.",
    ),
)


def _equal_met(grounds: Grounds) -> str:
    partners = at_least(grounds.participations(), Involvement.PARTNER)
    if not partners:
        return "Service users and providers produce nothing together, so no partnership of theirs has to be equal."
    return (
        "Wherever service users and providers produce it together, both are partners or lead: "
        f"{grounds.seat_list(partners)}."
    )


EQUAL_PARTNERS_WHEREVER = CriterionSpec(
    "equal_partners",
    True,
    "Wherever service users and providers produce it together, both are partners or lead.",
    source=_SECTION,
    check=_equal_wherever_claimed,
    wording=Wording(
        met=_equal_met,
        unmet="Service users and providers produce it together without both being partners: {seats}.",
        unknown=(
            "Whether service users and providers are equal partners wherever they produce it together "
            "is unknown: {seats}."
        ),
    ),
)


def _notes(look: Look, verdict: Verdict) -> list[Note]:
    # Falling short because service users ran it alone is not falling short: the paper's MHF
    # "arguably ended up exceeding even the 'gold standard'". The note reads the user-led verdict.
    from humanising.models.user_led import MODEL as USER_LED

    if verdict.fit is not Fit.DOES_NOT_FIT:
        return []
    led = USER_LED.judge(look.initiative)
    if led.fit not in (Fit.FITS, Fit.PARTLY):
        return []
    return [
        Note(
            f"It does not reach the gold standard, but not for want of equality: service users were in sole "
            f"charge at {stage_names(led.stages)} (user-led: {led.fit.value}), with no provider to be equal "
            "partners with, which the paper says of MHF Wales arguably exceeds the gold standard (section 4.2).",
            about=USER_LED.id,
            says=led.fit,
        )
    ]


MODEL: Model = Model.declared(
    id=MODEL_ID,
    name="Co-production (gold standard)",
    short_name="gold standard",
    summary="Co-production in which service users and the professionals who provide the service are equal partners.",
    source=f"{PAPER}, section 2",
    criteria=(BROAD_SENSE, EQUAL_PARTNERS_WHEREVER),
    notes=_notes,
    by_product=True,
)
"""Essential: it is co-production in the broad sense; wherever service users and providers produce
it together, both are partners (or lead).

Example:
    >>> import humanising
    >>> MODEL.judge(humanising.casebook.load("sleepwell")).fit.value
    'does not fit'
"""
