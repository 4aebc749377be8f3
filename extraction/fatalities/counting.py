"""Fatality counts from event text, following ACLED's conservative rules.

ACLED records the lowest credible reported figure; vague words get fixed values ('several' 3,
'dozens' 12, 'hundreds' 100); the wounded never count; 'casualties' alone is 0; a suicide
bomber who dies counts. An explicit closing 'N fatalities.' (how ACLED notes end) is
authoritative. Killings mentioned as background ('arrested for killing two people', 'threatened
to kill') are not counted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from extraction.fatalities.grammar import (
    _ACCIDENT_RE,
    _ACCIDENT_WORD_RE,
    _ACTIVE_ONE_RE,
    _ACTIVE_RE,
    _ADDITIONAL_RE,
    _AGENT_BEFORE_RE,
    _ANAPHORIC_DIED_RE,
    _ANIMAL_PEOPLE,
    _ANIMALS,
    _AUTH_PART_RE,
    _AUTHORITATIVE_RE,
    _BACKGROUND_LAST,
    _BACKGROUND_PAIRS,
    _BODIES_NUM_RE,
    _BOMBER_DIED_RE,
    _BOMBER_INCLUDED_RE,
    _CLAUSE_VERB_RE,
    _CODED_SEPARATELY_RE,
    _CONFLICT_RE,
    _CONJUNCT_RE,
    _DETERMINER_BEFORE_RE,
    _HINTS_RE,
    _INCLUDING_RE,
    _KILLED_PRONOUN_RE,
    _LEFT_DEAD_RE,
    _MENTION_PATTERNS,
    _NAMED_VICTIM_RE,
    _NO_FATALITIES_RE,
    _NOUN_DEATHS_RE,
    _ONE_VICTIM_PASSIVE_RE,
    _OTHER_EVENT_RE,
    _PARENS_RE,
    _SPLIT_HINT_RE,
    _SPLIT_RE,
    _THIS_EVENT_RE,
    _VICTIM_WORD_RE,
    _WINDOW_AFTER,
    _WINDOW_BEFORE,
    _WOUNDED_AHEAD_RE,
    _WOUNDED_RE,
)
from extraction.reading import parse_number
from extraction.typing import superset_regex


@dataclass(frozen=True)
class FatalityCount:
    """The count and the phrase(s) it was read from ('' when nothing was found)."""

    count: int
    evidence: str



def count_fatalities(text: str) -> FatalityCount:
    """Fatalities reported in `text` (a sentence or one event's description, e.g. an ACLED note).

    An explicit 'N fatalities' wins; else the first killing figure, with conjoined victims
    summed ('killed two soldiers and three militants' -> 5) and later figures added only when
    marked as additional ('... were also killed'); conflicting reports and death tolls give the
    lowest figure. 0 when nothing is reported. `evidence` quotes the phrases read, from the text
    with parenthetical asides removed.
    """
    return _count_cached(text)


@lru_cache(maxsize=256)
def _count_cached(text: str) -> FatalityCount:
    """count_fatalities, cached: the engine counts a clause that is its whole sentence twice (as
    the clause and as the sentence), and a FatalityCount is immutable."""
    lowered = text.lower()
    if not _HINTS_RE.search(lowered):
        return FatalityCount(0, "")
    result = _authoritative(text) or _counted(text)
    return _split_between_events(result, text)


def events_sharing_fatalities(text: str) -> int | None:
    """M when the text says the fatalities are split among M events ('Fatalities split between 2
    events.', '[1 fatality split among 12 events]', '6 deaths (coded across 6 events)', 'Two
    fatalities distributed across two days'), else None.

    For callers that read a note sentence by sentence: ACLED divides the figure evenly, so the
    event's share is count // M (count_fatalities already does this for a whole note).
    """
    if not _SPLIT_HINT_RE.search(text):
        return None
    match = _SPLIT_RE.search(text)
    events = parse_number(match["n"]) if match else None
    return events if events and events >= 2 else None


def _split_between_events(result: FatalityCount, text: str) -> FatalityCount:
    """ACLED notes say '[N fatalities split among M events]': this event's share is N // M."""
    if not result.count or not _SPLIT_HINT_RE.search(text) or "this event" in result.evidence:
        return result
    events = events_sharing_fatalities(text)
    match = _SPLIT_RE.search(text)
    if match is None or events is None:
        return result
    total = parse_number(match["total"]) if match["total"] else result.count
    if total != result.count:
        return result
    return FatalityCount(result.count // events, f"{result.evidence}; {match.group(0)}")


def _counted(text: str) -> FatalityCount:
    """The killing figure of the text, or the lowest death toll.

    Within one match, conjoined victims are summed ('killed two soldiers and three militants').
    Separate mentions in a report mostly repeat or break down the first figure ('Three people
    died ... Two died in Siaya and one in Kisumu'), so the first mention is used; when the text
    flags conflicting reports the lowest figure is used (ACLED's conservative rule).
    """
    mentions = sorted(_kill_mentions(_drop_asides(text)))
    totals = [(value, phrase) for _, value, phrase, is_total in mentions if is_total]
    parts = [(value, phrase) for _, value, phrase, is_total in mentions if not is_total]
    count = parts[0][0] if parts else 0
    if len(parts) > 1 and _CONFLICT_RE.search(text):
        count = min(value for value, _ in parts)
    else:
        count += sum(value for value, phrase in parts[1:] if _ADDITIONAL_RE.search(phrase))
    if totals:
        count = min([value for value, _ in totals] + ([count] if count else []))
    evidence = "; ".join(phrase for _, phrase in totals + parts)
    if count and _BOMBER_DIED_RE.search(text) and not _BOMBER_INCLUDED_RE.search(text):
        count += 1
    return FatalityCount(count, evidence)


def _drop_asides(text: str) -> str:
    """Remove parentheses and ', including ...,' clauses: they break subject-verb patterns
    ('45 people, including women and children, died') and hold separately coded killings."""
    if "(" in text:
        text = _PARENS_RE.sub(lambda m: m.group(0) if "coded" in m.group(0) else "", text)
    if "including" in text or "among them" in text:
        text = _INCLUDING_RE.sub("", text)
    return text


def _authoritative_value(match: re.Match[str]) -> int | None:
    """'2 rebel and 1 military fatality' -> 3; 'Fatalities coded as 12' -> 12; 'fatalities range from
    2 to 4' -> 2 (the lowest)."""
    if match["coded"] or match["low"]:
        return parse_number(match["coded"] or match["low"])
    first = parse_number(match["n"])
    if first is None:
        return None
    more = [parse_number(m["n"]) for m in _AUTH_PART_RE.finditer(match["more"] or "")]
    return first + sum(v for v in more if v is not None)


def _authoritative(text: str) -> FatalityCount | None:
    """An explicit 'N fatalities' / '1 fatality' figure, the lowest if several; a closing
    'No fatalities.' is an explicit 0."""
    if "atalit" not in text:
        return None
    own = _THIS_EVENT_RE.search(text)
    if own is not None and (value := parse_number(own["n"])) is not None:
        return FatalityCount(value, own.group(0))
    zero = _NO_FATALITIES_RE.search(text)
    if zero is not None:
        return FatalityCount(0, zero.group(0).strip(" .;"))
    values = [(_authoritative_value(m), m.group(0)) for m in _AUTHORITATIVE_RE.finditer(text)]
    values = [(v, phrase) for v, phrase in values if v is not None]
    if not values:
        return None
    return FatalityCount(*min(values))


def _kill_mentions(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, count, phrase, is_total) per killing figure; a figure or verb is read only once."""
    spans: list[tuple[int, int]] = []
    found: list[tuple[int, int, str, bool, bool]] = []
    lowered = text.lower()
    for pattern, is_total, triggers in _MENTION_PATTERNS:
        def accept(match: re.Match[str]) -> bool:
            return _overlaps_read(match, spans) or _is_plausible(text, match)

        for match in _matches_near(pattern, text, lowered, triggers, accept):
            if _overlaps_read(match, spans):
                continue
            value = _match_value(match)
            if value is None or value > 100_000:
                continue
            spans.append(match.span())
            found.append((match.start(), value, match.group(0), is_total, _is_anaphoric(text, match)))
    if any(not anaphoric for *_, anaphoric in found):
        found = [item for item in found if not item[4]]
    return [(start, value, phrase, is_total) for start, value, phrase, is_total, _ in found]


def _overlaps_read(match: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    """True when the match's figure or verb lies inside a phrase already read."""
    groups = match.groupdict()
    anchors = [match.start(name) for name in ("n", "verb") if groups.get(name)] or [match.start()]
    return any(start <= anchor < end for anchor in anchors for start, end in spans)


def _is_plausible(text: str, match: re.Match[str]) -> bool:
    """Reject background killings, 'left N injured', animals, separately coded events and
    'a'/'an' read as a count before plural nouns ('a living moving bodies')."""
    if _is_background(text, match.start()) or _needs_dead(match) or _is_coded_separately(text, match):
        return False
    if _is_cumulative(text, match.start()):
        return False
    if match.re in (_ONE_VICTIM_PASSIVE_RE, _NAMED_VICTIM_RE) and _after_subordinator(text, match.start()):
        return False  # 'protests after a farmer, Mr. X, was hacked to death': an earlier killing
    before = text[max(0, match.start() - 7):match.start()]
    if match.re in (_ACTIVE_RE, _ACTIVE_ONE_RE, _LEFT_DEAD_RE) and _DETERMINER_BEFORE_RE.search(before):
        return False  # 'the funeral of a murdered businessman': a participle describing a noun
    groups = match.groupdict()
    following = (groups.get("np") or groups.get("tail") or text[match.end():match.end() + 30]).split()
    words = [word.lower().strip(",.;") for word in following[:2]]
    if words and words[0] in _ANIMALS and words[1:2] != [] and words[1] in _ANIMAL_PEOPLE:
        words = words[1:]
    if words and words[0] in _ANIMALS:
        return False
    if groups.get("n") and _AGENT_BEFORE_RE.search(text, max(0, match.start() - 4), match.start()):
        return False
    if match.re in (_NOUN_DEATHS_RE, _BODIES_NUM_RE) and (groups.get("n") or "").lower() in ("a", "an"):
        return False
    return True


# A toll counted over a whole conflict or period, not one event's: 'the insurgency has killed more
# than 35,000 people', 'more than 400 people have been killed since January'.
_CUMULATIVE_RE = re.compile(
    r"\b(?:insurgency|conflict|war|violence|fighting|crisis|unrest|uprising|rebellion|campaign)\b"
    r"[^.;]{0,40}?\b(?:has|have|had)\s+(?:killed|claimed|left)\b"
    r"|\b(?:has|have)\s+(?:been\s+)?killed\b[^.;]{0,60}?\b(?:since|so far|to date|in recent (?:years|months)"
    r"|over the (?:past|last)|this year)\b",
    re.IGNORECASE,
)


def _is_cumulative(text: str, start: int) -> bool:
    """Whether the sentence holding the killing at `start` counts a conflict's or a period's toll."""
    begin = max(text.rfind(". ", 0, start) + 1, 0)
    end = text.find(". ", start)
    return _CUMULATIVE_RE.search(text, begin, len(text) if end < 0 else end + 1) is not None


_EARLIER_EVENT_WORDS = frozenset(
    "after following since avenge avenging protest protesting condemn condemning mourn mourning".split()
)


def _after_subordinator(text: str, start: int) -> bool:
    """A subject introduced by 'after'/'following' a few words back: a killing told as background."""
    return not _EARLIER_EVENT_WORDS.isdisjoint(text[max(0, start - 40):start].lower().split()[-4:])


def _is_coded_separately(text: str, match: re.Match[str]) -> bool:
    """ACLED notes flag killings recorded as another event: '(... coded separately)'; accidental
    deaths ('killed in a road accident') are not political violence.

    Inside a parenthesis the whole aside counts. Outside, a marker counts only after the killing
    in its sentence, and not when a clause about another event comes between ('killed a vendor,
    following a prior clash (coded separately)': the marker is the clash's).
    """
    opened = text.rfind("(", 0, match.start())
    if opened > text.rfind(")", 0, match.start()) and opened > text.rfind(".", 0, match.start()):
        closed = text.find(")", match.end())
        aside = text[opened:closed if closed != -1 else len(text)]
        return bool(_CODED_SEPARATELY_RE.search(aside) or _ACCIDENT_RE.search(aside))
    begin = text.rfind(".", 0, match.start()) + 1
    stop = text.find(".", match.end())
    sentence_end = stop if stop != -1 else len(text)
    if _ACCIDENT_RE.search(text, begin, sentence_end) or _ACCIDENT_WORD_RE.search(text, begin, match.start()):
        return True
    marker = _CODED_SEPARATELY_RE.search(text, match.end(), sentence_end)
    return marker is not None and not _OTHER_EVENT_RE.search(text, match.end(), marker.start())


def _matches_near(
    pattern: re.Pattern[str],
    text: str,
    lowered: str,
    triggers: tuple[str, ...],
    accept: Callable[[re.Match[str]], bool],
) -> list[re.Match[str]]:
    """Accepted matches of `pattern` in windows around its trigger words only.

    The number-first patterns are slow to scan over a whole text; a killing figure always sits
    within a few words of its verb, so scanning short windows keeps the module linear and fast.
    """
    ascii_lowered = lowered if text.isascii() else None  # once: a long text has many windows
    if len(text) <= _WINDOW_BEFORE + _WINDOW_AFTER:
        if not _trigger_re(triggers).search(lowered):
            return []
        return list(_scan(pattern, text, ascii_lowered, 0, len(text), accept))
    matches: list[re.Match[str]] = []
    last_end = -1
    for start, end in _windows(lowered, triggers):
        for match in _scan(pattern, text, ascii_lowered, start, end, accept):
            if match.start() >= last_end:
                matches.append(match)
                last_end = match.end()
    return matches


@cache
def _trigger_re(triggers: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a pattern's trigger words (literal substrings)."""
    return re.compile("|".join(re.escape(word) for word in triggers))


def _scan(
    pattern: re.Pattern[str],
    text: str,
    lowered: str | None,
    start: int,
    end: int,
    accept: Callable[[re.Match[str]], bool],
) -> Iterator[re.Match[str]]:
    """Like finditer, but a rejected match does not hide a later one it overlaps: 'After a heavy
    fight, five militants ... were killed' first reads 'a' as the figure (rejected after 'After'),
    then finds 'five'. The scan resumes after the rejected figure, else one character on.
    `lowered` is the lowercase of an ASCII `text` (None for another: it is searched plainly)."""
    pos = start
    finder = _finder(pattern) if lowered is not None else None
    while pos <= end:
        if finder is None or lowered is None:
            match = pattern.search(text, pos, end)
        else:
            match = _search(pattern, finder, text, lowered, pos, end)
        if match is None:
            return
        if accept(match):
            yield match
            pos = max(match.end(), match.start() + 1)
        else:
            figure = match.groupdict().get("n")
            pos = match.end("n") if figure else match.start() + 1


def _windows(lowered: str, triggers: tuple[str, ...]) -> list[tuple[int, int]]:
    """Merged spans from _WINDOW_BEFORE characters before to _WINDOW_AFTER after each trigger."""
    spans: list[tuple[int, int]] = []
    for word in triggers:
        index = lowered.find(word)
        while index != -1:
            spans.append((max(0, index - _WINDOW_BEFORE), min(len(lowered), index + _WINDOW_AFTER)))
            index = lowered.find(word, index + len(word))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _needs_dead(match: re.Match[str]) -> bool:
    """'left five injured' is not a killing: 'left/leaving N' needs 'dead' after it."""
    verb = (match.groupdict().get("verb") or "").lower()
    return verb.startswith(("left", "leav")) and not match["dead"]


def _is_anaphoric(text: str, match: re.Match[str]) -> bool:
    """'the two men', 'one of them': victims probably counted already by another mention."""
    if match.re is _ANAPHORIC_DIED_RE or match.re is _KILLED_PRONOUN_RE:
        return True
    if match.re is _ONE_VICTIM_PASSIVE_RE:
        return match["det"].lower() == "the"
    at = match.start("n") if "n" in match.groupdict() else match.start()
    before = text[max(0, at - 12):at].lower()
    np = (match.groupdict().get("np") or "").lower()
    return before.rstrip().endswith(("the", "these", "those", "both")) or np.startswith(
        ("of them", "of the", "of whom", "of those")
    )


def _is_background(text: str, start: int) -> bool:
    """True when the killing is a motive, accusation or intention, not this event's outcome."""
    words = text[max(0, start - 40):start].lower().split()[-3:]
    if words and words[-1] in ("the", "a", "an", "his", "her", "their"):
        words = words[:-1]
    if not words:
        return False
    if words[-3:-2] in (["a"], ["an"], ["one"]) and words[-2:] == ["family", "of"]:
        return False  # 'a family of seven were killed': the family are the victims, not their kin
    if words[-1] in _BACKGROUND_LAST or " ".join(words[-2:]) in _BACKGROUND_PAIRS:
        return True
    return len(words) == 3 and words[0] == "who" and words[1] == "had"


def _match_value(match: re.Match[str]) -> int | None:
    """The lower bound of the matched figure plus conjoined victims ('a man and his son')."""
    groups = match.groupdict()
    if "n" not in groups:  # a single victim: 'kills police reservist', 'the man died'
        return 1 + _conjunct_count((groups.get("np") or "") + (groups.get("along") or ""))
    low = parse_number(match["n"])
    if low is None:
        return None
    if match["n2"] or match["n3"]:
        high = parse_number(match["n2"] or match["n3"])
        if high is not None and high >= low:
            low = min(low, high)
    np = groups.get("np") or ""
    head = np.split(" and ", 1)[0].split()
    first = np.split(" and ", 1)[0]  # 'a member of JCD and 3 others': the first conjunct is a victim
    victim_head = _VICTIM_WORD_RE.search(first) and not _CLAUSE_VERB_RE.search(first)
    clause = len(head) > 2 or _CLAUSE_VERB_RE.search(first)  # '6 injured and 1 killed'
    if " and " in np and clause and _first_conjunct_is_figure(np) and not victim_head:
        return _conjunct_count(np) or low
    extra_text = (np or groups.get("tail") or "") + (groups.get("along") or "")
    return low + _conjunct_count(extra_text)


def _first_conjunct_is_figure(np: str) -> bool:
    """'A shoot-out broke out and two suspects died': a figure after a long first conjunct means the
    first number was no victim count; 'a former councillor and his wife' is one victim plus one."""
    first = _CONJUNCT_RE.match("and " + np.split(" and ", 1)[1])
    return first is None or bool(first["n"])


def _conjunct_count(words: str) -> int:
    """Victims joined to the first one: 'and his 12-year-old son' -> 1, 'and three others' -> 3.

    When the first conjunct is long ('A shoot-out broke out and two suspects died'), the number
    before 'and' was not a victim count: that case is handled by _match_value restarting.
    """
    total = 0
    padded = " " + words + " "
    for match in _CONJUNCT_RE.finditer(padded):
        if _WOUNDED_RE.match(padded[match.end():]) or _WOUNDED_AHEAD_RE.match(padded, match.end()):
            continue
        total += (parse_number(match["n"]) or 0) if match["n"] else 1
    return total



_NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<\w+>")


_FINDERS: dict[re.Pattern[str], re.Pattern[str] | None] = {}
_SCANS: dict[re.Pattern[str], int] = {}
# Scans of a pattern before it gets its finder: building one takes 3-25 ms (a few hundred scans'
# saving); dense notes scan the busy patterns ~600 times a MB, news articles a few times in all.
_FINDER_AFTER = 200


def _finder(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern's `_build_finder` once it has been scanned `_FINDER_AFTER` times, else None."""
    if pattern in _FINDERS:
        return _FINDERS[pattern]
    scans = _SCANS[pattern] = _SCANS.get(pattern, 0) + 1
    if scans < _FINDER_AFTER:
        return None
    finder = _FINDERS[pattern] = _build_finder(pattern)
    return finder


def _build_finder(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-sensitive regex that matches an ASCII text's lowercase wherever the IGNORECASE
    `pattern` matches the text (extraction.typing.superset_regex; group names dropped), or None.
    `re` runs the long IGNORECASE alternations of this module several times slower."""
    source = pattern.pattern.removeprefix("(?i)")
    if not pattern.flags & re.IGNORECASE or "(?P=" in source:
        return None
    return superset_regex(_NAMED_GROUP.sub("(?:", source))


def _search(
    pattern: re.Pattern[str], finder: re.Pattern[str], text: str, lowered: str, pos: int, end: int
) -> re.Match[str] | None:
    """`pattern.search(text, pos, end)`, tried only where `finder` matches `lowered` (the text's
    lowercase): it matches wherever `pattern` does, so the first of those where `pattern` matches
    is where its search would have stopped, and `pattern.match` there gives the same match."""
    while (candidate := finder.search(lowered, pos, end)) is not None:
        match = pattern.match(text, candidate.start(), end)
        if match is not None:
            return match
        pos = candidate.start() + 1
    return None
