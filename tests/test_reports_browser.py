"""The HTML report in a real browser: Debian's chromium, driven by playwright.

These tests skip, saying why, when /usr/bin/chromium (or playwright) is missing,
unless HUMANISING_REQUIRE_BROWSER=1 is set (CI sets it), in which case they fail.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import humanising
from humanising.reports import html_report


def test_the_casebook_report_loads_without_errors_and_shows_matrix_and_quadrant(browser: Any, tmp_path: Path) -> None:
    analyses = [humanising.analyse(case) for case in humanising.casebook.load_all()]
    report = tmp_path / "casebook.html"
    report.write_text(html_report(analyses, title="The humanising casebook"), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(report.as_uri(), wait_until="load")

    assert problems == []
    assert requests == [report.as_uri()]  # nothing fetched but the page itself

    matrix = page.locator("#matrix-table")
    assert matrix.is_visible()
    assert matrix.locator("tbody tr").count() == len(humanising.casebook.ids())
    assert page.locator("#matrix-table td.fit-fits").first.is_visible()
    quadrant = page.locator("svg.quadrant")
    assert quadrant.is_visible()
    box = quadrant.bounding_box()
    assert box is not None
    assert box["width"] > 400
    assert box["height"] > 200
    assert quadrant.locator("a").count() == len(humanising.casebook.ids())
    assert page.locator("#case-sleepwell svg.diagram").is_visible()

    page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
    quadrant.screenshot(path=str(tmp_path / "quadrant.png"))
    assert (tmp_path / "report.png").stat().st_size > 10_000
    assert (tmp_path / "quadrant.png").stat().st_size > 5_000
    page.close()


def test_a_matrix_cell_leads_to_its_reasons(browser: Any, tmp_path: Path) -> None:
    report = tmp_path / "sleepwell.html"
    report.write_text(html_report([humanising.analyse(humanising.casebook.load("sleepwell"))]), encoding="utf-8")
    page = browser.new_page()
    page.goto(report.as_uri())
    page.locator('#matrix-table a[href="#case-sleepwell-evidence_based_practice"]').click()
    details = page.locator("#case-sleepwell-evidence_based_practice")
    details.locator("summary").click()
    assert details.locator("ul.criteria li").first.is_visible()
    page.close()
