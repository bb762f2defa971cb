"""Co-production in the paper's broad sense.

Harcourt and Crepaz-Keay (2023, section 2) use "co-production" for any approach
that gives service users a voice in decisions and draws on the knowledge of both
service users and the professionals who provide the service: "doing with", not
delivering something to someone. Equal partnership is the stricter gold standard,
a model of its own (``coproduction_gold_standard``).
"""

from __future__ import annotations

from humanising._facts import Domain, Identity, Initiative, Involvement, Stage
from humanising._index import NOT_SERVICE_USER, TRUE, Index, Judgement, Side, all_of, any_of
from humanising._registry import CriterionSpec, Model
from humanising._relations import equalises
from humanising._unknown import UNKNOWN
from humanising._verdict import RawCriterion, Status, Verdict, criterion
from humanising.models._shared import (
    PAPER,
    produces,
    roles_not_kept,
    seat_phrases,
    seats_on,
    stage_names,
)

MODEL_ID = "coproduction"

_SERVICE_USERS = frozenset({Side.SERVICE_USER})
_PROVIDERS = frozenset({Side.PROVIDER})
_COMMUNITY = frozenset({Side.COMMUNITY})


def _render_voice(status: Status, stages: str, phrases: str) -> str:
    if status is Status.MET:
        return f"Service users have a real voice (involved or more) in producing it, at {stages}."
    if status is Status.UNKNOWN:
        return f"Whether service users have a real voice at {stages} is unknown ({phrases})."
    return (
        f"Service users have no real voice at any producing stage ({stages}): {phrases}. "
        "Feedback at evaluation or end-user testing (consulted) does not count."
    )


def _render_doing_with(status: Status, joint: str, alone: str, others_only: str) -> str:
    if status is Status.MET:
        return f"Service users and others take part together at {joint}: 'doing with'."
    if status is Status.UNKNOWN:
        return "Whether service users and others take part in the same producing stage is unknown."
    parts = []
    if alone:
        parts.append(
            f"service users act at {alone} with nobody else taking part, professionals absent, "
            "which makes it service user-led there"
        )
    if others_only:
        parts.append(f"others act without service users at {others_only}, which makes it top-down there")
    detail = "; ".join(parts) or "no producing stage has both service users and others taking part"
    return f"No producing stage has service users and others taking part together: {detail}."


def _render_providers(status: Status, partners: str, failed: str, sole_charge: str) -> str:
    if status is Status.MET:
        return f"The partnership is with those who provide the service: {partners}."
    if status is Status.UNKNOWN:
        return "Whether the service's providers take part alongside service users is unknown."
    sentences = ["No provider of the service takes part alongside service users in producing it."]
    if partners:
        sentences.append(
            f"Service users worked with {partners} instead: that is community involvement, "
            "not co-production (co-production with whom?)."
        )
    if failed:
        sentences.append(failed)
    if sole_charge:
        sentences.append(f"Service users were in sole charge instead, at {sole_charge}.")
    return " ".join(sentences)


def _render_knowledge(status: Status, hedge: str) -> str:
    if status is Status.MET:
        return f"Service users' knowledge shapes what is produced{hedge}."
    if status is Status.UNKNOWN:
        return "It is unclear whether service users' part makes what is produced more sensitive to their needs."
    return f"Service users' knowledge does not shape what is produced{hedge}."


def _render_mental_health(status: Status, products: str) -> str:
    if status is Status.MET:
        return f"What is co-produced is a mental-health service: {products}."
    if status is Status.UNKNOWN:
        return f"Whether what is co-produced is a mental-health service is unknown: {products}."
    if not products:
        return "No provider works with service users on a product, so no mental-health service is co-produced."
    return f"What service users help produce is not a mental-health service: {products}."


def _joint(index: Index, stage: Stage, partners: frozenset[Side]) -> Judgement:
    return all_of(
        index.voice(stage, _SERVICE_USERS, Involvement.INVOLVED),
        index.voice(stage, partners, Involvement.INVOLVED),
    )


def _stages_where(index: Index, stages: tuple[Stage, ...], partners: frozenset[Side]) -> tuple[Stage, ...]:
    return tuple(stage for stage in stages if _joint(index, stage, partners)[0] is True)


def _failed_partnerships(initiative: Initiative) -> str:
    index = initiative._index  # noqa: SLF001 - the shared per-initiative index
    return " ".join(
        f"A partnership with {index.stakeholders[failed.partner].name} was sought but not established: "
        f"{failed.why}{failed.basis.hedge}."
        for failed in sorted(initiative.failed_partnerships, key=lambda failed: failed.partner)
    )


def coproduction(initiative: Initiative) -> Verdict:
    """Judge whether an initiative is co-produced in the paper's broad sense.

    Essential: something is produced; service users have a real voice (involved
    or more) in a stage that produces it; they take part in that stage together
    with others ("doing with"); role differentiation is not kept; the others
    include the service's providers. Qualifying: service users' knowledge shapes
    the product; the product is a mental-health service.

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
    index: Index = initiative._index  # noqa: SLF001 - the shared per-initiative index
    producing = index.producing_stages

    voice_by_stage = [index.voice(stage, _SERVICE_USERS, Involvement.INVOLVED) for stage in producing]
    voice = any_of(voice_by_stage)
    su_seats = seats_on(index, index.by_stage, _SERVICE_USERS)
    voice_result = criterion(
        "service_user_voice",
        voice,
        _render_voice,
        stage_names(producing)
        if producing
        else ("the producing stages" if not initiative.products else "none, as nothing is produced"),
        seat_phrases(su_seats),
        facts=tuple(seat.path for seat in su_seats),
    )

    joint = any_of(_joint(index, stage, NOT_SERVICE_USER) for stage in producing)
    su_voice_stages = tuple(stage for stage, (value, _) in zip(producing, voice_by_stage, strict=True) if value)
    others_stages = tuple(
        stage for stage in producing if index.voice(stage, NOT_SERVICE_USER, Involvement.INVOLVED)[0] is True
    )
    joint_stages = _stages_where(index, producing, NOT_SERVICE_USER)
    doing_with = criterion(
        "doing_with",
        joint,
        _render_doing_with,
        stage_names(joint_stages),
        stage_names(s for s in su_voice_stages if s not in others_stages) if su_voice_stages else "",
        stage_names(s for s in others_stages if s not in su_voice_stages) if others_stages else "",
    )

    with_providers = any_of(_joint(index, stage, _PROVIDERS) for stage in producing)
    provider_stages = _stages_where(index, producing, _PROVIDERS)
    if with_providers[0] is True:
        partners = seat_phrases(seats_on(index, provider_stages, _PROVIDERS))
    else:
        partners = seat_phrases(seats_on(index, _stages_where(index, producing, _COMMUNITY), _COMMUNITY))
        if partners == seat_phrases(()):
            partners = ""
    led = tuple(stage for stage in producing if index.voice(stage, _SERVICE_USERS, Involvement.LEADS)[0] is True)
    providers_result = criterion(
        "with_providers",
        with_providers,
        _render_providers,
        partners,
        _failed_partnerships(initiative),
        stage_names(led) if led and with_providers[0] is False else "",
        facts=tuple(f"failed_partnerships[{f.partner}]" for f in initiative.failed_partnerships),
    )

    knowledge_fact = initiative.user_knowledge_shapes_product
    knowledge = (
        (None, ("user_knowledge_shapes_product",)) if knowledge_fact.value is UNKNOWN else (knowledge_fact.value, ())
    )
    knowledge_result = criterion(
        "user_knowledge",
        knowledge,
        _render_knowledge,
        knowledge_fact.hedge,
        essential=False,
        facts=("user_knowledge_shapes_product",),
    )

    mental_health = any_of(
        all_of(_joint(index, stage, _PROVIDERS), _mental_health_at(index, stage)) for stage in producing
    )
    candidate_stages = provider_stages or tuple(
        stage for stage in producing if _joint(index, stage, _PROVIDERS)[0] is None
    )
    shown = sorted(
        {product for stage in candidate_stages for product in index.products_at.get(stage, ())},
        key=lambda product: product.id,
    )
    mental_health_result = criterion(
        "mental_health_service",
        mental_health,
        _render_mental_health,
        "; ".join(_domain_phrase(product.name, product.domain) for product in shown),
        essential=False,
        facts=tuple(f"products[{product.id}].domain" for product in shown),
    )

    if not initiative.products:
        # With no product recorded, which stages produce anything is itself unknown.
        unrecorded = (None, ("products",))
        voice_result, doing_with, providers_result, mental_health_result = (
            (result[0], Status.UNKNOWN, *result[2:5], result[5], unrecorded[1])
            for result in (voice_result, doing_with, providers_result, mental_health_result)
        )
    results: tuple[RawCriterion, ...] = (
        produces(initiative),
        voice_result,
        doing_with,
        roles_not_kept(initiative, "roles_shared"),
        providers_result,
        knowledge_result,
        mental_health_result,
    )
    notes = _other_equalising(initiative)
    verdict = Verdict.judge(MODEL_ID, results, notes=notes)
    if verdict.fit in (verdict.fit.FITS, verdict.fit.PARTLY):
        gold = all(
            all_of(
                index.voice(stage, _SERVICE_USERS, Involvement.PARTNER),
                index.voice(stage, _PROVIDERS, Involvement.PARTNER),
            )
            == TRUE
            for stage in (Stage.DESIGN, Stage.DELIVERY)
        )
        note = (
            "Service users and providers are equal partners in design and delivery: the gold standard."
            if gold
            else "It falls short of the gold standard (equal partners in design and delivery), "
            "which the paper does not require of co-production."
        )
        verdict = Verdict.judge(MODEL_ID, results, notes=(note, *notes))
    return verdict


def _other_equalising(initiative: Initiative) -> tuple[str, ...]:
    """Commentary on relationships it narrows other than service users with mental-health professionals.

    The paper's point (section 5): such equalising is a good that co-production
    shares, not co-production itself. Commentary only: no criterion reads relationships.
    """
    index: Index = initiative._index  # noqa: SLF001 - the shared per-initiative index

    def is_user(stakeholder_id: str) -> bool:
        stakeholder = index.stakeholders[stakeholder_id]
        return Identity.SERVICE_USER in stakeholder.identities or stakeholder.user_run.value is True

    def is_clinician(stakeholder_id: str) -> bool:
        return Identity.MENTAL_HEALTH_PROFESSIONAL in index.stakeholders[stakeholder_id].identities

    notes = []
    for relationship in equalises(initiative):
        first, second = relationship.between
        if (is_user(first) and is_clinician(second)) or (is_user(second) and is_clinician(first)):
            continue
        names = " and ".join(index.stakeholders[party].name for party in relationship.between)
        aspect = relationship.aspect.value.replace("_", " ")
        notes.append(
            f"The relationship it equalises ({aspect}, as {relationship.claim.value}) "
            f"is between {names}, not between service users and mental-health professionals: "
            "a good co-production shares, not co-production itself."
        )
    return tuple(notes)


def _mental_health_at(index: Index, stage: Stage) -> Judgement:
    judgements: list[Judgement] = []
    for product in index.products_at.get(stage, ()):
        if product.domain is UNKNOWN:
            judgements.append((None, (f"products[{product.id}].domain",)))
        else:
            judgements.append((product.domain is Domain.MENTAL_HEALTH, ()))
    return any_of(judgements)


def _domain_phrase(name: str, domain: object) -> str:
    shown = "domain unknown" if domain is UNKNOWN else f"a {str(domain).replace('_', ' ')} service"
    return f"{name} ({shown})"


MODEL = Model(
    id=MODEL_ID,
    name="Co-production",
    judge=coproduction,
    summary=(
        "Service users have a real voice in producing a service, together with the professionals who "
        "provide it, drawing on both kinds of knowledge: doing with, not delivering to."
    ),
    source=f"{PAPER}, section 2",
    criteria=(
        CriterionSpec("produces", True, "Something is produced, not merely access, a status or a place to live."),
        CriterionSpec("service_user_voice", True, "Service users are involved or more in a stage that produces it."),
        CriterionSpec("doing_with", True, "Service users and others take part in the same producing stage."),
        CriterionSpec("roles_shared", True, "Role differentiation is not kept: nobody merely delivers to recipients."),
        CriterionSpec(
            "with_providers", True, "The others include the service's providers, not community members alone."
        ),
        CriterionSpec("user_knowledge", False, "Service users' knowledge shapes what is produced."),
        CriterionSpec("mental_health_service", False, "What is co-produced is a mental-health service."),
    ),
)
