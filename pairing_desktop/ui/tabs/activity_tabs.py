"""The tabs of issue 4 (帮扶活动, 总览, 统计报告), built together so a save in the ledger tab
refreshes the dashboard. The main window adds them after the standard tabs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from pairing_desktop.ui.main_window import MainWindow


def activity_tabs(window: MainWindow | None = None) -> list[tuple[QWidget, str]]:
    from pairing_desktop.ui.tabs.activities import ActivitiesTab
    from pairing_desktop.ui.tabs.overview import OverviewTab
    from pairing_desktop.ui.tabs.report import ReportTab

    def tr(text: str) -> str:
        return QCoreApplication.translate("tabs", text)

    ledger, dashboard, report = ActivitiesTab(window), OverviewTab(window), ReportTab(window)
    ledger.changed.connect(dashboard.mark_stale)
    if window is not None:
        _add_settings(window, ledger, dashboard)
    tabs = [(ledger, tr("帮扶活动")), (dashboard, tr("总览")), (report, tr("统计报告"))]
    for (widget, _title), name in zip(tabs, ("activities", "overview", "report"), strict=True):
        widget.setObjectName(name)  # also the file name of its screenshot
    return tabs


def _add_settings(window: MainWindow, ledger: QWidget, dashboard: QWidget) -> None:
    """设置 → 帮扶职责规则… and 帮扶活动类型…; a change refreshes the dashboard and the form."""
    from pairing_desktop.ui.tabs.activity_settings import ActivityTypesDialog, DutyRulesDialog

    def tr(text: str) -> str:
        return QCoreApplication.translate("tabs", text)

    def edit_rules() -> None:
        dialog = DutyRulesDialog(window)
        dialog.saved.connect(dashboard.mark_stale)
        dialog.show()

    def edit_types() -> None:
        dialog = ActivityTypesDialog(window)
        dialog.panel.changed.connect(ledger.form.reload_kinds)
        dialog.panel.changed.connect(dashboard.mark_stale)
        dialog.show()

    window.settings_menu.addAction(tr("帮扶职责规则…")).triggered.connect(
        lambda _checked=False: edit_rules())
    window.settings_menu.addAction(tr("帮扶活动类型…")).triggered.connect(
        lambda _checked=False: edit_types())
