"""The Dask recipe: the same pure functions over JSON Lines files, on a local cluster of processes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask.bag
import pytest
from distributed import Client, LocalCluster

import humanising
from _dask_plugins import PEERS, RegisterModels
from humanising.exceptions import CaseFileError

CASES = humanising.casebook.load_all()


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    """Two JSON Lines files of the shipped cases (ids made unique), with a blank line in each."""
    written = []
    for number in range(2):
        lines = [
            json.dumps(humanising.unstructure(case) | {"id": f"copy{number}{copy}-{case.id}"})
            for copy in range(3)
            for case in CASES
        ]
        path = tmp_path / f"cases-{number}.jsonl"
        path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
        written.append(path)
    return written


def _here(files: list[Path], models: list[humanising.Model] | None = None) -> list[dict[str, humanising.Verdict]]:
    read = (initiative for file in files for initiative in humanising.load_lines(file))
    return [dict(verdicts) for verdicts in humanising.classify_many(read, models=models)]


def _bag(tmp_path: Path) -> Any:  # a dask.bag.Bag, whose methods are untyped
    return dask.bag.read_text(str(tmp_path / "*.jsonl")).filter(str.strip)


@pytest.mark.usefixtures("client", "files")
def test_a_bag_of_lines_gives_the_verdicts_classify_many_gives(tmp_path: Path) -> None:
    """Each line classified on a worker: the verdicts, reasons and all, and their order, are those of one process."""
    there = [dict(verdicts) for verdicts in _bag(tmp_path).map(humanising.classify_line).compute()]
    here = _here(sorted(tmp_path.glob("*.jsonl")))
    assert len(there) == 2 * 3 * len(CASES)
    assert there == here
    assert [[c.reason for v in verdicts.values() for c in v.criteria] for verdicts in there] == [
        [c.reason for v in verdicts.values() for c in v.criteria] for verdicts in here
    ]


@pytest.mark.usefixtures("files")
def test_a_model_registered_at_run_time_reaches_the_workers_through_a_plugin(client: Client, tmp_path: Path) -> None:
    """Without the plugin the workers know only the installed models; with it, they judge by the new one too."""
    before = _bag(tmp_path).map(humanising.classify_line).compute()
    assert all("peers" not in verdicts for verdicts in before)
    client.register_plugin(RegisterModels(PEERS))
    try:
        there = [dict(verdicts) for verdicts in _bag(tmp_path).map(humanising.classify_line).compute()]
    finally:
        client.unregister_worker_plugin(RegisterModels.name)
    assert there == _here(sorted(tmp_path.glob("*.jsonl")), models=[*humanising.registered_models(), PEERS])
    assert {verdicts["peers"].fit.value for verdicts in there} == {"fits", "does not fit"}


@pytest.mark.usefixtures("client")
def test_a_bad_line_names_its_file_and_path(tmp_path: Path) -> None:
    """A record that is not valid fails its task with the loader's error, raised here."""
    (tmp_path / "bad.jsonl").write_text('{"id": "Bad Id", "name": "X"}\n', encoding="utf-8")
    bag = _bag(tmp_path).map(humanising.classify_line, file="bad.jsonl")
    with pytest.raises(CaseFileError, match=r"bad\.jsonl.*\$\.id: expected an id"):
        bag.compute()


def test_a_case_file_error_pickles_whole() -> None:
    """What a worker raises arrives as it was: the same errors, each with its file, path and line."""
    import pickle

    with pytest.raises(CaseFileError) as raised:
        humanising.loads('{"id": "x", "name": 3, "summary": 4}', format="json", file="case.json")
    sent = pickle.loads(pickle.dumps(raised.value))  # noqa: S301 - our own error, made just above
    assert type(sent) is CaseFileError
    assert str(sent) == str(raised.value)
    assert len(sent.errors) == len(raised.value.errors) == 2
    assert [(e.file, e.path, e.expected, e.line, e.column) for e in sent.errors] == [
        (e.file, e.path, e.expected, e.line, e.column) for e in raised.value.errors
    ]
