"""The extractor's version: part of every extracted record and of the extraction cache key.

Bump it whenever a rule change can change the output, so cached per-document results made by an
older engine are not reused.
"""

from __future__ import annotations

EXTRACTOR_VERSION = "0.3.7"
