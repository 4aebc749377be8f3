"""eventpipe: news and analysis texts -> ACLED-compatible conflict events.

This package is the application edge (CLI, settings, errors). The extraction engine lives in
`extraction`, the ACLED contract in `schemas`, the DuckDB warehouse in `warehouse` and the Prefect
orchestration in `flows`.
"""

__version__ = "0.1.0"
