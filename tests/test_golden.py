"""The golden table: every shipped case's verdict from every built-in model, and whether it humanises.

``tests/golden/verdicts.csv`` has a row per case and model (``humanises`` is the humanising
verdict): the expected ``fit`` and, where it is filled in, the ``deciding`` criterion, the
one whose status explains the fit, with a ``phrase`` of its reason; and, where the paper hedges
its own verdict ("arguably", "an uncertain fit", "not clear"), that ``hedge``, which the
verdict's reasons must carry too. ``products.csv`` does the same per product. A changed verdict
is a changed row.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

import humanising
from humanising import Fit, Status
from humanising.models import BUILTIN_MODELS

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "verdicts.csv"
HUMANISES = "humanises"
COLUMNS = ["case", "model", "fit", "deciding", "phrase", "hedge"]
PAPER_CAUSES = {
    # The paper's verdicts on its own cases that are "does not fit" or "partly", each with the cause it gives.
    ("sleepwell", "coproduction"),
    ("mhf-wales", "coproduction"),
    ("east-lille-6", "coproduction"),
    ("east-lille-7", "coproduction"),
    ("east-lille-8", "coproduction"),
    ("east-lille-7", "user_led"),
}


def read_table(path: Path, columns: list[str]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        assert reader.fieldnames == columns, reader.fieldnames
        return list(reader)


ROWS = read_table(GOLDEN, COLUMNS)


def verdict_of(case_id: str, model_id: str) -> humanising.Verdict:
    case = humanising.casebook.load(case_id)
    if model_id == HUMANISES:
        return humanising.humanises(case)
    return humanising.classify(case, models=BUILTIN_MODELS)[model_id]


def explains(verdict: humanising.Verdict, criterion_id: str) -> bool:
    """Whether this criterion's status explains the verdict's fit.

    An unmet essential criterion explains "does not fit", an unknown essential one
    "undetermined", an unmet or unknown qualifying one "partly"; for "fits" it is met.
    """
    (result,) = [result for result in verdict.criteria if result.id == criterion_id]
    if verdict.fit is Fit.DOES_NOT_FIT:
        return result.essential and result.status is Status.UNMET
    if verdict.fit is Fit.UNDETERMINED:
        return result.essential and result.status is Status.UNKNOWN
    if verdict.fit is Fit.PARTLY:
        return not result.essential and result.status is not Status.MET
    return result.status is Status.MET


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row['case']}:{row['model']}")
def test_verdict(row: dict[str, str]) -> None:
    """The case's verdict has the fit the table gives, for the reason it names (if it names one)."""
    verdict = verdict_of(row["case"], row["model"])
    assert verdict.fit.value == row["fit"]
    if row["deciding"]:
        ids = [result.id for result in verdict.criteria]
        assert row["deciding"] in ids, f"{row['deciding']!r} is not one of the verdict's criteria: {ids}"
        assert explains(verdict, row["deciding"]), f"{row['deciding']!r} does not explain {row['fit']!r}"
        # The paper's cause is among the criteria that decide the verdict, and that criterion's own
        # reason says it: a phrase found somewhere in the joined reasons would not do.
        (cause,) = [result for result in verdict.deciding if result.id == row["deciding"]]
        if (row["case"], row["model"]) in PAPER_CAUSES:
            assert row["phrase"], "a paper cause names a phrase of its reason"
        assert row["phrase"] in cause.reason, (row["phrase"], cause.reason)
    if row["hedge"]:
        # The paper hedges its own verdict here ("arguably", "an uncertain fit"): so does the library's.
        assert row["hedge"] in " ".join(verdict.reasons), (row["hedge"], verdict.reasons)


def test_every_paper_cause_is_in_the_table() -> None:
    """Every "does not fit" or "partly" cell the paper decides names its cause and a phrase of that reason."""
    named = {(row["case"], row["model"]) for row in ROWS if row["deciding"] and row["phrase"]}
    assert named >= PAPER_CAUSES
    for row in ROWS:
        if (row["case"], row["model"]) in PAPER_CAUSES:
            assert row["fit"] in ("does not fit", "partly"), row


def test_explains_names_the_criteria_that_decide_and_no_others() -> None:
    """The check of the ``deciding`` column can fail: each rule on a real verdict, either way."""
    sleepwell = verdict_of("sleepwell", "coproduction")  # does not fit: no voice, though something is produced
    assert explains(sleepwell, "service_user_voice")
    assert not explains(sleepwell, "produces")
    partly = verdict_of("east-lille-7", "user_led")  # partly: led at delivery, not at design
    assert explains(partly, "led_design")
    assert not explains(partly, "led_somewhere")
    undetermined = verdict_of("east-lille-2", "coproduction")
    unknown = next(result for result in undetermined.criteria if result.essential and result.status is Status.UNKNOWN)
    assert explains(undetermined, unknown.id)
    assert not explains(undetermined, "produces")
    fits = verdict_of("sleepwell", "evidence_based_practice")
    assert explains(fits, "search")
    assert not explains(verdict_of("sleepwell", "user_centred_design"), "roles")  # met, but it does not fit


def test_every_case_has_a_row_for_every_built_in_model_and_humanises() -> None:
    """No verdict is left out of the table, none is given twice, and none names an unknown case or model."""
    expected = {
        (case_id, model_id)
        for case_id in humanising.casebook.ids()
        for model_id in (*(model.id for model in BUILTIN_MODELS), HUMANISES)
    }
    found = [(row["case"], row["model"]) for row in ROWS]
    assert len(found) == len(set(found)), "a case and model have two rows"
    assert set(found) == expected, {"missing": expected - set(found), "unknown": set(found) - expected}
    assert {row["fit"] for row in ROWS} <= {fit.value for fit in Fit}


def test_the_table_is_in_casebook_and_model_order() -> None:
    """Rows follow the casebook's ids, then the built-in models' order, so that a diff is easy to read."""
    order = [*(model.id for model in BUILTIN_MODELS), HUMANISES]
    keys = [(humanising.casebook.ids().index(row["case"]), order.index(row["model"])) for row in ROWS]
    assert keys == sorted(keys)


def test_every_built_in_model_has_a_criteria_section_on_the_docs_site() -> None:
    """``docs/explanation/models.md`` has a criteria table placeholder for every built-in model, once."""
    page = (ROOT / "docs" / "explanation" / "models.md").read_text(encoding="utf-8")
    placeholders = re.findall(r"<!--\s*humanising:criteria\s+([a-z0-9_]+)\s*-->", page)
    assert sorted(placeholders) == sorted(model.id for model in BUILTIN_MODELS)


def test_every_built_in_model_has_its_own_short_name() -> None:
    """Column headings tell the models apart: no two built-in models share a short name."""
    names = [model.short_name for model in BUILTIN_MODELS]
    assert len(set(names)) == len(names), names


PRODUCTS = Path(__file__).parent / "golden" / "products.csv"
PRODUCT_COLUMNS = ["case", "model", "product", "fit", "deciding", "phrase", "hedge"]


PRODUCT_ROWS = read_table(PRODUCTS, PRODUCT_COLUMNS)


@pytest.mark.parametrize("row", PRODUCT_ROWS, ids=lambda row: f"{row['case']}:{row['model']}:{row['product']}")
def test_product_verdict(row: dict[str, str]) -> None:
    """Each product of a case with several, judged on its own, has the fit the table gives, for the reason it names."""
    case = humanising.casebook.load(row["case"])
    whole = humanising.classify(case)[row["model"]]
    assert {p.product: p.fit.value for p in whole.by_product}[row["product"]] == row["fit"]
    verdict = humanising.classify(case.producing_only(row["product"]))[row["model"]]
    assert verdict.fit.value == row["fit"]
    if row["deciding"]:
        (cause,) = [result for result in verdict.deciding if result.id == row["deciding"]]
        assert row["phrase"] in cause.reason, (row["phrase"], cause.reason)
    if row["hedge"]:
        # "it is not clear that ... anything is 'produced'": the fact is hedged, and so is its reason.
        assert verdict.basis is humanising.Basis.HEDGED
        assert row["hedge"] in " ".join(verdict.reasons), (row["hedge"], verdict.reasons)


def test_every_product_of_a_case_judged_by_product_has_a_row() -> None:
    """The product table leaves out no product of a case with two or more, for either model that judges by product."""
    expected = {
        (case_id, model_id, product.id)
        for case_id in humanising.casebook.ids()
        for case in (humanising.casebook.load(case_id),)
        if len(case.products) > 1
        for model_id in ("coproduction", "coproduction_gold_standard")
        for product in case.products
    }
    assert {(row["case"], row["model"], row["product"]) for row in PRODUCT_ROWS} == expected
