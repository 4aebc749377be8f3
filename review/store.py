"""What the review app reads: the queue, one event with its evidence, and place candidates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from warehouse.lineage import lineage_of

QUEUE_PAGE = 50
QUEUE_SQL = """
SELECT e.event_id_cnty, e.event_date, e.event_type, e.sub_event_type, e.country, e.admin1, e.location,
       e.actor1, e.actor2, e.fatalities, e.confidence, e.notes,
       (SELECT string_agg(DISTINCT c.field, ', ') FROM corrections c JOIN event_keys k USING (event_key)
        WHERE k.event_id_cnty = e.event_id_cnty AND c.status = 'applied') AS decisions
FROM events e WHERE e.origin = 'extracted'
ORDER BY e.confidence NULLS FIRST, e.event_id_cnty
LIMIT ? OFFSET ?
"""


def rows_as_dicts(relation: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in relation.description]
    return [dict(zip(names, row, strict=True)) for row in relation.fetchall()]


def queue(con: duckdb.DuckDBPyConnection, page: int) -> tuple[list[dict[str, Any]], int]:
    """One page of extracted events, lowest confidence first, and the total count."""
    total = con.execute("SELECT count(*) FROM events WHERE origin = 'extracted'").fetchall()[0][0]
    return rows_as_dicts(con.execute(QUEUE_SQL, [QUEUE_PAGE, page * QUEUE_PAGE])), int(total)


@dataclass(frozen=True)
class Highlighted:
    """A document's text cut around the evidence sentence (`found` False: not in the text)."""

    before: str
    sentence: str
    after: str
    found: bool


def event_view(con: duckdb.DuckDBPyConnection, event_id: str, raw_dir: Path | None) -> dict[str, Any] | None:
    """Everything the event page shows, or None for an unknown id."""
    events = rows_as_dicts(con.execute("SELECT * FROM events WHERE event_id_cnty = ?", [event_id]))
    if not events:
        return None
    mentions = rows_as_dicts(con.execute("""SELECT m.doc_id, m.evidence, m.span_start, m.span_end,
        d.path, d.fmt, d.title FROM event_mentions m LEFT JOIN documents d USING (doc_id)
        WHERE m.event_id_cnty = ? ORDER BY m.doc_id, m.span_start""", [event_id]))
    key = con.execute("SELECT event_key FROM event_keys WHERE event_id_cnty = ?", [event_id]).fetchall()
    history = rows_as_dicts(con.execute("""SELECT correction_id, field, "before", "after", who,
        corrected_at, note, status FROM corrections WHERE event_key = ? OR event_id_cnty = ?
        ORDER BY correction_id""",
                                        [key[0][0] if key else "", event_id]))
    for mention in mentions:
        mention["document"] = highlight(document_text(mention, raw_dir), mention["evidence"])
    return {"event": events[0], "mentions": mentions, "lineage": lineage_of(con, event_id),
            "key": key[0][0] if key else None, "history": history}


def document_text(mention: dict[str, Any], raw_dir: Path | None) -> str:
    """The document as stored now (HTML reduced to its text), or '' when the file is gone."""
    candidates = [Path(mention["path"])] if mention.get("path") else []
    if raw_dir is not None:
        candidates.append(raw_dir / str(mention["doc_id"]))
    for path in candidates:
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            if mention.get("fmt") == "html":
                from selectolax.lexbor import LexborHTMLParser

                body = LexborHTMLParser(text).body
                text = body.text(separator="\n") if body is not None else text
            return text
    return ""


def highlight(text: str, sentence: str | None) -> Highlighted:
    """Find `sentence` in `text` whatever the whitespace between its words."""
    words = (sentence or "").split()
    if not text or not words:
        return Highlighted(text, "", "", False)
    match = re.search(r"\s+".join(re.escape(word) for word in words), text)
    if match is None:
        return Highlighted(text, sentence or "", "", False)
    return Highlighted(text[:match.start()], match.group(0), text[match.end():], True)


def nearby_events(con: duckdb.DuckDBPyConnection, event: dict[str, Any]) -> list[dict[str, Any]]:
    """Other extracted events of the same country within a week: merge candidates."""
    return rows_as_dicts(con.execute("""SELECT event_id_cnty, event_date, sub_event_type, location, actor1
        FROM events WHERE origin = 'extracted' AND country = ? AND event_id_cnty <> ?
          AND abs(event_date - ?::DATE) <= 7 ORDER BY abs(event_date - ?::DATE), event_id_cnty LIMIT 30""",
                                     [event["country"], event["event_id_cnty"], event["event_date"],
                                      event["event_date"]]))


@cache
def _gazetteer() -> Any:
    from extraction.places import Gazetteer

    return Gazetteer.load()


def search_places(query: str, limit: int = 15) -> list[dict[str, Any]]:
    """Gazetteer candidates for a place name: name, admin1, country and coordinates."""
    query = query.strip()
    if not query:
        return []
    gazetteer = _gazetteer()
    places = []
    for entry in gazetteer.lookup(query)[:limit]:
        country = gazetteer.country(entry.alpha2)
        admin1 = gazetteer.admin1.get(entry.admin1_key) if entry.admin1_key else None
        if entry.kind == "admin1":
            admin1 = gazetteer.admin1.get(entry.ident)
        places.append({"location": entry.name, "kind": entry.kind,
                       "admin1": admin1.name if admin1 else "",
                       "country": country.name if country else "",
                       "latitude": round(entry.latitude, 4), "longitude": round(entry.longitude, 4)})
    return places
