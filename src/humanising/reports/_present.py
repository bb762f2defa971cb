"""What every output says of a verdict, an equalised relationship and a place on the quadrant chart.

Functions give the words, never markup: ``verdict_lines``, ``fit_cell`` and ``basis_legend``
(a verdict as a table's cell, and the legend for its marks), ``relationship_phrase``,
``summary_lines`` and ``quadrant_axes``. The command line, the Markdown and HTML reports and the
documentation site each format and escape those words their own way, so that they cannot come to
say different things. (The JSON report holds the data these words are made from, as
``Analysis.entry`` gives it.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, TypeAlias

import attrs

from humanising._facts import Basis, Change, Initiative, Relationship
from humanising._reasoning._analysis import Analysis
from humanising._reasoning._relations import Equalising, Quadrant, humanising_side, relationship_kind
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


BASIS_MARKS: dict[Basis, str] = {
    Basis.HEDGED: "h",
    Basis.INSIDER_REPORT: "a",
    Basis.INFORMAL: "r",
    Basis.INFERRED: "i",
}
"""The mark a table cell puts after a fit resting on a basis weaker than the case author's coding.

Each is the initial of the word the basis's hedge turns on, the hedge every reason repeats:
hedged, insider's account, informal report, case author's inference.
A published or coded basis, or none recorded, has no mark: nearly every fact is coded.
"""

MARK_SEPARATOR = "·"
"""What comes between a fit and its mark in a cell: ``does not fit·i``."""

LEGEND_LEAD = "Weakest basis of the facts that decide a fit, where weaker than the case author's coding"
"""The words that open the legend under a table with marked cells."""


def _basis_words(basis: Basis) -> str:
    """``inferred (case author's inference)``: the basis and the hedge its reasons repeat."""
    return f"{basis.value}{basis.hedge}"


@attrs.frozen
class FitCell:
    """A verdict as a table cell: its fit, and the mark of its basis where that is weaker than coded.

    Attributes:
        fit: The fit.
        basis: The verdict's weakest basis (``Verdict.basis``), or ``None`` where none is recorded.
    """

    fit: Fit
    basis: Basis | None = None

    @property
    def mark(self) -> str:
        """``·i``, or nothing where the basis is published, coded or not recorded."""
        letter = BASIS_MARKS.get(self.basis) if self.basis is not None else None
        return f"{MARK_SEPARATOR}{letter}" if letter else ""

    @property
    def text(self) -> str:
        """The cell's text: ``does not fit·i``, or the bare fit."""
        return f"{self.fit.value}{self.mark}"

    @property
    def title(self) -> str:
        """The mark spelt out, ``weakest basis: inferred (case author's inference)``, or nothing where unmarked."""
        return f"weakest basis: {_basis_words(self.basis)}" if self.mark and self.basis is not None else ""


def fit_cell(verdict: Verdict) -> FitCell:
    """The cell a table shows for a verdict.

    Example:
        >>> import humanising
        >>> verdicts = humanising.classify(humanising.casebook.load("sleepwell"))
        >>> fit_cell(verdicts["evidence_based_practice"]).text, fit_cell(verdicts["coproduction"]).text
        ('fits·i', 'does not fit')
    """
    return FitCell(verdict.fit, verdict.basis)


@attrs.frozen
class LegendEntry:
    """One mark of a legend, and what it stands for.

    Attributes:
        mark: The mark as a cell shows it, ``·i``.
        basis: The basis it stands for.
    """

    mark: str
    basis: Basis

    @property
    def words(self) -> str:
        """``inferred (case author's inference)``."""
        return _basis_words(self.basis)


@attrs.frozen
class Legend:
    """The legend under a table: the marks its cells carry, from the strongest basis to the weakest.

    Attributes:
        entries: One per mark found in the table's cells; none where no cell is marked.
    """

    entries: tuple[LegendEntry, ...]

    @property
    def text(self) -> str:
        """The legend as one sentence, or nothing where no cell is marked."""
        if not self.entries:
            return ""
        return f"{LEGEND_LEAD}: " + ", ".join(f"{entry.mark} {entry.words}" for entry in self.entries) + "."


def basis_legend(cells: Iterable[FitCell]) -> Legend:
    """The legend for a table of these cells: each mark they carry, once, strongest basis first.

    Example:
        >>> import humanising
        >>> verdicts = humanising.classify(humanising.casebook.load("sleepwell")).values()
        >>> print(basis_legend(fit_cell(verdict) for verdict in verdicts).text)
        Weakest basis of the facts that decide a fit, where weaker than the case author's coding: ·i inferred (case author's inference).
    """  # noqa: E501 - a doctest line as the table writes it
    marked = {cell.basis for cell in cells if cell.mark}
    return Legend(
        tuple(LegendEntry(f"{MARK_SEPARATOR}{mark}", basis) for basis, mark in BASIS_MARKS.items() if basis in marked)
    )


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
    """A relationship as one phrase: both parties by name, the aspect, whether it is an aim, and its kind.

    A fact that is not published (informal, hedged, inferred) keeps its hedge. Only a narrowing
    shows its claim (aim or observed); the kind follows a dash.

    Example:
        >>> import humanising
        >>> case = humanising.casebook.load("east-lille-4")
        >>> relationship_phrase(humanising.equalises(case)[0], case)
        'patients ↔ mental health professionals (information, aim) — service users and mental-health professionals'
    """
    names = {stakeholder.id: stakeholder.name for stakeholder in initiative.stakeholders}
    one, other = (names.get(party, party) for party in relationship.between)
    kind = relationship_kind(initiative, relationship)
    claim = f", {relationship.claim.words}" if relationship.change is Change.NARROWS else ""
    return f"{one} ↔ {other} ({relationship.aspect.words}{claim}{relationship.basis.hedge}) — {kind.words}"


def equalises_text(analysis: Analysis) -> str:
    """What an initiative equalises, as the reports say it: its narrowed relationships, or why there are none.

    Where none narrows but a relationship's change is unknown, that is unknown, never "nothing":
    the text says which relationship the case file leaves open, and the field that would say.

    Example:
        >>> import attrs, humanising
        >>> case = humanising.casebook.load("illustrative-board-seats")
        >>> open_case = attrs.evolve(
        ...     case, relationships=[attrs.evolve(case.relationships[0], change="unknown", claim="observed")]
        ... )
        >>> print(equalises_text(humanising.analyse(open_case)))
        unknown: the case file does not say how service-user board members ↔ the trust's directors (power) — service users and mental-health professionals changes (relationships[0].change)
        >>> equalises_text(humanising.analyse(humanising.casebook.load("sleepwell")))
        'nothing'
    """  # noqa: E501 - a doctest line as the report writes it
    initiative = analysis.initiative
    equalised = [relationship_phrase(relationship, initiative) for relationship in analysis.equalises]
    if equalised:
        return "; ".join(equalised)
    open_ = [
        f"{relationship_phrase(relationship, initiative)} changes (relationships[{index}].change)"
        for index, relationship in enumerate(initiative.relationships)
        if relationship.change is Change.UNKNOWN
    ]
    if open_:
        return "unknown: the case file does not say how " + "; nor how ".join(open_)
    return "nothing"


FIT_WORDS = (
    "fits: every criterion met; partly: every essential criterion met, a qualifying one unmet or unknown; "
    "undetermined: an essential criterion unknown, none unmet; does not fit: an essential criterion unmet"
)
"""What each fit of a table means, in one line."""


def abbreviations(model_ids: Iterable[str]) -> str:
    """The models whose column heading is an abbreviation, spelt out: ``EBP evidence-based practice``.

    Example:
        >>> abbreviations(["coproduction", "evidence_based_practice", "user_centred_design"])
        'EBP evidence-based practice; UCD user-centred design'
    """
    from humanising._reasoning._analysis import registered_models

    models = {model.id: model for model in registered_models()}
    return "; ".join(
        f"{model.short_name} {model.name[0].lower()}{model.name[1:]}"
        for model_id in model_ids
        if (model := models.get(model_id)) is not None and model.short_name.isupper()
    )


def summary_lines(analysis: Analysis) -> tuple[tuple[str, str], ...]:
    """What every report says of an initiative before its verdicts, as (label, text) pairs.

    The quadrant (on the nested reading too, where that differs), what it does to its relationships, the ones it narrows, the ones
    it goes beyond equalising (only when there are some), whether it humanises, and the notes on
    its verdicts and relationships.

    Example:
        >>> import humanising
        >>> for label, text in summary_lines(humanising.analyse(humanising.casebook.load("east-lille-7"))):
        ...     print(f"{label}: {text}")
        Quadrant: beyond equalising and humanising
        Equalising: beyond equalising (bypassed)
        Equalises: nothing
        Beyond equalising: service users running the groups ↔ mental health professionals (power) — service users and mental-health professionals
        Humanises: partly
    """  # noqa: E501 - a doctest line as the report writes it
    initiative = analysis.initiative
    lines = [("Quadrant", analysis.quadrant.value)]
    if analysis.nested_quadrant is not analysis.quadrant:
        lines.append(("Quadrant on the nested reading", analysis.nested_quadrant.value))
    lines += [
        ("Equalising", analysis.equalising.value),
        ("Equalises", equalises_text(analysis)),
    ]
    if analysis.exceeds:
        beyond = "; ".join(relationship_phrase(relationship, initiative) for relationship in analysis.exceeds)
        lines.append(("Beyond equalising", beyond))
    lines.append(("Humanises", analysis.humanises.fit.value))
    lines.extend(("Note", note.text) for note in analysis.notes)
    return tuple(lines)


@attrs.frozen
class Side:
    """Where something sits on one axis of the quadrant chart.

    Attributes:
        axis: The axis's title: ``humanises`` or ``equalises``.
        word: ``yes``, ``no``, ``cannot tell`` when the facts do not say, or (equalises only)
            ``beyond`` when it goes beyond equalising.
    """

    axis: str
    word: str


@attrs.frozen
class Axes:
    """A place on the quadrant chart: a side of each axis, and the quadrant they make."""

    humanises: Side
    equalises: Side
    quadrant: str


BEYOND: Literal["beyond"] = "beyond"
"""The equalising side of an initiative that goes beyond equalising (a relationship bypassed)."""

EqualisingSide: TypeAlias = bool | Literal["beyond"] | None
"""A side of the equalising axis: yes, no, cannot tell, or beyond."""

SIDES: tuple[bool | None, ...] = (False, None, True)
"""The sides of the humanising axis (no, cannot tell, yes), in the order a chart runs from its origin."""

EQUALISING_SIDES: tuple[EqualisingSide, ...] = (False, None, True, BEYOND)
"""The sides of the equalising axis, left to right: going beyond equalising lies past "yes"."""

_WORDS: dict[EqualisingSide, str] = {False: "no", None: "cannot tell", True: "yes", BEYOND: "beyond"}
_QUADRANTS: dict[tuple[bool | None, EqualisingSide], Quadrant] = {
    (True, True): Quadrant.EQUALISING_AND_HUMANISING,
    (True, False): Quadrant.HUMANISING_ONLY,
    (False, True): Quadrant.EQUALISING_ONLY,
    (False, False): Quadrant.NEITHER,
    (True, BEYOND): Quadrant.BEYOND_EQUALISING_AND_HUMANISING,
    (False, BEYOND): Quadrant.BEYOND_EQUALISING_ONLY,
}
_EQUALISING: dict[Equalising, EqualisingSide] = {
    Equalising.OBSERVED: True,
    Equalising.AIM: True,
    Equalising.BEYOND: BEYOND,
    Equalising.NONE: False,
    Equalising.UNDETERMINED: None,
}


def quadrant_axes(place: Analysis | tuple[bool | None, EqualisingSide]) -> Axes:
    """The quadrant chart's axes at an analysis, or at a ``(humanises, equalises)`` cell of the chart.

    Humanises is ``True``, ``False`` or ``None`` (the facts cannot tell); equalises may also be
    ``"beyond"``. A cell with a side that cannot be told is in the ``undetermined`` quadrant. An
    analysis is named by its own quadrant (on the independent reading).

    Example:
        >>> import humanising
        >>> axes = quadrant_axes(humanising.analyse(humanising.casebook.load("sleepwell")))
        >>> axes.humanises.word, axes.equalises.word, axes.quadrant
        ('yes', 'no', 'humanising only')
        >>> quadrant_axes((None, True)).quadrant, quadrant_axes((None, True)).humanises
        ('undetermined', Side(axis='humanises', word='cannot tell'))
        >>> quadrant_axes((True, "beyond")).quadrant
        'beyond equalising and humanising'
    """
    if isinstance(place, Analysis):
        humanising: bool | None = humanising_side(place.humanises)
        equalising = _EQUALISING[place.equalising]
        quadrant = place.quadrant
    else:
        humanising, equalising = place
        quadrant = _QUADRANTS.get((humanising, equalising), Quadrant.UNDETERMINED)
    return Axes(
        Side("humanises", _WORDS[humanising]),
        Side("equalises", _WORDS[equalising]),
        quadrant.value,
    )


@attrs.frozen
class Term:
    """One entry of the glossary the reports link their legends to.

    Attributes:
        anchor: The entry's fragment identifier, ``partly``.
        term: The word as the reports print it.
        meaning: What it means here, in a sentence or two.
    """

    anchor: str
    term: str
    meaning: str


GLOSSARY = (
    Term(
        "essential",
        "essential criterion",
        "A criterion a model cannot do without: one unmet and the model does not fit; one unknown, and none "
        "unmet, and the fit is undetermined.",
    ),
    Term(
        "qualifying",
        "qualifying criterion",
        "A criterion that makes a fit complete: one unmet or unknown, with every essential criterion met, "
        "and the model fits only partly. It never makes a model not fit.",
    ),
    Term("fits", "fits", "Every criterion of the model is met."),
    Term(
        "partly",
        "partly",
        "Every essential criterion is met, and a qualifying one is unmet or unknown. A fit, with a limit.",
    ),
    Term(
        "undetermined",
        "undetermined",
        "An essential criterion is unknown and none is unmet: the facts recorded cannot tell whether the model "
        "fits. The fact that would settle it is named with the verdict. Not the same as partly.",
    ),
    Term("does-not-fit", "does not fit", "An essential criterion is unmet, whatever the others are."),
    Term(
        "ladder",
        "the involvement ladder",
        "How much say a stakeholder has in a stage, lowest first: none, informed (told), consulted (asked, as in "
        "feedback or testing), involved (a real voice in decisions), partner (an equal partner) and leads "
        "(in control). Unknown where the source does not say.",
    ),
    Term(
        "aim-observed",
        "aim against observed",
        "A relationship that narrows as an aim is one the initiative sets out to equalise; observed, one that "
        "was seen to equalise. An aim is never counted as a result.",
    ),
    Term(
        "basis",
        "basis marks",
        "A mark after a fit (·h hedged, ·a an insider's account, ·r an informal report, ·i the case author's "
        "inference) says that a fact deciding it rests, at worst, on something weaker than the case author's "
        "reading of a published source.",
    ),
    Term(
        "equalising",
        "equalising and humanising",
        "Equalising narrows an unequal relationship, such as between service users and professionals; "
        "humanising takes care of people with respect and humanity, without controlling them. An initiative "
        "can do either without the other; the quadrant chart places each.",
    ),
)
"""The words the reports' legends use, each with what it means (the docs' glossary page is made from it)."""
