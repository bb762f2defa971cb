"""Misuse of the public functions gets the documented errors, not errors that name internals."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from typing import Any

import pytest

import humanising
import humanising.frameworks as humanising_frameworks
from humanising.exceptions import HumanisingError, NotAnInitiativeError, UnknownCaseError, UnknownModelError

SLEEPWELL = humanising.casebook.load("sleepwell")

FUNCTIONS: dict[str, Callable[[Any], object]] = {
    "classify": humanising.classify,
    "analyse": humanising.analyse,
    "equalises": humanising.equalises,
    "equalising": humanising.equalising,
    "exceeds_equalising": humanising.exceeds_equalising,
    "sensitivity": humanising.sensitivity,
    "humanises": humanising.humanises,
    "quadrant": humanising.quadrant,
    "barriers": humanising.barriers,
    "readings": humanising.readings,
    "settle": lambda value: humanising.settle(value, "compulsion", True),
    "Registry.classify": lambda value: humanising.Registry(humanising.registered_models()).classify(value),
}

NOT_INITIATIVES: tuple[object, ...] = (
    None,
    {"id": "sleepwell", "name": "SleepWell"},
    "sleepwell",
    3,
    [],
    [SLEEPWELL],
    (SLEEPWELL,),
    humanising.Stakeholder("peers", "Peers", identities={"service_user"}),
    object(),
)


@pytest.mark.parametrize("name", list(FUNCTIONS))
@pytest.mark.parametrize("value", NOT_INITIATIVES, ids=lambda value: type(value).__name__)
def test_something_else_than_an_initiative_is_refused_by_name(name: str, value: object) -> None:
    with pytest.raises(NotAnInitiativeError) as caught:
        FUNCTIONS[name](value)
    error = caught.value
    assert isinstance(error, TypeError)
    assert isinstance(error, HumanisingError)
    assert error.function == name
    assert error.value is value
    assert str(error).startswith(f"{name}: expected a humanising.Initiative, got ")
    assert type(value).__name__ in str(error) or value is None


def test_the_message_says_what_was_given_and_how_to_get_an_initiative() -> None:
    with pytest.raises(NotAnInitiativeError) as caught:
        humanising.classify(None)  # type: ignore[arg-type]
    assert str(caught.value) == "classify: expected a humanising.Initiative, got None"
    with pytest.raises(NotAnInitiativeError) as caught:
        humanising.analyse({"id": "x"})  # type: ignore[arg-type]
    assert str(caught.value) == (
        "analyse: expected a humanising.Initiative, got a dict ({'id': 'x'});"
        " humanising.structure(data) builds one from plain data"
    )
    with pytest.raises(NotAnInitiativeError) as caught:
        humanising.quadrant("sleepwell")  # type: ignore[arg-type]
    assert "got a str ('sleepwell'); humanising.casebook.load(id)" in str(caught.value)
    with pytest.raises(NotAnInitiativeError) as caught:
        humanising.readings(list(range(1000)))  # type: ignore[arg-type]
    assert len(str(caught.value)) < 120, "a large value is abbreviated"


def test_the_functions_still_accept_initiatives() -> None:
    for name, function in FUNCTIONS.items():
        assert function(SLEEPWELL) is not None, name


class TestVerdicts:
    VERDICTS = humanising.classify(SLEEPWELL)

    def test_a_missing_model_id_suggests_the_one_meant(self) -> None:
        with pytest.raises(KeyError) as caught:
            self.VERDICTS["co-production"]
        error = caught.value
        assert isinstance(error, UnknownModelError)
        assert error.suggestion == "coproduction"
        assert str(error).startswith("no verdict of model 'co-production' (did you mean 'coproduction'?); there are")
        assert error.known == tuple(self.VERDICTS)

    def test_a_far_miss_gets_no_suggestion(self) -> None:
        with pytest.raises(UnknownModelError) as caught:
            self.VERDICTS["zzz"]
        assert caught.value.suggestion is None
        assert "did you mean" not in str(caught.value)

    def test_it_reads_as_a_dict(self) -> None:
        verdicts = self.VERDICTS
        assert isinstance(verdicts, dict)
        assert verdicts["coproduction"].model == "coproduction"
        assert verdicts.get("co-production") is None
        assert "co-production" not in verdicts
        assert verdicts == dict(verdicts)
        assert dict(verdicts) == verdicts
        assert verdicts == humanising.classify(SLEEPWELL)

    def test_it_is_read_only(self) -> None:
        verdicts = self.VERDICTS
        assert isinstance(verdicts, dict)
        changes: list[Callable[[], object]] = [
            lambda: verdicts.__setitem__("x", verdicts["coproduction"]),
            lambda: verdicts.__delitem__("coproduction"),
            lambda: verdicts.pop("coproduction"),
            verdicts.popitem,
            verdicts.clear,
            lambda: verdicts.setdefault("x", verdicts["coproduction"]),
            lambda: verdicts.update({}),
        ]
        for change in changes:
            with pytest.raises(TypeError, match="read-only"):
                change()
        assert len(verdicts) == len(humanising.registered_models())

    def test_it_pickles_and_copies_to_an_equal_mapping_of_its_own_kind(self) -> None:
        for copied in (
            pickle.loads(pickle.dumps(self.VERDICTS)),  # noqa: S301 - our own data
            copy.copy(self.VERDICTS),
            copy.deepcopy(self.VERDICTS),
        ):
            assert copied == self.VERDICTS
            assert type(copied) is type(self.VERDICTS)
            with pytest.raises(UnknownModelError):
                copied["co-production"]
        analysis = humanising.analyse(SLEEPWELL)
        assert pickle.loads(pickle.dumps(analysis)) == analysis  # noqa: S301 - our own data


def test_an_unknown_case_suggests_the_one_meant() -> None:
    with pytest.raises(UnknownCaseError) as caught:
        humanising.casebook.load("sleep-well")
    assert caught.value.suggestion == "sleepwell"
    assert str(caught.value).startswith("no casebook case 'sleep-well' (did you mean 'sleepwell'?); known cases: ")
    with pytest.raises(UnknownCaseError) as caught:
        humanising.casebook.load("east lille 4")
    assert caught.value.suggestion == "east-lille-4"
    with pytest.raises(UnknownCaseError) as caught:
        humanising.casebook.load("nothing-like-it")
    assert caught.value.suggestion is None
    assert "did you mean" not in str(caught.value)


def test_functions_of_more_than_an_initiative_name_themselves_and_the_argument_refused() -> None:
    relationship = humanising.casebook.load("east-lille-6").relationships[0]
    framework = humanising_frameworks.frameworks()[0]
    calls: dict[str, Callable[[Any], object]] = {
        "relationship_kind": lambda value: humanising.relationship_kind(value, relationship),
        "diff (a)": lambda value: humanising.diff(value, SLEEPWELL),
        "diff (b)": lambda value: humanising.diff(SLEEPWELL, value),
        "compare": lambda value: humanising_frameworks.compare([SLEEPWELL, value]),
        f"{framework.id}.read": framework.read,
    }
    for name, call in calls.items():
        for value in ("sleepwell", None):
            with pytest.raises(NotAnInitiativeError) as caught:
                call(value)
            assert caught.value.function == name
            assert caught.value.value is value
            assert str(caught.value).startswith(f"{name}: expected a humanising.Initiative, got ")
