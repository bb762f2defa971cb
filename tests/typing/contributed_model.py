"""A contributed model as users' type checkers see it: the how-to's example, registered and used.

The model itself is ``docs/examples/peer_support.py`` (on mypy's path), which the add-a-model
how-to shows. Type-checked by mypy and never run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import assert_type

from peer_support import MODEL, PEERS_DELIVER, PEERS_VOICED, peers_deliver

import humanising
from humanising import Initiative, Stage
from humanising.models import (
    TRUE,
    CriterionSpec,
    Judgement,
    Look,
    Model,
    RawCriterion,
    Status,
    Verdict,
    Voice,
    Wording,
    all_of,
    any_of,
    criterion,
    index_of,
    judgement_of,
    negate,
)

assert_type(MODEL, Model)
assert_type(PEERS_DELIVER, CriterionSpec)
case: Initiative = humanising.casebook.load("sleepwell")
assert_type(MODEL.judge(humanising.casebook.load("east-lille-7")), Verdict)
assert_type(PEERS_VOICED, Voice)
check: Callable[[Look], Judgement] | None = PEERS_DELIVER.check
assert_type(peers_deliver(humanising.models.Look(case, collects=True)), Judgement)
assert_type(PEERS_DELIVER.wording, Wording | None)

humanising.register_model(MODEL)
humanising.register_model(MODEL, replace=True)
assert_type(humanising.classify(humanising.casebook.load("east-lille-7"))["peer_support"].fit, humanising.Fit)
assert_type(humanising.classify(humanising.casebook.load("sleepwell"), models=[MODEL]), Mapping[str, Verdict])
assert_type(Verdict.judge("always", ()), Verdict)
assert_type(Verdict.judge("noted", (), stages=(Stage.DESIGN,), notes=("A note.",)), Verdict)

# --- the kit's judgements and look-ups

judgement = all_of(TRUE, negate(any_of([TRUE])))
assert_type(judgement, Judgement)
assert_type(judgement_of(case.compulsion, humanising.FactPath("compulsion")), Judgement)


def _render_peers(status: Status, names: str) -> str:
    return f"{status.value}: {names}"


assert_type(criterion(PEERS_DELIVER, judgement, _render_peers, "peers"), RawCriterion)
assert_type(Look(case, collects=False).at(Stage.DESIGN, PEERS_VOICED), Judgement)
assert_type(index_of(case).seats(Stage.DESIGN), tuple[humanising.Participation, ...])

humanising.register_model(peers_deliver)  # type: ignore[arg-type]
Model(id="peer_support", name="Peer support", judge=_render_peers, summary="", source="")  # type: ignore[arg-type]
criterion(PEERS_DELIVER, judgement, _render_peers, essential=True)  # runs, but raises: the declaration says it
misspelt = humanising.Verdicts  # type: ignore[attr-defined]  # no such name: type checkers see the real exports

# --- a contributed model that fails: left out, warned of, recorded

failed = humanising.analyse(humanising.casebook.load("sleepwell"), models=[MODEL])
assert_type(failed.errors, tuple[humanising.ModelError, ...])
error = humanising.ModelError(model="peer_support", package="peer_support", message="KeyError: 'x'")
assert_type(error.model, str)
assert_type(error.package, str)
assert_type(error.message, str)
assert_type(error.to_dict(), dict[str, str])
assert issubclass(humanising.exceptions.PluginWarning, UserWarning)
