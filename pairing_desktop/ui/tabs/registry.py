"""Every tab of the program, in the order a clerk works: records, targets and letters, the
activity ledger, then what the county reads (dashboard, report). The main window builds them
from this list; a test or a screenshot builds the few it needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from pairing_desktop.ui.letters.letters_tab import LettersTab
from pairing_desktop.ui.letters.targets_tab import TargetsTab
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.tabs.activities import ActivitiesTab
from pairing_desktop.ui.tabs.assignments import AssignmentsTab
from pairing_desktop.ui.tabs.base import Tab
from pairing_desktop.ui.tabs.overview import OverviewTab
from pairing_desktop.ui.tabs.pairings import PairingsTab
from pairing_desktop.ui.tabs.report import ReportTab
from pairing_desktop.ui.tabs.units import UnitsTab
from pairing_desktop.ui.tabs.villages import VillagesTab


@dataclass(frozen=True)
class TabEntry:
    """`name` is the tab's objectName (tests find it by that, screenshots are named after it);
    `title` is translated in the "tabs" context when the tab is placed."""

    name: str
    title: str
    make: Callable[[LedgerHost], Tab]


TABS: tuple[TabEntry, ...] = (
    TabEntry("units", QT_TRANSLATE_NOOP("tabs", "帮扶单位"), UnitsTab),
    TabEntry("villages", QT_TRANSLATE_NOOP("tabs", "乡镇与村"), VillagesTab),
    TabEntry("pairings", QT_TRANSLATE_NOOP("tabs", "结对"), PairingsTab),
    TabEntry("assignments", QT_TRANSLATE_NOOP("tabs", "干部帮扶"), AssignmentsTab),
    TabEntry("targets", QT_TRANSLATE_NOOP("tabs", "目标"), TargetsTab),
    TabEntry("letters", QT_TRANSLATE_NOOP("tabs", "责任书"), LettersTab),
    TabEntry("activities", QT_TRANSLATE_NOOP("tabs", "帮扶活动"), ActivitiesTab),
    TabEntry("overview", QT_TRANSLATE_NOOP("tabs", "总览"), OverviewTab),
    TabEntry("report", QT_TRANSLATE_NOOP("tabs", "统计报告"), ReportTab),
)


def tabs_named(*names: str) -> tuple[TabEntry, ...]:
    """The entries of these tabs, in the program's order."""
    return tuple(entry for entry in TABS if entry.name in names)
