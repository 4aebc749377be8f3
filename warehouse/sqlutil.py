"""Small SQL helpers: identifier quoting and reading packaged `.sql` files."""

from __future__ import annotations

from importlib import resources


def quote_ident(name: str) -> str:
    """Quote one identifier for DuckDB; values are never interpolated, only bound."""
    return '"' + name.replace('"', '""') + '"'


def column_list(names: tuple[str, ...] | list[str], prefix: str = "") -> str:
    """`a, b, c` (or `p.a, p.b`) with every name quoted."""
    return ", ".join(prefix + quote_ident(name) for name in names)


def read_sql(package: str, name: str) -> str:
    """Text of a packaged `.sql` file (read with importlib.resources, not a relative path)."""
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def list_sql(package: str) -> list[str]:
    """Names of the `.sql` files of a package, sorted (migrations rely on the order)."""
    return sorted(entry.name for entry in resources.files(package).iterdir() if entry.name.endswith(".sql"))
