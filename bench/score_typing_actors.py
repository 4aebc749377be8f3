"""Accuracy of event typing and actor1 family run directly over ACLED notes (no full engine).

    .venv/bin/python bench/score_typing_actors.py ../shared/data/*.csv [--show SUB_EVENT] [--errors N]

Each note is classified sentence by sentence, each with the rest of the note as `context`; the
first sentence that yields an event is scored (as score_notes.py scores the first event). Prints
event_type, sub_event_type and actor1-family accuracy per file and the top confusions; --show
SUB_EVENT --errors N prints mistakes, --actors prints actor1 mistakes. Duplicate ids (monadic
exports) are scored once, on their first row. The last line gives the mean time per call.
"""

from __future__ import annotations

import argparse
import collections
import csv
import random
import re
import time
from datetime import date

from extraction.actors import find_actors, load_actor_dictionary
from extraction.typing import classify_event


def family(actor: str | None) -> str:
    return re.sub(r"\s+", " ", (actor or "").split("(")[0]).strip().casefold()


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'])", text) if s.strip()]


ACTOR_CONTEXT = False  # --actor-context: find_actors also sees the rest of the note
TIMING = {"classify_s": 0.0, "classify_n": 0, "actors_s": 0.0, "actors_n": 0}


def classify_note(note: str, country: str, year: int, actors) -> tuple[object, object]:
    parts = sentences(note)
    for k, sentence in enumerate(parts):
        start = time.perf_counter()
        typing = classify_event(sentence, " ".join(parts[:k] + parts[k + 1 :]))
        TIMING["classify_s"] += time.perf_counter() - start
        TIMING["classify_n"] += 1
        if typing:
            start = time.perf_counter()
            context = " ".join(parts[:k] + parts[k + 1 :]) if ACTOR_CONTEXT else ""
            assignment = find_actors(sentence, typing, country, date(year, 6, 15), actors, context=context)
            TIMING["actors_s"] += time.perf_counter() - start
            TIMING["actors_n"] += 1
            return typing, assignment
    return None, None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--show", help="print errors for this gold sub_event_type")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--actors", action="store_true", help="print actor1 family errors")
    ap.add_argument("--actor-context", action="store_true", help="pass the rest of the note to find_actors")
    args = ap.parse_args()
    global ACTOR_CONTEXT
    ACTOR_CONTEXT = args.actor_context
    actors = load_actor_dictionary()
    for path in args.files:
        rows = list(csv.DictReader(open(path, encoding="utf-8")))
        seen, n, et, st, a1, none = set(), 0, 0, 0, 0, 0
        conf, errs, aerrs = collections.Counter(), [], []
        for row in rows:
            if row["event_id_cnty"] in seen or not row["notes"]:
                continue
            seen.add(row["event_id_cnty"])
            n += 1
            typing, assign = classify_note(row["notes"], row["country"], int(row["year"]), actors)
            none += typing is None
            pred_et = typing.event_type if typing else None
            pred_st = typing.sub_event_type if typing else None
            et += pred_et == row["event_type"]
            st += pred_st == row["sub_event_type"]
            ok_a = assign is not None and family(assign.actor1) == family(row["actor1"])
            a1 += ok_a
            if not ok_a and assign is not None:
                aerrs.append((row["actor1"], assign.actor1, row["notes"][:200]))
            if pred_st != row["sub_event_type"]:
                conf[(row["sub_event_type"], pred_st)] += 1
                if args.show in (row["sub_event_type"], "all", pred_st):
                    errs.append(
                        (row["sub_event_type"], pred_st, typing.rule if typing else "-", row["notes"][:220])
                    )
        print(
            f"== {path}: n={n} event_type={et / n:.3f} sub_event_type={st / n:.3f} "
            f"actor1_family={a1 / n:.3f} none={none / n:.3f}"
        )
        for (gold, pred), count in conf.most_common(12):
            print(f"   {count:4d} {gold} -> {pred}")
        random.seed(0)
        for err in random.sample(errs, min(args.errors, len(errs))):
            print("  ERR", err)
        if args.actors:
            for err in random.sample(aerrs, min(args.errors or 20, len(aerrs))):
                print("  ACT", err)


def print_timing() -> None:
    """Mean wall time per call (sentence for classify_event, event for find_actors)."""
    classify = 1e6 * TIMING["classify_s"] / max(TIMING["classify_n"], 1)
    actors = 1e6 * TIMING["actors_s"] / max(TIMING["actors_n"], 1)
    print(f"TIMING classify_event={classify:.0f}us/sentence find_actors={actors:.0f}us/event")


if __name__ == "__main__":
    main()
    print_timing()
