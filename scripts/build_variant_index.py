"""Build the gazetteer's variant index: transliteration variant key -> the GeoNames names sharing it.

    python scripts/build_variant_index.py     # -> extraction/data/gazetteer_variants.tsv.gz

`extraction.places.folding.variant_index` over the packaged gazetteer's folded names (the same
function the engine applies to the text's names and to the ACLED place table's keys), written
once so the engine does not spend ~2 s computing it at its first unknown name. Rebuild it after
`scripts/build_gazetteer.py` or a change of `folding.py` (a test checks it is current).
Deterministic: sorted rows, gzip header without a timestamp or file name.
"""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extraction.places.folding import variant_index  # noqa: E402
from extraction.places.gazetteer import VARIANTS_FILE, Gazetteer  # noqa: E402

OUTPUT = REPO / "extraction" / "data" / VARIANTS_FILE


def render(index: dict[str, tuple[str, ...]]) -> bytes:
    """The gzipped TSV (header + 'variant<TAB>name|name' rows, sorted)."""
    text = "variant\tnames\n" + "".join(f"{v}\t{'|'.join(names)}\n" for v, names in sorted(index.items()))
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        handle.write(text.encode("utf-8"))
    return buffer.getvalue()


def main() -> int:
    index = variant_index(Gazetteer.load().geonames_keys())
    OUTPUT.write_bytes(render(index))
    print(f"{len(index)} variant keys -> {OUTPUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
