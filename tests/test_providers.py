"""Who provides the service: co-production's partners, and what ends user-led control (the paper, sections 2 and 3)."""

from __future__ import annotations

import attrs
import pytest

import humanising
from humanising import Fit, Participation, Stakeholder


def _with(
    case: humanising.Initiative, *participations: Participation, stakeholders: tuple[Stakeholder, ...] = ()
) -> humanising.Initiative:
    return attrs.evolve(
        case,
        stakeholders=(*case.stakeholders, *stakeholders),
        participations=(*case.participations, *participations),
    )


def test_mhf_a_consultant_involved_in_design_does_not_make_it_co_produced() -> None:
    """A1: the external consultant provides no service, so involving them is not co-production."""
    mhf = humanising.casebook.load("mhf-wales")
    coded = _with(
        mhf,
        Participation("consultant", "design", "involved", capacity="other_professional"),
        Participation("consultant", "delivery", "involved", capacity="other_professional"),
    )
    verdicts = humanising.classify(coded)
    assert verdicts["coproduction"].fit is Fit.DOES_NOT_FIT
    assert verdicts["coproduction"].criterion("with_providers").status.value == "unmet"
    assert verdicts["user_led"].fit is Fit.FITS  # a consultant who is only involved leaves control with users


def test_a_bookkeeper_leaves_a_peer_run_service_user_led_and_not_co_produced() -> None:
    """A2: a bookkeeper involved in running it neither co-produces it nor ends user-led control."""
    peers = humanising.Initiative(
        id="peer-run",
        name="A peer-run service",
        stakeholders=[
            Stakeholder(id="peers", name="peer workers", identities={"service_user"}),
            Stakeholder(id="bookkeeper", name="a bookkeeper", identities={"other_professional"}),
        ],
        products=[humanising.Product(id="service", name="the service", kind="service", domain="mental_health")],
        participations=[
            Participation("peers", "design", "leads", capacity="service_user"),
            Participation("peers", "delivery", "leads", capacity="service_user"),
            Participation("bookkeeper", "delivery", "involved", capacity="other_professional"),
        ],
    )
    verdicts = humanising.classify(peers)
    assert verdicts["user_led"].fit is Fit.FITS
    assert verdicts["coproduction"].fit is Fit.DOES_NOT_FIT
    # As a partner, the bookkeeper would share control: no longer user-led there.
    partner = attrs.evolve(
        peers, participations=(*peers.participations[:2], attrs.evolve(peers.participations[2], involvement="partner"))
    )
    assert "delivery" not in [stage.value for stage in humanising.classify(partner)["user_led"].stages]


def test_housing_officials_provide_a_housing_service_and_only_that() -> None:
    """East Lille 6: housing officials are the providers of housing allocation, a housing service."""
    case = humanising.casebook.load("east-lille-6")
    verdict = humanising.classify(case)["coproduction"]
    assert verdict.criterion("with_providers").status.value == "met"
    assert "the housing service" in verdict.criterion("with_providers").reason
    # Without its service domain, the housing service provides nothing, and is no partner.
    stripped = attrs.evolve(
        case,
        stakeholders=tuple(attrs.evolve(s, domain=None) if s.id == "housing-service" else s for s in case.stakeholders),
    )
    assert humanising.classify(stripped)["coproduction"].criterion("with_providers").status.value != "met"


def test_a_survivor_run_group_is_user_led() -> None:
    """A4: survivors, who have lived experience while avoiding services, lead a group of their own."""
    group = humanising.Initiative(
        id="survivor-group",
        name="A survivor-run group",
        stakeholders=[Stakeholder(id="survivors", name="survivors", identities={"survivor"})],
        products=[humanising.Product(id="group", name="the group", kind="service", domain="mental_health")],
        participations=[
            Participation("survivors", "design", "leads", capacity="survivor"),
            Participation("survivors", "delivery", "leads", capacity="survivor"),
        ],
    )
    verdicts = humanising.classify(group)
    assert verdicts["user_led"].fit is Fit.FITS
    assert [stage.value for stage in verdicts["user_led"].stages] == ["design", "delivery"]
    assert verdicts["coproduction"].criterion("service_user_voice").status.value == "met"


def test_a_survivor_run_organisation_says_who_runs_it_and_is_user_led() -> None:
    """W6: an organisation run by survivors is user-run, and its control is user-led control."""
    group = humanising.Initiative(
        id="survivor-group",
        name="A survivor-run organisation",
        stakeholders=[
            Stakeholder(
                id="collective",
                name="a survivors' collective",
                identities={"organisation"},
                user_run=True,
                run_by="survivors",
            ),
        ],
        products=[humanising.Product(id="service", name="the service", kind="service", domain="mental_health")],
        participations=[
            Participation("collective", "design", "leads", capacity="organisation"),
            Participation("collective", "delivery", "leads", capacity="organisation"),
        ],
    )
    assert group.stakeholders[0].run_by is humanising.RunBy.SURVIVORS
    verdict = humanising.classify(group)["user_led"]
    assert verdict.fit is Fit.FITS
    # The reason speaks of those the evidence holds: survivors, not service users.
    assert verdict.criterion("led_somewhere").reason.startswith("Survivors lead, with no provider sharing control")
    both = attrs.evolve(group, stakeholders=[attrs.evolve(group.stakeholders[0], run_by="both")])
    reason = humanising.classify(both)["user_led"].criterion("led_somewhere").reason
    assert reason.startswith("Service users and survivors lead")


def test_who_runs_an_organisation_is_said_only_of_one_run_by_people_with_lived_experience() -> None:
    """run_by beside user_run: a trust not run by its users cannot be run by survivors."""
    from humanising.exceptions import InvalidFactError

    with pytest.raises(InvalidFactError, match="run_by"):
        Stakeholder(id="trust", name="a trust", identities={"organisation"}, user_run=False, run_by="survivors")


def test_avoiding_services_is_a_flag_of_its_own_and_leaves_lived_experience_as_it_is() -> None:
    """Footnote 1's survivors avoided services; the essay's need not have. Either way they have lived experience."""
    base = humanising.casebook.load("mhf-wales")
    for avoided in (True, False):
        people = [
            attrs.evolve(s, identities={"survivor"}, avoided_services=avoided) if s.id == "participants" else s
            for s in base.stakeholders
        ]
        assert base.stakeholder("participants").identities  # the case has a participants stakeholder
        recoded = attrs.evolve(
            base,
            stakeholders=people,
            participations=[
                attrs.evolve(p, capacity="survivor") if p.stakeholder == "participants" else p
                for p in base.participations
            ],
        )
        assert humanising.classify(recoded)["user_led"].fit is humanising.classify(base)["user_led"].fit
