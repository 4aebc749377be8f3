"""Cross-document merge: one record per real-world event, every report of it kept as provenance.

ACLED's unit is one day x one location x one pair of actors, so two mentions are the same event
when they share the country, the location (whatever the transliteration) and a compatible date
(equal days; a month-precise report covers any day of that month), their identified actors do
not conflict, their event types belong to one family (armed violence: Battles, Explosions/Remote
violence, Violence against civilians; demonstrations: Protests, Riots; or the same Strategic
development; for two briefs, the same sub-event type), and they do not come from one sentence
(the extractor already told those apart).
Reports of one attack often differ on its type ('a suicide bomber' vs 'IS-K killed 21 people');
the merged record takes the type (and the actors coded with it) of its most confident mention,
ties going to ACLED's higher-ranked type; date and place come from its most precise mention.
Merged records get a deterministic `event_id_cnty` (ISO alpha-3 + a number from a stable hash of
the event's key), so re-running the extractor on the same corpus yields the same ids.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta

from schemas.codebook import EVENT_TYPES, country_alpha3

ID_MODULUS = 10**8
UNKNOWN_COUNTRY_PREFIX = "XXX"
_VOWELS = re.compile(r"[aeiouy]|\s+(?=\S)")
_PRIVATE_KEYS = ("published", "occurrence", "brief", "stated_confidence")
TYPE_FAMILIES: dict[str, str] = {
    "Battles": "armed violence",
    "Explosions/Remote violence": "armed violence",
    "Violence against civilians": "armed violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
}
_TYPING_KEYS = (
    "event_type",
    "sub_event_type",
    "disorder_type",
    "civilian_targeting",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "tags",
)
_TYPING_EXPLAINED = ("event_type", "sub_event_type", "actor1")  # explain entries of _TYPING_KEYS
_SUB_EVENT_RANK: dict[str, int] = {
    sub: rank for rank, sub in enumerate(sub for subs in EVENT_TYPES.values() for sub in subs)
}


def merge_events(mentions: Sequence[Mapping[str, object]]) -> list[dict]:
    """Merge event mentions (from `extract_events` over many documents) into events.

    Output order: events holding a document's first mention come first, then those holding
    second mentions, and so on (ties in document order): a document's main event is the first
    event naming it, even when a later sentence of it merged with an earlier document's event.
    Every output dict has the mention keys plus `event_id_cnty`, `doc_ids`, `mentions` and
    `timestamp`; `source` joins the sources of all mentions with '; '.
    """
    position = {id(m): i for i, m in enumerate(mentions)}
    groups = [sorted(group, key=lambda m: position[id(m)]) for group in _group_mentions(mentions)]
    ranks = _mention_ranks(mentions)
    groups.sort(key=lambda group: min(ranks[id(m)] for m in group))
    events = [_combine(group) for group in groups]
    _assign_event_ids(events)
    return events


def _mention_ranks(mentions: Sequence[Mapping[str, object]]) -> dict[int, tuple[int, int]]:
    """id(mention) -> (its position among its document's mentions, its document's first index)."""
    seen: dict[str, int] = {}
    first_index: dict[str, int] = {}
    ranks: dict[int, tuple[int, int]] = {}
    for index, mention in enumerate(mentions):
        doc = str(mention.get("doc_id"))
        first_index.setdefault(doc, index)
        ranks[id(mention)] = (seen.get(doc, 0), first_index[doc])
        seen[doc] = seen.get(doc, 0) + 1
    return ranks


def _group_mentions(mentions: Iterable[Mapping[str, object]]) -> list[list[Mapping[str, object]]]:
    groups: list[list[Mapping[str, object]]] = []
    buckets: dict[tuple[str, str, str], list[int]] = {}
    for mention in mentions:
        if not mention.get("event_date") or not mention.get("country"):
            groups.append([mention])  # undated or placeless: nothing to tell two reports apart by
            continue
        bucket = buckets.setdefault(_bucket_key(mention), [])
        target = next((i for i in bucket if _same_event(groups[i][0], mention)), None)
        if target is None:
            bucket.append(len(groups))
            groups.append([mention])
        else:
            groups[target].append(mention)
    return _fold_country_only(groups, buckets)


def _fold_country_only(
    groups: list[list[Mapping[str, object]]], buckets: dict[tuple[str, str, str], list[int]]
) -> list[list[Mapping[str, object]]]:
    """A report that names only the country ('the deadliest attack in Russia in March') joins the
    one located event of that country it is compatible with; with several candidates it stays."""
    absorbed: set[int] = set()
    for (country, location, family), indexes in buckets.items():
        if location:
            continue
        located = [
            i for (c, loc, f), ids in buckets.items() if c == country and f == family and loc for i in ids
        ]
        for index in indexes:
            matches = [i for i in located if _same_event(groups[i][0], groups[index][0])]
            if len(matches) == 1:
                groups[matches[0]].extend(groups[index])
                absorbed.add(index)
    return [group for i, group in enumerate(groups) if i not in absorbed]


def _bucket_key(mention: Mapping[str, object]) -> tuple[str, str, str]:
    event_type = str(mention.get("event_type") or "")
    family = TYPE_FAMILIES.get(event_type) or _fold(mention.get("sub_event_type"))
    return (_fold(mention.get("country")), _place_key(mention), family)


def _place_key(mention: Mapping[str, object]) -> str:
    """The location name without its vowels ('' for country-only): transliterations of one town
    ('Bamiyan'/'Bamyan', 'Mazar-e Sharif'/'Mazar-i-Sharif') differ mostly in vowels. Not by
    coordinates: a gazetteer gives one point to a city's different neighbourhoods."""
    return _VOWELS.sub("", _fold(mention.get("location")))


def _same_event(first: Mapping[str, object], other: Mapping[str, object]) -> bool:
    return (
        dates_compatible(first, other)
        and _actors_compatible(first, other)
        and _types_compatible(first, other)
        and not _same_sentence(first, other)
    )


def _types_compatible(a: Mapping[str, object], b: Mapping[str, object]) -> bool:
    """Two briefs (ACLED notes, news snippets) each tell one event in a few words, so their
    types disagree only when the events do: an attack and a clash in one town on one day are
    two ACLED records. Long reports describe one event loosely ('a suicide bomber' here, 'IS-K
    killed 21' there), so for them the type family is enough (the bucket already ensures it)."""
    if a.get("brief") and b.get("brief"):
        return a.get("sub_event_type") == b.get("sub_event_type")
    return True


def _same_sentence(a: Mapping[str, object], b: Mapping[str, object]) -> bool:
    """Mentions of one sentence are events the extractor already told apart ('two attacks in
    Kabul', 'the Longan Hotel attack and the subsequent airport attack'): never one event."""
    return a.get("doc_id") == b.get("doc_id") and a.get("span_start") == b.get("span_start")


def dates_compatible(a: Mapping[str, object], b: Mapping[str, object]) -> bool:
    """Could two reports' dates be the same day? A month-precise date covers its month; day- and
    week-precise dates must be equal: ACLED records 'around 9 May' on 9 May, and 'around 6 May'
    and 'on 9 May' in one town are two events.
    """
    precision_a, precision_b = int(a.get("time_precision") or 1), int(b.get("time_precision") or 1)
    if 3 in (precision_a, precision_b):
        return _windows_overlap(date_window(a), date_window(b))
    return a.get("event_date") == b.get("event_date")


def date_window(event: Mapping[str, object]) -> tuple[date, date]:
    """The days a record's date can stand for, by ACLED time precision (1 day, 2 week, 3 month)."""
    day = date.fromisoformat(str(event["event_date"]))
    precision = int(event.get("time_precision") or 1)
    if precision == 2:
        return day - timedelta(days=3), day + timedelta(days=3)
    if precision == 3:
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    return day, day


def _windows_overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _actors_compatible(a: Mapping[str, object], b: Mapping[str, object]) -> bool:
    """Named actors must overlap, a branch counting as its parent ('Islamic State Khorasan
    Province' is 'Islamic State'); an unidentified or missing actor is compatible with anyone."""
    named_a, named_b = _named_actors(a), _named_actors(b)
    if not named_a or not named_b:
        return True
    return any(x.startswith(y) or y.startswith(x) for x in named_a for y in named_b)


def _named_actors(event: Mapping[str, object]) -> set[str]:
    families = {_fold(str(event.get(key) or "").split("(", 1)[0]) for key in ("actor1", "actor2")}
    return {f for f in families if f and not f.startswith(("unidentified", "civilians"))}


def _combine(group: Sequence[Mapping[str, object]]) -> dict:
    """One event from its mentions: the most precise mention's fields, provenance from all."""
    best = min(
        group,
        key=lambda m: (
            int(m.get("time_precision") or 3),
            int(m.get("geo_precision") or 3),
            -_rank(m),
        ),
    )
    event = {key: value for key, value in best.items() if key not in _PRIVATE_KEYS}
    typed = min(
        group,
        key=lambda m: (
            -_rank(m),
            _SUB_EVENT_RANK.get(str(m.get("sub_event_type")), 99),
        ),
    )
    event.update({key: typed.get(key) for key in _TYPING_KEYS})
    if typed is not best and isinstance(typed.get("explain"), Mapping):
        # the typing columns come from `typed`: so must their explanation (--explain = the record)
        typed_explain = typed["explain"]
        event["explain"] = {
            **(best.get("explain") or {}),  # type: ignore[dict-item]
            **{key: typed_explain[key] for key in _TYPING_EXPLAINED if key in typed_explain},
        }
    event["doc_id"] = str(group[0].get("doc_id"))
    event["doc_ids"] = _unique(str(m.get("doc_id")) for m in group)
    event["mentions"] = [
        {
            "doc_id": str(m.get("doc_id")),
            "evidence": m.get("evidence"),
            "span_start": m.get("span_start"),
            "span_end": m.get("span_end"),
        }
        for m in group
    ]
    event["source"] = "; ".join(_unique(str(m["source"]) for m in group if m.get("source"))) or None
    event["source_scale"] = (
        "-".join(_unique(str(m["source_scale"]) for m in group if m.get("source_scale"))) or None
    )
    event["fatalities"] = conservative_fatalities(int(m.get("fatalities") or 0) for m in group)
    event["confidence"] = max(float(m.get("confidence") or 0.0) for m in group)
    event["timestamp"] = event_timestamp(group)
    return event


def _rank(mention: Mapping[str, object]) -> float:
    """How sure a mention is, for choosing among a group's mentions: its confidence before the
    calibration map (a monotone map read to three decimals could tie two mentions and change
    which one types the event), or its confidence (the rules alone; mentions cached before)."""
    stated = mention.get("stated_confidence")
    return float(stated if stated is not None else mention.get("confidence") or 0.0)  # type: ignore[arg-type]


def conservative_fatalities(counts: Iterable[int]) -> int:
    """ACLED's conservative rule across reports: the lowest figure among reports that give one."""
    reported = [count for count in counts if count > 0]
    return min(reported) if reported else 0


def event_timestamp(group: Sequence[Mapping[str, object]]) -> int:
    """Midnight UTC of the latest publication date among the mentions, else of the event date
    (0 for an undated mention without a publication date).

    Deterministic on purpose (not the wall clock): the same corpus gives the same records.
    """
    days = [date.fromisoformat(str(m["published"])) for m in group if m.get("published")]
    days = days or [date.fromisoformat(str(m["event_date"])) for m in group if m.get("event_date")]
    if not days:
        return 0
    day = max(days)
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())


def event_id(event: Mapping[str, object], salt: int = 0) -> str:
    """`^[A-Z]{3}\\d+$`: ISO alpha-3 of the country + a number hashed from the event's key."""
    prefix = country_alpha3(str(event.get("country") or "")) or UNKNOWN_COUNTRY_PREFIX
    key = "|".join(
        _fold(event.get(k))
        for k in ("event_date", "country", "location", "sub_event_type", "actor1", "actor2")
    )
    digest = hashlib.sha1(f"{key}|{salt}".encode()).hexdigest()
    return f"{prefix}{int(digest[:15], 16) % ID_MODULUS}"


def _assign_event_ids(events: list[dict]) -> None:
    """Give each event its id; on a (rare) hash collision the later event is re-salted."""
    used: set[str] = set()
    for event in events:
        salt = 0
        while (candidate := event_id(event, salt)) in used:
            salt += 1
        used.add(candidate)
        event["event_id_cnty"] = candidate


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _fold(value: object) -> str:
    return " ".join(str(value or "").casefold().replace("-", " ").split())
