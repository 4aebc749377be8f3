"""The vocabulary of event detection as the typing modules see it: the named cues and note labels
(data: extraction/typing/data/cues.toml) and the armed-target grammar, whose named groups are the
actor dictionary's (extraction.typing.names).

A cue is a regex for one kind of evidence ('teargas' -> intervention, 'airstrike' -> air). The
decision rules that turn cues into ACLED sub-event types live in extraction.typing.event_types.
Everything is compiled once at import.
"""

from __future__ import annotations

import re

from extraction.typing.names import packaged_actor_names
from extraction.typing.patterns import FoldedPattern, rx
from extraction.typing.vocabulary import ARMED_WORDS_FILE, Cue, packaged_vocabulary, packaged_word_lists

# Verb/noun cues, from extraction/typing/data/cues.toml (extraction.typing.vocabulary). Each is
# searched in the sentence; the first match becomes the trigger text.
CUES: dict[str, Cue] = packaged_vocabulary().cues

# ACLED's older notes open with a label naming the sub-event ('Movement of forces: ...').
NOTE_PREFIXES: dict[str, str] = packaged_vocabulary().note_prefixes
NOTE_PREFIX = re.compile(r"^\s*([A-Za-z /-]{4,40}):", re.IGNORECASE)

# Generic words for an armed side, violent verbs and generic state forces are data
# (typing/data/armed_words.toml, with examples). Named groups and state forces ('KDF') are not
# listed there: they come from the actor dictionary (extraction.typing.names), so one added there
# is an armed side here too.
_WORDS = packaged_word_lists(ARMED_WORDS_FILE)
_ARMED_WORDS = _WORDS.alternation("armed_side")


def armed_side(armed_groups: str, state_forces: str = "") -> str:
    """The armed-side alternation: the generic words, then the named state forces and groups
    (regex alternations from extraction.typing.names)."""
    named = "".join("|" + names for names in (state_forces, armed_groups) if names)
    return "(?:" + _ARMED_WORDS + named + ")"


_ARMED_VERBS = "(?:" + _WORDS.alternation("armed_verbs") + ")"
_STATE_NOUNS = _WORDS.alternation("state_nouns")


def armed_target(armed_groups: str, state_forces: str = "") -> FoldedPattern:
    """'soldiers attacked <an armed side>', '<armed side> were ambushed', 'ambushed by troops': a
    violent verb whose target is armed. `armed_groups` and `state_forces` name the groups and the
    state forces ('KDF') of the actor dictionary (extraction.typing.names)."""
    armed = armed_side(armed_groups, state_forces)
    state = "(?:" + _STATE_NOUNS + ("|" + state_forces if state_forces else "") + ")"
    return rx(
        r"\b"
        + _ARMED_VERBS
        + r"\s+(?:(?!by\b|who\b|after\b|during\b|in\b|attributed\b|blamed\b|claimed\b|when\b|while\b|as\b"
        # the agent ('wounded from UPDF raids') or a new clause's subject ('kill a man they said
        # had betrayed MRC members') ends the object
        # and a place ('shot dead a man at a checkpoint': the checkpoint is where, not whom)
        r"|from\b|they\b|he\b|she\b|we\b|at\b(?!\s+least\b))"
        r"[\w'-]+\s+){0,5}?" + armed + r"\b"
        r"|\b"
        + armed
        # a lone dash is a clause break, not a word ('Mungiki members - the same men were attacked')
        + r"\s+(?:\w[\w'-]*\s+){0,8}?(?:was|were|is|are|had been|have been|came under|come under)\s+"
        r"(?:[\w'-]+\s+){0,2}?(?:attacked|ambushed|killed|shot|injured|wounded|fire|attack|dead)"
        r"|\b(?:[1-9]\d{0,2}|two|three|four|five|six|several|one|some)\s+of the\s+(?:\w+\s+)?"
        + armed
        + r"\s+(?:were|was)\s+(?:killed|shot|wounded|injured)"
        r"|\b"
        + armed
        + r"\s+(?:[\w'-]+\s+){0,3}?(?:killed|shot dead|shot|gunned down|attacked|ambushed)\s+by\b"
        r"|\b(?:[1-9]\d{0,2}|two|three|four|five|six|seven|eight|nine|ten|several|one)\s+(?:\w+\s+)?"
        + armed
        + r"\s+(?:and\s+(?:\w+\s+){1,2})?(?:were\s+)?(?:killed|injured|wounded|shot dead)\b"
        r"(?=\s*(?:[,.;]|$|(?:in|at|on|and|by|during|while|when|after|near)\b))"
        r"|\b(?:ambushed|engaged|repulsed|pursued|repelled)\s+by\s+(?:the\s+)?(?:\w+\s+)?" + state + r"\b"
        # headline style, no auxiliary: 'Police reservist killed when raiders attack'
        r"|^(?:\w+\s+){0,2}?" + armed + r"\s+(?:[\w'-]+\s+){0,2}?(?:killed|shot dead|injured|wounded)\b"
        r"(?=\s*(?:[,.;]|$|(?:when|while|as|after|during)\b"
        r"|in (?:an? |the )?(?:ambush|attack|clash|raid|fighting|gun ?fight|shoot-?out|explosion|blast)))"
    )


ARMED_TARGET = armed_target(packaged_actor_names().armed_groups, packaged_actor_names().state_forces)
