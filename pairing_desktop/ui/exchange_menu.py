"""数据交换 menu: 生成交换包, 导入交换包 and 处理冲突, installed in the main window by one call.

The menu asks (the office, the file) and shows what was done; the core makes and merges the
packages as operations (ops.export_package, ops.import_package).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMenu, QWidget

from pairing_desktop.core import operations as ops
from pairing_desktop.core.errors import PairingError
from pairing_desktop.core.profile import office_of
from pairing_desktop.core.sync import exchange, package
from pairing_desktop.ui.conflicts import ConflictsDialog
from pairing_desktop.ui.dialogs import Ask, start_folder
from pairing_desktop.ui.operations import LedgerHost


def tr(text: str) -> str:
    return QCoreApplication.translate("ExchangeMenu", text)


class ExchangeAsk:
    """The exchange's own questions; tests monkeypatch them as they do Ask's."""

    @classmethod
    def recipient(cls, parent: QWidget | None, offices: list[str]) -> str:
        """The office a package is for ("" when cancelled); the list is editable."""
        text, ok = QInputDialog.getItem(parent, tr("生成交换包"), tr("发往哪个单位："), offices,
                                        0, True)
        return text.strip() if ok else ""

    @classmethod
    def package_path(cls, parent: QWidget | None, folder: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(parent, tr("导入交换包"), folder,
                                              tr("交换包 (*{0});;所有文件 (*)")
                                              .format(package.SUFFIX))
        return path


class ExchangeMenu(QObject):
    """The menu's actions on the window's ledger host (a child of the window: it lives as
    long as the window)."""

    def __init__(self, host: LedgerHost, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("exchange")
        self.host = host
        self.window = parent

    def export(self) -> None:
        title = tr("生成交换包")
        try:
            offices = exchange.recipients(self.host.ledger)
        except PairingError as exc:
            Ask.warn(self.window, title, str(exc))
            return
        to = ExchangeAsk.recipient(self.window, offices)
        if not to:
            return
        ledger = self.host.ledger
        stem = f"{office_of(ledger).name or ledger.name}-发往{to}"
        suggested = str(start_folder(ledger) / (stem + package.SUFFIX))
        path = Ask.save_path(self.window, title, suggested,
                             tr("交换包 (*{0})").format(package.SUFFIX), package.SUFFIX)
        if not path:
            return
        try:
            made = ops.export_package(ledger, to, Path(path))
        except PairingError as exc:
            Ask.warn(self.window, title, str(exc))
            return
        self.host.announce(made.changes)
        Ask.inform(self.window, title, tr("已生成发往“{0}”的第 {1} 号交换包：{2} 条记录，"
                                          "{3:.1f} KB。\n{4}\n可以用 U 盘或聊天软件把这个文件"
                                          "交给对方。").format(to, made.seq, made.count,
                                                         made.size / 1024, path))

    def import_(self) -> None:
        title = tr("导入交换包")
        path = ExchangeAsk.package_path(self.window, str(start_folder(self.host.ledger)))
        if not path:
            return
        try:
            merged = ops.import_package(self.host.ledger, Path(path))
        except PairingError as exc:
            Ask.warn(self.window, title, str(exc))
            return
        self.host.announce(merged.changes)
        text = tr("已导入“{0}”的第 {1} 号交换包：{2}。").format(merged.sender, merged.seq,
                                                          merged.result.summary())
        if merged.result.conflicts:
            Ask.inform(self.window, title,
                       text + tr("\n有记录在两边都修改过，请选择保留哪个版本。"))
            self.show_conflicts()
        else:
            Ask.inform(self.window, title, text)

    def show_conflicts(self) -> ConflictsDialog:
        """The conflicts window, modal to the main window but not blocking the caller."""
        dialog = ConflictsDialog(self.host, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


def install_exchange_menu(window: QMainWindow, host: LedgerHost) -> QMenu:
    """Add 数据交换 to the window's menu bar (after the menus already there)."""
    actions = ExchangeMenu(host, window)
    menu = window.menuBar().addMenu(tr("数据交换(&X)"))
    menu.setObjectName("exchange_menu")
    for name, text, slot in (("export_package", tr("生成交换包(&E)…"), actions.export),
                             ("import_package", tr("导入交换包(&I)…"), actions.import_),
                             ("sync_conflicts", tr("处理冲突(&C)…"), actions.show_conflicts)):
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False, slot=slot: slot())
        menu.addAction(action)
    return menu
