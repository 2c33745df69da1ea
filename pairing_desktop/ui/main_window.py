"""The main window: the tabs of the registry, the File, Edit and Help menus, the menus the tabs
fill, the 操作日志, 回收站 and 操作员账户 windows, the 入门清单 beside the tabs, and a status bar
with the file, the operator and the counts.

The window is the composition root of the GUI: it holds the `LedgerHost` every tab works
through, builds the tabs from `tabs.registry.TABS`, and places each tab's menu actions. A tab is
built when it is first shown (or asked for by name, or when a menu it fills is opened), so a start
builds one tab, not nine. Opening another file hands the host another ledger; each view reads it
again by itself. The window's size, its splitters and its columns are kept in the settings
(ui.window_state) when it closes and put back when it or a tab is built.

Each ledger the window opens is checked in full in the background (SQLite's integrity check);
one that fails is written to no more, and the window offers its newest good backup. Backups
(ui.backups) are made automatically once the program has started them, and on request: 文件 →
立即备份, 备份到…, 恢复….
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QSettings,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
)
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QTabWidget, QWidget

from pairing_desktop.core import auth, ledgers, records
from pairing_desktop.core import backups as core_backups
from pairing_desktop.core.changes import Changes
from pairing_desktop.core.entities import ENTITIES
from pairing_desktop.core.errors import DamagedError, PairingError, StorageError
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.core.storage.server import is_server_url, shown
from pairing_desktop.ui import backups, language, window_state
from pairing_desktop.ui.background import Background
from pairing_desktop.ui.dialogs import Ask, start_folder
from pairing_desktop.ui.exchange_menu import install_exchange_menu
from pairing_desktop.ui.first_run import Checklist, StartPage, signed_in, write_demo
from pairing_desktop.ui.login import log_in, sign_in
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.server import open_server, use_password
from pairing_desktop.ui.tabs.base import LETTERS_MENU, SETTINGS_MENU, Tab
from pairing_desktop.ui.tabs.registry import TABS, TabEntry

if TYPE_CHECKING:  # the windows beside the tabs are imported when first opened
    from pairing_desktop.ui.about import AboutDialog
    from pairing_desktop.ui.help import HelpWindow
    from pairing_desktop.ui.history_window import HistoryWindow
    from pairing_desktop.ui.letters.preview import PreviewDialog
    from pairing_desktop.ui.operators_dialog import OperatorsDialog
    from pairing_desktop.ui.recycle_bin import RecycleBinWindow

log = logging.getLogger(__name__)

RECENT_KEY = "recent_files"
RECENT_MAX = 8
# off on a server ledger (MainWindow._show_file_actions)
FILE_ONLY_ACTIONS = ("back_up_now", "back_up_to", "restore", "backup_settings")
COUNTED = ("unit", "cadre", "township", "village", "household", "farmer", "uv_pairing",
           "assignment")
# The full check of a ledger starts this long after it is opened: at start, its thread would take
# a core from the window drawing its first screen (the quick check at open has passed already).
CHECK_DELAY_MS = 1_500
IDLE_WAIT_MS = 30_000  # before a restore replaces the file: the reads under way end first
ALERT_STYLE = "color: #b00020; font-weight: bold;"
# The menus tabs may fill, after 文件 and 编辑, in this order.
# The tabs Ctrl+P prints from (MainWindow.print_current).
PRINTABLE = ("letters", "report")
TAB_MENUS = {SETTINGS_MENU: QT_TRANSLATE_NOOP("MainWindow", "设置(&S)"),
             LETTERS_MENU: QT_TRANSLATE_NOOP("MainWindow", "责任书(&L)")}


class MainWindow(QMainWindow):
    def __init__(self, ledger: Ledger, settings: QSettings | None = None,
                 tabs: Sequence[TabEntry] = TABS, *, backup_interval_ms: int | None = None,
                 backup_clock: Callable[[], dt.datetime] | None = None):
        """`backup_interval_ms` and `backup_clock` replace the setting's minutes and the time of
        day for the automatic backups (tests)."""
        super().__init__()
        self.host = LedgerHost(ledger, self)
        self.settings = settings if settings is not None else QSettings()
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._tab_index = -1
        self._switching_back = False
        self._swapping = False  # a built tab is taking its placeholder's place
        self._entries: list[TabEntry] = []
        self._pending: dict[str, QWidget] = {}  # name -> the empty page standing in for it
        self._placed: list[tuple[int, str, QAction]] = []  # (tab's order, menu, action)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._path_label = QLabel(self)
        self._path_label.setObjectName("ledger_path")
        self._operator_label = QLabel(self)
        self._operator_label.setObjectName("operator")
        self._counts_label = QLabel(self)
        self._alert_label = QLabel(self)  # a damaged file, a synced folder: stays until fixed
        self._alert_label.setObjectName("alert")
        self._alert_label.setStyleSheet(ALERT_STYLE)
        self._alert_label.setWordWrap(False)
        self._backup_label = QLabel(self)
        self._backup_label.setObjectName("backup_status")
        self.statusBar().addWidget(self._path_label, 1)
        self.statusBar().addWidget(self._alert_label)
        self.statusBar().addPermanentWidget(self._backup_label)
        self.statusBar().addPermanentWidget(self._operator_label)
        self.statusBar().addPermanentWidget(self._counts_label)
        self.history_window: HistoryWindow | None = None
        self.recycle_bin: RecycleBinWindow | None = None
        self.operators: OperatorsDialog | None = None
        self.about: AboutDialog | None = None
        self.help_window: HelpWindow | None = None
        self.menus = TabMenus(self._build_for_menu)
        self._current: Ledger | None = None  # the ledger the checks below were made for
        self._warned_locations: set[str] = set()
        self._restored = False  # the next ledger is a restored one: no backup of it at once
        self._lost = False  # the ledger could not be reopened: close without a backup
        self.backups = backups.Backups(self.host, self, interval_ms=backup_interval_ms,
                                       clock=backup_clock)
        self.backups.status.connect(self._backup_label.setText)
        self.backups.made.connect(self._backup_made)
        self.backups.failed.connect(self._backup_failed)
        self._checker = Background(self, self.tr("检查台账文件"))
        self._checker.done.connect(self._on_verified)
        self._checker.refused.connect(self._check_not_done)
        self._check_timer = QTimer(self)  # the full check waits until the window is up
        self._check_timer.setSingleShot(True)
        self._check_timer.timeout.connect(self._start_check)
        self.checklist = Checklist(self.show_tab, self)
        self.checklist_dock = QDockWidget(self.tr("入门清单"), self)
        self.checklist_dock.setObjectName("checklist_dock")
        self.checklist_dock.setWidget(self.checklist)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.checklist_dock)
        self.checklist_dock.hide()
        self._build_menus()
        for entry in tabs:  # the first one placed becomes current, and is built
            self._place(entry)
        self.host.changed.connect(self._on_changes)
        self.host.replaced.connect(self._on_replaced)
        self._remember(ledger.path)
        self._on_replaced()
        self.resize(fit_screen())
        window_state.restore_window(self.settings, self)

    @property
    def ledger(self) -> Ledger:
        return self.host.ledger

    # --- tabs ------------------------------------------------------------------------------

    def _place(self, entry: TabEntry) -> None:
        """An empty page under the tab's title; the tab itself is built when first needed."""
        page = QWidget(self.tabs)
        page.setObjectName(f"{entry.name}:pending")
        self._entries.append(entry)
        self._pending[entry.name] = page
        self.tabs.addTab(page, QCoreApplication.translate("tabs", entry.title))

    def _build(self, name: str) -> Tab:
        """Build a placed tab on the host, put it where its page was, place its menu actions
        (in the registry's order, whichever tab is built first) and give it back its splitters
        and columns as the clerk left them."""
        page = self._pending.pop(name)
        order, entry = next((i, e) for i, e in enumerate(self._entries) if e.name == name)
        tab = entry.make(self.host)
        tab.setObjectName(name)
        index, current = self.tabs.indexOf(page), self.tabs.currentIndex()
        self._swapping = True
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, QCoreApplication.translate("tabs", entry.title))
            self.tabs.setCurrentIndex(current)
        finally:
            self._swapping = False
        page.deleteLater()
        for key, action in tab.menu_actions():
            later = [a for o, k, a in self._placed if k == key and o > order]
            if later:
                self._menu(key).insertAction(later[0], action)
            else:
                self._menu(key).addAction(action)
            self._placed.append((order, key, action))
            self._placed.sort(key=lambda placed: placed[0])
        window_state.restore_widgets(self.settings, tab, name)
        return tab

    def _build_for_menu(self, key: str) -> None:
        """A menu the tabs fill is opening: every tab that puts actions in it is built first."""
        for entry in list(self._entries):
            if key in entry.menus and entry.name in self._pending:
                self._build(entry.name)

    def tab(self, name: str) -> Tab:
        """The tab of this name (its registry name), built now if it was not yet."""
        if name in self._pending:
            return self._build(name)
        found = self.tabs.findChild(Tab, name)
        if found is None:
            raise KeyError(name)
        return found

    def show_tab(self, name: str) -> Tab:
        """Switch to a tab as a clerk does (the 入门清单's items): asked to leave the current one
        first; the tab is built if needed."""
        tab = self.tab(name)
        self.tabs.setCurrentWidget(tab)
        return tab

    def all_tabs(self) -> list[Tab]:
        """Every tab, those not built yet built now (a walk over every list, a screenshot of
        each tab)."""
        return [self.tab(entry.name) for entry in self._entries]

    def tab_widgets(self) -> list[Tab]:
        """The tabs built so far (a tab not built has nothing to save or leave)."""
        widgets = (self.tabs.widget(i) for i in range(self.tabs.count()))
        return [w for w in widgets if isinstance(w, Tab)]

    def maybe_leave(self) -> bool:
        """Every tab agrees to be left (each asks about its own unsaved edits)."""
        for tab in self.tab_widgets():
            if not tab.maybe_leave():
                self.tabs.setCurrentWidget(tab)
                return False
        return True

    def _on_tab_changed(self, index: int) -> None:
        if self._switching_back or self._swapping:
            return
        previous = self.tabs.widget(self._tab_index) if self._tab_index >= 0 else None
        if isinstance(previous, Tab) and not previous.maybe_leave():
            self._switching_back = True
            self.tabs.setCurrentIndex(self._tab_index)
            self._switching_back = False
            return
        self._tab_index = index
        page = self.tabs.widget(index)
        name = page.objectName().removesuffix(":pending") if page is not None else ""
        if name in self._pending and self._pending[name] is page:
            self._build(name)
        self._update_print_action()

    # --- status bar and undo ---------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(COUNTED):
            self._show_counts()
        self._show_undo()

    def _on_replaced(self) -> None:
        """Another file, or another operator on it: the status bar, and the accounts page only
        for an administrator."""
        who = self.ledger.operator
        self._operator_label.setText(
            self.tr("操作员：{0}（{1}）").format(who.name, self.tr(who.role_label)) if who
            else self.tr("未登录"))
        admin = who is not None and who.role == auth.ADMIN
        self.operators_action.setEnabled(admin)
        if not admin and self.operators is not None:
            self.operators.close()
        self._path_label.setText(
            (self.tr("服务器：{0}") if self.ledger.is_server else self.tr("数据库：{0}"))
            .format(self.ledger.path))
        self.setWindowTitle(
            self.tr("城乡共建“1+1”结对帮扶台账 — {0}").format(self.ledger.label)
            + (self.tr("（服务器）") if self.ledger.is_server else ""))
        self._show_file_actions()
        self._show_counts()
        self._show_undo()
        if self.ledger is not self._current:
            self._current = self.ledger
            self._on_new_ledger()

    def _on_new_ledger(self) -> None:
        """Another file in the window: check it in full (soon: CHECK_DELAY_MS), warn about where
        it is, and make its first backup (unless it was just restored from one)."""
        ledger = self.ledger
        self._alert_label.clear()
        self._alert_label.setToolTip("")
        self._backup_label.clear()
        if ledger.is_server:  # no file: nothing to check, copy or warn about where it is
            self._backup_label.setText(self.tr("服务器上的台账由服务器备份（pg_dump）"))
            self.backups.reset(back_up_now=False)
            self.checklist_dock.setVisible(not self.checklist.complete())
            return
        try:  # remembered outside the file: a damaged file cannot say where its backups are
            backups.remember_folder(self.settings, ledger.path, core_backups.folder_of(ledger))
        except Exception as exc:  # a settings table that cannot be read: the full check says why
            log.warning("Backup folder of %s not read: %s", ledger.path, exc)
        if ledger.damage:  # a damaged file the clerk chose to open read-only: known already
            self._alert(self.tr("台账文件已损坏：只读打开，不能修改"),
                        backups.damage_text(ledger.path, ledger.damage))
            self.backups.reset(back_up_now=False)
            return
        self._check_timer.start(CHECK_DELAY_MS)
        self._warn_about_location(ledger.path)
        self.backups.reset(back_up_now=not self._restored)
        self._restored = False
        self.checklist_dock.setVisible(not self.checklist.complete())

    def _start_check(self) -> None:
        """SQLite's full integrity check of the file in the window, off the GUI thread."""
        ledger = self.ledger
        if self._lost or ledger.closed or ledger.is_server:
            return
        self._checker.start(backups.verify, ledger,
                            backups.backup_folders(self.settings, ledger.path))

    def _alert(self, short: str, full: str) -> None:
        self._alert_label.setText(short)
        self._alert_label.setToolTip(full)

    def _warn_about_location(self, path) -> None:
        """A ledger on a network share or in a synced folder: said once, in the status bar and
        in a message shown once the window is up."""
        warning = ledgers.location_warning(path)
        if warning is None:
            return
        self._alert(self.tr("台账位于网络盘或同步盘：文件锁不可靠"), warning)
        if str(path) in self._warned_locations:
            return
        self._warned_locations.add(str(path))
        log.warning("Ledger location: %s", warning)
        QTimer.singleShot(0, self, lambda: Ask.warn(self, self.tr("台账的位置"), warning))

    def _show_counts(self) -> None:
        counts = records.counts(self.ledger, list(COUNTED))
        self._counts_label.setText("  ".join(
            f"{self.tr(ENTITIES[k].label)} {n}" for k, n in counts.items()))
        self.checklist.show_counts(counts)

    def _show_undo(self) -> None:
        """撤销“修改帮扶单位” / 重做“…”: what the keys would do, from the session's stacks."""
        undo, redo = self.host.can_undo(), self.host.can_redo()
        self.undo_action.setText(self.tr("撤销“{0}”(&U)").format(undo) if undo
                                 else self.tr("撤销(&U)"))
        self.redo_action.setText(self.tr("重做“{0}”(&R)").format(redo) if redo
                                 else self.tr("重做(&R)"))

    def undo(self) -> bool:
        """Ctrl+Z: reverse the last operation; the core's refusal is shown, nothing changes."""
        try:
            self.host.undo()
        except PairingError as exc:
            Ask.warn(self, self.tr("撤销"), str(exc))
            return False
        return True

    def redo(self) -> bool:
        try:
            self.host.redo()
        except PairingError as exc:
            Ask.warn(self, self.tr("重做"), str(exc))
            return False
        return True

    # --- damage ---------------------------------------------------------------------------

    def _on_verified(self, found: tuple[str, core_backups.BackupInfo | None]) -> None:
        problems, good = found
        if problems == "ok":
            log.info("Integrity check of %s: ok", self.ledger.path)
            return
        log.error("Integrity check of %s failed: %s", self.ledger.path, problems)
        text = backups.damage_text(self.ledger.path, problems)
        self._alert(self.tr("台账文件已损坏：已停止写入"), text)
        title = self.tr("台账文件已损坏")
        if good is None:
            Ask.error(self, title, f"{text}\n\n{backups.offer_text(None)}")
        elif Ask.confirm(self, title, f"{text}\n\n{backups.offer_text(good)}"):
            self.restore_from(good, ask=False)

    def _check_not_done(self, message: str) -> None:
        log.warning("Integrity check not done: %s", message)
        self._backup_label.setText(message)

    # --- backups and restore ---------------------------------------------------------------

    def import_file(self) -> None:
        """文件 → 导入: a workbook or CSV, its columns mapped and checked before anything is
        written (the dialog's core does it all as one operation)."""
        from pairing_desktop.ui.import_dialog import ImportDialog

        ImportDialog.start(self.host, self)

    def export_file(self) -> bool:
        """文件 → 导出: every kind of record in the import's format, numbers masked."""
        from pairing_desktop.core.exchange.exporter import export_workbook

        suggested = str(Path(self._folder()) / f"{self.ledger.name}-导出.xlsx")
        path = Ask.save_path(self, self.tr("导出"), suggested, self.tr("Excel 工作簿 (*.xlsx)"),
                             ".xlsx")
        if not path:
            return False
        try:
            written, _changes = export_workbook(self.ledger, Path(path))
        except PairingError as exc:
            Ask.warn(self, self.tr("导出"), str(exc))
            return False
        Ask.inform(self, self.tr("导出"),
                   self.tr("已导出 {0} 条记录到 {1}（身份证号和电话已隐去中间几位）。")
                   .format(sum(written.values()), path))
        return True

    def back_up_now(self) -> None:
        """文件 → 立即备份: into the backup folder, rotated, as the automatic ones."""
        self._backup_label.setText(self.tr("正在备份……"))
        self.backups.back_up(backups.Kind.NOW)

    def back_up_to(self) -> bool:
        """文件 → 备份到…: a backup in a file of the clerk's choice (checked, not rotated)."""
        stamp = dt.datetime.now().strftime(core_backups.STAMP)
        suggested = str(self.ledger.path.with_name(
            f"{self.ledger.path.stem}-{stamp}{core_backups.SUFFIX}"))
        path = Ask.save_path(self, self.tr("备份到"), suggested,
                             self.tr("台账备份 (*.backup)"), core_backups.SUFFIX)
        if not path:
            return False
        self._backup_label.setText(self.tr("正在备份……"))
        self.backups.back_up(backups.Kind.TO_FILE, Path(path))
        return True

    def _backup_made(self, result: core_backups.BackupResult, kind: backups.Kind) -> None:
        if kind.asked:
            Ask.inform(self, self.tr("备份"), backups.result_text(result))

    def _backup_failed(self, message: str, kind: backups.Kind) -> None:
        if kind.asked:
            Ask.warn(self, self.tr("备份没有做成"), message)

    def restore(self) -> bool:
        """文件 → 恢复…: choose a backup, see its date, age and counts, and put it in place of
        the ledger; the current file is kept aside."""
        try:
            folder = core_backups.folder_of(self.ledger)
        except Exception:  # a damaged settings table
            folder = self.ledger.path.parent / "backups"
        path = Ask.open_backup(self, str(folder))
        if not path:
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            info = backups.inspect(Path(path))
        except PairingError as exc:
            Ask.warn(self, self.tr("不能用这份备份恢复"), str(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        return self.restore_from(info)

    def restore_from(self, info: core_backups.BackupInfo, ask: bool = True) -> bool:
        """Close the ledger, put the backup in its place (the core keeps the current file
        aside), open it again and log in again. A failure leaves the window on its old file."""
        title = self.tr("从备份恢复")
        if not info.ok:
            Ask.warn(self, title, self.tr("备份 {0} 已损坏（{1}），不能用来恢复。").format(
                info.path, info.integrity.splitlines()[0]))
            return False
        if not self.maybe_leave():
            return False
        path = self.ledger.path
        if ask and not Ask.confirm(self, title, backups.restore_question(info, path)):
            return False
        old = self.ledger
        self._let_go()
        old.close()
        try:
            aside = core_backups.restore_backup(info.path, path)
        except PairingError as exc:
            if self._reopen(path, old):
                Ask.warn(self, self.tr("恢复没有完成"), str(exc))
            return False
        log.info("Restored %s from %s; the file before is %s", path, info.path, aside)
        try:
            restored = open_ledger(path)
        except StorageError as exc:
            self._give_up(self.tr("恢复后的台账打不开：{0}\n原来的台账另存为 {1}。").format(
                exc, aside))
            return False
        self._restored = True
        self.host.replace(restored)  # nothing may read the closed file: the views move now
        if not sign_in(self, restored):
            self._give_up(self.tr("台账已恢复，但没有登录。程序将关闭，下次启动时登录即可。\n\n")
                          + backups.restored_text(info, path, aside))
            return False
        self.host.replace(restored)  # read again as the operator may see it
        self._remember(path)
        Ask.inform(self, title, backups.restored_text(info, path, aside))
        return True

    def _let_go(self) -> None:
        """Before the file is replaced: no backup or check is left reading it (Windows cannot
        replace a file another connection holds open)."""
        self.backups.wait(time.monotonic() + IDLE_WAIT_MS / 1000)
        self.backups.reset(back_up_now=False)
        self._check_timer.stop()
        self._checker.forget()
        QThreadPool.globalInstance().waitForDone(IDLE_WAIT_MS)

    def _reopen(self, path: Path, old: Ledger) -> bool:
        """The restore failed: the same file again, with the same operator and undo stack."""
        try:
            again = open_ledger(path)
        except PairingError as exc:
            self._give_up(str(exc))
            return False
        again.operator, again.session = old.operator, old.session
        self.host.replace(again)
        return True

    def _give_up(self, text: str) -> None:
        """The window has no usable ledger left: say so and close."""
        self._lost = True
        self.backups.stop()
        Ask.error(self, self.tr("从备份恢复"), text)
        self.close()

    def show_backup_settings(self) -> bool:
        """设置 → 备份设置…"""
        try:
            values = core_backups.backup_settings(self.ledger)
        except Exception:
            values = dict(core_backups.DEFAULTS)
        answer = Ask.backup_settings(self, values, str(self.ledger.path.parent / "backups"))
        if answer is None:
            return False
        try:
            self.host.perform(core_backups.set_backup_settings, **answer)
        except PairingError as exc:
            Ask.warn(self, self.tr("备份设置"), str(exc))
            return False
        backups.remember_folder(self.settings, self.ledger.path,
                                core_backups.folder_of(self.ledger))
        self.backups.reload()
        second = answer.get("second_folder")
        if second and not Path(second).is_dir():
            Ask.warn(self, self.tr("备份设置"), self.tr(
                "第二备份位置 {0} 现在不可用（U 盘没有插好，或网络盘没有连上？）。"
                "设置已保存，每次备份时都会再试。").format(second))
        return True

    def show_about(self) -> AboutDialog:
        """帮助 → 关于: not modal, kept for the next time."""
        from pairing_desktop.ui.about import AboutDialog

        if self.about is None:
            self.about = AboutDialog(self.ledger.path, self)
        self._bring_up(self.about)
        return self.about

    def show_help(self, page: str | None = None) -> HelpWindow:
        """帮助 → 使用说明 (F1): the guide shipped with the program, in a window of its own."""
        from pairing_desktop.ui.help import HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(self)
        if page is not None:
            self.help_window.show_page(page)
        self._bring_up(self.help_window)
        return self.help_window

    # --- windows beside the tabs -----------------------------------------------------------

    def show_history(self) -> HistoryWindow:
        """编辑 → 操作日志: one window, not modal, kept for the next time."""
        from pairing_desktop.ui.history_window import HistoryWindow

        if self.history_window is None:
            self.history_window = HistoryWindow(self.host, self)
        self.history_window.show_record(None, None)
        return self.history_window

    def show_recycle_bin(self) -> RecycleBinWindow:
        from pairing_desktop.ui.recycle_bin import RecycleBinWindow

        if self.recycle_bin is None:
            self.recycle_bin = RecycleBinWindow(self.host, self)
        self._bring_up(self.recycle_bin)
        return self.recycle_bin

    def show_operators(self) -> OperatorsDialog | None:
        """设置 → 操作员账户: administrators only (the menu item is off for others)."""
        if not self.operators_action.isEnabled():
            return None
        from pairing_desktop.ui.operators_dialog import OperatorsDialog

        if self.operators is None:
            self.operators = OperatorsDialog(self.host, self)
        self._bring_up(self.operators)
        return self.operators

    @staticmethod
    def _bring_up(window: QWidget) -> None:
        window.show()
        window.raise_()
        window.activateWindow()

    def switch_operator(self) -> bool:
        """文件 → 切换操作员: log in as someone else on this file (the login empties the undo
        stack: a clerk must not Ctrl+Z the administrator's work), and every view shows the
        records again as the new operator may see them."""
        if not self.maybe_leave():
            return False
        if not log_in(self, self.ledger):
            return False
        self.host.replace(self.ledger)
        return True

    # --- menus -----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        """The window's own menus, in the menu bar's order; the tabs' menus fill as tabs are
        built. A module that brings a menu of its own adds one line here."""
        self._build_file_menu()
        self._build_edit_menu()
        self._build_tab_menus()
        self._build_help_menu()

    def _build_file_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        menu.setObjectName("file_menu")
        self._action(menu, self.tr("新建台账(&N)…"), self.new_file).setObjectName("new_file")
        self._action(menu, self.tr("打开台账(&O)…"), self.open_file,
                     "Ctrl+O").setObjectName("open_file")
        self.recent_menu = menu.addMenu(self.tr("最近打开(&R)"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(menu, self.tr("打开服务器上的台账(&S)…"), self.open_server).setObjectName(
            "open_server")
        self._action(menu, self.tr("演示县数据库(&D)…"), self.new_demo_file)
        menu.addSeparator()
        self.print_action = self._action(menu, self.tr("打印(&P)…"), self.print_current,
                                         "Ctrl+P")
        self.print_action.setObjectName("print")
        menu.addSeparator()
        menu.setToolTipsVisible(True)  # a file-only action says why it is off on a server
        self._action(menu, self.tr("立即备份(&K)"), self.back_up_now).setObjectName("back_up_now")
        self._action(menu, self.tr("备份到(&T)…"), self.back_up_to).setObjectName("back_up_to")
        self._action(menu, self.tr("恢复(&E)…"), self.restore).setObjectName("restore")
        menu.addSeparator()
        self._action(menu, self.tr("导入(&I)…"), self.import_file).setObjectName("import")
        self._action(menu, self.tr("导出(&L)…"), self.export_file).setObjectName("export")
        menu.addSeparator()
        self._action(menu, self.tr("切换操作员(&W)…"), self.switch_operator).setObjectName(
            "switch_operator")
        menu.addSeparator()
        self._action(menu, self.tr("退出(&X)"), self.close, QKeySequence.StandardKey.Quit)

    def _build_edit_menu(self) -> None:
        edit = self.menuBar().addMenu(self.tr("编辑(&E)"))
        edit.setObjectName("edit_menu")
        self.undo_action = self._action(edit, self.tr("撤销(&U)"), self.undo,
                                        QKeySequence.StandardKey.Undo)
        self.undo_action.setObjectName("undo")
        self.redo_action = self._action(edit, self.tr("重做(&R)"), self.redo)
        self.redo_action.setObjectName("redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        edit.addSeparator()
        self._action(edit, self.tr("操作日志(&H)…"), self.show_history).setObjectName("history")
        self._action(edit, self.tr("回收站(&B)…"), self.show_recycle_bin).setObjectName(
            "recycle_bin")

    def _build_tab_menus(self) -> None:
        for key in TAB_MENUS:  # in a fixed order, filled by the tabs as they are built
            self._menu(key).aboutToShow.connect(
                lambda key=key: self._build_for_menu(key))
        self.operators_action = self._action(self._menu(SETTINGS_MENU),
                                             self.tr("操作员账户(&A)…"), self.show_operators)
        self.operators_action.setObjectName("operators")
        self._action(self._menu(SETTINGS_MENU), self.tr("备份设置(&K)…"),
                     self.show_backup_settings).setObjectName("backup_settings")
        self._menu(SETTINGS_MENU).addMenu(language.menu(self, self.settings))
        self._menu(SETTINGS_MENU).addSeparator()
        install_exchange_menu(self, self.host)

    def _build_help_menu(self) -> None:
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        help_menu.setObjectName("help_menu")
        self._action(help_menu, self.tr("使用说明(&G)"), self.show_help,
                     "F1").setObjectName("help")
        checklist = self.checklist_dock.toggleViewAction()
        checklist.setText(self.tr("入门清单(&C)"))
        checklist.setObjectName("checklist")
        help_menu.addAction(checklist)
        help_menu.addSeparator()
        self._action(help_menu, self.tr("关于(&A)…"), self.show_about).setObjectName("about")

    def _show_file_actions(self) -> None:
        """What only a ledger file has (its copies, its backup folder) is off on a server, each
        saying why: the server is backed up with its own tools."""
        server = self.ledger.is_server
        why = self.tr("服务器上的台账由服务器备份（pg_dump），请找服务器管理员") if server else ""
        for name in FILE_ONLY_ACTIONS:
            action = self.findChild(QAction, name)
            action.setEnabled(not server)
            action.setToolTip(why)  # "": the action's text, as for any other
            action.setStatusTip(why)
        self._menu(SETTINGS_MENU).setToolTipsVisible(True)

    def _menu(self, key: str) -> QMenu:
        """The menu as it is now (`menus[key]` would build the tabs that fill it first)."""
        menu = self.menus.get(key)
        if menu is None:
            menu = self.menuBar().addMenu(self.tr(TAB_MENUS[key]))
            menu.setObjectName(f"{key}_menu")
            self.menus[key] = menu
        return menu

    def _action(self, menu: QMenu, text: str, slot: Callable[[], object],
                shortcut: QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    # --- files -----------------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):  # QSettings gives a lone string for a one-item list
            value = [value]
        return [str(v) for v in value or []]

    def _remember(self, path: Path | str) -> None:
        """A file, or a server's address (Ledger.path: without its password)."""
        recent = [str(path)] + [p for p in self.recent_files() if p != str(path)]
        self.settings.setValue(RECENT_KEY, recent[:RECENT_MAX])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_files():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.switch_to(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)

    def _folder(self) -> str:
        return str(start_folder(self.ledger))

    def _new_path(self, title: str, exists_text: str) -> Path | None:
        """Ask for a file that does not exist yet; None when cancelled or it exists."""
        path = Ask.new_path(self, self._folder(), title)
        if not path:
            return None
        if Path(path).exists():
            Ask.warn(self, title, exists_text.format(path))
            return None
        return Path(path).expanduser().resolve()

    def new_file(self) -> bool:
        """文件 → 新建台账: the start page (a new county or township ledger, another file, or
        the demo county); the window moves to the ledger it opens."""
        if not self.maybe_leave():
            return False
        ledger = StartPage.ask(self, Path(self._folder()), self._open)
        if ledger is None:
            return False
        self._adopt(ledger)
        return True

    def open_file(self) -> bool:
        path = Ask.open_path(self, self._folder())
        return bool(path) and self.switch_to(Path(path))

    def open_server(self) -> bool:
        """文件 → 打开服务器上的台账…: an address (and a password the server wants), then the
        window moves to that ledger as to another file."""
        answer = Ask.server(self, [p for p in self.recent_files() if is_server_url(p)])
        if not answer or not answer[0]:
            return False
        address, password = answer
        if password:
            use_password(password)
        return self.switch_to(address)

    def new_demo_file(self) -> bool:
        """Create a demo county in a new file and open it (as its administrator). The file
        appears only when complete (core.demo.make_demo_file)."""
        path = self._new_path(self.tr("保存演示县数据库"),
                              self.tr("文件 {0} 已存在；演示数据只写入新文件。"))
        if path is None or not self.maybe_leave():
            return False
        try:
            write_demo(path)
        except (PairingError, OSError) as exc:
            Ask.warn(self, self.tr("演示县数据库"), str(exc))
            return False
        ledger = signed_in(self, self._open(path))
        if ledger is None:
            return False
        self._adopt(ledger)
        return True

    def switch_to(self, path: Path | str) -> bool:
        """Open another ledger file (or a server's, by its address) in this window; the old one
        is closed and its lock released."""
        if is_server_url(path):
            if shown(str(path)) == self.ledger.path:
                return True
        else:
            path = Path(path).expanduser().resolve()
            if path == self.ledger.path:
                return True
        if not self.maybe_leave():
            return False
        ledger = signed_in(self, self._open(path))
        if ledger is None:
            return False
        self._adopt(ledger)
        return True

    def _open(self, path: Path | str) -> Ledger | None:
        """Open a file for this window; a damaged one offers its newest good backup. An address
        opens a server's ledger (asking for a password the server wants)."""
        if is_server_url(path):
            return open_server(self, str(path), self.tr("无法打开数据库"))
        try:
            return open_ledger(path)
        except DamagedError as exc:
            return backups.offer_restore_of_damaged(self, path, exc, self.settings)
        except StorageError as exc:  # the window keeps working on the file it has
            Ask.warn(self, self.tr("无法打开数据库"), str(exc))
            return None

    def _adopt(self, ledger: Ledger) -> None:
        old = self.host.ledger
        self.backups.leave()  # what was changed in the old file is backed up before it closes
        self.host.replace(ledger)
        old.close()
        self._remember(ledger.path)

    def close_ledger(self) -> None:
        self.ledger.close()

    # --- printing --------------------------------------------------------------------------

    def _printable(self) -> Tab | None:
        """The current tab when it holds something to print: a letter, a report."""
        current = self.tabs.currentWidget()
        return current if isinstance(current, Tab) and current.objectName() in PRINTABLE \
            else None

    def _update_print_action(self) -> None:
        self.print_action.setEnabled(self._printable() is not None)

    def print_current(self) -> PreviewDialog | Path | None:
        """Ctrl+P: on the 责任书 tab, the chosen letter is rendered afresh and goes to the
        printer (through the preview, whose print dialog chooses printer, pages and copies);
        on the 统计报告 tab, the report shown is saved as PDF, the form it is printed from."""
        tab = self._printable()
        if tab is None:
            return None
        if tab.objectName() == "letters":
            preview = tab.preview()
            if preview is not None:
                preview.print_letters()
            return preview
        return tab.save(".pdf")

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._lost:
            event.accept()
            return
        if not self.maybe_leave():
            event.ignore()
            return
        if not self.backups.leave():  # waits a minute at most
            log.warning("Closed before the last backup of %s ended", self.ledger.path)
        self.backups.stop()
        self._check_timer.stop()
        self._checker.forget()
        self.save_state()
        event.accept()

    def save_state(self) -> None:
        """The window's size and place, and each built tab's splitters and column widths."""
        window_state.save_window(self.settings, self)
        for tab in self.tab_widgets():
            window_state.save_widgets(self.settings, tab, tab.objectName())


class TabMenus(dict[str, QMenu]):
    """The menus the tabs fill, by key. Looking one up (`window.menus["settings"]`) first builds
    the tabs not built yet that put actions in it, as opening it does: whoever reaches for a
    menu's actions finds all of them."""

    def __init__(self, complete: Callable[[str], None]):
        super().__init__()
        self._complete = complete

    def __getitem__(self, key: str) -> QMenu:
        self._complete(key)
        return super().__getitem__(key)


def fit_screen(width: int = 1366, height: int = 768) -> QSize:
    """The window's starting size: a 1366x768 laptop screen, or less on a smaller one."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(width, height)
    available = screen.availableGeometry().size()
    return QSize(min(width, available.width()), min(height, available.height()))
