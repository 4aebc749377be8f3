"""SQL views, one per file, re-created on every writable connection (`warehouse.migrate`)."""
