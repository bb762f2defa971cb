"""The model registry: every model, built-in or contributed, is registered the same way.

Built-in models are listed once, in ``humanising.models``; other packages add
theirs with [`register_model`][humanising.register_model] or through the
``humanising.models`` entry-point group (each entry point names a ``Model``).
"""

from __future__ import annotations

import functools
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, NoReturn

import attrs

from humanising._facts import Initiative, Stage
from humanising._reasoning._declared import DeclaredJudge
from humanising._reasoning._evidence import Wording
from humanising._reasoning._logic import Judgement
from humanising._reasoning._look import Look, status_look
from humanising._reasoning._verdict import Note, Verdict
from humanising.exceptions import NotAnInitiativeError, PluginWarning, RegistrationError, UnknownModelError

_MODEL_ID = re.compile(r"[a-z][a-z0-9_]*\Z")


def _field(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def _check_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _MODEL_ID.match(value):
        raise RegistrationError(
            f"{_field(instance, attribute)}: expected lower_snake_case letters and digits, got {value!r}"
        )


def _check_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise RegistrationError(f"{_field(instance, attribute)}: expected non-empty text, got {value!r}")


def _check_str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise RegistrationError(f"{_field(instance, attribute)}: expected text, got {value!r}")


def _check_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise RegistrationError(f"{_field(instance, attribute)}: expected true or false, got {value!r}")


def _check_judge(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not callable(value):
        raise RegistrationError(
            f"{_field(instance, attribute)}: expected a function from an Initiative to a Verdict, got {value!r}"
        )


def _check_optional_callable(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not callable(value):
        raise RegistrationError(f"{_field(instance, attribute)}: expected a function or None, got {value!r}")


def _check_wording(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Wording):
        raise RegistrationError(f"{_field(instance, attribute)}: expected a humanising.models.Wording, got {value!r}")


def _check_criteria(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(spec, CriterionSpec) for spec in value):
        raise RegistrationError(
            f"{_field(instance, attribute)}: expected a list of humanising.CriterionSpec, got {value!r}"
        )


def _as_criteria(values: Iterable[CriterionSpec]) -> tuple[CriterionSpec, ...]:
    if isinstance(values, str | bytes | dict) or not isinstance(values, Iterable):
        return values  # type: ignore[return-value] # left for the validator, which names the field
    return tuple(values)


def _check_short_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip() or "\n" in value:
        raise RegistrationError(
            f"{_field(instance, attribute)} (by default the name): expected non-empty text on one line, got {value!r}"
        )


@attrs.frozen
class CriterionSpec:
    """A criterion a model checks, declared once: what it asks, where it comes from, how it is checked and worded.

    A model's verdicts, its docs table, ``humanising models`` and the reports' headings
    all read a criterion from here.

    Attributes:
        id: The stable code its results carry.
        essential: Essential (unmet: does not fit) or qualifying (unmet: at most partly).
        description: What it asks, in a sentence.
        source: The passage it paraphrases (``paper, section 4.3``), or ``this library's
            reading`` where the texts are silent; empty for a criterion declared only as
            documentation.
        check: How it is checked: a pure function of a ``Look`` returning a judgement. Run
            once to judge, and again, on the same look-ups, for the evidence when a reason
            is read. ``None`` for a criterion that its model's own predicate judges.
        wording: Its reason when met, unmet and unknown, written from the evidence.

    Example:
        >>> import humanising
        >>> (coproduction,) = [m for m in humanising.registered_models() if m.id == "coproduction"]
        >>> [(spec.id, spec.essential) for spec in coproduction.criteria][:2]
        [('produces', True), ('service_user_voice', True)]
        >>> coproduction.criteria[0].source
        'paper, section 4.3'
    """

    id: str = attrs.field(validator=_check_id)
    essential: bool = attrs.field(validator=_check_bool)
    description: str = attrs.field(validator=_check_text)
    source: str = attrs.field(default="", validator=_check_str)
    check: Callable[[Look], Judgement] | None = attrs.field(
        default=None, eq=False, repr=False, validator=_check_optional_callable
    )
    wording: Wording | None = attrs.field(default=None, eq=False, repr=False, validator=_check_wording)

    def __attrs_post_init__(self) -> None:
        if (self.check is None) != (self.wording is None):
            raise RegistrationError(
                f"CriterionSpec {self.id!r}: a check needs its wording, and a wording its check; give both or neither"
            )


@attrs.frozen
class Model:
    """A model of progressive practice: an id, a name, and its criteria or a predicate.

    A model whose criteria all declare a check and a wording is judged from them: its
    ``judge`` is made for it. Otherwise ``judge`` is its own predicate.

    Attributes:
        id: The stable id ``classify`` keys its verdicts by, e.g. ``user_led``.
        name: A readable name, e.g. ``Service user-led``.
        judge: The predicate: a pure function from an initiative to a verdict (made from
            the criteria when they are declared with checks).
        summary: What the model is, in a sentence or two.
        source: Where the model comes from.
        criteria: The criteria it checks, in the order its verdicts list them.
        short_name: Its column heading in tables and reports, e.g. ``user-led``: text on
            one line. A model that gives none is headed by its ``name``.
        stages: For a model judged from its criteria: the stages its verdict singles out, as a
            function of the look (``Verdict.stages``); none by default.
        notes: For a model judged from its criteria: its further notes, as a function of the
            evidence look and the verdict, run when the notes are first read.

    Example:
        >>> import humanising
        >>> [model.id for model in humanising.registered_models()][:2]
        ['coproduction', 'coproduction_gold_standard']
        >>> [model.short_name for model in humanising.registered_models()][:3]
        ['co-production', 'gold standard', 'EBP']
    """

    id: str = attrs.field(validator=_check_id)
    name: str = attrs.field(validator=_check_text)
    judge: Callable[[Initiative], Verdict] = attrs.field(eq=False, validator=_check_judge)
    summary: str = attrs.field(validator=_check_str)
    source: str = attrs.field(validator=_check_str)
    criteria: tuple[CriterionSpec, ...] = attrs.field(default=(), converter=_as_criteria, validator=_check_criteria)
    short_name: str = attrs.field(
        default=attrs.Factory(lambda model: model.name, takes_self=True), validator=_check_short_name
    )
    stages: Callable[[Look], tuple[Stage, ...]] | None = attrs.field(
        default=None, eq=False, repr=False, kw_only=True, validator=_check_optional_callable
    )
    notes: Callable[[Look, Verdict], Iterable[Note | str]] | None = attrs.field(
        default=None, eq=False, repr=False, kw_only=True, validator=_check_optional_callable
    )

    @classmethod
    def declared(
        cls,
        *,
        id: str,  # noqa: A002 - the model's id, as the other constructor names it
        name: str,
        summary: str,
        source: str,
        criteria: Iterable[CriterionSpec],
        short_name: str | None = None,
        stages: Callable[[Look], tuple[Stage, ...]] | None = None,
        notes: Callable[[Look, Verdict], Iterable[Note | str]] | None = None,
        by_product: bool = False,
    ) -> Model:
        """A model judged from its declared criteria: each must have a check and a wording.

        With ``by_product``, an initiative with two or more products is judged product by
        product, each as if it produced that alone; its fit is the best of theirs
        (``fit_over_products``), its criteria are those of the product that decides, and
        ``Verdict.by_product`` lists every product's fit.

        Raises:
            humanising.exceptions.RegistrationError: A criterion has no check.
        """
        declared = _as_criteria(criteria)
        # The module that declares the model names its package, as a predicate's module does.
        module = sys._getframe(1).f_globals.get("__name__", "unknown")  # noqa: SLF001
        judge = DeclaredJudge(id, declared, stages, notes, module=str(module), by_product=by_product)
        extra = {} if short_name is None else {"short_name": short_name}
        return cls(
            id=id,
            name=name,
            judge=judge,
            summary=summary,
            source=source,
            criteria=declared,
            stages=stages,
            notes=notes,
            **extra,
        )


@attrs.frozen
class ModelError:
    """A contributed model that failed on an initiative: its predicate raised, or returned no verdict.

    A plain value, not an exception: ``analyse`` records one in
    [`Analysis.errors`][humanising.Analysis] for each contributed model that failed, and
    leaves that model out of the verdicts (``classify`` leaves it out too, and only
    warns). Built-in models are never caught: their errors propagate.

    Attributes:
        model: The id of the model that failed.
        package: The package its predicate comes from (the top-level module).
        message: What went wrong: the exception's type and text.

    Example:
        >>> import humanising, warnings
        >>> def broken(initiative):
        ...     return 1 / 0
        >>> model = humanising.Model(id="broken", name="Broken", judge=broken, summary="", source="none")
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     analysis = humanising.analyse(humanising.casebook.load("sleepwell"), models=[model])
        >>> "broken" in analysis.verdicts, analysis.errors[0].model, analysis.errors[0].message
        (False, 'broken', 'ZeroDivisionError: division by zero')
        >>> sorted(analysis.errors[0].to_dict())
        ['message', 'model', 'package']
    """

    model: str
    package: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """The error as plain data: ``model``, ``package`` and ``message``, as the JSON report writes it."""
        return {"model": self.model, "package": self.package, "message": self.message}


def model_package(model: Model) -> str:
    """The top-level package a model's predicate comes from (``humanising`` for a built-in one)."""
    judge = model.judge
    module = judge.module if isinstance(judge, DeclaredJudge) else getattr(judge, "__module__", None)
    return module.partition(".")[0] if isinstance(module, str) and module else "unknown"


@functools.cache
def _builtin_models() -> frozenset[int]:
    # By identity: a contributed model equal to a built-in one is still contributed.
    from humanising.models import BUILTIN_MODELS

    return frozenset(id(model) for model in BUILTIN_MODELS)


def warn_model_errors(errors: Iterable[ModelError], *, stacklevel: int) -> None:
    """Warn, with a ``PluginWarning``, of each contributed model that failed."""
    for error in errors:
        warnings.warn(
            f"model {error.model!r} (from {error.package}) failed and is left out of the verdicts: {error.message}",
            PluginWarning,
            stacklevel=stacklevel + 1,
        )


class Verdicts(dict[str, Verdict]):
    """The verdicts ``classify`` returns: a read-only ``dict`` from model id to verdict.

    Looking up an id it does not hold raises ``UnknownModelError`` (a ``KeyError``)
    naming the ids it holds and the one most likely meant. It equals a plain ``dict``
    of the same verdicts, pickles and copies; ``dict(verdicts)`` is a copy to change.
    """

    __slots__ = ()

    def __missing__(self, model_id: str) -> NoReturn:
        raise UnknownModelError(model_id, tuple(self), of="verdicts")

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle rebuilds a dict subclass item by item through __setitem__, which is refused.
        return (type(self), (dict(self),))

    def _refuse(self, *_args: object, **_kwargs: object) -> NoReturn:
        raise TypeError("the verdicts classify returns are read-only; dict(verdicts) is a copy to change")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _refuse


class Registry:
    """An ordered, read-only set of models, keyed by id: what ``classify`` and ``analyse`` run.

    Build one from any iterable of models and pass it as ``models=`` to judge an
    initiative by just those models, without changing what the process-wide
    registry holds (the built-ins and plug-ins that ``register_model`` adds to).
    A registry never changes once built: ``with_model`` and ``without`` return a new one.

    Iterating over a registry gives its models in order; ``len`` counts them;
    ``"user_led" in registry`` asks for an id; ``registry["user_led"]`` looks one up.

    Args:
        models: The models, in the order their verdicts are listed.

    Raises:
        RegistrationError: Something other than a ``Model`` is given, or two models share an id.

    Example:
        >>> import humanising
        >>> chosen = humanising.Registry(
        ...     model for model in humanising.registered_models() if model.id in ("user_led", "coproduction"))
        >>> len(chosen), "user_led" in chosen, [model.id for model in chosen]
        (2, True, ['coproduction', 'user_led'])
        >>> chosen["user_led"].name
        'Service user-led'
        >>> verdicts = humanising.classify(humanising.casebook.load("mhf-wales"), models=chosen)
        >>> {model_id: verdict.fit.value for model_id, verdict in verdicts.items()}
        {'coproduction': 'does not fit', 'user_led': 'fits'}
    """

    __slots__ = ("_guarded", "_models")

    def __init__(self, models: Iterable[Model] = ()) -> None:
        found: dict[str, Model] = {}
        for model in models:
            _check_model(model)
            if model.id in found:
                raise RegistrationError(f"two models have the id {model.id!r}; a registry holds one model per id")
            found[model.id] = model
        self._models = found
        builtin = _builtin_models()
        # Contributed models run guarded, so that one that fails cannot take the others down.
        self._guarded = frozenset(model_id for model_id, model in found.items() if id(model) not in builtin)

    def __iter__(self) -> Iterator[Model]:
        """The models, in order."""
        return iter(self._models.values())

    def __len__(self) -> int:
        """How many models it holds."""
        return len(self._models)

    def __contains__(self, model_id: object) -> bool:
        """Whether it holds a model with this id."""
        return model_id in self._models

    def __getitem__(self, model_id: str) -> Model:
        """The model with this id.

        Raises:
            UnknownModelError: It holds no model with that id (a ``KeyError``).
        """
        try:
            return self._models[model_id]
        except KeyError:
            raise UnknownModelError(model_id, tuple(self._models)) from None

    def __repr__(self) -> str:
        return f"Registry(<{', '.join(self._models) or 'no models'}>)"

    def with_model(self, model: Model, *, replace: bool = False) -> Registry:
        """A registry with ``model`` added at the end; with ``replace``, in place of the model of its id.

        Raises:
            RegistrationError: A model has its id and ``replace`` is false.

        Example:
            >>> import humanising
            >>> always = humanising.Model(id="always", name="Always", summary="Fits anything.", source="none",
            ...                           judge=lambda initiative: humanising.Verdict.judge("always", ()))
            >>> [model.id for model in humanising.Registry().with_model(always)]
            ['always']
        """
        _check_model(model)
        if model.id in self._models and not replace:
            raise RegistrationError(f"a model with id {model.id!r} is already registered")
        return Registry({**self._models, model.id: model}.values())

    def without(self, model_id: str) -> Registry:
        """A registry without the model of this id.

        Raises:
            RegistrationError: No model has that id.
        """
        if model_id not in self._models:
            raise RegistrationError(f"no model with id {model_id!r} is registered")
        return Registry(model for model in self._models.values() if model.id != model_id)

    def models(self) -> tuple[Model, ...]:
        """Every model, in order."""
        return tuple(self._models.values())

    def classify(self, initiative: Initiative) -> Mapping[str, Verdict]:
        """Every registered model's verdict on ``initiative``, keyed by model id, as ``humanising.classify`` gives them.

        A contributed model that fails is left out, with a ``PluginWarning``.

        Raises:
            humanising.exceptions.NotAnInitiativeError: ``initiative`` is not an ``Initiative``.
        """
        if not isinstance(initiative, Initiative):
            raise NotAnInitiativeError("Registry.classify", initiative)
        verdicts, errors = self._judge(initiative)
        warn_model_errors(errors, stacklevel=2)
        return verdicts

    def _judge(self, initiative: Initiative) -> tuple[Verdicts, tuple[ModelError, ...]]:
        """The verdicts, and the errors of the contributed models that failed (left out of the verdicts)."""
        guarded = self._guarded
        if not guarded:
            look = status_look(initiative)
            return Verdicts(
                {
                    model_id: judge.verdict(initiative, look) if type(judge) is DeclaredJudge else judge(initiative)
                    for model_id, model in self._models.items()
                    for judge in (model.judge,)
                }
            ), ()
        verdicts: dict[str, Verdict] = {}
        errors: list[ModelError] = []
        for model_id, model in self._models.items():
            if model_id not in guarded:
                verdicts[model_id] = model.judge(initiative)
                continue
            try:
                verdict: object = model.judge(initiative)
            except Exception as error:  # noqa: BLE001 - a contributed model's failure is recorded, not raised
                errors.append(ModelError(model_id, model_package(model), f"{type(error).__name__}: {error}"))
                continue
            if not isinstance(verdict, Verdict):
                message = f"its predicate returned {verdict!r}, not a humanising.Verdict"
                errors.append(ModelError(model_id, model_package(model), message))
                continue
            verdicts[model_id] = verdict
        return Verdicts(verdicts), tuple(errors)


def _check_model(model: object) -> None:
    if not isinstance(model, Model):
        raise RegistrationError(f"expected a humanising.Model, got {model!r}")


@attrs.frozen
class BrokenEntryPoint:
    """An entry point of the ``humanising.models`` group that gave no usable model, and why.

    Attributes:
        name: The entry point's name.
        value: What it names, ``module:attribute``.
        package: The distribution that declares it.
        status: ``import_failed``, ``not_a_model`` or ``duplicate_id``.
        error: What went wrong, in a sentence.
        model: The model it names, for a duplicate id; else ``None``.
    """

    name: str
    value: str
    package: str
    status: str
    error: str
    model: Model | None = None


_GROUP = "humanising.models"


def may_offer_models() -> bool:
    """Whether an installed distribution may declare the ``humanising.models`` group.

    A cheap look before ``importlib.metadata``, whose import costs more than everything
    else the first ``classify()`` does: it reads the ``entry_points.txt`` of each
    ``*.dist-info`` and ``*.egg-info`` folder on ``sys.path`` for the group's header. What it
    cannot read that way (a zip file on the path, an unreadable folder, a finder that lists
    distributions of its own) counts as a yes, and the full scan decides.
    """
    import os
    from importlib.machinery import PathFinder

    if any(hasattr(finder, "find_distributions") and finder is not PathFinder for finder in sys.meta_path):
        return True
    for entry in sys.path:
        folder = entry or os.curdir
        try:
            with os.scandir(folder) as found:
                names = [item.name for item in found if item.name.endswith((".dist-info", ".egg-info"))]
        except (FileNotFoundError, NotADirectoryError):
            if os.path.isfile(folder):  # noqa: PTH113 - os.path, not pathlib: this look runs before any heavy import
                return True  # a zip file on the path: only the full scan can read it
            continue
        except OSError:
            return True
        for name in names:
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), encoding="utf-8") as text:  # noqa: PTH118, PTH123
                    if any(line.strip().strip("[]").strip() == _GROUP for line in text if "[" in line):
                        return True
            except (FileNotFoundError, NotADirectoryError):
                continue  # no entry points, or an egg-info file
            except (OSError, UnicodeDecodeError):
                return True
    return False


def entry_point_models(taken: Iterable[str] = ()) -> tuple[tuple[Model, ...], tuple[BrokenEntryPoint, ...]]:
    """The models installed packages offer through the ``humanising.models`` entry-point group.

    Each entry point names a ``Model``. One that fails to import, names something
    else, or names a model whose id is ``taken`` (by a built-in model) or already
    offered by an entry point sorted before it, is skipped, with a ``PluginWarning``
    naming its package and itself, and returned among the broken ones.
    """
    if not may_offer_models():
        return (), ()
    from importlib.metadata import entry_points

    found: dict[str, Model] = {}
    broken: list[BrokenEntryPoint] = []
    owners = dict.fromkeys(taken, "humanising")
    for entry_point in sorted(entry_points(group=_GROUP), key=lambda ep: (ep.name, ep.value)):
        dist = entry_point.dist
        package = dist.name if dist is not None else "an unknown package"
        problem: BrokenEntryPoint | None = None
        try:
            model = entry_point.load()
        except Exception as error:  # noqa: BLE001 - a broken plug-in is reported and skipped
            problem = BrokenEntryPoint(
                entry_point.name, entry_point.value, package, "import_failed", f"{type(error).__name__}: {error}"
            )
        else:
            if not isinstance(model, Model):
                message = f"it names {model!r}, not a humanising.Model"
                problem = BrokenEntryPoint(entry_point.name, entry_point.value, package, "not_a_model", message)
            elif model.id in owners:
                message = f"its model's id {model.id!r} is already taken by {owners[model.id]}"
                problem = BrokenEntryPoint(entry_point.name, entry_point.value, package, "duplicate_id", message, model)
            else:
                found[model.id] = model
                owners[model.id] = f"{package} (entry point {entry_point.name!r})"
        if problem is not None:
            broken.append(problem)
            warnings.warn(
                f"entry point {problem.name!r} = {problem.value!r} of {problem.package} in humanising.models"
                f" is skipped: {problem.error}",
                PluginWarning,
                stacklevel=2,
            )
    return tuple(found.values()), tuple(broken)
