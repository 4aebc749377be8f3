"""The place stage's speed-ups give the same answers as the plain computations they replace:
per-country row groups, near spellings compared only within two letters of length (and past a
shared-letter bound), the packaged per-country indexes, remembered text locations, guards that
run their cheap checks first, and token joins and possessives tested without a regex."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

import pytest

from extraction.places import Gazetteer, PlaceContext, place_mentions, resolve_location, text_location
from extraction.places.gazetteer import (
    _CLOSE_RATIO,
    _NEAR_MIN_LETTERS,
    _NEAR_RATIO,
    Entry,
    _notable,
)
from extraction.places.spelling import ascii_name, fold_word


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def plain_near_spelling(gazetteer: Gazetteer, name: str, alpha2: str, admin1_key: str | None) -> Entry | None:
    """The near-spelling search as first written: every name of the country with the same first
    letter, in key order, a fresh SequenceMatcher each."""
    written = fold_word(name).replace(" ", "")
    if len(written) < _NEAR_MIN_LETTERS:
        return None
    gazetteer._country_spellings(alpha2)
    best, found = None, None
    for key in gazetteer._spelling_keys(alpha2):
        spelled = key.replace(" ", "")
        if not key or spelled[0] != written[0] or abs(len(spelled) - len(written)) > 2:
            continue
        matcher = SequenceMatcher(None, spelled, written)
        if matcher.real_quick_ratio() < _NEAR_RATIO or matcher.quick_ratio() < _NEAR_RATIO:
            continue
        ratio = matcher.ratio()
        if ratio < _NEAR_RATIO:
            continue
        for entry in gazetteer.candidates(key):
            if entry.kind != "place" or entry.alpha2 != alpha2:
                continue
            if admin1_key and entry.admin1_key != admin1_key:
                continue
            if ratio < _CLOSE_RATIO and not (admin1_key or _notable(entry)):
                continue
            rank = (ratio, entry.uses, entry.population)
            if best is None or rank > best:
                best, found = rank, entry
    return found


@pytest.mark.parametrize(
    ("name", "alpha2", "admin1_key"),
    [
        ("Dehadrun", "IN", None),
        ("Ferozabad", "IN", None),
        ("Chauddagram", "BD", None),
        ("Mogadisho", "SO", None),
        ("Kismayu", "SO", None),
        ("Nairrobi", "KE", None),
        ("Garisa", "KE", None),
        ("Mandhera", "KE", "KE.35"),
        ("Kabol", "AF", None),
        ("Zzzzzzzz", "KE", None),
    ],
)
def test_near_spelling_matches_the_plain_search(
    gazetteer: Gazetteer, name: str, alpha2: str, admin1_key: str | None
) -> None:
    assert gazetteer.near_spelling(name, alpha2, admin1_key) == plain_near_spelling(
        gazetteer, name, alpha2, admin1_key
    )


@pytest.mark.parametrize("alpha2", ["KE", "BD", "IN", "ZZ"])
def test_country_rows_are_the_rows_a_full_scan_finds(gazetteer: Gazetteer, alpha2: str) -> None:
    plain = [n for n, line in enumerate(gazetteer._place_rows) if line.split("\t")[2].startswith(alpha2)]
    assert list(gazetteer._country_rows(alpha2)) == plain


SENTENCES = [
    "On 3 May 2020, gunmen attacked a bus in Mandera town, Mandera county.",
    "Protesters gathered in Tripoli to denounce the ban.",
    "Police dispersed students in Dhaka - Uttara.",
    "Nothing happened anywhere.",
]


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("context", [PlaceContext(), PlaceContext(countries=("LB",), named=("LB",))])
def test_text_location_is_resolve_location_of_the_mentions(
    gazetteer: Gazetteer, text: str, context: PlaceContext
) -> None:
    plain = resolve_location(place_mentions(text, gazetteer), context, gazetteer)
    assert text_location(text, context, gazetteer) == plain
    assert text_location(text, context, gazetteer) == plain  # and again, remembered


def plain_ascii_name(name: str) -> str:
    """ACLED's ASCII spelling as first written: NFKD, combining marks dropped, quotes mapped."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.translate(str.maketrans({"’": "'", "ʻ": "'", "ʼ": "'", "ʿ": "", "ʾ": ""}))


@pytest.mark.parametrize(
    "name",
    ["Cuauhtémoc", "Mazār-e Sharīf", "Cox's Bazar", "Cox’s Bazar", "Hawaiʻi", "Ṣanʿāʾ"]
    + ["Mandera", "", "İzmir", "Łódź"],
)
def test_ascii_name_matches_the_plain_folding(name: str) -> None:
    assert ascii_name(name) == plain_ascii_name(name)
    assert ascii_name(name) == plain_ascii_name(name)  # and again, remembered


@pytest.mark.parametrize("alpha2", ["KE", "BD", "IN", "UA", "ZZ"])
def test_acled_names_in_are_the_names_of_keys_in(gazetteer: Gazetteer, alpha2: str) -> None:
    plain = [key for key, _places in gazetteer.acled.keys_in(alpha2)]
    assert gazetteer.acled.names_in(alpha2) == plain


def plain_unique_town(entry: Entry, mention) -> bool:
    """`unique_town` as first written: every candidate's spelling compared, then the population."""
    from extraction.places import lexicon as lex
    from extraction.places.spelling import same_spelling

    written = fold_word(mention.text)
    own = {c.alpha2 for c in mention.candidates if c.kind == "place" and same_spelling(c.name, written)}
    return entry.population >= 20_000 and own == {entry.alpha2} and written not in lex.COMMON_WORDS


# Sentences of our own with names that many countries share, names of one country only,
# names after cues the gazetteer lacks, nationalities, landmarks and broad levels.
VARIED = [
    "Fighting was reported near Victoria and in San Fernando on Friday.",
    "Residents of Rumbek protested outside the county offices in Rumbek town.",
    "Herders clashed at Mikinduri and near Bugar, Isiolo county.",
    "Soldiers raided a camp in Tripoli, while others patrolled Alexandria.",
    "A bomb exploded at the Kenyatta Hospital in Nairobi.",
    "Gunmen attacked travellers in the Hararghe zone and in Somali region.",
    "Police arrested students in Hyderabad, Sindh, and in Hyderabad, Telangana.",
    "Villagers fled from Santa Cruz to La Paz after the floods.",
    "Troops shelled Kharkiv and Chuhuiv overnight.",
    "Militants ambushed a convoy at Dandi village (Garoua, Nord).",
    "Youths burnt tyres in Zorvantuk, near Garissa.",  # invented names the gazetteer lacks
    "Clashes erupted in Kelemborra village (Marsabit).",
    "Unknown gunmen shot a trader in Boni forest.",
]


def _mentions_of(gazetteer: Gazetteer) -> list:
    return [m for text in VARIED for m in place_mentions(text, gazetteer)]


def test_unique_town_matches_the_plain_guard(gazetteer: Gazetteer) -> None:
    from extraction.places.guards import unique_town

    pairs = [(c, m) for m in _mentions_of(gazetteer) for c in m.candidates]
    assert len(pairs) > 100
    assert [unique_town(c, m) for c, m in pairs] == [plain_unique_town(c, m) for c, m in pairs]
    assert any(unique_town(c, m) for c, m in pairs)  # the inputs reach both answers


def plain_unknown_mention(mentions, countries, context, gazetteer):
    """`_unknown_mention` as first written: the candidates filtered before the cheap word checks."""
    from extraction.places import lexicon as lex
    from extraction.places.mentions import _named_after_cue
    from extraction.places.resolution import _NOT_A_NAME, _coded_unknown, _without_foreign_aliases
    from extraction.places.surroundings import _is_people_name

    for mention in sorted(mentions, key=lambda m: not _coded_unknown(m)):
        words = mention.text.lower().split()
        if (
            _named_after_cue(mention)
            and not _without_foreign_aliases(list(mention.candidates), mention, countries, context)
            and gazetteer.demonym(mention.text) is None
            and not _is_people_name(mention.text)
            and words[0] not in _NOT_A_NAME
            and words[-1] not in lex.LANDMARK_WORDS
            and mention.level not in lex.BROAD_LEVELS
        ):
            return mention
    return None


@pytest.mark.parametrize("context", [PlaceContext(), PlaceContext(countries=("KE",), named=("KE",))])
@pytest.mark.parametrize("countries", [set(), {"KE"}, {"IN", "PK"}])
def test_unknown_mention_matches_the_plain_search(
    gazetteer: Gazetteer, context: PlaceContext, countries: set[str]
) -> None:
    from extraction.places.resolution import _unknown_mention

    found = []
    for text in VARIED:
        mentions = place_mentions(text, gazetteer)
        fast = _unknown_mention(mentions, countries, context, gazetteer)
        assert fast == plain_unknown_mention(mentions, countries, context, gazetteer)
        found.append(fast)
    assert any(f is None for f in found) and any(f is not None for f in found)


def rows_gazetteer(gazetteer: Gazetteer) -> Gazetteer:
    """The packaged gazetteer's tables with a copy of its place rows: it cannot use the packaged
    per-country indexes (they describe the packaged rows), so it computes them from its rows."""
    return Gazetteer(
        gazetteer.countries,
        gazetteer.admin1,
        gazetteer._named,
        gazetteer._place_index,
        list(gazetteer._place_rows),
        gazetteer.demonyms,
        gazetteer.acled,
    )


def test_the_packaged_country_index_is_current(gazetteer: Gazetteer) -> None:
    """scripts/build_country_index.py was rerun after the last change of the place table or of
    fold_name: every country's names and district seats are what its rows give."""
    from extraction.places.country_index import (
        country_names,
        district_seats,
        read_country_index,
        rows_by_country,
    )
    from extraction.places.gazetteer import SUBDIVISION_ID_PREFIX

    index = read_country_index()
    assert index is not None
    rows = gazetteer._place_rows
    groups = {code: numbers for code, numbers in rows_by_country(rows).items() if len(code) == 2}
    for alpha2, numbers in groups.items():
        assert index.names(alpha2) == sorted(set(country_names(rows, numbers, alpha2, SUBDIVISION_ID_PREFIX)))
        assert index.seats(alpha2) == district_seats(rows, numbers, alpha2, SUBDIVISION_ID_PREFIX)
    assert set(index.countries()) <= set(groups)


@pytest.mark.parametrize(
    ("name", "alpha2", "admin1_key"),
    [
        ("Dehadrun", "IN", None),
        ("Chauddagram", "BD", None),
        ("Kismayu", "SO", None),
        ("Garisa", "KE", None),
        ("Mandhera", "KE", "KE.35"),
        ("Springfeld", "US", None),
        ("Maiduguri", "NG", None),
        ("Qwertyuiop", "ZZ", None),
    ],
)
def test_near_spelling_with_the_packaged_index_matches_the_rows(
    gazetteer: Gazetteer, name: str, alpha2: str, admin1_key: str | None
) -> None:
    computed = rows_gazetteer(gazetteer)
    fast = gazetteer.near_spelling(name, alpha2, admin1_key)
    assert fast == computed.near_spelling(name, alpha2, admin1_key)
    assert gazetteer._spelling_keys(alpha2) == computed._spelling_keys(alpha2)


@pytest.mark.parametrize(
    ("name", "alpha2"),
    [("Tirap", "IN"), ("Kilifi", "KE"), ("Cook", "US"), ("Gujba", "NG"), ("Nowhere", "KE"), ("Tirap", "ZZ")],
)
def test_district_seat_with_the_packaged_index_matches_the_rows(
    gazetteer: Gazetteer, name: str, alpha2: str
) -> None:
    assert gazetteer.district_seat(name, alpha2) == rows_gazetteer(gazetteer).district_seat(name, alpha2)


def _misspellings(gazetteer: Gazetteer, alpha2: str, count: int) -> list[str]:
    """Names of the country's index bent three ways (a letter dropped, one doubled, two swapped):
    near spellings of known places, to compare the letter bound with the plain search on."""
    gazetteer._country_spellings(alpha2)
    keys = [k for k in gazetteer._spelling_keys(alpha2) if len(k) >= 7][:: 97][:count]
    bent = []
    for n, key in enumerate(keys):
        i = 2 + n % 3
        dropped, doubled = key[:i] + key[i + 1 :], key[:i] + key[i] + key[i:]
        swapped = key[:i] + key[i + 1] + key[i] + key[i + 2 :]
        bent.append((dropped, doubled, swapped)[n % 3])
    return bent


@pytest.mark.parametrize("alpha2", ["KE", "IN", "NG", "UA", "PK"])
def test_near_spelling_letter_bound_keeps_every_match(gazetteer: Gazetteer, alpha2: str) -> None:
    """The letter bound before quick_ratio drops only names quick_ratio would drop too."""
    names = _misspellings(gazetteer, alpha2, 12)
    fast = [gazetteer.near_spelling(name, alpha2) for name in names]
    assert fast == [plain_near_spelling(gazetteer, name, alpha2, None) for name in names]
    assert sum(entry is not None for entry in fast) >= len(names) // 2  # most bent names are found


JOIN_GAP = re.compile(r"[ \-‐–]")  # the regex `_joined` used to run on every gap


@pytest.mark.parametrize(
    "text",
    [
        "Rio de Janeiro and Mazar-i-Sharif",
        "Dhaka - Uttara, Bar‐Sanguun; Kharkiv–Chuhuiv",
        "Cox's Bazar  Nairobi\tKisumu,Mombasa",
        "the  Northern Region (Tamale)",
        "",
    ]
    + VARIED,
)
def test_joined_is_the_join_gap_regex(text: str) -> None:
    from extraction.places.mentions import _joined
    from extraction.places.tokens import _tokenize

    tokens = _tokenize(text)
    pairs = [(a, b) for a in tokens for b in tokens if a.start < b.start]
    plain = [JOIN_GAP.fullmatch(text, a.tail, b.start) is not None for a, b in pairs]
    assert [_joined(text, a, b) for a, b in pairs] == plain


def test_is_country_is_any_country_candidate(gazetteer: Gazetteer) -> None:
    extra = place_mentions("Troops from Kenya and Mexico entered Somalia.", gazetteer)
    mentions = _mentions_of(gazetteer) + extra
    found = [m.is_country for m in mentions]
    assert found == [any(c.kind == "country" for c in m.candidates) for m in mentions]
    assert any(found) and not all(found)


def plain_place_mentions(text: str, gazetteer: Gazetteer) -> list:
    """`place_mentions` as first written: the possessive regex runs over every text."""
    from extraction.places.mentions import find_places

    possessive = re.compile(r"(?<=\w)['\u2019]s\b")
    stripped = possessive.sub("  ", text)
    mentions = find_places(stripped, gazetteer)
    if stripped == text:
        return mentions
    inside = [m for m in find_places(text, gazetteer) if possessive.search(m.text)]
    if not inside:
        return mentions
    kept = [m for m in mentions if not any(m.start < n.end and n.start < m.end for n in inside)]
    return sorted([*kept, *inside], key=lambda m: m.start)


@pytest.mark.parametrize(
    "text",
    [
        "Militants attacked Tajikistan's Danghara District at dawn.",
        "Refugees in Cox’s Bazar protested near Kutupalong.",
        "Police raided Cox's Bazar and Russia's Kaluga region.",
        "The governor's convoy was ambushed near Garissa.",
        "Youths rioted in 'Kisumu' and in O'Neill.",
    ]
    + VARIED,
)
def test_place_mentions_match_the_plain_reading(gazetteer: Gazetteer, text: str) -> None:
    assert place_mentions(text, gazetteer) == plain_place_mentions(text, gazetteer)
