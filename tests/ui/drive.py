"""Driving the real widgets the way a clerk does: type into fields, pick from lists, press keys."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.ui.main_window import MainWindow
from pairing_desktop.ui.record_form import BoolEditor, MultiChoiceEditor, RefEditor
from pairing_desktop.ui.record_panel import RecordPanel
from pairing_desktop.ui.tabs.base import Tab
from pairing_desktop.ui.tabs.registry import TABS, TabEntry


def open_window(qtbot, ledger: Ledger, settings: QSettings,
                tabs: tuple[TabEntry, ...] = TABS) -> MainWindow:
    window = MainWindow(ledger, settings, tabs)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):  # shortcuts only reach an active window
        window.activateWindow()
    return window


def show_tab(window: MainWindow, name: str) -> Tab:
    """Switch to a tab as a clerk does (found by its name, not its place)."""
    tab = window.tab(name)
    window.tabs.setCurrentWidget(tab)
    return tab


def type_text(qtbot, widget, text: str) -> None:
    """Key presses carrying each character (QTest.keyClicks only knows ASCII; 汉字 arrive from
    the input method as key events with text, which is what is sent here)."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char,
                               Qt.KeyboardModifier.NoModifier)


def type_field(qtbot, panel: RecordPanel, name: str, text: str) -> None:
    """Type into a field as the user would (clearing it first)."""
    editor = panel.form.editors[name]
    if isinstance(editor, RefEditor):
        editor.setFocus()
        editor.lineEdit().clear()
        type_text(qtbot, editor.lineEdit(), text)
        editor.search_now()  # what the pause after typing would do, without waiting for it
        editor.completer().popup().hide()
    elif isinstance(editor, QComboBox):  # a fixed vocabulary: keyboard search picks the item
        editor.setFocus()
        type_text(qtbot, editor, text)
    elif isinstance(editor, QLineEdit | QPlainTextEdit):
        editor.setFocus()
        editor.clear()
        type_text(qtbot, editor, text)
    elif isinstance(editor, BoolEditor):
        if editor.isChecked() != (text == "是"):
            editor.setFocus()
            qtbot.keyClick(editor, Qt.Key.Key_Space)
    elif isinstance(editor, MultiChoiceEditor):
        for choice in text.split("、"):
            editor.boxes[choice].setFocus()
            qtbot.keyClick(editor.boxes[choice], Qt.Key.Key_Space)
    else:
        raise AssertionError(f"no way to type into {editor!r}")


def pick(qtbot, editor: RefEditor, typed: str, label: str) -> None:
    """Type part of a name into a reference field, wait for the offered matches and click the
    one with `label` in the pop-up list, as a clerk does."""
    editor.setFocus()
    editor.lineEdit().clear()
    type_text(qtbot, editor.lineEdit(), typed)
    popup = editor.completer().popup()
    qtbot.waitUntil(lambda: popup.isVisible() and label in popup_labels(editor), timeout=3000)
    model = popup.model()
    row = popup_labels(editor).index(label)
    rect = popup.visualRect(model.index(row, 0))
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not popup.isVisible())


def popup_labels(editor: RefEditor) -> list[str]:
    """What the completion list of a reference field offers now."""
    model = editor.completer().popup().model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def fill(qtbot, panel: RecordPanel, values: dict[str, str]) -> None:
    for name, text in values.items():
        type_field(qtbot, panel, name, text)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def new_record(qtbot, panel: RecordPanel, values: dict[str, str]) -> None:
    """New, type the values, Save (button)."""
    click(qtbot, panel.new_button)
    fill(qtbot, panel, values)
    click(qtbot, panel.save_button)


def ctrl(qtbot, widget, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.ControlModifier)


def column_values(panel, column_key: str) -> list[str]:
    """What a list shows in one column, all rows fetched."""
    lst = getattr(panel, "list", panel)
    model = lst.model
    while model.canFetchMore():
        model.fetchMore()
    keys = [k for k, _ in model.source.columns]
    col = keys.index(column_key)
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def click_row(qtbot, panel, row: int) -> None:
    lst = getattr(panel, "list", panel)
    view = lst.view
    rect = view.visualRect(lst.model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


