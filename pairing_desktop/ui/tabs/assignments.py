"""干部帮扶 ("4321"): assignments, each cadre's quota against the households held, the households
nobody is responsible for, changing a household's cadre, and the editable quota table."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core import operations as ops
from pairing_desktop.core import records
from pairing_desktop.core.entities import ENTITIES
from pairing_desktop.core.errors import PairingError, ValidationError
from pairing_desktop.core.rules.quotas import MET, OVER, UNDER, QuotaList, UnassignedHouseholds
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.ui.dialogs import Ask
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_form import RefEditor
from pairing_desktop.ui.record_panel import ListPanel, RecordPanel
from pairing_desktop.ui.style import FOCUS_STYLE
from pairing_desktop.ui.tabs.base import SETTINGS_MENU, PanelTab

# What the quota list shows: each cadre, their unit and rank (its quota), the households held.
QUOTA_KINDS = frozenset({"cadre", "unit", "rank", "assignment"})
# The households nobody holds: named with their village and township.
UNASSIGNED_KINDS = frozenset({"household", "village", "township", "assignment"})


class ReassignDialog(QDialog):
    """Pick the new cadre and the day of the change (the open assignment closes that day)."""

    def __init__(self, host: LedgerHost, household: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = host
        self.setWindowTitle(self.tr("更换帮扶干部"))
        self.cadre = RefEditor(host, ENTITIES["assignment"].field("cadre"), self)
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setCalendarPopup(True)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c0392b;")
        self.chosen: uuid.UUID | None = None
        form = QFormLayout(self)
        form.addRow(self.tr("贫困户"), QLabel(household, self))
        form.addRow(self.tr("新帮扶干部"), self.cadre)
        form.addRow(self.tr("更换日期"), self.date)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        value = self.cadre.value()
        if value is None:
            self.error.setText(self.tr("新帮扶干部：请从列表中选择"))
            return
        try:  # a typed name is read as the core reads it in any form
            self.chosen = value if isinstance(value, uuid.UUID) else records.resolve(
                self.host.ledger, "cadre", value)
        except ValueError as exc:
            self.error.setText(self.tr("新帮扶干部：") + str(exc))
            return
        self.accept()

    def answer(self) -> tuple[uuid.UUID, dt.date]:
        return self.chosen, self.date.date().toPython()

    @classmethod
    def ask(cls, host: LedgerHost, parent: QWidget | None,
            household: str) -> tuple[uuid.UUID, dt.date] | None:
        dialog = cls(host, household, parent)
        try:
            return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class RankDialog(QDialog):
    """The county's quota table (县级 4, 科局级 3 …), edited like any other list."""

    def __init__(self, host: LedgerHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("职级帮扶定额"))
        self.setStyleSheet(FOCUS_STYLE)
        # Esc closes the dialog (asking about unsaved edits); 撤销修改 stays a button
        self.panel = RecordPanel(host, "rank", self.tr("职级与帮扶户数定额"), parent=self,
                                 revert_key="")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("关闭"))
        self.close_button.setObjectName("close")
        self.close_button.setAutoDefault(False)  # Enter in a field saves the rank, not closes
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("每名干部应帮扶的贫困户数由其职级决定，可按本县规定修改。"),
                                self))
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.resize(760, 440)

    def reject(self) -> None:
        if self.panel.maybe_leave():
            super().reject()


class AssignmentsTab(PanelTab):
    STATES = ("", UNDER, OVER, MET)

    def __init__(self, host: LedgerHost, parent: QWidget | None = None):
        super().__init__(host, parent)
        self.assignments = RecordPanel(host, "assignment", self.tr("干部–贫困户结对"),
                                       parent=self)
        self.reassign_button = QPushButton(self.tr("更换帮扶干部…"), self)
        self.reassign_button.clicked.connect(self.reassign_current)
        self.assignments.buttons.addWidget(self.reassign_button)

        self.state = QComboBox(self)
        self.state.setObjectName("quota_state")
        self.state.addItems([self.tr("全部"), self.tr(UNDER), self.tr(OVER), self.tr(MET)])
        self.state.currentIndexChanged.connect(self._state_changed)
        self.quota = ListPanel(host, self._quota_source, QUOTA_KINDS, self.tr("干部帮扶定额"),
                               self, empty=self.tr("还没有干部。在“帮扶单位”页登记干部后，这里列出"
                                                   "每人按职级应帮扶的户数和现帮扶的户数。"))
        self.quota.bar.insertWidget(1, self.state)
        self.ranks_button = QPushButton(self.tr("职级定额…"), self)
        self.ranks_button.clicked.connect(self.edit_ranks)
        self.quota.bar.addWidget(self.ranks_button)

        self.unassigned = ListPanel(host, UnassignedHouseholds, UNASSIGNED_KINDS,
                                    self.tr("无帮扶干部的贫困户"), self,
                                    empty=self.tr("每户贫困户都有帮扶干部。没有干部帮扶的贫困户"
                                                  "会列在这里，选中后点“为此户结对…”。"))
        self.assign_button = QPushButton(self.tr("为此户结对…"), self)
        self.assign_button.clicked.connect(self.assign_selected_household)
        self.unassigned.bar.addWidget(self.assign_button)
        self.track(self.assignments)
        self.rank_dialog: RankDialog | None = None
        self.ranks_action = QAction(QCoreApplication.translate("tabs", "职级帮扶定额（4321）…"),
                                    self)
        self.ranks_action.triggered.connect(lambda _checked=False: self.edit_ranks())

        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.quota)
        lower.addWidget(self.unassigned)
        lower.setChildrenCollapsible(False)
        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(self.assignments)
        outer.addWidget(lower)
        outer.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(outer)

    def menu_actions(self) -> list[tuple[str, QAction]]:
        return [(SETTINGS_MENU, self.ranks_action)]

    def _quota_source(self, ledger: Ledger) -> QuotaList:
        return QuotaList(ledger, self.STATES[self.state.currentIndex()] or None)

    def _state_changed(self, _index: int) -> None:
        self.quota.set_source(self._quota_source)

    def reassign_current(self) -> bool:
        """Hand the household of the selected assignment to another cadre (core `reassign`)."""
        record_id = self.assignments.record_id
        if record_id is None:
            Ask.warn(self, self.tr("更换帮扶干部"), self.tr("请先在列表中选择一条结对记录。"))
            return False
        if not self.assignments.maybe_leave():
            return False
        ledger = self.host.ledger
        household = records.load(ledger, "assignment", record_id)["household"]
        label = records.choices(ledger, "household", ids=[household])[0][1]
        answer = ReassignDialog.ask(self.host, self, label)
        if answer is None:
            return False
        cadre_id, on = answer
        try:
            changes = self.host.perform(ops.reassign, household, cadre_id, on)
        except ValidationError as exc:
            Ask.warn(self, self.tr("更换帮扶干部"), "\n".join(exc.errors.values()))
            return False
        except PairingError as exc:
            Ask.warn(self, self.tr("更换帮扶干部"), str(exc))
            return False
        self.assignments.list.select_id(changes.record_id)
        self.assignments.show_record(changes.record_id)
        return True

    def assign_selected_household(self) -> bool:
        """Start a new assignment for the household selected among the unassigned."""
        household = self.unassigned.current_id()
        if household is None:
            return False
        if not self.assignments.new():
            return False
        self.assignments.form.set_values({"household": household,
                                          "started_on": dt.date.today()})
        self.assignments.form.editors["cadre"].setFocus()
        return True

    def edit_ranks(self) -> RankDialog:
        """Show the quota table (not modal); a saved quota reaches the quota list as a change."""
        if self.rank_dialog is None:
            self.rank_dialog = RankDialog(self.host, self)
        self.rank_dialog.show()
        self.rank_dialog.raise_()
        return self.rank_dialog

    def maybe_leave(self) -> bool:
        dialog_ok = self.rank_dialog is None or self.rank_dialog.panel.maybe_leave()
        return dialog_ok and super().maybe_leave()


