"""The open ledger as an object: the one thing the window, the command line and workers hold.

A `Ledger` owns its peewee connection; nothing outside `core.storage` touches it. Core functions
take the Ledger as their first argument (`@uses_ledger` binds it for the call), so a worker's
read connection (`reader()`) and the window's ledger can never be mixed up, and switching files
is handing out another object, not re-binding a global.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar
from urllib.parse import parse_qs, urlsplit

from peewee import SQL, Database, NodeList, SqliteDatabase

from pairing_desktop.core.errors import StorageError
from pairing_desktop.core.i18n import tr
from pairing_desktop.core.storage.binding import ROUTED, bind

P = ParamSpec("P")
R = TypeVar("R")
Self = TypeVar("Self")

# A reader waits for the window's writes instead of failing; it never writes (query_only).
READER_PRAGMAS = {"busy_timeout": 5000, "cache_size": -16000, "query_only": 1}


class Held(Protocol):
    """What an open ledger lets go of when it closes: its file lock (storage.lock), or the
    temporary copy a damaged file is read from (storage.db.open_rebuilt)."""

    def release(self) -> None: ...


class Ledger:
    """An open ledger file: its connection, the lock that keeps it ours, and who is working.

    `operator` is the logged-in operator (core.auth), `session` what this opening remembers
    (the undo stack); both belong to this object, never to a module."""

    def __init__(self, path: Path | None, db: Database, lock: Held | None,
                 backup: Path | None = None, read_only: bool = False, server: str | None = None):
        # A ledger on a PostgreSQL server (storage.server) has no file: `path` is its address
        # (without password), so messages and re-opening name it; `server` says it is one.
        self.path: Any = server if path is None else path
        self.server = server
        self._db = db
        self.lock = lock
        self.backup = backup  # the copy made before an upgrade, if any
        self.read_only = read_only
        self.operator: Any = None
        self.session: dict[str, Any] = {}
        self.damage: str | None = None  # what the full integrity check found: nothing writes

    def __repr__(self) -> str:
        return f"Ledger({str(self.path)!r}{', read-only' if self.read_only else ''})"

    # What differs between a file and a server, said once: the window and the core ask these
    # instead of treating `path` as a file.

    @property
    def is_server(self) -> bool:
        return self.server is not None

    @property
    def name(self) -> str:
        """A short name for titles and suggested file names: the file's stem, or the database's."""
        if self.server is not None:
            return urlsplit(self.server).path.strip("/") or "postgres"
        return Path(self.path).stem

    @property
    def label(self) -> str:
        """How a title names it: the file's name, or `database @ server`."""
        if self.server is not None:
            parts = urlsplit(self.server)
            host = parts.hostname or parse_qs(parts.query).get("host", ["localhost"])[0]
            return f"{self.name} @ {host}"
        return Path(self.path).name

    @property
    def folder(self) -> Path:
        """Where the files that go with the ledger are kept (letters' scans, suggested exports):
        beside the file, so they travel together; for a server ledger, a folder of the user's
        data folder named after the server (paths.server_folder)."""
        if self.server is not None:
            from pairing_desktop.core.paths import server_folder

            return server_folder(self.server)
        return Path(self.path).resolve().parent

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._db.is_closed() and self.lock is None

    @contextmanager
    def bound(self) -> Iterator[Ledger]:
        """Route the models to this ledger for the block (this thread only); re-entrant."""
        with bind(self._db):
            yield self

    @contextmanager
    def atomic(self) -> Iterator[Ledger]:
        """One transaction on this ledger (a savepoint when one is already open)."""
        with bind(self._db), self._db.atomic():
            yield self

    def in_transaction(self) -> bool:
        return self._db.in_transaction()

    def execute(self, sql: str, params: Any = ()) -> list[tuple]:
        """Raw SQL for the aggregates that peewee would only slow down (reports, checks).

        Written with SQLite's `?`/`:name` parameters; on a server they are translated."""
        if self.server is not None:
            from pairing_desktop.core.storage.dialect import for_server
            from pairing_desktop.core.storage.server import rows

            return rows(self._db, for_server(sql), params)
        return self._db.execute_sql(sql, params).fetchall()

    def pragma(self, name: str) -> Any:
        if self.server is not None:
            raise StorageError(tr("服务器上的台账没有 SQLite 的设置项 {name}。").format(name=name))
        return self._db.execute_sql(f"PRAGMA {name}").fetchone()[0]

    def reader(self) -> Ledger:
        """A second, read-only connection on the same file, for work off the GUI thread.

        Open it in the thread that uses it and close it there: it sees every committed write
        of the window (WAL) and cannot change the file."""
        if self.server is not None:
            from pairing_desktop.core.storage.server import open_reader

            return open_reader(self)
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        db = SqliteDatabase(uri, uri=True, pragmas=READER_PRAGMAS, autoconnect=True)
        reader = Ledger(self.path, db, lock=None, read_only=True)
        reader.operator = self.operator
        return reader

    def close(self) -> None:
        if not self._db.is_closed():
            self._db.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def uses_ledger(fn: Callable[Concatenate[Ledger, P], R]) -> Callable[Concatenate[Ledger, P], R]:
    """Bind the Ledger given as the first argument while `fn` runs."""

    @functools.wraps(fn)
    def inner(ledger: Ledger, *args: P.args, **kwargs: P.kwargs) -> R:
        with ledger.bound():
            return fn(ledger, *args, **kwargs)

    return inner


def uses_own_ledger(method: Callable[Concatenate[Self, P], R]) -> Callable[Concatenate[Self, P], R]:
    """Bind `self.ledger` while a method runs (lists that page lazily hold their Ledger)."""

    @functools.wraps(method)
    def inner(self: Any, *args: P.args, **kwargs: P.kwargs) -> R:
        with self.ledger.bound():
            return method(self, *args, **kwargs)

    return inner


def unindexed(expr: Any) -> Any:
    """`expr` for ORDER BY with SQLite told not to walk its index (unary +: a search's matches
    sort faster than the index finds them). PostgreSQL plans this itself and has no unary + on
    text, so there the expression stays as it is."""
    if ROUTED.obj.param != "?":
        return expr
    return NodeList((SQL("+"), expr), glue="")


def bound_rows(sql: str, params: Any = ()) -> list[tuple]:
    """Raw SQL on the ledger bound by the caller (inside a function that took the Ledger)."""
    db = ROUTED.obj
    if db.param != "?":  # a server: its own parameter style (storage.server.portable)
        from pairing_desktop.core.storage.dialect import for_server
        from pairing_desktop.core.storage.server import rows

        return rows(db, for_server(sql), params)
    return db.execute_sql(sql, params).fetchall()


def bound_executemany(sql: str, rows: Any) -> None:
    """Bulk insert on the bound ledger: as fast as raw sqlite3, unlike insert_many (demo data)."""
    db = ROUTED.obj
    if db.param != "?":
        from pairing_desktop.core.storage.server import portable

        sql = portable(sql, False)
    db.cursor().executemany(sql, rows)
