"""The documentation site: its generated casebook gallery, its examples, and its offline set-up.

The examples of the hand-written pages are collected by Sybil from the root ``conftest.py``;
this module checks that none escapes it, runs the examples of the generated casebook pages,
and checks what the generated pages say against the library.
"""

from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

import humanising
from humanising import casebook
from humanising.reports import mermaid
from humanising.reports._present import fit_cell

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(path for path in DOCS.rglob("*.md") if "_hooks" not in path.parts)

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n`]*)$", re.MULTILINE)
RUN = {"python", "console"}
"""Info strings whose blocks the test suite runs."""
SHOWN = {"text", "json", "yaml", "toml", "mermaid"}
"""Info strings of blocks that only show something (a fragment, a format); they never hold a command."""
TITLED = re.compile(r'\w+ title="[A-Za-z0-9_.-]+"\Z')
SKIPPABLE = re.compile(r"pip install|-m venv|mkdocs (serve|build)|apt-get|\.venv/bin/|chromium --headless")
"""What a skipped command may do: install, serve, run the gates of a development checkout, or print with chromium.

The printing command is run by ``tests/test_reports_print.py``, word for word.
"""


def load_hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_generated", DOCS / "_hooks" / "generated.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hook = load_hook()


def fences(text: str) -> list[tuple[int, str, str]]:
    """``(offset, info string, body)`` of every top-level fenced block."""
    found = []
    opening: re.Match[str] | None = None
    for match in FENCE.finditer(text):
        if opening is None:
            opening = match
        elif match["fence"] == opening["fence"] and not match["info"].strip():
            body = text[opening.end() + 1 : match.start()]
            found.append((opening.start(), opening["info"].strip(), body))
            opening = None
    assert opening is None, f"unclosed fence at offset {opening.start()}"
    return found


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(DOCS)))
def test_every_code_block_is_run_or_only_shows_something(page: Path) -> None:
    """Sybil runs ``python`` and ``console`` blocks and writes titled ones; any other info string would escape it."""
    for offset, info, body in fences(page.read_text(encoding="utf-8")):
        assert info in RUN | SHOWN or TITLED.match(info), f"{page.name}@{offset}: code block ```{info} is never run"
        if info in SHOWN:
            assert not re.search(r"^\$ |^>>> ", body, re.MULTILINE), f"{page.name}@{offset}: ```{info} holds commands"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(DOCS)))
def test_only_install_serve_and_gate_commands_are_skipped(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for skip in re.finditer(r"<!--\s*skip:\s*next\s*-->\s*\n", text):
        following = [fence for fence in fences(text) if fence[0] >= skip.end()]
        assert following, f"{page.name}: a skip with no code block after it"
        offset, info, body = following[0]
        assert offset == skip.end(), f"{page.name}@{skip.start()}: the skip is not right before a code block"
        assert info == "console", f"{page.name}@{offset}: only commands are skipped, not ```{info}"
        for line in body.splitlines():
            if line.startswith("$ "):
                assert SKIPPABLE.search(line), f"{page.name}: {line!r} is skipped but could run"


def test_every_nav_page_exists() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)  # noqa: S506 - our own config, with !!python/name tags

    def pages(items: list[Any]) -> list[str]:
        found: list[str] = []
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            found.extend(pages(value) if isinstance(value, list) else [value])
        return found

    listed = pages(config["nav"])
    hand_written = {str(page.relative_to(DOCS)) for page in PAGES}
    generated = {"casebook/index.md"}
    assert set(listed) - generated <= hand_written
    assert hand_written <= set(listed), "a page is not in the navigation"


@pytest.mark.parametrize("case_id", casebook.ids())
def test_generated_case_page_examples_run(case_id: str, tmp_path: Path, run_markdown: Any) -> None:
    """Each generated casebook page's examples run, as the hand-written pages' do."""
    page = tmp_path / f"{case_id}.md"
    page.write_text(hook.case_page(case_id), encoding="utf-8")
    assert run_markdown(page) >= 4


@pytest.mark.parametrize("case_id", casebook.ids())
def test_generated_case_page_shows_facts_sources_verdicts_and_barriers(case_id: str) -> None:
    initiative = casebook.load(case_id)
    analysis = humanising.analyse(initiative)
    page = hook.case_page(case_id)
    assert page.startswith(f"# {initiative.name}\n")
    assert ("Illustrative case" in page) == initiative.illustrative
    for source in initiative.sources:
        assert hook.cell(source.citation) in page or source.citation in page
    for model in humanising.registered_models():
        verdict = analysis.verdicts[model.id]
        assert f"### {model.name}: {verdict.fit.value}" in page
        for result in verdict.criteria:
            assert hook.cell(result.reason) in page
    for finding in humanising.barriers(initiative):
        assert hook.cell(finding.reason) in page
    assert f"**Quadrant:** {analysis.quadrant.value}" in page
    for stakeholder in initiative.stakeholders:
        assert f"`{stakeholder.id}`" in page


def test_casebook_overview_has_a_row_per_case_and_a_column_per_model() -> None:
    overview = hook.casebook_index()
    rows = [line for line in overview.splitlines() if line.startswith("| [")]
    assert len(rows) == len(casebook.ids())
    assert sorted(hook.case_order()) == sorted(casebook.ids())
    header = next(line for line in overview.splitlines() if line.startswith("| case |"))
    assert header.count("|") - 1 == 1 + len(humanising.registered_models()) + 3
    sleepwell = next(row for row in rows if "(sleepwell.md)" in row)
    ebp = humanising.classify(casebook.load("sleepwell"))["evidence_based_practice"]
    assert f"| **fits**{fit_cell(ebp).mark} |" in sleepwell  # evidence-based practice
    assert sleepwell.rstrip(" |").endswith("humanising only")


def test_illustrative_cases_come_after_the_papers() -> None:
    order = [casebook.load(case_id).illustrative for case_id in hook.case_order()]
    assert order == sorted(order)
    assert hook.case_order()[:2] == ("sleepwell", "mhf-wales")


@pytest.mark.parametrize("case_id", casebook.ids())
def test_built_case_page_holds_the_library_diagram(built_site: Path, case_id: str) -> None:
    """The diagram on each case's page is ``humanising.reports.mermaid`` of the case, unaltered."""
    built = (built_site / "casebook" / case_id / "index.html").read_text(encoding="utf-8")
    diagrams = re.findall(r'<pre class="mermaid"><code>(.*?)</code></pre>', built, re.DOTALL)
    initiative = casebook.load(case_id)
    if initiative.participations:
        assert [html.unescape(diagram) for diagram in diagrams] == [mermaid(initiative).rstrip("\n")]
    else:
        assert diagrams == []


def test_built_site_lists_every_case_and_fills_every_placeholder(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    for case_id in casebook.ids():
        assert f'href="casebook/{case_id}/"' in home, f"{case_id} is not in the navigation"
    for page in built_site.rglob("*.html"):
        assert "<!-- humanising:" not in page.read_text(encoding="utf-8"), f"{page}: a placeholder was left"
    schema = (built_site / "reference" / "case-file.schema.json").read_text(encoding="utf-8")
    assert '"title": "humanising case file"' in schema


def test_the_cli_reference_shows_no_internal_default(built_site: Path) -> None:
    reference = (built_site / "reference" / "cli" / "index.html").read_text(encoding="utf-8")
    assert "<td>--output</td>" in reference or "--output" in reference
    assert "Sentinel" not in reference
    assert "UNSET" not in reference


def test_the_site_needs_no_network() -> None:
    """Mermaid is vendored and listed before any page needs it; no web fonts, no remote scripts."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)  # noqa: S506
    assert config["theme"]["font"] is False
    assert config["extra_javascript"] == ["javascripts/mermaid.min.js"]
    assert not config.get("extra_css")
    assert "repo_url" not in config, "the repository widget fetches from the network at view time"
    vendored = (DOCS / "javascripts" / "mermaid.min.js").read_text(encoding="utf-8")
    assert re.search(r'version:"11\.\d+\.\d+"', vendored), "docs/javascripts/mermaid.min.js is not mermaid 11"
    assert (DOCS / "javascripts" / "mermaid.LICENSE.txt").read_text(encoding="utf-8").startswith("The MIT License")


def help_examples() -> list[tuple[str, str]]:
    """``(command, example)`` for every example in the ``--help`` of every command (the CLI reference shows them)."""
    import click

    from humanising.cli import cli

    found: list[tuple[str, str]] = []

    def visit(command: click.Command, path: list[str]) -> None:
        with click.Context(command, info_name=" ".join(["humanising", *path])) as context:
            text = command.get_help(context)
        examples = text.split("Examples:", 1)[1] if "Examples:" in text else ""
        for line in examples.splitlines():
            stripped = line.strip()
            if stripped.startswith("humanising"):
                found.append((" ".join(path) or "humanising", re.split(r"\s{2,}", stripped)[0]))
            elif stripped and not stripped.startswith("#") and not line.startswith(" " * 10):
                break  # the end of the examples (e.g. the exit codes paragraph)
        if isinstance(command, click.Group):
            for name, subcommand in sorted(command.commands.items()):
                visit(subcommand, [*path, name])

    visit(cli, [])
    return found


EXAMPLES = help_examples()


def test_every_command_shows_examples() -> None:
    commands = {command for command, _ in EXAMPLES}
    assert {"classify", "explain", "casebook", "validate", "schema", "diagram", "new"} <= commands


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with what the help examples name: ``my-case.yaml``, ``cases/``, ``my-cases/``, ``casebook.yaml``."""
    import json
    import shutil

    from humanising.cli import main

    folder = tmp_path_factory.mktemp("cli-examples")
    assert main(["casebook", "export", str(folder / "cases")]) == 0
    (folder / "cases" / "sleepwell.json").write_text(
        json.dumps(humanising.unstructure(casebook.load("sleepwell"))), encoding="utf-8"
    )
    shutil.copytree(folder / "cases", folder / "my-cases")
    shutil.copy(folder / "cases" / "east-lille.yaml", folder / "casebook.yaml")
    assert main(["new", str(folder / "my-case.yaml")]) == 0
    return folder


@pytest.mark.parametrize(("command", "example"), EXAMPLES, ids=[example for _, example in EXAMPLES])
def test_cli_reference_examples_run(
    command: str, example: str, prepared: Path, tmp_path: Path, run_documented_command: Any
) -> None:
    """The examples in each command's help, which the CLI reference shows, run against a prepared folder.

    The folder holds what the examples name (see ``prepared``), less what an example creates:
    no ``my-case.yaml`` for ``humanising new``, no ``my-cases/`` for ``casebook export``.
    """
    import shutil

    folder = tmp_path / "work"
    shutil.copytree(prepared, folder)
    if example.startswith("humanising new"):
        (folder / "my-case.yaml").unlink()
    if " export " in example:
        shutil.rmtree(folder / "my-cases")
    words = []
    for word in example.split():
        matches = sorted(str(path.relative_to(folder)) for path in folder.glob(word)) if "*" in word else [word]
        assert matches, f"{example}: nothing matches {word}"
        words.extend(matches)
    code, output = run_documented_command(" ".join(words), folder)
    assert code == 0, f"{command}: {example} exited with {code}:\n{output}"


def test_the_add_a_model_example_is_the_checked_file() -> None:
    """The how-to's model is docs/examples/peer_support.py, which mypy --strict and ruff check."""
    page = (ROOT / "docs" / "how-to" / "add-a-model.md").read_text(encoding="utf-8")
    (block,) = re.findall(r'```python title="peer_support.py"\n(.*?)```', page, flags=re.DOTALL)
    assert block == (ROOT / "docs" / "examples" / "peer_support.py").read_text(encoding="utf-8")
    assert "humanising._" not in block


def test_every_test_the_readings_page_names_exists() -> None:
    """Each row of "How the library reads the texts" names its test; every one named is a real test."""
    import ast

    page = (Path(__file__).parent.parent / "docs" / "explanation" / "reading-the-texts.md").read_text(encoding="utf-8")
    defined: dict[str, set[str]] = {}
    named = 0
    for row in (line for line in page.splitlines() if line.startswith("| ") and "tests/" in line):
        current = None
        for ref in re.findall(r"`((?:tests/[\w/]+\.py)?(?:::[\w]+(?:\[[^\]`]*\])?)*)`", row.rsplit(" | ", 1)[-1]):
            path, *parts = ref.split("::")
            current = path or current
            assert current, ref
            if current not in defined:
                tree = ast.parse((Path(__file__).parent.parent / current).read_text(encoding="utf-8"))
                defined[current] = {
                    node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.ClassDef)
                }
            for part in parts:
                assert part.split("[")[0] in defined[current], (current, part)
                named += 1
    assert named > 50


def test_the_glossary_page_has_every_term_the_report_s_glossary_has(built_site: Path) -> None:
    from humanising.reports._present import GLOSSARY

    page = (built_site / "explanation" / "glossary" / "index.html").read_text(encoding="utf-8")
    for term in GLOSSARY:
        assert f'id="{term.anchor}"' in page
        assert html.escape(term.meaning, quote=False) in page
    case = (built_site / "casebook" / "sleepwell" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../explanation/glossary/#basis"' in case
