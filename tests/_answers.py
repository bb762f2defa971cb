"""One set of answers to the guided coding's questions, as keystrokes and as data, and the initiative they describe.

The interview is driven by ``KEYSTROKES``, the form by ``ANSWERS``; both must write a case file that
loads to ``REFERENCE``, built here from the library's classes without either. The names hold
quotes, a colon, a hash, a line break and markup, so that a builder which does not quote them
writes a case file that fails to load, or loads to something else.
"""

from __future__ import annotations

from typing import Any

import humanising
from humanising import Basis, Fact

NAME = 'A "peer" drop-in: #1 <b>open</b> & free'
SUMMARY = "Run by members.\nStaff help out: 'when asked'."
FEATURE = "people are greeted by name # always"

ANSWERS: dict[str, Any] = {
    "initiative": {
        "id": "peer-drop-in",
        "name": NAME,
        "summary": SUMMARY,
        "place": "",
        "period": "2024",
        "source": "An invented case",
    },
    "stakeholders": [
        {"id": "members", "name": "the members", "identities": ["service_user", "survivor"], "roles": ["end_user"]},
        {"id": "staff", "name": "the nurse on duty", "identities": ["mental_health_professional"], "roles": []},
    ],
    "stages": [
        {
            "stage": "design",
            "said": "yes",
            "participants": [
                {"stakeholder": "members", "involvement": "leads", "capacity": "survivor"},
                {"stakeholder": "staff", "involvement": "consulted", "capacity": "mental_health_professional"},
            ],
        },
        {
            "stage": "delivery",
            "said": "yes",
            "participants": [
                {"stakeholder": "members", "involvement": "absent", "capacity": "service_user"},
                {"stakeholder": "staff", "involvement": "unknown", "capacity": "mental_health_professional"},
            ],
        },
        {"stage": "evaluation", "said": "no", "participants": []},
    ],
    "products": [
        {
            "id": "the-drop-in",
            "name": "the drop-in",
            "kind": "service",
            "domain": "unknown",
            "stages": ["design", "delivery"],
        },
    ],
    "relationships": [
        {"first": "members", "second": "staff", "aspect": "power", "change": "narrows", "claim": "aim"},
    ],
    "features": {"known": "yes", "items": [{"kind": "dignity", "description": FEATURE}]},
}

# The same answers, typed at the terminal; a blank line takes the default.
KEYSTROKES = [
    "peer-drop-in", NAME, SUMMARY.replace("\n", " "), "", "2024", "An invented case",
    "y", "members", "the members", "service_user, survivor", "end_user",
    "y", "staff", "the nurse on duty", "mental_health_professional", "",
    "n",
    "design, delivery, evaluation",
    "y", "leads", "survivor", "consulted",
    "y", "", "unknown",
    "n",
    "y", "the-drop-in", "the drop-in", "service", "unknown", "design delivery",
    "n",
    "y", "members", "staff", "power", "narrows", "aim",
    "n",
    "y", "y", "dignity", FEATURE,
    "n",
]  # fmt: skip


def reference(*, summary: str = SUMMARY) -> humanising.Initiative:
    """The initiative the answers describe (the interview's summary is typed on one line)."""
    coded = Basis.CODED
    return humanising.Initiative(
        id="peer-drop-in",
        name=NAME,
        summary=summary,
        period="2024",
        sources=[humanising.Source(citation="An invented case")],
        stakeholders=[
            humanising.Stakeholder(
                id="members", name="the members", identities={"service_user", "survivor"}, roles={"end_user"}
            ),
            humanising.Stakeholder(id="staff", name="the nurse on duty", identities={"mental_health_professional"}),
        ],
        participations=[
            humanising.Participation(
                stakeholder="members", stage="design", involvement="leads", capacity="survivor", basis=coded
            ),
            humanising.Participation(
                stakeholder="staff",
                stage="design",
                involvement="consulted",
                capacity="mental_health_professional",
                basis=coded,
            ),
            humanising.Participation(
                stakeholder="staff",
                stage="delivery",
                involvement=humanising.UNKNOWN,
                capacity="mental_health_professional",
                basis=coded,
            ),
        ],
        silent_stages={"evaluation"},
        products=[
            humanising.Product(
                id="the-drop-in",
                name="the drop-in",
                kind="service",
                domain=humanising.UNKNOWN,
                stages={"design", "delivery"},
                basis=coded,
            )
        ],
        relationships=[
            humanising.Relationship(
                between=("members", "staff"), aspect="power", change="narrows", claim="aim", basis=coded
            )
        ],
        humanising_features=Fact(
            (humanising.HumanisingFeature(kind="dignity", description=FEATURE, basis=coded),), Basis.CODED
        ),
    )
