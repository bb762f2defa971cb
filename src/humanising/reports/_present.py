"""What every output says of a verdict, an equalised relationship and a place on the quadrant chart.

Three functions give the words, never markup: ``verdict_lines``, ``relationship_phrase`` and
``quadrant_axes``. The command line, the Markdown and HTML reports and the documentation site
each format and escape those words their own way, so that they cannot come to say different
things. (The JSON report holds the data these words are made from, as ``Analysis.entry`` gives it.)
"""

from __future__ import annotations

from typing import TypeAlias

import attrs

from humanising._facts import Change, Initiative, Relationship
from humanising._reasoning._analysis import Analysis
from humanising._reasoning._relations import Quadrant
from humanising._reasoning._verdict import Fit, Status, Verdict

STATUS_MARKS = {Status.MET: "✓", Status.UNMET: "✗", Status.UNKNOWN: "?"}
"""The mark shown before a criterion's (or a reading's) status."""


@attrs.frozen
class FitLine:
    """A verdict's first line: its fit, and the weakest basis its deciding criteria rest on.

    Attributes:
        fit: The fit.
        basis: The weakest basis among the deciding criteria's evidence, e.g. ``coded``; empty
            where that evidence records none.
    """

    fit: Fit
    basis: str = ""

    @property
    def rests_on(self) -> str:
        """``weakest basis: coded``, or nothing where no basis is recorded."""
        return f"weakest basis: {self.basis}" if self.basis else ""


@attrs.frozen
class ByProductLine:
    """Each product's fit, where the model judges by product, after a lower-case ``label``.

    Attributes:
        products: Each product's name, its fit, and whether it is the product whose criteria
            are listed (the one that decides).
        label: ``by product``.
    """

    products: tuple[tuple[str, Fit, bool], ...]
    label: str = "by product"

    @property
    def phrases(self) -> tuple[str, ...]:
        """``the transparency policy: undetermined (the criteria below)``, one per product."""
        return tuple(
            f"{name}: {fit.value}{' (the criteria below)' if deciding else ''}" for name, fit, deciding in self.products
        )


@attrs.frozen
class CriterionLine:
    """One criterion: its mark and status, whether it is essential or qualifying, and its reason.

    Attributes:
        id: The criterion's id.
        mark: ``STATUS_MARKS`` of the status.
        status: Met, unmet or unknown.
        kind: ``essential`` or ``qualifying``.
        reason: The sentence.
    """

    id: str
    mark: str
    status: Status
    kind: str
    reason: str


@attrs.frozen
class NoteLine:
    """A further sentence on the verdict."""

    text: str


@attrs.frozen
class StagesLine:
    """The stages the verdict singles out, as words, after a lower-case ``label``."""

    stages: tuple[str, ...]
    label: str = "stages"


@attrs.frozen
class SettledByLine:
    """The paths of the unknown facts that would settle the verdict, after a lower-case ``label``."""

    paths: tuple[str, ...]
    label: str = "would be settled by"


VerdictLine: TypeAlias = FitLine | ByProductLine | CriterionLine | NoteLine | StagesLine | SettledByLine


def verdict_lines(verdict: Verdict) -> tuple[VerdictLine, ...]:
    """A verdict as the lines every output shows: the fit, each criterion, the notes, the stages, what would settle it.

    A by-product line follows the fit where the model judged each product on its own. A
    stages or settled-by line is there only when the verdict has stages or unknowns.

    Example:
        >>> import humanising
        >>> verdict = humanising.classify(humanising.casebook.load("east-lille-7"))["user_led"]
        >>> lines = verdict_lines(verdict)
        >>> lines[0]
        FitLine(fit=<Fit.PARTLY: 'partly'>, basis='informal')
        >>> lines[2].mark, lines[2].status.value, lines[2].kind
        ('✗', 'unmet', 'qualifying')
        >>> lines[-1]
        StagesLine(stages=('delivery',), label='stages')
    """
    basis = verdict.basis
    lines: list[VerdictLine] = [FitLine(verdict.fit, "" if basis is None else basis.value)]
    if verdict.by_product:
        lines.append(ByProductLine(tuple((p.name, p.fit, p.product == verdict.product) for p in verdict.by_product)))
    lines.extend(
        CriterionLine(
            result.id,
            STATUS_MARKS[result.status],
            result.status,
            "essential" if result.essential else "qualifying",
            result.reason,
        )
        for result in verdict.criteria
    )
    lines.extend(NoteLine(note) for note in verdict.notes)
    if verdict.stages:
        lines.append(StagesLine(tuple(stage.words for stage in verdict.stages)))
    if verdict.unknowns:
        lines.append(SettledByLine(tuple(str(path) for path in verdict.unknowns)))
    return tuple(lines)


def relationship_phrase(relationship: Relationship, initiative: Initiative) -> str:
    """An equalised relationship as one phrase: both parties by name, then the aspect and whether it is an aim.

    A fact that is not published (informal, hedged, inferred) keeps its hedge.

    Example:
        >>> import humanising
        >>> case = humanising.casebook.load("east-lille-4")
        >>> relationship_phrase(humanising.equalises(case)[0], case)
        'patients ↔ mental health professionals (information, aim)'
    """
    names = {stakeholder.id: stakeholder.name for stakeholder in initiative.stakeholders}
    one, other = (names.get(party, party) for party in relationship.between)
    return f"{one} ↔ {other} ({relationship.aspect.words}, {relationship.claim.words}{relationship.basis.hedge})"


@attrs.frozen
class Side:
    """Where something sits on one axis of the quadrant chart.

    Attributes:
        axis: The axis's title: ``humanises`` or ``equalises``.
        word: ``yes``, ``no``, or ``cannot tell`` when the facts do not say.
    """

    axis: str
    word: str


@attrs.frozen
class Axes:
    """A place on the quadrant chart: a side of each axis, and the quadrant they make."""

    humanises: Side
    equalises: Side
    quadrant: str


SIDES: tuple[bool | None, ...] = (False, None, True)
"""The sides of an axis (no, cannot tell, yes), in the order a chart runs from its origin."""

_WORDS = {False: "no", None: "cannot tell", True: "yes"}
_QUADRANTS: dict[tuple[bool | None, bool | None], Quadrant] = {
    (True, True): Quadrant.EQUALISING_AND_HUMANISING,
    (True, False): Quadrant.HUMANISING_ONLY,
    (False, True): Quadrant.EQUALISING_ONLY,
    (False, False): Quadrant.NEITHER,
}


def _equalising(analysis: Analysis) -> bool | None:
    if analysis.equalises:
        return True
    if any(relationship.change is Change.UNKNOWN for relationship in analysis.initiative.relationships):
        return None
    return False


def _humanising(analysis: Analysis) -> bool | None:
    if analysis.humanises.fit is Fit.FITS:
        return True
    if analysis.humanises.fit is Fit.DOES_NOT_FIT:
        return False
    return None


def quadrant_axes(place: Analysis | tuple[bool | None, bool | None]) -> Axes:
    """The quadrant chart's axes at an analysis, or at a ``(humanises, equalises)`` cell of the chart.

    Either side is ``True``, ``False`` or ``None`` (the facts cannot tell); a cell with a side that
    cannot be told is in the ``undetermined`` quadrant. An analysis is named by its own quadrant.

    Example:
        >>> import humanising
        >>> axes = quadrant_axes(humanising.analyse(humanising.casebook.load("sleepwell")))
        >>> axes.humanises.word, axes.equalises.word, axes.quadrant
        ('yes', 'no', 'humanising only')
        >>> quadrant_axes((None, True)).quadrant, quadrant_axes((None, True)).humanises
        ('undetermined', Side(axis='humanises', word='cannot tell'))
    """
    if isinstance(place, Analysis):
        humanising, equalising = _humanising(place), _equalising(place)
        quadrant = place.quadrant
    else:
        humanising, equalising = place
        quadrant = _QUADRANTS.get((humanising, equalising), Quadrant.UNDETERMINED)
    return Axes(
        Side("humanises", _WORDS[humanising]),
        Side("equalises", _WORDS[equalising]),
        quadrant.value,
    )
