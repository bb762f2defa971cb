"""``Grounds``: the only words a contributed model's reason may use, each written from its evidence.

The built-in models' sentences are pinned by ``tests/golden/reasons.csv``; here each field
a contributor's ``Wording`` can name is checked on its own, on evidence built by hand.
"""

from __future__ import annotations

import pytest

from humanising import (
    UNKNOWN,
    Basis,
    Domain,
    FactPath,
    Identity,
    Initiative,
    Involvement,
    Participation,
    Product,
    ProductKind,
    RunBy,
    Stage,
    Stakeholder,
    Status,
)
from humanising.models import EvidenceItem, Grounds, Side, Wording, index_of

PEERS = Stakeholder(id="peers", name="peers", identities={Identity.SERVICE_USER})
STAFF = Stakeholder(id="staff", name="clinicians", identities={Identity.MENTAL_HEALTH_PROFESSIONAL})
SURVIVORS = Stakeholder(id="survivors", name="a survivors' network", identities={Identity.SURVIVOR})
ALLIANCE = Stakeholder(
    id="alliance", name="an alliance", identities={Identity.ORGANISATION}, user_run=True, run_by=RunBy.BOTH
)
GROUP = Stakeholder(id="group", name="a user-run group", identities={Identity.ORGANISATION}, user_run=True)
TRAINING = Product(id="training", name="staff training", kind=ProductKind.SERVICE, domain=Domain.MENTAL_HEALTH)
LEAFLET = Product(id="leaflet", name="a leaflet", kind=ProductKind.SERVICE)
NOTHING = Product(id="access", name="access to records", kind=ProductKind.NOTHING)

INITIATIVE = Initiative(
    id="grounds",
    name="Grounds",
    stakeholders=(PEERS, STAFF, SURVIVORS, ALLIANCE, GROUP),
    products=(TRAINING, LEAFLET, NOTHING),
    participations=(
        Participation("peers", Stage.DELIVERY, Involvement.LEADS, capacity=Identity.SERVICE_USER),
        Participation(
            "staff",
            Stage.DESIGN,
            Involvement.CONSULTED,
            capacity=Identity.MENTAL_HEALTH_PROFESSIONAL,
            basis=Basis.INFORMAL,
        ),
        Participation("peers", Stage.DESIGN, Involvement.PARTNER, capacity=Identity.SERVICE_USER),
        Participation("survivors", Stage.DESIGN, Involvement.LEADS, capacity=Identity.SURVIVOR),
        Participation("alliance", Stage.DELIVERY, Involvement.INVOLVED, capacity=Identity.ORGANISATION),
        Participation("group", Stage.DELIVERY, Involvement.INVOLVED, capacity=Identity.ORGANISATION),
        Participation("staff", Stage.DELIVERY, UNKNOWN, capacity=Identity.MENTAL_HEALTH_PROFESSIONAL),
    ),
)
INDEX = index_of(INITIATIVE)


def seat(stakeholder: str, stage: Stage, value: object, basis: Basis | None = Basis.PUBLISHED) -> EvidenceItem:
    return EvidenceItem(FactPath.participation(stakeholder, stage.value).then("involvement"), value, basis)


def grounds(*evidence: EvidenceItem, status: Status = Status.MET) -> Grounds:
    return Grounds(status, evidence, INDEX)


PEERS_DELIVER = seat("peers", Stage.DELIVERY, Involvement.LEADS)
STAFF_DESIGN = seat("staff", Stage.DESIGN, Involvement.CONSULTED, Basis.INFORMAL)
PEERS_DESIGN = seat("peers", Stage.DESIGN, Involvement.PARTNER)
STAFF_DELIVERY = seat("staff", Stage.DELIVERY, UNKNOWN, Basis.INFORMAL)


def test_participations_come_by_stage_then_stakeholder_whatever_the_evidence_order() -> None:
    found = grounds(PEERS_DELIVER, STAFF_DESIGN, PEERS_DESIGN, STAFF_DELIVERY)
    assert found.participations() == (PEERS_DESIGN, STAFF_DESIGN, PEERS_DELIVER, STAFF_DELIVERY)
    assert found.participations(Stage.DELIVERY) == (PEERS_DELIVER, STAFF_DELIVERY)
    assert found.participations(Stage.DESIGN) == (PEERS_DESIGN, STAFF_DESIGN)
    assert found.stages == "design and delivery"
    assert found.names == "peers, clinicians"


def test_a_seat_says_who_how_much_say_where_and_its_hedge_and_an_unknown_one_has_no_hedge() -> None:
    found = grounds(STAFF_DESIGN, PEERS_DELIVER, STAFF_DELIVERY)
    assert found.seats == (
        f"clinicians: consulted at design{Basis.INFORMAL.hedge}; peers: leads at delivery; "
        "clinicians: unknown involvement at delivery"
    )


def test_no_participation_is_said_so() -> None:
    found = grounds()
    assert (found.seats, found.stages, found.names) == ("no recorded participation", "no stage", "")


def test_a_fact_that_is_not_a_participation_is_no_seat() -> None:
    other = EvidenceItem(FactPath("observations", "dissent"), UNKNOWN)
    found = grounds(other)
    assert found.participations() == ()
    with pytest.raises(ValueError, match=r"^observations\.dissent is not a participation$"):
        found.seat(other)
    assert found.side_of("peers", other) == 0


def test_only_an_involvement_is_a_seat_not_another_field_of_a_participation() -> None:
    capacity = EvidenceItem(FactPath.participation("peers", "delivery").then("capacity"), Identity.SERVICE_USER)
    assert grounds(capacity).participations() == ()


def test_known_and_unknown_split_the_evidence_and_the_hedge_is_the_weakest_known_basis() -> None:
    found = grounds(PEERS_DELIVER, STAFF_DESIGN, STAFF_DELIVERY)
    assert found.known == (PEERS_DELIVER, STAFF_DESIGN)
    assert found.unknown == (STAFF_DELIVERY,)
    assert found.hedge == Basis.INFORMAL.hedge
    assert grounds(PEERS_DELIVER).hedge == ""


@pytest.mark.parametrize(
    ("evidence", "lived"),
    [
        ((PEERS_DELIVER,), "service users"),
        ((seat("survivors", Stage.DESIGN, Involvement.LEADS),), "survivors"),
        ((PEERS_DESIGN, seat("survivors", Stage.DESIGN, Involvement.LEADS)), "service users and survivors"),
        ((seat("alliance", Stage.DELIVERY, Involvement.INVOLVED),), "service users and survivors"),
        ((seat("group", Stage.DELIVERY, Involvement.INVOLVED),), "service users"),
        ((), "service users"),
    ],
)
def test_lived_experience_is_named_in_the_sources_words(evidence: tuple[EvidenceItem, ...], lived: str) -> None:
    found = grounds(*evidence)
    assert found.lived == lived
    assert found.Lived == lived[0].upper() + lived[1:]


def test_the_value_and_note_are_the_first_items_in_words() -> None:
    first = EvidenceItem(FactPath("observations", "goals_set_by"), Involvement.LEADS, note="as the minutes say")
    assert (grounds(first).value, grounds(first).note) == ("leads", " (as the minutes say)")
    plain = EvidenceItem(FactPath("observations", "change_superficial"), value=False)
    assert (grounds(plain).value, grounds(plain).note) == ("False", "")
    unknown = EvidenceItem(FactPath("observations", "change_superficial"), UNKNOWN)
    assert (grounds(unknown).value, grounds().value, grounds().note) == ("", "", "")


def test_products_are_named_once_each_by_id_with_kind_and_domain() -> None:
    items = [
        EvidenceItem(FactPath.product("training").then("kind"), ProductKind.SERVICE),
        EvidenceItem(FactPath.product("leaflet").then("domain"), UNKNOWN),
        EvidenceItem(FactPath.product("training").then("domain"), Domain.MENTAL_HEALTH),
        EvidenceItem(FactPath.product("access").then("kind"), ProductKind.NOTHING),
        EvidenceItem(FactPath("products"), (TRAINING,)),  # the list itself names no product
    ]
    found = grounds(*items)
    assert [str(item.path) for item in found.product_items()] == [
        "products[access].kind",
        "products[leaflet].domain",
        "products[training].domain",
        "products[training].kind",
    ]
    assert found.products == (
        "access to records (nothing); a leaflet (service, domain unknown); "
        f"staff training (service, {Domain.MENTAL_HEALTH.words})"
    )
    with pytest.raises(KeyError, match="elsewhere"):
        found.product(EvidenceItem(FactPath.product("elsewhere").then("kind"), ProductKind.SERVICE))


def test_a_seat_acts_on_the_side_its_participation_records() -> None:
    found = grounds(PEERS_DELIVER)
    assert found.side_of("peers", PEERS_DELIVER) & Side.SERVICE_USER
    assert not found.side_of("peers", PEERS_DELIVER) & Side.PROVIDER
    # The stage is the item's; the side is that of the named stakeholder's seat there.
    assert found.side_of("staff", PEERS_DELIVER) == Side.PROVIDER
    assert found.side_of("survivors", PEERS_DELIVER) == 0  # no seat at delivery


class TestWording:
    WORDING = Wording(
        met="Peers lead {stages}: {seats}.",
        unmet=lambda found: f"No peer leads ({len(found.evidence)} facts)",
        unknown="Whether peers lead is unknown{hedge}.",
    )

    def test_each_status_has_its_phrase_and_a_template_names_fields(self) -> None:
        assert self.WORDING.render(grounds(PEERS_DELIVER)) == "Peers lead delivery: peers: leads at delivery."
        unknown = grounds(STAFF_DESIGN, status=Status.UNKNOWN)
        assert self.WORDING.render(unknown) == f"Whether peers lead is unknown{Basis.INFORMAL.hedge}."

    def test_the_hedge_goes_before_the_final_stop_or_at_the_end_and_never_twice(self) -> None:
        hedge = Basis.INFORMAL.hedge
        assert self.WORDING.render(grounds(STAFF_DESIGN)) == (
            f"Peers lead design: clinicians: consulted at design{hedge}."
        )
        assert self.WORDING.render(grounds(STAFF_DESIGN, status=Status.UNMET)) == f"No peer leads (1 facts){hedge}"

    def test_a_template_naming_no_field_of_the_grounds_fails_by_name(self) -> None:
        wrong = Wording(met="Peers lead {where}.", unmet="", unknown="")
        with pytest.raises(KeyError, match="where"):
            wrong.render(grounds(PEERS_DELIVER))
