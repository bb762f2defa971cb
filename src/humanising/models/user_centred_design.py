"""User-centred design (paper, sections 3 and 4.2).

A three-cornered relationship of client, designer and end user; research with
end users, ideation, prototyping, and iterations that respond to *end users'*
needs. Neither client nor designer has to be a service user; where they are, the
usual power gap between client, designer and end user does not arise, and the
verdict notes it.
"""

from __future__ import annotations

from humanising._facts import Identity, Initiative, Involvement, Role, Stage, Stakeholder
from humanising._index import FALSE, TRUE, Index, Judgement
from humanising._registry import CriterionSpec, Model
from humanising._unknown import UNKNOWN, Fact
from humanising._verdict import RawCriterion, Status, Verdict, criterion
from humanising.models._shared import PAPER, seat_phrases

MODEL_ID = "user_centred_design"

_ROLES = (Role.CLIENT, Role.DESIGNER, Role.END_USER)


def _render_roles(status: Status, found: str, missing: str) -> str:
    if status is Status.MET:
        return f"There is a client, a designer and end users: {found}."
    return f"The three corners of design are not all there: no {missing}."


def _render_fact(status: Status, what: str, hedge: str, note: str) -> str:
    extra = f" ({note})" if note else ""
    if status is Status.MET:
        return f"There was {what}{hedge}{extra}."
    if status is Status.UNKNOWN:
        return f"Whether there was {what} is unknown."
    return f"There was no {what}{hedge}{extra}."


def _render_research(status: Status, hedge: str, note: str, feedback: str) -> str:
    sentence = _render_fact(status, "research with end users to understand their needs", hedge, note)
    if status is Status.UNMET and feedback:
        sentence += f" End users' feedback informed the evaluation, not the design: {feedback}."
    return sentence


def _render_iteration(status: Status, answered: str, descriptions: str) -> str:
    if status is Status.MET:
        return f"Revisions responded to end users' needs: {descriptions}."
    if status is Status.UNKNOWN:
        return "Whether revisions responded to end users' needs is unknown."
    if not descriptions:
        return "No revision was made in response to end users."
    return f"No revision answered end users; the revisions answered the concerns of {answered}: {descriptions}."


def _fact(path: str, fact: Fact[bool]) -> Judgement:
    return (None, (path,)) if fact.value is UNKNOWN else (fact.value, ())


def _simple(criterion_id: str, path: str, fact: Fact[bool], what: str, *, essential: bool = True) -> RawCriterion:
    return criterion(
        criterion_id, _fact(path, fact), _render_fact, what, fact.hedge, fact.note, essential=essential, facts=(path,)
    )


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
    index: Index = initiative._index  # noqa: SLF001 - the shared per-initiative index
    ordered = sorted(initiative.stakeholders, key=lambda stakeholder: stakeholder.id)
    by_role = {role: tuple(s for s in ordered if role in s.roles) for role in _ROLES}
    missing = [str(role).replace("_", " ") for role in _ROLES if not by_role[role]]
    found = "; ".join(
        f"{str(role).replace('_', ' ')}: {', '.join(s.name for s in by_role[role])}" for role in _ROLES if by_role[role]
    )
    roles = criterion(
        "roles",
        FALSE if missing else TRUE,
        _render_roles,
        found,
        ", ".join(missing),
        facts=tuple(f"stakeholders[{s.id}].roles" for role in _ROLES for s in by_role[role]),
    )

    process = initiative.design_process
    end_users = {s.id for s in by_role[Role.END_USER]}
    feedback = tuple(
        seat
        for seat in index.seats(Stage.EVALUATION)
        if seat.participation.stakeholder in end_users
        and seat.participation.involvement is not UNKNOWN
        and seat.participation.involvement.at_least(Involvement.CONSULTED)
    )
    research_fact = process.end_user_research
    research = criterion(
        "research",
        _fact("design_process.end_user_research", research_fact),
        _render_research,
        research_fact.hedge,
        research_fact.note,
        seat_phrases(feedback) if feedback else "",
        facts=("design_process.end_user_research",),
    )

    revisions = process.revisions.value
    if revisions is UNKNOWN:
        iteration = criterion(
            "iteration",
            (None, ("design_process.revisions",)),
            _render_iteration,
            "",
            "",
            facts=("design_process.revisions",),
        )
    else:
        answering = [r for r in revisions if r.answers & end_users]
        shown = answering or list(revisions)
        answered = sorted({index.stakeholders[s].name for r in shown for s in r.answers})
        iteration = criterion(
            "iteration",
            TRUE if answering else FALSE,
            _render_iteration,
            ", ".join(answered),
            "; ".join(f"{r.description}{r.basis.hedge}" for r in shown),
            facts=("design_process.revisions",),
        )

    notes: tuple[str, ...] = ()

    def is_user(stakeholder: Stakeholder) -> bool:
        return Identity.SERVICE_USER in stakeholder.identities or stakeholder.user_run.value is True

    if (
        by_role[Role.DESIGNER]
        and any(is_user(s) for s in by_role[Role.CLIENT])
        and all(is_user(s) for s in by_role[Role.DESIGNER])
    ):
        notes = (
            (
                "The client and the designers were themselves service users, so the usual power gap between "
                "client, designer and end user did not arise (paper, section 4.2)."
            ),
        )
    return Verdict.judge(
        MODEL_ID,
        (
            roles,
            research,
            _simple("ideation", "design_process.ideation", process.ideation, "ideation", essential=False),
            _simple("prototyping", "design_process.prototyping", process.prototyping, "prototyping or piloting"),
            iteration,
        ),
        notes=notes,
    )


MODEL = Model(
    id=MODEL_ID,
    name="User-centred design",
    judge=user_centred_design,
    summary=(
        "A designer works for a client with end users through research, ideation, prototyping and "
        "iterations that respond to end users' needs."
    ),
    source=f"{PAPER}, sections 3 and 4.2",
    criteria=(
        CriterionSpec("roles", True, "There is a client, a designer and end users."),
        CriterionSpec("research", True, "Research with end users to understand their needs."),
        CriterionSpec("ideation", False, "Ideas generated to address those needs."),
        CriterionSpec("prototyping", True, "Prototypes or pilots test the design before it is finalised."),
        CriterionSpec("iteration", True, "Revisions respond to end users' needs."),
    ),
)
