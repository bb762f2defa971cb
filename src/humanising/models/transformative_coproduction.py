"""Transformative co-production, after Edgar Cahn.

The essay on Cahn's *No More Throwaway People* (2000) reads co-production as a
transformation of power and control: power relocates to service users,
survivors, their organisations and communities; the agenda is theirs rather than
the institution's; their knowledge has equal status; relations move from
subordination and dependency to parity, mutuality and reciprocity; everyone has
assets to contribute; fixed roles are disrupted; and challenge, even
confrontation, is part of the process. It is a change in the relationship between
professionals and service users, so professionals must take part; and it may
change individual relationships between practitioners and service users (where no
resources need move) or a whole service or system, and the verdict says which.
"""

from __future__ import annotations

from typing import Any

from humanising import UNKNOWN, FactPath, Involvement, RoleDifferentiation, Scale, Stage
from humanising.models import (
    CriterionSpec,
    FactCheck,
    Grounds,
    Judgement,
    Look,
    Model,
    Side,
    Verdict,
    Voice,
    Wording,
    any_of,
    in_stage_order,
    stage_names,
    stage_set,
    stages_in,
)

MODEL_ID = "transformative_coproduction"
ESSAY = "An essay on Edgar Cahn's transformative co-production and the legacy of the institutions"
_ESSAY_SOURCE = "essay on Cahn"

POWER_SIDES = Side.SERVICE_USER | Side.SURVIVOR | Side.COMMUNITY
"""Service users, survivors, organisations run by service users, and communities: those to whom the
essay says power relocates ("service users, survivors, their organisations and communities")."""
USER_SIDES = Side.SERVICE_USER | Side.SURVIVOR
"""Service users, survivors and organisations run by service users."""
DECISION_STAGES = stage_set(
    Stage.INITIATION,
    Stage.NEEDS_ASSESSMENT,
    Stage.DESIGN,
    Stage.POLICY,
    Stage.EVALUATION,
    Stage.CARE_DECISIONS,
)
RESOURCE_STAGES = stage_set(Stage.FUNDING, Stage.ALLOCATION)
HOLD_POWER = Voice(POWER_SIDES, Involvement.PARTNER)
"""Service users, survivors, their organisations or communities lead or partner at the stage."""
CONTRIBUTE = Voice(USER_SIDES, Involvement.INVOLVED)
RECIPROCITY_STAGES = stage_set(Stage.DELIVERY, Stage.CARE_DECISIONS)
WITH_PROFESSIONALS = Voice(Side.PROVIDER, Involvement.INVOLVED) & Voice(POWER_SIDES, Involvement.INVOLVED)
"""Mental-health professionals and service users (survivors, their organisations or communities) both
take part, involved or more, at the stage: a relationship between them that can be transformed."""
_SCALE_PATH = FactPath("observations", "scale")
_INDIVIDUAL = frozenset((Scale.INDIVIDUAL,))


def _decision_power(look: Look) -> Judgement:
    return look.somewhere(HOLD_POWER, DECISION_STAGES)


def _resource_power(look: Look) -> Judgement:
    # The essay allows "small but significant changes to individual relationships between
    # practitioners and service users": at that scale no resources need relocate.
    return any_of((look.fact(_SCALE_PATH, _INDIVIDUAL), look.somewhere(HOLD_POWER, RESOURCE_STAGES)))


_HOLDERS = "service users, survivors, their organisations or communities"
_NO_HOLDER = "No service user, survivor, organisation of theirs or community"


def _power_wording(what: str, stages: int) -> Wording:
    return Wording(
        met=f"{_HOLDERS.capitalize()} lead or partner on {what} at {{stages}}{{hedge}}: power relocates to them.",
        unmet=f"{_NO_HOLDER} leads or partners on {what} ({stage_names(stages_in(stages))}): {{seats}}.",
        unknown=f"Whether {_HOLDERS} lead or partner on {what} is unknown: {{seats}}.",
    )


def _scale_item(grounds: Grounds) -> Any:
    return next((item for item in grounds.evidence if item.path == _SCALE_PATH), None)


_RESOURCE_WORDING = _power_wording("resources", RESOURCE_STAGES)


def _resource_met(grounds: Grounds) -> str:
    scale = _scale_item(grounds)
    if scale is not None and scale.value is Scale.INDIVIDUAL and not grounds.participations():
        return (
            "The change is to individual relationships between practitioners and service users"
            f"{grounds.hedge}: at that scale the essay asks for no relocation of resources."
        )
    return _RESOURCE_WORDING.render(grounds)


def _resource_unmet(grounds: Grounds) -> str:
    scale = _scale_item(grounds)
    at = f"; the change is at the scale of {_SCALE_WORDS[scale.value.value]}" if scale is not None else ""
    return (
        f"{_NO_HOLDER} leads or partners on resources ({stage_names(stages_in(RESOURCE_STAGES))}): "
        f"{grounds.seats}{at}, where resources must relocate too."
    )


def _resource_unknown(grounds: Grounds) -> str:
    scale = _scale_item(grounds)
    if scale is not None and scale.value is UNKNOWN:
        return (
            f"Whether {_HOLDERS} lead or partner on resources is unknown: {grounds.seats}; and the scale of change, "
            "which decides whether resources must relocate (not at the scale of individual relationships), is unknown."
        )
    return f"Whether {_HOLDERS} lead or partner on resources is unknown: {grounds.seats}."


DECISION_POWER = CriterionSpec(
    "decision_power",
    True,
    "Service users, survivors or communities lead or partner on decisions.",
    source=_ESSAY_SOURCE,
    check=_decision_power,
    wording=_power_wording("decisions", DECISION_STAGES),
)
RESOURCE_POWER = CriterionSpec(
    "resource_power",
    True,
    "Service users, survivors or communities lead or partner on resources, unless the change is to "
    "individual relationships only.",
    source=_ESSAY_SOURCE,
    check=_resource_power,
    wording=Wording(met=_resource_met, unmet=_resource_unmet, unknown=_resource_unknown),
)


def _professional_relationship(look: Look) -> Judgement:
    return look.somewhere(WITH_PROFESSIONALS)


def _relationship_unknown(grounds: Grounds) -> str:
    silent = [
        Stage(item.path.steps[1].parts[0])  # type: ignore[union-attr] # silent_stages[stage]
        for item in grounds.unknown
        if item.path.steps[0] == "silent_stages"
    ]
    seats = grounds.seats if grounds.participations() else "they take part together at no recorded stage"
    where = f"; the sources are silent about who took part at {stage_names(in_stage_order(silent))}" if silent else ""
    return f"Whether mental-health professionals take part with service users is unknown: {seats}{where}."


PROFESSIONAL_RELATIONSHIP = CriterionSpec(
    "professional_relationship",
    True,
    "Mental-health professionals take part with service users: there is a relationship between them to transform.",
    source=_ESSAY_SOURCE,
    check=_professional_relationship,
    wording=Wording(
        met=(
            "Mental-health professionals and service users take part together at {stages}{hedge}: "
            "there is a relationship between them to transform."
        ),
        unmet=(
            "No stage has mental-health professionals taking part (involved or more) with service users, "
            "survivors or communities: {seats}. The essay's transformation is of the relationship between "
            "professionals and service users."
        ),
        unknown=_relationship_unknown,
    ),
)

_AGENDA_PATH = FactPath("observations", "agenda_set_by")
_EQUAL_STATUS_PATH = FactPath("observations", "user_knowledge_equal_status")
_ASSETS_PATH = FactPath("observations", "assets_view")
_ROLES_PATH = FactPath("role_differentiation")
_DISSENT_PATH = FactPath("observations", "dissent")
_ABSORBED_PATH = FactPath("observations", "absorbed_into_procedure")
_AGENDA_WORDS = {
    "service_users": "service users or their organisations",
    "shared": "service users and the institution together",
}


def _not_the_institution(value: Any) -> bool:
    return bool(value.value != "institution")


def _heard(value: Any) -> bool:
    return bool(value.value == "heard")


_DISSOLVED = frozenset((RoleDifferentiation.DISSOLVED,))
_TRUE = frozenset((True,))
_FALSE = frozenset((False,))


def _agenda_met(grounds: Grounds) -> str:
    value = grounds.evidence[0].value
    words = _AGENDA_WORDS.get(str(value), str(value).replace("_", " "))
    if str(value) == "shared":
        return f"The agenda is set by {words}{grounds.hedge}: it is not determined by what the institution wants alone."
    return f"The agenda is set by {words}{grounds.hedge}, not by what the institution wants."


OWN_AGENDA = CriterionSpec(
    "own_agenda",
    True,
    "The agenda is not set by what the institution wants.",
    source=_ESSAY_SOURCE,
    check=FactCheck(_AGENDA_PATH, holds=_not_the_institution),
    wording=Wording(
        met=_agenda_met,
        unmet="The agenda is set by the institution{hedge}: clinical or organisational goals drive it.",
        unknown="Who sets the agenda is unknown.",
    ),
)


EQUAL_KNOWLEDGE = CriterionSpec(
    "equal_knowledge",
    False,
    "Service users' knowledge has equal status.",
    source=_ESSAY_SOURCE,
    check=FactCheck(_EQUAL_STATUS_PATH, holds=_TRUE),
    wording=Wording(
        met="Service users' knowledge has equal status{hedge}.",
        unmet="Service users' knowledge does not have equal status{hedge}.",
        unknown="Whether service users' knowledge has equal status is unknown.",
    ),
)


def _reciprocity(look: Look) -> Judgement:
    return look.somewhere(CONTRIBUTE, RECIPROCITY_STAGES)


RECIPROCITY = CriterionSpec(
    "reciprocity",
    False,
    "Service users contribute as well as receive: to delivery, or to the decisions on their own care.",
    source=_ESSAY_SOURCE,
    check=_reciprocity,
    wording=Wording(
        met="Service users contribute as well as receive: {seats}.",
        unmet=(
            "Service users do not contribute (involved or more) to delivery or to the decisions on their own "
            "care: {seats}."
        ),
        unknown="Whether service users contribute as well as receive is unknown: {seats}.",
    ),
)


ASSETS = CriterionSpec(
    "assets",
    False,
    "Everyone is treated as having something to contribute.",
    source=_ESSAY_SOURCE,
    check=FactCheck(_ASSETS_PATH, holds=_TRUE),
    wording=Wording(
        met="Everyone is treated as having something to contribute{hedge}.",
        unmet="Not everyone is treated as having something to contribute{hedge}.",
        unknown="Whether everyone is treated as having something to contribute is unknown.",
    ),
)


ROLES_DISRUPTED = CriterionSpec(
    "roles_disrupted",
    False,
    "Fixed roles are disrupted.",
    source=_ESSAY_SOURCE,
    check=FactCheck(_ROLES_PATH, holds=_DISSOLVED),
    wording=Wording(
        met="Fixed roles are disrupted: role differentiation is {value}{hedge}.",
        unmet="Fixed roles stay in place: role differentiation is {value}{hedge}.",
        unknown="Whether fixed roles are disrupted is unknown.",
    ),
)


CHALLENGE = CriterionSpec(
    "challenge",
    False,
    "Challenge and confrontation are admitted as part of the process.",
    source=_ESSAY_SOURCE,
    check=FactCheck(_DISSENT_PATH, holds=_heard),
    wording=Wording(
        met="Challenge and dissent are heard{hedge}: confrontation can be part of the process.",
        unmet="Challenge is not admitted: dissent is {value}{hedge}.",
        unknown="What happens to challenge and dissent is unknown.",
    ),
)


NOT_ABSORBED = CriterionSpec(
    "not_absorbed",
    False,
    "It is not absorbed into standard administrative procedure.",
    source=_ESSAY_SOURCE,
    check=FactCheck(_ABSORBED_PATH, holds=_FALSE),
    wording=Wording(
        met="It has not been absorbed into standard procedure{hedge}.",
        unmet="It has been absorbed into standard administrative procedure{hedge}.",
        unknown="Whether it has been absorbed into standard procedure is unknown.",
    ),
)

_SCALE_WORDS = {
    "individual": "the relationships of particular practitioners with the people they work with",
    "service": "a service",
    "system": "the wider system",
}


def _notes(look: Look, _verdict: Verdict) -> tuple[str, ...]:
    scale = look.initiative.observations.scale
    if scale.value is UNKNOWN:
        return ()
    return (f"The scale of change is {_SCALE_WORDS[scale.value.value]}{scale.hedge}.",)


MODEL: Model = Model.declared(
    id=MODEL_ID,
    name="Transformative co-production",
    short_name="transformative",
    summary=(
        "Power, control and the agenda relocate to service users, survivors, their organisations and "
        "communities; relations with professionals move to parity and reciprocity; roles are disrupted; "
        "challenge is admitted."
    ),
    source=ESSAY,
    criteria=(
        DECISION_POWER,
        RESOURCE_POWER,
        OWN_AGENDA,
        PROFESSIONAL_RELATIONSHIP,
        EQUAL_KNOWLEDGE,
        RECIPROCITY,
        ASSETS,
        ROLES_DISRUPTED,
        CHALLENGE,
        NOT_ABSORBED,
    ),
    notes=_notes,
)
"""Essential: service users, survivors, their organisations or communities lead or partner on
decisions, and on resources unless the change is to individual relationships only; the agenda
is theirs (or shared), not the institution's; mental-health professionals take part with them,
so that there is a relationship to transform. Qualifying: their knowledge has equal status; they
contribute to delivery or to the decisions on their own care as well as receive; everyone is
treated as having assets; fixed roles are dissolved; challenge is heard; it has not been
absorbed into standard procedure. A note gives the scale of change where it is known.

Example:
    >>> import humanising
    >>> MODEL.judge(humanising.casebook.load("sleepwell")).fit.value
    'does not fit'
"""
