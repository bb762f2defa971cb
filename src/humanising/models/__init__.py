"""The models: the built-in ones, and the kit a model's author writes one with.

Every name here is public, and the built-in models use nothing else. A model is a
``Model`` whose ``judge`` is a pure function from an ``Initiative`` to a ``Verdict``;
its criteria are ``CriterionSpec`` declarations, and ``criterion()`` records one
result of each for ``Verdict.judge``.

- **Declarations and verdicts**: ``Model``, ``CriterionSpec``, ``criterion``,
  ``Verdict``, ``Note``, ``Fit``, ``Status``, ``fit_of``, ``fit_over_products``, ``RawCriterion``, ``RawNote``.
- **Three-valued judgements**: ``Judgement`` (a value ``True``, ``False`` or ``None``
  for unknown, with the unknown facts that left it open), ``TRUE``, ``FALSE``,
  ``all_of``, ``any_of``, ``negate``, ``judgement_of``.
- **Look-ups over one initiative**, built once and shared by every model:
  ``index_of`` gives its ``Index`` (who takes part where, on which ``Side``, with
  what say); ``sides_of``, ``participation_path``, ``in_stage_order``,
  ``ANY_SIDE``, ``NOT_SERVICE_USER``.
- **Wording**: ``stage_names``, ``seat_phrase``, ``seat_phrases``, ``seats_on``,
  ``paths``, ``is_service_user``, and ``PAPER``, the citation of the paper.
- **Criteria two built-in models share**: ``PRODUCES`` with its check ``produces``, and
  ``roles_dissolved`` with ``ROLES_WORDING``; ``product_roles`` (a product's role
  differentiation, else the initiative's) and ``delivered_with_roles_not_kept``.
- **Registration**: ``BUILTIN_MODELS`` (listed here and nowhere else),
  ``register_model``, ``unregister_model``, ``registered_models``, ``Registry``.

To add a built-in model: write ``humanising/models/<id>.py`` with a pure predicate
and a ``MODEL = Model(...)``, importing only from ``humanising`` and
``humanising.models``; list it in ``BUILTIN_MODELS`` below; add its rows to the
golden table of verdicts, its tests and its docs section.

Example:
    >>> from humanising.models import TRUE, CriterionSpec, Verdict, criterion
    >>> ALWAYS = CriterionSpec("always", True, "Always holds.")
    >>> Verdict.judge("always", (criterion(ALWAYS, TRUE, lambda status: "It holds."),)).fit.value
    'fits'
"""

from __future__ import annotations

from humanising._facts import in_stage_order
from humanising._reasoning._analysis import register_model, registered_models, unregister_model
from humanising._reasoning._evidence import EvidenceItem, Grounds, Wording, product_phrase, stage_names, weakest_basis
from humanising._reasoning._index import (
    ANY_SIDE,
    LIVED_EXPERIENCE,
    NOT_SERVICE_USER,
    WITHOUT_LIVED_EXPERIENCE,
    Index,
    Side,
    Sides,
    index_of,
    participation_path,
    sides_of,
)
from humanising._reasoning._logic import FALSE, TRUE, Judgement, Tri, all_of, any_of, judgement_of, negate
from humanising._reasoning._look import (
    ALL_STAGES,
    Condition,
    FactCheck,
    Look,
    Producing,
    ProductIn,
    Provides,
    StageSet,
    Voice,
    stage_set,
    stages_in,
)
from humanising._reasoning._registry import CriterionSpec, Model, Registry
from humanising._reasoning._verdict import (
    Fit,
    Note,
    RawCriterion,
    RawNote,
    Status,
    Verdict,
    criterion,
    fit_of,
    fit_over_products,
)
from humanising.models._shared import (
    PAPER,
    PRODUCES,
    ROLES_WORDING,
    at_least,
    delivered_with_roles_not_kept,
    is_service_user,
    paths,
    produces,
    product_roles,
    roles_dissolved,
    seat_phrase,
    seat_phrases,
    seats_on,
    stages_of,
    voiced,
    weakest_hedge,
)

# isort: split
# The built-in models import the kit above from this package, so they come after it.
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
"""The built-in models, in the order tables and reports list them."""

__all__ = [
    "ALL_STAGES",
    "ANY_SIDE",
    "BUILTIN_MODELS",
    "FALSE",
    "LIVED_EXPERIENCE",
    "NOT_SERVICE_USER",
    "PAPER",
    "PRODUCES",
    "ROLES_WORDING",
    "TRUE",
    "WITHOUT_LIVED_EXPERIENCE",
    "Condition",
    "CriterionSpec",
    "EvidenceItem",
    "FactCheck",
    "Fit",
    "Grounds",
    "Index",
    "Judgement",
    "Look",
    "Model",
    "Note",
    "Producing",
    "ProductIn",
    "Provides",
    "RawCriterion",
    "RawNote",
    "Registry",
    "Side",
    "Sides",
    "StageSet",
    "Status",
    "Tri",
    "Verdict",
    "Voice",
    "Wording",
    "all_of",
    "any_of",
    "at_least",
    "criterion",
    "delivered_with_roles_not_kept",
    "fit_of",
    "fit_over_products",
    "in_stage_order",
    "index_of",
    "is_service_user",
    "judgement_of",
    "negate",
    "participation_path",
    "paths",
    "produces",
    "product_phrase",
    "product_roles",
    "register_model",
    "registered_models",
    "roles_dissolved",
    "seat_phrase",
    "seat_phrases",
    "seats_on",
    "sides_of",
    "stage_names",
    "stage_set",
    "stages_in",
    "stages_of",
    "unregister_model",
    "voiced",
    "weakest_basis",
    "weakest_hedge",
]
