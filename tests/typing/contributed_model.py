"""A contributed model, written as docs/how-to/add-a-model.md writes one, from public names only.

Type-checked by mypy and never run.
"""

from __future__ import annotations

from typing import assert_type

import humanising
from humanising import (
    UNKNOWN,
    CriterionSpec,
    FactPath,
    Identity,
    Initiative,
    Involvement,
    Model,
    Stage,
    Status,
    Verdict,
    criterion,
)

MODEL_ID = "peer_support"


def _render_peers(status: Status, names: str) -> str:
    if status is Status.MET:
        return f"Service users support one another in delivery: {names}."
    if status is Status.UNKNOWN:
        return "Whether service users take part in delivery is unknown."
    return "No service user takes part in delivery (involved or more)."


def peer_support(initiative: Initiative) -> Verdict:
    """Judge whether service users support one another in delivering it."""
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
    return Verdict.judge(MODEL_ID, (criterion("peers_deliver", judgement, _render_peers, names),))


MODEL = Model(
    id=MODEL_ID,
    name="Peer support",
    judge=peer_support,
    summary="Service users support one another in delivering a service.",
    source="Example model for the humanising documentation",
    criteria=(
        CriterionSpec("peers_deliver", True, "A service user, acting as such, is involved or more at delivery."),
    ),
)

humanising.register_model(MODEL)
humanising.register_model(MODEL, replace=True)
assert_type(humanising.classify(humanising.casebook.load("east-lille-7"))["peer_support"].fit, humanising.Fit)
assert_type(Verdict.judge("always", ()), Verdict)
assert_type(Verdict.judge("noted", (), stages=(Stage.DESIGN,), notes=("A note.",)), Verdict)

humanising.register_model(peer_support)  # type: ignore[arg-type]
Model(id=MODEL_ID, name="Peer support", judge=_render_peers, summary="", source="")  # type: ignore[arg-type]

# --- a contributed model that fails: left out, warned of, recorded

failed = humanising.analyse(humanising.casebook.load("sleepwell"), models=[MODEL])
assert_type(failed.errors, tuple[humanising.ModelError, ...])
error = humanising.ModelError(model="peer_support", package="peer_support", message="KeyError: 'x'")
assert_type(error.model, str)
assert_type(error.package, str)
assert_type(error.message, str)
assert_type(error.to_dict(), dict[str, str])
assert issubclass(humanising.exceptions.PluginWarning, UserWarning)
