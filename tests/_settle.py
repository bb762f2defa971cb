"""Unknown and known facts of an initiative by fact path, for the laws about undetermined verdicts.

A verdict names the unknown facts that would settle it by path:
``participations[patients@design].involvement``, ``stakeholders[trust].user_run``,
``products[service].domain``, ``products`` (none recorded), and a ``Fact`` field
either of the initiative (``role_differentiation``, ``humanising_features``, ...)
or of one of its groups of facts (``evidence.literature_searched``,
``design_process.revisions``, ``observations.dissent``, ...).

``unknown_paths`` lists every unknown fact of an initiative in that form,
``values_for`` draws a known value for one, and ``fill`` returns the initiative
with it set, through the library's own ``humanising.settle``. ``known_paths`` and
``forget`` go the other way, to make undetermined initiatives out of decided ones.
``Fact`` fields are found from the type hints, so a new boolean or enum-valued fact
needs nothing here; any other path form fails loudly with ``UnfillableError``.
"""

from __future__ import annotations

import enum
import functools
import typing
from collections.abc import Iterable
from typing import Any

import attrs
from hypothesis import strategies as st

import humanising
from humanising import (
    UNKNOWN,
    Fact,
    FactPath,
    HumanisingFeature,
    Identity,
    Initiative,
    PathKey,
    Revision,
    Stage,
)
from humanising import strategies as hst

_PRODUCTS = FactPath("products")


def _form(path: FactPath) -> str:
    """The form of a path: ``participation``, ``user_run``, ``domain``, ``products`` or ``fact``."""
    match path.steps:
        case ("participations", PathKey(), "involvement"):
            return "participation"
        case ("stakeholders", PathKey(), "user_run"):
            return "user_run"
        case ("products", PathKey(), "domain"):
            return "domain"
        case ("products",):
            return "products"
        case ("silent_stages", PathKey()):
            return "silent_stage"
    return "fact"


class UnfillableError(AssertionError):
    """A fact path this helper cannot fill: teach it the new form."""


def _fact_fields(cls: type[Any]) -> dict[str, Any]:
    """The ``Fact`` fields of an attrs class, each with the type of its known value."""
    hints = typing.get_type_hints(cls)
    return {
        field.name: typing.get_args(hints[field.name])[0]
        for field in attrs.fields(cls)
        if typing.get_origin(hints[field.name]) is Fact
    }


@functools.cache
def _fact_types() -> dict[FactPath, Any]:
    """Every fact path of a ``Fact`` field (``compulsion``, ``evidence.literature_searched``), with its value type."""
    found = {FactPath(name): kind for name, kind in _fact_fields(Initiative).items()}
    hints = typing.get_type_hints(Initiative)
    for field in attrs.fields(Initiative):
        group = hints[field.name]
        if isinstance(group, type) and attrs.has(group):
            found.update({FactPath(field.name, name): kind for name, kind in _fact_fields(group).items()})
    return found


def _read(initiative: Initiative, path: FactPath) -> Fact[Any]:
    owner: Any = initiative
    for step in path.steps:
        owner = getattr(owner, str(step))
    fact: Fact[Any] = owner
    return fact


def unknown_paths(initiative: Initiative) -> tuple[FactPath, ...]:
    """Every unknown fact of an initiative (not of its parts), by fact path, sorted."""
    paths = [
        FactPath.participation(p.stakeholder, p.stage).then("involvement")
        for p in initiative.participations
        if p.involvement is UNKNOWN
    ]
    paths.extend(
        FactPath.stakeholder(s.id).then("user_run")
        for s in initiative.stakeholders
        if Identity.ORGANISATION in s.identities and s.user_run.value is UNKNOWN
    )
    paths.extend(FactPath.product(p.id).then("domain") for p in initiative.products if p.domain is UNKNOWN)
    if not initiative.products:
        paths.append(_PRODUCTS)
    # A stage the sources are silent about leaves open who took part there.
    paths.extend(FactPath("silent_stages", PathKey(stage.value)) for stage in initiative.silent_stages)
    paths.extend(path for path in _fact_types() if _read(initiative, path).value is UNKNOWN)
    return tuple(sorted(paths))


def known_paths(initiative: Initiative) -> tuple[FactPath, ...]:
    """Every known fact of an initiative (not of its parts) that could be unknown, by fact path, sorted."""
    paths = [
        FactPath.participation(p.stakeholder, p.stage).then("involvement")
        for p in initiative.participations
        if p.involvement is not UNKNOWN
    ]
    paths.extend(
        FactPath.stakeholder(s.id).then("user_run") for s in initiative.stakeholders if s.user_run.value is not UNKNOWN
    )
    paths.extend(FactPath.product(p.id).then("domain") for p in initiative.products if p.domain is not UNKNOWN)
    if initiative.products:
        paths.append(_PRODUCTS)
    paths.extend(path for path in _fact_types() if _read(initiative, path).value is not UNKNOWN)
    return tuple(sorted(paths))


def forget(initiative: Initiative, path: FactPath) -> Initiative:
    """The initiative with the fact at ``path`` unknown (``products``: no product recorded).

    Forgetting whether an organisation is user-run forgets whose it is too: ``run_by`` is said
    only of one that is.
    """
    if _form(path) == "user_run":
        key = path.steps[1]
        assert isinstance(key, PathKey)
        stakeholders = tuple(
            attrs.evolve(s, run_by=None) if s.id == key.parts[0] else s for s in initiative.stakeholders
        )
        initiative = attrs.evolve(initiative, stakeholders=stakeholders)
    return humanising.settle(initiative, path, () if path == _PRODUCTS else UNKNOWN)


def values_for(initiative: Initiative, path: FactPath) -> st.SearchStrategy[Any]:
    """Known values the fact at ``path`` could take, valid for this initiative."""
    form = _form(path)
    if form == "participation":
        return hst.involvements()
    if form == "user_run":
        return st.booleans()
    if form == "silent_stage":
        return st.just(False)  # the participations recorded at the stage are all who took part
    if form == "domain":
        return hst.domains()
    if form == "products":
        # Known products: at least one (none recorded is what is unknown), each with a known domain,
        # produced mostly at stages where someone takes part (elsewhere, a product settles little).
        taking_part = sorted({p.stage for p in initiative.participations}) or list(Stage)
        stages = st.one_of(
            st.just(frozenset(taking_part)),
            st.frozensets(st.sampled_from(taking_part), min_size=1),
            st.frozensets(hst.stages(), min_size=1),
        )
        product = st.builds(attrs.evolve, hst.products(allow_unknown=False), stages=stages)
        return st.lists(product, min_size=1, max_size=3, unique_by=lambda p: p.id).map(tuple)
    return _values_of(initiative, path, _fact_types().get(path))


def _values_of(initiative: Initiative, path: FactPath, kind: Any) -> st.SearchStrategy[Any]:
    """Known values of a ``Fact`` field whose value has type ``kind``."""
    if kind is bool:
        return st.booleans()
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return st.sampled_from(list(kind))
    if kind == tuple[Revision, ...]:
        return st.lists(hst.revisions(stakeholders=initiative.stakeholders), max_size=3).map(tuple)
    if kind == tuple[HumanisingFeature, ...]:
        return st.lists(hst.humanising_features(), max_size=3).map(tuple)
    raise UnfillableError(f"no way to draw a value for the fact path {path}")


def fill(initiative: Initiative, path: FactPath, value: object) -> Initiative:
    """The initiative with the unknown fact at ``path`` set to the known ``value``, by ``humanising.settle``."""
    if value is UNKNOWN:
        raise UnfillableError(f"filling {path} needs a known value")
    if _form(path) == "fact" and path not in _fact_types():
        raise UnfillableError(f"no way to fill the fact path {path}")
    if path == _PRODUCTS and initiative.products:
        raise UnfillableError(f"{initiative.id!r} already records its products")
    return humanising.settle(initiative, path, value)


def texts(paths: Iterable[FactPath]) -> tuple[str, ...]:
    """Fact paths as key-path text, to compare with the paths a test writes out."""
    return tuple(str(path) for path in paths)


def current_value(initiative: Initiative, path: FactPath) -> object:
    """The value the fact at ``path`` holds now, as ``humanising.settle`` takes it."""
    match path.steps:
        case ("participations", PathKey(parts=(stakeholder, stage)), "involvement"):
            (found,) = (p for p in initiative.participations if (p.stakeholder, p.stage) == (stakeholder, stage))
            return found.involvement
        case ("stakeholders", PathKey(parts=(stakeholder_id,)), "user_run"):
            return initiative.stakeholder(stakeholder_id).user_run
        case ("products", PathKey(parts=(product_id,)), "domain"):
            (product,) = (p for p in initiative.products if p.id == product_id)
            return product.domain
        case ("products",):
            return initiative.products
        case ("silent_stages", PathKey(parts=(stage,))):
            # True while the sources are silent about the stage, False once its record is complete.
            return any(member.value == stage for member in initiative.silent_stages)
    return _read(initiative, path)
