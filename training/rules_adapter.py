"""The one place training reaches into the rule engine: a note in, the rules' verdict and evidence out.

Everything else in `training/` reads the rules through `rules_evidence`, so a change of the
engine's module layout is a change to this file's imports only. The rules are slow next to the
model (a few milliseconds per note), so verdicts are cached on disk, keyed by the note's hash
and the extractor version: each note is read by the rules once, however many experiments use it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from extraction.document import Document
from extraction.document_state import is_brief
from extraction.engine import extract_events
from extraction.learned.features import Evidence
from extraction.reading import prepared_pieces
from extraction.resources import Resources
from extraction.typing import classify_event
from extraction.typing import fallback_candidate as note_fallback_candidate
from extraction.typing.assertion import find_cues
from extraction.version import EXTRACTOR_VERSION

log = logging.getLogger(__name__)

__all__ = ["RulesCache", "fallback_candidate", "note_key", "rules_evidence"]

_RULE_RE = re.compile(r"^rule '(.*?)', trigger")


def rules_evidence(text: str, resources: Resources | None = None) -> dict:
    """What the rules make of one note read as a brief: the first event's types and the evidence
    the model reads (rule, cues, actor kinds, fatal). No event: types None, cues still listed."""
    events = extract_events(Document(doc_id="note", text=text), resources or Resources.load(model="none"))
    if not events:
        cues = tuple(sorted(find_cues(text)))
        return {"event_type": None, "sub_event_type": None, "evidence": Evidence(cues=cues).as_dict()}
    first = events[0]
    typing = classify_event(first.get("evidence") or text)
    cues = tuple(sorted(typing.cues if typing else find_cues(first.get("evidence") or text)))
    rule = _RULE_RE.match(first.get("explain", {}).get("event_type", ""))
    evidence = Evidence(
        sub_event_type=first["sub_event_type"],
        rule=rule.group(1) if rule else None,
        cues=cues,
        inter1=_int(first.get("inter1")),
        inter2=_int(first.get("inter2")),
        fatal=bool(first.get("fatalities")),
    )
    return {
        "event_type": first["event_type"],
        "sub_event_type": first["sub_event_type"],
        "evidence": evidence.as_dict(),
    }


def fallback_candidate(text: str) -> str | None:
    """Under which fallback would the engine ask the model to type this note, were the rules to
    find no event in it: 'dated' (a brief with a date lead that no non-event filter rejects),
    'undated' (such a brief without a date lead), or None. Read as the engine reads a note."""
    first = next(prepared_pieces(Document(doc_id="note", text=text)), "")
    return note_fallback_candidate(first) if first and is_brief(first) else None


def _int(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def note_key(text: str) -> str:
    return hashlib.sha1(f"{EXTRACTOR_VERSION}\0{text}".encode()).hexdigest()


class RulesCache:
    """Rules verdicts per note, in a JSONL file (one {'key', ...verdict} per line), appended to."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.verdicts: dict[str, dict] = {}
        if path is not None and path.is_file():
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        record = json.loads(line)
                        self.verdicts[record.pop("key")] = record

    def verdicts_for(
        self, texts: Iterable[str], progress: Callable[[int, int], None] | None = None
    ) -> list[dict]:
        """The verdict of every text, running the rules only on texts never seen before."""
        texts = list(texts)
        keys = [note_key(t) for t in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in self.verdicts))
        if missing:
            self._run(texts, keys, set(missing), progress)
        return [self.verdicts[k] for k in keys]

    def _run(
        self,
        texts: list[str],
        keys: list[str],
        missing: set[str],
        progress: Callable[[int, int], None] | None,
    ) -> None:
        resources = Resources.load(model="none")  # the rules alone: their verdict is the evidence
        handle = self.path.open("a", encoding="utf-8") if self.path is not None else None
        done = 0
        try:
            for text, key in zip(texts, keys, strict=True):
                if key not in missing or key in self.verdicts:
                    continue
                verdict = rules_evidence(text, resources)
                self.verdicts[key] = verdict
                if handle is not None:
                    handle.write(json.dumps({"key": key, **verdict}) + "\n")
                done += 1
                if progress is not None and done % 500 == 0:
                    progress(done, len(missing))
        finally:
            if handle is not None:
                handle.close()
        if progress is not None:
            progress(done, len(missing))
