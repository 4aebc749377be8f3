"""The unit of input: one document with the metadata the extractor needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Document:
    """A document to extract events from.

    `text` is the raw content in its original format (`fmt` is "txt", "md" or "html"); text
    preparation strips markup and boilerplate. `published` anchors relative dates ('last week');
    without it only absolute dates are resolved. `source` becomes the events' ACLED `source`.
    """

    doc_id: str
    text: str
    published: date | None = None
    source: str | None = None
    title: str | None = None
    fmt: str = "txt"
    source_scale: str | None = None
