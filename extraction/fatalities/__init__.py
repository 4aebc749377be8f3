"""Fatalities: the toll a text reports, read with ACLED's rules (lowest credible figure, tolls
shared between events)."""

from extraction.fatalities.counting import count_fatalities

__all__ = [
    "count_fatalities",
]
