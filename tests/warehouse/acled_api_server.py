"""A local stand-in for ACLED's API on 127.0.0.1 (stdlib http.server in a thread).

It implements the documented endpoints and their answers: `POST /oauth/token` (password and
refresh_token grants, client_id=acled), `GET /api/acled/read` and `GET /api/deleted/read` with
a Bearer token, `_format=json`, `limit`/`page`, `country`, `event_date=A|B` with
`event_date_where=BETWEEN`, `timestamp` with `timestamp_where`, `deleted_timestamp` with
`deleted_timestamp_where`, answering `{"status": 200, "success": true, "last_update": ...,
"count": n, "messages": [], "data": [...], "filename": ...}`. The events are real ACLED rows (the
committed Kenya sample) in the API's JSON shape: every value a string, text inter labels, ISO
dates, population columns. Faults are scripted: `fail_next` answers the next read requests with
the given statuses, `expire_token_after` makes the access token expire after N reads, and
`too_large_days` fails any date range longer than that with a 500.
"""

from __future__ import annotations

import csv
import json
import threading
import urllib.parse
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from schemas.codebook import ACLED_COLUMNS, INTER_LABELS, SUB_EVENT_DISORDER, interaction_label

USERNAME = "analyst@example.org"
PASSWORD = "s3cret-Pa55word!"


def api_rows(sample: Path, limit: int) -> list[dict[str, str]]:
    """The first `limit` rows of an old (numeric, `31-12-19`) export as ACLED's API writes them."""
    with sample.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    out = []
    for row in rows:
        day, month, _ = row["event_date"].split("-")
        inter1, inter2 = int(row["inter1"]), int(row["inter2"] or 0)
        api = {column: row.get(column, "") for column in ACLED_COLUMNS}
        api.update(
            event_date=f"{row['year']}-{month}-{day}",
            disorder_type=SUB_EVENT_DISORDER[row["sub_event_type"]],
            inter1=INTER_LABELS[inter1],
            inter2=INTER_LABELS.get(inter2, ""),
            interaction=interaction_label(inter1, inter2),
            population_best="",
        )
        out.append(api)
    return out


@dataclass
class FakeAcled:
    """The server's state and script; `log` records every request (path, params, auth header)."""

    events: list[dict[str, str]]
    deletions: list[dict[str, str]] = field(default_factory=list)
    fail_next: list[int] = field(default_factory=list)
    expire_token_after: int | None = None
    too_large_days: int | None = None
    log: list[tuple[str, dict[str, str], str]] = field(default_factory=list)
    tokens_issued: int = 0
    reads: int = 0
    valid_tokens: set[str] = field(default_factory=set)
    refresh_tokens: set[str] = field(default_factory=set)

    def token(self, form: dict[str, str]) -> tuple[int, dict]:
        if form.get("client_id") != "acled":
            return 400, {"error": "invalid_client"}
        if form.get("grant_type") == "password":
            if (form.get("username"), form.get("password")) != (USERNAME, PASSWORD):
                return 400, {"error": "invalid_grant"}
        elif form.get("grant_type") == "refresh_token":
            if form.get("refresh_token") not in self.refresh_tokens:
                return 400, {"error": "invalid_grant"}
        else:
            return 400, {"error": "unsupported_grant_type"}
        self.tokens_issued += 1
        access, refresh = f"access-{self.tokens_issued}", f"refresh-{self.tokens_issued}"
        self.valid_tokens.add(access)
        self.refresh_tokens.add(refresh)
        return 200, {"token_type": "Bearer", "expires_in": 86400, "access_token": access,
                     "refresh_token": refresh}

    def read(self, path: str, params: dict[str, str], auth: str) -> tuple[int, dict]:
        token = auth.removeprefix("Bearer ")
        if token not in self.valid_tokens:
            return 401, {"status": 401, "success": False, "error": "Access token expired or invalid"}
        self.reads += 1
        if self.expire_token_after is not None and self.reads > self.expire_token_after:
            self.expire_token_after = None
            self.valid_tokens.discard(token)
            return 401, {"status": 401, "success": False, "error": "Access token expired"}
        if self.fail_next:
            status = self.fail_next.pop(0)
            return status, {"status": status, "success": False, "error": "Too Many Requests"}
        rows = self._select(path, params)
        if rows is None:
            return 500, {"status": 500, "success": False, "error": "query too large"}
        limit, page = int(params.get("limit", 5000)), int(params.get("page", 1))
        data = rows[(page - 1) * limit: page * limit]
        return 200, {"status": 200, "success": True, "last_update": 10, "count": len(data), "messages": [],
                     "data": data, "filename": "acled_export"}

    def _select(self, path: str, params: dict[str, str]) -> list[dict[str, str]] | None:
        if path.endswith("/deleted/read"):
            since = int(params.get("deleted_timestamp", 0))
            return [d for d in self.deletions if int(d["deleted_timestamp"]) >= since]
        rows = self.events
        if "country" in params:
            rows = [r for r in rows if r["country"] == params["country"]]
        if "event_date" in params:
            first, last = (date.fromisoformat(d) for d in params["event_date"].split("|"))
            if self.too_large_days is not None and (last - first).days > self.too_large_days:
                return None
            rows = [r for r in rows if first <= date.fromisoformat(r["event_date"]) <= last]
        if "timestamp" in params:
            rows = [r for r in rows if int(r["timestamp"]) >= int(params["timestamp"])]
        return sorted(rows, key=lambda r: r["event_date"], reverse=True)  # ACLED: newest first


def _handler(state: FakeAcled) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            length = int(self.headers.get("Content-Length") or 0)
            form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
            state.log.append((self.path, {}, ""))
            self._answer(*state.token(form) if self.path == "/oauth/token" else (404, {}))

        def do_GET(self) -> None:  # noqa: N802
            url = urllib.parse.urlsplit(self.path)
            params = dict(urllib.parse.parse_qsl(url.query))
            auth = self.headers.get("Authorization", "")
            state.log.append((url.path, params, auth))
            if url.path in ("/api/acled/read", "/api/deleted/read") and params.get("_format") == "json":
                self._answer(*state.read(url.path, params, auth))
            else:
                self._answer(404, {"status": 404, "success": False})

        def _answer(self, status: int, body: dict) -> None:
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            if status == 429:
                self.send_header("Retry-After", "0")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


class LocalAcled:
    """Context manager running FakeAcled on 127.0.0.1 (a free port); `url` is its base URL."""

    def __init__(self, state: FakeAcled) -> None:
        self.state = state
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> LocalAcled:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
