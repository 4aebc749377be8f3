"""Places: the offline gazetteer, place mentions in text, document priors, resolving a mention to
one place, and the fallback policy (sentence, paragraph, country, metadata) when a clause names
none. ACLED needs at least a country; every policy that picks one lives here."""

from extraction.places.acled import COLUMNS as PLACE_TABLE_COLUMNS
from extraction.places.acled import SOURCE_COLUMNS as SOURCE_TABLE_COLUMNS
from extraction.places.acled import row_problem as table_row_problem
from extraction.places.context import PlaceContext, country_from_text, document_context
from extraction.places.fallback import (
    LOOKBACK_SENTENCES,
    UNPLACED,
    PlaceTrail,
    coordinated_places,
    countries_named,
    country_place,
    first_country_place,
    institution_place,
    last_resort_place,
    metadata_countries,
    place_mentions,
    resolve_place,
    text_location,
    with_named_place,
)
from extraction.places.gazetteer import (
    ACLED_FILE,
    SOURCES_FILE,
    SUBDIVISION_ID_PREFIX,
    Gazetteer,
)
from extraction.places.mentions import PlaceMention, find_places
from extraction.places.resolution import Place, resolve_location
from extraction.places.spelling import ascii_name, fold_name, fold_word

__all__ = [
    "PLACE_TABLE_COLUMNS",
    "SOURCE_TABLE_COLUMNS",
    "table_row_problem",
    "ACLED_FILE",
    "Gazetteer",
    "LOOKBACK_SENTENCES",
    "Place",
    "PlaceContext",
    "PlaceMention",
    "PlaceTrail",
    "SOURCES_FILE",
    "SUBDIVISION_ID_PREFIX",
    "UNPLACED",
    "ascii_name",
    "coordinated_places",
    "countries_named",
    "country_from_text",
    "country_place",
    "document_context",
    "find_places",
    "first_country_place",
    "institution_place",
    "last_resort_place",
    "fold_name",
    "fold_word",
    "metadata_countries",
    "place_mentions",
    "resolve_location",
    "resolve_place",
    "text_location",
    "with_named_place",
]
