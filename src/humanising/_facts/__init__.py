"""Layer 1, the facts: what an initiative is, with no reasoning about it.

The vocabulary (``_vocabulary``), unknown values and their basis (``_unknown``),
the converters and validators (``_checks``), the attrs classes (``_facts``) and
fact paths (``_paths``). Nothing here imports the reasoning layer or the edges.
"""

from __future__ import annotations

from humanising._facts._facts import (
    DesignProcess,
    Evidence,
    FailedPartnership,
    HumanisingFeature,
    Initiative,
    Locator,
    Observations,
    Participation,
    Product,
    Relationship,
    Revision,
    Source,
    Stakeholder,
)
from humanising._facts._unknown import UNKNOWN, Basis, Fact, Unknown
from humanising._facts._vocabulary import (
    AgendaSetter,
    Aspect,
    Change,
    Claim,
    DissentHandling,
    Domain,
    FeatureKind,
    GoalSetter,
    Identity,
    Involvement,
    ProductKind,
    Role,
    RoleDifferentiation,
    Scale,
    Stage,
    Term,
    in_stage_order,
)

__all__ = [
    "UNKNOWN",
    "AgendaSetter",
    "Aspect",
    "Basis",
    "Change",
    "Claim",
    "DesignProcess",
    "DissentHandling",
    "Domain",
    "Evidence",
    "Fact",
    "FailedPartnership",
    "FeatureKind",
    "GoalSetter",
    "HumanisingFeature",
    "Identity",
    "Initiative",
    "Involvement",
    "Locator",
    "Observations",
    "Participation",
    "Product",
    "ProductKind",
    "Relationship",
    "Revision",
    "Role",
    "RoleDifferentiation",
    "Scale",
    "Source",
    "Stage",
    "Stakeholder",
    "Term",
    "Unknown",
    "in_stage_order",
]
