"""User-centred design (paper, sections 3 and 4.2).

A three-cornered relationship of client, designer and end user; research with
end users, ideation and prototyping, the three steps the paper names on an equal
footing; and, to the extent the paper allows ("to the extent that"), iterations
that respond to *end users'* needs, which qualify a fit rather than decide it.
Neither client nor designer has to be a service user; where they are, the power
gap between client, designer and end user need not arise, and the verdict notes it.
"""

from __future__ import annotations

from humanising import UNKNOWN, FactPath, Involvement, Participation, PathKey, Revision, Role, Stage, Stakeholder
from humanising.models import (
    PAPER,
    CriterionSpec,
    EvidenceItem,
    FactCheck,
    Grounds,
    Judgement,
    Look,
    Model,
    Verdict,
    Wording,
    is_service_user,
    participation_path,
)

MODEL_ID = "user_centred_design"

_RESEARCH_PATH = FactPath("design_process", "end_user_research")
_IDEATION_PATH = FactPath("design_process", "ideation")
_PROTOTYPING_PATH = FactPath("design_process", "prototyping")
_REVISIONS_PATH = FactPath("design_process", "revisions")
_SECTION = "paper, sections 3 and 4.2"
_CLIENT = Role.CLIENT
_DESIGNER = Role.DESIGNER
_END_USER = Role.END_USER
_ROLES = (_CLIENT, _DESIGNER, _END_USER)
_ROLE_WORDS = {_CLIENT: "client", _DESIGNER: "designer", _END_USER: "end user"}
_EVALUATION = Stage.EVALUATION
_CONSULTED = Involvement.CONSULTED


def _holding(look: Look, role: Role) -> list[Stakeholder]:
    return sorted((s for s in look.initiative.stakeholders if role in s.roles), key=lambda s: s.id)


def _role_items(stakeholders: list[Stakeholder]) -> tuple[EvidenceItem, ...]:
    return tuple(EvidenceItem(FactPath.stakeholder(s.id).then("roles"), s.roles) for s in stakeholders)


_DESIGN = Stage.DESIGN
_SILENT_DESIGN = EvidenceItem(FactPath("silent_stages", PathKey(_DESIGN.value)), UNKNOWN)
"""The sources are silent about who took part in design."""


def _involvement_item(participation: Participation) -> EvidenceItem:
    """A participation's say as evidence, with the basis and note the participation records."""
    return EvidenceItem(
        participation_path(participation).then("involvement"),
        participation.involvement,
        participation.basis,
        participation.note,
    )


def _roles(look: Look) -> Judgement:
    found = [_holding(look, role) for role in _ROLES]
    value: bool | None = all(found)
    # Where the sources are silent about who designed it, a corner not recorded may be anyone's.
    silent = not value and _DESIGN in look.initiative.silent_stages
    if silent:
        value = None
    if not look.collects:
        return (value, ())
    seen = {s.id: s for holders in found for s in holders}
    items = _role_items(sorted(seen.values(), key=lambda s: s.id))
    return (value, (*items, _SILENT_DESIGN) if silent else items)


def _roles_of(grounds: Grounds) -> dict[Role, list[str]]:
    by_role: dict[Role, list[str]] = {role: [] for role in _ROLES}
    for item in grounds.evidence:
        if item.path.steps[-1] == "roles" and isinstance(item.value, frozenset):
            stakeholder = item.path.steps[1].parts[0]  # type: ignore[union-attr] # a stakeholder's key
            for role in _ROLES:
                if role in item.value:
                    by_role[role].append(grounds.name(stakeholder))
    return by_role


def _roles_met(grounds: Grounds) -> str:
    by_role = _roles_of(grounds)
    found = "; ".join(f"{_ROLE_WORDS[role]}: {', '.join(by_role[role])}" for role in _ROLES if by_role[role])
    return f"There is a client, a designer and end users: {found}."


def _roles_unmet(grounds: Grounds) -> str:
    by_role = _roles_of(grounds)
    missing = ", ".join(_ROLE_WORDS[role] for role in _ROLES if not by_role[role])
    return f"The three corners of design are not all there: no {missing}."


def _roles_unknown(grounds: Grounds) -> str:
    by_role = _roles_of(grounds)
    missing = ", ".join(_ROLE_WORDS[role] for role in _ROLES if not by_role[role])
    return (
        f"Whether there is a client, a designer and end users is unknown: no {missing} is recorded, "
        "and the sources are silent about who took part in design."
    )


ROLES = CriterionSpec(
    "roles",
    True,
    "There is a client, a designer and end users.",
    source=_SECTION,
    check=_roles,
    wording=Wording(met=_roles_met, unmet=_roles_unmet, unknown=_roles_unknown),
)


def _fact_wording(what: str) -> Wording:
    return Wording(
        met=f"There was {what}{{hedge}}{{note}}.",
        unmet=f"There was no {what}{{hedge}}{{note}}.",
        unknown=f"Whether there was {what} is unknown.",
    )


def _research(look: Look) -> Judgement:
    value, items = look.fact(_RESEARCH_PATH)
    if value is False and look.collects:
        # End users' feedback at evaluation is what there was instead of research: part of why.
        end_users = {s.id for s in _holding(look, _END_USER)}
        feedback = look.index.seats(_EVALUATION)
        extra = tuple(
            _involvement_item(p)
            for p in feedback
            if p.stakeholder in end_users and p.involvement is not UNKNOWN and p.involvement.at_least(_CONSULTED)
        )
        return (False, (*items, *extra))
    return (value, items)


_RESEARCH_WORDS = _fact_wording("research with end users to understand their needs")


def _research_unmet(grounds: Grounds) -> str:
    sentence = _RESEARCH_WORDS.unmet.format(hedge=grounds.evidence[0].hedge, note=grounds.note)  # type: ignore[union-attr]
    feedback = grounds.participations()
    if feedback:
        sentence += f" End users' feedback informed the evaluation, not the design: {grounds.seat_list(feedback)}."
    return sentence


RESEARCH = CriterionSpec(
    "research",
    True,
    "Research with end users to understand their needs.",
    source=_SECTION,
    check=_research,
    wording=Wording(met=_RESEARCH_WORDS.met, unmet=_research_unmet, unknown=_RESEARCH_WORDS.unknown),
)


IDEATION = CriterionSpec(
    "ideation",
    True,
    "Ideas generated to address those needs.",
    source=_SECTION,
    check=FactCheck(_IDEATION_PATH),
    wording=_fact_wording("ideation"),
)
PROTOTYPING = CriterionSpec(
    "prototyping",
    True,
    "Prototypes are tried out with end users before the design is finalised.",
    source=_SECTION,
    check=FactCheck(_PROTOTYPING_PATH),
    wording=_fact_wording("prototyping with end users"),
)


def _end_users_in_design(look: Look) -> Judgement:
    end_users = frozenset(s.id for s in _holding(look, _END_USER))
    seats = [p for p in look.index.seats(_DESIGN) if p.stakeholder in end_users]
    taking_part = [p for p in seats if p.involvement is not UNKNOWN and p.involvement.at_least(_CONSULTED)]
    open_seats = [p for p in seats if p.involvement is UNKNOWN]
    silent = _DESIGN in look.initiative.silent_stages
    if taking_part:
        value: bool | None = True
        shown = taking_part
    elif open_seats or silent:
        value, shown = None, open_seats
    else:
        value, shown = False, seats
    if not look.collects:
        return (value, ())
    items = tuple(_involvement_item(p) for p in shown)
    return (value, (*items, _SILENT_DESIGN) if value is None and silent else items)


END_USERS_IN_DESIGN = CriterionSpec(
    "end_users_in_design",
    False,
    "End users take part in designing it (consulted or more), not only in testing what was designed.",
    source="paper, section 3",
    check=_end_users_in_design,
    wording=Wording(
        met="End users take part in designing it: {seats}.",
        unmet="End users take no part in designing it: {seats}.",
        unknown="Whether end users take part in designing it is unknown: {seats}.",
    ),
)


def _iteration(look: Look) -> Judgement:
    fact = look.initiative.design_process.revisions
    revisions = fact.value
    item = EvidenceItem(_REVISIONS_PATH, revisions, fact.basis, fact.note)
    if revisions is UNKNOWN:
        return (None, (item,) if look.collects else ())
    end_users = _holding(look, _END_USER)
    ids = frozenset(s.id for s in end_users)
    value = any(r.answers & ids for r in revisions)
    if not look.collects:
        return (value, ())
    return (value, (item, *_role_items(end_users)))


def _revisions(grounds: Grounds) -> tuple[tuple[Revision, ...], frozenset[str]]:
    revisions: tuple[Revision, ...] = ()
    end_users: set[str] = set()
    for item in grounds.evidence:
        if item.path == _REVISIONS_PATH and isinstance(item.value, tuple):
            revisions = item.value
        elif item.path.steps[-1] == "roles":
            end_users.add(item.path.steps[1].parts[0])  # type: ignore[union-attr]
    return revisions, frozenset(end_users)


def _iteration_met(grounds: Grounds) -> str:
    revisions, end_users = _revisions(grounds)
    answering = "; ".join(f"{r.description}{r.basis.hedge}" for r in revisions if r.answers & end_users)
    return f"Revisions responded to end users' needs: {answering}."


def _iteration_unmet(grounds: Grounds) -> str:
    revisions, _ = _revisions(grounds)
    if not revisions:
        return "No revision was made in response to end users."
    descriptions = "; ".join(f"{r.description}{r.basis.hedge}" for r in revisions)
    answered = ", ".join(sorted({grounds.name(s) for r in revisions for s in r.answers}))
    return f"No revision answered end users; the revisions answered the concerns of {answered}: {descriptions}."


ITERATION = CriterionSpec(
    "iteration",
    False,
    "Revisions respond to end users' needs.",
    source=_SECTION,
    check=_iteration,
    wording=Wording(
        met=_iteration_met,
        unmet=_iteration_unmet,
        unknown="Whether revisions responded to end users' needs is unknown.",
    ),
)


def _notes(look: Look, _verdict: Verdict) -> tuple[str, ...]:
    designers = _holding(look, _DESIGNER)
    clients = _holding(look, _CLIENT)
    if not designers or not all(is_service_user(s) for s in designers) or not any(is_service_user(s) for s in clients):
        return ()
    # What the facts say of each corner: designers with lived experience, and of the clients which
    # are service users and which are not (a client organisation need not be user-led).
    users = [s.name for s in clients if is_service_user(s)]
    others = [s.name for s in clients if not is_service_user(s)]
    names = ", ".join(s.name for s in designers)
    sentence = f"The designers ({names}) were themselves service users, as were {', '.join(users)}"
    if others:
        sentence += (
            f", though {', '.join(others)}, also a client, {'is' if len(others) == 1 else 'are'} not service user-led"
        )
    gap = "the power gap between client, designer and end user that user-centred design can carry need not arise"
    return (f"{sentence}: {gap} (paper, section 4.2).",)


MODEL: Model = Model.declared(
    id=MODEL_ID,
    name="User-centred design",
    short_name="UCD",
    summary=(
        "A designer works for a client with end users through research, ideation, prototyping and "
        "iterations that respond to end users' needs."
    ),
    source=f"{PAPER}, sections 3 and 4.2",
    criteria=(ROLES, RESEARCH, IDEATION, PROTOTYPING, ITERATION, END_USERS_IN_DESIGN),
    notes=_notes,
)
"""Essential: a client, a designer and end users; research with end users; ideation; prototypes
tried with end users. Qualifying: revisions that answer end users' needs; end users taking part in
the design itself (section 3: users in every stage of the design process). A note says when client
and designers were themselves service users.

Example:
    >>> import humanising
    >>> MODEL.judge(humanising.casebook.load("mhf-wales")).fit.value
    'fits'
"""
