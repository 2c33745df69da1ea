"""Storage: the database file (open, pragmas, lock), the models and the schema versions."""
