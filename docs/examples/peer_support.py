"""Peer support: service users support one another in delivering a service.

An example for the how-to guide, not one of the paper's models.
"""

from humanising import UNKNOWN, FactPath, Identity, Initiative, Involvement, Stage
from humanising.models import CriterionSpec, Model, Status, Verdict, criterion

MODEL_ID = "peer_support"
PEERS_DELIVER = CriterionSpec("peers_deliver", True, "A service user, acting as such, is involved or more at delivery.")


def _render_peers(status: Status, names: str) -> str:
    if status is Status.MET:
        return f"Service users support one another in delivery: {names}."
    if status is Status.UNKNOWN:
        return "Whether service users take part in delivery is unknown."
    return "No service user takes part in delivery (involved or more)."


def peer_support(initiative: Initiative) -> Verdict:
    """Judge whether service users support one another in delivering it.

    Essential: a service user, acting as such, is involved or more at delivery.
    """
    delivering = [
        p for p in initiative.participations if p.stage is Stage.DELIVERY and p.capacity is Identity.SERVICE_USER
    ]
    voiced = [p for p in delivering if p.involvement is not UNKNOWN and p.involvement.at_least(Involvement.INVOLVED)]
    unknown = tuple(
        FactPath.participation(p.stakeholder, "delivery").then("involvement")
        for p in delivering
        if p.involvement is UNKNOWN
    )
    judgement = (True, ()) if voiced else ((None, unknown) if unknown else (False, ()))
    names = ", ".join(initiative.stakeholder(p.stakeholder).name for p in voiced)
    return Verdict.judge(MODEL_ID, (criterion(PEERS_DELIVER, judgement, _render_peers, names),))


MODEL = Model(
    id=MODEL_ID,
    name="Peer support",
    short_name="peer support",
    judge=peer_support,
    summary="Service users support one another in delivering a service.",
    source="Example model for the humanising documentation",
    criteria=(PEERS_DELIVER,),
)
