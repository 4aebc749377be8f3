"""Named armed groups and political parties as typing reads them: from the actor dictionary.

Typing needs names for grammar such as 'soldiers attacked <an armed actor>' (Armed clash, not an
attack on civilians). The names are not kept here: they are the aliases and acronyms of the
actor dictionary's `groups` and `parties`, and its `state_forces` (extraction/data/actors.json),
so a group added there for actor assignment ('Lakurawa') is an armed side for typing too, and so
is a state force ('KDF'). Generic words ('militants',
'gunmen', 'soldiers') are grammar and stay with the patterns that use them.

The dictionary is read here as plain data (extraction.actors builds its regexes on top of
typing, so typing cannot import it). Aliases are case-insensitive regexes and acronyms
case-sensitive words, as in the dictionary ('IS' is a name, 'is' is a verb).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from extraction import packaged

ACTORS_FILE = "actors.json"


def alias_alternation(entries: list[dict[str, Any]]) -> str:
    """One regex alternative per alias, then the acronyms case-sensitively; '' when none.

    [{'aliases': ['boko haram'], 'acronyms': ['JAS']}] -> '(?i:boko haram)|(?-i:JAS)': the same
    names in a case-sensitive cue (cues.toml, `case_sensitive`) as in a case-insensitive one.
    """
    aliases = [alias for entry in entries for alias in entry.get("aliases", [])]
    acronyms = [re.escape(acronym) for entry in entries for acronym in entry.get("acronyms", [])]
    parts = ["(?i:" + "|".join(_unique(aliases)) + ")"] if aliases else []
    if acronyms:
        parts.append("(?-i:" + "|".join(_unique(acronyms)) + ")")
    return "|".join(parts)


def _unique(items: list[str]) -> list[str]:
    """The items in order, each once (two entries may share an alias: 'boko haram')."""
    return list(dict.fromkeys(items))


@dataclass(frozen=True)
class ActorNames:
    """Regex alternations (no enclosing group) of the dictionary's names, for typing grammar."""

    armed_groups: str  # every named group: rebels, militias, gangs, foreign forces
    parties: str  # political parties
    state_forces: str = ""  # named state forces of every country ('KDF', 'General Service Unit')


def state_force_alternation(forces: dict[str, list[str]]) -> str:
    """The dictionary's state forces ({country: [alias regex]}) as one alternation, read as actor
    assignment reads them: a one-word alias ('KDF', 'Levies') as written, a longer one in any case.

    {'Kenya': ['KDF', 'General Service Unit']} -> '(?i:General Service Unit)|(?-i:KDF)'.
    """
    aliases = _unique([alias for names in forces.values() for alias in names])
    longer, one_word = [a for a in aliases if " " in a], [a for a in aliases if " " not in a]
    parts = ["(?i:" + "|".join(longer) + ")"] if longer else []
    if one_word:
        parts.append("(?-i:" + "|".join(one_word) + ")")
    return "|".join(parts)


def actor_names(raw: dict[str, Any]) -> ActorNames:
    """The names of a parsed actors.json (tests pass an edited copy)."""
    return ActorNames(
        alias_alternation(raw.get("groups", [])),
        alias_alternation(raw.get("parties", [])),
        state_force_alternation(raw.get("state_forces", {})),
    )


@cache
def packaged_actor_names() -> ActorNames:
    """The names of the packaged actor dictionary, read once per process."""
    return actor_names(packaged.read_json(ACTORS_FILE))
