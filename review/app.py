"""The review web app: a queue of extracted events, one page per event, and the correction forms.

Security for a local tool that writes to the warehouse:
- it binds to 127.0.0.1 only (the CLI gives no host option) and answers only requests whose
  Host header is 127.0.0.1 or localhost (no DNS-rebinding from a web page);
- every form carries a CSRF token that must equal the `eventpipe_csrf` cookie (SameSite=Strict,
  HttpOnly; double-submit), so another site cannot post corrections through the browser;
- `read_only` opens the warehouse read-only and refuses every POST.
Each request opens and closes its own connection: between requests the warehouse is free for
`eventpipe run` (DuckDB allows one writer).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote

import duckdb
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.middleware.trustedhost import TrustedHostMiddleware

from eventpipe.errors import EventpipeError
from review.store import QUEUE_PAGE, event_view, nearby_events, queue, search_places
from schemas.codebook import EVENT_TYPES, GEO_PRECISIONS, INTER_LABELS, TIME_PRECISIONS
from warehouse.connection import connect
from warehouse.corrections import ACCEPT, CORRECTABLE, MERGE, REJECT, record_correction

CSRF_COOKIE = "eventpipe_csrf"
PLACE_FIELDS = ("location", "admin1", "country", "latitude", "longitude")


def create_app(warehouse: Path, *, read_only: bool = False, who: str = "analyst",
               raw_dir: Path | None = None) -> FastAPI:
    """The app over one warehouse file; `who` is recorded with every correction."""
    app = FastAPI(title="eventpipe review", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost"])
    templates = Environment(loader=PackageLoader("review", "templates"), autoescape=select_autoescape())
    choices = {"event_types": EVENT_TYPES, "inter": INTER_LABELS, "time_precisions": TIME_PRECISIONS,
               "geo_precisions": GEO_PRECISIONS, "correctable": CORRECTABLE}

    @contextmanager
    def warehouse_connection(write: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        con = connect(warehouse, read_only=not write)
        try:
            yield con
        finally:
            con.close()

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
        html = templates.get_template(template).render(csrf_token=token, read_only=read_only, who=who,
                                                       choices=choices, **context)
        response = HTMLResponse(html, status_code=status)
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
        return response

    async def checked_form(request: Request) -> dict[str, str]:
        """The posted form, after the read-only and CSRF checks."""
        if read_only:
            raise PermissionError("the review app runs read-only (--read-only): nothing can be changed")
        form = {k: v[-1] for k, v in parse_qs((await request.body()).decode("utf-8"),
                                                keep_blank_values=True).items()}
        cookie = request.cookies.get(CSRF_COOKIE, "")
        if not cookie or not hmac.compare_digest(cookie, form.get("csrf_token", "")):
            raise PermissionError("missing or wrong CSRF token: reload the page and try again")
        return form

    async def act(request: Request, event_id: str, changes: list[tuple[str, str | None]]) -> Response:
        try:
            form = await checked_form(request)
        except PermissionError as error:
            return page(request, "error.html", 403, message=str(error))
        note = form.get("note") or None
        try:
            with warehouse_connection(write=True) as con:
                for field_name, value in changes or _form_changes(form):
                    record_correction(con, event_id, field_name, value, who, note)
        except EventpipeError as error:
            return page(request, "error.html", 400, message=str(error), event_id=event_id)
        target = "/" if any(f in (REJECT, MERGE) for f, _ in changes) else f"/event/{quote(event_id)}"
        return RedirectResponse(target, status_code=303)

    @app.get("/", response_class=HTMLResponse)
    def show_queue(request: Request, page_number: int = 0) -> HTMLResponse:
        try:
            with warehouse_connection() as con:
                rows, total = queue(con, max(0, page_number))
        except EventpipeError as error:  # e.g. a pipeline run holds the warehouse: reload later
            return page(request, "error.html", 503, message=str(error))
        return page(request, "queue.html", rows=rows, total=total, page_number=page_number,
                    pages=max(1, -(-total // QUEUE_PAGE)))

    @app.get("/event/{event_id}", response_class=HTMLResponse)
    def show_event(request: Request, event_id: str, place: str = "") -> HTMLResponse:
        try:
            with warehouse_connection() as con:
                view = event_view(con, event_id, raw_dir)
                if view is None:
                    return page(request, "error.html", 404, message=f"no event {event_id!r}")
                nearby = nearby_events(con, view["event"])
        except EventpipeError as error:
            return page(request, "error.html", 503, message=str(error))
        return page(request, "event.html", nearby=nearby, place_query=place,
                    places=search_places(place) if place else [], **view)

    @app.post("/event/{event_id}/correct")
    async def correct(request: Request, event_id: str) -> Response:
        return await act(request, event_id, [])

    @app.post("/event/{event_id}/accept")
    async def accept(request: Request, event_id: str) -> Response:
        return await act(request, event_id, [(ACCEPT, None)])

    @app.post("/event/{event_id}/reject")
    async def reject(request: Request, event_id: str) -> Response:
        return await act(request, event_id, [(REJECT, None)])

    @app.post("/event/{event_id}/merge")
    async def merge(request: Request, event_id: str) -> Response:
        form = parse_qs((await request.body()).decode("utf-8"))
        target = (form.get("target") or [""])[-1]
        return await act(request, event_id, [(MERGE, target)])

    return app


def _form_changes(form: dict[str, str]) -> list[tuple[str, str | None]]:
    """Field corrections in a posted form: one `field`/`value` pair, or a place (several fields)."""
    if form.get("field") in CORRECTABLE:
        return [(form["field"], form.get("value"))]
    if all(name in form for name in PLACE_FIELDS):
        return [(name, form[name]) for name in PLACE_FIELDS]
    return [(form.get("field") or "(none)", form.get("value"))]
