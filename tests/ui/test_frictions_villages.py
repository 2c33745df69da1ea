"""A village's 贫困户数 is its household list's count, shown read-only in its form and list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from pairing_desktop.ui.tabs.villages import VillagesTab
from tests.helpers import save

pytestmark = pytest.mark.gui


def test_the_village_form_and_list_show_the_counted_poor_households(qtbot, host, ledger):
    town = save(ledger, "township", None, {"name": "城关镇"})
    village = save(ledger, "village", None, {"township": town, "name": "木坝村"})
    for i in range(2):
        save(ledger, "household", None, {"village": village, "head_name": f"户{i}"})
    tab = VillagesTab(host)
    qtbot.addWidget(tab)
    tab.show()
    panel = tab.villages
    panel.list.select_id(village)
    panel.show_record(village)
    shown = panel.form.findChild(QLabel, "computed_poor_households")
    assert shown.text() == "2（自动统计）"
    assert shown.toolTip() == "按本村贫困户名单自动统计"
    assert "poor_households" not in panel.form.editors  # nothing to type
    column = [k for k, _ in panel.list.model.source.columns].index("poor_households")
    assert panel.list.model.headerData(column, Qt.Orientation.Horizontal) == "贫困户数"
    assert panel.list.model.values_at(0)[column] == 2
    # a household saved below is counted at once
    tab.households.new()
    tab.households.form.editors["head_name"].setText("户2")
    assert tab.households.save()
    assert shown.text() == "3（自动统计）"
    assert panel.list.model.values_at(0)[column] == 3
