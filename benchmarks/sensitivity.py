"""What ``humanising.sensitivity`` costs beyond judging each of its alternatives once, as a same-run ratio.

For every shipped case, one repeat times ``sensitivity(case)`` and, a moment later, judging
``considered`` fresh copies of the case (every built-in model and ``humanises``, as
``sensitivity`` does for each alternative; the copies are made before the clock starts). Their
ratio is what enumerating the single-fact alternatives and building each as a valid initiative
adds to judging them. The figure is the median over repeats of the ratio summed over the
casebook, so that the load of a shared machine hits both sides alike.

    python benchmarks/sensitivity.py            # five repeats
    python benchmarks/sensitivity.py --quick    # two repeats

It is a benchmark, not a test: the exit status is 0 whatever the timings.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import attrs

import humanising
from humanising.models import BUILTIN_MODELS

RATIO_TARGET = 1.5
"""At most this many times the cost of judging its alternatives once each."""


def judge(initiative: humanising.Initiative, registry: humanising.Registry) -> None:
    humanising.classify(initiative, models=registry)
    humanising.humanises(initiative)


def repeat(cases: tuple[humanising.Initiative, ...], registry: humanising.Registry) -> tuple[float, float, int]:
    """One repeat over the casebook: seconds in sensitivity, seconds judging as many fresh copies, and how many."""
    spent = judged = 0.0
    count = 0
    for case in cases:
        gc.collect()
        start = time.perf_counter()
        considered = humanising.sensitivity(case, models=registry)[0].considered
        spent += time.perf_counter() - start
        copies = [attrs.evolve(case) for _ in range(considered)]
        gc.collect()
        start = time.perf_counter()
        for copy in copies:
            judge(copy, registry)
        judged += time.perf_counter() - start
        count += considered
    return spent, judged, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="two repeats instead of five")
    args = parser.parse_args(argv)
    registry = humanising.Registry(BUILTIN_MODELS)
    cases = humanising.casebook.load_all()
    for case in cases:  # warm-up: lazy imports and the models' first use are not measured
        judge(attrs.evolve(case), registry)
    runs = [repeat(cases, registry) for _ in range(2 if args.quick else 5)]
    ratios = [spent / judged for spent, judged, _ in runs]
    ratio = statistics.median(ratios)
    spent = statistics.median(run[0] for run in runs)
    print(f"shipped cases: {len(cases)}, single-fact alternatives judged: {runs[0][2]}")
    print(f"sensitivity over the casebook: {spent:.2f} s (median of {len(runs)} repeats)")
    verdict = "PASS" if ratio <= RATIO_TARGET else "FAIL"
    print(f"sensitivity / judging its alternatives once each: {ratio:.2f}x (target <= {RATIO_TARGET:g}x) {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
