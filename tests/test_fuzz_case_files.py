"""Random bytes and random damage to valid case files: only a CaseFileError may come out of loading."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import humanising
from _damage import damaged as _damaged
from humanising.exceptions import CaseFileError


def _load(text: str, format: str) -> None:  # noqa: A002 - the file's format
    try:
        humanising.loads(text, format=format, file="fuzzed")
    except CaseFileError as error:
        message = str(error)
    else:
        return
    assert message.startswith("fuzzed"), message


@given(st.text(max_size=200))
def test_random_text(text: str) -> None:
    """Any text, lone surrogates included, as YAML and as JSON: never anything but a CaseFileError."""
    _load(text, "yaml")
    _load(text, "json")


@given(st.binary(max_size=300))
def test_random_bytes(data: bytes) -> None:
    """Bytes decoded leniently, as YAML and as JSON: never anything but a CaseFileError."""
    text = data.decode("utf-8", errors="replace")
    _load(text, "yaml")
    _load(text, "json")


@given(_damaged(), st.integers(0, 400))
def test_damaged_case_files(data: Any, cut: int) -> None:
    """A damaged case, whole or truncated, in JSON and YAML: never anything but a CaseFileError."""
    text = json.dumps(data)
    _load(text, "json")
    _load(text[: len(text) * cut // 400], "json")
    yaml_text = humanising.dumps(humanising.Initiative(id="x", name="X"))  # a valid start, then the damage as YAML
    _load(yaml_text + "\n" + text[:cut], "yaml")
    _load(text, "yaml")  # JSON is (nearly) YAML too
