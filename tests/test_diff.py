"""humanising.diff and humanising diff: two codings of one initiative, fact by fact, and the verdicts each decides."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

import humanising
from humanising.cli import main

DESIGN = "participations[patients@design].involvement"


@pytest.fixture(scope="module")
def sleepwell() -> humanising.Initiative:
    return humanising.casebook.load("sleepwell")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_equal_codings_have_no_difference(sleepwell: humanising.Initiative) -> None:
    assert humanising.diff(sleepwell, sleepwell) == ()


def test_patients_involved_in_design_changes_the_coproduction_verdict(sleepwell: humanising.Initiative) -> None:
    other = humanising.settle(sleepwell, DESIGN, "involved")
    (difference,) = humanising.diff(sleepwell, other)
    assert str(difference.path) == DESIGN
    assert (difference.a, difference.a_basis, difference.b, difference.b_basis) == (
        "none",
        "published",
        "involved",
        "published",
    )
    # The effect is the one the models give on the coding with that fact settled.
    before = humanising.classify(sleepwell)["coproduction"].fit.value
    after = humanising.classify(other)["coproduction"].fit.value
    assert (before, after) == ("does not fit", "partly")
    assert difference.changes == (humanising.VerdictChange("sleepwell", "coproduction", before, after),)


def test_a_difference_that_changes_nothing_says_so(sleepwell: humanising.Initiative) -> None:
    other = humanising.settle(sleepwell, "observations.dissent", "marginalised")
    (difference,) = humanising.diff(sleepwell, other)
    assert str(difference.path) == "observations.dissent"
    assert (difference.a, difference.b, difference.b_basis) == ("unknown", "marginalised", "published")
    assert difference.changes == ()
    assert not difference.changes_a_verdict


def test_a_basis_alone_is_a_difference(sleepwell: humanising.Initiative) -> None:
    other = humanising.settle(sleepwell, "observations.dissent", humanising.Fact("heard", "hedged"))
    first = humanising.settle(sleepwell, "observations.dissent", humanising.Fact("heard", "published"))
    (difference,) = humanising.diff(first, other)
    assert (difference.a, difference.a_basis, difference.b, difference.b_basis) == (
        "heard",
        "published",
        "heard",
        "hedged",
    )


def test_notes_and_coders_are_not_facts(sleepwell: humanising.Initiative) -> None:
    renoted = attrs.evolve(
        sleepwell,
        participations=tuple(attrs.evolve(p, note="another note", coder="ben") for p in sleepwell.participations),
        coded_by=humanising.Coding("ben"),
    )
    assert humanising.diff(sleepwell, renoted) == ()


def test_a_participation_in_one_coding_only_is_missing_in_the_other(sleepwell: humanising.Initiative) -> None:
    fewer = attrs.evolve(sleepwell, participations=sleepwell.participations[1:])
    removed = sleepwell.participations[0]
    (difference,) = humanising.diff(sleepwell, fewer)
    assert difference.path == humanising.FactPath.participation(removed.stakeholder, removed.stage)
    assert difference.a_present
    assert not difference.b_present
    assert difference.b is None
    assert isinstance(difference.a, dict)
    assert difference.a["involvement"] == removed.involvement.value
    # and the other way round: present in B only
    (reverse,) = humanising.diff(fewer, sleepwell)
    assert (reverse.a_present, reverse.b_present) == (False, True)


def test_stakeholders_products_relationships_and_features(sleepwell: humanising.Initiative) -> None:
    patients = next(s for s in sleepwell.stakeholders if s.id == "patients")
    changed = attrs.evolve(patients, roles=frozenset({humanising.Role.END_USER, humanising.Role.DESIGNER}))
    other = attrs.evolve(
        sleepwell,
        stakeholders=tuple(changed if s is patients else s for s in sleepwell.stakeholders),
        humanising_features=(),
        compulsion=humanising.Fact(True, "inferred"),
    )
    paths = {str(d.path): d for d in humanising.diff(sleepwell, other)}
    assert set(paths) == {"stakeholders[patients].roles", "humanising_features", "compulsion"}
    assert paths["stakeholders[patients].roles"].b == ["designer", "end_user"]
    assert paths["compulsion"].b_basis == "inferred"


def test_differences_that_change_a_verdict_come_first(sleepwell: humanising.Initiative) -> None:
    other = humanising.settle(humanising.settle(sleepwell, DESIGN, "involved"), "observations.dissent", "heard")
    differences = humanising.diff(sleepwell, other)
    assert str(differences[0].path) == DESIGN
    assert [bool(d.changes) for d in differences] == sorted((bool(d.changes) for d in differences), reverse=True)


def test_a_fact_that_cannot_be_taken_alone_says_why() -> None:
    a = humanising.loads(
        """
id: x
name: X
stakeholders:
  - {id: members, name: members, identities: [service_user]}
participations:
  - {stakeholder: members, stage: delivery, involvement: leads, capacity: service_user}
""",
        format="yaml",
    )[0]
    b = attrs.evolve(a, stakeholders=(), participations=())
    differences = {str(d.path): d for d in humanising.diff(b, a)}
    # the participation alone refers to a stakeholder coding b does not have
    assert "members" in differences["participations[members@delivery]"].not_alone
    assert differences["stakeholders[members]"].not_alone == ""


def test_two_initiatives_are_not_two_codings(sleepwell: humanising.Initiative) -> None:
    with pytest.raises(ValueError, match="two codings of one initiative"):
        humanising.diff(sleepwell, humanising.casebook.load("mhf-wales"))


def test_differences_inside_a_part_are_judged_on_the_part() -> None:
    east_lille = humanising.casebook.load("east-lille")
    part = east_lille.parts[5]
    assert part.id == "east-lille-6"
    settled = humanising.settle(part, "role_differentiation", "dissolved")
    settled = humanising.settle(settled, "user_knowledge_shapes_product", True)
    settled = humanising.settle(settled, "participations[ex-patients@recruitment_training].involvement", "involved")
    other = attrs.evolve(east_lille, parts=tuple(settled if p is part else p for p in east_lille.parts))
    differences = humanising.diff(east_lille, other)
    assert {str(d.path).split(".")[0] for d in differences} == {"parts[east-lille-6]"}
    # Each difference's changes are those of the part judged with that one fact settled alone.
    builtin = humanising.models.BUILTIN_MODELS
    before = {k: v.fit.value for k, v in humanising.classify(part, models=builtin).items()}
    for difference in differences:
        inner = humanising.FactPath(*difference.path.steps[2:])
        alone = humanising.settle(part, inner, getattr(settled_value(settled, inner), "value", None))
        after = {k: v.fit.value for k, v in humanising.classify(alone, models=builtin).items()}
        expected = {
            humanising.VerdictChange("east-lille-6", k, before[k], after[k]) for k in before if before[k] != after[k]
        }
        assert {c for c in difference.changes if c.verdict != "humanises"} == expected
    assert any(difference.changes for difference in differences)


def settled_value(initiative: humanising.Initiative, path: humanising.FactPath) -> object:
    """The value at a path of the three forms the test settles."""
    match path.steps:
        case ("participations", humanising.PathKey(parts=(stakeholder, stage)), "involvement"):
            (found,) = (p for p in initiative.participations if p.stakeholder == stakeholder and p.stage.value == stage)
            return found.involvement
        case (str() as name,):
            return getattr(initiative, name)
    raise AssertionError(path)


# --- the command


def write(tmp_path: Path, name: str, initiative: humanising.Initiative) -> str:
    path = tmp_path / name
    path.write_text(humanising.dumps(initiative, format="yaml"), encoding="utf-8")
    return str(path)


def test_diff_command_text_markdown_json_and_exit_codes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sleepwell: humanising.Initiative
) -> None:
    a = write(tmp_path, "a.yaml", sleepwell)
    b = write(tmp_path, "b.yaml", humanising.settle(sleepwell, DESIGN, "involved"))
    code, out, _ = run(capsys, "diff", a, a)
    assert code == 0
    assert "code every fact alike" in out
    code, out, _ = run(capsys, "diff", a, b)
    assert code == 1
    assert DESIGN in out
    assert "A: none (published)" in out
    assert "B: involved (published)" in out
    assert "sleepwell coproduction: does not fit -> partly" in out
    code, out, _ = run(capsys, "diff", a, b, "-f", "markdown")
    assert code == 1
    assert f"| `{DESIGN}` | none (published) | involved (published) |" in out
    code, out, _ = run(capsys, "diff", a, b, "-f", "json")
    assert code == 1
    data = json.loads(out)
    assert data["equal"] is False
    (entry,) = data["differences"]
    assert entry["path"] == DESIGN
    assert entry["changes"] == [
        {"initiative": "sleepwell", "verdict": "coproduction", "before": "does not fit", "after": "partly"}
    ]


def test_a_difference_that_changes_nothing_says_so_in_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sleepwell: humanising.Initiative
) -> None:
    a = write(tmp_path, "a.yaml", sleepwell)
    b = write(tmp_path, "b.yaml", humanising.settle(sleepwell, "observations.dissent", "heard"))
    code, out, _ = run(capsys, "diff", a, b)
    assert code == 1
    assert "taken alone from B: changes no verdict" in out


def test_diff_usage_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sleepwell: humanising.Initiative
) -> None:
    a = write(tmp_path, "a.yaml", sleepwell)
    other = write(tmp_path, "other.yaml", humanising.casebook.load("mhf-wales"))
    code, _, err = run(capsys, "diff", a, other)
    assert code == 2
    assert "not two codings of one initiative" in err
    code, _, err = run(capsys, "diff", a, str(tmp_path / "missing.yaml"))
    assert code == 2
    code, _, _ = run(capsys, "diff", a)
    assert code == 2
