"""The expression language of claims: a tokenizer and a recursive-descent parser, with no ``eval``.

Grammar (lowest precedence first; ``->`` groups to the right)::

    claim      := disjunction ("->" claim)?
    disjunction:= conjunction ("or" conjunction)*
    conjunction:= negation ("and" negation)*
    negation   := "not" negation | atom
    atom       := "(" claim ")"
                | "equalises" ("(" argument ("," argument)? ")")?
                | "met" "(" VERDICT "," CRITERION ")"
                | VERDICT "@" STAGE
                | VERDICT (COMPARISON (FIT | VERDICT))?
    COMPARISON := "=" | "==" | "!=" | "<" | "<=" | ">" | ">="
    FIT        := "fits" | "partly" | "does not fit" | "does_not_fit"

A VERDICT is a registered model's id or ``humanises``. Names are only ever looked up in
these tables: nothing in an expression is run, imported or read as an attribute.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

import attrs

from humanising._facts import Stage
from humanising._reasoning._claims import (
    COMPARISONS,
    HUMANISES,
    Achievement,
    And,
    AtStage,
    CriterionMet,
    Equalises,
    FitIs,
    Humanises,
    Implies,
    Node,
    Not,
    Or,
)
from humanising._reasoning._relations import RelationshipKind
from humanising._reasoning._verdict import Fit
from humanising.exceptions import ClaimSyntaxError

_TOKEN = re.compile(r"\s*(?:(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>->|<=|>=|==|!=|[=<>(),@]))")
_KEYWORDS = ("not", "and", "or", "equalises", "met", HUMANISES)
_FITS = {"fits": Fit.FITS, "partly": Fit.PARTLY, "does_not_fit": Fit.DOES_NOT_FIT}
_ACHIEVEMENTS = {"achieved": Achievement.ACHIEVED, "observed": Achievement.ACHIEVED, "aim": Achievement.AIM}
_END = "end"


@attrs.frozen
class Token:
    """One token: ``name``, ``op`` or ``end``, its text, and its column (from 1)."""

    kind: str
    text: str
    column: int


def tokens(expression: str) -> list[Token]:
    """The tokens of an expression, ending with an ``end`` token.

    Raises:
        ClaimSyntaxError: A character no token starts with (a dot, a quote, a digit, ...), or
            a name that starts with an underscore.
    """
    found: list[Token] = []
    at = 0
    while True:
        while at < len(expression) and expression[at].isspace():
            at += 1
        if at == len(expression):
            found.append(Token(_END, "", at + 1))
            return found
        match = _TOKEN.match(expression, at)
        if match is None:
            raise ClaimSyntaxError(expression, at + 1, _unexpected(expression[at]))
        kind = "name" if match["name"] is not None else "op"
        text = match[kind]
        column = match.start(kind) + 1
        if kind == "name" and text.startswith("_"):
            raise ClaimSyntaxError(
                expression,
                column,
                f"{text!r}: no name in a claim starts with an underscore",
                width=len(text),
            )
        found.append(Token(kind, text, column))
        at = match.end()


def _unexpected(character: str) -> str:
    if character == ".":
        return "unexpected '.': a claim has no attribute access; name a model, a stage or a fit"
    if character in "'\"":
        return f"unexpected {character!r}: a claim has no strings; write does not fit without quotes"
    if character.isdigit():
        return f"unexpected {character!r}: a claim has no numbers"
    if character in "&|!~":
        return f"unexpected {character!r}: write and, or, not"
    return f"unexpected {character!r}"


class Parser:
    """Reads one expression into a claim's node tree, against the names it knows."""

    def __init__(self, expression: str, verdicts: Iterable[str], criteria: dict[str, tuple[str, ...]]) -> None:
        self.expression = expression
        self.verdicts = (*dict.fromkeys((*verdicts, HUMANISES)),)
        self.criteria = criteria
        self.tokens = tokens(expression)
        self.at = 0

    # --- reading tokens

    @property
    def peek(self) -> Token:
        return self.tokens[self.at]

    def _next(self) -> Token:
        token = self.tokens[self.at]
        if token.kind != _END:
            self.at += 1
        return token

    def _is(self, text: str) -> bool:
        return self.peek.kind != _END and self.peek.text == text

    def _error(self, token: Token, problem: str, *, suggestion: str | None = None) -> ClaimSyntaxError:
        return ClaimSyntaxError(self.expression, token.column, problem, width=len(token.text), suggestion=suggestion)

    def _shown(self, token: Token) -> str:
        return "the end" if token.kind == _END else repr(token.text)

    def _expect(self, text: str, what: str) -> Token:
        if not self._is(text):
            raise self._error(self.peek, f"expected {what}, got {self._shown(self.peek)}")
        return self._next()

    def _name(self, known: tuple[str, ...], what: str) -> tuple[Token, str]:
        token = self._next()
        if token.kind != "name":
            raise self._error(token, f"expected {what}, got {self._shown(token)}")
        if token.text not in known:
            close = difflib.get_close_matches(token.text, known, n=1, cutoff=0.6)
            raise self._error(token, f"unknown {what} {token.text!r}", suggestion=close[0] if close else None)
        return token, token.text

    # --- the grammar

    def parse(self) -> Node:
        if self.peek.kind == _END:
            raise self._error(self.peek, "the claim is empty: expected a model id, humanises, equalises, not or '('")
        node = self.claim()
        if self.peek.kind != _END:
            raise self._error(self.peek, f"expected 'and', 'or', '->' or the end, got {self._shown(self.peek)}")
        return node

    def claim(self) -> Node:
        condition = self.disjunction()
        if self._is("->"):
            self._next()
            return Implies(condition, self.claim())
        return condition

    def disjunction(self) -> Node:
        operands = [self.conjunction()]
        while self._is("or"):
            self._next()
            operands.append(self.conjunction())
        return operands[0] if len(operands) == 1 else Or(tuple(operands))

    def conjunction(self) -> Node:
        operands = [self.negation()]
        while self._is("and"):
            self._next()
            operands.append(self.negation())
        return operands[0] if len(operands) == 1 else And(tuple(operands))

    def negation(self) -> Node:
        if self._is("not"):
            self._next()
            return Not(self.negation())
        return self.atom()

    def atom(self) -> Node:
        token = self.peek
        if self._is("("):
            self._next()
            inner = self.claim()
            self._expect(")", "')' to close the '(' at column " + str(token.column))
            return inner
        if token.kind != "name" or token.text in ("and", "or"):
            raise self._error(token, f"expected a model id, humanises, equalises, not or '(', got {self._shown(token)}")
        if token.text == "equalises":
            self._next()
            return self.equalises()
        if token.text == "met":
            self._next()
            return self.met()
        _, verdict = self._name(self.verdicts, "model id")
        if self._is("@"):
            self._next()
            _, stage = self._name(tuple(stage.value for stage in Stage), "stage")
            return AtStage(verdict, Stage(stage))
        if self.peek.kind == "op" and self.peek.text in COMPARISONS:
            op = self._next().text
            return FitIs(verdict, op, self.fit_or_verdict())
        return Humanises() if verdict == HUMANISES else FitIs(verdict, "=", Fit.FITS)

    def fit_or_verdict(self) -> Fit | str:
        token = self.peek
        if token.kind == "name" and token.text == "does":
            self._next()
            for word in ("not", "fit"):
                if not self._is(word):
                    raise self._error(self.peek, f"expected 'does not fit', got {self._shown(self.peek)}")
                self._next()
            return Fit.DOES_NOT_FIT
        if token.kind == "name" and token.text in _FITS:
            self._next()
            return _FITS[token.text]
        if token.kind == "name" and token.text == "undetermined":
            raise self._error(
                token,
                "a verdict is compared with fits, partly or does not fit; undetermined has no place in "
                "that order, and leaves any comparison unknown",
            )
        _, verdict = self._name((*_FITS, *self.verdicts), "fit or model id")
        return verdict

    def equalises(self) -> Node:
        if not self._is("("):
            return Equalises()
        opening = self._next()
        kinds = tuple(kind.value for kind in RelationshipKind)
        first = self.peek
        if first.kind == "name" and first.text in _ACHIEVEMENTS:
            self._next()
            self._expect(")", f"')' to close the '(' at column {opening.column}")
            return Equalises(None, _ACHIEVEMENTS[first.text])
        _, kind = self._name((*kinds, *_ACHIEVEMENTS), "relationship kind")
        achievement = None
        if self._is(","):
            self._next()
            _, said = self._name(tuple(_ACHIEVEMENTS), "achieved or aim")
            achievement = _ACHIEVEMENTS[said]
        self._expect(")", f"')' to close the '(' at column {opening.column}")
        return Equalises(RelationshipKind(kind), achievement)

    def met(self) -> Node:
        opening = self._expect("(", "'(' after met: met(model, criterion)")
        _, verdict = self._name(self.verdicts, "model id")
        self._expect(",", "',' between the model and its criterion")
        _, criterion = self._name(self.criteria[verdict], f"criterion of {verdict}")
        self._expect(")", f"')' to close the '(' at column {opening.column}")
        return CriterionMet(verdict, criterion)


def parse(expression: str, verdicts: Iterable[str], criteria: dict[str, tuple[str, ...]]) -> Node:
    """The node tree of ``expression``, whose model ids must be among ``verdicts`` (``humanises`` always is).

    ``criteria`` gives the criterion ids of every verdict, ``humanises`` included.

    Raises:
        ClaimSyntaxError: The expression is malformed or names something unknown; the error
            gives the column, a caret under the place, and the name most likely meant.
    """
    if not isinstance(expression, str):
        raise TypeError(f"a claim's expression must be a string, got {type(expression).__name__}")
    return Parser(expression, verdicts, criteria).parse()


KEYWORDS = _KEYWORDS
"""The words with a meaning of their own in a claim."""
