"""Reports of hostile case files: whatever a case says shows as text, and adds no markup, script or escape.

The payload (``_hostile.PAYLOAD``) is in every free-text field of two shipped cases. Each
report is checked in the form a reader meets it: the Markdown report rendered by the docs'
own toolchain, the HTML report parsed as a browser's parser reads it, the Mermaid text line
by line, the JSON parsed back, and the terminal text for control characters.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

import humanising
from _hostile import LONG, PAYLOAD, hostile, hostile_text, render_markdown
from humanising import strategies as hst
from humanising.cli import main
from humanising.reports import html_report, json_report, markdown_report, mermaid
from humanising.reports._common import visible
from humanising.reports._tables import COLUMNS, TABLES, qca_matrix, write_csv
from humanising.reports._text import casebook_table

if TYPE_CHECKING:
    import pytest

ANALYSES = [humanising.analyse(case) for case in hostile()]
CASES = [row for case in hostile() for row in (case, *case.parts)]

# Every element the HTML report is made of, and the ones Markdown makes of the Markdown report.
HTML_TAGS = {
    "html", "head", "meta", "link", "title", "style", "body", "header", "main", "section", "nav", "article",
    "h1", "h2", "h3", "p", "ul", "li", "span", "div", "table", "thead", "tbody", "tr", "th", "td", "a",
    "code", "strong", "details", "summary", "figure", "figcaption", "pre", "abbr", "dl", "dt", "dd",
    "svg", "defs", "marker", "path", "rect", "text", "line", "circle",
}  # fmt: skip
MARKDOWN_TAGS = {"h1", "h2", "h3", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "code", "strong",
                 "pre", "a"}  # fmt: skip


class Elements(HTMLParser):
    """Every start tag and its attributes, as a browser's tokeniser reads them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def check_markup(text: str, allowed: set[str]) -> None:
    """Only the expected elements, no event handler attribute and no javascript: link."""
    elements = Elements(text).tags
    assert {tag for tag, _ in elements} <= allowed
    for tag, attributes in elements:
        assert not [name for name in attributes if name.startswith("on")], (tag, attributes)
        for name in ("href", "src"):
            assert not (attributes.get(name) or "").strip().lower().startswith("javascript:"), (tag, attributes)


def test_the_markdown_report_renders_as_text_with_the_docs_toolchain() -> None:
    page = render_markdown(markdown_report(ANALYSES, title=PAYLOAD))
    check_markup(page, MARKDOWN_TAGS)
    links = [attributes for tag, attributes in Elements(page).tags if tag == "a"]
    assert all((link.get("href") or "").startswith("#") for link in links)  # only the headings' permalinks
    assert "<script" not in page
    assert "/etc/passwd" in page  # shown, not included
    assert "root:" not in page


def test_the_markdown_report_keeps_its_shape() -> None:
    """Every heading, table row and fence of the plain report is there, in its place, and no more."""

    def shape(analyses: list[humanising.Analysis]) -> list[str]:
        lines = markdown_report(analyses).splitlines()
        return [line.split(" ")[0] for line in lines if line.startswith(("#", "|", "```"))]

    plain = [humanising.analyse(humanising.casebook.load(case_id)) for case_id in ("sleepwell", "east-lille")]
    assert shape(ANALYSES) == shape(plain)


def test_the_html_report_has_no_other_elements() -> None:
    page = html_report(ANALYSES, title=PAYLOAD)
    check_markup(page, HTML_TAGS)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_mermaid_labels_stay_on_their_line_and_in_their_quotes() -> None:
    for case in CASES:
        text = mermaid(case)
        for line in text.splitlines()[1:]:
            labels = re.findall(r'"([^"]*)"', line)
            assert all(not set("<>%`;") & set(re.sub(r"#\w+;", "", label)) for label in labels), line
            assert re.fullmatch(r"\s+[\w\s\[\]().=>-]*", re.sub(r'"[^"]*"', "", line)), line
        assert len(text) < 60_000  # under Mermaid's maxTextSize (50,000 characters) for one long name...
        assert "…" in text or not case.stakeholders  # ...which is clipped


def test_a_multi_initiative_diagram_has_one_comment_line_before_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "east-lille.json"
    file.write_text(hostile_text("east-lille"), encoding="utf-8")
    assert main(["diagram", str(file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    top = [line for line in lines if line and not line.startswith(" ")]
    assert top[1::2] == ["flowchart LR"] * 9  # the programme and its eight parts, each after its comment
    assert all(line.startswith("%% east-lille") for line in top[::2])
    assert all("%%" not in line.removeprefix("%%") for line in top[::2])


def test_json_means_the_same_and_can_sit_in_a_script_element() -> None:
    text = json_report(ANALYSES)
    assert not set("<>&\u2028\u2029") & set(text)
    names = [initiative["name"] for initiative in json.loads(text)["initiatives"]]
    assert names[0] == f"name {PAYLOAD}"


def test_terminal_text_shows_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = casebook_table(ANALYSES, colour=True)
    assert not re.search("\x1b(?!\\[(0|2|3[0-9])m)", table)  # only the table's own colours
    assert not re.search("[\r\x00\x07\x9b]", table)
    file = tmp_path / "sleepwell.json"
    file.write_text(hostile_text(), encoding="utf-8")
    assert main(["explain", str(file)]) == 0
    out = capsys.readouterr().out
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", out)
    assert "\\x1b]0;TITLE\\x07\\x1b[2J" in out
    assert visible("\x1b[31m\r\n\x9b\u202e") == "\\x1b[31m\\r\\n\\x9b\\u202e"


def _check_mermaid(text: str) -> None:
    """A flowchart whose every line is a node, an edge or a class line, its labels in their quotes."""
    lines = text.splitlines()
    assert lines[0] == "flowchart LR", lines[0]
    for line in lines[1:]:
        assert re.fullmatch(r"\s+[\w\s\[\]().=>-]*", re.sub(r'"[^"]*"', "", line)), line


def _check_csv(text: str, columns: tuple[str, ...], rows: int) -> None:
    """CSV that reads back with the given header and number of rows, each row as wide as the header."""
    read = list(csv.DictReader(io.StringIO(text)))
    assert tuple(read[0].keys() if read else next(csv.reader(io.StringIO(text)))) == columns
    assert len(read) == rows
    assert all(None not in row and None not in row.values() for row in read)


@given(hst.initiatives(max_parts=2))
def test_every_report_of_any_initiative_is_well_formed(initiative: humanising.Initiative) -> None:
    """Law: every output of any valid initiative is text of its kind that reads back, and the HTML has only the report's elements."""  # noqa: E501 - a law in one sentence
    analyses = [humanising.analyse(initiative)]
    judged = [initiative, *initiative.parts]
    _check_mermaid(mermaid(initiative))
    assert markdown_report(analyses).startswith("# humanising report\n")
    check_markup(render_markdown(markdown_report(analyses)), MARKDOWN_TAGS)
    check_markup(html_report(analyses), HTML_TAGS)
    data = json.loads(json_report(analyses))
    assert [entry["id"] for entry in data["initiatives"]][:1] == [initiative.id]
    assert casebook_table(analyses).count("\n") >= 3
    for table in TABLES:
        rows = humanising.records(analyses, table)
        _check_csv(write_csv(rows, table), COLUMNS[table], len(rows))
    matrix = list(csv.reader(io.StringIO(qca_matrix(analyses))))
    assert [row[0] for row in matrix] == ["case", *(case.id for case in judged)]
    assert {cell for row in matrix[1:] for cell in row[1:]} <= {"1", "0", ""}
    assert len({len(row) for row in matrix}) == 1


@settings(max_examples=min(settings().max_examples, 50))
@given(hst.initiatives(max_parts=2))
def test_explain_says_something_of_every_model_for_any_initiative(initiative: humanising.Initiative) -> None:
    """Law: ``humanising explain`` of any valid case file exits 0 and names every model and each part."""
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "case.yaml"
        file.write_text(humanising.dumps(initiative), encoding="utf-8")
        with contextlib.redirect_stdout(io.StringIO()) as out:
            assert main(["explain", str(file)]) == 0
    text = out.getvalue()
    for model in humanising.registered_models():
        assert model.name in text, model.id
    for part in initiative.parts:
        assert visible(part.name) in text


@given(st.text(min_size=1).filter(str.strip))
def test_any_name_is_shown_as_text_by_markdown(name: str) -> None:
    """Law: a name in the Markdown report renders as that name's text, with no element of its own."""
    case = humanising.Initiative(id="any", name=name)
    page = render_markdown(markdown_report([humanising.analyse(case)]))
    heading = re.search(r"<h2[^>]*>(.*?)<a class=\"headerlink\"", page, re.DOTALL)
    assert heading is not None
    assert "<" not in heading[1].replace("&lt;", "")


def test_a_long_name_costs_output_in_proportion() -> None:
    """Reports of a 10-million-character name finish, and grow with the name, not faster."""
    sizes = {}
    for length in (1_000_000, 10_000_000):
        name = "x" * length
        case = humanising.Initiative(
            id="long",
            name=name,
            stakeholders=[humanising.Stakeholder(id="a", name=name, identities={"service_user"})],
        )
        analyses = [humanising.analyse(case)]
        sizes[length] = [
            len(report)
            for report in (
                markdown_report(analyses), html_report(analyses), json_report(analyses), mermaid(case),
                casebook_table(analyses),
            )
        ]  # fmt: skip
    for small, large in zip(sizes[1_000_000], sizes[10_000_000], strict=True):
        assert large <= 10 * small + 1000
    assert LONG in PAYLOAD
