"""Co-production in the paper's broad sense.

Harcourt and Crepaz-Keay (2023, section 2) use "co-production" for any approach
that gives service users a voice in decisions and draws on the knowledge of both
service users and the professionals who provide the service: "doing with", not
delivering something to someone. Equal partnership is the stricter gold standard,
a model of its own (``coproduction_gold_standard``).
"""

from __future__ import annotations

from humanising import (
    UNKNOWN,
    Domain,
    FactPath,
    Identity,
    Initiative,
    Involvement,
    Relationship,
    Stage,
    Stakeholder,
    Unknown,
    equalises,
)
from humanising.models import (
    ANY_SIDE,
    NOT_SERVICE_USER,
    PAPER,
    PRODUCES,
    CriterionSpec,
    Fit,
    Index,
    Judgement,
    Model,
    Note,
    RawCriterion,
    RawNote,
    Side,
    Sides,
    Status,
    Verdict,
    all_of,
    any_of,
    criterion,
    fit_of,
    index_of,
    is_service_user,
    judgement_of,
    paths,
    produces,
    roles_not_kept,
    seat_phrases,
    seats_on,
    stage_names,
    voiced,
    weakest_hedge,
)
from humanising.models.coproduction_gold_standard import MODEL_ID as GOLD_STANDARD
from humanising.models.coproduction_gold_standard import gold_standard_fit

_PRODUCTS_PATH = FactPath("products")
_USER_KNOWLEDGE_SHAPES_PRODUCT_PATH = FactPath("user_knowledge_shapes_product")

# Enum members are slow to look up on Python 3.11 (its EnumType defines __getattr__),
# so the ones used while judging are bound once here.
_MENTAL_HEALTH = Domain.MENTAL_HEALTH
_FITS = Fit.FITS
_PARTLY = Fit.PARTLY
_UNDETERMINED = Fit.UNDETERMINED
_MENTAL_HEALTH_PROFESSIONAL = Identity.MENTAL_HEALTH_PROFESSIONAL
_INVOLVED = Involvement.INVOLVED
_LEADS = Involvement.LEADS
_DELIVERY = Stage.DELIVERY
_DESIGN = Stage.DESIGN
_MET = Status.MET
_STATUS_UNKNOWN = Status.UNKNOWN
_UNMET = Status.UNMET

MODEL_ID = "coproduction"

SERVICE_USER_VOICE = CriterionSpec(
    "service_user_voice", True, "Service users are involved or more in a stage that produces it."
)
DOING_WITH = CriterionSpec("doing_with", True, "Service users and others take part in the same producing stage.")
ROLES_SHARED = CriterionSpec(
    "roles_shared", False, "Role differentiation is dissolved: nobody merely delivers to recipients."
)
WITH_PROVIDERS = CriterionSpec(
    "with_providers", True, "The others include the service's providers, not community members alone."
)
USER_KNOWLEDGE = CriterionSpec("user_knowledge", False, "Service users' knowledge shapes what is produced.")
MENTAL_HEALTH_SERVICE = CriterionSpec("mental_health_service", False, "What is co-produced is a mental-health service.")

_SERVICE_USERS = Side.SERVICE_USER
_PROVIDERS = Side.PROVIDER
_COMMUNITY = Side.COMMUNITY
_ANY_SIDE = ANY_SIDE


def _where(index: Index, stages: tuple[Stage, ...], sides: Sides, level: Involvement) -> tuple[Stage, ...]:
    return tuple(stage for stage in stages if index.voice(stage, sides, level)[0] is True)


def _joint_stages(index: Index, stages: tuple[Stage, ...], partners: Sides) -> tuple[Stage, ...]:
    return tuple(
        stage
        for stage in stages
        if index.voice(stage, _SERVICE_USERS, _INVOLVED)[0] is True
        and index.voice(stage, partners, _INVOLVED)[0] is True
    )


def _render_voice(status: Status, index: Index, producing: tuple[Stage, ...], voiced_at: tuple[Stage, ...]) -> str:
    if status is _MET:
        # Only the stages where service users have the voice, and the hedge of the weakest fact saying so.
        hedge = weakest_hedge(voiced(index, voiced_at, _SERVICE_USERS, _INVOLVED))
        return (
            f"Service users have a real voice (involved or more) in producing it, at {stage_names(voiced_at)}{hedge}."
        )
    if producing:
        stages = stage_names(producing)
    elif index.products:
        stages = "none, as nothing is produced"
    else:
        stages = "the producing stages"
    phrases = seat_phrases(index, seats_on(index, index.by_stage, _SERVICE_USERS))
    if status is _STATUS_UNKNOWN:
        return f"Whether service users have a real voice at {stages} is unknown ({phrases})."
    return (
        f"Service users have no real voice at any producing stage ({stages}): {phrases}. "
        "Feedback at evaluation or end-user testing (consulted) does not count."
    )


def _render_doing_with(status: Status, index: Index, producing: tuple[Stage, ...], together: tuple[Stage, ...]) -> str:
    if status is _MET:
        hedge = weakest_hedge(voiced(index, together, _ANY_SIDE, _INVOLVED))
        return f"Service users and others take part together at {stage_names(together)}{hedge}: 'doing with'."
    if status is _STATUS_UNKNOWN:
        return "Whether service users and others take part in the same producing stage is unknown."
    users = _where(index, producing, _SERVICE_USERS, _INVOLVED)
    others = _where(index, producing, NOT_SERVICE_USER, _INVOLVED)
    parts = []
    alone = tuple(stage for stage in users if stage not in others)
    if alone:
        parts.append(
            f"service users act at {stage_names(alone)} with nobody else taking part, professionals absent, "
            "which makes it service user-led there"
        )
    others_only = tuple(stage for stage in others if stage not in users)
    if others_only:
        parts.append(f"others act without service users at {stage_names(others_only)}, which makes it top-down there")
    detail = "; ".join(parts) or "no producing stage has both service users and others taking part"
    return f"No producing stage has service users and others taking part together: {detail}."


def _render_providers(status: Status, index: Index, producing: tuple[Stage, ...], partnered: tuple[Stage, ...]) -> str:
    if status is _MET:
        partners = seats_on(index, partnered, _PROVIDERS)
        hedge = weakest_hedge(voiced(index, partnered, _SERVICE_USERS | _PROVIDERS, _INVOLVED))
        return f"The partnership is with those who provide the service{hedge}: {seat_phrases(index, partners)}."
    if status is _STATUS_UNKNOWN:
        return "Whether the service's providers take part alongside service users is unknown."
    sentences = ["No provider of the service takes part alongside service users in producing it."]
    community = seats_on(index, _joint_stages(index, producing, _COMMUNITY), _COMMUNITY)
    if community:
        sentences.append(
            f"Service users worked with {seat_phrases(index, community)} instead: that is community "
            "involvement, not co-production (co-production with whom?)."
        )
    sentences.extend(
        f"A partnership with {index.stakeholders[failed.partner].name} was sought but not established: "
        f"{failed.why}{failed.basis.hedge}."
        for failed in sorted(index.failed_partnerships, key=lambda failed: failed.partner)
    )
    led = _where(index, producing, _SERVICE_USERS, _LEADS)
    if led:
        sentences.append(f"Service users were in sole charge instead, at {stage_names(led)}.")
    return " ".join(sentences)


def _render_knowledge(status: Status, hedge: str) -> str:
    if status is _MET:
        return f"Service users' knowledge shapes what is produced{hedge}."
    if status is _STATUS_UNKNOWN:
        return "It is unclear whether service users' part makes what is produced more sensitive to their needs."
    return f"Service users' knowledge does not shape what is produced{hedge}."


def _render_mental_health(
    status: Status, index: Index, deciding: tuple[Stage, ...], partnered: tuple[Stage, ...]
) -> str:
    # The products at the stages that decided it: where service users and providers produce a
    # mental-health service (met), where that is open (unknown), where they work together (unmet).
    stages = partnered if status is _UNMET else deciding
    shown = sorted({product for stage in stages for product in index.products_at[stage]}, key=lambda p: p.id)
    if status is _MET:
        shown = [product for product in shown if product.domain is _MENTAL_HEALTH]
    elif status is _STATUS_UNKNOWN:
        shown = [product for product in shown if product.domain is _MENTAL_HEALTH or product.domain is UNKNOWN]
    products = "; ".join(_domain_phrase(product.name, product.domain) for product in shown)
    if status is _MET:
        return f"What is co-produced is a mental-health service: {products}."
    if status is _STATUS_UNKNOWN:
        listed = products or "no product is recorded"
        return f"Whether what is co-produced is a mental-health service is unknown: {listed}."
    if not products:
        return "No provider works with service users on a product, so no mental-health service is co-produced."
    return f"What service users help produce is not a mental-health service: {products}."


def _mental_health_at(index: Index, stage: Stage) -> Judgement:
    judgements: list[Judgement] = []
    for product in index.products_at[stage]:
        if product.domain is UNKNOWN:
            judgements.append((None, (FactPath.product(product.id).then("domain"),)))
        else:
            judgements.append((product.domain is _MENTAL_HEALTH, ()))
    return any_of(judgements)


def _domain_phrase(name: str, domain: Domain | Unknown) -> str:
    shown = "domain unknown" if domain is UNKNOWN else f"a {domain.words} service"
    return f"{name} ({shown})"


def coproduction(initiative: Initiative) -> Verdict:
    """Judge whether an initiative is co-produced in the paper's broad sense.

    Essential: something is produced; service users have a real voice (involved
    or more) in a stage that produces it; they take part in that stage together
    with others ("doing with"); the others include the service's providers.
    Qualifying: role differentiation is dissolved rather than kept (producing
    together and then delivering *to* service users is co-production only in
    part); service users' knowledge shapes the product; the product is a
    mental-health service.

    Args:
        initiative: The initiative to judge.

    Returns:
        The verdict, with one result per criterion and a note on the gold standard.

    Example:
        >>> import humanising
        >>> verdict = coproduction(humanising.casebook.load("east-lille-6"))
        >>> verdict.fit.value
        'partly'
    """
    index = index_of(initiative)
    producing = index.producing_stages
    voice = index.voice
    by_stage = [
        (
            stage,
            voice(stage, _SERVICE_USERS, _INVOLVED),
            voice(stage, NOT_SERVICE_USER, _INVOLVED),
            voice(stage, _PROVIDERS, _INVOLVED),
        )
        for stage in producing
    ]
    # The evidence each reason is written from: the stages that decided each criterion.
    voiced_at = tuple(stage for stage, users, _, _ in by_stage if users[0] is True)
    together = tuple(stage for stage, users, others, _ in by_stage if users[0] is True and others[0] is True)
    partnered = tuple(stage for stage, users, _, providers in by_stage if users[0] is True and providers[0] is True)
    mental_health_at: tuple[Stage, ...] = ()
    if initiative.products:
        user_voice = any_of([users for _, users, _, _ in by_stage])
        doing_with = any_of([all_of(users, others) for _, users, others, _ in by_stage])
        with_providers = any_of([all_of(users, providers) for _, users, _, providers in by_stage])
        by_product = [
            (stage, all_of(users, providers, _mental_health_at(index, stage)))
            for stage, users, _, providers in by_stage
        ]
        mental_health = any_of([judgement for _, judgement in by_product])
        deciding = True if mental_health[0] is True else None
        mental_health_at = tuple(stage for stage, judgement in by_product if judgement[0] is deciding)
    else:
        # With no product recorded, any stage might be the one that produces it: the verdict
        # waits on the products, and on every unknown fact about who takes part anywhere.
        user_voice = doing_with = with_providers = mental_health = _unrecorded(index)
    knowledge_fact = initiative.user_knowledge_shapes_product
    knowledge = judgement_of(knowledge_fact, _USER_KNOWLEDGE_SHAPES_PRODUCT_PATH)
    results: tuple[RawCriterion, ...] = (
        produces(initiative),
        criterion(
            SERVICE_USER_VOICE,
            user_voice,
            _render_voice,
            index,
            producing,
            voiced_at,
            facts=lambda: paths(seats_on(index, index.by_stage, _SERVICE_USERS)),
        ),
        criterion(DOING_WITH, doing_with, _render_doing_with, index, producing, together),
        roles_not_kept(initiative, ROLES_SHARED),
        criterion(
            WITH_PROVIDERS,
            with_providers,
            _render_providers,
            index,
            producing,
            partnered,
            facts=lambda: tuple(FactPath.failed_partnership(f.partner) for f in initiative.failed_partnerships),
        ),
        criterion(
            USER_KNOWLEDGE,
            knowledge,
            _render_knowledge,
            knowledge_fact.hedge,
            facts=(_USER_KNOWLEDGE_SHAPES_PRODUCT_PATH,),
        ),
        criterion(
            MENTAL_HEALTH_SERVICE,
            mental_health,
            _render_mental_health,
            index,
            mental_health_at,
            partnered,
            facts=lambda: tuple(
                FactPath.product(product.id).then("domain")
                for stage in producing
                for product in index.products_at[stage]
            ),
        ),
    )
    notes: list[RawNote | Note] = []
    if fit_of(results) in (_FITS, _PARTLY):
        # The note reports the gold-standard model's own verdict, so that it cannot contradict it.
        notes.append(_gold_note(gold_standard_fit(initiative)))
    if initiative.relationships:
        notes.extend((_equalising_note, (index, relationship)) for relationship in _other_equalising(index, initiative))
    return Verdict.judge(MODEL_ID, results, notes=tuple(notes))


def _unrecorded(index: Index) -> Judgement:
    voice = index.voice
    paths = {_PRODUCTS_PATH}
    for stage in index.stages():
        for sides in (_SERVICE_USERS, NOT_SERVICE_USER, _PROVIDERS):
            paths.update(voice(stage, sides, _INVOLVED)[1])
    return (None, tuple(sorted(paths)))


def _gold_note(gold: Fit) -> Note:
    if gold is _FITS:
        text = "Service users and providers are equal partners in design and delivery: the gold standard."
    elif gold is _UNDETERMINED:
        text = (
            "Whether it reaches the gold standard (equal partners in design and delivery) is undetermined; "
            "the paper does not require it of co-production."
        )
    else:
        text = (
            "It falls short of the gold standard (equal partners in design and delivery), "
            "which the paper does not require of co-production."
        )
    return Note(text, about=GOLD_STANDARD, says=gold)


def _other_equalising(index: Index, initiative: Initiative) -> tuple[Relationship, ...]:
    """Narrowed relationships other than between service users and mental-health professionals.

    The paper's point (section 5): such equalising is a good that co-production
    shares, not co-production itself. Commentary only: no criterion reads relationships.
    """
    stakeholders = index.stakeholders
    found = []
    for relationship in equalises(initiative):
        first, second = (stakeholders[party] for party in relationship.between)
        if not (is_service_user(first) and _is_clinician(second)) and not (
            is_service_user(second) and _is_clinician(first)
        ):
            found.append(relationship)
    return tuple(found)


def _is_clinician(stakeholder: Stakeholder) -> bool:
    return _MENTAL_HEALTH_PROFESSIONAL in stakeholder.identities


def _equalising_note(index: Index, relationship: Relationship) -> str:
    names = " and ".join(index.stakeholders[party].name for party in relationship.between)
    aspect = relationship.aspect.words
    return (
        f"The relationship it equalises ({aspect}, as {relationship.claim.value}) is between {names}, "
        "not between service users and mental-health professionals: a good co-production shares, "
        "not co-production itself."
    )


MODEL: Model = Model(
    id=MODEL_ID,
    name="Co-production",
    short_name="co-production",
    judge=coproduction,
    summary=(
        "Service users have a real voice in producing a service, together with the professionals who "
        "provide it, drawing on both kinds of knowledge: doing with, not delivering to."
    ),
    source=f"{PAPER}, section 2",
    criteria=(
        PRODUCES,
        SERVICE_USER_VOICE,
        DOING_WITH,
        ROLES_SHARED,
        WITH_PROVIDERS,
        USER_KNOWLEDGE,
        MENTAL_HEALTH_SERVICE,
    ),
)
