"""Case files: a lossless round trip, and errors that name the file, the path and what was expected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import humanising
from humanising import UNKNOWN, Basis, Fact, Initiative
from humanising._serialize import dumps_yaml, parse_text
from humanising.exceptions import CaseFileError

MINIMAL = """\
id: mine
name: My initiative
stakeholders:
  - {id: members, name: members, identities: [service_user]}
participations:
  - {stakeholder: members, stage: delivery, involvement: leads, capacity: service_user}
"""


@pytest.mark.parametrize("case_id", humanising.casebook.ids())
def test_every_casebook_case_round_trips(case_id: str) -> None:
    case = humanising.casebook.load(case_id)
    assert humanising.structure(humanising.unstructure(case)) == case
    assert humanising.structure(json.loads(json.dumps(humanising.unstructure(case)))) == case
    assert parse_text(dumps_yaml(case), file="<dump>", format="yaml") == (case,)


def test_facts_are_written_bare_unless_they_carry_a_basis() -> None:
    data = humanising.unstructure(
        Initiative(id="x", name="X", compulsion=Fact(value=True), paid_employment=Fact(True, Basis.HEDGED, "maybe"))
    )
    assert data["compulsion"] is True
    assert data["paid_employment"] == {"value": True, "basis": "hedged", "note": "maybe"}
    assert "evidence" not in data  # all unknown: left out, and restored as unknown
    assert humanising.structure(data).evidence.literature_searched.value is UNKNOWN


def test_load_file_reads_yaml_json_and_lists(tmp_path: Path) -> None:
    (tmp_path / "one.yaml").write_text(MINIMAL)
    (one,) = humanising.load_file(tmp_path / "one.yaml")
    assert humanising.classify(one)["user_led"].stages == (humanising.Stage.DELIVERY,)
    (tmp_path / "two.json").write_text(json.dumps([humanising.unstructure(one), {"id": "other", "name": "Other"}]))
    assert [i.id for i in humanising.load_file(tmp_path / "two.json")] == ["mine", "other"]


def error_for(tmp_path: Path, text: str, name: str = "case.yaml") -> CaseFileError:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(CaseFileError) as info:
        humanising.load_file(path)
    assert str(path) in str(info.value)
    return info.value


def test_unknown_key(tmp_path: Path) -> None:
    error = error_for(tmp_path, MINIMAL + "colour: blue\n")
    assert error.path == "$"
    assert "unexpected key(s) colour" in error.expected


def test_unknown_key_deep_inside(tmp_path: Path) -> None:
    error = error_for(tmp_path, MINIMAL.replace("capacity: service_user}", "capacity: service_user, level: 3}"))
    assert error.path == "$.participations[0]"
    assert "level" in error.expected


def test_unknown_enum_value(tmp_path: Path) -> None:
    error = error_for(tmp_path, MINIMAL.replace("involvement: leads", "involvement: boss"))
    assert error.path == "$.participations[0].involvement"
    assert "expected one of none, informed, consulted, involved, partner, leads" in error.expected
    assert "'boss'" in error.expected


def test_wrong_type(tmp_path: Path) -> None:
    error = error_for(tmp_path, MINIMAL + "compulsion: 1\n")
    assert error.path == "$.compulsion"
    assert "expected true or false, got 1" in error.expected
    error = error_for(tmp_path, MINIMAL.replace("name: My initiative", "name: 42"))
    assert error.path == "$.name"
    assert "expected a string, got 42" in error.expected


def test_missing_required_key(tmp_path: Path) -> None:
    error = error_for(tmp_path, "id: mine\n")
    assert error.path == "$.name"
    assert "missing required key 'name'" in error.expected


def test_dangling_stakeholder_reference(tmp_path: Path) -> None:
    error = error_for(tmp_path, MINIMAL.replace("stakeholder: members", "stakeholder: nurses"))
    assert error.path == "$.participations[0].stakeholder"
    assert "expected the id of a stakeholder defined in stakeholders, got 'nurses'" in error.expected


def test_fact_with_an_unknown_key(tmp_path: Path) -> None:
    error = error_for(tmp_path, MINIMAL + "compulsion: {value: true, source: paper}\n")
    assert error.path == "$.compulsion"
    assert "unexpected key(s) source" in error.expected


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    error = error_for(tmp_path, "id: mine\nname: [unclosed\n")
    assert error.path.startswith("line ")
    assert "valid YAML" in error.expected


def test_json_syntax_error_names_the_line(tmp_path: Path) -> None:
    error = error_for(tmp_path, '{"id": "mine",\n "name": }', name="case.json")
    assert error.path == "line 2, column 10"


def test_yaml_never_constructs_objects(tmp_path: Path) -> None:
    error = error_for(tmp_path, "!!python/object/apply:os.system ['echo unsafe']\n")
    assert "valid YAML" in error.expected


def test_not_a_mapping(tmp_path: Path) -> None:
    error = error_for(tmp_path, "- just\n- words\n")
    assert error.path == "$"
    assert "expected a mapping" in error.expected


def test_missing_file_and_wrong_suffix(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match="a readable UTF-8 file"):
        humanising.load_file(tmp_path / "absent.yaml")
    with pytest.raises(CaseFileError, match=r"\.yaml, \.yml or \.json"):
        humanising.load_file(tmp_path / "case.txt")
