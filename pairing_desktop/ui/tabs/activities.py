"""帮扶活动: the ledger entry tab, built for a clerk typing dozens of paper forms a day.

The form is the RecordForm of the activity spec: the date starts at today, the pairing is
picked by typing part of the unit's or village's name, the type from the county's list; then the
spec's shape shows only the numbers and texts that type carries, and a pairing or (a household
visit) a cadre and a household. Ctrl+Enter saves and starts the next record with the same
pairing, type and date; Esc reverts the form. Every check is the core's (the save operation);
the form only shows its messages.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core import operations as ops
from pairing_desktop.core import records
from pairing_desktop.core.activities.ledger import ActivityList
from pairing_desktop.core.activities.types import NUMBER_FIELDS, TEXT_FIELDS
from pairing_desktop.core.changes import Changes
from pairing_desktop.core.entities import ACTIVITY
from pairing_desktop.core.errors import RefusedError, ValidationError
from pairing_desktop.ui.dialogs import Ask, Unsaved
from pairing_desktop.ui.kinds import entity_kinds
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_form import MoneyEditor, RecordForm, RefEditor, RefListEditor
from pairing_desktop.ui.record_panel import ListPanel
from pairing_desktop.ui.tabs.base import SETTINGS_MENU, Tab

LIST_SPARE = 60  # room for the 内容 column beyond its heading


def tr(text: str) -> str:
    return QCoreApplication.translate("activities", text)


class ActivityForm(RecordForm):
    """The activity's RecordForm, with names for its editors; `save()` returns the saved id
    or None (messages shown). A new record is dated today and has a type (the first of the
    county's list unless one is kept)."""

    def __init__(self, host: LedgerHost, parent: QWidget | None = None):
        super().__init__(host, ACTIVITY, parent)
        self._started: dict[str, Any] = {}  # the values a new record began with (Esc)
        self.setObjectName("activity_form")
        self.pairing.lineEdit().setPlaceholderText(tr("输入单位或村名的几个字"))
        self.date.setPlaceholderText(tr("如 2026-3-5"))

    # the editors by what they hold
    @property
    def date(self) -> QLineEdit:
        return self.editors["date"]

    @property
    def kind(self) -> RefListEditor:
        return self.editors["type"]

    @property
    def pairing(self) -> RefEditor:
        return self.editors["pairing"]

    @property
    def cadre(self) -> RefEditor:
        return self.editors["cadre"]

    @property
    def household(self) -> RefEditor:
        return self.editors["household"]

    @property
    def numbers(self) -> dict[str, QLineEdit]:
        """The number fields' text boxes (the amount's, beside its unit, for money)."""
        return {name: (editor.amount if isinstance(editor, MoneyEditor) else editor)
                for name in NUMBER_FIELDS for editor in [self.editors[name]]}

    @property
    def money_unit(self) -> QComboBox:
        return self.editors["money_yuan"].unit

    @property
    def texts(self) -> dict[str, Any]:
        return {name: self.editors[name] for name in TEXT_FIELDS}

    # --- type ------------------------------------------------------------------------------

    def current_kind(self) -> Any:
        """The id of the activity type chosen."""
        return self.kind.value()

    def set_kind(self, kind_id: Any) -> None:
        self.kind.set_value(kind_id)
        self.apply_shape()

    # --- records ---------------------------------------------------------------------------

    def load_new(self, fixed: dict[str, Any] | None = None) -> None:
        values = {**(fixed or {})}
        if values.get("date") is None:
            values["date"] = dt.date.today()
        if values.get("type") is None:
            values["type"] = self.kind.first()
        self._started = values
        super().load_new(values)

    def start_new(self, kind: Any = None, pairing: Any = None, date: Any = None) -> None:
        """A blank record keeping the type and pairing given, dated `date` (default today)."""
        self.load_new({"type": kind, "pairing": pairing, "date": date})

    def revert(self) -> None:
        """Esc: the record as stored, or the new record as it was started."""
        if self.record_id is not None:
            self.show_record(self.record_id)
        else:
            self.load_new(self._started)

    def show_record(self, record_id: Any) -> None:
        self.load(record_id, *records.load_with_revision(self.host.ledger, "activity", record_id))

    def save(self) -> Any:
        """Save through the core; on refusal show its messages and keep the input."""
        try:
            saved = self.host.perform(ops.save, "activity", self.record_id, self.values(),
                                      expected_rev=self.revision).record_id
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return None
        except RefusedError as exc:
            self.show_errors({"": str(exc)})
            return None
        self.show_record(saved)
        return saved


class ActivitiesTab(Tab):
    """The form above the list of what was entered (newest first)."""

    def __init__(self, host: LedgerHost, parent: QWidget | None = None):
        super().__init__(host, parent)
        self.form = ActivityForm(host, self)
        self.list = ListPanel(host, ActivityList, entity_kinds("activity"),
                              tr("已登记的帮扶活动"), self,
                              empty=tr("还没有登记帮扶活动。在左边填写日期、活动类型和结对，"
                                       "按 Ctrl+Enter 保存并登记下一条；也可用 文件 → 导入。"))
        self.list.setObjectName("activity_list")
        self.list.can_leave = self.maybe_leave
        self.list.current_changed.connect(self._show)
        self.status = QLabel(self)
        self.status.setObjectName("status")

        self.save_next = QPushButton(tr("保存并登记下一条（Ctrl+Enter）"), self)
        self.save_next.setObjectName("save_next")
        self.save_button = QPushButton(tr("保存（Ctrl+S）"), self)
        self.new_button = QPushButton(tr("新登记（Ctrl+N）"), self)
        self.delete_button = QPushButton(tr("删除"), self)
        self.delete_button.setObjectName("delete")
        for button in (self.save_next, self.save_button, self.new_button, self.delete_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stays within the fields
        self.save_next.clicked.connect(self.save_and_next)
        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(self.new)
        self.delete_button.clicked.connect(self.delete)
        self._shortcut(tr("保存并登记下一条"), self.save_and_next,
                       QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return),
                       QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter))
        self._shortcut(tr("保存"), self.save, QKeySequence(QKeySequence.StandardKey.Save))
        self._shortcut(tr("新登记"), self.new, QKeySequence(QKeySequence.StandardKey.New))
        self._shortcut(tr("撤销修改"), self.revert, QKeySequence(Qt.Key.Key_Escape))

        buttons = QHBoxLayout()
        for button in (self.save_next, self.save_button, self.new_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        title = QLabel("<b>" + tr("登记帮扶活动") + "</b>", left)
        left_layout.addWidget(title)
        scroll = QScrollArea(left)
        scroll.setObjectName("form_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        left_layout.addWidget(scroll, 1)
        left_layout.addWidget(self.form.messages)  # never between the fields
        self.form.focused_error.connect(lambda editor: scroll.ensureWidgetVisible(editor))
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.status)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.list)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 720])
        self._splitter = splitter
        self._sized = False
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.form.load_new()
        self._update_buttons()
        self.types_action = QAction(QCoreApplication.translate("tabs", "帮扶活动类型…"), self)
        self.types_action.triggered.connect(lambda _checked=False: self.edit_types())
        host.changed.connect(self._on_changes)
        host.replaced.connect(self._on_replaced)

    def menu_actions(self) -> list[tuple[str, QAction]]:
        return [(SETTINGS_MENU, self.types_action)]

    def edit_types(self) -> QWidget:
        """设置 → 帮扶活动类型…: the county's kinds, edited like any other list."""
        from pairing_desktop.ui.tabs.activity_settings import ActivityTypesDialog

        dialog = ActivityTypesDialog(self.host, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _shortcut(self, text: str, slot: Any, *keys: QKeySequence) -> None:
        action = QAction(text, self)
        action.setShortcuts(list(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.form.record_id is not None)

    # --- actions ---------------------------------------------------------------------------

    def save(self) -> bool:
        saved = self.form.save()
        if saved is None:
            self.status.clear()  # "已保存" beside a new error would say the wrong thing
            return False
        self.list.select_id(saved)
        self.status.setText(tr("已保存。"))
        self._update_buttons()
        return True

    def save_and_next(self) -> bool:
        """Save, then a new record keeping the pairing, kind and date (a clerk enters a stack
        of paper records of one day); focus back on the date."""
        kind, pairing = self.form.current_kind(), self.form.pairing.value()
        if not self.save():
            return False
        date = records.load(self.host.ledger, "activity", self.form.record_id)["date"]
        self.list.clear_selection()
        self.form.start_new(kind, pairing, date)
        self.status.setText(tr("已保存，请登记下一条。"))
        self._update_buttons()
        self.form.date.setFocus()
        self.form.date.selectAll()
        return True

    def new(self) -> bool:
        if not self.maybe_leave():
            return False
        self.list.clear_selection()
        self.form.start_new(self.form.current_kind(), self.form.pairing.value())
        self.status.clear()
        self._update_buttons()
        self.form.date.setFocus()
        self.form.date.selectAll()
        return True

    def revert(self) -> None:
        """Esc: throw away the edits in the form."""
        self.form.revert()
        self.status.clear()

    def delete(self) -> bool:
        if self.form.record_id is None:
            return False
        if not Ask.confirm(self, tr("删除帮扶活动"), tr("确定删除这条帮扶活动记录吗？")):
            return False
        try:
            self.host.perform(ops.delete, "activity", self.form.record_id)
        except RefusedError as exc:
            self.form.show_errors({"": str(exc)})
            return False
        self.form.start_new(self.form.current_kind(), self.form.pairing.value())
        self.status.setText(tr("已删除。"))
        self._update_buttons()
        return True

    def _show(self, record_id: Any) -> None:
        if record_id is None:
            return
        self.form.show_record(record_id)
        self.status.clear()
        self._update_buttons()

    # --- the window's protocol ---------------------------------------------------------------

    def maybe_leave(self) -> bool:
        if not self.form.dirty:
            return True
        answer = Ask.unsaved(self, tr("帮扶活动"))
        if answer is Unsaved.SAVE:
            return self.save()
        if answer is Unsaved.DISCARD:
            if self.form.record_id is not None:
                self.form.show_record(self.form.record_id)
            else:
                self.form.start_new(self.form.current_kind(), self.form.pairing.value())
            return True
        return False

    # --- what others changed ---------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        """The shown record changed elsewhere (an undo): its stored values, unless the form
        holds unsaved edits. (The type list and the shape follow the county's types
        themselves.)"""
        record_id = self.form.record_id
        if record_id is None or record_id not in changes.ids("activity") or self.form.dirty:
            return
        try:
            self.form.show_record(record_id)
        except RefusedError:  # it is gone
            self.list.clear_selection()
            self.form.start_new(self.form.current_kind(), self.form.pairing.value())
        self._update_buttons()

    def _on_replaced(self) -> None:
        """Another file was opened: a new record (the pickers, the type list and the list read
        the new file themselves)."""
        self.form.load_new()
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # the list's columns whole (its numbers), the form the rest
            self._sized = True
            total = sum(self._splitter.sizes())
            form = max(total - self.list.columns_width() - LIST_SPARE,
                       self._splitter.widget(0).minimumSizeHint().width())
            self._splitter.setSizes([form, total - form])
        if self.form.record_id is None and not self.form.dirty:
            self.form.date.setFocus()
            self.form.date.selectAll()  # typing replaces today's date
