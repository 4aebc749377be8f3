"""Sentence segmentation: abbreviations, initials, quotes, hard line breaks, offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extraction.reading.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        (
            "Lt. Col. John Smith met Gen. Ahmed and Dr. Khan. They left.",
            ["Lt. Col. John Smith met Gen. Ahmed and Dr. Khan.", "They left."],
            "military and academic titles",
        ),
        (
            "A trader was shot dead at Brgy. Lucao, Sto. Tomas on 3 May. Police are investigating.",
            ["A trader was shot dead at Brgy. Lucao, Sto. Tomas on 3 May.", "Police are investigating."],
            "address abbreviations (barangay, santo) before a name",
        ),
        (
            "Mines is a specialist at the U.S. Institute of Peace. Zelin is a fellow.",
            ["Mines is a specialist at the U.S. Institute of Peace.", "Zelin is a fellow."],
            "dotted acronym before a name",
        ),
        (
            "The troops returned to the U.S. The next day, fighting resumed.",
            ["The troops returned to the U.S.", "The next day, fighting resumed."],
            "dotted acronym ending a sentence",
        ),
        (
            "Unit No. 5 moved on Jan. 3 to Kunar. Residents fled.",
            ["Unit No. 5 moved on Jan. 3 to Kunar.", "Residents fled."],
            "'No.' and 'Jan.' before numbers",
        ),
        (
            "A. B. Smith said 3.5 km of road was closed. Police arrived.",
            ["A. B. Smith said 3.5 km of road was closed.", "Police arrived."],
            "initials and decimals",
        ),
        (
            "Former al-Qa`ida members joined ISK. The group grew.",
            ["Former al-Qa`ida members joined ISK.", "The group grew."],
            "al- prefix",
        ),
        (
            '"Leave the ranks," the magazine urges. "Join us." Analysts disagree.',
            ['"Leave the ranks," the magazine urges.', '"Join us."', "Analysts disagree."],
            "closing quote stays with its sentence",
        ),
        ("He waited... and then left. Done.", ["He waited... and then left.", "Done."], "ellipsis"),
        ("Who fired? Nobody knows! So.", ["Who fired?", "Nobody knows!", "So."], "? and !"),
        (
            "Brief Analysis\nThree experts discuss ISKP.\n\n- First item\n- Second item",
            ["Brief Analysis", "Three experts discuss ISKP.", "- First item", "- Second item"],
            "newlines are hard boundaries for headings and list items",
        ),
        (
            "Militants attacked a police post in\nKunar province. Two died.",
            ["Militants attacked a police post in\nKunar province.", "Two died."],
            "soft wrap after a word that cannot end a sentence",
        ),
        (
            "Police opened fire on\nprotesters in Nairobi. Ten were hurt.",
            ["Police opened fire on\nprotesters in Nairobi.", "Ten were hurt."],
            "soft wrap before a lower-case word",
        ),
        ("", [], "empty text"),
    ],
)
def test_split_sentences(text: str, expected: list[str], why: str) -> None:
    assert [s.text for s in split_sentences(text)] == expected, why


def test_offsets_point_into_the_text() -> None:
    text = "  On 9 May 2020, militants attacked.  Two soldiers died.\n\nNext paragraph here."
    sentences = split_sentences(text)
    assert [(s.start, s.end) for s in sentences] == [(2, 36), (38, 56), (58, 78)]
    assert all(text[s.start:s.end] == s.text for s in sentences)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_split_sentences_never_raises_and_offsets_hold(text: str) -> None:
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text != ""
