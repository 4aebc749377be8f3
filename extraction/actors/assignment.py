"""Actors: who did what to whom, named the way ACLED names them.

ACLED's conventions (codebook, 'Actors and inter codes'): state forces are 'Military Forces of X
(period)' / 'Police Forces of X (period)', where the period is the government's; crowds are
'Protesters (X)' / 'Rioters (X)'; victims 'Civilians (X)'; unknown perpetrators 'Unidentified
Armed Group (X)'; named groups keep ACLED's name whatever alias the text uses. actor1 initiates,
actor2 is the target; in Violence against civilians the civilians are always actor2.

Country of the '(X)' suffix: the event's country (from the places module); a nationality adjective
('Ugandan troops') names the country of a state force, which is inter 8 when it acts abroad.

Islamic State Khorasan (ISKP, ISK, IS-K, ISIS-K, Daesh Khorasan) is 'Islamic State (Afghanistan)'
for events in Afghanistan, ACLED's name in its 2020 data; events elsewhere (Iran, Russia, Pakistan)
get 'Islamic State Khorasan Province (ISKP)', ACLED's name of the group in its 2025 data, because
ACLED keeps one name for a group across borders. The Taliban are the rebel group 'Taliban' before
15 August 2021 and Afghanistan's state forces from then on.

This module assigns the roles (`find_actors`) and an event's home country (`home_country`); the
dictionary lives in extraction.actors.dictionary and the search for mentions in
extraction.actors.mentions, whose public names are re-exported here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from extraction.actors.dictionary import (
    ActorDictionary,
    ActorEntry,
    NeedleIndex,
    _candidates,
    load_actor_dictionary,
)
from extraction.actors.mentions import (
    _ETHNIC_SPELLING,
    TALIBAN_TAKEOVER,
    ActorMention,
    _named_mentions,
    _suffix,
    before_attribution,
    find_mentions,
    government_name,
    government_period,
    state_force_name,
)
from extraction.actors.ordering import AGENT_BEFORE, initiator_first
from extraction.typing import NOTE_PREFIX, EventTyping, rx
from schemas.codebook import CIVILIAN_TARGETING, country_alpha3, interaction_number, region_of

__all__ = [
    "CIVILIANS_TARGETED",
    "TALIBAN_TAKEOVER",
    "ActorAssignment",
    "ActorDictionary",
    "ActorEntry",
    "ActorMention",
    "NeedleIndex",
    "find_actors",
    "find_mentions",
    "government_period",
    "home_country",
    "load_actor_dictionary",
    "state_force_name",
]

CIVILIANS_TARGETED = CIVILIAN_TARGETING  # ACLED's current wording, as its files write it


@dataclass(frozen=True)
class ActorAssignment:
    """ACLED actor columns for one event, and the text that justified each (for --explain)."""

    actor1: str
    assoc_actor_1: str | None
    inter1: int
    actor2: str | None
    assoc_actor_2: str | None
    inter2: int
    interaction: int
    civilian_targeting: str | None
    evidence: dict[str, str] = field(default_factory=dict)


def home_country(assigned: ActorAssignment, actors: ActorDictionary, text: str = "") -> str | None:
    """The one country every named actor of an event, and every ethnic group and party its `text` names,
    belongs to ('ODM supporters', 'SLDF militia', 'Kikuyu raiders' -> Kenya), or None when none
    has a home or two homes disagree ('Karamojong raiders attacked Turkana herders' may be on
    either side of the border). The last resort for an event's country when its text names no
    place and no country."""
    names = [assigned.actor1, assigned.actor2]
    names += [
        n for group in (assigned.assoc_actor_1, assigned.assoc_actor_2) if group for n in group.split("; ")
    ]
    peoples = (_ETHNIC_SPELLING.get(m[1], m[1]) for m in actors.ethnic_pattern.finditer(text))
    names += [f"{people} Ethnic Militia" for people in peoples]
    names += _parties(text, actors)  # 'an ANC Youth League chairperson was attacked': a victim's party
    homes = {actors.homes.get(name) or actors.homes.get(_SUFFIX_RE.sub("", name)) for name in names if name}
    homes.discard(None)
    return homes.pop() if len(homes) == 1 else None


UNDATED_PERIOD = date(9999, 12, 31)  # an undated event is coded with the latest government period
_SUFFIX_RE = re.compile(r" \([^()]*\)$")  # 'Pokot Ethnic Militia (Kenya)': the country suffix
_ACTOR_COUNTRY_RE = re.compile(r"Forces of ([A-Z][\w .'-]+?)(?: \(|$)|\(([A-Z][\w .'-]+)\)")


def actor_countries(
    assigned: ActorAssignment, actors: ActorDictionary, text: str = ""
) -> Iterator[str | None]:
    """alpha-3 codes of the countries an event's actors stand for, the likeliest first and read
    lazily: the state of actor1 or actor2 ('Police Forces of Kenya', 'Military Forces of Kenya'),
    then the one home country of the groups it names (see `home_country`). The last resort for
    the country of an event whose text names no place."""
    for actor in (assigned.actor1, assigned.actor2):
        match = _ACTOR_COUNTRY_RE.search(actor or "")
        yield country_alpha3(match.group(1) or match.group(2)) if match else None
    home = home_country(assigned, actors, text)
    yield country_alpha3(home) if home else None


_CIVILIAN_VICTIM = rx(
    r"\b(?:civilians?|villagers?|residents?|locals?|farmers?|herders?|traders?|teachers?|students?|pupils?|"
    r"passengers?|drivers?|workers?|wom[ae]n|child(?:ren)?|boys?|girls?|m[ae]n|persons?|people|famil(?:y"
    r"|ies)|"
    r"tourists?|journalists?|worshipp?ers?|victims?|bod(?:y|ies)|employees|elders?|chiefs?|suspects?|"
    r"households?|homes?|houses?|leaders?|activists?|supporters?|members|youths?|shepherds?|fishermen|"
    r"pilgrims?)\b",
)


def _civilians(country: str | None) -> tuple[str, int]:
    return _suffix("Civilians", country), 7


def _default_perpetrator(country: str | None, actors: ActorDictionary) -> tuple[str, int]:
    """ACLED's actor for an unknown perpetrator (inter 3 unless clearly military or communal)."""
    return _suffix("Unidentified Armed Group", country), 3


def _associates(sentence: str, country: str | None, actors: ActorDictionary) -> str | None:
    """Groups a crowd is made of: parties and social groups ('Students (Kenya)')."""
    names = _parties(sentence, actors)
    groups = actors.identity_groups
    if actors.any_identity_group is None or actors.any_identity_group.search(sentence):
        names += [_suffix(label, country) for label, found in groups if found.search(sentence)]
    return "; ".join(dict.fromkeys(names)) or None


def _parties(text: str, actors: ActorDictionary) -> list[str]:
    """The ACLED names of the parties `text` names, in dictionary order."""
    candidates = _candidates(text.casefold(), actors.party_index)
    return [actors.parties[k].name for k in candidates if actors.parties[k].pattern.search(text)]


# 'a missile ... was intercepted', 'air defences shot down two drones': nobody named, but only
# armed forces intercept (a defused bomb, with nobody named, stays the police's).
_INTERCEPTION = re.compile(r"\b(?:intercept\w*|shot down|air defen[cs]es?|downed)\b", re.IGNORECASE)


def _interceptor(
    sentence: str, sub: str, country: str | None, on: date, actors: ActorDictionary
) -> tuple[str, int] | None:
    if sub != "Disrupted weapons use" or not country or not _INTERCEPTION.search(sentence):
        return None
    return state_force_name(country, "Military", on, actors), 1


def _intervener(
    mentions: list[ActorMention], country: str | None, on: date, actors: ActorDictionary
) -> tuple[str, int] | None:
    """Who broke up a protest: the state's forces named, else an armed group named ('Taliban
    fighters beat women protesters'), else the police."""
    groups = [m for m in mentions if m.kind == "group"]
    if groups and not any(m.kind == "state" for m in mentions):
        return groups[0].name, groups[0].inter
    return _force_or_police(mentions, country, on, actors)


def _force_or_police(
    mentions: list[ActorMention], country: str | None, on: date, actors: ActorDictionary
) -> tuple[str, int] | None:
    state = [m for m in mentions if m.kind == "state"]
    if state:
        return state[0].name, state[0].inter
    return (state_force_name(country, "Police", on, actors), 1) if country else None


def _crowd_roles(
    sentence: str,
    typing: EventTyping,
    mentions: list[ActorMention],
    country: str | None,
    on: date,
    actors: ActorDictionary,
) -> tuple[tuple[str, int], tuple[str, int] | None, bool]:
    """(actor1, actor2, civilians targeted) for Protests and Riots."""
    sub = typing.sub_event_type
    if typing.event_type == "Protests":
        crowd = (_suffix("Protesters", country), 6)
        if sub in ("Protest with intervention", "Excessive force against protesters"):
            return crowd, _intervener(mentions, country, on, actors), False
        return crowd, None, False
    crowd = (_suffix("Rioters", country), 5)
    state = [m for m in mentions if m.kind == "state"]
    armed = [m for m in mentions if m.kind != "state"]
    two_sided = bool(_TWO_SIDED.search(sentence))  # 'supporters of two candidates clashed'
    if sub == "Violent demonstration":
        if state:
            return crowd, (state[0].name, state[0].inter), False
        return crowd, (crowd if two_sided else None), False
    if armed:
        return crowd, (armed[0].name, armed[0].inter), False
    if state:
        return crowd, (state[0].name, state[0].inter), False
    if two_sided:  # rioters on both sides
        return crowd, crowd, False
    if _CIVILIAN_VICTIM.search(sentence):
        return crowd, _civilians(country), True
    return crowd, None, False


_TWO_SIDED = rx(
    r"\b(?:clash(?:ed|es|ing)?|fought|scuffled?|brawl(?:ed|s)?|exchanged blows|fight(?:ing)? between"
    r"|rival (?:groups|factions|supporters))\b"
)
_HEAVY_WEAPONS = rx(
    r"\b(?:artillery|mortars?|shell(?:s|ed|ing)|howitzers?|tanks?|IFVs?|MLRS|missiles?|front ?line|rockets?|"
    r"heavy weapons|heavy machine ?guns?|projectiles?|explosions?|military positions|bursts of fire)\b",
)


def _unnamed_attacker(
    sentence: str, sub_event: str, country: str | None, on: date, actors: ActorDictionary
) -> tuple[str, int]:
    """Who fires when the text names nobody: air strikes and heavy weapons are a military's; a
    bomb, mine or grenade that explodes is an unknown group's."""
    indirect = sub_event in ("Air/drone strike", "Shelling/artillery/missile attack")
    if country and sub_event not in _PLANTED and (indirect or _HEAVY_WEAPONS.search(sentence)):
        return state_force_name(country, "Military", on, actors), 1
    return _default_perpetrator(country, actors)


# Devices whose user the forces named are rarely: a bomb or mine hits them unless they laid it.
_PLANTED = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})
_LAYING_AFTER = re.compile(
    r"\W*(?:[\w'’-]+\s+){0,3}?(?:planted|laid|placed|detonated|triggered|threw|hurled|lobbed|used|set\s+off)\b",
    re.IGNORECASE,
)


def _lays_it(mention: ActorMention, sentence: str) -> bool:
    """Whether the forces are the device's user: its agent ('planted by the army') or the subject
    of a laying verb ('soldiers threw a grenade')."""
    before = sentence[max(0, mention.start - 30) : mention.start]
    return bool(AGENT_BEFORE.search(before) or _LAYING_AFTER.match(sentence, mention.end))


# A group that arrests: its name is the subject of an active arrest verb ('the SDF arrested').
_ARRESTING = re.compile(
    r"\W*(?:(?!(?:were|was|been|being|are|is)\b)[\w'’-]+\s+){0,3}?"
    # 'the SDF raided a house in X and arrested two suspects': the raiders are the arresters
    r"(?:(?:raided|stormed|searched|surrounded|cordoned\s+off)\b[^.;]{0,80}?\band\s+)?"
    r"(?:arrested|detained|rounded\s+up)\b",
    re.IGNORECASE,
)
# Displacement, ACLED's 'Other' strategic development whose actor is the civilians who leave.
_DISPLACED = rx(r"\b(?:evacuat(?:ed|ing|ion)|displac(?:ed|ement)|fled|flee(?:ing)?|relocated)\b")
# Who governs: the actor of a curfew, a ban, a release or a broken-off relation (Strategic
# developments) when the text names no group or force before it.
_GOVERNING = rx(
    r"\b(?:government|authorities|ministry|minister|president(?:'s office)?|prime minister|governor|mayor"
    r"|cabinet|parliament)\b"
)


def _armed_roles(
    sentence: str,
    typing: EventTyping,
    mentions: list[ActorMention],
    country: str | None,
    on: date,
    actors: ActorDictionary,
) -> tuple[tuple[str, int], tuple[str, int] | None, bool]:
    """(actor1, actor2, civilians targeted) for Battles, Explosions, VAC and Strategic developments."""
    ranked = initiator_first(mentions, sentence)
    ordered = [(m.name, m.inter) for m in ranked]
    event_type, sub = typing.event_type, typing.sub_event_type
    if event_type == "Violence against civilians":
        first = ordered[0] if ordered else _default_perpetrator(country, actors)
        return first, _civilians(country), True
    if event_type == "Battles":
        first = ordered[0] if ordered else _unnamed_attacker(sentence, sub, country, on, actors)
        second = ordered[1] if len(ordered) > 1 else _default_perpetrator(country, actors)
        return first, second, False
    if event_type == "Explosions/Remote violence":
        if sub in _PLANTED and ranked and ranked[0].kind == "state" and not _lays_it(ranked[0], sentence):
            # 'a landmine wounded two soldiers': the forces are the target, the one who laid it unknown
            layer = ordered[1] if len(ordered) > 1 else _default_perpetrator(country, actors)
            return layer, ordered[0], False
        first = ordered[0] if ordered else _unnamed_attacker(sentence, sub, country, on, actors)
        if len(ordered) > 1:
            return first, ordered[1], False
        civilians = bool(_CIVILIAN_VICTIM.search(sentence))
        return first, (_civilians(country) if civilians else None), civilians
    if sub in ("Arrests", "Disrupted weapons use"):
        state = [(m.name, m.inter) for m in mentions if m.kind == "state"]
        others = [pair for pair in ordered if pair not in state]
        if not state and ranked and ranked[0].kind == "group" and _ARRESTING.match(sentence, ranked[0].end):
            return ordered[0], (ordered[1] if len(ordered) > 1 else None), False  # 'the SDF arrested ...'
        first = (
            state[0]
            if state
            else _interceptor(sentence, sub, country, on, actors)
            or _force_or_police(mentions, country, on, actors)
            or _default_perpetrator(country, actors)
        )
        return first, (others[0] if others else None), False
    if sub == "Looting/property destruction":
        first = ordered[0] if ordered else _default_perpetrator(country, actors)
        return first, _civilians(country), True
    label = NOTE_PREFIX.match(sentence)  # ACLED's tag before a note: 'Displacement: ...'
    displaced = _DISPLACED.search(sentence, label.end() if label else 0) if sub == "Other" else None
    if displaced and not (ranked and ranked[0].start < displaced.start()):
        return _civilians(country), None, False  # 'civilians were evacuated from X': they are the actor
    governing = _GOVERNING.search(sentence)
    if country and governing and not (ranked and ranked[0].start < governing.start()):
        # 'the government declared a curfew', 'the mayor banned marches': ACLED's 'Government of X'
        return (government_name(country, on, actors), 1), (ordered[0] if ordered else None), False
    first = (
        ordered[0]
        if ordered
        else (
            (state_force_name(country, "Military", on, actors), 1)
            if country
            else _default_perpetrator(country, actors)
        )
    )
    return first, (ordered[1] if len(ordered) > 1 else None), False


def _with_context_group(
    mentions: list[ActorMention], context: str, country: str | None, on: date, actors: ActorDictionary
) -> list[ActorMention]:
    """Lend the named group of the neighbouring sentences when the sentence names none.

    'The attackers shot dead two guards' after 'ISK claimed the attack': the unidentified
    attackers are the group named next to them, so it takes their place; with no generic mention
    it joins after the sentence's own actors (state forces there are more likely the target).
    """
    if any(m.kind == "group" for m in mentions):
        return mentions
    found = before_attribution(context, _named_mentions(context, country, on, actors))
    named = [m for m in found if m.kind == "group"]
    if not named:
        return mentions
    generic = next((m for m in mentions if m.kind == "unidentified"), None)
    start, end, text = (
        (generic.start, generic.end, generic.text) if generic else (10**6, 10**6, named[0].text)
    )
    lent = ActorMention(named[0].name, named[0].inter, start, end, text, "group")
    kept = [m for m in mentions if m.kind != "unidentified"] if generic else mentions
    return sorted([*kept, lent], key=lambda m: m.start)


# Signs of organised criminal violence (cartel and gang killings): ACLED names their unknown
# perpetrators 'Unidentified Gang' in the Americas rather than 'Unidentified Armed Group'.
_GANG_CUES = rx(
    r"\b(?:drive-by|tortur(?:e|ed)|handcuffed|blindfolded|dismembered|(?:hands|feet|body|bodies)"
    r" (?:\w+ )?(?:tied|bound)|cartels?|criminal (?:groups?|organi[sz]ations?|gangs?|factions?)"
    r"|drug[- ](?:traffick\w*|deal\w*|gangs?|cartels?|lords?|factions?)|gangs?|gangsters?|narco\w*"
    r"|hitm[ae]n|sicarios?|beheaded|decapitated|throats? slit|executed)\b",
)


def _gang_name(country: str | None, actors: ActorDictionary) -> str:
    return _suffix(actors.gang_names.get(country or "", "Unidentified Gang"), country)


def _as_gang(
    pair: tuple[str, int] | None, text: str, country: str | None, actors: ActorDictionary
) -> tuple[str, int] | None:
    """'Unidentified Armed Group (Mexico)' -> 'Unidentified Gang (Mexico)' when the text shows
    criminal violence in a country of the gang regions (codebook: Americas naming)."""
    if pair is None or pair[0] != _suffix("Unidentified Armed Group", country) or not country:
        return pair
    alpha3 = country_alpha3(country)
    if not alpha3 or region_of(alpha3) not in actors.gang_regions or not _GANG_CUES.search(text):
        return pair
    return _gang_name(country, actors), pair[1]


def _fallback_country(sentence: str, place_country: str | None, actors: ActorDictionary) -> str | None:
    if place_country:
        return place_country
    match = actors.nationality_pattern.search(sentence)
    return actors.nationalities[match.group(1)] if match else None


def find_actors(
    sentence: str,
    typing: EventTyping,
    place_country: str | None,
    event_date: date | None,
    actors: ActorDictionary | None = None,
    context: str = "",
) -> ActorAssignment:
    """ACLED actors of the event a sentence reports.

    `place_country` is the event's country (ACLED spelling) from the places module; without it
    the first nationality adjective in the sentence gives the '(Country)' suffix. `event_date`
    picks government periods and the Taliban's status; an undated event (None) takes the latest
    period. `context` (neighbouring sentences) lends its named group when the sentence names
    none, after the sentence's own actors.
    """
    event_date = event_date or UNDATED_PERIOD
    actors = actors or load_actor_dictionary()
    country = _fallback_country(sentence, place_country, actors)
    mentions = find_mentions(sentence, country, event_date, actors)
    role_text = sentence
    if context and not mentions and typing.event_type == "Battles":
        # 'Military Police raided the favela. A shoot-out broke out and a suspect died.': the
        # sides of a fight the sentence does not name are those named just before it.
        lent = find_mentions(context, country, event_date, actors)
        mentions, role_text = (lent, context) if lent else (mentions, sentence)
    if context and typing.event_type not in ("Protests", "Riots"):
        mentions = _with_context_group(mentions, context, country, event_date, actors)
    crowd_event = typing.event_type in ("Protests", "Riots")
    roles = _crowd_roles if crowd_event else _armed_roles
    (actor1, inter1), second, targeted = roles(role_text, typing, mentions, country, event_date, actors)
    if not crowd_event:
        surrounding = f"{context} {sentence}"
        actor1, inter1 = _as_gang((actor1, inter1), surrounding, country, actors) or (actor1, inter1)
        second = _as_gang(second, surrounding, country, actors)
    actor2, inter2 = second if second else (None, 0)
    assoc1 = _associates(sentence, country, actors) if crowd_event else None
    evidence = {m.name: m.text for m in mentions if m.name in (actor1, actor2)}
    return ActorAssignment(
        actor1=actor1,
        assoc_actor_1=assoc1,
        inter1=inter1,
        actor2=actor2,
        assoc_actor_2=None,
        inter2=inter2,
        interaction=interaction_number(inter1, inter2),
        civilian_targeting=CIVILIANS_TARGETED if targeted else None,
        evidence={"actor1": evidence.get(actor1, ""), "actor2": evidence.get(actor2 or "", "")},
    )
