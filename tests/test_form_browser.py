"""The page ``humanising form`` writes, in Debian's chromium driven by playwright.

The form is filled in with the answers the interview is given (``tests/_answers.py``); the case
file it writes must be the text the library writes for those answers, validate, and load to the
reference initiative. Skipped, saying why, when chromium or playwright is missing, unless
HUMANISING_REQUIRE_BROWSER=1 is set.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

import humanising
from _answers import ANSWERS, NAME, SUMMARY, reference
from humanising._casefiles._questions import PRODUCTS, STAKEHOLDERS, Section, case_file, quoted
from humanising.cli import main

if TYPE_CHECKING:
    from pathlib import Path

ONE_LINE = SUMMARY.replace("\n", " ")  # a text box holds one line


def _open(browser: Any, tmp_path: Path) -> tuple[Any, list[str], list[str]]:
    page_file = tmp_path / "form.html"
    assert main(["form", "-o", str(page_file)]) == 0
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type in {"error", "warning"} else None)
    page.on("pageerror", lambda error: problems.append(str(error)))

    def dismiss(dialog: Any) -> None:
        problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", dismiss)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(page_file.as_uri(), wait_until="load")
    assert requests == [page_file.as_uri()]  # nothing fetched but the page itself
    return page, problems, requests


def _type(page: Any, path: str, text: Any) -> None:
    box = page.locator(f'[data-path="{path}"]')
    box.fill(text)
    box.press("Tab")  # the change event, as a person leaving the box gives it


def _tick(page: Any, path: str, values: Any) -> None:
    for value in values:
        page.locator(f'[data-path="{path}"] input[value="{value}"]').check()


def _pick(page: Any, path: str, value: Any) -> None:
    page.locator(f'[data-path="{path}"]').select_option(value)


def _records(page: Any, section: Section, records: list[dict[str, Any]]) -> None:
    """Add each record to a section and answer its questions, each as a person would: type, pick or tick."""
    answer = {"id": _type, "text": _type, "choice": _pick, "choices": _tick}
    for index, record in enumerate(records):
        page.locator(f'[data-add="{section.key}"]').click()
        for item in section.questions:
            answer[item.kind](page, f"{section.key}.{index}.{item.key}", record[item.key])


def _fill(page: Any, answers: dict[str, Any]) -> None:
    """Answer every question on the page, as ``answers`` does."""
    for key, value in answers["initiative"].items():
        _type(page, f"initiative.{key}", value)
    _records(page, STAKEHOLDERS, answers["stakeholders"])
    _tick(page, "stages", [stage["stage"] for stage in answers["stages"]])
    for stage in answers["stages"]:
        _pick(page, f"stage.{stage['stage']}.said", stage["said"])
        for participant in stage["participants"]:
            path = f"stage.{stage['stage']}.{participant['stakeholder']}"
            _pick(page, f"{path}.involvement", participant["involvement"])
            if page.locator(f'[data-path="{path}.capacity"]').count():
                _pick(page, f"{path}.capacity", participant["capacity"])
    _records(page, PRODUCTS, answers["products"])
    for index, relationship in enumerate(answers["relationships"]):
        page.locator('[data-add="relationships"]').click()
        for key in ("first", "second", "aspect", "change", "claim"):
            _pick(page, f"relationships.{index}.{key}", relationship[key])
    _pick(page, "features.known", answers["features"]["known"])
    for index, item in enumerate(answers["features"]["items"]):
        page.locator('[data-add="features"]').click()
        _pick(page, f"features.{index}.kind", item["kind"])
        _type(page, f"features.{index}.description", item["description"])


def test_the_form_writes_the_case_file_of_its_answers(browser: Any, tmp_path: Path) -> None:
    page, problems, requests = _open(browser, tmp_path)
    answers = copy.deepcopy(ANSWERS)
    answers["initiative"]["summary"] = ONE_LINE
    _fill(page, answers)
    page.locator("#write").click()
    assert page.locator("#problems li").count() == 0
    written = page.locator("#case-file").text_content()
    assert written == case_file(answers)  # the same text the interview writes for the same answers
    assert page.locator("#case-file *").count() == 0  # the answers' markup shown as text, never parsed
    assert f"name: {quoted(NAME)}\n" in written
    with page.expect_download() as download:
        page.locator("#download").click()
    assert download.value.suggested_filename == "peer-drop-in.yaml"
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.read_text(encoding="utf-8") == written
    assert main(["validate", str(saved)]) == 0
    (loaded,) = humanising.load_file(saved)
    assert loaded == reference(summary=ONE_LINE)
    page.screenshot(path=str(tmp_path / "form.png"), full_page=True)
    assert problems == []
    assert requests == [requests[0]]  # the download is the page's own blob: nothing fetched
    page.close()


def test_answers_that_make_no_valid_case_file_are_named_and_nothing_is_written(browser: Any, tmp_path: Path) -> None:
    page, problems, _ = _open(browser, tmp_path)
    _type(page, "initiative.id", "Not An Id")
    page.locator('[data-add="stakeholders"]').click()
    page.locator('[data-add="relationships"]').click()
    page.locator("#write").click()
    listed = [text.strip() for text in page.locator("#problems li").all_text_contents()]
    assert "The initiative's name: an answer is needed" in listed
    assert any(text.startswith("The initiative's id: an id is lower-case") for text in listed)
    assert "Stakeholder 1: choose one or more identities" in listed
    assert "Relationship 1: choose two stakeholders" in listed
    assert page.locator("#case-file").text_content() == ""
    assert page.locator("#download").is_hidden()
    assert problems == []
    page.close()


def test_each_choice_shows_the_codebooks_meaning(browser: Any, tmp_path: Path) -> None:
    page, problems, _ = _open(browser, tmp_path)
    page.locator('[data-add="stakeholders"]').click()
    identities = page.locator('[data-path="stakeholders.0.identities"]').inner_text()
    assert humanising.Identity.SURVIVOR.definition in " ".join(identities.split())
    _tick(page, "stages", ["design"])
    _type(page, "stakeholders.0.id", "members")
    _tick(page, "stakeholders.0.identities", ["service_user"])
    _pick(page, "stage.design.members.involvement", "partner")
    row = page.locator('[data-path="stage.design.members.involvement"]').locator("xpath=..")
    assert humanising.Involvement.PARTNER.definition in row.inner_text()
    assert problems == []
    page.close()


def test_hostile_answers_run_nothing(browser: Any, tmp_path: Path) -> None:
    page, problems, _ = _open(browser, tmp_path)
    payload = "</script><script>alert(1)</script><img src=x onerror=alert(2)>"
    _type(page, "initiative.id", "hostile")
    _type(page, "initiative.name", payload)
    page.locator('[data-add="stakeholders"]').click()
    _type(page, "stakeholders.0.id", "people")
    _type(page, "stakeholders.0.name", payload)
    _tick(page, "stakeholders.0.identities", ["service_user"])
    page.locator("#write").click()
    assert page.locator("img, iframe, object, embed").count() == 0
    assert page.locator("script").count() == 2  # the questions and the page's own script
    assert problems == []
    (loaded,) = humanising.loads(page.locator("#case-file").text_content())
    assert loaded.name == payload
    assert loaded.stakeholders[0].name == payload
    page.close()


TRICKY = [
    "",
    "plain",
    '"\\',
    "\x00\x08\t\n\x0c\r\x1f",
    "\x7f\x85\x9f",
    "\u2028\u2029",
    "\ufeff",
    "😀 é ß",
    "# not: a comment",
]


def test_the_page_quotes_text_as_the_library_does(browser: Any, tmp_path: Path) -> None:
    """The page's port of ``quoted`` writes what the library writes, for the characters a YAML reader treats apart."""
    page, problems, _ = _open(browser, tmp_path)
    assert page.evaluate("(texts) => texts.map(quoted)", TRICKY) == [quoted(text) for text in TRICKY]
    assert problems == []
    page.close()
