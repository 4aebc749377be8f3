"""The heavy tables every stage reads, built once per process and passed in.

Loading the gazetteer and the actor dictionary costs about 0.4 CPU seconds (the model under 0.1;
`bench/bench_extract.py --suite` measures both); the engine, the CLI, the flows and the API share
one `Resources` so that cost is paid once (`Resources.load()` is cached).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from extraction.actors import ActorDictionary, load_actor_dictionary
from extraction.learned import LearnedModel
from extraction.learned.model import resolve_model_dir
from extraction.places import Gazetteer


@dataclass(frozen=True)
class Resources:
    """Everything heavy the engine needs, built once per process and shared by all documents.

    `model` is the learned typing model (None: the rules alone decide the type)."""

    gazetteer: Gazetteer
    actors: ActorDictionary
    model: LearnedModel | None = None

    @classmethod
    def load(cls, model: str | Path | None = "default") -> Resources:
        """The packaged gazetteer and actor tables, and the typing model `model` names: 'default'
        (the packaged model, when installed), 'none' (rules alone) or a model directory. Cached:
        a second call costs nothing."""
        folder = resolve_model_dir(model)
        return _load_resources(str(folder) if folder is not None else "")


@cache
def _tables() -> Resources:
    return Resources(gazetteer=Gazetteer.load(), actors=load_actor_dictionary())


@cache
def _load_resources(model_dir: str) -> Resources:
    tables = _tables()
    return replace(tables, model=LearnedModel.load(model_dir)) if model_dir else tables
