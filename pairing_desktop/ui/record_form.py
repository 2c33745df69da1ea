"""One form for every kind of record, built from its EntitySpec.

A field's kind picks its editor; the core validates, and its per-field messages are shown in red
under the field. The form holds raw values only; it never decides what is valid. Reference
pickers read their choices through the host, again only when their kind changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core import records
from pairing_desktop.core.changes import Changes
from pairing_desktop.core.entities import ENTITIES, EntitySpec, FieldSpec
from pairing_desktop.core.records import display_value as display
from pairing_desktop.core.validation import parse_date
from pairing_desktop.ui.kinds import entity_kinds
from pairing_desktop.ui.operations import LedgerHost

ERROR_STYLE = "color: #c0392b;"
MULTI_COLUMNS = 3


def tr_field(label: str) -> str:
    return QCoreApplication.translate("fields", label)


class LineEditor(QLineEdit):
    """Text, numbers and dates are typed; the core parses them and says what is wrong."""

    def __init__(self, f: FieldSpec, parent: QWidget | None = None):
        super().__init__(parent)
        if f.kind in ("int", "float", "year"):
            self.setAlignment(Qt.AlignmentFlag.AlignRight)
        if f.kind == "year":
            self.setPlaceholderText(QCoreApplication.translate("form", "例：2008"))

    def value(self) -> str:
        return self.text()

    def set_value(self, value: Any) -> None:
        self.setText(display(value))

    def on_edit(self, slot: Callable[[], None]) -> None:
        self.textEdited.connect(slot)


class LongTextEditor(QPlainTextEdit):
    def __init__(self, f: FieldSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4)

    def value(self) -> str:
        return self.toPlainText()

    def set_value(self, value: Any) -> None:
        self.setPlainText(display(value))

    def on_edit(self, slot: Callable[[], None]) -> None:
        self.textChanged.connect(slot)


class BoolEditor(QCheckBox):
    def __init__(self, f: FieldSpec, parent: QWidget | None = None):
        super().__init__(QCoreApplication.translate("form", "是"), parent)

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        self.setChecked(bool(value))

    def on_edit(self, slot: Callable[[], None]) -> None:
        self.toggled.connect(slot)


class ChoiceEditor(QComboBox):
    """A fixed vocabulary; an optional field starts with an empty choice."""

    def __init__(self, f: FieldSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.addItems(([] if f.required else [""]) + [tr_field(c) for c in f.choices])
        self._choices = ([] if f.required else [""]) + list(f.choices)

    def value(self) -> str | None:
        index = self.currentIndex()
        return self._choices[index] or None if index >= 0 else None

    def set_value(self, value: Any) -> None:
        self.setCurrentIndex(self._choices.index(value) if value in self._choices else
                             (0 if "" in self._choices else -1))

    def on_edit(self, slot: Callable[[], None]) -> None:
        self.activated.connect(slot)


class NumberedChoiceEditor(ChoiceEditor):
    """A vocabulary stored by number (target categories 1–6), shown by its words."""

    def value(self) -> int | None:
        choice = super().value()
        return self._choices.index(choice) + (0 if "" in self._choices else 1) if choice else None

    def set_value(self, value: Any) -> None:
        offset = 0 if "" in self._choices else 1
        index = value - offset if isinstance(value, int) and 0 < value <= len(self._choices) \
            else (0 if "" in self._choices else -1)
        self.setCurrentIndex(index)


class MultiChoiceEditor(QWidget):
    """Several of a vocabulary (a village's poverty causes): one check box each."""

    def __init__(self, f: FieldSpec, parent: QWidget | None = None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for i, choice in enumerate(f.choices):
            box = QCheckBox(tr_field(choice), self)
            grid.addWidget(box, i // MULTI_COLUMNS, i % MULTI_COLUMNS)
            self.boxes[choice] = box
        self.setFocusProxy(next(iter(self.boxes.values())))

    def value(self) -> list[str]:
        return [c for c, box in self.boxes.items() if box.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = set(value.split(records.MULTI_SEP)) if isinstance(value, str) else set(value or ())
        for choice, box in self.boxes.items():
            box.setChecked(choice in chosen)

    def on_edit(self, slot: Callable[[], None]) -> None:
        for box in self.boxes.values():
            box.toggled.connect(slot)


SEARCH_DELAY_MS = 150  # a search waits for a pause in typing, not for every key
SEARCH_LIMIT = 50  # matches offered at a time; typing more narrows them
FULL_LIST_MAX = 500  # up to this many records (townships, ranks, units) the list holds them all


class RefEditor(QComboBox):
    """Pick a record by name, with completion; never typed as an id.

    A kind with a few hundred records lists them all and completes within the list. A larger one
    (100,000 households, 20,000 cadres) is searched in SQL as the clerk types, SEARCH_LIMIT
    matches at a time: reading them all froze the form for seconds. Which of the two is decided
    from the number of records when the field is first used. Text that names no record is passed
    on as typed, and the core either finds the one record it names or says why not. The choices
    are forgotten when an operation changed a kind their labels show, or another file opened."""

    def __init__(self, host: LedgerHost, f: FieldSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = host
        self.entity = f.ref or ""
        self.kinds = entity_kinds(self.entity)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self._labels = QStringListModel(self)
        self._ids: list[Any] = []
        self.full_list: bool | None = None  # all records listed, or searched; None: not known yet
        self.no_match = False  # the last search found nothing
        self.setModel(self._labels)
        view = QListView(self)
        view.setUniformItemSizes(True)
        self.setView(view)
        completer = QCompleter(self._labels, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(15)
        self.setCompleter(completer)
        self.lineEdit().setPlaceholderText(self._hint())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.lineEdit().textEdited.connect(self._typed)
        completer.activated.connect(lambda *_: self._timer.stop())
        self.lineEdit().installEventFilter(self)
        host.changed.connect(self._on_changes)
        host.replaced.connect(self.reload)

    def _hint(self) -> str:
        """例如：输入户主、所在村或村民组的几个字 — the fields a search looks in."""
        spec = ENTITIES[self.entity]
        names = [tr_field(spec.field(n).label) for n in dict.fromkeys(spec.title + spec.detail)]
        joined = "、".join(names[:-1]) + QCoreApplication.translate("form", "或") + names[-1] \
            if len(names) > 1 else names[0]
        return QCoreApplication.translate("form", "例如：输入%1的几个字，再从列表中选择") \
            .replace("%1", joined)

    def _fill(self, pairs: list[tuple[Any, str]]) -> None:
        """New choices, keeping what is typed: a reset model makes QComboBox show its first row."""
        edit = self.lineEdit()
        text, cursor = edit.text(), edit.cursorPosition()
        self._ids = [i for i, _ in pairs]
        self._labels.setStringList([label for _, label in pairs])
        self.setCurrentIndex(-1)
        edit.setText(text)
        edit.setCursorPosition(cursor)

    def ensure_loaded(self) -> None:
        """On first use: list every record of a small kind (once, until `reload`), or switch to
        searching as the clerk types."""
        if self.full_list is not None:
            return
        ledger = self.host.ledger
        self.full_list = records.counts(ledger, [self.entity])[self.entity] <= FULL_LIST_MAX
        if self.full_list:
            current, text = self.value(), self.currentText()
            self._fill(records.choices(ledger, self.entity))
            self._select(current, text)
        else:
            self.completer().setCompletionMode(
                QCompleter.CompletionMode.UnfilteredPopupCompletion)  # SQL did the filtering

    def reload(self) -> None:
        """Forget the choices (records were changed elsewhere), keeping the current pick."""
        current, text = self.value(), self.currentText()
        self.full_list = None
        self.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        known = current is not None and not isinstance(current, str)
        self._fill(records.choices(self.host.ledger, self.entity, ids=[current]) if known
                   else [])
        self._select(current, text)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(self.kinds):
            self.reload()

    def _typed(self) -> None:
        if not self.full_list:
            self._timer.start()
        elif self.no_match:
            self._show_no_match(False)

    def search_now(self) -> None:
        """Offer the records matching what is typed (the debounce timer's end, or a test's)."""
        self._timer.stop()
        self.ensure_loaded()
        if self.full_list or self._picked():
            return
        text = self.lineEdit().text()
        self._fill(records.choices(self.host.ledger, self.entity, text, limit=SEARCH_LIMIT))
        self._show_no_match(bool(text.strip()) and not self._ids)
        popup = self.completer().popup()
        if self._ids and self.lineEdit().hasFocus():
            self.completer().setCompletionPrefix(self.lineEdit().text())
            self.completer().complete()
            # nothing preselected: Enter must not pick one of several 李四 for the clerk
            popup.setCurrentIndex(QModelIndex())
        else:
            popup.hide()

    def _show_no_match(self, none: bool) -> None:
        """Red text and a tip while what is typed matches no record: the clerk sees it before
        saving (the save is refused by the core, with its message under the field)."""
        self.no_match = none
        self.lineEdit().setStyleSheet(ERROR_STYLE if none else "")
        self.lineEdit().setToolTip(QCoreApplication.translate(
            "form", "没有找到含这几个字的记录，请换几个字再试") if none else "")

    def _picked(self) -> bool:
        index = self.currentIndex()
        return 0 <= index < len(self._ids) and self.itemText(index) == self.currentText()

    def _select(self, record_id: Any, text: str = "") -> None:
        if record_id in self._ids:
            self.setCurrentIndex(self._ids.index(record_id))
        else:
            self.setCurrentIndex(-1)
            self.setEditText(text)

    def value(self) -> Any:
        """The id picked; text matching no label is passed on for the core to resolve or
        refuse (a name only one record has is enough; namesakes must be picked)."""
        text = self.currentText().strip()
        if not text:
            return None
        if self._picked():
            return self._ids[self.currentIndex()]
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            return self._ids[index]
        return text

    def set_value(self, value: Any) -> None:
        self._timer.stop()
        self._show_no_match(False)
        if value is None:
            self.setCurrentIndex(-1)
            self.setEditText("")
            return
        if value not in self._ids and not isinstance(value, str):
            self._fill(records.choices(self.host.ledger, self.entity, ids=[value]))
        self._select(value, value if isinstance(value, str) else "")

    def on_edit(self, slot: Callable[[], None]) -> None:
        self.activated.connect(slot)
        self.lineEdit().textEdited.connect(slot)

    def showPopup(self) -> None:
        self.ensure_loaded()
        if not self.full_list and not self._picked():
            self._timer.stop()
            self._fill(records.choices(self.host.ledger, self.entity, self.lineEdit().text(),
                                       limit=SEARCH_LIMIT))
        super().showPopup()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.lineEdit() and event.type() in (QEvent.Type.FocusIn,
                                                           QEvent.Type.KeyPress):
            self.ensure_loaded()
        return False

    def focusInEvent(self, event) -> None:
        self.ensure_loaded()
        super().focusInEvent(event)


def calendar_icon(color: QColor) -> QIcon:
    """A small drawn calendar (no icon files to ship or license)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(color)
    painter.drawRect(1, 2, 13, 12)
    painter.fillRect(1, 2, 14, 4, color)
    for row in range(2):
        for col in range(3):
            painter.fillRect(3 + col * 4, 8 + row * 3, 2, 2, color)
    painter.end()
    return QIcon(pixmap)


class DateEditor(LineEditor):
    """A date is typed (clerks type fast; the core reads 2008-1-5, 2008/1/5, 20080105,
    2008年1月5日 …) or picked from a calendar that opens from the button at the end of the field,
    or with Alt+↓ / F4 as on a combo box."""

    picked = Signal()

    def __init__(self, f: FieldSpec, parent: QWidget | None = None):
        super().__init__(f, parent)
        self.setPlaceholderText(QCoreApplication.translate(
            "form", "例：2008-01-05，也可输入 2008/1/5、20080105"))
        self.calendar_action = self.addAction(
            calendar_icon(self.palette().color(QPalette.ColorRole.Text)),
            QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(QCoreApplication.translate("form", "从日历中选择（Alt+↓）"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.calendar: QCalendarWidget | None = None

    def show_calendar(self) -> None:
        """Open the calendar below the field, on the typed date (or today)."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)  # closes when clicked outside
            self.calendar.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
            self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            self.calendar.setGridVisible(True)
            self.calendar.setVerticalHeaderFormat(
                QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
            self.calendar.clicked.connect(self._pick)
            self.calendar.activated.connect(self._pick)
        try:
            shown = QDate(parse_date(self.text()))
        except ValueError:
            shown = QDate.currentDate()
        self.calendar.setSelectedDate(shown)
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus()

    def _pick(self, date: QDate) -> None:
        self.setText(date.toString("yyyy-MM-dd"))
        if self.calendar is not None:
            self.calendar.hide()
        self.setFocus()
        self.picked.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_F4 or (
                event.key() == Qt.Key.Key_Down
                and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def on_edit(self, slot: Callable[[], None]) -> None:
        super().on_edit(slot)
        self.picked.connect(slot)


EDITORS: dict[str, type[QWidget]] = {
    "text": LineEditor, "int": LineEditor, "float": LineEditor, "year": LineEditor,
    "date": DateEditor, "longtext": LongTextEditor, "bool": BoolEditor,
    "choice": ChoiceEditor, "numbered": NumberedChoiceEditor, "multichoice": MultiChoiceEditor,
}


def make_editor(host: LedgerHost, f: FieldSpec, parent: QWidget) -> QWidget:
    """The editor for a field's kind; a reference picker reads its choices through the host."""
    return RefEditor(host, f, parent) if f.kind == "ref" else EDITORS[f.kind](f, parent)


class RecordForm(QWidget):
    """Editors for the fields of one EntitySpec, with the core's messages beside them."""

    edited = Signal()  # the user changed a value
    submitted = Signal()  # Enter in the last field: save

    def __init__(self, host: LedgerHost, spec: EntitySpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.record_id: Any = None
        self.read_only = False
        self._snapshot: dict[str, Any] = {}
        outer = QVBoxLayout(self)
        self.general_error = self._error_label("error_")
        outer.addWidget(self.general_error)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setVerticalSpacing(4)
        outer.addLayout(form)
        outer.addStretch(1)
        self.editors: dict[str, Any] = {}
        self.errors: dict[str, QLabel] = {}
        previous = None
        for f in spec.fields:
            editor = make_editor(host, f, self)
            editor.setObjectName(f"field_{f.name}")
            editor.on_edit(lambda *_: self.edited.emit())
            error = self._error_label(f"error_{f.name}")
            cell = QWidget(self)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            column.addWidget(editor)
            column.addWidget(error)
            label = QLabel(tr_field(f.label) + ("＊" if f.required else ""), self)
            label.setBuddy(editor)
            form.addRow(label, cell)
            if previous is not None:
                QWidget.setTabOrder(previous, editor)
            previous = editor
            self.editors[f.name] = editor
            self.errors[f.name] = error
        self._last = previous
        self._enter_targets = self._focus_targets(previous)
        for target in self._enter_targets:
            target.installEventFilter(self)

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    @staticmethod
    def _focus_targets(editor: QWidget | None) -> list[QWidget]:
        if editor is None:
            return []
        if isinstance(editor, QComboBox) and editor.isEditable():
            return [editor, editor.lineEdit()]
        if isinstance(editor, MultiChoiceEditor):
            return list(editor.boxes.values())
        return [editor]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and watched in self._enter_targets
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            popup = self._last.completer().popup() if isinstance(self._last, QComboBox) \
                and self._last.completer() else None
            if popup is None or not popup.isVisible():
                self.submitted.emit()
                return True
        return False

    # --- values ----------------------------------------------------------------------------

    def first_editor(self) -> QWidget:
        return next(iter(self.editors.values()))

    def values(self) -> dict[str, Any]:
        """The raw values as typed, for the save operation (which parses and checks them)."""
        return {name: editor.value() for name, editor in self.editors.items()}

    def load(self, record_id: Any, values: dict[str, Any]) -> None:
        """Show a record (or, with record_id None, a new one with these starting values)."""
        self.record_id = record_id
        for f in self.spec.fields:
            self.editors[f.name].set_value(values.get(f.name, f.default))
        self.clear_errors()
        self._snapshot = self.values()

    def load_new(self, fixed: dict[str, Any] | None = None) -> None:
        values = {f.name: f.default for f in self.spec.fields}
        values.update(fixed or {})
        self.load(None, values)

    def set_values(self, values: dict[str, Any]) -> None:
        """Change some editors as the user would (the form becomes dirty)."""
        for name, value in values.items():
            self.editors[name].set_value(value)
        self.edited.emit()

    @property
    def dirty(self) -> bool:
        return self.values() != self._snapshot

    def set_read_only(self, read_only: bool) -> None:
        """Show a record the operator may read but not change (the operation would refuse):
        text stays selectable, nothing can be typed or picked."""
        self.read_only = read_only
        for editor in self.editors.values():
            if isinstance(editor, QLineEdit | QPlainTextEdit):
                editor.setReadOnly(read_only)
            else:
                editor.setEnabled(not read_only)

    # --- messages --------------------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> None:
        self.clear_errors()
        general = []
        for name, message in errors.items():
            label = self.errors.get(name)
            if label is None:
                general.append(message)
                continue
            label.setText(message)
            label.show()
        if general:
            self.general_error.setText("\n".join(general))
            self.general_error.show()
        first = next((n for n in self.editors if n in errors), None)
        if first is not None:
            self.editors[first].setFocus()

    def clear_errors(self) -> None:
        for label in [self.general_error, *self.errors.values()]:
            label.clear()
            label.hide()

    def error_text(self, name: str) -> str:
        """The message shown under a field ("" for none); '' names the general message."""
        label = self.errors.get(name, self.general_error) if name else self.general_error
        return label.text() if not label.isHidden() else ""
