"""Converters and validators for the attrs classes of the facts.

Converters coerce leniently (strings to enums, bare values to facts); validators then
check, and since a validator knows its class and field, every error names both.

The converters are named functions, one per field type, because mypy's attrs plugin
reads only named functions (not ``attrs.Converter`` objects or partials) to type
``__init__``: a user's ``Participation(..., stage="design")`` type-checks through them.
The plugin also reads a converter only in an ``attrs.field(...)`` written in the class
body (not one returned by a helper), and leaves a generic converter's type variable
unsolved, so the classes spell out every field and each collection of facts has its own
typed converter.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from humanising._facts._paths import FactPath
from humanising._facts._unknown import UNKNOWN, Basis, Fact, Unknown
from humanising._facts._vocabulary import (
    AgendaSetter,
    Aspect,
    Barrier,
    BarrierOutcome,
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
    RunBy,
    Scale,
    Stage,
)
from humanising.exceptions import InvalidFactError

E = TypeVar("E", bound=enum.Enum)

# --- converters coerce leniently (strings to enums, bare values to facts); validators then
# check, and since a validator knows its class and field, every error names both.

SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")


def invalid(
    instance: object, attribute: attrs.Attribute[Any], value: object, expected: str, *, index: int | None = None
) -> InvalidFactError:
    """The error for a field (or, with ``index``, an item of it) that does not hold ``value``."""
    field = f"{type(instance).__name__}.{attribute.name}"
    if index is None:
        return InvalidFactError(field, value, expected, path=FactPath(attribute.name))
    return InvalidFactError(f"{field}[{index}]", value, expected, path=FactPath(attribute.name, index))


def coerce(enum_type: type[E], value: object) -> object:
    if isinstance(value, enum_type):
        return value
    try:
        # The members by value, looked up directly: calling the enum is several times slower.
        found = enum_type._value2member_map_.get(value)
    except TypeError:  # an unhashable value
        return value
    return value if found is None else found  # an unknown value is left for the validator, which names the field


@functools.cache
def expected_one_of(enum_type: type[enum.Enum], *extra: str) -> str:
    return "one of " + ", ".join([*(str(member.value) for member in enum_type), *extra])


def coerce_unknown(enum_type: type[E], value: object) -> object:
    return UNKNOWN if value is UNKNOWN or value == "unknown" else coerce(enum_type, value)


def coerce_set(enum_type: type[E], values: object) -> object:
    if isinstance(values, str | bytes | dict) or not isinstance(values, Iterable):
        return values
    try:
        return frozenset(coerce(enum_type, value) for value in values)
    except TypeError:  # an unhashable item: left for the validator, which names the field
        return values


def as_enum_fact(enum_type: type[E], value: object) -> Fact[Any]:
    fact: Fact[Any] = value if isinstance(value, Fact) else Fact(coerce_unknown(enum_type, value))
    if fact.value is not UNKNOWN and not isinstance(fact.value, enum_type):
        fact = attrs.evolve(fact, value=coerce(enum_type, fact.value))
    return fact


def as_stage(value: Stage | str) -> Stage:
    return coerce(Stage, value)  # type: ignore[return-value]


def as_stages(values: Iterable[Stage | str]) -> frozenset[Stage]:
    return coerce_set(Stage, values)  # type: ignore[return-value]


def as_identity(value: Identity | str) -> Identity:
    return coerce(Identity, value)  # type: ignore[return-value]


def as_identities(values: Iterable[Identity | str]) -> frozenset[Identity]:
    return coerce_set(Identity, values)  # type: ignore[return-value]


def as_roles(values: Iterable[Role | str]) -> frozenset[Role]:
    return coerce_set(Role, values)  # type: ignore[return-value]


def as_involvement(value: Involvement | Unknown | str) -> Involvement | Unknown:
    return coerce_unknown(Involvement, value)  # type: ignore[return-value]


def as_domain(value: Domain | Unknown | str) -> Domain | Unknown:
    return coerce_unknown(Domain, value)  # type: ignore[return-value]


def as_optional_domain(value: Domain | str | None) -> Domain | None:
    return None if value is None else coerce(Domain, value)  # type: ignore[return-value]


def as_optional_run_by(value: RunBy | str | None) -> RunBy | None:
    return None if value is None else coerce(RunBy, value)  # type: ignore[return-value]


def as_product_kind(value: ProductKind | str) -> ProductKind:
    return coerce(ProductKind, value)  # type: ignore[return-value]


def as_aspect(value: Aspect | str) -> Aspect:
    return coerce(Aspect, value)  # type: ignore[return-value]


def as_change(value: Change | str) -> Change:
    return coerce(Change, value)  # type: ignore[return-value]


def as_claim(value: Claim | str) -> Claim:
    return coerce(Claim, value)  # type: ignore[return-value]


def as_basis(value: Basis | str) -> Basis:
    return coerce(Basis, value)  # type: ignore[return-value]


def as_feature_kind(value: FeatureKind | str) -> FeatureKind:
    return coerce(FeatureKind, value)  # type: ignore[return-value]


def as_bool_fact(value: Fact[bool] | bool | Unknown) -> Fact[bool]:
    return value if isinstance(value, Fact) else Fact(value)


def as_role_differentiation_fact(
    value: Fact[RoleDifferentiation] | RoleDifferentiation | Unknown | str,
) -> Fact[RoleDifferentiation]:
    return as_enum_fact(RoleDifferentiation, value)


def as_tuple_fact(value: Fact[tuple[Any, ...]] | Iterable[Any] | Unknown) -> Fact[tuple[Any, ...]]:
    fact: Fact[Any] = value if isinstance(value, Fact) else Fact(value)
    if fact.value is not UNKNOWN and isinstance(fact.value, Iterable) and not isinstance(fact.value, str | dict):
        fact = attrs.evolve(fact, value=tuple(fact.value))
    return fact


def as_tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(values, str | bytes | dict) or not isinstance(values, Iterable):
        return values  # type: ignore[return-value] # left for the validator, which names the field
    return tuple(values)


def optional_member_of(enum_type: type[enum.Enum]) -> Callable[[Any, Any, Any], None]:
    """``member_of(enum_type)``, or ``None``."""
    check = member_of(enum_type)

    def check_optional(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    return check_optional


def member_of(enum_type: type[enum.Enum], *, or_unknown: bool = False) -> Callable[[Any, Any, Any], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not (isinstance(value, enum_type) or (or_unknown and value is UNKNOWN)):
            extra = ("unknown",) if or_unknown else ()
            raise invalid(instance, attribute, value, expected_one_of(enum_type, *extra))

    return check


def set_of(enum_type: type[enum.Enum], *, non_empty: bool = False) -> Callable[[Any, Any, Any], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, frozenset):
            raise invalid(instance, attribute, value, f"a collection of {expected_one_of(enum_type)}")
        for item in sorted(value, key=str) if not all(isinstance(item, enum_type) for item in value) else ():
            if not isinstance(item, enum_type):
                raise invalid(instance, attribute, item, expected_one_of(enum_type))
        if non_empty and not value:
            raise invalid(instance, attribute, value, "at least one of " + ", ".join(str(m.value) for m in enum_type))

    return check


def a_or_an(name: str) -> str:
    """``name`` after its indefinite article: ``an Initiative``, ``a Source``."""
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def tuple_of(cls: type[Any]) -> Callable[[Any, Any, Any], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise invalid(instance, attribute, value, f"a list of {cls.__name__}")
        for index, item in enumerate(value):
            if not isinstance(item, cls):
                raise invalid(instance, attribute, item, a_or_an(cls.__name__), index=index)

    return check


def instance_of(cls: type[Any]) -> Callable[[Any, Any, Any], None]:
    """A validator like attrs' ``instance_of`` whose error is an ``InvalidFactError`` naming the field."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, cls):
            raise invalid(instance, attribute, value, a_or_an(f"humanising.{cls.__name__}"))

    return check


def is_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise invalid(instance, attribute, value, "true or false")


def fact_of(kind: type[Any], expected: str, item: type[Any] | None = None) -> Callable[[Any, Any, Any], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], fact: Fact[Any]) -> None:
        value = fact.value
        if value is UNKNOWN:
            return
        if not isinstance(value, kind):
            raise invalid(instance, attribute, value, expected)
        if item is not None:
            for index, element in enumerate(value):
                if not isinstance(element, item):
                    raise invalid(instance, attribute, element, a_or_an(item.__name__), index=index)

    return check


def is_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not SLUG.match(value):
        raise invalid(instance, attribute, value, "an id of lower-case letters, digits, '-' or '_' (e.g. 'ward-staff')")


def is_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise invalid(instance, attribute, value, "a non-empty string")


MAX_QUOTE_WORDS = 12
"""A locator quotes a short phrase, never a passage."""


def short_quote(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, str) and len(value.split()) > MAX_QUOTE_WORDS:
        raise invalid(instance, attribute, value, f"a phrase of at most {MAX_QUOTE_WORDS} words quoted from the source")


def optional_instance_of(cls: type[Any]) -> Callable[[Any, Any, Any], None]:
    """``instance_of(cls)``, or ``None``."""
    check = instance_of(cls)

    def check_optional(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    return check_optional


def is_str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise invalid(instance, attribute, value, "a string")


is_basis = member_of(Basis)
is_bool_fact = fact_of(bool, "true, false or unknown")


def as_ids(values: Iterable[str]) -> frozenset[str]:
    if isinstance(values, str | bytes | dict) or not isinstance(values, Iterable):
        return values  # type: ignore[return-value] # left for the validator
    try:
        return frozenset(values)
    except TypeError:  # an unhashable item
        return values  # type: ignore[return-value] # left for the validator


def are_ids(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, frozenset):
        raise invalid(instance, attribute, value, "a list of stakeholder ids")
    for item in sorted(value, key=str):
        is_id(instance, attribute, item)


def as_agenda_fact(value: Fact[AgendaSetter] | AgendaSetter | Unknown | str) -> Fact[AgendaSetter]:
    return as_enum_fact(AgendaSetter, value)


def as_goals_fact(value: Fact[GoalSetter] | GoalSetter | Unknown | str) -> Fact[GoalSetter]:
    return as_enum_fact(GoalSetter, value)


def as_dissent_fact(value: Fact[DissentHandling] | DissentHandling | Unknown | str) -> Fact[DissentHandling]:
    return as_enum_fact(DissentHandling, value)


def as_scale_fact(value: Fact[Scale] | Scale | Unknown | str) -> Fact[Scale]:
    return as_enum_fact(Scale, value)


def as_barrier(value: Barrier | str) -> Barrier:
    return coerce(Barrier, value)  # type: ignore[return-value]


def as_barrier_outcome(value: BarrierOutcome | str) -> BarrierOutcome:
    return coerce(BarrierOutcome, value)  # type: ignore[return-value]


def enum_fact_of(enum_type: type[enum.Enum]) -> Callable[[Any, Any, Any], None]:
    return fact_of(enum_type, expected_one_of(enum_type, "unknown"))
