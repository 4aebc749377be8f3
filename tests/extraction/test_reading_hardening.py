"""Reading hostile or odd text (issue 11, item 11): invisible characters, and HTML whose cost
must stay linear in its size however deeply it nests or however it breaks."""

from __future__ import annotations

import time

import pytest

from extraction.reading.html import html_to_text
from extraction.reading.text import prepare_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Riots in Nai\u200brobi.", "Riots in Nairobi."),  # zero-width space
        ("\ufeffProtest in Gar\u200cissa\u2060.", "Protest in Garissa."),  # BOM, ZWNJ, word joiner
        ("Clashes in Mo\u00adga\u00addishu.", "Clashes in Mogadishu."),  # soft hyphens
    ],
)
def test_invisible_characters_are_removed_before_extraction(raw: str, expected: str) -> None:
    assert prepare_text(raw).text == expected


def cpu_seconds(function, *args) -> float:
    started = time.process_time()
    function(*args)
    return time.process_time() - started


def test_deep_nesting_is_linear() -> None:
    deep = "<html><body>" + "<div>" * 50_000 + "Kabul" + "</div>" * 50_000 + "</body></html>"
    assert html_to_text(deep).strip() == "Kabul"
    assert cpu_seconds(html_to_text, deep) < 1.0


def test_a_two_megabyte_page_reads_in_under_two_seconds() -> None:
    paragraph = "<p>On 3 May, gunmen attacked <b>Kaura Namoda</b> in Zamfara. <a href='/x'>More</a></p>\n"
    page = "<html><body><nav>Menu</nav><article>" + paragraph * (2_000_000 // len(paragraph)) + "</article>"
    assert cpu_seconds(prepare_text, page, "html") < 2.0


@pytest.mark.parametrize(
    "broken",
    ['<a href="' * 200_000, "<!-- x " * 200_000, "a < b " * 300_000, "<div>" * 100_000 + "x"],
    ids=["unclosed quotes", "unclosed comments", "bare angle brackets", "unclosed divs"],
)
def test_broken_markup_stays_linear(broken: str) -> None:
    assert cpu_seconds(html_to_text, broken) < 1.5


@pytest.mark.parametrize(
    ("html", "expected", "why"),
    [
        ("<p>A &amp; B</p>", "\n\nA & B\n\n", "entities decode, paragraphs break"),
        ("<script>x<p>y</p></script><p>z</p>", "\n\nz\n\n", "a script's text is never read"),
        ("<div aria-hidden='true'><div>h</div></div>d", "d", "a hidden subtree goes, nested divs too"),
        ("<div class='related links'>r</div>t", "t", "a widget class is dropped"),
        ("<img src='a>b'>c", "c", "a quoted '>' does not end a tag"),
        ("x<br/>y", "x\ny", "a self-closing break"),
        ("<td>a</td><td>b</td>", "a b ", "cells keep a gap"),
    ],
)
def test_html_to_text_keeps_what_a_reader_sees(html: str, expected: str, why: str) -> None:
    assert html_to_text(html) == expected, why
