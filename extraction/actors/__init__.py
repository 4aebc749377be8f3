"""Actors: the actor dictionary (ACLED names, aliases, government periods, home countries) and the
assignment of actor1/actor2 and their associates to a typed event."""

from extraction.actors.assignment import ActorAssignment, actor_countries, find_actors, home_country
from extraction.actors.dictionary import ActorDictionary, load_actor_dictionary

__all__ = [
    "ActorAssignment",
    "ActorDictionary",
    "actor_countries",
    "find_actors",
    "home_country",
    "load_actor_dictionary",
]
