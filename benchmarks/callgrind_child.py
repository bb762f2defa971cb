"""One workload for ``bench.py --instructions``, run under valgrind callgrind.

    python benchmarks/callgrind_child.py TARGET WORKLOAD ROUNDS

TARGET is ``reference``, ``2x``, ``4x``, ``8x`` or ``cases``; WORKLOAD is ``copies`` (make the
fresh copies and nothing else), ``naive``, ``classify`` or ``reasons``. Every run does the same
set-up and warm-up, then makes ROUNDS rounds of fresh copies of the target, so that the
difference between two runs is the workload alone.
"""

from __future__ import annotations

import gc
import sys

import bench


def main(target: str, workload: str, rounds: int) -> None:
    templates = bench.templates_of(target)
    bench.warm_up(templates)
    batch = bench.fresh_copies(templates, rounds)
    gc.collect()
    if workload == "copies":
        return
    run = bench.WORKLOADS[workload]
    for initiative in batch:
        run(initiative)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
