"""Working in the tabs: delete with confirmation (refused while referenced), the unsaved-edits
question when leaving a record, a tab or the program, keyboard shortcuts, search and sort."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from pairing_desktop.core import auth, records
from pairing_desktop.core import operations as ops
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.ui.dialogs import Unsaved
from pairing_desktop.ui.record_form import RecordForm
from pairing_desktop.ui.record_panel import ListPanel
from tests.helpers import save
from tests.ui.drive import (
    click,
    click_row,
    column_values,
    ctrl,
    fill,
    open_window,
    show_tab,
    type_text,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def county(ledger):
    ranks = {label: i for i, label in records.choices(ledger, "rank")}
    units = {name: save(ledger, "unit", None, {"name": name, "level": "县直"})
             for name in ("县委组织部", "县财政局", "县教育局")}
    cadre = save(ledger, "cadre", None, {"unit": units["县委组织部"], "name": "刘芳",
                                         "rank": ranks["科局级"]})
    township = save(ledger, "township", None, {"name": "城关镇"})
    village = save(ledger, "village", None, {"township": township, "name": "新寨村"})
    households = [save(ledger, "household", None, {"village": village, "head_name": name})
                  for name in ("李四", "王五")]
    assignment = save(ledger, "assignment", None, {"cadre": cadre, "household": households[0],
                                                   "started_on": "2008-01-05"})
    return {"units": units, "cadre": cadre, "ranks": ranks, "households": households,
            "assignment": assignment, "village": village}


@pytest.fixture
def window(qtbot, ledger, settings, county):
    return open_window(qtbot, ledger, settings)


def select(panel, record_id):
    row = panel.list.model.row_of_id(record_id)
    assert row >= 0
    panel.list.view.setCurrentIndex(panel.list.model.index(row, 0))


def unit_names(ledger):
    return sorted(name for _, name in records.choices(ledger, "unit"))


def test_delete_key_refused_while_cadres_refer_to_the_unit(qtbot, window, county, answers, ledger):
    units = window.tab("units").units
    select(units, county["units"]["县委组织部"])
    units.list.view.setFocus()
    qtbot.keyClick(units.list.view, Qt.Key.Key_Delete)
    assert answers.texts("confirm") == []  # refused before asking "are you sure?"
    [warning] = answers.texts("warn")
    assert warning.startswith("不能删除此帮扶单位：仍有1 名干部引用它（")
    assert "县委组织部" in unit_names(ledger)


def test_delete_asks_first_and_no_keeps_the_record(qtbot, window, county, answers, ledger):
    units = window.tab("units").units
    select(units, county["units"]["县财政局"])
    answers.confirm = False
    click(qtbot, units.delete_button)
    assert "县财政局" in unit_names(ledger)
    answers.confirm = True
    click(qtbot, units.delete_button)
    assert unit_names(ledger) == sorted(["县教育局", "县委组织部"])
    assert "县财政局" not in column_values(units, "name")
    assert units.form.record_id is None


def test_village_with_households_cannot_be_deleted(qtbot, window, county, answers, ledger):
    villages = show_tab(window, "villages").villages
    select(villages, county["village"])
    click(qtbot, villages.delete_button)
    assert "2 户贫困户" in answers.texts("warn")[0]
    assert records.counts(ledger, ["village"]) == {"village": 1}


def test_leaving_an_edited_record_asks_and_cancel_stays(qtbot, window, county, answers, ledger):
    units = window.tab("units").units
    first = units.list.model.row_of_id(county["units"]["县财政局"])
    click_row(qtbot, units, first)
    fill(qtbot, units, {"head": "赵六"})
    other = units.list.model.row_of_id(county["units"]["县教育局"])
    answers.unsaved = Unsaved.CANCEL
    click_row(qtbot, units, other)
    assert answers.texts("unsaved") == ["帮扶单位"]
    assert units.list.current_id() == county["units"]["县财政局"]
    assert units.form.values()["head"] == "赵六"
    answers.unsaved = Unsaved.DISCARD
    click_row(qtbot, units, other)
    assert units.list.current_id() == county["units"]["县教育局"]
    assert records.load(ledger, "unit", county["units"]["县财政局"])["head"] is None


def test_leaving_with_save_saves_first(qtbot, window, county, answers, ledger):
    units = window.tab("units").units
    click_row(qtbot, units, units.list.model.row_of_id(county["units"]["县财政局"]))
    fill(qtbot, units, {"head": "赵六"})
    answers.unsaved = Unsaved.SAVE
    click_row(qtbot, units, units.list.model.row_of_id(county["units"]["县教育局"]))
    assert records.load(ledger, "unit", county["units"]["县财政局"])["head"] == "赵六"
    assert units.form.record_id == county["units"]["县教育局"]


def test_save_that_fails_keeps_the_user_on_the_record(qtbot, window, county, answers):
    units = window.tab("units").units
    click_row(qtbot, units, units.list.model.row_of_id(county["units"]["县财政局"]))
    fill(qtbot, units, {"contact_phone": "123"})
    answers.unsaved = Unsaved.SAVE
    click_row(qtbot, units, units.list.model.row_of_id(county["units"]["县教育局"]))
    assert units.form.record_id == county["units"]["县财政局"]
    assert units.form.error_text("contact_phone").startswith("联系电话：")


def test_switching_tab_or_closing_with_edits_asks(qtbot, window, answers, ledger):
    units = window.tab("units").units
    click(qtbot, units.new_button)
    fill(qtbot, units, {"name": "县民政局"})
    answers.unsaved = Unsaved.CANCEL
    show_tab(window, "pairings")
    assert window.tabs.currentWidget() is window.tab("units")
    window.close()
    assert window.isVisible()
    assert answers.texts("unsaved") == ["帮扶单位", "帮扶单位"]
    answers.unsaved = Unsaved.SAVE
    window.close()
    assert not window.isVisible()
    assert "县民政局" in unit_names(ledger)


def test_a_childs_edits_are_asked_about_when_the_parent_record_changes(qtbot, window, county,
                                                                        answers):
    tab = window.tab("units")
    click_row(qtbot, tab.units, tab.units.list.model.row_of_id(county["units"]["县委组织部"]))
    assert column_values(tab.cadres, "name") == ["刘芳"]
    click_row(qtbot, tab.cadres, 0)
    fill(qtbot, tab.cadres, {"phone": "13812345678"})
    answers.unsaved = Unsaved.CANCEL
    click_row(qtbot, tab.units, tab.units.list.model.row_of_id(county["units"]["县教育局"]))
    assert answers.texts("unsaved") == ["干部"]
    assert tab.units.list.current_id() == county["units"]["县委组织部"]


def test_escape_reverts_and_ctrl_n_starts_a_new_record(qtbot, window, county):
    units = window.tab("units").units
    click_row(qtbot, units, units.list.model.row_of_id(county["units"]["县财政局"]))
    fill(qtbot, units, {"name": "县财政局（改）"})
    qtbot.keyClick(units.form.editors["name"], Qt.Key.Key_Escape)
    assert units.form.values()["name"] == "县财政局"
    assert not units.form.dirty
    ctrl(qtbot, units.form.editors["name"], Qt.Key.Key_N)
    assert units.form.record_id is None
    assert units.form.values()["name"] == ""
    assert QApplication.focusWidget() is units.form.editors["name"]


def test_ctrl_f_focuses_search_which_filters_in_sql(qtbot, window):
    units = window.tab("units").units
    units.list.view.setFocus()
    ctrl(qtbot, units.list.view, Qt.Key.Key_F)
    assert QApplication.focusWidget() is units.list.search
    type_text(qtbot, units.list.search, "教育")
    assert column_values(units, "name") == ["县教育局"]
    assert units.list.total.text() == "共 1 条"


def test_header_click_sorts(qtbot, window):
    units = window.tab("units").units
    header = units.list.view.horizontalHeader()
    x = header.sectionViewportPosition(0) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    first = column_values(units, "name")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert column_values(units, "name") == list(reversed(first))
    assert sorted(first) in (first, list(reversed(first)))


def test_status_bar_shows_file_and_counts(window, ledger):
    assert str(ledger.path) in window._path_label.text()
    assert "帮扶单位 3" in window._counts_label.text()
    assert "贫困户 2" in window._counts_label.text()


def test_every_table_model_passes_modeltester(qtmodeltester, window):
    window.all_tabs()  # tabs are built when first shown: every one, here
    lists = window.findChildren(ListPanel)
    assert len(lists) >= 13
    for lst in lists:
        qtmodeltester.check(lst.model)


def test_tab_order_follows_the_form(qtbot, window):
    cadres = window.tab("units").cadres
    form = cadres.form
    form.first_editor().setFocus()
    seen = [QApplication.focusWidget()]
    for _ in range(len(form.editors) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    expected = [form.editors[f.name] for f in form.spec.fields]
    # an editable combo box hands focus to its line edit
    shown = [w.parent() if w.parent() in expected and w not in expected else w for w in seen]
    assert shown == expected


def test_records_added_in_one_tab_are_choices_in_another(qtbot, window):
    pairing = show_tab(window, "pairings").uv
    pairing.form.editors["unit"].setFocus()  # its choices are read now, without 县水利局
    assert pairing.form.editors["unit"].findText("县委组织部") >= 0
    units = show_tab(window, "units").units
    click(qtbot, units.new_button)
    fill(qtbot, units, {"name": "县水利局"})
    click(qtbot, units.save_button)
    show_tab(window, "pairings")
    click(qtbot, pairing.new_button)
    fill(qtbot, pairing, {"unit": "县水利局", "village": "新寨村", "started_on": "2008-01-10"})
    click(qtbot, pairing.save_button)
    assert column_values(pairing, "unit") == ["县水利局"]


def test_a_change_landing_just_after_the_form_read_the_record_is_not_overwritten(
        qtbot, window, county, answers, ledger, monkeypatch):
    """Another program saves the record after the form read it but before the form has taken
    its change number: the number is still the one read with the values shown, so the clerk's
    save is refused instead of silently undoing that change."""
    unit = county["units"]["县财政局"]
    other = open_ledger(ledger.path, lock=False)  # another window on the same file
    auth.auto_login(other)
    show = RecordForm.load
    landed = []

    def load_after_their_change(form, record_id, *args):
        if record_id == unit and not landed:
            landed.append(ops.save(other, "unit", unit, {"head": "李娜"}))
        show(form, record_id, *args)

    monkeypatch.setattr(RecordForm, "load", load_after_their_change)
    try:
        units = window.tab("units").units
        select(units, unit)
        assert landed and not units.form.values()["head"]  # what the form read: no head
        fill(qtbot, units, {"contact": "王芳"})
        click(qtbot, units.save_button)
        [refusal] = answers.texts("warn")
        assert "在您打开之后已被" in refusal
        assert records.load(ledger, "unit", unit)["head"] == "李娜"
    finally:
        other.close()
