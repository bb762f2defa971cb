"""The model registry: every model, built-in or contributed, is registered the same way.

Built-in models are listed once, in ``humanising.models``; other packages add
theirs with [`register_model`][humanising.register_model] or through the
``humanising.models`` entry-point group (each entry point names a ``Model``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

import attrs

from humanising._facts import Initiative
from humanising._reasoning._verdict import Verdict
from humanising.exceptions import RegistrationError

_MODEL_ID = re.compile(r"[a-z][a-z0-9_]*\Z")


def _check_model_id(value: object) -> None:
    if not isinstance(value, str) or not _MODEL_ID.match(value):
        raise RegistrationError(f"Model.id: expected lower_snake_case letters and digits, got {value!r}")


@attrs.frozen
class CriterionSpec:
    """A criterion a model checks, as documentation.

    Attributes:
        id: The stable code its results carry.
        essential: Essential (unmet: does not fit) or qualifying (unmet: at most partly).
        description: What it asks, in a sentence.

    Example:
        >>> import humanising
        >>> (coproduction,) = [m for m in humanising.registered_models() if m.id == "coproduction"]
        >>> [(spec.id, spec.essential) for spec in coproduction.criteria][:2]
        [('produces', True), ('service_user_voice', True)]
    """

    id: str = attrs.field(validator=lambda _instance, _attribute, value: _check_model_id(value))
    essential: bool
    description: str


@attrs.frozen
class Model:
    """A model of progressive practice: an id, a name and a pure predicate.

    Attributes:
        id: The stable id ``classify`` keys its verdicts by, e.g. ``user_led``.
        name: A readable name, e.g. ``Service user-led``.
        judge: The predicate: a pure function from an initiative to a verdict.
        summary: What the model is, in a sentence or two.
        source: Where the model comes from.
        criteria: The criteria it checks, in the order its verdicts list them.

    Example:
        >>> import humanising
        >>> [model.id for model in humanising.registered_models()][:2]
        ['coproduction', 'coproduction_gold_standard']
    """

    id: str = attrs.field(validator=lambda _instance, _attribute, value: _check_model_id(value))
    name: str
    judge: Callable[[Initiative], Verdict] = attrs.field(eq=False)
    summary: str
    source: str
    criteria: tuple[CriterionSpec, ...] = ()


class Registry:
    """An ordered set of models, keyed by id."""

    def __init__(self, models: Iterable[Model] = ()) -> None:
        self._models: dict[str, Model] = {}
        for model in models:
            self.register(model)

    def register(self, model: Model, *, replace: bool = False) -> None:
        """Add a model; with ``replace`` an existing model of that id is replaced."""
        if not isinstance(model, Model):
            raise RegistrationError(f"expected a humanising.Model, got {model!r}")
        if model.id in self._models and not replace:
            raise RegistrationError(f"a model with id {model.id!r} is already registered")
        self._models[model.id] = model

    def unregister(self, model_id: str) -> None:
        """Remove a model by id."""
        try:
            del self._models[model_id]
        except KeyError:
            raise RegistrationError(f"no model with id {model_id!r} is registered") from None

    def models(self) -> tuple[Model, ...]:
        """Every registered model, in registration order."""
        return tuple(self._models.values())

    def classify(self, initiative: Initiative) -> Mapping[str, Verdict]:
        """Every registered model's verdict on ``initiative``, keyed by model id."""
        return {model_id: model.judge(initiative) for model_id, model in self._models.items()}


def entry_point_models() -> tuple[Model, ...]:
    """The models other installed packages offer through the ``humanising.models`` entry-point group."""
    from importlib.metadata import entry_points

    found: list[Model] = []
    for entry_point in sorted(entry_points(group="humanising.models"), key=lambda ep: ep.name):
        model = entry_point.load()
        if not isinstance(model, Model):
            raise RegistrationError(
                f"entry point {entry_point.name!r} ({entry_point.value}) must name a humanising.Model, got {model!r}"
            )
        found.append(model)
    return tuple(found)
