"""Guards on a candidate place: when a name needs the text's support before it can win.

A very short name, a common English word and a name reached only through transliteration
folding match villages far more often than the text means them: such a place wins only where
the text places things in its country, unless it is a city or a place ACLED uses often.
"""

from __future__ import annotations

from extraction.places import lexicon as lex
from extraction.places.context import PlaceContext
from extraction.places.folding import variant_key
from extraction.places.gazetteer import Entry
from extraction.places.mentions import _CITY_WITH_DISTRICTS, PlaceMention
from extraction.places.spelling import fold_word, same_spelling, soft_ending_equal

_fold_word = fold_word


def needs_support(mention: PlaceMention, entry: Entry) -> bool:
    """A very short name ('Bor', 'Ain', 'Ely') is a word or an abbreviation as often as a village,
    and so is a common English word ('Hope', 'Union'); a name matched only as another
    romanisation of the place's name ('Sirte' for a village 'Sirti') is a guess: unless it is a
    town, such a place wins only where the text places things in its country."""
    if entry.kind != "place" or entry.population >= _CITY_WITH_DISTRICTS or entry.uses >= _WELL_USED:
        return False
    written = _fold_word(mention.text)
    return (
        len(written.replace(" ", "")) <= _SHORT_NAME
        or written in lex.COMMON_WORDS
        or _other_romanisation(written, entry)
    )


def _other_romanisation(written: str, entry: Entry) -> bool:
    """Whether the text's name reaches the place only through transliteration folding."""
    folded = _fold_word(entry.name)
    return (
        written != folded
        and not soft_ending_equal(folded, written)
        and variant_key(written) == variant_key(folded)
    )


def supported(entry: Entry, countries: set[str], context: PlaceContext) -> bool:
    return entry.alpha2 in countries or entry.alpha2 in context.placing or entry.alpha2 in context.named


def unique_town(entry: Entry, mention: PlaceMention) -> bool:
    """A town of 20k or more whose name no place of another country bears ('Rumbek', 'Chuhuiv'),
    and no common word ('the Mine'): likelier than an unknown village of a country the text or its
    source names (the 'Sudan Tribune' reports from South Sudan too)."""
    if entry.population < _UNIQUE_TOWN:  # cheap first: most candidates abroad are villages
        return False
    written = _fold_word(mention.text)
    if written in lex.COMMON_WORDS:
        return False
    own = False  # a place of that very name in entry's country, and in no other one
    for c in mention.candidates:
        if c.kind == "place" and same_spelling(c.name, written):
            if c.alpha2 != entry.alpha2:
                return False
            own = True
    return own


def acled_only_abroad(entry: Entry, elsewhere: set[str]) -> bool:
    """A village only ACLED's table knows (no population) in a country none of the text's other
    places lies in ('overran Rutshuru ... looted shops in Ochude' is not Kenya's Ochude): with no
    country named firmly, an unknown namesake where those places lie is likelier. `elsewhere`: the
    countries the text's other places support (empty: nothing to go by)."""
    return bool(elsewhere) and entry.acled and not entry.population and entry.alpha2 not in elsewhere


_SHORT_NAME = 3
_UNIQUE_TOWN = 20_000
_WELL_USED = 20


def notable_town(entry: Entry, mention: PlaceMention) -> bool:
    """A city or a place ACLED uses often, whose name is no common word: a place even at the start
    of a sentence ('Silchar Municipal Employees' Union staged a protest')."""
    return (
        entry.kind == "place"
        and (entry.population >= _CITY_WITH_DISTRICTS or entry.uses >= _WELL_USED)
        and _fold_word(mention.text) not in lex.COMMON_WORDS
    )


def region_named_of(child: PlaceMention | None, nations: list[Entry]) -> bool:
    """'Guerrero state, Mexico': the child, named with an administrative level word, is a region
    of the country, so the parent is that country and not its admin1 namesake (México state)."""
    if child is None or child.level not in lex.ADMIN_LEVEL_WORDS:
        return False
    return any(c.kind == "admin1" and c.alpha2 == n.alpha2 for c in child.candidates for n in nations)
