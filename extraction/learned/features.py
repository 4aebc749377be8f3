"""What the learned typing model reads: text n-grams plus the rules' own evidence, as named grams.

Training (`training/`) and inference share this one featuriser, so a model can only ever see at
inference the features it was trained on. A text becomes word unigrams and bigrams (`w:`, `b:`)
and character 3-5 grams inside words (`c:`); digits fold to `0` so figures do not split the
vocabulary. The rules' evidence becomes grams too (`r:`): their verdict (sub-event and event
type, or none), the typing rule's name, every cue that fired, the actor kinds (inter codes) and
whether anyone died. Pure Python: no numpy here, no scikit-learn anywhere at inference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from schemas.codebook import SUB_EVENT_PARENT

__all__ = ["Evidence", "FeatureSpec", "evidence_grams", "text_grams"]

_TOKEN_RE = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_DIGIT_RE = re.compile(r"\d")
_WORD_CACHE = 65_536


@dataclass(frozen=True)
class FeatureSpec:
    """The feature definition a model was trained with (stored in its sidecar)."""

    word_ngrams: int = 2
    char_min: int = 0  # 0: no character grams
    char_max: int = 0
    max_text_chars: int = 3_000  # a note is a few hundred characters; longer text adds noise
    evidence_percent: int = 30  # a rules-evidence gram's value in % (LORO: 100 -> 30 gained 0.03)

    def as_dict(self) -> dict[str, int]:
        return {
            "word_ngrams": self.word_ngrams,
            "char_min": self.char_min,
            "char_max": self.char_max,
            "max_text_chars": self.max_text_chars,
            "evidence_percent": self.evidence_percent,
        }

    @classmethod
    def from_dict(cls, raw: dict) -> FeatureSpec:
        return cls(**{k: int(v) for k, v in raw.items() if k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Evidence:
    """What the rules found in a text, as the model reads it.

    `sub_event_type` is the rules' verdict (None: they found no event); `cues` the cue names that
    fired; `inter1`/`inter2` the actor kinds they assigned (0 or None: none); `fatal` whether
    they counted any fatality.
    """

    sub_event_type: str | None = None
    rule: str | None = None
    cues: tuple[str, ...] = ()
    inter1: int | None = None
    inter2: int | None = None
    fatal: bool = False

    def as_dict(self) -> dict:
        return {
            "sub_event_type": self.sub_event_type,
            "rule": self.rule,
            "cues": list(self.cues),
            "inter1": self.inter1,
            "inter2": self.inter2,
            "fatal": self.fatal,
        }

    @classmethod
    def from_dict(cls, raw: dict) -> Evidence:
        return cls(
            sub_event_type=raw.get("sub_event_type"),
            rule=raw.get("rule"),
            cues=tuple(raw.get("cues") or ()),
            inter1=raw.get("inter1"),
            inter2=raw.get("inter2"),
            fatal=bool(raw.get("fatal")),
        )


def text_grams(text: str, spec: FeatureSpec) -> list[str]:
    """Word 1..n-grams and in-word character grams of a text (duplicates kept; callers dedupe)."""
    words = [_DIGIT_RE.sub("0", w) for w in _TOKEN_RE.findall(text[: spec.max_text_chars].lower())]
    grams = [f"w:{w}" for w in words]
    for n in range(2, spec.word_ngrams + 1):
        grams.extend("b:" + " ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    if spec.char_min > 0:
        for word in set(words):
            grams.extend(_char_grams(word, spec.char_min, spec.char_max))
    return grams


@lru_cache(maxsize=_WORD_CACHE)
def _char_grams(word: str, low: int, high: int) -> tuple[str, ...]:
    padded = f"<{word}>"
    return tuple(
        "c:" + padded[i : i + n] for n in range(low, high + 1) for i in range(len(padded) - n + 1)
    )


def evidence_grams(evidence: Evidence) -> list[str]:
    """The rules' evidence as grams: verdict, rule, cues, actor kinds, fatal."""
    sub = evidence.sub_event_type
    if sub is None:
        grams = ["r:none"]
    else:
        grams = [f"r:sub={sub}", f"r:et={SUB_EVENT_PARENT.get(sub, '?')}"]
    if evidence.rule:
        grams.append(f"r:rule={evidence.rule}")
    grams.extend(f"r:cue={cue}" for cue in sorted(evidence.cues))
    grams.append(f"r:i1={int(evidence.inter1 or 0)}")
    grams.append(f"r:i2={int(evidence.inter2 or 0)}")
    if evidence.fatal:
        grams.append("r:fatal")
    return grams
