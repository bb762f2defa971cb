"""Reports: the versioned JSON shape, Markdown sections, and an HTML page that needs nothing else."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest

import humanising
from humanising.reports import FORMAT, html_report, json_report, markdown_report, mermaid, report_data
from humanising.reports._common import FIT_CLASSES

ANALYSES = [humanising.analyse(case) for case in humanising.casebook.load_all()]
VERDICT_KEYS = {"fit", "criteria", "stages", "notes", "unknowns"}
CRITERION_KEYS = {"id", "status", "essential", "reason", "facts", "unknowns"}
FITS = {fit.value for fit in humanising.Fit}
QUADRANTS = {quadrant.value for quadrant in humanising.Quadrant}


def check_verdict(data: dict[str, Any]) -> None:
    assert set(data) >= VERDICT_KEYS
    assert data["fit"] in FITS
    for criterion in data["criteria"]:
        assert set(criterion) >= CRITERION_KEYS
        assert criterion["status"] in {"met", "unmet", "unknown"}
        assert isinstance(criterion["essential"], bool)
        assert isinstance(criterion["reason"], str)
        assert criterion["reason"]


def test_json_report_has_the_documented_shape() -> None:
    data = json.loads(json_report(ANALYSES))
    assert data["format"] == FORMAT == 2
    assert [model["id"] for model in data["models"]] == [model.id for model in humanising.registered_models()]
    assert [initiative["id"] for initiative in data["initiatives"]] == list(humanising.casebook.ids())
    for initiative in data["initiatives"]:
        assert set(initiative) >= {"id", "name", "part_of", "verdicts", "equalises", "humanises", "quadrant"}
        assert set(initiative["verdicts"]) == {model["id"] for model in data["models"]}
        for verdict in initiative["verdicts"].values():
            check_verdict(verdict)
        check_verdict(initiative["humanises"])
        assert initiative["quadrant"] in QUADRANTS
        for relationship in initiative["equalises"]:
            assert relationship["change"] == "narrows"
            assert set(relationship) >= {"between", "aspect", "claim", "basis", "note"}


def test_json_report_agrees_with_the_analyses() -> None:
    data = report_data(ANALYSES)
    by_id = {initiative["id"]: initiative for initiative in data["initiatives"]}
    for analysis in ANALYSES:
        initiative = by_id[analysis.initiative.id]
        assert initiative["quadrant"] == analysis.quadrant.value
        for model_id, verdict in analysis.verdicts.items():
            assert initiative["verdicts"][model_id]["fit"] == verdict.fit.value
            assert [c["id"] for c in initiative["verdicts"][model_id]["criteria"]] == [c.id for c in verdict.criteria]
    assert by_id["sleepwell"]["verdicts"]["evidence_based_practice"]["fit"] == "fits"
    assert by_id["east-lille-7"]["part_of"] == "east-lille"
    assert by_id["sleepwell"]["part_of"] is None
    assert by_id["mhf-wales"]["verdicts"]["user_led"]["stages"]


def test_the_docstring_documents_every_key_the_report_has() -> None:
    doc = report_data.__doc__ or ""
    data = report_data(ANALYSES)
    keys: set[str] = set(data)
    for initiative in data["initiatives"]:
        keys |= set(initiative)
        for verdict in initiative["verdicts"].values():
            keys |= set(verdict)
            for criterion in verdict["criteria"]:
                keys |= set(criterion)
    for key in sorted(keys):
        assert f'"{key}"' in doc, key


def test_a_programme_is_followed_by_its_parts_once() -> None:
    data = report_data([humanising.analyse(humanising.casebook.load("east-lille"))] * 2)
    assert [initiative["id"] for initiative in data["initiatives"]] == [
        "east-lille",
        *(f"east-lille-{n}" for n in range(1, 9)),
    ]


def test_markdown_report() -> None:
    text = markdown_report(ANALYSES, title="Casebook")
    assert text.startswith("# Casebook\n\n| case |")
    for case in humanising.casebook.load_all():
        assert f"\n## {case.name}\n" in text
        assert mermaid(case).rstrip("\n") in text
    assert text.count("```mermaid") == len(humanising.casebook.ids())
    for verdict in ANALYSES[0].verdicts.values():
        for result in verdict.criteria:
            assert result.reason in text


def test_contributed_models_are_headed_by_their_short_names() -> None:
    from humanising.reports._text import casebook_table

    def fits(_initiative: humanising.Initiative) -> humanising.Verdict:
        return humanising.Verdict.judge("peer_support", ())

    def always(_initiative: humanising.Initiative) -> humanising.Verdict:
        return humanising.Verdict.judge("always_fits", ())

    named = humanising.Model(
        id="peer_support", name="Peer support", short_name="peers", judge=fits, summary="", source="tests"
    )
    unnamed = humanising.Model(id="always_fits", name="Always fits", judge=always, summary="", source="tests")
    humanising.register_model(named)
    humanising.register_model(unnamed)
    try:
        analyses = [humanising.analyse(humanising.casebook.load("sleepwell"))]
        header = casebook_table(analyses).splitlines()[0]
        assert [cell.strip() for cell in header.split(" | ")][-5:-3] == ["peers", "Always fits"]
        assert "| transformative | peers | Always fits | humanises |" in markdown_report(analyses)
        assert '<th scope="col" title="Peer support">peers</th>' in html_report(analyses)
    finally:
        humanising.unregister_model("peer_support")
        humanising.unregister_model("always_fits")


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.sources: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        for name in ("src", "srcset", "data", "poster"):
            if values.get(name):
                self.sources.append(str(values[name]))
        if tag == "link" and values.get("rel") != "icon":
            self.sources.append(str(values.get("href")))


@pytest.fixture(scope="module")
def page() -> tuple[str, Page]:
    text = html_report(ANALYSES)
    parser = Page()
    parser.feed(text)
    return text, parser


def test_html_is_self_contained(page: tuple[str, Page]) -> None:
    text, parser = page
    assert "script" not in parser.tags
    assert parser.sources == []
    assert "@import" not in text
    assert "url(http" not in text
    urls = set(re.findall(r"https?://[^\s\"'<)]+", text))
    assert urls <= {"http://www.w3.org/2000/svg"}, urls


def test_html_ids_are_unique_and_every_link_lands(page: tuple[str, Page]) -> None:
    _, parser = page
    assert len(parser.ids) == len(set(parser.ids))
    for link in parser.links:
        assert link.startswith("#")
        assert link[1:] in parser.ids, link


def test_html_has_the_matrix_the_quadrant_chart_and_every_case(page: tuple[str, Page]) -> None:
    text, parser = page
    assert "matrix-table" in parser.ids
    assert 'class="quadrant"' in text
    for analysis in ANALYSES:
        case_id = analysis.initiative.id
        assert f"case-{case_id}" in parser.ids
        assert f'href="#case-{case_id}"><title>' in text  # placed on the quadrant chart
        for model_id, verdict in analysis.verdicts.items():
            assert f"case-{case_id}-{model_id}" in parser.ids
            cell = f'<td class="fit-{FIT_CLASSES[verdict.fit]}"><a href="#case-{case_id}-{model_id}">{verdict.fit}</a>'
            assert cell in text  # coloured by fit, saying it, and linking to the reasons
    assert text.count('<svg xmlns="http://www.w3.org/2000/svg" class="diagram"') == sum(
        1 for analysis in ANALYSES if analysis.initiative.stakeholders
    )


def test_html_escapes_what_case_files_say() -> None:
    case = humanising.Initiative(
        id="tags",
        name="<script>alert(1)</script>",
        stakeholders=[humanising.Stakeholder(id="a", name="A & <b>", identities={"service_user"})],
    )
    text = html_report([humanising.analyse(case)])
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "A &amp; &lt;b&gt;" in text


def test_markdown_and_html_show_barriers_and_readings(page: tuple[str, Page]) -> None:
    text, _ = page
    markdown = markdown_report(ANALYSES)
    for analysis in ANALYSES:
        assert len(analysis.barriers) == 4
        assert len(analysis.readings) == 3
        for finding in analysis.barriers:
            assert f"- **{finding.status.value}**: {finding.reason}" in markdown
            assert html.escape(finding.reason) in text
        for match in analysis.readings:
            assert match.reason in markdown
            assert html.escape(match.reason) in text
    assert markdown.count("### Institutional barriers") == len(ANALYSES)
    assert text.count("<h3>Readings of co-production</h3>") == len(ANALYSES)


def test_the_html_report_ends_with_the_glossary_its_legends_link_to() -> None:
    from humanising.reports._present import GLOSSARY

    page = html_report([humanising.analyse(humanising.casebook.load("sleepwell"))])
    ids = set(re.findall(r'id="([^"]+)"', page))
    links = set(re.findall(r'href="#(glossary[^"]*)"', page))
    assert links >= {"glossary", "glossary-basis"}
    assert links <= ids
    for term in GLOSSARY:
        assert f'<dt id="glossary-{term.anchor}">{html.escape(term.term)}</dt>' in page
    assert page.index('id="glossary"') > page.index('id="cases"')
