"""Opening a ledger file safely: checks, lock, pragmas, upgrade.

A file that is damaged, not SQLite, not ours, or newer than this program is refused with a
StorageError and left untouched. An older file is copied aside, then upgraded in one transaction.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from peewee import SqliteDatabase

from pairing_desktop.core.errors import DamagedError, StorageError, os_reason
from pairing_desktop.core.i18n import tr
from pairing_desktop.core.storage import schema
from pairing_desktop.core.storage.binding import bind
from pairing_desktop.core.storage.failures import as_storage_error, is_failure
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.core.storage.lock import FileLock

SQLITE_HEADER = b"SQLite format 3\x00"

# WAL + synchronous=FULL: a commit is on disk when it returns (≈0.3 ms here), so a power cut
# loses nothing that was reported saved. Foreign keys on; wait for a busy file instead of failing.
PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "full",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -32000,
}


def readonly_uri(path: Path) -> str:
    """A URI that reads a file without writing anything, not even the -wal/-shm files beside it.

    A file whose -wal is absent is closed (an open WAL database always has one), so it is read as
    immutable; otherwise the WAL holds committed data that must be read with it.
    """
    path = path.resolve()
    wal = path.with_name(path.name + "-wal")
    return f"{path.as_uri()}?{'mode=ro' if wal.exists() else 'immutable=1'}"


# The open-time check. quick_check took 0.04 s on the demo county (9.5 MB) and 0.43–0.49 s on the
# 100,000-household file (219 MB), warm; integrity_check 0.16 s and 8.6 s. So quick_check at every
# open up to 256 MB; the full integrity_check (which also finds index entries that no longer match
# their rows) runs after open off the GUI thread, before every command-line write, and on every
# backup's copy (core.check.verify_integrity, core.backups).
QUICK_CHECK_LIMIT = 256 * 2**20


def inspect_file(path: Path) -> tuple[int, int]:
    """Return (application_id, user_version) of an existing file, read-only; raise if unusable."""
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StorageError(tr("无法读取文件 {path}：{reason}").format(
            path=path, reason=os_reason(exc))) from exc
    if header != SQLITE_HEADER:
        raise StorageError(tr("文件 {path} 不是数据库文件（SQLite），未作任何改动。")
                           .format(path=path))
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            version = con.execute("PRAGMA user_version").fetchone()[0]
            small = path.stat().st_size <= QUICK_CHECK_LIMIT
            ok = con.execute("PRAGMA quick_check").fetchone()[0] if small else "ok"
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedError(tr("数据库文件 {path} 已损坏（{problem}），未作任何改动。").format(
            path=path, problem=exc)) from exc
    if ok != "ok":
        damaged = DamagedError(tr("数据库文件 {path} 已损坏（{problem}），未作任何改动。").format(
            path=path, problem=ok))
        damaged.problem = ok
        damaged.readable = app_id == schema.APPLICATION_ID and version == schema.SCHEMA_VERSION
        raise damaged
    return app_id, version


def open_snapshot(path: Path) -> Ledger:
    """A read-only Ledger on a file that is checked without being changed (`check`): no lock,
    no -wal/-shm files created for a closed file."""
    return Ledger(path, SqliteDatabase(readonly_uri(path), uri=True), None, read_only=True)


class _TemporaryCopy:
    """A folder removed when the ledger read from it closes."""

    def __init__(self, folder: Path):
        self.folder = folder

    def release(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def open_rebuilt(path: Path) -> Ledger:
    """The records of a damaged file as SQLite still reads them, read-only, under its name.

    Every table is copied row by row (a table scan, which no index takes part in) into a new
    file in a temporary folder, and its indexes are built afresh there, so a broken index (the
    usual damage) no longer breaks the lists. `VACUUM INTO` would copy the broken index as it
    is. The damaged file is only read; tables SQLite cannot read through are refused."""
    folder = Path(tempfile.mkdtemp(prefix="pairing-damaged-"))
    copy = folder / path.name
    try:
        _copy_rows(path, copy)
    except sqlite3.Error as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise DamagedError(tr("数据库文件 {path} 损坏严重，连只读打开也不能（{problem}），"
                              "未作任何改动。请用备份恢复，或把文件交给技术支持人员。").format(
                                  path=path, problem=exc)) from exc
    db = SqliteDatabase(readonly_uri(copy), uri=True)
    return Ledger(path, db, _TemporaryCopy(folder), read_only=True)


def _copy_rows(damaged: Path, copy: Path) -> None:
    con = sqlite3.connect(readonly_uri(damaged), uri=True)
    try:
        con.execute("ATTACH DATABASE ? AS fresh", (str(copy),))
        objects = con.execute("SELECT type, name, sql FROM main.sqlite_master WHERE sql IS NOT NULL"
                              " AND name NOT LIKE 'sqlite_%' ORDER BY type = 'index'").fetchall()
        pragmas = [(name, con.execute(f"PRAGMA main.{name}").fetchone()[0])
                   for name in ("application_id", "user_version")]
        for kind, name, sql in objects:
            if kind == "table":
                con.execute(sql.replace("CREATE TABLE ", "CREATE TABLE fresh.", 1))
                con.execute(f'INSERT INTO fresh."{name}" SELECT * FROM main."{name}"')
        con.commit()
        con.execute("DETACH DATABASE fresh")
    finally:
        con.close()
    fresh = sqlite3.connect(copy)
    try:
        for kind, _name, sql in objects:
            if kind == "index":
                fresh.execute(sql)
        for name, value in pragmas:
            fresh.execute(f"PRAGMA {name} = {int(value)}")
        fresh.commit()
    finally:
        fresh.close()


def open_database(path: str | Path, *, lock: bool = True,
                  seed: Callable[[], None] | None = None) -> Ledger:
    """Open (creating if missing) the ledger at `path`; `seed` fills a new file's default rows.

    The domain's defaults are handed in (core.ledgers.open_ledger), so storage knows no domain.
    A `postgresql://` address opens a ledger on a server instead (storage.server)."""
    if isinstance(path, str) and path.startswith(("postgresql://", "postgres://")):
        from pairing_desktop.core.storage.server import open_server

        return open_server(path, seed)
    path = Path(path).expanduser().resolve()
    exists = path.exists() and path.stat().st_size > 0
    version = 0
    if exists:
        app_id, version = inspect_file(path)
        if app_id != schema.APPLICATION_ID:
            raise StorageError(tr("文件 {path} 不是本程序的台账数据库，未作任何改动。")
                               .format(path=path))
        if version > schema.SCHEMA_VERSION:
            raise StorageError(
                tr("数据库 {path} 由更新版本的程序创建（数据结构版本 {version}，"
                   "本程序支持到 {supported}），请升级程序后再打开。").format(
                       path=path, version=version, supported=schema.SCHEMA_VERSION)
            )
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    file_lock = FileLock(path) if lock else None
    if file_lock is not None:
        file_lock.acquire()
    db = None
    try:
        backup = None
        if not exists:
            _create(path, seed)
            version = schema.SCHEMA_VERSION
        elif version < schema.SCHEMA_VERSION:
            backup = _copy_aside(path, version)
        db = SqliteDatabase(str(path), pragmas=PRAGMAS, autoconnect=True)
        db.connect(reuse_if_open=True)
        with bind(db), db.atomic():
            if version < schema.SCHEMA_VERSION:
                _upgrade(db, path, version, backup)
            else:  # indexes added since the file was made (IF NOT EXISTS: free when present)
                schema.ensure_indexes(db)
    except BaseException as exc:
        if db is not None:  # a failed upgrade was rolled back: let go of the file entirely
            db.close()
        if file_lock is not None:
            file_lock.release()
        if is_failure(exc):
            raise as_storage_error(exc, path) from exc
        raise
    return Ledger(path=path, db=db, lock=file_lock, backup=backup)


def _create(path: Path, seed: Callable[[], None] | None) -> None:
    """Make a new ledger complete (schema, default rows, version) under a temporary name, then
    rename it into place: a power cut during the first start leaves no half-made ledger under
    the real name (the leftover is removed at a later start, files.clean_leftovers)."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        db = SqliteDatabase(str(tmp), pragmas=PRAGMAS)
        try:
            with bind(db), db.atomic():
                schema.create_schema(db, seed)
        finally:
            db.close()  # the last connection: the WAL is folded in and removed
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
            leftover.unlink(missing_ok=True)


def _upgrade(db: SqliteDatabase, path: Path, version: int, backup: Path | None) -> None:
    """Run the migrations inside the caller's transaction; a failure rolls the whole file back."""
    try:
        schema.upgrade(db, version)
    except Exception as exc:
        raise StorageError(
            tr("数据库 {path} 从版本 {version} 升级失败（{problem}），文件未作任何改动；"
               "升级前的副本在 {backup}。").format(path=path, version=version, problem=exc,
                                                   backup=backup)
        ) from exc


def _copy_aside(path: Path, version: int) -> Path:
    """Copy a file before upgrading it, with its WAL checkpointed so the copy is complete."""
    con = sqlite3.connect(str(path))
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.v{version}-{stamp}{path.suffix}.bak")
    shutil.copy2(path, backup)
    return backup
