"""Three ladders over involvement: Arnstein's (1969), the IAP2 spectrum, and Think Local Act Personal's.

A ladder's rungs are read cumulatively: a rung is met when someone with lived experience
reaches it, or a higher one, at some stage, so a higher rung met implies every lower
expressible rung met. A rung the authors define by the powerholders' intent (to
manipulate, to cure, to coerce, to educate) is not expressible: the facts record how
much say people had, never why it was given.
"""

from __future__ import annotations

from humanising._facts import Involvement
from humanising._reasoning._crosswalks import DELIVERY, PLANNING, PROVIDERS, reaches, seat_wording, voice
from humanising._reasoning._frameworks import Framework, FrameworkKind, Step
from humanising._reasoning._logic import Judgement, all_of
from humanising._reasoning._look import Look, Provides

_INTENT = (
    "the rung is defined by the powerholders' intent{what}, and no fact records why people were given the say "
    "they had; their involvement (the nearest fact) cannot tell this rung from those beside it."
)


def _rung(step_id: str, name: str, meaning: str, level: Involvement) -> Step:
    return Step(
        step_id,
        name,
        meaning,
        f"Someone with lived experience is {level} or more at some stage.",
        check=reaches(level),
        wording=seat_wording(
            met=f"Someone with lived experience is {level} or more at some stage",
            unmet=f"Nobody with lived experience is {level} or more at any stage",
            unknown=f"Whether someone with lived experience is {level} or more at some stage is unknown",
        ),
    )


def _intent(step_id: str, name: str, meaning: str, what: str) -> Step:
    return Step(step_id, name, meaning, _INTENT.format(what=what))


def _led_planning_and_delivery(look: Look) -> Judgement:
    leads = voice(Involvement.LEADS)
    return all_of(look.somewhere(leads, PLANNING), look.somewhere(leads, DELIVERY))


ARNSTEIN = Framework(
    id="arnstein",
    name="Arnstein's ladder of citizen participation",
    short_name="Arnstein",
    kind=FrameworkKind.LADDER,
    citation=(
        "Arnstein, S. R. (1969). A ladder of citizen participation. Journal of the American Institute of "
        "Planners, 35(4), 216-224."
    ),
    summary=(
        "Eight rungs of citizens' power over a programme: two of non-participation, three of tokenism, "
        "three of citizen power. Here the citizens are the people with lived experience the service is for."
    ),
    steps=(
        _intent(
            "manipulation",
            "Manipulation",
            "People are placed on bodies to be won round, not to have a say.",
            " (to win people round)",
        ),
        _intent(
            "therapy",
            "Therapy",
            "Participation used to treat or adjust the participants rather than to change the programme.",
            " (to cure or adjust the participants)",
        ),
        _rung(
            "informing", "Informing", "People are told what is happening: one-way information.", Involvement.INFORMED
        ),
        _rung("consultation", "Consultation", "People's views are asked for; others decide.", Involvement.CONSULTED),
        _rung(
            "placation",
            "Placation",
            "People have some influence, but the powerholders keep the right to decide.",
            Involvement.INVOLVED,
        ),
        _rung(
            "partnership",
            "Partnership",
            "Power is shared through joint structures and negotiation.",
            Involvement.PARTNER,
        ),
        _rung(
            "delegated_power",
            "Delegated power",
            "People hold the dominant say over a plan or a part of the programme.",
            Involvement.LEADS,
        ),
        Step(
            "citizen_control",
            "Citizen control",
            "People govern the programme, its planning and its running.",
            "Someone with lived experience leads at a planning stage and leads at delivery.",
            check=_led_planning_and_delivery,
            wording=seat_wording(
                met="People with lived experience lead both planning and delivery",
                unmet="People with lived experience do not lead both planning and delivery",
                unknown="Whether people with lived experience lead both planning and delivery is unknown",
            ),
        ),
    ),
    coproduction=("partnership",),
)
"""Arnstein (1969): eight rungs; manipulation and therapy are defined by intent."""


IAP2 = Framework(
    id="iap2",
    name="IAP2 spectrum of public participation",
    short_name="IAP2",
    kind=FrameworkKind.LADDER,
    citation="International Association for Public Participation (IAP2). IAP2 Spectrum of Public Participation.",
    summary=(
        "Five levels of the public's part in a decision, from being informed to holding the final decision; "
        "here the public are the people with lived experience the service is for."
    ),
    steps=(
        _rung("inform", "Inform", "The public are given balanced information.", Involvement.INFORMED),
        _rung("consult", "Consult", "The public's feedback is sought on options or decisions.", Involvement.CONSULTED),
        _rung(
            "involve",
            "Involve",
            "The public work with the decision-makers so that their concerns are reflected.",
            Involvement.INVOLVED,
        ),
        _rung(
            "collaborate",
            "Collaborate",
            "The public are partners in each part of the decision.",
            Involvement.PARTNER,
        ),
        _rung("empower", "Empower", "The final decision is in the public's hands.", Involvement.LEADS),
    ),
    coproduction=("collaborate",),
)
"""IAP2: five levels, each expressible through involvement."""


_EQUAL_PARTNERS = voice(Involvement.PARTNER) & Provides(Involvement.PARTNER)


def _co_production(look: Look) -> Judgement:
    # Seeing it through: equal partners with the providers in planning and again in delivery.
    return all_of(look.somewhere(_EQUAL_PARTNERS, PLANNING), look.somewhere(_EQUAL_PARTNERS, DELIVERY))


def _co_design(look: Look) -> Judgement:
    # A real voice in design alongside the providers; delivery is not asked.
    return look.somewhere(voice(Involvement.INVOLVED) & PROVIDERS, PLANNING)


TLAP = Framework(
    id="tlap",
    name="Think Local Act Personal ladder of co-production",
    short_name="TLAP",
    kind=FrameworkKind.LADDER,
    citation="Think Local Act Personal. Ladder of co-production. TLAP (web resource, undated; c. 2021).",
    summary=(
        "Seven steps from doing to people, through doing for them, to doing with them; co-design gives people "
        "a part in designing a service, co-production sees it through from design to delivery as equals."
    ),
    steps=(
        _intent(
            "coercion",
            "Coercion",
            "People attend something decided for them, as passive recipients.",
            " (to make people attend or comply)",
        ),
        _intent(
            "educating",
            "Educating",
            "People are helped to understand a service so that they accept it.",
            " (to bring people to accept what is decided)",
        ),
        _rung("informing", "Informing", "People are told about decisions made.", Involvement.INFORMED),
        _rung(
            "consultation", "Consultation", "People are asked for their views; others decide.", Involvement.CONSULTED
        ),
        _rung(
            "engagement",
            "Engagement",
            "People have more say and some influence, though those in charge still decide.",
            Involvement.INVOLVED,
        ),
        Step(
            "co_design",
            "Co-design",
            "People help design the service from their experience, but do not see it through to delivery.",
            "Someone with lived experience is involved or more at a planning stage at which the providers "
            "also take part (involved or more).",
            check=_co_design,
            wording=seat_wording(
                met="People with lived experience design it with the providers",
                unmet="People with lived experience do not design it with the providers",
                unknown="Whether people with lived experience design it with the providers is unknown",
            ),
        ),
        Step(
            "co_production",
            "Co-production",
            "People and those responsible for the service work as equals from design through delivery.",
            "Someone with lived experience and the providers are both partners (or lead) at a planning stage, "
            "and again at delivery.",
            check=_co_production,
            wording=seat_wording(
                met="People with lived experience and the providers are equal partners in planning and in delivery",
                unmet="People with lived experience and the providers are not equal partners in both planning "
                "and delivery",
                unknown="Whether people with lived experience and the providers are equal partners in planning "
                "and in delivery is unknown",
            ),
        ),
    ),
    coproduction=("co_production",),
)
"""TLAP: seven steps; coercion and educating are defined by intent."""
