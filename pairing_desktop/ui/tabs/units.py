"""帮扶单位: the units, and below them the cadres of the selected unit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_panel import RecordPanel
from pairing_desktop.ui.tabs.base import PanelTab


class UnitsTab(PanelTab):
    def __init__(self, host: LedgerHost, parent: QWidget | None = None):
        super().__init__(host, parent)
        self.units = RecordPanel(host, "unit", self.tr("帮扶单位"), parent=self)
        self.cadres = RecordPanel(host, "cadre", self.tr("本单位干部"), filters={"unit": None},
                                  parent=self)
        self.units.dependents.append(self.cadres)
        self.units.record_changed.connect(
            lambda unit_id: self.cadres.set_filters({"unit": unit_id}))
        self.track(self.units, self.cadres)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.units)
        splitter.addWidget(self.cadres)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
