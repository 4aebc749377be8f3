"""The learned typing layer trained on a small real ACLED sample: it learns, it round-trips, no pickle."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import pytest

from extraction.learned import Evidence, LearnedModel
from extraction.learned.model import ARRAYS_FILE, SIDECAR_FILE
from training.corpus import read_rows
from training.rules_adapter import RulesCache, rules_evidence
from training.train import train_model
from training.trainer import TrainSettings

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLES = [DATA / "acled_2020_other_regions_sample.csv", DATA / "acled_bangladesh_2022_2024_sample.csv"]
SETTINGS = TrainSettings(max_features=20_000, epochs=8)


@pytest.fixture(scope="session")
def rows():
    return read_rows(SAMPLES)


@pytest.fixture(scope="session")
def cache(rows) -> RulesCache:
    cache = RulesCache(None)
    cache.verdicts_for([r.text for r in rows])  # the rules read each note once for every test
    return cache


@pytest.fixture(scope="session")
def model_dir(rows, cache, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("model")
    train_model(rows, out, settings=SETTINGS, cache=cache, cv=False)
    return out


def test_a_model_trained_on_a_small_real_sample_types_an_obvious_unseen_note(model_dir: Path) -> None:
    model = LearnedModel.load(model_dir)
    note = (
        "On 3 May 2021, around 200 teachers held a peaceful demonstration in front of the district "
        "office to demand the payment of salary arrears."
    )
    evidence = Evidence.from_dict(rules_evidence(note)["evidence"])  # as the engine hands it over
    (best, probability), *_ = model.top(note, evidence)
    assert best == "Peaceful protest"
    assert 0.0 < probability <= 1.0


def test_the_probabilities_sum_to_one_and_event_types_follow_the_codebook(model_dir: Path) -> None:
    model = LearnedModel.load(model_dir)
    proba = model.predict_proba("Militants attacked an army post; soldiers returned fire.", Evidence())
    assert proba.sum() == pytest.approx(1.0)
    assert set(model.event_type_proba(proba)) <= {
        "Battles", "Protests", "Riots", "Explosions/Remote violence", "Violence against civilians",
        "Strategic developments",
    }


def test_training_twice_writes_byte_identical_files(rows, cache, model_dir: Path, tmp_path: Path) -> None:
    train_model(rows, tmp_path, settings=SETTINGS, cache=cache, cv=False)
    for name in (ARRAYS_FILE, SIDECAR_FILE):
        assert (tmp_path / name).read_bytes() == (model_dir / name).read_bytes()


def test_the_saved_model_round_trips_to_identical_predictions(rows, cache, model_dir: Path, tmp_path) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in (ARRAYS_FILE, SIDECAR_FILE):
        (copy / name).write_bytes((model_dir / name).read_bytes())
    first, second = LearnedModel.load(model_dir), LearnedModel.load(copy)
    verdicts = cache.verdicts_for([r.text for r in rows[:50]])
    for row, verdict in zip(rows[:50], verdicts, strict=True):
        evidence = Evidence.from_dict(verdict["evidence"])
        expected = first.predict_proba(row.text, evidence)
        assert np.array_equal(expected, second.predict_proba(row.text, evidence))


def test_the_model_directory_holds_no_pickle(model_dir: Path) -> None:
    with zipfile.ZipFile(model_dir / ARRAYS_FILE) as archive:
        assert all(name.endswith(".npy") for name in archive.namelist())
    with np.load(model_dir / ARRAYS_FILE, allow_pickle=False) as arrays:
        assert all(arrays[name].dtype != object for name in arrays.files)
    assert sorted(p.name for p in model_dir.iterdir()) == sorted([ARRAYS_FILE, SIDECAR_FILE])


def test_the_engine_with_a_model_keeps_the_rules_detection_and_explains_both(model_dir: Path) -> None:
    from dataclasses import replace

    from extraction.document import Document
    from extraction.engine import extract_events
    from extraction.resources import Resources

    rules_only = Resources.load(model="none")
    with_model = replace(rules_only, model=LearnedModel.load(model_dir))
    note = "On 3 May 2021, around 200 teachers held a peaceful demonstration in Kampala over unpaid salaries."
    (event,) = extract_events(Document("n1", note), with_model)
    assert event["sub_event_type"] == "Peaceful protest"
    assert 0.0 <= event["confidence"] <= 1.0
    assert "rules alone: Peaceful protest" in event["explain"]["model"]
    negative = "The central bank raised its policy rate by 100 basis points on Monday to fight inflation."
    assert extract_events(Document("n2", negative), with_model) == []


def test_a_model_flag_naming_no_model_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    from eventpipe.cli import main

    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"doc_id": "a", "text": "x"}\n', encoding="utf-8")
    code = main(["extract", "--model", str(tmp_path / "nothing"), "--input", str(docs),
                 "--output", str(tmp_path / "out.jsonl")])
    assert code == 2
    assert "not a model directory" in capsys.readouterr().err


def test_train_from_the_warehouse_uses_the_imported_acled_events(tmp_path: Path, rows) -> None:
    from eventpipe.cli import main
    from training.corpus import read_warehouse

    warehouse = tmp_path / "events.duckdb"
    assert main(["import-acled", "--warehouse", str(warehouse), str(SAMPLES[0])]) == 0
    imported = read_warehouse(warehouse)
    assert {r.text for r in imported} <= {r.text for r in rows}
    assert len(imported) > 100 and all(r.sub_event_type for r in imported)
    out = tmp_path / "model"
    args = ["train", "--from-warehouse", "--warehouse", str(warehouse), "--no-cv", "--out", str(out)]
    assert main(args) == 0
    assert LearnedModel.load(out).meta["training_rows"] == len(imported)


def test_the_fallback_types_a_dated_note_the_rules_miss_and_never_a_rejected_one(model_dir: Path) -> None:
    from dataclasses import replace

    from extraction.document import Document
    from extraction.engine import extract_events
    from extraction.resources import Resources
    from extraction.typing import FALLBACK_RULE

    model = LearnedModel.load(model_dir)
    rules_only = Resources.load(model="none")
    off = replace(rules_only, model=model)
    on = replace(rules_only, model=replace(model, policy=replace(model.policy, fallback_probability=0.0)))
    missed = "On 3 May 2021, the Allied Democratic Forces named a new commander for its units in Beni, Congo."
    assert extract_events(Document("m", missed), rules_only) == []
    assert extract_events(Document("m", missed), off) == []  # no fallback in the policy: the rules decide
    (event,) = extract_events(Document("m", missed), on)
    assert event["sub_event_type"] in model.classes
    assert event["explain"]["event_type"].startswith(f"rule '{FALLBACK_RULE}'")
    assert event["event_date"] == "2021-05-03"
    assert event["explain"]["model"].endswith("rules alone: no event")
    court = "On 16 March 2022, the court in Nairobi sentenced a man to 20 years for murder."
    news = "The Allied Democratic Forces named a new commander for its units in Beni, Congo, on Monday."
    assert extract_events(Document("c", court), on) == []  # a non-event filter's judgement stands
    assert extract_events(Document("n", news), on) == []  # no date lead: the undated fallback is off
    policy = replace(model.policy, undated_fallback_probability=0.0)
    undated = replace(on, model=replace(model, policy=policy))
    (event,) = extract_events(Document("n", news), undated)
    assert event["explain"]["event_type"].startswith(f"rule '{FALLBACK_RULE}'")
    late = "Gunmen killed a trader in Beni, Congo, around 19 July 2016."
    assert extract_events(Document("c", court), undated) == []
    assert [e["event_date"] for e in extract_events(Document("l", late), undated)] in ([], ["2016-07-19"])


def test_the_fallback_candidate_kind_follows_the_date_lead() -> None:
    from training.rules_adapter import fallback_candidate

    assert fallback_candidate("On 3 May 2021, rebels named a new commander in Beni.") == "dated"
    late = "The rebels of the ADF named a new commander for Beni on 3 May 2021."
    assert fallback_candidate(late) == "undated"
    court = "On 16 March 2022, the court in Nairobi sentenced a man to 20 years for murder."
    assert fallback_candidate(court) is None


def test_the_fallback_threshold_round_trips_and_decides_only_above_it() -> None:
    from extraction.learned.policy import Policy, fallback

    policy = Policy(fallback_probability=0.5)
    assert Policy.from_dict(policy.as_dict()) == policy
    assert Policy.from_dict({}).fallback_probability is None  # models trained before the fallback: off
    classes = ("Armed clash", "Attack")
    assert fallback(np.asarray([0.7, 0.3]), classes, policy) == ("Armed clash", pytest.approx(0.7))
    assert fallback(np.asarray([0.45, 0.55]), classes, policy) == ("Attack", pytest.approx(0.55))
    assert fallback(np.asarray([0.45, 0.55]), classes, Policy(fallback_probability=0.6)) == (None, 0.0)
    assert fallback(np.asarray([0.9, 0.1]), classes, Policy()) == (None, 0.0)
    both = Policy(fallback_probability=0.5, undated_fallback_probability=0.8)
    assert Policy.from_dict(both.as_dict()) == both
    assert Policy.from_dict({"fallback_probability": 0.5}).undated_fallback_probability is None
    assert fallback(np.asarray([0.7, 0.3]), classes, both, dated=False) == (None, 0.0)
    sure = fallback(np.asarray([0.85, 0.15]), classes, both, dated=False)
    assert sure == ("Armed clash", pytest.approx(0.85))


def test_training_with_cross_validation_stores_a_monotone_calibration_map(rows, cache, tmp_path) -> None:
    result = train_model(rows, tmp_path, settings=SETTINGS, cache=cache)
    assert result.report is not None and len(result.report.folds) > 1
    model = LearnedModel.load(tmp_path)
    assert model.calibration is not None, "train fitted no calibration map from its own CV"
    assert np.all(np.diff(model.calibration.accuracy) > 0)
    assert set(model.meta["cv"]["ece"]) == {"stated", "calibrated_nested"}
    pooled = model.meta["cv"]["pooled_sub_event_macro_f1"]
    assert set(pooled) == {"rules", "model", "combined"} and all(0 <= v <= 1 for v in pooled.values())
