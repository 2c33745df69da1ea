"""Who works on a ledger: its auto-login operator, or whoever logs in; a new file first gets its
county administrator. The checks (passwords, lockout, roles) are the core's (`core.auth`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QWidget,
)

from pairing_desktop.core import auth
from pairing_desktop.core import operations as ops
from pairing_desktop.core.errors import PairingError
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.ui.dialogs import Ask


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
        answer = Ask.credentials(parent, ledger.label, first, message)
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


