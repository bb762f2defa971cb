"""Krippendorff's alpha and humanising.agreement: coders compared per fact family and overall."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Literal

import attrs
import krippendorff  # test-only: an independent implementation to check ours against
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import humanising
from humanising import krippendorff_alpha
from humanising.cli import main

# Krippendorff's worked example: four coders (rows) by twelve units; None is missing ('.').
CODERS = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]
UNITS = list(zip(*CODERS, strict=True))
DESIGN = "participations[patients@design].involvement"


def test_the_worked_example_nominal_and_ordinal() -> None:
    assert round(krippendorff_alpha(UNITS), 3) == 0.743
    assert round(krippendorff_alpha(UNITS, metric="ordinal"), 3) == 0.815


def test_alpha_is_undefined_with_a_single_unit_or_no_variation() -> None:
    with pytest.raises(ValueError, match="two units or more"):
        krippendorff_alpha([(1, 2)])
    with pytest.raises(ValueError, match="two units or more"):
        krippendorff_alpha([(1, None), (2, None)])  # a single coder
    with pytest.raises(ValueError, match="every value given is alike"):
        krippendorff_alpha([(1, 1), (1, 1)])
    with pytest.raises(ValueError, match="metric"):
        krippendorff_alpha(UNITS, metric="interval")


tables = st.integers(2, 4).flatmap(
    lambda coders: st.lists(
        st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=coders, max_size=coders), min_size=2, max_size=12
    )
)


@settings(max_examples=150, deadline=None)
@given(tables, st.sampled_from(["nominal", "ordinal"]))
def test_alpha_agrees_with_an_independent_implementation(
    units: list[list[int | None]], metric: Literal["nominal", "ordinal"]
) -> None:
    try:
        ours = krippendorff_alpha(units, metric=metric)
    except ValueError:
        return  # undefined here; the independent implementation divides by zero or refuses
    data = np.array([[math.nan if v is None else v for v in row] for row in zip(*units, strict=True)], dtype=float)
    theirs = krippendorff.alpha(reliability_data=data, level_of_measurement=metric)
    assert ours == pytest.approx(theirs, abs=1e-9)


@pytest.fixture(scope="module")
def sleepwell() -> humanising.Initiative:
    return humanising.casebook.load("sleepwell")


def family(result: humanising.Agreement, name: str) -> humanising.FamilyAgreement:
    return next(f for f in result.families if f.family == name)


def test_two_coders_who_differ_in_one_involvement(sleepwell: humanising.Initiative) -> None:
    ben = humanising.settle(sleepwell, DESIGN, "involved")
    result = humanising.agreement({"anna": [sleepwell], "ben": [ben]})
    involvement = family(result, "involvement")
    assert involvement.metric == "ordinal"
    assert involvement.coders == 2
    # unknown is missing on the ordinal scale: a participation both leave unknown is no unit
    assert involvement.units == sum(p.involvement is not humanising.UNKNOWN for p in sleepwell.participations)
    assert involvement.percent == pytest.approx((involvement.units - 1) / involvement.units)
    assert involvement.alpha is not None
    assert involvement.alpha < 1
    assert family(result, "capacity").percent == 1
    # The fits are ordinal, undetermined missing: co-production's fit differs, the others agree.
    fits = family(result, "fits")
    assert fits.metric == "ordinal"
    builtin = humanising.models.BUILTIN_MODELS
    determined = sum(v.fit.value != "undetermined" for v in humanising.classify(sleepwell, models=builtin).values())
    assert fits.units == determined
    assert fits.percent == pytest.approx((determined - 1) / determined)
    # The disagreement that changes a verdict comes first.
    case_id, first, other, difference = result.disagreements[0]
    assert (case_id, first, other, str(difference.path)) == ("sleepwell", "anna", "ben", DESIGN)
    assert difference.changes


def test_a_fact_unknown_to_one_coder_is_missing_and_also_a_category(sleepwell: humanising.Initiative) -> None:
    anna = humanising.settle(sleepwell, "observations.dissent", "heard")
    result = humanising.agreement({"anna": [anna], "ben": [sleepwell]})
    observations = family(result, "observations")
    # unknown as missing: the dissent unit has one value only and is left out; the rest agree
    assert observations.percent in {1, None}
    # unknown as a category: the dissent unit counts, and the coders disagree on it
    assert observations.units_with_unknown is not None
    assert observations.units_with_unknown > observations.units
    assert observations.percent_with_unknown is not None
    assert observations.percent_with_unknown < 1


def test_one_coder_missing_a_case(sleepwell: humanising.Initiative) -> None:
    wales = humanising.casebook.load("mhf-wales")
    result = humanising.agreement({"anna": [sleepwell, wales], "ben": [sleepwell]})
    assert result.missing == (("ben", "mhf-wales"),)
    assert result.cases == ("sleepwell",)


def test_a_single_coder_makes_alpha_undefined(sleepwell: humanising.Initiative) -> None:
    result = humanising.agreement({"anna": [sleepwell]})
    assert result.cases == ()
    for each in result.families:
        assert each.alpha is None
        assert each.undefined


def test_a_single_unit_makes_alpha_undefined_with_the_reason(sleepwell: humanising.Initiative) -> None:
    ben = humanising.settle(sleepwell, "humanising_features", humanising.UNKNOWN)
    result = humanising.agreement({"anna": [sleepwell], "ben": [ben]})
    features = family(result, "features")
    assert features.alpha_with_unknown is None or features.units_with_unknown != 1
    lonely = humanising.agreement(
        {
            "anna": [attrs.evolve(sleepwell, participations=sleepwell.participations[:1])],
            "ben": [attrs.evolve(sleepwell, participations=sleepwell.participations[:1])],
        }
    )
    involvement = family(lonely, "involvement")
    assert involvement.units == 1
    assert involvement.alpha is None
    assert "two units or more" in involvement.undefined


def test_a_case_that_does_not_share_the_skeleton_is_reported(sleepwell: humanising.Initiative) -> None:
    carers = next(s for s in sleepwell.stakeholders if s.id == "carers")
    other = attrs.evolve(
        sleepwell,
        stakeholders=tuple(s for s in sleepwell.stakeholders if s is not carers),
        participations=tuple(p for p in sleepwell.participations if p.stakeholder != carers.id),
    )
    result = humanising.agreement({"anna": [sleepwell], "ben": [other]})
    assert result.unshared == (("ben", "sleepwell", "stakeholders: lacks carers"),)
    assert result.cases == ()


def test_a_role_one_coder_chose_is_a_no_for_the_other(sleepwell: humanising.Initiative) -> None:
    patients = next(s for s in sleepwell.stakeholders if s.id == "patients")
    more = attrs.evolve(patients, roles=patients.roles | {humanising.Role.DESIGNER})
    ben = attrs.evolve(sleepwell, stakeholders=tuple(more if s is patients else s for s in sleepwell.stakeholders))
    roles = family(humanising.agreement({"anna": [sleepwell], "ben": [ben]}), "roles")
    chosen = sum(len(s.roles) for s in sleepwell.stakeholders) + 1
    assert roles.units == chosen
    assert roles.percent == pytest.approx((chosen - 1) / chosen)


# --- the command


def test_agree_command(capsys: pytest.CaptureFixture[str], tmp_path: Path, sleepwell: humanising.Initiative) -> None:
    for coder, initiative in (("anna", sleepwell), ("ben", humanising.settle(sleepwell, DESIGN, "involved"))):
        (tmp_path / coder).mkdir()
        (tmp_path / coder / "sleepwell.yaml").write_text(humanising.dumps(initiative, format="yaml"), encoding="utf-8")
    (tmp_path / "ben.txt").write_text("ben/sleepwell.yaml\n", encoding="utf-8")
    code = main(["agree", str(tmp_path / "anna"), f"@{tmp_path / 'ben.txt'}"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "Disagreements that change a verdict: 1" in out
    assert f"sleepwell {DESIGN}: " in out
    assert out.index("Disagreements that change a verdict") < out.index("family")
    assert "every value given is alike" in out
    code = main(["agree", str(tmp_path / "anna"), str(tmp_path / "ben"), "-f", "json"])
    data = json.loads(capsys.readouterr()[0])
    assert code == 0
    involvement = next(f for f in data["families"] if f["family"] == "involvement")
    assert involvement["units"] == 13
    assert data["disagreements"][0]["path"] == DESIGN
    assert main(["agree", str(tmp_path / "anna")]) == 2
    assert main(["agree", str(tmp_path / "anna"), str(tmp_path / "nobody")]) == 2


def test_new_skeleton_gives_every_coder_the_same_stakeholders_and_stages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sleepwell: humanising.Initiative
) -> None:
    case = tmp_path / "sleepwell.yaml"
    case.write_text(humanising.dumps(sleepwell, format="yaml"), encoding="utf-8")
    assert main(["new", str(tmp_path / "skeleton.yaml"), "--skeleton", str(case)]) == 0
    capsys.readouterr()
    (bare,) = humanising.load_file(tmp_path / "skeleton.yaml")
    assert {s.id for s in bare.stakeholders} == {s.id for s in sleepwell.stakeholders}
    assert [(p.stakeholder, p.stage) for p in bare.participations] == [
        (p.stakeholder, p.stage) for p in sleepwell.participations
    ]
    assert all(p.involvement is humanising.UNKNOWN for p in bare.participations)
    # Two coders who fill in the skeleton share it: neither coding is left out.
    filled = humanising.settle(bare, DESIGN, "none")
    result = humanising.agreement({"anna": [filled], "ben": [humanising.settle(bare, DESIGN, "consulted")]})
    assert result.unshared == ()
    assert result.cases == ("sleepwell",)
    assert main(["new", "--skeleton", str(tmp_path / "missing.yaml")]) == 1
