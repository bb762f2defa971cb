"""Hypothesis strategies for humanising's facts, for property-based tests.

Use them to test code that reads initiatives (a report, a contributed model, a
converter) against many valid initiatives rather than a handful of examples.

This module needs hypothesis, which comes with the ``strategies`` extra
(from a clone: ``.venv/bin/python -m pip install '.[strategies]'``). It is the only module of humanising
that imports hypothesis, and ``import humanising`` does not import it: import it
yourself, conventionally as ``hst``.

The strategies, in hypothesis' style (plural nouns, keyword-only options):

- [`initiatives()`][humanising.strategies.initiatives] and
  [`programmes()`][humanising.strategies.programmes] (initiatives with parts):
  whole, valid initiatives. Most tests need nothing else.
- The facts they are made of, for building your own: ``stakeholders()``,
  ``participations(stakeholders=...)``, ``products()``,
  ``relationships(stakeholders=...)``, ``evidence()``, ``design_processes()``,
  ``observations()``, ``barriers_met()``, ``humanising_features()``, ``revisions()``,
  ``failed_partnerships(stakeholders=...)``, ``sources()``, and
  ``facts(values)`` for any fact that may be unknown.
- Values: ``ids()``, ``identities()``, ``roles()``, ``stages()``,
  ``involvements()``, ``domains()``, ``product_kinds()``, ``aspects()``,
  ``changes()``, ``bases()``.

Every strategy draws facts that are valid by construction, so building them never
raises: ids are unique, references name defined stakeholders, a participation's
capacity is one of its stakeholder's identities, and a stakeholder takes part in a
stage at most once. Facts are sometimes ``UNKNOWN`` (each with a random
[`Basis`][humanising.Basis] and note) unless ``allow_unknown=False``. Arguments are
checked when a strategy is made: a bad one raises
``hypothesis.errors.InvalidArgument`` at once, not when the first example is drawn.
Examples shrink towards small initiatives whose facts are unknown or at their defaults.

Text fields (names, notes, descriptions) hold any Unicode that UTF-8 can encode,
so the strategies also exercise serialisation; ids are slugs.

Example:
    A test that every initiative survives a round trip through plain data:

    >>> import humanising
    >>> from hypothesis import given, settings
    >>> from humanising import strategies as hst
    >>> @settings(max_examples=5, database=None, deadline=None)
    ... @given(hst.initiatives())
    ... def test_round_trip(initiative):
    ...     assert humanising.structure(humanising.unstructure(initiative)) == initiative
    >>> test_round_trip()
"""

from __future__ import annotations

import enum
import functools
import operator
import string
from collections.abc import Sequence
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from humanising._facts import (
    AgendaSetter,
    Aspect,
    Barrier,
    BarrierMet,
    BarrierOutcome,
    Change,
    Claim,
    Coding,
    DesignProcess,
    DissentHandling,
    Domain,
    Evidence,
    FailedPartnership,
    FeatureKind,
    GoalSetter,
    HumanisingFeature,
    Identity,
    Initiative,
    Involvement,
    Observations,
    Participation,
    Product,
    ProductKind,
    Relationship,
    Revision,
    Role,
    RoleDifferentiation,
    RunBy,
    Scale,
    Source,
    Stage,
    Stakeholder,
)
from humanising._facts._unknown import UNKNOWN, Basis, Fact, Unknown

__all__ = [
    "aspects",
    "barriers_met",
    "bases",
    "changes",
    "design_processes",
    "domains",
    "evidence",
    "facts",
    "failed_partnerships",
    "humanising_features",
    "identities",
    "ids",
    "initiatives",
    "involvements",
    "observations",
    "participations",
    "product_kinds",
    "products",
    "programmes",
    "relationships",
    "revisions",
    "roles",
    "sources",
    "stages",
    "stakeholders",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

_PRODUCING = (Stage.DESIGN, Stage.DELIVERY)

# Text as case files hold it: any Unicode that UTF-8 can encode (no lone surrogates).
_CHARACTERS = st.characters(codec="utf-8")
_QUARTER = st.integers(0, 3)
# A letter, then up to nine of letters, digits, '-' and '_' (cheaper to draw than from_regex).
_IDS = st.builds(
    operator.add,
    st.sampled_from(string.ascii_lowercase),
    st.text(string.ascii_lowercase + string.digits + "-_", max_size=9),
)
# References to stakeholders are drawn as positions, taken modulo the number of
# stakeholders, so that the strategies are built once and shrink towards the first.
_POSITIONS = st.integers(0, 15)


# --- argument checks: eager, so that a mistake shows where the strategy is made


def _check_bool(name: str, value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r} must be True or False")


def _check_size(name: str, value: object, *, minimum: int = 0) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise InvalidArgument(f"{name}={value!r} must be an integer of at least {minimum}")
    return value


def _check_strategy(name: str, value: object) -> None:
    if not isinstance(value, st.SearchStrategy):
        raise InvalidArgument(f"{name}={value!r} must be a hypothesis strategy")


def _check_stakeholders(value: object, *, minimum: int, purpose: str) -> tuple[Stakeholder, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise InvalidArgument(f"stakeholders={value!r} must be a sequence of humanising.Stakeholder")
    found = tuple(value)
    for item in found:
        if not isinstance(item, Stakeholder):
            raise InvalidArgument(f"stakeholders must hold humanising.Stakeholder objects, not {item!r}")
    if len({s.id for s in found}) != len(found):
        raise InvalidArgument(f"stakeholders must have unique ids, got {[s.id for s in found]!r}")
    if len(found) < minimum:
        raise InvalidArgument(f"{purpose} needs at least {minimum} stakeholder(s), got {len(found)}")
    return found


def _level(name: str, value: object, default: Involvement) -> Involvement:
    if value is None:
        return default
    if not isinstance(value, Involvement):
        raise InvalidArgument(f"{name}={value!r} must be a humanising.Involvement or None")
    return value


# --- small pieces


def _texts(*, max_size: int = 16) -> st.SearchStrategy[str]:
    # Non-empty, and not only whitespace, as names and descriptions must be.
    return st.text(_CHARACTERS, min_size=1, max_size=max_size).filter(str.strip)


def _notes() -> st.SearchStrategy[str]:
    # Often no note, as in case files.
    return st.one_of(st.just(""), st.text(_CHARACTERS, max_size=20))


def _members(enum_type: type[E]) -> st.SearchStrategy[E]:
    return st.sampled_from(list(enum_type))


def ids() -> st.SearchStrategy[str]:
    """Ids (slugs) for stakeholders, products and initiatives: lower-case letters, digits, ``-`` and ``_``.

    Example:
        >>> import re
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(ids())
        ... def check(slug):
        ...     assert re.fullmatch(r"[a-z0-9][a-z0-9_-]*", slug)
        >>> check()
    """
    return _default_ids()


def _default_ids() -> st.SearchStrategy[str]:
    return _IDS


def identities() -> st.SearchStrategy[Identity]:
    """Identities a stakeholder can have, shrinking towards ``service_user``.

    Example:
        >>> from hypothesis import given, settings
        >>> from humanising import Identity
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(identities())
        ... def check(identity):
        ...     assert isinstance(identity, Identity)
        >>> check()
    """
    return _members(Identity)


def roles() -> st.SearchStrategy[Role]:
    """Roles a stakeholder can play in an initiative.

    Example:
        >>> from hypothesis import given, settings
        >>> from humanising import Role
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(roles())
        ... def check(role):
        ...     assert isinstance(role, Role)
        >>> check()
    """
    return _members(Role)


def stages() -> st.SearchStrategy[Stage]:
    """Stages of an initiative, every stage equally likely.

    Example:
        >>> from hypothesis import given, settings
        >>> from humanising import Stage
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(stages())
        ... def check(stage):
        ...     assert isinstance(stage, Stage)
        >>> check()
    """
    return _members(Stage)


def _likely_stages() -> st.SearchStrategy[Stage]:
    # Half the time a producing stage (design or delivery), where the models look most.
    return st.one_of(st.sampled_from(_PRODUCING), stages())


def bases() -> st.SearchStrategy[Basis]:
    """What a known fact rests on, shrinking towards ``published``.

    Example:
        >>> from hypothesis import given, settings
        >>> from humanising import Basis
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(bases())
        ... def check(basis):
        ...     assert isinstance(basis, Basis)
        >>> check()
    """
    return _members(Basis)


def product_kinds() -> st.SearchStrategy[ProductKind]:
    """Kinds of product, ``nothing`` included.

    Example:
        >>> from hypothesis import given, settings
        >>> from humanising import ProductKind
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(product_kinds())
        ... def check(kind):
        ...     assert isinstance(kind, ProductKind)
        >>> check()
    """
    return _members(ProductKind)


def domains(*, allow_unknown: bool = False) -> st.SearchStrategy[Domain | Unknown]:
    """Service domains of a product, and ``UNKNOWN`` if allowed.

    Args:
        allow_unknown: Whether to draw ``UNKNOWN`` too.

    Example:
        >>> from hypothesis import given, settings
        >>> from humanising import Domain
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(domains())
        ... def check(domain):
        ...     assert isinstance(domain, Domain)
        >>> check()
    """
    _check_bool("allow_unknown", allow_unknown)
    return st.sampled_from([*Domain, UNKNOWN] if allow_unknown else list(Domain))


def aspects() -> st.SearchStrategy[Aspect]:
    """Aspects in which a relationship is unequal.

    Example:
        >>> from hypothesis import given, settings
        >>> from humanising import Aspect
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(aspects())
        ... def check(aspect):
        ...     assert isinstance(aspect, Aspect)
        >>> check()
    """
    return _members(Aspect)


def changes(*, allow_unknown: bool = True) -> st.SearchStrategy[Change]:
    """What an initiative does to a relationship; ``unknown`` only if allowed.

    Args:
        allow_unknown: Whether to draw ``Change.UNKNOWN`` too.

    Example:
        >>> from hypothesis import given, settings
        >>> from humanising import Change
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(changes(allow_unknown=False))
        ... def check(change):
        ...     assert change is not Change.UNKNOWN
        >>> check()
    """
    _check_bool("allow_unknown", allow_unknown)
    return st.sampled_from([change for change in Change if allow_unknown or change is not Change.UNKNOWN])


def involvements(
    *,
    min_value: Involvement | None = None,
    max_value: Involvement | None = None,
    allow_unknown: bool = False,
) -> st.SearchStrategy[Involvement | Unknown]:
    """Levels of involvement on the ladder from ``none`` to ``leads``, and ``UNKNOWN`` if allowed.

    Args:
        min_value: The lowest level to draw (default ``none``).
        max_value: The highest level to draw (default ``leads``).
        allow_unknown: Whether to draw ``UNKNOWN`` too.

    Example:
        >>> from hypothesis import given, settings
        >>> from humanising import Involvement
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(involvements(min_value=Involvement.INVOLVED))
        ... def check(level):
        ...     assert level.at_least(Involvement.INVOLVED)
        >>> check()
    """
    low = _level("min_value", min_value, Involvement.NONE)
    high = _level("max_value", max_value, Involvement.LEADS)
    _check_bool("allow_unknown", allow_unknown)
    if low.rank > high.rank:
        raise InvalidArgument(f"min_value={low.value!r} is above max_value={high.value!r}")
    return _levels(low, high, allow_unknown=allow_unknown)


def _levels(low: Involvement, high: Involvement, *, allow_unknown: bool) -> st.SearchStrategy[Involvement | Unknown]:
    levels: list[Involvement | Unknown] = [level for level in Involvement if low.rank <= level.rank <= high.rank]
    if allow_unknown:
        levels.append(UNKNOWN)
    return st.sampled_from(levels)


def facts(values: st.SearchStrategy[T], *, allow_unknown: bool = True) -> st.SearchStrategy[Fact[T]]:
    """Facts whose value is drawn from ``values``, or sometimes ``UNKNOWN``, each with a random basis and note.

    Shrinks towards an unknown fact, the default of every fact in an initiative.

    Args:
        values: The known values.
        allow_unknown: Whether the value may be ``UNKNOWN`` (about one draw in four).

    Example:
        >>> from hypothesis import given, settings, strategies as st
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(facts(st.booleans(), allow_unknown=False))
        ... def check(fact):
        ...     assert fact.is_known and isinstance(fact.value, bool)
        >>> check()
    """
    _check_strategy("values", values)
    _check_bool("allow_unknown", allow_unknown)
    return _facts(values, allow_unknown=allow_unknown)


def _choice_facts(choices: Sequence[T], *, allow_unknown: bool) -> st.SearchStrategy[Fact[T]]:
    """Facts with one of a few values (booleans, enum members), drawn in one go from every combination.

    Cheaper than ``facts`` (an initiative has a few dozen such facts); notes come
    from a handful of awkward strings rather than any text. Shrinks towards an
    unknown, published fact with no note.
    """
    values: list[T | Unknown] = [UNKNOWN, *choices] if allow_unknown else list(choices)
    return st.sampled_from(
        [
            Fact(value, basis, note, coder)
            for value in values
            for basis in Basis
            for note in _FACT_NOTES
            for coder in _FACT_CODERS
        ]
    )


# Notes of choice facts: none, and a few strings that need care in YAML and JSON.
_FACT_NOTES = ("", "as far as we can tell", "true", "ünïcode — ✓ 'quoted': yes", "two\nlines")
# Coders of choice facts: mostly the case file's own (none named), sometimes a second coder.
_FACT_CODERS = ("", "", "JB")


@st.composite
def _facts(draw: st.DrawFn, values: st.SearchStrategy[T], *, allow_unknown: bool) -> Fact[T]:
    # One draw in four is unknown; 0, the shrinker's favourite, is the unknown one.
    value: T | Unknown = UNKNOWN if allow_unknown and draw(_QUARTER) == 0 else draw(values)
    basis, note = draw(_BASES_AND_NOTES)
    return Fact(value, basis, note, draw(_CODERS))


def sources() -> st.SearchStrategy[Source]:
    """Citations, with or without a locator.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(sources())
        ... def check(source):
        ...     assert source.citation.strip()
        >>> check()
    """
    return st.builds(Source, _texts(max_size=60), _notes())


def stakeholders(
    *,
    ids: st.SearchStrategy[str] | None = None,
    max_identities: int = 3,
    allow_unknown: bool = True,
) -> st.SearchStrategy[Stakeholder]:
    """Stakeholders with one or more identities and some roles.

    An organisation's ``user_run`` is drawn as a fact (sometimes unknown); for
    anyone else it stays unknown, as the model requires. To draw several
    stakeholders for one initiative, keep their ids unique:
    ``st.lists(stakeholders(), unique_by=lambda s: s.id)``.

    Args:
        ids: The ids to draw from (default [`ids()`][humanising.strategies.ids]).
        max_identities: The most identities one stakeholder has (at least 1).
        allow_unknown: Whether an organisation's ``user_run`` may be unknown.

    Example:
        >>> from hypothesis import given, settings
        >>> from humanising import Identity
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(stakeholders(allow_unknown=False))
        ... def check(stakeholder):
        ...     assert stakeholder.user_run.is_known == (Identity.ORGANISATION in stakeholder.identities)
        >>> check()
    """
    if ids is None:
        ids = _default_ids()
    _check_strategy("ids", ids)
    _check_size("max_identities", max_identities, minimum=1)
    _check_bool("allow_unknown", allow_unknown)
    return _stakeholders(
        ids,
        st.frozensets(identities(), min_size=1, max_size=max_identities),
        _choice_facts(_FLAGS, allow_unknown=allow_unknown),
    )


@st.composite
def _stakeholders(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str],
    kinds: st.SearchStrategy[frozenset[Identity]],
    user_run: st.SearchStrategy[Fact[bool]],
) -> Stakeholder:
    identity_set = draw(kinds)
    run = draw(user_run) if Identity.ORGANISATION in identity_set else Fact(UNKNOWN)
    return Stakeholder(
        id=draw(ids),
        name=draw(_NAMES),
        identities=identity_set,
        roles=draw(_ROLE_SETS),
        user_run=run,
        note=draw(_NOTES),
        # A professional or an organisation sometimes provides a service of its own domain.
        domain=draw(_PROVIDED_DOMAINS) if identity_set & _MAY_PROVIDE else None,
        # Who runs a user-run organisation is sometimes said.
        run_by=draw(_RUN_BY) if run.value is True else None,
        avoided_services=draw(_AVOIDED) if identity_set & _LIVED else Fact(UNKNOWN),
    )


_RUN_BY = st.one_of(st.none(), st.sampled_from(RunBy))
_LIVED = frozenset({Identity.SERVICE_USER, Identity.SURVIVOR})
_AVOIDED = st.one_of(st.just(Fact(UNKNOWN)), st.builds(Fact, st.booleans()))


def _pick(people: tuple[Stakeholder, ...], position: int) -> Stakeholder:
    return people[position % len(people)]


def _raw_participations(
    stages: st.SearchStrategy[Stage], involvements: st.SearchStrategy[Involvement | Unknown]
) -> st.SearchStrategy[tuple[int, Stage, Involvement | Unknown, int, Basis, str, str]]:
    return st.tuples(_POSITIONS, stages, involvements, _POSITIONS, bases(), _NOTES, _CODERS)


def _participation(
    people: tuple[Stakeholder, ...], raw: tuple[int, Stage, Involvement | Unknown, int, Basis, str, str]
) -> Participation:
    who, stage, involvement, capacity, basis, note, coder = raw
    stakeholder = _pick(people, who)
    capacities = sorted(stakeholder.identities)
    return Participation(
        stakeholder=stakeholder.id,
        stage=stage,
        involvement=involvement,
        capacity=capacities[capacity % len(capacities)],
        basis=basis,
        note=note,
        coder=coder,
    )


def participations(
    *,
    stakeholders: Sequence[Stakeholder],
    stages: st.SearchStrategy[Stage] | None = None,
    involvements: st.SearchStrategy[Involvement | Unknown] | None = None,
    allow_unknown: bool = True,
) -> st.SearchStrategy[Participation]:
    """Participations by one of ``stakeholders``, in a capacity among its identities.

    To draw the participations of one initiative, keep one per stakeholder and
    stage: ``st.lists(participations(stakeholders=s), unique_by=lambda p: (p.stakeholder, p.stage))``.

    Args:
        stakeholders: The stakeholders who may take part (at least one, unique ids).
        stages: The stages to draw from (default: design or delivery half the
            time, any stage otherwise).
        involvements: The levels to draw from (default: any level, and ``UNKNOWN``
            if ``allow_unknown``).
        allow_unknown: Whether the default involvements include ``UNKNOWN``.

    Example:
        >>> from hypothesis import given, settings
        >>> from humanising import Stakeholder
        >>> nurse = Stakeholder(id="nurse", name="a nurse", identities={"mental_health_professional"})
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(participations(stakeholders=[nurse]))
        ... def check(participation):
        ...     assert participation.capacity in nurse.identities
        >>> check()
    """
    people = _check_stakeholders(stakeholders, minimum=1, purpose="participations()")
    _check_bool("allow_unknown", allow_unknown)
    if stages is None:
        stages = _LIKELY_STAGES
    _check_strategy("stages", stages)
    if involvements is None:
        involvements = _levels(Involvement.NONE, Involvement.LEADS, allow_unknown=allow_unknown)
    _check_strategy("involvements", involvements)
    return _raw_participations(stages, involvements).map(functools.partial(_participation, people))


def products(*, ids: st.SearchStrategy[str] | None = None, allow_unknown: bool = True) -> st.SearchStrategy[Product]:
    """Products of any kind (``nothing`` included), each produced at one or more stages.

    Half are produced at design and delivery (the default); the others at any stages. Each has
    a basis and, sometimes, a note, as a coded product has.

    Args:
        ids: The ids to draw from (default [`ids()`][humanising.strategies.ids]).
        allow_unknown: Whether the product's domain may be unknown.

    Example:
        >>> from hypothesis import given, settings
        >>> from humanising import UNKNOWN
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(products(allow_unknown=False))
        ... def check(product):
        ...     assert product.domain is not UNKNOWN
        >>> check()
    """
    if ids is None:
        ids = _default_ids()
    _check_strategy("ids", ids)
    _check_bool("allow_unknown", allow_unknown)
    return st.builds(
        Product,
        id=ids,
        name=_NAMES,
        kind=product_kinds(),
        domain=domains(allow_unknown=allow_unknown),
        stages=st.one_of(st.just(frozenset(_PRODUCING)), st.frozensets(stages(), min_size=1, max_size=3)),
        basis=bases(),
        note=_NOTES,
        coder=_CODERS,
    )


def _raw_relationships(
    *, allow_unknown: bool
) -> st.SearchStrategy[tuple[int, int, Aspect, Change, Claim, Basis, str, str]]:
    return st.tuples(
        _POSITIONS,
        _POSITIONS,
        aspects(),
        changes(allow_unknown=allow_unknown),
        _members(Claim),
        bases(),
        _NOTES,
        _CODERS,
    )


def _relationship(
    people: tuple[Stakeholder, ...], raw: tuple[int, int, Aspect, Change, Claim, Basis, str, str]
) -> Relationship:
    first, offset, aspect, change, claim, basis, note, coder = raw
    # The second party is another stakeholder: a non-zero step round the list from the first.
    one = first % len(people)
    other = (one + 1 + offset % (len(people) - 1)) % len(people)
    return Relationship(
        between=(people[one].id, people[other].id),
        aspect=aspect,
        change=change,
        claim=claim,
        basis=basis,
        note=note,
        coder=coder,
    )


def relationships(
    *, stakeholders: Sequence[Stakeholder], allow_unknown: bool = True
) -> st.SearchStrategy[Relationship]:
    """Relationships between two different ones of ``stakeholders``, and what the initiative does to them.

    Args:
        stakeholders: The stakeholders (at least two, unique ids).
        allow_unknown: Whether the change may be ``unknown``.

    Example:
        >>> from hypothesis import given, settings
        >>> from humanising import Stakeholder
        >>> users = Stakeholder(id="users", name="service users", identities={"service_user"})
        >>> staff = Stakeholder(id="staff", name="ward staff", identities={"mental_health_professional"})
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(relationships(stakeholders=[users, staff]))
        ... def check(relationship):
        ...     assert set(relationship.between) == {"users", "staff"}
        >>> check()
    """
    people = _check_stakeholders(stakeholders, minimum=2, purpose="relationships()")
    _check_bool("allow_unknown", allow_unknown)
    return _raw_relationships(allow_unknown=allow_unknown).map(functools.partial(_relationship, people))


def _revision(people: tuple[Stakeholder, ...], raw: tuple[str, frozenset[int], Basis]) -> Revision:
    description, answers, basis = raw
    return Revision(
        description=description,
        answers=frozenset(_pick(people, position).id for position in answers) if people else frozenset(),
        basis=basis,
    )


def revisions(*, stakeholders: Sequence[Stakeholder] = ()) -> st.SearchStrategy[Revision]:
    """Revisions to a design, each answering the concerns of some of ``stakeholders``.

    Args:
        stakeholders: Whose concerns a revision may answer (none: it answers nobody's).

    Example:
        >>> from hypothesis import given, settings
        >>> from humanising import Stakeholder
        >>> staff = Stakeholder(id="staff", name="ward staff", identities={"mental_health_professional"})
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(revisions(stakeholders=[staff]))
        ... def check(revision):
        ...     assert revision.answers <= {"staff"}
        >>> check()
    """
    people = _check_stakeholders(stakeholders, minimum=0, purpose="revisions()")
    return _RAW_REVISIONS_WITH_BASIS.map(functools.partial(_revision, people))


def _failed_partnership(people: tuple[Stakeholder, ...], raw: tuple[int, str, Basis]) -> FailedPartnership:
    position, why, basis = raw
    return FailedPartnership(partner=_pick(people, position).id, why=why, basis=basis)


def failed_partnerships(*, stakeholders: Sequence[Stakeholder]) -> st.SearchStrategy[FailedPartnership]:
    """Partnerships sought with one of ``stakeholders`` but not established.

    Args:
        stakeholders: Who a partnership may have been sought with (at least one).

    Example:
        >>> from hypothesis import given, settings
        >>> from humanising import Stakeholder
        >>> services = Stakeholder(id="services", name="local services", identities={"organisation"})
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(failed_partnerships(stakeholders=[services]))
        ... def check(failed):
        ...     assert failed.partner == "services"
        >>> check()
    """
    people = _check_stakeholders(stakeholders, minimum=1, purpose="failed_partnerships()")
    return _RAW_FAILED.map(functools.partial(_failed_partnership, people))


def humanising_features() -> st.SearchStrategy[HumanisingFeature]:
    """Ways an initiative shows respect and humanity, each with its basis.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(humanising_features())
        ... def check(feature):
        ...     assert feature.description.strip()
        >>> check()
    """
    return st.builds(
        HumanisingFeature, kind=_members(FeatureKind), description=_DESCRIPTIONS, basis=bases(), coder=_CODERS
    )


def barriers_met() -> st.SearchStrategy[BarrierMet]:
    """Institutional barriers an initiative met and overcame or went around, each with what was done.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(barriers_met())
        ... def check(met):
        ...     assert met.how.strip()
        >>> check()
    """
    return st.builds(
        BarrierMet,
        barrier=_members(Barrier),
        outcome=_members(BarrierOutcome),
        how=_DESCRIPTIONS,
        basis=bases(),
        coder=_CODERS,
    )


def evidence(*, allow_unknown: bool = True) -> st.SearchStrategy[Evidence]:
    """The evidence-based-practice steps of an initiative, each a fact.

    Args:
        allow_unknown: Whether a step may be unknown.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(evidence(allow_unknown=False))
        ... def check(steps):
        ...     assert steps.literature_searched.is_known
        >>> check()
    """
    _check_bool("allow_unknown", allow_unknown)
    step = _choice_facts(_FLAGS, allow_unknown=allow_unknown)
    return st.builds(
        Evidence,
        question_by_topic_experts=step,
        literature_searched=step,
        evidence_applied=step,
        outcomes_evaluated=step,
    )


def observations(*, allow_unknown: bool = True) -> st.SearchStrategy[Observations]:
    """What an initiative shows of power, agenda and institutional habit (the essay on Cahn), each a fact.

    Args:
        allow_unknown: Whether an observation may be unknown.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(observations(allow_unknown=False))
        ... def check(seen):
        ...     assert seen.agenda_set_by.is_known and seen.dissent.is_known
        >>> check()
    """
    _check_bool("allow_unknown", allow_unknown)
    flag = _choice_facts(_FLAGS, allow_unknown=allow_unknown)
    return st.builds(
        Observations,
        agenda_set_by=_choice_facts(list(AgendaSetter), allow_unknown=allow_unknown),
        goals_set_by=_choice_facts(list(GoalSetter), allow_unknown=allow_unknown),
        user_knowledge_equal_status=flag,
        assets_view=flag,
        dissent=_choice_facts(list(DissentHandling), allow_unknown=allow_unknown),
        change_superficial=flag,
        user_organisations_excluded=flag,
        absorbed_into_procedure=flag,
        judged_by_category=flag,
        risk_aversion=flag,
        conformity_demanded=flag,
        scale=_choice_facts(list(Scale), allow_unknown=allow_unknown),
        coproduction_attempted=flag,
        mainstream_service=flag,
        barriers_met=st.lists(barriers_met(), max_size=2).map(tuple),
        responsibility_on_individual=flag,
        market_choice=flag,
        support_withdrawn=flag,
        public_governance=flag,
    )


_RawDesign = tuple[Fact[bool], Fact[bool], Fact[bool], Fact[tuple[tuple[str, frozenset[int], Basis], ...]]]


def _raw_design_processes(*, max_revisions: int, allow_unknown: bool) -> st.SearchStrategy[_RawDesign]:
    step = _choice_facts(_FLAGS, allow_unknown=allow_unknown)
    made = st.lists(_RAW_REVISIONS_WITH_BASIS, max_size=max_revisions).map(tuple)
    raw_revisions = facts(made, allow_unknown=allow_unknown)
    return st.tuples(step, step, step, raw_revisions)


def _design_process(people: tuple[Stakeholder, ...], raw: _RawDesign) -> DesignProcess:
    research, ideation, prototyping, raw_revisions = raw
    made = raw_revisions.value
    known: Fact[tuple[Revision, ...]] = Fact(
        UNKNOWN if made is UNKNOWN else tuple(_revision(people, item) for item in made),
        raw_revisions.basis,
        raw_revisions.note,
    )
    return DesignProcess(end_user_research=research, ideation=ideation, prototyping=prototyping, revisions=known)


def design_processes(
    *, stakeholders: Sequence[Stakeholder] = (), max_revisions: int = 3, allow_unknown: bool = True
) -> st.SearchStrategy[DesignProcess]:
    """How an initiative was designed; revisions answer some of ``stakeholders``.

    Args:
        stakeholders: Whose concerns a revision may answer.
        max_revisions: The most revisions drawn.
        allow_unknown: Whether a step, or the list of revisions, may be unknown.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None, deadline=None)
        ... @given(design_processes(allow_unknown=False))
        ... def check(process):
        ...     assert process.revisions.is_known
        >>> check()
    """
    people = _check_stakeholders(stakeholders, minimum=0, purpose="design_processes()")
    _check_size("max_revisions", max_revisions)
    _check_bool("allow_unknown", allow_unknown)
    raw = _raw_design_processes(max_revisions=max_revisions, allow_unknown=allow_unknown)
    return raw.map(functools.partial(_design_process, people))


def initiatives(
    *,
    ids: st.SearchStrategy[str] | None = None,
    max_stakeholders: int = 5,
    max_products: int = 3,
    max_participations: int = 10,
    max_relationships: int = 3,
    max_parts: int = 0,
    allow_unknown: bool = True,
) -> st.SearchStrategy[Initiative]:
    """Valid initiatives: stakeholders, products, participations, relationships and every other fact.

    Stakeholder and product ids are unique; participations, relationships,
    revisions and failed partnerships refer to defined stakeholders; each
    participation's capacity is one of its stakeholder's identities, at most one
    per stakeholder and stage; organisations are sometimes known to be user-run
    or not. Evidence, design process, observations and the other facts are drawn
    too. Half the participations are at design or delivery, where the models look
    most. With ``max_parts`` above zero, some initiatives are programmes whose
    parts (initiatives without parts of their own) have ids unique within it.

    Args:
        ids: The ids to draw from (default [`ids()`][humanising.strategies.ids]).
        max_stakeholders: The most stakeholders.
        max_products: The most products.
        max_participations: The most participations.
        max_relationships: The most relationships.
        max_parts: The most parts (0: no programmes).
        allow_unknown: Whether facts may be unknown. With ``False`` every fact is
            known, at least one product is recorded and no relationship's change
            is unknown, so no verdict is undetermined.

    Example:
        >>> import humanising
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=5, database=None, deadline=None)
        ... @given(initiatives(allow_unknown=False))
        ... def check(initiative):
        ...     verdicts = humanising.classify(initiative).values()
        ...     assert all(verdict.fit is not humanising.Fit.UNDETERMINED for verdict in verdicts)
        >>> check()
    """
    if ids is None:
        ids = _default_ids()
    _check_strategy("ids", ids)
    sizes = _Sizes(
        stakeholders=_check_size("max_stakeholders", max_stakeholders),
        products=_check_size("max_products", max_products),
        participations=_check_size("max_participations", max_participations),
        relationships=_check_size("max_relationships", max_relationships),
    )
    _check_size("max_parts", max_parts)
    _check_bool("allow_unknown", allow_unknown)
    if not allow_unknown and max_products < 1:
        raise InvalidArgument("allow_unknown=False needs max_products >= 1: no product recorded is an unknown fact")
    return _plan(ids, sizes, min_parts=0, max_parts=max_parts, allow_unknown=allow_unknown)


def programmes(
    *,
    ids: st.SearchStrategy[str] | None = None,
    min_parts: int = 1,
    max_parts: int = 4,
    max_stakeholders: int = 4,
    allow_unknown: bool = True,
) -> st.SearchStrategy[Initiative]:
    """Programmes: initiatives with parts, each part an initiative in its own right.

    Parts have no parts of their own; their ids differ from each other and from the programme's.

    Args:
        ids: The ids to draw from (default [`ids()`][humanising.strategies.ids]).
        min_parts: The fewest parts (at least 1).
        max_parts: The most parts.
        max_stakeholders: The most stakeholders of the programme and of each part.
        allow_unknown: Whether facts may be unknown.

    Example:
        >>> import humanising
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=5, database=None, deadline=None)
        ... @given(programmes(max_parts=2))
        ... def check(programme):
        ...     assert len(humanising.analyse(programme).parts) == len(programme.parts) >= 1
        >>> check()
    """
    if ids is None:
        ids = _default_ids()
    _check_strategy("ids", ids)
    _check_size("min_parts", min_parts, minimum=1)
    _check_size("max_parts", max_parts, minimum=min_parts)
    _check_bool("allow_unknown", allow_unknown)
    sizes = _Sizes(
        stakeholders=_check_size("max_stakeholders", max_stakeholders), products=2, participations=6, relationships=2
    )
    return _plan(ids, sizes, min_parts=min_parts, max_parts=max_parts, allow_unknown=allow_unknown)


@attrs.frozen
class _Sizes:
    stakeholders: int
    products: int
    participations: int
    relationships: int


@attrs.frozen
class _Plan:
    """The strategies an initiative is drawn from, built once per ``initiatives()`` call."""

    ids: st.SearchStrategy[str]
    stakeholders: st.SearchStrategy[list[Stakeholder]]
    products: st.SearchStrategy[list[Product]]
    participations: st.SearchStrategy[list[tuple[int, Stage, Involvement | Unknown, int, Basis, str, str]]]
    relationships: st.SearchStrategy[list[tuple[int, int, Aspect, Change, Claim, Basis, str, str]]]
    failed_partnerships: st.SearchStrategy[list[tuple[int, str, Basis]]]
    evidence: st.SearchStrategy[Evidence]
    design_process: st.SearchStrategy[_RawDesign]
    role_differentiation: st.SearchStrategy[Fact[RoleDifferentiation]]
    flag: st.SearchStrategy[Fact[bool]]
    humanising_features: st.SearchStrategy[Fact[tuple[HumanisingFeature, ...]]]
    observations: st.SearchStrategy[Observations]
    silent_stages: st.SearchStrategy[frozenset[Stage]]
    parts: st.SearchStrategy[list[Initiative]] | None


def _plan(
    ids: st.SearchStrategy[str], sizes: _Sizes, *, min_parts: int, max_parts: int, allow_unknown: bool
) -> st.SearchStrategy[Initiative]:
    parts = None
    if max_parts:
        parts = st.lists(
            _plan(ids, sizes, min_parts=0, max_parts=0, allow_unknown=allow_unknown),
            min_size=min_parts,
            max_size=max_parts,
            unique_by=lambda part: part.id,
        )
    plan = _Plan(
        ids=ids,
        stakeholders=st.lists(
            stakeholders(ids=ids, allow_unknown=allow_unknown), max_size=sizes.stakeholders, unique_by=lambda s: s.id
        ),
        products=st.lists(
            products(ids=ids, allow_unknown=allow_unknown),
            min_size=0 if allow_unknown else 1,
            max_size=sizes.products,
            unique_by=lambda p: p.id,
        ),
        participations=st.lists(
            _raw_participations(
                _LIKELY_STAGES, _levels(Involvement.NONE, Involvement.LEADS, allow_unknown=allow_unknown)
            ),
            max_size=sizes.participations,
        ),
        relationships=st.lists(_raw_relationships(allow_unknown=allow_unknown), max_size=sizes.relationships),
        failed_partnerships=st.lists(_RAW_FAILED, max_size=2),
        evidence=evidence(allow_unknown=allow_unknown),
        design_process=_raw_design_processes(max_revisions=3, allow_unknown=allow_unknown),
        role_differentiation=_choice_facts(list(RoleDifferentiation), allow_unknown=allow_unknown),
        flag=_choice_facts(_FLAGS, allow_unknown=allow_unknown),
        humanising_features=facts(st.lists(humanising_features(), max_size=3).map(tuple), allow_unknown=allow_unknown),
        # Half the time nothing is observed, as in most case files (and cheaper to draw).
        observations=st.one_of(st.just(Observations()), observations(allow_unknown=allow_unknown))
        if allow_unknown
        else observations(allow_unknown=False),
        # Now and then a stage the sources are silent about: a kind of unknown.
        silent_stages=st.one_of(st.just(frozenset()), st.frozensets(_LIKELY_STAGES, max_size=2))
        if allow_unknown
        else st.just(frozenset()),
        parts=parts,
    )
    return _initiatives(plan)


@st.composite
def _initiatives(draw: st.DrawFn, plan: _Plan) -> Initiative:
    people = tuple(draw(plan.stakeholders))
    fields: dict[str, Any] = {
        "name": draw(_NAMES),
        "summary": draw(_NOTES),
        "place": draw(_NOTES),
        "period": draw(_NOTES),
        "illustrative": draw(st.booleans()),
        "sources": draw(_SOURCE_LISTS),
        "coded_by": draw(_CODED_BY),
        "stakeholders": people,
        "products": draw(plan.products),
        "evidence": draw(plan.evidence),
        "design_process": _design_process(people, draw(plan.design_process)),
        "role_differentiation": draw(plan.role_differentiation),
        "compulsion": draw(plan.flag),
        "paid_employment": draw(plan.flag),
        "user_knowledge_shapes_product": draw(plan.flag),
        "humanising_features": draw(plan.humanising_features),
        "observations": draw(plan.observations),
        "silent_stages": draw(plan.silent_stages),
    }
    if people:
        taking_part: dict[tuple[str, Stage], Participation] = {}
        for raw in draw(plan.participations):
            participation = _participation(people, raw)
            # At most one participation per stakeholder and stage: the first one drawn.
            taking_part.setdefault((participation.stakeholder, participation.stage), participation)
        fields["participations"] = tuple(taking_part.values())
        failed = draw(plan.failed_partnerships)
        fields["failed_partnerships"] = tuple(_failed_partnership(people, raw) for raw in failed)
    if len(people) >= 2:
        fields["relationships"] = tuple(_relationship(people, raw) for raw in draw(plan.relationships))
    initiative_id = draw(plan.ids)
    if plan.parts is not None:
        parts = tuple(draw(plan.parts))
        taken = {part.id for part in parts}
        while initiative_id in taken:
            initiative_id += "-0"
        fields["parts"] = parts
    return Initiative(id=initiative_id, **fields)


_NAMES = _texts()
_DESCRIPTIONS = _texts(max_size=30)
_NOTES = _notes()
# Mostly no coder named (the case file's own); sometimes one, in any Unicode.
_CODERS = st.one_of(st.just(""), st.sampled_from(("RH", "JB")), _texts(max_size=12))
_CODED_BY = st.one_of(
    st.none(),
    st.builds(Coding, st.sampled_from(("RH", "JB")) | _texts(max_size=12).filter(str.strip), st.none() | st.dates()),
)
_FLAGS = (False, True)
# Half the facts are published and have no note, as in most case files.
_BASES_AND_NOTES = st.one_of(st.just((Basis.PUBLISHED, "")), st.tuples(bases(), _NOTES))
_ROLE_SETS = st.frozensets(roles(), max_size=3)
_SOURCE_LISTS = st.lists(sources(), max_size=2).map(tuple)
_LIKELY_STAGES = _likely_stages()
_PROVIDED_DOMAINS = st.one_of(st.none(), st.sampled_from(list(Domain)))
_MAY_PROVIDE = frozenset({Identity.OTHER_PROFESSIONAL, Identity.ORGANISATION})
_RAW_REVISIONS_WITH_BASIS = st.tuples(_DESCRIPTIONS, st.frozensets(_POSITIONS, max_size=3), bases())
_RAW_FAILED = st.tuples(_POSITIONS, _DESCRIPTIONS, bases())
