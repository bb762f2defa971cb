"""Lossless round trips at volume: 10,000 generated initiatives through JSON and YAML text.

Deselected by default (the ``slow`` marker); run with ``pytest -m slow``.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

import humanising
from humanising import Initiative
from humanising import strategies as hst


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(hst.initiatives())
def test_ten_thousand_round_trips(initiative: Initiative) -> None:
    """Unknowns stay unknown; bases, notes and any unicode survive, in JSON and in YAML."""
    for format_ in ("json", "yaml"):
        assert humanising.loads(humanising.dumps(initiative, format=format_), format=format_) == (initiative,)
