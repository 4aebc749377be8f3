"""Build the common-word list of the place resolver: English words frequent enough in running text
that a village of that name ('Hope', 'Union', 'Market') needs the text to support its country.

    pip install -e '.[words]'   # wordfreq: build-only, not a runtime dependency
    python scripts/build_common_words.py      # -> extraction/data/common_words.txt

Words are wordfreq's English list (Robyn Speer's wordfreq, data CC BY-SA 4.0) with a Zipf
frequency of at least MIN_ZIPF, alphabetic, at least three letters, folded as the gazetteer
folds names. The output is sorted, one word a line, so rebuilding gives an identical file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extraction.places.spelling import fold_name  # noqa: E402

OUTPUT = REPO / "extraction" / "data" / "common_words.txt"
MIN_ZIPF = 4.0  # about once in 100,000 words: 'market' 5.3, 'hope' 5.4, 'bor' 3.0, 'kibera' 2.0
HEADER = (
    "# English words with a wordfreq Zipf frequency >= {zipf} (wordfreq, CC BY-SA 4.0),\n"
    "# built by scripts/build_common_words.py; a place of one of these names needs context support.\n"
)


def common_words(min_zipf: float = MIN_ZIPF) -> list[str]:
    from wordfreq import iter_wordlist, zipf_frequency

    words = set()
    for word in iter_wordlist("en"):
        if zipf_frequency(word, "en") < min_zipf:
            break
        if word.isalpha() and word.isascii() and len(word) >= 3:
            words.add(fold_name(word))
    return sorted(words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-zipf", type=float, default=MIN_ZIPF)
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    words = common_words(args.min_zipf)
    args.out.write_text(HEADER.format(zipf=args.min_zipf) + "".join(w + "\n" for w in words))
    print(f"{len(words)} words -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
