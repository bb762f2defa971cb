"""The Involvement Matrix (Smits et al., 2020): the roles people with lived experience take, phase by phase.

Five roles (listener, co-thinker, advisor, partner, decision-maker) by three phases of a
project (preparation, execution, implementation). The crosswalk reads a role from the
involvement ladder (informed, consulted, involved, partner, leads) and a phase from the
stages. A cell is met when, at some stage of that phase, the highest say anyone with
lived experience has is that role's.
"""

from __future__ import annotations

from collections.abc import Callable

from humanising._facts import Involvement, Stage
from humanising._reasoning._crosswalks import seat_wording, voice
from humanising._reasoning._frameworks import Framework, FrameworkKind, Step
from humanising._reasoning._logic import Judgement
from humanising._reasoning._look import Condition, Look, StageSet, stage_set

_PHASES: tuple[tuple[str, str, StageSet], ...] = (
    (
        "preparation",
        "initiation, needs assessment, design, policy and funding",
        stage_set(Stage.INITIATION, Stage.NEEDS_ASSESSMENT, Stage.DESIGN, Stage.POLICY, Stage.FUNDING),
    ),
    (
        "execution",
        "delivery, allocation, recruitment and training, and individual care decisions",
        stage_set(Stage.DELIVERY, Stage.ALLOCATION, Stage.RECRUITMENT_TRAINING, Stage.CARE_DECISIONS),
    ),
    ("implementation", "evaluation, and research and advocacy", stage_set(Stage.EVALUATION, Stage.RESEARCH_ADVOCACY)),
)

_ROLES: tuple[tuple[str, str, str, Involvement], ...] = (
    ("listener", "Listener", "is told about the project", Involvement.INFORMED),
    ("co_thinker", "Co-thinker", "is asked for views and experience", Involvement.CONSULTED),
    ("advisor", "Advisor", "gives advice that is weighed in decisions", Involvement.INVOLVED),
    ("partner", "Partner", "works and decides as an equal", Involvement.PARTNER),
    ("decision_maker", "Decision-maker", "takes the initiative and decides", Involvement.LEADS),
)
_LEVELS = tuple(level for *_, level in _ROLES)


def _highest_is(level: Involvement) -> Condition:
    # The highest say anyone with lived experience has at the stage is exactly ``level``.
    above = _LEVELS.index(level) + 1
    condition: Condition = voice(level)
    if above < len(_LEVELS):
        condition = condition & ~voice(_LEVELS[above])
    return condition


def _cell_check(level: Involvement, phase: StageSet) -> Callable[[Look], Judgement]:
    condition = _highest_is(level)

    def check(look: Look) -> Judgement:
        return look.somewhere(condition, phase)

    return check


def _cell(role: tuple[str, str, str, Involvement], phase: tuple[str, str, StageSet]) -> Step:
    role_id, role_name, does, level = role
    phase_id, stages, mask = phase
    said = f"the highest say of anyone with lived experience is {level} at a stage of {phase_id}"
    return Step(
        f"{role_id}@{phase_id}",
        f"{role_name} in {phase_id}",
        f"In {phase_id}, the person with lived experience {does}.",
        f"At some stage of {phase_id} ({stages}), the highest say anyone with lived experience has is {level}.",
        check=_cell_check(level, mask),
        wording=seat_wording(
            met=f"At some stage, {said}",
            unmet=f"At no stage is {said}",
            unknown=f"Whether {said} is unknown",
        ),
    )


INVOLVEMENT_MATRIX = Framework(
    id="involvement_matrix",
    name="Involvement Matrix",
    short_name="Involvement Matrix",
    kind=FrameworkKind.MATRIX,
    citation=(
        "Smits, D.-W., van Meeteren, K., Klem, M., Alsem, M., & Ketelaar, M. (2020). Designing a tool to support "
        "patient and public involvement in research projects: the Involvement Matrix. Research Involvement and "
        "Engagement, 6, 30."
    ),
    summary=(
        "The role a person with lived experience takes (listener, co-thinker, advisor, partner, decision-maker) "
        "in each phase of a project (preparation, execution, implementation); a person may take several."
    ),
    steps=tuple(_cell(role, phase) for role in _ROLES for phase in _PHASES),
    coproduction=tuple(f"partner@{phase_id}" for phase_id, _, _ in _PHASES),
)
"""Smits et al. (2020): five roles by three phases; every cell is expressible through involvement."""
