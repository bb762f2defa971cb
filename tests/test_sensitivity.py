"""humanising.sensitivity and humanising explain --sensitivity: the single facts each verdict rests on."""

from __future__ import annotations

import enum
import json
import typing
from collections.abc import Mapping
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import humanising
from humanising import Fit, Participation, Stakeholder
from humanising import strategies as hst
from humanising.cli import main
from humanising.exceptions import NotAnInitiativeError
from humanising.models import BUILTIN_MODELS

CASEBOOK = sorted(Path(humanising.casebook.__file__).parent.glob("*.yaml"))
FITS_IN_ORDER = (Fit.FITS, Fit.PARTLY, Fit.DOES_NOT_FIT, Fit.UNDETERMINED)


@pytest.fixture(scope="module")
def casebook() -> Mapping[str, tuple[humanising.Sensitivity, ...]]:
    """Every shipped case's sensitivity, judged once for the module."""
    return {case.id: humanising.sensitivity(case) for case in humanising.casebook.load_all()}


def of(found: tuple[humanising.Sensitivity, ...], verdict: str) -> humanising.Sensitivity:
    (chosen,) = (sensitivity for sensitivity in found if sensitivity.verdict == verdict)
    return chosen


def listed(sensitivity: humanising.Sensitivity, path: str) -> list[tuple[object, object, str]]:
    return [(a.before, a.after, a.fit.value) for a in sensitivity.alternatives if str(a.path) == path]


def fact_fields(holder: attrs.AttrsInstance) -> list[str]:
    return [
        field.name for field in attrs.fields(type(holder)) if isinstance(getattr(holder, field.name), humanising.Fact)
    ]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- what the result is


def test_one_sensitivity_per_verdict_in_the_order_of_classify_then_humanises(
    casebook: Mapping[str, tuple[humanising.Sensitivity, ...]],
) -> None:
    for case in humanising.casebook.load_all():
        verdicts = humanising.classify(case)
        found = casebook[case.id]
        assert [s.verdict for s in found] == [*verdicts, "humanises"]
        assert [s.fit for s in found] == [*(v.fit for v in verdicts.values()), humanising.humanises(case).fit]
        assert {s.initiative for s in found} == {case.id}


def test_every_alternative_changes_the_fit_is_listed_once_and_in_order(
    casebook: Mapping[str, tuple[humanising.Sensitivity, ...]],
) -> None:
    for found in casebook.values():
        assert len({s.considered for s in found}) == 1  # every verdict judged on the same alternatives
        for sensitivity in found:
            keys = [(str(a.path), json.dumps(a.after, sort_keys=True)) for a in sensitivity.alternatives]
            assert len(keys) == len(set(keys))
            assert all(a.fit is not sensitivity.fit for a in sensitivity.alternatives)
            order = [(FITS_IN_ORDER.index(a.fit), str(a.path)) for a in sensitivity.alternatives]
            assert order == sorted(order)
            if sensitivity.fit is Fit.UNDETERMINED:
                assert sensitivity.decided_by == sensitivity.alternatives


def test_the_number_judged_is_within_the_documented_bound(
    casebook: Mapping[str, tuple[humanising.Sensitivity, ...]],
) -> None:
    """Each fact's other values, each set's members, and seven levels per identity per stage not taken part in."""
    stages = len(humanising.Stage)
    for case in humanising.casebook.load_all():
        recorded = {(p.stakeholder, p.stage) for p in case.participations}
        added = sum(
            7 * len(s.identities)
            for s in case.stakeholders
            for stage in humanising.Stage
            if (s.id, stage) not in recorded
        )
        per_participation = 6 + max((len(s.identities) for s in case.stakeholders), default=0)
        per_stakeholder = len(humanising.Identity) + len(humanising.Role) + 2 * 2 + 3 + 3
        per_product = 5 + 3 + 3 + stages
        # The initiative's facts and its groups' (at most four other values each), and its silent stages.
        facts = 4 * sum(
            len(fact_fields(holder)) for holder in (case, case.evidence, case.design_process, case.observations)
        )
        facts += stages
        bound = (
            added
            + per_participation * len(case.participations)
            + per_stakeholder * len(case.stakeholders)
            + per_product * len(case.products)
            + 6 * len(case.relationships)
            + facts
        )
        considered = casebook[case.id][0].considered
        assert added < considered <= bound, case.id


def test_each_alternative_is_what_diff_finds_when_that_fact_alone_differs(
    casebook: Mapping[str, tuple[humanising.Sensitivity, ...]],
) -> None:
    """Another way to the same fits: settle the fact, and diff says which verdicts the difference changes."""
    verdicts = [*(model.id for model in BUILTIN_MODELS), "humanises"]
    for case_id in ("sleepwell", "east-lille-5", "east-lille-6"):
        case = humanising.casebook.load(case_id)
        found = {s.verdict: s for s in casebook[case_id]}
        for participation in case.participations:
            path = f"participations[{participation.stakeholder}@{participation.stage.value}].involvement"
            for level in [*humanising.Involvement, humanising.UNKNOWN]:
                if level is participation.involvement:
                    continue
                (difference,) = humanising.diff(case, humanising.settle(case, path, level))
                by_diff = {(change.verdict, change.after) for change in difference.changes}
                by_sensitivity = {
                    (verdict, a.fit.value)
                    for verdict in verdicts
                    for a in found[verdict].alternatives
                    if str(a.path) == path and a.after == str(level)
                }
                assert by_sensitivity == by_diff, (case_id, path, level)


def fits_of(initiative: humanising.Initiative) -> dict[str, Fit]:
    """Every verdict's fit, judged the ordinary way."""
    found = {model_id: verdict.fit for model_id, verdict in humanising.classify(initiative).items()}
    found["humanises"] = humanising.humanises(initiative).fit
    return found


def settleable(initiative: humanising.Initiative) -> list[tuple[str, object]]:
    """Every value of every involvement, and of each yes-or-no or enumerated fact of the initiative and its groups."""
    found: list[tuple[str, object]] = []
    for participation in initiative.participations:
        path = f"participations[{participation.stakeholder}@{participation.stage.value}].involvement"
        found += [(path, level) for level in (*humanising.Involvement, humanising.UNKNOWN)]
    for prefix, holder in (
        ("", initiative),
        ("evidence.", initiative.evidence),
        ("design_process.", initiative.design_process),
        ("observations.", initiative.observations),
    ):
        hints = typing.get_type_hints(type(holder))
        for name in fact_fields(holder):
            (inner,) = typing.get_args(hints[name])
            values: tuple[object, ...] | None = (
                (True, False) if inner is bool else tuple(inner) if isinstance(inner, enum.EnumMeta) else None
            )
            if values is not None:
                found += [(f"{prefix}{name}", value) for value in (*values, humanising.UNKNOWN)]
    return found


@settings(max_examples=max(2, settings().max_examples // 5))
@given(hst.initiatives(max_stakeholders=2, max_products=1, max_participations=4, max_relationships=1))
def test_a_listed_alternative_is_what_judging_it_again_gives_and_an_unlisted_one_changes_nothing(
    initiative: humanising.Initiative,
) -> None:
    found = {s.verdict: s for s in humanising.sensitivity(initiative)}
    for path, value in settleable(initiative):
        other = humanising.settle(initiative, path, value)
        if other == initiative:
            continue  # its own value
        for verdict, fit in fits_of(other).items():
            listed_fits = [
                a.fit for a in found[verdict].alternatives if str(a.path) == path and a.after == plain_value(value)
            ]
            expected = listed_fits[0] if listed_fits else found[verdict].fit
            assert fit is expected, (verdict, path, value)


def plain_value(value: object) -> object:
    return "unknown" if value is humanising.UNKNOWN else getattr(value, "value", value)


def test_plain_data_for_json(casebook: Mapping[str, tuple[humanising.Sensitivity, ...]]) -> None:
    coproduction = of(casebook["sleepwell"], "coproduction")
    data = json.loads(json.dumps(coproduction.to_dict()))
    assert data["verdict"] == "coproduction"
    assert data["fit"] == "does not fit"
    assert {
        "path": "participations[patients@design].involvement",
        "before": "none",
        "after": "involved",
        "fit": "partly",
    } in data["alternatives"]


def test_models_can_be_chosen_and_humanises_is_always_judged() -> None:
    from humanising.models import user_led

    sleepwell = humanising.casebook.load("sleepwell")
    found = humanising.sensitivity(sleepwell, models=[user_led.MODEL])
    assert [s.verdict for s in found] == ["user_led", "humanises"]


def test_anything_but_an_initiative_is_refused() -> None:
    with pytest.raises(NotAnInitiativeError, match="sensitivity"):
        humanising.sensitivity("sleepwell")  # type: ignore[arg-type]


# --- the readings of the texts, as the single facts that move a verdict


def test_sleepwell_patients_involved_in_design_would_make_it_co_produced_in_part(
    casebook: Mapping[str, tuple[humanising.Sensitivity, ...]],
) -> None:
    """That neither the development nor the implementation involved the patients is what co-production rests on."""
    coproduction = of(casebook["sleepwell"], "coproduction")
    assert coproduction.fit is Fit.DOES_NOT_FIT
    assert [(a.after, a.fit) for a in coproduction.to(Fit.PARTLY)] == [
        ("involved", Fit.PARTLY),
        ("partner", Fit.PARTLY),
        ("leads", Fit.PARTLY),
    ]
    assert {str(a.path) for a in coproduction.to(Fit.PARTLY)} == {"participations[patients@design].involvement"}


def test_east_lille_5_a_silent_design_is_open_not_absent(
    casebook: Mapping[str, tuple[humanising.Sensitivity, ...]],
) -> None:
    """Its shared art was designed by people the paper never names: saying the record is complete decides it."""
    found = casebook["east-lille-5"]
    for verdict in ("user_centred_design", "user_led"):
        sensitivity = of(found, verdict)
        assert sensitivity.fit is Fit.UNDETERMINED
        assert listed(sensitivity, "silent_stages[design]") == [(True, False, "does not fit")]


def test_east_lille_5_co_production_is_open_on_the_shared_art_alone(
    casebook: Mapping[str, tuple[humanising.Sensitivity, ...]],
) -> None:
    """The therapies do not fit; what is open is the shared art, so only it can decide the whole."""
    coproduction = of(casebook["east-lille-5"], "coproduction")
    assert coproduction.fit is Fit.UNDETERMINED
    assert [(str(a.path), a.after, a.fit) for a in coproduction.alternatives] == [
        ("products[shared-art].kind", "nothing", Fit.DOES_NOT_FIT)
    ]


def test_east_lille_5_kept_roles_in_the_therapies_decide_them_whatever_the_patients_say() -> None:
    """Delivered with kept roles, the therapies are done to service users: their say in delivery changes nothing."""
    therapies = humanising.casebook.load("east-lille-5").producing_only("therapies")
    coproduction = of(humanising.sensitivity(therapies), "coproduction")
    assert coproduction.fit is Fit.DOES_NOT_FIT
    assert not listed(coproduction, "participations[patients@delivery].involvement")
    assert listed(coproduction, "products[therapies].role_differentiation") == [
        ("kept", "broadened", "undetermined"),
        ("kept", "dissolved", "undetermined"),
        ("kept", "unknown", "undetermined"),
    ]


@pytest.fixture(scope="module")
def survivor_group() -> humanising.Initiative:
    """Survivors design, deliver and allocate a group of their own."""
    led = [
        Participation("survivors", stage, "leads", capacity="survivor")
        for stage in ("design", "delivery", "allocation")
    ]
    survivors = Stakeholder(id="survivors", name="survivors", identities={"survivor"})
    group = humanising.Product(id="group", name="the group", kind="service", domain="mental_health")
    return humanising.Initiative(
        id="survivor-group", name="A survivor-run group", stakeholders=[survivors], products=[group], participations=led
    )


def test_a_survivor_run_group_is_user_led_on_its_own_lead(survivor_group: humanising.Initiative) -> None:
    """Survivors have lived experience: being survivors rather than service users is not what user-led rests on."""
    user_led = of(humanising.sensitivity(survivor_group), "user_led")
    assert user_led.fit is Fit.FITS
    assert not [a for a in user_led.alternatives if str(a.path).startswith("stakeholders[survivors]")]
    assert ("leads", "partner", "partly") in listed(user_led, "participations[survivors@design].involvement")
    assert ({"involvement": "leads", "capacity": "survivor"}, None, "partly") in listed(
        user_led, "participations[survivors@design]"
    )


def test_avoiding_services_changes_no_verdict_anywhere(
    casebook: Mapping[str, tuple[humanising.Sensitivity, ...]], survivor_group: humanising.Initiative
) -> None:
    """The footnote's sense of survivor is a flag of its own, which no verdict reads."""
    considered = [*casebook.values(), humanising.sensitivity(survivor_group)]
    for found in considered:
        for sensitivity in found:
            assert not [a for a in sensitivity.alternatives if str(a.path).endswith(".avoided_services")]


def test_mhf_wales_its_consultant_could_end_user_led_control_but_never_co_produce_it(
    casebook: Mapping[str, tuple[humanising.Sensitivity, ...]],
) -> None:
    """A consultant provides no service; as a partner or lead they would share control, as involved they would not."""
    found = casebook["mhf-wales"]
    coproduction = of(found, "coproduction")
    assert coproduction.fit is Fit.DOES_NOT_FIT
    assert not [a for a in coproduction.alternatives if "consultant" in str(a.path)]
    user_led = of(found, "user_led")
    assert user_led.fit is Fit.FITS
    added = listed(user_led, "participations[consultant@design]")
    assert [after["involvement"] for _, after, _ in added] == ["partner", "leads", "unknown"]  # type: ignore[index]
    assert {fit for *_, fit in added} == {"partly"}


# --- the command line


@pytest.fixture(scope="module")
def explained(tmp_path_factory: pytest.TempPathFactory) -> str:
    """``humanising explain --sensitivity`` over every shipped case file, run once for the module."""
    output = tmp_path_factory.mktemp("explained") / "sensitivity.txt"
    assert main(["explain", "--sensitivity", *map(str, CASEBOOK), "-o", str(output)]) == 0
    return output.read_text(encoding="utf-8")


def block(text: str, case_id: str, title: str) -> str:
    """One verdict's lines in the explanation of one case."""
    case = text[text.index(f"\n{case_id}: ") :] if not text.startswith(f"{case_id}: ") else text
    start = case.index(f"  {title}: ")
    return case[start : case.index("\n\n", start)]


def test_explain_sensitivity_over_the_casebook(explained: str) -> None:
    for case_id in humanising.casebook.ids():
        assert f"\n{case_id}: " in f"\n{explained}"
    assert explained.count("\n  humanises: ") == len(humanising.casebook.ids())
    assert "institutional barriers" not in explained
    assert "essential" not in explained  # the criteria are not listed, what the verdicts rest on is


def test_explain_sensitivity_lists_what_would_overturn_a_verdict(explained: str) -> None:
    coproduction = block(explained, "sleepwell", "Co-production (coproduction)")
    assert coproduction.startswith("  Co-production (coproduction): does not fit\n    overturned by 8 of ")
    assert (
        "      -> partly:\n        participations[patients@design].involvement: none -> involved, partner or leads\n"
        in coproduction
    )
    gold = block(explained, "sleepwell", "Co-production (gold standard) (coproduction_gold_standard)")
    assert gold.startswith("  Co-production (gold standard) (coproduction_gold_standard): does not fit\n")
    assert gold.endswith("    no single fact changes it (788 single facts judged)")


def test_explain_sensitivity_lists_what_would_decide_an_open_verdict(explained: str) -> None:
    design = block(explained, "east-lille-5", "User-centred design (user_centred_design)")
    assert design.startswith("  User-centred design (user_centred_design): undetermined\n    decided by 4 of ")
    assert "      -> does not fit:\n" in design
    assert "\n        silent_stages[design]: True -> False" in design
    mhf = block(explained, "mhf-wales", "Service user-led (user_led)")
    assert (
        "\n        participations[consultant@design]: not recorded -> partner, leads or unknown as other_professional"
        in mhf
    )


def test_explain_sensitivity_of_one_model(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, survivor_group: humanising.Initiative
) -> None:
    case = tmp_path / "group.yaml"
    case.write_text(humanising.dumps(survivor_group), encoding="utf-8")
    code, out, err = run(capsys, "explain", "--sensitivity", "--model", "user_led", str(case))
    assert (code, err) == (0, "")
    assert out.startswith("survivor-group: A survivor-run group\n\n  Service user-led (user_led): fits\n")
    assert "        participations[survivors@design].involvement: leads -> none, informed, consulted, involved," in out
    assert "Co-production" not in out
    assert "humanises" not in out
