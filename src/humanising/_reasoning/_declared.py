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

from humanising._facts import Initiative, Stage
from humanising._reasoning._evidence import EvidenceItem, Grounds
from humanising._reasoning._logic import unique, unknown_paths
from humanising._reasoning._look import Look, evidence_look, status_look
from humanising._reasoning._verdict import STATUS_OF, CriterionResult, Note, Status, Verdict, fit_from

if TYPE_CHECKING:
    from humanising._reasoning._registry import CriterionSpec


class ModesDisagreeError(AssertionError):
    """A check gave one status while judging and another when its evidence was read: a bug in a look-up."""


class DeclaredJudge:
    """The predicate of a model declared from its criteria. Pure: it reads the initiative and nothing else."""

    __slots__ = ("_checks", "_essential", "criteria", "model", "module", "notes", "stages")

    def __init__(
        self,
        model: str,
        criteria: tuple[CriterionSpec, ...],
        stages: Callable[[Look], tuple[Stage, ...]] | None,
        notes: Callable[[Look, Verdict], Iterable[Note | str]] | None,
        *,
        module: str,
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

    def __call__(self, initiative: Initiative) -> Verdict:
        return self.verdict(initiative, status_look(initiative))

    def verdict(self, initiative: Initiative, look: Look) -> Verdict:
        """The verdict on ``initiative``, judged on its status ``look`` (which a registry shares among its models)."""
        statuses = tuple(STATUS_OF[check(look)[0]] for check in self._checks)  # type: ignore[misc] # every one is set
        fit = fit_from(zip(statuses, self._essential, strict=True))
        stages = self.stages(look) if self.stages is not None else ()
        return Verdict._deferred(self.model, fit, stages, _Evidence(self, initiative, statuses))  # noqa: SLF001


class _Evidence:
    """What a declared verdict needs to write its criteria when they are first read."""

    __slots__ = ("initiative", "judge", "statuses")

    def __init__(self, judge: DeclaredJudge, initiative: Initiative, statuses: tuple[Status, ...]) -> None:
        self.judge = judge
        self.initiative = initiative
        self.statuses = statuses

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
        found = self.judge.notes(evidence_look(self.initiative), verdict)
        return tuple(Note(note) if isinstance(note, str) else note for note in found)
