"""Transformative co-production, after Edgar Cahn.

The essay on Cahn's *No More Throwaway People* (2000) reads co-production as a
transformation of power and control: power relocates to service users,
survivors, their organisations and communities; the agenda is theirs rather than
the institution's; their knowledge has equal status; relations move from
subordination and dependency to parity, mutuality and reciprocity; everyone has
assets to contribute; fixed roles are disrupted; and challenge, even
confrontation, is part of the process. It may change individual relationships or
a whole service or system, and the verdict says which.
"""

from __future__ import annotations

from typing import Any

from humanising import UNKNOWN, Fact, FactPath, Initiative, Involvement, RoleDifferentiation, Stage
from humanising.models import (
    CriterionSpec,
    Index,
    Model,
    RawCriterion,
    Side,
    Status,
    Verdict,
    criterion,
    index_of,
    judgement_of,
    paths,
    seat_phrases,
    seats_on,
    stage_names,
    voiced,
    weakest_hedge,
)

_ABSORBED_INTO_PROCEDURE_PATH = FactPath("observations", "absorbed_into_procedure")
_AGENDA_SET_BY_PATH = FactPath("observations", "agenda_set_by")
_ASSETS_VIEW_PATH = FactPath("observations", "assets_view")
_DISSENT_PATH = FactPath("observations", "dissent")
_ROLE_DIFFERENTIATION_PATH = FactPath("role_differentiation")
_USER_KNOWLEDGE_EQUAL_STATUS_PATH = FactPath("observations", "user_knowledge_equal_status")

MODEL_ID = "transformative_coproduction"

DECISION_POWER = CriterionSpec("decision_power", True, "Service users or survivors lead or partner on decisions.")
RESOURCE_POWER = CriterionSpec("resource_power", True, "Service users or survivors lead or partner on resources.")
OWN_AGENDA = CriterionSpec("own_agenda", True, "The agenda is not set by what the institution wants.")
EQUAL_KNOWLEDGE = CriterionSpec("equal_knowledge", False, "Service users' knowledge has equal status.")
RECIPROCITY = CriterionSpec("reciprocity", False, "Service users contribute as well as receive.")
ASSETS = CriterionSpec("assets", False, "Everyone is treated as having something to contribute.")
ROLES_DISRUPTED = CriterionSpec("roles_disrupted", False, "Fixed roles are disrupted.")
CHALLENGE = CriterionSpec("challenge", False, "Challenge and confrontation are admitted as part of the process.")
NOT_ABSORBED = CriterionSpec("not_absorbed", False, "It is not absorbed into standard administrative procedure.")
ESSAY = "An essay on Edgar Cahn's transformative co-production and the legacy of the institutions"

POWER_SIDES = Side.SERVICE_USER | Side.SURVIVOR
"""Service users, survivors and organisations run by service users."""
DECISION_STAGES = (
    Stage.INITIATION,
    Stage.NEEDS_ASSESSMENT,
    Stage.DESIGN,
    Stage.POLICY,
    Stage.EVALUATION,
    Stage.CARE_DECISIONS,
)

# Enum members are slow to look up on Python 3.11 (its EnumType defines __getattr__),
# so the ones used while judging are bound once here.
_INVOLVED = Involvement.INVOLVED
_PARTNER = Involvement.PARTNER
_DISSOLVED = RoleDifferentiation.DISSOLVED
_ALLOCATION = Stage.ALLOCATION
_CARE_DECISIONS = Stage.CARE_DECISIONS
_DELIVERY = Stage.DELIVERY
_DESIGN = Stage.DESIGN
_EVALUATION = Stage.EVALUATION
_FUNDING = Stage.FUNDING
_INITIATION = Stage.INITIATION
_NEEDS_ASSESSMENT = Stage.NEEDS_ASSESSMENT
_POLICY = Stage.POLICY
_MET = Status.MET
_STATUS_UNKNOWN = Status.UNKNOWN
_UNMET = Status.UNMET
RESOURCE_STAGES = (_FUNDING, _ALLOCATION)


def _render_power(status: Status, what: str, index: Index, stages: tuple[Stage, ...]) -> str:
    if status is _MET:
        holding = tuple(stage for stage in stages if index.voice(stage, POWER_SIDES, _PARTNER)[0] is True)
        hedge = weakest_hedge(voiced(index, holding, POWER_SIDES, _PARTNER))
        return (
            f"Service users or survivors lead or partner on {what} at {stage_names(holding)}{hedge}: "
            "power relocates to them."
        )
    phrases = seat_phrases(index, seats_on(index, stages, POWER_SIDES))
    if status is _STATUS_UNKNOWN:
        return f"Whether service users or survivors lead or partner on {what} is unknown: {phrases}."
    return (
        f"No service user, survivor or organisation of theirs leads or partners on {what} "
        f"({stage_names(stages)}): {phrases}."
    )


def _power(index: Index, stages: tuple[Stage, ...], what: str, declared: CriterionSpec) -> RawCriterion:
    return criterion(
        declared,
        index.voice_anywhere(stages, POWER_SIDES, _PARTNER),
        _render_power,
        what,
        index,
        stages,
        facts=lambda: paths(seats_on(index, stages, POWER_SIDES)),
    )


_WORDS = {
    "service_users": "service users or their organisations",
    "shared": "service users and the institution together",
}

_FACT_WORDING = {
    "own_agenda": (
        "The agenda is set by {value}{hedge}, not by what the institution wants.",
        "The agenda is set by the institution{hedge}: clinical or organisational goals drive it.",
        "Who sets the agenda is unknown.",
    ),
    "equal_knowledge": (
        "Service users' knowledge has equal status{hedge}.",
        "Service users' knowledge does not have equal status{hedge}.",
        "Whether service users' knowledge has equal status is unknown.",
    ),
    "assets": (
        "Everyone is treated as having something to contribute{hedge}.",
        "Not everyone is treated as having something to contribute{hedge}.",
        "Whether everyone is treated as having something to contribute is unknown.",
    ),
    "roles_disrupted": (
        "Fixed roles are disrupted: role differentiation is {value}{hedge}.",
        "Fixed roles stay in place: role differentiation is {value}{hedge}.",
        "Whether fixed roles are disrupted is unknown.",
    ),
    "challenge": (
        "Challenge and dissent are heard{hedge}: confrontation can be part of the process.",
        "Challenge is not admitted: dissent is {value}{hedge}.",
        "What happens to challenge and dissent is unknown.",
    ),
    "not_absorbed": (
        "It has not been absorbed into standard procedure{hedge}.",
        "It has been absorbed into standard administrative procedure{hedge}.",
        "Whether it has been absorbed into standard procedure is unknown.",
    ),
}


def _render_fact(status: Status, key: str, value: str, hedge: str) -> str:
    met, unmet, unknown = _FACT_WORDING[key]
    template = {_MET: met, _UNMET: unmet, _STATUS_UNKNOWN: unknown}[status]
    return template.format(value=value, hedge=hedge)


def _from_fact(declared: CriterionSpec, path: FactPath, fact: Fact[Any], holds: bool) -> RawCriterion:
    judgement = judgement_of(fact, path, holds)
    shown = "" if fact.value is UNKNOWN else _WORDS.get(str(fact.value), str(fact.value).replace("_", " "))
    return criterion(declared, judgement, _render_fact, declared.id, shown, fact.hedge, facts=(path,))


def _render_reciprocity(status: Status, index: Index) -> str:
    phrases = seat_phrases(index, index.seats(_DELIVERY, POWER_SIDES))
    if status is _MET:
        return f"Service users contribute as well as receive: {phrases}."
    if status is _STATUS_UNKNOWN:
        return f"Whether service users contribute as well as receive is unknown: {phrases}."
    return f"Service users receive without contributing to delivery: {phrases}."


def transformative_coproduction(initiative: Initiative) -> Verdict:
    """Judge whether an initiative's co-production is transformative in Cahn's sense.

    Essential: service users, survivors or their organisations lead or partner on
    decisions, and on resources; the agenda is theirs (or shared), not the
    institution's. Qualifying: their knowledge has equal status; they contribute
    to delivery as well as receive; everyone is treated as having assets; fixed
    roles are dissolved; challenge is heard; it has not been absorbed into standard
    procedure. A note gives the scale of change where it is known.

    Args:
        initiative: The initiative to judge.

    Returns:
        The verdict, with one result per criterion.

    Example:
        >>> import humanising
        >>> transformative_coproduction(humanising.casebook.load("sleepwell")).fit.value
        'does not fit'
    """
    index = index_of(initiative)
    observations = initiative.observations
    agenda = observations.agenda_set_by.value
    roles = initiative.role_differentiation.value
    dissent = observations.dissent.value
    results = (
        _power(index, DECISION_STAGES, "decisions", DECISION_POWER),
        _power(index, RESOURCE_STAGES, "resources", RESOURCE_POWER),
        _from_fact(
            OWN_AGENDA,
            _AGENDA_SET_BY_PATH,
            observations.agenda_set_by,
            agenda is not UNKNOWN and agenda.value != "institution",
        ),
        _from_fact(
            EQUAL_KNOWLEDGE,
            _USER_KNOWLEDGE_EQUAL_STATUS_PATH,
            observations.user_knowledge_equal_status,
            observations.user_knowledge_equal_status.value is True,
        ),
        criterion(
            RECIPROCITY,
            index.voice(_DELIVERY, POWER_SIDES, _INVOLVED),
            _render_reciprocity,
            index,
            facts=lambda: paths(index.seats(_DELIVERY, POWER_SIDES)),
        ),
        _from_fact(
            ASSETS,
            _ASSETS_VIEW_PATH,
            observations.assets_view,
            observations.assets_view.value is True,
        ),
        _from_fact(
            ROLES_DISRUPTED,
            _ROLE_DIFFERENTIATION_PATH,
            initiative.role_differentiation,
            roles is _DISSOLVED,
        ),
        _from_fact(
            CHALLENGE,
            _DISSENT_PATH,
            observations.dissent,
            dissent is not UNKNOWN and dissent.value == "heard",
        ),
        _from_fact(
            NOT_ABSORBED,
            _ABSORBED_INTO_PROCEDURE_PATH,
            observations.absorbed_into_procedure,
            observations.absorbed_into_procedure.value is False,
        ),
    )
    scale = observations.scale
    notes: tuple[str, ...] = ()
    if scale.value is not UNKNOWN:
        where = {
            "individual": "the relationships of particular practitioners with the people they work with",
            "service": "a service",
            "system": "the wider system",
        }[scale.value.value]
        notes = (f"The scale of change is {where}{scale.hedge}.",)
    return Verdict.judge(MODEL_ID, results, notes=notes)


MODEL: Model = Model(
    id=MODEL_ID,
    name="Transformative co-production",
    short_name="transformative",
    judge=transformative_coproduction,
    summary=(
        "Power, control and the agenda relocate to service users, survivors, their organisations and "
        "communities; relations move to parity and reciprocity; roles are disrupted; challenge is admitted."
    ),
    source=ESSAY,
    criteria=(
        DECISION_POWER,
        RESOURCE_POWER,
        OWN_AGENDA,
        EQUAL_KNOWLEDGE,
        RECIPROCITY,
        ASSETS,
        ROLES_DISRUPTED,
        CHALLENGE,
        NOT_ABSORBED,
    ),
)
