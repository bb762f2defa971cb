"""The humanising command: every subcommand, its exit codes, and errors without tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

import humanising
from humanising.cli import main
from humanising.reports import report_data

SRC = str(Path(humanising.__file__).parent.parent)
SUBCOMMANDS = [
    [],
    ["classify"],
    ["explain"],
    ["casebook"],
    ["casebook", "show"],
    ["casebook", "export"],
    ["validate"],
    ["schema"],
    ["diagram"],
    ["new"],
    ["models"],
]

MINIMAL = """\
id: mine
name: My initiative
stakeholders:
  - {id: members, name: members, identities: [service_user]}
  - {id: nurses, name: nurses, identities: [mental_health_professional]}
participations:
  - {stakeholder: members, stage: delivery, involvement: leads, capacity: service_user}
  - {stakeholder: nurses, stage: design, involvement: unknown, capacity: mental_health_professional}
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def python(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m humanising ARGS`` in a fresh process, as a user runs it."""
    environment = {**os.environ, "PYTHONPATH": SRC, **env}
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "humanising", *args], capture_output=True, text=True, env=environment, check=False
    )


def write(tmp_path: Path, text: str, name: str = "case.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# --- help


@pytest.mark.parametrize("command", SUBCOMMANDS, ids=lambda command: " ".join(command) or "humanising")
def test_every_help_is_complete_and_shows_an_example(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    code, out, err = run(capsys, *command, "--help")
    assert code == 0
    assert err == ""
    assert out.startswith(f"Usage: humanising {' '.join(command)}".rstrip())
    assert "Examples:" in out
    assert "humanising" in out.split("Examples:")[1]


def test_help_loads_neither_cattrs_nor_yaml_nor_the_models() -> None:
    code = (
        "import sys; from humanising.cli import main; main(['--help']); "
        "print(sorted(m for m in ('cattrs', 'yaml', 'humanising.models', 'humanising._casefiles._loading', "
        "'humanising.reports') if m in sys.modules))"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": SRC}, check=True
    )
    assert result.stdout.rstrip().endswith("[]")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.startswith("humanising ")


# --- the casebook


def test_python_m_humanising_prints_the_casebook_table_as_humanising_casebook_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = python()
    assert result.returncode == 0, result.stderr
    code, out, _ = run(capsys, "casebook")
    assert code == 0
    assert result.stdout == out
    lines = out.splitlines()
    assert lines[0].startswith("case ")
    table = lines[: lines.index("")]  # the legend of the basis marks follows a blank line
    assert {line.split(" ")[0] for line in table[2:]} == set(humanising.casebook.ids())
    assert "\x1b[" not in out  # not a terminal: no colour


def test_casebook_show_prints_the_file_as_shipped(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "casebook", "show", "sleepwell")
    assert code == 0
    assert out.startswith("# SleepWell")
    assert humanising.structure(yaml.safe_load(out)) == humanising.casebook.load("sleepwell")


def test_casebook_show_prints_a_part_on_its_own(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "casebook", "show", "east-lille-7")
    assert code == 0
    assert out.startswith("# east-lille-7: a part of the programme in casebook/east-lille.yaml")
    assert humanising.structure(yaml.safe_load(out)) == humanising.casebook.load("east-lille-7")


def test_casebook_show_unknown_id_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "casebook", "show", "sleepwel")
    assert code == 2
    assert out == ""
    assert "no casebook case 'sleepwel'. Did you mean 'sleepwell'?" in err


def test_classify_on_the_exported_casebook_reproduces_the_casebook(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "casebook", "export", str(tmp_path / "cases"))
    assert code == 0
    files = sorted(str(path) for path in (tmp_path / "cases").iterdir())
    assert out.split() == files
    code, out, _ = run(capsys, "classify", *files, "--format", "json")
    assert code == 0
    expected = report_data([humanising.analyse(case) for case in humanising.casebook.load_all()])
    assert json.loads(out) == json.loads(json.dumps(expected))
    code, table, _ = run(capsys, "classify", *files)
    assert code == 0
    code, casebook_table, _ = run(capsys, "casebook")
    footer = "The reasons behind each fit:"  # each names the command to ask next
    assert table.split(footer)[0] == casebook_table.split(footer)[0]
    assert "humanising explain FILE" in table.split(footer)[1]
    assert "humanising casebook show ID" in casebook_table.split(footer)[1]


def test_export_leaves_existing_files_alone_unless_forced(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "casebook", "export", str(tmp_path))[0] == 0
    (tmp_path / "sleepwell.yaml").write_text("mine\n")
    code, _, err = run(capsys, "casebook", "export", str(tmp_path))
    assert code == 1
    assert "already exist" in err
    assert "--force" in err
    assert (tmp_path / "sleepwell.yaml").read_text() == "mine\n"
    assert run(capsys, "casebook", "export", str(tmp_path), "--force")[0] == 0
    assert (tmp_path / "sleepwell.yaml").read_text().startswith("# SleepWell")


def test_casebook_html_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "casebook", "--format", "html", "--output", str(tmp_path / "casebook.html"))
    assert (code, out, err) == (0, "", "")
    page = (tmp_path / "casebook.html").read_text(encoding="utf-8")
    assert "<title>The humanising casebook</title>" in page


# --- classify and its formats


def test_classify_table_json_markdown_and_html(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    case = write(tmp_path, MINIMAL)
    code, out, _ = run(capsys, "classify", case)
    assert code == 0
    assert out.splitlines()[2].startswith("mine ")
    code, out, _ = run(capsys, "classify", case, "-f", "json")
    data = json.loads(out)
    assert data["format"] == 2
    assert [initiative["id"] for initiative in data["initiatives"]] == ["mine"]
    assert data["initiatives"][0]["verdicts"]["user_led"]["stages"] == ["delivery"]
    code, out, _ = run(capsys, "classify", case, "-f", "markdown", "--title", "Mine")
    assert out.startswith("# Mine\n")
    assert "```mermaid" in out
    code, out, _ = run(capsys, "classify", case, "-f", "html")
    assert out.startswith("<!doctype html>")


def test_classify_writes_to_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    case = write(tmp_path, MINIMAL)
    code, out, _ = run(capsys, "classify", case, "-f", "json", "-o", str(tmp_path / "out.json"))
    assert (code, out) == (0, "")
    assert json.loads((tmp_path / "out.json").read_text())["format"] == 2


def test_an_output_that_cannot_be_written(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    case = write(tmp_path, MINIMAL)
    code, _, err = run(capsys, "classify", case, "-o", str(tmp_path / "no" / "such" / "dir" / "out.txt"))
    assert code == 1
    assert "cannot write" in err
    assert "Traceback" not in err


def test_colour_on_a_terminal_only() -> None:
    from humanising.reports._text import casebook_table

    analyses = [humanising.analyse(humanising.casebook.load("sleepwell"))]
    assert "\x1b[32mfits" in casebook_table(analyses, colour=True)
    assert "\x1b[" not in casebook_table(analyses)


# --- models


def peer_support(_initiative: humanising.Initiative) -> humanising.Verdict:
    return humanising.Verdict.judge("peer_support", ())


PEER_SUPPORT = humanising.Model(
    id="peer_support",
    name="Peer support",
    short_name="peers",
    judge=peer_support,
    summary="Service users support one another.",
    source="A contributed model, for the tests",
    criteria=(
        humanising.CriterionSpec("peers_deliver", True, "Service users deliver it."),
        humanising.CriterionSpec("peers_design", False, "Service users design it."),
    ),
)


@pytest.fixture
def contributed() -> Iterator[humanising.Model]:
    """``PEER_SUPPORT``, registered in this process for the length of a test."""
    humanising.register_model(PEER_SUPPORT)
    yield PEER_SUPPORT
    humanising.unregister_model(PEER_SUPPORT.id)


def test_models_json_lists_every_registered_model_with_its_criteria(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "models", "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["format"] == 2
    assert [model["id"] for model in data["models"]] == [model.id for model in humanising.registered_models()]
    (user_led,) = [model for model in data["models"] if model["id"] == "user_led"]
    assert user_led == {
        "id": "user_led",
        "name": "Service user-led",
        "short_name": "user-led",
        "summary": "Service users control the initiative, rather than partnering with professionals.",
        "source": "Harcourt and Crepaz-Keay (2023), Co-Production is Good, but Other Things are Good Too, "
        "sections 3, 4.2 and 4.3",
        "status": "ok",
        "error": None,
        "package": "humanising",
        "entry_point": None,
        "criteria": [
            {
                "id": "led_somewhere",
                "essential": True,
                "description": "Service users lead at least one stage with no provider involved.",
                "source": "paper, sections 3 and 4.3",
            },
            {
                "id": "led_design",
                "essential": False,
                "description": "Design is user-led.",
                "source": "paper, sections 3 and 4.3",
            },
            {
                "id": "led_delivery",
                "essential": False,
                "description": "Delivery is user-led.",
                "source": "paper, sections 3 and 4.3",
            },
        ],
    }


def test_models_json_shows_a_model_registered_in_the_process(
    capsys: pytest.CaptureFixture[str], contributed: humanising.Model
) -> None:
    code, out, _ = run(capsys, "models", "-f", "json")
    assert code == 0
    last = json.loads(out)["models"][-1]
    assert (last["id"], last["short_name"], last["status"]) == (contributed.id, "peers", "ok")
    assert last["criteria"] == [
        {"id": "peers_deliver", "essential": True, "description": "Service users deliver it.", "source": ""},
        {"id": "peers_design", "essential": False, "description": "Service users design it.", "source": ""},
    ]


def test_models_table_fits_100_columns_and_shows_a_registered_model(
    capsys: pytest.CaptureFixture[str], contributed: humanising.Model
) -> None:
    code, out, err = run(capsys, "models")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert [cell.strip() for cell in lines[0].split(" | ")] == ["id", "short name", "status", "criteria and source"]
    assert max(len(line) for line in lines) <= 100
    rows = [line for line in lines[2:] if not line.startswith(" ")]
    assert [row.split(" | ")[0].strip() for row in rows] == [model.id for model in humanising.registered_models()]
    assert all(row.split(" | ")[2].strip() == "ok" for row in rows)
    start = lines.index(next(line for line in lines if line.startswith(f"{contributed.id} ")))
    assert [line.split(" | ")[-1] for line in lines[start:]] == [
        "essential: peers_deliver",
        "qualifying: peers_design",
        "source: A contributed model, for the tests",
    ]
    assert lines[start].split(" | ")[1].strip() == "peers"


def test_models_table_wraps_the_criteria_of_a_model_with_many(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "models")
    assert code == 0
    lines = out.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("transformative_coproduction ")))
    cells = [line.split(" | ")[-1] for line in lines[start:]]
    assert cells[:5] == [
        "essential: decision_power, resource_power,",
        "  own_agenda, professional_relationship",
        "qualifying: equal_knowledge, reciprocity,",
        "  assets, roles_disrupted, challenge,",
        "  not_absorbed",
    ]


def test_models_writes_to_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "models", "-f", "json", "-o", str(tmp_path / "models.json"))
    assert (code, out) == (0, "")
    assert json.loads((tmp_path / "models.json").read_text(encoding="utf-8"))["format"] == 2


# --- explain, diagram, schema, new


def test_explain_lists_every_criterion_and_what_would_settle_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "explain", write(tmp_path, MINIMAL))
    assert code == 0
    assert out.startswith("mine: My initiative\n")
    verdicts = humanising.analyse(humanising.load_file(tmp_path / "case.yaml")[0]).verdicts
    for verdict in verdicts.values():
        for result in verdict.criteria:
            assert result.reason in out
    assert "would be settled by:" in out
    assert "quadrant: " in out


def test_explain_one_model(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "explain", write(tmp_path, MINIMAL), "--model", "user_led")
    assert code == 0
    assert "(user_led): partly" in out
    assert "(coproduction)" not in out
    code, out, _ = run(capsys, "explain", write(tmp_path, MINIMAL), "-m", "humanises")
    assert "humanises: undetermined" in out


def test_explain_unknown_model_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "explain", write(tmp_path, MINIMAL), "--model", "user-led")
    assert code == 2
    assert out == ""
    assert "no model 'user-led'. Did you mean 'user_led'?" in err


def test_diagram(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "diagram", write(tmp_path, MINIMAL))
    assert code == 0
    assert out == humanising.reports.mermaid(humanising.load_file(tmp_path / "case.yaml")[0])


def test_diagram_of_a_programme_and_of_one_part(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(capsys, "casebook", "export", str(tmp_path))
    code, out, _ = run(capsys, "diagram", str(tmp_path / "east-lille.yaml"))
    assert code == 0
    assert out.count("flowchart LR") == 9
    assert "%% east-lille-7: East Lille 7" in out
    code, out, _ = run(capsys, "diagram", str(tmp_path / "east-lille.yaml"), "--id", "east-lille-7")
    assert out == humanising.reports.mermaid(humanising.casebook.load("east-lille-7"))
    code, _, err = run(capsys, "diagram", str(tmp_path / "east-lille.yaml"), "--id", "east-lile-7")
    assert code == 2
    assert "Did you mean 'east-lille-7'?" in err


def test_schema_prints_the_generated_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out) == humanising.case_file_schema()


def test_new_writes_a_template_that_is_valid_as_it_is(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "new")
    assert code == 0
    (initiative,) = humanising.load_file(write(tmp_path, out, "printed.yaml"))
    assert initiative.id == "my-initiative"
    for field in humanising.Initiative.__attrs_attrs__:
        assert f"\n{field.name}:" in out, f"the template lacks {field.name}"
    target = str(tmp_path / "new.yaml")
    code, _, err = run(capsys, "new", target)
    assert code == 0
    assert Path(target).read_text(encoding="utf-8") == out
    assert "humanising validate" in err
    code, _, err = run(capsys, "new", target)
    assert code == 1
    assert "already exists" in err
    assert run(capsys, "new", target, "--force")[0] == 0


def test_validate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = write(tmp_path, MINIMAL)
    bad = write(tmp_path, MINIMAL.replace("stage: delivery", "stage: delivry"), "bad.yaml")
    code, out, err = run(capsys, "validate", good)
    assert (code, out, err) == (0, f"ok: {good} (1 initiative)\n", "")
    code, out, err = run(capsys, "validate", good, bad)
    assert code == 1
    assert out == f"ok: {good} (1 initiative)\n"
    assert err.startswith(f"Error: {bad}:7:")


# --- usage errors: exit code 2


@pytest.mark.parametrize(
    "args",
    [
        ["classify"],
        ["classify", "--format", "pdf", "x.yaml"],
        ["classify", "--colour", "x.yaml"],
        ["no-such-command"],
        ["validate"],
        ["explain"],
        ["models", "--format", "html"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert "Usage: humanising" in err
    assert "Error:" in err


# --- bad input: exit code 1, a message naming file, line, path and what was expected, no traceback

BAD_INPUTS = {
    "unknown key": (
        MINIMAL + "sumary: typo\n",
        ":9:1: unexpected key(s) sumary (did you mean 'summary'?)",
    ),
    "wrong type": (
        MINIMAL + "compulsion: 1\n",
        ":9:1: $.compulsion: expected true or false, got 1 (or unknown)",
    ),
    "unknown enum value": (
        MINIMAL.replace("involvement: leads", "involvement: lead"),
        (
            ":7:45: $.participations[0].involvement: expected one of none, informed, consulted, involved, partner, "
            "leads, unknown, got 'lead' (did you mean 'leads'?)"
        ),
    ),
    "dangling stakeholder reference": (
        MINIMAL.replace("stakeholder: nurses", "stakeholder: nurse"),
        (
            ":8:6: $.participations[1].stakeholder: expected the id of a stakeholder defined in stakeholders, "
            "got 'nurse' (did you mean 'nurses'?)"
        ),
    ),
    "invalid YAML": ("id: mine\nname: [unclosed\n", ":3:1: expected valid YAML (did not find expected ',' or ']')"),
}


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
@pytest.mark.parametrize("command", ["classify", "validate", "explain", "diagram"])
def test_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str, command: str) -> None:
    text, message = BAD_INPUTS[kind]
    file = write(tmp_path, text)
    code, out, err = run(capsys, command, file)
    assert code == 1
    assert out == ""
    assert err == f"Error: {file}{message}\n"


def test_invalid_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    file = write(tmp_path, '{"id": "mine",\n "name": }\n', "case.json")
    code, out, err = run(capsys, "classify", file)
    assert (code, out) == (1, "")
    assert err == f"Error: {file}:2:10: expected valid JSON (Expecting value)\n"


def test_invalid_json_content_names_the_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = yaml.safe_load(MINIMAL)
    data["participations"][0]["stage"] = "delivry"
    file = write(tmp_path, json.dumps(data, indent=2), "case.json")
    code, _, err = run(capsys, "validate", file)
    assert code == 1
    assert f"{file}:23:7: $.participations[0].stage: expected one of " in err
    assert err.endswith("(did you mean 'delivery'?)\n")


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    file = str(tmp_path / "absent.yaml")
    code, out, err = run(capsys, "classify", file)
    assert (code, out) == (1, "")
    assert err == f"Error: {file}: expected a readable UTF-8 file (no such file)\n"


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda path: path.write_bytes(b"name: caf\xe9\n"), "byte 0xe9 at offset 9 is not UTF-8"),
    ],
)
def test_unreadable_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make: Callable[[Path], object], problem: str
) -> None:
    path = tmp_path / "case.yaml"
    make(path)
    code, out, err = run(capsys, "validate", str(path))
    assert (code, out) == (1, "")
    assert err == f"Error: {path}: expected a readable UTF-8 file ({problem})\n"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode")
def test_file_without_read_permission(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    file = write(tmp_path, MINIMAL)
    Path(file).chmod(0)
    code, _, err = run(capsys, "validate", file)
    assert code == 1
    assert err == f"Error: {file}: expected a readable UTF-8 file (permission denied)\n"


def test_a_file_that_is_not_a_case_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    file = write(tmp_path, "id: mine\n", "case.txt")
    code, _, err = run(capsys, "validate", file)
    assert code == 1
    assert "expected a file ending in .yaml, .yml, .json or .jsonl, got 'case.txt'" in err


def test_every_bad_file_is_reported_not_only_the_first(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    first = write(tmp_path, "id: [\n", "first.yaml")
    second = str(tmp_path / "second.yaml")
    code, _, err = run(capsys, "classify", first, second)
    assert code == 1
    assert err.count("Error: ") == 2
    assert first in err
    assert second in err


@pytest.mark.parametrize("kind", [*BAD_INPUTS, "missing file"])
def test_no_traceback_from_a_real_process(tmp_path: Path, kind: str) -> None:
    """End to end, as a user runs it: the message and the exit code, and no traceback."""
    if kind == "missing file":
        file, message = str(tmp_path / "absent.yaml"), ": expected a readable UTF-8 file (no such file)"
    else:
        text, message = BAD_INPUTS[kind]
        file = write(tmp_path, text)
    result = python("classify", file)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: {file}{message}\n"
    assert "Traceback" not in result.stderr


def test_usage_error_from_a_real_process() -> None:
    result = python("classify", "--format", "pdf", "x.yaml")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "Invalid value for '-f' / '--format'" in result.stderr


def test_models_as_markdown_is_a_table_of_every_model_and_its_criteria(capsys: pytest.CaptureFixture[str]) -> None:
    """``humanising models --format markdown``: one row per model, its essential and qualifying criteria apart."""
    code, out, err = run(capsys, "models", "--format", "markdown")
    assert (code, err) == (0, "")
    rows = [line for line in out.splitlines() if line.startswith("| `")]
    assert [row.split("|")[1].strip(" `") for row in rows] == [model.id for model in humanising.registered_models()]
    (user_led,) = [row for row in rows if row.startswith("| `user_led`")]
    essential, qualifying = user_led.split(" | ")[2:4]
    assert "Service users lead at least one stage" in essential
    assert "Service users lead at least one stage" not in qualifying


# --- the table fits the terminal


@pytest.mark.parametrize("columns", [80, 200])
@pytest.mark.parametrize("command", [[], ["classify", "CASES"]], ids=["python -m humanising", "classify"])
def test_the_table_fits_the_terminal_and_says_what_its_words_mean(
    columns: int, command: list[str], tmp_path: Path
) -> None:
    folder = tmp_path / "cases"
    assert main(["casebook", "export", str(folder)]) == 0
    args = [str(folder) if word == "CASES" else word for word in command]
    result = python(*args, COLUMNS=str(columns))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert len(max(lines, key=len)) > columns - 30, "the table uses the width it has"
    text = " ".join(line.strip() for line in lines)
    assert "partly: every essential criterion met, a qualifying one unmet or unknown" in text
    assert "undetermined: an essential criterion unknown, none unmet" in text
    assert "EBP evidence-based practice; UCD user-centred design." in text
    assert "·i inferred (case author's inference)" in text
    assert ("humanising explain FILE" if command else "humanising casebook show ID") in text
    for case_id in humanising.casebook.ids():  # every case, every fit and what it equalises are still there
        assert sum(line.startswith(f"{case_id} ") for line in lines) >= 1
        assert case_id in text


def test_a_table_written_to_a_file_is_one_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "table.txt"
    assert run(capsys, "casebook", "-o", str(target))[0] == 0
    header = target.read_text(encoding="utf-8").splitlines()[0]
    assert header.split(" | ")[-1] == "equalises"


# --- directories and patterns


def test_classify_and_validate_read_a_directory_and_a_quoted_pattern(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "cases"
    assert run(capsys, "casebook", "export", str(folder))[0] == 0
    (folder / "notes.txt").write_text("not a case file\n", encoding="utf-8")
    files = sorted(str(path) for path in folder.glob("*.yaml"))
    code, out, err = run(capsys, "validate", str(folder))
    assert (code, err) == (0, "")
    assert [line.split(" ")[1] for line in out.splitlines()] == files
    code, by_folder, _ = run(capsys, "classify", str(folder), "-f", "json")
    assert code == 0
    code, by_files, _ = run(capsys, "classify", *files, "-f", "json")
    assert by_folder == by_files
    code, out, err = run(capsys, "validate", str(folder / "s*.yaml"))
    assert (code, err) == (0, "")
    assert out == f"ok: {folder / 'sleepwell.yaml'} (1 initiative)\n"


def test_an_empty_directory_or_a_pattern_matching_nothing_is_a_bad_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "empty").mkdir()
    code, out, err = run(capsys, "validate", str(tmp_path / "empty"), str(tmp_path / "none*.yaml"))
    assert (code, out) == (1, "")
    assert f"Error: {tmp_path / 'empty'}: the directory holds no case file (.yaml, .yml, .json, .jsonl)" in err
    assert f"Error: {tmp_path / 'none*.yaml'}: the pattern matches no case file" in err


# --- explain: barriers, readings, and an unknown never said as nothing


def test_explain_shows_the_barriers_and_readings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    assert run(capsys, "casebook", "export", str(folder))[0] == 0
    code, out, _ = run(capsys, "explain", str(folder / "sleepwell.yaml"))
    assert code == 0
    analysis = humanising.analyse(humanising.casebook.load("sleepwell"))
    assert "  institutional barriers:" in out
    assert "  readings of co-production:" in out
    for finding in analysis.barriers:
        assert f"    {finding.status.value}: {finding.reason}" in out
    for match in analysis.readings:
        assert match.reason in out
        if match.unknowns:
            assert f"would be settled by: {', '.join(map(str, match.unknowns))}" in out


def test_explain_says_an_unknown_relationship_change_is_unknown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = MINIMAL + "relationships:\n  - {between: [members, nurses], aspect: power, change: unknown}\n"
    code, out, _ = run(capsys, "explain", write(tmp_path, case))
    assert code == 0
    assert "equalises: nothing" not in out
    assert (
        "  equalises: unknown: the case file does not say how members ↔ nurses (power) — "
        "service users and mental-health professionals changes (relationships[0].change)"
    ) in out
    code, out, _ = run(capsys, "explain", write(tmp_path, MINIMAL, "plain.yaml"))
    assert "  equalises: nothing" in out


def test_a_json_lines_file_holds_one_initiative_a_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    cases = humanising.casebook.load("sleepwell"), humanising.casebook.load("mhf-wales")
    lines = [json.dumps(humanising.unstructure(case)) for case in cases]
    path = write(tmp_path, "\n".join([lines[0], "", lines[1]]) + "\n", "cases.jsonl")
    assert humanising.load_file(path) == cases
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert (code, out) == (0, f"ok: {path} (2 initiatives)\n")
    bad = write(tmp_path, lines[0] + '\n{"id": "b", "name": 1}\n', "bad.jsonl")
    code, _, err = run(capsys, "validate", bad)
    assert code == 1
    assert err.startswith(f"Error: {bad}:2:")
    assert "$.name: expected" in err
