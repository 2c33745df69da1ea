"""The duty rules and the kinds of activity are edited in the program, and the tabs obey them;
the activity tabs sit in the main window beside the standard ones, their settings in 设置."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QWidget

from pairing_desktop.core.duties.settings import load_rules
from pairing_desktop.ui.tabs.activities import ActivitiesTab
from pairing_desktop.ui.tabs.activity_settings import ActivityTypesDialog, DutyRulesDialog
from pairing_desktop.ui.tabs.overview import COLOURS, OverviewTab
from pairing_desktop.ui.tabs.registry import tabs_named
from tests.activity_data import build_county, type_id
from tests.ui.drive import open_window

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


def test_a_kind_added_by_the_county_appears_in_the_entry_form(qtbot, host):
    entry = ActivitiesTab(host)
    qtbot.addWidget(entry)
    dialog = ActivityTypesDialog(host)
    qtbot.addWidget(dialog)
    dialog.panel.new()
    dialog.panel.form.set_values({"code": "biogas", "name": "修建沼气池",
                                  "measures": "items,households", "required": "items"})
    assert dialog.panel.save()
    names = [entry.form.kind.itemText(i) for i in range(entry.form.kind.count())]
    assert "修建沼气池" in names
    entry.form.set_kind(type_id(host.ledger, "biogas"))
    assert entry.form.shown_fields() == ["date", "type", "pairing", "households", "items",
                                         "description", "note"]
    dialog.panel.new()
    dialog.panel.form.set_values({"code": "bad", "name": "错", "measures": "acres"})
    assert not dialog.panel.save()
    assert "acres" in dialog.panel.form.error_text("measures")


def test_tabs_and_settings_in_the_main_window(qtbot, ledger, settings):
    window = open_window(qtbot, ledger, settings,
                         tabs_named("units", "activities", "overview", "report"))
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["帮扶单位", "帮扶活动", "总览", "统计报告"]
    actions = {a.text(): a for a in window.menus["settings"].actions()}
    assert set(actions) == {"帮扶职责规则…", "帮扶活动类型…"}
    actions["帮扶活动类型…"].trigger()
    opened = [w for w in window.findChildren(QWidget) if isinstance(w, ActivityTypesDialog)]
    assert len(opened) == 1 and opened[0].isVisible()
    opened[0].close()
