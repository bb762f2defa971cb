"""Case files: a lossless round trip, and errors that name the file, the path and what was expected."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

import humanising
from humanising import UNKNOWN, Basis, Fact, Initiative
from humanising import strategies as hst
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
    assert humanising.loads(humanising.dumps(case)) == (case,)


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
    with pytest.raises(CaseFileError, match=r"\.yaml, \.yml, \.json or \.jsonl"):
        humanising.load_file(tmp_path / "case.txt")


# --- lines, suggestions and strictness beyond the path


def located(error: CaseFileError) -> tuple[int | None, int | None]:
    return getattr(error, "line", None), getattr(error, "column", None)


def test_yaml_errors_name_the_line_of_the_offending_value(tmp_path: Path) -> None:
    error = error_for(tmp_path, MINIMAL.replace("stakeholder: members", "stakeholder: member"))
    assert located(error) == (6, 6)
    assert str(error).startswith(f"{tmp_path / 'case.yaml'}:6:6: $.participations[0].stakeholder: ")
    assert "(did you mean 'members'?)" in error.expected


def test_unknown_key_names_its_line_and_suggests_the_near_miss(tmp_path: Path) -> None:
    error = error_for(tmp_path, MINIMAL + "sumary: a typo\n")
    assert error.path == "$"
    assert located(error)[0] == 7
    assert "unexpected key(s) sumary (did you mean 'summary'?)" in error.expected


def test_unknown_key_without_a_near_miss_lists_the_allowed_keys(tmp_path: Path) -> None:
    error = error_for(tmp_path, MINIMAL.replace("capacity: service_user}", "capacity: service_user, xyz: 3}"))
    assert error.path == "$.participations[0]"
    assert "a Participation has stakeholder, stage, involvement, capacity, basis, note" in error.expected


@pytest.mark.parametrize(
    ("typo", "suggestion"),
    [
        ("involvement: leads", "involvement: lead"),
        ("stage: delivery", "stage: delivry"),
        ("capacity: service_user", "capacity: service_users"),
    ],
)
def test_near_miss_enum_values_are_suggested(tmp_path: Path, typo: str, suggestion: str) -> None:
    error = error_for(tmp_path, MINIMAL.replace(typo, suggestion))
    right = typo.split(": ")[1]
    assert error.expected.endswith(f"(did you mean {right!r}?)")
    assert located(error)[0] == 6


def test_an_enum_that_may_be_unknown_suggests_unknown(tmp_path: Path) -> None:
    error = error_for(tmp_path, MINIMAL.replace("involvement: leads", "involvement: unknwon"))
    assert "unknown, got 'unknwon' (did you mean 'unknown'?)" in error.expected


def test_a_fact_basis_typo_is_suggested(tmp_path: Path) -> None:
    error = error_for(tmp_path, MINIMAL + "compulsion: {value: true, basis: hedgd}\n")
    assert error.path == "$.compulsion"
    assert "(did you mean 'hedged'?)" in error.expected


def test_a_list_written_as_a_string_or_mapping_is_a_type_error(tmp_path: Path) -> None:
    error = error_for(tmp_path, MINIMAL.replace("identities: [service_user]", "identities: service_user"))
    assert error.path == "$.stakeholders[0].identities"
    assert error.expected == "expected a list, got 'service_user'"
    error = error_for(tmp_path, "id: mine\nname: Mine\nstakeholders: {id: members}\n")
    assert error.path == "$.stakeholders"
    assert error.expected == "expected a list, got a mapping"
    assert located(error)[0] == 3


def test_a_mapping_written_as_a_list_is_a_type_error(tmp_path: Path) -> None:
    error = error_for(tmp_path, MINIMAL + "evidence: [true]\n")
    assert error.path == "$.evidence"
    assert error.expected.startswith("expected a mapping (with keys question_by_topic_experts,")


def test_a_pair_needs_two_items(tmp_path: Path) -> None:
    text = MINIMAL + "relationships:\n  - {between: [members], aspect: power, change: narrows}\n"
    error = error_for(tmp_path, text)
    assert error.path == "$.relationships[0].between"
    assert error.expected == "expected a list of 2 items, got a list of 1 item"


def test_unquoted_year_or_date_hints_at_quotes(tmp_path: Path) -> None:
    error = error_for(tmp_path, MINIMAL + "period: 2019-03-01\n")
    assert error.expected == "expected a string, got the date 2019-03-01 (put it in quotes to make it text)"


def test_duplicate_yaml_key(tmp_path: Path) -> None:
    error = error_for(tmp_path, MINIMAL + "name: Again\n")
    assert error.path == "$.name"
    assert located(error) == (7, 1)
    assert "'name' is written twice" in error.expected


def test_duplicate_json_key(tmp_path: Path) -> None:
    error = error_for(tmp_path, '{"id": "a",\n "name": "A",\n "name": "B"}', name="case.json")
    assert error.path == "$.name"
    assert located(error) == (3, 2)


def test_json_errors_name_the_line_where_it_can_be_found(tmp_path: Path) -> None:
    data = {
        "id": "mine",
        "name": "Mine",
        "stakeholders": [{"id": "members", "name": "members", "identities": ["service_user"]}],
        "participations": [
            {"stakeholder": "membres", "stage": "design", "involvement": "leads", "capacity": "service_user"}
        ],
    }
    error = error_for(tmp_path, json.dumps(data, indent=2), name="case.json")
    assert error.path == "$.participations[0].stakeholder"
    assert located(error)[0] == 15
    assert "(did you mean 'members'?)" in error.expected


def test_an_error_in_the_second_initiative_of_a_list(tmp_path: Path) -> None:
    error = error_for(tmp_path, "- id: a\n  name: A\n- id: b\n  name: B\n  plac: Here\n")
    assert error.path == "$[1]"
    assert "plac (did you mean 'place'?)" in error.expected
    assert located(error)[0] == 5
    error = error_for(tmp_path, "- id: a\n  name: A\n- id: b\n  nam: B\n")
    assert error.path == "$[1]"  # a misspelt required key is named as the misspelling it is
    assert "nam (did you mean 'name'?)" in error.expected
    assert located(error)[0] == 4  # the misspelt key's own line
    error = error_for(tmp_path, "- id: a\n  name: A\n- id: b\n  place: Here\n")
    assert error.path == "$[1].name"
    assert "missing required key 'name'" in error.expected
    assert located(error)[0] == 3  # the mapping that lacks it
    assert str(tmp_path / "case.yaml") == error.file


def test_dangling_reference_in_a_part_suggests_the_parts_stakeholders(tmp_path: Path) -> None:
    text = (
        "id: p\nname: P\nparts:\n"
        "  - id: a\n    name: A\n"
        "    stakeholders: [{id: nurses, name: nurses, identities: [mental_health_professional]}]\n"
        "    participations:\n"
        "      - {stakeholder: nurse, stage: design, involvement: leads, capacity: mental_health_professional}\n"
    )
    error = error_for(tmp_path, text)
    assert error.path == "$.parts[0].participations[0].stakeholder"
    assert located(error)[0] == 8
    assert error.expected.endswith("got 'nurse' (did you mean 'nurses'?)")


def test_unreadable_and_undecodable_files(tmp_path: Path) -> None:
    (tmp_path / "latin.yaml").write_bytes("name: caf\xe9\n".encode("latin-1"))
    with pytest.raises(CaseFileError, match="is not UTF-8"):
        humanising.load_file(tmp_path / "latin.yaml")
    (tmp_path / "folder.yaml").mkdir()
    with pytest.raises(CaseFileError, match="it is a directory"):
        humanising.load_file(tmp_path / "folder.yaml")


# --- coders: who coded a case file, and a fact or record coded by someone else

CODED = """\
format: 2
id: mine
name: My initiative
coded_by: {coder: RH, date: 2026-01-31}
stakeholders:
  - {id: members, name: members, identities: [service_user]}
  - {id: staff, name: staff, identities: [mental_health_professional]}
participations:
  - {stakeholder: members, stage: delivery, involvement: leads, capacity: service_user}
  - {stakeholder: staff, stage: delivery, involvement: consulted, capacity: mental_health_professional, coder: JB}
relationships:
  - {between: [members, staff], aspect: power, change: narrows, coder: JB}
compulsion: {value: false, coder: JB}
paid_employment: {value: unknown, coder: JB}
parts:
  - id: part
    name: A part coded by someone else
    coded_by: {coder: JB}
"""


def test_a_case_file_names_its_coder_and_a_fact_its_own() -> None:
    (case,) = humanising.loads(CODED)
    assert case.coded_by == humanising.Coding("RH", dt.date(2026, 1, 31))
    assert [p.coder for p in case.participations] == ["", "JB"]
    assert case.relationships[0].coder == "JB"
    assert case.compulsion == Fact(False, Basis.CODED, coder="JB")  # a version-2 fact without a basis is coded
    assert case.paid_employment == Fact(UNKNOWN, coder="JB")  # an unknown fact keeps who found it unknown
    assert case.parts[0].coded_by == humanising.Coding("JB")


@pytest.mark.parametrize("format_", ["yaml", "json"])
def test_coders_round_trip_losslessly(format_: str) -> None:
    (case,) = humanising.loads(CODED)
    assert humanising.loads(humanising.dumps(case, format=format_), format=format_) == (case,)
    data = humanising.unstructure(case)
    assert data["coded_by"] == {"coder": "RH", "date": "2026-01-31"}
    assert data["participations"][1]["coder"] == "JB"
    assert "coder" not in data["participations"][0]  # no coder named: the file's own, left out
    assert data["compulsion"] == {"value": False, "basis": "coded", "coder": "JB"}
    assert data["paid_employment"] == {"value": "unknown", "basis": "published", "coder": "JB"}
    assert humanising.structure(json.loads(json.dumps(data))) == case


@pytest.mark.parametrize("case_id", humanising.casebook.ids())
def test_case_files_without_coders_load_as_before(case_id: str) -> None:
    """Version-1 and version-2 files name no coder: nothing about them changes."""
    case = humanising.casebook.load(case_id)
    assert case.coded_by is None
    assert all(p.coder == "" for p in case.participations)
    assert "coded_by" not in humanising.unstructure(case)
    assert "coder" not in humanising.dumps(case)


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("31/01/2026", "'31/01/2026'"),
        ("'2026-02-30'", "'2026-02-30'"),  # quoted: unquoted, YAML itself refuses a day off the calendar
        ("2026-01-31 09:00:00", "the date 2026-01-31T09:00:00"),
        ("[2026-01-31]", "a list of 1 item"),
    ],
)
def test_a_coding_date_must_be_a_day(tmp_path: Path, written: str, shown: str) -> None:
    error = error_for(tmp_path, MINIMAL + f"coded_by: {{coder: RH, date: {written}}}\n")
    assert error.path == "$.coded_by.date"
    assert error.expected == f"expected a date written YYYY-MM-DD, got {shown}"


def test_a_coder_must_be_named(tmp_path: Path) -> None:
    error = error_for(tmp_path, MINIMAL + "coded_by: {date: 2026-01-31}\n")
    assert error.path == "$.coded_by.coder"
    assert "missing required key 'coder'" in error.expected


def test_a_fact_with_a_misspelt_coder_key_is_suggested(tmp_path: Path) -> None:
    error = error_for(tmp_path, MINIMAL + "compulsion: {value: true, coded: JB}\n")
    assert "(did you mean 'coder'?)" in error.expected
    assert "a fact has value, basis, note and coder" in error.expected


def test_the_strategies_draw_coders() -> None:
    """The round-trip laws see coders: the strategies draw a case file's coder and a fact's own."""
    found = find(hst.initiatives(), lambda i: i.coded_by is not None and i.coded_by.date is not None)
    assert isinstance(found.coded_by, humanising.Coding)
    with_coder = find(hst.initiatives(), lambda i: any(p.coder for p in i.participations))
    assert any(p.coder for p in with_coder.participations)
    assert find(hst.facts(st.booleans()), lambda fact: bool(fact.coder)).coder


@settings(max_examples=60, deadline=None)
@given(hst.initiatives())
def test_generated_initiatives_with_coders_round_trip(initiative: Initiative) -> None:
    """Law: loads(dumps(x)) == (x,), coders and coding dates included, in JSON and in YAML."""
    for format_ in ("json", "yaml"):
        assert humanising.loads(humanising.dumps(initiative, format=format_), format=format_) == (initiative,)
