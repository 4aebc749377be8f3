"""The arguments every learned-layer experiment script takes (learned_cv.py, learned_fallback.py):
the feature spec and training settings to try, a per-region row limit and the rules cache, so each
script states only what it adds and all of them read the same spellings."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from extraction.learned.features import FeatureSpec
from training.trainer import TrainSettings

RULES_CACHE = Path("/tmp/eventpipe_rules_cache.jsonl")


def experiment_parser(description: str | None) -> argparse.ArgumentParser:
    """A parser holding --spec, --settings, --limit and --rules-cache."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--spec", default="{}", help="FeatureSpec fields as JSON")
    parser.add_argument("--settings", default="{}", help="TrainSettings fields as JSON")
    parser.add_argument("--limit", type=int, default=None, help="score at most N seeded rows per region")
    parser.add_argument("--rules-cache", type=Path, default=RULES_CACHE)
    return parser


def spec_and_settings(args: argparse.Namespace) -> tuple[FeatureSpec, TrainSettings]:
    """The FeatureSpec and TrainSettings the --spec and --settings JSON ask for."""
    return FeatureSpec(**json.loads(args.spec)), TrainSettings(**json.loads(args.settings))
