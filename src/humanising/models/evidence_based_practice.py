"""Evidence-based practice, as the paper sets out its steps (section 4.1).

Topic experts identify a clinical question or problem; the existing research is
searched and appraised; the evidence is applied to practice; and outcomes may be
evaluated to test and develop the evidence base. Service-user involvement is
neither required nor excluded, so this model never looks at participations.
"""

from __future__ import annotations

from humanising import Fact, FactPath, Initiative
from humanising.models import (
    PAPER,
    CriterionSpec,
    Model,
    RawCriterion,
    Status,
    Verdict,
    criterion,
    judgement_of,
)

_EVIDENCE_APPLIED_PATH = FactPath("evidence", "evidence_applied")
_LITERATURE_SEARCHED_PATH = FactPath("evidence", "literature_searched")
_OUTCOMES_EVALUATED_PATH = FactPath("evidence", "outcomes_evaluated")
_QUESTION_BY_TOPIC_EXPERTS_PATH = FactPath("evidence", "question_by_topic_experts")

# Enum members are slow to look up on Python 3.11 (its EnumType defines __getattr__),
# so the ones used while judging are bound once here.
_MET = Status.MET
_STATUS_UNKNOWN = Status.UNKNOWN

MODEL_ID = "evidence_based_practice"

QUESTION = CriterionSpec("question", True, "Topic experts identify a clinical question or problem.")
SEARCH = CriterionSpec("search", True, "The existing research is searched and appraised.")
APPLIED = CriterionSpec("applied", True, "The evidence is applied to practice.")
EVALUATED = CriterionSpec("evaluated", False, "Outcomes are evaluated, e.g. in a pilot.")

_WORDING = {
    "question": (
        "topic experts identified a clinical question or problem",
        "topic experts did not identify a clinical question or problem",
        "topic experts identified a clinical question or problem",
    ),
    "search": (
        "the existing research was searched and appraised (finding little or none still counts)",
        "the existing research was not searched",
        "the existing research was searched and appraised",
    ),
    "applied": (
        "the evidence was applied to practice: it drove the case for change",
        "the evidence was not what drove the change",
        "the evidence was applied to practice",
    ),
    "evaluated": (
        "outcomes were evaluated, testing and developing the evidence base",
        "outcomes were not evaluated",
        "outcomes were evaluated",
    ),
}


def _render(status: Status, key: str, hedge: str, note: str) -> str:
    met, unmet, question = _WORDING[key]
    if status is _STATUS_UNKNOWN:
        sentence = f"It is unknown whether {question}"
    else:
        sentence = (met if status is _MET else unmet) + hedge
    sentence = sentence[0].upper() + sentence[1:]
    return f"{sentence}{f' ({note})' if note else ''}."


def _step(declared: CriterionSpec, path: FactPath, fact: Fact[bool]) -> RawCriterion:
    return criterion(declared, judgement_of(fact, path), _render, declared.id, fact.hedge, fact.note, facts=(path,))


def evidence_based_practice(initiative: Initiative) -> Verdict:
    """Judge whether an initiative is evidence-based practice.

    Essential: a question set by topic experts; a search and appraisal of the
    research; the evidence applied. Qualifying: outcomes evaluated.

    Args:
        initiative: The initiative to judge.

    Returns:
        The verdict, with one result per step.

    Example:
        >>> import humanising
        >>> evidence_based_practice(humanising.casebook.load("sleepwell")).fit.value
        'fits'
    """
    evidence = initiative.evidence
    return Verdict.judge(
        MODEL_ID,
        (
            _step(QUESTION, _QUESTION_BY_TOPIC_EXPERTS_PATH, evidence.question_by_topic_experts),
            _step(SEARCH, _LITERATURE_SEARCHED_PATH, evidence.literature_searched),
            _step(APPLIED, _EVIDENCE_APPLIED_PATH, evidence.evidence_applied),
            _step(EVALUATED, _OUTCOMES_EVALUATED_PATH, evidence.outcomes_evaluated),
        ),
    )


MODEL: Model = Model(
    id=MODEL_ID,
    name="Evidence-based practice",
    short_name="EBP",
    judge=evidence_based_practice,
    summary="The best available research evidence, found and appraised, drives decisions about the service.",
    source=f"{PAPER}, sections 3 and 4.1",
    criteria=(QUESTION, SEARCH, APPLIED, EVALUATED),
)
