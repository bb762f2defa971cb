"""Co-production in the paper's broad sense.

Harcourt and Crepaz-Keay (2023, section 2) use "co-production" for any approach
that gives service users a voice in decisions and draws on the knowledge of both
service users and the professionals who provide the service: "doing with", not
delivering something to someone. Equal partnership is the stricter gold standard,
a model of its own (``coproduction_gold_standard``).
"""

from __future__ import annotations

from collections.abc import Callable

from humanising import (
    Domain,
    FactPath,
    Identity,
    Initiative,
    Involvement,
    Relationship,
    RoleDifferentiation,
    Stage,
    Stakeholder,
    equalises,
)
from humanising.models import (
    ALL_STAGES,
    LIVED_EXPERIENCE,
    PAPER,
    PRODUCES,
    ROLES_WORDING,
    WITHOUT_LIVED_EXPERIENCE,
    Condition,
    CriterionSpec,
    EvidenceItem,
    FactCheck,
    Fit,
    Grounds,
    Index,
    Judgement,
    Look,
    Model,
    Note,
    Producing,
    ProductIn,
    Provides,
    Side,
    StageSet,
    Verdict,
    Voice,
    Wording,
    all_of,
    any_of,
    at_least,
    delivered_with_roles_not_kept,
    in_stage_order,
    is_service_user,
    roles_dissolved,
    stage_names,
    stage_set,
    weakest_basis,
)

MODEL_ID = "coproduction"

_SECTION = "paper, section 2"
_KNOWLEDGE_PATH = FactPath("user_knowledge_shapes_product")
_INVOLVED = Involvement.INVOLVED
_LEADS = Involvement.LEADS

USERS_VOICED = LIVED_VOICE = Voice(LIVED_EXPERIENCE, _INVOLVED)
"""Service users, or survivors: people with lived experience, involved or more."""
OTHERS_VOICED = Voice(WITHOUT_LIVED_EXPERIENCE & ~Side.COMMUNITY, _INVOLVED)
"""Others, involved or more: not service users or survivors, and not community members, whose taking
part with service users is community involvement rather than "doing with" the service's providers."""
PROVIDERS_VOICED = Provides(_INVOLVED)
"""Those who provide what is produced at the stage: mental-health professionals, or a stakeholder
that provides a product of its own service domain there; never a consultant, designer or artist."""
COMMUNITY_VOICED = Voice(Side.COMMUNITY, _INVOLVED)
PRODUCING = Producing()
VOICE_IN_PRODUCING = PRODUCING & USERS_VOICED
TOGETHER = PRODUCING & USERS_VOICED & OTHERS_VOICED
WITH_PROVIDERS_AT = PRODUCING & USERS_VOICED & PROVIDERS_VOICED
WITH_COMMUNITY_AT = PRODUCING & USERS_VOICED & COMMUNITY_VOICED
MENTAL_HEALTH_AT = USERS_VOICED & PROVIDERS_VOICED & ProductIn(Domain.MENTAL_HEALTH)
_ANYONE_OPEN = USERS_VOICED & OTHERS_VOICED & PROVIDERS_VOICED


def _users(grounds: Grounds) -> tuple[EvidenceItem, ...]:
    return tuple(item for item in grounds.participations() if _on_side(grounds, item, LIVED_EXPERIENCE))


def _on_side(grounds: Grounds, item: EvidenceItem, side: int) -> bool:
    stakeholder = item.path.steps[1].parts[0]  # type: ignore[union-attr] # a participation's key
    return grounds.side_of(stakeholder, item) & side != 0


_NOTHING_PRODUCED = "none, as nothing is produced"


def _producing_stages(grounds: Grounds) -> str:
    stages = _producing_set(grounds)
    if stages:
        return stage_names(in_stage_order(stages))
    return _NOTHING_PRODUCED if grounds.product_items() else "the producing stages"


def _in_producing(look: Look, condition: Condition) -> Judgement:
    """Whether ``condition`` holds at some producing stage.

    With no product recorded, any stage might be the one that produces it: the answer waits
    on the products, and on every open fact about who takes part where.
    """
    if look.index.products:
        # Only the producing stages can hold it, so only they are evidence.
        return look.somewhere(condition, _producing_stages_of(look))
    judgement = look.somewhere(condition)
    return (None, (*judgement[1], *look.somewhere(_ANYONE_OPEN)[1]) if look.collects else ())


def _producing_stages_of(look: Look) -> StageSet:
    return look.producing


def _voice(look: Look) -> Judgement:
    return _in_producing(look, VOICE_IN_PRODUCING)


def _voice_unmet(grounds: Grounds) -> str:
    if _producing_stages(grounds) == _NOTHING_PRODUCED:
        return "Nothing is produced, so service users can have no voice in producing it."
    return (
        f"Service users have no real voice at any producing stage ({_producing_stages(grounds)}): "
        f"{grounds.seat_list(_users(grounds))}. Feedback at evaluation or end-user testing (consulted) does not count."
    )


def _voice_unknown(grounds: Grounds) -> str:
    return f"Whether service users have a real voice at {_producing_stages(grounds)} is unknown ({grounds.seats})."


SERVICE_USER_VOICE = CriterionSpec(
    "service_user_voice",
    True,
    "Service users are involved or more in a stage that produces it.",
    source=_SECTION,
    check=_voice,
    wording=Wording(
        met="{Lived} have a real voice (involved or more) in producing it, at {stages}{hedge}.",
        unmet=_voice_unmet,
        unknown=_voice_unknown,
    ),
)


_BEFORE_DELIVERY = ALL_STAGES & ~stage_set(Stage.DELIVERY)


def _doing_with(look: Look) -> Judgement:
    """Service users and others produce it together, and not by delivering it with kept roles.

    Role differentiation is a matter of delivery (somebody delivering something to someone):
    where the stage claimed as co-produced is delivery itself, kept roles there mean it is
    not done with service users. Kept roles after a co-produced design only qualify the fit.
    """
    within = _producing_stages_of(look) if look.index.products else ALL_STAGES
    before = look.somewhere(TOGETHER, within & _BEFORE_DELIVERY)
    if before[0] is True and not look.collects:
        judgement = before
    else:
        at_delivery = look.at(Stage.DELIVERY, TOGETHER)
        if at_delivery[0] is not False:
            at_delivery = all_of(at_delivery, delivered_with_roles_not_kept(look))
        judgement = any_of((before, at_delivery))
    if look.index.products:
        return judgement
    return (None, (*judgement[1], *look.somewhere(_ANYONE_OPEN)[1]) if look.collects else ())


def _doing_with_unmet(grounds: Grounds) -> str:
    voiced = at_least(grounds.participations(), _INVOLVED)
    users = set(grounds.stages_of(item for item in voiced if _on_side(grounds, item, LIVED_EXPERIENCE)))
    others = set(grounds.stages_of(item for item in voiced if _on_side(grounds, item, WITHOUT_LIVED_EXPERIENCE)))
    producing = _producing_set(grounds)
    kept = _kept_roles(grounds)
    if kept:
        # Kept roles decide delivery, whoever has a say there.
        producing.discard(Stage.DELIVERY)
    users &= producing
    others &= producing
    parts = []
    alone = [stage for stage in Stage if stage in users and stage not in others]
    if alone:
        parts.append(
            f"service users act at {stage_names(alone)} without the service's providers or other "
            "professionals, which makes it service user-led there"
        )
    others_only = [stage for stage in Stage if stage in others and stage not in users]
    if others_only:
        parts.append(f"others act without service users at {stage_names(others_only)}, which makes it top-down there")
    if kept:
        parts.append(
            f"at delivery, roles are kept{kept}: somebody delivers something to someone, "
            "not 'doing with' (paper, section 4.3)"
        )
    detail = "; ".join(parts) or "no producing stage has both service users and others taking part"
    if kept:
        return f"At no producing stage is it done with service users: {detail}."
    return f"No producing stage has service users and others taking part together: {detail}."


def _kept_roles(grounds: Grounds) -> str:
    """`` in delivering art therapy (case author's coding)`` where kept roles are in the evidence, else empty."""
    kept = [item for item in grounds.evidence if item.value is RoleDifferentiation.KEPT]
    if not kept:
        return ""
    named = [grounds.product(item).name for item in kept if item.path.steps[0] == "products"]
    where = f" in delivering {', '.join(named)}" if named else ""
    basis = weakest_basis(kept)
    return f"{where}{'' if basis is None else basis.hedge}"


def _producing_set(grounds: Grounds) -> set[Stage]:
    found: set[Stage] = set()
    for item in grounds.product_items():
        product = grounds.product(item)
        if product.is_something:
            found.update(product.stages)
    return found


DOING_WITH = CriterionSpec(
    "doing_with",
    True,
    "Service users and others take part in the same producing stage.",
    source=_SECTION,
    check=_doing_with,
    wording=Wording(
        met="Service users and others take part together at {stages}{hedge}: 'doing with'.",
        unmet=_doing_with_unmet,
        unknown="Whether service users and others take part in the same producing stage is unknown.",
    ),
)
ROLES_SHARED = CriterionSpec(
    "roles_shared",
    False,
    "Role differentiation is dissolved: nobody merely delivers to recipients.",
    source="paper, section 4.3",
    check=roles_dissolved,
    wording=ROLES_WORDING,
)


def _with_providers(look: Look) -> Judgement:
    value, items = _in_producing(look, WITH_PROVIDERS_AT)
    if value is not False or not look.collects:
        return (value, items)
    # Why there is no partnership with providers is part of what decided it: whom service users
    # worked with instead, and any partnership sought but not established.
    community = look.somewhere(WITH_COMMUNITY_AT)
    extra = community[1] if community[0] is True else ()
    failed = tuple(
        EvidenceItem(FactPath.failed_partnership(f.partner).then("why"), f.why, f.basis)
        for f in sorted(look.initiative.failed_partnerships, key=lambda failed: failed.partner)
    )
    return (False, (*items, *(item for item in extra if item not in items), *failed))


def _with_providers_met(grounds: Grounds) -> str:
    partners = tuple(
        item for item in at_least(grounds.participations(), _INVOLVED) if not _on_side(grounds, item, LIVED_EXPERIENCE)
    )
    return f"The partnership is with those who provide the service{grounds.hedge}: {grounds.seat_list(partners)}."


def _with_providers_unmet(grounds: Grounds) -> str:
    sentences = ["No provider of the service takes part alongside service users in producing it."]
    voiced = at_least(grounds.participations(), _INVOLVED)
    producing = _producing_set(grounds)
    joint = set(grounds.stages_of(i for i in voiced if _on_side(grounds, i, LIVED_EXPERIENCE))) & producing
    community = tuple(
        item for item in voiced if _on_side(grounds, item, Side.COMMUNITY) and set(grounds.stages_of((item,))) & joint
    )
    if community:
        sentences.append(
            f"Service users worked with {grounds.seat_list(community)} instead: that is community "
            "involvement, for which 'co-production' is an uncertain fit (co-production with whom?, "
            "paper, sections 4.2 and 5)."
        )
    for item in grounds.evidence:
        if item.path.steps[0] == "failed_partnerships":
            partner = item.path.steps[1].parts[0]  # type: ignore[union-attr]
            hedge = "" if item.basis is None else item.basis.hedge
            sentences.append(
                f"A partnership with {grounds.name(partner)} was sought but not established: {item.value}{hedge}."
            )
    led = grounds.stages_of(
        item for item in at_least(grounds.participations(), _LEADS) if _on_side(grounds, item, LIVED_EXPERIENCE)
    )
    led = tuple(stage for stage in led if stage in producing)
    if led:
        sentences.append(
            f"Service users were in sole charge instead, at {stage_names(led)}: arguably not co-production "
            "but beyond it, with no provider to share it with (paper, sections 4.2 and 4.3)."
        )
    return " ".join(sentences)


WITH_PROVIDERS = CriterionSpec(
    "with_providers",
    True,
    "The others include the service's providers, not community members alone.",
    source=_SECTION,
    check=_with_providers,
    wording=Wording(
        met=_with_providers_met,
        unmet=_with_providers_unmet,
        unknown="Whether the service's providers take part alongside service users is unknown.",
    ),
)


USER_KNOWLEDGE = CriterionSpec(
    "user_knowledge",
    False,
    "Service users' knowledge shapes what is produced.",
    source=_SECTION,
    check=FactCheck(_KNOWLEDGE_PATH),
    wording=Wording(
        met="Service users' knowledge shapes what is produced{hedge}.",
        unmet="Service users' knowledge does not shape what is produced{hedge}.",
        unknown="It is unclear whether service users' part makes what is produced more sensitive to their needs.",
    ),
)


def _mental_health(look: Look) -> Judgement:
    return _in_producing(look, MENTAL_HEALTH_AT)


def _products_named(grounds: Grounds, wanted: Callable[[object], bool]) -> str:
    seen: dict[str, str] = {}
    for item in grounds.product_items():
        if item.path.steps[-1] == "domain" and wanted(item.value):
            product = grounds.product(item)
            seen.setdefault(product.id, _domain_phrase(product.name, product.domain))
    return "; ".join(seen.values())


def _mental_health_met(grounds: Grounds) -> str:
    products = _products_named(grounds, lambda domain: domain is Domain.MENTAL_HEALTH)
    return f"What is co-produced is a mental-health service: {products}."


def _mental_health_unknown(grounds: Grounds) -> str:
    listed = _products_named(grounds, lambda _domain: True) or "no product is recorded"
    return f"Whether what is co-produced is a mental-health service is unknown: {listed}."


def _mental_health_unmet(grounds: Grounds) -> str:
    # The products at the stages where service users and providers work together.
    voiced = at_least(grounds.participations(), _INVOLVED)
    users = set(grounds.stages_of(i for i in voiced if _on_side(grounds, i, LIVED_EXPERIENCE)))
    providers = set(grounds.stages_of(i for i in voiced if not _on_side(grounds, i, LIVED_EXPERIENCE)))
    together = users & providers
    seen: dict[str, str] = {}
    for item in grounds.product_items():
        product = grounds.product(item)
        if item.path.steps[-1] == "domain" and product.stages & together:
            seen.setdefault(product.id, _domain_phrase(product.name, product.domain))
    if not seen:
        return "No provider works with service users on a product, so no mental-health service is co-produced."
    return f"What service users help produce is not a mental-health service: {'; '.join(seen.values())}."


MENTAL_HEALTH_SERVICE = CriterionSpec(
    "mental_health_service",
    False,
    "What is co-produced is a mental-health service.",
    source="paper, sections 2 and 4.3",
    check=_mental_health,
    wording=Wording(met=_mental_health_met, unmet=_mental_health_unmet, unknown=_mental_health_unknown),
)


CO_PRODUCED = TOGETHER & PROVIDERS_VOICED
"""A producing stage where service users and the service's providers both have a real voice (involved or more)."""


def _stages(look: Look) -> tuple[Stage, ...]:
    """The stages at which it is co-produced: service users and providers produce it together there.

    Delivery counts only where it is known that roles are not kept there: delivering something
    to someone, even together, is not 'doing with' (paper, section 4.3).
    """
    found = look.stages_where(CO_PRODUCED)
    if Stage.DELIVERY in found and delivered_with_roles_not_kept(look)[0] is not True:
        return tuple(stage for stage in found if stage is not Stage.DELIVERY)
    return found


def _domain_phrase(name: str, domain: object) -> str:
    shown = f"a {domain.words} service" if isinstance(domain, Domain) else "domain unknown"
    return f"{name} ({shown})"


def _notes(look: Look, verdict: Verdict) -> list[Note | str]:
    # The gold standard builds on this model, so it is looked up when a note is written.
    from humanising.models.coproduction_gold_standard import MODEL as GOLD_STANDARD_MODEL

    notes: list[Note | str] = []
    if verdict.fit in (Fit.FITS, Fit.PARTLY):
        # The note reports the gold-standard model's own verdict, so that it cannot contradict it.
        notes.append(_gold_note(GOLD_STANDARD_MODEL.judge(look.initiative).fit))
    if look.initiative.relationships:
        index = look.index
        notes.extend(_equalising_note(index, r) for r in _other_equalising(index, look.initiative))
    return notes


def _gold_note(gold: Fit) -> Note:
    from humanising.models.coproduction_gold_standard import MODEL_ID as GOLD_STANDARD

    if gold is Fit.FITS:
        text = "Service users and providers are equal partners in design and delivery: the gold standard."
    elif gold is Fit.UNDETERMINED:
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
    return Identity.MENTAL_HEALTH_PROFESSIONAL in stakeholder.identities


def _equalising_note(index: Index, relationship: Relationship) -> str:
    names = " and ".join(index.stakeholders[party].name for party in relationship.between)
    aspect = relationship.aspect.words
    return (
        f"The relationship it equalises ({aspect}, as {relationship.claim.value}) is between {names}, "
        "not between service users and mental-health professionals: a good co-production shares, "
        "not co-production itself."
    )


MODEL: Model = Model.declared(
    id=MODEL_ID,
    name="Co-production",
    short_name="co-production",
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
    stages=_stages,
    notes=_notes,
    by_product=True,
)
"""Essential: something is produced; service users have a real voice (involved or more) in a
stage that produces it; they take part in that stage together with others ("doing with"); the
others include the service's providers. Qualifying: role differentiation is dissolved rather
than kept (producing together and then delivering *to* service users is co-production only in
part); service users' knowledge shapes the product; the product is a mental-health service.
``Verdict.stages`` lists the stages at which it is co-produced: producing stages where service
users and the service's providers both take part, involved or more (delivery only where roles
are known not to be kept there); judged by product, those of the product that decides.

Example:
    >>> import humanising
    >>> MODEL.judge(humanising.casebook.load("east-lille-6")).fit.value
    'partly'
"""
