"""What loading costs: JSON Lines records read into initiatives, as a ratio to ``json.loads`` of the same lines.

Run from the repository root (see benchmarks/README.md):

    python benchmarks/load.py                  # 100,000 records of the seeded corpus, and the shipped cases
    python benchmarks/load.py --records 10000  # fewer records: faster, noisier
    python benchmarks/load.py --profile        # also print a cProfile of loading the corpus

The records are read in chunks; in each chunk, ``json.loads`` of every line, ``load_lines`` of the
same lines and structuring the parsed lines run one after the other, in an order rotated from
chunk to chunk. The shipped cases are also loaded with the fast path turned away (the careful
converter alone), which is what every record cost before it. A ratio is taken within each chunk and
the table shows the median. Times are the CPU time of the thread (collector on), so that on a
shared machine the time spent waiting for a CPU does not count. Timings never change the exit
status. This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import pstats
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import attrs
from bench import ROOT, Row, build_initiative, judged, load_average, print_table  # also puts src/ on the path

import humanising
from humanising import UNKNOWN, Fact, Initiative
from humanising._casefiles import _loading
from humanising._casefiles._converter import FORMATS
from humanising._casefiles._fast import NotFast

LOAD_RATIO_TARGET = 3.0
"""Loading a record, at most this many times ``json.loads`` of its line."""
LOAD_RATIO_STRETCH = 2.0
CHUNK = 200
"""Records timed together; each chunk gives one sample of each ratio."""
VARIANTS = 64
"""Distinct records the corpus is drawn from (each record gets its own id)."""


def _varied(template: Initiative, rng: random.Random, number: int) -> Initiative:
    """The template with its observations' and evidence's yes/no facts drawn at random (all stay valid)."""
    choices: tuple[Fact[Any], ...] = (Fact(True), Fact(False), Fact(UNKNOWN))

    def redrawn(facts: Any) -> Any:
        flags = [field.name for field in attrs.fields(type(facts)) if field.type in ("Fact[bool]", Fact[bool])]
        return attrs.evolve(facts, **{name: rng.choice(choices) for name in flags})

    return attrs.evolve(
        template,
        id=f"crisis-house-{number}",
        observations=redrawn(template.observations),
        evidence=redrawn(template.evidence),
        compulsion=rng.choice(choices),
        paid_employment=rng.choice(choices),
    )


def corpus(count: int, *, seed: int = 0) -> Iterator[str]:
    """``count`` JSON Lines records like bench.py's reference: 8 stakeholders, 5 stages, 4 relationships.

    Seeded: the same arguments give the same lines.
    """
    rng = random.Random(seed)
    template = build_initiative()
    variants = [humanising.unstructure(_varied(template, rng, number)) for number in range(VARIANTS)]
    for number in range(count):
        record = dict(variants[rng.randrange(VARIANTS)], id=f"crisis-house-{number}")
        yield json.dumps(record, ensure_ascii=False)


def shipped_lines() -> list[str]:
    """Every shipped case, parts included, as one JSON line each."""
    return [json.dumps(humanising.unstructure(case), ensure_ascii=False) for case in humanising.casebook.load_all()]


@contextmanager
def careful_only() -> Iterator[None]:
    """Loading with the fast path turned away at once: what every record cost before it."""

    def decline(_data: Any, _basis: Any) -> Initiative:
        raise NotFast

    kept = _loading.fast_structure
    _loading.fast_structure = decline
    try:
        yield
    finally:
        _loading.fast_structure = kept


def _json(lines: Sequence[str]) -> None:
    for line in lines:
        json.loads(line)


def _load(lines: Sequence[str]) -> None:
    for _ in humanising.load_lines(lines):
        pass


def _careful(lines: Sequence[str]) -> None:
    with careful_only():
        _load(lines)


def _structure(datas: Sequence[Any]) -> None:
    for data in datas:
        _loading.structure(data)


def _structure_careful(datas: Sequence[Any]) -> None:
    with careful_only():
        _structure(datas)


def _timed(run: Callable[[Any], None], argument: Any) -> float:
    # The CPU time of this thread: on a shared machine, time spent waiting for a CPU is not counted.
    gc.collect()
    start = time.thread_time()
    run(argument)
    return time.thread_time() - start


ON_LINES = {"json": _json, "load": _load, "careful": _careful}
ON_DATA = {"structure": _structure, "structure careful": _structure_careful}


def sample(chunks: Iterator[list[str]], *, careful: bool) -> dict[str, list[float]]:
    """Per chunk, each workload's time; the order of the workloads rotates from chunk to chunk."""
    names = [name for name in (*ON_LINES, *ON_DATA) if careful or "careful" not in name]
    samples: dict[str, list[float]] = {name: [] for name in names}
    for shift, lines in enumerate(chunks):
        datas = [json.loads(line) for line in lines]
        for name in names[shift % len(names) :] + names[: shift % len(names)]:
            if name in ON_LINES:
                samples[name].append(_timed(ON_LINES[name], lines))
            else:
                samples[name].append(_timed(ON_DATA[name], datas))
    return samples


def _chunked(lines: Iterator[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def rows_for(name: str, samples: dict[str, list[float]], records: int) -> list[Row]:
    def ratio(workload: str) -> float:
        return statistics.median(part / whole for part, whole in zip(samples[workload], samples["json"], strict=True))

    per_record = statistics.median(samples["json"]) / (records / len(samples["json"])) * 1e6
    rows = [
        Row(f"{name}: json.loads of a line", f"{per_record:.1f} us"),
        judged(f"{name}: load_lines / json.loads", ratio("load"), LOAD_RATIO_TARGET),
        judged(f"{name}: load_lines / json.loads (stretch)", ratio("load"), LOAD_RATIO_STRETCH),
        Row(f"{name}: structure after json.loads / json.loads", f"{ratio('structure'):.2f}x"),
    ]
    if "careful" in samples:
        rows += [
            Row(f"{name}: load_lines, careful path only / json.loads", f"{ratio('careful'):.2f}x"),
            Row(f"{name}: structure after json.loads, careful path only", f"{ratio('structure careful'):.2f}x"),
        ]
    return rows


def print_profile(lines: Sequence[str]) -> None:
    profile = cProfile.Profile()
    profile.runcall(_load, lines)
    pstats.Stats(profile).sort_stats("tottime").print_stats(20)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000, help="records of the seeded corpus (100,000)")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of loading the corpus")
    args = parser.parse_args(argv)
    print(f"load average {load_average()}; {args.records:,} records in chunks of {CHUNK}; from {ROOT}")
    _load(list(corpus(CHUNK)))  # warm-up: the converters and the fast functions are made on first use
    assert all(version in FORMATS for version in (1, 2))
    chunks = _chunked(corpus(args.records), CHUNK)
    rows = rows_for("corpus", sample(chunks, careful=False), args.records)
    # The shipped cases, fewer records, also with the careful path alone: what loading cost before.
    cases = shipped_lines()
    rounds = max(5, args.records // (100 * len(cases)))
    samples = sample(iter([cases * 10] * rounds), careful=True)
    rows += rows_for(f"shipped cases ({len(cases)})", samples, rounds * 10 * len(cases))
    print_table(rows)
    if args.profile:
        print_profile(list(corpus(5_000)))
    print(f"\nload average now {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
