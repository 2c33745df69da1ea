"""`pairing-desktop check`: what a ledger file holds and whether it is sound, read-only."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from pairing_desktop.core.errors import StorageError
from pairing_desktop.core.storage import schema
from pairing_desktop.core.storage.db import inspect_file, readonly_uri
from pairing_desktop.core.storage.models import database


@dataclass
class CheckReport:
    path: Path
    version: int
    integrity: str  # "ok" or SQLite's list of problems
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return self.integrity == "ok"


def check_file(path: str | Path) -> CheckReport:
    """Inspect a ledger without changing it; raise StorageError when it is not a usable ledger."""
    from pairing_desktop.core import records

    path = Path(path)
    if not path.exists():
        raise StorageError(f"文件 {path} 不存在。")
    app_id, version = inspect_file(path)
    if app_id != schema.APPLICATION_ID:
        raise StorageError(f"文件 {path} 不是本程序的台账数据库。")
    db = SqliteDatabase(readonly_uri(path), uri=True)
    database.initialize(db)
    try:
        rows = db.execute_sql("PRAGMA integrity_check").fetchall()
        integrity = "\n".join(r[0] for r in rows)
        counts = records.counts() if version == schema.SCHEMA_VERSION else {}
    finally:
        db.close()
    return CheckReport(path=path, version=version, integrity=integrity, counts=counts)
