"""Who works on a ledger: its auto-login operator, or whoever logs in; a new file first gets its
county administrator. The checks (passwords, lockout, roles) are the core's (`core.auth`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from pairing_desktop.core import auth
from pairing_desktop.core import operations as ops
from pairing_desktop.core.errors import PairingError
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.ui.dialogs import Ask
from pairing_desktop.ui.record_form import ERROR_STYLE


def tr(text: str) -> str:
    return QCoreApplication.translate("login", text)


def sign_in(parent: QWidget | None, ledger: Ledger) -> bool:
    """Make `ledger` work as an operator; False when the clerk gives up (nothing is changed)."""
    if ledger.operator is not None or auth.auto_login(ledger) is not None:
        return True
    return log_in(parent, ledger)


def log_in(parent: QWidget | None, ledger: Ledger) -> bool:
    """Ask for a name and password until they are right (文件 → 切换操作员 too); a new file
    creates its administrator. False when the clerk gives up: whoever worked before still does."""
    first = not auth.has_operators(ledger)
    message = ""
    while True:
        answer = Ask.credentials(parent, ledger.path.name, first, message)
        if answer is None:
            return False
        name, password = answer
        try:
            if first:
                ops.create_first_admin(ledger, name, password)
            else:
                auth.login(ledger, name, password)
        except PairingError as exc:
            message = str(exc)
            continue
        return True


class CredentialsDialog(QDialog):
    """User name and password; for a new file, the county administrator's account to create."""

    def __init__(self, file_name: str, first: bool, message: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("新建县级管理员账户") if first else tr("登录"))
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        intro = (tr("{0} 是新台账，请设置县级管理员的用户名和密码（至少 {1} 位）。")
                 .format(file_name, auth.MIN_PASSWORD) if first
                 else tr("请登录台账 {0}。").format(file_name))
        error = QLabel(message, self)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setVisible(bool(message))
        buttons = QDialogButtonBox(self)  # our words: the same whether or not Qt's are loaded
        buttons.addButton(tr("确定"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(intro, self))
        form.addRow(tr("用户名"), self.name)
        form.addRow(tr("密码"), self.password)
        form.addRow(error)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        return self.name.text().strip(), self.password.text()
