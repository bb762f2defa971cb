"""The codebook: what each value of the vocabulary means, as data, in one place.

Every member of every ``Term`` enum (and of ``Basis``) has an entry: an anchored
definition, a short example, and, where the sources give one, the passage it rests on
(which text, the section, and a short phrase quoted from it). ``Term.definition``,
``Term.example`` and ``Term.passage`` read it; the case-file template, the JSON Schema,
the docs and ``humanising codebook`` all show it, so a value means the same everywhere.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

import attrs

from humanising._facts._unknown import Basis
from humanising._facts._vocabulary import (
    AgendaSetter,
    Aspect,
    Barrier,
    BarrierOutcome,
    Change,
    Claim,
    DissentHandling,
    Domain,
    FeatureKind,
    GoalSetter,
    Identity,
    Involvement,
    ProductKind,
    Role,
    RoleDifferentiation,
    RunBy,
    Scale,
    Stage,
)

V = TypeVar("V", bound=enum.Enum)

PAPER = "paper"
"""Harcourt and Crepaz-Keay (2023), *Co-Production is Good, but Other Things are Good Too*."""
ESSAY = "essay"
"""The essay on Edgar Cahn's transformative co-production."""


@attrs.frozen
class Passage:
    """Where the sources say what a value of the codebook means: the text, its section and a short phrase.

    Attributes:
        text: ``paper`` (Harcourt and Crepaz-Keay, 2023) or ``essay`` (the essay on Edgar Cahn).
        section: The paper's section, e.g. ``2`` or ``4.3``; the essay's heading, or ``opening`` for
            the part before its first heading.
        quote: A short phrase copied from it (a few words).

    Example:
        >>> import humanising
        >>> humanising.Involvement.PARTNER.passage.quote
        'clinicians and service-users are equal partners'
    """

    text: str
    section: str
    quote: str

    @property
    def cited(self) -> str:
        """The passage as a citation: ``paper, section 2: "..."``."""
        if self.text == PAPER:
            where = f"section {self.section}"
        else:
            where = "opening" if self.section == "opening" else f"under “{self.section}”"
        return f"{self.text}, {where}: “{self.quote}”"


@attrs.frozen
class CodebookEntry:
    """What one value of the vocabulary means: a definition, an example and the passage it rests on.

    Attributes:
        definition: What the value means, anchored so that two coders tell it from its neighbours.
        example: A case, real or invented, coded with it.
        passage: Where the sources say it, or ``None`` where the value is the library's own coding term.

    Example:
        >>> import humanising
        >>> humanising.RoleDifferentiation.BROADENED.entry.definition.split(":")[0]
        'The providing role is opened to others'
    """

    definition: str
    example: str
    passage: Passage | None = None


def _p(section: str, quote: str) -> Passage:
    return Passage(PAPER, section, quote)


def _e(section: str, quote: str) -> Passage:
    return Passage(ESSAY, section, quote)


_OLD_INSTITUTIONS = "The Legacy of the Old Institutions"
_DISMANTLING = "Dismantling Institutions"

E = CodebookEntry

_ENTRIES: tuple[tuple[enum.Enum, CodebookEntry], ...] = (
    # --- identities: what a stakeholder is
    (
        Identity.SERVICE_USER,
        E(
            "A current or former user of mental-health services.",
            "The patients on SleepWell's wards; East Lille's ex-patients who train staff.",
            _p("2", "empowering service users and carers"),
        ),
    ),
    (
        Identity.SURVIVOR,
        E(
            "Someone with lived experience who calls themselves a survivor. Whether they avoided services "
            "(the paper's footnote 1) is the stakeholder's avoided_services, recorded apart.",
            "A survivor-run organisation's members.",
            _e("opening", "mental health service users and survivors"),
        ),
    ),
    (
        Identity.CARER,
        E(
            "A carer or family member of someone with mental-health difficulties, acting as such.",
            "Parents on a service's steering group.",
            _p("2", "empowering service users and carers"),
        ),
    ),
    (
        Identity.MENTAL_HEALTH_PROFESSIONAL,
        E(
            "A clinician or mental-health worker: psychiatrists, nurses, ward staff, psychiatry teams, "
            "sleep specialists.",
            "SleepWell's ward staff.",
            _p("2", "provided by mental health professionals to patients"),
        ),
    ),
    (
        Identity.OTHER_PROFESSIONAL,
        E(
            "A professional outside mental health: estates staff, housing officials, local politicians, "
            "consultants, designers, artists.",
            "East Lille's housing officials.",
            _p("4.3", "local politicians and housing officials"),
        ),
    ),
    (
        Identity.COMMUNITY_MEMBER,
        E(
            "Local inhabitants, host families or local companies, acting as members of the community.",
            "East Lille's host families.",
            _p("4.3", "including with host families"),
        ),
    ),
    (
        Identity.GENERAL_PUBLIC,
        E(
            "A whole population, such as the inhabitants of a district, not particular members of it.",
            "The population of East Lille that the anti-stigma work addressed.",
            _p("4.3", "the population at large"),
        ),
    ),
    (
        Identity.ORGANISATION,
        E(
            "A body such as an NHS trust, a charity or a funder; whether it is run by and for people with "
            "lived experience is its user_run.",
            "The Mental Health Foundation.",
        ),
    ),
    # --- involvement: how much say, a ladder
    (
        Involvement.NONE,
        E(
            "No say at all at a stage that concerns them: not asked, not even told.",
            "SleepWell's patients at design, which the paper says did not involve them.",
            _p("4.1", "Neither the development, nor the implementation of the SleepWell programme involved"),
        ),
    ),
    (
        Involvement.INFORMED,
        E(
            "Told what is decided, with no say in it.",
            "Service users sent a leaflet about a new policy.",
        ),
    ),
    (
        Involvement.CONSULTED,
        E(
            "Asked for views, feedback or testing; others decide what to do with them.",
            "SleepWell's patients giving feedback on the pilot; end-user testing.",
            _p("5", "in the manner of ‘end user/consumer testing’"),  # noqa: RUF001 - the source's quotation marks
        ),
    ),
    (
        Involvement.INVOLVED,
        E(
            "A real voice in the decisions: what they say can change what is decided, though others may "
            "decide with more weight.",
            "Service users on a design group whose objections change the design.",
            _p("2", "giving them a voice in the decision-making process"),
        ),
    ),
    (
        Involvement.PARTNER,
        E(
            "Decides jointly, as an equal partner: the gold standard of co-production.",
            "Service users and clinicians who write a care plan together, neither overruling the other.",
            _p("2", "clinicians and service-users are equal partners"),
        ),
    ),
    (
        Involvement.LEADS,
        E(
            "Decides: has control of the stage, others at most advising.",
            "East Lille's user-run self-help groups, at delivery.",
            _p("3", "service users take control of their own care"),
        ),
    ),
    # --- roles: the parts a stakeholder plays, independent of identity
    (
        Role.CLIENT,
        E(
            "Commissions or asks for the initiative.",
            "The trust that commissions a redesign.",
            _p("5", "clients and designers were also service users"),
        ),
    ),
    (
        Role.DESIGNER,
        E(
            "Shapes what the initiative produces.",
            "The team that drew up SleepWell's observation policy.",
            _p("5", "clients and designers were also service users"),
        ),
    ),
    (
        Role.DELIVERER,
        E(
            "Provides the service or intervention to others.",
            "The ward staff who carry out the night-time checks.",
        ),
    ),
    (
        Role.EVALUATOR,
        E(
            "Judges whether it worked.",
            "Researchers who compare adverse events before and after a pilot.",
        ),
    ),
    (
        Role.FUNDER,
        E(
            "Pays for it.",
            "A charity's grant-making trust.",
        ),
    ),
    (
        Role.ALLOCATOR,
        E(
            "Decides who gets what the initiative provides.",
            "East Lille's ex-patients allocating housing.",
            _p("4.3", "allocation of housing"),
        ),
    ),
    (
        Role.END_USER,
        E(
            "Receives or uses what is produced.",
            "Patients who sleep under the new observation policy.",
            _p("5", "‘end user/consumer testing’"),  # noqa: RUF001 - the source's quotation marks
        ),
    ),
    (
        Role.AUDIENCE,
        E(
            "Is addressed by it without using a service: a public it speaks to.",
            "The townspeople an anti-stigma campaign addresses.",
        ),
    ),
    # --- stages
    (
        Stage.INITIATION,
        E(
            "Deciding that there is to be an initiative at all, and what it is about.",
            "A trust deciding to look at sleep on its wards.",
        ),
    ),
    (
        Stage.NEEDS_ASSESSMENT,
        E(
            "Finding out what the people to be served need, before anything is designed.",
            "A survey of what patients find hardest about nights on the ward.",
            _p("3", "community members may be involved in needs assessments"),
        ),
    ),
    (
        Stage.DESIGN,
        E(
            "Shaping what is produced: the service, intervention, materials, training or policy.",
            "Writing a self-management course's sessions.",
            _p("3", "the design, delivery, and evaluation of services"),
        ),
    ),
    (
        Stage.POLICY,
        E(
            "Making the rules or policy the service runs by (not one person's care).",
            "Setting a ward's observation policy.",
            _p("3", "service planning, policy development, and resource allocation"),
        ),
    ),
    (
        Stage.DELIVERY,
        E(
            "Providing the service or intervention to the people it is for.",
            "Running the course's sessions.",
            _p("3", "the design, delivery, and evaluation of services"),
        ),
    ),
    (
        Stage.EVALUATION,
        E(
            "Judging whether it worked, and how well.",
            "Comparing adverse events before and after a pilot.",
            _p("3", "the design, delivery, and evaluation of services"),
        ),
    ),
    (
        Stage.FUNDING,
        E(
            "The funder's grant: deciding to pay for the initiative.",
            "A foundation's grant for a three-year course.",
        ),
    ),
    (
        Stage.ALLOCATION,
        E(
            "Allocating resources within the project, or, for a service, allocating what it provides.",
            "Deciding who is offered which flat.",
            _p("3", "service planning, policy development, and resource allocation"),
        ),
    ),
    (
        Stage.RECRUITMENT_TRAINING,
        E(
            "Choosing and training the staff who deliver it.",
            "Ex-patients teaching on a staff-training course.",
            _p("3", "the recruitment and training of staff"),
        ),
    ),
    (
        Stage.RESEARCH_ADVOCACY,
        E(
            "Research about the service, or campaigning for access to services and resources.",
            "A user group researching waiting times and lobbying to cut them.",
            _p("3", "community-based research or advocacy efforts"),
        ),
    ),
    (
        Stage.CARE_DECISIONS,
        E(
            "Decisions about one person's own care and support: their care plan, treatment or goals; not the "
            "rules of a service (that is policy) nor its design.",
            "A service user and a nurse agreeing a care plan.",
            _p("3", "make decisions about their own care"),
        ),
    ),
    # --- products
    (
        ProductKind.SERVICE,
        E(
            "An ongoing service people use.",
            "A community mental-health team; a self-help group.",
        ),
    ),
    (
        ProductKind.INTERVENTION,
        E(
            "A bounded programme, therapy or change in practice.",
            "SleepWell's change to overnight observations.",
        ),
    ),
    (
        ProductKind.MATERIALS,
        E(
            "Things made for use: leaflets, course books, tools, art works.",
            "A self-management workbook.",
        ),
    ),
    (
        ProductKind.TRAINING,
        E(
            "Teaching for staff or others.",
            "Staff training delivered by ex-patients.",
        ),
    ),
    (
        ProductKind.POLICY,
        E(
            "Rules or policy a service runs by.",
            "A ward's rules; a transparency policy.",
        ),
    ),
    (
        ProductKind.NOTHING,
        E(
            "Nothing is produced: access, a status or a place to live.",
            "Patients reading their own records.",
            _p("4.3", "how living in a place constitutes ‘producing’ something"),  # noqa: RUF001 - the source's quotation marks
        ),
    ),
    (
        Domain.MENTAL_HEALTH,
        E(
            "A mental-health service or what it provides.",
            "A ward's observation policy.",
        ),
    ),
    (
        Domain.HOUSING,
        E(
            "A housing service: allocating or providing places to live.",
            "East Lille's housing allocation.",
            _p("4.3", "not strictly speaking a mental health service, but a housing service"),
        ),
    ),
    (
        Domain.OTHER,
        E(
            "Any other service domain: employment, education, leisure, the arts.",
            "A job-placement scheme.",
        ),
    ),
    # --- relationships
    (
        Aspect.POWER,
        E(
            "Who decides and who must go along.",
            "Clinicians deciding on patients' observations.",
            _p("2", "address the power imbalance between service users and healthcare professionals"),
        ),
    ),
    (
        Aspect.KNOWLEDGE,
        E(
            "Whose knowledge counts: professional expertise against lived experience.",
            "Clinical evidence outweighing what patients know of their own sleep.",
            _p("4.3", "even out hierarchies of knowledge and power"),
        ),
    ),
    (
        Aspect.INFORMATION,
        E(
            "Who holds the information about a person or a service.",
            "Staff reading a patient's record that the patient may not see.",
            _p("4.3", "patients have access to their own records"),
        ),
    ),
    (
        Aspect.PRESTIGE,
        E(
            "Standing and status: whose role is looked up to.",
            "The standing of a psychiatrist against a patient's.",
            _p("5", "hierarchies of power and prestige"),
        ),
    ),
    (
        Aspect.SOCIAL_INCLUSION,
        E(
            "Social inclusion and stigma: being part of ordinary life or kept apart from it.",
            "Service users and the town they live in.",
            _p("4.3", "social inclusion and the removal of stigma"),
        ),
    ),
    (
        Change.WIDENS,
        E(
            "The gap grows: the stronger party gains.",
            "A policy that lets staff overrule patients where they could not before.",
        ),
    ),
    (
        Change.UNCHANGED,
        E(
            "The gap stays as it was.",
            "A ward's new rules that leave who decides as it was.",
        ),
    ),
    (
        Change.NARROWS,
        E(
            "Both parties stay and the gap between them shrinks: equalising.",
            "Service users and staff deciding together where staff once decided alone.",
            _p("5", "Co-production is fundamentally about equalising relationships"),
        ),
    ),
    (
        Change.BYPASSED,
        E(
            "One party is made absent, so the gap is not narrowed but left behind: not equalising.",
            "User-run self-help groups, with no professional present.",
            _p("4.3", "by absenting the mental health professional from the scene"),
        ),
    ),
    (
        Change.NEVER_AROSE,
        E(
            "The set-up avoided the gap altogether, so there was nothing to narrow: not equalising either.",
            "A group of peers who never had a professional over them.",
        ),
    ),
    (
        Change.UNKNOWN,
        E(
            "The sources do not say what happened to the gap.",
            "An aim to equalise with no report of the result.",
        ),
    ),
    (
        Claim.AIM,
        E(
            "The change is what the initiative set out to do.",
            "Art designed to establish equality between patients and non-patients.",
            _p("4.3", "there is an ambition to equalise relationships"),
        ),
    ),
    (
        Claim.OBSERVED,
        E(
            "The change is reported as having happened.",
            "Staff reporting that patients slept better.",
        ),
    ),
    (
        RunBy.SERVICE_USERS,
        E(
            "Run by and for people who use or used services.",
            "A user-run self-help group.",
        ),
    ),
    (
        RunBy.SURVIVORS,
        E(
            "Run by and for people who call themselves survivors.",
            "A survivor-led network.",
        ),
    ),
    (
        RunBy.BOTH,
        E(
            "Run by and for service users and survivors together.",
            "A service-user and survivor organisation.",
            _e("The Legacy of the Old Institutions", "service user and survivor organisations"),
        ),
    ),
    (
        RoleDifferentiation.KEPT,
        E(
            "The split between providers and recipients stays: somebody delivers something to someone.",
            "Art therapy: the clinician treats, the patient is treated.",
            _p("4.3", "somebody delivering something to someone"),
        ),
    ),
    (
        RoleDifferentiation.BROADENED,
        E(
            "The providing role is opened to others: new people provide, but still deliver to someone, and the "
            "split stays.",
            "East Lille's host families, who take on part of the clinical role.",
            _p("4.3", "the ‘clinical’ role is broadened so as to include the host families"),  # noqa: RUF001 - the source's quotation marks
        ),
    ),
    (
        RoleDifferentiation.DISSOLVED,
        E(
            "The split goes: providers and recipients do the work together, with nobody only delivering and "
            "nobody only receiving.",
            "Service users and staff running a group together as equals.",
            _p("4.3", "as against a ‘doing with’ or co-production model"),  # noqa: RUF001 - the source's quotation marks
        ),
    ),
    # --- humanising features (paper, section 5)
    (
        FeatureKind.DIGNITY,
        E(
            "People are treated with dignity and respect as persons.",
            "Staff addressing patients by name and asking before entering.",
            _p("5", "show respect and humanity"),
        ),
    ),
    (
        FeatureKind.PRIVACY,
        E(
            "People's privacy is protected.",
            "Fewer night-time checks at the bedroom door.",
        ),
    ),
    (
        FeatureKind.LESS_INTRUSION,
        E(
            "Care intrudes less on people's lives and rest.",
            "SleepWell: observations changed so patients are not woken.",
        ),
    ),
    (
        FeatureKind.LESS_COERCION,
        E(
            "Less compulsion, control or restraint.",
            "Open wards.",
            _p("5", "avoiding controlling him"),
        ),
    ),
    (
        FeatureKind.FELT_SAFETY,
        E(
            "People feel safe in the care they get.",
            "Patients reporting that they feel safer at night.",
        ),
    ),
    (
        FeatureKind.OWN_GOALS,
        E(
            "People set their own goals rather than having goals imposed.",
            "The Welsh course's participants choosing their own goals.",
            _p("4.2, footnote 3", "people set their own: they weren't chosen for them"),
        ),
    ),
    (
        FeatureKind.CARE_NOT_WITHDRAWN,
        E(
            "Care continues: people are not left to cope alone (the library's name, after the paper's "
            "Basaglia passage).",
            "Support that stays when a person declines a treatment.",
            _p("5", "not leaving him to his own devices"),
        ),
    ),
    (
        FeatureKind.TRANSPARENCY,
        E(
            "People can see what is known and decided about them.",
            "Patients' access to their own records.",
            _p("4.3", "patients have access to their own records"),
        ),
    ),
    (
        FeatureKind.TIMELY_CARE,
        E(
            "Care comes without long waits.",
            "East Lille's short waiting times.",
            _p("4.3", "Short waiting times for services"),
        ),
    ),
    (
        FeatureKind.COMMUNITY_LIFE,
        E(
            "Living and taking part in ordinary community life.",
            "Housing integrated into the town, with host families.",
            _p("4.3", "housing integrated into the town at large"),
        ),
    ),
    # --- observations (the essay on Cahn)
    (
        AgendaSetter.SERVICE_USERS,
        E(
            "Service users, survivors, their organisations or communities set the agenda.",
            "A user group choosing what a project works on.",
            _e(
                "User Participation on Anabolic Steroids?",
                "relocates power to mental health service users, survivors, their organisations and communities",
            ),
        ),
    ),
    (
        AgendaSetter.SHARED,
        E(
            "Service users and the institution set the agenda together.",
            "A steering group of users and managers agreeing the priorities.",
        ),
    ),
    (
        AgendaSetter.INSTITUTION,
        E(
            "Clinical or organisational goals drive the agenda.",
            "A trust's risk targets deciding what a pilot is for.",
            _e(_OLD_INSTITUTIONS, "clinical and organisational goals drive the agenda"),
        ),
    ),
    (
        GoalSetter.PEOPLE_THEMSELVES,
        E(
            "The people served set their own goals.",
            "Course participants choosing their own goals.",
            _p("4.2, footnote 3", "people set their own: they weren't chosen for them"),
        ),
    ),
    (
        GoalSetter.SHARED,
        E(
            "People and professionals agree the goals together.",
            "A goal agreed in a joint care-planning meeting.",
        ),
    ),
    (
        GoalSetter.PROFESSIONALS,
        E(
            "Professionals set the goals for the people served.",
            "Treatment targets set by the clinical team.",
            _p("5", "imposing on him preconceived therapeutic objectives"),
        ),
    ),
    (
        DissentHandling.HEARD,
        E(
            "Criticism, challenge and anger are admitted as part of the process.",
            "A forum where complaints about a ward change its practice.",
            _e(_DISMANTLING, "it may also be confrontational"),
        ),
    ),
    (
        DissentHandling.MARGINALISED,
        E(
            "Critical voices are sidelined: not answered, not counted.",
            "Complaints minuted and never discussed.",
            _e(_OLD_INSTITUTIONS, "the marginalisation and pathologisation of service user voices"),
        ),
    ),
    (
        DissentHandling.PATHOLOGISED,
        E(
            "Criticism is read as a symptom rather than as a view.",
            "Anger at a meeting recorded as agitation.",
            _e(_OLD_INSTITUTIONS, "the marginalisation and pathologisation of service user voices"),
        ),
    ),
    (
        DissentHandling.REPHRASED,
        E(
            "Criticism is translated or modified by professionals before it counts.",
            "Staff rewording a user's complaint into a service's language.",
            _e(_OLD_INSTITUTIONS, "the translation or modification of those voices by professionals"),
        ),
    ),
    (
        Scale.INDIVIDUAL,
        E(
            "It changes relationships between individual practitioners and service users.",
            "A nurse and a patient planning care together.",
            _e(_DISMANTLING, "changes to individual relationships between practitioners and service users"),
        ),
    ),
    (
        Scale.SERVICE,
        E(
            "It changes a service: its policy, practice or provision.",
            "SleepWell's change to a trust's wards.",
            _e(_DISMANTLING, "larger service or system reforms"),
        ),
    ),
    (
        Scale.SYSTEM,
        E(
            "It changes the system: policy, funding or institutions across services.",
            "National policy co-produced with user organisations.",
            _e(_DISMANTLING, "larger service or system reforms"),
        ),
    ),
    (
        Barrier.INSTITUTIONAL_RESISTANCE,
        E(
            "Old systems and practice carry on, with superficial or short-term change, and user "
            "organisations kept out.",
            "A pilot dropped when its champion leaves.",
            _e(_OLD_INSTITUTIONS, "Institutional resistance to change"),
        ),
    ),
    (
        Barrier.RESTRICTIVE_PRACTICE,
        E(
            "People judged by diagnosis, history or category; risk aversion and rigid professional roles.",
            "A service user refused a role because of their diagnosis.",
            _e(_OLD_INSTITUTIONS, "Restrictive administrative procedure and professional practice"),
        ),
    ),
    (
        Barrier.AVOIDANCE_OF_CHALLENGE,
        E(
            "Challenge, confrontation and emotional expression are avoided or controlled.",
            "Critical stories kept out of a participation forum.",
            _e(_OLD_INSTITUTIONS, "Avoidance of challenge, confrontation or emotional expression"),
        ),
    ),
    (
        Barrier.DEMAND_TO_CONFORM,
        E(
            "Service users must keep institutional rules of behaviour, choice and language to be accepted.",
            "The 'obedient patient' expected on a planning group.",
            _e(_OLD_INSTITUTIONS, "The demand to conform by institutional rules and cultural norms"),
        ),
    ),
    (
        BarrierOutcome.OVERCOME,
        E(
            "Worked through: the barrier was met inside the initiative and answered there.",
            "Staff anxiety about fewer checks answered by a documented team decision.",
        ),
    ),
    (
        BarrierOutcome.BYPASSED,
        E(
            "Gone around: the initiative went ahead without those who put the barrier up.",
            "Users setting up their own group when services would not share control.",
        ),
    ),
    # --- bases: who says a fact, and how, strongest first
    (
        Basis.PUBLISHED,
        E(
            "Stated in so many words in a published source.",
            "SleepWell: the paper says neither its development nor its implementation involved patients.",
        ),
    ),
    (
        Basis.CODED,
        E(
            "The case author's reading of what a source says, such as a level of involvement the source implies.",
            "Coding 'feedback from patients' as consulted.",
        ),
    ),
    (
        Basis.HEDGED,
        E(
            "Stated with a hedge in the source ('as far as we can tell', 'arguably').",
            "The paper's no user involvement 'as far as we can tell'.",
            _p("4.3", "as far as we can tell no service user involvement"),
        ),
    ),
    (
        Basis.INSIDER_REPORT,
        E(
            "Stated by an author who took part in the initiative: an insider's account.",
            "A paper's author describing a course they ran.",
        ),
    ),
    (
        Basis.INFORMAL,
        E(
            "An informal report, such as conversations with people involved.",
            "East Lille's design being led top-down, known from conversations.",
            _p("4.3", "Informal conversations with professionals involved in leading services"),
        ),
    ),
    (
        Basis.INFERRED,
        E(
            "The case author's inference, stated by no source.",
            "Inferring that a funder took no part in delivery.",
        ),
    ),
)

CODEBOOK: Mapping[tuple[type[enum.Enum], str], CodebookEntry] = {
    (type(member), member.value): found for member, found in _ENTRIES
}
"""Every value of the vocabulary, keyed by its enumeration and value, with what it means.

Keyed by both: the enumerations are string enums, and the same spelling (``policy``,
``bypassed``, ``shared``) means different things in different ones.
"""

VOCABULARIES: tuple[type[enum.Enum], ...] = (
    Identity,
    Stage,
    Involvement,
    Role,
    RoleDifferentiation,
    ProductKind,
    Domain,
    Aspect,
    Change,
    Claim,
    RunBy,
    FeatureKind,
    AgendaSetter,
    GoalSetter,
    DissentHandling,
    Scale,
    Barrier,
    BarrierOutcome,
    Basis,
)
"""Every enumeration a case author chooses values from, in the order the codebook lists them."""


def entry(member: object) -> CodebookEntry:
    """The codebook's entry for one value.

    Raises:
        KeyError: The member has no entry (a test sees that every one has).
    """
    found = CODEBOOK.get((type(member), getattr(member, "value", None)))  # type: ignore[arg-type]
    if found is None:
        raise KeyError(f"the codebook has no entry for {member!r}")
    return found


def describe(enum_type: type[enum.Enum]) -> str:
    """The first paragraph of an enumeration's docstring, on one line."""
    doc = (enum_type.__doc__ or "").strip()
    return " ".join(doc.split("\n\n", 1)[0].split()).replace("``", "`")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


@attrs.frozen
class Codebook:
    """The codebook: every value a case author chooses, with what it means.

    It is the library's vocabulary read as a codebook, not a copy of it: each value's
    entry is kept once, and ``Identity.SURVIVOR.definition`` and the like read it.

    Attributes:
        vocabularies: The enumerations, in the order the codebook lists them.

    Example:
        >>> import humanising
        >>> book = humanising.codebook()
        >>> book.entry(humanising.Stage.CARE_DECISIONS).passage.section
        '3'
        >>> [member.value for member, _ in book.entries(humanising.Claim)]
        ['aim', 'observed']
    """

    vocabularies: tuple[type[enum.Enum], ...] = VOCABULARIES

    def entry(self, member: enum.Enum) -> CodebookEntry:
        """The entry of one value.

        Raises:
            KeyError: The value is not one of the codebook's vocabularies.
        """
        return entry(member)

    def entries(self, vocabulary: type[V]) -> tuple[tuple[V, CodebookEntry], ...]:
        """Every value of one vocabulary with its entry, in the vocabulary's order."""
        return tuple((member, entry(member)) for member in vocabulary)

    def __iter__(self) -> Iterator[tuple[type[enum.Enum], enum.Enum, CodebookEntry]]:
        """Every (vocabulary, value, entry), vocabulary by vocabulary."""
        for vocabulary in self.vocabularies:
            for member in vocabulary:
                yield vocabulary, member, entry(member)

    def as_data(self) -> dict[str, Any]:
        """The codebook as plain data, for JSON: each vocabulary with its description and values.

        Example:
            >>> import humanising
            >>> data = humanising.codebook().as_data()
            >>> data["vocabularies"][0]["name"], data["vocabularies"][0]["values"][0]["value"]
            ('Identity', 'service_user')
        """
        vocabularies = []
        for vocabulary in self.vocabularies:
            values = []
            for member, found in self.entries(vocabulary):
                passage = found.passage
                values.append(
                    {
                        "value": member.value,
                        "definition": found.definition,
                        "example": found.example,
                        "passage": None
                        if passage is None
                        else {"text": passage.text, "section": passage.section, "quote": passage.quote},
                    }
                )
            vocabularies.append({"name": vocabulary.__name__, "description": describe(vocabulary), "values": values})
        return {"humanising_codebook": 1, "vocabularies": vocabularies}

    def markdown(self, *, heading_level: int = 1) -> str:
        """The codebook as Markdown: a table per vocabulary, each value with its definition, example and passage.

        Example:
            >>> import humanising
            >>> print(humanising.codebook().markdown().splitlines()[0])
            # Codebook
        """
        hashes = "#" * heading_level
        lines = [
            f"{hashes} Codebook",
            "",
            (
                "What each value a case author chooses means, with an example and, where the sources give "
                "one, the passage it rests on (the paper, Harcourt and Crepaz-Keay 2023, by section; the "
                "essay on Edgar Cahn, by heading). Any fact may also be `unknown`: the sources do not settle it."
            ),
            "",
        ]
        for vocabulary in self.vocabularies:
            lines += [f"{hashes}# {vocabulary.__name__}", "", describe(vocabulary), ""]
            lines += ["| value | definition | example | passage |", "|---|---|---|---|"]
            for member, found in self.entries(vocabulary):
                passage = "—" if found.passage is None else found.passage.cited
                lines.append(
                    f"| `{member.value}` | {_cell(found.definition)} | {_cell(found.example)} | {_cell(passage)} |"
                )
            lines.append("")
        return "\n".join(lines)


_CODEBOOK = Codebook()


def codebook() -> Codebook:
    """The codebook: what every value of the vocabulary means (``humanising codebook`` prints it).

    Example:
        >>> import humanising
        >>> humanising.codebook().entry(humanising.Involvement.INFORMED).definition
        'Told what is decided, with no say in it.'
    """
    return _CODEBOOK
