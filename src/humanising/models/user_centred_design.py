"""User-centred design (paper, sections 3 and 4.2).

A three-cornered relationship of client, designer and end user; research with
end users, ideation, prototyping, and iterations that respond to *end users'*
needs. Neither client nor designer has to be a service user; where they are, the
usual power gap between client, designer and end user does not arise, and the
verdict notes it.
"""

from __future__ import annotations

from humanising import UNKNOWN, Fact, FactPath, Initiative, Involvement, Revision, Role, Stage, Stakeholder
from humanising.models import (
    FALSE,
    PAPER,
    TRUE,
    CriterionSpec,
    Index,
    Judgement,
    Model,
    RawCriterion,
    Status,
    Verdict,
    criterion,
    index_of,
    is_service_user,
    judgement_of,
    seat_phrases,
)

_END_USER_RESEARCH_PATH = FactPath("design_process", "end_user_research")
_IDEATION_PATH = FactPath("design_process", "ideation")
_PROTOTYPING_PATH = FactPath("design_process", "prototyping")

# Enum members are slow to look up on Python 3.11 (its EnumType defines __getattr__),
# so the ones used while judging are bound once here.
_CONSULTED = Involvement.CONSULTED
_CLIENT = Role.CLIENT
_DESIGNER = Role.DESIGNER
_END_USER = Role.END_USER
_EVALUATION = Stage.EVALUATION
_MET = Status.MET
_STATUS_UNKNOWN = Status.UNKNOWN
_UNMET = Status.UNMET

MODEL_ID = "user_centred_design"

ROLES = CriterionSpec("roles", True, "There is a client, a designer and end users.")
RESEARCH = CriterionSpec("research", True, "Research with end users to understand their needs.")
IDEATION = CriterionSpec("ideation", False, "Ideas generated to address those needs.")
PROTOTYPING = CriterionSpec("prototyping", True, "Prototypes or pilots test the design before it is finalised.")
ITERATION = CriterionSpec("iteration", True, "Revisions respond to end users' needs.")

_ROLES = (_CLIENT, _DESIGNER, _END_USER)
_ROLE_WORDS = {_CLIENT: "client", _DESIGNER: "designer", _END_USER: "end user"}


def _render_roles(status: Status, by_role: dict[Role, tuple[Stakeholder, ...]]) -> str:
    if status is _MET:
        found = "; ".join(
            f"{_ROLE_WORDS[role]}: {', '.join(s.name for s in by_role[role])}" for role in _ROLES if by_role[role]
        )
        return f"There is a client, a designer and end users: {found}."
    missing = ", ".join(_ROLE_WORDS[role] for role in _ROLES if not by_role[role])
    return f"The three corners of design are not all there: no {missing}."


def _render_fact(status: Status, what: str, hedge: str, note: str) -> str:
    extra = f" ({note})" if note else ""
    if status is _MET:
        return f"There was {what}{hedge}{extra}."
    if status is _STATUS_UNKNOWN:
        return f"Whether there was {what} is unknown."
    return f"There was no {what}{hedge}{extra}."


def _render_research(status: Status, hedge: str, note: str, index: Index, end_users: frozenset[str]) -> str:
    sentence = _render_fact(status, "research with end users to understand their needs", hedge, note)
    if status is _UNMET:
        feedback = tuple(
            p
            for p in index.seats(_EVALUATION)
            if p.stakeholder in end_users and p.involvement is not UNKNOWN and p.involvement.at_least(_CONSULTED)
        )
        if feedback:
            sentence += (
                f" End users' feedback informed the evaluation, not the design: {seat_phrases(index, feedback)}."
            )
    return sentence


def _render_iteration(status: Status, index: Index, shown: tuple[Revision, ...]) -> str:
    if status is _STATUS_UNKNOWN:
        return "Whether revisions responded to end users' needs is unknown."
    descriptions = "; ".join(f"{r.description}{r.basis.hedge}" for r in shown)
    if status is _MET:
        return f"Revisions responded to end users' needs: {descriptions}."
    if not shown:
        return "No revision was made in response to end users."
    answered = ", ".join(sorted({index.stakeholders[s].name for r in shown for s in r.answers}))
    return f"No revision answered end users; the revisions answered the concerns of {answered}: {descriptions}."


def _fact(path: FactPath, fact: Fact[bool]) -> Judgement:
    return judgement_of(fact, path)


def _simple(declared: CriterionSpec, path: FactPath, fact: Fact[bool], what: str) -> RawCriterion:
    return criterion(declared, _fact(path, fact), _render_fact, what, fact.hedge, fact.note, facts=(path,))


def user_centred_design(initiative: Initiative) -> Verdict:
    """Judge whether an initiative was designed in a user-centred way.

    Essential: a client, a designer and end users; research with end users;
    prototypes or pilots; revisions that answer end users' needs. Qualifying:
    ideation. A note says when client and designers were themselves service users.

    Args:
        initiative: The initiative to judge.

    Returns:
        The verdict, with one result per criterion.

    Example:
        >>> import humanising
        >>> user_centred_design(humanising.casebook.load("mhf-wales")).fit.value
        'fits'
    """
    index = index_of(initiative)
    ordered = sorted(initiative.stakeholders, key=lambda stakeholder: stakeholder.id)
    by_role = {role: tuple(s for s in ordered if role in s.roles) for role in _ROLES}
    roles = criterion(
        ROLES,
        TRUE if all(by_role.values()) else FALSE,
        _render_roles,
        by_role,
        facts=lambda: tuple(FactPath.stakeholder(s.id).then("roles") for role in _ROLES for s in by_role[role]),
    )

    process = initiative.design_process
    end_users = frozenset(s.id for s in by_role[_END_USER])
    research_fact = process.end_user_research
    research = criterion(
        RESEARCH,
        _fact(_END_USER_RESEARCH_PATH, research_fact),
        _render_research,
        research_fact.hedge,
        research_fact.note,
        index,
        end_users,
        facts=(_END_USER_RESEARCH_PATH,),
    )

    revisions = process.revisions.value
    if revisions is UNKNOWN:
        iteration = criterion(ITERATION, (None, _REVISIONS), _render_iteration, index, (), facts=_REVISIONS)
    else:
        answering = tuple(r for r in revisions if r.answers & end_users)
        iteration = criterion(
            ITERATION,
            TRUE if answering else FALSE,
            _render_iteration,
            index,
            answering or revisions,
            facts=_REVISIONS,
        )

    notes: tuple[str, ...] = ()
    if (
        by_role[_DESIGNER]
        and any(is_service_user(s) for s in by_role[_CLIENT])
        and all(is_service_user(s) for s in by_role[_DESIGNER])
    ):
        notes = (_NO_GAP,)
    return Verdict.judge(
        MODEL_ID,
        (
            roles,
            research,
            _simple(IDEATION, _IDEATION_PATH, process.ideation, "ideation"),
            _simple(PROTOTYPING, _PROTOTYPING_PATH, process.prototyping, "prototyping or piloting"),
            iteration,
        ),
        notes=notes,
    )


_REVISIONS = (FactPath("design_process", "revisions"),)
_NO_GAP = (
    "The client and the designers were themselves service users, so the usual power gap between "
    "client, designer and end user did not arise (paper, section 4.2)."
)

MODEL: Model = Model(
    id=MODEL_ID,
    name="User-centred design",
    short_name="UCD",
    judge=user_centred_design,
    summary=(
        "A designer works for a client with end users through research, ideation, prototyping and "
        "iterations that respond to end users' needs."
    ),
    source=f"{PAPER}, sections 3 and 4.2",
    criteria=(ROLES, RESEARCH, IDEATION, PROTOTYPING, ITERATION),
)
