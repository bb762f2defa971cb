"""The text of ``humanising diff``: the differences of two codings as text, Markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from humanising._reasoning._diff import Difference
from humanising.reports._common import visible

NO_VERDICT = "changes no verdict"


def _value(value: object) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def side(difference: Difference, which: str) -> str:
    """One coding's value of a difference, with its basis: ``none (published)``, or ``missing``."""
    present, value, basis = (
        (difference.a_present, difference.a, difference.a_basis)
        if which == "a"
        else (difference.b_present, difference.b, difference.b_basis)
    )
    if not present:
        return "missing"
    text = _value(value)
    return f"{text} ({basis})" if basis else text


def effect(difference: Difference) -> str:
    """What taking this fact alone from the second coding does to the verdicts."""
    if difference.not_alone:
        return f"cannot be taken alone: {difference.not_alone}"
    if not difference.changes:
        return NO_VERDICT
    return "; ".join(str(change) for change in difference.changes)


def text(differences: Sequence[Difference], a_name: str, b_name: str) -> str:
    """A plain-text listing, one difference per paragraph."""
    if not differences:
        return f"{visible(a_name)} and {visible(b_name)} code every fact alike\n"
    lines = [
        (
            f"{len(differences)} difference{'s' if len(differences) != 1 else ''} between "
            f"A = {visible(a_name)} and B = {visible(b_name)}"
        ),
        "",
    ]
    for difference in differences:
        lines.extend(
            (
                str(difference.path),
                f"  A: {visible(side(difference, 'a'))}",
                f"  B: {visible(side(difference, 'b'))}",
                f"  taken alone from B: {visible(effect(difference))}",
                "",
            )
        )
    return "\n".join(lines)


def _cell(value: str) -> str:
    escaped = visible(value).replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")
    return escaped.replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*").replace("_", "\\_")


def markdown(differences: Sequence[Difference], a_name: str, b_name: str) -> str:
    """A Markdown table, one row per difference."""
    heading = f"# Differences between {_cell(a_name)} (A) and {_cell(b_name)} (B)\n\n"
    if not differences:
        return heading + "The two codings code every fact alike.\n"
    rows = [
        "| fact | A | B | taken alone from B |",
        "|---|---|---|---|",
        *(
            f"| `{str(d.path).replace('`', '')}` | {_cell(side(d, 'a'))} | {_cell(side(d, 'b'))} | {_cell(effect(d))} |"
            for d in differences
        ),
    ]
    return heading + "\n".join(rows) + "\n"


def as_json(differences: Sequence[Difference], a_name: str, b_name: str) -> str:
    """The differences as JSON: the two files and, per difference, both sides and the verdicts it changes."""
    data: dict[str, Any] = {
        "a": a_name,
        "b": b_name,
        "equal": not differences,
        "differences": [difference.to_dict() for difference in differences],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def agreement_text(result: Any) -> str:
    """The agreement report: disagreements that change a verdict first, then the measures per family."""
    lines = [
        (
            f"{len(result.coders)} coders ({', '.join(visible(c) for c in result.coders)}), "
            f"{len(result.cases)} case{'s' if len(result.cases) != 1 else ''} compared"
        ),
        "",
    ]
    deciding = [item for item in result.disagreements if item[3].changes]
    lines.append(f"Disagreements that change a verdict: {len(deciding)}")
    for case_id, first, other, difference in deciding:
        lines.append(
            f"  {visible(case_id)} {difference.path}: {visible(first)} {visible(side(difference, 'a'))}, "
            f"{visible(other)} {visible(side(difference, 'b'))}; {visible(effect(difference))}"
        )
    others = len(result.disagreements) - len(deciding)
    lines.extend((f"Other disagreements: {others} (changing no verdict taken alone)", ""))
    header = f"{'family':15} {'metric':8} {'units':>5} {'coders':>6} {'agree':>6} {'alpha':>6}   unknown as a category"
    lines.append(header)
    for family in result.families:
        row = (
            f"{family.family:15} {family.metric:8} {family.units:>5} {family.coders:>6} "
            f"{_number(family.percent):>6} {_number(family.alpha):>6}"
        )
        if family.units_with_unknown is not None:
            row += (
                f"   units {family.units_with_unknown}, agree {_number(family.percent_with_unknown)}, "
                f"alpha {_number(family.alpha_with_unknown)}"
            )
        lines.append(row)
    undefined = [(f.family, f.undefined) for f in result.families if f.undefined]
    if undefined:
        lines.extend(("", "alpha undefined:", *(f"  {name}: {why}" for name, why in undefined)))
    for coder, case_id in result.missing:
        lines.append(f"{visible(coder)} has no coding of {visible(case_id)}")
    for coder, case_id, why in result.unshared:
        lines.append(f"{visible(coder)}'s {visible(case_id)} does not share the skeleton, left out: {visible(why)}")
    return "\n".join(lines) + "\n"


def agreement_json(result: Any) -> str:
    """The agreement report as JSON."""
    import attrs

    data = {
        "coders": list(result.coders),
        "cases": list(result.cases),
        "families": [attrs.asdict(family) for family in result.families],
        "missing": [{"coder": c, "case": i} for c, i in result.missing],
        "unshared": [{"coder": c, "case": i, "why": w} for c, i, w in result.unshared],
        "disagreements": [{"case": i, "coder": a, "other": b, **d.to_dict()} for i, a, b, d in result.disagreements],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
