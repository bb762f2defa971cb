"""Run mutmut's mutants again, each in a fresh process, against a chosen set of tests.

mutmut switches a mutant on inside a running test process, after the package is imported,
so a function the package calls while it is imported (to build a framework's steps, a
crosswalk's wording or a barrier's readers) always runs unmutated, and its mutants are
reported as survivors whatever the tests say. Its trampolines read ``MUTANT_UNDER_TEST``
each time a mutated function is called, so in a fresh process started with that variable
set the mutant is on from the first import. This script does that for each mutant named,
or for each one a ``mutmut run`` left surviving or untested, and says which the tests
kill.

Run it from the repository after ``mutmut run`` has written ``mutants/``::

    python tests/recheck_mutants.py "humanising._reasoning._crosswalks*"
    python tests/recheck_mutants.py --tests tests/test_claims.py "humanising._reasoning._claims*"

A test that passes without any mutant is required first, so a selection that fails for
another reason cannot be read as killing everything. Each mutant gets ten times that
first run's time, and at least a minute, before it counts as timed out.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
# The tests that read, word for word, what each part of the reasoning layer gives.
_FRAMEWORK_TESTS = (
    "tests/test_golden_frameworks.py",
    "tests/test_frameworks.py",
    "tests/test_frameworks_bovaird.py",
    "tests/test_compare.py",
)
_VERDICT_TESTS = ("tests/test_golden_reasons.py", "tests/test_golden.py", "tests/test_models.py")
TESTS_FOR: dict[str, tuple[str, ...]] = {
    "humanising._reasoning._claim": ("tests/test_golden_claims.py", "tests/test_claims.py"),
    "humanising._reasoning._framework": _FRAMEWORK_TESTS,
    "humanising._reasoning._crosswalks": _FRAMEWORK_TESTS,
    "humanising._reasoning._comparison": _FRAMEWORK_TESTS,
    "humanising._reasoning._look": (*_VERDICT_TESTS, "tests/test_evidence_laws.py"),
    "humanising._reasoning._index": (
        *_VERDICT_TESTS,
        "tests/test_evidence_laws.py",
        "tests/test_contributor_helpers.py",
    ),
    "humanising._reasoning._barriers": ("tests/test_golden_reasons.py", "tests/test_transformative.py"),
    "humanising.models": _VERDICT_TESTS,
}
_NOT_KILLED = {0: "survived", 33: "no tests"}  # mutmut's exit codes for a mutant no test failed on


def left_by_mutmut(patterns: Sequence[str], *, every: bool = False) -> list[str]:
    """The mutants the patterns name that a ``mutmut run`` left surviving or untested (with ``every``, all)."""
    names = []
    for meta in sorted((MUTANTS / "src").rglob("*.meta")):
        exit_codes: dict[str, int | None] = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        names += [name for name, code in exit_codes.items() if every or code in _NOT_KILLED]
    return [name for name in names if any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)]


def tests_for(name: str) -> tuple[str, ...]:
    """The default tests for a mutant: those of the longest module prefix it starts with."""
    prefix = max((prefix for prefix in TESTS_FOR if name.startswith(prefix)), key=len, default=None)
    if prefix is None:
        msg = f"no default tests for {name}; name them with --tests"
        raise SystemExit(msg)
    return TESTS_FOR[prefix]


def run(mutant: str, tests: Sequence[str], timeout: float | None) -> tuple[str, float]:
    """Run the tests with one mutant on (none for ``""``): the outcome and the seconds it took."""
    env = {**os.environ, "MUTANT_UNDER_TEST": mutant, "PYTHONPATH": "src"}
    env.setdefault("HYPOTHESIS_PROFILE", "dev")
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests]
    start = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=MUTANTS, env=env, capture_output=True, timeout=timeout, check=False)  # noqa: S603 - our own interpreter and arguments
    except subprocess.TimeoutExpired:
        return "timed out", time.perf_counter() - start
    return ("survived" if done.returncode == 0 else "killed"), time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("patterns", nargs="+", help="mutant names or fnmatch patterns, as mutmut prints them")
    parser.add_argument("--tests", nargs="+", help="the tests to run (default: by module, see TESTS_FOR)")
    parser.add_argument(
        "--every",
        action="store_true",
        help="run every mutant named, not only those mutmut left (after the source changed, mutmut keeps "
        "a result by mutant name, and a renumbered mutant may carry another's)",
    )
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at once (default 2)")
    arguments = parser.parse_args(argv)
    if not MUTANTS.is_dir():
        parser.error("no mutants/ here: run `mutmut run` first")
    # mutmut copies the tests once, when it first makes mutants/; check against the tests as they are now.
    shutil.rmtree(MUTANTS / "tests")
    shutil.copytree(ROOT / "tests", MUTANTS / "tests")
    mutants = left_by_mutmut(arguments.patterns, every=arguments.every)
    plan = {mutant: tuple(arguments.tests) if arguments.tests else tests_for(mutant) for mutant in mutants}
    timeouts = {}
    for tests in sorted(set(plan.values())):
        outcome, seconds = run("", tests, timeout=None)
        if outcome != "survived":
            parser.error(f"the tests fail with no mutant on: {' '.join(tests)}")
        timeouts[tests] = max(60.0, 10 * seconds)
    which = "mutants" if arguments.every else "mutants left by mutmut"
    sys.stdout.write(f"{len(mutants)} {which} among {' '.join(arguments.patterns)}\n")
    outcomes: dict[str, str] = {}
    with ThreadPoolExecutor(arguments.jobs) as pool:
        for mutant, outcome in zip(
            mutants, pool.map(lambda m: run(m, plan[m], timeouts[plan[m]])[0], mutants), strict=True
        ):
            outcomes[mutant] = outcome
            if outcome != "killed":
                sys.stdout.write(f"{outcome}: {mutant}\n")
                sys.stdout.flush()
    by_module: dict[str, Counter[str]] = {}
    for mutant, outcome in outcomes.items():
        by_module.setdefault(mutant[: mutant.index(".x")], Counter())[outcome] += 1
    for module, counts in sorted(by_module.items()):
        sys.stdout.write(f"{module}: " + ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items())) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
