"""One program instance per ledger file, with an OS lock on a `.lock` file beside it.

The OS drops the lock when the process dies, so a power cut or a kill never leaves a stale lock.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pairing_desktop.core.errors import StorageError
from pairing_desktop.core.i18n import tr

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl


class FileLock:
    def __init__(self, db_path: Path):
        self.path = db_path.with_name(db_path.name + ".lock")
        self._fh = None

    def acquire(self) -> None:
        fh = open(self.path, "a+b")  # noqa: SIM115 - held open for the life of the lock
        try:
            if sys.platform == "win32":
                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            fh.close()
            raise StorageError(
                tr("数据库 {path} 已在另一个窗口或另一台电脑上打开，"
                   "请先关闭那边的程序。").format(path=self.path.with_suffix(''))
            ) from exc
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()).encode())
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is None:
            return
        if sys.platform == "win32":
            self._fh.seek(0)
            msvcrt.locking(self._fh.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            fcntl.flock(self._fh.fileno(), fcntl.LOCK_UN)
        self._fh.close()
        self._fh = None
