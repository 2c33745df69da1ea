"""总览: who is behind on their duties, at a glance, as a traffic-light tree township → unit →
pairing. Double-clicking a cell opens the records behind it.

The duty checks run off the GUI thread on their own read-only connection (`ui.background`), so
the window never freezes on a province-sized file. They run again when an operation changed a
kind they depend on: at once when the tab is shown, else when it is next shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core.activities.ledger import ActivityList
from pairing_desktop.core.activities.types import DUTY_LABELS
from pairing_desktop.core.changes import Changes
from pairing_desktop.core.duties.checks import MET, OVERDUE, PENDING
from pairing_desktop.core.duties.overview import (
    COLUMNS,
    Cell,
    PairingLine,
    overview,
    people_summary,
)
from pairing_desktop.core.records import EntityList
from pairing_desktop.ui.background import Background
from pairing_desktop.ui.dialogs import close_button
from pairing_desktop.ui.kinds import entity_kinds
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_panel import ListPanel, SourceFactory
from pairing_desktop.ui.tabs.base import SETTINGS_MENU, Tab
from pairing_desktop.ui.township_filter import TownshipFilter

COLOURS = {MET: "#c8e6c9", PENDING: "#ffe0b2", OVERDUE: "#ffcdd2"}
ID_ROLE = Qt.ItemDataRole.UserRole

# What the duty checks read: pairings and the units and villages they join, their activities
# and targets, cadres with their ranks and households, postings, and the duty rules (a setting).
DASHBOARD_KINDS = frozenset({
    "township", "village", "unit", "uv_pairing", "activity", "activity_type", "target",
    "cadre", "rank", "household", "assignment", "stationed", "setting"})


def tr(text: str) -> str:
    return QCoreApplication.translate("overview", text)


def column_titles() -> list[str]:
    return [tr("乡镇 / 帮扶单位 / 结对"), tr("逾期项"),
            *(tr(DUTY_LABELS[d]) if d in DUTY_LABELS else tr("年度目标") for d in COLUMNS)]


def cell_text(cell: Cell) -> str:
    """“3/4” done of due; an overdue cell also says how many periods are overdue."""
    text = f"{cell.done}/{cell.due}"
    if cell.overdue:
        text += tr(" 逾期{0}").format(cell.overdue)
    return text


def as_of_for(year: int, today: dt.date) -> dt.date:
    """This year: today. A finished year: the day after it, so every period is final."""
    return today if year >= today.year else dt.date(year + 1, 1, 1)


class RecordsDialog(QDialog):
    """The records behind a dashboard cell or a report figure, in the shared list panel
    (non-modal); 关闭 or Esc closes it."""

    def __init__(self, host: LedgerHost, source: SourceFactory, kinds: frozenset[str],
                 title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.list = ListPanel(host, source, kinds, title, self)
        self.close_button = close_button(self)
        self.close_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.resize(900, 480)


class OverviewTab(Tab):
    refreshed = Signal()  # the tree shows a fresh check

    def __init__(self, host: LedgerHost, parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today,
                 pool: QThreadPool | None = None):
        super().__init__(host, parent)
        self.today = today
        self.lines: list[PairingLine] = []
        self.dialogs: list[RecordsDialog] = []
        self.stale = True  # not checked yet, or changed since the last check
        self.reading = Background(self, tr("检查帮扶职责"), pool=pool)
        self.reading.ended.connect(self._ended)
        self.reading.done.connect(self._arrived)
        self.reading.refused.connect(
            lambda message: self.summary.setText(tr("检查失败：{0}").format(message)))

        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setRange(1949, 2100)
        self.year.setValue(today().year)
        self.year.setSuffix(tr(" 年"))
        self.township = TownshipFilter(host, tr("全县"), self)
        self.township.setObjectName("township")
        self.only_overdue = QCheckBox(tr("只看有逾期的结对"), self)
        self.only_overdue.setObjectName("only_overdue")
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("按单位或村名筛选"))
        self.search.setClearButtonEnabled(True)
        refresh = QPushButton(tr("刷新"), self)
        refresh.clicked.connect(self.refresh)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.people = QLabel(self)
        self.people.setObjectName("people")
        bar = QHBoxLayout()
        for widget in (QLabel(tr("年度"), self), self.year, QLabel(tr("乡镇"), self),
                       self.township, self.only_overdue, self.search, refresh):
            bar.addWidget(widget)
        bar.addStretch(1)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("tree")
        self.tree.setColumnCount(len(COLUMNS) + 2)
        self.tree.setHeaderLabels(column_titles())
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.resizeSection(0, 380)
        for column in range(1, len(COLUMNS) + 2):
            header.resizeSection(column, 110)
        self.tree.itemDoubleClicked.connect(self.open_cell)
        legend = QLabel(tr("颜色：绿色＝已完成，橙色＝本期未到期，红色＝逾期。"
                           "格中为“已完成/应完成”；双击格子查看记录。"), self)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.people)
        layout.addWidget(self.tree, 1)
        layout.addWidget(legend)
        self.year.valueChanged.connect(self.refresh)
        self.township.currentIndexChanged.connect(self.refresh)
        self.only_overdue.toggled.connect(self._fill)
        self.search.textChanged.connect(self._fill)
        self.rules_action = QAction(QCoreApplication.translate("tabs", "帮扶职责规则…"), self)
        self.rules_action.triggered.connect(lambda _checked=False: self.edit_rules())
        host.changed.connect(self._on_changes)
        host.replaced.connect(self._on_replaced)

    def menu_actions(self) -> list[tuple[str, QAction]]:
        return [(SETTINGS_MENU, self.rules_action)]

    def edit_rules(self) -> QDialog:
        """设置 → 帮扶职责规则…: saving them reaches this tab as a change of a setting."""
        from pairing_desktop.ui.tabs.activity_settings import DutyRulesDialog

        dialog = DutyRulesDialog(self.host, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # --- data ----------------------------------------------------------------------------

    def township_id(self) -> Any:
        return self.township.township_id()

    def refresh(self) -> None:
        """Check again off the GUI thread; the tree updates when the result arrives."""
        self.stale = False
        year = self.year.value()
        self.summary.setText(tr("正在检查……"))
        self.reading.read(self.host.ledger, overview, year, as_of_for(year, self.today()),
                          self.township_id())

    def mark_stale(self) -> None:
        """What the checks read changed: check again now if shown, else when next shown."""
        self.stale = True
        if self.isVisible():
            self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(DASHBOARD_KINDS):
            self.mark_stale()

    def _on_replaced(self) -> None:
        self.reading.forget()  # a check of the old file must not fill the tree
        self.lines = []
        self.tree.clear()
        self.mark_stale()

    def showEvent(self, event: QShowEvent) -> None:
        """Shown after something it depends on changed (or for the first time): check again.
        The check runs off the GUI thread, so this costs no wait."""
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def _ended(self, ok: bool) -> None:
        if not ok:  # a refusal says why next; a program error is shown and logged
            self.summary.setText(tr("检查未完成。"))

    def _arrived(self, result: Any) -> None:
        self.lines, compliance = result
        people = people_summary(compliance)
        self.people.setText(tr("干部帮扶：{under} 名干部帮扶户数不足定额，{over} 名超过定额；"
                               "{visits_due} 名干部本年尚有所帮扶户未走访；{unassigned} 户贫困户"
                               "无帮扶干部；{stationed} 名驻村干部任期已满无人接任。")
                            .format(**people))
        self._fill()
        self.refreshed.emit()

    # --- the tree --------------------------------------------------------------------------

    def _visible_lines(self) -> list[PairingLine]:
        text = self.search.text().strip()
        return [line for line in self.lines
                if (not self.only_overdue.isChecked() or line.overdue)
                and (not text or text in line.subject)]

    def _fill(self) -> None:
        lines = self._visible_lines()
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        groups: dict[str, dict[str, list[PairingLine]]] = {}
        for line in lines:
            groups.setdefault(line.township, {}).setdefault(line.unit, []).append(line)
        for township, units in groups.items():
            t_item = self._group_item(self.tree, township,
                                      [ln for unit in units.values() for ln in unit])
            for unit, unit_lines in units.items():
                u_item = self._group_item(t_item, unit, unit_lines)
                for line in unit_lines:
                    self._pairing_item(u_item, line)
                u_item.setExpanded(len(lines) <= 20 or any(ln.overdue for ln in unit_lines))
            t_item.setExpanded(len(groups) <= 3 or any(ln.overdue for u in units.values()
                                                       for ln in u))
        self.tree.setUpdatesEnabled(True)
        counts = {status: sum(ln.status == status for ln in self.lines)
                  for status in (OVERDUE, PENDING, MET)}
        self.summary.setText(tr("共 {0} 个结对：{1} 个有逾期，{2} 个本期未到期，{3} 个全部完成；"
                                "逾期共 {4} 项。").format(
            len(self.lines), counts[OVERDUE], counts[PENDING], counts[MET],
            sum(ln.overdue for ln in self.lines)))

    def _group_item(self, parent: Any, name: str, lines: list[PairingLine]) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent)
        item.setText(0, name)
        item.setText(1, str(sum(ln.overdue for ln in lines)))
        for column, duty in enumerate(COLUMNS, start=2):
            cells = [ln.cells[duty] for ln in lines if duty in ln.cells]
            late = sum(c.status == OVERDUE for c in cells)
            waiting = sum(c.status == PENDING for c in cells)
            if not cells:
                continue
            item.setText(column, tr("{0} 个逾期").format(late) if late else
                         tr("{0} 个未到期").format(waiting) if waiting else tr("全部完成"))
            status = OVERDUE if late else PENDING if waiting else MET
            item.setBackground(column, QBrush(QColor(COLOURS[status])))
        return item

    def _pairing_item(self, parent: QTreeWidgetItem, line: PairingLine) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent)
        item.setText(0, line.subject)
        item.setData(0, ID_ROLE, str(line.pairing_id))
        item.setText(1, str(line.overdue))
        for column, duty in enumerate(COLUMNS, start=2):
            cell = line.cells.get(duty)
            if cell is None:
                item.setText(column, "—")
                continue
            item.setText(column, cell_text(cell))
            item.setBackground(column, QBrush(QColor(COLOURS[cell.status])))
        return item

    def pairing_item(self, subject: str) -> QTreeWidgetItem | None:
        """The tree item of a pairing named “单位 — 村” (for tests and screenshots)."""
        for i in range(self.tree.topLevelItemCount()):
            township = self.tree.topLevelItem(i)
            for j in range(township.childCount()):
                unit = township.child(j)
                for k in range(unit.childCount()):
                    if unit.child(k).text(0) == subject:
                        return unit.child(k)
        return None

    def cell_colour(self, subject: str, duty: str) -> str:
        item = self.pairing_item(subject)
        if item is None:
            return ""
        return item.background(2 + COLUMNS.index(duty)).color().name()

    # --- the records behind a cell -----------------------------------------------------------

    def open_cell(self, item: QTreeWidgetItem, column: int) -> RecordsDialog | None:
        pairing_id = item.data(0, ID_ROLE)
        if pairing_id is None:
            return None  # a township or unit row: double-click opens and closes it
        year = self.year.value()
        duty = COLUMNS[column - 2] if column >= 2 else None
        source: SourceFactory
        if duty == "target":
            source = partial(EntityList, entity="target", filters={"pairing": pairing_id})
            kind = "target"
            title = tr("{0}：年度目标").format(item.text(0))
        else:
            source = partial(ActivityList, pairing_id=pairing_id, duty=duty, year=year)
            kind = "activity"
            what = tr(DUTY_LABELS[duty]) if duty else tr("全部帮扶活动")
            title = tr("{0}：{1}年{2}").format(item.text(0), year, what)
        dialog = RecordsDialog(self.host, source, entity_kinds(kind), title, self)
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _result, d=dialog: self.dialogs.remove(d))
        dialog.show()
        return dialog

