"""Every wrong argument to a fact's constructor is an InvalidFactError naming the class, the field and the value."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

import humanising
from humanising.exceptions import InvalidFactError, RegistrationError

ID = (None, 3, "Not An Id", ["a"])
TEXT = (None, 3, "", "   ", ["a"])
STR = (None, 3, b"x", ["a"])
ENUM = (None, 3, "no-such-value", ["a"], {"a": 1})
ENUM_SET = (None, 3, "service_user", [["a"]], [3], {"a": 1}, ["no-such-value"])
BOOL_FACT = ("yes", 3, None, ["a"], humanising.Fact("yes"))
ENUM_FACT = ("no-such-value", 3, None, ["a"], humanising.Fact(3))
LIST = (3, "abc", {"a": 1}, [3], [None])
LIST_FACT = (3, "abc", {"a": 1}, [3], humanising.Fact([None]))
BASIS = (None, 3, "rumour", ["a"])
IDS = (None, 3, "a", [["a"]], [3], {"a": 1}, ["Not An Id"])

# What a valid call looks like, and the wrong values for each of the class's fields.
CASES: dict[str, tuple[dict[str, Any], dict[str, tuple[Any, ...]]]] = {
    "Source": ({"citation": "A paper"}, {"citation": TEXT, "locator": STR}),
    "Locator": (
        {"section": "4.1", "quote": "a short phrase"},
        {"section": TEXT, "quote": (*TEXT, "one two three four five six seven eight nine ten eleven twelve thirteen")},
    ),
    "Stakeholder": (
        {"id": "trust", "name": "The trust", "identities": {"organisation"}},
        {
            "id": ID,
            "name": TEXT,
            "identities": (*ENUM_SET, set()),
            "roles": ENUM_SET,
            "user_run": BOOL_FACT,
            "note": STR,
            "domain": (3, "housng", ["housing"], "unknown"),
            # run_by needs user_run true; the base leaves it unknown, so even a good value is refused.
            "run_by": (3, "peers", "survivors"),
            "avoided_services": BOOL_FACT,
        },
    ),
    "Participation": (
        {"stakeholder": "peers", "stage": "design", "involvement": "leads", "capacity": "service_user"},
        {
            "stakeholder": ID,
            "stage": ENUM,
            "involvement": ENUM,
            "capacity": ENUM,
            "basis": BASIS,
            "note": STR,
            "locator": (3, "section 4.1", {"section": "4.1"}),
            "coder": STR,
        },
    ),
    "Product": (
        {"id": "rules", "name": "Rules", "kind": "policy"},
        {
            "id": ID,
            "name": TEXT,
            "kind": ENUM,
            "domain": ENUM,
            "stages": (*ENUM_SET, set()),
            "role_differentiation": ENUM_FACT,
            "basis": BASIS,
            "note": STR,
            "coder": STR,
        },
    ),
    "Relationship": (
        {"between": ("patients", "staff"), "aspect": "power", "change": "narrows"},
        {
            "between": (None, 3, "ab", ("a",), ("a", "a"), ("a", 3), ("a", "b", "c")),
            "aspect": ENUM,
            "change": ENUM,
            "claim": ENUM,
            "basis": BASIS,
            "note": STR,
            "coder": STR,
        },
    ),
    "Revision": (
        {"description": "Shorter", "answers": {"peers"}},
        {"description": TEXT, "answers": IDS, "basis": BASIS, "coder": STR},
    ),
    "FailedPartnership": (
        {"partner": "services", "why": "no time"},
        {"partner": ID, "why": TEXT, "basis": BASIS, "coder": STR},
    ),
    "BarrierMet": (
        {"barrier": "restrictive_practice", "outcome": "overcome", "how": "a team decision"},
        {"barrier": ENUM, "outcome": ENUM, "how": TEXT, "basis": BASIS, "coder": STR},
    ),
    "HumanisingFeature": (
        {"kind": "own_goals", "description": "People choose"},
        {"kind": ENUM, "description": TEXT, "basis": BASIS, "coder": STR},
    ),
    "Evidence": ({}, dict.fromkeys(attrs.fields_dict(humanising.Evidence), BOOL_FACT)),
    "DesignProcess": (
        {},
        {"end_user_research": BOOL_FACT, "ideation": BOOL_FACT, "prototyping": BOOL_FACT, "revisions": LIST_FACT},
    ),
    "Observations": (
        {},
        {
            name: ENUM_FACT if name in ("agenda_set_by", "goals_set_by", "dissent", "scale") else BOOL_FACT
            for name in attrs.fields_dict(humanising.Observations)
            if name != "barriers_met"
        }
        | {"barriers_met": LIST},
    ),
    "Initiative": (
        {"id": "mine", "name": "Mine"},
        {
            "id": ID,
            "name": TEXT,
            "summary": STR,
            "place": STR,
            "period": STR,
            "illustrative": ("yes", 1, 0, None, ["a"]),
            "sources": LIST,
            "coded_by": (3, "RH", {"coder": "RH"}, humanising.Source("A paper")),
            "stakeholders": LIST,
            "products": LIST,
            "participations": LIST,
            "silent_stages": ENUM_SET,
            "relationships": LIST,
            "evidence": (None, {}, "x", humanising.Observations()),
            "design_process": (None, {}, "x", humanising.Evidence()),
            "role_differentiation": ENUM_FACT,
            "compulsion": BOOL_FACT,
            "paid_employment": BOOL_FACT,
            "user_knowledge_shapes_product": BOOL_FACT,
            "humanising_features": LIST_FACT,
            "failed_partnerships": LIST,
            "observations": (None, {}, "x", humanising.Evidence()),
            "parts": LIST,
        },
    ),
    # A fact's value is checked by the field that holds it (see the cases above), so any value may be given.
    "Fact": ({"value": True}, {"basis": BASIS, "note": STR, "coder": STR}),
    "Coding": (
        {"coder": "RH"},
        {
            "coder": TEXT,
            # A date, or a day written YYYY-MM-DD: not a time, not another spelling, not a day off the calendar.
            "date": (
                3,
                "31/01/2026",
                "2026-02-30",
                "2026-1-31",
                dt.datetime(2026, 1, 31, 9, 0, tzinfo=dt.UTC),
                ["2026-01-31"],
            ),
        },
    ),
}

UNCHECKED = {("Fact", "value")}


def _calls() -> list[Any]:
    return [
        pytest.param(name, field, bad, id=f"{name}.{field}={bad!r}")
        for name, (_base, fields) in CASES.items()
        for field, wrong in fields.items()
        for bad in wrong
    ]


def _items(value: object) -> list[object]:
    if isinstance(value, humanising.Fact):
        return [value.value, *_items(value.value)]
    if isinstance(value, list | tuple | set | dict):
        return list(value)
    return []


@pytest.mark.parametrize(("name", "field", "bad"), _calls())
def test_a_wrong_argument_names_class_field_and_value(name: str, field: str, bad: object) -> None:
    cls = getattr(humanising, name)
    base, _fields = CASES[name]
    with pytest.raises(InvalidFactError) as caught:
        cls(**{**base, field: bad})
    error = caught.value
    message = str(error)
    assert message.startswith(f"{name}.{field}"), message
    assert error.value is bad or error.value == bad or error.value in _items(bad), (error.value, bad)
    assert repr(error.value) in message


def test_every_field_of_every_fact_class_has_wrong_values_above() -> None:
    """A field added to a fact class without a case here fails this test."""
    for name, (base, fields) in CASES.items():
        cls = getattr(humanising, name)
        cls(**base)  # the base call is valid
        declared = {field.name for field in attrs.fields(cls)} - {f for n, f in UNCHECKED if n == name}
        assert set(fields) == declared, name
    fact_classes = {
        name
        for name in humanising.__all__
        if isinstance(getattr(humanising, name), type) and attrs.has(getattr(humanising, name))
    }
    assert fact_classes - set(CASES) == {
        "Agreement",  # what agreement finds between coders, not read from a case file
        "Alternative",  # what sensitivity finds a verdict rests on, not read from a case file
        "Analysis",
        "BarrierFinding",
        "Codebook",  # the codebook ships with the library; nobody builds one from a case file
        "CodebookEntry",
        "Passage",
        "CriterionResult",
        "CriterionSpec",
        "Difference",
        "FamilyAgreement",  # what diff finds between two codings, not read from a case file
        "Model",
        "ModelError",
        "Note",
        "ProductFit",
        "ReadingMatch",
        "Sensitivity",
        "Verdict",
        "VerdictChange",
    }


def test_a_model_declaration_names_its_own_class_and_field() -> None:
    """A model's parts are declarations, not facts: they raise RegistrationError, naming the class they are in."""
    with pytest.raises(RegistrationError, match=r"^CriterionSpec\.id: expected lower_snake_case.*got 'Bad Id'"):
        humanising.CriterionSpec("Bad Id", essential=True, description="What it asks.")
    with pytest.raises(RegistrationError, match=r"^CriterionSpec\.essential: expected true or false, got 'yes'"):
        humanising.CriterionSpec("asks", essential="yes", description="What it asks.")  # type: ignore[arg-type]
    with pytest.raises(RegistrationError, match=r"^CriterionSpec\.description: expected non-empty text, got None"):
        humanising.CriterionSpec("asks", essential=True, description=None)  # type: ignore[arg-type]
    model: dict[str, Any] = {"id": "mine", "name": "Mine", "judge": humanising.humanises, "summary": "", "source": ""}
    for field, bad in (("judge", "not callable"), ("summary", None), ("source", 3), ("criteria", [3])):
        with pytest.raises(RegistrationError, match=rf"^Model\.{field}: expected .*got "):
            humanising.Model(**{**model, field: bad})
    assert humanising.Model(**model, criteria=[humanising.CriterionSpec("a", True, "A.")]).criteria[0].id == "a"
