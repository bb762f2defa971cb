"""Claims: test universal statements about initiatives against real, invented and generated cases.

The paper sharpens concepts against cases until one breaks, and ends on claims about every
initiative: co-production is neither sufficient nor necessary for good things; humanising
is not always equalising. A [`Claim`][humanising.claims.Claim] states such a thing, in
Python (a predicate over an [`Analysis`][humanising.Analysis]) or in a small expression
language read by [`parse`][humanising.claims.parse], without ``eval``:

- a model id alone means it fits (``coproduction``); comparisons use the order
  does not fit < partly < fits (``coproduction >= partly``, ``user_led = fits``,
  ``coproduction_gold_standard <= coproduction``), and an ``undetermined`` verdict makes
  a comparison unknown;
- ``model@stage`` holds where the verdict lists that stage: the stages at which it is
  user-led (``user_led@delivery``) or co-produced (``coproduction@design``);
- ``equalises`` (something narrows, as an aim or observed), ``equalises(kind)``,
  ``equalises(kind, achieved)`` and ``equalises(kind, aim)``, with the kinds of
  [`RelationshipKind`][humanising.RelationshipKind];
- ``humanises``: the humanising verdict fits or partly fits, as the quadrants read it;
- ``met(model, criterion)``: one criterion of a verdict is met;
- ``not``, ``and``, ``or``, ``->`` and parentheses, in Kleene's three-valued logic.

[`check`][humanising.claims.check] judges a claim on every shipped case and any others,
keeping counterexamples and unknown cases apart (an unknown case never supports a claim,
and an invented case is never called real); [`search`][humanising.claims.search] looks for
a counterexample among generated initiatives (it needs hypothesis). [`theses`][humanising.claims.theses]
are the texts' own claims, each with the result the texts lead one to expect.

Example:
    >>> import humanising.claims as claims
    >>> result = claims.check(claims.parse("humanises -> equalises"))
    >>> "sleepwell" in [case.id for case in result.counterexamples if case.real]
    True
    >>> result.outcome.value
    'refuted by a real case'
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import attrs

from humanising._facts import Initiative
from humanising._reasoning._analysis import Analysis, analyse, registered_models
from humanising._reasoning._claims import (
    And,
    Implies,
    Node,
    Not,
    Or,
    Predicate,
    Truth,
    unique,
    words,
)

if TYPE_CHECKING:
    from humanising._reasoning._registry import Model

__all__ = [
    "CaseResult",
    "Claim",
    "ClaimCheck",
    "Outcome",
    "SearchResult",
    "Thesis",
    "check",
    "describe",
    "parse",
    "search",
    "theses",
]


@attrs.frozen(init=False)
class Claim:
    """A universal claim about initiatives: true, false or unknown (``None``) of each analysis.

    Build one from an expression with [`parse`][humanising.claims.parse], or from a Python
    predicate over an ``Analysis`` that returns True, False or None; combine claims with
    ``&`` (and), ``|`` (or), ``~`` (not) and ``>>`` (implies), in Kleene's logic.

    Attributes:
        text: The claim as it reads: its expression, or the text given with a predicate.

    Example:
        >>> import humanising
        >>> from humanising.claims import Claim, parse
        >>> cheap = Claim("no compulsion", lambda a: None if a.initiative.compulsion.value is humanising.UNKNOWN
        ...               else not a.initiative.compulsion.value)
        >>> sleepwell = humanising.analyse(humanising.casebook.load("sleepwell"))
        >>> (parse("humanises") >> parse("equalises"))(sleepwell), str(~cheap | parse("coproduction"))
        (False, 'not no compulsion or coproduction')
    """

    text: str
    _node: Node = attrs.field(eq=False, repr=False, alias="node")

    def __init__(self, text: str, predicate: Callable[[Analysis], Truth]) -> None:
        """A claim from a predicate: ``predicate(analysis)`` is True, False or None (unknown)."""
        given: object = text  # checked at run time, whatever the annotations say
        if not isinstance(given, str) or not given.strip():
            raise ValueError(f"a claim needs a text saying what it claims, got {text!r}")
        if not callable(predicate):
            raise TypeError(f"claim {text!r}: the predicate must be callable, got {predicate!r}")
        self.__attrs_init__(text, Predicate(text, predicate))

    @classmethod
    def _of(cls, node: Node, text: str | None = None) -> Claim:
        claim = cls.__new__(cls)
        claim.__attrs_init__(str(node) if text is None else text, node)
        return claim

    def __call__(self, analysis: Analysis) -> Truth:
        """Whether the claim holds of one analysis: True, False, or None when unknown."""
        if not isinstance(analysis, Analysis):
            raise TypeError(f"a claim is judged on a humanising.Analysis (humanising.analyse(...)), got {analysis!r}")
        return self._node.value(analysis)

    def why(self, analysis: Analysis) -> tuple[str, ...]:
        """What decides the claim's value on ``analysis``: the verdicts and facts its parts read.

        Example:
            >>> import humanising
            >>> from humanising.claims import parse
            >>> parse("humanises -> equalises").why(humanising.analyse(humanising.casebook.load("sleepwell")))
            ('humanises: partly', 'equalising: does not equalise (in-patients and ward staff: unchanged (observed))')
        """
        return unique(self._node.deciding(analysis, self(analysis)))

    def __and__(self, other: Claim) -> Claim:
        return Claim._of(And((self._node, _node_of(other))))

    def __or__(self, other: Claim) -> Claim:
        return Claim._of(Or((self._node, _node_of(other))))

    def __invert__(self) -> Claim:
        return Claim._of(Not(self._node))

    def __rshift__(self, other: Claim) -> Claim:
        return Claim._of(Implies(self._node, _node_of(other)))

    def __str__(self) -> str:
        return self.text


def _node_of(other: object) -> Node:
    if not isinstance(other, Claim):
        raise TypeError(f"a claim combines with another claim, got {other!r}")
    return other._node  # noqa: SLF001 - the same class


def parse(expression: str, *, models: Iterable[Model] | None = None) -> Claim:
    """A claim from an expression in the claims language (see the module), read safely: nothing in it runs.

    Args:
        expression: The expression, e.g. ``"humanises -> equalises"``.
        models: The models whose ids it may name; by default every registered model.

    Raises:
        humanising.exceptions.ClaimSyntaxError: The expression is malformed or names
            something unknown; the message gives the column, a caret under the place and,
            for a misspelt name, the one most likely meant.

    Example:
        >>> from humanising.claims import parse
        >>> str(parse("user_led@design->not coproduction@design"))
        'user_led@design -> not coproduction@design'
        >>> str(parse("coproduction >= partly and (equalises(service_users_and_professionals, achieved) or humanises)"))
        'coproduction >= partly and (equalises(service_users_and_professionals, achieved) or humanises)'
    """
    from humanising._reasoning._claim_syntax import parse as _parse

    chosen = registered_models() if models is None else tuple(models)
    criteria = {model.id: tuple(spec.id for spec in model.criteria) for model in chosen}
    criteria["humanises"] = ("care", "no_imposed_objectives")
    node = _parse(expression, [model.id for model in chosen], criteria)
    return Claim._of(node)  # noqa: SLF001 - the claim's own module


@attrs.frozen
class CaseResult:
    """A claim's value on one case, and what decided it.

    Attributes:
        id: The initiative's id.
        name: Its name.
        value: True, False, or None (unknown).
        real: Whether it is a documented case; ``False`` for an invented one (``illustrative``).
        source: Where it came from: ``casebook``, or the file it was read from.
        why: The verdicts and facts that decide the value.

    Example:
        >>> import humanising, humanising.claims as claims
        >>> (case,) = claims.check(claims.parse("humanises -> equalises"), casebook=False,
        ...                        initiatives=[humanising.casebook.load("sleepwell")]).counterexamples
        >>> case.id, case.value, case.real
        ('sleepwell', False, True)
    """

    id: str
    name: str
    value: Truth
    real: bool
    source: str
    why: tuple[str, ...] = ()


class Outcome(enum.StrEnum):
    """What checking a claim came to.

    Example:
        >>> import humanising.claims as claims
        >>> claims.check(claims.parse("coproduction_gold_standard -> coproduction")).outcome
        <Outcome.HELD: 'held'>
    """

    HELD = "held"
    """No case refutes it (unknown cases, if any, neither support nor refute it)."""
    REFUTED_BY_A_REAL_CASE = "refuted by a real case"
    """A documented case is a counterexample."""
    REFUTED = "refuted"
    """Only invented or generated cases are counterexamples."""


@attrs.frozen
class ClaimCheck:
    """A claim checked on cases: every case's value, the counterexamples and the unknown ones apart.

    Attributes:
        claim: The claim.
        cases: Every case checked, in order, with its value.

    Example:
        >>> import humanising.claims as claims
        >>> result = claims.check(claims.parse("coproduction -> humanises"))
        >>> result.outcome.value, len(result.cases) > 10, [c.id for c in result.counterexamples]
        ('held', True, [])
    """

    claim: Claim
    cases: tuple[CaseResult, ...]

    @property
    def counterexamples(self) -> tuple[CaseResult, ...]:
        """The cases where the claim is false."""
        return tuple(case for case in self.cases if case.value is False)

    @property
    def unknown(self) -> tuple[CaseResult, ...]:
        """The cases where the claim is unknown: they neither support it nor refute it."""
        return tuple(case for case in self.cases if case.value is None)

    @property
    def supporting(self) -> tuple[CaseResult, ...]:
        """The cases where the claim is true."""
        return tuple(case for case in self.cases if case.value is True)

    @property
    def outcome(self) -> Outcome:
        """Refuted by a real case, refuted by an invented one only, or held on these cases."""
        found = self.counterexamples
        if any(case.real for case in found):
            return Outcome.REFUTED_BY_A_REAL_CASE
        return Outcome.REFUTED if found else Outcome.HELD


def _flattened(analysis: Analysis) -> Iterable[Analysis]:
    yield analysis
    for part in analysis.parts:
        yield from _flattened(part)


def _result(claim: Claim, analysis: Analysis, source: str) -> CaseResult:
    value = claim(analysis)
    initiative = analysis.initiative
    return CaseResult(initiative.id, initiative.name, value, not initiative.illustrative, source, claim.why(analysis))


def check(
    claim: Claim,
    initiatives: Iterable[Initiative] = (),
    *,
    casebook: bool = True,
    source: str = "given",
) -> ClaimCheck:
    """Judge a claim on every shipped case and on ``initiatives`` (and each of their parts, each as if alone).

    Args:
        claim: The claim.
        initiatives: Further cases, e.g. read with ``humanising.load_file``.
        casebook: Check the shipped cases too (the default).
        source: What ``CaseResult.source`` says of ``initiatives``.

    Example:
        >>> import humanising.claims as claims
        >>> result = claims.check(claims.parse("humanises -> coproduction"))
        >>> [(c.id, c.real) for c in result.counterexamples][:2]
        [('east-lille-6', True), ('east-lille-7', True)]
    """
    if not isinstance(claim, Claim):
        raise TypeError(f"check: expected a humanising.claims.Claim, got {claim!r}")
    results: list[CaseResult] = []
    if casebook:
        from humanising import casebook as shipped

        # The shipped parts are cases of their own (casebook.load_all lists them), so no flattening.
        results += [_result(claim, analyse(case), "casebook") for case in shipped.load_all()]
    for initiative in initiatives:
        results += [_result(claim, analysis, source) for analysis in _flattened(analyse(initiative))]
    return ClaimCheck(claim, tuple(results))


@attrs.frozen
class SearchResult:
    """A search for a counterexample among generated initiatives.

    Attributes:
        claim: The claim.
        examples: How many generated initiatives were judged (shrinking included).
        seed: The seed the search ran with: the same seed gives the same search.
        counterexample: The simplest counterexample found, shrunk; ``None`` if none was found.
        why: What decides the claim on the counterexample.

    Example:
        >>> import humanising.claims as claims
        >>> found = claims.search(claims.parse("humanises -> equalises"), examples=100, seed=1)
        >>> found.counterexample is not None, found.counterexample.illustrative, found.why[0]
        (True, True, 'humanises: partly')
    """

    claim: Claim
    examples: int
    seed: int
    counterexample: Initiative | None = None
    why: tuple[str, ...] = ()


def search(claim: Claim, *, examples: int | None = None, seed: int = 0) -> SearchResult:
    """Look for a counterexample among generated initiatives (``humanising.strategies``), and shrink it.

    The search writes no example database. It needs hypothesis
    (``pip install 'humanising[strategies]'``). Finding none is not a proof: it says
    only that none of ``examples`` generated initiatives refutes the claim.

    Args:
        claim: The claim.
        examples: How many initiatives to generate at most; by default hypothesis' current
            settings profile's ``max_examples``.
        seed: The seed: the same seed gives the same search and the same counterexample.

    Raises:
        ImportError: hypothesis is not installed.

    Example:
        >>> import humanising.claims as claims
        >>> claims.search(claims.parse("coproduction_gold_standard -> coproduction"), examples=20).counterexample
    """
    import random
    import warnings

    from hypothesis import HealthCheck, Phase, Verbosity, find, settings
    from hypothesis.errors import HypothesisWarning, NoSuchExample

    from humanising import strategies

    if not isinstance(claim, Claim):
        raise TypeError(f"search: expected a humanising.claims.Claim, got {claim!r}")
    budget: object = settings().max_examples if examples is None else examples
    if not isinstance(budget, int) or isinstance(budget, bool) or budget < 1:
        raise ValueError(f"examples={examples!r} must be a whole number of at least 1")
    count = 0

    def refutes(initiative: Initiative) -> bool:
        nonlocal count
        count += 1
        return claim(analyse(initiative)) is False

    chosen = settings(
        max_examples=budget,
        database=None,
        deadline=None,
        phases=(Phase.generate, Phase.shrink),
        suppress_health_check=list(HealthCheck),
        verbosity=Verbosity.quiet,
    )
    try:
        with warnings.catch_warnings():
            # Hypothesis may warn that the repr of its own strategy is large; the search never shows it.
            warnings.simplefilter("ignore", HypothesisWarning)
            found = find(strategies.initiatives(), refutes, settings=chosen, random=random.Random(seed))  # noqa: S311
    except NoSuchExample:
        return SearchResult(claim, count, seed)
    invented = attrs.evolve(found, illustrative=True)
    return SearchResult(claim, count, seed, invented, claim.why(analyse(invented)))


@attrs.frozen
class Thesis:
    """One of the texts' theses, stored as a universal claim with the outcome the texts lead one to expect.

    A thesis of the form "X is not necessary for Y" is stored as the claim "Y -> X" that it
    denies, expected to be refuted.

    Attributes:
        id: A stable id, e.g. ``humanising_is_not_always_equalising``.
        thesis: The thesis, in words.
        expression: The claim, in the claims language.
        expected: The outcome the texts lead one to expect for the claim.
        citation: Where the texts say it (text and section).
        cases: The shipped cases that decide it, when the texts name them.

    Example:
        >>> import humanising.claims as claims
        >>> thesis = {t.id: t for t in claims.theses()}["humanising_is_not_always_equalising"]
        >>> thesis.expression, thesis.expected.value
        ('humanises -> equalises', 'refuted by a real case')
    """

    id: str
    thesis: str
    expression: str
    expected: Outcome
    citation: str
    cases: tuple[str, ...] = ()

    @property
    def claim(self) -> Claim:
        """The claim, parsed against the built-in models."""
        from humanising.models import BUILTIN_MODELS

        return parse(self.expression, models=BUILTIN_MODELS)


_PAPER = "Harcourt and Crepaz-Keay (2023)"
_ESSAY = "essay on Cahn's transformative co-production"


def theses() -> tuple[Thesis, ...]:
    """The texts' theses as claims, each with its expected outcome and its citation.

    Example:
        >>> import humanising.claims as claims
        >>> [t.id for t in claims.theses()][:2]
        ['coproduction_is_not_necessary_for_humanising', 'coproduction_is_not_sufficient_for_humanising']
    """
    from humanising._facts import Stage

    every_stage = " and ".join(f"(user_led@{stage.value} -> not coproduction@{stage.value})" for stage in Stage)
    return (
        Thesis(
            "coproduction_is_not_necessary_for_humanising",
            "Co-production is not necessary for humanising care: the claim that whatever humanises is "
            "co-production is refuted.",
            "humanises -> coproduction",
            Outcome.REFUTED_BY_A_REAL_CASE,
            f'{_PAPER}, abstract (co-production is "neither sufficient, nor necessary")',
            ("sleepwell",),
        ),
        Thesis(
            "coproduction_is_not_sufficient_for_humanising",
            "Co-production is not sufficient for humanising care: the claim that whatever fits co-production, "
            "even in part, humanises is refuted.",
            "coproduction >= partly -> humanises",
            Outcome.REFUTED,
            f'{_PAPER}, abstract (co-production is "neither sufficient, nor necessary")',
            ("illustrative-board-seats",),
        ),
        Thesis(
            "humanising_is_not_always_equalising",
            "Humanising is not always equalising: the claim that whatever humanises equalises a relationship "
            "is refuted.",
            "humanises -> equalises",
            Outcome.REFUTED_BY_A_REAL_CASE,
            f'{_PAPER}, section 5 (the hypothesis "that humanising isn\'t always equalising")',
            ("sleepwell",),
        ),
        Thesis(
            "a_user_led_stage_is_not_coproduced",
            "A stage that is service user-led is not co-produced: where service users lead with no provider "
            "involved, there is no provider to co-produce with.",
            every_stage,
            Outcome.HELD,
            f"{_PAPER}, sections 3 and 4.3",
        ),
        Thesis(
            "the_gold_standard_is_coproduction",
            "Whatever fits the gold standard (equal partners in design and delivery) fits co-production.",
            "coproduction_gold_standard -> coproduction",
            Outcome.HELD,
            f"{_PAPER}, section 2",
            ("illustrative-crisis-service",),
        ),
        Thesis(
            "transformation_needs_power_over_decisions_and_resources",
            "Transformative co-production needs power over decisions and over resources to relocate to service "
            "users, survivors, their organisations or communities.",
            "transformative_coproduction >= partly -> "
            "met(transformative_coproduction, decision_power) and met(transformative_coproduction, resource_power)",
            Outcome.HELD,
            f'{_ESSAY}, opening section (reform that "relocates power")',
            ("illustrative-crisis-service",),
        ),
    )


def describe(value: Truth) -> str:
    """``true``, ``false`` or ``unknown``: a claim's value in words.

    Example:
        >>> from humanising.claims import describe
        >>> describe(None)
        'unknown'
    """
    return words(value)
