"""Prefect orchestration: thin flows over the extraction, schema and warehouse packages.

- `flows.pipeline.pipeline_flow`: raw documents -> extracted events in the warehouse -> Parquet.
- `flows.acled.import_acled_flow`, `flows.acled.export_flow`: ACLED imports and exports.
- `flows.serve.serve_deployments`: the deployments `eventpipe serve` runs on a schedule.
"""
