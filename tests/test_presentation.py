"""Every output says a verdict, an equalised relationship and a place on the quadrant chart in the same words.

The words come from ``humanising.reports._present``; each test reads an output as a person
(or a program) meets it, the command line's text, the Markdown rendered by the docs'
toolchain, the HTML page parsed, the JSON parsed back, the casebook pages, and looks for
those words in it.
"""

from __future__ import annotations

import importlib.util
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import humanising
from _hostile import render_markdown
from humanising import strategies as hst
from humanising.cli import cli
from humanising.reports import html_report, json_report, markdown_report
from humanising.reports._common import entries, short_name, visible
from humanising.reports._present import (
    LEGEND_LEAD,
    MARK_SEPARATOR,
    ByProductLine,
    CriterionLine,
    FitLine,
    NoteLine,
    SettledByLine,
    StagesLine,
    VerdictLine,
    fit_cell,
    quadrant_axes,
    relationship_phrase,
    summary_lines,
    verdict_lines,
)
from humanising.reports._text import casebook_table

ROOT = Path(__file__).resolve().parent.parent
ANALYSES = [row.analysis for row in entries(humanising.analyse(case) for case in humanising.casebook.load_all())]
NAMES = {model.id: model.name for model in humanising.registered_models()}


def load_hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_generated", ROOT / "docs" / "_hooks" / "generated.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hook = load_hook()


def phrases(analysis: humanising.Analysis) -> list[str]:
    """What the one function says of each relationship the analysis equalises."""
    return [relationship_phrase(relationship, analysis.initiative) for relationship in analysis.equalises]


def listed(text: str) -> list[str]:
    """The phrases an output lists after its "Equalises:" label, or ``[]`` where it says nothing is."""
    return [] if text == "nothing" else text.split("; ")


def parts(line: VerdictLine) -> tuple[str, ...]:
    """The words a verdict line has to show, in the order it says them."""
    match line:
        case FitLine():
            return (line.fit.value, line.rests_on) if line.rests_on else (line.fit.value,)
        case ByProductLine():
            return (line.label, *line.phrases)
        case CriterionLine():
            return (line.mark, line.status.value, line.kind, line.reason)
        case NoteLine():
            return (line.text,)
        case StagesLine():
            return (line.label, *line.stages)
        case SettledByLine():
            return (line.label, *line.paths)


def says(text: str, line: VerdictLine, *, in_order: bool = True) -> bool:
    """Whether ``text`` shows every word of ``line`` (a label in whatever case), in order unless told."""
    folded, position = text.casefold(), 0
    for part in parts(line):
        found = folded.find(part.casefold(), position if in_order else 0)
        if found < 0:
            return False
        position = found + len(part)
    return True


def titled(analysis: humanising.Analysis, names: dict[str, str]) -> list[tuple[str, humanising.Verdict]]:
    """Every verdict of the analysis, under the title ``names`` gives its model (humanises included)."""
    return [(names[model_id], verdict) for model_id, verdict in analysis.verdicts.items()] + [
        (names["humanises"], analysis.humanises)
    ]


# --- reading the outputs


class Block:
    """An element of a page: its tag, attributes, text, and the blocks it is inside (by index)."""

    def __init__(self, tag: str, attributes: dict[str, str | None], parents: tuple[int, ...]) -> None:
        self.tag, self.attributes, self.parents, self.text = tag, attributes, parents, ""

    def get(self, name: str) -> str:
        return self.attributes.get(name) or ""

    def number(self, name: str) -> float:
        return float(self.get(name))


class Blocks(HTMLParser):
    """The elements of an HTML page (the report, or Markdown as the docs render it), in document order."""

    TAGS = frozenset(
        {"article", "section", "details", "summary", "h2", "h3", "li", "p", "table", "tr", "td", "th", "a", "text"}
        | {"title", "abbr", "span"}
    )
    SHAPES = frozenset({"rect", "circle"})

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._open: list[tuple[int, list[str]]] = []
        self.feed(page)
        self.close()

    def _add(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.blocks.append(Block(tag, dict(attrs), tuple(index for index, _ in self._open)))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.TAGS:
            self._add(tag, attrs)
            self._open.append((len(self.blocks) - 1, []))
        elif tag in self.SHAPES:
            self._add(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SHAPES:
            self._add(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        while tag in self.TAGS and self._open:
            index, chunks = self._open.pop()
            self.blocks[index].text = "".join(chunks).strip()
            if self.blocks[index].tag == tag:
                return

    def handle_data(self, data: str) -> None:
        for _, chunks in self._open:
            chunks.append(data)

    def within(self, block_id: str, *tags: str) -> list[Block]:
        """The blocks with one of ``tags`` inside the element whose id is ``block_id``."""
        (outer,) = [index for index, block in enumerate(self.blocks) if block.get("id") == block_id]
        return [block for block in self.blocks if outer in block.parents and block.tag in tags]

    def cells(self, row: Block) -> list[str]:
        index = self.blocks.index(row)
        return [block.text for block in self.blocks if block.parents[-1:] == (index,) and block.tag in {"td", "th"}]

    def table(self, first_header: str) -> tuple[list[str], dict[str, list[str]]]:
        """The header and the rows (by first cell) of the first table whose first heading is ``first_header``."""
        for index, block in enumerate(self.blocks):
            if block.tag != "table":
                continue
            header, *rows = [self.cells(row) for row in self.blocks if row.tag == "tr" and index in row.parents]
            if header[:1] == [first_header]:
                return header, {row[0]: row for row in rows}
        raise AssertionError(f"no table headed {first_header!r}")


def labelled(items: list[str], label: str) -> str:
    """The text after ``label`` in the one item that starts with it."""
    (text,) = [item.removeprefix(f"{label}:").strip() for item in items if item.startswith(f"{label}:")]
    return text


def texts(blocks: list[Block]) -> list[str]:
    return [block.text for block in blocks]


@pytest.fixture(scope="module")
def explained(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[list[str]]]:
    """``humanising explain`` of every shipped case file: each initiative's paragraphs, by id."""
    folder = tmp_path_factory.mktemp("casebook")
    runner = CliRunner()
    assert runner.invoke(cli, ["casebook", "export", str(folder)]).exit_code == 0
    result = runner.invoke(cli, ["explain", *sorted(str(file) for file in folder.glob("*.yaml"))])
    assert result.exit_code == 0, result.output
    found: dict[str, list[list[str]]] = {}
    current: list[list[str]] = []
    for paragraph in result.stdout.rstrip("\n").split("\n\n"):
        lines = paragraph.split("\n")
        if not lines[0].startswith(" "):
            current = found[lines[0].split(":")[0]] = []
        else:
            current.append(lines)
    return found


@pytest.fixture(scope="module")
def html_page() -> Blocks:
    return Blocks(html_report(ANALYSES))


@pytest.fixture(scope="module")
def markdown_page() -> Blocks:
    return Blocks(render_markdown(markdown_report(ANALYSES)))


def markdown_sections(page: Blocks) -> dict[tuple[str, str], list[str]]:
    """The items of the rendered Markdown report, by the initiative's heading and the verdict's (``""`` before one)."""
    sections: dict[tuple[str, str], list[str]] = {}
    initiative = heading = ""
    for block in page.blocks:
        if block.tag == "h2":
            initiative, heading = block.text.rstrip("¶"), ""
        elif block.tag == "h3":
            heading = block.text.rstrip("¶")
        elif block.tag == "li" and initiative:
            sections.setdefault((initiative, heading), []).append(block.text)
    return sections


def case_page_lines(case_id: str) -> list[str]:
    return str(hook.case_page(case_id)).splitlines()


# --- an equalised relationship


def summary_of(explained: dict[str, list[list[str]]], case_id: str) -> list[str]:
    """The paragraph of ``humanising explain`` that places a case between equalising and humanising."""
    (last,) = [lines for lines in explained[case_id] if lines[0].startswith("  quadrant: ")]
    return last


def test_explain_lists_the_phrase_of_every_relationship_it_equalises(explained: dict[str, list[list[str]]]) -> None:
    for analysis in ANALYSES:
        (line,) = [line for line in summary_of(explained, analysis.initiative.id) if line.startswith("  equalises: ")]
        assert listed(line.removeprefix("  equalises: ")) == phrases(analysis)


def terminal_table(analyses: list[humanising.Analysis] = ANALYSES) -> tuple[list[str], dict[str, list[str]]]:
    """The header and the rows (by case id) of ``humanising casebook``'s table, without the legend under it."""
    table = casebook_table(analyses).split("\n\n")[0]
    header, _rule, *rows = [[cell.strip() for cell in line.split(" | ")] for line in table.splitlines()]
    return header, {row[0]: row for row in rows}


def test_the_table_lists_the_phrase_of_every_relationship_it_equalises() -> None:
    header, rows = terminal_table()
    for analysis in ANALYSES:
        assert listed(rows[analysis.initiative.id][header.index("equalises")]) == phrases(analysis)


def test_the_markdown_report_lists_the_phrase_of_every_relationship_it_equalises(markdown_page: Blocks) -> None:
    sections = markdown_sections(markdown_page)
    for analysis in ANALYSES:
        assert listed(labelled(sections[analysis.initiative.name, ""], "Equalises")) == phrases(analysis)


def test_the_html_report_lists_and_draws_the_phrase_of_every_relationship_it_equalises(html_page: Blocks) -> None:
    for analysis in ANALYSES:
        article = f"case-{analysis.initiative.id}"
        assert listed(labelled(texts(html_page.within(article, "li")), "Equalises")) == phrases(analysis)
        captions = [text.text for text in html_page.within(article, "text") if text.get("class") == "caption"]
        numbered = [caption.partition(": ")[2] for caption in captions if caption.partition(": ")[0].isdigit()]
        assert numbered == phrases(analysis)  # the numbered arcs of the stakeholder diagram


def beyond_phrases(analysis: humanising.Analysis) -> list[str]:
    """What the one function says of each relationship the analysis goes beyond equalising."""
    return [relationship_phrase(relationship, analysis.initiative) for relationship in analysis.exceeds]


def test_every_output_says_what_goes_beyond_equalising_the_outcome_and_the_notes(
    explained: dict[str, list[list[str]]], markdown_page: Blocks, html_page: Blocks
) -> None:
    """Explain, the Markdown and HTML reports and the casebook pages give the same summary lines of each case."""
    seen_beyond = seen_note = False
    for analysis in ANALYSES:
        summary = summary_lines(analysis)
        labels = [label for label, _ in summary]
        assert ("Beyond equalising" in labels) == bool(analysis.exceeds)
        assert labels.count("Note") == len(analysis.notes)
        assert dict(summary)["Equalising"] == analysis.equalising.value
        if analysis.exceeds:
            seen_beyond = True
            assert listed(dict(summary)["Beyond equalising"]) == beyond_phrases(analysis)
        seen_note = seen_note or bool(analysis.notes)
        expected = [f"{label}: {text}" for label, text in summary]
        markdown = markdown_sections(markdown_page)[analysis.initiative.name, ""]
        assert [item for item in markdown if item.split(":")[0] in labels] == expected
        html = texts(html_page.within(f"case-{analysis.initiative.id}", "li"))
        assert [item for item in html if item.split(":")[0] in labels] == expected
        cli_lines = [line.strip() for line in summary_of(explained, analysis.initiative.id)]
        assert cli_lines == [f"{label.lower()}: {text}" for label, text in summary if label != "Humanises"]
        page = case_page_lines(analysis.initiative.id)
        assert all(f"**{label}:** {text}" in " ".join(page) for label, text in summary)
    # The casebook has both: East Lille 7 and the Welsh course go beyond equalising, East Lille 6 has a note.
    assert seen_beyond
    assert seen_note


def test_the_json_report_lists_the_relationships_the_phrases_name() -> None:
    """The JSON holds each relationship as data (ids, terms), not words: each entry is the one its phrase names."""
    by_id = {initiative["id"]: initiative for initiative in json.loads(json_report(ANALYSES))["initiatives"]}
    for analysis in ANALYSES:
        names = {stakeholder.id: stakeholder.name for stakeholder in analysis.initiative.stakeholders}
        relationships = by_id[analysis.initiative.id]["equalises"]
        for data, phrase in zip(relationships, phrases(analysis), strict=True):
            words = [*(names[party] for party in data["between"]), data["aspect"].replace("_", " "), data["claim"]]
            assert all(word in phrase for word in words), (data, phrase)


def test_the_casebook_pages_list_the_phrase_of_every_relationship_it_equalises() -> None:
    for analysis in ANALYSES:
        (line,) = [line for line in case_page_lines(analysis.initiative.id) if line.startswith("**Equalises:** ")]
        assert listed(line.removeprefix("**Equalises:** ").strip()) == phrases(analysis)


# --- the quadrant's axes


def test_explain_names_the_quadrant(explained: dict[str, list[list[str]]]) -> None:
    for analysis in ANALYSES:
        summary = summary_of(explained, analysis.initiative.id)
        assert summary[0] == f"  quadrant: {quadrant_axes(analysis).quadrant}"
        nested = [line for line in summary if line.startswith("  quadrant on the nested reading: ")]
        differs = analysis.nested_quadrant is not analysis.quadrant
        assert nested == ([f"  quadrant on the nested reading: {analysis.nested_quadrant}"] if differs else [])


def test_the_table_names_the_quadrant() -> None:
    header, rows = terminal_table()
    for analysis in ANALYSES:
        assert rows[analysis.initiative.id][header.index("quadrant")] == quadrant_axes(analysis).quadrant


def test_the_markdown_report_names_the_quadrant(markdown_page: Blocks) -> None:
    header, rows = markdown_page.table("case")
    sections = markdown_sections(markdown_page)
    for analysis in ANALYSES:
        quadrant = quadrant_axes(analysis).quadrant
        assert rows[analysis.initiative.id][header.index("quadrant")] == quadrant
        assert labelled(sections[analysis.initiative.name, ""], "Quadrant") == quadrant


def test_the_html_report_names_the_quadrant(html_page: Blocks) -> None:
    header, rows = html_page.table("case")
    for analysis in ANALYSES:
        quadrant = quadrant_axes(analysis).quadrant
        assert rows[analysis.initiative.id][header.index("quadrant")] == quadrant
        assert labelled(texts(html_page.within(f"case-{analysis.initiative.id}", "li")), "Quadrant") == quadrant


def chart_places(page: Blocks) -> dict[str, tuple[str, str, str, str]]:
    """Where the quadrant chart puts each initiative: its dot's cell, the cell's ticks on either axis, its tooltip.

    ``{id: (cell label, humanises tick, equalises tick, dot title)}``.
    """
    chart = page.within("quadrants", "rect", "circle", "text", "a", "title")
    cells = [block for block in chart if block.tag == "rect" and "cell" in block.get("class").split()]
    labels = [block for block in chart if block.tag == "text"]

    def inside(x: float, y: float, cell: Block) -> bool:
        left, top = cell.number("x"), cell.number("y")
        return left <= x <= left + cell.number("width") and top <= y <= top + cell.number("height")

    def cell_of(x: float, y: float) -> Block:
        (found,) = [cell for cell in cells if inside(x, y, cell)]
        return found

    def tick(cell: Block, anchor: str) -> str:
        left, top = cell.number("x"), cell.number("y")
        (found,) = [
            text.text
            for text in labels
            if text.get("class") == "axis"
            and text.get("text-anchor") == anchor
            and (
                left <= text.number("x") <= left + cell.number("width")
                if anchor == "middle"
                else top <= text.number("y") <= top + cell.number("height")
            )
        ]
        return found

    places = {}
    links = {page.blocks.index(block): block for block in chart if block.tag == "a"}
    for dot in (block for block in chart if block.tag == "circle"):
        link = links[dot.parents[-1]]
        (title,) = [block.text for block in chart if block.tag == "title" and block.parents[-1:] == dot.parents[-1:]]
        cell = cell_of(dot.number("cx"), dot.number("cy"))
        (label,) = [
            text.text
            for text in labels
            if text.get("class") == "cell-label" and inside(text.number("x"), text.number("y"), cell)
        ]
        places[link.get("href").removeprefix("#case-")] = (label, tick(cell, "end"), tick(cell, "middle"), title)
    return places


def test_the_quadrant_chart_puts_each_initiative_where_its_axes_say(html_page: Blocks) -> None:
    places = chart_places(html_page)
    assert sorted(places) == sorted(analysis.initiative.id for analysis in ANALYSES)
    for analysis in ANALYSES:
        axes = quadrant_axes(analysis)
        label, humanises, equalises, title = places[analysis.initiative.id]
        assert (label, humanises, equalises) == (axes.quadrant, axes.humanises.word, axes.equalises.word)
        assert title.endswith(f": {axes.quadrant}")


def test_the_quadrant_chart_titles_its_axes_as_the_function_does(html_page: Blocks) -> None:
    titles = [block for block in html_page.within("quadrants", "text") if block.get("class") == "axis-title"]
    (across,) = [title.text for title in titles if not title.get("transform")]
    (up,) = [title.text for title in titles if title.get("transform")]
    axes = quadrant_axes(ANALYSES[0])
    assert across.startswith(axes.equalises.axis)
    assert up.startswith(axes.humanises.axis)
    cells = [block.text for block in html_page.within("quadrants", "text") if block.get("class") == "cell-label"]
    sides = (True, None, False)
    assert sorted(cells) == sorted(quadrant_axes((h, e)).quadrant for h in sides for e in (*sides, "beyond"))


@given(hst.initiatives(max_parts=1))
def test_any_initiative_sits_in_the_chart_cell_of_its_own_quadrant(initiative: humanising.Initiative) -> None:
    """Law: the chart's dot for any initiative is in the cell named by its quadrant, on the ticks of its sides."""
    analyses = [humanising.analyse(initiative)]
    places = chart_places(Blocks(html_report(analyses)))
    for row in entries(analyses):
        axes = quadrant_axes(row.analysis)
        label, humanises, equalises, _ = places[row.analysis.initiative.id]
        assert (label, humanises, equalises) == (axes.quadrant, axes.humanises.word, axes.equalises.word)


def test_the_json_report_names_the_quadrant() -> None:
    by_id = {initiative["id"]: initiative for initiative in json.loads(json_report(ANALYSES))["initiatives"]}
    for analysis in ANALYSES:
        assert by_id[analysis.initiative.id]["quadrant"] == quadrant_axes(analysis).quadrant


def test_the_casebook_pages_place_each_case_on_the_axes() -> None:
    overview = str(hook.casebook_index()).splitlines()
    header = [cell.strip() for cell in next(line for line in overview if line.startswith("| case |")).split("|")]
    for analysis in ANALYSES:
        axes = quadrant_axes(analysis)
        case_id = analysis.initiative.id
        (row,) = [line for line in overview if f"]({case_id}.md)" in line]
        cells = [cell.strip() for cell in row.split("|")]
        assert cells[header.index("equalises")] == axes.equalises.word
        assert cells[header.index("quadrant")] == axes.quadrant
        assert f"**Quadrant:** {axes.quadrant}" in case_page_lines(case_id)


# --- a verdict's lines


def test_explain_shows_each_verdict_as_its_lines(explained: dict[str, list[list[str]]]) -> None:
    names = {model_id: f"{name} ({model_id})" for model_id, name in NAMES.items()} | {"humanises": "humanises"}
    for analysis in ANALYSES:
        paragraphs = explained[analysis.initiative.id]
        verdicts = titled(analysis, names)
        # and what it equalises, with its quadrant; then the barriers and the readings
        assert len(paragraphs) == len(verdicts) + 2
        for (title, verdict), (heading, *body) in zip(verdicts, paragraphs[:-2], strict=True):
            fit, *rest = verdict_lines(verdict)
            assert isinstance(fit, FitLine)
            assert heading.startswith(f"  {title}: ")
            assert says(heading.removeprefix(f"  {title}"), fit)
            assert len(body) == len(rest), (title, body)
            for line, shown in zip(rest, body, strict=True):
                assert says(shown, line), (shown, line)


def test_the_markdown_report_shows_each_verdict_as_its_lines(markdown_page: Blocks) -> None:
    sections = markdown_sections(markdown_page)
    for analysis in ANALYSES:
        for title, verdict in titled(analysis, {**NAMES, "humanises": "Humanises"}):
            fit, *rest = verdict_lines(verdict)
            assert isinstance(fit, FitLine)
            (heading,) = [
                key for key in sections if key[0] == analysis.initiative.name and key[1].startswith(f"{title}: ")
            ]
            assert heading[1] == f"{title}: {fit.fit.value}" + (f" ({fit.rests_on})" if fit.rests_on else "")
            items = sections[heading]
            assert len(items) == len(rest), (title, items)
            for line, shown in zip(rest, items, strict=True):
                assert says(shown, line), (shown, line)


def test_the_html_report_shows_each_verdict_as_its_lines(html_page: Blocks) -> None:
    for analysis in ANALYSES:
        anchor = f"case-{analysis.initiative.id}"
        ids = [*analysis.verdicts, "humanises"]
        for model_id, (title, verdict) in zip(ids, titled(analysis, {**NAMES, "humanises": "Humanises"}), strict=True):
            fit, *rest = verdict_lines(verdict)
            assert isinstance(fit, FitLine)
            (summary,) = html_page.within(f"{anchor}-{model_id}", "summary")
            assert summary.text.startswith(f"{title}: ")
            assert says(summary.text.removeprefix(title), fit)
            shown = [block.text for block in html_page.within(f"{anchor}-{model_id}", "li", "p")]
            assert len(shown) == len(rest), (title, shown)
            for line, text in zip(rest, shown, strict=True):
                assert says(text, line), (text, line)


def test_the_casebook_pages_show_each_verdict_as_its_lines() -> None:
    for analysis in ANALYSES:
        page = case_page_lines(analysis.initiative.id)
        for title, verdict in titled(analysis, {**NAMES, "humanises": "Humanises"}):
            fit, *rest = verdict_lines(verdict)
            assert isinstance(fit, FitLine)
            start = page.index(f"### {title}: {fit.fit.value}" + (f" ({fit.rests_on})" if fit.rests_on else ""))
            end = next(
                (index for index in range(start + 1, len(page)) if page[index].startswith("#")),
                len(page),
            )
            shown = [line for line in page[start + 1 : end] if line and not line.startswith(("| criterion", "|---"))]
            assert len(shown) == len(rest), (title, shown)
            for line, text in zip(rest, shown, strict=True):
                # A criterion is a table row, its cells in the table's own order.
                assert says(text, line, in_order=not isinstance(line, CriterionLine)), (text, line)


# --- a verdict's basis in a table's cells

MARKS = {"hedged": "h", "insider_report": "a", "informal": "r", "inferred": "i"}
"""The mark of each basis weaker than the case author's coding, as the docs promise it; the others have none."""


def expected_mark(verdict: humanising.Verdict) -> str:
    """The mark a cell must carry after the verdict's fit: ``·i``, or nothing (published, coded or no basis)."""
    basis = verdict.basis
    return MARK_SEPARATOR + MARKS[basis.value] if basis is not None and basis.value in MARKS else ""


def legend_marks(text: str) -> dict[str, str]:
    """What a legend says each mark stands for: ``{"·i": "inferred"}``, read from its words."""
    assert text.startswith(f"{LEGEND_LEAD}:"), text
    entries = re.findall(rf"({MARK_SEPARATOR}[a-z]) ([a-z_]+) \(", text)
    assert len({mark for mark, _ in entries}) == len(entries), text  # each mark once
    return dict(entries)


def read_cell(text: str, legend: dict[str, str]) -> tuple[str, str | None]:
    """A cell as a reader takes it: the fit, and the basis its mark stands for by the legend (``None``: no mark)."""
    fit, separator, mark = text.partition(MARK_SEPARATOR)
    return fit, (legend[separator + mark] if separator else None)


def check_cells(cells: list[tuple[str, humanising.Verdict]], legend_text: str) -> None:
    """Each cell shows its verdict's fit and, by the legend, its weak basis; the legend lists exactly the marks used."""
    legend = legend_marks(legend_text) if legend_text else {}
    for mark, named in legend.items():
        assert MARKS[named] == mark.removeprefix(MARK_SEPARATOR), (mark, named)
    for text, verdict in cells:
        mark = expected_mark(verdict)
        assert text == verdict.fit.value + mark, (text, verdict.fit, verdict.basis)
        fit, read = read_cell(text, legend)
        assert fit == verdict.fit.value
        assert read == (verdict.basis.value if mark and verdict.basis is not None else None), (text, verdict.basis)
    assert set(legend) == {expected_mark(verdict) for _, verdict in cells} - {""}


def row_verdicts(analysis: humanising.Analysis) -> list[humanising.Verdict]:
    """The verdicts of a row of the cases-by-models tables, in their columns' order: every model, then humanises."""
    return [*analysis.verdicts.values(), analysis.humanises]


def terminal_legend(analyses: list[humanising.Analysis]) -> str:
    """The legend under ``humanising casebook``'s table, its lines joined, or nothing where it has none."""
    _, _, legend = casebook_table(analyses).partition("\n\n")
    return " ".join(legend.split("\n")).replace("; ", ", ").strip()


def test_the_casebook_marks_weak_bases_on_cases_of_every_kind() -> None:
    """The casebook has cells of every kind: a mark of each weak basis, and published, coded and no basis unmarked."""
    verdicts = [verdict for analysis in ANALYSES for verdict in row_verdicts(analysis)]
    assert {verdict.basis.value for verdict in verdicts if verdict.basis is not None} == {
        "published", "coded", "hedged", "insider_report", "informal", "inferred"
    }  # fmt: skip
    assert any(verdict.basis is None for verdict in verdicts)


def test_the_table_marks_each_fit_with_its_weak_basis() -> None:
    header, rows = terminal_table()
    columns = [header.index(short_name(model_id)) for model_id in ANALYSES[0].verdicts] + [header.index("humanises")]
    cells = [
        (rows[analysis.initiative.id][column], verdict)
        for analysis in ANALYSES
        for column, verdict in zip(columns, row_verdicts(analysis), strict=True)
    ]
    check_cells(cells, terminal_legend(ANALYSES))


def test_the_tables_legend_keeps_each_mark_beside_its_words() -> None:
    legend = casebook_table(ANALYSES).partition("\n\n")[2].splitlines()
    assert legend[0] == f"{LEGEND_LEAD}:"
    for line in legend[1:]:
        assert len(line) <= 100
        assert all(re.fullmatch(rf"{MARK_SEPARATOR}[a-z] [a-z_]+ \([^)]*\)", entry) for entry in line.split("; "))


@given(hst.initiatives(max_parts=1))
def test_any_initiatives_table_marks_each_fit_with_its_weak_basis(initiative: humanising.Initiative) -> None:
    """Law: any initiative's cells are each its verdict's fit and the mark of a weak basis, spelt out in the legend."""
    analyses = [row.analysis for row in entries([humanising.analyse(initiative)])]
    header, rows = terminal_table(analyses)
    columns = [header.index(short_name(model_id)) for model_id in analyses[0].verdicts] + [header.index("humanises")]
    cells = [
        (rows[visible(analysis.initiative.id)][column], verdict)
        for analysis in analyses
        for column, verdict in zip(columns, row_verdicts(analysis), strict=True)
    ]
    check_cells(cells, terminal_legend(analyses))


def blocks_after(page: Blocks, block: Block, tag: str) -> Block | None:
    """The first block with ``tag`` after ``block`` and outside it."""
    index = page.blocks.index(block)
    return next((later for later in page.blocks[index + 1 :] if later.tag == tag and index not in later.parents), None)


def legend_under(page: Blocks, table: Block) -> str:
    """The legend paragraph right under a table, or nothing where the next paragraph is not one."""
    following = blocks_after(page, table, "p")
    return following.text if following is not None and following.text.startswith(LEGEND_LEAD) else ""


def tables(page: Blocks, first_header: str) -> list[tuple[Block, list[str], list[list[str]]]]:
    """Every table whose first heading is ``first_header``: the table, its header and its rows, in page order."""
    found = []
    for index, block in enumerate(page.blocks):
        if block.tag == "table":
            header, *rows = [page.cells(row) for row in page.blocks if row.tag == "tr" and index in row.parents]
            if header[:1] == [first_header]:
                found.append((block, header, rows))
    return found


def test_the_markdown_reports_tables_mark_each_fit_with_its_weak_basis(markdown_page: Blocks) -> None:
    ((table, header, rows),) = tables(markdown_page, "case")
    by_id = {row[0]: row for row in rows}
    columns = [header.index(short_name(model_id)) for model_id in ANALYSES[0].verdicts] + [header.index("humanises")]
    cells = [
        (by_id[analysis.initiative.id][column], verdict)
        for analysis in ANALYSES
        for column, verdict in zip(columns, row_verdicts(analysis), strict=True)
    ]
    check_cells(cells, legend_under(markdown_page, table))
    sections = tables(markdown_page, "model")
    assert len(sections) == len(ANALYSES)
    for analysis, (table, _, rows) in zip(ANALYSES, sections, strict=True):
        by_name = dict(rows)
        cells = [(by_name[NAMES[model_id]], verdict) for model_id, verdict in analysis.verdicts.items()]
        check_cells(cells, legend_under(markdown_page, table))


def test_the_html_matrix_marks_each_fit_and_spells_the_mark_out(html_page: Blocks) -> None:
    (matrix,) = [block for block in html_page.blocks if block.get("id") == "matrix-table"]
    (legend,) = [block for block in html_page.blocks if block.get("id") == "matrix-marks"]
    index = html_page.blocks.index(matrix)
    rows = [row for row in html_page.blocks if row.tag == "tr" and index in row.parents][1:]
    cells = []
    for analysis, row in zip(ANALYSES, rows, strict=True):
        assert html_page.cells(row)[0] == analysis.initiative.id
        tds = [td for td in html_page.blocks if td.tag == "td" and td.parents[-1:] == (html_page.blocks.index(row),)]
        for td, verdict in zip(tds[:-1], row_verdicts(analysis), strict=True):  # the last is the quadrant
            inside = [block for block in html_page.blocks if html_page.blocks.index(td) in block.parents]
            (link,) = [block for block in inside if block.tag == "a"]
            abbrs = [block for block in inside if block.tag == "abbr"]
            shown = [block.text for block in inside if block.tag == "span" and block.get("aria-hidden") == "true"]
            cells.append((link.text + "".join(shown), verdict))
            if not expected_mark(verdict):
                assert abbrs == [], td.text
                continue
            (abbr,) = abbrs
            assert verdict.basis is not None
            assert abbr.get("title").startswith(f"weakest basis: {verdict.basis.value} (")
            (spoken,) = [block.text for block in inside if block.get("class") == "visually-hidden"]
            assert spoken == f", {abbr.get('title')}"  # what a screen reader says in place of the mark
    check_cells(cells, legend.text)


def test_the_casebook_pages_tables_mark_each_fit_with_its_weak_basis() -> None:
    overview = str(hook.casebook_index()).splitlines()
    header = [cell.strip() for cell in next(line for line in overview if line.startswith("| case |")).split("|")]
    (legend,) = [line for line in overview if line.startswith(LEGEND_LEAD)]
    models = [model.id for model in humanising.registered_models()]
    columns = [header.index(short_name(model_id)) for model_id in models] + [header.index("humanises")]
    cells = []
    for analysis in ANALYSES:
        (row,) = [line for line in overview if f"]({analysis.initiative.id}.md)" in line]
        shown = [cell.strip().replace("**", "") for cell in row.split("|")]
        verdicts = [*(analysis.verdicts[model_id] for model_id in models), analysis.humanises]
        cells += [(shown[column], verdict) for column, verdict in zip(columns, verdicts, strict=True)]
    check_cells(cells, legend)
    for analysis in ANALYSES:
        page = case_page_lines(analysis.initiative.id)
        start = page.index("| model | fit | why |")
        end = page.index("", start)
        rows = {line.split(" | ")[0].removeprefix("| "): line.split(" | ")[1] for line in page[start + 2 : end]}
        cells = [(rows[NAMES[model_id]].replace("**", ""), verdict) for model_id, verdict in analysis.verdicts.items()]
        following = page[end + 1]
        check_cells(cells, following if following.startswith(LEGEND_LEAD) else "")


@given(hst.initiatives(max_parts=1), st.integers(min_value=30, max_value=240))
def test_any_table_fits_any_width_and_keeps_every_fit(initiative: humanising.Initiative, width: int) -> None:
    """Law: at any width, no line of the table is longer, and every case's fits are still in it."""
    analyses = [row.analysis for row in entries([humanising.analyse(initiative)])]
    table = casebook_table(analyses, width=width)
    assert max(len(line) for line in table.splitlines()) <= width
    whole = casebook_table(analyses)
    if max(len(line) for line in whole.splitlines()) <= width:
        assert table == whole
    cells = [cell.strip() for line in table.splitlines() for cell in line.split(" | ")]
    case_width = min(max(len(visible(analysis.initiative.id)) for analysis in analyses), width // 2)
    for analysis in analyses:
        for verdict in [*analysis.verdicts.values(), analysis.humanises]:
            text = fit_cell(verdict).text
            assert text in cells or len(text) > width - case_width - 3, text  # only a cell wider than its room wraps


def test_the_casebook_table_at_a_width_holds_what_the_whole_table_holds() -> None:
    """Split or not, each case's row of cells is the same: the narrow tables rejoin into the wide one's rows."""
    _, rows = terminal_table()
    narrow = casebook_table(ANALYSES, width=80)
    tables, _, rest = narrow.partition("\nequalises:\n")
    joined: dict[str, list[str]] = {}
    for block in tables.split("\n\n"):
        for line in block.splitlines()[2:]:
            case_id, *cells = [cell.strip() for cell in line.split(" | ")]
            joined.setdefault(case_id, []).extend(cells)
    for case_id, row in rows.items():
        assert joined[case_id] == row[1:-1]
        assert f"  {case_id}: " in rest
