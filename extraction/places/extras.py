"""Places the gazetteer lacks, as data: extraction/places/data/extra_places.csv.

One line per place: its ACLED-style name, admin1, admin2, country, point, other spellings
('|'-separated) and an example sentence that a test runs through the engine. The lines join the
ACLED place table layer when the gazetteer loads (as if ACLED had coded the place once), so a
place written only here is found, resolved and reported with these names and this point; an
alias written here for a place of the table is found under the new spelling too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

EXTRA_PLACES_PACKAGE = "extraction.places.data"
EXTRA_PLACES_FILE = "extra_places.csv"
EXTRA_PLACES_FIX = "correct that line of extraction/places/data/extra_places.csv (header: the fields)"
FIELDS = ("location", "admin1", "admin2", "country", "latitude", "longitude", "aliases", "example")


@dataclass(frozen=True)
class ExtraPlace:
    """One line of extra_places.csv."""

    location: str
    admin1: str
    admin2: str
    country: str
    latitude: float
    longitude: float
    aliases: tuple[str, ...]
    example: str

    def table_lines(self, fold: Callable[[str], str]) -> list[str]:
        """Its lines in the ACLED place table's format (extraction.places.acled.COLUMNS), one per
        spelling: key, location, admin1, admin2, admin3, country, iso, region, latitude,
        longitude, geo_precision (1: a point), year, count (one use)."""
        point = [str(self.latitude), str(self.longitude), "1", "", "1"]
        place = [self.location, self.admin1, self.admin2, "", self.country, "", ""]
        return ["\t".join([fold(name), *place, *point]) for name in (self.location, *self.aliases)]


def read_extra_places(source: Path | Traversable | None = None) -> list[ExtraPlace]:
    """The places of `source` (an extra_places.csv), by default the packaged file.

    Raises ValueError naming the file and the line when a field is missing or not a number.
    """
    source = source or resources.files(EXTRA_PLACES_PACKAGE).joinpath(EXTRA_PLACES_FILE)
    reader = csv.DictReader(io.StringIO(source.read_text(encoding="utf-8")))
    if tuple(reader.fieldnames or ()) != FIELDS:
        raise ValueError(f"{source}: the header must be {','.join(FIELDS)}")
    return [_place(row, source, reader.line_num) for row in reader]


def _place(row: dict[str, str], source: object, line: int) -> ExtraPlace:
    missing = [name for name in ("location", "country", "latitude", "longitude", "example") if not row[name]]
    if missing:
        raise ValueError(f"{source}, line {line}: {', '.join(missing)} missing")
    try:
        latitude, longitude = float(row["latitude"]), float(row["longitude"])
    except ValueError:
        raise ValueError(f"{source}, line {line}: latitude and longitude must be numbers") from None
    aliases = tuple(alias.strip() for alias in row["aliases"].split("|") if alias.strip())
    return ExtraPlace(
        row["location"],
        row["admin1"],
        row["admin2"],
        row["country"],
        latitude,
        longitude,
        aliases,
        row["example"],
    )


def extra_place_lines(fold: Callable[[str], str], source: Path | Traversable | None = None) -> list[str]:
    """Place-table lines of every extra place (`fold`: the gazetteer's name folding)."""
    return [line for place in read_extra_places(source) for line in place.table_lines(fold)]
