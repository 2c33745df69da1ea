"""The 总览 dashboard: traffic lights from the duty checks, a cell turning green when a saved
activity meets its duty, filters, the records behind a cell, and checking again only after a
change of what it depends on."""

from __future__ import annotations

import datetime as dt

import pytest

from pairing_desktop.core import operations as ops
from pairing_desktop.ui.tabs.activities import ActivitiesTab
from pairing_desktop.ui.tabs.overview import COLOURS, OverviewTab
from tests.activity_data import assign, build_county, type_id

pytestmark = pytest.mark.gui


D = dt.date
DAY = D(2025, 11, 15)  # the dashboard's "today": the fourth quarter of 2025 is running
GREEN, AMBER, RED = COLOURS["met"], COLOURS["pending"], COLOURS["overdue"]


@pytest.fixture
def county(ledger):
    c = build_county(ledger, started=D(2024, 6, 1))
    for month in (2, 5, 8):  # research in the first three quarters of 2025
        c.add("research", "红岩村", D(2025, month, 10), participants=3)
    c.add("research", "青山村", D(2025, 2, 10), participants=3)
    return c


@pytest.fixture
def dashboard(qtbot, host, county):
    tab = OverviewTab(host, today=lambda: DAY)
    qtbot.addWidget(tab)
    tab.resize(1200, 600)
    with qtbot.waitSignal(tab.refreshed, timeout=10000):
        tab.show()
    return tab


def test_traffic_lights(dashboard):
    assert dashboard.cell_colour("县农业局 — 红岩村", "research") == AMBER  # Q4 not yet done
    assert dashboard.cell_colour("县教育局 — 青山村", "research") == RED  # Q2, Q3 missed
    item = dashboard.pairing_item("县教育局 — 青山村")
    assert item.text(2) == "1/4 逾期2"
    assert dashboard.pairing_item("县农业局 — 红岩村").text(2) == "3/4"
    assert "共 3 个结对" in dashboard.summary.text()


def test_cell_turns_green_when_a_saved_activity_meets_the_duty(qtbot, host, dashboard, county):
    ledger_tab = ActivitiesTab(host)
    qtbot.addWidget(ledger_tab)
    ledger_tab.show()
    form = ledger_tab.form
    form.set_kind(type_id(host.ledger, "research"))
    form.date.setText("2025-11-10")
    form.pairing.set_value(county.pairings["红岩村"])
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        assert ledger_tab.save()
    assert dashboard.cell_colour("县农业局 — 红岩村", "research") == GREEN
    assert dashboard.pairing_item("县农业局 — 红岩村").text(2) == "4/4"
    assert dashboard.cell_colour("县教育局 — 青山村", "research") == RED


def test_filters(qtbot, dashboard, county):
    dashboard.only_overdue.setChecked(True)
    shown = {dashboard.tree.topLevelItem(i).text(0)
             for i in range(dashboard.tree.topLevelItemCount())}
    assert shown == {"甲乡", "乙镇"}  # every pairing misses a training by now
    dashboard.search.setText("红岩")
    assert dashboard.pairing_item("县农业局 — 红岩村") is not None
    assert dashboard.pairing_item("县农业局 — 白水村") is None
    dashboard.search.clear()
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        dashboard.township.setCurrentText("乙镇")
    assert dashboard.pairing_item("县农业局 — 白水村") is not None
    assert dashboard.pairing_item("县农业局 — 红岩村") is None


def test_double_click_opens_the_records_behind_a_cell(qtbot, dashboard):
    item = dashboard.pairing_item("县农业局 — 红岩村")
    dialog = dashboard.open_cell(item, 2)
    qtbot.addWidget(dialog)
    assert dialog.list.model.total == 3
    assert "调研" in dialog.windowTitle()
    assert dashboard.open_cell(item.parent(), 2) is None  # a unit row opens and closes
    everything = dashboard.open_cell(item, 0)
    qtbot.addWidget(everything)
    assert everything.list.model.total == 3


def test_a_finished_year_is_final(qtbot, dashboard):
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        dashboard.year.setValue(2024)
    # begun 2024-06-01: Q2 onwards owed, nothing done, the year is over: all red
    item = dashboard.pairing_item("县农业局 — 红岩村")
    assert item.text(2) == "0/3 逾期3"
    assert dashboard.cell_colour("县农业局 — 红岩村", "project") == RED


def test_cadres_and_households_are_counted(qtbot, host):
    c = build_county(host.ledger, started=D(2024, 6, 1))
    assign(c, "赵干事", "刘一", D(2025, 1, 5))  # 一般干部, quota 1: met
    assign(c, "王股长", "刘二", D(2025, 1, 5))  # 股级, quota 2: one short, not visited
    c.visit("赵干事", "刘一", D(2025, 3, 1))
    tab = OverviewTab(host, today=lambda: DAY)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.refreshed, timeout=10000):
        tab.show()
    text = tab.people.text()
    assert "3 名干部帮扶户数不足定额，0 名超过定额" in text  # 张县长, 李科长, 王股长
    assert "1 名干部本年尚有所帮扶户未走访" in text
    assert "3 户贫困户无帮扶干部" in text


def test_a_change_made_while_hidden_is_checked_when_shown_again(qtbot, host, dashboard,
                                                                county):
    dashboard.hide()
    village = host.perform(ops.save, "village", None, {"township": county.townships["乙镇"],
                                                        "name": "新建村"}).record_id
    assert dashboard.stale
    host.perform(ops.save, "uv_pairing", None, {"unit": county.units["县教育局"],
                                                 "village": village,
                                                 "started_on": D(2025, 8, 1)})
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        dashboard.show()
    item = dashboard.pairing_item("县教育局 — 新建村")
    assert item is not None and item.text(2) == "0/2 逾期1"  # owes Q3 (overdue) and Q4


def checks_started(dashboard, monkeypatch) -> list[int]:
    """Count the duty checks the dashboard starts from now on."""
    started: list[int] = []
    read = dashboard.reading.read

    def counted(*args):
        started.append(1)
        read(*args)

    monkeypatch.setattr(dashboard.reading, "read", counted)
    return started


def test_showing_again_without_a_change_does_not_check_again(qtbot, host, dashboard,
                                                             monkeypatch):
    started = checks_started(dashboard, monkeypatch)
    dashboard.hide()
    dashboard.show()
    qtbot.wait(50)
    assert started == []


def test_a_change_it_does_not_depend_on_does_not_check_again(qtbot, host, dashboard, county,
                                                             monkeypatch):
    started = checks_started(dashboard, monkeypatch)
    host.perform(ops.save, "farmer", None, {"village": county.villages["红岩村"], "name": "吴六"})
    assert started == [] and not dashboard.stale
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        host.perform(ops.save, "activity", None, {
            "type": type_id(host.ledger, "research"), "date": D(2025, 11, 1),
            "pairing": county.pairings["青山村"]})
    assert started == [1]


@pytest.mark.parametrize("closing", ["button", "esc", "esc in the search"])
def test_the_records_window_closes_by_button_and_by_esc(qtbot, dashboard, closing):
    from PySide6.QtCore import Qt

    dialog = dashboard.open_cell(dashboard.pairing_item("县农业局 — 红岩村"), 2)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert dialog.close_button.text() == "关闭"
    if closing == "button":
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    else:
        target = dialog.list.search if closing == "esc in the search" else dialog.list.view
        target.setFocus()
        qtbot.keyClick(target, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dashboard.dialogs == []
