"""Facts are validated on construction, and every error names the field and the value."""

from __future__ import annotations

import attrs
import pytest

import humanising
from humanising import (
    UNKNOWN,
    Basis,
    Fact,
    Identity,
    Initiative,
    Involvement,
    Participation,
    Product,
    Relationship,
    Stage,
    Stakeholder,
)
from humanising.exceptions import (
    CapacityError,
    DuplicateIdError,
    HumanisingError,
    InvalidFactError,
    UndefinedStakeholderError,
)

PATIENTS = Stakeholder(id="patients", name="patients", identities={Identity.SERVICE_USER})
STAFF = Stakeholder(id="staff", name="staff", identities={Identity.MENTAL_HEALTH_PROFESSIONAL})


def test_every_error_is_a_humanising_error_and_a_builtin() -> None:
    for error_type in (InvalidFactError, UndefinedStakeholderError, DuplicateIdError, CapacityError):
        assert issubclass(error_type, HumanisingError)
        assert issubclass(error_type, ValueError)
    assert issubclass(humanising.exceptions.UnknownCaseError, LookupError)
    assert issubclass(humanising.exceptions.CaseFileError, ValueError)


def test_strings_are_accepted_for_enums_and_bare_values_for_facts() -> None:
    stakeholder = Stakeholder(id="mhf", name="MHF", identities=["organisation"], roles=["client"], user_run=False)
    assert stakeholder.identities == frozenset({Identity.ORGANISATION})
    assert stakeholder.user_run == Fact(value=False)
    participation = Participation("mhf", "design", "unknown", "organisation")
    assert participation.involvement is UNKNOWN
    assert participation.stage is Stage.DESIGN


def test_unknown_identity_names_the_field_and_value() -> None:
    with pytest.raises(InvalidFactError, match=r"Stakeholder\.identities: expected one of service_user, .*'wizard'"):
        Stakeholder(id="x", name="X", identities={"wizard"})


def test_identities_must_not_be_empty_or_a_bare_string() -> None:
    with pytest.raises(InvalidFactError, match="at least one of"):
        Stakeholder(id="x", name="X", identities=set())
    with pytest.raises(InvalidFactError, match=r"Stakeholder\.identities: expected a collection"):
        Stakeholder(id="x", name="X", identities="service_user")


def test_involvement_outside_the_ladder_names_the_field_and_value() -> None:
    with pytest.raises(InvalidFactError) as info:
        Participation("patients", Stage.DESIGN, "co-designer", Identity.SERVICE_USER)
    assert info.value.field == "Participation.involvement"
    assert info.value.value == "co-designer"
    assert "none, informed, consulted, involved, partner, leads, unknown" in info.value.expected


def test_empty_name_and_bad_id() -> None:
    with pytest.raises(InvalidFactError, match=r"Stakeholder\.name: expected a non-empty string, got ' '"):
        Stakeholder(id="x", name=" ", identities={Identity.CARER})
    with pytest.raises(InvalidFactError, match=r"Initiative\.id: expected an id of lower-case"):
        Initiative(id="Sleep Well", name="SleepWell")


def test_participation_naming_an_undefined_stakeholder() -> None:
    with pytest.raises(UndefinedStakeholderError) as info:
        Initiative(
            id="case",
            name="Case",
            stakeholders=[PATIENTS],
            participations=[Participation("nurses", Stage.DELIVERY, Involvement.LEADS, Identity.SERVICE_USER)],
        )
    assert info.value.field == "Initiative 'case': participations[0].stakeholder"
    assert info.value.value == "nurses"


def test_relationship_naming_an_undefined_stakeholder() -> None:
    with pytest.raises(UndefinedStakeholderError, match=r"relationships\[0\]\.between\[1\].*'public'"):
        Initiative(
            id="case",
            name="Case",
            stakeholders=[PATIENTS],
            relationships=[Relationship(("patients", "public"), "social_inclusion", "narrows")],
        )


def test_relationship_needs_two_different_parties() -> None:
    with pytest.raises(InvalidFactError, match="two different stakeholder ids"):
        Relationship(("patients", "patients"), "power", "narrows")


def test_capacity_the_stakeholder_does_not_have() -> None:
    with pytest.raises(CapacityError) as info:
        Initiative(
            id="case",
            name="Case",
            stakeholders=[PATIENTS],
            participations=[
                Participation("patients", Stage.DESIGN, Involvement.LEADS, Identity.MENTAL_HEALTH_PROFESSIONAL)
            ],
        )
    assert info.value.value == "mental_health_professional"
    assert "one of the identities of 'patients' (service_user)" in str(info.value)


def test_duplicate_ids_and_participations() -> None:
    with pytest.raises(DuplicateIdError, match="'patients'"):
        Initiative(id="case", name="Case", stakeholders=[PATIENTS, PATIENTS])
    with pytest.raises(DuplicateIdError, match="patients@design"):
        Initiative(
            id="case",
            name="Case",
            stakeholders=[PATIENTS],
            participations=[
                Participation("patients", Stage.DESIGN, Involvement.LEADS, Identity.SERVICE_USER),
                Participation("patients", Stage.DESIGN, Involvement.NONE, Identity.SERVICE_USER),
            ],
        )
    with pytest.raises(DuplicateIdError, match="'case'"):
        Initiative(id="case", name="Case", parts=[Initiative(id="case", name="Part")])


def test_user_run_only_for_organisations() -> None:
    with pytest.raises(InvalidFactError, match="user_run"):
        Stakeholder(id="x", name="X", identities={Identity.SERVICE_USER}, user_run=True)


def test_a_fact_must_have_the_right_type() -> None:
    with pytest.raises(InvalidFactError, match=r"Initiative\.compulsion: expected true, false or unknown, got 'yes'"):
        Initiative(id="case", name="Case", compulsion="yes")  # type: ignore[arg-type]
    with pytest.raises(InvalidFactError, match=r"Initiative\.role_differentiation: expected one of kept"):
        Initiative(id="case", name="Case", role_differentiation="blurred")
    with pytest.raises(InvalidFactError, match=r"Initiative\.stakeholders\[0\]: expected a Stakeholder"):
        Initiative(id="case", name="Case", stakeholders=["patients"])  # type: ignore[list-item]


def test_a_misspelt_basis_names_the_field_the_choices_and_the_value() -> None:
    with pytest.raises(InvalidFactError) as info:
        Fact(True, "hedgd")
    assert (
        str(info.value)
        == "Fact.basis: expected one of published, coded, hedged, insider_report, informal, inferred, got 'hedgd'"
    )
    assert Fact(True, "hedged").basis is Basis.HEDGED


def test_unknown_has_no_truth_value() -> None:
    with pytest.raises(TypeError, match="no truth value"):
        bool(UNKNOWN)


def test_facts_carry_their_basis_and_hedge() -> None:
    assert Fact(value=True, basis=Basis.HEDGED).hedge == " (as far as can be told)"
    assert Fact(value=True, basis=Basis.INFERRED).hedge == " (case author's inference)"
    assert Fact(value=UNKNOWN, basis=Basis.HEDGED).hedge == ""
    assert not Fact(value=UNKNOWN).is_known


def test_involvement_is_a_ladder() -> None:
    ladder = list(Involvement)
    assert [level.rank for level in ladder] == list(range(6))
    assert Involvement.LEADS.at_least(Involvement.PARTNER)
    assert not Involvement.CONSULTED.at_least(Involvement.INVOLVED)


def test_product_defaults_to_design_and_delivery() -> None:
    product = Product(id="p", name="P", kind="service")
    assert product.stages == frozenset({Stage.DESIGN, Stage.DELIVERY})
    assert product.domain is UNKNOWN
    assert not Product(id="q", name="Q", kind="nothing").is_something


def test_stakeholder_lookup() -> None:
    initiative = Initiative(id="case", name="Case", stakeholders=[PATIENTS, STAFF])
    assert initiative.stakeholder("staff") is STAFF
    with pytest.raises(UndefinedStakeholderError):
        initiative.stakeholder("nobody")


def test_initiatives_are_immutable_and_hashable_by_value() -> None:
    """Two separately built, equal initiatives hash alike; one that differs in a fact does not compare equal."""
    initiative = humanising.casebook.load("sleepwell")
    with pytest.raises(AttributeError):
        initiative.name = "changed"  # type: ignore[misc]
    rebuilt = humanising.structure(humanising.unstructure(initiative))
    assert rebuilt is not initiative
    assert rebuilt == initiative
    assert hash(rebuilt) == hash(initiative)
    renamed = attrs.evolve(initiative, name="changed")
    assert renamed != initiative
    assert {initiative, rebuilt, renamed} == {initiative, renamed}


def test_someone_both_staff_and_service_user_acts_in_one_capacity_at_a_stage() -> None:
    """Both identities are kept; each participation says which one it acts in there, and only one."""
    peer = humanising.Stakeholder(
        id="peer-worker", name="a peer worker on the payroll", identities={"service_user", "mental_health_professional"}
    )
    one = humanising.Participation("peer-worker", "delivery", "involved", capacity="service_user")
    other = humanising.Participation("peer-worker", "delivery", "leads", capacity="mental_health_professional")
    humanising.Initiative(id="peers", name="Peers", stakeholders=[peer], participations=[one])
    with pytest.raises(humanising.exceptions.DuplicateIdError, match="at most one participation per stakeholder"):
        humanising.Initiative(id="peers", name="Peers", stakeholders=[peer], participations=[one, other])
