"""The Qt layer: widgets and table models over the core; no SQL and no business rule here."""
