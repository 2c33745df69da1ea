"""Backups in the window: made at start, every few minutes of editing and at exit, without the
clerk waiting; the backup settings; and the texts and questions of a restore.

The core does the work (`core.backups`: the online backup API, the check of each copy, the
second folder, the rotation). Here a backup runs off the GUI thread on its own read-only
connection, because checking the copy is what takes the time: on the 100,000-household province
file the copy took 0.5 s and its integrity check 7 s, on a county's 10 MB file 0.2 s in all.
A read-only connection cannot write the history, so the line of the 操作日志 is written on the
GUI thread when the copy is done.

A failure of an automatic backup (a full disk, a pulled-out stick) is a line in the status bar
and the log, never a dialog in the middle of typing; the backups the clerk asks for answer with a
message.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QWidget,
)

from pairing_desktop.core import backups, check
from pairing_desktop.core.entities import ENTITIES
from pairing_desktop.core.errors import DamagedError, PairingError, StorageError
from pairing_desktop.core.ledgers import open_damaged, open_ledger
from pairing_desktop.core.storage.failures import is_failure
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.ui.background import Background
from pairing_desktop.ui.dialogs import Ask
from pairing_desktop.ui.operations import LedgerHost

log = logging.getLogger(__name__)

# How long closing the window (or leaving a file for another) waits for the last backup.
EXIT_WAIT_SECONDS = 60
FOLDERS_KEY = "backup_folders"  # QSettings: each ledger's backup folder, for a damaged file
# SQLite's words for a file it cannot read through (SQLITE_CORRUPT, SQLITE_NOTADB).
DAMAGE_WORDS = ("malformed", "not a database", "corrupt")


def tr(text: str) -> str:
    return QCoreApplication.translate("backups", text)


class Kind(Enum):
    """Why a backup is made: the automatic ones, 立即备份, and 备份到… a file."""

    START = "start"
    TIMER = "timer"
    EXIT = "exit"
    NOW = "now"
    TO_FILE = "to_file"

    @property
    def asked(self) -> bool:
        """The clerk asked for it and waits for the answer."""
        return self in (Kind.NOW, Kind.TO_FILE)


# --- the work, off the GUI thread ----------------------------------------------------------------


def back_up_on_reader(ledger: Ledger, out: Path | None,
                      now: dt.datetime | None) -> backups.BackupResult:
    """`make_backup` on a read-only connection of its own (opened and closed in this thread).

    The core says what went wrong with the backup folder; a failure it leaves unsaid (a scan
    that cannot be copied, a stick pulled out while rotating) is said here in the same words."""
    try:
        with ledger.reader() as reader:
            return backups.make_backup(reader, out, now)
    except PairingError:
        raise
    except Exception as exc:
        if isinstance(exc, OSError) or is_failure(exc):
            reason = getattr(exc, "strerror", None) or exc
            raise StorageError(tr("备份没有做成（{0}）。台账本身未受影响；"
                                  "请检查备份文件夹所在的磁盘或 U 盘。").format(reason)) from exc
        raise


def record_backup(ledger: Ledger, info: backups.BackupInfo) -> None:
    """The backup's line in the 操作日志, written by the window's own connection.

    core.backups writes it inside make_backup only on a connection that may write; it has no
    public name for writing it afterwards yet, so its own function is called."""
    try:
        backups.record_backup(ledger, info)  # see the docstring
    except PairingError as exc:  # a damaged or read-only file, a viewer: the backup still stands
        log.warning("Backup %s not recorded: %s", info.path, exc)


class Backups(QObject):
    """The automatic backups of the window's ledger, and the ones the clerk asks for.

    Off until `start()` (the program's start calls it; a window built by a test makes no backup
    unless asked). Then: a backup now, one every `minutes` (the ledger's setting, or
    `interval_ms` when given) while something was changed since the last, and one in `leave()`
    before the ledger is closed. `clock` gives the time in the backups' names."""

    made = Signal(object, object)  # BackupResult, Kind
    failed = Signal(str, object)  # message, Kind
    status = Signal(str)  # a line for the status bar

    def __init__(self, host: LedgerHost, owner: QWidget, *, interval_ms: int | None = None,
                 clock: Callable[[], dt.datetime] | None = None):
        super().__init__(owner)
        self.host = host
        self.enabled = False
        self.changes = 0  # operations since the last backup began
        self._pending = 0  # the operations the running backup holds
        self._interval_ms = interval_ms
        self._clock = clock or dt.datetime.now
        self._auto_kind = Kind.START
        self._auto = Background(owner, tr("自动备份"))
        self._auto.done.connect(lambda result: self._done(result, self._auto_kind))
        self._auto.refused.connect(lambda message: self._failed(message, self._auto_kind))
        self._to_file = Background(owner, tr("备份到文件"))
        self._to_file.done.connect(lambda result: self._done(result, Kind.TO_FILE))
        self._to_file.refused.connect(lambda message: self._failed(message, Kind.TO_FILE))
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        host.changed.connect(self._on_changes)

    @property
    def automatic(self) -> bool:
        """Backups are made by themselves: switched on, and the ledger a file (a server's
        ledger is backed up by the server, with pg_dump)."""
        return self.enabled and not self.host.ledger.is_server

    @property
    def running(self) -> bool:
        return self._auto.running or self._to_file.running

    def interval_ms(self) -> int:
        if self._interval_ms is not None:
            return self._interval_ms
        try:
            minutes = backups.backup_settings(self.host.ledger)["minutes"]
        except Exception:  # a damaged settings table: the default, and the check says the rest
            minutes = backups.DEFAULTS["minutes"]
        return int(minutes) * 60_000

    # --- switching on and off ------------------------------------------------------------------

    def start(self, back_up_now: bool = True) -> None:
        """Automatic backups from now on: one now (after the login), then by the timer."""
        self.enabled = True
        self.reload()
        if back_up_now and self.automatic:
            self.back_up(Kind.START)

    def stop(self) -> None:
        self.enabled = False
        self.timer.stop()

    def reload(self) -> None:
        """The interval again (the settings changed, or another file)."""
        if self.automatic:
            self.timer.start(self.interval_ms())
        else:
            self.timer.stop()

    def reset(self, back_up_now: bool) -> None:
        """Another ledger in the window: nothing of the old one's backups arrives, nothing of
        it is counted; `back_up_now` makes the new one's first backup."""
        self._auto.forget()
        self._to_file.forget()
        self.changes = self._pending = 0
        self.reload()
        if self.automatic and back_up_now:
            self.back_up(Kind.START)

    def leave(self, seconds: float = EXIT_WAIT_SECONDS) -> bool:
        """Before the ledger is closed (exit, another file): wait for a backup under way, then
        (when automatic backups are on) back up what was changed since the last one, waiting
        `seconds` at most in all. Nothing of this ledger's backups arrives afterwards. False
        when a backup did not end in time (it goes on; only its line in the history is lost)."""
        self.timer.stop()
        deadline = time.monotonic() + seconds
        self.wait(deadline)
        if self.automatic and (self.changes or self._pending) and not self.host.ledger.damage:
            self.status.emit(tr("正在备份台账，请稍候……"))
            self.back_up(Kind.EXIT)
            self.wait(deadline)
        ended = not self.running
        if not ended:
            log.warning("A backup of %s did not end within %s s", self.host.ledger.path, seconds)
        self._auto.forget()
        self._to_file.forget()
        return ended

    def wait(self, deadline: float) -> bool:
        """Let the backups under way end (events are delivered, input is not) until `deadline`
        (time.monotonic()); True when none is left running."""
        for work in (self._auto, self._to_file):
            remaining = int((deadline - time.monotonic()) * 1000)
            if work.running and remaining > 0:
                loop = QEventLoop()
                timer = QTimer()
                timer.setSingleShot(True)
                timer.timeout.connect(loop.quit)
                work.ended.connect(loop.quit)
                timer.start(remaining)
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
                timer.stop()
                work.ended.disconnect(loop.quit)
        return not self.running

    # --- making one ------------------------------------------------------------------------------

    def back_up(self, kind: Kind, out: Path | None = None) -> None:
        """Start a backup of the window's ledger (`out`: 备份到… that file)."""
        ledger = self.host.ledger
        if kind is Kind.TO_FILE:
            self._to_file.start(back_up_on_reader, ledger, out, None)
            return
        self._auto_kind = kind
        self._pending += self.changes
        self.changes = 0
        self._auto.start(back_up_on_reader, ledger, None, self._clock())

    def _on_changes(self, _changes: object) -> None:
        self.changes += 1

    def _tick(self) -> None:
        if self.changes and not self._auto.running and not self.host.ledger.damage:
            self.back_up(Kind.TIMER)

    def _done(self, result: backups.BackupResult, kind: Kind) -> None:
        if kind is not Kind.TO_FILE:
            self._pending = 0
        record_backup(self.host.ledger, result.info)
        log.info("Backup (%s) made: %s %s", kind.value, result.info.path, result.info.counts)
        for warning in result.warnings:
            log.warning("Backup (%s): %s", kind.value, warning)
        text = tr("已备份 {0:%H:%M}：{1}").format(result.info.made_at, result.info.path.name)
        if kind is Kind.TO_FILE:
            text = tr("已备份到 {0}").format(result.info.path)
        if result.warnings:
            text += tr("（注意：{0}）").format("；".join(result.warnings))
        self.status.emit(text)
        self.made.emit(result, kind)

    def _failed(self, message: str, kind: Kind) -> None:
        if kind is not Kind.TO_FILE:
            self.changes += self._pending  # still to be backed up
            self._pending = 0
        log.warning("Backup (%s) failed: %s", kind.value, message)
        self.status.emit(tr("备份没有做成：{0}").format(message))
        self.failed.emit(message, kind)


def verify(ledger: Ledger, folders: list[Path]) -> tuple[str, backups.BackupInfo | None]:
    """Off the GUI thread: SQLite's full integrity check of the ledger (`check.verify_integrity`
    marks a ledger that fails as damaged, and every operation on it is refused from then on);
    when it fails, the newest good backup in `folders` as well."""
    try:
        problems = check.verify_integrity(ledger)
    except Exception as exc:
        if not is_failure(exc):
            raise
        if not any(word in str(exc).lower() for word in DAMAGE_WORDS):  # locked, I/O: not damage
            raise StorageError(tr("无法检查台账文件 {0}（{1}）。").format(ledger.path, exc)) \
                from exc
        problems = str(exc)  # SQLite cannot even read it through: as damaged as a failed check
        ledger.damage = problems
    if problems == "ok":
        return problems, None
    return problems, newest_good(folders, ledger.path.stem)


# --- what the clerk reads ------------------------------------------------------------------------


# The records a clerk recognises a backup by (the status bar's, and the activities); ranks and
# activity types are the county's settings, the same in every backup.
SHOWN_COUNTS = ("township", "village", "unit", "cadre", "household", "farmer", "uv_pairing",
                "assignment", "activity")


def counts_text(counts: dict[str, int]) -> str:
    shown = [f"{ENTITIES[k].label} {counts[k]}" for k in SHOWN_COUNTS
             if k in ENTITIES and counts.get(k)]
    return "，".join(shown) or tr("（没有记录）")


def describe(info: backups.BackupInfo) -> str:
    """A backup's file, time, age, check and counts, as lines."""
    check = tr("完好") if info.ok else tr("已损坏（{0}）").format(info.integrity.splitlines()[0])
    return tr("备份文件：{0}\n备份时间：{1:%Y-%m-%d %H:%M}（{2}）\n"
              "检查结果：{3}\n记录数：{4}").format(
        info.path, info.made_at, info.age_text, check, counts_text(info.counts))


def result_text(result: backups.BackupResult) -> str:
    lines = [tr("备份已完成，并已检查。"), "", describe(result.info)]
    lines += [tr("另存一份到：{0}").format(copy) for copy in result.copies]
    if result.warnings:
        lines += ["", tr("注意："), *result.warnings]
    return "\n".join(lines)


def restore_question(info: backups.BackupInfo, ledger_path: Path) -> str:
    return tr("要用下面这份备份恢复台账 {0} 吗？\n\n{1}\n\n"
              "备份之后所做的修改会从台账中消失。当前的台账文件不会删除，"
              "会先另存为 {2}.before-restore-（日期时间）{3}，需要时还能打开。"
              "恢复后请重新登录。").format(ledger_path, describe(info), ledger_path.stem,
                                   ledger_path.suffix)


def restored_text(info: backups.BackupInfo, ledger_path: Path, aside: Path) -> str:
    return tr("已用 {0:%Y-%m-%d %H:%M} 的备份恢复台账 {1}。\n\n"
              "原来的台账文件没有删除，另存为：\n{2}").format(info.made_at, ledger_path, aside)


def damage_text(ledger_path: Path, problem: str) -> str:
    return tr("台账文件 {0} 的完整性检查没有通过（{1}），文件已经损坏。\n\n"
              "为免损坏扩散，程序已停止写入这个台账：之后的修改都不会保存（表单里的内容仍在）。"
              ).format(ledger_path, problem.splitlines()[0] if problem else "")


def offer_text(good: backups.BackupInfo | None, named: bool = False) -> str:
    """The offer of the newest good backup (`named`: the message above already names it)."""
    if good is None:
        return tr("没有找到完好的备份。请不要再使用这个台账文件，"
                  "并把它和日志文件一起交给技术支持人员。")
    if named:
        return tr("要现在用这份备份恢复吗？")
    return tr("最近一份完好的备份是 {0}（{1:%Y-%m-%d %H:%M}，{2}）。\n"
              "要现在用它恢复吗？损坏的文件会先另存，不会被覆盖。").format(
        good.path, good.made_at, good.age_text)


# --- finding a good backup, even for a file that cannot be read ----------------------------------


def _folder_key(ledger_path: Path) -> str:
    digest = hashlib.sha1(str(Path(ledger_path).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"{FOLDERS_KEY}/{digest}"


def remember_folder(settings: QSettings, ledger_path: Path, folder: Path) -> None:
    """Keep each ledger's backup folder outside the ledger: a damaged file cannot say where its
    backups are (the setting is inside it)."""
    settings.setValue(_folder_key(ledger_path), str(folder))


def backup_folders(settings: QSettings | None, ledger_path: Path) -> list[Path]:
    """Where a ledger's backups may be: the folder remembered for it, and `backups/` beside it."""
    folders = []
    remembered = settings.value(_folder_key(ledger_path), "") if settings is not None else ""
    if remembered:
        folders.append(Path(str(remembered)))
    default = Path(ledger_path).resolve().parent / "backups"
    if default not in folders:
        folders.append(default)
    return folders


def newest_good(folders: list[Path], stem: str) -> backups.BackupInfo | None:
    """The newest backup that passes its check in any of `folders`."""
    found = []
    for folder in folders:
        try:
            good = backups.newest_good(folder, stem)
        except Exception as exc:  # a backup that breaks the check is not a good one
            if not (isinstance(exc, PairingError | OSError) or is_failure(exc)):
                raise
            log.warning("Looking for backups in %s: %s", folder, exc)
            good = None
        if good is not None:
            found.append(good)
    return max(found, key=lambda info: info.made_at, default=None)


def inspect(path: Path) -> backups.BackupInfo:
    """`inspect_backup`, with a file SQLite cannot read said as a damaged backup."""
    try:
        return backups.inspect_backup(path)
    except PairingError:
        raise
    except Exception as exc:
        if is_failure(exc):
            raise StorageError(tr("备份 {0} 已损坏（{1}），不能用来恢复。").format(path, exc)) \
                from exc
        raise


def offer_restore_of_damaged(parent: QWidget | None, path: Path, damage: DamagedError,
                             settings: QSettings | None) -> Ledger | None:
    """A ledger that would not open because it is damaged: say so (the core's message), offer
    its newest good backup, and open the restored file. The damaged file is kept aside. Without
    a backup, or when the clerk declines it, a file SQLite still reads can be opened read-only."""
    path = Path(path).expanduser().resolve()
    message = str(damage)
    good = newest_good(backup_folders(settings, path), path.stem)
    title = tr("台账文件已损坏")
    if good is None:
        if not damage.readable:
            Ask.error(parent, title, f"{message}\n\n{offer_text(None)}")
            return None
        return _read_only(parent, path, damage, f"{message}\n\n{offer_text(None)}")
    offer = offer_text(good, named=str(good.path) in message)
    if not Ask.confirm(parent, title, f"{message}\n\n{offer}"):
        return _read_only(parent, path, damage, "") if damage.readable else None
    try:
        aside = backups.restore_backup(good.path, path)
        ledger = open_ledger(path)
    except PairingError as exc:
        Ask.error(parent, tr("恢复没有完成"), str(exc))
        return None
    log.info("Restored %s from %s; the damaged file is %s", path, good.path, aside)
    Ask.inform(parent, tr("恢复完成"), restored_text(good, path, aside))
    return ledger


def _read_only(parent: QWidget | None, path: Path, damage: DamagedError,
               said: str) -> Ledger | None:
    """Offer to open a damaged file read-only: to see, print and export what it still holds."""
    question = tr("要以只读方式打开这个损坏的台账吗？可以查看、打印和导出还能读出的记录，"
                  "但不能做任何修改，文件保持原样。")
    if not Ask.confirm(parent, tr("台账文件已损坏"), f"{said}\n\n{question}".strip()):
        return None
    try:
        ledger = open_damaged(path, damage)
    except PairingError as exc:
        Ask.error(parent, tr("无法打开数据库"), str(exc))
        return None
    log.warning("Opened the damaged %s read-only: %s", path, ledger.damage)
    return ledger
