"""Schema versions: creation of a new file and the upgrades of older ones.

The version lives in SQLite's `PRAGMA user_version`; `PRAGMA application_id` marks a file as ours
so that a random SQLite file is refused instead of being "upgraded". A ledger on a PostgreSQL
server (storage.server), which has neither, keeps both in a one-row table `pairing_ledger`, and
numbers its rows with a PL/pgSQL trigger function instead of SQLite triggers.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import Database, FloatField, PostgresqlDatabase, SqliteDatabase

from pairing_desktop.core.storage.ledger import bound_rows
from pairing_desktop.core.storage.models import ALL_MODELS, SYNC_MODELS

APPLICATION_ID = 0x50414952  # "PAIR"
SCHEMA_VERSION = 4

# Rules the database enforces itself, so no path (GUI, importer, a second office's merge) can skip
# them. Partial indexes ignore tombstoned rows: a deleted record frees its name.
INDEXES = [
    "CREATE UNIQUE INDEX IF NOT EXISTS ux_township_name ON township(name) WHERE deleted_at IS NULL",
    "CREATE UNIQUE INDEX IF NOT EXISTS ux_village_name ON village(township_id, name)"
    " WHERE deleted_at IS NULL",
    "CREATE UNIQUE INDEX IF NOT EXISTS ux_unit_name ON unit(name) WHERE deleted_at IS NULL",
    "CREATE UNIQUE INDEX IF NOT EXISTS ux_rank_name ON rank(name) WHERE deleted_at IS NULL",
    "CREATE UNIQUE INDEX IF NOT EXISTS ux_cadre_id ON cadre(id_number)"
    " WHERE deleted_at IS NULL AND id_number IS NOT NULL",
    "CREATE UNIQUE INDEX IF NOT EXISTS ux_household_id ON household(id_number)"
    " WHERE deleted_at IS NULL AND id_number IS NOT NULL",
    "CREATE UNIQUE INDEX IF NOT EXISTS ux_farmer_id ON farmer_party_member(id_number)"
    " WHERE deleted_at IS NULL AND id_number IS NOT NULL",
    "CREATE UNIQUE INDEX IF NOT EXISTS ux_assignment_open ON assignment(household_id)"
    " WHERE deleted_at IS NULL AND ended_on IS NULL",
    "CREATE UNIQUE INDEX IF NOT EXISTS ux_activity_type_code ON activity_type(code)"
    " WHERE deleted_at IS NULL",
    # lists sort and search in SQL: index the columns they use
    "CREATE INDEX IF NOT EXISTS ix_household_head ON household(head_name)",
    "CREATE INDEX IF NOT EXISTS ix_cadre_name ON cadre(name)",
    # names in pinyin order (core.sort_keys): a page of a list sorted by name walks these
    *(f"CREATE INDEX IF NOT EXISTS ix_{m._meta.table_name}_sort ON {m._meta.table_name}(sort_key)"
      for m in ALL_MODELS if "sort_key" in m._meta.fields),
    # The report counts the different cadres, households and farmers paired in a period: indexes
    # led by each id and holding the term let SQLite count them in index order, without a sort.
    "CREATE INDEX IF NOT EXISTS ix_assignment_cadre_term ON assignment(cadre_id, ended_on,"
    " started_on, deleted_at, household_id)",
    "CREATE INDEX IF NOT EXISTS ix_assignment_household_term ON assignment(household_id,"
    " started_on, ended_on, deleted_at)",
    "CREATE INDEX IF NOT EXISTS ix_member_pairing_cadre_term ON party_member_pairing(cadre_id,"
    " started_on, ended_on, deleted_at, farmer_id)",
    "CREATE INDEX IF NOT EXISTS ix_member_pairing_farmer_term ON party_member_pairing(farmer_id,"
    " started_on, ended_on, deleted_at)",
    "CREATE INDEX IF NOT EXISTS ix_activity_date ON activity(date)",
    # The figures and duty checks read a year of activities at a time: an index holding every
    # column they use lets SQLite read the index alone (about 3x faster at 200,000 records).
    "CREATE INDEX IF NOT EXISTS ix_activity_figures ON activity(date, type_id, pairing_id,"
    " household_id, cadre_id, deleted_at, participants, people, households, money_yuan, area_mu,"
    " items)",
    "CREATE INDEX IF NOT EXISTS ix_activity_pairing ON activity(pairing_id, date)",
    "CREATE INDEX IF NOT EXISTS ix_target_pairing ON target(pairing_id, year)",
    "CREATE UNIQUE INDEX IF NOT EXISTS ux_operator_name ON operator(name)"
    " WHERE deleted_at IS NULL",
    # the 操作日志 window filters by operator or kind, newest first: 400 ms → 2–17 ms at 1M
    "CREATE INDEX IF NOT EXISTS ix_history_operator ON history(operator, seq)",
    "CREATE INDEX IF NOT EXISTS ix_history_kind ON history(kind, seq)",
]

# The tables with a pinyin key beside a name (core.sort_keys)
KEYED_TABLES = [m._meta.table_name for m in ALL_MODELS if "sort_key" in m._meta.fields]

# The tables whose rows carry a change number (models.BaseModel.rev).
REVISED = [m._meta.table_name for m in ALL_MODELS
           if "merged_rev" in m._meta.fields and m not in SYNC_MODELS]


# Columns derived from others, whose writing alone is no change of the record: the pinyin key
# of a name (core.sort_keys) is set after the name, and must not travel to an office as an edit.
DERIVED = ("sort_key",)


def _counted_columns(model: type) -> str:
    """The columns whose writing is a change of the row: all but the derived ones."""
    return ", ".join(f'"{f.column_name}"' for f in model._meta.sorted_fields
                     if f.name not in DERIVED)


def _revision_triggers(model: type) -> list[str]:
    """A write that leaves `rev` as it was gets the ledger's next change number: every path that
    writes a row (an operation, the importer, the demo, letters, a tool) numbers it, and none
    can forget. A merge, which sets `rev` itself, is left alone, and so is a write of derived
    columns only. Recursive triggers are off, so the inner UPDATE does not fire the trigger
    again."""
    table = model._meta.table_name
    columns = _counted_columns(model)
    body = ("BEGIN UPDATE sync_clock SET rev = rev + 1 WHERE id = 1; "
            f"UPDATE \"{table}\" SET rev = (SELECT rev FROM sync_clock WHERE id = 1) "
            "WHERE rowid = NEW.rowid; END")
    return [
        f"CREATE TRIGGER IF NOT EXISTS rev_{table}_insert AFTER INSERT ON \"{table}\""
        f" WHEN NEW.rev = 0 {body}",
        f"CREATE TRIGGER IF NOT EXISTS rev_{table}_update AFTER UPDATE OF {columns}"
        f" ON \"{table}\" WHEN NEW.rev = OLD.rev {body}",
    ]


TRIGGERS = [sql for model in ALL_MODELS if model._meta.table_name in REVISED
            for sql in _revision_triggers(model)]

# The same rule on a server: a BEFORE trigger sets NEW.rev itself (no second UPDATE of the row).
# The UPDATE of sync_clock's one row also queues concurrent writers on it until commit, so the
# numbers are given in commit order, as a merge expects of them.
SERVER_TRIGGERS = [
    "CREATE OR REPLACE FUNCTION pairing_number_row() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN IF (TG_OP = 'INSERT' AND NEW.rev = 0) OR (TG_OP = 'UPDATE' AND NEW.rev = OLD.rev) "
    "THEN UPDATE sync_clock SET rev = rev + 1 WHERE id = 1 RETURNING rev INTO NEW.rev; END IF; "
    "RETURN NEW; END $$",
    *(f'CREATE OR REPLACE TRIGGER rev_{m._meta.table_name} BEFORE INSERT OR UPDATE OF '
      f'{_counted_columns(m)} ON "{m._meta.table_name}" '
      "FOR EACH ROW EXECUTE FUNCTION pairing_number_row()"
      for m in ALL_MODELS if m._meta.table_name in REVISED),
]
SERVER_META = ("CREATE TABLE pairing_ledger (application_id INTEGER NOT NULL,"
               " version INTEGER NOT NULL)")


def is_server(db: Database) -> bool:
    return isinstance(db, PostgresqlDatabase)


def server_version(db: Database) -> int | None:
    """The schema version of a server database, None where it holds no ledger (yet)."""
    if db.execute_sql("SELECT to_regclass('pairing_ledger')").fetchone()[0] is None:
        return None
    row = db.execute_sql("SELECT application_id, version FROM pairing_ledger").fetchone()
    if row is None or row[0] != APPLICATION_ID:
        return None
    return row[1]


def server_indexes_complete(db: Database) -> bool:
    """Whether a server database has every index and trigger of this version (checked at open
    instead of re-running the CREATEs, which would lock each table against writers a moment)."""
    names = [sql.split(" IF NOT EXISTS ")[1].split()[0] for sql in INDEXES]
    have = db.execute_sql("SELECT count(*) FROM pg_indexes WHERE indexname = ANY(%s)",
                          (names,)).fetchone()[0]
    triggers = db.execute_sql("SELECT count(*) FROM pg_trigger WHERE tgname = ANY(%s)",
                              ([f"rev_{table}" for table in REVISED],)).fetchone()[0]
    return have == len(names) and triggers == len(REVISED)


def _set_version(db: Database, created: bool) -> None:
    if not is_server(db):
        if created:
            db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    elif created:
        db.execute_sql(SERVER_META)
        db.execute_sql("INSERT INTO pairing_ledger VALUES (%s, %s)",
                       (APPLICATION_ID, SCHEMA_VERSION))
    else:
        db.execute_sql("UPDATE pairing_ledger SET version = %s", (SCHEMA_VERSION,))

# A bulk writer numbers its rows itself, all with one number taken for the batch (`next_rev`),
# by writing this expression into `rev`: the triggers then leave the rows alone, which saves
# them two small writes a row (bench/bench_sync.py measures the difference).
CURRENT_REV = "(SELECT rev FROM sync_clock WHERE id = 1)"


def next_rev() -> int:
    """Take the ledger's next change number (on the bound ledger, in the caller's
    transaction) for a batch of rows written together."""
    bound_rows("UPDATE sync_clock SET rev = rev + 1 WHERE id = 1")
    return bound_rows("SELECT rev FROM sync_clock WHERE id = 1")[0][0]


def create_schema(db: SqliteDatabase, seed: Callable[[], None] | None = None) -> None:
    """Create every table and index of the current version, then let `seed` (the domain's
    default rows, bound to this file) fill it, all inside the caller's transaction."""
    db.create_tables(ALL_MODELS)
    db.execute_sql("INSERT INTO sync_clock (id, rev) VALUES (1, 0)")
    ensure_indexes(db)
    if seed is not None:
        seed()
    _set_version(db, created=True)


def ensure_indexes(db: SqliteDatabase) -> None:
    """Create the indexes and triggers a file lacks: they reach existing files without a
    version."""
    for sql in (*INDEXES, *(SERVER_TRIGGERS if is_server(db) else TRIGGERS)):
        db.execute_sql(sql)


def _add_operators_and_history(db: SqliteDatabase) -> None:
    """Version 2: operators and the history of changes (a v1 file had neither)."""
    from pairing_desktop.core.storage.models import HistoryEntry, Operator

    db.create_tables([Operator, HistoryEntry])


def _add_change_numbers(db: SqliteDatabase) -> None:
    """Version 3: change numbers on every row (exchange between offices, optimistic locking),
    and a pinyin sort key beside each name.

    Every existing row counts as changed here once (number 1), so the first package to an
    office carries it; the triggers are created after (ensure_indexes), so this UPDATE is not
    numbered row by row."""
    for table in REVISED:
        have = {row[1] for row in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()}
        for column, sql_type in (("rev", "INTEGER NOT NULL DEFAULT 0"),
                                 ("merged_rev", "INTEGER NOT NULL DEFAULT 0"),
                                 ("vv", "TEXT NOT NULL DEFAULT ''")):
            if column not in have:  # a v1 file's operator table was made at version 3's shape
                db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN {column} {sql_type}')
        if table in KEYED_TABLES and "sort_key" not in have:  # filled at open (core.sort_keys)
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN sort_key VARCHAR(255)')
        db.execute_sql(f'UPDATE "{table}" SET rev = 1')
    db.create_tables(SYNC_MODELS)
    db.execute_sql("INSERT INTO sync_clock (id, rev) VALUES (1, 1)")


# The number columns (money, areas, incomes, targets' figures), by table.
NUMBER_COLUMNS = {m._meta.table_name: [f.column_name for f in m._meta.sorted_fields
                                       if isinstance(f, FloatField)] for m in ALL_MODELS}


def _double_precision_numbers(db: SqliteDatabase) -> None:
    """Version 4: a server ledger's numbers as doubles, as a file's REAL always was (a server
    made them float4, storage.server.ServerDatabase). Converted through text, which gives a
    float4's shortest exact digits, so a stored 0.1 stays 0.1 (a direct cast would make it
    0.100000001490116) and every value reads as before. A column that a trigger names cannot
    change type: the change-number trigger goes and comes back (ensure_indexes, after the
    migrations, in the same transaction). ALTER TABLE fires no row trigger: no record counts
    as changed. Nothing to do in a file."""
    if not is_server(db):
        return
    db.execute_sql("SET LOCAL extra_float_digits = 1")  # the shortest exact text (PG 12+)
    for table, columns in NUMBER_COLUMNS.items():
        if columns:
            db.execute_sql(f'DROP TRIGGER IF EXISTS rev_{table} ON "{table}"')
            db.execute_sql(f'ALTER TABLE "{table}" ' + ", ".join(
                f'ALTER COLUMN "{c}" TYPE double precision USING "{c}"::text::double precision'
                for c in columns))


# MIGRATIONS[n] upgrades a file from version n to n + 1 (playhouse.migrate or plain SQL).
MIGRATIONS: dict[int, Callable[[SqliteDatabase], None]] = {1: _add_operators_and_history,
                                                           2: _add_change_numbers,
                                                           3: _double_precision_numbers}


def upgrade(db: SqliteDatabase, from_version: int) -> None:
    """Run the migrations from `from_version` to SCHEMA_VERSION; the caller holds a transaction."""
    for version in range(from_version, SCHEMA_VERSION):
        MIGRATIONS[version](db)
    ensure_indexes(db)
    _set_version(db, created=False)
