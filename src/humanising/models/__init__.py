"""The built-in models, one module each, registered here and nowhere else.

To add a model: write ``humanising/models/<id>.py`` with a pure predicate and a
``MODEL = Model(...)``, list it in ``BUILTIN_MODELS`` below, and add its tests.
"""

from __future__ import annotations

from humanising._reasoning._registry import Model
from humanising.models import (
    community_involvement,
    coproduction,
    coproduction_gold_standard,
    evidence_based_practice,
    transformative_coproduction,
    user_centred_design,
    user_led,
)

BUILTIN_MODELS: tuple[Model, ...] = (
    coproduction.MODEL,
    coproduction_gold_standard.MODEL,
    evidence_based_practice.MODEL,
    user_led.MODEL,
    community_involvement.MODEL,
    user_centred_design.MODEL,
    transformative_coproduction.MODEL,
)

__all__ = ["BUILTIN_MODELS"]
