"""结对: unit–village, prefecture unit–township, party member pairs, stationed cadres."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_panel import RecordPanel
from pairing_desktop.ui.tabs.base import PanelTab


class PairingsTab(PanelTab):
    def __init__(self, host: LedgerHost, parent: QWidget | None = None):
        super().__init__(host, parent)
        self.kinds = QTabWidget(self)
        kinds = [("uv_pairing", self.tr("单位–村结对")),
                 ("ut_pairing", self.tr("地直单位–乡镇党委结对")),
                 ("pm_pairing", self.tr("机关党员–农民党员结对")),
                 ("stationed", self.tr("驻村任职"))]
        self.uv, self.ut, self.pm, self.stationed = (
            RecordPanel(host, entity, title, parent=self) for entity, title in kinds)
        for panel, (_entity, title) in zip(self.panels_in_order(), kinds, strict=True):
            self.kinds.addTab(panel, title)
        self.track(*self.panels_in_order())
        self._kind_index = 0
        self.kinds.currentChanged.connect(self._kind_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kinds)

    def panels_in_order(self) -> list[RecordPanel]:
        return [self.uv, self.ut, self.pm, self.stationed]

    def _kind_changed(self, index: int) -> None:
        """Leaving a sub-list with unsaved edits asks, like leaving a tab."""
        previous = self.kinds.widget(self._kind_index)
        if isinstance(previous, RecordPanel) and not previous.maybe_leave():
            self.kinds.blockSignals(True)
            self.kinds.setCurrentIndex(self._kind_index)
            self.kinds.blockSignals(False)
            return
        self._kind_index = index
