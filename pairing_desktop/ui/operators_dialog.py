"""设置 → 操作员账户: the county administrator creates accounts, resets passwords, disables
accounts and chooses auto-login. Every change is the core's operation (administrators only, with
its own checks and its own messages); this page only collects what to do.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core import auth, records
from pairing_desktop.core import operations as ops
from pairing_desktop.core.changes import Changes
from pairing_desktop.core.errors import PairingError, ValidationError
from pairing_desktop.ui.dialogs import Ask
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.prompts import password_field
from pairing_desktop.ui.record_form import ERROR_STYLE

HEADERS = ("用户名", "姓名", "角色", "所属乡镇", "状态", "自动登录")


def tr(text: str) -> str:
    return QCoreApplication.translate("operators", text)


class OperatorsDialog(QDialog):
    """The accounts of this ledger, a form for a new one, and the auto-login choice."""

    def __init__(self, host: LedgerHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("operators")
        self.setWindowTitle(tr("操作员账户"))
        self.host = host
        self._accounts: list[tuple[str, str, str, str, bool]] = []
        self._auto_names: list[str] = [""]
        self._roles = list(auth.ROLES)
        self._townships: list[uuid.UUID] = []
        self.table = self._table()
        self.reset_button = QPushButton(tr("重设密码…"), self)
        self.reset_button.setObjectName("reset")
        self.reset_button.clicked.connect(lambda _checked=False: self.reset_password())
        self.disable_button = QPushButton(tr("停用"), self)
        self.disable_button.setObjectName("disable")
        self.disable_button.clicked.connect(lambda _checked=False: self.toggle_disabled())
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        new_box = self._new_account_box()
        auto_box = self._auto_login_box()
        close = QDialogButtonBox(self)
        close.addButton(tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.rejected.connect(self.close)
        account_buttons = QHBoxLayout()
        account_buttons.addWidget(self.reset_button)
        account_buttons.addWidget(self.disable_button)
        account_buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addLayout(account_buttons)
        left.addWidget(self.message)
        right = QVBoxLayout()
        right.addWidget(new_box)
        right.addWidget(auto_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(close)
        self.table.itemSelectionChanged.connect(self._show_selection)
        self.refresh()
        host.changed.connect(self._on_changes)
        host.replaced.connect(self.refresh)
        self.resize(1080, 520)
        for button in self.findChildren(QPushButton):  # Enter in a field must not press one
            button.setAutoDefault(False)

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, len(HEADERS), self)
        table.setObjectName("accounts")
        table.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _new_account_box(self) -> QGroupBox:
        box = QGroupBox(tr("新建账户"), self)
        self.name = QLineEdit(box)
        self.name.setObjectName("name")
        self.full_name = QLineEdit(box)
        self.full_name.setObjectName("full_name")
        self.role = QComboBox(box)
        self.role.setObjectName("role")
        self.role.addItems([tr(label) for label in auth.ROLES.values()])
        self.role.setCurrentIndex(self._roles.index(auth.CLERK))
        self.role.currentIndexChanged.connect(lambda _i: self._show_township())
        self.township = QComboBox(box)
        self.township.setObjectName("township")
        self.township.setPlaceholderText(tr("请选择乡镇"))
        self.password = password_field(box, "password")
        self.password_again = password_field(box, "password_again")
        self.create_button = QPushButton(tr("新建账户"), box)
        self.create_button.setObjectName("create")
        self.create_button.clicked.connect(lambda _checked=False: self.create())
        self.error = QLabel(box)
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout(box)
        form.addRow(tr("用户名"), self.name)
        form.addRow(tr("姓名"), self.full_name)
        form.addRow(tr("角色"), self.role)
        form.addRow(tr("所属乡镇"), self.township)
        form.addRow(tr("密码（至少 {0} 位）").format(auth.MIN_PASSWORD), self.password)
        form.addRow(tr("再输入一次"), self.password_again)
        form.addRow(self.error)
        form.addRow(self.create_button)
        return box

    def _auto_login_box(self) -> QGroupBox:
        box = QGroupBox(tr("自动登录"), self)
        self.auto_login = QComboBox(box)
        self.auto_login.setObjectName("auto_login")
        self.auto_login_button = QPushButton(tr("保存自动登录设置"), box)
        self.auto_login_button.setObjectName("save_auto_login")
        self.auto_login_button.clicked.connect(lambda _checked=False: self.save_auto_login())
        hint = QLabel(tr("只适合一人使用的电脑：打开台账时不再询问密码，"
                         "操作日志仍记下这位操作员的名字。"), box)
        hint.setWordWrap(True)
        column = QVBoxLayout(box)
        column.addWidget(hint)
        column.addWidget(self.auto_login)
        column.addWidget(self.auto_login_button)
        return box

    # --- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the accounts, the townships and the auto-login choice again."""
        ledger = self.host.ledger
        chosen = self.selected_name()
        self._accounts = auth.operator_names(ledger)
        auto = auth.auto_login_name(ledger)
        self.table.setRowCount(len(self._accounts))
        for row, (name, full_name, role, township, disabled) in enumerate(self._accounts):
            texts = (name, full_name, tr(role), township,
                     tr("已停用") if disabled else tr("正常"), tr("是") if name == auto else "")
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
        names = [a[0] for a in self._accounts]
        if chosen in names:
            self.table.selectRow(names.index(chosen))
        self._auto_names = ["", *names]
        self.auto_login.clear()
        self.auto_login.addItems([tr("不自动登录（每次打开都输入密码）"), *names])
        self.auto_login.setCurrentIndex(self._auto_names.index(auto) if auto in names else 0)
        towns = records.choices(ledger, "township")
        self._townships = [town_id for town_id, _ in towns]
        self.township.clear()
        self.township.addItems([label for _, label in towns])
        self.township.setCurrentIndex(-1)  # a clerk's township is chosen, never defaulted
        self._show_township()
        self._show_selection()

    def _show_township(self) -> None:
        """Only a township clerk belongs to a township."""
        self.township.setEnabled(self._roles[self.role.currentIndex()] == auth.CLERK)

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self._accounts[rows[0].row()][0] if rows else None

    def select(self, name: str) -> None:
        names = [a[0] for a in self._accounts]
        if name in names:
            self.table.selectRow(names.index(name))

    def _show_selection(self) -> None:
        name = self.selected_name()
        disabled = name is not None and self._account(name)[4]
        self.reset_button.setEnabled(name is not None)
        self.disable_button.setEnabled(name is not None)
        self.disable_button.setText(tr("启用") if disabled else tr("停用"))

    def _account(self, name: str) -> tuple[str, str, str, str, bool]:
        return next(a for a in self._accounts if a[0] == name)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(("operator", "setting", "township")):
            self.refresh()

    # --- actions ---------------------------------------------------------------------------

    def create(self) -> bool:
        """新建账户: the core checks the name, the password, the role and the township."""
        self.error.hide()
        if self.password.text() != self.password_again.text():
            return self._refuse(tr("两次输入的密码不一致。"))
        role = self._roles[self.role.currentIndex()]
        index = self.township.currentIndex()
        township = self._townships[index] if role == auth.CLERK and index >= 0 else None
        name = self.name.text().strip()
        try:
            self.host.perform(ops.create_operator, name, self.password.text(), role, township,
                              self.full_name.text())
        except ValidationError as exc:
            return self._refuse("\n".join(exc.errors.values()))
        except PairingError as exc:
            return self._refuse(str(exc))
        for field in (self.name, self.full_name, self.password, self.password_again):
            field.clear()
        self.select(name)
        self.message.setText(tr("已新建账户“{0}”。").format(name))
        return True

    def _refuse(self, text: str) -> bool:
        self.error.setText(text)
        self.error.show()
        return False

    def reset_password(self) -> bool:
        name = self.selected_name()
        if name is None:
            return False
        password = Ask.new_password(self, name)
        if password is None:
            return False
        return self._perform(tr("已重设“{0}”的密码。").format(name), ops.reset_password, name,
                             password)

    def toggle_disabled(self) -> bool:
        """停用 an account (it can no longer log in) or 启用 it again."""
        name = self.selected_name()
        if name is None:
            return False
        disable = not self._account(name)[4]
        done = tr("已停用“{0}”。") if disable else tr("已启用“{0}”。")
        return self._perform(done.format(name), ops.set_disabled, name, disable)

    def save_auto_login(self) -> bool:
        """Auto-login changes who may work without a password: asked explicitly."""
        name = self._auto_names[max(self.auto_login.currentIndex(), 0)] or None
        if name == auth.auto_login_name(self.host.ledger):
            return False
        text = (tr("以后打开此台账时不再询问密码，直接以“{0}”的身份工作：能使用这台电脑的人"
                   "都能以此身份修改台账，操作日志也记为“{0}”。\n只适合一人使用的电脑。"
                   "确定设置自动登录吗？").format(name) if name else
                tr("取消自动登录后，每次打开此台账都要输入用户名和密码。确定吗？"))
        if not Ask.confirm(self, tr("自动登录"), text):
            self.refresh()
            return False
        done = (tr("已设置自动登录为“{0}”。").format(name) if name
                else tr("已取消自动登录。"))
        return self._perform(done, ops.set_auto_login, name)

    def _perform(self, done: str, op_fn: Callable[..., Changes], *args: object) -> bool:
        try:
            self.host.perform(op_fn, *args)
        except PairingError as exc:
            Ask.warn(self, tr("操作员账户"), str(exc))
            return False
        self.message.setText(done)
        return True


