"""The duty rules and the kinds of activity are edited in the program, and the tabs obey them;
the activity tabs sit in the main window beside the standard ones."""

from __future__ import annotations

import datetime as dt

import pytest

from pairing_desktop.core.duties.settings import load_rules
from pairing_desktop.core.storage.models import ActivityType
from pairing_desktop.ui.main_window import MainWindow
from pairing_desktop.ui.tabs import standard_tabs
from pairing_desktop.ui.tabs.activities import ActivitiesTab
from pairing_desktop.ui.tabs.activity_settings import ActivityTypesDialog, DutyRulesDialog
from pairing_desktop.ui.tabs.activity_tabs import activity_tabs
from pairing_desktop.ui.tabs.overview import COLOURS, OverviewTab
from tests.activity_data import build_county

pytestmark = pytest.mark.gui


D = dt.date


def test_changed_duty_rule_changes_the_dashboard(qtbot, ledger):
    c = build_county(started=D(2024, 6, 1))
    for month in (2, 5, 8):
        c.add("research", "红岩村", D(2025, month, 10))
    dashboard = OverviewTab(today=lambda: D(2025, 11, 15))
    qtbot.addWidget(dashboard)
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        dashboard.show()
    assert dashboard.cell_colour("县农业局 — 红岩村", "research") == COLOURS["pending"]
    dialog = DutyRulesDialog()
    qtbot.addWidget(dialog)
    dialog.saved.connect(dashboard.mark_stale)
    dialog.counts["research"].setValue(2)  # twice a quarter: the three done are not enough
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        assert dialog.save()
    assert load_rules()["research"] == {"period": "quarter", "count": 2}
    assert dashboard.cell_colour("县农业局 — 红岩村", "research") == COLOURS["overdue"]
    assert dashboard.pairing_item("县农业局 — 红岩村").text(2) == "3/8 逾期3"


def test_a_kind_added_by_the_county_appears_in_the_entry_form(qtbot, ledger):
    entry = ActivitiesTab()
    qtbot.addWidget(entry)
    dialog = ActivityTypesDialog()
    qtbot.addWidget(dialog)
    dialog.panel.changed.connect(entry.form.reload_kinds)
    dialog.panel.new()
    dialog.panel.form.set_values({"code": "biogas", "name": "修建沼气池",
                                  "measures": "items,households", "required": "items"})
    assert dialog.panel.save()
    names = [entry.form.kind.itemText(i) for i in range(entry.form.kind.count())]
    assert "修建沼气池" in names
    entry.form.set_kind(ActivityType.get(ActivityType.code == "biogas").id)
    assert entry.form.shown_fields() == ["date", "type", "pairing", "households", "items",
                                         "description", "note"]
    dialog.panel.new()
    dialog.panel.form.set_values({"code": "bad", "name": "错", "measures": "acres"})
    assert not dialog.panel.save()
    assert "acres" in dialog.panel.form.error_text("measures")


def test_tabs_and_settings_in_the_main_window(qtbot, ledger, settings):
    window = MainWindow(ledger, settings, tabs=lambda w: standard_tabs(w) + activity_tabs(w))
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[-3:] == ["帮扶活动", "总览", "统计报告"]
    actions = [a.text() for a in window.settings_menu.actions()]
    assert "帮扶职责规则…" in actions and "帮扶活动类型…" in actions
