"""Co-production as a gold standard: service users and providers as equal partners.

The paper (section 2) notes that some writers reserve "co-production" for
partnerships in which clinicians and service users are equal partners, and keeps
that stricter sense apart from its own broad one. Here it is a model of its own:
both parties are partners (or lead) in both design and delivery.
"""

from __future__ import annotations

from humanising import Involvement, Stage
from humanising.models import (
    PAPER,
    PRODUCES,
    ROLES_WORDING,
    CriterionSpec,
    Judgement,
    Look,
    Model,
    Provides,
    Side,
    Voice,
    Wording,
    roles_dissolved,
)

MODEL_ID = "coproduction_gold_standard"

_SECTION = "paper, section 2"
EQUAL_PARTNERS = Voice(Side.SERVICE_USER, Involvement.PARTNER) & Provides(Involvement.PARTNER)
"""Service users and providers are both partners, or lead, at a stage."""
_DESIGN = Stage.DESIGN
_DELIVERY = Stage.DELIVERY


def _partners_in_design(look: Look) -> Judgement:
    return look.at(_DESIGN, EQUAL_PARTNERS)


def _partners_in_delivery(look: Look) -> Judgement:
    return look.at(_DELIVERY, EQUAL_PARTNERS)


def _partners_wording(stage: str) -> Wording:
    return Wording(
        met=f"Service users and providers are equal partners (partner or leads) at {stage}: {{seats}}.",
        unmet=f"Service users and providers are not both partners at {stage}: {{seats}}.",
        unknown=f"Whether service users and providers are equal partners at {stage} is unknown: {{seats}}.",
    )


EQUAL_PARTNERS_DESIGN = CriterionSpec(
    "equal_partners_design",
    True,
    "Service users and providers are partners or lead in design.",
    source=_SECTION,
    check=_partners_in_design,
    wording=_partners_wording("design"),
)
EQUAL_PARTNERS_DELIVERY = CriterionSpec(
    "equal_partners_delivery",
    True,
    "Service users and providers are partners or lead in delivery.",
    source=_SECTION,
    check=_partners_in_delivery,
    wording=_partners_wording("delivery"),
)
ROLES_SHARED = CriterionSpec(
    "roles_shared",
    True,
    "Role differentiation is dissolved.",
    source="paper, sections 2 and 4.3",
    check=roles_dissolved,
    wording=ROLES_WORDING,
)

MODEL: Model = Model.declared(
    id=MODEL_ID,
    name="Co-production (gold standard)",
    short_name="gold standard",
    summary="Service users and the professionals who provide the service are equal partners in design and delivery.",
    source=f"{PAPER}, section 2",
    criteria=(PRODUCES, EQUAL_PARTNERS_DESIGN, EQUAL_PARTNERS_DELIVERY, ROLES_SHARED),
)
"""Essential: something is produced; service users and the service's providers are both
partners (or lead) in design and in delivery; role differentiation is dissolved.

Example:
    >>> import humanising
    >>> MODEL.judge(humanising.casebook.load("sleepwell")).fit.value
    'does not fit'
"""
