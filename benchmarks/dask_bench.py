"""One machine: ``classify_many`` with worker processes against Dask's local cluster, over the same JSON Lines.

Run from the repository root, with the ``dask`` extra installed (see benchmarks/README.md):

    python benchmarks/dask_bench.py                  # 20,000 records of the seeded corpus, 2 workers
    python benchmarks/dask_bench.py --records 5000   # fewer records: faster, noisier
    python benchmarks/dask_bench.py --workers 4

The corpus is that of ``load.py`` (records like the reference initiative), written to
``--files`` JSON Lines files in a temporary folder. Each repeat runs, in an order rotated from
repeat to repeat: ``classify_many(load_lines(...))`` in this process (``jobs=1``), the same with
``jobs=N``, and ``dask.bag.read_text(...).map(humanising.classify_line)`` on a ``LocalCluster`` of
N single-threaded worker processes started once (its start-up is reported on its own row). Each
way keeps each model's fit as text (``fits``): what a run over many files would keep, and all
that crosses back from a Dask worker. The table shows the median wall time and each way's ratio
to ``jobs=1``, repeat by repeat. Timings never change the exit status. This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from bench import Row, load_average, print_table
from load import corpus  # also puts src/ on the path (through bench)

import humanising


def write_corpus(folder: Path, records: int, files: int) -> list[Path]:
    paths = [folder / f"part-{number:02}.jsonl" for number in range(files)]
    streams = [path.open("w", encoding="utf-8") for path in paths]
    for number, line in enumerate(corpus(records)):
        streams[number * files // records].write(line + "\n")  # consecutive records, files in order
    for stream in streams:
        stream.close()
    return paths


def fits(verdicts: Mapping[str, humanising.Verdict]) -> dict[str, str]:
    """Each model's fit as text: what a run over many files keeps, and all that crosses between processes."""
    return {model: verdict.fit.value for model, verdict in verdicts.items()}


def here(paths: Sequence[Path], jobs: int) -> int:
    read = (initiative for path in paths for initiative in humanising.load_lines(path))
    return sum(1 for _ in map(fits, humanising.classify_many(read, jobs=jobs)))


def main(argv: Sequence[str] | None = None) -> int:
    import dask.bag
    from distributed import Client, LocalCluster

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000, help="records of the seeded corpus (20,000)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes for both ways (2)")
    parser.add_argument("--files", type=int, default=8, help="JSON Lines files the corpus is split into (8)")
    parser.add_argument("--repeats", type=int, default=3, help="repeats (3)")
    args = parser.parse_args(argv)
    print(f"load average {load_average()}; {args.records:,} records in {args.files} files, {args.workers} workers")
    with tempfile.TemporaryDirectory() as folder:
        paths = write_corpus(Path(folder), args.records, args.files)
        started = time.perf_counter()
        cluster = LocalCluster(processes=True, n_workers=args.workers, threads_per_worker=1, dashboard_address=None)
        client = Client(cluster)
        start_up = time.perf_counter() - started
        try:
            bag = (
                dask.bag.read_text([str(path) for path in paths])
                .filter(str.strip)
                .map(humanising.classify_line)
                .map(fits)
            )
            ways: dict[str, Callable[[], int]] = {
                "classify_many, jobs=1": lambda: here(paths, 1),
                f"classify_many, jobs={args.workers}": lambda: here(paths, args.workers),
                f"dask.bag on LocalCluster, {args.workers} workers": lambda: len(bag.compute()),
            }
            for way in ways.values():  # warm-up: imports, registries, the workers' first tasks
                way()
            times: dict[str, list[float]] = {name: [] for name in ways}
            names = list(ways)
            for repeat in range(args.repeats):
                for name in names[repeat % len(names) :] + names[: repeat % len(names)]:
                    began = time.perf_counter()
                    counted = ways[name]()
                    times[name].append(time.perf_counter() - began)
                    assert counted == args.records, (name, counted)
        finally:
            client.close()
            cluster.close()
    single = names[0]
    rows = [Row("LocalCluster start-up", f"{start_up:.2f} s")]
    for name in names:
        ratio = statistics.median(t / s for t, s in zip(times[name], times[single], strict=True))
        per = statistics.median(times[name]) / args.records * 1e6
        rows.append(Row(name, f"{statistics.median(times[name]):.2f} s, {per:.0f} us/record, {ratio:.2f}x jobs=1"))
    print_table(rows)
    print(f"\nload average now {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
