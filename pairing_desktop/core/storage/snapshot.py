"""A consistent copy of an open ledger, made with SQLite's online backup API.

Copying `ledger.db` with the file manager while the program runs leaves out what is still in the
`-wal` file; the backup API copies the database as the connection sees it, committed pages only,
while the window keeps working. The caller writes to a temporary name and renames it into place
(core.files.atomic_output), so a kill or a full disk never leaves half a backup under its name.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pairing_desktop.core.errors import StorageError
from pairing_desktop.core.i18n import tr
from pairing_desktop.core.storage.ledger import Ledger

PAGES_PER_STEP = 1024  # 4 MB at a time: other work on the ledger is not held up for long


def require_file(ledger: Ledger) -> None:
    """Refuse to back up a ledger on a server: it has no file to copy; the server's own tools
    (pg_dump, its scheduled backups) do this for every office at once."""
    if ledger.server is not None:
        raise StorageError(tr("台账在服务器上（{server}），本程序不能把它复制成备份文件："
                              "请由服务器管理员用 pg_dump 备份。").format(server=ledger.server))


def copy_ledger(ledger: Ledger, dest: Path) -> None:
    """Write a consistent, self-contained copy of `ledger` into the (new or empty) file `dest`."""
    require_file(ledger)
    try:
        target = sqlite3.connect(dest)
        try:
            ledger._db.connection().backup(target, pages=PAGES_PER_STEP)
            target.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
        finally:
            target.close()
    except sqlite3.Error as exc:
        raise StorageError(tr("备份没有写成（{problem}），原有的备份未受影响。").format(
            problem=exc)) from exc
