"""The built-in frameworks, in the order comparisons list them, and their look-up by id."""

from __future__ import annotations

from humanising._reasoning._framework_bovaird import BOVAIRD
from humanising._reasoning._framework_involvement_matrix import INVOLVEMENT_MATRIX
from humanising._reasoning._framework_ladders import ARNSTEIN, IAP2, TLAP
from humanising._reasoning._framework_principles import NEF_NESTA, NIHR
from humanising._reasoning._frameworks import Framework

BUILTIN_FRAMEWORKS: tuple[Framework, ...] = (BOVAIRD, TLAP, ARNSTEIN, IAP2, INVOLVEMENT_MATRIX, NEF_NESTA, NIHR)
"""Every framework this library reads, matrices and ladders before checklists."""

_BY_ID = {framework.id: framework for framework in BUILTIN_FRAMEWORKS}


def get(framework_id: str) -> Framework:
    """The framework of that id.

    Raises:
        KeyError: There is none; the message lists the ids there are.

    Example:
        >>> from humanising import frameworks
        >>> frameworks.get("nihr").kind.value
        'checklist'
    """
    try:
        return _BY_ID[framework_id]
    except KeyError:
        raise KeyError(f"no framework {framework_id!r}; the frameworks are {', '.join(_BY_ID)}") from None
