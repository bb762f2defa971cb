"""The case-file JSON Schema: generated from the attrs model, and in agreement with the loader."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import attrs
import jsonschema
import pytest
import yaml
from hypothesis import given

import humanising
from humanising import strategies as hst

SCHEMA = humanising.case_file_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
# One initiative, so that errors point into it rather than at the top-level "one or a list" choice.
INITIATIVE = jsonschema.Draft202012Validator({"$ref": "#/$defs/CaseFile", "$defs": SCHEMA["$defs"]})
CASE_FILES = sorted(
    entry.name for entry in resources.files("humanising.casebook").iterdir() if entry.name.endswith(".yaml")
)


def errors(data: Any) -> list[str]:
    """Schema errors for a case file's content, as JSON (tuples become lists, as in a file)."""
    data = json.loads(json.dumps(data))
    validator = INITIATIVE if isinstance(data, dict) else VALIDATOR
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(data)]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    json.dumps(SCHEMA)  # plain data


def test_every_attrs_class_and_field_of_the_model_is_in_the_schema() -> None:
    """The schema is built from the classes, so every field (including ones added later) appears."""
    seen: set[type[Any]] = set()

    def visit(cls: type[Any]) -> None:
        if cls in seen:
            return
        seen.add(cls)
        definition = SCHEMA["$defs"][cls.__name__]
        assert list(definition["properties"]) == [field.name for field in attrs.fields(cls)]
        assert definition["additionalProperties"] is False
        required = [field.name for field in attrs.fields(cls) if field.default is attrs.NOTHING]
        assert definition.get("required", []) == required
        for field in attrs.fields(cls):
            assert definition["properties"][field.name].get("description"), f"{cls.__name__}.{field.name}"
        for name in attrs.fields_dict(cls):
            for nested in _attrs_classes_in(SCHEMA["$defs"][cls.__name__]["properties"][name]):
                visit(getattr(humanising, nested))

    visit(humanising.Initiative)
    assert {cls.__name__ for cls in seen} <= set(SCHEMA["$defs"])


def _attrs_classes_in(schema: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(schema, dict):
        ref = schema.get("$ref", "")
        name = ref.removeprefix("#/$defs/")
        if ref and "enum" not in SCHEMA["$defs"][name]:
            found.add(name)
        for value in schema.values():
            found |= _attrs_classes_in(value)
    elif isinstance(schema, list):
        for value in schema:
            found |= _attrs_classes_in(value)
    return found


def test_enum_values_come_from_the_enums() -> None:
    assert SCHEMA["$defs"]["Involvement"]["enum"] == [level.value for level in humanising.Involvement]
    assert SCHEMA["$defs"]["Stage"]["enum"] == [stage.value for stage in humanising.Stage]


@pytest.mark.parametrize("name", CASE_FILES)
def test_every_casebook_file_validates(name: str) -> None:
    text = resources.files("humanising.casebook").joinpath(name).read_text(encoding="utf-8")
    assert errors(yaml.safe_load(text)) == []


@pytest.mark.parametrize("case_id", humanising.casebook.ids())
def test_every_casebook_case_validates_as_unstructured(case_id: str) -> None:
    assert errors(humanising.unstructure(humanising.casebook.load(case_id))) == []


@given(hst.initiatives())
def test_every_generated_initiative_validates(initiative: humanising.Initiative) -> None:
    """Law: the schema accepts the unstructured form of every valid initiative."""
    assert errors(humanising.unstructure(initiative)) == []


@given(hst.programmes())
def test_every_generated_programme_validates(initiative: humanising.Initiative) -> None:
    assert errors([humanising.unstructure(initiative)]) == []


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"colour": "blue"}, []),
        (
            {"participations": [{"stakeholder": "a", "stage": "delivry", "involvement": "leads", "capacity": "carer"}]},
            ["participations", 0, "stage"],
        ),
        ({"compulsion": 1}, ["compulsion"]),
        ({"compulsion": {"value": True, "basis": "hedgd"}}, ["compulsion"]),
        ({"id": "Not A Slug"}, ["id"]),
        ({"stakeholders": {"id": "a"}}, ["stakeholders"]),
    ],
)
def test_the_schema_rejects_what_the_loader_rejects(change: dict[str, Any], where: list[Any]) -> None:
    data = {"id": "mine", "name": "Mine", **change}
    with pytest.raises(humanising.exceptions.CaseFileError):
        humanising.structure(data)
    found = list(INITIATIVE.iter_errors(data))
    assert found
    assert any(list(error.absolute_path)[: len(where)] == where for error in found)
