"""Place vocabulary as data: words.toml (word lists) and extra_places.csv (places the gazetteer lacks)."""
