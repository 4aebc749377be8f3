"""Text preparation's shortcuts (the invisible-character pass only when there is something to
remove, one whitespace pass, cheap tests before the furniture regexes) change no output."""

from __future__ import annotations

import random

import pytest

from extraction.reading import documents
from extraction.reading import text as text_module
from extraction.reading.text import _INVISIBLE, _INVISIBLE_CHARS, drop_boilerplate, prepare_text


@pytest.mark.parametrize(
    "raw",
    ["plain prose, nothing hidden.", "zero\u200bwidth and soft\u00adhyphen", "\ufeffBOM first", "é ü ’ “x”"],
)
def test_prepared_text_is_the_same_as_translating_always(raw: str) -> None:
    assert prepare_text(raw).text == prepare_text(raw.translate(_INVISIBLE)).text


@pytest.mark.parametrize("char", list(_INVISIBLE_CHARS))
def test_every_invisible_character_is_removed(char: str) -> None:
    assert char not in prepare_text(f"Gunmen{char} attacked{char}").text


def _plain_boilerplate(text: str) -> tuple[str, int]:
    """drop_boilerplate as it reads without its shortcuts: whitespace per line, every regex run."""
    lines = [text_module._WS_RE.sub(" ", line).strip(text_module._ORNAMENTS) for line in text.split("\n")]
    cut = text_module._tail_cut(lines)
    kept, dropped = [], len(lines) - cut
    for line in lines[:cut]:
        furniture = line and (
            (len(line) < 60 and text_module._BOILERPLATE_LINE_RE.match(line))
            or (len(line) < 300 and text_module._COOKIE_RE.search(line))
            or (
                len(line) < text_module._BIO_MAX_CHARS
                and text_module._BIO_RE.match(line)
                and not text_module._VIOLENCE_RE.search(line)
            )
            or text_module._BREADCRUMB_RE.match(line)
            or line.startswith("(/")
            or line in {"#", "|", "❖"}
        )
        if furniture:
            dropped += 1
        else:
            kept.append(line)
    return text_module._BLANKS_RE.sub("\n\n", "\n".join(kept)).strip(), dropped


BOILERPLATE_LINES = [
    "Home > News > Africa",
    "Home » World » Sahel » Mali",
    "News / Region / Story",
    "Gunmen attacked a convoy > later that day / officials said",
    "We use cookies to improve your visit.",
    "WE USE COOKIES ON THIS SITE",
    "This website uses cookieſ to track you.",  # long s: IGNORECASE reads it as 's'
    "Accept all cookies",
    "Cookie policy",
    "Amina Yusuf is a researcher at a think tank.",
    "John Smith was a reporter who was shot in 2019.",
    "  Police\u00a0\u00a0dispersed   the\tcrowd  ",
    "\u3000spaced\u2003out\u202fline ",
    "❖ Share this article",
    "Leave a Reply",
    "",
    "Troops clashed with rebels near the river on Monday.",
]


@pytest.mark.parametrize("seed", range(4))
def test_drop_boilerplate_is_the_plain_line_by_line_pass(seed: int) -> None:
    rng = random.Random(seed)
    lines = [rng.choice(BOILERPLATE_LINES) for _ in range(30)]
    text = "\n".join(lines)
    assert drop_boilerplate(text) == _plain_boilerplate(text)
    for line in BOILERPLATE_LINES:
        assert drop_boilerplate(line) == _plain_boilerplate(line)


@pytest.mark.parametrize(
    "text",
    [
        "The police said the attack killed two of the men in the town on Monday and Tuesday.",
        "Le président a dit que la ville est calme et que les gens sont rentrés chez eux.",
        "one two",
        "",
        "x " * 40,
    ],
)
def test_looks_english_counts_function_words_as_before(text: str) -> None:
    words = documents._WORD_RE.findall(text[:20_000].lower())
    share = sum(w in documents._ENGLISH_WORDS for w in words) / len(words) if words else 0.0
    plain = bool(words) if len(words) < 12 else share >= 0.05
    assert documents._looks_english(text) == plain
