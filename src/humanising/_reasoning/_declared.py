"""Judging a model from its declared criteria: statuses first, evidence and reasons when read.

``DeclaredJudge`` is the predicate a model declared with ``Model.declared`` gets.
It runs every criterion's check on the initiative's status look, which is all a
fit needs. The verdict keeps the initiative and the model's declarations; the
first time its criteria, reasons, unknowns or notes are read, the same checks run
again on the evidence look, and the reasons are written from their evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from humanising._facts import Initiative, Product, Stage
from humanising._reasoning._evidence import EvidenceItem, Grounds
from humanising._reasoning._logic import unique, unknown_paths
from humanising._reasoning._look import Look, evidence_look, product_status_look, status_look
from humanising._reasoning._verdict import (
    STATUS_OF,
    CriterionResult,
    Fit,
    Note,
    ProductFit,
    Status,
    Verdict,
    fit_from,
    fit_over_products,
)

if TYPE_CHECKING:
    from humanising._reasoning._registry import CriterionSpec


class ModesDisagreeError(AssertionError):
    """A check gave one status while judging and another when its evidence was read: a bug in a look-up."""


class DeclaredJudge:
    """The predicate of a model declared from its criteria. Pure: it reads the initiative and nothing else."""

    __slots__ = ("_checks", "_essential", "by_product", "criteria", "model", "module", "notes", "stages")

    def __init__(
        self,
        model: str,
        criteria: tuple[CriterionSpec, ...],
        stages: Callable[[Look], tuple[Stage, ...]] | None,
        notes: Callable[[Look, Verdict], Iterable[Note | str]] | None,
        *,
        module: str,
        by_product: bool = False,
    ) -> None:
        from humanising.exceptions import RegistrationError

        for spec in criteria:
            if spec.check is None:
                raise RegistrationError(
                    f"model {model!r}: criterion {spec.id!r} has no check; a model judged from its "
                    "criteria needs a check and a wording for each"
                )
        self.model = model
        self.criteria = criteria
        self._checks = tuple(spec.check for spec in criteria)
        self._essential = tuple(spec.essential for spec in criteria)
        self.stages = stages
        self.notes = notes
        self.module = module
        self.by_product = by_product

    def __call__(self, initiative: Initiative) -> Verdict:
        return self.verdict(initiative, status_look(initiative))

    def verdict(self, initiative: Initiative, look: Look) -> Verdict:
        """The verdict on ``initiative``, judged on its status ``look`` (which a registry shares among its models)."""
        if self.by_product and len(initiative.products) > 1:
            return self._by_product(initiative, look)
        statuses, fit = self._statuses(look)
        stages = self.stages(look) if self.stages is not None else ()
        return Verdict._deferred(self.model, fit, stages, _Evidence(self, initiative, statuses))  # noqa: SLF001

    def _statuses(self, look: Look) -> tuple[tuple[Status, ...], Fit]:
        statuses = tuple(STATUS_OF[check(look)[0]] for check in self._checks)  # type: ignore[misc] # every one is set
        return statuses, fit_from(zip(statuses, self._essential, strict=True))

    def _by_product(self, initiative: Initiative, whole: Look) -> Verdict:
        # Each product judged as if the initiative produced it alone; the best decides, and
        # its criteria are the verdict's. Notes are about the whole initiative.
        judged = []
        for product in sorted(initiative.products, key=_by_id):
            view = initiative.producing_only(product.id)
            look = product_status_look(view, whole)
            statuses, fit = self._statuses(look)
            judged.append((product, view, look, statuses, fit))
        best = fit_over_products(fit for *_, fit in judged)
        # Among equally good products, the one produced at the most stages speaks for the initiative.
        deciding, view, look, statuses, fit = min((entry for entry in judged if entry[4] is best), key=_breadth)
        stages = self.stages(look) if self.stages is not None else ()
        by_product = tuple(ProductFit(product.id, product.name, fit) for product, *_, fit in judged)
        evidence = _Evidence(self, view, statuses, whole=initiative)
        return Verdict._deferred(  # noqa: SLF001
            self.model, best, stages, evidence, by_product=by_product, product=deciding.id
        )


def _by_id(product: Product) -> str:
    return product.id


def _breadth(entry: tuple[Product, object, object, object, object]) -> tuple[int, str]:
    return (-len(entry[0].stages), entry[0].id)


class _Evidence:
    """What a declared verdict needs to write its criteria when they are first read."""

    __slots__ = ("initiative", "judge", "statuses", "whole")

    def __init__(
        self,
        judge: DeclaredJudge,
        initiative: Initiative,
        statuses: tuple[Status, ...],
        *,
        whole: Initiative | None = None,
    ) -> None:
        self.judge = judge
        self.initiative = initiative  # the initiative judged: the whole, or one product's view of it
        self.statuses = statuses
        self.whole = initiative if whole is None else whole

    def criteria(self) -> tuple[CriterionResult, ...]:
        look = evidence_look(self.initiative)
        results = []
        for spec, status in zip(self.judge.criteria, self.statuses, strict=True):
            judgement = spec.check(look)  # type: ignore[misc]
            if STATUS_OF[judgement[0]] is not status:
                raise ModesDisagreeError(
                    f"{self.judge.model}.{spec.id} on {self.initiative.id!r}: {status.value} while judging, "
                    f"{STATUS_OF[judgement[0]].value} from its evidence"
                )
            items: tuple[EvidenceItem, ...] = unique(judgement[1])
            reason = spec.wording.render(Grounds(status, items, look.index))  # type: ignore[union-attr]
            results.append(
                CriterionResult._written(  # noqa: SLF001 - the declared verdict writes its own results
                    spec.id,
                    status,
                    spec.essential,
                    reason,
                    tuple(item.path for item in items),  # items are each fact once (unique)
                    unknown_paths(judgement),
                    items,
                )
            )
        return tuple(results)

    def notes(self, verdict: Verdict) -> tuple[Note, ...]:
        if self.judge.notes is None:
            return ()
        found = self.judge.notes(evidence_look(self.whole), verdict)
        return tuple(Note(note) if isinstance(note, str) else note for note in found)


Compact = tuple[str, Fit, tuple[Stage, ...], tuple[ProductFit, ...], "str | None", tuple[Status, ...]]
"""A declared verdict as its statuses: what a worker process sends back instead of every sentence."""


def compact(verdict: Verdict) -> Compact | None:
    """A declared verdict whose reasons are not yet written, as its statuses; ``None`` for any other."""
    evidence = verdict._recorded  # noqa: SLF001 - the declared verdict's own record
    if not isinstance(evidence, _Evidence):
        return None
    return (verdict.model, verdict.fit, verdict.stages, verdict.by_product, verdict.product, evidence.statuses)


def rebuilt(sent: Compact, initiative: Initiative, judge: DeclaredJudge) -> Verdict:
    """The verdict ``compact`` gave, on the same initiative here: its reasons are written when read, as ever."""
    model, fit, stages, by_product, product, statuses = sent
    judged = initiative if product is None else initiative.producing_only(product)
    evidence = _Evidence(judge, judged, statuses, whole=initiative)
    return Verdict._deferred(model, fit, stages, evidence, by_product=by_product, product=product)  # noqa: SLF001
