"""What every tab of panels shares: leaving, reloading and refreshing its panels together."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from pairing_desktop.ui.record_panel import ListPanel, RecordPanel


class PanelTab(QWidget):
    """A tab made of RecordPanels and ListPanels (register them with `track`).

    Showing the tab again re-reads its lists and reference choices, since other tabs may have
    changed records meanwhile."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.panels: list[RecordPanel] = []
        self.lists: list[ListPanel] = []

    def track(self, *panels: RecordPanel | ListPanel) -> None:
        for panel in panels:
            if isinstance(panel, RecordPanel):
                self.panels.append(panel)
                panel.changed.connect(self.changed.emit)
            else:
                self.lists.append(panel)

    def maybe_leave(self) -> bool:
        return all(panel.maybe_leave() for panel in self.panels)

    def reload(self) -> None:
        for panel in self.panels:
            panel.reload()
        for lst in self.lists:
            lst.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for panel in self.panels:
            panel.list.refresh()
            panel.form.reload_choices()
        for lst in self.lists:
            lst.refresh()
