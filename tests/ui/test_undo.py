"""编辑 → 撤销/重做: Ctrl+Z reverses the last operation of this session and the lists and forms
show the old values again; the menu names what would be undone; an undo the core refuses, or
one with nothing to undo, says why and changes nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pairing_desktop.core import auth, records
from pairing_desktop.core import operations as ops
from pairing_desktop.core.ledgers import open_ledger
from tests.helpers import dump, save
from tests.ui.drive import click, column_values, fill, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def county(ledger):
    return {name: save(ledger, "unit", None, {"name": name, "level": "县直"})
            for name in ("县委组织部", "县财政局")}


@pytest.fixture
def window(qtbot, ledger, settings, county):
    return open_window(qtbot, ledger, settings)


def keys(qtbot, widget, key: Qt.Key, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:
    qtbot.keyClick(widget, key, modifiers)


def rename(qtbot, window, unit_id, name: str):
    units = window.tab("units").units
    units.list.select_id(unit_id)
    units.show_record(unit_id)
    fill(qtbot, units, {"name": name})
    click(qtbot, units.save_button)
    assert not units.form.dirty
    units.list.view.setFocus()  # where the clerk's keys go after saving with the mouse
    return units


def test_ctrl_z_after_a_save_restores_the_form_and_the_list(qtbot, window, ledger, county):
    units = rename(qtbot, window, county["县财政局"], "县财政局（改）")
    assert "县财政局（改）" in column_values(units, "name")
    assert window.undo_action.text() == "撤销“修改帮扶单位”(&U)"
    keys(qtbot, units.list.view, Qt.Key.Key_Z)
    assert records.load(ledger, "unit", county["县财政局"])["name"] == "县财政局"
    assert sorted(column_values(units, "name")) == ["县委组织部", "县财政局"]
    assert units.form.values()["name"] == "县财政局" and not units.form.dirty
    assert units.list.current_id() == county["县财政局"]
    assert window.undo_action.text() == "撤销“新建帮扶单位”(&U)"  # the county, made before
    assert window.redo_action.text() == "重做“修改帮扶单位”(&R)"
    keys(qtbot, units.list.view, Qt.Key.Key_Y)  # and back again
    assert records.load(ledger, "unit", county["县财政局"])["name"] == "县财政局（改）"
    assert units.form.values()["name"] == "县财政局（改）"


def test_an_undo_keeps_the_unsaved_edits_of_an_open_form(qtbot, window, ledger, county):
    units = rename(qtbot, window, county["县财政局"], "县财政局（改）")
    fill(qtbot, units, {"head": "赵六"})  # typed, not saved
    keys(qtbot, units.list.view, Qt.Key.Key_Z)
    assert records.load(ledger, "unit", county["县财政局"])["name"] == "县财政局"
    assert "县财政局" in column_values(units, "name")
    assert units.form.dirty and units.form.values()["head"] == "赵六"


def test_undoing_a_new_record_takes_it_out_of_the_form_the_list_and_the_counts(qtbot, window,
                                                                              ledger):
    units = window.tab("units").units
    click(qtbot, units.new_button)
    fill(qtbot, units, {"name": "县水利局"})
    click(qtbot, units.save_button)
    created = units.form.record_id
    assert "帮扶单位 3" in window._counts_label.text()
    assert window.undo_action.text() == "撤销“新建帮扶单位”(&U)"
    assert window.undo()
    assert "县水利局" not in column_values(units, "name")
    assert units.form.record_id is None and units.form.values()["name"] == ""
    assert "帮扶单位 2" in window._counts_label.text()
    assert created not in {i for i, _ in records.choices(ledger, "unit")}


def test_ctrl_z_with_nothing_to_undo_says_so_and_changes_nothing(qtbot, ledger, settings,
                                                                answers):
    window = open_window(qtbot, ledger, settings)  # a new file: nothing done yet
    assert window.undo_action.text() == "撤销(&U)"
    assert window.redo_action.text() == "重做(&R)"
    before = dump(ledger)
    units = window.tab("units").units
    units.list.view.setFocus()
    keys(qtbot, units.list.view, Qt.Key.Key_Z)
    assert answers.texts("warn") == ["没有可以撤销的操作。"]
    keys(qtbot, units.list.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
         | Qt.KeyboardModifier.ShiftModifier)
    assert answers.texts("warn") == ["没有可以撤销的操作。", "没有可以重做的操作。"]
    assert dump(ledger) == before


def test_an_undo_refused_by_the_core_shows_its_message_and_changes_nothing(qtbot, window,
                                                                          ledger, county,
                                                                          answers):
    units = rename(qtbot, window, county["县财政局"], "县财政局（改）")
    with open_ledger(ledger.path, lock=False) as elsewhere:  # another clerk, another session
        auth.auto_login(elsewhere)
        ops.save(elsewhere, "unit", county["县财政局"], {"name": "县财政局（再改）"})
    before = dump(ledger)
    keys(qtbot, units.list.view, Qt.Key.Key_Z)
    assert answers.texts("warn") == [
        "不能撤销：此帮扶单位在之后又被修改过（单位名称），撤销会覆盖后来的修改。"]
    assert dump(ledger) == before
    assert records.load(ledger, "unit", county["县财政局"])["name"] == "县财政局（再改）"
    assert window.undo_action.text() == "撤销“修改帮扶单位”(&U)"  # still there to try again
