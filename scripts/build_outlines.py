"""Rebuild `report/data/countries.json`, the country outlines drawn under the report's map.

The outlines are Natural Earth's 1:110m countries (public domain) as the `pyogrio` wheel ships
them in its test fixtures (`pyogrio/tests/fixtures/naturalearth_lowres`, 177 countries). No
download is needed: install the two build-only packages, then run the script from the repository
root:

    .venv/bin/pip install 'pyogrio==0.13.*' 'pyshp>=2.3,<4'
    .venv/bin/python scripts/build_outlines.py            # or --shp path/to/naturalearth_lowres.shp

Coordinates are rounded to 0.01 degree, consecutive duplicates dropped and each ring delta-encoded
(first point absolute, then differences, all integers in hundredths of a degree), which keeps
the file near 100 KB; the report decodes it in the browser. The report package itself never
needs pyogrio or pyshp.
"""

from __future__ import annotations

import argparse
import json
from importlib import resources
from pathlib import Path

SCALE = 100  # hundredths of a degree
OUT = Path(__file__).resolve().parent.parent / "report" / "data" / "countries.json"
FIXTURE = "tests/fixtures/naturalearth_lowres/naturalearth_lowres.shp"


def default_shapefile() -> Path:
    """The Natural Earth shapefile inside the installed pyogrio package."""
    return Path(str(resources.files("pyogrio").joinpath(FIXTURE)))


def encode_ring(points: list[tuple[float, float]]) -> list[int]:
    """[x0, y0, dx1, dy1, ...] in hundredths of a degree; repeated points dropped."""
    quantised: list[tuple[int, int]] = []
    for lon, lat in points:
        point = (round(lon * SCALE), round(lat * SCALE))
        if not quantised or quantised[-1] != point:
            quantised.append(point)
    flat: list[int] = []
    previous = (0, 0)
    for x, y in quantised:
        flat += [x - previous[0], y - previous[1]]
        previous = (x, y)
    return flat


def read_countries(shp: Path) -> list[dict[str, object]]:
    """One entry per country: name, ISO 3166 alpha-3 and its encoded rings."""
    import shapefile  # pyshp, a build-only dependency

    reader = shapefile.Reader(str(shp.with_suffix("")))
    names = [field[0] for field in reader.fields[1:]]
    countries = []
    for shape_record in reader.iterShapeRecords():
        record = dict(zip(names, shape_record.record, strict=True))
        shape = shape_record.shape
        starts = list(shape.parts) + [len(shape.points)]
        rings = [encode_ring(shape.points[a:b]) for a, b in zip(starts, starts[1:], strict=False)]
        countries.append({"name": record["name"], "iso3": record["iso_a3"],
                          "rings": [ring for ring in rings if len(ring) >= 8]})
    return countries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shp", type=Path, default=None, help="naturalearth_lowres.shp (default: pyogrio's)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    countries = read_countries(args.shp or default_shapefile())
    payload = {"source": "Natural Earth 1:110m countries (public domain), via pyogrio's test fixture",
               "scale": SCALE, "countries": countries}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(countries)} countries, {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
