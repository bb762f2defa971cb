"""MkDocs hook: the pages and tables that are generated from the library at build time.

- The casebook gallery: one page per shipped case (its facts, sources, stakeholder diagram
  from ``humanising.reports.mermaid``, verdict table with reasons, barrier findings and
  readings) and an overview with the cases x models matrix. The pages are added to the
  build as generated files and listed in the "Casebook" section of the navigation.
- Placeholders in hand-written pages, replaced when the page is rendered:
  ``<!-- humanising:models -->`` (every registered model, its source and summary),
  ``<!-- humanising:criteria MODEL_ID -->`` (a model's criteria),
  ``<!-- humanising:schema -->`` (the case-file schema, field by field, each enumeration with
  its values' definitions), ``<!-- humanising:codebook -->`` (the codebook, what every value
  means, as ``humanising codebook`` prints it) and
  ``<!-- humanising:json CASE_ID -->`` (the JSON report of a shipped case).

Nothing here is copied by hand from the case files: change a case file or a model and the
site follows. ``tests/test_docs_pages.py`` imports this module by path and checks its output.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import Any, assert_never

import humanising
from humanising import Analysis, Initiative, Verdict, casebook
from humanising.reports import mermaid
from humanising.reports._present import (
    GLOSSARY,
    ByProductLine,
    CriterionLine,
    FitLine,
    NoteLine,
    SettledByLine,
    StagesLine,
    basis_legend,
    equalises_text,
    fit_cell,
    quadrant_axes,
    summary_lines,
    verdict_lines,
)

CASEBOOK = "casebook"
NAV_SECTION = "Casebook"
SCHEMA_FILE = "reference/case-file.schema.json"

_PLACEHOLDER = re.compile(r"<!--\s*humanising:(?P<what>[a-z]+)(?:\s+(?P<argument>[a-z0-9_-]+))?\s*-->")


# --- small Markdown helpers


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip()


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(cell(value) for value in row) + " |" for row in rows)
    return "\n".join(lines) + "\n"


def words(value: object) -> str:
    """An enum value or fact as words: ``never_arose`` -> ``never arose``."""
    return str(getattr(value, "value", value)).replace("_", " ")


def fact(value: humanising.Fact[Any]) -> str:
    """A fact with its basis and note, e.g. ``kept (case author's inference)``."""
    if value.value is humanising.UNKNOWN:
        return "unknown"
    shown = value.value
    if isinstance(shown, bool):
        text = "yes" if shown else "no"
    elif isinstance(shown, tuple):
        text = f"{len(shown)} recorded"
    else:
        text = words(shown)
    text += value.hedge
    if value.note:
        text += f" — {value.note}"
    return text


def page_name(case_id: str) -> str:
    """The generated page of a case, relative to the docs folder."""
    return f"{CASEBOOK}/{case_id}.md"


def fit_badge(verdict: Verdict) -> str:
    """A verdict's fit, bold when it fits, then the mark of a basis weaker than coded: ``**fits**·i``."""
    shown = fit_cell(verdict)
    text = shown.fit.value
    return (f"**{text}**" if text == "fits" else text) + shown.mark


GLOSSARY_PAGE = "../explanation/glossary.md"
"""The glossary, from a casebook page (the casebook index and the case pages sit side by side)."""


def marks_legend(verdicts: Iterable[Verdict]) -> list[str]:
    """The legend under a table of these verdicts, as a paragraph, or nothing where no cell is marked."""
    legend = basis_legend(fit_cell(verdict) for verdict in verdicts).text
    return [f"{cell(legend)} See the [glossary]({GLOSSARY_PAGE}#basis).", ""] if legend else []


# --- the casebook


def _model_names() -> dict[str, str]:
    return {model.id: model.name for model in humanising.registered_models()}


def _equalised(analysis: Analysis) -> str:
    return equalises_text(analysis)


def _programme_of() -> dict[str, str]:
    found: dict[str, str] = {}
    for initiative in casebook.load_all():
        for part in initiative.parts:
            found[part.id] = initiative.id
    return found


def case_order() -> tuple[str, ...]:
    """Case ids in gallery order: the paper's cases (a programme before its parts), then illustrative ones."""
    programme_of = _programme_of()
    documented: list[str] = []
    illustrative: list[str] = []
    for initiative in casebook.load_all():
        if initiative.id in programme_of:
            continue
        group = illustrative if initiative.illustrative else documented
        group.append(initiative.id)
        group.extend(part.id for part in initiative.parts)
    key = {"sleepwell": 0, "mhf-wales": 1}  # the paper's order: sections 4.1, 4.2, 4.3
    documented.sort(key=lambda case_id: (key.get(case_id, 2), case_id))
    return (*documented, *illustrative)


def casebook_index() -> str:
    """The overview page: every case against every model, with equalising, humanising and the quadrant."""
    models = humanising.registered_models()
    names = _model_names()
    lines = [
        "# Casebook",
        "",
        "The cases that ship with humanising, judged by every registered model. The paper's own",
        "cases come first (SleepWell, the Mental Health Foundation's course in Wales, and the eight",
        "East Lille innovations); the **illustrative** cases after them are invented, to show a model",
        "or quadrant the paper has no case for, and say so on their pages.",
        "",
        "Every page here is generated when the site is built, from the case files in",
        "`src/humanising/casebook/`: the facts, the diagram and the verdicts cannot drift from what",
        "the library says. Why each verdict follows from the paper is explained in",
        "[The casebook's verdicts](../explanation/casebook-verdicts.md).",
        "",
        "## Every case, every model",
        "",
    ]
    header = ["case", *(model.short_name for model in models), "equalises", "humanises", "quadrant"]
    rows = []
    shown: list[Verdict] = []
    for case_id in case_order():
        analysis = humanising.analyse(casebook.load(case_id))
        shown += [*(analysis.verdicts[model.id] for model in models), analysis.humanises]
        link = f"[{cell(analysis.initiative.name)}]({case_id}.md)"
        axes = quadrant_axes(analysis)
        rows.append(
            [
                link,
                *(fit_badge(analysis.verdicts[model.id]) for model in models),
                axes.equalises.word,
                analysis.humanises.fit.value,
                axes.quadrant,
            ]
        )
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    lines += ["", *marks_legend(shown)]
    lines += [
        "Columns: "
        + "; ".join(f"**{model.short_name}** = {names[model.id]}" for model in models)
        + ". *equalises*: whether it narrows at least one unequal relationship; *humanises*: whether",
        "it shows respect and humanity in design or delivery. A fit of **fits**, *partly*, *does not fit*",
        "or *undetermined* (an essential fact is unknown) is explained criterion by criterion on each",
        "case's page.",
        "",
    ]
    return "\n".join(lines)


def _sources(initiative: Initiative) -> list[str]:
    lines = []
    for source in initiative.sources:
        locator = f", {source.locator}" if source.locator else ""
        lines.append(f"- {source.citation}{locator}")
    return lines or ["- No source is recorded."]


def _facts_section(initiative: Initiative) -> list[str]:
    names = {s.id: s.name for s in initiative.stakeholders}
    out = ["## Facts", ""]
    if initiative.stakeholders:
        out += ["### Stakeholders", ""]
        out.append(
            table(
                ["id", "name", "identities", "roles", "note"],
                [
                    [
                        f"`{s.id}`",
                        s.name,
                        ", ".join(sorted(words(i) for i in s.identities)),
                        ", ".join(sorted(words(r) for r in s.roles)) or "—",
                        "; ".join(
                            part
                            for part in (
                                s.note,
                                "" if not s.user_run.is_known else f"user-run: {fact(s.user_run)}",
                            )
                            if part
                        ),
                    ]
                    for s in initiative.stakeholders
                ],
            )
        )
    if initiative.products:
        out += ["### Products", ""]
        out.append(
            table(
                ["id", "name", "kind", "domain", "produced at"],
                [
                    [
                        f"`{p.id}`",
                        p.name,
                        words(p.kind),
                        words(p.domain),
                        ", ".join(words(stage) for stage in humanising_stage_order(p.stages)),
                    ]
                    for p in initiative.products
                ],
            )
        )
    if initiative.participations:
        out += ["### Who takes part, where, and how much", ""]
        ordered = sorted(initiative.participations, key=lambda p: (_STAGE_ORDER[p.stage], p.stakeholder))
        out.append(
            table(
                ["stage", "stakeholder", "involvement", "acting as", "basis", "note"],
                [
                    [
                        words(p.stage),
                        names[p.stakeholder],
                        words(p.involvement),
                        words(p.capacity),
                        words(p.basis),
                        p.note,
                    ]
                    for p in ordered
                ],
            )
        )
    if initiative.relationships:
        out += ["### Relationships", ""]
        out.append(
            table(
                ["between", "aspect", "change", "aim or observed", "basis", "note"],
                [
                    [
                        f"{names[r.between[0]]} ↔ {names[r.between[1]]}",
                        words(r.aspect),
                        words(r.change),
                        words(r.claim),
                        words(r.basis),
                        r.note,
                    ]
                    for r in initiative.relationships
                ],
            )
        )
    other = [
        ("question set by topic experts", initiative.evidence.question_by_topic_experts),
        ("research searched and appraised", initiative.evidence.literature_searched),
        ("evidence applied", initiative.evidence.evidence_applied),
        ("outcomes evaluated", initiative.evidence.outcomes_evaluated),
        ("research with end users", initiative.design_process.end_user_research),
        ("ideation", initiative.design_process.ideation),
        ("prototypes or pilots", initiative.design_process.prototyping),
        ("role differentiation", initiative.role_differentiation),
        ("compulsion", initiative.compulsion),
        ("paid employment of service users", initiative.paid_employment),
        ("service users' knowledge shapes the product", initiative.user_knowledge_shapes_product),
    ]
    observations = initiative.observations
    other += [
        (name.replace("_", " "), getattr(observations, name))
        for name in (
            "agenda_set_by",
            "goals_set_by",
            "user_knowledge_equal_status",
            "assets_view",
            "dissent",
            "change_superficial",
            "user_organisations_excluded",
            "absorbed_into_procedure",
            "judged_by_category",
            "risk_aversion",
            "conformity_demanded",
            "scale",
        )
    ]
    known = [(name, value) for name, value in other if value.is_known]
    if known:
        out += ["### Other facts", ""]
        out.append(table(["fact", "value"], [[name, fact(value)] for name, value in known]))
        unknown = [name for name, value in other if not value.is_known]
        if unknown:
            out += [f"Unknown: {', '.join(unknown)}.", ""]
    revisions = initiative.design_process.revisions.value
    if revisions is not humanising.UNKNOWN and revisions:
        out += ["### Design revisions", ""]
        out.append(
            table(
                ["revision", "answered the concerns of"],
                [
                    [f"{r.description}{r.basis.hedge}", ", ".join(sorted(names[s] for s in r.answers))]
                    for r in revisions
                ],
            )
        )
    features = initiative.humanising_features.value
    if features is not humanising.UNKNOWN and features:
        out += ["### Humanising features", ""]
        out.append(
            table(
                ["kind", "what", "basis"],
                [[words(f.kind), f.description, words(f.basis)] for f in features],
            )
        )
    if initiative.failed_partnerships:
        out += ["### Partnerships sought but not established", ""]
        out.append(
            table(
                ["with", "why", "basis"],
                [[names[f.partner], f.why, words(f.basis)] for f in initiative.failed_partnerships],
            )
        )
    return out


_STAGE_ORDER = {stage: position for position, stage in enumerate(humanising.Stage)}


def humanising_stage_order(stages: Iterable[humanising.Stage]) -> list[humanising.Stage]:
    """Stages in the order an initiative goes through them."""
    return sorted(stages, key=_STAGE_ORDER.__getitem__)


def _verdict_details(title: str, verdict: Verdict) -> list[str]:
    heading: list[str] = []
    criteria: list[list[str]] = []
    notes: list[str] = []
    paragraphs: list[str] = []
    for line in verdict_lines(verdict):
        match line:
            case FitLine():
                rests_on = f" ({line.rests_on})" if line.rests_on else ""
                heading = [f"### {title}: {line.fit.value}{rests_on}", ""]
            case ByProductLine():
                heading += [f"{line.label.capitalize()}: {'; '.join(line.phrases)}.", ""]
            case CriterionLine():
                criteria.append([f"`{line.id}`", line.kind, f"{line.mark} {line.status.value}", line.reason])
            case NoteLine():
                notes.append(f"- {line.text}")
            case StagesLine():
                paragraphs.append(f"{line.label.capitalize()}: {', '.join(line.stages)}.")
            case SettledByLine():
                paragraphs.append(f"{line.label.capitalize()}: " + ", ".join(f"`{path}`" for path in line.paths) + ".")
            case _:
                assert_never(line)
    out = [*heading, table(["criterion", "kind", "status", "reason"], criteria)]
    if notes:
        out += [*notes, ""]
    for paragraph in paragraphs:
        out += [paragraph, ""]
    return out


def case_page(case_id: str) -> str:
    """The generated page of one shipped case."""
    initiative = casebook.load(case_id)
    analysis = humanising.analyse(initiative)
    names = _model_names()
    programme = _programme_of().get(case_id)
    out = [f"# {initiative.name}", ""]
    if initiative.illustrative:
        out += [
            '!!! warning "Illustrative case"',
            "    This case is invented to illustrate a model or a quadrant. It is not a real programme.",
            "",
        ]
    if initiative.summary:
        out += [initiative.summary, ""]
    details = [
        ("Case id", f"`{initiative.id}`"),
        ("Place", initiative.place),
        ("Period", initiative.period),
        ("Case file", f"`src/humanising/casebook/{casebook.file_name(case_id)}`"),
    ]
    if programme:
        details.append(("Part of", f"[{casebook.load(programme).name}]({programme}.md)"))
    if initiative.parts:
        details.append(("Parts", ", ".join(f"[{part.name}]({part.id}.md)" for part in initiative.parts)))
    out += [f"**{label}:** {value}  " for label, value in details if value]
    out += ["", "## Sources", "", *_sources(initiative), ""]

    out += ["## Verdicts", ""]
    out.append(
        table(
            ["model", "fit", "why"],
            [
                [
                    names.get(model_id, model_id),
                    fit_badge(verdict),
                    " ".join(
                        line.reason
                        for line in verdict_lines(verdict)
                        if isinstance(line, CriterionLine) and line.status is not humanising.Status.MET
                    )
                    or "Every criterion is met.",
                ]
                for model_id, verdict in analysis.verdicts.items()
            ],
        )
    )
    out += marks_legend(analysis.verdicts.values())
    out += [
        f"**Equalises:** {_equalised(analysis)}  ",
        *(
            f"**{label}:** {text}  "
            for label, text in summary_lines(analysis)
            if label not in ("Quadrant", "Equalises", "Humanises")
        ),
        f"**Humanises:** {analysis.humanises.fit.value}  ",
        f"**Quadrant:** {quadrant_axes(analysis).quadrant}",
        "",
        "The *why* column gives the reasons of the criteria that are not met; every criterion, met",
        "or not, is listed under [Each model, criterion by criterion](#each-model-criterion-by-criterion).",
        "",
    ]

    out += ["## Stakeholder diagram", ""]
    if initiative.participations:
        out += [
            "Who takes part in which stage (thick arrows: partner or leads; dotted: unknown), and the",
            "relationships it narrows (dotted links).",
            "",
            "```mermaid",
            mermaid(initiative).rstrip("\n"),
            "```",
            "",
        ]
    else:
        out += ["No participation is recorded at this level; see its parts.", ""]

    out += _facts_section(initiative)

    out += ["## Each model, criterion by criterion", ""]
    for model_id, verdict in analysis.verdicts.items():
        out += _verdict_details(names.get(model_id, model_id), verdict)
    out += _verdict_details("Humanises", analysis.humanises)

    out += [
        "## Institutional barriers",
        "",
        "The four legacies of the old institutions that the essay on Edgar Cahn names, looked for in",
        "this case's facts ([why](../explanation/transformative-coproduction.md)).",
        "",
    ]
    out.append(
        table(
            ["barrier", "finding", "reason"],
            [[words(f.barrier), f.status.value, f.reason] for f in humanising.barriers(initiative)],
        )
    )
    out += ["## Readings of co-production", ""]
    out.append(
        table(
            ["reading", "matches", "reason"],
            [[words(m.reading), m.status.value, m.reason] for m in humanising.readings(initiative)],
        )
    )
    coproduction = analysis.verdicts["coproduction"].fit.value
    out += [
        "## Reproduce",
        "",
        "```python",
        ">>> import humanising",
        f'>>> case = humanising.casebook.load("{case_id}")',
        '>>> humanising.classify(case)["coproduction"].fit.value',
        f"'{coproduction}'",
        ">>> humanising.quadrant(case).value",
        f"'{analysis.quadrant.value}'",
        "```",
        "",
        "or from the command line, with the case file:",
        "",
        "```console",
        f"$ humanising casebook show {case_id} > {case_id}.yaml",
        f"$ humanising explain {case_id}.yaml --model coproduction",
        f"{case_id}: {initiative.name}",
        "",
        f"  Co-production (coproduction): {coproduction}",
        "...",
        "```",
        "",
    ]
    return "\n".join(out)


# --- tables for hand-written pages


def models_table() -> str:
    """Every registered model: id, name, summary and source."""
    return table(
        ["id", "model", "what it is", "source"],
        [[f"`{m.id}`", m.name, m.summary, m.source] for m in humanising.registered_models()],
    )


def criteria_table(model_id: str) -> str:
    """One model's criteria, as its ``Model.criteria`` documents them."""
    for model in humanising.registered_models():
        if model.id == model_id:
            return table(
                ["criterion", "kind", "asks", "source"],
                [
                    [f"`{c.id}`", "essential" if c.essential else "qualifying", c.description, c.source or "—"]
                    for c in model.criteria
                ],
            )
    raise KeyError(f"no registered model {model_id!r}")


def _schema_type(schema: dict[str, Any]) -> str:  # noqa: PLR0911 - one case per kind of schema
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "const" in schema:
        return f"`{schema['const']}`"
    if "anyOf" in schema:
        options = schema["anyOf"]
        if len(options) == 2 and options[1].get("type") == "object" and "value" in options[1].get("properties", {}):
            return f"fact: {_schema_type(options[0])}"  # a bare value, or {value, basis, note}
        return " or ".join(_schema_type(option) for option in options)
    kind = schema.get("type")
    if kind == "array":
        if "prefixItems" in schema:
            return "pair of " + " and ".join(_schema_type(item) for item in schema["prefixItems"])
        return "list of " + _schema_type(schema["items"])
    return str(kind)


def schema_tables() -> str:
    """The case-file schema, one table per object and one list per enumeration."""
    defs = humanising.case_file_schema()["$defs"]
    objects = ["Initiative", *sorted(name for name, d in defs.items() if "properties" in d and name != "Initiative")]
    enums = sorted(name for name, d in defs.items() if "enum" in d)
    out = ["## Objects", ""]
    for name in objects:
        definition = defs[name]
        required = set(definition.get("required", ()))
        out += [f"### {name}", "", definition["description"], ""]
        rows = []
        for field, prop in definition["properties"].items():
            default = "required" if field in required else f"default `{json.dumps(prop.get('default'))}`"
            rows.append([f"`{field}`", _schema_type(prop), default, prop.get("description", "")])
        out.append(table(["key", "type", "required or default", "description"], rows))
    out += [
        "## Enumerations",
        "",
        "Each value with its definition from the [codebook](codebook.md), which adds an example and the",
        "passage of the sources each value rests on.",
        "",
    ]
    for name in enums:
        definition = defs[name]
        rows = [
            [f"`{value}`", meaning]
            for value, meaning in zip(definition["enum"], definition["enumDescriptions"], strict=True)
        ]
        out += [f"### {name}", "", definition["description"], "", table(["value", "definition"], rows)]
    return "\n".join(out)


def codebook_page() -> str:
    """The codebook page: every value of the vocabulary with its definition, example and passage."""
    return humanising.codebook().markdown()


def json_example(case_id: str) -> str:
    """The JSON report of one shipped case, in a collapsible block."""
    from humanising.reports import json_report

    text = json_report([humanising.analyse(casebook.load(case_id))]).rstrip("\n")
    indented = "\n".join(f"    {line}" if line else "" for line in text.splitlines())
    return f'??? example "The JSON report of {case_id}"\n\n    ```json\n{indented}\n    ```\n'


def glossary() -> str:
    """The glossary page's entries, from the one list the HTML report's glossary is made from too."""
    return "\n".join(f"## {term.term} {{#{term.anchor}}}\n\n{term.meaning}\n" for term in GLOSSARY)


def replace_placeholders(markdown: str) -> str:
    """Fill in the ``<!-- humanising:... -->`` placeholders of a hand-written page."""

    def fill(match: re.Match[str]) -> str:
        what, argument = match["what"], match["argument"]
        if what == "models" and argument is None:
            return models_table()
        if what == "criteria" and argument is not None:
            return criteria_table(argument)
        if what == "schema" and argument is None:
            return schema_tables()
        if what == "codebook" and argument is None:
            return codebook_page()
        if what == "json" and argument is not None:
            return json_example(argument)
        if what == "glossary" and argument is None:
            return glossary()
        raise ValueError(f"unknown placeholder {match[0]!r}")

    return _PLACEHOLDER.sub(fill, markdown)


# --- the MkDocs hook events


def on_config(config: Any) -> Any:
    """List every generated case page in the navigation's "Casebook" section."""
    for item in config["nav"]:
        if isinstance(item, dict) and NAV_SECTION in item:
            section = item[NAV_SECTION]
            programme_of = _programme_of()
            for case_id in case_order():
                name = casebook.load(case_id).name
                if case_id in programme_of:
                    name = "— " + name
                section.append({name: page_name(case_id)})
            return config
    raise ValueError(f"mkdocs.yml's nav has no {NAV_SECTION!r} section for the generated casebook pages")


def on_files(files: Any, config: Any) -> Any:
    """Add the generated casebook pages and the case-file JSON Schema to the build."""
    from mkdocs.structure.files import File

    files.append(File.generated(config, f"{CASEBOOK}/index.md", content=casebook_index()))
    for case_id in case_order():
        files.append(File.generated(config, page_name(case_id), content=case_page(case_id)))
    schema = json.dumps(humanising.case_file_schema(), indent=2, ensure_ascii=False) + "\n"
    files.append(File.generated(config, SCHEMA_FILE, content=schema))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:  # noqa: ARG001 - the hook's signature
    """Fill in the placeholders of hand-written pages."""
    return replace_placeholders(markdown)


_UNSET_DEFAULT = re.compile(r"<code>Sentinel\.UNSET</code>")
"""How mkdocs-click shows an option with no default under click 8.3 and newer."""


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:  # noqa: ARG001 - the hook's signature
    """Show an option with no default as having none, not as click's internal sentinel."""
    return _UNSET_DEFAULT.sub("none", html)
