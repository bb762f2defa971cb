"""Inline SVG drawings for the HTML report: the stakeholder diagram and the quadrant chart.

Drawn here in Python, so that a report needs no script and no network to show
them. The stakeholder diagram shows what ``humanising.reports.mermaid`` writes
as text: stakeholders grouped by identity, an arrow from each to each stage it
takes part in (coloured and weighted by involvement), and a numbered dotted arc
between the parties of every relationship the initiative narrows.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from html import escape

from humanising._facts import Identity, Initiative, Involvement, in_stage_order
from humanising._facts._unknown import UNKNOWN, Unknown
from humanising._reasoning._relations import equalises
from humanising.reports._common import Entry, clip
from humanising.reports._mermaid import GROUP_NAMES
from humanising.reports._present import EQUALISING_SIDES, SIDES, Axes, Side, quadrant_axes, relationship_phrase

_CHAR = 6.4  # the average width of a 12px sans-serif character, for layout
_LINE = 15

# Involvement, from none to leads, in a sequential blue scale; unknown is a grey dotted line.
_STROKES: dict[Involvement | Unknown, tuple[str, float, str]] = {
    Involvement.NONE: ("#b8b8b8", 1.0, "2 3"),
    Involvement.INFORMED: ("#9ecae1", 1.3, ""),
    Involvement.CONSULTED: ("#6baed6", 1.6, ""),
    Involvement.INVOLVED: ("#3182bd", 2.2, ""),
    Involvement.PARTNER: ("#08519c", 3.2, ""),
    Involvement.LEADS: ("#08306b", 4.2, ""),
    UNKNOWN: ("#8a8a8a", 1.6, "5 4"),
}
_IDENTITY_ORDER = {identity: position for position, identity in enumerate(Identity)}


def _attrs(**values: object) -> str:
    return "".join(f' {name.rstrip("_").replace("_", "-")}="{escape(str(value))}"' for name, value in values.items())


def _text(x: float, y: float, text: str, **values: object) -> str:
    return f"<text{_attrs(x=round(x, 1), y=round(y, 1), **values)}>{escape(text)}</text>"


def _bezier(p0: float, p1: float, p2: float, p3: float, t: float) -> float:
    u = 1 - t
    return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3


_EDGE_CHAR = 5.6  # the widest a 10px edge label's character runs, with its white outline
_EDGE_HEIGHT = 13.0
_ALONG = tuple(step / 40 for step in range(6, 35))  # points along an arrow a label may sit at, from 0.15 to 0.85


def _label_place(
    placed: list[tuple[float, float, float, float]],
    text: str,
    xs: tuple[float, float, float, float],
    ys: tuple[float, float],
    start: float,
) -> tuple[float, float]:
    """Where a label's left end and middle go on a cubic arrow: the free point nearest ``start``, added to ``placed``.

    A point is free where the label's box overlaps no box in ``placed``; where none is, the label
    moves up from the point at ``start`` until it is clear of the others.
    """
    width = len(text) * _EDGE_CHAR + 4

    def box(x: float, y: float) -> tuple[float, float, float, float]:
        return (x - 2, y - _EDGE_HEIGHT / 2, x - 2 + width, y + _EDGE_HEIGHT / 2)

    def clear(candidate: tuple[float, float, float, float]) -> bool:
        left, top, right, bottom = candidate
        return all(right <= x1 or x2 <= left or bottom <= y1 or y2 <= top for x1, y1, x2, y2 in placed)

    (x0, x1, x2, x3), (y0, y3) = xs, ys
    for along in sorted(_ALONG, key=lambda along: abs(along - start)):
        x, y = _bezier(x0, x1, x2, x3, along), _bezier(y0, y0, y3, y3, along)
        if clear(box(x, y)):
            placed.append(box(x, y))
            return x, y
    x, y = _bezier(x0, x1, x2, x3, start), _bezier(y0, y0, y3, y3, start)
    while not clear(box(x, y)):
        y -= _EDGE_HEIGHT
    placed.append(box(x, y))
    return x, y


def stakeholder_svg(initiative: Initiative) -> str:
    """The initiative's stakeholder diagram as an inline ``<svg>`` element.

    Args:
        initiative: The initiative to draw.

    Returns:
        SVG markup, with a title and a text legend, to place in an HTML page.

    Example:
        >>> import humanising
        >>> svg = stakeholder_svg(humanising.casebook.load("east-lille-4"))
        >>> svg.startswith("<svg") and "narrows" in svg
        True
    """
    prefix = f"d-{initiative.id}"
    narrowed = equalises(initiative)
    group_x = 60.0 + 26 * len(narrowed) if narrowed else 16.0
    group_w, box_w = 250.0, 230.0
    stage_x, stage_w = group_x + group_w + 260, 170.0
    parts: list[str] = []
    centres: dict[str, float] = {}
    groups: dict[Identity, list[tuple[str, list[str]]]] = {}
    for stakeholder in sorted(initiative.stakeholders, key=lambda s: s.id):
        first = min(stakeholder.identities, key=_IDENTITY_ORDER.__getitem__)
        lines = textwrap.wrap(clip(stakeholder.name), width=int(box_w / _CHAR) - 2) or [stakeholder.id]
        groups.setdefault(first, []).append((stakeholder.id, lines))
    y = 12.0
    for identity in sorted(groups, key=_IDENTITY_ORDER.__getitem__):
        top = y
        y += 24
        boxes = []
        for stakeholder_id, lines in groups[identity]:
            box_h = 10 + _LINE * len(lines)
            boxes.append(
                f'<rect class="stakeholder"{_attrs(x=group_x + 10, y=y, width=box_w, height=box_h, rx=5)}/>'
                + "".join(
                    _text(group_x + 20, y + 17 + _LINE * index, line, class_="label")
                    for index, line in enumerate(lines)
                )
            )
            centres[stakeholder_id] = y + box_h / 2
            y += box_h + 8
        parts.append(
            f'<rect class="group"{_attrs(x=group_x, y=top, width=group_w, height=y - top + 2, rx=8)}/>'
            + _text(group_x + 10, top + 16, GROUP_NAMES[identity], class_="group-label")
            + "".join(boxes)
        )
        y += 14
    left_bottom = y
    stages = in_stage_order({participation.stage for participation in initiative.participations})
    # Stages spread over the height of the stakeholder column, so that the arrows fan out.
    stage_step = max(42.0, (left_bottom - 24) / max(len(stages), 1))
    stage_top = max(12.0, (left_bottom - stage_step * len(stages)) / 2)
    stage_centres = {stage: stage_top + stage_step * (index + 0.5) for index, stage in enumerate(stages)}
    for stage, centre in stage_centres.items():
        parts.append(
            f'<rect class="stage"{_attrs(x=stage_x, y=centre - 15, width=stage_w, height=30, rx=15)}/>'
            + _text(stage_x + stage_w / 2, centre + 4, stage.words, class_="label", text_anchor="middle")
        )
    edges, labels = [], []
    placed: list[tuple[float, float, float, float]] = []
    ordered = sorted(initiative.participations, key=lambda p: (p.stakeholder, p.stage))
    fan: dict[str, int] = {}
    for participation in ordered:
        colour, width, dash = _STROKES[participation.involvement]
        x0, y0 = group_x + 10 + box_w, centres[participation.stakeholder]
        x3, y3 = stage_x - 6, stage_centres[participation.stage]
        x1, x2 = x0 + 80, x3 - 80
        path = f"M{x0:.1f},{y0:.1f} C{x1:.1f},{y0:.1f} {x2:.1f},{y3:.1f} {x3:.1f},{y3:.1f}"
        level = "unknown" if participation.involvement is UNKNOWN else participation.involvement.value
        edges.append(
            f"<path{_attrs(d=path, stroke=colour, stroke_width=width, fill='none')}"
            + (f"{_attrs(stroke_dasharray=dash)}" if dash else "")
            + f"{_attrs(marker_end=f'url(#{prefix}-arrow)')}><title>{escape(participation.stakeholder)}"
            + f" → {escape(participation.stage.value)}: {escape(level)}</title></path>"
        )
        # Each label sits at the first point along its arrow where it overlaps no label already placed;
        # a stakeholder's labels start at different points, so that they spread out.
        position = fan[participation.stakeholder] = fan.get(participation.stakeholder, -1) + 1
        x, y = _label_place(placed, level, (x0, x1, x2, x3), (y0, y3), 0.28 + 0.16 * (position % 3))
        labels.append(_text(x, y + 3, level, class_="edge-label"))
    arcs, captions = [], []
    for count, relationship in enumerate(narrowed, start=1):
        top_y, bottom_y = (centres[party] for party in relationship.between)
        depth = 30 + 26 * count
        path = (
            f"M{group_x:.1f},{top_y:.1f} C{group_x - depth:.1f},{top_y:.1f} "
            f"{group_x - depth:.1f},{bottom_y:.1f} {group_x:.1f},{bottom_y:.1f}"
        )
        apex_x, apex_y = group_x - 0.75 * depth, (top_y + bottom_y) / 2
        arcs.append(
            f'<path class="narrows"{_attrs(d=path)}/>'
            f'<circle class="badge"{_attrs(cx=round(apex_x, 1), cy=round(apex_y, 1), r=9)}/>'
            + _text(apex_x, apex_y + 4, str(count), class_="badge-label", text_anchor="middle")
        )
        captions.append(f"{count}: {relationship_phrase(relationship, initiative)}")
    height: float = max(left_bottom, stage_top + stage_step * len(stages)) + 8
    footer = []
    for line in captions:
        footer.append(_text(16, height + 12, line, class_="caption"))
        height += 18
    legend_x = 16.0
    for involvement, (stroke, stroke_width, stroke_dash) in _STROKES.items():
        name = "unknown" if involvement is UNKNOWN else involvement.value
        footer.append(
            f"<line{_attrs(x1=legend_x, y1=height + 20, x2=legend_x + 26, y2=height + 20)}"
            f"{_attrs(stroke=stroke, stroke_width=stroke_width)}"
            f"{_attrs(stroke_dasharray=stroke_dash) if stroke_dash else ''}/>"
            + _text(legend_x + 31, height + 24, name, class_="caption")
        )
        legend_x += 38 + len(name) * _CHAR
    height += 36
    width = max(stage_x + stage_w + 16, legend_x)
    title = f"Who takes part in {initiative.name}, at which stage, with how much say"
    marker = (
        f'<defs><marker id="{prefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>'
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="diagram" role="img"'
        f"{_attrs(viewBox=f'0 0 {width:.0f} {height:.0f}', width=f'{width:.0f}', aria_label=title)}>"
        f"<title>{escape(title)}</title>{marker}"
        + "".join(parts)
        + "".join(arcs)
        + "".join(edges)
        + "".join(labels)
        + "".join(footer)
        + "</svg>"
    )


def _sides(axes: Axes) -> tuple[Side, Side]:
    return axes.humanises, axes.equalises


def quadrant_svg(rows: Sequence[Entry]) -> str:
    """The equalising-by-humanising chart, placing every initiative, as an inline ``<svg>``.

    Equalising runs left (no) to right (yes, then beyond: a relationship bypassed),
    humanising bottom (no) to top (yes); a middle band on each axis holds the
    initiatives for which that side cannot be told from the facts. Each initiative is a dot and its id, linking
    to its section of the report.

    Example:
        >>> import humanising
        >>> from humanising.reports._common import entries
        >>> rows = entries([humanising.analyse(humanising.casebook.load("sleepwell"))])
        >>> 'href="#case-sleepwell"' in quadrant_svg(rows)
        True
    """
    columns = EQUALISING_SIDES  # equalises, left to right
    lines = SIDES[::-1]  # humanises, top first
    # Dots are placed by their sides, so that each sits in its cell whatever the cell is called.
    cells: dict[tuple[Side, Side], list[tuple[Entry, Axes]]] = {}
    for row in rows:
        placed = quadrant_axes(row.analysis)
        cells.setdefault((placed.humanises, placed.equalises), []).append((row, placed))
    label_width = max((len(row.analysis.initiative.id) for row in rows), default=10) * _CHAR
    # The widest cell label (bold, so a little wider than a character of the dots' labels) fits too.
    cell_label_width = max(len(quadrant_axes((h, e)).quadrant) for h in lines for e in columns) * _CHAR * 1.15
    cell_w = max(200.0, label_width + 40, cell_label_width + 16)
    left, top = 118.0, 16.0
    heights = [
        max(
            70.0 if side is None else 110.0,
            40 + 18 * max((len(cells.get(_sides(quadrant_axes((side, e))), [])) for e in columns), default=0),
        )
        for side in lines
    ]
    parts = []
    y = top
    for side, height in zip(lines, heights, strict=True):
        for column, equalising in enumerate(columns):
            x = left + column * cell_w
            axes = quadrant_axes((side, equalising))
            kind = axes.quadrant.replace(" ", "-")
            parts.append(
                f'<rect class="cell cell-{kind}"{_attrs(x=x, y=y, width=cell_w, height=height)}/>'
                + _text(x + 8, y + 16, axes.quadrant, class_="cell-label")
            )
            for index, (row, placed) in enumerate(cells.get(_sides(axes), [])):
                initiative = row.analysis.initiative
                cy = y + 36 + 18 * index
                parts.append(
                    f'<a href="#case-{escape(initiative.id)}"><title>{escape(initiative.name)}: '
                    f"{escape(placed.quadrant)}</title>"
                    f'<circle class="dot dot-{kind}"{_attrs(cx=x + 16, cy=cy - 4, r=5)}/>'
                    + _text(x + 27, cy, initiative.id, class_="dot-label")
                    + "</a>"
                )
        y += height
    bottom = y
    for column, equalising in enumerate(columns):
        word = quadrant_axes((False, equalising)).equalises.word
        parts.append(_text(left + (column + 0.5) * cell_w, bottom + 18, word, class_="axis", text_anchor="middle"))
    titles = quadrant_axes((None, None))
    parts.append(
        _text(
            left + len(columns) / 2 * cell_w,
            bottom + 38,
            f"{titles.equalises.axis} →",
            class_="axis-title",
            text_anchor="middle",
        )
    )
    y = top
    for side, height in zip(lines, heights, strict=True):
        word = quadrant_axes((side, False)).humanises.word
        parts.append(_text(left - 8, y + height / 2 + 4, word, class_="axis", text_anchor="end"))
        y += height
    parts.append(
        _text(
            24,
            top + sum(heights) / 2,
            f"{titles.humanises.axis} →",
            class_="axis-title",
            text_anchor="middle",
            transform=f"rotate(-90 24 {top + sum(heights) / 2:.1f})",
        )
    )
    width, height = left + len(columns) * cell_w + 16, bottom + 50
    title = "Where each initiative sits between equalising and humanising"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="quadrant" role="img"'
        f"{_attrs(viewBox=f'0 0 {width:.0f} {height:.0f}', width=f'{width:.0f}', aria_label=title)}>"
        f"<title>{escape(title)}</title>" + "".join(parts) + "</svg>"
    )
