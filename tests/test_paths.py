"""Fact paths (their two renderings), the structured path of an invalid fact, and ``settle``."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import humanising
from _settle import texts
from humanising import Fact, FactPath, Initiative, Participation, PathKey, Stakeholder
from humanising.exceptions import CaseFileError, FactPathError, InvalidFactError, UndefinedStakeholderError

_IDS = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,8}", fullmatch=True)
_NAMES = st.from_regex(r"[a-z_][a-z0-9_]{0,10}", fullmatch=True)
_KEYS = st.builds(PathKey, _IDS) | st.builds(PathKey, _IDS, st.sampled_from([s.value for s in humanising.Stage]))
_KEY_PATHS = st.builds(
    lambda first, rest: FactPath(first, *rest),
    _NAMES,
    st.lists(_NAMES | _KEYS, max_size=4),
)
_LOCATORS = st.builds(lambda steps: FactPath(*steps), st.lists(_NAMES | st.integers(0, 999), max_size=5))


@given(_KEY_PATHS)
def test_a_key_path_reads_back_from_its_text(path: FactPath) -> None:
    """Parsing a key path's text gives the same path, and equal paths hash alike."""
    parsed = FactPath.parse(str(path))
    assert parsed == path
    assert hash(parsed) == hash(path)


@given(_LOCATORS)
def test_a_positional_path_reads_back_from_its_locator(path: FactPath) -> None:
    """Parsing a locator (``$.a[3].b``) gives the same positional path."""
    assert FactPath.parse(path.locator) == path


@given(st.lists(_KEY_PATHS, max_size=6))
def test_paths_sort_as_their_text(paths: list[FactPath]) -> None:
    """Sorted paths are in the order of their key-path text, as the JSON report lists them."""
    assert [str(path) for path in sorted(paths)] == sorted(str(path) for path in paths)


@given(_KEY_PATHS)
def test_a_path_pickles(path: FactPath) -> None:
    """A path survives pickling."""
    assert pickle.loads(pickle.dumps(path)) == path  # noqa: S301 - our own data


def test_the_two_renderings() -> None:
    path = FactPath.participation("patients", "design").then("involvement")
    assert str(path) == "participations[patients@design].involvement"
    assert path.locator == "$.participations[patients@design].involvement"
    assert FactPath("participations", 3, "stakeholder").locator == "$.participations[3].stakeholder"
    assert FactPath(0, "id").locator == "$[0].id"
    assert FactPath().locator == "$"
    assert str(FactPath.stakeholder("trust").then("user_run")) == "stakeholders[trust].user_run"
    assert str(FactPath.product("records").then("domain")) == "products[records].domain"
    assert str(FactPath.failed_partnership("services")) == "failed_partnerships[services]"


def test_digits_are_positions_only_in_a_locator() -> None:
    """In a key path, ``[3]`` is the id ``3``; in a locator it is the fourth item."""
    assert FactPath.parse("products[3].domain").steps == ("products", PathKey("3"), "domain")
    assert FactPath.parse("$.products[3].domain").steps == ("products", 3, "domain")


@pytest.mark.parametrize(
    "text", ["", ".dissent", "observations..dissent", "products[]", "participations[x@]", "$participations", "a b"]
)
def test_malformed_paths_are_refused(text: str) -> None:
    with pytest.raises(FactPathError) as caught:
        FactPath.parse(text)
    assert caught.value.path == text
    assert "expected a fact path" in str(caught.value)


def test_a_step_must_be_a_name_a_position_or_a_key() -> None:
    with pytest.raises(FactPathError):
        FactPath("products", 1.5)  # type: ignore[arg-type]
    with pytest.raises(FactPathError):
        FactPath("products", True)


# --- the structured path of an invalid fact (no message is parsed back into a path)


def test_an_invalid_field_names_its_path() -> None:
    with pytest.raises(InvalidFactError) as caught:
        Participation("peers", "design", "co-designer", capacity="service_user")
    assert caught.value.field == "Participation.involvement"
    assert caught.value.path == FactPath("involvement")


def test_a_cross_field_error_names_the_positional_path() -> None:
    peers = Stakeholder(id="peers", name="peers", identities={"service_user"})
    with pytest.raises(UndefinedStakeholderError) as caught:
        Initiative(
            id="x",
            name="X",
            stakeholders=[peers],
            participations=[
                Participation("peers", "design", "partner", capacity="service_user"),
                Participation("nurses", "design", "partner", capacity="mental_health_professional"),
            ],
        )
    assert caught.value.path == FactPath("participations", 1, "stakeholder")
    assert caught.value.path.locator == "$.participations[1].stakeholder"


def test_a_case_file_error_locates_the_structured_path() -> None:
    text = "id: x\nname: X\nstakeholders:\n  - {id: peers, name: peers, identities: [service_user]}\n"
    text += "relationships:\n  - {between: [peers, nurses], aspect: power, change: narrows}\n"
    with pytest.raises(CaseFileError) as caught:
        humanising.loads(text, format="yaml", file="case.yaml")
    assert caught.value.path == "$.relationships[0].between[1]"
    assert caught.value.line == 6


# --- settle: filling in the facts a verdict names


def test_settle_fills_in_a_participation() -> None:
    case = humanising.casebook.load("east-lille-6")
    gold = "coproduction_gold_standard"
    (path,) = (path for path in humanising.classify(case)[gold].unknowns if path.steps[0] == "participations")
    settled = humanising.settle(case, path, "involved")
    assert path not in humanising.classify(settled)[gold].unknowns
    assert str(path) in texts(humanising.classify(case)[gold].unknowns)


def test_settle_takes_a_fact_with_its_basis() -> None:
    case = humanising.casebook.load("east-lille-6")
    settled = humanising.settle(case, "user_knowledge_shapes_product", Fact(True, "hedged", note="a reading"))
    assert settled.user_knowledge_shapes_product == Fact(True, "hedged", note="a reading")
    reason = humanising.classify(settled)["coproduction"].criterion("user_knowledge").reason
    assert "(as far as can be told)" in reason


def test_a_bare_value_keeps_the_basis() -> None:
    case = humanising.casebook.load("east-lille-6")
    known = case.paid_employment
    assert known.basis is humanising.Basis.CODED  # a basis other than the default of the settled value
    settled = humanising.settle(case, "paid_employment", not known.value)
    assert settled.paid_employment == Fact(not known.value, known.basis, known.note)


def test_settle_reaches_into_a_part() -> None:
    programme = humanising.casebook.load("east-lille")
    part = programme.parts[0]
    settled = humanising.settle(programme, f"parts[{part.id}].compulsion", True)
    assert settled.parts[0].compulsion.value is True
    assert settled.parts[1:] == programme.parts[1:]


def test_settle_fills_in_products_where_none_is_recorded() -> None:
    case = Initiative(id="x", name="X")
    product = humanising.Product(id="groups", name="peer groups", kind="service", domain="mental_health")
    assert humanising.settle(case, "products", [product]).products == (product,)


def test_an_absent_participation_is_not_recorded() -> None:
    """A stakeholder with no participation at a stage does not take part there: nothing to fill in."""
    case = humanising.casebook.load("sleepwell")
    stakeholder = case.stakeholders[0].id
    with pytest.raises(FactPathError) as caught:
        humanising.settle(case, f"participations[{stakeholder}@care_decisions].involvement", "partner")
    assert "is not recorded" in str(caught.value)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("stakeholders[nobody].user_run", "the id of a stakeholder"),
        ("products[nothing-here].domain", "the id of a product"),
        ("observations.no_such_fact", "a fact of initiative"),
        ("name", "a fact of initiative"),
    ],
)
def test_a_path_that_names_no_fact_is_refused(path: str, expected: str) -> None:
    with pytest.raises(FactPathError) as caught:
        humanising.settle(humanising.casebook.load("sleepwell"), path, True)
    assert expected in str(caught.value)


def test_a_value_that_does_not_fit_is_refused_as_an_invalid_fact() -> None:
    with pytest.raises(InvalidFactError):
        humanising.settle(humanising.casebook.load("sleepwell"), "role_differentiation", "blurred")
