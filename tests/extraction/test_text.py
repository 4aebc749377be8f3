"""Text preparation: decoding, markup removal, boilerplate and footnote markers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extraction.reading.text import (
    PreparedText,
    decode_bytes,
    prepare_text,
    repair_mojibake,
    strip_footnote_markers,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "text_prep"


@pytest.mark.parametrize(
    ("raw", "expected", "why"),
    [
        ("and growing influence.5 And while", "and growing influence. And while", "marker after a period"),
        ("by ISK militants,6 much remains", "by ISK militants, much remains", "after a comma"),
        ("transnational attacks,7 and arguably", "transnational attacks, and arguably", "after a comma"),
        ("militant infrastructures3 by fusing", "militant infrastructures by fusing", "glued to a word"),
        ("by many to ISK,a drew global", "by many to ISK, drew global", "letter marker"),
        ("a foreign operations campaign.b The", "a foreign operations campaign. The", "letter marker"),
        ("published in 2024. Then", "published in 2024. Then", "a year before a period stays"),
        ("killed 17 people and 50 wounded", "killed 17 people and 50 wounded", "real numbers stay"),
        ("an area of 3.5 km", "an area of 3.5 km", "decimals stay"),
        ("at 5 p.m on Monday", "at 5 p.m on Monday", "'p.m' is not a letter marker"),
        ("the G20 summit and COVID-19", "the G20 summit and COVID-19", "upper-case codes stay"),
        ("in August 20238\u2014also", "in August 2023\u2014also", "endnote glued to a year"),
        ("in May 2024.40 Across the border", "in May 2024. Across the border", "after a year's period"),
        ("in July 2023,41 and another", "in July 2023, and another", "endnote after a year's comma"),
        ("between 2022-2024.28 Figure 3", "between 2022-2024. Figure 3", "after a year range"),
        ("on May 19, 20248 the", "on May 19, 2024 the", "after a full date"),
        ("In 2020,15 people died", "In 2020,15 people died", "no month before the year: left alone"),
        ("grew 2024.5 percent", "grew 2024.5 percent", "a decimal stays"),
        ("population of 20238 people", "population of 20238 people", "a real five-digit number stays"),
        ("in May 2024.5 million", "in May 2024.5 million", "'.N' before a lower-case word stays"),
    ],
)
def test_strip_footnote_markers(raw: str, expected: str, why: str) -> None:
    assert strip_footnote_markers(raw) == expected, why


@pytest.mark.parametrize(
    ("data", "text", "warning"),
    [
        ("Kabul — 21 killed".encode(), "Kabul — 21 killed", None),
        (b"\xef\xbb\xbfKabul", "Kabul", None),
        ("Bogotá “quote”".encode("cp1252"), "Bogotá “quote”", "not UTF-8: decoded as cp1252"),
        (b"\x81\x8d\x8f\x90\x9d", "\x81\x8d\x8f\x90\x9d", "not UTF-8: decoded as latin-1"),
        (bytes(range(256)) * 40, "", "binary content: not decoded"),
        (b"", "", None),
    ],
)
def test_decode_bytes(data: bytes, text: str, warning: str | None) -> None:
    decoded, warnings = decode_bytes(data)
    assert decoded == text
    assert warnings == ([warning] if warning else [])


def test_html_keeps_article_drops_chrome() -> None:
    prepared = prepare_text((DATA / "news_page.html").read_text(encoding="utf-8"), "html")
    text = prepared.text
    first = "On 9 May 2020, a suicide bomber blew himself up outside a mosque in Kabul, killing 21 people."
    assert first in text
    assert "The Islamic State claimed the attack the next day." in text
    assert "First item of a list\n" in text, "list items are their own lines"
    for furniture in ("killed 99", "font-family", "World", "Other story", "cookies", "All rights reserved"):
        assert furniture not in text, furniture
    assert "people.1" not in text


def test_markdown_links_and_bylines_removed() -> None:
    text = prepare_text((DATA / "washington_institute_head.md").read_text(encoding="utf-8"), "md").text
    assert text.startswith("The Next Afghan Jihad? Taliban Efforts to Contain ISKP")
    assert "(/experts" not in text and "](#)" not in text and "\\(" not in text
    assert "by Amira Jadoon" not in text, "author byline is furniture"
    assert "Amira Jadoon is an assistant professor" not in text, "author bio is furniture"


def test_recommended_tail_is_dropped() -> None:
    text = prepare_text((DATA / "washington_institute_tail.md").read_text(encoding="utf-8"), "txt").text
    assert text.rstrip().endswith("Robert Kaufman Family.")
    assert "RECOMMENDED" not in text and "Oslo at 30" not in text
    assert "increased its rate of external attacks under the Taliban" in text, "link text kept, url dropped"


def test_leave_a_reply_and_bios_are_dropped() -> None:
    text = prepare_text((DATA / "eurasia_review_tail.txt").read_text(encoding="utf-8"), "txt").text
    assert "on August 14, al-Mersaad reported the killing of two prominent ISKP members" in text
    furniture_lines = ("Leave a Reply", "Leave a Comment", "Post navigation", "Lucas Webber", "About the")
    for furniture in furniture_lines:
        assert furniture not in text, furniture


def test_paragraphs_are_separated_by_one_blank_line() -> None:
    prepared = prepare_text("First  paragraph.\r\n\r\n\r\n\r\nSecond\tparagraph.\n", "txt")
    assert prepared == PreparedText("First paragraph.\n\nSecond paragraph.", ())


def test_unknown_format_warns() -> None:
    assert prepare_text("text", "pdf").warnings == ("unknown format 'pdf': treated as txt",)


def test_news_sentence_about_a_journalist_is_not_a_bio() -> None:
    line = "Ahmed Shah is a journalist who was killed in Kabul on 3 May 2020."
    assert prepare_text(line, "txt").text == line


def test_large_document_is_linear() -> None:
    """A multi-megabyte page must not blow up (catastrophic backtracking would hang here)."""
    page = ("On 9 May 2020, militants killed 21 people.[link](/a/b) " * 40 + "\n\n") * 1500
    assert len(prepare_text(page, "md").text) > 2_500_000


@settings(max_examples=200, deadline=None)
@given(st.text(), st.sampled_from(["txt", "md", "html"]))
def test_prepare_text_never_raises(raw: str, fmt: str) -> None:
    assert isinstance(prepare_text(raw, fmt).text, str)


@settings(max_examples=100, deadline=None)
@given(st.binary())
def test_decode_bytes_never_raises(data: bytes) -> None:
    text, warnings = decode_bytes(data)
    assert isinstance(text, str) and isinstance(warnings, list)


@pytest.mark.parametrize(
    ("html", "expected", "why"),
    [
        (
            "<p>Police <b>killed</b> 3 &amp; wounded<br>two others.</p>",
            "Police killed 3 & wounded\ntwo others.",
            "inline tags join, entities decode, <br> is a line break",
        ),
        ("<table><tr><td>Kabul</td><td>21</td></tr></table>", "Kabul 21", "table cells keep a gap"),
        ("<p>One.</p><p>Two.</p>", "One.\n\nTwo.", "paragraphs"),
        ("<script>var killed = 9;</script><p>Text.</p>", "Text.", "scripts dropped"),
        ("", "", "empty page"),
    ],
)
def test_html_to_text(html: str, expected: str, why: str) -> None:
    assert prepare_text(html, "html").text == expected, why


@pytest.mark.parametrize(
    ("raw", "expected", "why"),
    [
        ("# Gunmen attack a village", "Gunmen attack a village", "heading marker"),
        ("> Police said two died.", "Police said two died.", "quote marker"),
        ("- Police said two died.", "Police said two died.", "bullet"),
        ("2) Police said two died.", "Police said two died.", "numbered item"),
        ("Title\n\n## Gunmen attack\n\n* one\n* two", "Title\n\nGunmen attack\n\none\ntwo", "several lines"),
        ("Al-Shabaab - a group - hit on 9-May-20.", "Al-Shabaab - a group - hit on 9-May-20.", "dashes"),
        ("Read https://example.org/a now", "Read now", "bare URL"),
        (r"rank \#1 in the list", "rank #1 in the list", "markdown escape"),
        ("On 9 May 2020, militants attacked Kismayo.", "On 9 May 2020, militants attacked Kismayo.", "plain"),
    ],
)
def test_markdown_line_markers_on_one_and_many_lines(raw: str, expected: str, why: str) -> None:
    """Line-start markers are removed whether the text has one line (a note, a snippet: the
    fast path) or many."""
    assert prepare_text(raw, "md").text == expected, why


@pytest.mark.parametrize(
    ("garbled", "clean"),
    [
        ("A peaceful march in LabÃ© and MÃ©naka.", "A peaceful march in Labé and Ménaka."),
        ("The minister said itâ€™s over â€“ for now.", "The minister said it’s over – for now."),
        ("Ã‰tat de siÃ¨ge", "État de siège"),
    ],
)
def test_utf8_read_as_cp1252_is_repaired(garbled: str, clean: str) -> None:
    assert repair_mojibake(garbled) == clean


@pytest.mark.parametrize(
    "text",
    ["São Paulo, Bogotá, naïve café", "il est allé à\u00a0« bonjour »", "© 2020 Ñandú", "Straße, Ærø"],
)
def test_real_accents_are_left_alone(text: str) -> None:
    assert repair_mojibake(text) == text


def test_a_garbled_town_is_found_after_repair() -> None:
    from extraction.document import Document
    from extraction.engine import Resources, extract_events

    note = "On 3 May 2020, unknown gunmen killed two traders in MÃ©naka."
    (event,) = extract_events(Document(doc_id="n", text=note), Resources.load())
    assert (event["country"], event["location"]) == ("Mali", "Menaka")
