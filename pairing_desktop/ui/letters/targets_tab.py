"""目标: the annual targets of a unit–village pairing, by year, and 复制上年目标."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core import operations as ops
from pairing_desktop.core import records
from pairing_desktop.core.errors import PairingError
from pairing_desktop.ui.dialogs import Ask
from pairing_desktop.ui.kinds import entity_kinds
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_panel import ListPanel, RecordPanel
from pairing_desktop.ui.tabs.base import PanelTab


class TargetsTab(PanelTab):
    """Pairings on the left; the targets of the selected pairing for the chosen year on the right.

    Standalone: needs nothing but the host; the main window adds it from its registry."""

    def __init__(self, host: LedgerHost, parent: QWidget | None = None, year: int | None = None):
        super().__init__(host, parent)
        self.pairings = ListPanel(host, partial(records.EntityList, entity="uv_pairing"),
                                  entity_kinds("uv_pairing"), self.tr("单位–村结对"), self,
                                  empty=self.tr("还没有单位–村结对。在“结对”页登记结对后，"
                                                "在这里为每个结对填写年度目标。"))
        self.year = QSpinBox(self)
        self.year.setRange(1949, 2100)
        self.year.setValue(year or dt.date.today().year)
        self.year.setPrefix(self.tr("年度 "))
        self.copy_button = QPushButton(self.tr("复制上年目标"), self)
        self.copy_button.clicked.connect(lambda _checked=False: self.copy_last_year())
        self.targets = RecordPanel(host, "target", self.tr("年度目标"),
                                   filters={"pairing": None, "year": self.year.value()},
                                   parent=self, orientation=Qt.Orientation.Vertical,
                                   form_columns=2)
        self.pairings.can_leave = self.targets.maybe_leave
        self.pairings.current_changed.connect(lambda _id: self._show())
        self.year.valueChanged.connect(self._year_changed)
        self._shown_year = self.year.value()
        self.track(self.targets)
        host.replaced.connect(self._show)

        right = QWidget(self)
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.year)
        bar.addWidget(self.copy_button)
        bar.addStretch(1)
        side.addLayout(bar)
        side.addWidget(self.targets, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.pairings)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([380, 980])
        splitter.setChildrenCollapsible(False)
        self._splitter = splitter
        self._sized = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._show()

    def pairing_id(self) -> Any:
        return self.pairings.current_id()

    def showEvent(self, event: QShowEvent) -> None:
        """Open on the first pairing, so the clerk sees targets, not an empty disabled form."""
        super().showEvent(event)
        if not self._sized:  # the pairings' columns whole (unit, village, township, status)
            self._sized = True
            total = sum(self._splitter.sizes())
            left = min(self.pairings.columns_width(), total // 2)
            self._splitter.setSizes([left, total - left])
        first = self.pairings.model.id_at(0)
        if self.pairing_id() is None and first is not None:
            self.pairings.select_id(first)
            self._show()

    def _year_changed(self, year: int) -> None:
        if year == self._shown_year:
            return
        if not self.targets.maybe_leave():
            self.year.blockSignals(True)
            self.year.setValue(self._shown_year)
            self.year.blockSignals(False)
            return
        self._show()

    def _show(self) -> None:
        self._shown_year = self.year.value()
        pairing = self.pairing_id()
        self.targets.set_filters({"pairing": pairing, "year": self._shown_year})
        self.targets.setEnabled(pairing is not None)
        self.copy_button.setEnabled(pairing is not None)

    def copy_last_year(self) -> int:
        """Copy the previous year's targets into the shown year (the core refuses duplicates)."""
        pairing = self.pairing_id()
        if pairing is None or not self.targets.maybe_leave():
            return 0
        try:
            changes = self.host.perform(ops.copy_last_year, pairing, self.year.value())
        except PairingError as exc:
            Ask.warn(self, self.tr("复制上年目标"), str(exc))
            return 0
        return len(changes.created.get("target", ()))
