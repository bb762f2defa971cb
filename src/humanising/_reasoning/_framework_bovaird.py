"""Bovaird's (2007) matrix: who plans a service by who delivers it.

Bovaird sets professionals' and users' (and communities') parts in service planning
against their parts in service delivery: professionals alone, both together, or users
and communities without professionals, on each axis. Only where both plan and both
deliver is it "full user/professional co-production".

The crosswalk reads each axis from the initiative's participations: planning is
initiation, needs assessment, design and policy; delivery is delivery. Users and
communities take part with at least a real voice (``involved``); professionals are
the providers of what is produced, as the co-production model counts them.
"""

from __future__ import annotations

from collections.abc import Callable

from humanising._facts import Involvement
from humanising._reasoning._crosswalks import DELIVERY, PLANNING, PROVIDERS, USERS_AND_COMMUNITIES, phase_wording, voice
from humanising._reasoning._frameworks import Framework, FrameworkKind, Step
from humanising._reasoning._logic import Judgement, all_of, negate
from humanising._reasoning._look import Look, StageSet

CITATION = (
    "Bovaird, T. (2007). Beyond engagement and participation: user and community coproduction of public "
    "services. Public Administration Review, 67(5), 846-860 (table 1)."
)

_USERS = voice(Involvement.INVOLVED, USERS_AND_COMMUNITIES)

Axis = Callable[[Look, StageSet], Judgement]


def _professionals_alone(look: Look, phase: StageSet) -> Judgement:
    return all_of(look.somewhere(PROVIDERS, phase), negate(look.somewhere(_USERS, phase)))


def _together(look: Look, phase: StageSet) -> Judgement:
    return all_of(look.somewhere(PROVIDERS, phase), look.somewhere(_USERS, phase))


def _users_alone(look: Look, phase: StageSet) -> Judgement:
    return all_of(look.somewhere(_USERS, phase), negate(look.somewhere(PROVIDERS, phase)))


_AXES: dict[str, tuple[Axis, str]] = {
    "professionals": (_professionals_alone, "professionals alone"),
    "co": (_together, "professionals with users or communities"),
    "users": (_users_alone, "users or communities without professionals"),
}


def _cell_check(planning: Axis, delivery: Axis) -> Callable[[Look], Judgement]:
    def check(look: Look) -> Judgement:
        return all_of(planning(look, PLANNING), delivery(look, DELIVERY))

    return check


def _cell(step_id: str, name: str, meaning: str, planning: str, delivery: str) -> Step:
    plan_check, plan_words = _AXES[planning]
    deliver_check, deliver_words = _AXES[delivery]
    reading = f"planned by {plan_words} and delivered by {deliver_words}"
    return Step(
        step_id,
        name,
        meaning,
        f"At planning (initiation, needs assessment, design, policy): {plan_words}; at delivery: {deliver_words}. "
        "Users and communities count with at least a real voice (involved); professionals are the providers "
        "of what is produced.",
        check=_cell_check(plan_check, deliver_check),
        wording=phase_wording(
            met=f"It is {reading}",
            unmet=f"It is not {reading}",
            unknown=f"Whether it is {reading} is unknown",
        ),
    )


FULL = "full"

BOVAIRD = Framework(
    id="bovaird",
    name="Bovaird's planning-by-delivery matrix",
    short_name="Bovaird",
    kind=FrameworkKind.MATRIX,
    citation=CITATION,
    summary=(
        "Professionals' and users' or communities' parts in service planning, set against their parts in "
        "service delivery; only where both plan and both deliver is it full user/professional co-production."
    ),
    steps=(
        _cell(
            "traditional",
            "Traditional professional provision",
            "Professionals plan and deliver the service on their own.",
            "professionals",
            "professionals",
        ),
        _cell(
            "co_planned",
            "Professional provision, co-planned",
            "Users and communities take part in planning and design; professionals deliver alone.",
            "co",
            "professionals",
        ),
        _cell(
            "user_planned",
            "Professional delivery of a user-planned service",
            "Users and communities plan without professionals, who then deliver.",
            "users",
            "professionals",
        ),
        _cell(
            "co_delivered",
            "User co-delivery of a professionally planned service",
            "Professionals plan; users and communities deliver alongside them.",
            "professionals",
            "co",
        ),
        _cell(
            FULL,
            "Full user/professional co-production",
            "Professionals and users or communities both plan and both deliver.",
            "co",
            "co",
        ),
        _cell(
            "user_planned_co_delivered",
            "Co-delivery of a user-planned service",
            "Users and communities plan without professional input, and deliver alongside professionals.",
            "users",
            "co",
        ),
        _cell(
            "user_delivered",
            "User delivery of a professionally planned service",
            "Professionals plan; users and communities deliver without them.",
            "professionals",
            "users",
        ),
        _cell(
            "user_delivered_co_planned",
            "User delivery of a co-planned service",
            "Planned together; users and communities deliver without professionals.",
            "co",
            "users",
        ),
        _cell(
            "self_organised",
            "Self-organised community provision",
            "Users and communities plan and deliver it with no professional part.",
            "users",
            "users",
        ),
    ),
    coproduction=(FULL,),
)
"""Bovaird (2007): professionals and users or communities, in planning and in delivery; nine cells."""
