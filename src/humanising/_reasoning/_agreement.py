"""Agreement between coders: percent agreement and Krippendorff's alpha, per fact family and overall.

Alpha is computed from the coincidence matrix of the values coders gave each unit
(Krippendorff, *Computing Krippendorff's Alpha-Reliability*, 2011), with the
standard library only: ``alpha = 1 - D_o / D_e``, the observed disagreement over
the disagreement expected by chance. A unit counts when at least two coders gave
it a value; missing values (``None``) are left out.

The units of a set of codings are their facts, aligned by fact path: a
participation's involvement (ordinal, none < informed < ... < leads) and capacity,
each stakeholder's identities and roles (one yes/no unit per member any coder chose),
products' and relationships' fields, the facts of the evidence, the design process and
the observations, the humanising features (one yes/no unit per kind), the facts of the
initiative itself, and every built-in model's fit (ordinal, does not fit < partly < fits,
with ``undetermined`` missing). ``unknown`` is taken both as missing and, for the
nominal families, as a category of its own; both figures are given.
"""

from __future__ import annotations

import enum
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from humanising._facts._facts import Initiative
from humanising._facts._unknown import UNKNOWN, Fact, Unknown
from humanising._facts._vocabulary import Involvement

__all__ = ["Agreement", "FamilyAgreement", "agreement", "krippendorff_alpha"]

_UNKNOWN = "unknown"
_KNOWN = "_known"
"""The pseudo-family of the sets a coding knows: a stakeholder's identities and roles, the features."""
_BINARY = ("identities", "roles", "features")
_FITS = ("does not fit", "partly", "fits")
_ORDERS: dict[str, tuple[str, ...]] = {
    "involvement": tuple(member.value for member in Involvement),
    "fits": _FITS,
}
FAMILIES = (
    "involvement",
    "capacity",
    "identities",
    "roles",
    "products",
    "relationships",
    "evidence",
    "design process",
    "observations",
    "features",
    "initiative",
    "fits",
)
"""The fact families, in the order they are reported."""


def krippendorff_alpha(
    units: Iterable[Sequence[object | None]], *, metric: str = "nominal", order: Sequence[object] | None = None
) -> float:
    """Krippendorff's alpha of a reliability table: one row per unit, one value (or None, missing) per coder.

    Args:
        units: The values each coder gave each unit; ``None`` is a missing value.
        metric: ``nominal`` (any two different values disagree alike) or ``ordinal``
            (values ranked by ``order``; the disagreement of two values grows with how many
            values were given between them).
        order: For ``ordinal``, every value from the lowest to the highest; by default the
            values sorted.

    Raises:
        ValueError: Alpha is undefined (the message says why): fewer than two units coded by
            two coders or more, or every value alike, so that no disagreement is expected by
            chance; or an unknown metric, or a value not in ``order``.

    Example:
        >>> table = [(1, 1, None, 1), (2, 2, 3, 2), (3, 3, 3, 3), (3, 3, 3, 3), (2, 2, 2, 2), (1, 2, 3, 4),
        ...          (4, 4, 4, 4), (1, 1, 2, 1), (2, 2, 2, 2), (None, 5, 5, 5), (None, None, 1, 1),
        ...          (None, 3, None, None)]
        >>> round(krippendorff_alpha(table), 3)
        0.743
        >>> round(krippendorff_alpha(table, metric="ordinal"), 3)
        0.815
    """
    if metric not in {"nominal", "ordinal"}:
        raise ValueError(f"expected the nominal or the ordinal metric, got {metric!r}")
    coincidences: defaultdict[tuple[object, object], float] = defaultdict(float)
    pairable = 0
    for unit in units:
        values = [value for value in unit if value is not None]
        if len(values) < 2:
            continue
        pairable += 1
        weight = 1 / (len(values) - 1)
        counts = Counter(values)
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs = n_c * (n_k - 1) if c == k else n_c * n_k
                if pairs:
                    coincidences[c, k] += pairs * weight
    if pairable < 2:
        raise ValueError(f"alpha needs two units or more coded by two coders or more, here {pairable}")
    totals: defaultdict[object, float] = defaultdict(float)
    for (c, _k), count in coincidences.items():
        totals[c] += count
    n = sum(totals.values())
    if len(totals) < 2:
        raise ValueError("every value given is alike, so no disagreement is expected by chance")
    delta = _nominal if metric == "nominal" else _ordinal(totals, order)
    observed = sum(count * delta(c, k) for (c, k), count in coincidences.items())
    expected = sum(totals[c] * totals[k] * delta(c, k) for c in totals for k in totals) / (n - 1)
    return 1 - observed / expected


def _nominal(c: object, k: object) -> float:
    return 0.0 if c == k else 1.0


def _ordinal(totals: Mapping[object, float], order: Sequence[object] | None) -> Any:
    ranked = list(order) if order is not None else sorted(totals, key=_sort_key)
    for value in totals:
        if value not in ranked:
            raise ValueError(f"{value!r} is not one of the ordered values {ranked!r}")
    position = {value: rank for rank, value in enumerate(ranked)}
    frequencies = [totals.get(value, 0.0) for value in ranked]

    def delta(c: object, k: object) -> float:
        low, high = sorted((position[c], position[k]))
        between = sum(frequencies[low : high + 1]) - (frequencies[low] + frequencies[high]) / 2
        return between**2

    return delta


def _sort_key(value: object) -> tuple[str, Any]:
    return (type(value).__name__, value)


@attrs.frozen
class FamilyAgreement:
    """Agreement on one family of facts (or on all of them).

    Attributes:
        family: ``involvement``, ``capacity``, ... , ``fits``, or ``overall``.
        metric: ``ordinal`` or ``nominal``.
        units: How many units two coders or more gave a value (``unknown`` taken as missing).
        coders: How many coders gave a value to any unit of the family.
        percent: The share of agreeing pairs of values over those units, or None with none.
        alpha: Krippendorff's alpha, or None where undefined (``undefined`` says why).
        undefined: Why alpha is undefined; empty when it is not.
        units_with_unknown: The units with ``unknown`` taken as a category (nominal families only).
        percent_with_unknown: Percent agreement with ``unknown`` as a category, or None.
        alpha_with_unknown: Alpha with ``unknown`` as a category, or None.
        undefined_with_unknown: Why that alpha is undefined, or empty.

    Example:
        >>> import humanising
        >>> sleepwell = humanising.casebook.load("sleepwell")
        >>> result = humanising.agreement({"anna": [sleepwell], "ben": [sleepwell]})
        >>> roles = next(family for family in result.families if family.family == "roles")
        >>> roles.percent, roles.alpha, roles.undefined
        (1.0, None, 'every value given is alike, so no disagreement is expected by chance')
    """

    family: str
    metric: str
    units: int
    coders: int
    percent: float | None
    alpha: float | None
    undefined: str = ""
    units_with_unknown: int | None = None
    percent_with_unknown: float | None = None
    alpha_with_unknown: float | None = None
    undefined_with_unknown: str = ""


@attrs.frozen
class Agreement:
    """Agreement between coders over the cases they share.

    Attributes:
        coders: The coders, in the order given.
        cases: The ids of the cases compared (coded by two coders or more, sharing a skeleton).
        families: Agreement on each family of facts, then ``overall`` (nominal, over every unit).
        missing: ``(coder, case id)`` of each case another coder coded and this one did not.
        unshared: ``(coder, case id, why)`` of each coding left out because it does not share
            the skeleton (the stakeholder ids and stages) of the case's first coding.
        disagreements: ``(case id, coder, other coder, Difference)``: each fact the first coder
            of a case and each other coder record differently, those that change a verdict first.

    Example:
        >>> import humanising
        >>> sleepwell = humanising.casebook.load("sleepwell")
        >>> result = humanising.agreement({"anna": [sleepwell], "ben": []})
        >>> result.cases, result.missing
        ((), (('ben', 'sleepwell'),))
    """

    coders: tuple[str, ...]
    cases: tuple[str, ...]
    families: tuple[FamilyAgreement, ...]
    missing: tuple[tuple[str, str], ...] = ()
    unshared: tuple[tuple[str, str, str], ...] = ()
    disagreements: tuple[tuple[str, str, str, Any], ...] = ()


def agreement(codings: Mapping[str, Iterable[Initiative]]) -> Agreement:
    """Percent agreement and Krippendorff's alpha between coders, per fact family and overall.

    Args:
        codings: Each coder's codings; cases are aligned by initiative id.

    Example:
        >>> import humanising
        >>> anna = humanising.casebook.load("sleepwell")
        >>> ben = humanising.settle(anna, "participations[patients@design].involvement", "involved")
        >>> result = humanising.agreement({"anna": [anna], "ben": [ben]})
        >>> involvement = result.families[0]
        >>> involvement.family, involvement.units, involvement.coders, round(involvement.percent, 2)
        ('involvement', 13, 2, 0.92)
        >>> involvement.alpha is None, involvement.undefined
        (False, '')
        >>> str(result.disagreements[0][3].path)
        'participations[patients@design].involvement'
    """
    from humanising._reasoning._diff import diff

    coders = tuple(codings)
    by_case: dict[str, dict[str, Initiative]] = defaultdict(dict)
    for coder, initiatives in codings.items():
        for initiative in initiatives:
            by_case[initiative.id][coder] = initiative
    missing: list[tuple[str, str]] = []
    unshared: list[tuple[str, str, str]] = []
    cases: list[str] = []
    tables: dict[str, dict[str, dict[str, object]]] = defaultdict(lambda: defaultdict(dict))
    disagreements: list[tuple[str, str, str, Any]] = []
    for case_id in sorted(by_case):
        coded = by_case[case_id]
        missing.extend((coder, case_id) for coder in coders if coder not in coded)
        first_coder = next(coder for coder in coders if coder in coded)
        skeleton = _skeleton(coded[first_coder])
        shared = {}
        for coder, initiative in coded.items():
            why = _unshared(skeleton, _skeleton(initiative))
            if why:
                unshared.append((coder, case_id, why))
            else:
                shared[coder] = initiative
        if len(shared) < 2:
            continue
        cases.append(case_id)
        known: dict[str, set[str]] = {}
        for coder, initiative in shared.items():
            units = _units(initiative)
            known[coder] = {unit for (family, unit) in units if family == _KNOWN}
            for (family, unit), value in units.items():
                if family != _KNOWN:
                    tables[family][f"{case_id}:{unit}"][coder] = value
        # A member of a set one coder chose and another did not is a no for the other,
        # where the other knows the set (the stakeholder's, or the features when known).
        for family in _BINARY:
            for unit, values in tables.get(family, {}).items():
                if not unit.startswith(f"{case_id}:"):
                    continue
                container = unit[len(case_id) + 1 :].rsplit("[", 1)[0]
                for coder in shared:
                    if coder not in values and container in known[coder]:
                        values[coder] = False
        first = shared[first_coder]
        for coder, initiative in shared.items():
            if coder != first_coder:
                disagreements.extend((case_id, first_coder, coder, d) for d in diff(first, initiative))
    disagreements.sort(key=lambda item: not item[3].changes)
    families = [_family(family, tables.get(family, {}), coders) for family in FAMILIES]
    everything = {f"{family}/{unit}": values for family, table in tables.items() for unit, values in table.items()}
    families.append(_family("overall", everything, coders))
    return Agreement(
        coders=coders,
        cases=tuple(cases),
        families=tuple(families),
        missing=tuple(missing),
        unshared=tuple(unshared),
        disagreements=tuple(disagreements),
    )


def _family(family: str, table: Mapping[str, Mapping[str, object]], coders: Sequence[str]) -> FamilyAgreement:
    ordinal = family in _ORDERS
    metric = "ordinal" if ordinal else "nominal"

    def rows(unknown_missing: bool) -> list[list[object | None]]:
        result = []
        for values in table.values():
            row: list[object | None] = []
            for coder in coders:
                value = values.get(coder)
                row.append(None if value is None or (unknown_missing and value == _UNKNOWN) else value)
            result.append(row)
        return result

    def measure(data: list[list[object | None]]) -> tuple[int, float | None, float | None, str]:
        pairable = [[v for v in row if v is not None] for row in data]
        pairable = [row for row in pairable if len(row) >= 2]
        agree = sum(sum(a == b for i, a in enumerate(row) for b in row[i + 1 :]) for row in pairable)
        pairs = sum(len(row) * (len(row) - 1) // 2 for row in pairable)
        percent = agree / pairs if pairs else None
        if sum(1 for coder_values in zip(*data, strict=False) if any(v is not None for v in coder_values)) < 2:
            return len(pairable), percent, None, "fewer than two coders gave a value"
        try:
            alpha = krippendorff_alpha(data, metric=metric, order=_ORDERS.get(family))
        except ValueError as error:
            return len(pairable), percent, None, str(error)
        return len(pairable), percent, alpha, ""

    data = rows(unknown_missing=True)
    units, percent, alpha, undefined = measure(data)
    active = sum(1 for coder in coders if any(values.get(coder) not in {None, _UNKNOWN} for values in table.values()))
    result = FamilyAgreement(family, metric, units, active, percent, alpha, undefined)
    if ordinal:
        return result
    units_u, percent_u, alpha_u, undefined_u = measure(rows(unknown_missing=False))
    return attrs.evolve(
        result,
        units_with_unknown=units_u,
        percent_with_unknown=percent_u,
        alpha_with_unknown=alpha_u,
        undefined_with_unknown=undefined_u,
    )


def _skeleton(initiative: Initiative) -> tuple[frozenset[str], frozenset[str]]:
    stakeholders = frozenset(s.id for s in initiative.stakeholders)
    stages = frozenset(p.stage.value for p in initiative.participations) | frozenset(
        s.value for s in initiative.silent_stages
    )
    return stakeholders, stages


def _unshared(skeleton: tuple[frozenset[str], frozenset[str]], other: tuple[frozenset[str], frozenset[str]]) -> str:
    reasons = []
    compared: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = (
        ("stakeholders", skeleton[0], other[0]),
        ("stages", skeleton[1], other[1]),
    )
    for name, mine, theirs in compared:
        if mine != theirs:
            parts = []
            if theirs - mine:
                parts.append(f"adds {', '.join(sorted(theirs - mine))}")
            if mine - theirs:
                parts.append(f"lacks {', '.join(sorted(mine - theirs))}")
            reasons.append(f"{name}: {'; '.join(parts)}")
    return "; ".join(reasons)


def _scalar(value: object) -> object | None:
    """A fact's value as a unit's value: text or a yes/no, ``unknown``, or None where it is not one value."""
    if isinstance(value, Fact):
        value = value.value
    if isinstance(value, Unknown):
        return _UNKNOWN
    if isinstance(value, enum.Enum):
        text: object = value.value
        return text
    if isinstance(value, bool | str):
        return value
    return None


def _units(initiative: Initiative, prefix: str = "") -> dict[tuple[str, str], object]:
    from humanising._reasoning._analysis import classify
    from humanising.models import BUILTIN_MODELS

    units: dict[tuple[str, str], object] = {}

    def add(family: str, unit: str, value: object) -> None:
        scalar = _scalar(value)
        if scalar is not None:
            units[family, prefix + unit] = scalar

    for p in initiative.participations:
        key = f"participations[{p.stakeholder}@{p.stage.value}]"
        add("involvement", f"{key}.involvement", p.involvement)
        add("capacity", f"{key}.capacity", p.capacity)
    for s in initiative.stakeholders:
        for family in ("identities", "roles"):
            units[_KNOWN, f"{prefix}stakeholders[{s.id}].{family}"] = True
            for member in getattr(s, family):
                units[family, f"{prefix}stakeholders[{s.id}].{family}[{member.value}]"] = True
        for name in ("user_run", "run_by", "domain", "avoided_services"):
            add("initiative", f"stakeholders[{s.id}].{name}", getattr(s, name))
    for product in initiative.products:
        for name in ("kind", "domain", "role_differentiation"):
            add("products", f"products[{product.id}].{name}", getattr(product, name))
    for r in initiative.relationships:
        key = f"relationships[{'@'.join(r.between)}@{r.aspect.value}]"
        add("relationships", f"{key}.change", r.change)
        add("relationships", f"{key}.claim", r.claim)
    for group, family in (
        ("evidence", "evidence"),
        ("design_process", "design process"),
        ("observations", "observations"),
    ):
        facts = getattr(initiative, group)
        for field in attrs.fields(type(facts)):
            add(family, f"{group}.{field.name}", getattr(facts, field.name))
    for name in ("role_differentiation", "compulsion", "paid_employment", "user_knowledge_shapes_product"):
        add("initiative", name, getattr(initiative, name))
    features = initiative.humanising_features
    if features.value is UNKNOWN:
        units["features", f"{prefix}humanising_features"] = _UNKNOWN
    else:
        units[_KNOWN, f"{prefix}humanising_features"] = True
        for feature in features.value:
            units["features", f"{prefix}humanising_features[{feature.kind.value}]"] = True
    for model_id, verdict in classify(initiative, models=BUILTIN_MODELS).items():
        fit = verdict.fit.value
        units["fits", f"{prefix}{model_id}"] = fit if fit in _FITS else _UNKNOWN
    for part in initiative.parts:
        units.update(_units(part, f"{prefix}parts[{part.id}]."))
    return units


def skeleton(initiative: Initiative) -> Initiative:
    """The skeleton a team codes one case from: who is there and where, and nothing coded yet.

    Keeps the id, name, summary, place, period and sources; the stakeholders' ids, names and
    identities; the products' ids, names and kinds; each participation's stakeholder, stage and
    capacity, with its involvement unknown; and the parts, each as a skeleton. Every other fact
    is left unknown, for each coder to settle.

    Example:
        >>> import humanising
        >>> from humanising._reasoning._agreement import skeleton
        >>> bare = skeleton(humanising.casebook.load("sleepwell"))
        >>> {p.involvement.value for p in bare.participations}
        {'unknown'}
        >>> humanising.classify(bare)["coproduction"].fit.value
        'undetermined'
    """
    from humanising._facts._facts import Participation, Product, Stakeholder

    return Initiative(
        id=initiative.id,
        name=initiative.name,
        summary=initiative.summary,
        place=initiative.place,
        period=initiative.period,
        illustrative=initiative.illustrative,
        sources=initiative.sources,
        stakeholders=tuple(Stakeholder(id=s.id, name=s.name, identities=s.identities) for s in initiative.stakeholders),
        products=tuple(Product(id=p.id, name=p.name, kind=p.kind) for p in initiative.products),
        participations=tuple(
            Participation(stakeholder=p.stakeholder, stage=p.stage, involvement=UNKNOWN, capacity=p.capacity)
            for p in initiative.participations
        ),
        parts=tuple(skeleton(part) for part in initiative.parts),
    )
