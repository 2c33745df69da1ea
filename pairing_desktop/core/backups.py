"""Backups a clerk never has to think about, and a restore that cannot make things worse.

A backup is a consistent copy made with SQLite's online backup API (storage.snapshot), checked
after writing (integrity check and record counts), kept in the backup folder with the signed
letters' scans, copied to a second folder when one is set (a USB stick, a network share: a missing
one is a warning, not an error), and rotated: the newest of each of the last 7 days, 4 weeks and
12 months are kept (numbers that are settings). Restoring checks the backup first, keeps the
current file aside, and puts the copy in place under the ledger's name.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pairing_desktop.core import auth
from pairing_desktop.core.check import check_file
from pairing_desktop.core.errors import RefusedError, StorageError, ValidationError, os_reason
from pairing_desktop.core.files import atomic_output, clean_leftovers
from pairing_desktop.core.i18n import Phrase, tr
from pairing_desktop.core.operations.base import operation
from pairing_desktop.core.operations.settings import set_setting
from pairing_desktop.core.storage import schema
from pairing_desktop.core.storage.db import inspect_file
from pairing_desktop.core.storage.failures import is_failure
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger
from pairing_desktop.core.storage.lock import FileLock
from pairing_desktop.core.storage.models import Setting
from pairing_desktop.core.storage.snapshot import copy_ledger, require_file

SUFFIX = ".backup"
STAMP = "%Y%m%d-%H%M%S"
KEY = "backups"
DEFAULTS: dict[str, Any] = {"folder": "", "second_folder": "", "minutes": 30,
                            "daily": 7, "weekly": 4, "monthly": 12}


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: dt.datetime  # local time, from the name (the file's time when renamed by hand)
    version: int
    integrity: str
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return self.integrity == "ok"

    @property
    def age_text(self) -> str:
        days = (dt.datetime.now() - self.made_at).days
        return tr("今天") if days <= 0 else tr("{n} 天前").format(n=days)


@dataclass
class BackupResult:
    info: BackupInfo
    copies: list[Path] = field(default_factory=list)  # the second folder's copy, if made
    warnings: list[str] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)  # rotated away


# --- settings ---------------------------------------------------------------------------------


@uses_ledger
def backup_settings(ledger: Ledger) -> dict[str, Any]:
    row = Setting.get_or_none(Setting.key == KEY)
    return {**DEFAULTS, **(json.loads(row.value) if row else {})}


def set_backup_settings(ledger: Ledger, **values: Any) -> Any:
    """Change where and how often backups are made; every clerk may (it protects their work)."""
    merged = backup_settings(ledger)
    errors = {}
    for name, value in values.items():
        if name not in DEFAULTS:
            errors[name] = tr("{name}：不是备份的设置").format(name=name)
        elif name in ("folder", "second_folder"):
            merged[name] = str(value or "").strip()
        elif isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1000:
            errors[name] = tr("备份数量和间隔：应为 1 至 1000 的整数")
        else:
            merged[name] = value
    if errors:
        raise ValidationError(errors)
    return set_setting(ledger, KEY, merged, Phrase("修改备份设置"), auth.PRINT)


def folder_of(ledger: Ledger) -> Path:
    """Where backups go: the setting, or `backups/` beside the ledger."""
    chosen = backup_settings(ledger)["folder"]
    return Path(chosen) if chosen else ledger.path.parent / "backups"


# --- making one ---------------------------------------------------------------------------------


def backup_name(ledger_path: Path, when: dt.datetime) -> str:
    return f"{ledger_path.stem}-{when.strftime(STAMP)}{SUFFIX}"


def make_backup(ledger: Ledger, out: Path | None = None,
                now: dt.datetime | None = None) -> BackupResult:
    """Back the ledger up now (to `out`, or a new file in the backup folder), check the copy,
    copy the scans along, rotate, and record it. Refuses an `out` that is the ledger itself."""
    require_file(ledger)
    now = now or dt.datetime.now()
    folder = folder_of(ledger)
    dest = Path(out) if out is not None else folder / backup_name(ledger.path, now)
    check_backup_target(ledger, dest)
    with atomic_output(dest) as part:
        copy_ledger(ledger, part)
    info = inspect_backup(dest)
    if not info.ok:
        dest.unlink(missing_ok=True)
        raise StorageError(tr("备份检查未通过（{problem}），已删除这份备份。"
                              "请运行 pairing-desktop check 检查台账文件。").format(
                                  problem=info.integrity))
    result = BackupResult(info)
    try:
        _copy_scans(ledger.path.parent / "scans", dest.parent / "scans")
    except OSError as exc:
        result.warnings.append(tr("签订扫描件没有全部备份（{reason}）。").format(
            reason=os_reason(exc)))
    second = backup_settings(ledger)["second_folder"]
    if second and out is None:
        try:
            copy = Path(second) / dest.name
            shutil.copyfile(dest, copy.with_name(copy.name + ".part"))
            os.replace(copy.with_name(copy.name + ".part"), copy)
            _copy_scans(ledger.path.parent / "scans", Path(second) / "scans")
            result.copies.append(copy)
        except OSError as exc:
            result.warnings.append(tr("第二备份位置 {folder} 不可用（{reason}），本次只备份到了"
                                      "本机。插好 U 盘或连上网络盘后再备份一次。").format(
                                          folder=second, reason=os_reason(exc)))
    if out is None:
        keep = backup_settings(ledger)
        try:
            result.removed = rotate(folder, ledger.path.stem, keep["daily"], keep["weekly"],
                                    keep["monthly"], now)
            clean_leftovers(folder)
        except OSError as exc:
            result.warnings.append(tr("旧备份没有清理（{reason}），下次备份时再试。").format(
                reason=os_reason(exc)))
    record_backup(ledger, info)
    return result


def check_backup_target(ledger: Ledger, dest: Path) -> None:
    """Never write a backup over the ledger, a folder, or another program's file."""
    if dest.resolve() == ledger.path.resolve():
        raise ValidationError({"out": tr("备份文件：不能是正在使用的台账本身，请另选文件名")})
    if dest.is_dir():
        raise ValidationError({"out": tr("备份文件：{path} 是一个文件夹，请给出文件名").format(
            path=dest)})
    if dest.exists():
        try:
            app_id, _version = inspect_file(dest)
        except StorageError:
            app_id = None
        if app_id != schema.APPLICATION_ID or not dest.name.endswith(SUFFIX):
            raise ValidationError({"out": tr("备份文件：{path} 已存在且不是本程序的备份，未覆盖")
                                   .format(path=dest)})


def _copy_scans(source: Path, target: Path) -> None:
    """Mirror the signed letters' scans: copy new or changed files (a scan is never edited)."""
    if not source.is_dir():
        return
    target.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        copy = target / path.name
        if path.is_file() and (not copy.exists() or copy.stat().st_size != path.stat().st_size):
            shutil.copyfile(path, copy.with_name(copy.name + ".part"))
            os.replace(copy.with_name(copy.name + ".part"), copy)


def record_backup(ledger: Ledger, info: BackupInfo) -> None:
    """A line in the history, when someone is logged in (the command line may back up without;
    a backup made on a read connection off the GUI thread is recorded after, on the ledger)."""
    if ledger.operator is None or ledger.read_only:
        return
    with operation(ledger, Phrase("备份台账"), auth.PRINT, stack=None) as op:
        op.created("backup", info.path.name, {"file": str(info.path), **info.counts})


# --- what a backup holds ------------------------------------------------------------------------


def made_at(path: Path) -> dt.datetime:
    stamp = path.name.removesuffix(SUFFIX).rsplit("-", 2)
    try:
        return dt.datetime.strptime("-".join(stamp[-2:]), STAMP)
    except ValueError:
        return dt.datetime.fromtimestamp(path.stat().st_mtime)


def inspect_backup(path: Path) -> BackupInfo:
    """A backup's date, version, integrity and counts, read without changing it."""
    try:
        report = check_file(path)  # the same checks as `pairing-desktop check`, history chain too
    except Exception as exc:
        if not is_failure(exc):
            raise
        raise StorageError(tr("备份 {path} 已损坏（{problem}），不能使用。").format(
            path=path, problem=exc)) from exc
    if report.version > schema.SCHEMA_VERSION:
        raise StorageError(tr("备份 {path} 由更新版本的程序创建，请升级程序后再恢复。").format(
            path=path))
    problems = report.integrity if report.integrity != "ok" else (
        "ok" if report.chain.ok else report.chain.problem)
    return BackupInfo(report.path, made_at(report.path), report.version, problems,
                      report.counts)


def list_backups(folder: Path, stem: str | None = None) -> list[Path]:
    """Backups in a folder, newest first (by the time in their names)."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.name.endswith(SUFFIX) and p.is_file()
             and (stem is None or p.name.startswith(f"{stem}-"))]
    return sorted(found, key=made_at, reverse=True)


def newest_good(folder: Path, stem: str) -> BackupInfo | None:
    """The newest backup that passes its checks: what to offer when a ledger is damaged."""
    for path in list_backups(folder, stem):
        try:
            info = inspect_backup(path)
        except StorageError:
            continue
        if info.ok:
            return info
    return None


def rotate(folder: Path, stem: str, daily: int, weekly: int, monthly: int,
           now: dt.datetime | None = None) -> list[Path]:
    """Keep every backup of the last 24 hours, and the newest of each of the last `daily` days,
    `weekly` ISO weeks and `monthly` months; remove the rest. Returns what was removed.

    The last day is kept whole because a backup's name tells when it was made, not how new its
    records are: after restoring an older copy, the next backup must not push out the one made
    that morning, which still holds the newer work."""
    now = now or dt.datetime.now()
    backups = list_backups(folder, stem)
    keep: set[Path] = {p for p in backups if now - made_at(p) < dt.timedelta(days=1)}
    for count, period in ((daily, lambda t: t.date()),
                          (weekly, lambda t: t.isocalendar()[:2]),
                          (monthly, lambda t: (t.year, t.month))):
        seen: list[Any] = []
        for path in backups:  # newest first: the first of a period is its newest
            key = period(made_at(path))
            if key not in seen:
                seen.append(key)
                if len(seen) <= count:
                    keep.add(path)
    removed = [p for p in backups if p not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


# --- restoring ---------------------------------------------------------------------------------


def restore_backup(backup: Path, db_path: Path) -> Path:
    """Put a backup in place of the ledger at `db_path` (which must not be open anywhere).

    The backup is checked first (a damaged one is refused); the current file, with its -wal and
    -shm, is kept aside under a dated name, which is returned."""
    info = inspect_backup(backup)
    if not info.ok:
        raise RefusedError(tr("备份 {path} 已损坏（{problem}），不能用来恢复。").format(
            path=backup, problem=info.integrity))
    db_path = Path(db_path).resolve()
    if db_path == Path(backup).resolve():
        raise ValidationError({"db": tr("台账文件：不能与备份是同一个文件")})
    lock = FileLock(db_path)
    lock.acquire()  # refused while the ledger is open in a window
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".part",
                                        dir=db_path.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            shutil.copyfile(backup, tmp)
            with tmp.open("rb+") as fh:
                os.fsync(fh.fileno())
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StorageError(tr("无法写入 {path}（{reason}），台账未作任何改动。").format(
                path=db_path.parent, reason=os_reason(exc))) from exc
        stamp = dt.datetime.now().strftime(STAMP)
        aside = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}{db_path.suffix}")
        if db_path.exists():
            for extra in ("", "-wal", "-shm"):
                part = db_path.with_name(db_path.name + extra)
                if part.exists():
                    os.replace(part, aside.with_name(aside.name + extra))
        os.replace(tmp, db_path)
    finally:
        lock.release()
    return aside
