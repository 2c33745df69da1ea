"""Every list's own 导出 and Ctrl+C: the rows the list shows, with its search and sort."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from pairing_desktop.core import records
from pairing_desktop.core.exchange.workbook_format import FORMATS
from pairing_desktop.core.rules.quotas import QuotaList
from pairing_desktop.ui.dialogs import Ask
from pairing_desktop.ui.list_model import PAGE
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_panel import ListPanel, RecordPanel
from tests.helpers import id_number, save

pytestmark = pytest.mark.gui


@pytest.fixture
def households(ledger):
    town = save(ledger, "township", None, {"name": "城关镇"})
    village = save(ledger, "village", None, {"township": town, "name": "新寨村"})
    made = {}
    for order, (name, members) in enumerate([("杨秀英", 4), ("杨明", 2), ("罗德明", 6),
                                              ("杨光", 5)], 1):
        made[name] = save(ledger, "household", None, {
            "village": village, "head_name": name, "members": members,
            "id_number": id_number("19620708", f"{order:02d}2")})
    return made


@pytest.fixture
def written(monkeypatch, tmp_path):
    """Where 导出 writes (the file dialog answered) and what it then told the clerk."""
    told: list[str] = []
    path = tmp_path / "列表.xlsx"
    monkeypatch.setattr(Ask, "save_path", classmethod(lambda cls, *a: str(path)))
    monkeypatch.setattr(Ask, "inform", classmethod(lambda cls, p, t, x: told.append(x)))
    return path, told


def sheet_rows(path) -> list[tuple]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:  # (an exchange workbook starts with its hidden 选项 sheet)
        return [tuple(r) for r in book.worksheets[-1].iter_rows(values_only=True)]
    finally:
        book.close()  # read-only workbooks hold their file open until closed


def test_export_writes_the_searched_sorted_rows_in_the_exchange_format(
        qtbot, ledger, households, written):
    panel = RecordPanel(LedgerHost(ledger), "household")
    qtbot.addWidget(panel)
    panel.list.search.setText("杨")
    members = [k for k, _ in panel.list.model.source.columns].index("members")
    panel.list.view.sortByColumn(members, Qt.SortOrder.DescendingOrder)
    panel.list.model.fetchMore()
    path, told = written
    qtbot.mouseClick(panel.list.findChild(QPushButton, "export_list"),
                     Qt.MouseButton.LeftButton)
    rows = sheet_rows(path)
    headings = [c.heading for c in FORMATS["household"].columns]
    assert list(rows[0]) == headings
    head = headings.index("户主")
    assert [r[head] for r in rows[1:]] == ["杨光", "杨秀英", "杨明"]  # 5, 4, 2 members
    number = rows[1][headings.index("身份证号")]
    assert "*" in number and number[:6] == "520522"  # masked as the export masks them
    assert told == [f"已导出 3 条记录到 {path}（身份证号和电话已隐去中间几位）。"]


def test_export_reads_the_list_query_not_the_rows_loaded(qtbot, ledger, households, written):
    """More rows than a page: the table has loaded the first page, the export has them all."""
    village = records.load(ledger, "household", households["杨光"])["village"]
    for i in range(PAGE + 5):
        save(ledger, "household", None, {"village": village, "head_name": f"户{i:03d}"})
    panel = ListPanel(LedgerHost(ledger), lambda led: records.EntityList(led, "household"),
                      {"household"}, "贫困户")
    qtbot.addWidget(panel)
    assert panel.model.rowCount() == PAGE < panel.model.total
    path, _told = written
    panel.export_action.trigger()
    assert len(sheet_rows(path)) == 1 + 4 + PAGE + 5


def test_a_list_of_figures_exports_its_own_columns(qtbot, ledger, written):
    unit = save(ledger, "unit", None, {"name": "县财政局", "level": "县直"})
    rank = records.resolve(ledger, "rank", "科局级")
    save(ledger, "cadre", None, {"unit": unit, "name": "刘建国", "rank": rank})
    panel = ListPanel(LedgerHost(ledger), QuotaList, {"cadre"}, "干部帮扶定额")
    qtbot.addWidget(panel)
    path, _told = written
    panel.export()
    rows = sheet_rows(path)
    assert rows[0] == ("姓名", "单位", "职级", "定额（户）", "现帮扶（户）", "情况")
    assert rows[1] == ("刘建国", "县财政局", "科局级", 3, 0, "不足")


def test_ctrl_c_copies_the_selected_rows_with_headings(qtbot, ledger, households):
    panel = RecordPanel(LedgerHost(ledger), "household")
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    view = panel.list.view
    model = panel.list.model
    rows = [model.row_of_id(households[n]) for n in ("杨明", "罗德明")]
    for row in rows:
        view.selectionModel().select(model.index(row, 0), view.selectionModel().SelectionFlag
                                     .Select | view.selectionModel().SelectionFlag.Rows)
    view.setFocus()
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().split("\r\n")
    assert lines[0].split("\t")[:4] == ["所在村", "村民组", "户主", "身份证号"]
    copied = [line.split("\t") for line in lines[1:] if line]
    assert sorted(c[2] for c in copied) == ["杨明", "罗德明"]
    assert all("*" in c[3] for c in copied)  # numbers as the list shows them


def test_an_empty_list_says_what_belongs_in_it(qtbot, ledger):
    panel = RecordPanel(LedgerHost(ledger), "unit")
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    placeholder = panel.list.placeholder
    assert placeholder.isVisible()
    assert "结对帮扶的单位" in placeholder.text() and "新建" in placeholder.text()
    panel.list.search.setText("财政")
    assert placeholder.text() == "没有与“财政”相符的记录。"
    cadres = RecordPanel(LedgerHost(ledger), "cadre", filters={"unit": None})
    qtbot.addWidget(cadres)
    assert "请先在上方选择一个帮扶单位" in cadres.list.placeholder.text()


def test_a_list_with_rows_shows_no_placeholder(qtbot, ledger, households):
    panel = RecordPanel(LedgerHost(ledger), "household")
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.list.placeholder.isVisible()


def test_the_other_lists_say_what_belongs_in_them_too(qtbot, ledger):
    from pairing_desktop.ui.letters.targets_tab import TargetsTab
    from pairing_desktop.ui.tabs.activities import ActivitiesTab
    from pairing_desktop.ui.tabs.assignments import AssignmentsTab

    host = LedgerHost(ledger)
    assignments = AssignmentsTab(host)
    activities = ActivitiesTab(host)
    targets = TargetsTab(host)
    for widget in (assignments, activities, targets):
        qtbot.addWidget(widget)
    assert "登记干部" in assignments.quota.placeholder.text()
    assert "为此户结对" in assignments.unassigned.placeholder.text()
    assert "Ctrl+Enter" in activities.list.placeholder.text()
    assert "在“结对”页登记结对" in targets.pairings.placeholder.text()
    assert "请先在左边选择一个单位–村结对" in targets.targets.list.placeholder.text()
