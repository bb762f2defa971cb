"""Hostile and broken input: every kind gets a clear error naming the file, or is accepted; none crashes or hangs.

Each kind is one file, made at test time, run through ``humanising.load_file`` and
through the ``validate``, ``explain`` and ``classify`` commands.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

import humanising
from humanising.cli import main
from humanising.exceptions import CaseFileError

_VALID = "id: x\nname: X\n"


def _bomb(levels: int) -> str:
    lines = ["a0: &a0 [" + ",".join(["lol"] * 9) + "]"]
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels + 1)]
    return "\n".join(lines) + f"\nid: x\nname: X\nstakeholders: *a{levels}\n"


def _nested_parts(depth: int) -> str:
    data: dict[str, object] = {"id": "p0", "name": "P"}
    current = data
    for level in range(1, depth + 1):
        part: dict[str, object] = {"id": f"p{level}", "name": "P"}
        current["parts"] = [part]
        current = part
    return json.dumps(data)


def _write(name: str, content: str | bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return make


def _link(name: str, target: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.symlink_to(target)
        return path

    return make


def _directory(folder: Path) -> Path:
    path = folder / "folder.yaml"
    path.mkdir()
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.yaml"
    os.mkfifo(path)
    return path


ACCEPTED = "accepted"

KINDS: dict[str, tuple[Callable[[Path], Path], str]] = {
    # kind: (how to make the file, the expected outcome: accepted, or a fragment of the error)
    "a UTF-8 byte-order mark, YAML": (_write("bom.yaml", b"\xef\xbb\xbf" + _VALID.encode()), ACCEPTED),
    "a UTF-8 byte-order mark, JSON": (_write("bom.json", b'\xef\xbb\xbf{"id": "x", "name": "X"}'), ACCEPTED),
    "a merge key": (_write("merge.yaml", "base: &b {name: X}\n<<: *b\nid: x\n"), "unexpected key(s) base"),
    "a 10 MB string": (_write("long.yaml", "id: x\nname: " + "a" * 10_000_000 + "\n"), ACCEPTED),
    "an empty file": (_write("empty.yaml", ""), "got an empty document"),
    "only comments": (_write("comments.yaml", "# nothing\n# here\n"), "got an empty document"),
    "malformed YAML": (_write("bad.yaml", "id: [x\n"), "expected valid YAML"),
    "malformed JSON": (_write("bad.json", '{"id": "x",'), "expected valid JSON"),
    "Latin-1 bytes": (_write("latin1.yaml", b"id: x\nname: caf\xe9\n"), "is not UTF-8"),
    "UTF-16 without a mark": (_write("utf16.yaml", _VALID.encode("utf-16-le")), "is it UTF-16"),
    "binary junk": (_write("junk.yaml", bytes(range(256)) * 4), "expected"),
    "a top-level scalar": (_write("scalar.yaml", "42\n"), "got 42"),
    "a list of scalars": (_write("scalars.json", "[1, 2]"), "item 0 is 1"),
    "an unknown tag": (_write("tag.yaml", "id: !!python/object:os.system x\nname: X\n"), "expected valid YAML"),
    "a misspelt required key": (
        _write(
            "misspelt.yaml",
            "id: x\nname: X\nstakeholders:\n  - {id: a, name: A, identities: [service_user]}\n"
            "participations:\n  - {stakeholder: a, stage: design, involvment: partner, capacity: service_user}\n",
        ),
        "involvment (did you mean 'involvement'?)",
    ),
    "a tab in the indentation": (_write("tab.yaml", "id: x\nname: X\n\tplace: y\n"), "not tabs"),
    "an unquoted ': ' in a value": (_write("colon.yaml", "id: x\nname: a: b\n"), "must be in quotes"),
    "an undefined stakeholder": (
        _write(
            "dangling.yaml",
            "id: x\nname: X\nstakeholders:\n  - {id: peers, name: P, identities: [service_user]}\n"
            "participations:\n  - {stakeholder: zz, stage: design, involvement: partner, capacity: service_user}\n",
        ),
        "got 'zz' (defined: peers)",
    ),
    "a duplicate id": (
        _write(
            "dup.yaml",
            "id: x\nname: X\nstakeholders:\n  - {id: a, name: A, identities: [carer]}\n"
            "  - {id: b, name: B, identities: [carer]}\n  - {id: a, name: C, identities: [carer]}\n",
        ),
        "dup.yaml:6:6: $.stakeholders[2].id: expected ids that are unique",
    ),
    "a duplicate key": (_write("twice.yaml", "id: x\nid: y\nname: X\n"), "'id' is written twice"),
    "JSON nested 5,000 deep": (_write("deep.json", "[" * 5000 + "]" * 5000), "nested at most"),
    "YAML nested 5,000 deep": (_write("deep.yaml", "[" * 5000 + "]" * 5000), "expected valid YAML"),
    "parts nested 400 deep": (_write("parts.json", _nested_parts(400)), "parts nested at most"),
    "a 5,000-digit integer, YAML": (_write("int.yaml", "id: x\nname: " + "1" * 5000 + "\n"), "thousands of digits"),
    "a 5,000-digit integer, JSON": (_write("int.json", '{"id": "x", "name": ' + "1" * 5000 + "}"), "thousands"),
    "an alias bomb, 8 levels": (_write("bomb.yaml", _bomb(8)), "once its aliases are expanded"),
    "a missing file": (lambda folder: folder / "missing.yaml", "no such file"),
    "a directory": (_directory, "is a directory"),
    "a link to /dev/zero": (_link("zero.yaml", "/dev/zero"), "expected a regular file"),
    "a FIFO": (_fifo, "expected a regular file"),
    "a 20 MB file": (_write("huge.yaml", "id: x\nname: " + "a" * 20_000_000 + "\n"), "HUMANISING_MAX_BYTES"),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_load_file(kind: str, tmp_path: Path) -> None:
    make, expected = KINDS[kind]
    path = make(tmp_path)
    if expected == ACCEPTED:
        assert humanising.load_file(path)
        return
    with pytest.raises(CaseFileError) as caught:
        humanising.load_file(path)
    assert expected in str(caught.value)
    assert str(caught.value).startswith(str(path))


@pytest.mark.parametrize("command", ["validate", "explain", "classify"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_commands(kind: str, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make, expected = KINDS[kind]
    path = make(tmp_path)
    code = main([command, str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    if expected == ACCEPTED:
        assert code == 0, err
    else:
        assert code == 1, out + err
        # A command reads a directory as the case files in it; an empty one holds none.
        assert (COMMAND_SAYS.get(kind) or expected) in err


COMMAND_SAYS = {"a directory": "the directory holds no case file"}
"""What a command says where it reads an input otherwise than ``load_file`` does."""


def test_the_size_cap_can_be_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(_VALID, encoding="utf-8")
    monkeypatch.setenv("HUMANISING_MAX_BYTES", "8")
    with pytest.raises(CaseFileError, match="at most 8 bytes"):
        humanising.load_file(path)
    monkeypatch.setenv("HUMANISING_MAX_BYTES", str(len(_VALID)))
    assert humanising.load_file(path)[0].id == "x"


def test_every_error_in_a_file_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Several problems in one file are all reported, in file order, each with its line."""
    path = tmp_path / "many.yaml"
    path.write_text(
        "id: x\nname: X\nstakeholders:\n"
        "  - {id: a, name: A, identities: [service_usr]}\n"
        "  - {id: b, name: '', identities: [carer], rols: [client]}\n"
        "place: 3\n",
        encoding="utf-8",
    )
    with pytest.raises(CaseFileError) as caught:
        humanising.load_file(path)
    lines = [error.line or 0 for error in caught.value.errors]
    assert len(caught.value.errors) >= 3
    assert lines == sorted(lines)
    message = str(caught.value)
    assert "service_usr" in message
    assert "rols (did you mean 'roles'?)" in message
    assert "$.place" in message
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("Error: " + str(path)) >= 3  # each problem on its own line


def test_errors_stop_at_fifty(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    stakeholders = [{"id": f"s{index}", "name": "", "identities": ["carer"]} for index in range(80)]
    path.write_text(json.dumps({"id": "x", "name": "X", "stakeholders": stakeholders}), encoding="utf-8")
    with pytest.raises(CaseFileError) as caught:
        humanising.load_file(path)
    assert len(caught.value.errors) == 50
