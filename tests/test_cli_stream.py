"""``humanising classify`` over streams: JSON Lines in and out, bad records, repeated ids, limits, progress, jobs."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import humanising
from humanising.cli import cli, main
from humanising.cli._repeats import SeenIds
from humanising.reports import json_report
from humanising.reports._json import html_safe

SRC = str(Path(humanising.__file__).parent.parent)
CASES = [humanising.casebook.load(case_id) for case_id in humanising.casebook.ids()]
PROGRAMME = humanising.casebook.load("east-lille")  # its parts follow it in every report


def line_of(initiative: humanising.Initiative, **changes: str) -> str:
    return json.dumps({**humanising.unstructure(initiative), **changes}) + "\n"


def corpus(count: int) -> str:
    """``count`` records, the casebook's cases that are not programmes, each under an id of its own."""
    singles = [case for case in CASES if not case.parts]
    return "".join(line_of(singles[number % len(singles)], id=f"record-{number}") for number in range(count))


def invoke(*args: str, stdin: str | None = None, **env: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin, env=env or None)
    return result.exit_code, result.stdout, result.stderr


def test_json_lines_on_standard_input_give_a_line_per_report_entry_as_in_the_json_report() -> None:
    records = line_of(humanising.casebook.load("sleepwell")) + "\n" + line_of(PROGRAMME)
    code, out, err = invoke("classify", "-", "-f", "jsonl", stdin=records)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    report = json.loads(
        json_report([humanising.analyse(humanising.casebook.load("sleepwell")), humanising.analyse(PROGRAMME)])
    )
    assert [json.loads(line) for line in lines] == [
        {"format": report["format"], **entry} for entry in report["initiatives"]
    ]
    parsed = [json.loads(line) for line in lines]
    assert all(entry["format"] == 2 for entry in parsed)
    parts = [entry for entry in parsed if entry["part_of"] is not None]
    assert {entry["id"] for entry in parts} == {part.id for part in PROGRAMME.parts}
    assert {entry["part_of"] for entry in parts} == {PROGRAMME.id}
    # Compact: exactly what the standard library's encoder writes with no spaces between items.
    assert all(
        line == html_safe(json.dumps(json.loads(line), separators=(",", ":"), ensure_ascii=False)) for line in lines
    )


def test_a_bad_record_is_named_by_its_line_and_the_rest_are_judged() -> None:
    records = corpus(2).splitlines(keepends=True)
    text = records[0] + '{"id": "fine", "name": 3}\n' + "not json\n" + records[1]
    code, out, err = invoke("classify", "-", "-f", "jsonl", stdin=text)
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["record-0", "record-1"]
    errors = err.splitlines()
    assert errors[0].startswith("Error: <stdin>:2:")
    assert "$.name: expected a string" in errors[0]
    assert errors[1].startswith("Error: <stdin>:3:")
    assert errors[-1] == "4 records: 2 good, 2 failed"


def test_a_repeated_id_is_reported_with_its_line_and_left_out(tmp_path: Path) -> None:
    records = corpus(3).splitlines(keepends=True)
    path = tmp_path / "records.jsonl"
    path.write_text(records[0] + records[1] + line_of(CASES[-1], id="record-0") + records[2], encoding="utf-8")
    code, out, err = invoke("classify", str(path), "-f", "csv")
    assert code == 0  # nothing failed: every record was read
    assert [row.split(",")[0] for row in out.splitlines()[1:]].count("record-0") == len(
        humanising.registered_models()
    ) + 1
    assert {row.split(",")[0] for row in out.splitlines()[1:]} == {"record-0", "record-1", "record-2"}
    assert f"Warning: {path}:3: the id 'record-0' was read before; the record is left out" in err
    assert err.endswith("4 records: 3 good, 0 failed, 1 left out as repeated ids\n")
    # A part's id counts: a programme's part given again is a repeat too, in any format.
    again = line_of(PROGRAMME) + line_of(PROGRAMME.parts[0])
    for format_ in ("jsonl", "json"):
        code, out, err = invoke("classify", "-", "-f", format_, stdin=again)
        assert code == 0
        assert f"<stdin>:2: the id {PROGRAMME.parts[0].id!r} was read before" in err
    # Across files too, whatever their kind.
    case = tmp_path / "record-1.yaml"
    case.write_text(humanising.dumps(humanising.load_lines([records[1]]).__next__()), encoding="utf-8")
    code, _, err = invoke("classify", str(path), str(case))
    assert f"Warning: {case}: the id 'record-1' was read before" in err


@pytest.mark.parametrize("format_", ["json", "markdown", "html", "table", "qca"])
def test_a_report_that_holds_everything_refuses_more_than_its_limit(format_: str) -> None:
    code, out, err = invoke("classify", "-", "-f", format_, stdin=corpus(3), HUMANISING_MAX_REPORT="3")
    assert (code, err) == (0, "")
    assert out
    code, out, err = invoke("classify", "-", "-f", format_, stdin=corpus(4), HUMANISING_MAX_REPORT="3")
    assert (code, out) == (2, "")
    assert f"the {format_} report holds every verdict at once, so it takes at most 3 initiatives" in err
    assert "use -f jsonl" in err
    # Parts count: a programme is more than one initiative.
    code, _, err = invoke("classify", "-", "-f", format_, stdin=line_of(PROGRAMME), HUMANISING_MAX_REPORT="3")
    assert code == 2
    assert "use -f jsonl" in err


def test_streamed_formats_take_any_number() -> None:
    code, out, _ = invoke("classify", "-", "-f", "jsonl", stdin=corpus(5), HUMANISING_MAX_REPORT="3")
    assert code == 0
    assert len(out.splitlines()) == 5


def test_a_streamed_output_file_is_written_whole_and_not_at_all_without_a_good_record(tmp_path: Path) -> None:
    target = tmp_path / "verdicts.jsonl"
    code, out, _ = invoke("classify", "-", "-f", "jsonl", "-o", str(target), stdin=corpus(2))
    assert (code, out) == (0, "")
    assert [json.loads(line)["id"] for line in target.read_text(encoding="utf-8").splitlines()] == [
        "record-0",
        "record-1",
    ]
    assert [path.name for path in tmp_path.iterdir()] == ["verdicts.jsonl"]  # no temporary file left
    code, _, err = invoke("classify", "-", "-f", "jsonl", "-o", str(target), stdin=corpus(1))
    assert code == 1
    assert "already exists; use --force to replace it" in err
    nothing = tmp_path / "nothing.jsonl"
    code, _, _ = invoke("classify", "-", "-f", "jsonl", "-o", str(nothing), stdin="not json\n")
    assert code == 1
    assert not nothing.exists()


def test_json_lines_case_files_and_yaml_files_mix_in_the_order_given(tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    records.write_text(corpus(2), encoding="utf-8")
    case = tmp_path / "sleepwell.yaml"
    case.write_text(humanising.dumps(humanising.casebook.load("sleepwell")), encoding="utf-8")
    code, out, err = invoke("classify", str(case), str(records), "-f", "jsonl")
    assert (code, err) == (0, "")
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["sleepwell", "record-0", "record-1"]


# --- progress


class Terminal(io.StringIO):
    """Standard error as a terminal would be."""

    def isatty(self) -> bool:
        return True


def test_progress_is_never_shown_when_standard_error_is_not_a_terminal(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(corpus(3), encoding="utf-8")
    code, out, err = invoke("classify", str(path), "-f", "jsonl")
    assert (code, err) == (0, "")
    assert all(json.loads(line) for line in out.splitlines())


def test_progress_shows_records_done_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(corpus(3), encoding="utf-8")
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["classify", str(path), "-f", "jsonl"]) == 0
    shown = terminal.getvalue()
    assert "3 records" in shown
    assert "100%" in shown  # a file's size is known, so the bar has an end
    assert "/s" in shown  # the rate
    out = capsys.readouterr().out
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["record-0", "record-1", "record-2"]


# --- jobs


def test_two_jobs_write_what_one_job_writes(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(corpus(150) + "oops\n", encoding="utf-8")  # more than two chunks, and a bad line last
    one = invoke("classify", str(path), "-f", "jsonl")
    two = invoke("classify", str(path), "-f", "jsonl", "--jobs", "2")
    assert two == one
    assert one[0] == 1
    assert len(one[1].splitlines()) == 150
    assert invoke("classify", str(path), "-f", "csv", "-j", "2") == invoke("classify", str(path), "-f", "csv")


@pytest.fixture
def unsendable() -> Iterator[humanising.Model]:
    model = humanising.Model(
        id="unsendable",
        name="Unsendable",
        judge=lambda _initiative: humanising.Verdict.judge("unsendable", ()),
        summary="A lambda.",
        source="a test",
    )
    humanising.register_model(model)
    yield model
    humanising.unregister_model(model.id)


@pytest.mark.usefixtures("unsendable")
def test_a_model_that_cannot_reach_the_workers_gets_a_clear_error() -> None:
    code, out, err = invoke("classify", "-", "-f", "jsonl", "--jobs", "2", stdin=corpus(1))
    assert (code, out) == (2, "")
    assert "model 'unsendable' cannot be sent to worker processes" in err
    assert "not a lambda or a function defined in __main__" in err
    assert "Traceback" not in err
    code, out, _ = invoke("classify", "-", "-f", "jsonl", stdin=corpus(1))  # one job sends nothing
    assert code == 0


PLUGIN = """\
import humanising

def fits(initiative):
    return humanising.Verdict.judge("{model_id}", ())

MODEL = humanising.Model(id="{model_id}", name="{model_id}", judge=fits, summary="", source="a test")
"""

RUN = """\
import multiprocessing, sys
multiprocessing.set_start_method(sys.argv[1])
import humanising, runtime_model
humanising.register_model(runtime_model.MODEL)
from humanising.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("start_method", ["fork", "spawn", "forkserver"])
def test_plug_ins_and_models_registered_at_run_time_reach_the_workers(tmp_path: Path, start_method: str) -> None:
    """An entry-point plug-in and a model registered at run time judge in workers under every start method."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "stream_plugin.py").write_text(PLUGIN.format(model_id="plugged"), encoding="utf-8")
    (site / "runtime_model.py").write_text(PLUGIN.format(model_id="at_run_time"), encoding="utf-8")
    info = site / "stream_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: stream-plugin\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[humanising.models]\nplugged = stream_plugin:MODEL\n", encoding="utf-8")
    records = tmp_path / "records.jsonl"
    records.write_text(corpus(70), encoding="utf-8")  # more than one chunk
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), SRC])}

    def classify(*jobs: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-c", RUN, start_method, "classify", str(records), "-f", "jsonl", *jobs]
        return subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=300)  # noqa: S603

    one, two = classify(), classify("--jobs", "2")
    assert (two.returncode, two.stderr) == (0, "")
    assert two.stdout == one.stdout
    verdicts = [json.loads(line)["verdicts"] for line in two.stdout.splitlines()]
    assert len(verdicts) == 70
    assert all({"plugged", "at_run_time"} <= set(each) for each in verdicts)


# --- the ids seen


@given(st.lists(st.text(max_size=8)))
def test_an_id_is_new_exactly_the_first_time_it_is_added(ids: list[str]) -> None:
    seen = SeenIds()
    assert [seen.add(id_) for id_ in ids] == [id_ not in ids[:number] for number, id_ in enumerate(ids)]
    assert len(seen) == len(set(ids))
    assert all(id_ in seen for id_ in ids)


def test_the_ids_seen_outgrow_the_first_table() -> None:
    seen = SeenIds()
    ids = [f"record-{number}" for number in range(5000)]
    assert all(seen.add(id_) for id_ in ids)
    assert not any(seen.add(id_) for id_ in ids)
    assert "record-5000" not in seen
