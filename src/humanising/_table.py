"""Plain-text tables of verdicts, for terminals."""

from __future__ import annotations

from collections.abc import Sequence

from humanising._analysis import Analysis, registered_models

_SHORT = {
    "coproduction": "co-production",
    "coproduction_gold_standard": "gold standard",
    "evidence_based_practice": "EBP",
    "user_led": "user-led",
    "community_involvement": "community",
    "user_centred_design": "UCD",
}


def _equalises(analysis: Analysis) -> str:
    if not analysis.equalises:
        return "nothing"
    names = {s.id: s.name for s in analysis.initiative.stakeholders}
    return "; ".join(
        f"{names[r.between[0]]} ~ {names[r.between[1]]} ({r.aspect.value.replace('_', ' ')}, {r.claim.value})"
        for r in analysis.equalises
    )


def casebook_table(analyses: Sequence[Analysis]) -> str:
    """A table with a row per initiative: verdicts of every model, what it equalises, whether it humanises."""
    model_ids = [model.id for model in registered_models()]
    header = ["case", *(_SHORT.get(model_id, model_id) for model_id in model_ids), "humanises", "quadrant", "equalises"]
    rows = [
        [
            analysis.initiative.id,
            *(analysis.verdicts[model_id].fit.value for model_id in model_ids),
            analysis.humanises.fit.value,
            analysis.quadrant.value,
            _equalises(analysis),
        ]
        for analysis in analyses
    ]
    widths = [max(len(row[column]) for row in (header, *rows)) for column in range(len(header) - 1)]

    def line(cells: Sequence[str]) -> str:
        padded = [cell.ljust(width) for cell, width in zip(cells, widths, strict=False)]
        return " | ".join([*padded, cells[-1]]).rstrip() + "\n"

    rule = "-+-".join("-" * width for width in widths) + "-+-" + "-" * len(header[-1]) + "\n"
    return line(header) + rule + "".join(line(row) for row in rows)
