"""The duty rules and the kinds of activity are edited in the program, and the tabs obey them;
the activity tabs sit in the main window beside the standard ones, their settings in 设置."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QTableView, QWidget

from pairing_desktop.core.activities.types import DEFAULT_TYPES
from pairing_desktop.core.duties.settings import load_rules
from pairing_desktop.core.storage.models import ActivityType
from pairing_desktop.ui.tabs.activities import ActivitiesTab
from pairing_desktop.ui.tabs.activity_settings import ActivityTypesDialog, DutyRulesDialog
from pairing_desktop.ui.tabs.overview import COLOURS, OverviewTab
from pairing_desktop.ui.tabs.registry import tabs_named
from tests.activity_data import build_county
from tests.ui.drive import column_values, open_window, type_field

pytestmark = pytest.mark.gui


D = dt.date


def test_changed_duty_rule_changes_the_dashboard(qtbot, host):
    c = build_county(host.ledger, started=D(2024, 6, 1))
    for month in (2, 5, 8):
        c.add("research", "红岩村", D(2025, month, 10))
    dashboard = OverviewTab(host, today=lambda: D(2025, 11, 15))
    qtbot.addWidget(dashboard)
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        dashboard.show()
    assert dashboard.cell_colour("县农业局 — 红岩村", "research") == COLOURS["pending"]
    dialog = DutyRulesDialog(host)
    qtbot.addWidget(dialog)
    dialog.counts["research"].setValue(2)  # twice a quarter: the three done are not enough
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        assert dialog.save()
    assert load_rules(host.ledger)["research"] == {"period": "quarter", "count": 2}
    assert dashboard.cell_colour("县农业局 — 红岩村", "research") == COLOURS["overdue"]
    assert dashboard.pairing_item("县农业局 — 红岩村").text(2) == "3/8 逾期3"


def type_named(ledger, name: str) -> ActivityType:
    with ledger.bound():
        return ActivityType.get(ActivityType.name == name)


def shown_texts(root: QWidget) -> list[str]:
    """Every text a clerk can read in a window: labels, check boxes, buttons, the items of
    drop-down lists, list headers and cells (not tips and placeholders, where key names such
    as Ctrl+F are in place)."""
    texts = [root.windowTitle()]
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
            texts.append(w.currentText())
        elif isinstance(w, QTableView):
            model = w.model()
            for column in range(model.columnCount()):
                texts.append(model.headerData(column, Qt.Orientation.Horizontal))
                texts += [model.index(row, column).data() or ""
                          for row in range(model.rowCount())]
    return [re.sub("<[^>]+>", "", t) for t in texts if t]  # rich text: its words alone


@pytest.fixture
def types_dialog(qtbot, host) -> ActivityTypesDialog:
    dialog = ActivityTypesDialog(host)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_types_dialog_shows_no_code(qtbot, types_dialog):
    panel = types_dialog.panel
    assert panel.list.model.total == len(DEFAULT_TYPES)
    panel.list.select_id(type_named(panel.host.ledger, "调研").id)
    panel.show_record(panel.list.current_id())
    texts = shown_texts(types_dialog)
    english = [t for t in texts if re.search("[A-Za-z]", t)]
    assert english == []
    # what a type records is offered by its labels, as check boxes
    boxes = panel.form.editors["measures"].boxes
    assert [box.text() for box in boxes.values()] == [
        "参加人数", "人数", "户数", "金额（元）", "面积（亩）", "个数"]
    assert [v for v, box in boxes.items() if box.isChecked()] == ["participants"]
    scope = panel.form.editors["scope"]
    assert [scope.itemText(i) for i in range(scope.count())] == ["结对", "贫困户"]
    assert "调研" in [panel.form.editors["duty"].itemText(i)
                    for i in range(panel.form.editors["duty"].count())]
    # the list shows labels too, sorted in SQL like any other column
    assert "参加人数、人数" in column_values(panel, "measures")
    assert set(column_values(panel, "scope")) == {"结对", "贫困户"}


def test_a_type_is_saved_from_labelled_choices(qtbot, host, types_dialog):
    panel = types_dialog.panel
    panel.new()
    form = panel.form
    type_field(qtbot, panel, "name", "入户走访慰问")
    type_field(qtbot, panel, "scope", "贫困户")
    type_field(qtbot, panel, "duty", "走访贫困户")
    form.editors["texts"].boxes["description"].setChecked(False)  # default: content and note
    form.editors["texts"].boxes["findings"].setChecked(True)
    form.editors["measures"].boxes["money_yuan"].setChecked(True)
    required = form.editors["required"]
    # only what the type records can be required
    assert [v for v, box in required.boxes.items() if box.isVisibleTo(form)] == [
        "money_yuan", "findings", "note"]
    required.boxes["findings"].setChecked(True)
    assert panel.save()
    saved = type_named(host.ledger, "入户走访慰问")
    assert (saved.scope, saved.duty, saved.measures, saved.texts, saved.required) == (
        "household", "visit", "money_yuan", "findings,note", "findings")
    assert saved.code.startswith("custom_")  # a key made for it, never shown
    # unticking a recorded number withdraws it from the required ones offered
    form.editors["measures"].boxes["money_yuan"].setChecked(True)
    form.editors["required"].boxes["money_yuan"].setChecked(True)
    form.editors["measures"].boxes["money_yuan"].setChecked(False)
    assert not form.editors["required"].boxes["money_yuan"].isVisibleTo(form)
    assert form.values()["required"] == ["findings"]


def test_a_kind_added_by_the_county_appears_in_the_entry_form(qtbot, host):
    entry = ActivitiesTab(host)
    qtbot.addWidget(entry)
    dialog = ActivityTypesDialog(host)
    qtbot.addWidget(dialog)
    dialog.panel.new()
    dialog.panel.form.set_values({"name": "修建沼气池", "measures": "items,households",
                                  "required": "items"})
    assert dialog.panel.save()
    names = [entry.form.kind.itemText(i) for i in range(entry.form.kind.count())]
    assert "修建沼气池" in names
    entry.form.set_kind(type_named(host.ledger, "修建沼气池").id)
    assert entry.form.shown_fields() == ["date", "type", "pairing", "households", "items",
                                         "description", "note"]
    assert entry.form.labels["items"].text() == "个数＊"
    # the county changes the type: the open entry form follows at once
    dialog.panel.form.editors["measures"].boxes["people"].setChecked(True)
    assert dialog.panel.save()
    assert "people" in entry.form.shown_fields()
    dialog.panel.new()
    dialog.panel.form.set_values({"name": " ", "measures": "people"})
    assert not dialog.panel.save()
    assert dialog.panel.form.error_text("name") == "名称：必填，不能为空"


def test_tabs_and_settings_in_the_main_window(qtbot, ledger, settings):
    window = open_window(qtbot, ledger, settings,
                         tabs_named("units", "activities", "overview", "report"))
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["帮扶单位", "帮扶活动", "总览", "统计报告"]
    actions = {a.text(): a for a in window.menus["settings"].actions()}
    assert {"帮扶职责规则…", "帮扶活动类型…"} <= set(actions)  # the tabs' own, placed by the window
    actions["帮扶活动类型…"].trigger()
    opened = [w for w in window.findChildren(QWidget) if isinstance(w, ActivityTypesDialog)]
    assert len(opened) == 1 and opened[0].isVisible()
    opened[0].close()


def test_the_county_maps_kinds_to_duties_on_the_rules_page(qtbot, host):
    """A year recorded as 培训新型农民 leaves training red until 设置 → 帮扶职责规则 counts that
    kind toward 实用技术培训; the report then prints the mapping and the new counter word."""
    from pairing_desktop.core.reports.export import year_report

    c = build_county(host.ledger, started=D(2024, 6, 1))
    c.add("new_farmers", "红岩村", D(2025, 3, 10), people=60)
    c.add("new_farmers", "红岩村", D(2025, 8, 10), people=40)
    dashboard = OverviewTab(host, today=lambda: D(2026, 3, 1))
    qtbot.addWidget(dashboard)
    dashboard.year.setValue(2025)
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        dashboard.show()
    assert dashboard.cell_colour("县农业局 — 红岩村", "training") == COLOURS["overdue"]
    dialog = DutyRulesDialog(host)
    qtbot.addWidget(dialog)
    dialog.show()
    kinds = dialog.findChild(QTableView, "kinds")
    names = [kinds.model().index(r, 0).data() for r in range(kinds.model().rowCount())]
    assert names[:3] == ["调研", "实用技术培训", "办实事"] and "培训新型农民" in names
    duty = dialog.findChild(QComboBox, "duty_new_farmers")
    assert duty.currentText() == "不计入"
    assert dialog.findChild(QComboBox, "duty_training").currentText() == "实用技术培训"
    assert dialog.findChild(QComboBox, "unit_new_farmers").currentText() == "人次"
    duty.setCurrentText("实用技术培训")
    dialog.findChild(QComboBox, "unit_party_training").setCurrentText("人次")
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        assert dialog.save()
    assert dashboard.cell_colour("县农业局 — 红岩村", "training") == COLOURS["met"]
    assert dashboard.cell_colour("县教育局 — 青山村", "training") == COLOURS["overdue"]
    assert type_named(host.ledger, "培训新型农民").duty == "training"
    report = year_report(host.ledger, 2025)
    assert ("实用技术培训", ["实用技术培训", "培训新型农民"]) in report.duty_kinds
    assert next(k.unit for k in report.kinds if k.code == "party_training") == "人次"
    again = DutyRulesDialog(host)  # opened again, it shows what was saved
    qtbot.addWidget(again)
    assert again.findChild(QComboBox, "duty_new_farmers").currentText() == "实用技术培训"
    assert again.changed_kinds() == ({}, {})


@pytest.mark.parametrize("which", ["rules", "types"])
def test_settings_dialogs_close_by_button_and_by_esc(qtbot, host, which):
    for closing in ("button", "esc"):
        dialog = DutyRulesDialog(host) if which == "rules" else ActivityTypesDialog(host)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        button = dialog.findChild(QAbstractButton, "close")
        assert button.text() == "关闭" and button.isVisible()
        if closing == "button":
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        else:
            target = dialog.panel.list.view if which == "types" else dialog
            target.setFocus()
            qtbot.keyClick(target, Qt.Key.Key_Escape)
        assert not dialog.isVisible(), closing


def test_esc_in_the_types_dialog_first_reverts_an_edit(qtbot, host, types_dialog):
    panel = types_dialog.panel
    panel.list.select_id(type_named(host.ledger, "调研").id)
    panel.show_record(panel.list.current_id())
    type_field(qtbot, panel, "name", "调研走访")
    assert panel.form.dirty
    qtbot.keyClick(panel.list.view, Qt.Key.Key_Escape)
    assert types_dialog.isVisible() and not panel.form.dirty
    assert panel.form.values()["name"] == "调研"
    qtbot.keyClick(panel.list.view, Qt.Key.Key_Escape)
    assert not types_dialog.isVisible()
