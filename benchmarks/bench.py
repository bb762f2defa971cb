"""Benchmarks for humanising: what it costs to import and to classify, as ratios measured in one run.

Run from the repository root (see benchmarks/README.md):

    python benchmarks/bench.py                 # thorough run
    python benchmarks/bench.py --quick         # fewer repetitions, noisier
    python benchmarks/bench.py --profile       # also print a cProfile of classify
    python benchmarks/bench.py --skip-imports  # only the in-process timings
    python benchmarks/bench.py --instructions  # instruction counts under valgrind instead of timings

Every figure that is judged is a ratio of two things measured in the same run, so that
the speed and load of the machine cancel out. Prints a table with PASS/FAIL against the
targets; the exit status follows only the checks that do not depend on load (see the README).
This is a benchmark, not a test: run it on demand.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib.metadata
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import time
import types
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

import attrs  # noqa: E402 - after the src path is set up

import humanising  # noqa: E402
from humanising import (  # noqa: E402
    UNKNOWN,
    Aspect,
    Basis,
    Change,
    Claim,
    DesignProcess,
    Domain,
    Evidence,
    Fact,
    FailedPartnership,
    FeatureKind,
    HumanisingFeature,
    Identity,
    Initiative,
    Involvement,
    Participation,
    Product,
    ProductKind,
    Registry,
    Relationship,
    Revision,
    Role,
    RoleDifferentiation,
    Source,
    Stage,
    Stakeholder,
)
from humanising._reasoning._look import status_look  # noqa: E402 - the index and summary are what is measured
from humanising.models import BUILTIN_MODELS  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

# --- targets

IMPORT_RATIO_TARGET = 1.2
"""``import humanising`` may cost at most this many times ``import attrs, cattrs`` (net of interpreter start-up)."""
HELP_RATIO_TARGET = 1.5
"""``humanising --help`` may take at most this many times ``python -c "import attrs, cattrs"`` (raw)."""
FIRST_CLASSIFY_RATIO_TARGET = 1.5
"""The first ``classify()`` in a fresh process may cost at most this many times ``import attrs, cattrs`` (net)."""
CLASSIFY_RATIO_TARGET = 3.0
"""classify + equalises + humanises may cost at most this many times ``naive_five`` on the same initiatives."""
CLASSIFY_RATIO_STRETCH = 2.0
"""The stretch target for the same ratio."""
REASONS_RATIO_TARGET = 10.0
"""The same with every reason and note read may cost at most this many times ``naive_five``."""
LINEARITY_TARGET = 10.0
"""An initiative 8 times the reference's size may cost at most this many times the reference."""
FORBIDDEN_ON_IMPORT = ("yaml", "hypothesis")
"""Top-level packages a plain ``import humanising`` must not import."""
REPORTED_ON_IMPORT = ("cattrs",)
"""Top-level packages whose import by ``import humanising`` is reported, not judged."""

SIZES = (1, 2, 4, 8)
"""The reference initiative and the scaled ones, as multiples of its size."""
LARGEST = SIZES[-1]


@dataclass(frozen=True)
class Settings:
    import_rounds: int
    repeats: int
    rounds: int  # fresh copies per sample at 1x; a scaled initiative gets rounds / size, the casebook rounds / 10
    instruction_rounds: int  # copies per valgrind run at 1x, scaled the same way


THOROUGH = Settings(import_rounds=30, repeats=21, rounds=200, instruction_rounds=100)
QUICK = Settings(import_rounds=8, repeats=7, rounds=50, instruction_rounds=30)


@dataclass(frozen=True)
class Row:
    check: str
    measured: str
    target: str = ""
    ok: bool | None = None  # None: reported, not judged
    decisive: bool = False  # whether a FAIL sets the exit status (only checks that do not depend on load)

    @property
    def result(self) -> str:
        return "info" if self.ok is None else ("PASS" if self.ok else "FAIL")


def judged(check: str, ratio: float, target: float, *, decisive: bool = False) -> Row:
    """A row for a ratio that may be at most ``target``."""
    return Row(check, f"{ratio:.2f}x", f"<= {target:g}x", ratio <= target, decisive)


# --- the benchmark initiative


STAGES = (Stage.NEEDS_ASSESSMENT, Stage.DESIGN, Stage.DELIVERY, Stage.EVALUATION, Stage.FUNDING)

# (stakeholder id, stage, involvement, capacity, basis): every stakeholder in 2-4 of the 5 stages.
MHP = Identity.MENTAL_HEALTH_PROFESSIONAL
PARTICIPATIONS = (
    ("service-users", Stage.NEEDS_ASSESSMENT, Involvement.INVOLVED, Identity.SERVICE_USER, Basis.PUBLISHED),
    ("service-users", Stage.DESIGN, Involvement.PARTNER, Identity.SERVICE_USER, Basis.PUBLISHED),
    ("service-users", Stage.DELIVERY, Involvement.INVOLVED, Identity.SERVICE_USER, Basis.HEDGED),
    ("service-users", Stage.EVALUATION, Involvement.CONSULTED, Identity.SERVICE_USER, Basis.PUBLISHED),
    ("peer-workers", Stage.DESIGN, UNKNOWN, Identity.SERVICE_USER, Basis.PUBLISHED),
    ("peer-workers", Stage.DELIVERY, Involvement.PARTNER, MHP, Basis.PUBLISHED),
    ("peer-workers", Stage.EVALUATION, Involvement.INVOLVED, Identity.SERVICE_USER, Basis.INFORMAL),
    ("user-group", Stage.NEEDS_ASSESSMENT, Involvement.LEADS, Identity.ORGANISATION, Basis.PUBLISHED),
    ("user-group", Stage.DESIGN, Involvement.INVOLVED, Identity.ORGANISATION, Basis.PUBLISHED),
    ("nhs-trust", Stage.FUNDING, Involvement.LEADS, Identity.ORGANISATION, Basis.PUBLISHED),
    ("nhs-trust", Stage.DELIVERY, UNKNOWN, Identity.ORGANISATION, Basis.PUBLISHED),
    ("nhs-trust", Stage.EVALUATION, Involvement.INVOLVED, Identity.ORGANISATION, Basis.INFERRED),
    ("psychiatrists", Stage.NEEDS_ASSESSMENT, Involvement.CONSULTED, MHP, Basis.PUBLISHED),
    ("psychiatrists", Stage.DESIGN, Involvement.PARTNER, MHP, Basis.PUBLISHED),
    ("psychiatrists", Stage.DELIVERY, Involvement.PARTNER, MHP, Basis.PUBLISHED),
    ("psychiatrists", Stage.EVALUATION, Involvement.LEADS, MHP, Basis.PUBLISHED),
    ("designers", Stage.DESIGN, Involvement.LEADS, Identity.OTHER_PROFESSIONAL, Basis.HEDGED),
    ("designers", Stage.EVALUATION, Involvement.INFORMED, Identity.OTHER_PROFESSIONAL, Basis.PUBLISHED),
    ("carers", Stage.NEEDS_ASSESSMENT, Involvement.CONSULTED, Identity.CARER, Basis.PUBLISHED),
    ("carers", Stage.DELIVERY, Involvement.INFORMED, Identity.CARER, Basis.PUBLISHED),
    ("carers", Stage.EVALUATION, UNKNOWN, Identity.CARER, Basis.PUBLISHED),
    ("neighbours", Stage.NEEDS_ASSESSMENT, Involvement.INVOLVED, Identity.COMMUNITY_MEMBER, Basis.INFORMAL),
    ("neighbours", Stage.DELIVERY, Involvement.INVOLVED, Identity.COMMUNITY_MEMBER, Basis.PUBLISHED),
)


def build_initiative() -> Initiative:
    """A realistic mid-sized initiative: 8 stakeholders, 5 stages, 4 relationships, 2 products, some unknowns."""
    stakeholders = (
        Stakeholder(
            id="service-users",
            name="People using the crisis house",
            identities={Identity.SERVICE_USER},
            roles={Role.END_USER, Role.DESIGNER},
        ),
        Stakeholder(
            id="peer-workers",
            name="Peer support workers",
            identities={Identity.SERVICE_USER, Identity.MENTAL_HEALTH_PROFESSIONAL},
            roles={Role.DELIVERER},
        ),
        Stakeholder(
            id="user-group",
            name="Local survivor-run group",
            identities={Identity.ORGANISATION},
            roles={Role.CLIENT},
            user_run=True,
        ),
        Stakeholder(
            id="nhs-trust", name="The NHS trust", identities={Identity.ORGANISATION}, roles={Role.FUNDER, Role.CLIENT}
        ),  # user_run left unknown
        Stakeholder(
            id="psychiatrists",
            name="Community psychiatry team",
            identities={Identity.MENTAL_HEALTH_PROFESSIONAL},
            roles={Role.DELIVERER, Role.EVALUATOR},
        ),
        Stakeholder(
            id="designers", name="Service designers", identities={Identity.OTHER_PROFESSIONAL}, roles={Role.DESIGNER}
        ),
        Stakeholder(id="carers", name="Carers and families", identities={Identity.CARER}, roles={Role.AUDIENCE}),
        Stakeholder(
            id="neighbours",
            name="Neighbours of the house",
            identities={Identity.COMMUNITY_MEMBER, Identity.GENERAL_PUBLIC},
            roles={Role.DELIVERER},
        ),
    )
    participations = tuple(
        Participation(stakeholder=who, stage=stage, involvement=level, capacity=capacity, basis=basis)
        for who, stage, level, capacity, basis in PARTICIPATIONS
    )
    assert {p.stage for p in participations} == set(STAGES)
    return Initiative(
        id="bench-crisis-house",
        name="Benchmark crisis house",
        summary="An invented crisis house, sized like a typical case, for benchmarks.",
        place="Nowhere",
        period="2020-2023",
        illustrative=True,
        sources=(Source("Invented for benchmarks/bench.py"),),
        stakeholders=stakeholders,
        products=(
            Product(id="crisis-house", name="Crisis house", kind=ProductKind.SERVICE, domain=Domain.MENTAL_HEALTH),
            Product(id="booklet", name="Self-help booklet", kind=ProductKind.MATERIALS, stages={Stage.DESIGN}),
        ),
        participations=participations,
        relationships=(
            Relationship(between=("service-users", "psychiatrists"), aspect=Aspect.POWER, change=Change.NARROWS),
            Relationship(
                between=("service-users", "neighbours"),
                aspect=Aspect.SOCIAL_INCLUSION,
                change=Change.NARROWS,
                claim=Claim.AIM,
                basis=Basis.HEDGED,
            ),
            Relationship(between=("carers", "psychiatrists"), aspect=Aspect.INFORMATION, change=Change.UNKNOWN),
            Relationship(between=("user-group", "nhs-trust"), aspect=Aspect.PRESTIGE, change=Change.UNCHANGED),
        ),
        evidence=Evidence(
            question_by_topic_experts=True,
            literature_searched=UNKNOWN,
            evidence_applied=Fact(value=True, basis=Basis.HEDGED),
            outcomes_evaluated=False,
        ),
        design_process=DesignProcess(
            end_user_research=True,
            ideation=UNKNOWN,
            prototyping=True,
            revisions=(
                Revision(description="Smaller bedrooms", answers={"service-users"}),
                Revision(
                    description="Longer opening hours", answers={"psychiatrists", "nhs-trust"}, basis=Basis.INFORMAL
                ),
            ),
        ),
        role_differentiation=Fact(RoleDifferentiation.DISSOLVED, Basis.HEDGED),
        compulsion=False,
        paid_employment=UNKNOWN,
        user_knowledge_shapes_product=True,
        humanising_features=(
            HumanisingFeature(kind=FeatureKind.DIGNITY, description="guests keep their own clothes"),
            HumanisingFeature(kind=FeatureKind.PRIVACY, description="lockable rooms", basis=Basis.HEDGED),
            HumanisingFeature(kind=FeatureKind.OWN_GOALS, description="guests write their own stay plan"),
        ),
        failed_partnerships=(FailedPartnership(partner="carers", why="no carers' group could attend"),),
    )


# --- scaled initiatives and the shipped cases


def scaled(initiative: Initiative, factor: int) -> Initiative:
    """The initiative ``factor`` times over: every stakeholder, with its participations, products,
    relationships, revisions and failed partnerships, copied under renamed ids.

    Copy 0 keeps the ids; copy k appends ``-x{k}``. The stages and the initiative-wide facts
    stay as they are, so the facts stay valid and each model sees the same pattern repeated:
    the verdicts stay those of the original (``main`` prints them for every size).
    """
    if factor == 1:
        return initiative

    def renamed(item_id: str, k: int) -> str:
        return item_id if k == 0 else f"{item_id}-x{k}"

    def named(name: str, k: int) -> str:
        return name if k == 0 else f"{name} ({k + 1})"

    copies = range(factor)
    revisions = initiative.design_process.revisions
    if revisions.value is not UNKNOWN:
        revisions = attrs.evolve(
            revisions,
            value=tuple(
                attrs.evolve(r, description=named(r.description, k), answers={renamed(a, k) for a in r.answers})
                for k in copies
                for r in revisions.value
            ),
        )
    return attrs.evolve(
        initiative,
        id=f"{initiative.id}-x{factor}",
        stakeholders=[
            attrs.evolve(s, id=renamed(s.id, k), name=named(s.name, k)) for k in copies for s in initiative.stakeholders
        ],
        participations=[
            attrs.evolve(p, stakeholder=renamed(p.stakeholder, k)) for k in copies for p in initiative.participations
        ],
        products=[
            attrs.evolve(p, id=renamed(p.id, k), name=named(p.name, k)) for k in copies for p in initiative.products
        ],
        relationships=[
            attrs.evolve(r, between=tuple(renamed(s, k) for s in r.between))
            for k in copies
            for r in initiative.relationships
        ],
        design_process=attrs.evolve(initiative.design_process, revisions=revisions),
        failed_partnerships=[
            attrs.evolve(f, partner=renamed(f.partner, k)) for k in copies for f in initiative.failed_partnerships
        ],
    )


def size_name(factor: int) -> str:
    return "reference" if factor == 1 else f"{factor}x"


def factor_of(name: str) -> int:
    """The size of a target as a multiple of the reference's; the casebook counts as a tenth of a round."""
    return 10 if name == "cases" else 1 if name == "reference" else int(name.removesuffix("x"))


TARGETS = (*(size_name(factor) for factor in SIZES), "cases")


def templates_of(name: str) -> tuple[Initiative, ...]:
    """The initiatives one target stands for: one (the reference or a scaled one), or every shipped case."""
    if name == "cases":
        return humanising.casebook.load_all()  # parts included
    return (scaled(build_initiative(), factor_of(name)),)


def targets() -> dict[str, tuple[Initiative, ...]]:
    """What is measured: the reference initiative, the scaled ones, and every shipped case (parts included)."""
    return {name: templates_of(name) for name in TARGETS}


def rounds_for(target: str, rounds: int) -> int:
    """Copies per sample: fewer for larger initiatives, so that each sample holds about as many objects."""
    return max(2, round(rounds / factor_of(target)))


def describe(target: str, templates: Sequence[Initiative]) -> str:
    if target == "cases":
        return f"shipped cases ({len(templates)}, parts included)"
    (initiative,) = templates
    return f"{target} ({len(initiative.stakeholders)} stakeholders, {len(initiative.participations)} participations)"


def fresh_copies(templates: Sequence[Initiative], rounds: int) -> list[Initiative]:
    """``rounds`` rounds of equal copies of the templates, none with its per-initiative index built."""
    copies = [attrs.evolve(template) for _ in range(rounds) for template in templates]
    for copy in copies:
        if index_built(copy):
            raise RuntimeError("attrs.evolve carried the cached index over: the timing would be warm")
    return copies


def index_built(initiative: Initiative) -> bool:
    """Whether the initiative's index has been built, without building it."""
    slot = type(initiative).__dict__.get("_derived")
    if isinstance(slot, types.MemberDescriptorType):  # attrs slotted class: cached_property becomes a slot
        try:
            derived = slot.__get__(initiative, type(initiative))
        except AttributeError:
            return False
        return bool(derived)
    return bool(getattr(initiative, "__dict__", {}).get("_derived"))


# --- the workloads

BUILTIN = Registry(BUILTIN_MODELS)
"""Every built-in model, made into a registry once (plug-ins installed in the environment are left out)."""


def classify_all(initiative: Initiative) -> None:
    """What is judged: every built-in model, then equalises and humanises."""
    humanising.classify(initiative, models=BUILTIN)
    humanising.equalises(initiative)
    humanising.humanises(initiative)


def classify_with_reasons(initiative: Initiative) -> None:
    """The same, then every reason of every criterion and every note of every verdict read."""
    verdicts = [*humanising.classify(initiative, models=BUILTIN).values(), humanising.humanises(initiative)]
    humanising.equalises(initiative)
    [r.reason for v in verdicts for r in v.criteria]
    [note for v in verdicts for note in v.notes]


def build_index(initiative: Initiative) -> None:
    assert status_look(initiative).summary is not None


_INVOLVED_OR_MORE = frozenset({"involved", "partner", "leads"})
_PROFESSIONALS = frozenset({"mental_health_professional", "other_professional"})


def naive_five(initiative: Initiative) -> tuple[bool, ...]:
    """The reference workload: five naive predicates that scan the participation tuple, no reasons, no unknowns.

    It is the denominator of every classify ratio: plain Python over the same facts,
    measured in the same run, so that the speed of the machine cancels out.
    """
    parts = initiative.participations
    users = [p for p in parts if p.capacity == "service_user" and p.involvement in _INVOLVED_OR_MORE]
    professionals = [p for p in parts if p.capacity in _PROFESSIONALS and p.involvement in _INVOLVED_OR_MORE]
    coproduced = any(u.stage == p.stage for u in users for p in professionals)
    evidence = initiative.evidence
    evidence_based = all(
        fact.value is True
        for fact in (evidence.question_by_topic_experts, evidence.literature_searched, evidence.evidence_applied)
    )
    user_led = any(u.involvement == "leads" and not any(p.stage == u.stage for p in professionals) for u in users)
    community = any(p.capacity == "community_member" and p.involvement in _INVOLVED_OR_MORE for p in parts)
    roles = {role for s in initiative.stakeholders for role in s.roles}
    process = initiative.design_process
    user_centred = {"client", "designer", "end_user"} <= roles and process.end_user_research.value is True
    return coproduced, evidence_based, user_led, community, user_centred


WORKLOADS: dict[str, Callable[[Initiative], object]] = {
    "naive": naive_five,
    "classify": classify_all,
    "reasons": classify_with_reasons,
}
LABELS = {
    "naive": "naive_five",
    "classify": "classify",
    "reasons": "classify + every reason",
    "index": "index and status summary build alone",
}


def warm_up(templates: Sequence[Initiative]) -> None:
    """Run every workload once, so that lazy imports, registries and templates are not measured."""
    for run in WORKLOADS.values():
        for initiative in fresh_copies(templates, 1):
            run(initiative)


# --- timing in process


def sample_us(run: Callable[[Initiative], object], templates: Sequence[Initiative], rounds: int) -> float:
    """Microseconds per initiative of ``run`` over fresh copies made before the clock starts; the collector is on."""
    batch = fresh_copies(templates, rounds)
    gc.collect()
    start = time.perf_counter()
    for initiative in batch:
        run(initiative)
    elapsed = time.perf_counter() - start
    return elapsed / len(batch) * 1e6


def time_workloads(settings: Settings, found: dict[str, tuple[Initiative, ...]]) -> dict[tuple[str, str], list[float]]:
    """Per (target, workload), one sample per repeat; every job runs once a repeat, in an order rotated each repeat."""
    jobs = [(target, workload) for target in found for workload in WORKLOADS]
    jobs.insert(len(WORKLOADS), ("reference", "index"))
    runs = {**WORKLOADS, "index": build_index}
    samples: dict[tuple[str, str], list[float]] = {job: [] for job in jobs}
    for repeat in range(settings.repeats):
        shift = repeat % len(jobs)
        for target, workload in jobs[shift:] + jobs[:shift]:
            rounds = rounds_for(target, settings.rounds)
            samples[target, workload].append(sample_us(runs[workload], found[target], rounds))
    return samples


def paired(numerator: Sequence[float], denominator: Sequence[float]) -> float:
    """The median of the ratios repeat by repeat: both sides of each ratio ran in the same repeat."""
    return statistics.median(n / d for n, d in zip(numerator, denominator, strict=True))


def ratio_rows(
    measure: str,
    cost: Callable[[str, str], Sequence[float]],
    ratio: Callable[[Sequence[float], Sequence[float]], float],
    *,
    decisive: bool,
) -> list[Row]:
    """The judged ratios, from per-initiative costs (``cost(target, workload)``) and how to divide them."""
    rows = []
    for target, label in (("reference", "reference"), ("cases", "shipped cases")):
        naive = cost(target, "naive")
        classify = ratio(cost(target, "classify"), naive)
        rows.append(
            judged(f"classify / naive_five, {label} ({measure})", classify, CLASSIFY_RATIO_TARGET, decisive=decisive)
        )
        rows.append(judged(f"  {label}, stretch target ({measure})", classify, CLASSIFY_RATIO_STRETCH))
    for target, label in (("reference", "reference"), ("cases", "shipped cases")):
        reasons = ratio(cost(target, "reasons"), cost(target, "naive"))
        rows.append(
            judged(
                f"classify + every reason / naive_five, {label} ({measure})",
                reasons,
                REASONS_RATIO_TARGET,
                decisive=decisive,
            )
        )
    large = size_name(LARGEST)
    for workload in ("classify", "reasons"):
        growth = ratio(cost(large, workload), cost("reference", workload))
        check = f"{LABELS[workload]}, {large} size / reference ({measure})"
        rows.append(judged(check, growth, LINEARITY_TARGET, decisive=decisive))
    growth = ratio(cost(large, "naive"), cost("reference", "naive"))
    rows.append(Row(f"naive_five, {large} size / reference ({measure})", f"{growth:.2f}x"))
    return rows


def classify_rows(settings: Settings, found: dict[str, tuple[Initiative, ...]]) -> list[Row]:
    for templates in found.values():
        warm_up(templates)
    samples = time_workloads(settings, found)
    rows = []
    for target, workload in samples:  # in the order of the targets, then of the workloads
        times = samples[target, workload]
        measured = f"{statistics.median(times):.1f} us"
        if workload != "naive":
            measured += f", {paired(times, samples[target, 'naive']):.2f}x naive"
        rows.append(Row(f"{LABELS[workload]}: {describe(target, found[target])}", measured))
    rows += ratio_rows("time", lambda target, workload: samples[target, workload], paired, decisive=False)
    return rows


# --- processes: import cost and the first classify


def _subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(SRC), env.get("PYTHONPATH"))))
    env["PYTHONHASHSEED"] = "0"  # the same hashing in every run: instruction counts repeat exactly
    for name in ("PYTHONPROFILEIMPORTTIME", "PYTHONDONTWRITEBYTECODE", "PYTHONSTARTUP"):
        env.pop(name, None)
    return env


FIRST_CLASSIFY = (
    "import humanising as h; h.classify(h.Initiative(id='first', name='First', "
    "stakeholders=[h.Stakeholder(id='peers', name='Peers', identities={'service_user'})], "
    "participations=[h.Participation('peers', 'delivery', 'leads', capacity='service_user')]))"
)
"""A first ``classify()`` with the default registry: it builds the registry and scans the entry points."""

IMPORT_COMMANDS = {
    "pass": "pass",
    "attrs, cattrs": "import attrs, cattrs",
    "humanising": "import humanising",
    # The package loads its parts on first use; this is what a program that builds facts pays.
    "humanising + facts": "import humanising; humanising.Initiative",
    "first classify": FIRST_CLASSIFY,
    # What the first classify pays to find plug-in models, on its own: the registry's scan,
    # net of importing the module that does it.
    "registry module": "import humanising._reasoning._registry",
    "entry-point scan": "from humanising._reasoning._registry import entry_point_models; entry_point_models()",
    # The standard library's scan, which the registry does only where a package may declare the group.
    "importlib.metadata scan": "from importlib.metadata import entry_points; entry_points(group='humanising.models')",
    # What the console script does for `humanising --help` (its output goes to /dev/null).
    "humanising --help": "from humanising.cli import main; main(['--help'])",
}


def time_imports(rounds: int) -> dict[str, list[float]]:
    """Wall time in ms of ``python -c CODE`` per command, interleaved round by round (order rotated each round)."""
    env = _subprocess_env()
    names = list(IMPORT_COMMANDS)

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", code], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        return (time.perf_counter() - start) * 1e3

    for name in names:  # warm up: bytecode caches written, files in the page cache
        run(IMPORT_COMMANDS[name])
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_number in range(rounds):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            times[name].append(run(IMPORT_COMMANDS[name]))
    return times


def imported_modules(code: str) -> list[str]:
    """The modules ``python -X importtime -c CODE`` reports, in import order."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        env=_subprocess_env(),
        check=True,
        capture_output=True,
        text=True,
    )
    modules = []
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name != "imported package":
                modules.append(name)
    return modules


def process_rows(costs: dict[str, list[float]], unit: str, *, decisive: bool) -> list[Row]:
    """The rows for the processes, from per-round costs (one value per round for an instruction count)."""
    base = costs["pass"]

    def net(name: str) -> float:  # paired with the start-up of the same round
        return statistics.median(c - b for c, b in zip(costs[name], base, strict=True))

    def shown(value: float) -> str:
        return f"{value:.1f} ms" if unit == "ms" else f"{value / 1e6:.1f}M instr"

    raw = {name: statistics.median(samples) for name, samples in costs.items()}
    net_attrs = net("attrs, cattrs")
    first = net("first classify")
    scan = net("entry-point scan") - net("registry module")
    stdlib_scan = net("importlib.metadata scan")
    return [
        Row("python -c pass (start-up)", shown(raw["pass"])),
        Row("import attrs, cattrs: raw / net", f"{shown(raw['attrs, cattrs'])} / {shown(net_attrs)}"),
        Row("import humanising: raw / net", f"{shown(raw['humanising'])} / {shown(net('humanising'))}"),
        judged(
            "import humanising / attrs+cattrs (net)",
            net("humanising") / net_attrs,
            IMPORT_RATIO_TARGET,
            decisive=decisive,
        ),
        judged(
            "humanising --help / import attrs, cattrs (raw)",
            raw["humanising --help"] / raw["attrs, cattrs"],
            HELP_RATIO_TARGET,
            decisive=decisive,
        ),
        Row(
            "humanising + facts on first use: net, / attrs+cattrs",
            f"{shown(net('humanising + facts'))}, {net('humanising + facts') / net_attrs:.2f}x",
        ),
        Row("first classify() in a fresh process: net", shown(first)),
        judged(
            "first classify() / attrs+cattrs (net)", first / net_attrs, FIRST_CLASSIFY_RATIO_TARGET, decisive=decisive
        ),
        Row(
            "  entry-point scan alone: net, / attrs+cattrs, / first classify",
            f"{shown(scan)}, {scan / net_attrs:.2f}x, {scan / first:.0%}",
        ),
        Row(
            "  importlib.metadata's scan (done only where a package may declare the group): net",
            f"{shown(stdlib_scan)}, {stdlib_scan / net_attrs:.2f}x",
        ),
    ]


def import_rows(settings: Settings) -> list[Row]:
    rows = process_rows(time_imports(settings.import_rounds), "ms", decisive=False)
    loaded = {module.split(".", 1)[0] for module in imported_modules("import humanising")}
    rows.extend(
        Row(
            f"import humanising imports {package}",
            "yes" if package in loaded else "no",
            "no",
            package not in loaded,
            True,
        )
        for package in FORBIDDEN_ON_IMPORT
    )
    rows.extend(
        Row(f"import humanising imports {package}", "yes" if package in loaded else "no")
        for package in REPORTED_ON_IMPORT
    )
    return rows


# --- instruction counts (valgrind callgrind): figures that do not depend on load

CHILD = Path(__file__).with_name("callgrind_child.py")
COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")
INSTRUCTION_TARGETS = ("reference", size_name(LARGEST), "cases")


def instructions_of(args: Sequence[str]) -> int:
    """Every instruction ``python ARGS`` executes, start-up included, counted by callgrind."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, *args]
    result = subprocess.run(command, env=_subprocess_env(), capture_output=True, text=True, check=False)
    match = COLLECTED.search(result.stderr)
    if result.returncode != 0 or match is None:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return int(match.group(1))


def instruction_rows(settings: Settings, found: dict[str, tuple[Initiative, ...]], *, imports: bool) -> list[Row]:
    """Instructions per initiative: (workload over N copies) - (making the N copies alone), divided by N."""
    runs: dict[tuple[str, str, int], list[str]] = {}
    for target in INSTRUCTION_TARGETS:
        rounds = rounds_for(target, settings.instruction_rounds)
        runs[target, "copies", 0] = [str(CHILD), target, "copies", "0"]
        for workload in ("copies", *WORKLOADS):
            runs[target, workload, rounds] = [str(CHILD), target, workload, str(rounds)]
    commands = {name: ["-c", code] for name, code in IMPORT_COMMANDS.items()} if imports else {}
    for args in [*(runs[target, "copies", 0] for target in INSTRUCTION_TARGETS), *commands.values()]:
        subprocess.run(  # warm up: bytecode caches written before anything is counted
            [sys.executable, *args], env=_subprocess_env(), check=True, stdout=subprocess.DEVNULL
        )
    with ThreadPoolExecutor(max_workers=2) as pool:  # counts do not depend on load: run two at a time
        counted = dict(zip(runs, pool.map(instructions_of, runs.values()), strict=True))
        process_counts = dict(zip(commands, pool.map(instructions_of, commands.values()), strict=True))

    per: dict[tuple[str, str], float] = {}
    rows = []
    for target in INSTRUCTION_TARGETS:
        rounds = rounds_for(target, settings.instruction_rounds)
        count = rounds * len(found[target])
        copies = counted[target, "copies", rounds]
        per[target, "copy"] = (copies - counted[target, "copies", 0]) / count
        for workload in WORKLOADS:
            per[target, workload] = (counted[target, workload, rounds] - copies) / count
        rows.append(
            Row(f"making a fresh copy: {describe(target, found[target])}", f"{per[target, 'copy'] / 1e3:.1f}k instr")
        )
        for workload in WORKLOADS:
            measured = f"{per[target, workload] / 1e3:.1f}k instr"
            if workload != "naive":
                measured += f", {per[target, workload] / per[target, 'naive']:.2f}x naive"
            rows.append(Row(f"{LABELS[workload]}: {describe(target, found[target])}", measured))
    rows += ratio_rows("instructions", lambda t, w: [per[t, w]], lambda n, d: n[0] / d[0], decisive=True)
    if imports:
        rows = process_rows({name: [count] for name, count in process_counts.items()}, "instr", decisive=True) + rows
    return rows


# --- output


def print_table(rows: Sequence[Row]) -> None:
    header = Row("check", "measured", "target")
    widths = [max(len(getattr(row, field)) for row in (header, *rows)) for field in ("check", "measured", "target")]
    lines = [(header.check, header.measured, header.target, "result")]
    lines += [(row.check, row.measured, row.target, row.result) for row in rows]
    for check, measured, target, result in lines:
        print(f"{check:<{widths[0]}}  {measured:>{widths[1]}}  {target:<{widths[2]}}  {result}")


def print_verdicts(found: dict[str, tuple[Initiative, ...]]) -> None:
    """The verdicts of every measured initiative: the scaled ones must keep the reference's."""

    def fits(initiative: Initiative) -> dict[str, str]:
        return {model: str(verdict.fit) for model, verdict in humanising.classify(initiative, models=BUILTIN).items()}

    (reference,) = found["reference"]
    expected = fits(reference)
    print("reference verdicts:", ", ".join(f"{model}={fit}" for model, fit in expected.items()))
    for factor in SIZES[1:]:
        (initiative,) = found[size_name(factor)]
        differ = {model: fit for model, fit in fits(initiative).items() if fit != expected[model]}
        print(f"  {size_name(factor)}: {'the same' if not differ else f'differs: {differ}'}")
    mix: dict[str, int] = {}
    for case in found["cases"]:
        for fit in fits(case).values():
            mix[fit] = mix.get(fit, 0) + 1
    print(f"shipped cases ({len(found['cases'])}):", ", ".join(f"{count} {fit}" for fit, count in sorted(mix.items())))


def print_profile(settings: Settings) -> None:
    templates = (build_initiative(),)
    warm_up(templates)
    batch = fresh_copies(templates, settings.rounds * 10)
    profiler = cProfile.Profile()
    profiler.enable()
    for initiative in batch:
        classify_all(initiative)
    profiler.disable()
    print(
        f"\ncProfile of {len(batch)} classify+equalises+humanises calls on fresh copies (times inflated by profiling):"
    )
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(25)


def load_average() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"


def describe_environment(settings: Settings, *, instructions: bool) -> str:
    versions = ", ".join(f"{name} {importlib.metadata.version(name)}" for name in ("attrs", "cattrs"))
    if instructions:
        method = f"instruction counts, {settings.instruction_rounds} copies per run at the reference size"
    else:
        method = (
            f"{settings.import_rounds} import rounds, {settings.repeats} repeats x {settings.rounds} fresh copies "
            "at the reference size, collector on"
        )
    return (
        f"Python {platform.python_version()} ({platform.machine()}, {os.cpu_count()} CPUs, "
        f"load average {load_average()}), {versions}\n{method}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions: fast but noisier")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of classify")
    parser.add_argument("--skip-imports", action="store_true", help="skip the rows that start processes")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions under valgrind callgrind instead of timing (figures that do not depend on load)",
    )
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else THOROUGH

    print(describe_environment(settings, instructions=args.instructions))
    if args.instructions and shutil.which("valgrind") is None:
        print("valgrind is not installed: instruction counts skipped (on Debian: apt-get install valgrind).")
        return 0
    found = targets()
    print_verdicts(found)
    print()
    if args.instructions:
        rows = instruction_rows(settings, found, imports=not args.skip_imports)
    else:
        rows = [] if args.skip_imports else import_rows(settings)
        rows += classify_rows(settings, found)
    print_table(rows)
    if args.profile:
        print_profile(settings)
    print(f"\nload average now {load_average()}")
    missed = [row.check.strip() for row in rows if row.ok is False]
    if missed:
        print(f"Missed {len(missed)} target(s): the FAIL rows above.")
    failed = [row.check.strip() for row in rows if row.ok is False and row.decisive]
    if failed:
        print(f"Exit status 1: {len(failed)} check(s) that do not depend on load failed.")
        return 1
    print("Exit status 0: no check that does not depend on load failed." if missed else "All targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
