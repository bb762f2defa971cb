"""Tables for spreadsheets, data frames and QCA software: ``records``, ``-f csv`` and ``-f qca``; short reprs."""

from __future__ import annotations

import csv
import html
import io
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

import humanising
from humanising import strategies as hst
from humanising.cli import main
from humanising.reports._common import entries
from humanising.reports._tables import COLUMNS, TABLES, qca_matrix, write_csv

ANALYSES = [humanising.analyse(case) for case in humanising.casebook.load_all()]
ROWS = entries(ANALYSES)


def _plain(value: object) -> bool:
    return value is None or type(value) in {str, bool}


@pytest.mark.parametrize("table", TABLES)
def test_records_round_trip_through_a_csv_reader_with_the_documented_columns(table: str) -> None:
    rows = humanising.records(ANALYSES, table)  # type: ignore[arg-type]
    assert rows
    for row in rows:
        assert tuple(row) == COLUMNS[table]
        assert all(_plain(value) for value in row.values()), row
    read = list(csv.DictReader(io.StringIO(write_csv(rows, table))))  # type: ignore[arg-type]
    assert tuple(read[0]) == COLUMNS[table]

    def as_text(value: object) -> str:
        return "" if value is None else ("true" if value is True else "false" if value is False else str(value))

    assert read == [{key: as_text(value) for key, value in row.items()} for row in rows]


def test_the_verdicts_table_has_a_row_per_case_and_model_with_its_fit() -> None:
    rows = humanising.records(ANALYSES)
    models = [*ANALYSES[0].verdicts, "humanises"]
    assert len(rows) == len(ROWS) * len(models)
    for entry in ROWS:
        analysis = entry.analysis
        mine = [row for row in rows if row["case"] == analysis.initiative.id]
        assert [row["model"] for row in mine] == models
        assert {row["part_of"] for row in mine} == {entry.part_of}
        for row, verdict in zip(mine, [*analysis.verdicts.values(), analysis.humanises], strict=True):
            assert row["fit"] == verdict.fit.value
            assert row["basis"] == (None if verdict.basis is None else verdict.basis.value)
            assert row["unknowns"] == ";".join(map(str, verdict.unknowns))


def test_the_criteria_table_has_every_reason_and_the_relationships_table_every_equalised_one() -> None:
    criteria = humanising.records(ANALYSES, "criteria")
    reasons = [
        result.reason
        for entry in ROWS
        for verdict in [*entry.analysis.verdicts.values(), entry.analysis.humanises]
        for result in verdict.criteria
    ]
    assert [row["reason"] for row in criteria] == reasons
    assert {type(row["essential"]) for row in criteria} == {bool}
    relationships = humanising.records(ANALYSES, "relationships")
    assert len(relationships) == sum(len(entry.analysis.equalises) for entry in ROWS)
    assert {row["claim"] for row in relationships} <= {"aim", "observed"}


def test_an_unknown_table_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="no table 'verdict': expected one of verdicts, criteria, relationships"):
        humanising.records(ANALYSES, "verdict")  # type: ignore[arg-type]


@given(hst.initiatives(max_parts=1))
def test_any_initiative_s_records_are_plain_and_complete(initiative: humanising.Initiative) -> None:
    """Law: every row of every table holds exactly the table's columns, each a plain value."""
    analyses = [humanising.analyse(initiative)]
    for table in TABLES:
        for row in humanising.records(analyses, table):
            assert tuple(row) == COLUMNS[table]
            assert all(_plain(value) for value in row.values())


@pytest.mark.parametrize("table", TABLES)
def test_classify_writes_each_table_as_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path, table: str) -> None:
    folder = tmp_path / "cases"
    assert main(["casebook", "export", str(folder)]) == 0
    capsys.readouterr()
    assert main(["classify", str(folder), "-f", "csv", "--table", table]) == 0
    out = capsys.readouterr().out
    analyses = [humanising.analyse(case) for path in sorted(folder.iterdir()) for case in humanising.load_file(path)]
    assert out == write_csv(humanising.records(analyses, table), table)  # type: ignore[arg-type]
    assert out.splitlines()[0] == ",".join(COLUMNS[table])


def test_the_qca_matrix_is_one_zero_or_empty_never_a_half(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    matrix = list(csv.reader(io.StringIO(qca_matrix(ANALYSES))))
    header, *rows = matrix
    assert header[0] == "case"
    assert [row[0] for row in rows] == [entry.analysis.initiative.id for entry in ROWS]
    assert {cell for row in rows for cell in row[1:]} == {"1", "0", ""}
    expected = {"met": "1", "unmet": "0", "unknown": ""}
    for entry, row in zip(ROWS, rows, strict=True):
        cells = dict(zip(header, row, strict=True))
        for model_id, verdict in [*entry.analysis.verdicts.items(), ("humanises", entry.analysis.humanises)]:
            for result in verdict.criteria:
                assert cells[f"{model_id}.{result.id}"] == expected[result.status.value]
    case = tmp_path / "sleepwell.yaml"
    assert main(["casebook", "export", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["classify", str(case), "-f", "qca"]) == 0
    assert capsys.readouterr().out == qca_matrix([humanising.analyse(humanising.casebook.load("sleepwell"))])


@pytest.mark.parametrize(("function", "library"), [("to_pandas", "pandas"), ("to_polars", "polars")])
def test_the_frames_import_their_library_only_when_called(
    monkeypatch: pytest.MonkeyPatch, function: str, library: str
) -> None:
    rows = humanising.records(ANALYSES[:1])
    monkeypatch.setitem(sys.modules, library, None)  # as if it were not installed
    with pytest.raises(ImportError, match=f"{function} needs {library}: install {library}"):
        getattr(humanising, function)(rows)


@pytest.mark.parametrize(("function", "library"), [("to_pandas", "pandas"), ("to_polars", "polars")])
def test_the_frames_hold_the_rows(function: str, library: str) -> None:
    pytest.importorskip(library, reason=f"{library} is an optional extra")
    rows = humanising.records(ANALYSES, "criteria")
    frame = getattr(humanising, function)(rows)
    assert frame.shape == (len(rows), len(COLUMNS["criteria"]))
    assert list(frame.columns) == list(COLUMNS["criteria"])


# --- short reprs


def test_an_initiative_s_repr_is_short_and_says_what_it_holds() -> None:
    sleepwell = humanising.casebook.load("sleepwell")
    assert (
        repr(sleepwell)
        == "<Initiative 'sleepwell': SleepWell, 7 stakeholders, 1 product, 14 participations, 1 relationship>"
    )
    for case in humanising.casebook.load_all():
        assert len(repr(case)) < 200  # it was 10,125 characters for SleepWell
        assert repr(case).startswith(f"<Initiative {case.id!r}: ")
    assert repr(humanising.Initiative(id="x", name="X\x1b[31m")) == (
        "<Initiative 'x': X\\x1b[31m, 0 stakeholders, 0 products, 0 participations, 0 relationships>"
    )


def test_an_analysis_s_repr_names_what_fits_and_the_quadrant() -> None:
    for analysis in ANALYSES:
        shown = repr(analysis)
        assert len(shown) < 200
        assert shown.startswith(f"<Analysis {analysis.initiative.id!r}: ")
        assert analysis.quadrant.value in shown
        for model_id, verdict in analysis.verdicts.items():
            assert (model_id in shown) == (verdict.fit in {humanising.Fit.FITS, humanising.Fit.PARTLY})


def test_an_analysis_s_repr_says_what_fits_then_what_partly_fits_then_humanises_quadrant_and_parts() -> None:
    by_id = {analysis.initiative.id: analysis for analysis in ANALYSES}
    assert repr(by_id["east-lille"]) == (
        "<Analysis 'east-lille': no model fits; humanises undetermined; undetermined; 8 parts>"
    )
    assert repr(by_id["mhf-wales"]) == (
        "<Analysis 'mhf-wales': fits user_led, community_involvement, user_centred_design; "
        "humanises partly; equalising and humanising>"
    )
    sleepwell, part = by_id["sleepwell"], by_id["east-lille-6"]
    both = attrs.evolve(
        sleepwell,
        verdicts={**sleepwell.verdicts, "coproduction": part.verdicts["coproduction"]},
        parts=(part,),
    )
    assert repr(both) == (
        "<Analysis 'sleepwell': fits evidence_based_practice; partly coproduction; humanises partly; "
        "humanising only; 1 part>"
    )


def test_a_verdict_s_repr_counts_its_criteria_with_the_data_one_attribute_away() -> None:
    for analysis in ANALYSES:
        for verdict in (*analysis.verdicts.values(), analysis.humanises):
            shown = repr(verdict)
            assert len(shown) < 200
            assert shown.startswith(f"<Verdict {verdict.model}: {verdict.fit.value}")
            for status in humanising.Status:
                count = sum(result.status is status for result in verdict.criteria)
                assert (f"{count} {status.value}" in shown) == (count > 0)
            assert all(stage.words in shown for stage in verdict.stages)
    verdict = humanising.Verdict("peer_led", [humanising.CriterionResult("peers_lead", "unmet", True, "Peers do not.")])
    assert repr(verdict) == "<Verdict peer_led: does not fit (1 unmet)>"
    assert verdict.criteria[0].reason == "Peers do not."


# --- notebooks


class _Formatter:
    def __init__(self) -> None:
        self.types: dict[type, Any] = {}

    def for_type(self, kind: type, function: Any) -> None:
        self.types[kind] = function


class _Shell:
    def __init__(self) -> None:
        self.display_formatter = type("DisplayFormatter", (), {})()
        self.display_formatter.formatters = {"text/html": _Formatter(), "text/markdown": _Formatter()}


def test_the_notebook_extension_shows_each_object_as_its_report_section() -> None:
    from humanising.reports import html_report, load_ipython_extension, markdown_report

    shell = _Shell()
    load_ipython_extension(shell)
    html_formatters = shell.display_formatter.formatters["text/html"].types
    markdown_formatters = shell.display_formatter.formatters["text/markdown"].types
    assert (
        set(html_formatters)
        == set(markdown_formatters)
        == {humanising.Analysis, humanising.Initiative, humanising.Verdict}
    )
    sleepwell = humanising.casebook.load("sleepwell")
    analysis = humanising.analyse(sleepwell)
    shown = html_formatters[humanising.Analysis](analysis)
    article = shown[shown.index("<article") : shown.index("</article>") + len("</article>")]
    assert article in html_report([analysis])  # the report's own section
    assert html_formatters[humanising.Initiative](sleepwell) == shown
    section = markdown_formatters[humanising.Analysis](analysis)
    assert section in markdown_report([analysis])
    verdict = analysis.verdicts["evidence_based_practice"]
    assert "<details open " in html_formatters[humanising.Verdict](verdict)
    for result in verdict.criteria:
        assert html.escape(result.reason) in html_formatters[humanising.Verdict](verdict)
        assert result.reason.split(" ")[0] in markdown_formatters[humanising.Verdict](verdict)


def test_the_notebook_style_styles_the_shown_object_only(browser: Any, tmp_path: Path) -> None:
    from humanising.reports._notebook import analysis_html

    page = tmp_path / "notebook.html"
    page.write_text(
        '<!doctype html><html><body style="margin: 7px"><p id="mine">notebook text</p>'
        + analysis_html(humanising.analyse(humanising.casebook.load("sleepwell")))
        + "</body></html>",
        encoding="utf-8",
    )
    tab = browser.new_page()
    tab.goto(page.as_uri())
    assert tab.evaluate("getComputedStyle(document.body).margin") == "7px"
    # Unscoped, the report's `body { margin: 0; font: 15px/1.5 ... }` would restyle the notebook itself.
    assert tab.evaluate("getComputedStyle(document.querySelector('#mine')).fontSize") == "16px"
    colour = tab.evaluate("getComputedStyle(document.querySelector('.humanising .badge.fit-fits')).backgroundColor")
    assert colour == "rgb(183, 228, 199)"  # --fits, set on .humanising
    tab.close()
