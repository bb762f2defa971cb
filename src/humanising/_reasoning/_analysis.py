"""Running every model over an initiative: ``classify`` and the fuller ``analyse``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from humanising._facts import Change, Claim, Initiative, Relationship
from humanising._reasoning._registry import (
    BrokenEntryPoint,
    Model,
    ModelError,
    Registry,
    entry_point_models,
    warn_model_errors,
)
from humanising._reasoning._relations import (
    Equalising,
    HypothesisReading,
    Quadrant,
    RelationshipKind,
    equalises,
    equalising_of,
    exceeds_equalising,
    humanises,
    quadrant_of,
    relationship_kind,
    relationship_order,
)
from humanising._reasoning._verdict import Fit, Note, Verdict
from humanising.exceptions import NotAnInitiativeError, RegistrationError

if TYPE_CHECKING:
    # Only analyse reads barriers and readings: classify need not import them.
    from humanising._reasoning._barriers import BarrierFinding
    from humanising._reasoning._readings import ReadingMatch

_default: Registry | None = None
_broken: tuple[BrokenEntryPoint, ...] = ()


def _registry() -> Registry:
    # Built lazily so that `import humanising` stays cheap and plug-ins load (and warn) once.
    global _default, _broken  # noqa: PLW0603 - the one process-wide registry
    if _default is None:
        from humanising.models import BUILTIN_MODELS

        plugins, _broken = entry_point_models(model.id for model in BUILTIN_MODELS)
        _default = Registry((*BUILTIN_MODELS, *plugins))
    return _default


def broken_entry_points() -> tuple[BrokenEntryPoint, ...]:
    """The entry points of the ``humanising.models`` group that gave no usable model, in the order found."""
    _registry()
    return _broken


def _chosen(models: Registry | Iterable[Model] | None) -> Registry:
    """The registry to judge by: the process-wide one by default."""
    if models is None:
        return _registry()
    if isinstance(models, str | Model):
        # A string is iterable too; one model is not a collection of them.
        raise RegistrationError(f"models: expected a Registry or a collection of humanising.Model, got {models!r}")
    return models if isinstance(models, Registry) else Registry(models)


def registered_models() -> tuple[Model, ...]:
    """Every registered model, built-in ones first.

    Example:
        >>> import humanising
        >>> "user_led" in [model.id for model in humanising.registered_models()]
        True
    """
    return _registry().models()


def register_model(model: Model, *, replace: bool = False) -> None:
    """Register a model so that ``classify`` and ``analyse`` run it.

    Args:
        model: The model.
        replace: Replace a model already registered under the same id.

    Raises:
        RegistrationError: The id is taken and ``replace`` is false.

    Example:
        >>> import humanising
        >>> def always(initiative):
        ...     return humanising.Verdict.judge("always", ())
        >>> humanising.register_model(humanising.Model(
        ...     id="always", name="Always", judge=always, summary="Fits anything.", source="none"))
        >>> humanising.classify(humanising.casebook.load("sleepwell"))["always"].fit.value
        'fits'
        >>> humanising.unregister_model("always")
    """
    global _default  # noqa: PLW0603 - the one process-wide registry
    _default = _registry().with_model(model, replace=replace)


def unregister_model(model_id: str) -> None:
    """Remove a registered model by id.

    Raises:
        RegistrationError: No model has that id.

    Example:
        >>> import humanising
        >>> model = humanising.Model(id="nothing_fits", name="Nothing fits", summary="An example.", source="none",
        ...                          judge=lambda initiative: humanising.Verdict.judge("nothing_fits", ()))
        >>> humanising.register_model(model)
        >>> humanising.unregister_model("nothing_fits")
        >>> "nothing_fits" in [m.id for m in humanising.registered_models()]
        False
    """
    global _default  # noqa: PLW0603 - the one process-wide registry
    _default = _registry().without(model_id)


def classify(initiative: Initiative, *, models: Registry | Iterable[Model] | None = None) -> Mapping[str, Verdict]:
    """Every registered model's verdict on an initiative, keyed by model id.

    Code that reads the result should look up the ids it knows: contributed
    models add keys. A contributed model (any model not in
    ``humanising.models.BUILTIN_MODELS``) whose predicate raises, or returns no
    verdict, is left out, with a [`PluginWarning`][humanising.exceptions.PluginWarning];
    ``analyse`` records why in ``Analysis.errors``. A built-in model's error propagates.

    Args:
        initiative: The initiative.
        models: The models to judge by, a [`Registry`][humanising.Registry] or any
            iterable of models; by default every registered model (the built-ins,
            plug-ins and models added with ``register_model``).

    Returns:
        A read-only ``dict`` from model id to verdict, in the order of the models; a
        missing id raises ``UnknownModelError`` (a ``KeyError``) with the id most likely meant.

    Raises:
        RegistrationError: ``models`` holds something other than a model, or two models of one id.
        NotAnInitiativeError: ``initiative`` is not an ``Initiative`` (a ``TypeError``).

    Example:
        >>> import humanising
        >>> verdicts = humanising.classify(humanising.casebook.load("mhf-wales"))
        >>> verdicts["user_led"].fit.value, verdicts["coproduction"].fit.value
        ('fits', 'does not fit')
        >>> from humanising.models import user_led
        >>> list(humanising.classify(humanising.casebook.load("mhf-wales"), models=[user_led.MODEL]))
        ['user_led']
    """
    if not isinstance(initiative, Initiative):
        raise NotAnInitiativeError("classify", initiative)
    verdicts, errors = _chosen(models)._judge(initiative)  # noqa: SLF001 - the registry's own module family
    warn_model_errors(errors, stacklevel=2)
    return verdicts


@attrs.frozen
class Analysis:
    """Everything humanising says about an initiative, and about each of its parts.

    Attributes:
        initiative: The initiative analysed.
        verdicts: Every model's verdict, keyed by model id.
        equalises: The relationships it narrows.
        humanises: Whether it shows respect and humanity.
        quadrant: Where it sits between equalising and humanising, on the independent reading.
        barriers: The institutional barriers its facts show, one finding per barrier.
        readings: Which readings of co-production it matches.
        parts: The analyses of its parts, each judged as if alone.
        errors: The contributed models that failed on it (left out of ``verdicts``), each as
            a [`ModelError`][humanising.ModelError]; empty when every model gave a verdict.
        equalising: What it does to its relationships taken together: equalises (observed or
            aim), goes beyond equalising (bypassed), does not equalise, or undetermined.
        exceeds: The relationships it goes beyond equalising, by making one party absent.
        nested_quadrant: Where it sits on the nested reading of the closing hypothesis, where
            equalising is one way of humanising.
        notes: Sentences on how its verdicts and its relationships bear on each other, each
            reading the verdict it speaks of (``Note.about``); e.g. a co-production that fits
            while no relationship between service users and mental-health professionals narrows.

    Example:
        >>> import humanising
        >>> analysis = humanising.analyse(humanising.casebook.load("sleepwell"))
        >>> analysis.quadrant.value, analysis.verdicts["evidence_based_practice"].fit.value
        ('humanising only', 'fits')
    """

    initiative: Initiative
    verdicts: Mapping[str, Verdict] = attrs.field(hash=False)
    equalises: tuple[Relationship, ...]
    humanises: Verdict
    quadrant: Quadrant
    barriers: tuple[BarrierFinding, ...] = ()
    readings: tuple[ReadingMatch, ...] = ()
    parts: tuple[Analysis, ...] = ()
    errors: tuple[ModelError, ...] = ()
    equalising: Equalising = Equalising.UNDETERMINED
    exceeds: tuple[Relationship, ...] = ()
    nested_quadrant: Quadrant = Quadrant.UNDETERMINED
    notes: tuple[Note, ...] = ()

    def __repr__(self) -> str:
        """Short: the initiative's id, the models that fit or partly fit, and the quadrant; the rest is attributes.

        Example:
            >>> import humanising
            >>> humanising.analyse(humanising.casebook.load("sleepwell"))
            <Analysis 'sleepwell': fits evidence_based_practice; humanises partly; humanising only>
        """
        fits = [model_id for model_id, verdict in self.verdicts.items() if verdict.fit is Fit.FITS]
        partly = [model_id for model_id, verdict in self.verdicts.items() if verdict.fit is Fit.PARTLY]
        said = [f"{word} {', '.join(ids)}" for word, ids in (("fits", fits), ("partly", partly)) if ids]
        said = said or ["no model fits"]
        parts = f"; {len(self.parts)} part{'' if len(self.parts) == 1 else 's'}" if self.parts else ""
        return (
            f"<Analysis {self.initiative.id!r}: {'; '.join(said)}; humanises {self.humanises.fit.value}; "
            f"{self.quadrant.value}{parts}>"
        )

    def to_dict(self) -> dict[str, Any]:
        """The analysis as plain data, with its parts': the shape of an entry of the JSON report.

        The report lists a programme's parts after it, each with ``part_of``; here they
        are nested under ``parts``.

        Example:
            >>> import humanising
            >>> data = humanising.analyse(humanising.casebook.load("east-lille")).to_dict()
            >>> data["quadrant"], len(data["parts"]), data["parts"][0]["id"]
            ('undetermined', 8, 'east-lille-1')
        """
        return {**self.entry(), "parts": [part.to_dict() for part in self.parts]}

    def entry(self) -> dict[str, Any]:
        """The analysis as plain data, without its parts (``to_dict`` less ``parts``)."""
        initiative = self.initiative
        return {
            "id": initiative.id,
            "name": initiative.name,
            "illustrative": initiative.illustrative,
            "verdicts": {model_id: verdict.to_dict() for model_id, verdict in self.verdicts.items()},
            "equalises": [_relationship(initiative, relationship) for relationship in self.equalises],
            "exceeds": [_relationship(initiative, relationship) for relationship in self.exceeds],
            "equalising": self.equalising.value,
            "humanises": self.humanises.to_dict(),
            "quadrant": self.quadrant.value,
            "quadrants": {
                HypothesisReading.INDEPENDENT.value: self.quadrant.value,
                HypothesisReading.NESTED.value: self.nested_quadrant.value,
            },
            "notes": [note.to_dict() for note in self.notes],
            "barriers": [finding.to_dict() for finding in self.barriers],
            "readings": [match.to_dict() for match in self.readings],
            "errors": [error.to_dict() for error in self.errors],
        }


def _relationship(initiative: Initiative, relationship: Relationship) -> dict[str, Any]:
    return {
        "between": list(relationship.between),
        "kind": relationship_kind(initiative, relationship).value,
        "aspect": relationship.aspect.value,
        "change": relationship.change.value,
        "claim": relationship.claim.value,
        "basis": relationship.basis.value,
        "note": relationship.note,
    }


def analyse(initiative: Initiative, *, models: Registry | Iterable[Model] | None = None) -> Analysis:
    """Everything humanising says of an initiative, and of each of its parts.

    Every model's verdict, what it equalises, whether it humanises and so its
    quadrant, the institutional barriers its facts show, and the readings of
    co-production it matches. A contributed model that fails on it, or on a part,
    is left out of the verdicts with a ``PluginWarning`` and recorded in ``errors``.

    Args:
        initiative: The initiative.
        models: The models to judge it and its parts by, as for ``classify``;
            by default every registered model.

    Raises:
        RegistrationError: ``models`` holds something other than a model, or two models of one id.
        NotAnInitiativeError: ``initiative`` is not an ``Initiative`` (a ``TypeError``).

    Example:
        >>> import humanising
        >>> analysis = humanising.analyse(humanising.casebook.load("east-lille"))
        >>> len(analysis.parts)
        8
        >>> from humanising.models import user_led
        >>> analysis = humanising.analyse(humanising.casebook.load("east-lille"), models=[user_led.MODEL])
        >>> {model_id for part in analysis.parts for model_id in part.verdicts}
        {'user_led'}
    """
    if not isinstance(initiative, Initiative):
        raise NotAnInitiativeError("analyse", initiative)
    from humanising._reasoning._barriers import barriers
    from humanising._reasoning._readings import readings

    registry = _chosen(models)
    verdicts, errors = registry._judge(initiative)  # noqa: SLF001 - the registry's own module family
    warn_model_errors(errors, stacklevel=2)
    narrowed = equalises(initiative)
    humanising = humanises(initiative)
    outcome = equalising_of(initiative, narrowed)
    return Analysis(
        initiative=initiative,
        verdicts=verdicts,
        equalises=narrowed,
        humanises=humanising,
        quadrant=quadrant_of(outcome, humanising),
        barriers=barriers(initiative),
        readings=readings(initiative),
        parts=tuple(analyse(part, models=registry) for part in initiative.parts),
        errors=errors,
        equalising=outcome,
        exceeds=exceeds_equalising(initiative),
        nested_quadrant=quadrant_of(outcome, humanising, reading=HypothesisReading.NESTED),
        notes=coherence_notes(initiative, verdicts),
    )


_COPRODUCTION = "coproduction"
_FITS_WORDS = {Fit.FITS: "fits", Fit.PARTLY: "fits in part"}
_FUNDAMENTALLY = (
    'the paper calls co-production "fundamentally about" equalising relationships between service users '
    "and mental-health professionals (section 5)."
)


def coherence_notes(initiative: Initiative, verdicts: Mapping[str, Verdict]) -> tuple[Note, ...]:
    """Notes on a co-production verdict that fits while no relationship of service users with professionals narrows.

    Co-production is judged without reading relationships: its benefits do not make something
    co-production. But the paper calls it "fundamentally about" equalising the relationship
    between service users and mental-health professionals (section 5); so where the
    ``coproduction`` verdict fits, or fits in part, while no such relationship narrows (none is
    recorded, or they are unchanged, bypassed, widened or unknown, or they narrow only as an aim),
    a note says so. It reads that verdict, and records its fit.

    Example:
        >>> import humanising
        >>> (note,) = humanising.analyse(humanising.casebook.load("east-lille-6")).notes
        >>> note.about, note.says.value
        ('coproduction', 'partly')
    """
    verdict = verdicts.get(_COPRODUCTION)
    if verdict is None or verdict.fit not in _FITS_WORDS:
        return ()
    ours = [
        r
        for r in sorted(initiative.relationships, key=relationship_order)
        if relationship_kind(initiative, r) is RelationshipKind.SERVICE_USERS_AND_PROFESSIONALS
    ]
    narrowed = [r for r in ours if r.change is Change.NARROWS]
    widened = [r for r in ours if r.change is Change.WIDENS]
    said = f"Co-production {_FITS_WORDS[verdict.fit]}"
    if widened:
        names = "; ".join(f"{_parties(initiative, r)} ({r.aspect.words}{r.basis.hedge})" for r in widened)
        text = f"{said}, yet the relationship between {names} widens: {_FUNDAMENTALLY}"
    elif any(r.claim is Claim.OBSERVED for r in narrowed):
        return ()
    elif narrowed:
        text = (
            f"{said}, yet the relationship between service users and mental-health professionals narrows "
            f"only as an aim: {_FUNDAMENTALLY}"
        )
    elif any(r.change is Change.UNKNOWN for r in ours):
        text = (
            f"{said}, yet no relationship between service users and mental-health professionals is known "
            f"to narrow: {_FUNDAMENTALLY}"
        )
    else:
        text = (
            f"{said}, yet no relationship between service users and mental-health professionals is recorded "
            f"as narrowing: {_FUNDAMENTALLY}"
        )
    return (Note(text, about=_COPRODUCTION, says=verdict.fit),)


def _parties(initiative: Initiative, relationship: Relationship) -> str:
    return " and ".join(initiative.stakeholder(party).name for party in relationship.between)
