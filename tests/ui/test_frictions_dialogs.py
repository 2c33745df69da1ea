"""设置 → 职级帮扶定额 closes by a 关闭 button and by Esc; deleting a unit that cadres refer to
is refused before the question, naming them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from pairing_desktop.core import records
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_panel import RecordPanel
from pairing_desktop.ui.tabs.assignments import AssignmentsTab
from tests.helpers import save

pytestmark = pytest.mark.gui


@pytest.fixture
def ranks(qtbot, host):
    tab = AssignmentsTab(host)
    qtbot.addWidget(tab)
    dialog = tab.edit_ranks()
    qtbot.waitExposed(dialog)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    return dialog


def test_the_quota_table_has_a_close_button(qtbot, ranks):
    button = ranks.findChild(QPushButton, "close")
    assert button.text() == "关闭"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not ranks.isVisible()


def test_esc_in_the_quota_table_closes_it(qtbot, ranks, answers):
    ranks.panel.form.editors["quota"].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not ranks.isVisible()
    assert answers.texts("unsaved") == []


def test_esc_with_unsaved_edits_asks_first(qtbot, ranks, answers, ledger):
    first = records.choices(ledger, "rank")[0][0]
    ranks.panel.list.select_id(first)
    ranks.panel.show_record(first)
    ranks.panel.form.editors["quota"].setText("9")
    ranks.panel.form.editors["quota"].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # answered 取消
    assert ranks.isVisible() and answers.texts("unsaved") == ["职级"]


def test_deleting_a_unit_with_cadres_names_them_and_asks_nothing(qtbot, ledger, answers):
    unit = save(ledger, "unit", None, {"name": "县财政局", "level": "县直"})
    rank = records.resolve(ledger, "rank", "股级")
    for name in ("冯海", "刘芳"):
        save(ledger, "cadre", None, {"unit": unit, "name": name, "rank": rank})
    panel = RecordPanel(LedgerHost(ledger), "unit")
    qtbot.addWidget(panel)
    panel.list.select_id(unit)
    panel.show_record(unit)
    assert not panel.delete()
    assert answers.texts("confirm") == []
    assert answers.texts("warn") == [
        "不能删除此帮扶单位：仍有2 名干部引用它（冯海、刘芳）。请先处理这些记录。"]
