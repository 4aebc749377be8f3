"""Assembling the one-file HTML report: template, stylesheet, script, outlines and data inline.

Everything the page needs is in the file; its Content-Security-Policy forbids any network
request, so a report that tried to reach a CDN or a tile server would fail visibly in a test
instead of silently working only online.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources

from report.payload import inline_json

ASSETS = "report.assets"
DATA = "report.data"


@cache
def asset(name: str, package: str = ASSETS) -> str:
    """Text of a packaged asset (template, CSS, JS, outlines)."""
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def outlines_json() -> str:
    """The packaged country outlines, re-serialised safely for a <script> element."""
    return inline_json(json.loads(asset("countries.json", DATA)))


def render_html(title: str, meta: Mapping[str, object], packed_data: str) -> str:
    """The complete page. All placeholders are replaced in one pass over the template, so text
    inserted for one (a title, a warehouse path) is never scanned for another."""
    parts = {
        "/*__CSS__*/": asset("report.css"),
        "/*__JS__*/": asset("report.js"),
        "__TITLE__": _escape(title),
        "__META__": inline_json(dict(meta)),
        "__OUTLINES__": outlines_json(),
        "__DATA__": packed_data,
    }
    pattern = re.compile("|".join(re.escape(marker) for marker in parts))
    return pattern.sub(lambda match: parts[match.group(0)], asset("report.html"))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
