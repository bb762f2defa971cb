"""Frameworks of co-production and involvement from the literature, side by side with the models.

The best-known definitions, shipped as data: each [`Framework`][humanising.frameworks.Framework]
has its citation, its steps (a matrix's cells, a ladder's rungs, a checklist's principles) and,
for each step, a crosswalk onto this library's facts. Reading an initiative gives every step a
[`Placement`][humanising.frameworks.Placement]: met, unmet, unknown, or not expressible with
these facts (a rung defined by intent, say), always with the facts it used and a reason
written from them. Every crosswalk is this library's reading, not the framework's authors'.

- [`frameworks()`][humanising.frameworks.frameworks] and [`get`][humanising.frameworks.get]:
  the registry: Bovaird's (2007) planning-by-delivery matrix, the Think Local Act Personal
  ladder, Arnstein's ladder (1969), the IAP2 spectrum, the Involvement Matrix (Smits et al.
  2020), and the NEF/Nesta (Boyle and Harris 2009) and NIHR (2021) principles.
- [`compare`][humanising.frameworks.compare]: every model's verdict and every framework's
  reading of each initiative, and where a co-production model and a framework disagree.

``classify`` and ``analyse`` never read frameworks: the models' verdicts and speed do not
depend on them.

Example:
    >>> import humanising
    >>> from humanising import frameworks
    >>> reading = frameworks.get("bovaird").read(humanising.casebook.load("illustrative-crisis-service"))
    >>> reading.position
    'Full user/professional co-production'
    >>> for path in sorted(reading.placement("full").facts):
    ...     print(path)
    participations[crisis-team@delivery].involvement
    participations[crisis-team@design].involvement
    participations[peers@delivery].involvement
    participations[peers@design].involvement
"""

from __future__ import annotations

from humanising._reasoning._comparison import (
    COPRODUCTION_MODELS,
    Comparison,
    ComparisonRow,
    Disagreement,
    compare,
)
from humanising._reasoning._framework_registry import BUILTIN_FRAMEWORKS, get
from humanising._reasoning._frameworks import Framework, FrameworkKind, Placement, Reading, Step, StepStatus

__all__ = [
    "COPRODUCTION_MODELS",
    "Comparison",
    "ComparisonRow",
    "Disagreement",
    "Framework",
    "FrameworkKind",
    "Placement",
    "Reading",
    "Step",
    "StepStatus",
    "compare",
    "frameworks",
    "get",
]


def frameworks() -> tuple[Framework, ...]:
    """Every built-in framework, matrices and ladders before checklists.

    Example:
        >>> from humanising import frameworks
        >>> [framework.id for framework in frameworks.frameworks()]
        ['bovaird', 'tlap', 'arnstein', 'iap2', 'involvement_matrix', 'nef_nesta', 'nihr']
    """
    return BUILTIN_FRAMEWORKS
