"""``humanising compare`` and ``frameworks.compare``: models and frameworks side by side, and where they disagree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given

import humanising
from humanising import Fit, Initiative, frameworks
from humanising import strategies as hst
from humanising.cli import cli
from humanising.exceptions import NotAnInitiativeError
from humanising.frameworks import COPRODUCTION_MODELS, StepStatus
from humanising.reports import html_report

_SAYS_YES = {Fit.FITS, Fit.PARTLY}


def _expected_disagreements(row: frameworks.ComparisonRow) -> set[tuple[str, str]]:
    """The documented definition, spelt out: a model's yes against a framework's no, or its no against a yes."""
    found = set()
    for reading in row.readings:
        status = reading.coproduction
        if status not in {StepStatus.MET, StepStatus.UNMET}:
            continue
        for model_id in COPRODUCTION_MODELS:
            fit = row.verdicts[model_id].fit
            if fit is Fit.UNDETERMINED:
                continue
            if (fit in _SAYS_YES) != (status is StepStatus.MET):
                found.add((model_id, reading.framework.id))
    return found


@given(hst.initiatives(max_stakeholders=4, max_participations=8, max_relationships=1))
def test_a_disagreement_is_listed_exactly_where_a_model_and_a_framework_say_opposite_things(
    initiative: Initiative,
) -> None:
    """Law: the disagreements are exactly the pairs of a co-production model and a framework (not a checklist)
    where one says co-production and the other says not; undetermined and unknown say neither."""
    (row,) = frameworks.compare([initiative]).rows
    assert {(d.model, d.framework) for d in row.disagreements} == _expected_disagreements(row)
    for disagreement in row.disagreements:
        assert disagreement.fit.value in disagreement.sentence
        assert frameworks.get(disagreement.framework).kind is not frameworks.FrameworkKind.CHECKLIST


def test_the_casebook_shows_the_ladders_placing_user_led_work_above_partnership() -> None:
    """The elasticity point: Arnstein and IAP2 count service users in sole charge as more than partnership,
    where the paper says user-led work is not co-production (MHF Wales)."""
    (row,) = frameworks.compare([humanising.casebook.load("mhf-wales")]).rows
    assert row.reading("arnstein").position == "Citizen control"
    assert ("coproduction", "arnstein") in {(d.model, d.framework) for d in row.disagreements}
    assert ("coproduction", "bovaird") not in {(d.model, d.framework) for d in row.disagreements}


def test_a_partly_co_produced_board_seat_is_below_every_frameworks_co_production_line() -> None:
    (row,) = frameworks.compare([humanising.casebook.load("illustrative-board-seats")]).rows
    assert row.verdicts["coproduction"].fit is Fit.PARTLY
    assert {d.framework for d in row.disagreements if d.model == "coproduction"} == {
        "bovaird",
        "tlap",
        "arnstein",
        "iap2",
        "involvement_matrix",
    }


def test_the_gold_standard_case_disagrees_with_no_framework() -> None:
    (row,) = frameworks.compare([humanising.casebook.load("illustrative-crisis-service")]).rows
    assert row.disagreements == ()


def test_compare_takes_analyses_or_initiatives_and_lists_a_programmes_parts_after_it() -> None:
    east_lille = humanising.casebook.load("east-lille")
    from_initiative = frameworks.compare([east_lille])
    from_analysis = frameworks.compare([humanising.analyse(east_lille)])
    ids = [row.analysis.initiative.id for row in from_initiative.rows]
    assert ids == ["east-lille", *(f"east-lille-{n}" for n in range(1, 9))]
    assert [row.part_of for row in from_initiative.rows][1:] == ["east-lille"] * 8
    assert from_initiative.to_dict() == from_analysis.to_dict()


def test_a_row_gives_each_framework_s_reading_by_id_and_names_an_id_it_was_not_compared_on() -> None:
    (row,) = frameworks.compare([humanising.casebook.load("sleepwell")]).rows
    assert [row.reading(framework.id) for framework in frameworks.frameworks()] == list(row.readings)
    with pytest.raises(KeyError, match="no framework 'arnstien' in this comparison"):
        row.reading("arnstien")


def test_compare_reads_the_frameworks_chosen_in_their_order_past_one_that_draws_no_line() -> None:
    chosen = [frameworks.get("nihr"), frameworks.get("iap2")]
    comparison = frameworks.compare([humanising.casebook.load("mhf-wales")], frameworks=chosen)
    assert comparison.frameworks == tuple(chosen)
    assert [reading.framework.id for reading in comparison.rows[0].readings] == ["nihr", "iap2"]
    found = [(d.model, d.framework) for d in comparison.disagreements]
    assert found == [("coproduction", "iap2"), ("coproduction_gold_standard", "iap2")]


def test_a_co_production_model_not_analysed_is_passed_over_and_the_next_still_compared() -> None:
    models = [model for model in humanising.registered_models() if model.id != "coproduction"]
    analysis = humanising.analyse(humanising.casebook.load("mhf-wales"), models=models)
    found = [(d.model, d.framework) for d in frameworks.compare([analysis]).disagreements]
    assert found == [("coproduction_gold_standard", "arnstein"), ("coproduction_gold_standard", "iap2")]


def test_compare_refuses_what_is_neither_an_analysis_nor_an_initiative() -> None:
    with pytest.raises(NotAnInitiativeError, match=r"compare: expected a humanising\.Initiative, got a str"):
        frameworks.compare(["sleepwell"])  # type: ignore[list-item]


# --- the command and its formats


def _case_file(tmp_path: Path, name: str = "A *case* | <script>alert(1)</script>") -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(
        "id: built\n"
        f"name: {json.dumps(name)}\n"
        "stakeholders:\n"
        "  - {id: users, name: users, identities: [service_user]}\n"
        "  - {id: staff, name: staff, identities: [mental_health_professional]}\n"
        "products:\n"
        "  - {id: service, name: service, kind: service, domain: mental_health}\n"
        "participations:\n"
        "  - {stakeholder: users, stage: design, involvement: partner, capacity: service_user}\n"
        "  - {stakeholder: staff, stage: design, involvement: partner, capacity: mental_health_professional}\n"
        "  - {stakeholder: staff, stage: delivery, involvement: leads, capacity: mental_health_professional}\n",
        encoding="utf-8",
    )
    return path


def test_the_table_shows_every_model_and_framework_and_what_disagreements_are(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["compare", str(_case_file(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "  Bovaird             Professional provision, co-planned\n" in result.output
    assert "  TLAP                Co-design\n" in result.output
    assert "  co-production       " in result.output
    assert "A disagreement: a co-production model fits or partly fits" in result.output
    assert "not its authors'" in result.output


def test_markdown_escapes_the_case_files_text(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["compare", str(_case_file(tmp_path, name="x")), "-f", "markdown", "--title", "*T* <i>"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# \\*T\\* &lt;i&gt;\n")
    assert "| built | " in result.output
    assert "## Frameworks" in result.output


def test_html_is_the_report_with_one_more_section_and_escapes_everything(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["compare", str(_case_file(tmp_path)), "-f", "html"])
    assert result.exit_code == 0, result.output
    page = result.output
    assert page.startswith("<!doctype html>")
    assert page.count('<section id="frameworks"') == 1
    assert '<section id="matrix">' in page
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_normal_html_report_has_no_frameworks_section() -> None:
    page = html_report([humanising.analyse(humanising.casebook.load("sleepwell"))])
    assert 'id="frameworks"' not in page


def test_json_holds_every_placement_with_its_facts(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["compare", str(_case_file(tmp_path)), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    (entry,) = data["initiatives"]
    bovaird = entry["frameworks"]["bovaird"]
    assert bovaird["position"] == "Professional provision, co-planned"
    cell = next(p for p in bovaird["placements"] if p["step"] == "co_planned")
    assert cell["status"] == "met"
    assert {fact["path"] for fact in cell["facts"]} >= {"participations[users@design].involvement"}
    assert all("not the framework authors' own" in f["reading"] for f in data["frameworks"])


def test_a_bad_file_is_named_and_the_good_ones_still_compared(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["compare", str(_case_file(tmp_path)), str(bad)])
    assert result.exit_code == 1
    assert "built: A *case*" in result.stdout
    assert "bad.yaml" in result.stderr
