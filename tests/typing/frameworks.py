"""The frameworks' public calls, as users and the docs make them.

Type-checked by mypy and never run.
"""

from __future__ import annotations

from typing import assert_type

import humanising
from humanising import FactPath, frameworks
from humanising.frameworks import (
    Comparison,
    ComparisonRow,
    Disagreement,
    Framework,
    FrameworkKind,
    Placement,
    Reading,
    Step,
    StepStatus,
)

sleepwell = humanising.casebook.load("sleepwell")
analysis = humanising.analyse(sleepwell)

assert_type(frameworks.frameworks(), tuple[Framework, ...])
bovaird = assert_type(frameworks.get("bovaird"), Framework)
assert_type(bovaird.kind, FrameworkKind)
assert_type(bovaird.step("full"), Step)
reading = assert_type(bovaird.read(sleepwell), Reading)
assert_type(reading.position, str)
assert_type(reading.coproduction, StepStatus | None)
placement = assert_type(reading.placement("full"), Placement)
assert_type(placement.status, StepStatus)
assert_type(placement.facts, tuple[FactPath, ...])

comparison = assert_type(frameworks.compare([analysis, sleepwell]), Comparison)
assert_type(frameworks.compare([sleepwell], frameworks=[bovaird]), Comparison)
assert_type(comparison.rows[0], ComparisonRow)
assert_type(comparison.disagreements, tuple[Disagreement, ...])

bovaird.read("sleepwell")  # type: ignore[arg-type]
frameworks.compare("sleepwell")  # type: ignore[arg-type]
