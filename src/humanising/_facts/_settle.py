"""Filling in one fact of an initiative by its fact path: the dual of a verdict's unknowns.

A verdict names the unknown facts that would settle it by key path; ``settle``
takes such a path and a value and returns the initiative with that fact filled in,
validated as any initiative is.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable
from functools import cache
from typing import Any

import attrs

from humanising._facts._facts import Initiative, Participation, Product, Stakeholder
from humanising._facts._paths import FactPath, PathKey
from humanising._facts._unknown import Fact
from humanising.exceptions import FactPathError, NotAnInitiativeError

_GROUPS = ("evidence", "design_process", "observations")
"""The fields of an initiative that group further facts."""


def settle(initiative: Initiative, path: FactPath | str, value: object) -> Initiative:
    """The initiative with the fact at ``path`` set to ``value``.

    ``path`` is a key path as verdicts name their facts and unknowns, as a
    ``FactPath`` or as text: ``participations[patients@design].involvement``,
    ``stakeholders[trust].user_run``, ``products[records].domain``, ``products``
    (a list of products, where none is recorded), a fact of the initiative
    (``role_differentiation``, ``compulsion``, ``humanising_features``, ...) or of
    one of its groups (``evidence.literature_searched``, ``design_process.revisions``,
    ``observations.dissent``, ...), a stage the sources are silent about
    (``silent_stages[design]``, settled with ``False``: the participations recorded there
    are all who took part), each optionally inside a part (``parts[housing]. ...``).

    ``value`` is written as a case file writes it (``"partner"``, ``True``,
    ``"kept"``) or, for a fact with a basis, as a ``Fact`` (``Fact(True, "hedged")``);
    a bare value keeps the fact's basis, note and coder. Settling a known fact with its own
    value changes nothing.

    Raises:
        humanising.exceptions.FactPathError: The path is malformed, or names no fact
            of this initiative; a participation that is not recorded is not a fact
            that can be filled in (a stakeholder with no participation at a stage
            does not take part there).
        humanising.exceptions.InvalidFactError: The value does not fit the fact.

    Example:
        >>> import humanising
        >>> east_lille_6 = humanising.casebook.load("east-lille-6")
        >>> verdict = humanising.classify(east_lille_6)["coproduction"]
        >>> verdict.fit.value
        'partly'
        >>> for path in verdict.unknowns:
        ...     print(path)
        role_differentiation
        user_knowledge_shapes_product
        >>> settled = humanising.settle(east_lille_6, "role_differentiation", "kept")
        >>> humanising.classify(settled)["coproduction"].fit.value
        'partly'
        >>> settled = humanising.settle(east_lille_6, "role_differentiation", "dissolved")
        >>> settled = humanising.settle(settled, "user_knowledge_shapes_product", True)
        >>> training = "participations[ex-patients@recruitment_training].involvement"
        >>> settled = humanising.settle(settled, training, "involved")
        >>> humanising.classify(settled)["coproduction"].fit.value
        'fits'
    """
    if not isinstance(initiative, Initiative):
        raise NotAnInitiativeError("settle", initiative)
    fact_path = FactPath.parse(path) if isinstance(path, str) else path
    if not isinstance(fact_path, FactPath):
        raise FactPathError(path, "a FactPath or its text")
    return _settle(initiative, fact_path, fact_path.steps, value)


def _settle(  # noqa: PLR0911 - one return per form of path
    initiative: Initiative, whole: FactPath, steps: tuple[object, ...], value: Any
) -> Initiative:
    match steps:
        case ("parts", PathKey(parts=(part_id,)), *rest) if rest:
            part = _find(whole, initiative.parts, part_id, "part", lambda p: p.id)
            settled = _settle(part, whole, tuple(rest), value)
            return attrs.evolve(initiative, parts=_replace(initiative.parts, part, settled))
        case ("participations", PathKey(parts=(stakeholder, stage)), "involvement"):
            participation = _participation(initiative, whole, stakeholder, stage)
            changed = attrs.evolve(participation, involvement=value)
            return attrs.evolve(initiative, participations=_replace(initiative.participations, participation, changed))
        case ("stakeholders", PathKey(parts=(stakeholder_id,)), "user_run"):
            stakeholder = _find(whole, initiative.stakeholders, stakeholder_id, "stakeholder", _stakeholder_id)
            changed_stakeholder = attrs.evolve(stakeholder, user_run=_fact(stakeholder.user_run, value))
            return attrs.evolve(
                initiative, stakeholders=_replace(initiative.stakeholders, stakeholder, changed_stakeholder)
            )
        case ("products", PathKey(parts=(product_id,)), "domain"):
            product = _find(whole, initiative.products, product_id, "product", _product_id)
            changed_product = attrs.evolve(product, domain=value)
            return attrs.evolve(initiative, products=_replace(initiative.products, product, changed_product))
        case ("products", PathKey(parts=(product_id,)), "role_differentiation"):
            product = _find(whole, initiative.products, product_id, "product", _product_id)
            changed_product = attrs.evolve(product, role_differentiation=_fact(product.role_differentiation, value))
            return attrs.evolve(initiative, products=_replace(initiative.products, product, changed_product))
        case ("silent_stages", PathKey(parts=(stage,))):
            silent = {member for member in initiative.silent_stages if member.value == stage}
            if not silent:
                raise FactPathError(str(whole), f"a stage the sources are silent about (here: {_stages(initiative)})")
            if value is not False:
                raise FactPathError(
                    str(whole), "False as its value: the participations recorded at the stage are all who took part"
                )
            return attrs.evolve(initiative, silent_stages=initiative.silent_stages - silent)
        case ("products",):
            if isinstance(value, str | bytes) or not isinstance(value, Iterable):
                raise FactPathError(str(whole), "a list of products as its value")
            return attrs.evolve(initiative, products=tuple(value))
        case (str() as name,) if name in _fact_fields()[""]:
            changes: dict[str, Any] = {name: _fact(getattr(initiative, name), value)}
            return attrs.evolve(initiative, **changes)
        case (str() as group, str() as name) if name in _fact_fields().get(group, ()):
            facts = getattr(initiative, group)
            changes = {name: _fact(getattr(facts, name), value)}
            return attrs.evolve(initiative, **{group: attrs.evolve(facts, **changes)})
    raise FactPathError(
        str(whole),
        f"a fact of initiative {initiative.id!r}: a participation's involvement, a stakeholder's user_run, "
        "a product's domain or role_differentiation, products, or a fact of the initiative or of its evidence, "
        "design_process or observations",
    )


def _stages(initiative: Initiative) -> str:
    return ", ".join(sorted(stage.value for stage in initiative.silent_stages)) or "none"


def _participation(initiative: Initiative, whole: FactPath, stakeholder: str, stage: str) -> Participation:
    for participation in initiative.participations:
        if participation.stakeholder == stakeholder and participation.stage.value == stage:
            return participation
    raise FactPathError(
        str(whole),
        f"a recorded participation: {stakeholder!r} at {stage!r} is not recorded in {initiative.id!r}, "
        "which means it does not take part there; add the participation to the initiative to describe it",
    )


def _find(whole: FactPath, items: tuple[Any, ...], wanted: str, kind: str, key: Any) -> Any:
    for item in items:
        if key(item) == wanted:
            return item
    known = ", ".join(key(item) for item in items) or "none"
    raise FactPathError(str(whole), f"the id of a {kind} (known: {known})")


def _stakeholder_id(stakeholder: Stakeholder) -> str:
    return stakeholder.id


def _product_id(product: Product) -> str:
    return product.id


def _replace(items: tuple[Any, ...], old: object, new: object) -> tuple[Any, ...]:
    return tuple(new if item is old else item for item in items)


def _fact(current: Fact[Any], value: object) -> Fact[Any]:
    # A bare value keeps the basis, note and coder the fact had; a Fact replaces it whole.
    return value if isinstance(value, Fact) else attrs.evolve(current, value=value)


@cache
def _fact_fields() -> dict[str, frozenset[str]]:
    """The names of the ``Fact`` fields of the initiative (under ``""``) and of each group of facts."""
    hints = typing.get_type_hints(Initiative)
    found = {"": _facts_of(Initiative)}
    found.update({group: _facts_of(hints[group]) for group in _GROUPS})
    return found


def _facts_of(cls: Any) -> frozenset[str]:
    hints = typing.get_type_hints(cls)
    return frozenset(field.name for field in attrs.fields(cls) if typing.get_origin(hints[field.name]) is Fact)
