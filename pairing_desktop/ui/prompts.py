"""The small dialogs `Ask` opens (a login, a new password, the backup settings).

They ask and return values; they import none of the windows that ask for them, so `dialogs.Ask`
can import them at the top and the windows can import `Ask` without a circle of imports.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from pairing_desktop.core import auth
from pairing_desktop.core.backups import DEFAULTS as BACKUP_DEFAULTS
from pairing_desktop.ui.style import ERROR_STYLE


def tr(text: str) -> str:
    return QCoreApplication.translate("prompts", text)


def ok_cancel(parent: QWidget) -> QDialogButtonBox:
    """确定 and 取消 in our words (Qt's own translations are not shipped)."""
    buttons = QDialogButtonBox(parent)
    buttons.addButton(tr("确定"), QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
    return buttons


def password_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


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


class PasswordDialog(QDialog):
    """A new password, typed twice (Ask.new_password): it returns only when both agree."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("重设密码"))
        self.first = password_field(self, "password")
        self.second = password_field(self, "password_again")
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        buttons = ok_cancel(self)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(tr("为“{0}”设置新密码（至少 {1} 位）；账户若已锁定，也一并解锁。")
                           .format(name, auth.MIN_PASSWORD), self))
        form.addRow(tr("新密码"), self.first)
        form.addRow(tr("再输入一次"), self.second)
        form.addRow(self.error)
        form.addRow(buttons)

    def _check(self) -> None:
        if self.first.text() != self.second.text():
            self.error.setText(tr("两次输入的密码不一致。"))
            self.error.show()
            return
        self.accept()

    def password(self) -> str:
        return self.first.text()


class BackupSettingsDialog(QDialog):
    """设置 → 备份设置: the folder, a second folder (a USB stick), the interval and how many of
    each day, week and month are kept."""

    def __init__(self, values: dict[str, Any], default_folder: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("备份设置"))
        self.folder = QLineEdit(str(values.get("folder") or ""), self)
        self.folder.setObjectName("folder")
        self.folder.setPlaceholderText(tr("台账旁的 backups 文件夹：{0}").format(default_folder))
        self.second_folder = QLineEdit(str(values.get("second_folder") or ""), self)
        self.second_folder.setObjectName("second_folder")
        self.second_folder.setPlaceholderText(tr("不设（例如 U 盘上的文件夹 E:\\台账备份）"))
        self.minutes = self._spin("minutes", values, tr(" 分钟"))
        self.daily = self._spin("daily", values, tr(" 份"))
        self.weekly = self._spin("weekly", values, tr(" 份"))
        self.monthly = self._spin("monthly", values, tr(" 份"))
        intro = QLabel(tr(
            "程序在启动时、编辑期间每隔一段时间（有修改时）和退出时自动备份台账，"
            "每份备份写完后都会检查。\n"
            "请不要直接复制台账文件：程序运行时，最近的修改还在旁边的 -wal 文件里，"
            "复制出来的文件会缺少这些修改。要备份时请用“文件 → 立即备份”或“备份到…”。"), self)
        intro.setWordWrap(True)
        keep = QLabel(tr("保留最近若干天每天最新的一份、最近若干周每周最新的一份、"
                         "最近若干月每月最新的一份，更早的自动删除。"), self)
        keep.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(tr("备份文件夹"), self._with_browse(self.folder))
        form.addRow(tr("第二备份位置"), self._with_browse(self.second_folder))
        form.addRow(tr("自动备份间隔"), self.minutes)
        form.addRow(keep)
        form.addRow(tr("保留每天的"), self.daily)
        form.addRow(tr("保留每周的"), self.weekly)
        form.addRow(tr("保留每月的"), self.monthly)
        form.addRow(buttons)
        self.setMinimumWidth(560)

    def _spin(self, name: str, values: dict[str, Any], suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(1, 1000)  # what the core accepts
        spin.setSuffix(suffix)
        spin.setValue(int(values.get(name) or BACKUP_DEFAULTS[name]))
        spin.setMaximumWidth(140)
        return spin

    def _with_browse(self, edit: QLineEdit) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit, 1)
        browse = QPushButton(tr("浏览…"), row)
        browse.clicked.connect(lambda _checked=False: self._browse(edit))
        layout.addWidget(browse)
        return row

    def _browse(self, edit: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("选择文件夹"), edit.text())
        if folder:
            edit.setText(folder)

    def values(self) -> dict[str, Any]:
        return {"folder": self.folder.text().strip(),
                "second_folder": self.second_folder.text().strip(),
                "minutes": self.minutes.value(), "daily": self.daily.value(),
                "weekly": self.weekly.value(), "monthly": self.monthly.value()}
