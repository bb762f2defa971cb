"""The JSON report: stable, documented and versioned, for other tools to parse."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from humanising._reasoning._analysis import Analysis
from humanising._reasoning._registry import BrokenEntryPoint, Model, model_package
from humanising.reports._common import Entry, entries, model_columns, model_names

FORMAT = 2
"""The version of the report's shape. Keys are only ever added; a renamed or removed key bumps it."""


def report_data(analyses: Iterable[Analysis]) -> dict[str, Any]:
    """The report as plain data, ``{"format": 2, "models": [...], "initiatives": [...]}``.

    The shape, version 2 (``format``)::

        {
          "format": 2,
          "models": [{"id": "coproduction", "name": "Co-production"}, ...],
          "initiatives": [
            {
              "id": "sleepwell",                  # the initiative's id
              "name": "SleepWell",
              "part_of": null,                    # the programme's id, for a part of one
              "illustrative": false,              # true for invented cases
              "verdicts": {                       # every model's verdict, by model id
                "coproduction": {
                  "fit": "does not fit",          # fits | partly | does not fit | undetermined
                  "deciding": ["produces"],       # the criteria that decide the fit
                  "basis": "coded",               # the weakest basis of their evidence, or null
                  "criteria": [
                    {"id": "produces", "status": "met",   # met | unmet | unknown
                     "essential": true, "reason": "A sentence.",
                     "facts": ["products[records].kind"], "unknowns": [],
                     "evidence": [                # the facts that decided it, its reason's sole source
                       {"path": "products[records].kind", "value": "service", "basis": null}]}
                  ],
                  "stages": [],                   # stages the verdict singles out (user_led)
                  "notes": [],                    # further sentences
                  "unknowns": [],                 # fact paths that would settle open criteria
                  "by_product": [                 # co-production and its gold standard, with two or
                    {"product": "records",        # more products: each product's fit, judged alone
                     "name": "the records", "fit": "does not fit"}],
                  "product": "records"            # the product whose criteria these are, or null
                }
              },
              "equalises": [                      # the relationships it narrows
                {"between": ["patients", "inhabitants"], "aspect": "social_inclusion",
                 "kind": "service_users_and_local_population",   # derived from the parties
                 "change": "narrows", "claim": "aim", "basis": "published", "note": ""}
              ],
              "exceeds": [],                      # the relationships it goes beyond equalising
                                                  # (bypassed), in the shape of "equalises"
              "equalising": "equalises (aim)",    # or: equalises (observed), beyond equalising
                                                  #     (bypassed), does not equalise, undetermined
              "humanises": {"fit": "fits", "criteria": [...], "stages": [], "notes": [], "unknowns": []},
              "quadrant": "humanising only",      # or: equalising and humanising, equalising only,
                                                  #     neither, beyond equalising and humanising,
                                                  #     beyond equalising only, undetermined
              "quadrants": {"independent": "humanising only",   # both readings of the hypothesis
                            "nested": "humanising only"},       # ("quadrant" is the independent one)
              "notes": [                          # on how its verdicts and relationships bear on each
                {"text": "...", "about": "coproduction", "says": "fits"}   # other; "says" is the fit
              ],                                  # of the verdict the note reads
              "barriers": [{"barrier": "restrictive_practice", "status": "present",
                            "reason": "...", "facts": [...], "unknowns": [...]}],
              "readings": [{"reading": "democratic", "status": "unmet", "reason": "...", "unknowns": []}],
              "errors": [                         # contributed models that failed on it, so have no verdict
                {"model": "my_model", "package": "my_package", "message": "ZeroDivisionError: division by zero"}
              ]                                   # (empty when every model gave a verdict)
            }
          ]
        }

    A programme is followed by its parts, each judged as if alone. A contributed
    model whose predicate raises (or returns no verdict) has no entry in ``verdicts``
    and one in ``errors`` instead; a built-in model's error propagates. Criterion
    ids, statuses, fits and quadrants are stable; reason sentences are for
    people and may be reworded. Later versions of humanising add keys (and
    models add verdicts) but never rename or remove one without raising ``format``.

    Args:
        analyses: The analyses to report, as ``humanising.analyse`` returns them.

    Returns:
        Plain data, ready for ``json.dumps``.

    Example:
        >>> import humanising
        >>> from humanising.reports import report_data
        >>> data = report_data([humanising.analyse(humanising.casebook.load("sleepwell"))])
        >>> data["format"], data["initiatives"][0]["quadrant"]
        (2, 'humanising only')
        >>> data["initiatives"][0]["verdicts"]["evidence_based_practice"]["fit"]
        'fits'
    """
    rows = entries(analyses)
    names = model_names()
    initiatives = [initiative_entry(row) for row in rows]
    models = [{"id": model_id, "name": names.get(model_id, model_id)} for model_id in model_columns(rows)]
    return {"format": FORMAT, "models": models, "initiatives": initiatives}


def initiative_entry(row: Entry) -> dict[str, Any]:
    """One entry of the report's ``initiatives``: a row's analysis as plain data, with the programme it is part of."""
    entry = row.analysis.entry()
    # part_of after the name, as the report has always placed it.
    return {"id": entry.pop("id"), "name": entry.pop("name"), "part_of": row.part_of, **entry}


def json_report(analyses: Iterable[Analysis]) -> str:
    r"""The report as JSON text (UTF-8, indented, ending in a newline); see ``report_data`` for its shape.

    ``<``, ``>`` and ``&`` in names and notes are written as ``\u003c``-style escapes (``html_safe``),
    so the report can be embedded in a web page as it is.

    Example:
        >>> import json, humanising
        >>> from humanising.reports import json_report
        >>> text = json_report([humanising.analyse(humanising.casebook.load("sleepwell"))])
        >>> json.loads(text)["initiatives"][0]["id"]
        'sleepwell'
    """
    return html_safe(json.dumps(report_data(analyses), indent=2, ensure_ascii=False)) + "\n"


# Outside strings JSON text has none of these, so they can be replaced anywhere. C1 controls too,
# which a terminal may obey when the report is printed.
_HTML_UNSAFE = re.compile("[<>&\u2028\u2029\x7f-\x9f]")


def html_safe(text: str) -> str:
    r"""JSON text with ``<``, ``>``, ``&``, C1 controls and U+2028 and U+2029 as ``\uXXXX`` escapes.

    The JSON means the same, and it can be put inside an HTML ``<script>`` element
    (or JavaScript source) without a ``</script>`` in a name ending it there.

    Example:
        >>> html_safe(json.dumps({"name": "</script>"}))
        '{"name": "\\u003c/script\\u003e"}'
    """
    return _HTML_UNSAFE.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


MODELS_FORMAT = 2
"""The version of the models listing's shape (``humanising models --format json``); it changes as ``FORMAT`` does."""


def models_data(models: Iterable[Model], broken: Iterable[BrokenEntryPoint] = ()) -> dict[str, Any]:
    """The registered models as plain data, ``{"format": 2, "models": [...]}``.

    The shape, version 2 (``format``)::

        {
          "format": 2,
          "models": [
            {
              "id": "coproduction",               # the id verdicts are keyed by
              "name": "Co-production",
              "short_name": "co-production",      # its column heading
              "summary": "...",
              "source": "...",                    # where the model comes from
              "status": "ok",                     # it loaded; or import_failed, not_a_model, duplicate_id
              "error": null,                      # why it did not load, for a status other than ok
              "package": "humanising",            # where its predicate comes from; for a broken entry
                                                  # point, the distribution that declares it
              "entry_point": null,                # "name = module:attribute", for a broken entry point
              "criteria": [{"id": "produces", "essential": true, "description": "...",
                            "source": "paper, section 4.3"}, ...]
            }
          ]
        }

    The ``broken`` entry points follow the models: one that names no model is listed
    under its entry point's name (as ``id``, ``name`` and ``short_name``), with no criteria.

    Example:
        >>> import humanising
        >>> data = models_data(humanising.registered_models())
        >>> data["format"], data["models"][0]["id"], data["models"][0]["status"]
        (2, 'coproduction', 'ok')
        >>> data["models"][0]["criteria"][0]["id"], data["models"][0]["criteria"][0]["essential"]
        ('produces', True)
    """
    rows = [_model_row(model, "ok", None, model_package(model), None) for model in models]
    for entry in broken:
        where = f"{entry.name} = {entry.value}"
        if entry.model is not None:
            rows.append(_model_row(entry.model, entry.status, entry.error, entry.package, where))
            continue
        rows.append(
            {
                "id": entry.name,
                "name": entry.name,
                "short_name": entry.name,
                "summary": "",
                "source": "",
                "status": entry.status,
                "error": entry.error,
                "package": entry.package,
                "entry_point": where,
                "criteria": [],
            }
        )
    return {"format": MODELS_FORMAT, "models": rows}


def _model_row(model: Model, status: str, error: str | None, package: str, entry_point: str | None) -> dict[str, Any]:
    return {
        "id": model.id,
        "name": model.name,
        "short_name": model.short_name,
        "summary": model.summary,
        "source": model.source,
        "status": status,
        "error": error,
        "package": package,
        "entry_point": entry_point,
        "criteria": [
            {"id": spec.id, "essential": spec.essential, "description": spec.description, "source": spec.source}
            for spec in model.criteria
        ],
    }
