"""Frameworks of co-production and involvement from the literature, read through this library's facts.

A framework is data: its citation, its steps (rungs of a ladder, cells of a matrix,
principles of a checklist), and for each step a crosswalk onto the facts, a check run
in evidence mode that returns a three-valued judgement with the facts that decided it.
A step defined by something no fact records (an intent, a feeling) has no check: it is
"not expressible", and says which facts come nearest and why they do not decide it.

Frameworks sit in a registry of their own. ``classify`` never reads them, so the
models' verdicts and their speed do not depend on them.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from typing import TypeAlias

import attrs

from humanising._facts import Initiative
from humanising._facts._paths import FactPath
from humanising._reasoning._evidence import EvidenceItem, Grounds, Wording
from humanising._reasoning._logic import Judgement, unique
from humanising._reasoning._look import Look, evidence_look
from humanising._reasoning._verdict import Status
from humanising.exceptions import NotAnInitiativeError

Check: TypeAlias = Callable[[Look], Judgement]
"""A crosswalk: the look's three-valued answer, with the evidence that decided it."""


class FrameworkKind(enum.StrEnum):
    """The shape of a framework: how its steps relate to one another.

    Example:
        >>> [kind.value for kind in FrameworkKind]
        ['matrix', 'ladder', 'checklist']
    """

    MATRIX = "matrix"
    """Cells along two axes; an initiative sits in one (or, for a roles-by-phases grid, several)."""
    LADDER = "ladder"
    """Rungs, lowest first; a rung is met when the initiative reaches it or a higher one."""
    CHECKLIST = "checklist"
    """Principles, each met or not on its own."""


class StepStatus(enum.StrEnum):
    """The result of one step's crosswalk.

    Example:
        >>> [status.value for status in StepStatus]
        ['met', 'unmet', 'unknown', 'not expressible']
    """

    MET = "met"
    UNMET = "unmet"
    UNKNOWN = "unknown"
    NOT_EXPRESSIBLE = "not expressible"
    """No fact this library records can decide the step (it is defined by intent, say)."""


_STATUS_OF: Mapping[bool | None, StepStatus] = {
    True: StepStatus.MET,
    False: StepStatus.UNMET,
    None: StepStatus.UNKNOWN,
}
_CRITERION_STATUS = {
    StepStatus.MET: Status.MET,
    StepStatus.UNMET: Status.UNMET,
    StepStatus.UNKNOWN: Status.UNKNOWN,
}


@attrs.frozen
class Step:
    """One rung, cell or principle of a framework, with this library's crosswalk onto its facts.

    Attributes:
        id: A stable short id, unique within its framework (``co_design``).
        name: The step's name, as the framework's authors call it or in a close paraphrase.
        meaning: What the framework means by it, paraphrased.
        crosswalk: How this library reads it from facts, in words; for a step that is not
            expressible, which facts come nearest and why they do not decide it.
        check: The crosswalk as a check of a look, or ``None`` where the step is not expressible.
        wording: The reason's wording when met, unmet and unknown (``None`` with no check).

    Example:
        >>> from humanising import frameworks
        >>> step = frameworks.get("arnstein").step("therapy")
        >>> step.expressible, step.crosswalk.startswith("the rung is defined by the powerholders' intent")
        (False, True)
    """

    id: str
    name: str
    meaning: str
    crosswalk: str
    check: Check | None = attrs.field(default=None, eq=False)
    wording: Wording | None = attrs.field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        if (self.check is None) != (self.wording is None):
            raise ValueError(f"step {self.id!r}: a check needs a wording and a wording a check")

    @property
    def expressible(self) -> bool:
        """Whether the library's facts can decide the step."""
        return self.check is not None


@attrs.frozen
class Placement:
    """One step's crosswalk result for one initiative.

    Attributes:
        step: The step's id.
        status: Met, unmet, unknown, or not expressible with these facts.
        reason: A sentence written from the facts that decided it, with their hedge.
        evidence: The facts that decided it (empty where the step is not expressible).

    Example:
        >>> import humanising
        >>> from humanising import frameworks
        >>> reading = frameworks.get("arnstein").read(humanising.casebook.load("sleepwell"))
        >>> reading.placement("manipulation").status.value
        'not expressible'
    """

    step: str
    status: StepStatus
    reason: str
    evidence: tuple[EvidenceItem, ...] = ()

    @property
    def facts(self) -> tuple[FactPath, ...]:
        """The paths of the facts it used, each once, in the order first met."""
        return tuple(item.path for item in self.evidence)

    def to_dict(self) -> dict[str, object]:
        """The placement as plain data."""
        return {
            "step": self.step,
            "status": self.status.value,
            "reason": self.reason,
            "facts": [item.to_dict() for item in self.evidence],
        }


@attrs.frozen
class Framework:
    """A framework of co-production or involvement from the literature, with this library's crosswalk.

    Attributes:
        id: A stable short id (``bovaird``).
        name: Its name.
        short_name: A column heading: ``Bovaird``, ``TLAP``.
        kind: Matrix, ladder or checklist.
        citation: The work it comes from.
        summary: What it distinguishes, paraphrased.
        steps: Its steps: rungs lowest first, cells row by row, or principles in the authors' order.
        coproduction: The steps whose meeting counts as co-production where ``compare`` sets the
            framework beside the models (a ladder's lowest co-production rung); empty for a
            checklist, which draws no such line.
        reading: Whose reading the crosswalk is: always this library's, not the authors'.

    Example:
        >>> from humanising import frameworks
        >>> ladder = frameworks.get("tlap")
        >>> [step.id for step in ladder.steps][-2:]
        ['co_design', 'co_production']
    """

    id: str
    name: str
    short_name: str
    kind: FrameworkKind
    citation: str
    summary: str
    steps: tuple[Step, ...]
    coproduction: tuple[str, ...] = ()
    reading: str = attrs.field(default="")

    def __attrs_post_init__(self) -> None:
        ids = [step.id for step in self.steps]
        if len(set(ids)) != len(ids):
            raise ValueError(f"framework {self.id!r}: step ids repeat: {ids}")
        unknown = set(self.coproduction) - set(ids)
        if unknown:
            raise ValueError(f"framework {self.id!r}: no step {sorted(unknown)} to count as co-production")
        if not self.reading:
            object.__setattr__(
                self,
                "reading",
                f"This crosswalk is humanising's reading of {self.name} through its own facts, "
                "not the framework authors' own.",
            )

    def step(self, step_id: str) -> Step:
        """The step of that id.

        Raises:
            KeyError: It has no such step.
        """
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(f"{self.id} has no step {step_id!r}; its steps are {', '.join(s.id for s in self.steps)}")

    def read(self, initiative: Initiative) -> Reading:
        """Every step's crosswalk result for ``initiative``.

        Pure: it reads the initiative's evidence look, which the initiative keeps.

        Raises:
            NotAnInitiativeError: ``initiative`` is not an ``Initiative`` (a ``TypeError``).
        """
        if not isinstance(initiative, Initiative):
            raise NotAnInitiativeError(f"{self.id}.read", initiative)
        look = evidence_look(initiative)
        return Reading(
            framework=self,
            initiative=initiative.id,
            placements=tuple(_place(step, look) for step in self.steps),
        )


def _place(step: Step, look: Look) -> Placement:
    if step.check is None or step.wording is None:
        return Placement(step.id, StepStatus.NOT_EXPRESSIBLE, f"Not expressible with these facts: {step.crosswalk}")
    value, items = step.check(look)
    status = _STATUS_OF[value]
    evidence = unique(items)
    grounds = Grounds(_CRITERION_STATUS[status], evidence, look.index)
    return Placement(step.id, status, step.wording.render(grounds), evidence)


@attrs.frozen
class Reading:
    """A framework's reading of one initiative: every step's placement.

    Attributes:
        framework: The framework.
        initiative: The initiative's id.
        placements: One per step, in the framework's order.

    Example:
        >>> import humanising
        >>> from humanising import frameworks
        >>> reading = frameworks.get("iap2").read(humanising.casebook.load("illustrative-crisis-service"))
        >>> reading.position
        'Collaborate'
    """

    framework: Framework
    initiative: str
    placements: tuple[Placement, ...]

    def placement(self, step_id: str) -> Placement:
        """The placement of one step.

        Raises:
            KeyError: The framework has no such step.
        """
        found = {placement.step: placement for placement in self.placements}.get(step_id)
        if found is None:
            raise KeyError(f"{self.framework.id} has no step {step_id!r}")
        return found

    def with_status(self, status: StepStatus) -> tuple[Placement, ...]:
        """The placements of that status, in the framework's order."""
        return tuple(placement for placement in self.placements if placement.status is status)

    @property
    def position(self) -> str:
        """Where the initiative sits, in a few words.

        A ladder: its highest rung met (``at least consultation`` while a higher one is unknown;
        ``below informing`` when none is met). A matrix: the cells met, else ``unknown`` while
        some are, else ``outside the matrix``. A checklist: how many principles are met.
        """
        names = {step.id: step.name for step in self.framework.steps}
        met = self.with_status(StepStatus.MET)
        unknown = self.with_status(StepStatus.UNKNOWN)
        kind = self.framework.kind
        if kind is FrameworkKind.LADDER:
            return _ladder_position(self.placements, names)
        if kind is FrameworkKind.MATRIX:
            if met:
                return "; ".join(names[placement.step] for placement in met)
            return "unknown" if unknown else "outside the matrix"
        expressible = [p for p in self.placements if p.status is not StepStatus.NOT_EXPRESSIBLE]
        said = f"{len(met)} of {len(expressible)} expressible met"
        return f"{said}, {len(unknown)} unknown" if unknown else said

    @property
    def coproduction(self) -> StepStatus | None:
        """Whether it reaches the framework's co-production steps.

        Met if any is, unknown if any is unknown (or not expressible), else unmet; ``None``
        for a framework that draws no such line.
        """
        if not self.framework.coproduction:
            return None
        statuses = {self.placement(step).status for step in self.framework.coproduction}
        if StepStatus.MET in statuses:
            return StepStatus.MET
        if statuses & {StepStatus.UNKNOWN, StepStatus.NOT_EXPRESSIBLE}:
            return StepStatus.UNKNOWN
        return StepStatus.UNMET

    def to_dict(self) -> dict[str, object]:
        """The reading as plain data."""
        coproduction = self.coproduction
        return {
            "framework": self.framework.id,
            "initiative": self.initiative,
            "position": self.position,
            "coproduction": None if coproduction is None else coproduction.value,
            "reading": self.framework.reading,
            "placements": [placement.to_dict() for placement in self.placements],
        }


def _ladder_position(placements: Iterable[Placement], names: Mapping[str, str]) -> str:
    # Rungs are cumulative: the highest met is the position, a higher unknown one makes it "at least".
    highest: str | None = None
    open_above = False
    for placement in placements:
        if placement.status is StepStatus.MET:
            highest, open_above = placement.step, False
        elif placement.status is StepStatus.UNKNOWN:
            open_above = True
    if highest is None:
        lowest = next((p.step for p in placements if p.status is not StepStatus.NOT_EXPRESSIBLE), None)
        below = f"below {names[lowest]}" if lowest is not None else "unplaced"
        return "unknown" if open_above else below
    return f"at least {names[highest]}" if open_above else names[highest]
