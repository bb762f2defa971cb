"""Models and frameworks side by side, and where they disagree about co-production.

A model's verdict and a framework's reading answer different questions, so most of
them cannot disagree. The one question both ask is whether something is co-production:
the co-production models (broad sense and gold standard) by their fit, a ladder or a
matrix by whether it reaches its co-production steps. They disagree when one says yes
and the other no:

- a model says yes when it fits or partly fits, no when it does not fit;
- a framework says yes when a co-production step is met, no when every one is unmet;
- an undetermined verdict, an unknown or not expressible step, and a checklist (which
  draws no line) say neither, and so disagree with nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from humanising._facts import Initiative
from humanising._reasoning._analysis import Analysis, analyse
from humanising._reasoning._frameworks import Framework, Reading, StepStatus
from humanising._reasoning._verdict import Fit, Verdict
from humanising.exceptions import NotAnInitiativeError

COPRODUCTION_MODELS = ("coproduction", "coproduction_gold_standard")
"""The models whose verdicts are set against the frameworks' co-production steps."""

_MODEL_SAYS = {Fit.FITS: True, Fit.PARTLY: True, Fit.DOES_NOT_FIT: False}
_FRAMEWORK_SAYS = {StepStatus.MET: True, StepStatus.UNMET: False}


@attrs.frozen
class Disagreement:
    """A co-production model and a framework that say opposite things of one initiative.

    Attributes:
        initiative: The initiative's id.
        model: The model's id.
        fit: The model's fit.
        framework: The framework's id.
        status: Whether the framework's co-production steps are met (``met`` or ``unmet``).
        sentence: The disagreement in words, naming both sides' grounds.

    Example:
        >>> import humanising
        >>> from humanising import frameworks
        >>> comparison = frameworks.compare([humanising.casebook.load("mhf-wales")])
        >>> [(d.model, d.framework) for d in comparison.disagreements][:2]
        [('coproduction', 'arnstein'), ('coproduction_gold_standard', 'arnstein')]
    """

    initiative: str
    model: str
    fit: Fit
    framework: str
    status: StepStatus
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        """The disagreement as plain data."""
        return {
            "initiative": self.initiative,
            "model": self.model,
            "fit": self.fit.value,
            "framework": self.framework,
            "coproduction": self.status.value,
            "sentence": self.sentence,
        }


@attrs.frozen
class ComparisonRow:
    """One initiative: every model's verdict and every framework's reading, and where they disagree.

    Attributes:
        analysis: The initiative's analysis (its verdicts are ``analysis.verdicts``).
        part_of: The id of the programme it is a part of, or ``None``.
        readings: One reading per framework, in the registry's order.
        disagreements: Where a co-production model and a framework say opposite things.

    Example:
        >>> import humanising
        >>> from humanising import frameworks
        >>> row = frameworks.compare([humanising.casebook.load("east-lille-7")]).rows[0]
        >>> row.verdicts["user_led"].fit.value, row.reading("bovaird").position
        ('partly', 'User delivery of a professionally planned service')
    """

    analysis: Analysis
    part_of: str | None
    readings: tuple[Reading, ...]
    disagreements: tuple[Disagreement, ...]

    @property
    def verdicts(self) -> Mapping[str, Verdict]:
        """Every model's verdict, by model id."""
        return self.analysis.verdicts

    def reading(self, framework_id: str) -> Reading:
        """The reading of one framework.

        Raises:
            KeyError: No framework of that id was compared.
        """
        for reading in self.readings:
            if reading.framework.id == framework_id:
                return reading
        raise KeyError(f"no framework {framework_id!r} in this comparison")

    def to_dict(self) -> dict[str, Any]:
        """The row as plain data."""
        initiative = self.analysis.initiative
        return {
            "id": initiative.id,
            "name": initiative.name,
            "part_of": self.part_of,
            "verdicts": {model_id: verdict.fit.value for model_id, verdict in self.verdicts.items()},
            "frameworks": {reading.framework.id: reading.to_dict() for reading in self.readings},
            "disagreements": [disagreement.to_dict() for disagreement in self.disagreements],
        }


@attrs.frozen
class Comparison:
    """Every initiative's verdicts and readings, side by side.

    Attributes:
        rows: One per initiative, a programme followed by its parts.
        frameworks: The frameworks compared, in the registry's order.

    Example:
        >>> import humanising
        >>> from humanising import frameworks
        >>> comparison = frameworks.compare([humanising.casebook.load("east-lille")])
        >>> [row.analysis.initiative.id for row in comparison.rows][:2]
        ['east-lille', 'east-lille-1']
    """

    rows: tuple[ComparisonRow, ...]
    frameworks: tuple[Framework, ...]

    @property
    def disagreements(self) -> tuple[Disagreement, ...]:
        """Every row's disagreements, in row order."""
        return tuple(disagreement for row in self.rows for disagreement in row.disagreements)

    def to_dict(self) -> dict[str, Any]:
        """The comparison as plain data."""
        return {
            "frameworks": [
                {
                    "id": framework.id,
                    "name": framework.name,
                    "citation": framework.citation,
                    "reading": framework.reading,
                }
                for framework in self.frameworks
            ],
            "initiatives": [row.to_dict() for row in self.rows],
        }


def disagreements(analysis: Analysis, readings: Iterable[Reading]) -> tuple[Disagreement, ...]:
    """Where a co-production model's verdict and a framework's co-production steps say opposite things."""
    found = []
    for reading in readings:
        status = reading.coproduction
        framework_says = None if status is None else _FRAMEWORK_SAYS.get(status)
        if framework_says is None:
            continue
        assert status is not None  # noqa: S101 - a framework that says something has a status
        for model_id in COPRODUCTION_MODELS:
            verdict = analysis.verdicts.get(model_id)
            if verdict is None:
                continue
            model_says = _MODEL_SAYS.get(verdict.fit)
            if model_says is None or model_says == framework_says:
                continue
            found.append(
                Disagreement(
                    initiative=analysis.initiative.id,
                    model=model_id,
                    fit=verdict.fit,
                    framework=reading.framework.id,
                    status=status,
                    sentence=_sentence(model_id, verdict.fit, reading, framework_says=framework_says),
                )
            )
    return tuple(found)


def _sentence(model_id: str, fit: Fit, reading: Reading, *, framework_says: bool) -> str:
    framework = reading.framework
    steps = " or ".join(framework.step(step).name for step in framework.coproduction)
    where = "reaches" if framework_says else "does not reach"
    return f"{model_id}: {fit.value}; {framework.name} {where} {steps} (it places it at: {reading.position})."


def _rows(analyses: Iterable[Analysis]) -> list[tuple[Analysis, str | None]]:
    # A programme, then its parts depth first, each id once (as the reports list them).
    found: dict[str, tuple[Analysis, str | None]] = {}

    def visit(analysis: Analysis, part_of: str | None) -> None:
        found.setdefault(analysis.initiative.id, (analysis, part_of))
        for part in analysis.parts:
            visit(part, analysis.initiative.id)

    for analysis in analyses:
        visit(analysis, None)
    return list(found.values())


def compare(items: Iterable[Analysis | Initiative], *, frameworks: Iterable[Framework] | None = None) -> Comparison:
    """Every model's verdict and every framework's reading of each initiative, and where they disagree.

    Args:
        items: Analyses (``humanising.analyse``) or initiatives, which are analysed here.
        frameworks: The frameworks to read them by; by default every built-in one.

    Raises:
        NotAnInitiativeError: An item is neither an analysis nor an initiative (a ``TypeError``).

    Example:
        >>> import humanising
        >>> from humanising import frameworks
        >>> sleepwell = humanising.analyse(humanising.casebook.load("sleepwell"))
        >>> row = frameworks.compare([sleepwell], frameworks=[frameworks.get("tlap")]).rows[0]
        >>> row.reading("tlap").position, row.disagreements
        ('at least Consultation', ())
    """
    from humanising._reasoning._framework_registry import BUILTIN_FRAMEWORKS

    chosen = tuple(BUILTIN_FRAMEWORKS if frameworks is None else frameworks)
    analyses = []
    for item in items:
        if isinstance(item, Analysis):
            analyses.append(item)
        elif isinstance(item, Initiative):
            analyses.append(analyse(item))
        else:
            raise NotAnInitiativeError("compare", item)
    rows = []
    for analysis, part_of in _rows(analyses):
        readings = tuple(framework.read(analysis.initiative) for framework in chosen)
        rows.append(ComparisonRow(analysis, part_of, readings, disagreements(analysis, readings)))
    return Comparison(rows=tuple(rows), frameworks=chosen)
