"""The questions the GUI asks, as classmethods: tests answer them without a modal exec()."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWidget

from pairing_desktop.ui.prompts import BackupSettingsDialog, CredentialsDialog, PasswordDialog

if TYPE_CHECKING:
    from pairing_desktop.core.storage.ledger import Ledger


def tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def close_button(dialog: QDialog) -> QPushButton:
    """关闭 (Esc does the same: QDialog's reject)."""
    button = QPushButton(tr("关闭"), dialog)
    button.setObjectName("close")
    button.setToolTip(tr("关闭（Esc）"))
    button.clicked.connect(dialog.reject)
    return button


def start_folder(ledger: Ledger) -> Path:
    """Where a file dialog starts and a suggested file goes: beside the ledger file; for a
    server ledger, its folder in the user's data folder once it has one, else the home folder."""
    folder = ledger.folder
    return folder if folder.is_dir() else Path.home()


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Ask:
    """Every modal question in one place; tests monkeypatch these classmethods."""

    @classmethod
    def unsaved(cls, parent: QWidget | None, what: str) -> Unsaved:
        """保存/放弃/取消 when leaving a record with edits."""
        box = QMessageBox(QMessageBox.Icon.Question, tr("未保存的修改"),
                          tr("“{0}”有未保存的修改。要保存吗？").format(what),
                          parent=parent)
        save = box.addButton(tr("保存"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(tr("放弃"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return Unsaved.SAVE
        if clicked is discard:
            return Unsaved.DISCARD
        return Unsaved.CANCEL

    @classmethod
    def confirm(cls, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def warn(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    @classmethod
    def error(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    @classmethod
    def inform(cls, parent: QWidget | None, title: str, text: str) -> None:
        """What was done (a backup made, a ledger restored): information, not a warning."""
        QMessageBox.information(parent, title, text)

    @classmethod
    def credentials(cls, parent: QWidget | None, file_name: str, first: bool,
                    message: str = "") -> tuple[str, str] | None:
        """(user name, password) to log in, or for a new file's administrator; None: cancel."""

        dialog = CredentialsDialog(file_name, first, message, parent)
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    @classmethod
    def new_password(cls, parent: QWidget | None, name: str) -> str | None:
        """A new password for operator `name`, typed twice; None: cancel."""

        dialog = PasswordDialog(name, parent)
        try:
            return dialog.password() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    @classmethod
    def server(cls, parent: QWidget | None, recent: list[str]) -> tuple[str, str] | None:
        """A server ledger's address and its password ("" : ~/.pgpass or PGPASSWORD)."""
        from pairing_desktop.ui.server import ask_server

        return ask_server(parent, recent)

    @classmethod
    def server_password(cls, parent: QWidget | None, address: str) -> str | None:
        """The password a server asked for and was not given; None: cancel."""
        from pairing_desktop.ui.server import ask_password

        return ask_password(parent, address)

    @classmethod
    def open_path(cls, parent: QWidget | None, folder: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(parent, tr("打开台账数据库"), folder,
                                              tr("台账数据库 (*.db);;所有文件 (*)"))
        return path

    @classmethod
    def open_backup(cls, parent: QWidget | None, folder: str) -> str:
        """A backup file to restore from ("" when cancelled)."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(parent, tr("选择要恢复的备份"), folder,
                                              tr("台账备份 (*.backup);;所有文件 (*)"))
        return path

    @classmethod
    def backup_settings(cls, parent: QWidget | None, values: dict,
                        default_folder: str) -> dict | None:
        """The backup settings as edited (the keys of core.backups.DEFAULTS); None: cancel."""

        dialog = BackupSettingsDialog(values, default_folder, parent)
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    @classmethod
    def new_path(cls, parent: QWidget | None, folder: str, title: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(parent, title, folder,
                                              tr("台账数据库 (*.db)"))
        if path and not path.lower().endswith(".db"):
            path += ".db"
        return path

    @classmethod
    def save_path(cls, parent: QWidget | None, title: str, suggested: str, pattern: str,
                  suffix: str) -> str:
        """Where to write an export ("" when cancelled); the suffix is added when left off."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, pattern)
        if path and not path.lower().endswith(suffix):
            path += suffix
        return path
