"""Plug-ins cannot break the built-in models.

Real packages, written to a temporary directory with their ``.dist-info`` metadata
(``METADATA`` and ``entry_points.txt``) so that ``importlib.metadata`` finds their
entry points, are put on the path of a Python run in a subprocess: this test process
never sees them.
"""

from __future__ import annotations

import inspect
import json
import os
import pickle
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest

import humanising
from humanising.exceptions import PluginWarning
from humanising.models import BUILTIN_MODELS

MODEL = """\
import humanising

def {name}(initiative):
    {body}

{variable} = humanising.Model(id={model_id!r}, name={model_id!r}, judge={name}, summary="", source="a test")
"""

# distribution -> (module, its source, {entry point name: attribute})
PACKAGES: dict[str, tuple[str, str, dict[str, str]]] = {
    "broken-import": ("broken_import", "raise RuntimeError('this plug-in is broken')\n", {"broken": "MODEL"}),
    "not-a-model": ("not_a_model", "MODEL = 'a string'\n", {"stringy": "MODEL"}),
    "fake-user-led": (
        "fake_user_led",
        MODEL.format(
            name="fits", body="return humanising.Verdict.judge('user_led', ())", variable="MODEL", model_id="user_led"
        ),
        {"fake_user_led": "MODEL"},
    ),
    "good-models": (
        "good_models",
        MODEL.format(
            name="fits", body="return humanising.Verdict.judge('always', ())", variable="MODEL", model_id="always"
        )
        + MODEL.format(name="again", body="return None", variable="AGAIN", model_id="always"),
        {"always": "MODEL", "zz_always_again": "AGAIN"},
    ),
    "failing-models": (
        "failing_models",
        MODEL.format(name="raises", body="return 1 / 0", variable="RAISES", model_id="raises")
        + MODEL.format(name="returns_none", body="return None", variable="NONE", model_id="returns_none"),
        {"raises": "RAISES", "returns_none": "NONE"},
    ),
}


@pytest.fixture(scope="session")
def plugins(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding the packages, as an installer would lay them out."""
    site = tmp_path_factory.mktemp("site-packages")
    for dist, (module, source, entry_points) in PACKAGES.items():
        (site / f"{module}.py").write_text(source, encoding="utf-8")
        info = site / f"{module}-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n", encoding="utf-8")
        lines = "".join(f"{name} = {module}:{attribute}\n" for name, attribute in entry_points.items())
        (info / "entry_points.txt").write_text(f"[humanising.models]\n{lines}", encoding="utf-8")
    return site


def run(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))}
    env.pop("COLUMNS", None)
    return subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, *args], capture_output=True, text=True, env=env, check=False, timeout=60
    )


BUILTIN_IDS = [model.id for model in BUILTIN_MODELS]


def test_models_lists_the_broken_entry_points_after_the_working_models(plugins: Path) -> None:
    result = run(plugins, "-m", "humanising", "models", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["models"]
    assert [(row["id"], row["status"]) for row in rows] == [
        *((model_id, "ok") for model_id in BUILTIN_IDS),
        ("always", "ok"),
        ("raises", "ok"),
        ("returns_none", "ok"),
        ("broken", "import_failed"),
        ("user_led", "duplicate_id"),
        ("stringy", "not_a_model"),
        ("always", "duplicate_id"),
    ]
    by_entry_point = {row["entry_point"]: row for row in rows if row["status"] != "ok"}
    broken = by_entry_point["broken = broken_import:MODEL"]
    assert broken["error"] == "RuntimeError: this plug-in is broken"
    assert (broken["package"], broken["name"], broken["short_name"], broken["criteria"]) == (
        "broken-import",
        "broken",
        "broken",
        [],
    )
    assert by_entry_point["stringy = not_a_model:MODEL"]["error"] == "it names 'a string', not a humanising.Model"
    assert by_entry_point["fake_user_led = fake_user_led:MODEL"]["error"] == (
        "its model's id 'user_led' is already taken by humanising"
    )
    assert by_entry_point["zz_always_again = good_models:AGAIN"]["error"] == (
        "its model's id 'always' is already taken by good-models (entry point 'always')"
    )
    ok = [row for row in rows if row["status"] == "ok"]
    assert all(row["error"] is None and row["entry_point"] is None for row in ok)
    assert [row["package"] for row in ok] == [
        *(["humanising"] * len(BUILTIN_IDS)),
        "good_models",
        "failing_models",
        "failing_models",
    ]
    assert rows[BUILTIN_IDS.index("user_led")]["name"] == "Service user-led", "the built-in keeps its id"


def test_the_models_table_shows_why_an_entry_point_is_broken(plugins: Path) -> None:
    result = run(plugins, "-m", "humanising", "models")
    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("broken ")]
    assert "| import_failed | error: RuntimeError: this plug-in is" in line
    cells = " ".join(line.rpartition("| ")[2].strip() for line in result.stdout.splitlines())
    assert "entry point: stringy = not_a_model:MODEL (in not-a-model)" in cells


CLASSIFY = """\
import json, warnings
import humanising
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    verdicts = humanising.classify(humanising.casebook.load("sleepwell"))
    humanising.registered_models()
    analysis = humanising.analyse(humanising.casebook.load("east-lille"))
print(json.dumps({
    "fits": {model_id: verdict.fit.value for model_id, verdict in verdicts.items()},
    "warnings": [(w.category.__name__, str(w.message)) for w in caught],
    "errors": [error.to_dict() for error in analysis.errors],
    "part_errors": [len(part.errors) for part in analysis.parts],
}))
"""


def test_classify_leaves_failing_plug_ins_out_and_the_built_ins_judge_as_ever(plugins: Path) -> None:
    result = run(plugins, "-c", CLASSIFY)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    sleepwell = humanising.casebook.load("sleepwell")
    alone = {model_id: v.fit.value for model_id, v in humanising.classify(sleepwell, models=BUILTIN_MODELS).items()}
    assert data["fits"] == {**alone, "always": "fits"}
    failures = [
        {"model": "raises", "package": "failing_models", "message": "ZeroDivisionError: division by zero"},
        {
            "model": "returns_none",
            "package": "failing_models",
            "message": "its predicate returned None, not a humanising.Verdict",
        },
    ]
    assert data["errors"] == failures
    assert data["part_errors"] == [2] * 8
    loading = [message for category, message in data["warnings"] if "entry point" in message]
    assert len(loading) == 4, "each broken entry point is warned of once"
    assert any(
        message.startswith("entry point 'broken' = 'broken_import:MODEL' of broken-import in humanising.models")
        for message in loading
    )
    assert {category for category, _ in data["warnings"]} == {"PluginWarning"}
    failing = [message for _, message in data["warnings"] if message.startswith("model ")]
    assert "model 'raises' (from failing_models) failed and is left out of the verdicts:" in failing[0]


def test_the_json_report_lists_each_initiative_s_errors(plugins: Path) -> None:
    result = run(plugins, "-m", "humanising", "casebook", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    for initiative in report["initiatives"]:
        assert [error["model"] for error in initiative["errors"]] == ["raises", "returns_none"]
        assert set(initiative["verdicts"]) == {*BUILTIN_IDS, "always"}
    assert "PluginWarning" in result.stderr


def test_without_plug_ins_every_error_list_is_empty() -> None:
    data = humanising.analyse(humanising.casebook.load("east-lille")).to_dict()
    assert data["errors"] == []
    assert all(part["errors"] == [] for part in data["parts"])


def _raises(initiative: humanising.Initiative) -> humanising.Verdict:
    raise ZeroDivisionError(initiative.id)


def test_a_built_in_model_s_error_propagates_and_a_contributed_one_s_is_recorded() -> None:
    sleepwell = humanising.casebook.load("sleepwell")
    builtin = BUILTIN_MODELS[0]
    contributed = attrs.evolve(builtin, judge=_raises)
    assert contributed == builtin, "equal, but not the built-in one"
    with pytest.warns(PluginWarning, match=r"model 'coproduction' \(from tests\) failed.*ZeroDivisionError: sleepwell"):
        analysis = humanising.analyse(sleepwell, models=[contributed])
    assert analysis.verdicts == {}
    assert analysis.errors == (humanising.ModelError("coproduction", "tests", "ZeroDivisionError: sleepwell"),)
    assert pickle.loads(pickle.dumps(analysis)) == analysis  # noqa: S301 - our own data
    original = builtin.judge
    object.__setattr__(builtin, "judge", _raises)  # break the built-in itself, for this test only
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(ZeroDivisionError, match="sleepwell"):
                humanising.classify(sleepwell, models=[builtin])
            with pytest.raises(ZeroDivisionError, match="sleepwell"):
                humanising.analyse(sleepwell)
    finally:
        object.__setattr__(builtin, "judge", original)
    assert humanising.classify(sleepwell)["coproduction"].fit.value == "does not fit"


def test_a_registered_model_that_fails_is_left_out_with_a_warning() -> None:
    sleepwell = humanising.casebook.load("sleepwell")

    def returns_text(_initiative: humanising.Initiative) -> Any:
        return "fits"

    humanising.register_model(humanising.Model(id="texty", name="Texty", judge=returns_text, summary="", source=""))
    try:
        with pytest.warns(PluginWarning, match="its predicate returned 'fits', not a humanising.Verdict"):
            verdicts = humanising.classify(sleepwell)
        assert "texty" not in verdicts
        assert list(verdicts) == [model.id for model in BUILTIN_MODELS]
        with pytest.warns(PluginWarning):
            assert "texty" not in humanising.Registry(humanising.registered_models()).classify(sleepwell)
    finally:
        humanising.unregister_model("texty")


def test_a_model_error_is_plain_data() -> None:
    error = humanising.ModelError("mine", "my_package", "KeyError: 'x'")
    assert error.to_dict() == {"model": "mine", "package": "my_package", "message": "KeyError: 'x'"}
    assert pickle.loads(pickle.dumps(error)) == error  # noqa: S301 - our own data
    assert not isinstance(error, BaseException)


def test_a_declared_model_that_fails_is_named_by_the_module_that_declares_it() -> None:
    def breaks(_look: humanising.models.Look) -> humanising.models.Judgement:
        raise KeyError("no such fact")

    spec = humanising.CriterionSpec(
        "breaks", True, "It breaks.", check=breaks, wording=humanising.models.Wording("met.", "unmet.", "unknown.")
    )
    model = humanising.Model.declared(id="breaks", name="Breaks", summary="", source="none", criteria=[spec])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PluginWarning)
        analysis = humanising.analyse(humanising.casebook.load("sleepwell"), models=[model])
    assert "breaks" not in analysis.verdicts
    assert (analysis.errors[0].package, analysis.errors[0].message) == (
        __name__.partition(".")[0],
        "KeyError: 'no such fact'",
    )


def _standard(finder: object) -> bool:
    from importlib.machinery import PathFinder

    return not hasattr(finder, "find_distributions") or finder is PathFinder


def test_the_cheap_look_finds_every_folder_that_declares_the_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from humanising._reasoning._registry import may_offer_models

    info = tmp_path / "other-1.0.dist-info"
    info.mkdir()
    (info / "entry_points.txt").write_text("[console_scripts]\nother = other:main\n", encoding="utf-8")
    (tmp_path / "old.egg-info").write_text("an egg-info file, not a folder\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(tmp_path), str(tmp_path / "missing")])
    # Only the standard finders: one that lists distributions of its own (importlib_metadata's, which
    # importing distributed installs) is a yes by design.
    monkeypatch.setattr(sys, "meta_path", [finder for finder in sys.meta_path if _standard(finder)])
    assert not may_offer_models()
    (info / "entry_points.txt").write_text(
        "[console_scripts]\nother = other:main\n\n[ humanising.models ]\n", encoding="utf-8"
    )
    assert may_offer_models()
    (info / "entry_points.txt").write_text("[console_scripts]\n", encoding="utf-8")
    archive = tmp_path / "plugins.zip"
    archive.write_bytes(b"PK\x05\x06" + bytes(18))
    monkeypatch.setattr(sys, "path", [str(tmp_path), str(archive)])
    assert may_offer_models()  # a zip on the path is left to the full scan


def _peer_support(*, by_product: bool = False) -> humanising.Model:
    """A contributed model declared while a test runs, as a plug-in declares one when it is imported."""
    from humanising.models import CriterionSpec, Look, Model, Side, Voice, Wording

    peers = Voice(Side.SERVICE_USER, humanising.Involvement.INVOLVED)

    def criterion(stage: humanising.Stage, essential: bool, verb: str) -> CriterionSpec:
        return CriterionSpec(
            f"peers_{stage.value}",
            essential,
            f"Service users are involved or more at {stage.value}.",
            check=lambda look: look.at(stage, peers),
            wording=Wording(met=f"Peers {verb}: {{names}}.", unmet=f"No peer {verb}s: {{seats}}.", unknown="?"),
        )

    criteria = (
        criterion(humanising.Stage.DELIVERY, True, "deliver"),
        criterion(humanising.Stage.DESIGN, False, "design"),
    )

    def stages(_look: Look) -> tuple[humanising.Stage, ...]:
        return (humanising.Stage.DELIVERY,)

    def notes(_look: Look, _verdict: humanising.Verdict) -> tuple[str | humanising.Note, ...]:
        return ("A sentence.", humanising.Note("A note."))

    return Model.declared(
        id="peer_support",
        name="Peer support",
        summary="Service users support one another in delivering a service.",
        source="an example",
        criteria=criteria,
        stages=stages,
        notes=notes,
        by_product=by_product,
    )


def test_a_model_declared_at_run_time_judges_each_criterion_with_its_stages_and_notes() -> None:
    model = _peer_support()
    verdict = humanising.classify(humanising.casebook.load("east-lille-7"), models=[model])["peer_support"]
    assert (verdict.model, verdict.fit) == ("peer_support", humanising.Fit.PARTLY)
    assert [(result.id, result.essential, result.status.value, result.reason) for result in verdict.criteria] == [
        ("peers_delivery", True, "met", "Peers deliver: service users running the groups."),
        (
            "peers_design",
            False,
            "unmet",
            "No peer designs: service users running the groups: none at design (informal report).",
        ),
    ]
    assert verdict.stages == (humanising.Stage.DELIVERY,)
    assert verdict.notes == ("A sentence.", "A note.")


def test_a_model_declared_at_run_time_names_the_package_that_declares_it() -> None:
    from humanising._reasoning._registry import model_package

    assert model_package(_peer_support()) == __name__.partition(".")[0]


def test_a_declared_model_is_judged_product_by_product_only_when_it_asks() -> None:
    case = humanising.casebook.load("mhf-wales")  # two products
    whole = humanising.classify(case, models=[_peer_support()])["peer_support"]
    assert (whole.by_product, whole.product) == ((), None)
    each = humanising.classify(case, models=[_peer_support(by_product=True)])["peer_support"]
    assert [(fit.product, fit.fit) for fit in each.by_product] == [
        ("course-materials", humanising.Fit.FITS),
        ("self-management-course", humanising.Fit.FITS),
    ]
    assert each.product == "self-management-course"  # produced at the most stages


def test_a_declared_criterion_without_a_check_is_refused_naming_the_model_and_the_criterion() -> None:
    from humanising.exceptions import RegistrationError
    from humanising.models import CriterionSpec

    unchecked = CriterionSpec("peers_delivery", True, "Service users are involved or more at delivery.")
    with pytest.raises(RegistrationError) as refused:
        humanising.Model.declared(id="peer_support", name="Peer support", summary="", source="", criteria=[unchecked])
    assert str(refused.value) == (
        "model 'peer_support': criterion 'peers_delivery' has no check; a model judged from its criteria needs "
        "a check and a wording for each"
    )


def _fails(_initiative: humanising.Initiative) -> humanising.Verdict:
    raise KeyError("no such fact")


def _warned_at(warned: list[warnings.WarningMessage]) -> list[tuple[type[Warning], str, int]]:
    return [(warning.category, Path(warning.filename).name, warning.lineno) for warning in warned]


def _next_line() -> int:
    """The number of the line after the caller's."""
    frame = inspect.currentframe()
    assert frame is not None
    assert frame.f_back is not None
    return frame.f_back.f_lineno + 1


def test_a_failing_model_is_warned_of_at_the_line_that_asked_for_the_verdicts() -> None:
    # The warning points at the caller's line, not inside humanising, so that the caller can find it.
    model = humanising.Model(id="fails", name="Fails", judge=_fails, summary="", source="none")
    case = humanising.casebook.load("sleepwell")
    here = Path(__file__).name
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        asked = _next_line()
        humanising.classify(case, models=[model])
        assert _warned_at(warned) == [(PluginWarning, here, asked)]
        asked = _next_line()
        humanising.analyse(case, models=[model])
        assert _warned_at(warned[1:]) == [(PluginWarning, here, asked)]
        asked = _next_line()
        humanising.Registry([model]).classify(case)
        assert _warned_at(warned[2:]) == [(PluginWarning, here, asked)]


def test_a_check_that_answers_otherwise_when_its_reasons_are_written_is_reported_as_a_bug() -> None:
    # A check must be pure: judging and writing the reasons run it twice, and must agree.
    from humanising._reasoning._declared import ModesDisagreeError
    from humanising.models import CriterionSpec, Judgement, Look, Wording

    answers = iter([True, False])

    def changes_its_mind(_look: Look) -> Judgement:
        return (next(answers), ())

    spec = CriterionSpec(
        "fickle", True, "It changes its mind.", check=changes_its_mind, wording=Wording("met.", "unmet.", "unknown.")
    )
    model = humanising.Model.declared(id="fickle", name="Fickle", summary="", source="none", criteria=[spec])
    verdict = humanising.classify(humanising.casebook.load("sleepwell"), models=[model])["fickle"]
    assert verdict.fit is humanising.Fit.FITS
    with pytest.raises(ModesDisagreeError) as disagreed:
        _ = verdict.criteria
    assert str(disagreed.value) == "fickle.fickle on 'sleepwell': met while judging, unmet from its evidence"
