"""The page ``humanising form`` writes, read as text: offline, behind a strict policy, built from the questions."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from typing import TYPE_CHECKING

from humanising._casefiles._questions import SECTIONS, description
from humanising.cli import main
from humanising.cli._form import form_page

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_the_policy_allows_only_the_pages_own_script_and_style_by_hash() -> None:
    page = form_page()
    (policy,) = POLICY.findall(page)
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.DOTALL)
    styles = re.findall(r"<style>(.*?)</style>", page, flags=re.DOTALL)
    assert len(scripts) == len(styles) == 1
    assert "</" not in scripts[0]
    assert "</" not in styles[0]
    assert directives == {
        "default-src": "'none'",
        "script-src": f"'{_digest(scripts[0])}'",
        "style-src": f"'{_digest(styles[0])}'",
        "img-src": "data:",
        "form-action": "'none'",
        "base-uri": "'none'",
    }
    assert "unsafe" not in policy


def test_the_page_names_nothing_to_fetch() -> None:
    page = form_page()
    assert not re.search(r"https?:|//[a-z]|<link|@import|\ssrc=", page, flags=re.IGNORECASE)
    assert not re.search(r"\burl\(|fetch\(|XMLHttpRequest|import\(|WebSocket|sendBeacon", page)


def test_the_questions_are_embedded_as_data_that_cannot_end_their_block() -> None:
    page = form_page()
    (embedded,) = re.findall(r'<script type="application/json" id="questions">(.*?)</script>', page, flags=re.DOTALL)
    assert "<" not in embedded
    assert json.loads(embedded) == json.loads(json.dumps(description()))
    assert [section["key"] for section in json.loads(embedded)["sections"]] == [section.key for section in SECTIONS]


def test_form_writes_the_page_and_replaces_a_file_only_when_forced(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "form.html"
    assert main(["form", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == form_page()
    assert main(["form", "-o", str(target)]) == 1
    assert "use --force" in capsys.readouterr().err
    assert main(["form", "-o", str(target), "--force"]) == 0
