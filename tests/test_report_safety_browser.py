"""Reports of a hostile case in a real browser: no dialog opens, no script runs, nothing is injected.

The Markdown report is rendered as the documentation site renders it (Python-Markdown with
the extensions in mkdocs.yml) and its diagrams drawn by the site's own Mermaid; the HTML
report is loaded as it is. Every ``alert()`` in the payload would open a dialog.
Skipped like the other browser tests when chromium or playwright is missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import humanising
from _hostile import PAYLOAD, ROOT, hostile, render_markdown
from humanising.reports import html_report, markdown_report

INJECTED = "script, img, iframe, object, embed, [onerror], [onclick], [onmouseover], [onload], a[href^='javascript:']"


def _load(browser: Any, path: Path) -> tuple[Any, list[str]]:
    page = browser.new_page()
    dialogs: list[str] = []

    def dismiss(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.goto(path.as_uri(), wait_until="load")
    return page, dialogs


def _hover_and_click_everything(page: Any) -> None:
    """Give event handlers, had any been injected, the events they wait for."""
    page.evaluate(
        """() => { for (const element of document.body.querySelectorAll('*')) {
            for (const type of ['mouseover', 'pointerenter', 'focus']) element.dispatchEvent(new Event(type));
        } }"""
    )


def test_the_markdown_report_runs_nothing_in_a_browser(browser: Any, tmp_path: Path) -> None:
    analyses = [humanising.analyse(case) for case in hostile()]
    body = render_markdown(markdown_report(analyses, title=PAYLOAD))
    page_file = tmp_path / "report.html"
    page_file.write_text(f'<!doctype html><html><head><meta charset="utf-8"></head><body>{body}</body></html>')
    page, dialogs = _load(browser, page_file)
    assert page.locator(INJECTED).count() == 0
    page.add_script_tag(path=str(ROOT / "docs" / "javascripts" / "mermaid.min.js"))
    # As the site's theme does: the diagram's text, without the <code> element the fence puts round it.
    page.evaluate(
        "() => { for (const block of document.querySelectorAll('.mermaid')) block.textContent = block.textContent;"
        " mermaid.initialize({startOnLoad: false}); }"
    )
    failure = page.evaluate(
        "async () => { try { await mermaid.run({querySelector: '.mermaid'}); return ''; }"
        " catch (error) { return String(error.message || error.str || JSON.stringify(error)); } }"
    )
    assert failure == ""
    diagrams = page.locator(".mermaid svg")
    assert (
        diagrams.count()
        == page.locator(".mermaid").count()
        == len([row for case in hostile() for row in (case, *case.parts)])
    )
    assert page.locator(".mermaid svg img, .mermaid svg script, .mermaid [onerror]").count() == 0
    assert (page.locator(".mermaid svg").first.text_content() or "").count("<img src=x onerror=alert(2)>") >= 1
    _hover_and_click_everything(page)
    assert page.locator("script").count() == 1  # only Mermaid itself, added above
    assert dialogs == []
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    page.close()


def test_the_html_report_runs_nothing_in_a_browser(browser: Any, tmp_path: Path) -> None:
    analyses = [humanising.analyse(case) for case in hostile()]
    page_file = tmp_path / "report.html"
    page_file.write_text(html_report(analyses, title=PAYLOAD), encoding="utf-8")
    page, dialogs = _load(browser, page_file)
    assert page.locator(INJECTED).count() == 0
    _hover_and_click_everything(page)
    assert dialogs == []
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    page.close()
