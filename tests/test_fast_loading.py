"""The fast path of loading: for valid data it builds what the careful path builds; the rest, the careful path reads.

The careful path is the cattrs converter alone; the fast path is tried first and hands over on
the first thing it does not expect, so a user sees the careful path's error, word for word.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import humanising
from _damage import damaged
from _hostile import hostile_text
from humanising import strategies
from humanising._casefiles import _loading
from humanising._casefiles._converter import FORMATS, converter
from humanising._casefiles._fast import NotFast, fast_structure
from humanising.exceptions import CaseFileError

CASEBOOK = Path(humanising.__file__).parent / "casebook"


def careful(data: Any, version: int = 1) -> humanising.Initiative:
    initiative: humanising.Initiative = converter(version).structure(data, humanising.Initiative)
    return initiative


def careful_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading with the fast path turned away at once, as on its first unexpected value."""

    def decline(_data: Any, _basis: Any) -> humanising.Initiative:
        raise NotFast

    monkeypatch.setattr(_loading, "fast_structure", decline)


def as_json(initiative: humanising.Initiative) -> Any:
    """The initiative as a JSON case file holds it, read back."""
    return json.loads(json.dumps(humanising.unstructure(initiative)))


def same(built: humanising.Initiative, expected: humanising.Initiative) -> None:
    """Equal facts, and equal as written (which tells ``True`` from ``1``)."""
    assert built == expected
    assert json.dumps(humanising.unstructure(built)) == json.dumps(humanising.unstructure(expected))


@pytest.mark.parametrize("version", sorted(FORMATS))
@given(initiative=st.one_of(strategies.initiatives(), strategies.programmes()))
def test_fast_builds_what_the_careful_path_builds(initiative: humanising.Initiative, version: int) -> None:
    """Valid data, in either case-file version: the fast path builds the careful path's initiative."""
    data = as_json(initiative)
    built = fast_structure(data, FORMATS[version])
    same(built, careful(data, version))
    if version == 1:
        same(built, initiative)  # and loading loses nothing


@pytest.mark.parametrize("path", sorted(CASEBOOK.glob("*.yaml")), ids=lambda path: path.stem)
def test_every_shipped_case_takes_the_fast_path(path: Path) -> None:
    """The shipped cases, as YAML and as JSON data, are built by the fast path itself."""
    documents = yaml.safe_load(path.read_text(encoding="utf-8"))
    for data in documents if isinstance(documents, list) else [documents]:
        version = data.pop("format", 1)
        for form in (data, json.loads(json.dumps(data, default=str))):
            same(fast_structure(form, FORMATS[version]), careful(form, version))


def test_hostile_text_takes_the_fast_path() -> None:
    """Markup, escapes and long words in every free-text field are text like any other."""
    data = json.loads(hostile_text())
    same(fast_structure(data, FORMATS[1]), careful(data))


@given(damaged())
def test_the_fast_path_accepts_only_what_the_careful_path_accepts(data: Any) -> None:
    """Damaged data: the fast path hands over, or builds exactly what the careful path builds."""
    try:
        expected: humanising.Initiative | None = careful(data)
    except Exception:  # noqa: BLE001 - any rejection: the fast path must reject it too
        expected = None
    try:
        built = fast_structure(data, FORMATS[1])
    except NotFast:
        return
    assert expected is not None, "the fast path accepted what the careful path rejects"
    same(built, expected)


def _message(data: Any) -> str:
    with pytest.raises(CaseFileError) as raised:
        humanising.loads(json.dumps(data), format="json", file="case.json")
    return "\n".join(str(error) for error in raised.value.errors)


@given(damaged())
def test_errors_are_the_careful_paths_word_for_word(data: Any) -> None:
    """An invalid case's errors, every one of them, are those the careful path alone gives."""
    try:
        humanising.loads(json.dumps(data), format="json")
    except CaseFileError:
        pass
    else:
        return
    with_fast = _message(data)
    with pytest.MonkeyPatch.context() as monkeypatch:
        careful_only(monkeypatch)
        assert _message(data) == with_fast


def test_validators_turned_off_are_left_to_the_classes() -> None:
    """With attrs' validators disabled, loading does what the classes then do: the careful path."""
    data = {"id": "Not An Id", "name": "X"}
    with attrs.validators.disabled():
        with pytest.raises(NotFast):
            fast_structure(data, FORMATS[1])
        assert humanising.structure(data).id == "Not An Id"
    with pytest.raises(CaseFileError, match="expected an id"):
        humanising.structure(data)


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("illustrative",), 1),  # a flag written as a number
        (("stakeholders", 0, "identities"), "service_user"),  # one identity, not a list of them
        (("stakeholders", 0, "user_run"), {"value": True, "basis": None}),
        (("stakeholders", 0, "user_run"), {"value": True, "extra": 1}),
        (("participations", 0, "stage"), "Design"),
        (("participations", 0, "involvement"), None),
        (("relationships", 0, "between"), ["a"]),
        (("coded_by",), {"coder": "x", "date": "2026-02-30"}),
        (("stakeholders", 0, "id"), "Bad Id"),
    ],
)
def test_near_misses_go_to_the_careful_path(where: tuple[str | int, ...], value: Any) -> None:
    """Values close to valid ones: the fast path hands over, and the careful path names the place."""
    data = as_json(humanising.casebook.load("sleepwell"))
    data.setdefault("relationships", [{"between": ["a", "b"], "aspect": "power", "change": "kept"}])
    holder = data
    for step in where[:-1]:
        holder = holder[step]
    holder[where[-1]] = value
    with pytest.raises(NotFast):
        fast_structure(data, FORMATS[1])
    with pytest.raises(CaseFileError) as raised:
        humanising.structure(data)
    assert raised.value.path.startswith("$." + str(where[0]))
