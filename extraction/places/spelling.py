"""Spelling keys for place names: the folded lookup key and ACLED's plain ASCII spelling.

Kept apart from the gazetteer so the index builder, the gazetteer and the text scanners agree on
one definition of "the same name" without importing the gazetteer's loading code.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

# Letters NFKD does not decompose into ASCII.
_EXTRA_FOLDS = str.maketrans(
    {
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "ı": "i",
        "ħ": "h",
        "ŧ": "t",
        "ʻ": "",
        "ʼ": "",
        "ʿ": "",
        "ʾ": "",
        "’": "",
        "‘": "",
        "'": "",
        "`": "",
        "\u200b": "",  # zero-width characters join, they do not split
        "\u200c": "",
        "\u200d": "",
        "\u2060": "",
        "\ufeff": "",
        "\u00ad": "",
    }
)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"([a-z])\1+")


def fold_name(name: str) -> str:
    """Folded lookup key of a name: 'Mazār-e Sharīf' -> 'mazar e sharif', "Cox's" -> 'coxs'.

    Doubled letters count once, as transliterations disagree on them ('Kismaayo'/'Kismayo',
    'Shabeellaha'/'Shabelle', 'Hiiraan'/'Hiraan').
    """
    if name.isascii():
        lowered = name.lower().replace("'", "").replace("`", "")
    else:
        decomposed = unicodedata.normalize("NFKD", name.casefold())
        lowered = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_EXTRA_FOLDS)
    return _DOUBLED.sub(r"\1", _NON_ALNUM.sub(" ", lowered)).strip()


_NON_ALNUM_LINES = re.compile(r"[^a-z0-9\n]+")


def fold_names(names: list[str]) -> list[str]:
    """`fold_name` of each name, the ASCII ones folded together (one pass of each step over
    their joined lines): a country's spelling index folds tens of thousands of names at once."""
    plain = [n for n in names if n.isascii() and "\n" not in n]
    joined = "\n".join(plain).lower().replace("'", "").replace("`", "")
    folded = iter(_DOUBLED.sub(r"\1", _NON_ALNUM_LINES.sub(" ", joined)).split("\n"))
    plain_set = set(plain)
    return [next(folded).strip() if n in plain_set else fold_name(n) for n in names]


# The same folding, remembered: the engine folds the same few thousand words (names, nationality
# words) again and again, sentence after sentence; bounded so a huge corpus keeps memory flat.
fold_word = lru_cache(maxsize=1 << 16)(fold_name)


# GeoNames writes an Arabic or Persian ayn as '‘' ('Nād ‘Alī', 'Yirga ‘Alem'), as some write 'ʿ':
# ACLED drops it ('Nad Ali', 'Yirga Alem'; every such name its place table shares with GeoNames).
# '’' stays an apostrophe: it is also English's ("Cox's Bazar").
_ASCII_QUOTES = str.maketrans({"’": "'", "ʻ": "'", "ʼ": "'", "ʿ": "", "ʾ": "", "‘": ""})


def ascii_name(name: str) -> str:
    """Plain ASCII spelling ACLED uses for a place name ('Cuauhtémoc' -> 'Cuauhtemoc').

    An ASCII name is its own spelling (NFKD leaves ASCII alone and the quote table maps only
    non-ASCII letters): place ranking asks this of every candidate, most of them ASCII."""
    if name.isascii():
        return name
    return _ascii_folded(name)


@lru_cache(maxsize=1 << 14)
def _ascii_folded(name: str) -> str:
    """`ascii_name` of a non-ASCII name, remembered (a corpus repeats its place names)."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.translate(_ASCII_QUOTES)


def same_spelling(name: str, written: str) -> bool:
    """The place's own name, or a transliteration of it ('Tillabery' for Tillaberi), rather
    than one of its alternate names ('Boni' for Bonn)."""
    folded = fold_word(name)
    if folded == written or soft_ending_equal(folded, written):
        return True
    if len(written) < 6 or abs(len(folded) - len(written)) > 2 or folded[:2] != written[:2]:
        return False  # cheap: most alternate names are nothing like the written one
    return SequenceMatcher(None, folded, written).ratio() >= _VARIANT_RATIO


_VARIANT_RATIO = 0.85


def soft_ending_equal(folded: str, written: str) -> bool:
    """"Sa'dah" and 'Saada', 'Hodeidah' and 'Hodeida', 'As Sukhnah' and 'Al-Sukhnah': a final h
    after a vowel and the assimilated Arabic article are only how one transliteration writes the
    same name (folded names)."""
    if folded == written or _soft_tail(folded) != _soft_tail(written):
        return False  # cheap first: asked of most candidates of every place mention
    if bool(ARABIC_ARTICLE.match(folded)) != bool(ARABIC_ARTICLE.match(written)):
        return False  # 'El Gouna' is not a village 'Gouna'
    return _plain(folded) == _plain(written)


def _soft_tail(folded: str) -> str:
    """The last three letters before a soft final h: equal in any two spellings of one name."""
    if folded[-1:] == "h" and folded[-2:-1] in _VOWELS:
        return folded[-4:-1]
    return folded[-3:]


_VOWELS = frozenset("aeiou")


def without_article(folded: str) -> str:
    """A folded name without its Arabic article ('al qamishli' -> 'qamishli')."""
    return ARABIC_ARTICLE.sub("", folded)


def _plain(folded: str) -> str:
    return _SOFT_ENDING.sub("", without_article(folded))


_SOFT_ENDING = re.compile(r"(?<=[aeiou])h$")
# The Arabic article as transliterated before a folded name ('al fashir', 'el geneina', 'ad
# damazin', 'as sulaymaniyah', 'ash shihr'); also the transliteration folding's (places.folding).
ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ed|as|es|ash|ar|er|an|at|az|ez|adh|ath) ")
