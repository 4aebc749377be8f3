"""'Marched in the capital': a note that names no place but the capital is placed in that city."""

from __future__ import annotations

import pytest

from extraction.document import Document
from extraction.engine import Resources, extract_events
from extraction.places import Gazetteer
from extraction.places.capital import capital_name, capital_place
from extraction.places.fallback import country_place


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("alpha2", "capital"), [("BF", "Ouagadougou"), ("KE", "Nairobi"), ("KH", "Phnom Penh")]
)
def test_the_capital_is_the_admin1_capital_at_the_country_point(
    gazetteer: Gazetteer, alpha2: str, capital: str
) -> None:
    assert capital_name(alpha2, gazetteer) == capital


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("Nurses marched through the capital demanding back pay.", "Nairobi"),
        ("Traders blocked a road in the country's capital.", "Nairobi"),
        ("A guard was stabbed in Sudan's capital overnight.", "Khartoum"),
        ("Two officers were shot south of the Libyan capital.", "Tripoli"),
        ("Teachers rallied outside the National Assembly over unpaid wages.", "Nairobi"),
        ("Nurses staged a sit-in at the Ministry of Health.", "Nairobi"),
    ],
)
def test_a_capital_named_gives_its_city(gazetteer: Gazetteer, text: str, location: str) -> None:
    place = capital_place(text, country_place(["KE"], gazetteer), gazetteer)
    assert place is not None and place.location == location and place.latitude is not None


@pytest.mark.parametrize(
    "text",
    [
        "Students protested in the state capital.",
        "Lawyers rallied against capital punishment.",
        "Farmers gathered outside the provincial capital.",
        "Teachers marched to demand higher pay.",
        "A Member of Parliament was attacked by youths.",
    ],
)
def test_no_national_capital_named(gazetteer: Gazetteer, text: str) -> None:
    assert capital_place(text, country_place(["KE"], gazetteer), gazetteer) is None


def test_a_brief_placed_in_the_capital_of_its_sources_country() -> None:
    document = Document(
        doc_id="t", text="Hundreds of hawkers protested in the capital against new levies.",
        source="Daily Nation (Kenya)",
    )
    events = extract_events(document, Resources.load())
    assert events and (events[0]["country"], events[0]["location"]) == ("Kenya", "Nairobi")
