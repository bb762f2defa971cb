"""Evidence-based practice, as the paper sets out its steps (section 4.1).

Topic experts identify a clinical question or problem; the existing research is
searched and appraised; the evidence is applied to practice; and outcomes may be
evaluated to test and develop the evidence base. Service-user involvement is
neither required nor excluded, so this model never looks at participations.
"""

from __future__ import annotations

from humanising import FactPath
from humanising.models import PAPER, CriterionSpec, FactCheck, Model, Wording

MODEL_ID = "evidence_based_practice"

_QUESTION = FactPath("evidence", "question_by_topic_experts")
_SEARCH = FactPath("evidence", "literature_searched")
_APPLIED = FactPath("evidence", "evidence_applied")
_EVALUATED = FactPath("evidence", "outcomes_evaluated")
_SECTION = "paper, section 4.1"


QUESTION = CriterionSpec(
    "question",
    True,
    "Topic experts identify a clinical question or problem.",
    source=_SECTION,
    check=FactCheck(_QUESTION),
    wording=Wording(
        met="Topic experts identified a clinical question or problem{hedge}{note}.",
        unmet="Topic experts did not identify a clinical question or problem{hedge}{note}.",
        unknown="It is unknown whether topic experts identified a clinical question or problem{note}.",
    ),
)
SEARCH = CriterionSpec(
    "search",
    True,
    "The existing research is searched and appraised.",
    source=_SECTION,
    check=FactCheck(_SEARCH),
    wording=Wording(
        met="The existing research was searched and appraised (finding little or none still counts){hedge}{note}.",
        unmet="The existing research was not searched{hedge}{note}.",
        unknown="It is unknown whether the existing research was searched and appraised{note}.",
    ),
)
APPLIED = CriterionSpec(
    "applied",
    True,
    "The evidence is applied to practice.",
    source=_SECTION,
    check=FactCheck(_APPLIED),
    wording=Wording(
        met="The evidence was applied to practice: it drove the case for change{hedge}{note}.",
        unmet="The evidence was not what drove the change{hedge}{note}.",
        unknown="It is unknown whether the evidence was applied to practice{note}.",
    ),
)
EVALUATED = CriterionSpec(
    "evaluated",
    False,
    "Outcomes are evaluated, e.g. in a pilot.",
    source=_SECTION,
    check=FactCheck(_EVALUATED),
    wording=Wording(
        met="Outcomes were evaluated, testing and developing the evidence base{hedge}{note}.",
        unmet="Outcomes were not evaluated{hedge}{note}.",
        unknown="It is unknown whether outcomes were evaluated{note}.",
    ),
)

MODEL: Model = Model.declared(
    id=MODEL_ID,
    name="Evidence-based practice",
    short_name="EBP",
    summary="The best available research evidence, found and appraised, drives decisions about the service.",
    source=f"{PAPER}, sections 3 and 4.1",
    criteria=(QUESTION, SEARCH, APPLIED, EVALUATED),
)
"""Essential: a question set by topic experts; a search and appraisal of the research; the
evidence applied. Qualifying: outcomes evaluated.

Example:
    >>> import humanising
    >>> MODEL.judge(humanising.casebook.load("sleepwell")).fit.value
    'fits'
"""
