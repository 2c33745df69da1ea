"""落款日期: the date printed on letters, typed or picked, as a batch or a preview chooses it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pairing_desktop.core.fields import Date, FieldSpec
from pairing_desktop.core.validation import parse_date
from pairing_desktop.ui.record_form import DateEditor
from pairing_desktop.ui.style import ERROR_STYLE

DAY_FIELD = FieldSpec("day", "落款日期", Date())


class LetterDateField(QWidget):
    """The forms' date editor (typed in any form the core reads, or picked from its calendar),
    today unless given, and under it in red what is wrong with what was typed.

    `edited` when the clerk finished typing (Enter, or left the field) or picked a day."""

    edited = Signal()

    def __init__(self, day: dt.date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = DateEditor(DAY_FIELD, self)
        self.edit.setObjectName("letter_date")
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("2026-03-05") * 2)
        self.error = QLabel(self)
        self.error.setObjectName("letter_date_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.set_day(day or dt.date.today())
        self.edit.editingFinished.connect(self.edited)
        self.edit.picked.connect(self.edited)
        self.edit.textEdited.connect(lambda _text: self.show_error(""))

    def set_day(self, day: dt.date) -> None:
        self.edit.setText(day.isoformat())
        self.show_error("")

    def day(self) -> dt.date | None:
        """The date typed; None, with the reason shown under the field, when it is not one."""
        try:
            day = parse_date(self.edit.text())
        except ValueError as exc:
            self.show_error(self.tr("落款日期：{0}").format(exc))
            return None
        self.show_error("")
        return day

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
