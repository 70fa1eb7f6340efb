"""A small, safe expression language for skip logic and constraints.

Survey authors write expressions such as ``mood in ['poor', 'very_poor']`` or
``. >= 0 and . <= 7``.  They are tokenised and parsed here into a tree of
plain Python objects and evaluated against a dict of answers; nothing is ever
handed to ``eval``.  Grammar (lowest precedence first)::

    expr       := or_expr
    or_expr    := and_expr ("or" and_expr)*
    and_expr   := not_expr ("and" not_expr)*
    not_expr   := "not" not_expr | comparison
    comparison := operand (("=="|"!="|"<"|"<="|">"|">="|"in"|"not in") operand)?
    operand    := NUMBER | STRING | NAME | "." | list | "answered" "(" NAME ")" | "(" expr ")"
    list       := "[" (operand ("," operand)*)? "]"
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from typing import Any, Mapping

CURRENT = "."

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<number>-?\d+)
      | (?P<string>'[^']*'|"[^"]*")
      | (?P<op>==|!=|<=|>=|<|>|\(|\)|\[|\]|,|\.)
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
    )""",
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not", "in", "answered", "true", "false"}
_COMPARISONS = {"==", "!=", "<", "<=", ">", ">=", "in", "not in"}
_ORDERING = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}


class ExpressionError(ValueError):
    """Raised when an expression cannot be parsed; the message says where."""


@dataclass(frozen=True)
class Ref:
    """A reference to an item's answer (or ``.`` for the answer being given)."""

    name: str


@dataclass(frozen=True)
class Answered:
    """``answered(name)``: true when the item has a (non-skipped) answer."""

    name: str


@dataclass(frozen=True)
class Compare:
    op: str
    left: Any
    right: Any


@dataclass(frozen=True)
class BoolOp:
    op: str  # "and" | "or"
    parts: tuple


@dataclass(frozen=True)
class Not:
    operand: Any


@dataclass(frozen=True)
class ListLit:
    items: tuple


def _tokenise(source: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    source = source.rstrip()
    while pos < len(source):
        match = _TOKEN.match(source, pos)
        if not match or match.end() == pos:
            raise ExpressionError(f"cannot read {source[pos:].strip()[:20]!r} at character {pos + 1}")
        kind = match.lastgroup
        text = match.group(kind)
        if kind == "name" and text in _KEYWORDS:
            kind = "keyword"
        tokens.append((kind, text))
        pos = match.end()
    return tokens


class _Parser:
    """Recursive-descent parser over the token list."""

    def __init__(self, source: str):
        self.source = source
        self.tokens = _tokenise(source)
        self.pos = 0

    def peek(self, offset: int = 0) -> tuple[str, str] | None:
        index = self.pos + offset
        return self.tokens[index] if index < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise ExpressionError("the expression ends too early")
        self.pos += 1
        return token

    def expect(self, text: str) -> None:
        token = self.take()
        if token[1] != text:
            raise ExpressionError(f"expected {text!r} but found {token[1]!r}")

    def at(self, text: str) -> bool:
        token = self.peek()
        return token is not None and token[1] == text and token[0] in ("op", "keyword")

    def parse(self):
        if not self.tokens:
            raise ExpressionError("the expression is empty")
        node = self.or_expr()
        if self.peek() is not None:
            raise ExpressionError(f"unexpected {self.peek()[1]!r}")
        return node

    def or_expr(self):
        parts = [self.and_expr()]
        while self.at("or"):
            self.take()
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else BoolOp("or", tuple(parts))

    def and_expr(self):
        parts = [self.not_expr()]
        while self.at("and"):
            self.take()
            parts.append(self.not_expr())
        return parts[0] if len(parts) == 1 else BoolOp("and", tuple(parts))

    def not_expr(self):
        if self.at("not"):
            self.take()
            return Not(self.not_expr())
        return self.comparison()

    def comparison(self):
        left = self.operand()
        op = None
        if self.at("not") and self.peek(1) == ("keyword", "in"):
            self.pos += 2
            op = "not in"
        elif self.peek() is not None and self.peek()[1] in _COMPARISONS:
            op = self.take()[1]
        if op is None:
            return left
        return Compare(op, left, self.operand())

    def operand(self):
        kind, text = self.take()
        if kind == "number":
            return int(text)
        if kind == "string":
            return text[1:-1]
        if kind == "name":
            return Ref(text)
        if text == ".":
            return Ref(CURRENT)
        if text in ("true", "false"):
            return text == "true"
        if text == "answered":
            self.expect("(")
            name_kind, name = self.take()
            if name_kind != "name":
                raise ExpressionError(f"answered() needs an item name, not {name!r}")
            self.expect(")")
            return Answered(name)
        if text == "(":
            node = self.or_expr()
            self.expect(")")
            return node
        if text == "[":
            items = []
            if not self.at("]"):
                items.append(self.operand())
                while self.at(","):
                    self.take()
                    items.append(self.operand())
            self.expect("]")
            return ListLit(tuple(items))
        raise ExpressionError(f"unexpected {text!r}")


@dataclass(frozen=True)
class Expression:
    """A parsed expression: keeps its source and the names it refers to."""

    source: str
    tree: Any

    @property
    def names(self) -> set[str]:
        """Item names the expression reads (``.`` excluded)."""
        found: set[str] = set()
        _collect_names(self.tree, found)
        return found

    @property
    def uses_current(self) -> bool:
        """True when the expression reads ``.``, the answer being checked."""
        found: set[str] = set()
        _collect_names(self.tree, found, include_current=True)
        return CURRENT in found

    def evaluate(self, answers: Mapping[str, Any], current: Any = None) -> bool:
        """Evaluate against ``answers`` (item name -> value; missing = no answer)."""
        return bool(_evaluate(self.tree, answers, current))


def parse(source: str) -> Expression:
    """Parse ``source`` into an :class:`Expression` or raise :class:`ExpressionError`."""
    if not isinstance(source, str):
        raise ExpressionError("an expression must be written as text")
    return Expression(source, _Parser(source).parse())


def _collect_names(node, found: set[str], include_current: bool = False) -> None:
    if isinstance(node, Ref):
        if node.name != CURRENT or include_current:
            found.add(node.name)
    elif isinstance(node, Answered):
        found.add(node.name)
    elif isinstance(node, Compare):
        _collect_names(node.left, found, include_current)
        _collect_names(node.right, found, include_current)
    elif isinstance(node, BoolOp):
        for part in node.parts:
            _collect_names(part, found, include_current)
    elif isinstance(node, Not):
        _collect_names(node.operand, found, include_current)
    elif isinstance(node, ListLit):
        for item in node.items:
            _collect_names(item, found, include_current)


def _value(node, answers: Mapping[str, Any], current: Any):
    if isinstance(node, Ref):
        return current if node.name == CURRENT else answers.get(node.name)
    if isinstance(node, ListLit):
        return [_value(item, answers, current) for item in node.items]
    if isinstance(node, (str, int, bool)):
        return node
    return _evaluate(node, answers, current)


def _evaluate(node, answers: Mapping[str, Any], current: Any):
    if isinstance(node, BoolOp):
        results = (_evaluate(part, answers, current) for part in node.parts)
        return all(results) if node.op == "and" else any(results)
    if isinstance(node, Not):
        return not _evaluate(node.operand, answers, current)
    if isinstance(node, Answered):
        return answers.get(node.name) is not None
    if isinstance(node, Compare):
        return _compare(node.op, _value(node.left, answers, current), _value(node.right, answers, current))
    return _value(node, answers, current)


def _compare(op: str, left, right) -> bool:
    # A missing answer compares false with everything (see surveys/README.md).
    if left is None or right is None:
        return False
    if op in ("in", "not in"):
        if not isinstance(right, (list, tuple)):
            right = [right]
        if isinstance(left, list):  # a multi answer: any of its choices
            found = any(choice in right for choice in left)
        else:
            found = left in right
        return found if op == "in" else not found
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    try:
        return _ORDERING[op](left, right)
    except TypeError:  # e.g. text compared with a number
        return False
