"""Fill in unknown facts by their fact path, for the laws about undetermined verdicts.

A verdict names the unknown facts that would settle it by path:
``participations[patients@design].involvement``, ``stakeholders[trust].user_run``,
``products[service].domain``, ``products`` (none recorded), and a ``Fact`` field
either of the initiative (``role_differentiation``, ``humanising_features``, ...)
or of one of its groups of facts (``evidence.literature_searched``,
``design_process.revisions``, ``observations.dissent``, ...).

``unknown_paths`` lists every unknown fact of an initiative in that form,
``values_for`` draws a known value for one, and ``fill`` returns the initiative
with it set (through ``attrs.evolve``). ``known_paths`` and ``forget`` go the
other way, to make undetermined initiatives out of decided ones. ``Fact`` fields are found from the type
hints, so a new boolean or enum-valued fact needs nothing here; any other path
form fails loudly with ``UnfillableError``.
"""

from __future__ import annotations

import enum
import functools
import re
import typing
from typing import Any

import attrs
from hypothesis import strategies as st

from humanising import (
    UNKNOWN,
    Domain,
    Fact,
    HumanisingFeature,
    Identity,
    Initiative,
    Involvement,
    Product,
    Revision,
    Stage,
    Unknown,
)
from humanising import strategies as hst

_PARTICIPATION = re.compile(r"participations\[(?P<stakeholder>[^@\]]+)@(?P<stage>[a-z_]+)\]\.involvement")
_USER_RUN = re.compile(r"stakeholders\[(?P<id>[^\]]+)\]\.user_run")
_DOMAIN = re.compile(r"products\[(?P<id>[^\]]+)\]\.domain")


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
def _fact_types() -> dict[str, Any]:
    """Every fact path of a ``Fact`` field (``compulsion``, ``evidence.literature_searched``), with its value type."""
    found = dict(_fact_fields(Initiative))
    hints = typing.get_type_hints(Initiative)
    for field in attrs.fields(Initiative):
        group = hints[field.name]
        if isinstance(group, type) and attrs.has(group):
            found.update({f"{field.name}.{name}": kind for name, kind in _fact_fields(group).items()})
    return found


def _read(initiative: Initiative, path: str) -> Fact[Any]:
    owner: Any = initiative
    *groups, name = path.split(".")
    for group in groups:
        owner = getattr(owner, group)
    fact: Fact[Any] = getattr(owner, name)
    return fact


def unknown_paths(initiative: Initiative) -> tuple[str, ...]:
    """Every unknown fact of an initiative (not of its parts), by fact path, sorted."""
    paths = [
        f"participations[{p.stakeholder}@{p.stage}].involvement"
        for p in initiative.participations
        if p.involvement is UNKNOWN
    ]
    paths.extend(
        f"stakeholders[{s.id}].user_run"
        for s in initiative.stakeholders
        if Identity.ORGANISATION in s.identities and s.user_run.value is UNKNOWN
    )
    paths.extend(f"products[{p.id}].domain" for p in initiative.products if p.domain is UNKNOWN)
    if not initiative.products:
        paths.append("products")
    paths.extend(path for path in _fact_types() if _read(initiative, path).value is UNKNOWN)
    return tuple(sorted(paths))


def known_paths(initiative: Initiative) -> tuple[str, ...]:
    """Every known fact of an initiative (not of its parts) that could be unknown, by fact path, sorted."""
    paths = [
        f"participations[{p.stakeholder}@{p.stage}].involvement"
        for p in initiative.participations
        if p.involvement is not UNKNOWN
    ]
    paths.extend(f"stakeholders[{s.id}].user_run" for s in initiative.stakeholders if s.user_run.value is not UNKNOWN)
    paths.extend(f"products[{p.id}].domain" for p in initiative.products if p.domain is not UNKNOWN)
    if initiative.products:
        paths.append("products")
    paths.extend(path for path in _fact_types() if _read(initiative, path).value is not UNKNOWN)
    return tuple(sorted(paths))


def forget(initiative: Initiative, path: str) -> Initiative:
    """The initiative with the fact at ``path`` unknown (``products``: no product recorded)."""
    if path == "products":
        return attrs.evolve(initiative, products=())
    return fill(initiative, path, UNKNOWN, allow_unknown=True)


def values_for(initiative: Initiative, path: str) -> st.SearchStrategy[Any]:
    """Known values the fact at ``path`` could take, valid for this initiative."""
    if _PARTICIPATION.fullmatch(path):
        return hst.involvements()
    if _USER_RUN.fullmatch(path):
        return st.booleans()
    if _DOMAIN.fullmatch(path):
        return hst.domains()
    if path == "products":
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


def _values_of(initiative: Initiative, path: str, kind: Any) -> st.SearchStrategy[Any]:
    """Known values of a ``Fact`` field whose value has type ``kind``."""
    if kind is bool:
        return st.booleans()
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return st.sampled_from(list(kind))
    if kind == tuple[Revision, ...]:
        return st.lists(hst.revisions(stakeholders=initiative.stakeholders), max_size=3).map(tuple)
    if kind == tuple[HumanisingFeature, ...]:
        return st.lists(hst.humanising_features(), max_size=3).map(tuple)
    raise UnfillableError(f"no way to draw a value for the fact path {path!r}")


def fill(initiative: Initiative, path: str, value: object, *, allow_unknown: bool = False) -> Initiative:
    """The initiative with the unknown fact at ``path`` set to the known ``value``."""
    if value is UNKNOWN and not allow_unknown:
        raise UnfillableError(f"filling {path!r} needs a known value")
    if match := _PARTICIPATION.fullmatch(path):
        key = (match["stakeholder"], Stage(match["stage"]))
        if key not in {(p.stakeholder, p.stage) for p in initiative.participations}:
            raise UnfillableError(f"{path!r} names no participation of {initiative.id!r}")
        if not isinstance(value, Involvement | Unknown):
            raise UnfillableError(f"an involvement is filled with an Involvement, not {value!r}")
        return attrs.evolve(
            initiative,
            participations=tuple(
                attrs.evolve(p, involvement=value) if (p.stakeholder, p.stage) == key else p
                for p in initiative.participations
            ),
        )
    if match := _USER_RUN.fullmatch(path):
        if match["id"] not in {s.id for s in initiative.stakeholders}:
            raise UnfillableError(f"{path!r} names no stakeholder of {initiative.id!r}")
        if not isinstance(value, bool | Unknown):
            raise UnfillableError(f"user_run is filled with a bool, not {value!r}")
        return attrs.evolve(
            initiative,
            stakeholders=tuple(
                attrs.evolve(s, user_run=attrs.evolve(s.user_run, value=value)) if s.id == match["id"] else s
                for s in initiative.stakeholders
            ),
        )
    if match := _DOMAIN.fullmatch(path):
        if match["id"] not in {p.id for p in initiative.products}:
            raise UnfillableError(f"{path!r} names no product of {initiative.id!r}")
        if not isinstance(value, Domain | Unknown):
            raise UnfillableError(f"a domain is filled with a Domain, not {value!r}")
        return attrs.evolve(
            initiative,
            products=tuple(attrs.evolve(p, domain=value) if p.id == match["id"] else p for p in initiative.products),
        )
    if path == "products":
        if initiative.products:
            raise UnfillableError(f"{initiative.id!r} already records its products")
        if not isinstance(value, tuple) or not value or not all(isinstance(p, Product) for p in value):
            raise UnfillableError(f"products are filled with a non-empty tuple of products, not {value!r}")
        return attrs.evolve(initiative, products=value)
    if path in _fact_types():
        first, *rest = path.split(".")
        return attrs.evolve(initiative, **{first: _with_value(getattr(initiative, first), rest, value)})
    raise UnfillableError(f"no way to fill the fact path {path!r}")


def _with_value(owner: Any, names: list[str], value: object) -> Any:
    """``owner`` (a fact, or a group of facts) with the fact at ``names`` below it holding ``value``."""
    if not names:
        return attrs.evolve(owner, value=value)
    first, *rest = names
    return attrs.evolve(owner, **{first: _with_value(getattr(owner, first), rest, value)})
