"""Co-production as a gold standard: service users and providers as equal partners.

The paper (section 2) notes that some writers reserve "co-production" for
partnerships in which clinicians and service users are equal partners, and keeps
that stricter sense apart from its own broad one. Here it is a model of its own:
both parties are partners (or lead) in both design and delivery.
"""

from __future__ import annotations

from humanising import Initiative, Involvement, Stage
from humanising.models import (
    PAPER,
    PRODUCES,
    CriterionSpec,
    Fit,
    Index,
    Model,
    RawCriterion,
    Side,
    Status,
    Verdict,
    all_of,
    criterion,
    fit_of,
    index_of,
    paths,
    produces,
    roles_not_kept,
    seat_phrases,
    stage_names,
)

# Enum members are slow to look up on Python 3.11 (its EnumType defines __getattr__),
# so the ones used while judging are bound once here.
_PARTNER = Involvement.PARTNER
_DELIVERY = Stage.DELIVERY
_DESIGN = Stage.DESIGN
_MET = Status.MET
_STATUS_UNKNOWN = Status.UNKNOWN

MODEL_ID = "coproduction_gold_standard"

_SERVICE_USERS = Side.SERVICE_USER
_PROVIDERS = Side.PROVIDER
_BOTH = _SERVICE_USERS | _PROVIDERS
EQUAL_PARTNERS_DESIGN = CriterionSpec(
    "equal_partners_design", True, "Service users and providers are partners or lead in design."
)
EQUAL_PARTNERS_DELIVERY = CriterionSpec(
    "equal_partners_delivery", True, "Service users and providers are partners or lead in delivery."
)
ROLES_SHARED = CriterionSpec("roles_shared", True, "Role differentiation is dissolved.")
_DECLARED = {_DESIGN: EQUAL_PARTNERS_DESIGN, _DELIVERY: EQUAL_PARTNERS_DELIVERY}


def _render_partners(status: Status, index: Index, stage: Stage) -> str:
    phrases = seat_phrases(index, index.seats(stage, _BOTH))
    stage_name = stage_names([stage])
    if status is _MET:
        return f"Service users and providers are equal partners (partner or leads) at {stage_name}: {phrases}."
    if status is _STATUS_UNKNOWN:
        return f"Whether service users and providers are equal partners at {stage_name} is unknown: {phrases}."
    return f"Service users and providers are not both partners at {stage_name}: {phrases}."


def _equal_partners(index: Index, stage: Stage) -> RawCriterion:
    judgement = all_of(
        index.voice(stage, _SERVICE_USERS, _PARTNER),
        index.voice(stage, _PROVIDERS, _PARTNER),
    )
    return criterion(
        _DECLARED[stage],
        judgement,
        _render_partners,
        index,
        stage,
        facts=lambda: paths(index.seats(stage, _BOTH)),
    )


def coproduction_gold_standard(initiative: Initiative) -> Verdict:
    """Judge whether an initiative reaches the gold standard of co-production.

    Essential: something is produced; service users and the service's providers
    are both partners (or lead) in design and in delivery; role differentiation
    is not kept.

    Args:
        initiative: The initiative to judge.

    Returns:
        The verdict, with one result per criterion.

    Example:
        >>> import humanising
        >>> coproduction_gold_standard(humanising.casebook.load("sleepwell")).fit.value
        'does not fit'
    """
    return Verdict.judge(MODEL_ID, _results(initiative))


def gold_standard_fit(initiative: Initiative) -> Fit:
    """The fit of this model's verdict, from the same criteria, without writing the verdict."""
    return fit_of(_results(initiative))


def _results(initiative: Initiative) -> tuple[RawCriterion, ...]:
    index = index_of(initiative)
    return (
        produces(initiative),
        _equal_partners(index, _DESIGN),
        _equal_partners(index, _DELIVERY),
        roles_not_kept(initiative, ROLES_SHARED),
    )


MODEL: Model = Model(
    id=MODEL_ID,
    name="Co-production (gold standard)",
    short_name="gold standard",
    judge=coproduction_gold_standard,
    summary="Service users and the professionals who provide the service are equal partners in design and delivery.",
    source=f"{PAPER}, section 2",
    criteria=(PRODUCES, EQUAL_PARTNERS_DESIGN, EQUAL_PARTNERS_DELIVERY, ROLES_SHARED),
)
