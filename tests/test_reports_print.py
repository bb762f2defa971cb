"""The HTML report printed and on a wide screen, in a real browser (Debian's chromium, driven by playwright).

Printing goes through chromium's own print path (``page.pdf``, as "Save as PDF" and
``chromium --headless --print-to-pdf`` do). The PDF's text is read back with pypdf, a test-only
dependency: nothing else tells what a printed page really holds, closed ``<details>`` included.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest

import humanising
from humanising.reports import html_report

ROOT = Path(__file__).resolve().parent.parent
A4_WIDTH_PX = 794  # 210 mm at 96 px per inch, as chromium lays out a printed page


def _casebook_report(tmp_path: Path) -> tuple[Path, list[humanising.Analysis]]:
    analyses = [humanising.analyse(case) for case in humanising.casebook.load_all()]
    report = tmp_path / "casebook.html"
    report.write_text(html_report(analyses, title="The humanising casebook"), encoding="utf-8")
    return report, analyses


def _normalised(text: str) -> str:
    """Text as compared across a PDF's line breaks: compatibility forms (ligatures), no whitespace, no soft hyphens."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    return re.sub(r"\s+", "", text)


def test_the_printed_report_holds_every_reason(browser: Any, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf", reason="pypdf (in the tests extra) reads the printed PDF back")
    report, analyses = _casebook_report(tmp_path)
    page = browser.new_page()
    page.goto(report.as_uri(), wait_until="load")
    pdf = page.pdf(format="A4", print_background=True)
    page.close()
    (tmp_path / "casebook.pdf").write_bytes(pdf)
    reader = pypdf.PdfReader(BytesIO(pdf))
    printed = _normalised(" ".join(sheet.extract_text() or "" for sheet in reader.pages))
    assert len(reader.pages) > 5
    missing = []
    for analysis in humanising.reports._common.entries(analyses):
        for verdict in [*analysis.analysis.verdicts.values(), analysis.analysis.humanises]:
            missing += [result.reason for result in verdict.criteria if _normalised(result.reason) not in printed]
        missing += [
            finding.reason for finding in analysis.analysis.barriers if _normalised(finding.reason) not in printed
        ]
    assert missing == []


def test_no_printed_figure_is_wider_than_the_page(browser: Any, tmp_path: Path) -> None:
    report, _ = _casebook_report(tmp_path)
    page = browser.new_page(viewport={"width": A4_WIDTH_PX, "height": 1123})
    page.emulate_media(media="print")
    page.goto(report.as_uri(), wait_until="load")
    widths = page.evaluate(
        """() => [...document.querySelectorAll('svg, table, pre, figure')].map(element => {
            const box = element.getBoundingClientRect();
            return [element.tagName + '.' + (element.getAttribute('class') || ''), box.left, box.right];
        })"""
    )
    assert widths
    too_wide = [(name, left, right) for name, left, right in widths if left < -0.5 or right > A4_WIDTH_PX + 0.5]
    assert too_wide == []
    hidden = page.evaluate(
        """() => [...document.querySelectorAll('details ul.criteria li')].filter(li => li.offsetParent === null
              || li.getBoundingClientRect().height === 0).length"""
    )
    assert hidden == 0, "a criterion's reason is hidden in print"
    page.close()


def test_the_matrix_shows_every_column_at_1400_px(browser: Any, tmp_path: Path) -> None:
    report, _ = _casebook_report(tmp_path)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(report.as_uri(), wait_until="load")
    matrix = page.locator("#matrix-table")
    scroller = page.evaluate(
        "() => { const s = document.querySelector('#matrix .scroll'); return [s.scrollWidth, s.clientWidth]; }"
    )
    assert scroller[0] <= scroller[1], "the matrix scrolls sideways"
    headers = matrix.locator("thead th")
    assert headers.count() == len(humanising.registered_models()) + 3
    for index in range(headers.count()):
        box = headers.nth(index).bounding_box()
        assert box is not None
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= 1400, headers.nth(index).inner_text()
    page.screenshot(path=str(tmp_path / "matrix-1400.png"))
    page.close()


def test_diagram_edge_labels_do_not_overlap(browser: Any, tmp_path: Path) -> None:
    report, _ = _casebook_report(tmp_path)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(report.as_uri(), wait_until="load")
    overlaps = page.evaluate(
        """() => {
            const found = [];
            for (const svg of document.querySelectorAll('svg.diagram')) {
                const boxes = [...svg.querySelectorAll('text.edge-label')].map(t => [t.textContent, t.getBBox()]);
                for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                    const [a, p] = boxes[i], [b, q] = boxes[j];
                    if (p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height)
                        found.push(svg.getAttribute('aria-label') + ': ' + a + ' / ' + b);
                }
            }
            return found;
        }"""
    )
    assert overlaps == []
    page.close()


def test_the_how_to_s_print_command_prints_every_reason(browser: Any, tmp_path: Path) -> None:  # noqa: ARG001 - chromium is there
    """The command of "Print or share a report", run as written: the PDF holds every reason, as ``page.pdf``'s does."""
    pypdf = pytest.importorskip("pypdf", reason="pypdf (in the tests extra) reads the printed PDF back")
    how_to = (ROOT / "docs" / "how-to" / "print-or-share.md").read_text(encoding="utf-8")
    (command,) = re.findall(r"^\$ (chromium --headless .*)$", how_to, flags=re.MULTILINE)
    analyses = [humanising.analyse(humanising.casebook.load("sleepwell"))]
    (tmp_path / "report.html").write_text(html_report(analyses), encoding="utf-8")
    subprocess.run(command, shell=True, cwd=tmp_path, check=True, capture_output=True, timeout=120)  # noqa: S602
    printed = _normalised(
        " ".join(page.extract_text() or "" for page in pypdf.PdfReader(tmp_path / "report.pdf").pages)
    )
    reasons = [result.reason for verdict in analyses[0].verdicts.values() for result in verdict.criteria]
    assert [reason for reason in reasons if _normalised(reason) not in printed] == []
