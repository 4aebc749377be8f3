"""The heavy tables every stage reads, built once per process and passed in.

Loading the gazetteer and the actor dictionary costs about 0.4 CPU seconds (the model under 0.1;
`bench/bench_extract.py --suite` measures both); the engine, the CLI, the flows and the API share
one `Resources` so that cost is paid once (`Resources.load()` is cached).
"""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from extraction.actors import ActorDictionary, load_actor_dictionary
from extraction.learned import LearnedModel, ModelError
from extraction.learned.model import resolve_model_dir
from extraction.places import (
    ACLED_FILE,
    PLACE_TABLE_COLUMNS,
    SOURCE_TABLE_COLUMNS,
    SOURCES_FILE,
    Gazetteer,
    table_row_problem,
)
from extraction.typing import index_gates


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
    tables = Resources(gazetteer=Gazetteer.load(), actors=load_actor_dictionary())
    index_gates()  # every pattern's gate, the actor dictionary's too, before any text is read
    return tables


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
    source_lines = _table_lines(sources, SOURCE_TABLE_COLUMNS) if sources.is_file() else ()
    return gazetteer.with_place_table(_table_lines(places, PLACE_TABLE_COLUMNS), source_lines)


def _table_lines(path: Path, columns: tuple[str, ...]) -> list[str]:
    """The rows of a model directory's gzipped TSV table, each checked: a damaged table is one
    ModelError naming the file, row and field, before any document is read."""
    fix = f"rebuild the directory with `eventpipe train --acled FILE... --out {path.parent}`"
    try:
        lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as error:
        raise ModelError(f"{path}: not a gzipped UTF-8 table ({error}); {fix}") from None
    if not lines or lines[0].split("\t") != list(columns):
        raise ModelError(f"{path}: row 1: the header is not the columns {', '.join(columns)}; {fix}")
    for number, line in enumerate(lines[1:], start=2):
        problem = table_row_problem(line.split("\t"), columns)
        if problem:
            raise ModelError(f"{path}: row {number}: {problem}; {fix}")
    return lines[1:]
