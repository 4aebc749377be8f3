"""The combined system's policy choice (training.cv.choose_policy): which rules' verdicts stay
rule-decided, measured on out-of-region outputs."""

from __future__ import annotations

import numpy as np

from extraction.learned.policy import Policy, crowd_against_state, decide
from training.cv import choose_policy, class_f1, combine_fold, macro_f1

CLASSES = ("Armed clash", "Government regains territory", "Non-violent transfer of territory", "Attack")


def _fold(rows: list[tuple[str, str, str]]) -> dict:
    """rows: (rules' verdict, model's best class, gold)."""
    proba = np.zeros((len(rows), len(CLASSES)))
    for k, (_, model, _) in enumerate(rows):
        proba[k, CLASSES.index(model)] = 0.9
        proba[k, (CLASSES.index(model) + 1) % len(CLASSES)] = 0.1
    return {
        "rules": [r for r, _, _ in rows],
        "model": [m for _, m, _ in rows],
        "gold": [g for _, _, g in rows],
        "candidate": [""] * len(rows),
        "classes": CLASSES,
        "proba": proba,
    }


def test_an_explicit_case_the_rules_win_stays_rule_decided() -> None:
    # why: a taking of territory the report says was without fighting is the codebook's
    # non-violent transfer; where the rules get it right and the model does not, the rules decide
    transfer = [("Non-violent transfer of territory", "Government regains territory",
                 "Non-violent transfer of territory")] * 25
    policy = choose_policy([_fold(transfer)])
    assert policy.rule_decided == frozenset({"Non-violent transfer of territory"})


def test_a_verdict_outside_the_explicit_cases_stays_model_decided() -> None:
    attack = [("Attack", "Armed clash", "Attack")] * 25
    assert choose_policy([_fold(attack)]).rule_decided == frozenset()


def test_too_few_verdicts_cannot_be_judged() -> None:
    transfer = [("Non-violent transfer of territory", "Government regains territory",
                 "Non-violent transfer of territory")] * 5
    assert choose_policy([_fold(transfer)]).rule_decided == frozenset()


def test_class_f1_counts_a_missing_prediction_as_a_miss_and_macro_f1_averages_the_gold_classes() -> None:
    predicted = ["Attack", "Attack", "Armed clash", None]
    gold = ["Attack", "Armed clash", "Armed clash", "Attack"]
    assert class_f1(predicted, gold, "Attack") == 0.5  # 1 right, 1 false alarm, 1 missed
    assert class_f1(predicted, gold, "Armed clash") == 2 / 3  # 1 right, 1 missed
    assert class_f1(predicted, gold, "Looting/property destruction") == 0.0
    assert macro_f1(predicted, gold) == (0.5 + 2 / 3) / 2  # only the gold classes count


def test_a_crowd_facing_state_forces_is_never_made_a_battle() -> None:
    """Codebook: a battle needs two organised armed sides. The model's 'clashed' -> Armed clash
    must not turn rioters against police into one; it still may where no crowd meets the state."""
    classes = ("Armed clash", "Mob violence")
    proba = np.asarray([0.8, 0.2])
    policy = Policy(min_probability=0.5)
    crowd = crowd_against_state(5, 1)  # rioters against state forces
    assert decide("Mob violence", proba, classes, policy, crowd)[:2] == ("Mob violence", 0.2)
    assert decide("Mob violence", proba, classes, policy, crowd_against_state(5, 4))[0] == "Armed clash"
    assert decide("Mob violence", proba, classes, policy)[0] == "Armed clash"
    attack = ("Attack", "Mob violence")
    assert decide("Mob violence", proba, attack, policy, True)[0] == "Attack"  # only battles are barred


def test_the_crowd_limit_is_replayed_on_saved_folds() -> None:
    fold = _fold([("Attack", "Armed clash", "Attack")])
    fold["rules"] = ["Mob violence"]  # not in CLASSES: the rules' precision is the confidence
    assert combine_fold(fold, Policy(min_probability=0.5))[0] == ["Armed clash"]
    assert combine_fold({**fold, "crowd": [True]}, Policy(min_probability=0.5))[0] == ["Mob violence"]


def test_a_news_crowd_clash_with_police_stays_a_riot_with_the_default_model() -> None:
    from extraction.document import Document
    from extraction.engine import Resources, extract_events

    text = "Students clashed with police in Nairobi, injuring five."
    (event,) = extract_events(Document(doc_id="news", text=text), Resources.load())
    assert (event["event_type"], event["actor1"]) == ("Riots", "Rioters (Kenya)")
