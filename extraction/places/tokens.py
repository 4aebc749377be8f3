"""Words of a sentence as the place reader sees them: capitalised words and the connectors inside
names ('Rio de Janeiro'), each with its folded key and whether it is an acronym ('BNP', 'ReT').
Kept apart from extraction.places.mentions, which scans these tokens for place names."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from extraction.places import lexicon as lex
from extraction.places.spelling import fold_word

__all__ = ["capitalised_words"]


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int
    key: str  # folded, for the gazetteer and the stop list
    capital: bool
    acronym: bool = field(default=False)
    lower: str = ""  # lower-cased, for the small word lists (connectors, level words)
    tail: int = 0  # end including a possessive "'s" ("Russia's", "Cox's Bazar"), else == end



def _tokenize(text: str) -> list[_Token]:
    """Capitalised words and the connectors that may sit inside a name ('Rio de Janeiro'); other
    lower-case words are skipped (adjacency is checked on the text between tokens)."""
    tokens = []
    for match in lex.NAME_WORD.finditer(text):
        word = match.group()
        facts = _FACTS[word] if word in _FACTS else _word_facts(word)  # most words were seen before
        if facts is None:
            continue
        word, cut, key, capital, acronym, lower = facts
        end = match.end()
        tokens.append(_Token(word, match.start(), end - cut, key, capital, acronym, lower, end))
    return tokens


_FACTS: dict[str, tuple[str, int, str, bool, bool, str] | None] = {}  # word -> what a token needs
_FACTS_KEPT = 100_000


def _word_facts(word: str) -> tuple[str, int, str, bool, bool, str] | None:
    """(word without a possessive 's, letters cut, folded key, capital, acronym (also 'ReT'), lower case) of a
    word `_tokenize` keeps, None for one it skips; remembered (a corpus repeats its names)."""
    if word in _FACTS:
        return _FACTS[word]
    capital = word[0].isupper()
    facts = None
    if capital or word in lex.CONNECTORS:
        cut = 2 if word.endswith(("'s", "’s")) else 0
        name = word[:-2] if cut else word
        acronym = 1 < len(name) <= 5 and (name.isupper() or sum("A" <= c <= "Z" for c in name) > 1)
        facts = (name, cut, fold_word(name), capital, acronym, name.lower())
    if len(_FACTS) < _FACTS_KEPT:
        _FACTS[word] = facts
    return facts


def capitalised_words(text: str) -> Iterator[tuple[str, int]]:
    """The capitalised words `_tokenize` would give (without a possessive "'s") and where each
    ends with it: all a nationality-word pass needs, without building tokens for the connectors."""
    for match in lex.NAME_WORD.finditer(text):
        word = match.group()
        if word[0].isupper():
            yield (word[:-2] if word.endswith(("'s", "’s")) else word), match.end()
