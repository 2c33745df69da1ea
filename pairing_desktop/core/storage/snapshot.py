"""A consistent copy of an open ledger, made with SQLite's online backup API.

Copying `ledger.db` with the file manager while the program runs leaves out what is still in the
`-wal` file; the backup API copies the database as the connection sees it, committed pages only,
while the window keeps working. The copy is written under a temporary name in the destination
folder, synced, and renamed into place, so a kill or a full disk never leaves half a backup under
a backup's name.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from pairing_desktop.core.errors import StorageError
from pairing_desktop.core.storage.ledger import Ledger

PAGES_PER_STEP = 1024  # 4 MB at a time: other work on the ledger is not held up for long


def copy_ledger(ledger: Ledger, dest: Path) -> Path:
    """Write a consistent copy of `ledger` to `dest` (replacing it only once complete)."""
    dest = Path(dest)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
        os.close(fd)
    except OSError as exc:
        raise StorageError(f"无法写入备份文件夹 {dest.parent}：{exc.strerror or exc}。"
                           "请检查 U 盘或网络盘是否已连接、是否有写入权限。") from exc
    tmp = Path(tmp_name)
    try:
        target = sqlite3.connect(tmp)
        try:
            source = ledger._db.connection()
            source.backup(target, pages=PAGES_PER_STEP)
            target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            target.close()
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise StorageError(f"备份没有写成（{reason}），原有的备份未受影响。") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest
