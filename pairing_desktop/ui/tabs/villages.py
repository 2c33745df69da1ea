"""乡镇与村: townships; the villages (of the selected township, or all); and for the selected
village its poor households and farmer party members."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_panel import RecordPanel
from pairing_desktop.ui.tabs.base import PanelTab


class VillagesTab(PanelTab):
    def __init__(self, host: LedgerHost, parent: QWidget | None = None):
        super().__init__(host, parent)
        self.townships = RecordPanel(host, "township", self.tr("乡镇"), parent=self,
                                     orientation=Qt.Orientation.Vertical)
        self.villages = RecordPanel(host, "village", self.tr("村"), parent=self)
        self.households = RecordPanel(host, "household", self.tr("本村贫困户"),
                                      filters={"village": None}, parent=self)
        self.farmers = RecordPanel(host, "farmer", self.tr("本村农民党员"),
                                   filters={"village": None}, parent=self)
        self.townships.dependents.append(self.villages)
        self.villages.dependents += [self.households, self.farmers]
        self.townships.record_changed.connect(self._township_changed)
        self.villages.record_changed.connect(self._village_changed)
        self.track(self.townships, self.villages, self.households, self.farmers)

        self.members = QTabWidget(self)
        self.members.addTab(self.households, self.tr("贫困户"))
        self.members.addTab(self.farmers, self.tr("农民党员"))
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.villages)
        right.addWidget(self.members)
        right.setChildrenCollapsible(False)
        outer = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(self.townships)
        outer.addWidget(right)
        outer.setSizes([260, 1100])
        outer.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(outer)

    def _township_changed(self, township_id: Any) -> None:
        """A township narrows the villages to its own; none selected shows them all."""
        if township_id is None:
            self.villages.set_filters({})
        else:
            self.villages.set_filters({"township": township_id})

    def _village_changed(self, village_id: Any) -> None:
        self.households.set_filters({"village": village_id})
        self.farmers.set_filters({"village": village_id})
