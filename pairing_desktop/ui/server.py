"""A ledger on a PostgreSQL server in the window: asking for its address, and its password.

The password is never stored nor shown: libpq finds it in ~/.pgpass or PGPASSWORD; when the
server asks for one that neither gives, the clerk types it and it is put in this process's
environment (PGPASSWORD), where the window's later connections (a worker's reader) find it.
The recent list keeps the address without it (`storage.server.shown`).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from pairing_desktop.core.errors import StorageError
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.core.storage.server import is_server_url, shown
from pairing_desktop.ui.dialogs import Ask
from pairing_desktop.ui.prompts import ok_cancel, password_field

EXAMPLE = "postgresql://clerk@192.168.1.10/pairing"
# what libpq says when the server wants a password it was not given, or was given a wrong one
_PASSWORD_WANTED = ("no password supplied", "password authentication failed")


def tr(text: str) -> str:
    return QCoreApplication.translate("server", text)


class ServerDialog(QDialog):
    """文件 → 打开服务器上的台账…: the address (the recent ones offered) and, when ~/.pgpass or
    PGPASSWORD does not give it, the password."""

    def __init__(self, recent: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("打开服务器上的台账"))
        self.address = QComboBox(self)
        self.address.setObjectName("address")
        self.address.setEditable(True)
        self.address.addItems(recent)
        self.address.setCurrentText(recent[0] if recent else "postgresql://")
        self.address.setMinimumWidth(self.fontMetrics().horizontalAdvance(EXAMPLE) * 3 // 2)
        self.password = password_field(self, "password")
        self.password.setPlaceholderText(tr("留空：用 ~/.pgpass 或 PGPASSWORD 中的密码"))
        hint = QLabel(tr("地址格式：postgresql://用户名@服务器/数据库名\n例如：{0}\n"
                         "密码只用于这次连接，不会保存，也不会显示在标题或最近打开的列表里。")
                      .format(EXAMPLE), self)
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(tr("服务器地址"), self.address)
        form.addRow(tr("数据库密码"), self.password)
        form.addRow(hint)
        buttons = ok_cancel(self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        return self.address.currentText().strip(), self.password.text()


def ask_server(parent: QWidget | None, recent: list[str]) -> tuple[str, str] | None:
    """(address, password or ""), None when cancelled."""
    dialog = ServerDialog(recent, parent)
    try:
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_password(parent: QWidget | None, address: str) -> str | None:
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getText(
        parent, tr("数据库密码"), tr("服务器 {0} 要求密码：").format(shown(address)),
        QLineEdit.EchoMode.Password)
    return text if ok else None


def use_password(password: str) -> None:
    """For this process's connections only: never written to the settings or a file."""
    os.environ["PGPASSWORD"] = password


def open_server(parent: QWidget | None, address: str, title: str) -> Ledger | None:
    """Open the ledger at `address`; a password the server wants and was not given is asked
    for once. A refusal is shown (the address without its password) and gives None."""
    if not is_server_url(address):
        Ask.warn(parent, title, tr("服务器地址应以 postgresql:// 开头，如 {0}。").format(EXAMPLE))
        return None
    for attempt in (1, 2):
        try:
            return open_ledger(address)
        except StorageError as exc:
            wanted = any(text in str(exc) for text in _PASSWORD_WANTED)
            password = Ask.server_password(parent, address) if wanted and attempt == 1 \
                else None
            if password is None:
                Ask.warn(parent, title, str(exc))
                return None
            use_password(password)
    return None
