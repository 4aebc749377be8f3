"""The extraction engine: one document in, ACLED-style event mentions out.

Per document: prepare the text, split it into sentences and walk them in order, threading a
document context (the date anchor for relative dates, the places named so far). A sentence that
reports an event (event_types) yields one mention per dated clause/place: its date (dates), its
place (places, with the document's country/admin1 priors), its actors (actors, which need the
country and the date) and its fatalities (fatalities), assembled into an ACLED record with
provenance and an `explain` dict (field -> the evidence behind it).

A sentence with no recoverable date yields no event (it may inherit the date of a scene-setting
sentence right before it), with one exception: a brief document (one short paragraph) with no
publication date that names no date at all (an ACLED note whose date lives in its own column)
yields its events *undated* (`event_date` None); they fail the schema on purpose and callers
that store events drop them (see `extraction.records`). Sentences after an event in the same
paragraph that bring no date of their own are read as its continuation ('The attack killed 21
people.', 'Police fired teargas to disperse them.'): they complete its fatalities or escalate a
protest instead of starting new events.

In a long document (more than one short paragraph) a sentence is also read phrase by phrase
(extraction.event_phrases): a sentence with several dates yields one event per typed date
segment, one the typing rules reject may still hold a dated concrete occurrence ('the most
notable being a rocket attack in May 2022'), 'two attacks in Kabul' yields two events, places a
plot aimed at are not the event's, and a quoted speaker's relative dates and sentences date
nothing. One-paragraph notes keep the whole-sentence reading.

The module never imports Prefect; heavy tables are built once by `Resources.load()`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import chain

from extraction.actors import (
    ActorAssignment,
    ActorDictionary,
    find_actors,
    home_country,
    load_actor_dictionary,
)
from extraction.dates import DateContext, DateMention, find_dates
from extraction.document import Document
from extraction.document_reading import PIECE_JOINER, iter_sentences, prepared_pieces
from extraction.event_followups import BATTLE_FOLLOWUP_RULE, battle_followup, demonstration_followup
from extraction.event_phrases import (
    date_segments,
    date_window,
    in_quoted_speech,
    is_hedged,
    mask_plot_targets,
    occurrence_count,
    type_phrase,
)
from extraction.event_types import EventTyping, classify_event, has_trigger, non_event_reason
from extraction.fatalities import count_fatalities
from extraction.gazetteer import Gazetteer, fold_word
from extraction.mention_record import (
    actor_evidence,
    explain_fields,
    mention_record,
    provenance,
    typing_columns,
)
from extraction.notes import write_note
from extraction.places import (
    Place,
    PlaceContext,
    document_context,
    find_places,
    resolve_location,
)
from extraction.sentences import Sentence
from extraction.text import lower_matches_ignorecase
from extraction.value_pool import ValuePool
from schemas.codebook import country_alpha3

log = logging.getLogger(__name__)

# The place of a brief whose text and metadata name no place or country: every column empty.
_UNPLACED = Place(  # type: ignore[arg-type]  (None in typed fields on purpose)
    location=None,
    admin1=None,
    admin2=None,
    country=None,
    iso=None,
    alpha3=None,
    region=None,
    latitude=None,
    longitude=None,
    geo_precision=None,
    population=0,
    evidence="no place or country named in the text or its metadata",
)
UNDATED_PERIOD = date(9999, 12, 31)  # an undated event is coded with the latest government period
MAX_SENTENCE_CHARS = 2_000  # longer "sentences" are tables or run-on boilerplate: evidence is cut
# Where a sentence's next event starts: '; ' or ', and in Kabul' / 'while on 5 May'.
_CLAUSE_SPLIT_RE = re.compile(
    r";\s+(?:(?:and|while|whereas|whilst)\s+)?"
    r"|,?\s+(?:and|while|whereas|whilst)\s+(?=(?:in|at|near|on)\s+(?:[A-Z]|\d))"
)
_PARAGRAPH_BREAK = "\n"
_POSSESSIVE_RE = re.compile(r"(?<=\w)['\u2019]s\b")
_CAPITALISED_RE = re.compile(r"\b[A-Z][a-z]+\b")
_NAME = r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2}"
_COORDINATED_RE = re.compile(
    rf"\b(?:in|at|across|near)\s+(?:the\s+)?(?P<names>{_NAME}(?:\s*,\s*{_NAME})*"
    rf"\s*,?\s+and\s+{_NAME})"
)
_LIST_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_LOCATIVE_CUES = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "around",
        "across",
        "into",
        "nearby",
        "in the vicinity of",
        "on the outskirts of",
        "close to",
    }
)
_ACTOR_COUNTRY_RE = re.compile(r"Forces of ([A-Z][\w .'-]+?)(?: \(|$)|\(([A-Z][\w .'-]+)\)")
_SENTENCE_DATE_HINT_RE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:yesterday|today|tonight|week"
    r"|weekend|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday|later|earlier|ago|next"
    r"|following|previous|day|days|night|morning|evening|afternoon|before|after)\b",
    re.IGNORECASE,
)
_DATE_HINT_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,4}[/-]\d{1,2}\b"
    r"|\b(?:yesterday|today|tonight|week|weekend|month|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday|later|earlier|ago|next|following|previous)\b",
    re.IGNORECASE,
)
LOOKBACK_SENTENCES = 3  # how far back in a paragraph a sentence naming no place looks for one
PRIOR_CHARS = 5_000  # the document priors (countries, admin1) are read from the title and the lead
BRIEF_CHARS = 2_000  # a single paragraph this short tells one story (an ACLED note, a news brief)
# Gravest first: a protest that turns violent is one riot, one met with lethal force is excessive force.
DEMONSTRATION_RANK = (
    "Excessive force against protesters",
    "Violent demonstration",
    "Protest with intervention",
    "Peaceful protest",
)


@dataclass(frozen=True)
class Resources:
    """Everything heavy the engine needs, built once per process and shared by all documents."""

    gazetteer: Gazetteer
    actors: ActorDictionary

    @classmethod
    def load(cls) -> Resources:
        """The packaged gazetteer and actor tables (cached: a second call costs nothing)."""
        return _load_resources()


@cache
def _load_resources() -> Resources:
    return Resources(gazetteer=Gazetteer.load(), actors=load_actor_dictionary())


@dataclass
class _DocumentState:
    """What earlier sentences tell later ones: the document's priors and the current paragraph."""

    dates: DateContext
    places: PlaceContext  # the document's countries/admin1, most named first
    fallback_countries: list[str]  # named in the source/title: the last resort for the country
    undated_text: str | None = None  # a brief without publication date: read for dates on demand
    brief: bool = False  # one short paragraph (a news brief, an ACLED note): it tells one story
    prev_end: int = 0
    paragraph: list[str] = field(default_factory=list)  # the paragraph's last few sentences
    previous_date: DateMention | None = None  # the previous sentence's scene-setting date, if any
    last_event: dict | None = None  # the paragraph's event that dateless sentences continue
    since_event: int = 0  # sentences read since last_event
    last_place: Place | None = None
    brief_text: str = ""  # a brief's whole text: every sentence of it is context for the others
    _undated: bool | None = None
    _first_dates: DateContext | None = None  # the date context `undated_text` is read with

    @property
    def undated(self) -> bool:
        """A brief without publication date that names no date at all: its events stay undated.
        Read lazily, once: most documents never ask, and reading every date hint costs."""
        if self._undated is None:
            text, dates = self.undated_text, self._first_dates or self.dates
            self._undated = text is not None and not _has_any_date(text, dates)
            self.undated_text = None
        return self._undated

    def enter(self, sentence: Sentence, piece: str, offset: int) -> None:
        """Reset the paragraph state when a line break (or a new piece of a huge document)
        separates `sentence` from the previous one; `offset` is where `piece` starts."""
        gap = piece[self.prev_end - offset : sentence.start - offset] if self.prev_end >= offset else "\n"
        if _PARAGRAPH_BREAK in gap:
            self.paragraph, self.last_event, self.last_place = [], None, None
            self.previous_date = None
        self.prev_end = sentence.end


@dataclass(frozen=True)
class _Clause:
    text: str
    start: int  # offset in the prepared text
    alone: bool = False  # one of several dated phrases: the rest of the sentence is other events


def extract_events(doc: Document, resources: Resources) -> list[dict]:
    """Event mentions of one document, in text order (the main event of a note comes first).

    Span offsets refer to the prepared text; a huge plain-text document is prepared piece by
    piece (cut at line breaks) and its prepared text is the pieces joined by a blank line.
    Never raises on odd input: empty, binary, foreign-language or huge texts give a warning in
    the log and zero events where there are none.
    """
    pieces = prepared_pieces(doc)
    first = next(pieces, "")
    if not first:
        return []
    state = _start_document(doc, first, resources)
    state.brief_text = first if state.brief else ""
    mentions: list[dict] = []
    pool = ValuePool()
    offset = 0
    for piece in chain([first], pieces):
        for sentence in iter_sentences(piece):
            sentence = Sentence(sentence.text, sentence.start + offset, sentence.end + offset)
            state.enter(sentence, piece, offset)
            mentions.extend(pool.compact(m) for m in _sentence_events(sentence, doc, state, resources))
            state.paragraph = [*state.paragraph[1 - LOOKBACK_SENTENCES :], sentence.text[:MAX_SENTENCE_CHARS]]
        offset += len(piece) + len(PIECE_JOINER)
    if state.brief and len(mentions) == 1:
        _count_whole_brief(mentions[0], first)
    return mentions


def _count_whole_brief(event: dict, text: str) -> None:
    """A brief that tells one event states its toll anywhere ('...; two killed', a closing
    'Fatalities split between 2 events', a victim named in the next sentence): read it from the
    whole text, whose reading also applies ACLED's lowest-figure and split rules, rather than
    from the clause and its neighbours only."""
    whole = count_fatalities(text)
    if whole.count == event["fatalities"]:
        return
    event["fatalities"] = whole.count
    reading = f"{whole.evidence!r} -> {whole.count} (whole brief)"
    event["explain"] = {**event["explain"], "fatalities": reading}
    event["notes"] = write_note(event) if event.get("event_date") else event["notes"]


def _start_document(doc: Document, first: str, resources: Resources) -> _DocumentState:
    """Document-level priors from the title and the lead, and whether this is a brief note."""
    gazetteer = resources.gazetteer
    fallback = _metadata_countries(doc, gazetteer)
    state = _DocumentState(
        dates=DateContext(published=doc.published),
        places=document_context(_with_title(doc, first[:PRIOR_CHARS]), gazetteer, fallback=fallback),
        fallback_countries=fallback,
    )
    state.brief = len(first) <= BRIEF_CHARS and _PARAGRAPH_BREAK not in first.strip()
    if state.brief and doc.published is None:
        state.undated_text, state._first_dates = first, state.dates
    return state


def _metadata_countries(doc: Document, gazetteer: Gazetteer) -> list[str]:
    """Countries named by the title or the source ('Daily Nation (Kenya)', 'OSCE SMM-Ukraine',
    'Kenyan Television NTV'): the last resort for an event's country when the text names none.
    Every run of one to three capitalised words is looked up, as sources glue names together."""
    words = [w.group() for w in _CAPITALISED_RE.finditer(f"{doc.title or ''} {doc.source or ''}")]
    found: list[str] = []
    for i in range(len(words)):
        for n in range(min(3, len(words) - i), 0, -1):
            found.extend(_country_codes(" ".join(words[i : i + n]), gazetteer)[:1])
    return list(dict.fromkeys(found))


def _country_codes(name: str, gazetteer: Gazetteer) -> list[str]:
    """alpha-2 codes of the countries a name or nationality adjective stands for."""
    codes = [c.alpha2 for c in gazetteer.regions(fold_word(name)) if c.kind == "country"]
    demonym = gazetteer.demonyms.get(name.lower())
    return codes + ([demonym] if demonym else [])


def _has_any_date(text: str, context: DateContext) -> bool:
    """Does the text state any recordable date? Only the surroundings of date-like words are read."""
    for hint in _DATE_HINT_RE.finditer(text):
        window = text[max(0, hint.start() - 40) : hint.end() + 40]
        if find_dates(window, context):
            return True
    return False


# The same test, made cheaper: a digit is found by a C-level character scan; the sentence is
# lowercased and searched without IGNORECASE (the pattern's letters are all lowercase), which
# `re` runs several times faster on a long alternation (see lower_matches_ignorecase).
_DIGIT_RE = re.compile(r"\d")
_SENTENCE_DATE_HINT_FOLDED_RE = re.compile(_SENTENCE_DATE_HINT_RE.pattern)


def could_hold_date(sentence: str) -> bool:
    """Cheap gate before `find_dates`: no digit, month name or time word, no date (most sentences
    of an article); checked against every sentence of the ACLED notes and seed articles."""
    if _DIGIT_RE.search(sentence) is not None:
        return True
    if lower_matches_ignorecase(sentence):
        return _SENTENCE_DATE_HINT_FOLDED_RE.search(sentence.lower()) is not None
    return _SENTENCE_DATE_HINT_RE.search(sentence) is not None


def _sentence_events(
    sentence: Sentence, doc: Document, state: _DocumentState, resources: Resources
) -> list[dict]:
    """The mentions one sentence yields; updates the document state either way.

    A typed sentence with its own date starts events. Without a date it continues the
    paragraph's last event (completing its fatalities) unless it names another place; with no
    event to continue it inherits the date of the sentence right before it when that one sets a
    scene rather than commenting ('On 9 May 2020, police raided X. A shoot-out broke out ...').
    """
    body = sentence.text[:MAX_SENTENCE_CHARS]
    dates, quoted, reports = _sentence_dates(body, state)
    inherited, state.previous_date = state.previous_date, None
    if quoted or (not state.brief and _speech(body)):
        inherited = None  # a speaker's words are dated by when they spoke, not the scene before
    triggered = not quoted and has_trigger(body)
    # Typing is the costliest stage: skip it where its answer cannot matter (no date, none to
    # inherit, no event to continue), which is most sentences of an article.
    useful = bool(dates) or inherited is not None or state.last_event is not None or state.undated
    context = state.paragraph[-1] if state.paragraph else ""
    typing = classify_event(body, context=context) if triggered and useful else None
    mentions: list[dict] = []
    if dates and not state.brief and triggered:
        mentions = _phrase_events(sentence, body, typing, dates, doc, state, resources)
    # In a brief, a dateless protest or riot sentence after a demonstration tells more of the same
    # crowd ('Students protested in X. They burnt tyres in Y.'): it refines that event, wherever.
    same_crowd = (
        state.brief
        and not dates
        and typing is not None
        and typing.sub_event_type in DEMONSTRATION_RANK
        and state.last_event is not None
        and state.last_event.get("sub_event_type") in DEMONSTRATION_RANK
    )
    new_event = dates or not (same_crowd or _continues(body, state, resources))
    if not mentions and typing is not None and new_event:
        mentions = _clause_events(sentence, body, typing, dates, doc, state, resources, inherited, reports)
        if mentions and not dates and inherited is not None:
            for mention in mentions:
                mention["explain"]["event_date"] += " (from the sentence before)"
    elif not mentions and state.last_event is not None and not dates:
        _complete_from_continuation(state.last_event, body, adjacent=state.brief or state.since_event == 0)
        current = state.last_event["sub_event_type"]
        if current in ("Attack", "Shelling/artillery/missile attack", "Grenade"):
            typing = battle_followup(body) or typing
        elif current in DEMONSTRATION_RANK:
            typing = demonstration_followup(body) or typing
        if typing is not None:
            _escalate_demonstration(state.last_event, body, typing, resources)
    state.since_event += 1
    if dates:
        state.dates = state.dates.updated(dates)
        state.last_event = None
        if not mentions and non_event_reason(body) is None:
            state.previous_date = dates[-1]
    if mentions:
        state.last_event, state.since_event = mentions[0], 0
    return mentions


def _speech(body: str) -> bool:
    """Does the sentence quote someone ('... a couple weeks ago.”', '“We saw ...')?"""
    return "\u201d" in body or body.lstrip().startswith(("\u201c", '"'))


def _sentence_dates(body: str, state: _DocumentState) -> tuple[list[DateMention], bool, list[DateMention]]:
    """The sentence's event dates: not the report's own date, and in a long document not a
    quoted speaker's 'a couple weeks ago' (it counts from when they spoke, not from publication:
    such a sentence is undatable, so it is True in the second place and yields no event). Third:
    the report dates set aside ('in January 2024, the ministry said'), for a clause with no other."""
    if not could_hold_date(body):
        return [], False, []
    found = find_dates(body, state.dates)
    dates = [d for d in found if not d.is_report_date]
    reports = [d for d in found if d.is_report_date]
    if state.brief:
        return dates, False, reports
    kept = [d for d in dates if not (d.is_publication_relative and in_quoted_speech(body, d))]
    return kept, len(kept) < len(dates), reports


def _phrase_events(
    sentence: Sentence,
    body: str,
    typing: EventTyping | None,
    dates: list[DateMention],
    doc: Document,
    state: _DocumentState,
    resources: Resources,
) -> list[dict]:
    """Events of a long document's sentence read phrase by phrase (see extraction.event_phrases):
    one per typed date segment when it has several dates; when the typing rules reject the whole
    sentence, one per date whose narrow window reports a concrete occurrence. [] leaves the
    sentence to the whole-sentence reading."""
    spans: list[tuple[int, int, DateMention]] = []
    if len({d.start for d in dates}) > 1:
        spans = [(s.start, s.end, s.date) for s in date_segments(body, dates)]
    if typing is None:
        spans = spans or [(*date_window(body, d), d) for d in dates]
    mentions: list[dict] = []
    for start, end, when in spans:
        text = body[start:end]
        own_dates = [d for d in dates if start <= d.start < end]
        phrase_typing = type_phrase(text, own_dates, start)
        if phrase_typing is None and typing is not None and has_trigger(text):
            # 'the suicide attacker responsible for the death of ...', not 'a potential attack'
            phrase_typing = None if is_hedged(text, own_dates, start) else typing
        if phrase_typing is None:
            continue
        clause = _Clause(text, sentence.start + start, alone=len(spans) > 1)
        mentions.extend(_occurrences(clause, sentence, phrase_typing, when, doc, state, resources))
    return mentions


def _occurrences(
    clause: _Clause,
    sentence: Sentence,
    typing: EventTyping,
    when: DateMention,
    doc: Document,
    state: _DocumentState,
    resources: Resources,
) -> list[dict]:
    """The mentions of one phrase: its place's, its coordinated places' ('in Austria and Germany'),
    or as many as it counts ('two attacks in Kabul')."""
    mention = _build_mention(clause, sentence, typing, when, doc, state, resources)
    if mention is None:
        return []
    others = _coordinated_places(_place_text(clause.text, state), mention, state, resources)
    siblings = [_build_mention(clause, sentence, typing, when, doc, state, resources, p) for p in others]
    siblings = [s for s in siblings if s is not None]
    if not siblings and not state.brief:
        siblings = [_another_occurrence(mention, k) for k in range(1, occurrence_count(clause.text))]
    return [mention, *_split_fatalities([mention, *siblings])]


def _another_occurrence(mention: dict, number: int) -> dict:
    """A copy of a mention for the number-th occurrence a phrase counts; `occurrence` keeps the
    copies apart when merging."""
    copy = {**mention, "explain": dict(mention["explain"]), "occurrence": number}
    copy["explain"]["event_type"] += f" (occurrence {number + 1} of those counted)"
    return copy


def _place_text(text: str, state: _DocumentState) -> str:
    """The text places are read from: in a long document, without what a plot aimed at."""
    return text if state.brief else mask_plot_targets(text)


def _continues(body: str, state: _DocumentState, resources: Resources) -> bool:
    """A dateless sentence after an event continues it unless it names a different place."""
    if state.last_event is None:
        return False
    place = resolve_location(_find_places(body, resources.gazetteer), state.places, resources.gazetteer)
    return place is None or place.location == state.last_event.get("location")


def _complete_from_continuation(event: dict, body: str, adjacent: bool) -> None:
    """'The attack killed 21 people.' right after the event sentence gives the event its
    fatalities; an explicit 'N fatalities.' later in the paragraph (how ACLED notes end) always
    wins. Figures further away are background, not this event's toll.
    """
    count = count_fatalities(body)
    authoritative = "fatalit" in count.evidence.lower()
    if count.count > 0 and (authoritative or (adjacent and not event.get("fatalities"))):
        event["fatalities"] = count.count
        event["explain"]["fatalities"] = f"{count.evidence!r} -> {count.count} (following sentence)"
        event["notes"] = write_note(event) if event.get("event_date") else event["notes"]


def _escalate_demonstration(event: dict, body: str, typing: EventTyping, resources: Resources) -> None:
    """A protest the next sentences show dispersed, turned violent or fired upon is one event of
    the graver kind ('Residents protested in X. Police fired teargas to disperse them.'); an
    attack or shelling whose targets fired back is one Armed clash ('The police shot back.')."""
    current, graver = event["sub_event_type"], typing.sub_event_type
    battle = (current == "Attack" and graver == "Armed clash") or (
        current in ("Shelling/artillery/missile attack", "Grenade") and typing.rule == BATTLE_FOLLOWUP_RULE
    )
    if not battle and (current not in DEMONSTRATION_RANK or graver not in DEMONSTRATION_RANK):
        return
    if not battle and DEMONSTRATION_RANK.index(graver) >= DEMONSTRATION_RANK.index(current):
        return
    if current == "Violent demonstration" and graver == "Excessive force against protesters":
        return  # the codebook's excessive force is against demonstrators who were not violent
    day = date.fromisoformat(event["event_date"]) if event.get("event_date") else None
    assigned = find_actors(
        f"{event['evidence']} {body}", typing, event["country"], day or UNDATED_PERIOD, resources.actors
    )
    event.update(typing_columns(typing, assigned))
    event["explain"]["event_type"] += f"; escalated by the next sentence: rule {typing.rule!r}"
    event["explain"]["actor1"] = actor_evidence(assigned)


def _clause_events(
    sentence: Sentence,
    body: str,
    typing: EventTyping,
    dates: list[DateMention],
    doc: Document,
    state: _DocumentState,
    resources: Resources,
    inherited: DateMention | None = None,
    reports: list[DateMention] | None = None,
) -> list[dict]:
    """One mention per clause that has its own place or date ('...; and in Kabul, ...').

    A clause without an event date takes its own report date ('and in January 2024, the ministry
    said a bomb exploded'), else the previous clause's, else the sentence's first; a later
    clause without its own typing takes the sentence's. `inherited` is the date of the sentence
    before, for a sentence with none.
    """
    mentions: list[dict] = []
    when = dates[0] if dates else inherited
    clauses = split_clauses(body, sentence.start)
    for clause in clauses:
        own = [d for d in dates if _within(d, clause, sentence.start)]
        own = own or [d for d in reports or () if len(clauses) > 1 and _within(d, clause, sentence.start)]
        when = own[0] if own else when
        clause_typing = classify_event(clause.text) if len(clauses) > 1 else typing
        mention = _build_mention(clause, sentence, clause_typing or typing, when, doc, state, resources)
        if mention is None:
            continue
        if mentions and _same_unit(mentions[-1], mention):
            # the same event told on ('Students protest ...; police disperse them'): the graver kind
            if clause_typing is not None:
                _escalate_demonstration(mentions[-1], clause.text, clause_typing, resources)
            continue
        if mentions and clause_typing is None and mention.get("location") == mentions[-1].get("location"):
            continue
        mentions.append(mention)
        others = _coordinated_places(_place_text(clause.text, state), mention, state, resources)
        siblings = [
            _build_mention(clause, sentence, clause_typing or typing, when, doc, state, resources, p)
            for p in others
        ]
        siblings = [s for s in siblings if s is not None]
        if not siblings and not state.brief and when is not None:
            siblings = [_another_occurrence(mention, k) for k in range(1, occurrence_count(clause.text))]
        mentions.extend(_split_fatalities([mention, *siblings]))
    return mentions


def _coordinated_places(clause: str, event: dict, state: _DocumentState, resources: Resources) -> list[Place]:
    """The other places of a coordinated locative phrase naming the event's place ('protests in
    Nairobi and Kisumu', 'arrests in Austria and Germany'): ACLED codes one event per location."""
    for match in _COORDINATED_RE.finditer(clause):
        places = [_place_of_name(name, state, resources) for name in _LIST_SPLIT_RE.split(match["names"])]
        if len(places) < 2 or any(p is None for p in places):
            continue
        if not any(_same_place(p, event) for p in places):  # type: ignore[arg-type]
            continue
        return [p for p in places if p is not None and not _same_place(p, event)]
    return []


def _place_of_name(name: str, state: _DocumentState, resources: Resources) -> Place | None:
    """A single name read as a place: a town or region, else a country (country-level place)."""
    gazetteer = resources.gazetteer
    mentions = _find_places(f"in {name}", gazetteer)
    place = resolve_location(mentions, state.places, gazetteer)
    if place is not None:
        return place
    countries = [c.alpha2 for m in mentions for c in m.candidates if c.kind == "country"]
    return _country_place(countries[:1], resources)


def _same_place(place: Place, event: dict) -> bool:
    return place.country == event.get("country") and place.location == event.get("location")


def _split_fatalities(mentions: list[dict]) -> list[dict]:
    """A toll reported for several places is split evenly, the remainder to the first (ACLED)."""
    if len(mentions) > 1:
        total = int(mentions[0]["fatalities"])
        share, remainder = divmod(total, len(mentions))
        for index, mention in enumerate(mentions):
            mention["fatalities"] = share + (remainder if index == 0 else 0)
            if total:
                mention["explain"]["fatalities"] += f" (split over {len(mentions)} places)"
    return mentions[1:] if len(mentions) > 1 else []


def split_clauses(body: str, offset: int) -> list[_Clause]:
    """Split a sentence where a new dated clause or place starts ('; ' or ', and in X')."""
    clauses, start = [], 0
    for match in _CLAUSE_SPLIT_RE.finditer(body):
        clauses.append(_Clause(body[start : match.start()], offset + start))
        start = match.end()
    clauses.append(_Clause(body[start:], offset + start))
    return [c for c in clauses if c.text.strip()]


def _within(mention: DateMention, clause: _Clause, sentence_start: int) -> bool:
    start = sentence_start + mention.start
    return clause.start <= start < clause.start + len(clause.text)


def _same_unit(a: dict, b: dict) -> bool:
    return a.get("event_date") == b.get("event_date") and a.get("location") == b.get("location")


def _build_mention(
    clause: _Clause,
    sentence: Sentence,
    typing: EventTyping,
    when: DateMention | None,
    doc: Document,
    state: _DocumentState,
    resources: Resources,
    place: Place | None = None,
) -> dict | None:
    """Assemble one ACLED record, or None when the date or the country cannot be recovered."""
    if when is None and not state.undated:
        log.debug("%s: %r dropped: no date", doc.doc_id, clause.text[:80])
        return None
    place = place or _resolve_place(
        _place_text(clause.text, state), _place_text(sentence.text, state), state, resources, clause.alone
    )
    place = place or _place_from_actors(clause.text, typing, when, resources)
    if place is None and state.brief:
        # A brief (an ACLED note, a news snippet) tells one story: when neither it nor its metadata
        # names a place, its event is kept as an incomplete candidate (it fails the schema on
        # purpose, so the warehouse quarantines it) because its type, actors and fatalities stand.
        place = _UNPLACED
    if place is None:
        log.debug("%s: %r dropped: no place or country", doc.doc_id, clause.text[:80])
        return None
    day = when.event_date if when else doc.published
    context = state.brief_text or " ".join(state.paragraph)  # a group named nearby stands in for 'gunmen'
    assigned = _find_actors(clause.text, typing, place, day, resources, context)
    if clause.alone and not assigned.evidence.get("actor1"):  # the sentence's subject ('ISK ...')
        whole = _find_actors(sentence.text, typing, place, day, resources, context)
        assigned = whole if whole.evidence.get("actor1") else assigned
    fatalities = count_fatalities(clause.text)
    record = mention_record(typing, when, place, assigned, fatalities.count, doc)
    record.update(provenance(sentence, typing, when, place))
    record["doc_id"] = doc.doc_id
    record["published"] = doc.published.isoformat() if doc.published else None  # for merge timestamps
    record["brief"] = state.brief  # for merge: two briefs tell one event only when typed alike
    record["explain"] = explain_fields(sentence, typing, when, place, assigned, fatalities)
    record["notes"] = write_note(record) if when else sentence.text.strip()
    return record


def _place_from_actors(
    clause: str, typing: EventTyping, when: DateMention | None, resources: Resources
) -> Place | None:
    """The last resort for the country: the state an actor belongs to ('GSU police' -> Police
    Forces of Kenya, 'KDF soldiers' -> Military Forces of Kenya), else the one home country of
    the groups it names ('ODM supporters', 'Kikuyu raiders' -> Kenya), at country level."""
    assigned = find_actors(
        clause, typing, None, when.event_date if when else UNDATED_PERIOD, resources.actors
    )
    for actor in (assigned.actor1, assigned.actor2):
        match = _ACTOR_COUNTRY_RE.search(actor or "")
        alpha3 = country_alpha3(match.group(1) or match.group(2)) if match else None
        country = resources.gazetteer.country_by_alpha3(alpha3) if alpha3 else None
        if country is not None:
            return _country_place([country.alpha2], resources)
    home = home_country(assigned, resources.actors, clause)
    alpha3 = country_alpha3(home) if home else None
    country = resources.gazetteer.country_by_alpha3(alpha3) if alpha3 else None
    return _country_place([country.alpha2], resources) if country is not None else None


def _find_actors(
    clause: str,
    typing: EventTyping,
    place: Place,
    event_date: date | None,
    resources: Resources,
    context: str = "",
) -> ActorAssignment:
    """Actors need the date for government periods; an undated event takes the latest period."""
    return find_actors(
        clause, typing, place.country, event_date or UNDATED_PERIOD, resources.actors, context=context
    )


def _with_title(doc: Document, text: str) -> str:
    return f"{doc.title}\n\n{text}" if doc.title else text


def _resolve_place(
    clause: str, sentence: str, state: _DocumentState, resources: Resources, alone: bool = False
) -> Place | None:
    """The clause's place; else the sentence's, the paragraph's last event place or a place of
    the few sentences before, as long as it lies in the country the clause names (or, without
    one, the sentence names) first; else that country alone (or the document's, its title's or
    source's): ACLED needs at least a country.
    """
    gazetteer = resources.gazetteer
    priors, located = state.places, []
    if clause != sentence:  # a phrase of a sentence: the countries the sentence names come first
        whole = resolve_location(_find_places(sentence, gazetteer), priors, gazetteer)
        country = gazetteer.country_by_alpha3(whole.alpha3) if whole is not None else None
        located = [country.alpha2] if country is not None else []
        named_here = [*countries_named(sentence, gazetteer), *located]
        priors = priors.naming_first(named_here)
    place = resolve_location(_find_places(clause, gazetteer), priors, gazetteer)
    if place is not None:
        state.last_place = place
        return place
    named = countries_named(clause, gazetteer)
    if clause != sentence:  # one of several events: the country of the sentence's place first
        named = named or (located if alone else []) or countries_named(sentence, gazetteer)
    first = gazetteer.country(named[0]) if named else None
    for place in () if alone else _other_places(clause, sentence, state, resources):
        if first is None or place.alpha3 == first.alpha3:
            state.last_place = place
            return place
    return _country_place(named or list(state.places.countries) or state.fallback_countries, resources)


def _other_places(clause: str, sentence: str, state: _DocumentState, resources: Resources) -> Iterator[Place]:
    """Places of the rest of the sentence, the paragraph's last event and the sentences before."""
    gazetteer = resources.gazetteer
    if clause != sentence:
        place = resolve_location(_find_places(sentence, gazetteer), state.places, gazetteer)
        if place is not None:
            yield place
    yield from _earlier_places(state, resources)


def _find_places(text: str, gazetteer: Gazetteer) -> list:
    """Place mentions, reading possessives as names ("Tajikistan's Danghara District")."""
    return find_places(_POSSESSIVE_RE.sub("  ", text), gazetteer)


def _earlier_places(state: _DocumentState, resources: Resources) -> Iterator[Place]:
    """The paragraph's last event place, then places of the sentences before (latest first)."""
    if state.last_place is not None:
        yield state.last_place
    gazetteer = resources.gazetteer
    for earlier in reversed(state.paragraph[-LOOKBACK_SENTENCES:]):
        place = resolve_location(_find_places(earlier, gazetteer), state.places, gazetteer)
        if place is not None:
            yield place


def countries_named(text: str, gazetteer: Gazetteer) -> list[str]:
    """alpha-2 codes of the countries a text names: first those named as a location ('in Austria'),
    then by nationality ('Tajik militants'), then any other mention ('Ministry of Tajikistan',
    'enroute to Afghanistan'); each group in order of appearance. A neighbour or an origin ('the
    border with Somalia', 'the Somali border', 'refugees from Sudan') is not counted, and a
    nationality of visitors ('Ugandan raiders', 'a Tanzanian cleric') comes last."""
    from extraction.place_lexicon import BORDER_AFTER, VISITOR_AFTER  # the engine's imports are shared

    mentions = _find_places(text, gazetteer)
    neighbours = {m.start for m in mentions if m.neighbour}
    found = [
        (0 if m.cue in _LOCATIVE_CUES else 2, m.start, c.alpha2)
        for m in mentions
        if not m.neighbour
        for c in m.candidates
        if c.kind == "country"
    ]
    for word in _CAPITALISED_RE.finditer(text):
        name = word.group()
        if word.start() in neighbours or BORDER_AFTER.match(text, word.end()):
            continue
        if name.lower() in gazetteer.demonyms:
            visitors = VISITOR_AFTER.match(text, word.end()) is not None  # 'Ugandan raiders'
            found.append((3 if visitors else 1, word.start(), gazetteer.demonyms[name.lower()]))
        elif codes := [c.alpha2 for c in gazetteer.regions(fold_word(name)) if c.kind == "country"]:
            found.append((2, word.start(), codes[0]))
    return list(dict.fromkeys(code for _, _, code in sorted(found)))


def _country_place(countries: list[str], resources: Resources) -> Place | None:
    """A country-level place (no location, geo_precision 3): the event is kept, its place is vague.

    `countries` are alpha-2 codes, the most likely first."""
    country = resources.gazetteer.country(countries[0]) if countries else None
    if country is None:
        return None
    return Place(
        location=None,
        admin1=None,
        admin2=None,
        country=country.name,
        iso=country.iso,  # type: ignore[arg-type]
        alpha3=country.alpha3,
        region=country.region,
        latitude=None,
        longitude=None,  # type: ignore[arg-type]
        geo_precision=3,
        population=0,
        evidence=f"country only: {country.name} (no place named)",
    )


