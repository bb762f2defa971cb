"""The wording and look-up helpers ``humanising.models`` offers to contributed models.

Built-in models word their reasons through ``Wording`` templates, so these helpers are
exercised here directly, as a contributor's model would call them.
"""

from __future__ import annotations

import attrs

from humanising import (
    UNKNOWN,
    Basis,
    FactPath,
    FailedPartnership,
    Identity,
    Initiative,
    Involvement,
    Participation,
    Stage,
    Stakeholder,
)
from humanising._facts._unknown import Fact
from humanising.models import (
    ANY_SIDE,
    LIVED_EXPERIENCE,
    WITHOUT_LIVED_EXPERIENCE,
    EvidenceItem,
    index_of,
    is_service_user,
    judgement_of,
    paths,
    seat_phrase,
    seat_phrases,
    seats_on,
    voiced,
    weakest_hedge,
)

USERS = Stakeholder(id="users", name="service users", identities={Identity.SERVICE_USER})
STAFF = Stakeholder(id="staff", name="clinicians", identities={Identity.MENTAL_HEALTH_PROFESSIONAL})
GROUP = Stakeholder(id="group", name="a user-run group", identities={Identity.ORGANISATION}, user_run=True)
TRUST = Stakeholder(id="trust", name="a trust", identities={Identity.ORGANISATION}, user_run=False)

USERS_LEAD_DESIGN = Participation("users", Stage.DESIGN, Involvement.LEADS, capacity=Identity.SERVICE_USER)
STAFF_AT_DESIGN = Participation(
    "staff", Stage.DESIGN, Involvement.CONSULTED, capacity=Identity.MENTAL_HEALTH_PROFESSIONAL, basis=Basis.INFORMAL
)
USERS_AT_DELIVERY = Participation("users", Stage.DELIVERY, UNKNOWN, capacity=Identity.SERVICE_USER)
STAFF_LEAD_DELIVERY = Participation(
    "staff", Stage.DELIVERY, Involvement.PARTNER, capacity=Identity.MENTAL_HEALTH_PROFESSIONAL, basis=Basis.HEDGED
)

INITIATIVE = Initiative(
    id="helpers",
    name="Helpers",
    stakeholders=(USERS, STAFF, GROUP, TRUST),
    participations=(USERS_LEAD_DESIGN, STAFF_AT_DESIGN, USERS_AT_DELIVERY, STAFF_LEAD_DELIVERY),
)
INDEX = index_of(INITIATIVE)


def _seat(participation: Participation) -> Participation:
    """The initiative's own copy of ``participation``."""
    return next(p for p in INITIATIVE.participations if p == participation)


def test_the_index_is_built_once_per_initiative_and_holds_what_the_initiative_records() -> None:
    initiative = attrs.evolve(
        INITIATIVE, failed_partnerships=(FailedPartnership("trust", "no agreement on terms", basis=Basis.HEDGED),)
    )
    index = index_of(initiative)
    assert index_of(initiative) is index
    assert index_of(INITIATIVE) is not index
    assert index.failed_partnerships == initiative.failed_partnerships
    assert index.products == initiative.products
    assert index.stakeholders == {"users": USERS, "staff": STAFF, "group": GROUP, "trust": TRUST}


def test_service_users_are_people_of_that_identity_or_groups_they_run() -> None:
    assert is_service_user(USERS)
    assert is_service_user(GROUP)
    assert not is_service_user(STAFF)
    assert not is_service_user(TRUST)
    unknown_run = Stakeholder(id="o", name="o", identities={Identity.ORGANISATION}, user_run=Fact(UNKNOWN))
    assert not is_service_user(unknown_run)


def test_a_seat_phrase_names_who_how_much_say_where_and_the_hedge() -> None:
    assert seat_phrase(INDEX, _seat(USERS_LEAD_DESIGN)) == "service users: leads at design"
    informal = seat_phrase(INDEX, _seat(STAFF_AT_DESIGN))
    assert informal == f"clinicians: consulted at design{Basis.INFORMAL.hedge}"
    assert Basis.INFORMAL.hedge, "an informal report is hedged, so the phrase above carries a hedge"
    assert seat_phrase(INDEX, _seat(USERS_AT_DELIVERY)) == "service users: unknown involvement at delivery"


def test_seat_phrases_join_every_seat_in_order_or_say_there_is_none() -> None:
    joined = seat_phrases(INDEX, (_seat(USERS_LEAD_DESIGN), _seat(USERS_AT_DELIVERY)))
    assert joined == "service users: leads at design; service users: unknown involvement at delivery"
    assert seat_phrases(INDEX, ()) == "no recorded participation"


def test_the_weakest_hedge_is_that_of_the_weakest_basis_and_empty_when_all_are_published() -> None:
    assert weakest_hedge(()) == ""
    assert weakest_hedge((_seat(USERS_LEAD_DESIGN),)) == ""
    assert weakest_hedge((_seat(USERS_LEAD_DESIGN), _seat(STAFF_LEAD_DELIVERY))) == Basis.HEDGED.hedge
    mixed = (_seat(STAFF_LEAD_DELIVERY), _seat(STAFF_AT_DESIGN), _seat(USERS_LEAD_DESIGN))
    assert weakest_hedge(mixed) == Basis.INFORMAL.hedge != Basis.HEDGED.hedge


def test_a_seat_of_unknown_say_lends_no_hedge_however_weak_its_basis() -> None:
    guessed = Participation("users", Stage.DELIVERY, UNKNOWN, capacity=Identity.SERVICE_USER, basis=Basis.INFERRED)
    assert weakest_hedge((guessed,)) == ""
    assert weakest_hedge((_seat(STAFF_LEAD_DELIVERY), guessed)) == Basis.HEDGED.hedge


def test_seats_on_keeps_the_stages_and_the_sides_asked_for() -> None:
    # Within a stage the index holds seats by stakeholder id: clinicians ("staff") before "users".
    assert seats_on(INDEX, (Stage.DESIGN,), ANY_SIDE) == (_seat(STAFF_AT_DESIGN), _seat(USERS_LEAD_DESIGN))
    assert seats_on(INDEX, (Stage.DESIGN, Stage.DELIVERY), LIVED_EXPERIENCE) == (
        _seat(USERS_LEAD_DESIGN),
        _seat(USERS_AT_DELIVERY),
    )
    assert seats_on(INDEX, (Stage.DELIVERY,), WITHOUT_LIVED_EXPERIENCE) == (_seat(STAFF_LEAD_DELIVERY),)
    assert seats_on(INDEX, (), ANY_SIDE) == ()


def test_seats_on_puts_an_organisation_on_the_side_its_running_says() -> None:
    """A user-run group sits with the service users, a trust with those without lived experience."""
    group_at_design = Participation("group", Stage.DESIGN, Involvement.PARTNER, capacity=Identity.ORGANISATION)
    trust_at_design = Participation("trust", Stage.DESIGN, Involvement.PARTNER, capacity=Identity.ORGANISATION)
    index = index_of(attrs.evolve(INITIATIVE, participations=(group_at_design, trust_at_design)))
    assert seats_on(index, (Stage.DESIGN,), LIVED_EXPERIENCE) == (group_at_design,)
    assert seats_on(index, (Stage.DESIGN,), WITHOUT_LIVED_EXPERIENCE) == (trust_at_design,)


def test_voiced_keeps_only_seats_known_to_have_at_least_the_level() -> None:
    every_stage = (Stage.DESIGN, Stage.DELIVERY)
    assert voiced(INDEX, every_stage, LIVED_EXPERIENCE, Involvement.PARTNER) == (_seat(USERS_LEAD_DESIGN),)
    assert voiced(INDEX, every_stage, ANY_SIDE, Involvement.PARTNER) == (
        _seat(USERS_LEAD_DESIGN),
        _seat(STAFF_LEAD_DELIVERY),
    )
    assert voiced(INDEX, every_stage, ANY_SIDE, Involvement.CONSULTED) == (
        _seat(STAFF_AT_DESIGN),
        _seat(USERS_LEAD_DESIGN),
        _seat(STAFF_LEAD_DELIVERY),
    )
    assert voiced(INDEX, every_stage, ANY_SIDE, Involvement.LEADS) == (_seat(USERS_LEAD_DESIGN),)


def test_paths_name_each_participation_where_the_case_file_holds_it() -> None:
    found = paths((_seat(USERS_LEAD_DESIGN), _seat(STAFF_LEAD_DELIVERY)))
    assert [str(path) for path in found] == ["participations[users@design]", "participations[staff@delivery]"]
    assert paths(()) == ()


def test_judgement_of_says_what_a_fact_holds_and_names_it_as_evidence() -> None:
    path = FactPath("compulsion")
    said = Fact(True, Basis.INFORMAL, note="a visitor's account")
    value, (item,) = judgement_of(said, path)
    assert value is True
    assert item == EvidenceItem(path, True, Basis.INFORMAL, "a visitor's account")
    assert judgement_of(Fact(False), path)[0] is False


def test_judgement_of_a_fact_whose_value_is_not_the_answer_takes_the_answer_given() -> None:
    path = FactPath("role_differentiation")
    kept = Fact("kept", Basis.CODED)
    assert judgement_of(kept, path, holds=False)[0] is False
    assert judgement_of(kept, path, holds=True)[0] is True
    assert judgement_of(kept, path, holds=True)[1] == (EvidenceItem(path, "kept", Basis.CODED),)


def test_judgement_of_an_unknown_fact_is_open_and_names_the_fact_that_would_settle_it() -> None:
    path = FactPath("compulsion")
    value, (item,) = judgement_of(Fact(UNKNOWN, Basis.HEDGED), path, holds=True)
    assert value is None, "an answer given for a known value does not decide an unknown one"
    assert item.path == path
    assert item.value is UNKNOWN
    assert item.basis is Basis.HEDGED
    assert judgement_of(Fact(), path) == (None, (EvidenceItem(path, UNKNOWN, Basis.PUBLISHED),))
