"""The ledger's tabs, one module each; `standard_tabs` lists them in order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from pairing_desktop.ui.main_window import MainWindow


def standard_tabs(window: MainWindow) -> list[tuple[QWidget, str]]:
    """The tabs of issue 2, built afresh for a window; also puts the quota table in 设置."""
    from pairing_desktop.ui.tabs.assignments import AssignmentsTab
    from pairing_desktop.ui.tabs.pairings import PairingsTab
    from pairing_desktop.ui.tabs.units import UnitsTab
    from pairing_desktop.ui.tabs.villages import VillagesTab

    def tr(text: str) -> str:
        return QCoreApplication.translate("tabs", text)

    assignments = AssignmentsTab(window)
    window.settings_menu.addAction(tr("职级帮扶定额（4321）…")).triggered.connect(
        lambda _checked=False: assignments.edit_ranks())
    tabs = [(UnitsTab(window), tr("帮扶单位")), (VillagesTab(window), tr("乡镇与村")),
            (PairingsTab(window), tr("结对")), (assignments, tr("干部帮扶"))]
    for (widget, _title), name in zip(tabs, ("units", "villages", "pairings", "assignments"),
                                      strict=True):
        widget.setObjectName(name)  # also the file name of its screenshot
    return tabs
