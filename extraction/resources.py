"""The heavy tables every stage reads, built once per process and passed in.

Loading the gazetteer and the actor dictionary costs about 0.4 CPU seconds (the model under 0.1;
`bench/bench_extract.py --suite` measures both); the engine, the CLI, the flows and the API share
one `Resources` so that cost is paid once (`Resources.load()` is cached).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from extraction.actors import ActorDictionary, load_actor_dictionary
from extraction.learned import LearnedModel
from extraction.learned.model import resolve_model_dir
from extraction.places import ACLED_FILE, SOURCES_FILE, Gazetteer


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
    if not model_dir:
        return tables
    return replace(tables, model=LearnedModel.load(model_dir), gazetteer=_model_gazetteer(Path(model_dir)))


def _model_gazetteer(folder: Path) -> Gazetteer:
    """The packaged gazetteer with the model directory's ACLED place table (written beside the
    model by `eventpipe train`, under the packaged tables' file names) layered over GeoNames
    instead of the packaged one, when the directory has one (a model trained before the tables
    existed keeps the packaged table)."""
    gazetteer = Gazetteer.load()
    places = folder / ACLED_FILE
    if not places.is_file():
        return gazetteer
    sources = folder / SOURCES_FILE
    return gazetteer.with_place_table(
        _table_lines(places), _table_lines(sources) if sources.is_file() else ()
    )


def _table_lines(path: Path) -> list[str]:
    """The lines of a gzipped TSV table after its header."""
    return gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()[1:]
