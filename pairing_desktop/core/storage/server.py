"""A ledger on a PostgreSQL server, shared by the clerks of one office (`--db postgresql://…`).

The same models, rules and operations run on it; what differs is kept here and in
`schema` (the version in a table instead of `PRAGMA user_version`, PL/pgSQL triggers for the
change numbers). There is no file: no lock (many clients are the point; two saves of one record
are told apart by its change number, `ops.save(…, expected_rev=…)`), no file check and no copy
of the file as a backup: the server is backed up with its own tools (pg_dump).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any, ClassVar
from urllib.parse import urlsplit, urlunsplit

from peewee import InterfaceError, OperationalError, PostgresqlDatabase

from pairing_desktop.core.errors import StorageError
from pairing_desktop.core.i18n import tr
from pairing_desktop.core.storage import schema
from pairing_desktop.core.storage.binding import bind
from pairing_desktop.core.storage.ledger import Ledger

SCHEMES = ("postgresql://", "postgres://")


def is_server_url(where: object) -> bool:
    """True for a `postgresql://` (or `postgres://`) address; a path or file name is False."""
    return isinstance(where, str) and where.startswith(SCHEMES)


def shown(url: str) -> str:
    """The address without its password, for messages, titles and the recent list."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}@{host}"))


class ServerDatabase(PostgresqlDatabase):
    """peewee's PostgreSQL database opened from a URL, remembering it for readers."""

    # peewee makes a FloatField `real` on PostgreSQL: float4, about 7 significant digits, so
    # 12345.678 万元 came back as 12345.68 and the county's sums drifted. A file's REAL is a
    # double; the server's numbers are too (schema version 4 converts older server ledgers).
    field_types: ClassVar[dict[str, str]] = {**PostgresqlDatabase.field_types,
                                             "FLOAT": "DOUBLE PRECISION"}

    def __init__(self, url: str, read_only: bool = False):
        from psycopg2.extensions import parse_dsn

        try:
            params = parse_dsn(url)
        except Exception as exc:
            raise StorageError(tr("服务器地址 {url} 写得不对（{problem}）。"
                                  "格式如 postgresql://用户名@服务器/数据库名").format(
                                      url=shown(url), problem=exc)) from exc
        self.url = url
        name = params.pop("dbname", None)
        if read_only:
            params["options"] = "-c default_transaction_read_only=on"
        super().__init__(name, autoconnect=True, **params)


# Raw SQL in core is written for SQLite's parameter style (`?`, `:name`); psycopg2 takes `%s` and
# `%(name)s`, and a literal `%` must be doubled. SQLite's null-safe `IS NOT ?` is PostgreSQL's
# `IS DISTINCT FROM`. Statements are few and fixed: translate each once.
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_IS_NOT = re.compile(r"\bIS NOT (?=\?|:[A-Za-z_])")


@functools.lru_cache(maxsize=512)
def portable(sql: str, named: bool) -> str:
    sql = _IS_NOT.sub("IS DISTINCT FROM ", sql.replace("%", "%%"))
    if named:
        return _NAMED.sub(r"%(\1)s", sql)
    return sql.replace("?", "%s")


def rows(db: ServerDatabase, sql: str, params: Any = ()) -> list[tuple]:
    """Raw SQL's rows, as sqlite3 gives them: none for a statement that returns none."""
    cursor = db.execute_sql(portable(sql, isinstance(params, dict)), params)
    return cursor.fetchall() if cursor.description is not None else []


def _failure(url: str, exc: Exception) -> StorageError:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return StorageError(tr("连不上台账服务器 {url}（{problem}）。"
                           "请检查地址、用户名和网络，或请管理员确认服务器在运行。").format(
                               url=shown(url), problem=text))


def open_server(url: str, seed: Callable[[], None] | None = None) -> Ledger:
    """Open the ledger in the server database `url`, creating it in an empty database.

    Creation and upgrades run under an advisory lock, so two clients starting together never
    both create the schema; a database holding tables that are not a ledger is refused."""
    db = ServerDatabase(url)
    try:
        db.connect()
    except (OperationalError, InterfaceError) as exc:
        raise _failure(url, exc) from exc
    try:
        with bind(db), db.atomic():
            db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (schema.APPLICATION_ID,))
            version = schema.server_version(db)
            if version is None:
                if db.get_tables():
                    raise StorageError(tr("服务器数据库 {url} 里已有别的数据，不是本程序的"
                                          "台账，未作任何改动。请新建一个空数据库给台账用。")
                                       .format(url=shown(url)))
                schema.create_schema(db, seed)
            elif version > schema.SCHEMA_VERSION:
                raise StorageError(
                    tr("服务器上的台账 {url} 由更新版本的程序创建（数据结构版本 {version}，"
                       "本程序支持到 {supported}），请升级本机的程序后再打开。").format(
                           url=shown(url), version=version, supported=schema.SCHEMA_VERSION))
            elif version < schema.SCHEMA_VERSION:
                _upgrade(db, url, version)
            elif not schema.server_indexes_complete(db):
                schema.ensure_indexes(db)
    except BaseException as exc:
        db.close()
        if isinstance(exc, OperationalError | InterfaceError):  # the connection went away
            raise _failure(url, exc) from exc
        raise
    return Ledger(path=None, db=db, lock=None, server=shown(url))


def _upgrade(db: ServerDatabase, url: str, version: int) -> None:
    """The migrations, in the opening transaction: a failure leaves the database as it was."""
    try:
        schema.upgrade(db, version)
    except Exception as exc:
        raise StorageError(tr("服务器上的台账 {url} 从版本 {version} 升级失败（{problem}），"
                              "数据库未作任何改动。").format(
                                  url=shown(url), version=version, problem=exc)) from exc


def open_reader(ledger: Ledger) -> Ledger:
    """A second, read-only connection to the same server database (work off the GUI thread)."""
    db = ServerDatabase(ledger._db.url, read_only=True)
    reader = Ledger(path=None, db=db, lock=None, read_only=True, server=ledger.server)
    reader.operator = ledger.operator
    return reader


def open_server_reader(url: str) -> Ledger:
    """A read-only connection to an existing server ledger (`check`): an empty database, one
    holding something else or a newer ledger is refused, and nothing is created."""
    db = ServerDatabase(url, read_only=True)
    try:
        db.connect()
        version = schema.server_version(db)
    except (OperationalError, InterfaceError) as exc:
        db.close()
        raise _failure(url, exc) from exc
    if version != schema.SCHEMA_VERSION:
        db.close()
        raise StorageError(tr("服务器数据库 {url} 里没有本版本程序的台账"
                              "（数据结构版本 {version}）。").format(
                                  url=shown(url), version=version or tr("无")))
    return Ledger(path=None, db=db, lock=None, read_only=True, server=shown(url))
