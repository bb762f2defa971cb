"""Any number of initiatives, judged as they are read: memory stays bounded, on one core or several.

Nothing is kept between initiatives: each result is yielded as soon as it is made, in the
order the initiatives come. With ``jobs`` other than 1, chunks of initiatives go to worker
processes, a bounded number at a time, and their results come back in order.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, NamedTuple

from humanising._facts import Initiative
from humanising._reasoning._analysis import Analysis, analyse, classify, registered_models
from humanising._reasoning._declared import Compact, compact, rebuilt
from humanising._reasoning._registry import Model, Registry
from humanising._reasoning._verdict import Verdict
from humanising.exceptions import RegistrationError

CHUNK = 64
"""Initiatives sent to a worker at once: enough to outweigh the cost of sending them."""


def classify_many(
    initiatives: Iterable[Initiative],
    *,
    models: Registry | Iterable[Model] | None = None,
    jobs: int = 1,
    start_method: str | None = None,
) -> Iterator[Mapping[str, Verdict]]:
    """Every model's verdict on each initiative, in order, each as soon as it is made.

    Args:
        initiatives: Any iterable, read lazily (a generator over a file is never read ahead
            of the results asked for by more than a few chunks).
        models: The models to judge by (default: every registered model).
        jobs: Worker processes: 1 (the default) judges here; 0 means every usable CPU. A
            worker sends back each verdict as its statuses, and its reasons are written here
            when read. Each initiative is sent to its worker whole, which for initiatives the
            size of the casebook's costs more than judging them: measure before choosing more.
        start_method: How workers start (``fork``, ``spawn`` or ``forkserver``; default: the
            platform's). Models registered at run time reach them under every method.

    Raises:
        humanising.exceptions.RegistrationError: ``jobs`` is not 1 and a model cannot be sent
            to a worker (its predicate is a lambda, or lives in ``__main__``).
        ValueError: ``jobs`` is negative.

    Example:
        >>> import humanising
        >>> cases = (humanising.casebook.load(case_id) for case_id in ("sleepwell", "mhf-wales"))
        >>> [verdicts["coproduction"].fit.value for verdicts in humanising.classify_many(cases)]
        ['does not fit', 'does not fit']
    """
    return _many(_CLASSIFY, initiatives, models, jobs, start_method)


def analyse_many(
    initiatives: Iterable[Initiative],
    *,
    models: Registry | Iterable[Model] | None = None,
    jobs: int = 1,
    start_method: str | None = None,
) -> Iterator[Analysis]:
    """The analysis of each initiative, in order, each as soon as it is made; ``jobs`` as for ``classify_many``.

    An analysis comes back from a worker with every sentence written, so workers pay off only
    where judging costs more than writing the reasons; ``classify_many`` sends back statuses alone.

    Example:
        >>> import humanising
        >>> lines = humanising.load_lines(['{"id": "a", "name": "A"}', '{"id": "b", "name": "B"}'])
        >>> [analysis.initiative.id for analysis in humanising.analyse_many(lines)]
        ['a', 'b']
    """
    return _many(_ANALYSE, initiatives, models, jobs, start_method)


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity where the platform says), at least 1."""
    affinity = getattr(os, "sched_getaffinity", None)
    return max(1, len(affinity(0)) if affinity is not None else (os.cpu_count() or 1))


class _Task(NamedTuple):
    """One way of judging many initiatives: here, in a worker, and what the worker's result becomes here."""

    here: Callable[..., Any]
    work: Callable[[Registry, list[Initiative]], list[Any]]
    receive: Callable[[Registry, Initiative, Any], Any]


def _many(
    task: _Task,
    initiatives: Iterable[Initiative],
    models: Registry | Iterable[Model] | None,
    jobs: int,
    start_method: str | None,
) -> Iterator[Any]:
    registry = _registry(models, jobs)
    if jobs == 1:
        return (task.here(initiative, models=registry) for initiative in initiatives)
    return _in_workers(task.work, task.receive, initiatives, registry, _workers(jobs), start_method)


def in_chunks(
    work: Callable[[Registry, list[Any]], list[Any]],
    items: Iterable[Any],
    *,
    models: Registry | Iterable[Model] | None = None,
    jobs: int = 1,
    start_method: str | None = None,
) -> Generator[Any, None, None]:
    """``work`` over chunks of ``items``, its results in order: what the command line runs its records with.

    ``work`` and the items must be picklable when ``jobs`` is not 1 (``work`` a module's function,
    or a ``functools.partial`` of one), so that raw records can be parsed in the workers too.
    With ``jobs`` 1 each item is worked alone, as soon as it is read.
    """
    registry = _registry(models, jobs)
    if jobs == 1:
        return (result for item in items for result in work(registry, [item]))
    return _in_workers(work, _as_sent, items, registry, _workers(jobs), start_method)


def _registry(models: Registry | Iterable[Model] | None, jobs: int) -> Registry:
    if type(jobs) is not int or jobs < 0:
        raise ValueError(f"jobs must be a whole number, 0 for every usable CPU, got {jobs!r}")
    return models if isinstance(models, Registry) else Registry(registered_models() if models is None else models)


def _workers(jobs: int) -> int:
    return usable_cpus() if jobs == 0 else jobs


def _in_workers(  # noqa: PLR0917 - one private caller each
    work: Callable[[Registry, list[Any]], list[Any]],
    receive: Callable[[Registry, Any, Any], Any],
    items: Iterable[Any],
    registry: Registry,
    workers: int,
    start_method: str | None,
) -> Generator[Any, None, None]:
    models = tuple(registry)
    _check_sendable(models)
    context = multiprocessing.get_context(start_method)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(models,)) as pool:
        pending: deque[tuple[list[Any], Future[list[Any]]]] = deque()
        source = iter(items)
        while True:
            chunk = list(itertools.islice(source, CHUNK))
            if chunk:
                pending.append((chunk, pool.submit(_run, work, chunk)))
            # A bounded number of chunks in flight: memory stays flat however long the input.
            while pending and (len(pending) > 2 * workers or not chunk):
                sent, future = pending.popleft()
                for item, result in zip(sent, future.result(), strict=True):
                    yield receive(registry, item, result)
            if not chunk:
                return


def _check_sendable(models: tuple[Model, ...]) -> None:
    for model in models:
        try:
            pickle.dumps(model)
        except (pickle.PicklingError, AttributeError, TypeError) as error:
            raise RegistrationError(
                f"model {model.id!r} cannot be sent to worker processes ({error}): its predicate must be "
                "importable by its qualified name, not a lambda or a function defined in __main__; "
                "run it with jobs=1, or define it in a module"
            ) from None


_WORKER_REGISTRY: list[Registry] = []
"""The models a worker process judges by, set once when it starts."""


def _start_worker(models: tuple[Model, ...]) -> None:
    _WORKER_REGISTRY.append(Registry(models))


def _run(work: Callable[[Registry, list[Any]], list[Any]], chunk: list[Any]) -> list[Any]:
    return work(_WORKER_REGISTRY[-1], chunk)


def _classify_chunk(registry: Registry, chunk: list[Initiative]) -> list[dict[str, Verdict | Compact]]:
    # A declared model's verdict goes back as its statuses; its reasons are written here when read.
    sent: list[dict[str, Verdict | Compact]] = []
    for initiative in chunk:
        verdicts = classify(initiative, models=registry)
        sent.append({model_id: compact(verdict) or verdict for model_id, verdict in verdicts.items()})
    return sent


def _rebuild_verdicts(
    registry: Registry, initiative: Initiative, sent: dict[str, Verdict | Compact]
) -> Mapping[str, Verdict]:
    return {
        model_id: verdict if isinstance(verdict, Verdict) else rebuilt(verdict, initiative, registry[model_id].judge)  # type: ignore[arg-type]
        for model_id, verdict in sent.items()
    }


def _analyse_chunk(registry: Registry, chunk: list[Initiative]) -> list[Analysis]:
    return [analyse(initiative, models=registry) for initiative in chunk]


def _as_sent(_registry: Registry, _item: Any, result: Any) -> Any:
    return result


_CLASSIFY = _Task(classify, _classify_chunk, _rebuild_verdicts)
_ANALYSE = _Task(analyse, _analyse_chunk, _as_sent)
