"""Rows -> sparse feature matrices, with the vocabulary chosen on the training rows only.

Every row is featurised once into global gram ids (`GramTable`); a fold or a final model then
keeps the grams most frequent across *its* training rows (by document frequency, ties broken by
name, so the choice is deterministic) and re-encodes rows exactly as `extraction.learned.encode`
does at inference: known text grams share a unit L2 norm, each rules-evidence gram counts 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from extraction.learned.features import Evidence, FeatureSpec, evidence_grams, text_grams

__all__ = ["GramTable", "Vocabulary", "build_table", "choose_vocabulary", "matrix"]

EVIDENCE_PREFIX = "r:"


@dataclass
class GramTable:
    """Each row's unique grams as global ids (CSR layout), and the id -> gram names."""

    indptr: np.ndarray
    ids: np.ndarray
    names: list[str]
    is_evidence: np.ndarray  # bool per global id


@dataclass(frozen=True)
class Vocabulary:
    """The kept grams: `names` in feature order and the global id -> feature index map (-1: dropped)."""

    names: list[str]
    remap: np.ndarray

    def as_dict(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self.names)}


def build_table(texts: Sequence[str], evidences: Sequence[Evidence | None], spec: FeatureSpec) -> GramTable:
    """Featurise every row once."""
    index: dict[str, int] = {}
    indptr = [0]
    ids: list[int] = []
    for text, evidence in zip(texts, evidences, strict=True):
        grams = set(text_grams(text, spec))
        if evidence is not None:
            grams.update(evidence_grams(evidence))
        for gram in grams:
            ids.append(index.setdefault(gram, len(index)))
        indptr.append(len(ids))
    names = list(index)
    is_evidence = np.fromiter((n.startswith(EVIDENCE_PREFIX) for n in names), dtype=bool, count=len(names))
    return GramTable(np.asarray(indptr, dtype=np.int64), np.asarray(ids, dtype=np.int32), names, is_evidence)


def choose_vocabulary(
    table: GramTable, rows: np.ndarray, max_features: int, min_df: int = 2
) -> Vocabulary:
    """The `max_features` grams with the highest document frequency over `rows` (all evidence
    grams seen at least `min_df` times are kept on top), ordered by name for a stable layout."""
    df = np.bincount(_row_ids(table, rows), minlength=len(table.names))
    candidates = np.flatnonzero((df >= min_df) & ~table.is_evidence)
    names = np.asarray(table.names, dtype=object)
    order = sorted(candidates.tolist(), key=lambda i: (-df[i], names[i]))[:max_features]
    order += np.flatnonzero((df >= min_df) & table.is_evidence).tolist()
    kept = sorted(order, key=lambda i: names[i])
    remap = np.full(len(table.names), -1, dtype=np.int64)
    remap[kept] = np.arange(len(kept))
    return Vocabulary([table.names[i] for i in kept], remap)


def matrix(
    table: GramTable, rows: np.ndarray, vocabulary: Vocabulary, evidence_value: float = 1.0
) -> sparse.csr_matrix:
    """The rows' feature matrix under `vocabulary`, encoded like extraction.learned.encode."""
    starts, ends = table.indptr[rows], table.indptr[rows + 1]
    data_rows, cols, vals = [], [], []
    for r, (start, end) in enumerate(zip(starts, ends, strict=True)):
        global_ids = table.ids[start:end]
        features = vocabulary.remap[global_ids]
        keep = features >= 0
        features, evidence = features[keep], table.is_evidence[global_ids[keep]]
        n_text = int((~evidence).sum())
        weight = 1.0 / np.sqrt(n_text) if n_text else 0.0
        data_rows.append(np.full(len(features), r, dtype=np.int64))
        cols.append(features)
        vals.append(np.where(evidence, evidence_value, weight))
    shape = (len(rows), len(vocabulary.names))
    if not cols:
        return sparse.csr_matrix(shape)
    return sparse.csr_matrix(
        (np.concatenate(vals), (np.concatenate(data_rows), np.concatenate(cols))), shape=shape
    )


def _row_ids(table: GramTable, rows: np.ndarray) -> np.ndarray:
    pieces = [table.ids[table.indptr[r] : table.indptr[r + 1]] for r in rows]
    return np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int32)
