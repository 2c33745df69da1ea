"""设置 → 操作员账户 and 文件 → 切换操作员: the administrator creates an account that can then
log in, resets passwords, disables accounts and chooses auto-login after an explicit question;
others find the page disabled; the status bar names the operator and their role."""

from __future__ import annotations

import pytest

from pairing_desktop.core import auth
from pairing_desktop.core import operations as ops
from pairing_desktop.core.errors import RefusedError
from pairing_desktop.ui.dialogs import Ask
from pairing_desktop.ui.operators_dialog import OperatorsDialog
from pairing_desktop.ui.tabs.registry import tabs_named
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.helpers import save
from tests.ui.accounts import PASSWORD, add_operator
from tests.ui.drive import click, open_window, type_text

pytestmark = pytest.mark.gui

NEW_PASSWORD = "新的密码2026"


@pytest.fixture
def towns(ledger):
    return {name: save(ledger, "township", None, {"name": name}) for name in ("城关镇", "甘棠镇")}


@pytest.fixture
def dialog(qtbot, host, towns):
    shown = OperatorsDialog(host)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def accounts(dialog) -> list[tuple[str, ...]]:
    table = dialog.table
    return [tuple(table.item(r, c).text() for c in range(table.columnCount()))
            for r in range(table.rowCount())]


def new_account(qtbot, dialog, name: str, role: str, township: str = "",
                password: str = PASSWORD, again: str = PASSWORD) -> None:
    for field, text in ((dialog.name, name), (dialog.full_name, "李小红"),
                        (dialog.password, password), (dialog.password_again, again)):
        field.setFocus()
        field.clear()
        type_text(qtbot, field, text)
    dialog.role.setCurrentIndex(dialog.role.findText(role))
    if township:
        dialog.township.setCurrentIndex(dialog.township.findText(township))
    click(qtbot, dialog.create_button)


def test_a_new_clerk_account_can_log_in(qtbot, dialog, host, towns):
    assert accounts(dialog) == [(ADMIN, "县委组织部 王芳", "县级管理员", "", "正常", "是")]
    new_account(qtbot, dialog, "xiaohong", "乡镇录入员", "甘棠镇")
    assert ("xiaohong", "李小红", "乡镇录入员", "甘棠镇", "正常", "") in accounts(dialog)
    assert dialog.selected_name() == "xiaohong"
    assert dialog.message.text() == "已新建账户“xiaohong”。"
    assert dialog.name.text() == "" and dialog.password.text() == ""
    who = auth.login(host.ledger, "xiaohong", PASSWORD)
    assert (who.role, who.township_id) == (auth.CLERK, towns["甘棠镇"])


def test_the_township_is_asked_only_of_a_clerk(qtbot, dialog):
    dialog.role.setCurrentIndex(dialog.role.findText("只读"))
    assert not dialog.township.isEnabled()
    dialog.role.setCurrentIndex(dialog.role.findText("乡镇录入员"))
    assert dialog.township.isEnabled()


def test_passwords_that_differ_or_a_taken_name_make_no_account(qtbot, dialog):
    new_account(qtbot, dialog, "xiaohong", "只读", again="另一个密码")
    assert dialog.error.text() == "两次输入的密码不一致。"
    new_account(qtbot, dialog, ADMIN, "只读")
    assert dialog.error.text() == f"用户名：“{ADMIN}”已存在，不能重复"
    new_account(qtbot, dialog, "xiaohong", "只读", password="123", again="123")
    assert dialog.error.text() == f"密码：至少 {auth.MIN_PASSWORD} 位"
    assert [a[0] for a in accounts(dialog)] == [ADMIN]


def test_reset_password_then_disable_and_enable(qtbot, monkeypatch, dialog, host, answers):
    add_operator(host.ledger, "xiaohong", auth.VIEWER)
    monkeypatch.setattr(Ask, "new_password", classmethod(lambda cls, parent, name: NEW_PASSWORD))
    dialog.refresh()  # an account made outside the page's operations (the test's)
    dialog.select("xiaohong")
    click(qtbot, dialog.reset_button)
    assert dialog.message.text() == "已重设“xiaohong”的密码。"
    assert auth.login(host.ledger, "xiaohong", NEW_PASSWORD).name == "xiaohong"
    auth.login(host.ledger, ADMIN, ADMIN_PASSWORD)
    click(qtbot, dialog.disable_button)
    assert accounts(dialog)[-1][4] == "已停用" and dialog.disable_button.text() == "启用"
    with pytest.raises(RefusedError, match="已停用"):
        auth.login(host.ledger, "xiaohong", NEW_PASSWORD)
    click(qtbot, dialog.disable_button)
    assert accounts(dialog)[-1][4] == "正常"


def test_ones_own_account_cannot_be_disabled(qtbot, dialog, answers):
    dialog.select(ADMIN)
    click(qtbot, dialog.disable_button)
    assert answers.texts("warn") == ["不能停用正在使用的账户。"]


def test_auto_login_is_changed_only_after_the_question(qtbot, dialog, host, answers):
    add_operator(host.ledger, "xiaohong", auth.VIEWER)
    dialog.refresh()
    answers.confirm = False
    dialog.auto_login.setCurrentIndex(dialog.auto_login.findText("xiaohong"))
    click(qtbot, dialog.auto_login_button)
    assert "直接以“xiaohong”的身份工作" in answers.texts("confirm")[0]
    assert auth.auto_login_name(host.ledger) == ADMIN
    assert dialog.auto_login.currentText() == ADMIN  # back to what is stored
    answers.confirm = True
    dialog.auto_login.setCurrentIndex(dialog.auto_login.findText("xiaohong"))
    click(qtbot, dialog.auto_login_button)
    assert auth.auto_login_name(host.ledger) == "xiaohong"
    dialog.auto_login.setCurrentIndex(0)
    click(qtbot, dialog.auto_login_button)
    assert "每次打开此台账都要输入用户名和密码" in answers.texts("confirm")[-1]
    assert auth.auto_login_name(host.ledger) is None


def test_the_accounts_page_is_the_administrators_and_switching_operator(qtbot, ledger,
                                                                         settings, towns,
                                                                         answers):
    add_operator(ledger, "xiaoli", auth.CLERK, towns["城关镇"])
    window = open_window(qtbot, ledger, settings, tabs_named("villages"))
    assert window.operators_action.isEnabled()
    assert window._operator_label.text() == f"操作员：{ADMIN}（县级管理员）"
    window.operators_action.trigger()
    assert window.operators.isVisible()
    window.host.perform(ops.save, "unit", None, {"name": "县财政局", "level": "县直"})
    assert window.host.can_undo() == "新建帮扶单位"
    answers.credentials = ("xiaoli", PASSWORD)
    assert window.switch_operator()
    assert window._operator_label.text() == "操作员：xiaoli（乡镇录入员）"
    assert not window.operators_action.isEnabled() and not window.operators.isVisible()
    assert window.host.can_undo() is None  # the administrator's work is not the clerk's to undo
    assert window.show_operators() is None


def test_a_cancelled_switch_keeps_the_operator(qtbot, ledger, settings, answers):
    window = open_window(qtbot, ledger, settings, tabs_named("units"))
    answers.credentials = None
    assert not window.switch_operator()
    assert ledger.operator.name == ADMIN
