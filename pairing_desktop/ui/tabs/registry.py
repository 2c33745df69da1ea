"""Every tab of the program, in the order a clerk works: records, targets and letters, the
activity ledger, then what the county reads (dashboard, report). The main window builds them
from this list; a test or a screenshot builds the few it needs.

A tab is named by where its class lives, not imported here: the window imports and builds a tab
when it is first shown, so a start pays only for the first tab (the report's charts, the letters'
ReportLab and the dashboard are loaded when a clerk opens them).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from pairing_desktop.ui.tabs.base import LETTERS_MENU, SETTINGS_MENU

if TYPE_CHECKING:
    from pairing_desktop.ui.operations import LedgerHost
    from pairing_desktop.ui.tabs.base import Tab


@dataclass(frozen=True)
class TabEntry:
    """`name` is the tab's objectName (tests find it by that, screenshots are named after it);
    `title` is translated in the "tabs" context when the tab is placed; `where` is
    "module:Class"; `menus` are the window menus the tab puts actions in (opening one of them
    builds the tabs that fill it, so a menu is complete before any of its tabs was shown)."""

    name: str
    title: str
    where: str
    menus: tuple[str, ...] = ()

    @property
    def make(self) -> Callable[[LedgerHost], Tab]:
        module, _, name = self.where.partition(":")
        return getattr(importlib.import_module(module), name)


TABS: tuple[TabEntry, ...] = (
    TabEntry("units", QT_TRANSLATE_NOOP("tabs", "帮扶单位"),
             "pairing_desktop.ui.tabs.units:UnitsTab"),
    TabEntry("villages", QT_TRANSLATE_NOOP("tabs", "乡镇与村"),
             "pairing_desktop.ui.tabs.villages:VillagesTab"),
    TabEntry("pairings", QT_TRANSLATE_NOOP("tabs", "结对"),
             "pairing_desktop.ui.tabs.pairings:PairingsTab"),
    TabEntry("assignments", QT_TRANSLATE_NOOP("tabs", "干部帮扶"),
             "pairing_desktop.ui.tabs.assignments:AssignmentsTab", (SETTINGS_MENU,)),
    TabEntry("targets", QT_TRANSLATE_NOOP("tabs", "目标"),
             "pairing_desktop.ui.letters.targets_tab:TargetsTab"),
    TabEntry("letters", QT_TRANSLATE_NOOP("tabs", "责任书"),
             "pairing_desktop.ui.letters.letters_tab:LettersTab", (LETTERS_MENU,)),
    TabEntry("activities", QT_TRANSLATE_NOOP("tabs", "帮扶活动"),
             "pairing_desktop.ui.tabs.activities:ActivitiesTab", (SETTINGS_MENU,)),
    TabEntry("overview", QT_TRANSLATE_NOOP("tabs", "总览"),
             "pairing_desktop.ui.tabs.overview:OverviewTab", (SETTINGS_MENU,)),
    TabEntry("report", QT_TRANSLATE_NOOP("tabs", "统计报告"),
             "pairing_desktop.ui.tabs.report:ReportTab"),
)


def tabs_named(*names: str) -> tuple[TabEntry, ...]:
    """The entries of these tabs, in the program's order."""
    return tuple(entry for entry in TABS if entry.name in names)
