"""The heavy tables every stage reads, built once per process and passed in.

Loading the gazetteer and the actor dictionary costs about a second; the engine, the CLI, the
flows and the API share one `Resources` so that cost is paid once (`Resources.load()` is cached).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from extraction.actors import ActorDictionary, load_actor_dictionary
from extraction.places import Gazetteer


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
