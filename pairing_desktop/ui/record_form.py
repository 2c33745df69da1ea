"""One form for every kind of record, built from its EntitySpec.

A field's kind picks its editor; the core validates, and its per-field messages are shown in red
under the field. The form holds raw values only; it never decides what is valid.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
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
from pairing_desktop.core.entities import EntitySpec, FieldSpec
from pairing_desktop.ui.list_model import display

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
        if f.kind == "date":
            self.setPlaceholderText(QCoreApplication.translate("form", "例：2008-01-05"))
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


class RefEditor(QComboBox):
    """Pick a record by name, with completion; never typed as an id.

    The choices are read from the core when the field is first used, so a form over a table of
    100,000 households opens without reading them all."""

    def __init__(self, f: FieldSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.entity = f.ref or ""
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self._labels = QStringListModel(self)
        self._ids: list[Any] = []
        self._loaded = False
        self.setModel(self._labels)
        view = QListView(self)
        view.setUniformItemSizes(True)
        self.setView(view)
        completer = QCompleter(self._labels, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().installEventFilter(self)

    def _fill(self, pairs: list[tuple[Any, str]]) -> None:
        self._ids = [i for i, _ in pairs]
        self._labels.setStringList([label for _, label in pairs])

    def ensure_loaded(self) -> None:
        """Read every choice (once, until `reload`), keeping the current pick."""
        if self._loaded:
            return
        current, text = self.value(), self.currentText()
        self._fill(records.choices(self.entity))
        self._loaded = True
        self._select(current, text)

    def reload(self) -> None:
        """Forget the choices (records were added elsewhere), keeping the current pick."""
        current, text = self.value(), self.currentText()
        self._loaded = False
        known = current is not None and not isinstance(current, str)
        self._fill(records.choices(self.entity, ids=[current]) if known else [])
        self._select(current, text)

    def _select(self, record_id: Any, text: str = "") -> None:
        if record_id in self._ids:
            self.setCurrentIndex(self._ids.index(record_id))
        else:
            self.setCurrentIndex(-1)
            self.setEditText(text)

    def value(self) -> Any:
        """The id picked; text matching no record is passed on for the core to refuse."""
        text = self.currentText().strip()
        if not text:
            return None
        index = self.currentIndex()
        if 0 <= index < len(self._ids) and self.itemText(index) == text:
            return self._ids[index]
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            return self._ids[index]
        return text

    def set_value(self, value: Any) -> None:
        if value is None:
            self.setCurrentIndex(-1)
            self.setEditText("")
            return
        if not self._loaded and value not in self._ids:
            self._fill(records.choices(self.entity, ids=[value]))
        self._select(value)

    def on_edit(self, slot: Callable[[], None]) -> None:
        self.activated.connect(slot)
        self.lineEdit().textEdited.connect(slot)

    def showPopup(self) -> None:
        self.ensure_loaded()
        super().showPopup()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.lineEdit() and event.type() in (QEvent.Type.FocusIn,
                                                           QEvent.Type.KeyPress):
            self.ensure_loaded()
        return False

    def focusInEvent(self, event) -> None:
        self.ensure_loaded()
        super().focusInEvent(event)


EDITORS: dict[str, type[QWidget]] = {
    "text": LineEditor, "int": LineEditor, "float": LineEditor, "year": LineEditor,
    "date": LineEditor, "longtext": LongTextEditor, "bool": BoolEditor,
    "choice": ChoiceEditor, "multichoice": MultiChoiceEditor, "ref": RefEditor,
}


class RecordForm(QWidget):
    """Editors for the fields of one EntitySpec, with the core's messages beside them."""

    edited = Signal()  # the user changed a value
    submitted = Signal()  # Enter in the last field: save

    def __init__(self, spec: EntitySpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.record_id: Any = None
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
            editor = EDITORS[f.kind](f, self)
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
        """The raw values as typed, for records.save (which parses and checks them)."""
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

    def reload_choices(self) -> None:
        for editor in self.editors.values():
            if isinstance(editor, RefEditor):
                editor.reload()

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
