"""Shared test set-up: hypothesis settings profiles, the tests folder on ``sys.path``, and what not to collect.

Profiles:

- ``dev`` (the default): 25 examples, for a fast edit-test loop.
- ``thorough``: 200 examples, for a close look before a release.
- ``coverage``: 60 examples; ``.ci/run`` selects it with ``HYPOTHESIS_PROFILE=coverage``.
  CI runs the suite under the branch-coverage tracer, which makes each example about three
  times as dear, so it runs under a third of ``thorough``'s count to stay within its time
  budget. The laws plant their boundary cases (see their ``event`` statistics), so the cases
  they are about still occur in a good share of 60 examples.
- ``long``: 20,000 examples, for an on-demand fuzzing run of ``tests/test_fuzz_case_files.py``.

None has a deadline: the first examples pay for lazy set-up (the model
registry, strategy validation), which would make a per-example deadline flaky.

Choose one with the ``HYPOTHESIS_PROFILE`` environment variable. Hypothesis also
registers a ``ci`` profile of its own, used when ``CI`` is set; CI here selects
``coverage`` explicitly, so that does not matter.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import Phase, settings

# No explain phase: on initiatives, which are large composite examples, it can take
# minutes per failing test; the shrunk example is readable without its comments.
_PHASES = tuple(phase for phase in Phase if phase is not Phase.explain)

settings.register_profile("dev", max_examples=25, deadline=None, phases=_PHASES)
settings.register_profile("thorough", max_examples=200, deadline=None, phases=_PHASES)
settings.register_profile("coverage", max_examples=60, deadline=None, phases=_PHASES)
# On demand only, for a long fuzzing run: HYPOTHESIS_PROFILE=long pytest tests/test_fuzz_case_files.py
settings.register_profile("long", max_examples=20_000, deadline=None, phases=_PHASES)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

# pytest runs with --import-mode=importlib, which leaves sys.path alone; the test
# helpers (``_settle``) are plain modules in this folder.
_TESTS = str(Path(__file__).resolve().parent)
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

# The typing tests are for mypy only: they are never run, and some of their lines are
# meant to fail (--doctest-modules would otherwise import them).
collect_ignore = ["typing"]


# --- a headless Debian chromium, shared by the browser tests (the HTML report, the docs site)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    # The machine's network is closed: without these, chromium keeps trying to reach Google.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable(reason: str) -> None:
    # CI sets HUMANISING_REQUIRE_BROWSER=1 so that a missing browser fails instead of skipping.
    if os.environ.get("HUMANISING_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}, and HUMANISING_REQUIRE_BROWSER=1 requires the browser tests to run", pytrace=False)
    pytest.skip(f"{reason} (install it with: apt-get install -y chromium)")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium, driven by playwright; skipped (or failed, in CI) when either is missing."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()
