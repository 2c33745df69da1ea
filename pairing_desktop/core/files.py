"""Writing output files so that a kill or a full disk never leaves half a file under its name,
and never writing over what must not be written over (the ledger, a backup, a folder).

Every output goes to a temporary name in the destination folder and is renamed into place when
complete (a rename within a folder is atomic); leftovers of a killed run carry the `.part`
suffix and a leading dot, and are removed by `clean_leftovers` at the next start.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pairing_desktop.core.errors import PairingError, StorageError, ValidationError, os_reason
from pairing_desktop.core.i18n import tr
from pairing_desktop.core.storage import schema

PART = ".part"
STALE_SECONDS = 3600  # a leftover older than this cannot belong to a run still going


def check_output(path: Path, suffixes: Iterable[str], field: str = "out") -> Path:
    """Refuse an output path that is a folder, has the wrong suffix, or is a ledger or backup
    of this program, before any work is done or recorded."""
    from pairing_desktop.core.storage.db import inspect_file

    path = Path(path)
    allowed = tuple(s.lower() for s in suffixes)
    if path.is_dir():
        raise ValidationError({field: tr("输出文件：{path} 是一个文件夹，请给出文件名").format(
            path=path)})
    if path.suffix.lower() not in allowed:
        raise ValidationError({field: tr("输出文件：应以 {suffixes} 结尾").format(
            suffixes=tr(" 或 ").join(allowed))})
    if path.is_file():
        try:
            app_id, _version = inspect_file(path)
        except StorageError:
            app_id = None
        if app_id == schema.APPLICATION_ID:
            raise ValidationError({field: tr("输出文件：{path} 是台账或台账备份，不能覆盖").format(
                path=path)})
    return path


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; once the block ends without error the file is
    synced and renamed to `path`, otherwise removed (the old `path`, if any, is untouched)."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PART, dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise PairingError(tr("无法写入 {path}：{reason}。请检查磁盘空间和文件夹的写入权限。")
                           .format(path=path.parent, reason=os_reason(exc))) from exc
    tmp = Path(name)
    try:
        yield tmp
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise PairingError(tr("无法写入 {path}：{reason}。原有文件未受影响。").format(
            path=path, reason=os_reason(exc))) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def clean_leftovers(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files and folders (a letter batch's) a killed run left in `folder`
    (only stale ones)."""
    now = now or time.time()
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in folder.iterdir():
        try:
            stale = now - path.stat().st_mtime > STALE_SECONDS
        except OSError:
            continue
        if not (path.name.startswith(".") and PART in path.name and stale):
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path)
    return removed
