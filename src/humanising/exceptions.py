"""Errors raised by humanising.

Every error the library raises on purpose derives from [`HumanisingError`][humanising.exceptions.HumanisingError],
and each concrete error also derives from the builtin that fits it, so code that
already catches `ValueError` or `LookupError` keeps working:

```text
HumanisingError
├── InvalidFactError (ValueError)          a fact that cannot be true as written
│   ├── UndefinedStakeholderError          a reference to a stakeholder id that is not defined
│   ├── DuplicateIdError                   two things share an id that must be unique
│   └── CapacityError                      acting in a capacity the stakeholder does not have
├── FactPathError (ValueError)             a fact path that is malformed or names no fact of an initiative
├── CaseFileError (ValueError)             a case file that cannot be read as an initiative
├── UnknownCaseError (LookupError)         no shipped case has that id
├── InvalidVerdictError (ValueError)       a verdict built with a fit its criteria contradict
├── UnknownModelError (KeyError)           no model in a registry (or verdict in a mapping) has that id
├── ClaimSyntaxError (ValueError)          a claim's expression that cannot be read
├── RegistrationError (ValueError)         a model registered twice or malformed
└── NotAnInitiativeError (TypeError)       a function that reads an initiative was given something else

PluginWarning (UserWarning)                a contributed model skipped or left out
```

Each error keeps its payload as attributes (`field`, `value`, `expected`, …)
so programs can react without parsing messages.
"""

from __future__ import annotations

import re
import reprlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from humanising._facts._paths import FactPath

__all__ = [
    "CapacityError",
    "CaseFileError",
    "ClaimSyntaxError",
    "DuplicateIdError",
    "FactPathError",
    "HumanisingError",
    "InvalidFactError",
    "InvalidVerdictError",
    "NotAnInitiativeError",
    "PluginWarning",
    "RegistrationError",
    "UndefinedStakeholderError",
    "UnknownCaseError",
    "UnknownModelError",
]


_SEPARATORS = re.compile(r"[-_ ]")


def _suggestion(value: object, known: tuple[str, ...]) -> str | None:
    """The one of ``known`` that ``value`` most likely means, if any: the same but for separators, or close."""
    if not isinstance(value, str):
        return None
    squashed = {_SEPARATORS.sub("", choice.lower()): choice for choice in known}
    same = squashed.get(_SEPARATORS.sub("", value.lower()))
    if same is not None:
        return same
    import difflib  # only when there is a near miss to name: most programs never need it

    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    return close[0] if close else None


def _did_you_mean(suggestion: str | None) -> str:
    return "" if suggestion is None else f" (did you mean {suggestion!r}?)"


class HumanisingError(Exception):
    """The root of every error humanising raises on purpose.

    Example:
        >>> from humanising import Stakeholder
        >>> from humanising.exceptions import HumanisingError
        >>> try:
        ...     Stakeholder(id="x", name="", identities={"service_user"})
        ... except HumanisingError as error:
        ...     print(error.field)
        Stakeholder.name
    """


class InvalidFactError(HumanisingError, ValueError):
    """A fact that cannot hold as written.

    Attributes:
        field: Where the fact sits, for a person, e.g. ``Participation.involvement``.
        value: The offending value, as given.
        expected: What would have been accepted.
        path: Where the fact sits inside the object being built, as a ``FactPath``
            (``involvement``; ``participations[3].stakeholder`` for an initiative).

    Example:
        >>> from humanising import Participation
        >>> from humanising.exceptions import InvalidFactError
        >>> try:
        ...     Participation("peers", "design", "co-designer", capacity="service_user")
        ... except InvalidFactError as error:
        ...     print(error.field, error.path.steps)
        Participation.involvement ('involvement',)
    """

    def __init__(self, field: str, value: object, expected: str, *, path: FactPath | None = None) -> None:
        from humanising._facts._paths import FactPath

        self.field = field
        self.value = value
        self.expected = expected
        self.path = FactPath() if path is None else path
        super().__init__(f"{field}: expected {expected}, got {value!r}")


class UndefinedStakeholderError(InvalidFactError):
    """A participation, relationship or other fact names a stakeholder id that is not defined."""


class DuplicateIdError(InvalidFactError):
    """Two stakeholders, products or parts share an id, or a stakeholder takes part twice in one stage."""


class CapacityError(InvalidFactError):
    """A stakeholder acts in a capacity (identity) it does not have."""


class FactPathError(HumanisingError, ValueError):
    """A fact path that is malformed, or that names no fact of the initiative it is used on.

    Attributes:
        path: The path, as given.
        expected: What would have been accepted.

    Example:
        >>> import humanising
        >>> from humanising.exceptions import FactPathError
        >>> try:
        ...     humanising.FactPath.parse("participations[]")
        ... except FactPathError as error:
        ...     print(error.path)
        participations[]
    """

    def __init__(self, path: object, expected: str) -> None:
        self.path = path
        self.expected = expected
        super().__init__(f"fact path {path!r}: expected {expected}")


class CaseFileError(HumanisingError, ValueError):
    r"""A case file (YAML or JSON) that cannot be read as initiatives.

    Attributes:
        file: The file's path, or a name such as ``<string>``.
        path: Where inside the document the problem is, e.g. ``$.participations[3].stakeholder``.
        expected: What would have been accepted there.
        line: The 1-based line in the file, where the format gives one, else ``None``.
        column: The 1-based column in the file, where the format gives one, else ``None``.
        errors: Every problem found in the file (up to 50), in file order, each a
            ``CaseFileError`` of its own; this error's attributes are the first's. Its
            message lists them all, one per line.

    Example:
        >>> import humanising
        >>> from humanising.exceptions import CaseFileError
        >>> try:
        ...     humanising.loads("id: x\nname: X\nplace: 3\nperiod: 4\n", file="case.yaml")
        ... except CaseFileError as error:
        ...     print(len(error.errors))
        ...     print(error)
        2
        case.yaml:3:1: $.place: expected a string, got 3 (put it in quotes to make it text)
        case.yaml:4:1: $.period: expected a string, got 4 (put it in quotes to make it text)
    """

    def __init__(
        self,
        file: str,
        path: str,
        expected: str,
        *,
        line: int | None = None,
        column: int | None = None,
        errors: tuple[CaseFileError, ...] = (),
    ) -> None:
        self.file = file
        self.path = path
        self.expected = expected
        self.line = line
        self.column = column
        where = file if line is None else f"{file}:{line}" if column is None else f"{file}:{line}:{column}"
        # A syntax error's path is its line and column, and "$" is the whole file: neither adds anything.
        plain = path == "$" or path.startswith("line ")
        message = f"{where}: {expected}" if plain else f"{where}: {path}: {expected}"
        self.errors: tuple[CaseFileError, ...] = errors or (self,)
        if errors:
            message = "\n".join(str(error) for error in errors)
        super().__init__(message)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # Sent between processes (a worker pool, a Dask cluster), it arrives whole, with every error it lists.
        errors = () if self.errors == (self,) else self.errors
        return _case_file_error, (self.file, self.path, self.expected, (self.line, self.column), errors)


def _case_file_error(
    file: str, path: str, expected: str, where: tuple[int | None, int | None], errors: tuple[CaseFileError, ...]
) -> CaseFileError:
    line, column = where
    return CaseFileError(file, path, expected, line=line, column=column, errors=errors)


class UnknownCaseError(HumanisingError, LookupError):
    """No shipped casebook case has the requested id.

    Attributes:
        case_id: The id that was asked for.
        known: The ids that exist.
        suggestion: The known id it most likely means, or ``None``.

    Example:
        >>> import humanising
        >>> humanising.casebook.load("sleep-well")
        Traceback (most recent call last):
        ...
        humanising.exceptions.UnknownCaseError: no casebook case 'sleep-well' (did you mean 'sleepwell'?); ...
    """

    def __init__(self, case_id: str, known: tuple[str, ...]) -> None:
        self.case_id = case_id
        self.known = known
        self.suggestion = _suggestion(case_id, known)
        super().__init__(
            f"no casebook case {case_id!r}{_did_you_mean(self.suggestion)}; known cases: {', '.join(known)}"
        )

    def __str__(self) -> str:
        # LookupError would otherwise print the repr of its first argument.
        return str(self.args[0])


class InvalidVerdictError(HumanisingError, ValueError):
    """A verdict that cannot hold as built: its fit contradicts its criteria, or a part is of the wrong type.

    Attributes:
        model: The id of the model the verdict is for.

    Example:
        >>> from humanising import CriterionResult, Verdict
        >>> from humanising.exceptions import InvalidVerdictError
        >>> unmet = CriterionResult("peers_lead", "unmet", True, "Peers do not lead.")
        >>> try:
        ...     Verdict("peer_led", [unmet], fit="fits")
        ... except InvalidVerdictError as error:
        ...     print(error)
        verdict of 'peer_led': its criteria add up to 'does not fit', not 'fits'; the fit follows from them
    """

    def __init__(self, model: str, problem: str) -> None:
        self.model = model
        super().__init__(f"verdict of {model!r}: {problem}")


class UnknownModelError(HumanisingError, KeyError):
    """A registry holds no model with the requested id, or the verdicts ``classify`` returns hold none for it.

    Attributes:
        model_id: The id that was asked for.
        known: The ids the registry (or the verdicts) hold, in order.
        suggestion: The known id it most likely means, or ``None``.

    Example:
        >>> import humanising
        >>> registry = humanising.Registry(m for m in humanising.registered_models() if m.id == "user_led")
        >>> registry["peer_support"]
        Traceback (most recent call last):
        ...
        humanising.exceptions.UnknownModelError: no model 'peer_support' in this registry; it holds: user_led
        >>> humanising.classify(humanising.casebook.load("sleepwell"))["co-production"]
        Traceback (most recent call last):
        ...
        humanising.exceptions.UnknownModelError: no verdict of model 'co-production' (did you mean 'coproduction'?); ...
    """

    def __init__(self, model_id: str, known: tuple[str, ...], *, of: str = "registry") -> None:
        self.model_id = model_id
        self.known = known
        self.suggestion = _suggestion(model_id, known)
        hint = _did_you_mean(self.suggestion)
        held = ", ".join(known) or "no models"
        if of == "verdicts":
            message = f"no verdict of model {model_id!r}{hint}; there are verdicts of: {held}"
        else:
            message = f"no model {model_id!r} in this registry{hint}; it holds: {held}"
        super().__init__(message)

    def __str__(self) -> str:
        # KeyError would otherwise print the repr of its first argument.
        return str(self.args[0])


class ClaimSyntaxError(HumanisingError, ValueError):
    """A claim's expression that cannot be read: the message points at the place, with a caret.

    Attributes:
        expression: The expression as given.
        column: Where the problem starts, counting from 1.
        width: How many characters the caret marks.
        problem: What is wrong there, in words.
        suggestion: The known name it most likely means, or ``None``.

    Example:
        >>> import humanising.claims
        >>> humanising.claims.parse("humanises -> coprodution")
        Traceback (most recent call last):
        ...
        humanising.exceptions.ClaimSyntaxError: column 14: unknown model id 'coprodution' (did you mean 'coproduction'?)
          humanises -> coprodution
                       ^^^^^^^^^^^
    """

    def __init__(
        self, expression: str, column: int, problem: str, *, width: int = 1, suggestion: str | None = None
    ) -> None:
        self.expression = expression
        self.column = column
        self.width = max(width, 1)
        self.problem = problem
        self.suggestion = suggestion
        shown = expression.replace("\t", " ").replace("\n", " ").replace("\r", " ")
        caret = " " * (column - 1) + "^" * self.width
        super().__init__(f"column {column}: {problem}{_did_you_mean(suggestion)}\n  {shown}\n  {caret}")


class RegistrationError(HumanisingError, ValueError):
    """A model could not be registered (its id is taken or malformed)."""


class NotAnInitiativeError(HumanisingError, TypeError):
    """A function that reads an initiative (``classify``, ``analyse``, ``settle``, …) was given something else.

    Attributes:
        function: The function that was called, e.g. ``classify``.
        value: What it was given.

    Example:
        >>> import humanising
        >>> humanising.classify({"id": "mine", "name": "Mine"})
        Traceback (most recent call last):
        ...
        humanising.exceptions.NotAnInitiativeError: classify: expected a humanising.Initiative, got a dict ...
    """

    def __init__(self, function: str, value: object) -> None:
        self.function = function
        self.value = value
        kind = type(value).__name__
        got = "None" if value is None else f"{'an' if kind[:1] in 'aeiouAEIOU' else 'a'} {kind} ({reprlib.repr(value)})"
        hint = ""
        if isinstance(value, dict):
            hint = "; humanising.structure(data) builds one from plain data"
        elif isinstance(value, str):
            hint = "; humanising.casebook.load(id), load_file(path) or loads(text) read one"
        super().__init__(f"{function}: expected a humanising.Initiative, got {got}{hint}")


class PluginWarning(UserWarning):
    """A contributed model is skipped, or left out of an initiative's verdicts; the built-in models carry on.

    Warned once, while the registry is first built, for each entry point of the
    ``humanising.models`` group that fails to import, names something other than a
    ``Model``, or names a model whose id is taken (``humanising models`` lists it as
    broken); and by ``classify`` and ``analyse`` for a contributed model whose predicate
    raises or returns no verdict (``analyse`` records it in ``Analysis.errors``). Not a
    ``HumanisingError``: nothing is raised. Turn it into an error with
    ``warnings.simplefilter("error", PluginWarning)``.

    Example:
        >>> import humanising, warnings
        >>> from humanising.exceptions import PluginWarning
        >>> model = humanising.Model(id="broken", name="Broken", summary="", source="none",
        ...                          judge=lambda initiative: None)
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     verdicts = humanising.classify(humanising.casebook.load("sleepwell"), models=[model])
        >>> dict(verdicts), caught[0].category is PluginWarning
        ({}, True)
        >>> print(caught[0].message)
        model 'broken' (from ...) failed and is left out of the verdicts: its predicate returned None, ...
    """
