"""乡镇与村: townships; the villages (of the selected township, or all); and for the selected
village its poor households and farmer party members."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_panel import RecordPanel
from pairing_desktop.ui.tabs.base import PanelTab

TOWNSHIP_WIDTH = 245  # the townships' names and codes, and the search box's hint
FORM_WIDTH = 400  # a form of two columns of fields, at least


class VillagesTab(PanelTab):
    def __init__(self, host: LedgerHost, parent: QWidget | None = None):
        super().__init__(host, parent)
        self.townships = RecordPanel(host, "township", self.tr("乡镇"), parent=self,
                                     orientation=Qt.Orientation.Vertical, button_rows=2)
        # two columns of fields: a village's and a household's forms fit a 1366×768 screen
        self.villages = RecordPanel(host, "village", self.tr("村"), parent=self, form_columns=2)
        self.households = RecordPanel(host, "household", self.tr("本村贫困户"),
                                      filters={"village": None}, parent=self, form_columns=2)
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
        # townships beside the villages, and a village's households across the whole width
        # below: at 1366×768 every column of both lists and both forms is seen whole
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(self.townships)
        top.addWidget(self.villages)
        top.setChildrenCollapsible(False)
        top.setStretchFactor(1, 1)
        self._top = top
        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(top)
        outer.addWidget(self.members)
        outer.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(outer)
        self._sized = False

    def showEvent(self, event: QShowEvent) -> None:
        """The first time the tab is laid out: a narrow township column and forms of the
        width their fields ask, the rest for the lists' columns (a splitter would share out by
        ratio)."""
        super().showEvent(event)
        if self._sized:
            return
        self._sized = True
        total = sum(self._top.sizes())
        self._top.setSizes([TOWNSHIP_WIDTH, total - TOWNSHIP_WIDTH])
        for panel in (self.villages, self.households, self.farmers):
            width = sum(panel.splitter.sizes()) or total
            form = max(panel.form_side.sizeHint().width(), FORM_WIDTH)
            panel.splitter.setSizes([width - form, form])

    def _township_changed(self, township_id: Any) -> None:
        """A township narrows the villages to its own; none selected shows them all."""
        if township_id is None:
            self.villages.set_filters({})
        else:
            self.villages.set_filters({"township": township_id})

    def _village_changed(self, village_id: Any) -> None:
        self.households.set_filters({"village": village_id})
        self.farmers.set_filters({"village": village_id})
