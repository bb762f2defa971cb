"""REFI-QDA exchange: the codebook (.qdc) and the project (.qdpx), read back with an independent reader.

The reader is ``pyrefiqda`` (a test-only dependency): its models are generated from the
REFI-QDA XML schemas, so a file it parses has the schema's elements, attributes and types.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from pyrefiqda import RefiCodebook, RefiProject  # type: ignore[import-untyped]

import humanising
from humanising.cli import cli
from humanising.reports import qdc_codebook, qdpx_project, report_data
from humanising.reports._refiqda import guid, xml_text

ROOT = Path(__file__).resolve().parent.parent
CASEBOOK = sorted(str(path) for path in (ROOT / "src" / "humanising" / "casebook").glob("*.yaml"))


@pytest.fixture(scope="module")
def analyses() -> list[humanising.Analysis]:
    return [humanising.analyse(initiative) for initiative in humanising.casebook.load_all()]


def _flatten(codes: list[Any]) -> list[Any]:
    found: list[Any] = []
    for code in codes:
        found.append(code)
        found += _flatten(code.code)
    return found


def _load_project(data: bytes, tmp_path: Path) -> Any:
    archive = tmp_path / "project.qdpx"
    archive.write_bytes(data)
    return RefiProject.load(archive, extract_dir=str(tmp_path / "extracted"))


def test_the_reader_finds_every_vocabulary_and_value_of_the_codebook(tmp_path: Path) -> None:
    path = tmp_path / "codebook.qdc"
    path.write_bytes(qdc_codebook())
    book = RefiCodebook.load(path)
    groups = {code.name: code for code in book.codes.code}
    codebook = humanising.codebook()
    assert list(groups) == [vocabulary.__name__ for vocabulary in codebook.vocabularies]
    for vocabulary in codebook.vocabularies:
        group = groups[vocabulary.__name__]
        assert not group.is_codable
        values = {code.name: code for code in group.code}
        assert list(values) == [member.value for member in vocabulary]
        for member, entry in codebook.entries(vocabulary):
            code = values[member.value]
            assert code.is_codable
            assert code.description is not None
            assert entry.definition in code.description
            assert entry.example in code.description
            if entry.passage is not None:
                assert entry.passage.quote in code.description
    guids = [code.guid for code in _flatten(book.codes.code)]
    assert len(guids) == len(set(guids))


def test_the_reader_finds_every_case_variable_and_verdict_code(
    analyses: list[humanising.Analysis], tmp_path: Path
) -> None:
    project = _load_project(qdpx_project(analyses, name="the casebook"), tmp_path)
    data = report_data(analyses)
    assert project.name == "the casebook"
    variables = {variable.guid: variable for variable in project.variables.variable}
    names = {variable.name for variable in variables.values()}
    for model in data["models"]:
        assert {f"{model['id']} fit", f"{model['id']} basis"} <= names
    assert {"humanises fit", "humanises basis", "equalising", "quadrant", "part of", "illustrative"} <= names
    codes = {code.guid: code for code in _flatten(project.code_book.codes.code)}
    verdicts = next(code for code in project.code_book.codes.code if code.name == "Verdicts")
    model_names = [model["name"] for model in data["models"]] + ["Humanising"]
    assert [group.name for group in verdicts.code] == model_names
    parents = {child.guid: group.name for group in verdicts.code for child in group.code}
    cases = project.cases.case
    assert [case.name for case in cases] == [initiative["name"] for initiative in data["initiatives"]]
    for case, initiative in zip(cases, data["initiatives"], strict=True):
        values = {}
        for value in case.variable_value:
            variable = variables[value.variable_ref.target_guid]
            values[variable.name] = (
                value.boolean_value if variable.type_of_variable.value == "Boolean" else value.text_value
            )
        assert set(values) == names
        assert values["illustrative"] is initiative["illustrative"]
        assert values["quadrant"] == initiative["quadrant"]
        assert values["humanises fit"] == initiative["humanises"]["fit"]
        coded = {parents[ref.target_guid]: codes[ref.target_guid].name for ref in case.code_ref}
        assert coded["Humanising"] == initiative["humanises"]["fit"]
        for model in data["models"]:
            verdict = initiative["verdicts"][model["id"]]
            assert values[f"{model['id']} fit"] == verdict["fit"] == coded[model["name"]]
            assert values[f"{model['id']} basis"] == (verdict["basis"] or "")


def test_the_same_input_gives_the_same_bytes(analyses: list[humanising.Analysis]) -> None:
    assert qdc_codebook() == qdc_codebook()
    assert qdpx_project(analyses) == qdpx_project(analyses)
    assert zipfile.ZipFile(io.BytesIO(qdpx_project(analyses))).infolist()[0].date_time == (1980, 1, 1, 0, 0, 0)
    assert guid("humanising:case:sleepwell") != guid("humanising:case:sleepwel")


def test_a_project_with_no_cases_is_still_read(tmp_path: Path) -> None:
    project = _load_project(qdpx_project([]), tmp_path)
    assert project.cases is None
    assert project.variables is None
    assert any(code.name == "Verdicts" for code in project.code_book.codes.code)


# An initiative's name is any text that is not blank (str.strip: "\x85" and "\u2028" are blank too).
_NAMES = st.text(st.characters(codec="utf-8"), min_size=1, max_size=40).filter(str.strip) | st.sampled_from(
    ['A <b> & "c"', "]]>", "x\x00y\x1b[31m", "\ud800", "tab\tand\nline", "\ufffe"]
)


@settings(max_examples=30, deadline=None)
@given(name=_NAMES)
def test_any_name_is_written_as_xml_and_read_back(name: str) -> None:
    initiative = attrs.evolve(humanising.casebook.load("sleepwell"), name=name)
    document = zipfile.ZipFile(io.BytesIO(qdpx_project([humanising.analyse(initiative)]))).read("project.qde")
    case = ET.fromstring(document).find(  # noqa: S314 - the document the library just wrote
        "{urn:QDA-XML:project:1.0}Cases/{urn:QDA-XML:project:1.0}Case"
    )
    assert case is not None
    assert case.get("name") == xml_text(name)
    if all(character == xml_text(character) for character in name):
        assert case.get("name") == name


def test_control_characters_become_the_replacement_character() -> None:
    assert xml_text("a\x00b\x0bc\ud800\ufffe") == "a\ufffdb\ufffdc\ufffd\ufffd"
    assert xml_text("tab\tline\ncr\r<&>") == "tab\tline\ncr\r<&>"


def test_codebook_command_writes_a_qdc_the_reader_loads(tmp_path: Path) -> None:
    target = tmp_path / "humanising.qdc"
    result = CliRunner().invoke(cli, ["codebook", "-f", "qdc", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == qdc_codebook()
    assert len(RefiCodebook.load(target).codes.code) == len(humanising.codebook().vocabularies)


def test_export_qdpx_writes_every_case_of_the_files(tmp_path: Path) -> None:
    target = tmp_path / "cases.qdpx"
    result = CliRunner().invoke(cli, ["export-qdpx", *CASEBOOK, "--name", "casebook", "-o", str(target)])
    assert result.exit_code == 0, result.output
    project = RefiProject.load(target, extract_dir=str(tmp_path / "extracted"))
    expected = [
        row["name"] for row in report_data(humanising.analyse(i) for i in humanising.casebook.load_all())["initiatives"]
    ]
    assert sorted(case.name for case in project.cases.case) == sorted(expected)
    again = CliRunner().invoke(cli, ["export-qdpx", *CASEBOOK, "-o", str(target)])
    assert again.exit_code != 0
    assert "already exists" in again.output


def test_export_qdpx_goes_to_a_pipe_but_not_a_terminal() -> None:
    piped = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "humanising", "export-qdpx", CASEBOOK[0]], capture_output=True, check=False
    )
    assert piped.returncode == 0, piped.stderr
    assert zipfile.ZipFile(io.BytesIO(piped.stdout)).namelist() == ["project.qde"]
    leader, follower = os.openpty()
    try:
        terminal = subprocess.run(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "humanising", "export-qdpx", CASEBOOK[0]],
            stdout=follower,
            stderr=subprocess.PIPE,
            check=False,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert terminal.returncode == 1
    assert b"will not write a binary file to a terminal" in terminal.stderr


def test_export_qdpx_reports_a_bad_file_and_exports_the_good(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nnot: a case\n", encoding="utf-8")
    target = tmp_path / "cases.qdpx"
    result = CliRunner().invoke(cli, ["export-qdpx", CASEBOOK[0], str(bad), "-o", str(target)])
    assert result.exit_code == 1
    assert RefiProject.load(target, extract_dir=str(tmp_path / "extracted")).cases.case


# The child sequences of REFI-QDA's Project.xsd (1.0) for the elements the library writes: a
# schema-valid document has each element's children in this order (pyrefiqda does not check it).
_SEQUENCES = {
    "Project": [
        "Users",
        "CodeBook",
        "Variables",
        "Cases",
        "Sources",
        "Notes",
        "Links",
        "Sets",
        "Graphs",
        "Description",
    ],
    "CodeBook": ["Codes"],
    "Codes": ["Code"],
    "Code": ["Description", "NoteRef", "Code"],
    "Variables": ["Variable"],
    "Variable": ["Description"],
    "Cases": ["Case"],
    "Case": ["Description", "CodeRef", "VariableValue", "SourceRef", "SelectionRef"],
    "VariableValue": ["VariableRef", "TextValue", "BooleanValue"],
    "VariableRef": [],
    "CodeRef": [],
    "Description": [],
    "TextValue": [],
    "BooleanValue": [],
}


def test_every_element_holds_its_children_in_the_schemas_order(analyses: list[humanising.Analysis]) -> None:
    document = zipfile.ZipFile(io.BytesIO(qdpx_project(analyses))).read("project.qde")
    root = ET.fromstring(document)  # noqa: S314 - the document the library just wrote
    namespace = "{urn:QDA-XML:project:1.0}"
    for element in root.iter():
        assert element.tag.startswith(namespace)
        order = _SEQUENCES[element.tag.removeprefix(namespace)]
        positions = [order.index(child.tag.removeprefix(namespace)) for child in element]
        assert positions == sorted(positions), element.tag
    for value in root.iter(f"{namespace}VariableValue"):
        assert len(value) == 2  # the reference, then exactly one value (the schema's choice)
