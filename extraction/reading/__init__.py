"""Reading a document: decoding and cleaning its text (HTML, Markdown, footnotes), cutting a huge
text into pieces, and splitting it into sentences and clauses. Every later stage reads the
prepared text these functions return, and span offsets refer to it."""

from extraction.reading.clauses import Clause, split_clauses
from extraction.reading.documents import PIECE_JOINER, iter_sentences, prepared_pieces
from extraction.reading.numbers import NUMBER_PATTERN, parse_number
from extraction.reading.sentences import Sentence, split_sentences
from extraction.reading.text import lower_matches_ignorecase, prepare_text

__all__ = [
    "Clause",
    "NUMBER_PATTERN",
    "PIECE_JOINER",
    "Sentence",
    "iter_sentences",
    "lower_matches_ignorecase",
    "parse_number",
    "prepare_text",
    "prepared_pieces",
    "split_clauses",
    "split_sentences",
]
