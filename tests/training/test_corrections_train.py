"""The review loop closes: an analyst's correction in the warehouse changes the next model's decision.

Real DuckDB warehouse, real corrections (warehouse.corrections), real training through
`eventpipe train` on the small ACLED samples.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from eventpipe.cli import main
from extraction.learned import Evidence, LearnedModel
from extraction.learned.model import SIDECAR_FILE
from tests.warehouse.test_load import NO_REJECTS, _documents, _extracted, _kenya
from training.corpus import dedupe, read_reviewed, read_rows
from training.rules_adapter import RulesCache, rules_evidence
from training.train import train_model
from warehouse.connection import connect
from warehouse.corrections import ACCEPT, REJECT, record_correction
from warehouse.load import sync_extracted

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLES = [DATA / "acled_2020_other_regions_sample.csv", DATA / "acled_bangladesh_2022_2024_sample.csv"]
SENTENCE = ("On 5 March 2023, police fired tear gas and rubber bullets at supporters of the opposition "
            "party who had gathered in front of the press club in Dhaka.")
NEAR = ("On 12 April 2023, police fired tear gas and rubber bullets at supporters of the opposition "
        "party who had gathered in front of the press club in Sylhet.")  # another place and date
CORRECT_TYPE = "Excessive force against protesters"


def _train(out: Path, cache: Path, warehouse: Path | None = None) -> LearnedModel:
    args = ["train", "--acled", *map(str, SAMPLES), "--no-cv", "--rules-cache", str(cache), "--out", str(out)]
    if warehouse is not None:
        args += ["--from-warehouse", "--warehouse", str(warehouse)]
    assert main(args) == 0
    return LearnedModel.load(out)


def _decision(model: LearnedModel, sentence: str) -> tuple[str, dict[str, float]]:
    evidence = Evidence.from_dict(rules_evidence(sentence)["evidence"])  # as the engine hands it over
    ranked = model.top(sentence, evidence)
    return ranked[0][0], {label: float(f"{p:.3g}") for label, p in ranked[:3]}


def _margin(model: LearnedModel, sentence: str, label: str) -> float:
    """log P(label) - log P(the best other class): how firmly the model says `label`."""
    proba = model.predict_proba(sentence, Evidence.from_dict(rules_evidence(sentence)["evidence"]))
    index = model.classes.index(label)
    return float(np.log(proba[index]) - np.log(np.delete(proba, index).max()))


def _warehouse_with_the_sentence(path: Path) -> list[str]:
    """Three extracted events in one document; the first one's evidence sentence is SENTENCE."""
    events = _extracted(_kenya(3)).with_columns(
        pl.when(pl.int_range(pl.len()) == 0).then(pl.lit(SENTENCE)).otherwise(pl.col("notes")).alias("notes"))
    mentions = events.select(
        "event_id_cnty", pl.lit("doc-a").alias("doc_id"), pl.col("notes").alias("evidence"),
        (pl.int_range(pl.len()) * 1000).cast(pl.Int32).alias("span_start"),
        (pl.int_range(pl.len()) * 1000 + 200).cast(pl.Int32).alias("span_end"),
    )
    with connect(path) as con:
        sync_extracted(con, events, mentions, _documents("doc-a"), NO_REJECTS, "run")
    return events["event_id_cnty"].to_list()


def test_a_correction_changes_the_retrained_models_decision_on_a_near_identical_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    cache = tmp_path / "rules.jsonl"
    before = _train(tmp_path / "before", cache)
    old_type, old_proba = _decision(before, SENTENCE)
    assert old_type != CORRECT_TYPE, f"the first model already says {CORRECT_TYPE}: {old_proba}"

    warehouse = tmp_path / "wh" / "events.duckdb"
    corrected, accepted, rejected = _warehouse_with_the_sentence(warehouse)
    with connect(warehouse) as con:
        record_correction(con, corrected, "sub_event_type", CORRECT_TYPE, "ana", "tear gas on a crowd")
        record_correction(con, accepted, ACCEPT, None, "ana")
        record_correction(con, rejected, REJECT, None, "ana", "not an event")
    reviewed = read_reviewed(warehouse)
    assert [(r.text, r.sub_event_type, r.weight, r.kind) for r in reviewed if r.kind == "corrected"] == [
        (SENTENCE, CORRECT_TYPE, 5.0, "corrected")]
    assert sorted(r.kind for r in reviewed) == ["accepted", "corrected"]  # the rejected one types nothing

    capsys.readouterr()
    after = _train(tmp_path / "after", cache, warehouse)
    assert "(2 reviewed by analysts)" in capsys.readouterr().out
    assert after.meta["reviewed_examples"] == {"corrected": 1, "accepted": 1}
    sidecar = json.loads((tmp_path / "after" / SIDECAR_FILE).read_text(encoding="utf-8"))
    assert sidecar["reviewed_examples"] == {"corrected": 1, "accepted": 1}
    assert sidecar["fingerprint"] != before.meta["fingerprint"]

    old_near, old_near_proba = _decision(before, NEAR)
    new_near, new_near_proba = _decision(after, NEAR)
    print(f"\nbefore, corrected sentence: {old_proba}\nbefore, near sentence: {old_near_proba}"
          f"\nafter, near sentence: {new_near_proba}")
    assert old_near == old_type, f"before the correction the near sentence is {old_near_proba}"
    assert new_near == CORRECT_TYPE, (
        f"after correcting {old_type} -> {CORRECT_TYPE}, the retrained model says {new_near_proba} "
        f"on the near sentence (before: {old_near_proba})")

    # The weight is what puts one analyst above the bulk rows: the same correction counted as one
    # ACLED row (weight 1) moves the model less.
    unweighted = dedupe([*(replace(r, weight=1.0) for r in reviewed), *read_rows(SAMPLES)])
    train_model(unweighted, tmp_path / "unweighted", cache=RulesCache(cache), cv=False)
    weight_1 = _margin(LearnedModel.load(tmp_path / "unweighted"), NEAR, CORRECT_TYPE)
    weight_5 = _margin(after, NEAR, CORRECT_TYPE)
    print(f"log-odds margin of {CORRECT_TYPE} on the near sentence: "
          f"weight 1 {weight_1:.2f}, weight 5 {weight_5:.2f}")
    assert weight_5 > weight_1 + 1.0, f"weight 5 margin {weight_5:.2f}, weight 1 margin {weight_1:.2f}"
