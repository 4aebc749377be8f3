"""Compare ways of combining the rules and the model on saved out-of-region outputs (no retraining).

    .venv/bin/python bench/learned_policy.py /tmp/eventpipe_learned_cv.npz

Reads the `.npz` that bench/learned_cv.py writes next to its JSON report (per held-out fold: the
model's class scores, the rules' verdicts and the gold sub-event types). Every choice that is fitted
(temperature, rule-decided verdicts, thresholds) is fitted on the *other* folds only.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from training.cv import fold_metrics, reliability  # noqa: E402
from training.policy import Policy, choose_rule_decided, decide  # noqa: E402
from training.trainer import fit_temperature, softmax  # noqa: E402

EXPLICIT = frozenset({"Suicide bomb", "Chemical weapon", "Arrests", "Sexual violence", "Air/drone strike"})


def load(path: Path) -> dict[str, dict]:
    raw = np.load(path, allow_pickle=False)
    folds: dict[str, dict] = {}
    for key in raw.files:
        fold, name = key.rsplit("/", 1)
        folds.setdefault(fold, {})[name] = raw[key]
    for o in folds.values():
        o["classes"] = [str(c) for c in o["classes"]]
        o["rules"] = [str(r) or None for r in o["rules"]]
        o["gold"] = [str(g) for g in o["gold"]]
        o["model"] = [o["classes"][j] for j in o["scores"].argmax(axis=1)]
    return folds


def temperature(others: list[dict]) -> float:
    scores, truth = [], []
    for o in others:
        index = {c: i for i, c in enumerate(o["classes"])}
        keep = [k for k, g in enumerate(o["gold"]) if g in index]
        width = ((0, 0), (0, 25 - len(o["classes"])))
        scores.append(np.pad(o["scores"][keep], width, constant_values=-1e9))
        truth.append([index[o["gold"][k]] for k in keep])
    return fit_temperature(np.vstack(scores), np.concatenate(truth))


def combine(o: dict, proba: np.ndarray, decided: frozenset, threshold: float) -> list[str | None]:
    out = []
    for r, p in zip(o["rules"], proba, strict=True):
        if r is None:
            out.append(None)
        elif r in decided or p.max() < threshold:
            out.append(r)
        else:
            out.append(o["classes"][int(p.argmax())])
    return out


def main() -> int:
    folds = load(Path(sys.argv[1]))
    names = list(folds)
    policies: dict[str, list[dict]] = {}
    pooled_conf: list[float] = []
    pooled_ok: list[bool] = []
    temperatures = {n: temperature([folds[m] for m in names if m != n]) for n in names}
    probas = {n: softmax(folds[n]["scores"], temperatures[n]) for n in names}
    for name in names:
        o = folds[name]
        others = [folds[n] for n in names if n != name]
        proba = probas[name]
        chosen, _ = choose_rule_decided(
            [r for x in others for r in x["rules"]], [m for x in others for m in x["model"]],
            [g for x in others for g in x["gold"]],
        )
        candidates = {
            "rules alone": o["rules"],
            "model alone (every row)": o["model"],
            "model wherever the rules found an event": combine(o, proba, frozenset(), 0.0),
            "model unless an explicit codebook case": combine(o, proba, EXPLICIT, 0.0),
            "model unless a verdict the rules win elsewhere": combine(o, proba, chosen, 0.0),
        }
        for t in (0.4, 0.5, 0.6, 0.7, 0.8):
            label = f"model if p >= {t}, else rules; explicit cases to rules"
            candidates[label] = combine(o, proba, EXPLICIT, t)
            candidates[f"model if p >= {t}, else rules"] = combine(o, proba, frozenset(), t)
        best_t = max((0.0, 0.4, 0.5, 0.6, 0.7), key=lambda t: sum(
            fold_metrics(combine(folds[n], probas[n], frozenset(), t), folds[n]["gold"])["sub_event_type"]
            for n in names if n != name))
        candidates["model if p >= t (t chosen on the other folds), else rules"] = combine(
            o, proba, frozenset(), best_t)
        print(f"{name}: threshold chosen on the other folds {best_t}", file=sys.stderr)
        confidences, correct = [], []
        for r, p, g in zip(o["rules"], proba, o["gold"], strict=True):
            sub, conf, _ = decide(r, p, o["classes"], Policy(min_probability=best_t))
            if sub is not None:
                confidences.append(conf)
                correct.append(sub == g)
        pooled_conf.extend(confidences)
        pooled_ok.extend(correct)
        for label, predicted in candidates.items():
            policies.setdefault(label, []).append(fold_metrics(predicted, o["gold"]))
    print(f"{'policy':<62} {'et':>6} {'sub':>6} {'F1':>6}")
    for label, rows in policies.items():
        keys = ("event_type", "sub_event_type", "sub_event_macro_f1")
        et, sub, f1 = (np.mean([r[k] for r in rows]) for k in keys)
        print(f"{label:<62} {et:.3f}  {sub:.3f}  {f1:.3f}")
    print("reliability of the last policy's confidence (out of region): bin, n, mean confidence, accuracy")
    for row in reliability(np.asarray(pooled_conf), np.asarray(pooled_ok)):
        print(f"  {row['bin']}  {row['n']:>6}  {row['mean_confidence']:.3f}  {row['accuracy']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
