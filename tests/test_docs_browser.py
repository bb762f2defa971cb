"""The built documentation site, as a reader sees it: Debian's chromium, driven by playwright.

The site is built with ``mkdocs build --strict`` (the ``built_site`` fixture in the root
``conftest.py``) and served over http on 127.0.0.1 (search needs http, not ``file://``). The
browser may fetch nothing else: any request to another host is recorded and fails the test,
so the site is shown to render offline.

Skipped when ``/usr/bin/chromium`` is missing, unless ``HUMANISING_REQUIRE_BROWSER=1`` (as
``.ci/run`` sets), which turns the skip into a failure.
"""

from __future__ import annotations

import functools
import os
import tempfile
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

SCREENSHOTS = Path(
    os.environ.get("HUMANISING_SCREENSHOTS", Path(tempfile.gettempdir()) / "humanising-docs-screenshots")
)
TIMEOUT_MS = 20_000


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        """Keep the test output clean."""


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class Visit:
    """A browser page that records console errors, page errors and requests that leave 127.0.0.1."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.foreign: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("request", self._request)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"console error: {message.text}")

    def _request(self, request: Any) -> None:
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:")) and host != "127.0.0.1":
            self.foreign.append(request.url)

    def check_clean(self) -> None:
        assert not self.errors, "\n".join(self.errors)
        assert not self.foreign, "requests that left the machine:\n" + "\n".join(self.foreign)


@pytest.fixture
def visit(browser: Any) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        yield Visit(page)
    finally:
        context.close()


def screenshot(visit: Visit, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    visit.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def test_home_page_renders(site_url: str, visit: Visit) -> None:
    visit.page.goto(site_url)
    assert visit.page.title().startswith("humanising")
    heading = visit.page.locator("article h1").first
    assert heading.inner_text().replace("¶", "").strip() == "humanising"
    nav = visit.page.locator("nav.md-nav--primary").inner_text()
    for section in ("Tutorial", "How-to guides", "Explanation", "Casebook", "Reference"):
        assert section in nav
    screenshot(visit, "home")
    visit.check_clean()


def test_search_finds_co_production(site_url: str, visit: Visit) -> None:
    page = visit.page
    page.goto(site_url)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("co-production", delay=20)  # Material searches on key presses, not on fill()
    results = page.locator("li.md-search-result__item")
    results.first.wait_for(state="visible")
    assert results.count() > 0
    meta = page.locator(".md-search-result__meta").inner_text()
    assert "matching document" in meta, meta
    screenshot(visit, "search")
    visit.check_clean()


# Material draws each diagram into a *closed* shadow root, which no test can look into; the
# page under test gets open ones instead, which changes nothing else about how it renders.
OPEN_SHADOW_ROOTS = """
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attachShadow.call(this, {...init, mode: "open"}); };
"""


def test_casebook_page_shows_a_rendered_mermaid_diagram(site_url: str, visit: Visit) -> None:
    page = visit.page
    page.add_init_script(OPEN_SHADOW_ROOTS)
    page.goto(site_url + "casebook/sleepwell/")
    svg = page.locator("div.mermaid svg").first
    svg.wait_for(state="visible")
    box = svg.bounding_box()
    assert box is not None
    assert box["width"] > 100
    assert box["height"] > 50
    labels = svg.text_content() or ""
    for label in ("in-patients", "ward staff", "design", "delivery", "evaluation"):
        assert label in labels
    assert page.locator("pre.mermaid").count() == 0, "a diagram was left as source text"
    svg.scroll_into_view_if_needed()
    screenshot(visit, "casebook-sleepwell")
    visit.check_clean()


def test_api_reference_lists_equalises_and_humanises(site_url: str, visit: Visit) -> None:
    page = visit.page
    page.goto(site_url + "reference/verdicts/")
    for name in ("equalises", "humanises"):
        heading = page.locator(f"[id='humanising.{name}']")
        assert heading.count() == 1, f"no heading for humanising.{name}"
        assert name in heading.inner_text()
    screenshot(visit, "api-reference")
    visit.check_clean()
