"""The chains a sentence's place mentions form ('Tafas (Dar'a, Dar'a)', "Tajikistan's Danghara",
'Kaura Namoda in Zamfara'), which of them may place an event, in what order they are tried, and
what of a chain names only a spot inside the next member ('Science Lab area, Dhaka city').
Kept apart from extraction.places.resolution, which resolves each chain's members to entries."""

from __future__ import annotations

from dataclasses import replace

from extraction.places import lexicon as lex
from extraction.places.acled import km
from extraction.places.gazetteer import Entry
from extraction.places.guards import notable_town
from extraction.places.mentions import PlaceMention
from extraction.places.spelling import fold_word

__all__ = ["chain_rank", "chains_of", "eligible", "trim", "within"]


def chains_of(mentions: list[PlaceMention]) -> list[list[PlaceMention]]:
    chains: list[list[PlaceMention]] = []
    for mention in mentions:
        if mention.linked and chains or _region_of_previous(chains, mention):
            chains[-1].append(mention)
        elif mention.possessed and chains and len(chains[-1]) == 1:
            # "Tajikistan's Danghara", "Baghlan province's capital city; Pul-i-Khumri": the first is
            # the parent, and its locative cue ('in Tajikistan's ...') is the head's
            owner = chains[-1][0]
            chains[-1] = [replace(mention, cue=mention.cue or owner.cue), owner]
        else:
            chains.append([mention])
    return chains


def _region_of_previous(chains: list[list[PlaceMention]], mention: PlaceMention) -> bool:
    """'Gunmen stormed Kaura Namoda in Zamfara': a region right after 'in' that holds a place of the
    name before it is that place's parent, which makes the town (not the region) the location; a
    landmark right before 'in' a place lies in it, whatever its namesakes elsewhere."""
    if not chains or len(chains[-1]) != 1 or mention.cue != "in":
        return False
    head = chains[-1][0]
    if mention.start - head.end > len(" in ") or head.is_country:
        return False
    if _spot(head) and not _spot(mention):  # 'Tahrir Square in Baghdad': a spot in that town
        return True
    regions = [c for c in mention.candidates if c.kind in ("admin1", "country")]
    return any(within(c, r) for c in head.candidates if c.kind == "place" for r in regions)


def within(entry: Entry, parent: Entry) -> bool:
    """Whether `entry` lies inside `parent` (a country, an admin1 region or a town's district)."""
    if parent.kind == "country":
        return entry.alpha2 == parent.alpha2
    if parent.kind == "admin1":
        return entry.admin1_key == parent.admin1_key
    return entry.alpha2 == parent.alpha2 and (
        entry.admin1_key == parent.admin1_key or entry.admin2 == parent.name
    )


def eligible(chain: list[PlaceMention]) -> bool:
    head = chain[0]
    if head.is_country and len(chain) == 1 and not _region_under_country_alias(head):
        return False
    if head.cue in lex.STRONG_CUES or len(chain) > 1:
        return True
    notable = any(c.kind == "admin1" or notable_town(c, head) for c in head.candidates)
    if head.sentence_initial and not notable:
        return False
    named = head.cue is not None or head.level is not None  # 'in Mayo', 'Baramulla district': a place
    return named or any(c.population >= 100_000 or c.kind == "admin1" for c in head.candidates)


def _region_under_country_alias(mention: PlaceMention) -> bool:
    """'in the Gaza Strip', 'across the West Bank': a region's own name that is also an alias of
    its country names the region ('in Mexico' names the country: its own name)."""
    written = fold_word(mention.text)
    own = [c for c in mention.candidates if fold_word(c.name) == written]
    return bool(own) and all(c.kind == "admin1" for c in own)


def chain_rank(chain: list[PlaceMention], index: int) -> tuple[int, int, int]:
    head = chain[0]
    coded = any(m.cue in lex.CODED_CUES for m in chain)
    cue_rank = (
        0 if coded else 1 if head.cue in lex.STRONG_CUES and not (head.landmark and len(chain) == 1) else 2
    )
    # A bracketed or comma chain ('Tafas (Dar'a, Dar'a)') is an analyst's coding and outranks a lone
    # name; a possessive one ('in China's Xinjiang province') is only prose, ranked like a lone name.
    coded_chain = len(chain) > 1 and not head.possessed
    return (cue_rank, 0 if coded_chain else 1, index)


def trim(chain: list[PlaceMention]) -> list[PlaceMention]:
    """Drop what comes before a 'coded as X' and the areas of a named town ('Science Lab area, Dhaka')."""
    for position, mention in enumerate(chain):
        if mention.cue in lex.CODED_CUES:
            chain = chain[position:]
            break
    parts = [
        position
        for position, mention in enumerate(chain)
        if mention.part_of_previous
        and not _region_only(mention)
        and not _far_in_region(chain[position - 1], mention)
    ]
    chain = chain[parts[-1] :] if parts else chain
    while len(chain) > 1 and _is_inside_next(chain[0], chain[1]):
        chain = chain[1:]
    return chain


def _far_in_region(area: PlaceMention, holder: PlaceMention) -> bool:
    """'Shindand district of Herat': a known town far from the town of the holder's name, in the
    region of that name, is a district of the region, not a quarter of the town."""
    regions = {c.admin1_key for c in holder.candidates if c.kind == "admin1"}
    towns = [c for c in holder.candidates if c.kind == "place" and c.admin1_key in regions]
    return bool(towns) and any(
        c.kind == "place" and c.admin1_key in regions and all(km(c, t) > _QUARTER_KM for t in towns)
        for c in area.candidates
    )


# A city's quarters lie within this distance of its centre; a town farther away is no quarter.
_QUARTER_KM = 30.0


def _spot(mention: PlaceMention) -> bool:
    """A landmark: named by its landmark word ('Tahrir Square', 'Makerere University'), even where
    the ACLED table knows it as a place of its own."""
    return mention.landmark or mention.text.rsplit(" ", 1)[-1].lower() in lex.LANDMARK_WORDS


def _region_only(mention: PlaceMention) -> bool:
    return bool(mention.candidates) and all(c.kind != "place" for c in mention.candidates)


def _is_inside_next(head: PlaceMention, following: PlaceMention) -> bool:
    """ACLED codes 'Science Lab area, Dhaka city' to Dhaka (but 'Savar area (Dhaka)' and 'Paracas
    area, Ica' to Savar and Paracas), 'Barangay Basak, Guihulngan' to Guihulngan and 'Chittagong
    university, Fatehpur union' to Fatehpur: the head is only a spot inside the next town."""
    if head.landmark or head.text.split(" ", 1)[0].lower().rstrip(".") in lex.SUBTOWN_PREFIXES:
        return True
    if _spot(head) and following.cue == "in" and not following.bracketed:  # 'Tahrir Square in Baghdad'
        return True
    town_next = (
        following.level in lex.TOWN_LEVEL_WORDS
        or following.level in lex.ADMIN_LEVEL_WORDS
        or " - " in following.text
    )
    return head.level in lex.AREA_LEVEL_WORDS and not following.bracketed and town_next
