"""Peer support: service users support one another in delivering a service.

An example for the how-to guide, not one of the paper's models.
"""

from humanising import Involvement, Stage
from humanising.models import CriterionSpec, Judgement, Look, Model, Side, Voice, Wording

PEERS_VOICED = Voice(Side.SERVICE_USER, Involvement.INVOLVED)
"""Service users, or organisations run by them, are involved or more at the stage."""


def peers_deliver(look: Look) -> Judgement:
    """Whether service users are involved or more at delivery."""
    return look.at(Stage.DELIVERY, PEERS_VOICED)


PEERS_DELIVER = CriterionSpec(
    "peers_deliver",
    True,
    "A service user, acting as such, is involved or more at delivery.",
    source="this library's reading",
    check=peers_deliver,
    wording=Wording(
        met="Service users support one another in delivery: {names}.",
        unmet="No service user takes part in delivery (involved or more): {seats}.",
        unknown="Whether service users take part in delivery is unknown: {seats}.",
    ),
)

MODEL = Model.declared(
    id="peer_support",
    name="Peer support",
    short_name="peer support",
    summary="Service users support one another in delivering a service.",
    source="Example model for the humanising documentation",
    criteria=(PEERS_DELIVER,),
)
