"""What a verdict rests on: the single facts whose change would change its fit.

``sensitivity(initiative)`` judges the initiative again once for every single-fact
alternative to its coding, and keeps, for each verdict, the alternatives under which
its fit changes. A single fact is

- one fact's value, changed to each other value its vocabulary allows, ``unknown``
  included where the fact may be unknown: a participation's involvement and capacity
  (one of the stakeholder's other identities); a stakeholder's ``user_run``,
  ``run_by``, domain and ``avoided_services``; a product's kind, domain and role
  differentiation; a relationship's change and claim; the initiative's own facts and
  those of its evidence, design process and observations;
- one member of a set added or removed: a stakeholder's identities and roles, a
  product's stages, the initiative's silent stages (``silent_stages[design]``, true to
  false: the participations recorded there are all who took part);
- one participation of an existing stakeholder added, at a stage where it has none, at
  each involvement level (``unknown`` included) in each of its identities, or removed.

A list of records written in free text (humanising features, design revisions) is one
fact, whose alternatives are ``unknown`` and none recorded; its records are not
changed one by one, nor are failed partnerships, barriers met, notes, coders,
locators and bases, which no fit reads. Alternatives that are not valid initiatives
(an identity removed that a participation acts in, ``user_run`` on a person) are
not judged.

So the number of alternatives judged is bounded by the sum, over the facts, of the
values each may take, plus, for every stakeholder and stage without a participation,
seven levels times the stakeholder's identities: 788 for SleepWell, 1,841 for MHF Wales,
the largest shipped case. Each is judged for its fits only; no reason is written.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from typing import Any, TypeAlias

import attrs

from humanising._facts import _vocabulary as terms
from humanising._facts._facts import Initiative, Participation, Product, Relationship, Stakeholder
from humanising._facts._paths import FactPath, PathKey
from humanising._facts._unknown import UNKNOWN, Fact
from humanising._reasoning._diff import plain
from humanising._reasoning._verdict import Fit
from humanising.exceptions import HumanisingError, NotAnInitiativeError

if typing.TYPE_CHECKING:
    from humanising._reasoning._registry import Model, Registry

__all__ = ["Alternative", "Sensitivity", "sensitivity"]

HUMANISES = "humanises"
"""The id the humanising verdict is listed under, beside the models' ids."""

_GROUPS = ("evidence", "design_process", "observations")
"""The groups of further facts of an initiative."""

_FIT_ORDER = {fit: position for position, fit in enumerate((Fit.FITS, Fit.PARTLY, Fit.DOES_NOT_FIT, Fit.UNDETERMINED))}

Build: TypeAlias = Callable[[], Initiative]
Candidate: TypeAlias = tuple[FactPath, Any, Any, Build]
"""A single-fact alternative: where, the value now and the value instead (plain data), and how to make it."""


@attrs.frozen
class Alternative:
    """One single fact changed, and the fit the verdict then has.

    Attributes:
        path: Where the fact sits: ``participations[patients@design].involvement``; for a
            member of a set, the set and the member (``stakeholders[staff].identities[carer]``,
            ``silent_stages[design]``); for a participation added or removed, the
            participation (``participations[patients@evaluation]``).
        before: The value now, as plain data (``none``, ``True``, ``unknown``); for a member
            of a set, whether it is one; ``None`` where there is none (a participation not
            recorded, a stakeholder with no domain).
        after: The value instead, likewise; a participation added is its involvement and
            capacity, ``{"involvement": "involved", "capacity": "service_user"}``.
        fit: The verdict's fit with this one fact changed.

    Example:
        >>> import humanising
        >>> sleepwell = humanising.casebook.load("sleepwell")
        >>> coproduction = humanising.sensitivity(sleepwell)[0]
        >>> print(coproduction.to(humanising.Fit.PARTLY)[0])
        participations[patients@design].involvement: none -> involved (partly)
    """

    path: FactPath
    before: object
    after: object
    fit: Fit

    def to_dict(self) -> dict[str, Any]:
        """The alternative as plain data, for JSON."""
        return {"path": str(self.path), "before": self.before, "after": self.after, "fit": self.fit.value}

    def __str__(self) -> str:
        return f"{self.path}: {show(self.before)} -> {show(self.after)} ({self.fit.value})"


@attrs.frozen
class Sensitivity:
    """What one verdict rests on: the single facts whose change would change its fit.

    Attributes:
        initiative: The id of the initiative judged.
        verdict: A model's id, or ``humanises``.
        fit: The verdict's fit on the coding as it is.
        alternatives: Every single-fact alternative under which the fit changes, grouped by
            the fit it gives (fits, partly, does not fit, undetermined), then by path and value.
            For an undetermined verdict, those giving a fit decide it; for any other, they
            overturn it. Empty: no single fact changes it.
        considered: How many single-fact alternatives were judged (the same for every verdict
            on the initiative).

    Example:
        >>> import humanising
        >>> east_lille_5 = humanising.casebook.load("east-lille-5")
        >>> design = humanising.sensitivity(east_lille_5)[5]
        >>> design.verdict, design.fit.value
        ('user_centred_design', 'undetermined')
        >>> for alternative in design.decided_by:
        ...     print(alternative)
        design_process.end_user_research: unknown -> False (does not fit)
        design_process.ideation: unknown -> False (does not fit)
        design_process.prototyping: unknown -> False (does not fit)
        silent_stages[design]: True -> False (does not fit)
    """

    initiative: str
    verdict: str
    fit: Fit
    alternatives: tuple[Alternative, ...]
    considered: int

    @property
    def decided_by(self) -> tuple[Alternative, ...]:
        """The alternatives that give a fit other than undetermined (for an undetermined verdict, what decides it)."""
        return tuple(a for a in self.alternatives if a.fit is not Fit.UNDETERMINED)

    def to(self, fit: Fit | str) -> tuple[Alternative, ...]:
        """The alternatives that give ``fit``."""
        wanted = Fit(fit)
        return tuple(a for a in self.alternatives if a.fit is wanted)

    def to_dict(self) -> dict[str, Any]:
        """The sensitivity as plain data, for JSON."""
        return {
            "initiative": self.initiative,
            "verdict": self.verdict,
            "fit": self.fit.value,
            "considered": self.considered,
            "alternatives": [alternative.to_dict() for alternative in self.alternatives],
        }


def show(value: object) -> str:
    """A value of an alternative as text: ``none``, ``True``, ``not recorded``, ``involved as service_user``."""
    if value is None:
        return "not recorded"
    if isinstance(value, Mapping):
        return f"{value['involvement']} as {value['capacity']}"
    if isinstance(value, list):
        return "none recorded" if not value else f"{len(value)} recorded"
    return str(value)


def sensitivity(initiative: Initiative, *, models: Registry | Iterable[Model] | None = None) -> tuple[Sensitivity, ...]:
    """For every verdict on an initiative, the single facts whose change would change its fit.

    The initiative is judged again once for each single-fact alternative to its coding (see
    ``Sensitivity`` and the module's bound): every value its vocabulary allows for one fact,
    one member of a set added or removed, or one participation of an existing stakeholder
    added or removed. A part of a programme is an initiative of its own: pass it to judge
    its verdicts.

    Args:
        initiative: The initiative.
        models: The models to judge by, as for ``classify``; by default every registered
            model. The humanising verdict is always judged, and listed last.

    Returns:
        One ``Sensitivity`` per verdict, in the order of the models, then ``humanises``.

    Raises:
        humanising.exceptions.NotAnInitiativeError: ``initiative`` is not an ``Initiative``.

    Example:
        >>> import humanising
        >>> sleepwell = humanising.casebook.load("sleepwell")
        >>> coproduction, *_ = humanising.sensitivity(sleepwell)
        >>> coproduction.verdict, coproduction.fit.value
        ('coproduction', 'does not fit')
        >>> for alternative in coproduction.to("partly"):
        ...     print(alternative)
        participations[patients@design].involvement: none -> involved (partly)
        participations[patients@design].involvement: none -> partner (partly)
        participations[patients@design].involvement: none -> leads (partly)
    """
    from humanising._reasoning._analysis import _chosen
    from humanising._reasoning._relations import humanises

    if not isinstance(initiative, Initiative):
        raise NotAnInitiativeError("sensitivity", initiative)
    registry = _chosen(models)

    def fits(judged: Initiative) -> dict[str, Fit]:
        verdicts, _errors = registry._judge(judged)  # noqa: SLF001 - a contributed model that fails has no fit to change
        found = {model_id: verdict.fit for model_id, verdict in verdicts.items()}
        found[HUMANISES] = humanises(judged).fit
        return found

    now = fits(initiative)
    changed: dict[str, list[Alternative]] = {verdict: [] for verdict in now}
    considered = 0
    for path, before, after, build in _alternatives(initiative):
        try:
            other = build()
        except (HumanisingError, ValueError, TypeError):
            continue  # not a valid initiative: no coder could record it
        considered += 1
        for verdict, fit in fits(other).items():
            if verdict in now and fit is not now[verdict]:
                changed[verdict].append(Alternative(path, before, after, fit))
    return tuple(
        Sensitivity(
            initiative.id,
            verdict,
            fit,
            tuple(sorted(changed[verdict], key=_order)),
            considered,
        )
        for verdict, fit in now.items()
    )


def _order(alternative: Alternative) -> tuple[int, str]:
    # A stable sort: a fact's values stay in their vocabulary's order (the ladder's, say).
    return (_FIT_ORDER[alternative.fit], str(alternative.path))


# --- the single-fact alternatives


def _alternatives(initiative: Initiative) -> Iterator[Candidate]:
    yield from _initiative_facts(initiative)
    yield from _stakeholders(initiative)
    yield from _participations(initiative)
    yield from _products(initiative)
    yield from _relationships(initiative)


def _values(current: object, vocabulary: Iterable[Any]) -> Iterator[Any]:
    """The values of ``vocabulary`` other than ``current``."""
    for value in vocabulary:
        if value is not current and value != current:
            yield value


@cache
def _fact_vocabularies() -> dict[str, dict[str, tuple[object, ...]]]:
    """The ``Fact`` fields of the initiative (under ``""``) and of each group, with the values each may take."""
    found = {"": _vocabularies_of(Initiative)}
    hints = typing.get_type_hints(Initiative)
    found.update({group: _vocabularies_of(hints[group]) for group in _GROUPS})
    return found


def _vocabularies_of(cls: Any) -> dict[str, tuple[object, ...]]:
    hints = typing.get_type_hints(cls)
    found: dict[str, tuple[object, ...]] = {}
    for field in attrs.fields(cls):
        hint = hints[field.name]
        if typing.get_origin(hint) is not Fact:
            continue
        (inner,) = typing.get_args(hint)
        if inner is bool:
            found[field.name] = (True, False, UNKNOWN)
        elif isinstance(inner, type) and issubclass(inner, enum.Enum):
            found[field.name] = (*inner, UNKNOWN)
        else:  # a list of records in free text: unknown, or none recorded
            found[field.name] = ((), UNKNOWN)
    return found


def _initiative_facts(initiative: Initiative) -> Iterator[Candidate]:
    vocabularies = _fact_vocabularies()
    for group in ("", *_GROUPS):
        holder = initiative if not group else getattr(initiative, group)
        for name, vocabulary in vocabularies[group].items():
            fact: Fact[Any] = getattr(holder, name)
            path = FactPath(name) if not group else FactPath(group, name)
            for value in _values(fact.value, vocabulary):
                yield path, plain(fact.value), plain(value), _set_fact(initiative, group, name, fact, value)
    for stage in terms.Stage:
        silent = stage in initiative.silent_stages
        changed = initiative.silent_stages ^ {stage}
        yield (
            FactPath("silent_stages", PathKey(stage.value)),
            silent,
            not silent,
            _evolve(initiative, silent_stages=changed),
        )


def _set_fact(initiative: Initiative, group: str, name: str, fact: Fact[Any], value: object) -> Build:
    # The basis, note and coder stay: the alternative is another value on the same footing.
    new = attrs.evolve(fact, value=value)
    if not group:
        return _evolve(initiative, **{name: new})
    holder = getattr(initiative, group)
    return lambda: attrs.evolve(initiative, **{group: attrs.evolve(holder, **{name: new})})


def _evolve(initiative: Initiative, **changes: Any) -> Build:
    return lambda: attrs.evolve(initiative, **changes)


def _members(
    path: FactPath, members: frozenset[Any], vocabulary: Iterable[Any], changed: Callable[..., Build], name: str
) -> Iterator[Candidate]:
    """Each member of ``vocabulary`` added to the set ``name`` or, where it is in it, removed."""
    for member in vocabulary:
        present = member in members
        yield path.then(PathKey(member.value)), present, not present, changed(**{name: members ^ {member}})


def _stakeholders(initiative: Initiative) -> Iterator[Candidate]:
    for stakeholder in initiative.stakeholders:
        path = FactPath.stakeholder(stakeholder.id)

        def changed(stakeholder: Stakeholder = stakeholder, **changes: Any) -> Build:
            return _replacing(initiative, "stakeholders", stakeholder, **changes)

        yield from _members(path.then("identities"), stakeholder.identities, terms.Identity, changed, "identities")
        yield from _members(path.then("roles"), stakeholder.roles, terms.Role, changed, "roles")
        for name in ("user_run", "avoided_services"):
            fact: Fact[bool] = getattr(stakeholder, name)
            for value in _values(fact.value, (True, False, UNKNOWN)):
                yield (
                    path.then(name),
                    plain(fact.value),
                    plain(value),
                    changed(stakeholder, **{name: attrs.evolve(fact, value=value)}),
                )
        for run_by in _values(stakeholder.run_by, (*terms.RunBy, None)):
            yield path.then("run_by"), plain(stakeholder.run_by), plain(run_by), changed(stakeholder, run_by=run_by)
        for domain in _values(stakeholder.domain, (*terms.Domain, None)):
            yield path.then("domain"), plain(stakeholder.domain), plain(domain), changed(stakeholder, domain=domain)


def _replacing(initiative: Initiative, name: str, old: Any, **changes: Any) -> Build:
    """The initiative with one element of the list ``name`` changed: ``old`` evolved with ``changes``."""

    def build() -> Initiative:
        made = attrs.evolve(old, **changes)
        items: dict[str, Any] = {name: tuple(made if item is old else item for item in getattr(initiative, name))}
        return attrs.evolve(initiative, **items)

    return build


def _participations(initiative: Initiative) -> Iterator[Candidate]:
    recorded = {(p.stakeholder, p.stage): p for p in initiative.participations}
    for participation in initiative.participations:
        path = FactPath.participation(participation.stakeholder, participation.stage.value)
        for involvement in _values(participation.involvement, (*terms.Involvement, UNKNOWN)):
            yield (
                path.then("involvement"),
                plain(participation.involvement),
                plain(involvement),
                _replacing(initiative, "participations", participation, involvement=involvement),
            )
        identities = initiative.stakeholder(participation.stakeholder).identities
        for capacity in _values(participation.capacity, sorted(identities)):
            yield (
                path.then("capacity"),
                plain(participation.capacity),
                plain(capacity),
                _replacing(initiative, "participations", participation, capacity=capacity),
            )
        remaining = tuple(p for p in initiative.participations if p is not participation)
        yield path, _taking_part(participation), None, _evolve(initiative, participations=remaining)
    for stakeholder in initiative.stakeholders:
        for stage in terms.Stage:
            if (stakeholder.id, stage) in recorded:
                continue
            path = FactPath.participation(stakeholder.id, stage.value)
            for capacity in sorted(stakeholder.identities):
                for involvement in (*terms.Involvement, UNKNOWN):
                    added = Participation(stakeholder.id, stage, involvement, capacity=capacity)
                    yield (
                        path,
                        None,
                        _taking_part(added),
                        _evolve(initiative, participations=(*initiative.participations, added)),
                    )


def _taking_part(participation: Participation) -> dict[str, str]:
    return {"involvement": plain(participation.involvement), "capacity": participation.capacity.value}


def _products(initiative: Initiative) -> Iterator[Candidate]:
    for product in initiative.products:
        path = FactPath.product(product.id)

        def changed(product: Product = product, **changes: Any) -> Build:
            return _replacing(initiative, "products", product, **changes)

        for kind in _values(product.kind, terms.ProductKind):
            yield path.then("kind"), plain(product.kind), plain(kind), changed(product, kind=kind)
        for domain in _values(product.domain, (*terms.Domain, UNKNOWN)):
            yield path.then("domain"), plain(product.domain), plain(domain), changed(product, domain=domain)
        fact = product.role_differentiation
        for value in _values(fact.value, (*terms.RoleDifferentiation, UNKNOWN)):
            yield (
                path.then("role_differentiation"),
                plain(fact.value),
                plain(value),
                changed(product, role_differentiation=attrs.evolve(fact, value=value)),
            )
        yield from _members(path.then("stages"), product.stages, terms.Stage, changed, "stages")


def _relationships(initiative: Initiative) -> Iterator[Candidate]:
    for relationship in initiative.relationships:
        path = FactPath("relationships", PathKey(*relationship.between, relationship.aspect.value))

        def changed(relationship: Relationship = relationship, **changes: Any) -> Build:
            return _replacing(initiative, "relationships", relationship, **changes)

        for change in _values(relationship.change, terms.Change):
            yield path.then("change"), plain(relationship.change), plain(change), changed(relationship, change=change)
        for claim in _values(relationship.claim, terms.Claim):
            yield path.then("claim"), plain(relationship.claim), plain(claim), changed(relationship, claim=claim)
