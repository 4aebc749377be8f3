"""`export --where`: a small filter language compiled to SQL with bound values.

User text never becomes SQL. It is parsed as ONE boolean expression over a known set of
columns and compiled to a fragment whose identifiers go through `quote_ident` and whose values
are `?` parameters. Grammar (keywords case-insensitive):

    expr      := term (OR term)*
    term      := factor (AND factor)*
    factor    := NOT factor | '(' expr ')' | predicate
    predicate := column op value
               | column [NOT] IN '(' value (',' value)* ')'
               | column [NOT] BETWEEN value AND value
               | column [NOT] (LIKE | ILIKE) string
               | column IS [NOT] NULL
    op        := = | != | <> | < | <= | > | >=
    value     := 'string' ('' inside for a quote) | number | TRUE | FALSE

Anything else (a semicolon, a function call, a sub-query, a comment) is an InputError naming
the position, so `--where "1=0)) TO 'x.csv' ..."` can never reach DuckDB.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from eventpipe.errors import InputError
from warehouse.sqlutil import quote_ident

MAX_LENGTH = 4000
_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<string>'(?:[^']|'')*')
  | (?P<number>-?\d+(?:\.\d+)?(?![\w.]))
  | (?P<quoted>"(?:[^"]|"")+")
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op><=|>=|<>|!=|=|<|>)
  | (?P<punct>[(),])
""", re.VERBOSE)
_KEYWORDS = {"and", "or", "not", "in", "between", "like", "ilike", "is", "null", "true", "false"}
_COMPARISONS = {"=": "=", "!=": "<>", "<>": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">="}


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    pos: int


@dataclass(frozen=True)
class CompiledFilter:
    """A SQL boolean fragment (`sql`) and the values bound to its `?` placeholders, in order."""

    sql: str
    params: tuple[object, ...]


def compile_filter(text: str | None, columns: Collection[str]) -> CompiledFilter:
    """Parse `text` as a filter over `columns`; an empty filter selects everything."""
    if text is None or not text.strip():
        return CompiledFilter("true", ())
    if len(text) > MAX_LENGTH:
        raise _error(f"longer than {MAX_LENGTH} characters", MAX_LENGTH)
    parser = _Parser(tokenize(text), set(columns), text)
    sql = parser.expression()
    parser.expect_end()
    return CompiledFilter(f"({sql})", tuple(parser.params))


def tokenize(text: str) -> list[Token]:
    """The tokens of `text` (whitespace dropped); an unknown character is an InputError."""
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            raise _error(f"unexpected {text[pos]!r}", pos)
        kind = match.lastgroup or ""
        if kind != "space":
            word = match.group()
            if kind == "word" and word.lower() in _KEYWORDS:
                kind, word = "keyword", word.lower()
            tokens.append(Token(kind, word, pos))
        pos = match.end()
    return tokens


def _error(message: str, pos: int) -> InputError:
    return InputError(f"--where: {message} at character {pos + 1}",
                      hint="a filter like \"country = 'Kenya' and year >= 2020\"")


class _Parser:
    """Recursive descent over the tokens; each method returns a SQL fragment."""

    def __init__(self, tokens: list[Token], columns: set[str], text: str) -> None:
        self.tokens = tokens
        self.columns = columns
        self.end = len(text)
        self.index = 0
        self.params: list[object] = []

    def peek(self, offset: int = 0) -> Token | None:
        at = self.index + offset
        return self.tokens[at] if at < len(self.tokens) else None

    def next(self, expected: str) -> Token:
        token = self.peek()
        if token is None:
            raise _error(f"ends where {expected} was expected", self.end)
        self.index += 1
        return token

    def accept(self, kind: str, text: str | None = None) -> bool:
        token = self.peek()
        if token is not None and token.kind == kind and (text is None or token.text == text):
            self.index += 1
            return True
        return False

    def expect(self, kind: str, text: str, expected: str) -> None:
        token = self.next(expected)
        if token.kind != kind or token.text != text:
            raise _error(f"expected {expected}, found {token.text!r}", token.pos)

    def expect_end(self) -> None:
        token = self.peek()
        if token is not None:
            raise _error(f"unexpected {token.text!r} after a complete filter", token.pos)

    def expression(self) -> str:
        parts = [self.term()]
        while self.accept("keyword", "or"):
            parts.append(self.term())
        return " OR ".join(parts)

    def term(self) -> str:
        parts = [self.factor()]
        while self.accept("keyword", "and"):
            parts.append(self.factor())
        return " AND ".join(parts)

    def factor(self) -> str:
        if self.accept("keyword", "not"):
            return f"NOT ({self.factor()})"
        if self.accept("punct", "("):
            inner = self.expression()
            self.expect("punct", ")", "')'")
            return f"({inner})"
        return self.predicate()

    def predicate(self) -> str:
        column = self.column()
        token = self.next("an operator")
        if token.kind == "op":
            return f"{column} {_COMPARISONS[token.text]} {self.value()}"
        if token.kind == "keyword" and token.text == "is":
            negated = self.accept("keyword", "not")
            self.expect("keyword", "null", "NULL")
            return f"{column} IS {'NOT ' if negated else ''}NULL"
        negated = token.kind == "keyword" and token.text == "not"
        if negated:
            token = self.next("IN, BETWEEN or LIKE")
        prefix = f"{column} {'NOT ' if negated else ''}"
        if token.kind == "keyword" and token.text == "in":
            return prefix + self.in_list()
        if token.kind == "keyword" and token.text == "between":
            low = self.value()
            self.expect("keyword", "and", "AND")
            return prefix + f"BETWEEN {low} AND {self.value()}"
        if token.kind == "keyword" and token.text in ("like", "ilike"):
            return prefix + f"{token.text.upper()} {self.value(strings_only=True)}"
        raise _error(f"expected an operator after a column, found {token.text!r}", token.pos)

    def in_list(self) -> str:
        self.expect("punct", "(", "'(' after IN")
        values = [self.value()]
        while self.accept("punct", ","):
            values.append(self.value())
        self.expect("punct", ")", "')'")
        return f"IN ({', '.join(values)})"

    def column(self) -> str:
        token = self.next("a column")
        name = token.text[1:-1].replace('""', '"') if token.kind == "quoted" else token.text
        if token.kind not in ("word", "quoted"):
            raise _error(f"expected a column, found {token.text!r}", token.pos)
        if name not in self.columns:
            raise _error(f"unknown column {name!r}", token.pos)
        return quote_ident(name)

    def value(self, strings_only: bool = False) -> str:
        token = self.next("a value")
        if token.kind == "string":
            self.params.append(token.text[1:-1].replace("''", "'"))
        elif strings_only:
            raise _error(f"expected a quoted pattern, found {token.text!r}", token.pos)
        elif token.kind == "number":
            self.params.append(float(token.text) if "." in token.text else int(token.text))
        elif token.kind == "keyword" and token.text in ("true", "false"):
            self.params.append(token.text == "true")
        else:
            raise _error(f"expected a value ('text', a number, true or false), found {token.text!r}",
                         token.pos)
        return "?"
