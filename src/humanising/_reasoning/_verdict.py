"""Verdicts: how well a model fits an initiative, criterion by criterion.

A predicate collects every criterion's result (it never stops at the first
failure) and the fit follows from them: an unmet essential criterion means the
model does not fit; an unknown essential one leaves it undetermined; an unmet or
unknown qualifying criterion caps it at ``partly``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any, Protocol, TypeAlias

import attrs

from humanising._facts import Basis, Stage
from humanising._facts._paths import FactPath
from humanising._reasoning._evidence import EvidenceItem, weakest_basis
from humanising._reasoning._logic import Judgement, unknown_paths
from humanising.exceptions import InvalidVerdictError


class Fit(enum.StrEnum):
    """How well a model fits an initiative.

    Example:
        >>> import humanising
        >>> humanising.classify(humanising.casebook.load("east-lille-7"))["user_led"].fit
        <Fit.PARTLY: 'partly'>
    """

    FITS = "fits"
    PARTLY = "partly"
    DOES_NOT_FIT = "does not fit"
    UNDETERMINED = "undetermined"


class Status(enum.StrEnum):
    """The result of one criterion.

    Example:
        >>> import humanising
        >>> verdict = humanising.classify(humanising.casebook.load("east-lille-6"))["coproduction"]
        >>> [result.status.value for result in verdict.criteria][-2:]
        ['unknown', 'unmet']
    """

    MET = "met"
    UNMET = "unmet"
    UNKNOWN = "unknown"


# Enum members are slow to look up on Python 3.11 (its EnumType defines __getattr__),
# so the ones used while judging are bound once here.
_DOES_NOT_FIT = Fit.DOES_NOT_FIT
_FITS = Fit.FITS
_PARTLY = Fit.PARTLY
_UNDETERMINED = Fit.UNDETERMINED
_MET = Status.MET
_UNKNOWN = Status.UNKNOWN
_UNMET = Status.UNMET
STATUS_OF: dict[bool | None, Status] = {True: _MET, False: _UNMET, None: _UNKNOWN}
"""The status of a three-valued answer."""

Render: TypeAlias = Callable[..., str]
Facts: TypeAlias = tuple[FactPath, ...] | Callable[[], tuple[FactPath, ...]]

RawCriterion: TypeAlias = tuple[str, Status, bool, Render, tuple[Any, ...], Facts, tuple[FactPath, ...]]
"""(id, status, essential, render, render arguments, facts looked at, unknown facts).

Predicates build these cheap tuples; a ``CriterionResult``, its sentence and the
list of facts it looked at are made only when someone reads ``Verdict.criteria``.
"""

RawNote: TypeAlias = tuple[Render, tuple[Any, ...]]
"""A note's renderer and its arguments: ``render(*args)`` writes it when read."""


class Deferred(Protocol):
    """What a verdict judged from declared criteria keeps, to write its criteria and notes when read."""

    def criteria(self) -> tuple[CriterionResult, ...]:
        """The criteria, with their evidence and reasons."""
        ...

    def notes(self, verdict: Verdict) -> tuple[Note, ...]:
        """The notes on ``verdict``."""
        ...


class Declared(Protocol):
    """What ``criterion`` reads of a criterion's declaration (a ``CriterionSpec``): its id and weight."""

    @property
    def id(self) -> str:
        """The criterion's stable id."""
        ...

    @property
    def essential(self) -> bool:
        """Essential (unmet: does not fit) or qualifying (unmet: at most partly)."""
        ...


def criterion(
    declared: Declared | str,
    judgement: Judgement,
    render: Render,
    *args: Any,
    essential: bool | None = None,
    facts: Facts = (),
) -> RawCriterion:
    """Record one criterion's result, for a model's predicate to pass to ``Verdict.judge``.

    Results are cheap tuples: ``render(status, *args)`` writes the criterion's
    sentence only when someone reads ``Verdict.criteria``, and ``facts`` may be a
    function, so that the fact paths too are only worked out when read.

    Args:
        declared: The criterion's declaration, the ``CriterionSpec`` its model lists, from
            which its id and weight are read; or, for a quick model, just its id.
        judgement: ``(True, ())`` met, ``(False, ())`` unmet, or ``(None, items)``
            unknown, naming the unknown facts that would settle it (``EvidenceItem`` values
            whose value is ``UNKNOWN``, or their ``FactPath`` alone).
        render: Writes the reason from the status and ``args``.
        *args: Passed to ``render`` after the status.
        essential: With an id only: essential (unmet: does not fit, the default) or
            qualifying (unmet: at most partly). A declaration says this itself.
        facts: Paths of the facts the criterion looked at, or a function returning them.

    Returns:
        The raw result ``Verdict.judge`` takes.

    Raises:
        TypeError: ``essential`` is given with a declaration, which already says it.

    Example:
        >>> from humanising import Verdict, criterion
        >>> def reason(status, who):
        ...     return f"{who} deliver the groups." if status.value == "met" else f"{who} do not."
        >>> verdict = Verdict.judge("peer_delivered", (criterion("peers_deliver", (True, ()), reason, "Peers"),))
        >>> verdict.fit.value, verdict.criteria[0].reason
        ('fits', 'Peers deliver the groups.')

        With a declaration, the id and the weight are written once, where the model lists them:

        >>> from humanising import CriterionSpec
        >>> PEERS_DELIVER = CriterionSpec("peers_deliver", False, "Peers deliver the groups.")
        >>> Verdict.judge("peer_delivered", (criterion(PEERS_DELIVER, (None, ()), reason, "Peers"),)).fit.value
        'partly'
    """
    unknowns = unknown_paths(judgement)
    if isinstance(declared, str):
        return (
            declared,
            STATUS_OF[judgement[0]],
            True if essential is None else essential,
            render,
            args,
            facts,
            unknowns,
        )
    if essential is not None:
        raise TypeError(f"criterion {declared.id!r}: its declaration says whether it is essential; drop essential=")
    return (declared.id, STATUS_OF[judgement[0]], declared.essential, render, args, facts, unknowns)


@attrs.frozen
class Note:
    """A further sentence on a verdict, as data: what it says and, when it speaks of another model, which.

    A note about another model is built from that model's verdict and records its fit,
    so it cannot contradict it.

    Attributes:
        text: The sentence.
        about: The id of the model whose verdict the note reports, or ``None``.
        says: That verdict's fit, when ``about`` is given.

    Example:
        >>> import humanising
        >>> crisis = humanising.casebook.load("illustrative-crisis-service")
        >>> (note,) = [n for n in humanising.classify(crisis)["coproduction"].remarks if n.about]
        >>> note.about, note.says.value
        ('coproduction_gold_standard', 'fits')
    """

    text: str
    about: str | None = None
    says: Fit | None = None

    def to_dict(self) -> dict[str, Any]:
        """The note as plain data."""
        return {"text": self.text, "about": self.about, "says": None if self.says is None else self.says.value}


@attrs.frozen
class ProductFit:
    """How well a model fits one product of an initiative, judged as if it produced that alone.

    A verdict lists its products' fits by product id.

    Attributes:
        product: The product's id.
        name: The product's name.
        fit: The model's fit for that product.

    Example:
        >>> import humanising
        >>> verdict = humanising.classify(humanising.casebook.load("east-lille-1"))["coproduction"]
        >>> [(p.product, p.fit.value) for p in verdict.by_product]
        [('housing-policy', 'undetermined'), ('living-in-town', 'does not fit')]
    """

    product: str
    name: str
    fit: Fit

    def to_dict(self) -> dict[str, Any]:
        """The product's fit as plain data."""
        return {"product": self.product, "name": self.name, "fit": self.fit.value}


_PRODUCT_ORDER = {"does not fit": 0, "undetermined": 1, "partly": 2, "fits": 3}


def fit_over_products(fits: Iterable[Fit]) -> Fit:
    """An initiative's fit from its products' fits: the best of them.

    It fits if a product fits; else it fits partly if a product does (an open product can
    only add to that, which *partly* already allows); else it is undetermined if a product
    is; else it does not fit.

    Example:
        >>> fit_over_products([Fit.DOES_NOT_FIT, Fit.UNDETERMINED]).value
        'undetermined'
    """
    best = _DOES_NOT_FIT
    for fit in fits:
        if _PRODUCT_ORDER[fit.value] > _PRODUCT_ORDER[best.value]:
            best = fit
    return best


def _as_paths(paths: Iterable[FactPath]) -> tuple[FactPath, ...]:
    return tuple(paths)


def _as_items(items: Iterable[EvidenceItem]) -> tuple[EvidenceItem, ...]:
    return tuple(items)


@attrs.frozen
class CriterionResult:
    """The result of one criterion of a model.

    Attributes:
        id: A stable code, e.g. ``doing_with``; part of the API.
        status: Met, unmet or unknown.
        essential: Essential (unmet: does not fit) or qualifying (unmet: at most partly).
        reason: A sentence a person can read; its wording is not part of the API.
        facts: Paths of the facts the criterion looked at that decided it.
        unknowns: Paths of the unknown facts that would settle it (empty unless unknown).
        evidence: The facts that decided it, each with its value and basis (empty for a
            result a model wrote by hand); its reason is written from them.

    Example:
        >>> import humanising
        >>> verdict = humanising.classify(humanising.casebook.load("sleepwell"))["coproduction"]
        >>> result = verdict.criterion("produces")
        >>> result.status.value, result.essential
        ('met', True)
        >>> [str(path) for path in result.facts]
        ['products[sleepwell-programme].kind']
    """

    id: str
    status: Status = attrs.field(converter=Status)
    essential: bool
    reason: str
    facts: tuple[FactPath, ...] = attrs.field(default=(), converter=_as_paths)
    unknowns: tuple[FactPath, ...] = attrs.field(default=(), converter=_as_paths)
    evidence: tuple[EvidenceItem, ...] = attrs.field(default=(), converter=_as_items)

    @classmethod
    def _written(  # noqa: PLR0917 - the fields, in their order
        cls,
        criterion_id: str,
        status: Status,
        essential: bool,
        reason: str,
        facts: tuple[FactPath, ...],
        unknowns: tuple[FactPath, ...],
        evidence: tuple[EvidenceItem, ...],
    ) -> CriterionResult:
        # For values the library made itself, already of the right types: no conversion to repeat.
        result = cls.__new__(cls)
        for name, value in (
            ("id", criterion_id),
            ("status", status),
            ("essential", essential),
            ("reason", reason),
            ("facts", facts),
            ("unknowns", unknowns),
            ("evidence", evidence),
        ):
            object.__setattr__(result, name, value)
        return result

    def to_dict(self) -> dict[str, Any]:
        """The result as plain data, as the JSON report writes it (fact paths as key-path text).

        Example:
            >>> import humanising
            >>> verdict = humanising.classify(humanising.casebook.load("sleepwell"))["evidence_based_practice"]
            >>> verdict.criteria[0].to_dict()["facts"]
            ['evidence.question_by_topic_experts']
        """
        return {
            "id": self.id,
            "status": self.status.value,
            "essential": self.essential,
            "reason": self.reason,
            "facts": [str(path) for path in self.facts],
            "unknowns": [str(path) for path in self.unknowns],
            "evidence": [item.to_dict() for item in self.evidence],
        }


def fit_of(results: Iterable[RawCriterion]) -> Fit:
    """The fit that criterion results add up to."""
    return fit_from((result[1], result[2]) for result in results)


def fit_from(outcomes: Iterable[tuple[Status, bool]]) -> Fit:
    """The fit that (status, essential) outcomes add up to: the one rule every verdict follows."""
    # An unmet essential criterion decides at once; an unknown essential one leaves it
    # undetermined; an unmet or unknown qualifying one caps a fit at partly.
    fit = _FITS
    for status, essential in outcomes:
        if status is _MET:
            continue
        if essential:
            if status is _UNMET:
                return _DOES_NOT_FIT
            fit = _UNDETERMINED
        elif fit is _FITS:
            fit = _PARTLY
    return fit


@attrs.frozen(init=False, eq=False)
class Verdict:
    """A model's verdict on an initiative, with every criterion and its reason.

    A verdict is plain data: it pickles, it compares equal to another when they say
    the same (same model, fit and stages, and the same criteria, reasons, facts and
    notes), and ``to_dict()`` gives the shape the JSON report writes. Its fit always
    follows from its criteria, so one cannot be built that contradicts them; and it
    has no truth value (``if verdict:`` raises), since a verdict that does not fit is
    still a verdict: read ``.fit``.

    Attributes:
        model: The model's id, e.g. ``user_led``.
        fit: How well it fits.
        stages: The stages the verdict singles out (for ``user_led``, the stages at
            which the initiative is user-led); empty for most models.
        by_product: For a model that judges each product on its own (co-production and
            its gold standard), every product's fit when there are two or more, by product
            id; the criteria are then those of the product that decides. Empty otherwise.
        product: The id of the product that decides, whose criteria these are: one with the
            best fit and, among those, the one produced at the most stages (then the first
            by id). ``None`` unless ``by_product`` is given.

    Example:
        >>> import humanising
        >>> verdict = humanising.classify(humanising.casebook.load("sleepwell"))["evidence_based_practice"]
        >>> verdict.fit
        <Fit.FITS: 'fits'>
        >>> [result.status.value for result in verdict.criteria]
        ['met', 'met', 'met', 'met']

        Built from criterion results, a verdict works out its own fit:

        >>> from humanising import CriterionResult, Verdict
        >>> Verdict("peer_led", [CriterionResult("peers_lead", "unmet", True, "Peers do not lead.")]).fit.value
        'does not fit'
    """

    model: str
    fit: Fit
    stages: tuple[Stage, ...]
    # Criteria as a predicate recorded them: raw tuples whose sentences are written when
    # first read, or results already written. Never a public field: raw ones hold callables.
    _recorded: tuple[RawCriterion, ...] | tuple[CriterionResult, ...] | Deferred = attrs.field(repr=False)
    _recorded_notes: tuple[RawNote | Note, ...] | Deferred = attrs.field(repr=False)
    by_product: tuple[ProductFit, ...] = ()
    product: str | None = None

    def __init__(
        self,
        model: str,
        criteria: Iterable[CriterionResult],
        *,
        stages: Iterable[Stage | str] = (),
        notes: Iterable[str | Note] = (),
        fit: Fit | str | None = None,
        by_product: Iterable[ProductFit] = (),
        product: str | None = None,
    ) -> None:
        """A verdict from written criterion results; ``fit``, if given, must be the one they add up to.

        Where the model judges each product on its own, ``by_product`` holds every product's
        fit, the criteria are those of the product that decides, and the fit they add up to
        must be the best of the products' fits (``fit_over_products``).

        Raises:
            humanising.exceptions.InvalidVerdictError: ``fit`` contradicts the criteria,
                the products' fits contradict it, or a criterion, note or product fit is not
                of the right type.
        """
        results = tuple(criteria)
        for result in results:
            if not isinstance(result, CriterionResult):
                raise InvalidVerdictError(model, f"criteria must be CriterionResult values, got {result!r}")
        written = tuple(Note(note) if isinstance(note, str) else note for note in notes)
        for note in written:
            if not isinstance(note, Note):
                raise InvalidVerdictError(model, f"notes must be strings or Note values, got {note!r}")
        follows = fit_from((result.status, result.essential) for result in results)
        if fit is not None and Fit(fit) is not follows:
            raise InvalidVerdictError(
                model, f"its criteria add up to {follows.value!r}, not {Fit(fit).value!r}; the fit follows from them"
            )
        products = tuple(by_product)
        for entry in products:
            if not isinstance(entry, ProductFit):
                raise InvalidVerdictError(model, f"by_product must hold ProductFit values, got {entry!r}")
        if products and fit_over_products(p.fit for p in products) is not follows:
            raise InvalidVerdictError(
                model,
                f"its products' fits add up to {fit_over_products(p.fit for p in products).value!r}, "
                f"not {follows.value!r}; the criteria must be those of the product that decides",
            )
        if (product is None) != (not products) or (
            product is not None and not any(p.product == product and p.fit is follows for p in products)
        ):
            raise InvalidVerdictError(
                model, "product must name one of by_product with the verdict's fit, and is given only with by_product"
            )
        self.__attrs_init__(
            model, follows, tuple(Stage(stage) for stage in stages), results, written, products, product
        )

    @classmethod
    def judge(
        cls,
        model: str,
        results: tuple[RawCriterion, ...],
        *,
        stages: tuple[Stage, ...] = (),
        notes: tuple[RawNote | Note | str, ...] = (),
    ) -> Verdict:
        """Build a verdict from criterion results as ``criterion()`` records them, working out the fit.

        Sentences are written only when first read.

        Args:
            model: The model's id.
            results: One result per criterion, as ``criterion()`` makes them.
            stages: Stages the verdict singles out.
            notes: Further sentences: text, ``Note`` values, or ``(render, args)`` pairs that
                write them when read.
        """
        raw_notes: tuple[RawNote | Note, ...] = (
            tuple(Note(note) if isinstance(note, str) else note for note in notes) if notes else ()
        )
        verdict = cls.__new__(cls)
        verdict.__attrs_init__(model, fit_of(results), stages, results, raw_notes)
        return verdict

    @classmethod
    def _deferred(
        cls,
        model: str,
        fit: Fit,
        stages: tuple[Stage, ...],
        evidence: Deferred,
        *,
        by_product: tuple[ProductFit, ...] = (),
        product: str | None = None,
    ) -> Verdict:
        # A verdict judged from declared criteria: the fit now, the criteria when first read.
        verdict = cls.__new__(cls)
        verdict.__attrs_init__(model, fit, stages, evidence, evidence, by_product, product)
        return verdict

    @cached_property
    def criteria(self) -> tuple[CriterionResult, ...]:
        """Every criterion's result, in the order the model lists them."""
        recorded = self._recorded
        if not isinstance(recorded, tuple):
            return recorded.criteria()
        if not recorded or isinstance(recorded[0], CriterionResult):
            return recorded  # type: ignore[return-value]
        return tuple(
            CriterionResult(
                criterion_id, status, essential, render(status, *args), facts() if callable(facts) else facts, unknowns
            )
            for criterion_id, status, essential, render, args, facts, unknowns in recorded
        )

    def __repr__(self) -> str:
        """Short: the model, the fit, the stages it singles out and how many criteria are met, unmet or unknown.

        The criteria themselves are one attribute away (``criteria``; ``to_dict()`` for all of it).

        Example:
            >>> import humanising
            >>> humanising.classify(humanising.casebook.load("sleepwell"))["coproduction"]
            <Verdict coproduction: does not fit (1 met, 6 unmet)>
            >>> humanising.classify(humanising.casebook.load("east-lille-7"))["user_led"]
            <Verdict user_led: partly, at delivery (2 met, 1 unmet)>
        """
        counts = [
            f"{count} {status.value}"
            for status in (_MET, _UNMET, _UNKNOWN)
            if (count := sum(result.status is status for result in self.criteria))
        ]
        at = f", at {', '.join(stage.words for stage in self.stages)}" if self.stages else ""
        return f"<Verdict {self.model}: {self.fit.value}{at} ({', '.join(counts) or 'no criteria'})>"

    @cached_property
    def remarks(self) -> tuple[Note, ...]:
        """The notes as data: each sentence, and the model it reports on, if any."""
        recorded = self._recorded_notes
        if not isinstance(recorded, tuple):
            return recorded.notes(self)
        return tuple(note if isinstance(note, Note) else Note(note[0](*note[1])) for note in recorded)

    @property
    def notes(self) -> tuple[str, ...]:
        """Further sentences, e.g. whether co-production reaches the gold standard."""
        return tuple(note.text for note in self.remarks)

    def criterion(self, criterion_id: str) -> CriterionResult:
        """The result of one criterion, by id.

        Raises:
            KeyError: The model has no such criterion.
        """
        for result in self.criteria:
            if result.id == criterion_id:
                return result
        raise KeyError(criterion_id)

    @property
    def unknowns(self) -> tuple[FactPath, ...]:
        """Paths of the unknown facts that would settle the open criteria, sorted."""
        recorded = self._recorded
        if not isinstance(recorded, tuple) or (recorded and isinstance(recorded[0], CriterionResult)):
            found = {path for result in self.criteria for path in result.unknowns}
        else:
            found = {path for *_, unknowns in recorded for path in unknowns}  # type: ignore[misc]
        return tuple(sorted(found))

    @property
    def deciding(self) -> tuple[CriterionResult, ...]:
        """The criteria that decide the fit, in the model's order.

        For ``does not fit``, the unmet essential criteria; for ``undetermined``, the unknown
        essential ones; for ``partly``, the unmet or unknown qualifying ones; for ``fits``, every
        criterion (all are met).

        Example:
            >>> import humanising
            >>> verdict = humanising.classify(humanising.casebook.load("sleepwell"))["coproduction"]
            >>> verdict.fit.value, [result.id for result in verdict.deciding][:2]
            ('does not fit', ['service_user_voice', 'doing_with'])
        """
        fit = self.fit
        if fit is _FITS:
            return self.criteria
        if fit is _DOES_NOT_FIT:
            return tuple(r for r in self.criteria if r.essential and r.status is _UNMET)
        if fit is _UNDETERMINED:
            return tuple(r for r in self.criteria if r.essential and r.status is _UNKNOWN)
        return tuple(r for r in self.criteria if not r.essential and r.status is not _MET)

    @property
    def basis(self) -> Basis | None:
        """The weakest basis among the known evidence of the deciding criteria: what the fit rests on at worst.

        ``None`` where that evidence records no basis (products, roles) or is all unknown.

        Example:
            >>> import humanising
            >>> humanising.classify(humanising.casebook.load("east-lille-7"))["user_led"].basis.value
            'informal'
        """
        return weakest_basis(item for result in self.deciding for item in result.evidence)

    @property
    def reasons(self) -> tuple[str, ...]:
        """The reason sentences of every criterion, then the notes."""
        return (*(result.reason for result in self.criteria), *self.notes)

    def to_dict(self) -> dict[str, Any]:
        """The verdict as plain data, in the shape the JSON report writes.

        Example:
            >>> import humanising
            >>> verdict = humanising.classify(humanising.casebook.load("east-lille-7"))["user_led"]
            >>> data = verdict.to_dict()
            >>> data["fit"], data["stages"], data["criteria"][0]["id"]
            ('partly', ['delivery'], 'led_somewhere')
        """
        basis = self.basis
        return {
            "fit": self.fit.value,
            "deciding": [result.id for result in self.deciding],
            "basis": None if basis is None else basis.value,
            "criteria": [result.to_dict() for result in self.criteria],
            "stages": [stage.value for stage in self.stages],
            "notes": list(self.notes),
            "unknowns": [str(path) for path in self.unknowns],
            "by_product": [product.to_dict() for product in self.by_product],
            "product": self.product,
        }

    def _key(self) -> tuple[object, ...]:
        return (self.model, self.fit, self.stages, self.criteria, self.remarks, self.by_product, self.product)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Verdict):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __bool__(self) -> bool:
        raise TypeError(
            f"a verdict has no truth value: read its fit (verdict.fit is Fit.FITS), "
            f"here {self.fit.value!r} for {self.model!r}"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as what it says, with every sentence written: the raw criteria hold callables.
        return (_rebuild, (self.model, self.criteria, self.stages, self.remarks, (self.by_product, self.product)))


def _rebuild(
    model: str,
    criteria: tuple[CriterionResult, ...],
    stages: tuple[Stage, ...],
    notes: tuple[Note, ...],
    products: tuple[tuple[ProductFit, ...], str | None] = ((), None),
) -> Verdict:
    return Verdict(model, criteria, stages=stages, notes=notes, by_product=products[0], product=products[1])
