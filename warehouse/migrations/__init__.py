"""Named, ordered schema migrations (`NNNN_name.sql`), applied by `warehouse.migrate`."""
