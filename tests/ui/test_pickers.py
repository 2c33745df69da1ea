"""Reference pickers search the file as the clerk types (a province has 100,000 households),
name namesakes with their unit or village, and refuse a name that matches no record, or
several; date fields take the typed forms clerks use and a calendar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QTableView, QToolButton

from pairing_desktop.core import records
from pairing_desktop.ui import record_form
from pairing_desktop.ui.record_form import DateEditor, RefEditor
from pairing_desktop.ui.tabs.assignments import ReassignDialog
from tests.helpers import dump, save
from tests.ui.drive import click, fill, open_window, pick, popup_labels, show_tab, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def county(ledger):
    ranks = {label: i for i, label in records.choices(ledger, "rank")}
    finance = save(ledger, "unit", None, {"name": "县财政局", "level": "县直"})
    school = save(ledger, "unit", None, {"name": "县教育局", "level": "县直"})
    township = save(ledger, "township", None, {"name": "城关镇"})
    xinhua = save(ledger, "village", None, {"township": township, "name": "新华村"})
    xinzhai = save(ledger, "village", None, {"township": township, "name": "新寨村"})
    ids = {
        "张伟 财政": save(ledger, "cadre", None, {"unit": finance, "name": "张伟",
                                                "rank": ranks["股级"]}),
        "张伟 教育": save(ledger, "cadre", None, {"unit": school, "name": "张伟",
                                                "rank": ranks["股级"]}),
        "李四 新华": save(ledger, "household", None, {"village": xinhua, "head_name": "李四",
                                                    "group_name": "三组"}),
        "李四 新寨": save(ledger, "household", None, {"village": xinzhai, "head_name": "李四"}),
    }
    for n in range(60):  # more matches for "王" than a picker offers at once
        save(ledger, "household", None, {"village": xinzhai, "head_name": f"王{n:02d}"})
    return ids


@pytest.fixture
def searching(monkeypatch):
    """This small file's households and cadres are searched as a province's would be."""
    monkeypatch.setattr(record_form, "FULL_LIST_MAX", 10)


@pytest.fixture
def assignments(qtbot, ledger, settings, county, searching):
    window = open_window(qtbot, ledger, settings)
    panel = show_tab(window, "assignments").assignments
    click(qtbot, panel.new_button)
    return panel


def test_pick_a_household_from_the_matches_of_a_few_typed_words(qtbot, assignments, county, ledger):
    household: RefEditor = assignments.form.editors["household"]
    cadre: RefEditor = assignments.form.editors["cadre"]
    pick(qtbot, household, "新华 李", "李四（新华村·三组）")
    assert household.full_list is False  # searched, not listed
    assert household.currentText() == "李四（新华村·三组）"
    pick(qtbot, cadre, "张伟", "张伟（县教育局）")
    fill(qtbot, assignments, {"started_on": "2008-1-5"})
    click(qtbot, assignments.save_button)
    saved = assignments.form.record_id
    assert saved is not None, assignments.form.values()
    stored = records.load(ledger, "assignment", saved)
    assert (stored["household"], stored["cadre"]) == (county["李四 新华"], county["张伟 教育"])
    # reopened: the picker shows the record's label, read by id
    click(qtbot, assignments.new_button)
    assert household.currentText() == ""
    assignments.show_record(saved)
    assert household.currentText() == "李四（新华村·三组）"
    assert cadre.currentText() == "张伟（县教育局）"
    assert assignments.form.values()["household"] == county["李四 新华"]
    assert not assignments.form.dirty


def test_a_search_offers_a_limited_number_of_matches(qtbot, assignments):
    household: RefEditor = assignments.form.editors["household"]
    household.setFocus()
    type_text(qtbot, household.lineEdit(), "王")
    popup = household.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    labels = popup_labels(household)
    assert len(labels) == record_form.SEARCH_LIMIT < 60
    assert labels[:2] == ["王00（新寨村）", "王01（新寨村）"]
    type_text(qtbot, household.lineEdit(), "59")
    qtbot.waitUntil(lambda: popup_labels(household) == ["王59（新寨村）"], timeout=3000)


def test_a_name_matching_no_household_is_refused_beside_the_field(qtbot, assignments, ledger):
    before = dump(ledger)
    fill(qtbot, assignments, {"cadre": "张伟（县财政局）", "household": "赵六",
                              "started_on": "2008-01-05"})
    household: RefEditor = assignments.form.editors["household"]
    assert household.completer().popup().isHidden()
    assert household.no_match and "c0392b" in household.lineEdit().styleSheet()  # red at once
    click(qtbot, assignments.save_button)
    assert assignments.form.record_id is None
    assert dump(ledger) == before
    assert assignments.form.error_text("household") == \
        "贫困户：没有名为“赵六”的贫困户，请从列表中选择"
    assert assignments.form.errors["household"].isVisible()
    pick(qtbot, household, "李", "李四（新寨村）")
    assert not household.no_match and household.lineEdit().styleSheet() == ""


def test_namesakes_typed_by_name_alone_must_be_picked(qtbot, assignments, ledger):
    before = dump(ledger)
    fill(qtbot, assignments, {"cadre": "张伟", "household": "李四", "started_on": "2008-01-05"})
    click(qtbot, assignments.save_button)
    assert dump(ledger) == before
    assert assignments.form.error_text("cadre") == "帮扶干部：有 2 名干部都叫“张伟”，请从列表中选择"
    assert assignments.form.error_text("household") == \
        "贫困户：有 2 户贫困户都叫“李四”，请从列表中选择"


def test_a_small_kind_lists_every_record(qtbot, ledger, settings, county):
    window = open_window(qtbot, ledger, settings)
    cadres = window.tab("units").cadres
    click(qtbot, cadres.new_button)
    unit: RefEditor = cadres.form.editors["unit"]
    unit.setFocus()
    assert unit.full_list is True
    # in pinyin order: 财 cai2 before 教 jiao4
    assert [unit.itemText(i) for i in range(unit.count())] == ["县财政局", "县教育局"]


def test_the_hint_names_what_a_search_looks_in(qtbot, assignments):
    hint = assignments.form.editors["household"].lineEdit().placeholderText()
    assert hint == "例如：输入户主、所在村或村民组的几个字，再从列表中选择"


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["2008-01-05", "2008-1-5", "2008/1/5", "2008.1.5", "20080105",
                                   "2008年1月5日"])
def test_a_date_typed_in_a_common_form_is_saved(qtbot, assignments, county, typed, ledger):
    pick(qtbot, assignments.form.editors["household"], "李四", "李四（新寨村）")
    fill(qtbot, assignments, {"cadre": "张伟（县财政局）", "started_on": typed})
    click(qtbot, assignments.save_button)
    assert assignments.form.record_id is not None, assignments.form.error_text("started_on")
    assert str(records.load(ledger, "assignment", assignments.form.record_id)["started_on"]) \
        == "2008-01-05"
    assert assignments.form.editors["started_on"].text() == "2008-01-05"  # shown as stored
    assert assignments.form.editors["ended_on"].text() == ""  # optional, left empty


def test_a_bad_date_is_named_beside_the_field(qtbot, assignments, ledger):
    before = dump(ledger)
    fill(qtbot, assignments, {"cadre": "张伟（县财政局）", "household": "李四（新寨村）",
                              "started_on": "2008-2-30"})
    click(qtbot, assignments.save_button)
    assert dump(ledger) == before
    assert assignments.form.error_text("started_on") == "开始日期：2008年2月30日不存在"


def calendar_day(qtbot, editor: DateEditor, day: int) -> None:
    """Click a day of the month the open calendar shows (the 15th occurs once in any view)."""
    table = editor.calendar.findChild(QTableView)
    model = table.model()
    cells = [model.index(r, c) for r in range(model.rowCount())
             for c in range(model.columnCount())]
    cell = next(i for i in cells if i.data() == day)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(cell).center())


def test_a_date_picked_from_the_calendar(qtbot, assignments, county, ledger):
    fill(qtbot, assignments, {"cadre": "张伟（县财政局）", "household": "李四（新寨村）",
                              "started_on": "2009/3/1"})
    started: DateEditor = assignments.form.editors["started_on"]
    button = next(b for b in started.findChildren(QToolButton)
                  if b.defaultAction() is started.calendar_action)
    click(qtbot, button)
    qtbot.waitUntil(lambda: started.calendar is not None and started.calendar.isVisible())
    assert started.calendar.selectedDate() == QDate(2009, 3, 1)  # opens on the typed date
    calendar_day(qtbot, started, 15)
    assert started.text() == "2009-03-15"
    assert not started.calendar.isVisible()
    assert assignments.form.dirty
    click(qtbot, assignments.save_button)
    assert str(records.load(ledger, "assignment", assignments.form.record_id)["started_on"]) \
        == "2009-03-15"


def test_the_calendar_opens_from_the_keyboard_on_today(qtbot, assignments):
    ended: DateEditor = assignments.form.editors["ended_on"]
    ended.setFocus()
    qtbot.keyClick(ended, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert ended.calendar.isVisible()
    assert ended.calendar.selectedDate() == QDate.currentDate()
    qtbot.keyClick(ended.calendar.findChild(QTableView), Qt.Key.Key_Return)
    assert ended.text() == QDate.currentDate().toString("yyyy-MM-dd")


def test_enter_does_not_pick_one_of_several_namesakes(qtbot, assignments):
    household: RefEditor = assignments.form.editors["household"]
    household.setFocus()
    type_text(qtbot, household.lineEdit(), "李四")
    popup = household.completer().popup()
    qtbot.waitUntil(lambda: popup.isVisible() and len(popup_labels(household)) == 2,
                    timeout=3000)
    assert not popup.currentIndex().isValid()
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert household.currentText() == "李四"
    assert household.value() == "李四"  # the core will ask which one


def test_the_reassign_dialog_reads_a_typed_cadre_as_the_core_does(qtbot, host, county,
                                                                  searching):
    dialog = ReassignDialog(host, "李四（新华村·三组）")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    dialog.cadre.setFocus()
    type_text(qtbot, dialog.cadre.lineEdit(), "张伟")
    dialog.cadre.search_now()
    dialog.cadre.completer().popup().hide()
    click(qtbot, ok)
    assert dialog.isVisible()
    assert dialog.error.text() == "新帮扶干部：有 2 名干部都叫“张伟”，请从列表中选择"
    pick(qtbot, dialog.cadre, "教育", "张伟（县教育局）")
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, ok)
    assert dialog.answer()[0] == county["张伟 教育"]
