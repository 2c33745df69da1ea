"""编辑 → 操作日志 and a form's 历史: every change newest first, narrowed by operator, kind,
dates and record; exported to Excel with ID and phone numbers masked, or whole when the
administrator chooses, and then that export is itself in the log."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pairing_desktop.core import auth, history, history_book
from pairing_desktop.core import operations as ops
from pairing_desktop.core.errors import RefusedError
from pairing_desktop.ui.dialogs import Ask
from pairing_desktop.ui.history_window import HistoryWindow
from pairing_desktop.ui.record_panel import RecordPanel
from tests.helpers import save
from tests.ui.accounts import add_operator, work_as, work_as_admin
from tests.ui.drive import click, column_values, type_text

pytestmark = pytest.mark.gui

PHONE = "13885712345"


@pytest.fixture
def county(ledger):
    """The administrator makes a township and a village; clerk 小李 of that township edits the
    village; the administrator works again."""
    township = save(ledger, "township", None, {"name": "城关镇"})
    village = save(ledger, "village", None, {"township": township, "name": "新寨村",
                                             "secretary_phone": PHONE})
    add_operator(ledger, "xiaoli", auth.CLERK, township)
    work_as(ledger, "xiaoli")
    save(ledger, "village", village, {"secretary": "李支书"})
    work_as_admin(ledger)
    return {"township": township, "village": village}


@pytest.fixture
def window(qtbot, host, county):
    shown = HistoryWindow(host)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def save_to(monkeypatch, tmp_path):
    """Where 导出为 Excel… writes (the file dialog answered by the test)."""
    path = tmp_path / "操作日志.xlsx"
    monkeypatch.setattr(Ask, "save_path", classmethod(lambda cls, *args: str(path)))
    return path


def shown(window, column: str) -> list[str]:
    return column_values(window, column)


def choose(qtbot, combo, text: str) -> None:
    """Pick an item as the clerk does with the keyboard: the combo searches as one types, and
    keys typed after a pause start a new search."""
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    combo.setFocus()
    type_text(qtbot, combo, text)
    assert combo.currentText() == text


def type_date(qtbot, field, text: str) -> None:
    field.setFocus()
    field.clear()
    type_text(qtbot, field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def read_back(path) -> list[list]:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [list(row) for row in book[history_book.SHEET].iter_rows(values_only=True)]
    book.close()
    return rows


def test_newest_first_with_names_and_masked_numbers(window, county):
    assert shown(window, "label")[:3] == ["修改村", "新建操作员“xiaoli”", "新建村"]
    assert shown(window, "operator")[0] == "xiaoli"
    assert shown(window, "record")[0] == "新寨村（城关镇）"
    assert shown(window, "changes")[0] == "村支书：（空） → 李支书"
    created = shown(window, "changes")[2]
    assert "所属乡镇：城关镇" in created and "村支书电话：138****2345" in created
    assert PHONE not in " ".join(shown(window, "changes"))
    assert window.total.text() == f"共 {history.count(window.host.ledger)} 条"


def test_filters_by_operator_and_by_kind(qtbot, window):
    choose(qtbot, window.operator, "xiaoli")
    assert shown(window, "label") == ["修改村"]
    assert window.total.text() == "共 1 条"
    choose(qtbot, window.operator, "全部操作员")
    choose(qtbot, window.kind, "乡镇")
    assert shown(window, "label") == ["新建乡镇"]
    assert set(shown(window, "kind")) == {"乡镇"}
    click(qtbot, window.findChild(type(window.export_button), "clear"))
    assert len(shown(window, "label")) == window.model.total > 3


def test_filters_by_dates_typed_and_names_a_date_it_cannot_read(qtbot, window):
    today = dt.date.today()
    everything = shown(window, "label")
    type_date(qtbot, window.since, (today + dt.timedelta(days=1)).isoformat())
    assert shown(window, "label") == []
    type_date(qtbot, window.since, f"{today.year}/{today.month}/{today.day}")
    type_date(qtbot, window.until, today.strftime("%Y%m%d"))
    assert shown(window, "label") == everything
    type_date(qtbot, window.until, "2026-13-45")
    assert window.error.isVisible() and window.error.text().startswith("结束日期：")
    assert shown(window, "label") == everything  # the list stays as it was
    type_date(qtbot, window.until, (today - dt.timedelta(days=1)).isoformat())
    assert window.error.text() == "结束日期不能早于起始日期。"


def test_history_button_of_a_form_shows_that_records_changes(qtbot, host, county):
    panel = RecordPanel(host, "village")
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.history_button.isEnabled()  # a new record has no history yet
    panel.list.select_id(county["village"])
    panel.show_record(county["village"])
    click(qtbot, panel.history_button)
    window = panel.history_window
    assert window.isVisible()
    assert window.record_label.text() == "只看村“新寨村（城关镇）”的操作日志"
    assert shown(window, "label") == ["修改村", "新建村"]
    save(host.ledger, "township", None, {"name": "甘棠镇"})  # another record: not listed
    host.announce(ops.save(host.ledger, "village", county["village"], {"secretary": "王支书"}))
    assert shown(window, "changes")[0] == "村支书：李支书 → 王支书"
    assert len(shown(window, "label")) == 3
    click(qtbot, window.all_records)
    assert "新建乡镇" in shown(window, "label") and not window.record_label.isVisible()


def test_export_masks_numbers_by_default(qtbot, window, save_to, answers):
    before = history.count(window.host.ledger)
    click(qtbot, window.export_button)
    rows = read_back(save_to)
    assert rows[0] == ["时间", "操作员", "操作", "类型", "记录", "修改内容"]
    assert [r[2] for r in rows[1:4]] == ["修改村", "新建操作员“xiaoli”", "新建村"]
    assert isinstance(rows[1][0], dt.datetime)
    assert "村支书电话：138****2345" in rows[3][5]
    assert PHONE not in str(rows)
    assert answers.texts("confirm") == []
    assert history.count(window.host.ledger) == before  # a masked export is not recorded
    assert window.note.text() == f"已导出到 {save_to}"


def test_export_follows_the_filters(qtbot, window, save_to):
    choose(qtbot, window.operator, "xiaoli")
    click(qtbot, window.export_button)
    assert [r[1] for r in read_back(save_to)[1:]] == ["xiaoli"]


def test_export_with_full_numbers_is_confirmed_and_recorded(qtbot, window, save_to, answers):
    assert window.full_numbers.isEnabled()
    entries = history.count(window.host.ledger)
    window.full_numbers.setChecked(True)
    click(qtbot, window.export_button)
    assert "完整的身份证号码和电话号码" in answers.texts("confirm")[0]
    assert f"村支书电话：{PHONE}" in read_back(save_to)[3][5]
    assert shown(window, "label")[0] == "导出含完整证件号码的操作日志"  # the list re-read
    assert shown(window, "operator")[0] == "admin"
    assert shown(window, "changes")[0] == f"文件：{save_to}；条数：{entries}"
    recorded = history.entries(window.host.ledger, history.HistoryFilter(kind="export"))
    assert [e.fields["file"][1] for e in recorded] == [str(save_to)]


def test_full_numbers_declined_at_the_question_writes_nothing(qtbot, window, save_to, answers):
    window.full_numbers.setChecked(True)
    answers.confirm = False
    before = history.count(window.host.ledger)
    assert not window.export()
    assert not save_to.exists() and history.count(window.host.ledger) == before


def test_only_the_administrator_may_export_whole_numbers(qtbot, host, county, tmp_path):
    work_as(host.ledger, "xiaoli")
    window = HistoryWindow(host)
    qtbot.addWidget(window)
    assert not window.full_numbers.isEnabled()
    assert window.full_numbers.toolTip() == "只有县级管理员可以导出完整证件号码"
    with pytest.raises(RefusedError, match="“乡镇录入员”不能导出完整的证件号码"):
        history_book.write_history(host.ledger, history.HistoryFilter(), tmp_path / "a.xlsx",
                                   full_numbers=True)
    assert not (tmp_path / "a.xlsx").exists()
