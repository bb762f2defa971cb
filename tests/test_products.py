"""Verdicts per product, combined per initiative, and role differentiation per product (the paper, section 4.3)."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

import humanising
from humanising import Fit, Initiative, Participation, Product, RoleDifferentiation
from humanising import strategies as hst
from humanising.models import fit_over_products

BY_PRODUCT = ("coproduction", "coproduction_gold_standard")


def test_east_lille_1_living_somewhere_produces_nothing_and_the_policys_makers_are_open() -> None:
    """A6: the paper's two layers. Housing produces nothing; the housing policy may have been made top-down."""
    east_lille_1 = humanising.casebook.load("east-lille-1")
    verdict = humanising.classify(east_lille_1)["coproduction"]
    fits = {p.product: p.fit for p in verdict.by_product}
    assert fits == {"living-in-town": Fit.DOES_NOT_FIT, "housing-policy": Fit.UNDETERMINED}
    assert verdict.fit is Fit.UNDETERMINED
    housing = humanising.classify(east_lille_1.producing_only("living-in-town"))["coproduction"]
    assert housing.deciding[0].id == "produces"
    assert "Nothing is produced" in housing.criterion("produces").reason


def test_east_lille_4_accessing_a_record_produces_nothing_but_the_record_and_policy_are_products() -> None:
    """A6: access is not a product; the record's contents and the transparency policy are, and who made them is open."""
    verdict = humanising.classify(humanising.casebook.load("east-lille-4"))["coproduction"]
    fits = {p.product: p.fit for p in verdict.by_product}
    assert fits["record-access"] is Fit.DOES_NOT_FIT
    assert fits["transparency-policy"] is Fit.UNDETERMINED
    assert fits["record-contents"] is Fit.UNDETERMINED


def test_east_lille_5_art_as_therapy_keeps_roles_so_it_is_not_co_produced() -> None:
    """A3: the paper's own reason decides the therapies: their roles are kept in delivering them."""
    east_lille_5 = humanising.casebook.load("east-lille-5")
    therapies = humanising.classify(east_lille_5.producing_only("therapies"))["coproduction"]
    assert therapies.fit is Fit.DOES_NOT_FIT
    assert [result.id for result in therapies.deciding] == ["doing_with"]
    assert "roles are kept in delivering therapies" in therapies.criterion("doing_with").reason
    # Even were the patients involved in their therapy, kept roles there are delivering to them.
    patients = next(p for p in east_lille_5.participations if p.stakeholder == "patients")
    involved = attrs.evolve(
        east_lille_5,
        participations=[
            attrs.evolve(p, involvement="involved") if p is patients else p for p in east_lille_5.participations
        ],
    )
    assert humanising.classify(involved.producing_only("therapies"))["coproduction"].fit is Fit.DOES_NOT_FIT
    # Shared art was designed by people the paper does not name: open, so the whole is undetermined.
    assert humanising.classify(east_lille_5)["coproduction"].fit is Fit.UNDETERMINED


def _codesigned(delivery_roles: str) -> Initiative:
    return Initiative(
        id="codesigned",
        name="A co-designed service",
        stakeholders=[
            humanising.Stakeholder(id="users", name="service users", identities={"service_user"}),
            humanising.Stakeholder(id="staff", name="nurses", identities={"mental_health_professional"}),
        ],
        products=[
            Product(
                id="service",
                name="the service",
                kind="service",
                domain="mental_health",
                role_differentiation=delivery_roles,
            )
        ],
        participations=[
            Participation("users", "design", "partner", capacity="service_user"),
            Participation("staff", "design", "partner", capacity="mental_health_professional"),
            Participation("users", "delivery", "involved", capacity="service_user"),
            Participation("staff", "delivery", "leads", capacity="mental_health_professional"),
        ],
        user_knowledge_shapes_product=True,
    )


def test_roles_kept_after_a_co_produced_design_only_qualify_the_fit() -> None:
    """Co-designed, then delivered to patients: co-production in part, not none (kept in a later stage)."""
    kept = humanising.classify(_codesigned("kept"))["coproduction"]
    assert kept.fit is Fit.PARTLY
    assert [result.id for result in kept.deciding] == ["roles_shared"]
    assert humanising.classify(_codesigned("dissolved"))["coproduction"].fit is Fit.FITS


def test_roles_kept_where_delivery_is_the_only_stage_claimed_decide_it() -> None:
    """Delivered with kept roles and designed by nobody with service users: not co-produced at all."""
    codesigned = _codesigned("kept")
    delivery_only = attrs.evolve(codesigned, participations=codesigned.participations[2:])
    assert humanising.classify(delivery_only)["coproduction"].fit is Fit.DOES_NOT_FIT
    assert (
        humanising.classify(
            attrs.evolve(
                delivery_only, products=[attrs.evolve(codesigned.products[0], role_differentiation="dissolved")]
            )
        )["coproduction"].fit
        is Fit.FITS
    )


def test_a_products_own_role_differentiation_overrides_the_initiatives() -> None:
    """The initiative's role differentiation is the default for every product; a product's own comes first."""
    codesigned = attrs.evolve(_codesigned("unknown"), role_differentiation="dissolved")
    assert humanising.classify(codesigned)["coproduction"].fit is Fit.FITS
    product = attrs.evolve(codesigned.products[0], role_differentiation="kept")
    assert humanising.classify(attrs.evolve(codesigned, products=[product]))["coproduction"].fit is Fit.PARTLY


def test_a_products_role_differentiation_can_be_settled() -> None:
    """An open product role differentiation is a fact a verdict can wait on, and settling it decides."""
    east_lille_5 = humanising.casebook.load("east-lille-5")
    settled = humanising.settle(east_lille_5, "products[shared-art].role_differentiation", "dissolved")
    (shared,) = [p for p in settled.products if p.id == "shared-art"]
    assert shared.role_differentiation.value is RoleDifferentiation.DISSOLVED


@given(hst.initiatives())
def test_an_initiatives_fit_is_the_best_of_its_products(initiative: Initiative) -> None:
    """For co-production and its gold standard: fits if a product fits, else partly, else undetermined, else not."""
    if len(initiative.products) < 2:
        return
    verdicts = humanising.classify(initiative)
    for model_id in BY_PRODUCT:
        products = sorted(initiative.products, key=lambda product: product.id)
        alone = [humanising.classify(initiative.producing_only(p.id))[model_id].fit for p in products]
        assert [p.fit for p in verdicts[model_id].by_product] == alone
        order = [Fit.DOES_NOT_FIT, Fit.UNDETERMINED, Fit.PARTLY, Fit.FITS]
        assert verdicts[model_id].fit is max(alone, key=order.index)
        assert verdicts[model_id].fit is fit_over_products(alone)


@given(hst.initiatives())
def test_delivering_every_product_with_kept_roles_is_never_co_production(initiative: Initiative) -> None:
    """Where everything is produced only at delivery, with roles kept there, nothing is done with service users."""
    products = [
        attrs.evolve(p, stages={"delivery"}, role_differentiation="kept") for p in initiative.products if p.is_something
    ]
    if not products:
        return
    kept = attrs.evolve(initiative, products=products)
    assert humanising.classify(kept)["coproduction"].fit is Fit.DOES_NOT_FIT


def test_a_verdict_by_product_must_add_up_and_name_the_product_that_decides() -> None:
    """Built by hand, a verdict's products' fits must add up to its fit, and its product must be one that has it."""
    from humanising import CriterionResult, ProductFit, Verdict
    from humanising.exceptions import InvalidVerdictError

    met = [CriterionResult("asks", "met", True, "It holds.")]
    products = [ProductFit("a", "A", Fit.FITS), ProductFit("b", "B", Fit.DOES_NOT_FIT)]
    verdict = Verdict("mine", met, by_product=products, product="a")
    assert verdict.product == "a"
    assert verdict.to_dict()["by_product"][1] == {"product": "b", "name": "B", "fit": "does not fit"}
    with pytest.raises(InvalidVerdictError, match="add up to 'does not fit', not 'fits'"):
        Verdict("mine", met, by_product=[ProductFit("b", "B", Fit.DOES_NOT_FIT)], product="b")
    with pytest.raises(InvalidVerdictError, match="product must name one of by_product"):
        Verdict("mine", met, by_product=products, product="b")
    with pytest.raises(InvalidVerdictError, match="product must name one of by_product"):
        Verdict("mine", met, product="a")
    with pytest.raises(InvalidVerdictError, match="ProductFit values"):
        Verdict("mine", met, by_product=["a"], product="a")  # type: ignore[list-item]


def test_a5_an_equal_partnership_in_care_planning_reaches_the_gold_standard() -> None:
    """The gold standard asks for equal partners wherever it is produced together, not in fixed stages."""
    nurse = humanising.Stakeholder(id="nurse", name="a named nurse", identities={"mental_health_professional"})
    patient = humanising.Stakeholder(id="patient", name="a service user", identities={"service_user"})
    plan = Product(id="plan", name="her care plan", kind="service", domain="mental_health", stages={"care_decisions"})
    partnership = Initiative(
        id="a5",
        name="An equal care partnership",
        stakeholders=[nurse, patient],
        products=[plan],
        participations=[
            Participation("nurse", "care_decisions", "partner", capacity="mental_health_professional"),
            Participation("patient", "care_decisions", "partner", capacity="service_user"),
        ],
        role_differentiation="dissolved",
        user_knowledge_shapes_product=True,
    )
    verdicts = humanising.classify(partnership)
    assert verdicts["coproduction"].fit is Fit.FITS
    assert verdicts["coproduction_gold_standard"].fit is Fit.FITS
    involved = attrs.evolve(
        partnership,
        participations=[
            attrs.evolve(partnership.participations[0], involvement="involved"),
            partnership.participations[1],
        ],
    )
    assert humanising.classify(involved)["coproduction_gold_standard"].fit is Fit.DOES_NOT_FIT
