"""The few SQL spellings that differ between a SQLite file and a PostgreSQL server.

The core's raw aggregates are written once, in SQLite's spelling (the benchmarks run that text
through raw sqlite3); what a server spells differently is translated here, in one place, instead
of `if` branches beside every query.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

from pairing_desktop.core.storage.binding import bound_database
from pairing_desktop.core.storage.ledger import bound_rows

# SQLite's unary + before a column ("don't walk this index": a planner hint) has no meaning on a
# server and no operator for uuid or text there. Binary + is always written with spaces.
_UNARY_PLUS = re.compile(r"(?<=[\s(,])\+(?=[A-Za-z_]\w*\.\w)")
# SQLite's CROSS JOIN … ON is an inner join whose order the planner keeps (a hint too); a server
# only takes a plain JOIN with ON.
_CROSS_JOIN_ON = re.compile(r"\bCROSS JOIN(?=\s+\w+(?:\s+\w+)?\s+ON\b)")


def on_server() -> bool:
    """Whether the ledger bound for this call lives on a server (its parameter style is not ?).
    With none bound (a benchmark's raw sqlite3), SQLite's spelling."""
    db = bound_database()
    return db is not None and db.param != "?"


def for_server(sql: str) -> str:
    """SQLite-spelled SQL as a server runs it: without SQLite's planner hints."""
    return _CROSS_JOIN_ON.sub("JOIN", _UNARY_PLUS.sub("", sql))


def month_text(column: str) -> str:
    """SQL for a date column's month as "YYYY-MM" text: ISO text in a file, DATE on a server."""
    if on_server():
        return f"to_char({column}, 'YYYY-MM')"
    return f"substr({column}, 1, 7)"


def as_date(value: Any) -> dt.date | None:
    """A date column's value as a date: SQLite gives its ISO text, a server a date."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def hex_ids(rows: list[tuple], *columns: int) -> list[tuple]:
    """`rows` with the ids in `columns` as the 32-digit hex a file stores (a server's uuid
    columns come back as UUID objects), so results compare the same from either engine."""
    if not on_server() or not rows:
        return rows
    return [tuple(v.hex if i in columns and isinstance(v, uuid.UUID) else v
                  for i, v in enumerate(row)) for row in rows]


def iso_dates(rows: list[tuple]) -> list[tuple]:
    """`rows` with a server's dates as the ISO text a file gives, for lists that show, search
    and sort the cells as text whichever engine read them."""
    if not on_server() or not rows:
        return rows
    return [tuple(v.isoformat() if isinstance(v, dt.date) else v for v in row) for row in rows]


def file_values(rows: list[tuple]) -> list[tuple]:
    """`rows` as a SQLite file holds them: a server's ids, dates, times and booleans as the hex,
    ISO text and 0/1 a file stores, for code that compares or sends stored values as they are
    (the exchange packages, whose content must not depend on the sender's engine)."""
    if not on_server() or not rows:
        return rows
    return [tuple(map(_file_value, row)) for row in rows]


def _file_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return str(value)  # a datetime as sqlite3 stores it: "YYYY-MM-DD HH:MM:SS[.ffffff]"
    return value


def stored_rows(sql: str, params: Any = ()) -> list[tuple]:
    """Raw SQL on the bound ledger (`bound_rows`), its values as a file stores them."""
    return file_values(bound_rows(sql, params))


def entry_order() -> str:
    """ORDER BY text for "in the order the records were entered": SQLite's rowid (the table's
    own order, no sort); a server has no such order, so the creation time, then the id."""
    return "created_at, id" if on_server() else "rowid"
