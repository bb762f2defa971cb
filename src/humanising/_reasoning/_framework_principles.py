"""Two checklists of co-production principles: NEF/Nesta's six (Boyle and Harris, 2009) and NIHR's (2021).

A principle is met or not on its own; a checklist draws no line between co-production
and what falls short of it. Several principles ask about what people gain, give back or
become, which no fact of this library records: those are not expressible, and each says
which facts come nearest and why they do not decide it.
"""

from __future__ import annotations

from humanising._facts import Involvement, RoleDifferentiation
from humanising._facts._paths import FactPath
from humanising._reasoning._crosswalks import DELIVERY, PROVIDERS, fact, fact_wording, reaches, seat_wording, voice
from humanising._reasoning._frameworks import Framework, FrameworkKind, Step
from humanising._reasoning._logic import Judgement, all_of
from humanising._reasoning._look import Look, Provides
from humanising.models import product_roles


def _observed(step_id: str, name: str, meaning: str, field: str, said: tuple[str, str, str, str]) -> Step:
    # A principle read from one observation; ``said``: what it observes, then the met, unmet and unknown sentences.
    what, met, unmet, unknown = said
    path = FactPath("observations", field)
    return Step(
        step_id,
        name,
        meaning,
        f"The observation that {what} ({path}).",
        check=fact(path),
        wording=fact_wording(met=met, unmet=unmet, unknown=unknown),
    )


_BLURRED = frozenset({RoleDifferentiation.BROADENED, RoleDifferentiation.DISSOLVED})
_ROLES_PATH = FactPath("role_differentiation")


def _roles_blurred(look: Look) -> Judgement:
    # Every product that is something delivered with the provider/recipient split broadened or dissolved;
    # with no such product, the initiative's own role differentiation.
    something = [product for product in look.index.products if product.is_something]
    if not something:
        return look.fact(_ROLES_PATH, _BLURRED)
    judged = []
    for product in something:
        value, items = product_roles(look, product)
        roles: object = value  # the judgement's value is the product's RoleDifferentiation, not a truth value
        judged.append((None if roles is None else roles in _BLURRED, items))
    return all_of(*judged)


NEF_NESTA = Framework(
    id="nef_nesta",
    name="NEF/Nesta principles of co-production",
    short_name="NEF/Nesta",
    kind=FrameworkKind.CHECKLIST,
    citation="Boyle, D., & Harris, M. (2009). The challenge of co-production. London: NEF and Nesta.",
    summary=(
        "Six principles that mark public services as co-produced: people as assets, building on their "
        "capabilities, reciprocity, peer networks, blurred roles, and agencies that facilitate rather than deliver."
    ),
    steps=(
        _observed(
            "assets",
            "Recognising people as assets",
            "People who use services are treated as equal partners with something to give, not as passive "
            "recipients or burdens.",
            "assets_view",
            (
                "everyone is treated as having assets to contribute",
                "Everyone is treated as having assets to contribute",
                "People are not treated as having assets to contribute",
                "Whether people are treated as having assets to contribute is unknown",
            ),
        ),
        Step(
            "capabilities",
            "Building on people's existing capabilities",
            "Services start from what people can do and help them grow it.",
            "the facts record who took part in recruitment and training and whether service users were paid, "
            "not whether anyone's capabilities were built on or grown.",
        ),
        Step(
            "reciprocity",
            "Mutuality and reciprocity",
            "People and professionals have obligations to each other and each gets something back.",
            "the relationships record whether an unequal relationship narrows, and paid_employment whether "
            "service users were paid; neither records mutual obligations or what each side gains.",
        ),
        Step(
            "peer_networks",
            "Peer support networks",
            "Peer and personal networks are engaged alongside professionals to carry knowledge and support.",
            "Someone with lived experience takes part in delivery with at least a real voice (involved): "
            "peers delivering, as far as the participations show.",
            check=reaches(Involvement.INVOLVED, DELIVERY),
            wording=seat_wording(
                met="People with lived experience take part in delivering it",
                unmet="Nobody with lived experience takes part in delivering it",
                unknown="Whether people with lived experience take part in delivering it is unknown",
            ),
        ),
        Step(
            "blurred_roles",
            "Blurring distinctions",
            "The line between those who provide and those who receive, producer and consumer, is blurred.",
            "The role differentiation in delivering each product (else the initiative's) is broadened or dissolved.",
            check=_roles_blurred,
            wording=fact_wording(
                met="The split between providing and receiving is broadened or dissolved",
                unmet="The split between providing and receiving is kept",
                unknown="Whether the split between providing and receiving is blurred is unknown",
            ),
        ),
        Step(
            "facilitating",
            "Facilitating rather than delivering",
            "Public agencies act as catalysts and facilitators of change rather than central providers.",
            "the participations record how much say each party had at each stage, not whether an agency "
            "changed its own part from providing to enabling.",
        ),
    ),
)
"""NEF/Nesta (Boyle and Harris, 2009): six principles, three not expressible."""


_SHARED_POWER = voice(Involvement.PARTNER) & Provides(Involvement.PARTNER)
_BOTH_VOICES = voice(Involvement.INVOLVED) & PROVIDERS


def _shared_power(look: Look) -> Judgement:
    return look.somewhere(_SHARED_POWER)


def _all_perspectives(look: Look) -> Judgement:
    return look.somewhere(_BOTH_VOICES)


NIHR = Framework(
    id="nihr",
    name="NIHR principles of co-production",
    short_name="NIHR",
    kind=FrameworkKind.CHECKLIST,
    citation=(
        "National Institute for Health and Care Research (2021). Guidance on co-producing a research project. "
        "NIHR Learning for Involvement."
    ),
    summary=(
        "Five principles of co-producing research: sharing power, including all perspectives and skills, "
        "respecting and valuing everyone's knowledge, reciprocity, and building and keeping relationships."
    ),
    steps=(
        Step(
            "sharing_power",
            "Sharing power",
            "Power is shared: the work is owned jointly and decisions are made together.",
            "Someone with lived experience and the providers are both partners (or lead) at the same stage.",
            check=_shared_power,
            wording=seat_wording(
                met="People with lived experience and the providers share power at a stage",
                unmet="People with lived experience and the providers share power at no stage",
                unknown="Whether people with lived experience and the providers share power at some stage is unknown",
            ),
        ),
        Step(
            "all_perspectives",
            "Including all perspectives and skills",
            "Everyone who can contribute takes part, with their different kinds of knowledge and skill.",
            "Someone with lived experience and the providers both have a real voice (involved or more) at the "
            "same stage: the two perspectives the facts can tell apart.",
            check=_all_perspectives,
            wording=seat_wording(
                met="People with lived experience and the providers both have a real voice at a stage",
                unmet="People with lived experience and the providers have a real voice together at no stage",
                unknown="Whether people with lived experience and the providers have a real voice together is unknown",
            ),
        ),
        _observed(
            "valuing_knowledge",
            "Respecting and valuing the knowledge of all",
            "Everyone's knowledge, experiential and professional, is valued equally.",
            "user_knowledge_equal_status",
            (
                "service users' knowledge has equal status",
                "Service users' knowledge has equal status",
                "Service users' knowledge does not have equal status",
                "Whether service users' knowledge has equal status is unknown",
            ),
        ),
        Step(
            "reciprocity",
            "Reciprocity",
            "Everyone gets something back for taking part.",
            "paid_employment records whether service users were paid, one return among many the principle "
            "means; no fact records what each party gains.",
        ),
        Step(
            "relationships",
            "Building and maintaining relationships",
            "Relationships within the team are built and kept up so that power can be shared.",
            "the relationships record whether an unequal relationship between groups narrows, not whether the "
            "working relationships of the people involved were built and maintained.",
        ),
    ),
)
"""NIHR (2021): five principles, two not expressible."""
