"""Verdicts and analyses are plain data: they pickle, compare by what they say, and hold no callables."""

from __future__ import annotations

import gc
import json
import pickle
import weakref
from typing import Any, TypeVar

import attrs
import pytest
from hypothesis import given

import humanising
from humanising import CriterionResult, Fit, Initiative, Status, Verdict
from humanising import strategies as hst
from humanising._reasoning._evidence import EvidenceItem, plain
from humanising.exceptions import InvalidVerdictError
from humanising.reports import report_data

T = TypeVar("T")
CASES = humanising.casebook.ids()


def _round_trip(value: T) -> T:
    copied: T = pickle.loads(pickle.dumps(value))  # noqa: S301 - our own data
    return copied


@pytest.mark.parametrize("case_id", CASES)
def test_classify_pickles_on_every_shipped_case(case_id: str) -> None:
    verdicts = humanising.classify(humanising.casebook.load(case_id))
    copied = _round_trip(verdicts)
    assert copied == verdicts
    for model_id, verdict in verdicts.items():
        again = copied[model_id]
        assert again.reasons == verdict.reasons
        assert again.unknowns == verdict.unknowns
        assert again.to_dict() == verdict.to_dict()


@pytest.mark.parametrize("case_id", CASES)
def test_analyse_pickles_on_every_shipped_case(case_id: str) -> None:
    analysis = humanising.analyse(humanising.casebook.load(case_id))
    copied = _round_trip(analysis)
    assert copied == analysis
    assert [part.quadrant for part in copied.parts] == [part.quadrant for part in analysis.parts]


@given(hst.initiatives())
def test_verdicts_pickle_and_compare_by_what_they_say(initiative: Initiative) -> None:
    """A verdict pickled and read back is equal to it, says the same and hashes alike."""
    for verdict in (*humanising.classify(initiative).values(), humanising.humanises(initiative)):
        copied = _round_trip(verdict)
        assert copied == verdict
        assert hash(copied) == hash(verdict)


def test_no_public_field_of_a_verdict_holds_a_callable() -> None:
    for case_id in CASES:
        analysis = humanising.analyse(humanising.casebook.load(case_id))
        for verdict in (*analysis.verdicts.values(), analysis.humanises):
            public = {field.name for field in attrs.fields(Verdict) if not field.name.startswith("_")}
            assert public == {"model", "fit", "stages", "by_product", "product"}
            for name in (*public, "criteria", "notes", "unknowns", "reasons"):
                value = getattr(verdict, name)
                assert not callable(value), name
                for item in value if isinstance(value, tuple) else ():
                    assert not callable(item), name


def test_the_json_report_is_made_of_to_dict() -> None:
    analyses = [humanising.analyse(humanising.casebook.load(case_id)) for case_id in ("sleepwell", "east-lille-6")]
    data = report_data(analyses)
    for analysis, entry in zip(analyses, data["initiatives"], strict=True):
        assert entry["verdicts"] == {model_id: v.to_dict() for model_id, v in analysis.verdicts.items()}
        assert entry["humanises"] == analysis.humanises.to_dict()
        assert {key: value for key, value in entry.items() if key != "part_of"} == analysis.entry()
    json.dumps(data)  # plain data all the way down


def test_an_analysis_as_data_nests_its_parts_as_the_report_lists_them() -> None:
    programme = humanising.analyse(humanising.casebook.load("east-lille"))
    nested = programme.to_dict()
    flat = report_data([programme])["initiatives"]
    assert [entry["id"] for entry in flat] == [nested["id"], *(part["id"] for part in nested["parts"])]
    for entry, part in zip(flat[1:], nested["parts"], strict=True):
        assert entry["part_of"] == "east-lille"
        assert {key: value for key, value in entry.items() if key != "part_of"} == {
            key: value for key, value in part.items() if key != "parts"
        }
    assert json.loads(json.dumps(nested)) == nested


def test_a_verdict_has_no_truth_value() -> None:
    verdict = humanising.humanises(Initiative(id="x", name="X", humanising_features=()))
    assert verdict.fit is Fit.DOES_NOT_FIT
    with pytest.raises(TypeError, match=r"read its fit"):
        bool(verdict)


def test_a_verdict_works_out_its_fit_and_refuses_a_contradicting_one() -> None:
    met = CriterionResult("a", "met", True, "A holds.")
    open_ = CriterionResult("b", Status.UNKNOWN, False, "B may hold.")
    assert Verdict("m", [met]).fit is Fit.FITS
    assert Verdict("m", [met, open_]).fit is Fit.PARTLY
    assert Verdict("m", [met, open_], fit="partly").fit is Fit.PARTLY
    with pytest.raises(InvalidVerdictError, match=r"add up to 'partly', not 'fits'"):
        Verdict("m", [met, open_], fit=Fit.FITS)
    with pytest.raises(InvalidVerdictError, match=r"CriterionResult"):
        Verdict("m", ["a reason"])  # type: ignore[list-item]


def test_a_verdict_built_by_hand_equals_one_judged_by_a_model() -> None:
    judged = humanising.classify(humanising.casebook.load("sleepwell"))["evidence_based_practice"]
    rebuilt = Verdict(judged.model, judged.criteria, stages=judged.stages, notes=judged.notes, fit=judged.fit)
    assert rebuilt == judged
    assert rebuilt.to_dict() == judged.to_dict()


def test_a_verdict_is_immutable() -> None:
    verdict = humanising.classify(humanising.casebook.load("sleepwell"))["user_led"]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        verdict.fit = Fit.FITS  # type: ignore[misc]


def test_a_classified_initiative_is_freed_by_reference_counting() -> None:
    """No reference cycle: with the cyclic collector off, dropping the initiative frees it."""
    initiative = humanising.structure(humanising.unstructure(humanising.casebook.load("east-lille-6")))
    gc.collect()
    gc.disable()
    try:
        humanising.analyse(initiative)
        alive = weakref.ref(initiative)
        del initiative
        assert alive() is None
    finally:
        gc.enable()


def _written(analysis: humanising.Analysis) -> dict[str, Any]:
    """An analysis as the JSON report writes it, read back."""
    written: dict[str, Any] = json.loads(json.dumps(analysis.to_dict()))
    return written


def test_a_verdicts_repr_lists_its_stages_and_counts_and_says_when_it_has_no_criteria() -> None:
    crisis = humanising.classify(humanising.casebook.load("illustrative-crisis-service"))["coproduction"]
    assert repr(crisis) == "<Verdict coproduction: fits, at design, delivery (7 met)>"
    sleepwell = humanising.classify(humanising.casebook.load("sleepwell"))["coproduction"]
    assert repr(sleepwell) == "<Verdict coproduction: does not fit (1 met, 6 unmet)>"
    assert repr(Verdict("empty", [])) == "<Verdict empty: fits (no criteria)>"


def test_asking_a_verdict_for_a_criterion_it_lacks_names_the_id() -> None:
    verdict = humanising.classify(humanising.casebook.load("sleepwell"))["coproduction"]
    assert verdict.criterion("doing_with").id == "doing_with"
    with pytest.raises(KeyError) as caught:
        verdict.criterion("no_such_criterion")
    assert caught.value.args == ("no_such_criterion",)


def test_verdicts_that_say_different_things_hash_apart() -> None:
    verdicts = [
        verdict for case_id in CASES for verdict in humanising.classify(humanising.casebook.load(case_id)).values()
    ]
    distinct = set(verdicts)
    assert len(distinct) > 1
    # Equal verdicts share a hash; a hash shared by every verdict would make sets of them linear.
    assert len({hash(verdict) for verdict in distinct}) > len(distinct) // 2


@pytest.mark.parametrize("case_id", CASES)
def test_a_criterions_facts_in_the_json_are_the_paths_of_the_evidence_it_writes(case_id: str) -> None:
    data = _written(humanising.analyse(humanising.casebook.load(case_id)))
    for verdict in data["verdicts"].values():
        for result in verdict["criteria"]:
            assert result["facts"] == [item["path"] for item in result["evidence"]]
            open_paths = {item["path"] for item in result["evidence"] if item["value"] == "unknown"}
            assert set(result["unknowns"]) <= open_paths
            if result["status"] != "unknown":
                assert result["unknowns"] == []
        written = {path for result in verdict["criteria"] for path in result["unknowns"]}
        assert verdict["unknowns"] == sorted(written), "a verdict's unknowns are its open criteria's, sorted"


def test_some_shipped_criterion_writes_open_facts_as_its_unknowns() -> None:
    # Without this the law above could hold only because no criterion names an unknown.
    written = [
        result["unknowns"]
        for case_id in CASES
        for verdict in _written(humanising.analyse(humanising.casebook.load(case_id)))["verdicts"].values()
        for result in verdict["criteria"]
        if result["status"] == "unknown"
    ]
    assert written
    assert all(unknowns for unknowns in written), "an open criterion names what would settle it"


def test_a_note_about_another_model_writes_that_models_fit_in_the_json() -> None:
    analysis = humanising.analyse(humanising.casebook.load("east-lille-6"))
    data = _written(analysis)
    about = [note for note in data["notes"] if note["about"] is not None]
    assert about, "east-lille-6 carries a note on co-production"
    for note in about:
        assert note["says"] == data["verdicts"][note["about"]]["fit"]
    assert [note["text"] for note in data["notes"]] == [note.text for note in analysis.notes]
    plain = [note for note in data["notes"] if note["about"] is None]
    assert all(note["says"] is None for note in plain)


def test_a_note_about_no_other_model_is_written_with_about_and_says_empty() -> None:
    assert humanising.Note("A further sentence.").to_dict() == {
        "text": "A further sentence.",
        "about": None,
        "says": None,
    }
    reported = humanising.Note("Co-production fits.", about="coproduction", says=Fit.FITS)
    assert reported.to_dict() == {"text": "Co-production fits.", "about": "coproduction", "says": "fits"}


@pytest.mark.parametrize("case_id", CASES)
def test_the_json_readings_say_what_readings_says(case_id: str) -> None:
    initiative = humanising.casebook.load(case_id)
    written = _written(humanising.analyse(initiative))["readings"]
    assert written == [
        {
            "reading": match.reading.value,
            "status": match.status.value,
            "reason": match.reason,
            "unknowns": [str(path) for path in match.unknowns],
        }
        for match in humanising.readings(initiative)
    ]


@pytest.mark.parametrize("case_id", CASES)
def test_the_json_barriers_say_what_barriers_says(case_id: str) -> None:
    initiative = humanising.casebook.load(case_id)
    written = _written(humanising.analyse(initiative))["barriers"]
    assert written == [
        {
            "barrier": finding.barrier.value,
            "status": finding.status.value,
            "reason": finding.reason,
            "facts": [str(path) for path in finding.facts],
            "unknowns": [str(path) for path in finding.unknowns],
        }
        for finding in humanising.barriers(initiative)
    ]


@pytest.mark.parametrize("case_id", CASES)
def test_the_json_says_what_the_analysis_says_of_the_initiative_and_its_relationships(case_id: str) -> None:
    initiative = humanising.casebook.load(case_id)
    analysis = humanising.analyse(initiative)
    written = _written(analysis)

    def relationship(found: humanising.Relationship) -> dict[str, Any]:
        return {
            "between": list(found.between),
            "kind": humanising.relationship_kind(initiative, found).value,
            "aspect": found.aspect.value,
            "change": found.change.value,
            "claim": found.claim.value,
            "basis": found.basis.value,
            "note": found.note,
        }

    assert (written["id"], written["name"], written["illustrative"]) == (
        initiative.id,
        initiative.name,
        initiative.illustrative,
    )
    assert written["equalises"] == [relationship(found) for found in humanising.equalises(initiative)]
    assert written["exceeds"] == [relationship(found) for found in humanising.exceeds_equalising(initiative)]
    assert written["equalising"] == humanising.equalising(initiative).value
    assert written["quadrant"] == humanising.quadrant(initiative).value
    assert written["quadrants"] == {
        "independent": humanising.quadrant(initiative).value,
        "nested": humanising.quadrant(initiative, reading=humanising.HypothesisReading.NESTED).value,
    }
    assert written["errors"] == []


def test_the_shipped_cases_write_every_barrier_finding_and_some_relationships() -> None:
    # The two tests above would pin little if the casebook wrote empty lists.
    analyses = [_written(humanising.analyse(case)) for case in humanising.casebook.load_all()]
    # No shipped case works a barrier through ("met and overcome"); every other finding occurs.
    assert {finding["status"] for data in analyses for finding in data["barriers"]} >= {
        "present",
        "indicated",
        "met and bypassed",
        "not found",
        "not assessed",
    }
    assert any(data["equalises"] for data in analyses)
    assert any(data["exceeds"] for data in analyses)
    assert any(finding["unknowns"] for data in analyses for finding in data["barriers"])


_FEATURE = humanising.HumanisingFeature("privacy", "a room of one's own", humanising.Basis.INFERRED)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (humanising.UNKNOWN, "unknown"),
        (humanising.Stage.DESIGN, "design"),
        (humanising.Involvement.LEADS, "leads"),
        (humanising.Basis.INFERRED, "inferred"),
        (humanising.RoleDifferentiation.KEPT, "kept"),
        (humanising.Product(id="homes", name="housing", kind=humanising.ProductKind.SERVICE), "homes"),
        (frozenset({humanising.Identity.SERVICE_USER, humanising.Identity.CARER}), ["carer", "service_user"]),
        ({humanising.Stage.DELIVERY, humanising.Stage.DESIGN}, ["delivery", "design"]),
        ((humanising.Stage.DESIGN, humanising.Stage.DELIVERY), ["design", "delivery"]),
        ([humanising.UNKNOWN, True], ["unknown", True]),
        (True, True),
        (3, 3),
        (1.5, 1.5),
        ("a note", "a note"),
        (None, None),
        (_FEATURE, {"kind": "privacy", "description": "a room of one's own", "basis": "inferred", "coder": ""}),
        ((_FEATURE,), [{"kind": "privacy", "description": "a room of one's own", "basis": "inferred", "coder": ""}]),
        (humanising.FactPath("observations", "dissent"), "observations.dissent"),
    ],
)
def test_an_evidence_value_is_written_as_a_case_file_writes_it_in_built_in_types(value: Any, written: Any) -> None:
    found: Any = plain(value)
    assert found == written
    assert type(found) is type(written)  # plain data: no term, set or attrs class of the library's
    if isinstance(found, list):
        assert [type(item) for item in found] == [type(item) for item in written]


def test_an_evidence_item_as_data_writes_its_path_value_and_basis() -> None:
    path = humanising.FactPath.participation("members", "delivery").then("involvement")
    item = EvidenceItem(path, humanising.Involvement.LEADS, humanising.Basis.PUBLISHED)
    assert item.to_dict() == {
        "path": "participations[members@delivery].involvement",
        "value": "leads",
        "basis": "published",
    }
    assert EvidenceItem(humanising.FactPath("products"), ()).to_dict() == {
        "path": "products",
        "value": [],
        "basis": None,
    }


@pytest.mark.parametrize("case_id", ["mhf-wales", "sleepwell"])
def test_a_declared_verdict_sent_as_its_statuses_is_rebuilt_saying_the_same(case_id: str) -> None:
    # What a worker process sends back instead of every sentence (``classify_many`` with jobs).
    from humanising._reasoning._declared import compact, rebuilt
    from humanising.models import BUILTIN_MODELS

    initiative = humanising.casebook.load(case_id)
    for model in BUILTIN_MODELS:
        verdict = model.judge(initiative)
        sent = compact(verdict)
        assert sent is not None, model.id
        assert _round_trip(sent) == sent
        again = rebuilt(_round_trip(sent), initiative, model.judge)  # type: ignore[arg-type]
        assert again == verdict
        assert [result.reason for result in again.criteria] == [result.reason for result in verdict.criteria]


def test_a_verdict_not_judged_from_declared_criteria_is_sent_whole() -> None:
    from humanising._reasoning._declared import compact

    assert compact(humanising.humanises(humanising.casebook.load("sleepwell"))) is None
    assert compact(Verdict.judge("by_hand", ())) is None


def test_a_wording_may_name_exactly_the_fields_grounds_documents() -> None:
    from humanising._reasoning._evidence import _Fields

    documented = {"stages", "seats", "hedge", "value", "note", "products", "names", "lived", "Lived"}
    grounds = humanising.models.Grounds(Status.MET, (), humanising.models.index_of(Initiative(id="x", name="X")))
    fields = _Fields(grounds)
    assert set(fields) == documented
    assert len(fields) == len(documented)
    for name in documented:
        assert f"``{{{name}}}``" in (humanising.models.Grounds.__doc__ or "")
