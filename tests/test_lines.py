"""JSON Lines in, verdicts out, one record at a time: lazily, with each bad line reported by number."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given

import humanising
from humanising import strategies as hst
from humanising.exceptions import CaseFileError


def line_of(initiative: humanising.Initiative) -> str:
    return json.dumps(humanising.unstructure(initiative), separators=(",", ":")) + "\n"


CASES = [humanising.casebook.load(case_id) for case_id in humanising.casebook.ids()]


def test_the_casebook_round_trips_through_json_lines(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(line_of(case) for case in CASES) + "\n\n", encoding="utf-8")
    assert list(humanising.load_lines(corpus)) == CASES
    with corpus.open(encoding="utf-8") as file:  # an open file, as standard input would be
        assert [initiative.id for initiative in humanising.load_lines(file)] == [case.id for case in CASES]


@given(hst.initiatives())
def test_any_initiative_round_trips_through_a_line(initiative: humanising.Initiative) -> None:
    assert list(humanising.load_lines([line_of(initiative)])) == [initiative]


def _counted(lines: list[str], pulled: list[int]) -> Iterator[str]:
    for line in lines:
        pulled.append(1)
        yield line


def test_a_generator_is_read_only_as_far_as_results_are_asked_for() -> None:
    pulled: list[int] = []
    lines = [line_of(case) for case in CASES]
    verdicts = humanising.classify_many(humanising.load_lines(_counted(lines, pulled)))
    assert pulled == []  # nothing is read before the first result is asked for
    first = next(verdicts)
    assert first["coproduction"].fit is humanising.classify(CASES[0])["coproduction"].fit
    assert len(pulled) == 1
    next(verdicts)
    assert len(pulled) == 2
    analyses = humanising.analyse_many(iter(CASES))
    assert next(analyses).initiative == CASES[0]


def test_a_bad_line_is_reported_by_its_number_and_the_rest_is_read() -> None:
    lines = [
        line_of(CASES[0]),
        '{"id": "Bad Id", "name": "X"}\n',
        "\n",
        "not json\n",
        "[1, 2]\n",
        line_of(CASES[1]),
    ]
    errors: list[CaseFileError] = []
    read = list(humanising.load_lines(lines, on_error=errors.append))
    assert [initiative.id for initiative in read] == [CASES[0].id, CASES[1].id]
    assert [error.line for error in errors] == [2, 4, 5]
    assert errors[0].path == "$.id"
    assert "expected one initiative (a mapping) on each line" in errors[2].expected
    with pytest.raises(CaseFileError) as caught:
        list(humanising.load_lines(lines))
    assert caught.value.line == 2
    assert str(caught.value).startswith("<lines>:2:")


def test_every_problem_of_a_line_is_on_that_line() -> None:
    line = '{"id": "x", "name": "X", "place": 3, "period": 4}\n'
    errors: list[CaseFileError] = []
    list(humanising.load_lines(["\n", "\n", line], on_error=errors.append))
    (error,) = errors
    assert [(each.line, each.path) for each in error.errors] == [(3, "$.place"), (3, "$.period")]


def test_an_over_long_line_is_refused_without_being_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUMANISING_MAX_BYTES", "100")
    errors: list[CaseFileError] = []
    long = json.dumps({"id": "x", "name": "y" * 200}) + "\n"
    (kept,) = humanising.load_lines([long, '{"id": "ok", "name": "Ok"}\n'], on_error=errors.append)
    assert kept.id == "ok"
    assert "at most 100 characters" in errors[0].expected
    assert errors[0].line == 1


def test_a_file_that_is_not_utf8_or_not_there_gets_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.jsonl"
    with pytest.raises(CaseFileError, match="expected a readable JSON Lines file"):
        list(humanising.load_lines(missing))
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(line_of(CASES[0]).encode() + b'{"id": "x", "name": "caf\xe9"}\n')
    with pytest.raises(CaseFileError, match="expected UTF-8 text, got the byte 0xe9") as caught:
        list(humanising.load_lines(latin))
    assert caught.value.file == str(latin)


def _corpus(count: int) -> Iterator[str]:
    """``count`` records made one at a time from the shipped cases under fresh ids: never held at once."""
    templates = [humanising.unstructure(case) for case in CASES if not case.parts]
    for number in range(count):
        record = dict(templates[number % len(templates)])
        record["id"] = f"record-{number}"
        yield json.dumps(record, separators=(",", ":")) + "\n"


def _peak(count: int) -> int:
    import tracemalloc

    tracemalloc.start()
    try:
        for verdicts in humanising.classify_many(humanising.load_lines(_corpus(count))):
            assert verdicts  # each result is made and let go
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_memory_stays_flat_from_twenty_thousand_records_to_two_hundred_thousand() -> None:
    """Streaming holds one record at a time: ten times the records, at most 1 MiB more at the peak.

    On demand (``pytest -m slow tests/test_lines.py``): about 30 minutes on a 2-core machine
    (1,780 s measured), as tracemalloc slows everything it traces.
    """
    small = _peak(20_000)
    large = _peak(200_000)
    assert large <= small + 1024 * 1024, (small, large)


def _peers_lead(initiative: humanising.Initiative) -> humanising.Verdict:
    from humanising.models import FALSE, TRUE, CriterionSpec, Verdict, criterion

    spec = CriterionSpec("peers_lead", True, "Peers lead it.")
    led = any(p.involvement == "leads" for p in initiative.participations)
    return Verdict.judge("peers", (criterion(spec, TRUE if led else FALSE, lambda status: f"Peers lead: {status}."),))


PEERS = humanising.Model(id="peers", name="Peers", judge=_peers_lead, summary="Peers lead.", source="a test")
"""A model registered at run time, defined at a module's top level: importable by its name, so it reaches workers."""


@pytest.mark.parametrize("start_method", ["fork", "spawn", "forkserver"])
def test_workers_give_the_same_verdicts_in_the_same_order_under_every_start_method(start_method: str) -> None:
    """Chunks go to worker processes and come back in order; a model registered at run time reaches them."""
    corpus = [*CASES * 12]  # more than one chunk
    models = [*humanising.registered_models(), PEERS]
    here = [dict(verdicts) for verdicts in humanising.classify_many(corpus, models=models)]
    there = [
        dict(verdicts)
        for verdicts in humanising.classify_many(corpus, models=models, jobs=2, start_method=start_method)
    ]
    assert there == here
    assert [verdicts["peers"].fit for verdicts in there] == [verdicts["peers"].fit for verdicts in here]


def test_a_model_that_cannot_reach_the_workers_gets_a_clear_error() -> None:
    from humanising.exceptions import RegistrationError

    def local(initiative: humanising.Initiative) -> humanising.Verdict:  # not importable by its name
        return _peers_lead(initiative)

    local_model = humanising.Model(id="local", name="Local", judge=local, summary="", source="")
    with pytest.raises(RegistrationError, match="cannot be sent to worker processes"):
        next(humanising.classify_many(CASES, models=[local_model], jobs=2))
    assert next(humanising.classify_many(CASES, models=[local_model]))  # one process needs no sending


def test_jobs_must_be_a_whole_number() -> None:
    with pytest.raises(ValueError, match="jobs must be a whole number"):
        humanising.classify_many(CASES, jobs=-1)
    from humanising._running._many import usable_cpus

    assert usable_cpus() >= 1
