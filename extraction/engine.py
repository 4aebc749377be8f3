"""The extraction engine: one document in, ACLED-style event mentions out.

Per document: prepare the text, split it into sentences and walk them in order, threading a document
context (the date anchor for relative dates, the places named so far). A sentence that reports an
event (typing; with a model, extraction.typing.learned has the last word) yields one mention per
dated clause/place: its date, place (with the document's country/admin1 priors), actors (which need
the country and the date) and fatalities, assembled into an ACLED record with provenance and an
`explain` dict (field -> the evidence behind it).

A sentence with no recoverable date yields no event (it may inherit the date of a scene-setting
sentence right before it), with one exception: a brief (one short paragraph) naming no date at all
takes its publication date at time precision 2; without one (an ACLED note dated in its own column)
its events stay *undated* (`event_date` None), fail the schema on purpose and are dropped by callers
that store events (see `extraction.records.frame`). Sentences after an event in the same paragraph
that bring no date of their own are read as its continuation ('The attack killed 21 people.',
'Police fired teargas to disperse them.'): they complete its fatalities or escalate a protest.

In a long document (more than one short paragraph) a sentence is also read phrase by phrase
(extraction.typing.phrases): a sentence with several dates yields one event per typed date segment,
one the typing rules reject may still hold a dated concrete occurrence ('the most notable being a
rocket attack in May 2022'), 'two attacks in Kabul' yields two events, places a plot aimed at are
not the event's, and a quoted speaker's relative dates and sentences date nothing. One-paragraph
notes keep the whole-sentence reading.

A brief the rules find no event in may still get one from the model, when it is note-shaped (its
event date leads it) and the model is sure (extraction.typing.note_fallback).

The module never imports Prefect; heavy tables (and the model) are built once by `Resources.load()`.
"""

from __future__ import annotations

import logging
from datetime import date
from itertools import chain

from extraction.actors import actor_countries, find_actors
from extraction.dates import DateContext, DateMention, could_hold_date, find_dates
from extraction.document import Document
from extraction.document_state import DocumentState, headline_end, is_brief
from extraction.fatalities import count_fatalities
from extraction.places import (
    LOOKBACK_SENTENCES,
    UNPLACED,
    Place,
    coordinated_places,
    document_context,
    first_country_place,
    last_resort_place,
    metadata_countries,
    resolve_place,
    text_location,
)
from extraction.reading import PIECE_JOINER, Clause, Sentence, iter_sentences, prepared_pieces, split_clauses
from extraction.records import (
    Mention,
    ValuePool,
    another_occurrence,
    apply_escalation,
    complete_from_continuation,
    count_whole_brief,
    new_mention,
    split_fatalities,
    with_explained,
)
from extraction.resources import Resources
from extraction.typing import (
    DEMONSTRATION_RANK,
    EventTyping,
    classify_event,
    date_segments,
    date_window,
    escalates,
    followup_typing,
    has_trigger,
    in_quoted_speech,
    is_hedged,
    learned_typing,
    mask_plot_targets,
    non_event_reason,
    note_fallback,
    occurrence_count,
    quotes_speaker,
    type_phrase,
)

__all__ = ["Resources", "extract_events"]

log = logging.getLogger(__name__)

MAX_SENTENCE_CHARS = 2_000  # longer "sentences" are tables or run-on boilerplate: evidence is cut
PRIOR_CHARS = 5_000  # the document priors (countries, admin1) are read from the title and the lead


def extract_events(doc: Document, resources: Resources) -> list[Mention]:
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
    mentions, pool = state.events, ValuePool()
    offset = 0
    for piece in chain([first], pieces):
        for sentence in iter_sentences(piece):
            sentence = Sentence(sentence.text, sentence.start + offset, sentence.end + offset)
            state.enter(sentence, piece, offset)
            mentions.extend(pool.compact(m) for m in _sentence_events(sentence, doc, state, resources))
            state.paragraph = [*state.paragraph[1 - LOOKBACK_SENTENCES :], sentence.text[:MAX_SENTENCE_CHARS]]
        offset += len(piece) + len(PIECE_JOINER)
    if state.brief and not mentions and (found := note_fallback(first, doc.published, resources.model)):
        mentions = _clause_events(*found, doc, state, resources)  # the model's event, rules found none
    if state.brief and len(mentions) == 1:
        mentions[0] = count_whole_brief(mentions[0], first)
    return mentions


def _start_document(doc: Document, first: str, resources: Resources) -> DocumentState:
    """Document-level priors from the title and the lead, and whether this is a brief note."""
    gazetteer = resources.gazetteer
    fallback = metadata_countries(doc.title, doc.source, gazetteer)
    state = DocumentState(
        dates=DateContext(published=doc.published),
        places=document_context(_with_title(doc, first[:PRIOR_CHARS]), gazetteer, fallback=fallback),
        fallback_countries=fallback,
    )
    state.brief, state.headline_end = is_brief(first), headline_end(first)
    if state.brief:
        state.undated_text, state._first_dates = first, state.dates
    return state


def _sentence_events(
    sentence: Sentence, doc: Document, state: DocumentState, resources: Resources
) -> list[Mention]:
    """The mentions one sentence yields; updates the document state either way.

    A typed sentence with its own date starts events. Without a date it continues the
    paragraph's last event (completing its fatalities) unless it names another place; with no
    event to continue it inherits the date of the sentence right before it when that one sets a
    scene rather than commenting ('On 9 May 2020, police raided X. A shoot-out broke out ...').
    """
    body = sentence.text[:MAX_SENTENCE_CHARS]
    dates, quoted, reports = _sentence_dates(body, state)
    inherited, state.previous_date = state.previous_date, None
    if quoted or (not state.brief and quotes_speaker(body)):
        inherited = None  # a speaker's words are dated by when they spoke, not the scene before
    triggered = not quoted and sentence.start >= state.headline_end and has_trigger(body)
    # Typing costs most: skip it where it cannot matter (no date, none to inherit, no event to continue).
    useful = bool(dates) or inherited is not None or state.last_event is not None or state.undated
    context = state.paragraph[-1] if state.paragraph else ""
    typing = classify_event(body, context=context) if triggered and useful else None
    mentions: list[Mention] = []
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
            mentions = [with_explained(m, event_date=f"{m.explain['event_date']} (from the sentence before)")
                        for m in mentions]
    elif not mentions and state.last_event is not None and not dates:
        adjacent = state.brief or state.since_event == 0
        state.replace_last_event(complete_from_continuation(state.last_event, body, adjacent))
        typing = followup_typing(state.last_event.sub_event_type, body, typing)
        if typing is not None:
            state.replace_last_event(_escalate_demonstration(state.last_event, body, typing, resources))
    state.since_event += 1
    if dates:
        state.dates = state.dates.updated(dates)
        state.last_index = None
        if not mentions and non_event_reason(body) is None:
            state.previous_date = dates[-1]
    if mentions:
        state.last_index, state.since_event = len(state.events), 0  # extract_events appends them
    return mentions


def _sentence_dates(body: str, state: DocumentState) -> tuple[list[DateMention], bool, list[DateMention]]:
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
    state: DocumentState,
    resources: Resources,
) -> list[Mention]:
    """Events of a long document's sentence read phrase by phrase (see extraction.typing.phrases):
    one per typed date segment when it has several dates; when the typing rules reject the whole
    sentence, one per date whose narrow window reports a concrete occurrence. [] leaves the
    sentence to the whole-sentence reading."""
    spans: list[tuple[int, int, DateMention]] = []
    if len({d.start for d in dates}) > 1:
        spans = [(s.start, s.end, s.date) for s in date_segments(body, dates)]
    if typing is None:
        spans = spans or [(*date_window(body, d), d) for d in dates]
    mentions: list[Mention] = []
    for start, end, when in spans:
        text = body[start:end]
        own_dates = [d for d in dates if start <= d.start < end]
        phrase_typing = type_phrase(text, own_dates, start)
        if phrase_typing is None and typing is not None and has_trigger(text):
            # 'the suicide attacker responsible for the death of ...', not 'a potential attack'
            phrase_typing = None if is_hedged(text, own_dates, start) else typing
        if phrase_typing is None:
            continue
        clause = Clause(text, sentence.start + start, alone=len(spans) > 1)
        mentions.extend(_occurrences(clause, sentence, phrase_typing, when, doc, state, resources))
    return mentions


def _occurrences(
    clause: Clause,
    sentence: Sentence,
    typing: EventTyping,
    when: DateMention,
    doc: Document,
    state: DocumentState,
    resources: Resources,
) -> list[Mention]:
    """The mentions of one phrase: its place's, its coordinated places' ('in Austria and Germany'),
    or as many as it counts ('two attacks in Kabul')."""
    mention = _build_mention(clause, sentence, typing, when, doc, state, resources)
    if mention is None:
        return []
    others = coordinated_places(_place_text(clause.text, state), mention, state, resources.gazetteer)
    siblings = [_build_mention(clause, sentence, typing, when, doc, state, resources, p) for p in others]
    siblings = [s for s in siblings if s is not None]
    if not siblings and not state.brief:
        siblings = [another_occurrence(mention, k) for k in range(1, occurrence_count(clause.text))]
    return split_fatalities([mention, *siblings])


def _place_text(text: str, state: DocumentState) -> str:
    """The text places are read from: in a long document, without what a plot aimed at."""
    return text if state.brief else mask_plot_targets(text)


def _continues(body: str, state: DocumentState, resources: Resources) -> bool:
    """A dateless sentence after an event continues it unless it names a different place."""
    if state.last_event is None:
        return False
    place = text_location(body, state.places, resources.gazetteer)
    return place is None or place.location == state.last_event.get("location")


def _escalate_demonstration(event: Mention, body: str, typing: EventTyping, resources: Resources) -> Mention:
    """A protest the next sentences show dispersed, turned violent or fired upon is one event of
    the graver kind ('Residents protested in X. Police fired teargas to disperse them.'); an
    attack or shelling whose targets fired back is one Armed clash ('The police shot back.')."""
    if not escalates(event.sub_event_type, typing):
        return event
    day = date.fromisoformat(event["event_date"]) if event.get("event_date") else None
    assigned = find_actors(
        f"{event['evidence']} {body}", typing, event["country"], day, resources.actors
    )
    return apply_escalation(event, typing, assigned)


def _clause_events(
    sentence: Sentence,
    body: str,
    typing: EventTyping,
    dates: list[DateMention],
    doc: Document,
    state: DocumentState,
    resources: Resources,
    inherited: DateMention | None = None,
    reports: list[DateMention] | None = None,
) -> list[Mention]:
    """One mention per clause that has its own place or date ('...; and in Kabul, ...').

    A clause without an event date takes its own report date ('and in January 2024, the ministry
    said a bomb exploded'), else the previous clause's, else the sentence's first; a later
    clause without its own typing takes the sentence's. `inherited` is the date of the sentence
    before, for a sentence with none.
    """
    mentions: list[Mention] = []
    when = dates[0] if dates else inherited
    clauses = split_clauses(body, sentence.start)
    for clause in clauses:
        own = [d for d in dates if _within(d, clause, sentence.start)]
        own = own or [d for d in reports or () if len(clauses) > 1 and _within(d, clause, sentence.start)]
        when = own[0] if own else when
        clause_typing = classify_event(clause.text) if len(clauses) > 1 else typing
        mention = _build_mention(clause, sentence, clause_typing or typing, when, doc, state, resources)
        if mention is None or (mentions and _same_unit(mentions[-1], mention)):
            # the same event told on ('Students protest ...; police disperse them'): the graver kind
            last = mentions[-1] if mentions else None
            if last and (told := followup_typing(last.sub_event_type, clause.text, clause_typing)):
                mentions[-1] = _escalate_demonstration(last, clause.text, told, resources)
            continue
        if mentions and clause_typing is None and mention.get("location") == mentions[-1].get("location"):
            continue
        mentions.append(mention)
        others = coordinated_places(_place_text(clause.text, state), mention, state, resources.gazetteer)
        siblings = [
            _build_mention(clause, sentence, clause_typing or typing, when, doc, state, resources, p)
            for p in others
        ]
        siblings = [s for s in siblings if s is not None]
        if not siblings and not state.brief and when is not None:
            siblings = [another_occurrence(mention, k) for k in range(1, occurrence_count(clause.text))]
        mentions[-1:] = split_fatalities([mention, *siblings])
    return mentions


def _within(mention: DateMention, clause: Clause, sentence_start: int) -> bool:
    return clause.holds(sentence_start + mention.start)


def _same_unit(a: Mention, b: Mention) -> bool:
    return a.get("event_date") == b.get("event_date") and a.get("location") == b.get("location")


def _build_mention(
    clause: Clause,
    sentence: Sentence,
    typing: EventTyping,
    when: DateMention | None,
    doc: Document,
    state: DocumentState,
    resources: Resources,
    place: Place | None = None,
) -> Mention | None:
    """Assemble one ACLED record, or None when the date or the country cannot be recovered."""
    if (when := when or state.undated_date) is None and not state.undated:
        log.debug("%s: %r dropped: no date", doc.doc_id, clause.text[:80])
        return None
    clause_text, sentence_text = _place_text(clause.text, state), _place_text(sentence.text, state)
    brief = state.brief_text  # a brief is read whole: briefs are never masked (_place_text)
    gazetteer = resources.gazetteer
    place = place or resolve_place(clause_text, sentence_text, state, gazetteer, clause.alone, brief)
    place = place or _place_from_actors(brief or clause.text, typing, when, resources)
    place = last_resort_place(place, brief or clause.text, gazetteer, state.brief)
    if place is None and state.brief:  # kept incomplete: its type, actors and fatalities stand
        place = UNPLACED  # (it fails the schema on purpose, so the warehouse quarantines it)
    if place is None:
        log.debug("%s: %r dropped: no place or country", doc.doc_id, clause.text[:80])
        return None
    day = when.event_date if when else doc.published
    context = state.brief_text or " ".join(state.paragraph)  # a group named nearby stands in for 'gunmen'
    assigned = find_actors(clause.text, typing, place.country, day, resources.actors, context=context)
    if clause.alone and not assigned.evidence.get("actor1"):  # the sentence's subject ('ISK ...')
        whole = find_actors(sentence.text, typing, place.country, day, resources.actors, context=context)
        assigned = whole if whole.evidence.get("actor1") else assigned
    fatalities = count_fatalities(clause.text)
    if resources.model is not None:  # the learned layer has the last word; a brief is read whole
        typing, assigned = learned_typing(
            typing, state.brief_text or sentence.text, resources.model, assigned, fatalities.count > 0,
            lambda t: find_actors(clause.text, t, place.country, day, resources.actors, context=context))
    return new_mention(sentence, typing, when, place, assigned, fatalities, doc, state.brief)


def _place_from_actors(
    clause: str, typing: EventTyping, when: DateMention | None, resources: Resources
) -> Place | None:
    """The last resort for the country: the state an actor belongs to ('GSU police' -> Police
    Forces of Kenya, 'KDF soldiers' -> Military Forces of Kenya), else the one home country of
    the groups it names ('ODM supporters', 'Kikuyu raiders' -> Kenya), at country level."""
    assigned = find_actors(clause, typing, None, when.event_date if when else None, resources.actors)
    return first_country_place(actor_countries(assigned, resources.actors, clause), resources.gazetteer)


def _with_title(doc: Document, text: str) -> str:
    return f"{doc.title}\n\n{text}" if doc.title else text
