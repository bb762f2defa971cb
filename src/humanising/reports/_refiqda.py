"""Exchange with qualitative-analysis software: the REFI-QDA codebook (``.qdc``) and project (``.qdpx``).

REFI-QDA is the exchange standard of NVivo, ATLAS.ti, MAXQDA, QualCoder and others
(https://www.qdasoftware.org). A codebook is one XML document in the namespace
``urn:QDA-XML:codebook:1.0``; a project is a zip holding ``project.qde``, an XML document in
``urn:QDA-XML:project:1.0``. Both are written with the standard library. Every GUID is a
version-5 UUID of a name the library chooses (``humanising:code:Identity:service_user``,
``humanising:case:sleepwell``), and the zip's entries carry a fixed date, so the same input
gives the same bytes.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from collections.abc import Iterable
from typing import Any
from xml.etree import ElementTree as ET

from humanising._facts._codebook import Codebook, CodebookEntry, describe
from humanising._facts._codebook import codebook as _default_codebook
from humanising._reasoning._analysis import Analysis
from humanising.reports._json import report_data

CODEBOOK_NAMESPACE = "urn:QDA-XML:codebook:1.0"
PROJECT_NAMESPACE = "urn:QDA-XML:project:1.0"

_GUIDS = uuid.uuid5(uuid.NAMESPACE_URL, "https://pypi.org/project/humanising/#refi-qda")
_FITS = ("fits", "partly", "does not fit", "undetermined")
_HUMANISES = "humanises"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# XML 1.0 allows tab, line feed, carriage return and U+0020 onwards, less surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def guid(name: str) -> str:
    """The GUID of a name: a version-5 UUID in the library's namespace, the same on every run.

    Example:
        >>> guid("humanising:case:sleepwell") == guid("humanising:case:sleepwell")
        True
        >>> len(guid("humanising:case:sleepwell"))
        36
    """
    return str(uuid.uuid5(_GUIDS, name))


def xml_text(text: str) -> str:
    r"""``text`` with each character XML 1.0 cannot hold (most control characters) replaced by U+FFFD.

    ``<``, ``>``, ``&`` and quotes are kept: the XML writer escapes them.

    Example:
        >>> xml_text("a\x00b <c> & d")
        'a\ufffdb <c> & d'
    """
    return _NOT_XML.sub("\ufffd", text)


def _element(parent: ET.Element, tag: str, attributes: dict[str, str] | None = None) -> ET.Element:
    return ET.SubElement(parent, tag, {key: xml_text(value) for key, value in (attributes or {}).items()})


def _description(parent: ET.Element, tag: str, text: str) -> None:
    _element(parent, tag).text = xml_text(text)


def _entry_text(found: CodebookEntry) -> str:
    lines = [found.definition, f"Example: {found.example}"]
    if found.passage is not None:
        lines.append(f"Passage: {found.passage.cited}")
    return "\n".join(lines)


def _code(parent: ET.Element, name: str, key: str, *, codable: bool, description: str = "") -> ET.Element:
    element = _element(parent, "Code", {"guid": guid(key), "name": name, "isCodable": _bool(codable)})
    if description:
        _description(element, "Description", description)
    return element


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _codebook_codes(parent: ET.Element, book: Codebook) -> None:
    for vocabulary in book.vocabularies:
        group = _code(
            parent,
            vocabulary.__name__,
            f"humanising:vocabulary:{vocabulary.__name__}",
            codable=False,
            description=describe(vocabulary),
        )
        for member, found in book.entries(vocabulary):
            key = f"humanising:code:{vocabulary.__name__}:{member.value}"
            _code(group, str(member.value), key, codable=True, description=_entry_text(found))


def _origin() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"humanising {version('humanising')}"
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without metadata
        return "humanising"


def _serialise(root: ET.Element, namespace: str) -> bytes:
    # The namespace as a plain xmlns attribute: ElementTree's default_namespace refuses
    # unqualified attributes, and register_namespace would change global state.
    root.set("xmlns", namespace)
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def qdc_codebook(codebook: Codebook | None = None) -> bytes:
    """The codebook as a REFI-QDA codebook (``.qdc``): UTF-8 XML, one code group per vocabulary.

    Each vocabulary (``Identity``, ``Stage``, ...) is a code that is not codable, described by
    its docstring's first paragraph; each of its values is a codable code named by the value
    (``service_user``), whose description holds the definition, the example and the passage.

    Args:
        codebook: The codebook to write; ``humanising.codebook()`` when not given.

    Returns:
        The XML document, as bytes.

    Example:
        >>> from humanising.reports import qdc_codebook
        >>> text = qdc_codebook().decode()
        >>> 'name="service_user"' in text, text.count("<Code ") == text.count("</Code>")
        (True, True)
    """
    book = codebook if codebook is not None else _default_codebook()
    root = ET.Element("CodeBook", {"origin": _origin()})
    codes = _element(root, "Codes")
    _codebook_codes(codes, book)
    return _serialise(root, CODEBOOK_NAMESPACE)


def _verdict_key(model_id: str, fit: str | None = None) -> str:
    kind = "humanises" if model_id == _HUMANISES else f"model:{model_id}"
    return f"humanising:verdict:{kind}" + ("" if fit is None else f":{fit}")


def _variable_key(name: str) -> str:
    return f"humanising:variable:{name}"


def _variables(models: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(name, type, description) of every variable, in order."""
    found = [
        ("part of", "Text", "The id of the programme this initiative is a part of; empty for none."),
        ("illustrative", "Boolean", "Whether the case is invented to illustrate a model, not a real initiative."),
    ]
    for model in models:
        found.append((f"{model['id']} fit", "Text", f"{model['name']}: fits, partly, does not fit or undetermined."))
        found.append((f"{model['id']} basis", "Text", f"{model['name']}: the weakest basis of the deciding evidence."))
    found += [
        (f"{_HUMANISES} fit", "Text", "Humanising: fits, partly, does not fit or undetermined."),
        (f"{_HUMANISES} basis", "Text", "Humanising: the weakest basis of the deciding evidence."),
        ("equalising", "Text", "Whether it narrows a relationship: equalises (aim), equalises (observed), ..."),
        ("quadrant", "Text", "Its quadrant of equalising by humanising (the independent reading)."),
    ]
    return found


def _values(initiative: dict[str, Any], models: list[dict[str, Any]]) -> dict[str, str | bool]:
    values: dict[str, str | bool] = {"part of": initiative["part_of"] or "", "illustrative": initiative["illustrative"]}
    for model in models:
        verdict = initiative["verdicts"].get(model["id"])
        values[f"{model['id']} fit"] = "" if verdict is None else verdict["fit"]
        values[f"{model['id']} basis"] = "" if verdict is None or verdict["basis"] is None else verdict["basis"]
    values[f"{_HUMANISES} fit"] = initiative["humanises"]["fit"]
    values[f"{_HUMANISES} basis"] = initiative["humanises"]["basis"] or ""
    values["equalising"] = initiative["equalising"]
    values["quadrant"] = initiative["quadrant"]
    return values


def project_document(analyses: Iterable[Analysis], *, name: str = "humanising cases") -> bytes:
    """The REFI-QDA project document (``project.qde``) of ``qdpx_project``, as UTF-8 XML bytes.

    Example:
        >>> import humanising
        >>> from humanising.reports import project_document
        >>> text = project_document([humanising.analyse(humanising.casebook.load("sleepwell"))]).decode()
        >>> text.count("<Case "), 'name="SleepWell"' in text
        (1, True)
    """
    data = report_data(analyses)
    models: list[dict[str, Any]] = data["models"]
    root = ET.Element("Project", {"name": name, "origin": _origin()})
    codes = _element(_element(root, "CodeBook"), "Codes")
    _codebook_codes(codes, _default_codebook())
    verdicts = _code(
        codes,
        "Verdicts",
        "humanising:verdicts",
        codable=False,
        description="Each model's verdict on a case: the model, then its fit.",
    )
    judged = [*models, {"id": _HUMANISES, "name": "Humanising"}]
    for model in judged:
        group = _code(verdicts, model["name"], _verdict_key(model["id"]), codable=False)
        for fit in _FITS:
            _code(group, fit, _verdict_key(model["id"], fit), codable=True, description=f"{model['name']}: {fit}.")
    variables = _variables(models)
    if data["initiatives"]:
        declared = _element(root, "Variables")
        for variable, kind, text in variables:
            element = _element(
                declared,
                "Variable",
                {"guid": guid(_variable_key(variable)), "name": variable, "typeOfVariable": kind},
            )
            _description(element, "Description", text)
        cases = _element(root, "Cases")
        for initiative in data["initiatives"]:
            case = _element(
                cases,
                "Case",
                {"guid": guid(f"humanising:case:{initiative['id']}"), "name": initiative["name"]},
            )
            _description(case, "Description", f"humanising initiative id: {initiative['id']}")
            for model in judged:
                verdict = (
                    initiative["humanises"] if model["id"] == _HUMANISES else initiative["verdicts"].get(model["id"])
                )
                if verdict is not None:
                    _element(case, "CodeRef", {"targetGUID": guid(_verdict_key(model["id"], verdict["fit"]))})
            values = _values(initiative, models)
            for variable, kind, _ in variables:
                value = _element(case, "VariableValue")
                _element(value, "VariableRef", {"targetGUID": guid(_variable_key(variable))})
                if kind == "Boolean":
                    _element(value, "BooleanValue").text = _bool(bool(values[variable]))
                else:
                    _element(value, "TextValue").text = xml_text(str(values[variable]))
    return _serialise(root, PROJECT_NAMESPACE)


def qdpx_project(analyses: Iterable[Analysis], *, name: str = "humanising cases") -> bytes:
    """Cases and their verdicts as a REFI-QDA project (``.qdpx``): a zip holding ``project.qde``.

    The project's codebook is the library's codebook (as in ``qdc_codebook``) and a ``Verdicts``
    group: for each model, and for humanising, a code per fit. Each initiative (a programme
    followed by its parts) is a case, coded with its verdicts, with variables: each model's fit
    and basis, humanising's, the equalising reading, the quadrant, ``part of`` and
    ``illustrative``. The project has no sources: the texts and case files are not carried over.

    Args:
        analyses: The analyses, as ``humanising.analyse`` returns them.
        name: The project's name.

    Returns:
        The zip archive, as bytes; the same analyses give the same bytes.

    Example:
        >>> import io, zipfile
        >>> import humanising
        >>> from humanising.reports import qdpx_project
        >>> archive = qdpx_project([humanising.analyse(humanising.casebook.load("sleepwell"))])
        >>> zipfile.ZipFile(io.BytesIO(archive)).namelist()
        ['project.qde']
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        member = zipfile.ZipInfo("project.qde", date_time=_ZIP_DATE)
        member.compress_type = zipfile.ZIP_DEFLATED
        member.external_attr = 0o644 << 16
        archive.writestr(member, project_document(analyses, name=name))
    return buffer.getvalue()
