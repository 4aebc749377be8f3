"""The typing decision with the learned model in the loop: the rules' typing in, the decided typing out.

The rules decide whether a sentence reports an event and give their verdict with its evidence
(rule, cues); the actors found for it and whether anyone died are evidence too. The model reads
the text (a brief's whole text: models are trained on whole ACLED notes; else the sentence) with
that evidence, and the policy (extraction.learned.policy, chosen by leave-one-region-out numbers)
says who decides. The typing that comes out carries the calibrated probability as its confidence
(the policy's confidence through the model's calibration map: `LearnedModel.calibrate`),
the model's top classes and the rules' own verdict, for `--explain`.

`note_fallback` is the one case where the model types a note the rules found no event in: a
brief that no non-event filter rejects, with the model at least `policy.fallback_probability`
sure when its event date leads it (a note-shaped brief: 'On 3 May 2020, ...'), at least
`policy.undated_fallback_probability` when not (chosen by leave-one-region-out numbers under the
false-alarm budget of the note-shaped and news negatives).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from extraction.dates import DateContext, DateMention, could_hold_date, find_dates
from extraction.learned import Evidence, LearnedModel
from extraction.learned.policy import crowd_against_state, decide, fallback
from extraction.reading import Sentence, iter_sentences
from extraction.typing.assertion import find_cues, non_event_reason
from extraction.typing.crowds import names_firearms
from extraction.typing.event_types import EventTyping
from schemas.codebook import SUB_EVENT_DISORDER, SUB_EVENT_PARENT

__all__ = [
    "DATED", "FALLBACK_RULE", "MODEL_RULE", "UNDATED", "fallback_candidate", "fallback_evidence",
    "fallback_typing", "learned_typing", "note_fallback", "rejected_note",
]

MODEL_RULE = "learned model"
FALLBACK_RULE = "learned model (the rules found no event in the note)"
TOP_CLASSES = 3
LEAD_CHARS = 40  # a note-shaped brief names its event date this near its start ('On 3 May 2020, ...')
SENTENCE_CHARS = 2_000  # as the engine reads a sentence
DATED, UNDATED = "dated", "undated"  # a fallback candidate's kind: does its event date lead it?


def learned_typing(
    typing: EventTyping,
    text: str,
    model: LearnedModel,
    assigned: Any,
    fatal: bool,
    find_actors: Callable[[EventTyping], Any],
) -> tuple[EventTyping, Any]:
    """`typing` decided anew by the policy over the rules' verdict and the model's probabilities,
    and the actors: `assigned` (found for the rules' typing: their kinds are evidence) if the type
    stands, else `find_actors(new typing)` (who is actor2 depends on the type). The note
    fallback's typing is the model's already: it stands as it is."""
    if typing.rule == FALLBACK_RULE:
        return typing, assigned
    evidence = Evidence(
        sub_event_type=typing.sub_event_type,
        rule=typing.rule,
        cues=tuple(sorted(typing.cues)),
        inter1=assigned.inter1,
        inter2=assigned.inter2,
        fatal=fatal,
    )
    proba = model.predict_proba(text, evidence)
    crowd = unarmed_crowd_against_state(assigned.inter1, assigned.inter2, text)
    sub, confidence, _ = decide(typing.sub_event_type, proba, model.classes, model.policy, crowd)
    top = tuple((name, round(p, 3)) for name, p in model.ranked(proba, TOP_CLASSES))
    calibrated = round(model.calibrate(confidence), 3)
    decided = replace(
        typing, confidence=calibrated, stated_confidence=round(confidence, 3), model_top=top,
        rules_verdict=typing.sub_event_type,
    )
    if sub is None or sub == typing.sub_event_type:
        return decided, assigned
    decided = replace(
        decided,
        event_type=SUB_EVENT_PARENT[sub],
        sub_event_type=sub,
        disorder_type=SUB_EVENT_DISORDER[sub],
        rule=f"{MODEL_RULE} (rules: {typing.rule})",
    )
    return decided, find_actors(decided)


def unarmed_crowd_against_state(inter1: int | None, inter2: int | None, text: str) -> bool:
    """The rules found a crowd facing state forces, and the text names no guns: the model may
    not make it a battle (extraction.learned.policy). Training replays this on its folds."""
    return crowd_against_state(inter1, inter2) and not names_firearms(text)


def rejected_note(sentences: Sequence[str]) -> bool:
    """Does a non-event filter (aggregate, forecast, court, disaster, ...) reject any sentence of
    the note? Then the rules' "no event" is a judgement the fallback must not overrule."""
    return any(non_event_reason(s) is not None for s in sentences)


def fallback_evidence(text: str) -> Evidence:
    """The rules' evidence for a note they found no event in (as training reads it): the cues only."""
    return Evidence(cues=tuple(sorted(find_cues(text))))


def fallback_typing(
    text: str, sentences: Sequence[str], model: LearnedModel, dated: bool = True
) -> EventTyping | None:
    """The model's typing of a brief the rules found no event in (`dated`: its event date leads
    it), or None (a non-event filter fired, the policy has no such fallback, or the model is
    below its threshold)."""
    policy = model.policy
    threshold = policy.fallback_probability if dated else policy.undated_fallback_probability
    if threshold is None or rejected_note(sentences):
        return None
    evidence = fallback_evidence(text)
    proba = model.predict_proba(text, evidence)
    sub, confidence = fallback(proba, model.classes, policy, dated)
    if sub is None:
        return None
    return EventTyping(
        event_type=SUB_EVENT_PARENT[sub],
        sub_event_type=sub,
        disorder_type=SUB_EVENT_DISORDER[sub],
        trigger="",
        rule=FALLBACK_RULE,
        confidence=round(model.calibrate(confidence), 3),
        stated_confidence=round(confidence, 3),
        cues=frozenset(evidence.cues),
        model_top=tuple((name, round(p, 3)) for name, p in model.ranked(proba, TOP_CLASSES)),
        rules_verdict=None,
    )


def note_lead(brief: str, published: date | None) -> tuple[list[Sentence], DateMention] | None:
    """A note-shaped brief's sentences and its lead date (an event date within LEAD_CHARS of the
    start: 'On 3 May 2020, ...'), or None. 'On 5 May, the ministry said ...' leads with a report
    date: not note-shaped."""
    sentences = list(iter_sentences(brief))
    if not sentences or not could_hold_date(sentences[0].text[:SENTENCE_CHARS]):
        return None
    dates = find_dates(sentences[0].text[:SENTENCE_CHARS], DateContext(published=published))
    lead = next((d for d in dates if not d.is_report_date and d.role == "event"), None)
    return None if lead is None or lead.start > LEAD_CHARS else (sentences, lead)


def fallback_candidate(brief: str, published: date | None = None) -> str | None:
    """Which fallback would the model be asked about this brief under, were the rules to find no
    event in it: DATED (its event date leads it), UNDATED, or None (a non-event filter fires, or
    no sentence). Training simulates the engine's fallback with it."""
    sentences = list(iter_sentences(brief))
    if not sentences or rejected_note([s.text for s in sentences]):
        return None
    return DATED if note_lead(brief, published) is not None else UNDATED


def note_fallback(
    brief: str, published: date | None, model: LearnedModel | None
) -> tuple[Sentence, str, EventTyping, list[DateMention]] | None:
    """The model's event in a brief the rules found none in, as the engine's clause reading takes
    it (the first sentence, its text, the model's typing, the lead date, or the brief's first
    event date when it has no lead), or None: no model, a non-event filter fired, or the model
    is not sure enough."""
    sentences = list(iter_sentences(brief)) if model is not None else []
    if not sentences or model is None:
        return None
    shaped = note_lead(brief, published)
    typing = fallback_typing(brief, [s.text for s in sentences], model, dated=shaped is not None)
    if typing is None:
        return None
    first = sentences[0]
    body = first.text[:SENTENCE_CHARS]
    return first, body, typing, [shaped[1]] if shaped is not None else _brief_date(sentences, published)


def _brief_date(sentences: Sequence[Sentence], published: date | None) -> list[DateMention]:
    """The first event date anywhere in an undated brief ('... in Cabugao around 19 Jul 2016.'),
    as a list of one, or none (a brief naming no date at all stays undated)."""
    context = DateContext(published=published)
    for sentence in sentences:
        text = sentence.text[:SENTENCE_CHARS]
        if could_hold_date(text):
            dates = find_dates(text, context)
            found = next((d for d in dates if not d.is_report_date and d.role == "event"), None)
            if found is not None:
                return [found]
    return []
