"""Clauses: where a sentence's next event starts ('; ' or ', and in Kabul' / 'while on 5 May')."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CLAUSE_SPLIT_RE = re.compile(
    r";\s+(?:(?:and|while|whereas|whilst)\s+)?"
    r"|,?\s+(?:and|while|whereas|whilst)\s+(?=(?:in|at|near|on)\s+(?:[A-Z]|\d))"
)


@dataclass(frozen=True)
class Clause:
    """A piece of a sentence that may report its own event."""

    text: str
    start: int  # offset in the prepared text
    alone: bool = False  # one of several dated phrases: the rest of the sentence is other events

    def holds(self, offset: int) -> bool:
        """Does the prepared-text `offset` fall inside this clause?"""
        return self.start <= offset < self.start + len(self.text)


def split_clauses(body: str, offset: int) -> list[Clause]:
    """Split a sentence where a new dated clause or place starts ('; ' or ', and in X')."""
    clauses, start = [], 0
    for match in _CLAUSE_SPLIT_RE.finditer(body):
        clauses.append(Clause(body[start : match.start()], offset + start))
        start = match.end()
    clauses.append(Clause(body[start:], offset + start))
    return [c for c in clauses if c.text.strip()]
