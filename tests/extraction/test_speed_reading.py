"""Text preparation skips the invisible-character pass only when there is nothing to remove."""

from __future__ import annotations

import pytest

from extraction.reading.text import _INVISIBLE, _INVISIBLE_CHARS, prepare_text


@pytest.mark.parametrize(
    "raw",
    ["plain prose, nothing hidden.", "zero\u200bwidth and soft\u00adhyphen", "\ufeffBOM first", "é ü ’ “x”"],
)
def test_prepared_text_is_the_same_as_translating_always(raw: str) -> None:
    assert prepare_text(raw).text == prepare_text(raw.translate(_INVISIBLE)).text


@pytest.mark.parametrize("char", list(_INVISIBLE_CHARS))
def test_every_invisible_character_is_removed(char: str) -> None:
    assert char not in prepare_text(f"Gunmen{char} attacked{char}").text
