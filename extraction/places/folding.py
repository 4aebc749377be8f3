"""Transliteration folding: one spelling key for the ways sources romanise one place name.

`fold_name` (gazetteer) already makes a name's lookup key: NFKD, case, diacritics, zero-width
characters, typographic apostrophes, punctuation and dashes, doubled letters. Arabic, Persian
and Turkic names reach the news in more forms than that ('Al-Qubba' / 'Al Qubbah', 'El
Roseires' / 'Roseires', 'Jalolobod' / 'Jalolabad', 'Bobo Dioulasso' / 'Bobodioulasso').
`variant_key` folds those into one *variant key*. It is applied to the gazetteer's and the place
table's keys when the variant index is built (`variant_index`) and to a name the text writes
when its own key is unknown (`variant_names`), so both sides go through the same function.

Kept because they raised the leave-one-region-out figures (`bench/geo_loro.py`, 200 notes a
fold: country 0.845 -> 0.848, location 0.638 -> 0.641, coordinates 0.731 -> 0.733): the
article, '-obod', a final '-ah', spaces. Measured and left out (no gain, new wrong namesakes):
kh/k, q/k, ck/k, dj/j, ou/u, oo/u, ee/i, ph/f, gh/g, y/i.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from extraction.places.name_index import NameIndex
from extraction.places.spelling import ARABIC_ARTICLE

# Persian/Turkic '-abad' (a settlement) as written in Central Asia: Jalolobod, Dushanbe's Obod.
_OBOD = re.compile(r"obod\b")
# A final '-ah' is often written '-a' ('Al Qubbah' / 'Al-Qubba', 'Ajdabiyah' / 'Ajdabiya').
_FINAL_AH = re.compile(r"ah\b")
_DOUBLED = re.compile(r"([a-z])\1+")


def variant_key(key: str) -> str:
    """The variant key of a folded name (`fold_name`'s output): 'al kereinik' -> 'kereinik',
    'jalolobod' -> 'jalolabad', 'al qubah' -> 'quba', 'bobo dioulaso' -> 'bobodioulaso' (spaces
    are dropped last, so names written as one word or two meet)."""
    folded = ARABIC_ARTICLE.sub("", key)  # dropped at the start of a name
    folded = _FINAL_AH.sub("a", _OBOD.sub("abad", folded))
    if " " in folded:
        folded = _DOUBLED.sub(r"\1", folded.replace(" ", ""))
    return folded


def variant_index(keys: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Variant key -> the folded names whose variant key differs from the name itself (sorted).
    A name that is its own variant key is found by that key directly (`variant_names`)."""
    grouped: dict[str, list[str]] = {}
    for key in keys:
        if " " in key or "ah" in key or "obod" in key:  # the others are their own variant key
            variant = variant_key(key)
            if variant != key:
                grouped.setdefault(variant, []).append(key)
    return {variant: tuple(sorted(names)) for variant, names in grouped.items()}


def variant_names(
    key: str, index: dict[str, tuple[str, ...]] | VariantIndex, known: Callable[[str], bool]
) -> tuple[str, ...]:
    """The known names of which the folded name `key` is another romanisation."""
    variant = variant_key(key)
    names = index.get(variant, ())
    return (*names, variant) if variant != key and known(variant) else names


class VariantIndex(NameIndex):
    """A packaged variant index kept as its sorted `variant\tname|name` lines (bisected per
    lookup, like the name index): building the dict of its 170k lines cost ~0.3 s per process
    for the few thousand variants a corpus asks about. Answers `get` as `variant_index`'s dict."""

    __slots__ = ()

    def get(self, key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:  # type: ignore[override]
        names = super().get(key)
        return default if names is None else tuple(names.split("|"))

    def as_dict(self) -> dict[str, tuple[str, ...]]:
        """The whole index as `variant_index` builds it (tests compare the two)."""
        return {variant: self.get(variant) for variant in self}


def read_variant_index(filename: str) -> VariantIndex | None:
    """A packaged variant index (`scripts/build_variant_index.py`), None when it was not built."""
    from eventpipe.errors import DataFileError
    from extraction import packaged

    try:
        rows = packaged.read_tsv_gz_rows(filename)
    except DataFileError:
        return None
    return packaged.parse(filename, lambda: VariantIndex(rows))
