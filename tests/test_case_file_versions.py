"""Case-file versions, bases and silent stages: who says each fact, and where silence is not absence."""

from __future__ import annotations

import pytest

import humanising
from humanising import UNKNOWN, Basis, FactPath
from humanising.exceptions import CaseFileError, FactPathError

BODY = """\
id: peer-group
name: A peer group
stakeholders:
  - {id: peers, name: peer workers, identities: [service_user]}
  - {id: staff, name: ward staff, identities: [mental_health_professional]}
  - id: charity
    name: a charity
    identities: [organisation]
    user_run: true
participations:
  - {stakeholder: peers, stage: delivery, involvement: leads, capacity: service_user}
  - {stakeholder: staff, stage: delivery, involvement: none, capacity: mental_health_professional, basis: published}
relationships:
  - {between: [peers, staff], aspect: power, change: narrows}
failed_partnerships:
  - {partner: charity, why: no funding}
role_differentiation: dissolved
compulsion: {value: false, note: nobody is detained}
evidence:
  literature_searched: unknown
design_process:
  revisions:
    - {description: shorter sessions, answers: [peers]}
"""


def _bases(initiative: humanising.Initiative) -> dict[str, Basis]:
    return {
        "participation": initiative.participations[0].basis,
        "stated": initiative.participations[1].basis,
        "relationship": initiative.relationships[0].basis,
        "failed": initiative.failed_partnerships[0].basis,
        "user_run": initiative.stakeholders[2].user_run.basis,
        "roles": initiative.role_differentiation.basis,
        "compulsion": initiative.compulsion.basis,
        "revision": initiative.design_process.revisions.value[0].basis,  # type: ignore[index]
    }


def test_a_file_without_a_version_keeps_its_old_meaning() -> None:
    (initiative,) = humanising.loads(BODY, format="yaml")
    assert set(_bases(initiative).values()) == {Basis.PUBLISHED}


def test_a_version_2_file_reads_an_unstated_basis_as_the_case_authors_coding() -> None:
    (initiative,) = humanising.loads("format: 2\n" + BODY, format="yaml")
    bases = _bases(initiative)
    assert bases.pop("stated") is Basis.PUBLISHED  # a basis the file states is kept
    assert set(bases.values()) == {Basis.CODED}
    # An unknown fact rests on nothing, whatever the version.
    assert initiative.evidence.literature_searched.value is UNKNOWN
    assert initiative.evidence.literature_searched.basis is Basis.PUBLISHED


def test_both_versions_round_trip_losslessly_and_a_version_1_file_is_unchanged() -> None:
    for text in (BODY, "format: 2\n" + BODY):
        (initiative,) = humanising.loads(text, format="yaml")
        for form in ("yaml", "json"):
            assert humanising.loads(humanising.dumps(initiative, format=form), format=form) == (initiative,)
    for case in humanising.casebook.load_all():
        assert humanising.loads(humanising.dumps(case, format="yaml"), format="yaml") == (case,)


@pytest.mark.parametrize("version", ["3", "'2'", "true", "[2]", "0"])
def test_an_unknown_version_names_the_key_and_the_versions(version: str) -> None:
    with pytest.raises(CaseFileError) as info:
        humanising.loads(f"format: {version}\n" + BODY, format="yaml", file="case.yaml")
    assert "case.yaml:1:" in str(info.value)
    assert "$.format: expected format 1 or 2, the case-file version" in str(info.value)


def test_a_part_may_not_state_a_version_of_its_own() -> None:
    text = "format: 2\nid: programme\nname: P\nparts:\n  - {format: 1, id: part, name: Part}\n"
    with pytest.raises(CaseFileError, match=r"\$\.parts\[0\]: unexpected key\(s\) format; an Initiative has id"):
        humanising.loads(text, format="yaml")


def test_an_insiders_account_is_hedged_and_a_coding_is_not() -> None:
    assert Basis.INSIDER_REPORT.hedge == " (insider's account)"
    assert Basis.CODED.hedge == ""
    assert [basis.weakness for basis in Basis] == list(range(len(Basis)))


SILENT = """\
id: silent
name: A stage nobody describes
stakeholders:
  - {id: users, name: service users, identities: [service_user]}
  - {id: staff, name: staff, identities: [mental_health_professional]}
products:
  - {id: service, name: the service, kind: service, domain: mental_health}
participations:
  - {stakeholder: users, stage: delivery, involvement: informed, capacity: service_user}
  - {stakeholder: staff, stage: delivery, involvement: leads, capacity: mental_health_professional}
  - {stakeholder: staff, stage: design, involvement: leads, capacity: mental_health_professional}
"""


def test_a_silent_stage_leaves_everyones_say_there_open() -> None:
    (recorded,) = humanising.loads(SILENT, format="yaml")
    (silent,) = humanising.loads(SILENT + "silent_stages: [design]\n", format="yaml")
    assert humanising.classify(recorded)["coproduction"].criterion("service_user_voice").status.value == "unmet"
    voice = humanising.classify(silent)["coproduction"].criterion("service_user_voice")
    assert voice.status.value == "unknown"
    assert voice.unknowns == (FactPath.parse("silent_stages[design]"),)
    # The recorded participations at a silent stage still count: staff lead design.
    assert humanising.classify(silent)["user_led"].criterion("led_design").status.value == "unmet"


def test_settling_a_silent_stage_says_its_record_is_complete() -> None:
    (silent,) = humanising.loads(SILENT + "silent_stages: [design]\n", format="yaml")
    (recorded,) = humanising.loads(SILENT, format="yaml")
    assert humanising.settle(silent, "silent_stages[design]", False) == recorded
    with pytest.raises(FactPathError, match="False as its value"):
        humanising.settle(silent, "silent_stages[design]", True)
    with pytest.raises(FactPathError, match="a stage the sources are silent about"):
        humanising.settle(silent, "silent_stages[delivery]", False)
