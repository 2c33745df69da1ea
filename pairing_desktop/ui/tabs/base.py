"""What the main window asks of every tab, and what tabs made of record panels share."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_panel import RecordPanel
from pairing_desktop.ui.style import FOCUS_STYLE

# The menus a tab may put actions in; the main window owns them and their titles.
SETTINGS_MENU = "settings"
LETTERS_MENU = "letters"


class Tab(QWidget):
    """A tab of the main window, working on the window's ledger through `host`.

    `maybe_leave()` is asked before the window switches tab or file or closes: False keeps the
    user where they are (the tab asks 保存/放弃/取消 itself). `menu_actions()` are the actions the
    tab offers in the window's menus, as (menu, action); the window places them."""

    def __init__(self, host: LedgerHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = host
        self.setStyleSheet(FOCUS_STYLE)  # a focus ring the keyboard user sees

    def maybe_leave(self) -> bool:
        return True

    def menu_actions(self) -> list[tuple[str, QAction]]:
        return []


class PanelTab(Tab):
    """A tab made of RecordPanels (register them with `track`): it may be left when each of
    them may."""

    def __init__(self, host: LedgerHost, parent: QWidget | None = None):
        super().__init__(host, parent)
        self.panels: list[RecordPanel] = []

    def track(self, *panels: RecordPanel) -> None:
        self.panels.extend(panels)

    def maybe_leave(self) -> bool:
        return all(panel.maybe_leave() for panel in self.panels)
