"""humanising: reasoned verdicts on mental-health service innovations.

Describe an initiative as typed facts and ask which models of progressive
practice fit it (co-production, evidence-based practice, service user-led,
community involvement, user-centred design), which relationships it equalises,
and whether it humanises care, following Harcourt and Crepaz-Keay, *Co-Production
is Good, but Other Things are Good Too* (2023).

Example:
    >>> import humanising
    >>> sleepwell = humanising.casebook.load("sleepwell")
    >>> humanising.classify(sleepwell)["coproduction"].fit.value
    'does not fit'
    >>> humanising.quadrant(sleepwell).value
    'humanising only'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from humanising import exceptions

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterable, Iterator
    from pathlib import Path
    from typing import IO

    from humanising import casebook, claims
    from humanising._facts import (
        AgendaSetter,
        Aspect,
        Barrier,
        BarrierMet,
        BarrierOutcome,
        Change,
        Claim,
        Coding,
        DesignProcess,
        DissentHandling,
        Domain,
        Evidence,
        FailedPartnership,
        FeatureKind,
        GoalSetter,
        HumanisingFeature,
        Identity,
        Initiative,
        Involvement,
        Locator,
        Observations,
        Participation,
        Product,
        ProductKind,
        Relationship,
        Revision,
        Role,
        RoleDifferentiation,
        RunBy,
        Scale,
        Source,
        Stage,
        Stakeholder,
    )
    from humanising._facts._codebook import Codebook, CodebookEntry, Passage, codebook
    from humanising._facts._paths import FactPath, PathKey
    from humanising._facts._settle import settle
    from humanising._facts._unknown import UNKNOWN, Basis, Fact, Unknown
    from humanising._reasoning._agreement import Agreement, FamilyAgreement, agreement, krippendorff_alpha
    from humanising._reasoning._analysis import (
        Analysis,
        analyse,
        classify,
        register_model,
        registered_models,
        unregister_model,
    )
    from humanising._reasoning._barriers import BarrierFinding, Finding, barriers
    from humanising._reasoning._diff import Difference, VerdictChange, diff
    from humanising._reasoning._readings import Reading, ReadingMatch, readings
    from humanising._reasoning._registry import CriterionSpec, Model, ModelError, Registry
    from humanising._reasoning._relations import (
        Equalising,
        HypothesisReading,
        Quadrant,
        RelationshipKind,
        equalises,
        equalising,
        exceeds_equalising,
        humanises,
        quadrant,
        relationship_kind,
    )
    from humanising._reasoning._sensitivity import Alternative, Sensitivity, sensitivity
    from humanising._reasoning._verdict import CriterionResult, Fit, Note, ProductFit, Status, Verdict, criterion
    from humanising._running._line import analyse_line, classify_line
    from humanising._running._many import analyse_many, classify_many
    from humanising.exceptions import CaseFileError
    from humanising.reports._tables import records, to_pandas, to_polars

# Everything but the exceptions loads on first use (PEP 562), so that `import humanising`
# and the command line's --help stay cheap; `humanising.Initiative` imports the facts.
_LAZY = {
    "casebook": "humanising.casebook",
    "claims": "humanising.claims",
    **dict.fromkeys(
        (
            "AgendaSetter",
            "Aspect",
            "Barrier",
            "BarrierMet",
            "BarrierOutcome",
            "Change",
            "Claim",
            "Coding",
            "DesignProcess",
            "DissentHandling",
            "Domain",
            "Evidence",
            "FailedPartnership",
            "FeatureKind",
            "GoalSetter",
            "HumanisingFeature",
            "Identity",
            "Initiative",
            "Involvement",
            "Locator",
            "Observations",
            "Participation",
            "Product",
            "ProductKind",
            "Relationship",
            "Revision",
            "Role",
            "RoleDifferentiation",
            "RunBy",
            "Scale",
            "Source",
            "Stage",
            "Stakeholder",
        ),
        "humanising._facts",
    ),
    **dict.fromkeys(("UNKNOWN", "Basis", "Fact", "Unknown"), "humanising._facts._unknown"),
    **dict.fromkeys(("FactPath", "PathKey"), "humanising._facts._paths"),
    **dict.fromkeys(("Codebook", "CodebookEntry", "Passage", "codebook"), "humanising._facts._codebook"),
    "settle": "humanising._facts._settle",
    **dict.fromkeys(
        ("Analysis", "analyse", "classify", "register_model", "registered_models", "unregister_model"),
        "humanising._reasoning._analysis",
    ),
    **dict.fromkeys(("BarrierFinding", "Finding", "barriers"), "humanising._reasoning._barriers"),
    **dict.fromkeys(("Difference", "VerdictChange", "diff"), "humanising._reasoning._diff"),
    **dict.fromkeys(
        ("Agreement", "FamilyAgreement", "agreement", "krippendorff_alpha"), "humanising._reasoning._agreement"
    ),
    **dict.fromkeys(("analyse_many", "classify_many"), "humanising._running._many"),
    **dict.fromkeys(("analyse_line", "classify_line"), "humanising._running._line"),
    **dict.fromkeys(("Reading", "ReadingMatch", "readings"), "humanising._reasoning._readings"),
    **dict.fromkeys(("CriterionSpec", "Model", "ModelError", "Registry"), "humanising._reasoning._registry"),
    **dict.fromkeys(("Alternative", "Sensitivity", "sensitivity"), "humanising._reasoning._sensitivity"),
    **dict.fromkeys(
        (
            "Equalising",
            "HypothesisReading",
            "Quadrant",
            "RelationshipKind",
            "equalises",
            "equalising",
            "exceeds_equalising",
            "humanises",
            "quadrant",
            "relationship_kind",
        ),
        "humanising._reasoning._relations",
    ),
    **dict.fromkeys(
        ("CriterionResult", "Fit", "Note", "ProductFit", "Status", "Verdict", "criterion"),
        "humanising._reasoning._verdict",
    ),
    **dict.fromkeys(("records", "to_pandas", "to_polars"), "humanising.reports._tables"),
}


if not TYPE_CHECKING:
    # Hidden from type checkers: a module __getattr__ would make every misspelt name `Any` to them.
    def __getattr__(name: str) -> Any:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module 'humanising' has no attribute {name!r}")
        loaded = importlib.import_module(module)
        value = loaded if module == f"humanising.{name}" else getattr(loaded, name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})


__all__ = [
    "UNKNOWN",
    "AgendaSetter",
    "Agreement",
    "Alternative",
    "Analysis",
    "Aspect",
    "Barrier",
    "BarrierFinding",
    "BarrierMet",
    "BarrierOutcome",
    "Basis",
    "Change",
    "Claim",
    "Codebook",
    "CodebookEntry",
    "Coding",
    "CriterionResult",
    "CriterionSpec",
    "DesignProcess",
    "Difference",
    "DissentHandling",
    "Domain",
    "Equalising",
    "Evidence",
    "Fact",
    "FactPath",
    "FailedPartnership",
    "FamilyAgreement",
    "FeatureKind",
    "Finding",
    "Fit",
    "GoalSetter",
    "HumanisingFeature",
    "HypothesisReading",
    "Identity",
    "Initiative",
    "Involvement",
    "Locator",
    "Model",
    "ModelError",
    "Note",
    "Observations",
    "Participation",
    "Passage",
    "PathKey",
    "Product",
    "ProductFit",
    "ProductKind",
    "Quadrant",
    "Reading",
    "ReadingMatch",
    "Registry",
    "Relationship",
    "RelationshipKind",
    "Revision",
    "Role",
    "RoleDifferentiation",
    "RunBy",
    "Scale",
    "Sensitivity",
    "Source",
    "Stage",
    "Stakeholder",
    "Status",
    "Unknown",
    "Verdict",
    "VerdictChange",
    "agreement",
    "analyse",
    "analyse_line",
    "analyse_many",
    "barriers",
    "case_file_schema",
    "casebook",
    "claims",
    "classify",
    "classify_line",
    "classify_many",
    "codebook",
    "criterion",
    "diff",
    "dumps",
    "equalises",
    "equalising",
    "exceeds_equalising",
    "exceptions",
    "humanises",
    "krippendorff_alpha",
    "load_file",
    "load_lines",
    "loads",
    "quadrant",
    "readings",
    "records",
    "register_model",
    "registered_models",
    "relationship_kind",
    "sensitivity",
    "settle",
    "structure",
    "to_pandas",
    "to_polars",
    "unregister_model",
    "unstructure",
]


def load_file(path: str | Path) -> tuple[Initiative, ...]:
    r"""Read every initiative in a YAML or JSON case file.

    A file holds one initiative (a mapping) or several (a list of mappings).

    Raises:
        humanising.exceptions.CaseFileError: The file is missing, unreadable or
            invalid; the error names the file, the path inside it and what was expected.

    Example:
        >>> import humanising, pathlib, tempfile
        >>> case = pathlib.Path(tempfile.mkdtemp()) / "case.yaml"
        >>> _ = case.write_text("id: mine\nname: My initiative\n")
        >>> humanising.load_file(case)[0].name
        'My initiative'
    """
    from humanising._casefiles._loading import load_file as _load_file

    return _load_file(path)


def load_lines(
    source: str | os.PathLike[str] | IO[str] | Iterable[str],
    *,
    on_error: Callable[[CaseFileError], None] | None = None,
) -> Iterator[Initiative]:
    r"""The initiatives of a JSON Lines source (a ``.jsonl`` path, an open file, any lines), read lazily.

    One initiative per non-blank line. With ``on_error``, each bad line's error is passed to
    it and the line skipped, so one bad record does not stop the rest; without it, the first
    bad line raises.

    Raises:
        humanising.exceptions.CaseFileError: A bad line (without ``on_error``), or a file that
            cannot be read; the error names the file, the line, the path inside the record and
            what was expected.

    Example:
        >>> import humanising
        >>> lines = ['{"id": "one", "name": "One"}', '{"id": "two", "name": "Two"}']
        >>> [initiative.id for initiative in humanising.load_lines(lines)]
        ['one', 'two']
    """
    from humanising._casefiles._lines import load_lines as _load_lines

    return _load_lines(source, on_error=on_error)


def loads(text: str, *, format: str = "yaml", file: str = "<string>") -> tuple[Initiative, ...]:  # noqa: A002
    r"""Read every initiative in the text of a case file.

    Args:
        text: The text: one initiative (a mapping) or several (a list of mappings).
        format: ``yaml`` or ``json``.
        file: The name errors give for the text, e.g. the file it came from.

    Raises:
        humanising.exceptions.CaseFileError: The text is not valid YAML or JSON, or
            does not describe initiatives; the error names ``file``, the line where
            known, the path inside the document and what was expected.

    Example:
        >>> import humanising
        >>> humanising.loads("id: mine\nname: My initiative\n")[0].name
        'My initiative'
        >>> humanising.loads('[{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]', format="json")[1].id
        'b'
    """
    from humanising._casefiles._loading import parse_text

    return parse_text(text, file=file, format=format)


def dumps(initiatives: Initiative | Iterable[Initiative], *, format: str = "yaml") -> str:  # noqa: A002
    """The text of a case file holding ``initiatives``: one as a mapping, several as a list.

    ``loads`` reads it back: ``loads(dumps(x)) == (x,)``. Facts at their defaults are left out.

    Args:
        initiatives: An initiative, or several.
        format: ``yaml`` or ``json``.

    Raises:
        ValueError: ``format`` is neither ``yaml`` nor ``json``.
        TypeError: Something other than an initiative was given.

    Example:
        >>> import humanising
        >>> print(humanising.dumps(humanising.Initiative(id="mine", name="My initiative")), end="")
        id: mine
        name: My initiative
        >>> sleepwell = humanising.casebook.load("sleepwell")
        >>> humanising.loads(humanising.dumps(sleepwell, format="json"), format="json") == (sleepwell,)
        True
    """
    from humanising._casefiles._loading import dumps as _dumps

    return _dumps(initiatives, format=format)


def case_file_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a case file: one initiative, or a list of them.

    It is built from the fact classes, so a fact added to them appears in it;
    ``humanising schema`` prints it.

    Example:
        >>> import humanising
        >>> schema = humanising.case_file_schema()
        >>> schema["$defs"]["Participation"]["required"]
        ['stakeholder', 'stage', 'involvement', 'capacity']
    """
    from humanising._casefiles._schema import case_file_schema as _case_file_schema

    return _case_file_schema()


def structure(data: Any, *, file: str = "<data>") -> Initiative:
    """An initiative from plain data (as read from JSON or YAML).

    Raises:
        humanising.exceptions.CaseFileError: The data does not describe a valid
            initiative; the error names ``file``, the path inside the data and
            what was expected.

    Example:
        >>> import humanising
        >>> humanising.structure({"id": "mine", "name": "My initiative"}).id
        'mine'
    """
    from humanising._casefiles._loading import structure as _structure

    return _structure(data, file=file)


def unstructure(initiative: Initiative) -> dict[str, Any]:
    """An initiative as plain data (dicts, lists, strings, booleans), ready for JSON or YAML.

    Facts at their defaults are left out; ``structure`` restores them.

    Example:
        >>> import humanising
        >>> humanising.unstructure(humanising.Initiative(id="mine", name="My initiative"))
        {'id': 'mine', 'name': 'My initiative'}
    """
    from humanising._casefiles._converter import unstructure as _unstructure

    return _unstructure(initiative)
