"""One form for every kind of record, built from its EntitySpec.

A field's kind (core.fields) picks its editor; the core validates, and its per-field messages are
shown in red under the form, the field's label in red (a message between the fields moved them
under the clerk's mouse). The form holds raw values only; it never decides what is valid.
Where the spec has a shape (an activity's type decides which numbers it carries), the form shows
only the fields the record uses and sends the others empty. Reference pickers read their choices
through the host, again only when their kind changed.
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
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core import records
from pairing_desktop.core.changes import Changes
from pairing_desktop.core.entities import ENTITIES, EntitySpec
from pairing_desktop.core.fields import (
    Bool,
    Choice,
    Date,
    FieldSpec,
    Kind,
    LongText,
    Money,
    MultiChoice,
    Ref,
    Shape,
)
from pairing_desktop.core.validation import parse_date
from pairing_desktop.ui.kinds import entity_kinds
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.style import ERROR_STYLE

__all__ = ["ERROR_STYLE", "RecordForm", "make_editor"]

MULTI_COLUMNS = 3


def tr_field(label: str) -> str:
    return QCoreApplication.translate("fields", label)


class LineEditor(QLineEdit):
    """Text, numbers and dates are typed; the core parses them and says what is wrong."""

    def __init__(self, f: FieldSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = f
        if f.kind.numeric:
            self.setAlignment(Qt.AlignmentFlag.AlignRight)
        placeholder = getattr(f.kind, "placeholder", "")
        if placeholder:
            self.setPlaceholderText(QCoreApplication.translate("form", placeholder))

    def value(self) -> str:
        return self.text()

    def set_value(self, value: Any) -> None:
        self.setText(self.field.display(value))

    def on_edit(self, slot: Callable[[], None]) -> None:
        self.textEdited.connect(slot)


class LongTextEditor(QPlainTextEdit):
    """Several lines; Tab moves on (a clerk tabs through a form), Enter starts a new line."""

    LINES = 3

    def __init__(self, f: FieldSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = f
        self.setTabChangesFocus(True)
        margins = self.contentsMargins()
        self.setFixedHeight(self.fontMetrics().lineSpacing() * self.LINES
                            + int(self.document().documentMargin() * 2)
                            + margins.top() + margins.bottom())

    def value(self) -> str:
        return self.toPlainText()

    def set_value(self, value: Any) -> None:
        self.setPlainText(self.field.display(value))

    # as a QLineEdit has them, so that code fills any text field alike
    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)

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
    """A fixed vocabulary shown by its labels, the stored values kept beside them (never as
    item data: PySide6 6.12 on CPython 3.11 loses references to None there); an optional field
    starts with an empty choice."""

    def __init__(self, f: FieldSpec, parent: QWidget | None = None):
        super().__init__(parent)
        kind = f.kind
        assert isinstance(kind, Choice)
        self.kind = kind
        blank = [] if f.required else [(None, "")]
        items = blank + list(kind.items)
        self._values = [v for v, _ in items]
        self.addItems([tr_field(label) if label else "" for _, label in items])

    def value(self) -> Any:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def set_value(self, value: Any) -> None:
        try:
            stored = self.kind.parse(value)
        except ValueError:
            stored = None
        self.setCurrentIndex(self._values.index(stored) if stored in self._values else
                             (0 if None in self._values else -1))

    def on_edit(self, slot: Callable[[], None]) -> None:
        self.activated.connect(slot)


class MultiChoiceEditor(QWidget):
    """Several of a vocabulary (a village's poverty causes, the numbers an activity type
    records): one check box each, labelled. A shape may offer only some of them: the others
    are hidden and not sent."""

    def __init__(self, f: FieldSpec, parent: QWidget | None = None):
        super().__init__(parent)
        kind = f.kind
        assert isinstance(kind, MultiChoice)
        self.kind = kind
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[Any, QCheckBox] = {}
        for value, label in kind.items:
            box = QCheckBox(tr_field(label), self)
            box.setObjectName(f"{f.name}_{value}")
            self.boxes[value] = box
        self._offered: frozenset[Any] | None = None
        self._place()
        self.setFocusProxy(next(iter(self.boxes.values())))

    def _place(self) -> None:
        """The offered boxes, MULTI_COLUMNS to a row, with no gaps for the hidden ones."""
        shown = [v for v in self.boxes if self._offered is None or v in self._offered]
        for box in self.boxes.values():
            self.grid.removeWidget(box)
        for i, value in enumerate(shown):
            self.grid.addWidget(self.boxes[value], i // MULTI_COLUMNS, i % MULTI_COLUMNS)
        for value, box in self.boxes.items():
            box.setVisible(value in shown)
        if shown:
            self.setFocusProxy(self.boxes[shown[0]])

    def offer(self, values: frozenset[Any] | None) -> None:
        """Show only these choices (None: all of them)."""
        if values != self._offered:
            self._offered = values
            self._place()

    def value(self) -> list[Any]:
        return [v for v, box in self.boxes.items()
                if box.isChecked() and (self._offered is None or v in self._offered)]

    def set_value(self, value: Any) -> None:
        chosen = set()
        for item in self.kind.normalise(value):
            for v, label in self.kind.items:
                if item in (v, label):
                    chosen.add(v)
        for v, box in self.boxes.items():
            box.setChecked(v in chosen)

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
            if event.type() == QEvent.Type.FocusIn and event.reason() in (
                    Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
                # tabbing into a name selects it, so typing a few characters starts a new
                # search instead of adding to the name
                QTimer.singleShot(0, self.lineEdit().selectAll)
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


class RefListEditor(QComboBox):
    """A reference picked from a short list in its kind's own order (the activity types, as
    the county sorted them), by arrow keys or by typing the start of a name; read again when
    an operation changed its kind. A required one always has a pick: the first by default."""

    def __init__(self, host: LedgerHost, f: FieldSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = host
        self.entity = f.ref or ""
        self.required = f.required
        self.kinds = entity_kinds(self.entity)
        self.setMaxVisibleItems(20)
        self._ids: list[Any] = []
        self.reload()
        host.changed.connect(self._on_changes)
        host.replaced.connect(self.reload)

    def reload(self) -> None:
        current = self.value()
        pairs = records.choices(self.host.ledger, self.entity, in_order=True)
        self.blockSignals(True)
        try:
            self.clear()
            self._ids = [i for i, _ in pairs]
            self.addItems([label for _, label in pairs])
            self._select(current)
        finally:
            self.blockSignals(False)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(self.kinds):
            self.reload()

    def _select(self, record_id: Any) -> None:
        if record_id in self._ids:
            self.setCurrentIndex(self._ids.index(record_id))
        else:
            self.setCurrentIndex(0 if self.required and self._ids else -1)

    def first(self) -> Any:
        return self._ids[0] if self._ids else None

    def value(self) -> Any:
        index = self.currentIndex()
        return self._ids[index] if 0 <= index < len(self._ids) else None

    def set_value(self, value: Any) -> None:
        self._select(value)

    def on_edit(self, slot: Callable[[], None]) -> None:
        self.activated.connect(slot)


class MoneyEditor(QWidget):
    """An amount and its unit, 元 or 万元, chosen explicitly beside it (never guessed from the
    size of the number). The value sent is in 元; what cannot be converted is sent as typed,
    for the core to name the problem. Tab skips the unit: 元 unless the clerk picks 万元."""

    def __init__(self, f: FieldSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = f
        self.amount = LineEditor(f, self)
        self.amount.setObjectName(f"{f.name}_amount")
        self.unit = QComboBox(self)
        self.unit.setObjectName(f"{f.name}_unit")
        self.unit.addItems([tr_field(unit) for unit in Money.units])
        self.unit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.amount, 1)
        row.addWidget(self.unit)
        self.setFocusProxy(self.amount)

    def value(self) -> Any:
        text = self.amount.text()
        unit = list(Money.units)[max(self.unit.currentIndex(), 0)]
        if not text.strip() or Money.units[unit] == 1:
            return text
        try:
            return Money.in_yuan(text, unit)
        except ValueError:
            return text

    def set_value(self, value: Any) -> None:
        self.unit.setCurrentIndex(0)
        self.amount.set_value(value)

    def on_edit(self, slot: Callable[[], None]) -> None:
        self.amount.on_edit(slot)
        self.unit.activated.connect(slot)


# The editor of each kind; a kind without one of its own takes its base class's.
EDITORS: dict[type[Kind], Callable[[FieldSpec, QWidget], QWidget]] = {
    Kind: LineEditor, Date: DateEditor, LongText: LongTextEditor, Bool: BoolEditor,
    Choice: ChoiceEditor, MultiChoice: MultiChoiceEditor, Money: MoneyEditor,
}


def make_editor(host: LedgerHost, f: FieldSpec, parent: QWidget) -> QWidget:
    """The editor for a field's kind; a reference picker reads its choices through the host."""
    if isinstance(f.kind, Ref):
        return (RefListEditor if f.kind.listed else RefEditor)(host, f, parent)
    for cls in type(f.kind).__mro__:
        if cls in EDITORS:
            return EDITORS[cls](f, parent)
    raise AssertionError(f"no editor for {f.kind!r}")


class RecordForm(QWidget):
    """Editors for the fields of one EntitySpec (in `columns` side by side), with the core's
    messages under them and the refused fields' labels in red.

    Where the spec has a shape, the fields a record does not use are hidden and sent empty,
    and those it must have are starred; the shape is read again when one of its inputs is
    edited, a record is shown, or an operation changed something (the county's activity
    types)."""

    edited = Signal()  # the user changed a value
    submitted = Signal()  # Enter in the last field: save
    focused_error = Signal(QWidget)  # the first field refused, focused: a holder scrolls to it

    def __init__(self, host: LedgerHost, spec: EntitySpec, parent: QWidget | None = None,
                 columns: int = 1):
        super().__init__(parent)
        self.host = host
        self.spec = spec
        self.record_id: Any = None
        self.revision: int | None = None
        self.read_only = False
        self.shape = Shape()
        self._snapshot: dict[str, Any] = {}
        # The messages: never between the fields, where a message would push the fields below
        # it down under the clerk's mouse; the field's label turns red instead. The area sits
        # under the fields, or wherever the holder of the form places `messages` (under its
        # scroll area, so that it is seen however the form is scrolled).
        self.messages = QWidget(self)
        self.messages.setObjectName("messages")
        message_lines = QVBoxLayout(self.messages)
        message_lines.setContentsMargins(0, 0, 0, 0)
        message_lines.setSpacing(1)
        self.general_error = self._error_label("error_")
        message_lines.addWidget(self.general_error)
        outer = QVBoxLayout(self)
        # Several columns of fields side by side (a village's twelve fields fit a laptop's
        # 768 pixels so); long texts and multiple choices take the whole width below them.
        self.fields = {f.name: f for f in spec.form_fields()}
        wide = [n for n, f in self.fields.items()
                if columns > 1 and isinstance(f.kind, LongText | MultiChoice)]
        narrow = [n for n in self.fields if n not in wide]
        per_column = -(-len(narrow) // max(columns, 1)) if narrow else 1
        side_by_side = QHBoxLayout()
        side_by_side.setSpacing(16)
        self._layouts: dict[str, QFormLayout] = {}
        layouts = [self._form_layout() for _ in range(max(columns, 1))]
        for i, name in enumerate(narrow):
            self._layouts[name] = layouts[min(i // per_column, len(layouts) - 1)]
        for layout in layouts:
            side_by_side.addLayout(layout, 1)
        below = self._form_layout()
        for name in wide:
            self._layouts[name] = below
        outer.addLayout(side_by_side)
        outer.addLayout(below)
        outer.addWidget(self.messages)
        outer.addStretch(1)
        self.computed: dict[str, QLabel] = {}  # figures the core counts, shown read-only
        self.editors: dict[str, Any] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}
        previous = None
        for f in self.fields.values():
            editor = make_editor(host, f, self)
            editor.setObjectName(f"field_{f.name}")
            editor.on_edit(lambda *_: self.edited.emit())
            if f.name in spec.shape_inputs:
                editor.on_edit(lambda *_: self.apply_shape())
            error = self._error_label(f"error_{f.name}")
            message_lines.addWidget(error)
            label = QLabel(self._label_text(f, f.required), self)
            label.setObjectName(f"label_{f.name}")
            label.setBuddy(editor)
            self._layouts[f.name].addRow(label, editor)
            if previous is not None:
                QWidget.setTabOrder(previous, editor)
            previous = editor
            self.editors[f.name] = editor
            self.errors[f.name] = error
            self.labels[f.name] = label
            self.rows[f.name] = editor
            for figure in spec.computed:
                if figure.after == f.name:
                    self._add_computed(self._layouts[f.name], figure.name, figure.label,
                                       figure.note)
        self._last = previous
        self._enter_targets = self._focus_targets(previous)
        for target in self._enter_targets:
            target.installEventFilter(self)
        # the records a shape reads: those its inputs refer to (an activity's type)
        self._shape_kinds = frozenset().union(*(
            entity_kinds(f.ref) for n in spec.shape_inputs if (f := spec.field(n)).ref))
        if self._shape_kinds:  # (bound methods: disconnected when the form is deleted)
            host.changed.connect(self._on_changes)
            host.replaced.connect(self.apply_shape)

    @staticmethod
    def _form_layout() -> QFormLayout:
        layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout.setVerticalSpacing(4)
        return layout

    def _add_computed(self, layout: QFormLayout, name: str, label: str, note: str) -> None:
        """A figure the core counts from other records (a village's 贫困户数): shown, never
        typed, and counted again after any change (a household saved below)."""
        shown = QLabel(self)
        shown.setObjectName(f"computed_{name}")
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown.setToolTip(tr_field(note))
        layout.addRow(QLabel(tr_field(label), self), shown)
        if not self.computed:  # (a bound method: disconnected when the form is deleted)
            self.host.changed.connect(self._computed_changed)
        self.computed[name] = shown

    def _computed_changed(self, changes: Changes) -> None:
        if changes.touches({self.spec.key, *(k for c in self.spec.computed for k in c.reads)}):
            self._show_computed()

    def _show_computed(self) -> None:
        if not self.computed:
            return
        values = records.computed(self.host.ledger, self.spec, self.record_id)
        automatic = QCoreApplication.translate("form", "（自动统计）")
        for name, shown in self.computed.items():
            value = values.get(name)
            shown.setText(("—" if value is None else str(value)) + automatic)

    @staticmethod
    def _label_text(f: FieldSpec, required: bool) -> str:
        return tr_field(f.form_label) + ("＊" if required else "")

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    @staticmethod
    def _focus_targets(editor: QWidget | None) -> list[QWidget]:
        if editor is None or isinstance(editor, QPlainTextEdit):  # there Enter is a new line
            return []
        if isinstance(editor, QComboBox) and editor.isEditable():
            return [editor, editor.lineEdit()]
        if isinstance(editor, MultiChoiceEditor):
            return list(editor.boxes.values())
        if isinstance(editor, MoneyEditor):
            return [editor.amount]
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

    # --- shape -----------------------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        """The county may have changed what a type carries: show the fields anew."""
        if changes.touches(self._shape_kinds):
            self.apply_shape()

    def apply_shape(self) -> None:
        """Show the fields the record uses, as its values now decide (the core's shape)."""
        if self.spec.shape is None:
            return
        self.shape = records.shape(self.host.ledger, self.spec, self._raw())
        for name, f in self.fields.items():
            self._layouts[name].setRowVisible(self.rows[name], name not in self.shape.hidden)
            self.labels[name].setText(
                self._label_text(f, f.required or name in self.shape.required))
            editor = self.editors[name]
            if isinstance(editor, MultiChoiceEditor):
                editor.offer(self.shape.offered.get(name))

    def shown_fields(self) -> list[str]:
        """The fields the record uses, in the form's order."""
        return [name for name in self.editors if name not in self.shape.hidden]

    # --- values ----------------------------------------------------------------------------

    def first_editor(self) -> QWidget:
        return next(iter(self.editors.values()))

    def _raw(self) -> dict[str, Any]:
        return {name: editor.value() for name, editor in self.editors.items()}

    def values(self) -> dict[str, Any]:
        """The raw values as typed, for the save operation (which parses and checks them);
        a field the record does not use (hidden) is sent empty."""
        return {name: None if name in self.shape.hidden else value
                for name, value in self._raw().items()}

    def load(self, record_id: Any, values: dict[str, Any], revision: int | None) -> None:
        """Show a record (or, with record_id None, a new one with these starting values).

        `revision`: the change number read with the values (records.load_with_revision), handed
        back to the save: a save after someone else's (another window, another clerk on the
        server) is refused naming who."""
        self.record_id = record_id
        self.revision = revision
        for name, f in self.fields.items():
            self.editors[name].set_value(values.get(name, f.default))
        self.apply_shape()
        self._show_computed()
        self.clear_errors()
        self._snapshot = self.values()

    def load_new(self, fixed: dict[str, Any] | None = None) -> None:
        values = {name: f.default for name, f in self.fields.items()}
        values.update(fixed or {})
        self.load(None, values, None)

    def set_values(self, values: dict[str, Any]) -> None:
        """Change some editors as the user would (the form becomes dirty)."""
        for name, value in values.items():
            self.editors[name].set_value(value)
        if set(values) & set(self.spec.shape_inputs):
            self.apply_shape()
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
            elif isinstance(editor, MoneyEditor):
                editor.amount.setReadOnly(read_only)
                editor.unit.setEnabled(not read_only)
            else:
                editor.setEnabled(not read_only)

    # --- messages --------------------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message in the message area, its field's label in red (the message as its
        tooltip); a message for a field that is not shown (or for no field) first."""
        self.clear_errors()
        general = []
        for name, message in errors.items():
            label = self.errors.get(name)
            if label is None or name in self.shape.hidden:
                general.append(message)
                continue
            label.setText(message)
            label.show()
            self.labels[name].setStyleSheet(ERROR_STYLE)
            self.labels[name].setToolTip(message)
        if general:
            self.general_error.setText("\n".join(general))
            self.general_error.show()
        first = next((n for n in self.shown_fields() if n in errors), None)
        if first is not None:
            self.editors[first].setFocus()
            self.focused_error.emit(self.editors[first])

    def clear_errors(self) -> None:
        for label in [self.general_error, *self.errors.values()]:
            label.clear()
            label.hide()
        for label in self.labels.values():
            if label.toolTip():
                label.setStyleSheet("")
                label.setToolTip("")

    def error_text(self, name: str) -> str:
        """The message shown for a field ("" for none); '' names the general message."""
        label = self.errors.get(name, self.general_error) if name else self.general_error
        return label.text() if not label.isHidden() else ""
