"""What ``humanising classify -f jsonl`` costs over a corpus, against the floor of reading and writing JSON.

Run from the repository root (see benchmarks/README.md, "Streaming"):

    python benchmarks/stream.py                  # 100,000 records: end to end, then --jobs 2 against 1
    python benchmarks/stream.py --records 2000   # the same, smaller and quicker
    python benchmarks/stream.py --million        # also a million records through a pipe (hours)

Every judged figure is a ratio of two things measured in the same run. The command runs in a
subprocess; its wall time, CPU seconds and peak resident memory come from ``os.wait4``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402 - beside this file

FLOOR_SAMPLE = 500
"""Records whose floor is timed; the floor of the run is their mean times the records."""

TARGET_FLOOR = 4.0
TARGET_JOBS = 1.5
TARGET_RSS_MB = 150.0


class Run(NamedTuple):
    wall: float
    cpu: float
    peak_mb: float
    status: int


def _environment() -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path}


def classify(arguments: list[str], *, stdin: int | None = None, stdout: int = subprocess.DEVNULL) -> Run:
    """``python -m humanising classify ARGUMENTS`` in a fresh process, measured."""
    command = [sys.executable, "-m", "humanising", "classify", *arguments]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=stdin, stdout=stdout, env=_environment())
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in KiB on Linux; it covers the command and its workers (the largest of them).
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode)


def floor_per_record(lines: list[str], folder: Path) -> float:
    """Seconds a record costs at the floor: ``json.loads`` of its line, compact ``json.dumps`` of what was written."""
    sample = folder / "sample.jsonl"
    sample.write_text("".join(lines), encoding="utf-8")
    written = folder / "sample-out.jsonl"
    with written.open("wb") as out:
        run = classify([str(sample), "-f", "jsonl"], stdout=out.fileno())
    if run.status != 0:
        raise SystemExit(f"classify exited with {run.status} on the sample")
    by_record: dict[str, list[object]] = {}
    for line in written.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        by_record.setdefault(entry["part_of"] or entry["id"], []).append(entry)
    outputs = [by_record[json.loads(line)["id"]] for line in lines]
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    loads = json.loads
    best = float("inf")
    for _ in range(3):  # the least disturbed of three passes
        start = time.perf_counter()
        for line, entries in zip(lines, outputs, strict=True):
            loads(line)
            for entry in entries:
                dumps(entry)
        best = min(best, time.perf_counter() - start)
    return best / len(lines)


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} (CPUs usable: {len(os.sched_getaffinity(0))})"


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def end_to_end(records: int, folder: Path) -> None:
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as file:
        file.writelines(corpus.lines(records))
    print(f"corpus: {records:,} records, {path.stat().st_size / 1e6:.1f} MB, seed {corpus.DEFAULT_SEED}")
    print(f"load average before: {_load()}")
    sample = list(corpus.lines(min(FLOOR_SAMPLE, records)))
    per_record = floor_per_record(sample, folder)
    run = classify([str(path), "-f", "jsonl"])
    floor = per_record * records
    ratio = run.wall / floor
    print(
        f"end to end: {run.wall:.1f} s wall, {run.cpu:.1f} s CPU, peak RSS {run.peak_mb:.0f} MB; "
        f"floor {floor:.1f} s ({per_record * 1e6:.0f} µs a record); "
        f"ratio {ratio:.1f}x (target <= {TARGET_FLOOR:g}x: {_verdict(ratio <= TARGET_FLOOR)})"
    )
    one = classify([str(path), "-f", "jsonl", "--jobs", "1"])
    load_one = _load()
    two = classify([str(path), "-f", "jsonl", "--jobs", "2"])
    load_two = _load()
    speedup = one.wall / two.wall
    print(f"--jobs 1: {one.wall:.1f} s wall, {one.cpu:.1f} s CPU (load average after: {load_one})")
    print(
        f"--jobs 2: {two.wall:.1f} s wall, {two.cpu:.1f} s CPU, peak RSS {two.peak_mb:.0f} MB (load after: {load_two})"
    )
    judged = _verdict(speedup >= TARGET_JOBS)
    print(f"--jobs 2 speed-up: {speedup:.2f}x (target >= {TARGET_JOBS:g}x on a quiet machine: {judged})")
    if any(status != 0 for status in (run.status, one.status, two.status)):
        print(f"exit statuses (each should be 0): {run.status} {one.status} {two.status}")


def through_a_pipe(records: int) -> Run:
    """``corpus.py RECORDS | humanising classify - -f jsonl > /dev/null``: no corpus on disk."""
    generator = subprocess.Popen(
        [sys.executable, str(HERE / "corpus.py"), str(records)], stdout=subprocess.PIPE, env=_environment()
    )
    assert generator.stdout is not None
    try:
        run = classify(["-", "-f", "jsonl"], stdin=generator.stdout.fileno())
    finally:
        generator.stdout.close()
        generator.wait()
    return run


def million(records: int) -> None:
    print(f"load average before: {_load()}")
    small = through_a_pipe(10_000)
    print(f"pipe, 10,000 records: {small.wall:.0f} s wall, peak RSS {small.peak_mb:.0f} MB")
    large = through_a_pipe(records)
    flat = large.peak_mb <= small.peak_mb * 1.2
    print(
        f"pipe, {records:,} records: {large.wall:.0f} s wall, {large.cpu:.0f} s CPU, peak RSS {large.peak_mb:.0f} MB "
        f"(target < {TARGET_RSS_MB:g} MB: {_verdict(large.peak_mb < TARGET_RSS_MB)}; "
        f"within 20 % of 10,000 records': {_verdict(flat)})"
    )
    print(f"load average after: {_load()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000, help="records in the corpus (default 100,000)")
    parser.add_argument(
        "--million", nargs="?", type=int, const=1_000_000, default=0, metavar="N",
        help="also pipe N records (default a million) from the generator into the command",
    )  # fmt: skip
    parser.add_argument("--skip-corpus", action="store_true", help="only the pipe run (with --million)")
    arguments = parser.parse_args(argv)
    print(f"Python {sys.version.split()[0]}; {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="humanising-stream-") as folder:
        if not arguments.skip_corpus:
            end_to_end(arguments.records, Path(folder))
    if arguments.million:
        million(arguments.million)
    print(f"load average at the end: {_load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
