"""Any number of initiatives, judged one at a time as they are read: memory stays bounded.

Nothing is kept between initiatives: each result is yielded as soon as it is made, and a
caller that keeps none of them holds one initiative at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from humanising._facts import Initiative
from humanising._reasoning._analysis import Analysis, analyse, classify
from humanising._reasoning._registry import Model, Registry
from humanising._reasoning._verdict import Verdict


def classify_many(
    initiatives: Iterable[Initiative], *, models: Registry | Iterable[Model] | None = None
) -> Iterator[Mapping[str, Verdict]]:
    """Every model's verdict on each initiative, in order, each as soon as its initiative is read.

    Example:
        >>> import humanising
        >>> cases = (humanising.casebook.load(case_id) for case_id in ("sleepwell", "mhf-wales"))
        >>> [verdicts["coproduction"].fit.value for verdicts in humanising.classify_many(cases)]
        ['does not fit', 'does not fit']
    """
    chosen = models if models is None or isinstance(models, Registry) else Registry(models)
    for initiative in initiatives:
        yield classify(initiative, models=chosen)


def analyse_many(
    initiatives: Iterable[Initiative], *, models: Registry | Iterable[Model] | None = None
) -> Iterator[Analysis]:
    """The analysis of each initiative, in order, each as soon as its initiative is read.

    Example:
        >>> import humanising
        >>> lines = humanising.load_lines(['{"id": "a", "name": "A"}', '{"id": "b", "name": "B"}'])
        >>> [analysis.initiative.id for analysis in humanising.analyse_many(lines)]
        ['a', 'b']
    """
    chosen = models if models is None or isinstance(models, Registry) else Registry(models)
    for initiative in initiatives:
        yield analyse(initiative, models=chosen)
