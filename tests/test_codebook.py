"""The codebook: every value has a definition and an example, and every place that lists values shows the same."""

from __future__ import annotations

import enum
import importlib.util
import inspect
import json
import re
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

import humanising
from humanising._casefiles._template import template
from humanising._facts import _vocabulary
from humanising._facts._codebook import VOCABULARIES
from humanising._facts._vocabulary import Term
from humanising.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
TEXTS = {"paper": SEEDS / "000_a6d8b079036580a7.txt", "essay": SEEDS / "003_94ac401c92c17141.txt"}
_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})

MEMBERS: list[Term | humanising.Basis] = [
    member for vocabulary in VOCABULARIES for member in vocabulary if isinstance(member, Term | humanising.Basis)
]
IDS = [f"{type(member).__name__}.{member.value}" for member in MEMBERS]


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_MARKS)).strip()


def _load_hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_generated", ROOT / "docs" / "_hooks" / "generated.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_codebook_covers_every_vocabulary() -> None:
    """Every Term enumeration of the vocabulary, and Basis, is in the codebook: a new one cannot be left out."""
    terms = {
        value
        for value in vars(_vocabulary).values()
        if inspect.isclass(value) and issubclass(value, Term) and value is not Term
    }
    assert set(VOCABULARIES) == {*terms, humanising.Basis}
    assert len(VOCABULARIES) == len(set(VOCABULARIES))


@pytest.mark.parametrize("member", MEMBERS, ids=IDS)
def test_every_value_has_a_definition_and_an_example(member: Term | humanising.Basis) -> None:
    entry = humanising.codebook().entry(member)
    assert member.definition == entry.definition
    assert member.example == entry.example
    assert member.passage == entry.passage
    assert len(entry.definition.split()) >= 3, entry.definition
    assert entry.definition.endswith(".")
    assert len(entry.example.split()) >= 2, entry.example
    if entry.passage is not None:
        assert entry.passage.text in TEXTS
        assert entry.passage.section.strip()
        assert len(entry.passage.quote.split()) <= 12, "a passage is a short phrase, never a long quotation"


@pytest.mark.parametrize("member", [m for m in MEMBERS if m.passage is not None], ids=lambda m: str(m.value))
def test_every_passage_is_the_sources_words(member: Term | humanising.Basis) -> None:
    assert member.passage is not None
    source = TEXTS[member.passage.text]
    if not source.exists():
        pytest.skip(f"the {member.passage.text}'s text is not at {source}")
    text = _plain(source.read_text(encoding="utf-8"))
    assert _plain(member.passage.quote) in text
    if member.passage.text == "essay" and member.passage.section != "opening":
        assert member.passage.section in text, "an essay passage is located by the essay's heading"


def test_the_same_spelling_in_two_vocabularies_keeps_two_meanings() -> None:
    """The enumerations are string enums: ``policy`` the stage and ``policy`` the product kind are distinct entries."""
    assert str(humanising.Stage.POLICY) == str(humanising.ProductKind.POLICY)  # the same spelling
    assert humanising.Stage.POLICY.definition != humanising.ProductKind.POLICY.definition
    assert humanising.Change.BYPASSED.definition != humanising.BarrierOutcome.BYPASSED.definition
    assert humanising.AgendaSetter.SHARED.definition != humanising.GoalSetter.SHARED.definition
    assert len({(type(m), m.value) for m in MEMBERS}) == len(MEMBERS) == len(list(humanising.codebook()))


def test_a_new_user_can_tell_the_neighbouring_values_apart() -> None:
    rd = humanising.RoleDifferentiation
    assert "still deliver to someone" in rd.BROADENED.definition
    assert "together" in rd.DISSOLVED.definition
    care = humanising.Stage.CARE_DECISIONS.definition
    assert "one person's own care" in care
    assert "not the rules of a service" in care
    ladder = {level: level.definition for level in humanising.Involvement}
    assert "no say" in ladder[humanising.Involvement.INFORMED]
    assert "others decide" in ladder[humanising.Involvement.CONSULTED]
    assert "real voice in the decisions" in ladder[humanising.Involvement.INVOLVED]
    assert "Decides jointly" in ladder[humanising.Involvement.PARTNER]
    assert ladder[humanising.Involvement.LEADS].startswith("Decides:")


def test_the_members_carry_no_second_copy_of_their_definitions() -> None:
    """The definitions live in the codebook alone: no enum member has an attribute docstring of its own."""
    for path in (
        ROOT / "src" / "humanising" / "_facts" / "_vocabulary.py",
        ROOT / "src" / "humanising" / "_facts" / "_unknown.py",
    ):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r'^    [A-Z_]+ = "[a-z_]+"\n    """', text, re.MULTILINE), path.name


def _flat(text: str) -> str:
    """Comment text as one line: the template wraps its comments."""
    return " ".join(line.lstrip().lstrip("#").strip() for line in text.splitlines())


@pytest.mark.parametrize("member", MEMBERS, ids=IDS)
def test_the_template_shows_each_definition(member: Term | humanising.Basis) -> None:
    assert f"{member.value}: {humanising.codebook().entry(member).definition}" in _flat(template())


def test_the_schema_describes_each_value_with_its_definition() -> None:
    defs = humanising.case_file_schema()["$defs"]
    for vocabulary in VOCABULARIES:
        definition = defs[vocabulary.__name__]
        assert definition["enum"] == [member.value for member in vocabulary]
        assert definition["enumDescriptions"] == [humanising.codebook().entry(m).definition for m in vocabulary]


def test_the_docs_pages_show_each_definition() -> None:
    hook = _load_hook()
    page = hook.codebook_page()
    reference = hook.schema_tables()
    assert page == humanising.codebook().markdown()
    for vocabulary in VOCABULARIES:
        assert f"## {vocabulary.__name__}\n" in page
        for member, entry in humanising.codebook().entries(vocabulary):
            assert f"| `{member.value}` | {hook.cell(entry.definition)} |" in reference
            assert f"| `{member.value}` | {hook.cell(entry.definition)} | {hook.cell(entry.example)} |" in page
    assert "<!-- humanising:codebook -->" in (ROOT / "docs" / "reference" / "codebook.md").read_text(encoding="utf-8")


def test_the_command_prints_the_codebook_as_markdown_by_default_and_as_json() -> None:
    runner = CliRunner()
    markdown = runner.invoke(cli, ["codebook"])
    assert markdown.exit_code == 0, markdown.output
    assert markdown.output == humanising.codebook().markdown()
    as_json = runner.invoke(cli, ["codebook", "-f", "json"])
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.output)
    assert data == humanising.codebook().as_data()
    shown = {
        (vocabulary["name"], value["value"]): value["definition"]
        for vocabulary in data["vocabularies"]
        for value in vocabulary["values"]
    }
    assert shown == {(type(m).__name__, m.value): humanising.codebook().entry(m).definition for m in MEMBERS}
    consulted = next(v for v in data["vocabularies"] if v["name"] == "Involvement")["values"][2]
    passage = humanising.Involvement.CONSULTED.passage
    assert passage is not None
    assert consulted["passage"] == {"text": "paper", "section": "5", "quote": passage.quote}


def test_the_command_writes_a_file(tmp_path: Path) -> None:
    target = tmp_path / "codebook.md"
    result = CliRunner().invoke(cli, ["codebook", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == humanising.codebook().markdown()


def test_a_value_outside_the_vocabularies_has_no_entry() -> None:
    class Other(enum.Enum):
        X = "x"

    with pytest.raises(KeyError, match="no entry"):
        humanising.codebook().entry(Other.X)
