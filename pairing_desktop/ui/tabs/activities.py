"""帮扶活动: the ledger entry tab, built for a clerk typing dozens of paper forms a day.

The date starts at today, the pairing is picked by typing part of the unit's or village's name,
the kind from a list; then only the numbers and texts that kind carries are shown. Ctrl+Enter
saves and starts the next record with the same pairing and kind. Every check is the core's
(the save operation); the form only shows its messages.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core import operations as ops
from pairing_desktop.core import records
from pairing_desktop.core.activities.ledger import ActivityList
from pairing_desktop.core.activities.rules import MONEY_UNITS, TEXT_LABELS, to_yuan
from pairing_desktop.core.activities.types import (
    HOUSEHOLD,
    NUMBER_FIELDS,
    NUMBER_LABELS,
    TEXT_FIELDS,
    Kind,
    load_kinds,
)
from pairing_desktop.core.changes import Changes
from pairing_desktop.core.entities import ACTIVITY
from pairing_desktop.core.errors import RefusedError, ValidationError
from pairing_desktop.ui.dialogs import Ask, Unsaved
from pairing_desktop.ui.kinds import entity_kinds
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_form import RefEditor
from pairing_desktop.ui.record_panel import ListPanel
from pairing_desktop.ui.tabs.base import SETTINGS_MENU, Tab

ERROR_STYLE = "color: #b00020;"


def tr(text: str) -> str:
    return QCoreApplication.translate("activities", text)


class ActivityForm(QWidget):
    """The entry form; `save()` returns the saved id or None (messages shown)."""

    edited = Signal()

    def __init__(self, host: LedgerHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = host
        self.record_id: Any = None
        self.kinds: list[Kind] = []
        self._snapshot: dict[str, Any] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(4)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

        self.date = QLineEdit(self)
        self.date.setObjectName("date")
        self.date.setPlaceholderText(tr("如 2026-3-5"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        self.kind.setMaxVisibleItems(20)
        self.pairing = RefEditor(host, ACTIVITY.field("pairing"), self)
        self.pairing.setObjectName("pairing")
        self.pairing.lineEdit().setPlaceholderText(tr("输入单位或村名的几个字"))
        self.cadre = RefEditor(host, ACTIVITY.field("cadre"), self)
        self.cadre.setObjectName("cadre")
        self.household = RefEditor(host, ACTIVITY.field("household"), self)
        self.household.setObjectName("household")
        self.numbers: dict[str, QLineEdit] = {}
        for name in NUMBER_FIELDS:
            editor = QLineEdit(self)
            editor.setObjectName(name)
            self.numbers[name] = editor
        self.money_unit = QComboBox(self)
        self.money_unit.setObjectName("money_unit")
        self.money_unit.addItems(list(MONEY_UNITS))
        self.money_unit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab skips it: 元 by default
        self.texts: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS:
            editor = QLineEdit(self)
            editor.setObjectName(name)
            self.texts[name] = editor

        self.errors: dict[str, QLabel] = {}
        self._rows: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        money = QWidget(self)
        money_row = QHBoxLayout(money)
        money_row.setContentsMargins(0, 0, 0, 0)
        money_row.addWidget(self.numbers["money_yuan"], 1)
        money_row.addWidget(self.money_unit)
        self._add_row("date", tr("日期"), self.date)
        self._add_row("type", tr("活动类型"), self.kind)
        self._add_row("pairing", tr("结对（单位—村）"), self.pairing)
        self._add_row("cadre", tr("走访干部"), self.cadre)
        self._add_row("household", tr("贫困户"), self.household)
        for name in NUMBER_FIELDS:
            label = tr("金额") if name == "money_yuan" else tr(NUMBER_LABELS[name])
            self._add_row(name, label, money if name == "money_yuan" else self.numbers[name])
        for name in TEXT_FIELDS:
            self._add_row(name, tr(TEXT_LABELS[name]), self.texts[name])
        order = [self.date, self.kind, self.pairing, self.cadre, self.household,
                 *self.numbers.values(), *self.texts.values()]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for editor in (self.date, *self.numbers.values(), *self.texts.values()):
            editor.textEdited.connect(lambda *_: self.edited.emit())
        for combo in (self.pairing, self.cadre, self.household):
            combo.on_edit(lambda *_: self.edited.emit())
            combo.lineEdit().installEventFilter(self)
        self.reload_kinds()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tabbing into a name selects it, so typing a few characters starts a new search."""
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit) \
                and event.reason() in (Qt.FocusReason.TabFocusReason,
                                       Qt.FocusReason.BacktabFocusReason):
            QTimer.singleShot(0, watched.selectAll)
        return False

    def _add_row(self, name: str, label_text: str, widget: QWidget) -> None:
        cell = QWidget(self)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        error = QLabel(cell)
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        label = QLabel(label_text, self)
        label.setBuddy(widget)
        self.form.addRow(label, cell)
        self.errors[name] = error
        self._rows[name] = cell
        self._labels[name] = label

    # --- kinds ---------------------------------------------------------------------------

    def reload_kinds(self) -> None:
        """Re-read the kinds (the county may have added one), keeping the current pick."""
        current = self.current_kind()
        self.kinds = load_kinds(self.host.ledger)
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItems([k.name for k in self.kinds])
        ids = [k.id for k in self.kinds]
        self.kind.setCurrentIndex(ids.index(current.id) if current and current.id in ids else 0)
        self.kind.blockSignals(False)
        self._kind_changed()

    def current_kind(self) -> Kind | None:
        index = self.kind.currentIndex()
        return self.kinds[index] if 0 <= index < len(self.kinds) else None

    def set_kind(self, kind_id: Any) -> None:
        ids = [k.id for k in self.kinds]
        if kind_id in ids:
            self.kind.setCurrentIndex(ids.index(kind_id))

    def _kind_changed(self, *_args: Any) -> None:
        """Show only what the kind carries; a household visit names a cadre and a household."""
        kind = self.current_kind()
        household = kind is not None and kind.scope == HOUSEHOLD
        shown = {"date", "type"} | ({"cadre", "household"} if household else {"pairing"})
        if kind is not None:
            shown |= set(kind.measures) | set(kind.texts)
        for name, cell in self._rows.items():
            self.form.setRowVisible(cell, name in shown)
        for name in NUMBER_FIELDS + TEXT_FIELDS:
            required = kind is not None and name in kind.required
            base = (tr("金额") if name == "money_yuan" else
                    tr(NUMBER_LABELS.get(name) or TEXT_LABELS[name]))
            self._labels[name].setText(base + ("＊" if required else ""))
        self.edited.emit()

    def shown_fields(self) -> list[str]:
        return [name for name, cell in self._rows.items() if self.form.isRowVisible(cell)]

    # --- values --------------------------------------------------------------------------

    def raw_values(self) -> dict[str, Any]:
        """What is typed, as the user sees it (for the unsaved-edits check)."""
        kind = self.current_kind()
        values: dict[str, Any] = {"date": self.date.text(), "type": kind.id if kind else None,
                                  "money_unit": self.money_unit.currentText()}
        for name in self.shown_fields():
            if name in self.numbers:
                values[name] = self.numbers[name].text()
            elif name in self.texts:
                values[name] = self.texts[name].text()
            elif name in ("pairing", "cadre", "household"):
                values[name] = getattr(self, name).value()
        return values

    def record_values(self) -> dict[str, Any]:
        """The record to save: hidden fields are empty; money converted from 万元 explicitly."""
        kind = self.current_kind()
        values: dict[str, Any] = {name: None for name in (*NUMBER_FIELDS, *TEXT_FIELDS)}
        values.update({"pairing": None, "cadre": None, "household": None,
                       "type": kind.id if kind else None, "date": self.date.text()})
        for name, value in self.raw_values().items():
            if name in values and name not in ("date", "type"):
                values[name] = value
        money = values.get("money_yuan")
        if money not in (None, "") and self.money_unit.currentText() != "元":
            with contextlib.suppress(ValueError):  # else the core names the field and problem
                values["money_yuan"] = to_yuan(money, self.money_unit.currentText())
        return values

    @property
    def dirty(self) -> bool:
        return self.raw_values() != self._snapshot

    def load_new(self, keep: Kind | None = None, pairing: Any = None) -> None:
        """A blank record dated today, keeping the pairing and kind given."""
        self.record_id = None
        self.date.setText(dt.date.today().isoformat())
        if keep is not None:
            self.set_kind(keep.id)
        for editor in (*self.numbers.values(), *self.texts.values()):
            editor.clear()
        self.money_unit.setCurrentIndex(0)
        self.pairing.set_value(pairing)
        self.cadre.set_value(None)
        self.household.set_value(None)
        self.clear_errors()
        self._snapshot = self.raw_values()

    def load(self, record_id: Any) -> None:
        values = records.load(self.host.ledger, "activity", record_id)
        self.record_id = record_id
        self.set_kind(values["type"])
        self.date.setText(values["date"].isoformat())
        for name in ("pairing", "cadre", "household"):
            getattr(self, name).set_value(values[name])
        for name, editor in self.numbers.items():
            value = values[name]
            editor.setText("" if value is None else f"{value:g}" if isinstance(value, float)
                           else str(value))
        self.money_unit.setCurrentIndex(0)
        for name, editor in self.texts.items():
            editor.setText(values[name] or "")
        self.clear_errors()
        self._snapshot = self.raw_values()

    def save(self) -> Any:
        """Save through the core; on refusal show its messages and keep the input."""
        try:
            saved = self.host.perform(ops.save, "activity", self.record_id,
                                      self.record_values()).record_id
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return None
        except RefusedError as exc:
            self.show_errors({"": str(exc)})
            return None
        self.record_id = saved
        self.clear_errors()
        self._snapshot = self.raw_values()
        return saved

    # --- messages ------------------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> None:
        self.clear_errors()
        general = []
        for name, message in errors.items():
            label = self.errors.get(name)
            if label is None or not self.form.isRowVisible(self._rows[name]):
                general.append(message)
            else:
                label.setText(message)
                label.show()
        if general:
            self.error.setText("\n".join(general))
            self.error.show()
        first = next((n for n in self._rows if n in errors), None)
        widget = {"date": self.date, "type": self.kind, "pairing": self.pairing,
                  "cadre": self.cadre, "household": self.household,
                  **self.numbers, **self.texts}.get(first or "")
        if widget is not None:
            widget.setFocus()

    def clear_errors(self) -> None:
        for label in (self.error, *self.errors.values()):
            label.clear()
            label.hide()

    def error_text(self, name: str) -> str:
        label = self.errors.get(name, self.error) if name else self.error
        return label.text() if not label.isHidden() else ""


class ActivitiesTab(Tab):
    """The form above the list of what was entered (newest first)."""

    def __init__(self, host: LedgerHost, parent: QWidget | None = None):
        super().__init__(host, parent)
        self.form = ActivityForm(host, self)
        self.list = ListPanel(host, ActivityList, entity_kinds("activity"),
                              tr("已登记的帮扶活动"), self)
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

        buttons = QHBoxLayout()
        for button in (self.save_next, self.save_button, self.new_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        title = QLabel(f"<b>{tr('登记帮扶活动')}</b>", left)
        left_layout.addWidget(title)
        left_layout.addWidget(self.form, 1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.status)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.list)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 720])
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
            return False
        self.list.select_id(saved)
        self.status.setText(tr("已保存。"))
        self._update_buttons()
        return True

    def save_and_next(self) -> bool:
        """Save, then a new record keeping the pairing and kind; focus back on the date."""
        kind, pairing = self.form.current_kind(), self.form.pairing.value()
        if not self.save():
            return False
        self.list.clear_selection()
        self.form.load_new(kind, pairing)
        self.status.setText(tr("已保存，请登记下一条。"))
        self._update_buttons()
        self.form.date.setFocus()
        self.form.date.selectAll()
        return True

    def new(self) -> bool:
        if not self.maybe_leave():
            return False
        self.list.clear_selection()
        self.form.load_new(self.form.current_kind(), self.form.pairing.value())
        self.status.clear()
        self._update_buttons()
        self.form.date.setFocus()
        self.form.date.selectAll()
        return True

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
        self.form.load_new(self.form.current_kind(), self.form.pairing.value())
        self.status.setText(tr("已删除。"))
        self._update_buttons()
        return True

    def _show(self, record_id: Any) -> None:
        if record_id is None:
            return
        self.form.load(record_id)
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
                self.form.load(self.form.record_id)
            else:
                self.form.load_new(self.form.current_kind(), self.form.pairing.value())
            return True
        return False

    # --- what others changed ---------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        """New or changed kinds of activity; the shown record changed elsewhere (an undo): its
        stored values, unless the form holds unsaved edits."""
        if changes.touches(["activity_type"]):
            self.form.reload_kinds()
        record_id = self.form.record_id
        if record_id is None or record_id not in changes.ids("activity") or self.form.dirty:
            return
        try:
            self.form.load(record_id)
        except RefusedError:  # it is gone
            self.list.clear_selection()
            self.form.load_new(self.form.current_kind(), self.form.pairing.value())
        self._update_buttons()

    def _on_replaced(self) -> None:
        """Another file was opened: its kinds and a new record (the pickers and the list
        read the new file themselves)."""
        self.form.reload_kinds()
        self.form.load_new()
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.form.record_id is None and not self.form.dirty:
            self.form.date.setFocus()
            self.form.date.selectAll()  # typing replaces today's date
