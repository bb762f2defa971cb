"""A model registered at run time, and the Dask worker plugin that registers it on every worker.

Both live at a module's top level, so that they are importable by their qualified names: Dask
sends the plugin to each worker, and the model with it, by reference.
"""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin

import humanising


def _peers_lead(initiative: humanising.Initiative) -> humanising.Verdict:
    from humanising.models import FALSE, TRUE, CriterionSpec, Verdict, criterion

    spec = CriterionSpec("peers_lead", True, "Peers lead it.")
    led = any(p.involvement == "leads" for p in initiative.participations)
    return Verdict.judge("peers", (criterion(spec, TRUE if led else FALSE, lambda status: f"Peers lead: {status}."),))


PEERS = humanising.Model(id="peers", name="Peers", judge=_peers_lead, summary="Peers lead.", source="a test")


class RegisterModels(WorkerPlugin):
    """Registers models in every worker, those running now and any that start later."""

    name = "register-models"

    def __init__(self, *models: humanising.Model) -> None:
        self.models = models

    def setup(self, worker: Any) -> None:  # noqa: ARG002 - the plugin interface's argument
        registered = {model.id for model in humanising.registered_models()}
        for model in self.models:
            humanising.register_model(model, replace=model.id in registered)
