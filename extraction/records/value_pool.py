"""Sharing repeated values across a document's event mentions (the memory budget of huge texts)."""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter

from extraction.records.mention import Mention

# Values unique to a mention: pooling them would only add a table entry per mention.
_UNPOOLED_KEYS = frozenset({"evidence", "notes", "span_start", "span_end", "explain"})
# `occurrence` is None (skipped: not pooled) unless the mention is a counted copy.
POOLED_FIELDS = tuple(f.name for f in fields(Mention) if f.name not in _UNPOOLED_KEYS)
_POOLED_VALUES = attrgetter(*POOLED_FIELDS)


class ValuePool:
    """One shared object per distinct value of a document's mentions.

    A huge document yields hundreds of thousands of mentions whose columns and `explain`
    texts repeat (actor names, dates, places, rules): keeping one copy of each instead of one
    per mention is what keeps a 50 MB document within the memory budget. Values are equal
    either way, so the output does not change; a changed mention is a new one that holds its new values.
    Floats and ints get their own tables (1 == 1.0 as dict keys).
    """

    def __init__(self) -> None:
        self._tables: dict[type, dict] = {str: {}, float: {}, int: {}}
        self._handed: set[int] = set()  # ids of the mentions compact returned as they were

    def compact(self, mention: Mention) -> Mention:
        """The same mention, its repeated values replaced by the pool's shared copies (the
        mention itself when it holds the shared copies already: no rebuild; but never the same
        object twice, as callers such as merge tell mentions apart by identity)."""
        shared = {}
        tables = self._tables
        # the attributes in one C call, not the mapping view: no per-key checks
        for key, value in zip(POOLED_FIELDS, _POOLED_VALUES(mention), strict=True):
            table = tables.get(type(value))
            if table is not None:
                pooled = table.setdefault(value, value)
                if pooled is not value:
                    shared[key] = pooled
        strings = self._tables[str]
        explain = {key: strings.setdefault(value, value) if type(value) is str else value
                   for key, value in mention.explain.items()}
        if any(explain[key] is not value for key, value in mention.explain.items()):
            shared["explain"] = explain
        if shared or id(mention) in self._handed:
            return mention.replaced(**shared)
        self._handed.add(id(mention))
        return mention
