"""编辑 → 操作日志, and a record's own history (历史 on its form): every change, newest first.

The list is the core's `HistoryLog`, counted and paged in SQL, so a log of a million entries
opens as fast as a short one. The window is not modal: the clerk keeps working beside it, and it
re-reads after each operation (every operation adds entries) while it is shown.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core import auth, history, history_book, records
from pairing_desktop.core.changes import Changes
from pairing_desktop.core.entities import ENTITIES, FieldSpec
from pairing_desktop.core.errors import PairingError, os_reason
from pairing_desktop.core.history import HistoryFilter
from pairing_desktop.core.validation import parse_date
from pairing_desktop.ui.dialogs import Ask, start_folder
from pairing_desktop.ui.list_model import ListModel, record_table
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_form import ERROR_STYLE, DateEditor

# a typical text of each column before the last (which takes the rest), to size it by
COLUMN_SAMPLES = ("0000-00-00 00:00:00", "操作员名字", "撤销：修改干部帮扶结对",
                  "地直单位–乡镇结对", "张某某（某某村·某某组）")


def tr(text: str) -> str:
    return QCoreApplication.translate("history", text)


class HistoryWindow(QDialog):
    """The 操作日志, narrowed by operator, kind of record, dates, or one record; exported to an
    Excel workbook, with whole ID and phone numbers only when an administrator ticks so."""

    def __init__(self, host: LedgerHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("history")
        self.setWindowTitle(tr("操作日志"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.host = host
        self.record_id: Any = None
        self.stale = False
        self._operators = [""]
        self._kinds = ["", *history_book.kind_labels()]
        self.operator = QComboBox(self)
        self.operator.setObjectName("operator")
        self.operator.setMinimumContentsLength(8)
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        self.kind.addItems([tr("全部类型")] + [QCoreApplication.translate("fields", label)
                                               for label in history_book.kind_labels().values()])
        self.kind.setMaxVisibleItems(20)
        self.since = self._date_field("since")
        self.until = self._date_field("until")
        clear = QPushButton(tr("清除筛选"), self)
        clear.setObjectName("clear")
        clear.clicked.connect(lambda _checked=False: self.clear_filters())
        self.record_label = QLabel(self)
        self.record_label.setObjectName("record")
        self.all_records = QPushButton(tr("显示全部记录"), self)
        self.all_records.setObjectName("all_records")
        self.all_records.clicked.connect(lambda _checked=False: self.show_record(None, None))
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.model = ListModel(history_book.HistoryLog(host.ledger), self)
        self.view = self._table()
        self.total = QLabel(self)
        self.total.setObjectName("total")
        self.note = QLabel(self)
        self.note.setObjectName("note")
        self.full_numbers = QCheckBox(tr("导出完整证件号码"), self)
        self.full_numbers.setObjectName("full_numbers")
        self.export_button = QPushButton(tr("导出为 Excel…"), self)
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(lambda _checked=False: self.export())
        close = QPushButton(tr("关闭"), self)
        close.clicked.connect(self.close)
        self._lay_out(clear, close)
        self.operator.activated.connect(lambda _i: self.apply())
        self.kind.activated.connect(lambda _i: self.apply())
        self.model.modelReset.connect(self._show_total)
        self._show_operators()
        self._show_role()
        self._show_record_label()
        self._show_total()
        host.changed.connect(self._on_changes)
        host.replaced.connect(self._on_replaced)
        self.resize(1200, 640)
        for button in self.findChildren(QPushButton):  # Enter in a field must not press one
            button.setAutoDefault(False)

    def _date_field(self, name: str) -> DateEditor:
        """A date typed or picked from the calendar, as in every form; empty: no limit."""
        field = DateEditor(FieldSpec(name, "", kind="date"), self)
        field.setObjectName(name)
        field.setPlaceholderText(tr("不限"))
        field.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000-00-00") * 2)
        field.editingFinished.connect(self.apply)
        field.picked.connect(self.apply)
        return field

    def _table(self) -> QTableView:
        view = record_table(self, self.model, "entries", COLUMN_SAMPLES)
        view.verticalHeader().hide()
        return view

    def _lay_out(self, clear: QPushButton, close: QPushButton) -> None:
        filters = QHBoxLayout()
        for label, widget in ((tr("操作员"), self.operator), (tr("类型"), self.kind),
                              (tr("日期从"), self.since), (tr("至"), self.until)):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addWidget(clear)
        filters.addStretch(1)
        record = QHBoxLayout()
        record.addWidget(self.record_label)
        record.addWidget(self.all_records)
        record.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total)
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.full_numbers)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(record)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

    # --- filtering -------------------------------------------------------------------------

    def current_filter(self) -> HistoryFilter:
        """What the fields ask for; ValueError says which date cannot be read."""
        since = self._day(self.since, tr("起始日期"))
        until = self._day(self.until, tr("结束日期"))
        if since and until and until < since:
            raise ValueError(tr("结束日期不能早于起始日期。"))
        return HistoryFilter(record=self.record_id, since=since, until=until,
                             operator=self._operators[max(self.operator.currentIndex(), 0)]
                             or None,
                             kind=self._kinds[max(self.kind.currentIndex(), 0)] or None)

    @staticmethod
    def _day(field: DateEditor, what: str) -> dt.date | None:
        text = field.text().strip()
        if not text:
            return None
        try:
            return parse_date(text)
        except ValueError as exc:
            raise ValueError(f"{what}：{exc}") from None

    def _filter_or_say(self) -> HistoryFilter | None:
        """The filter the fields ask for, or None after naming the date that cannot be read."""
        try:
            return self.current_filter()
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return None

    def apply(self) -> bool:
        """List what the filters ask for; a date that cannot be read is named, and the list
        stays as it was."""
        where = self._filter_or_say()
        if where is None:
            return False
        self.error.hide()
        self.stale = False
        self.model.set_source(history_book.HistoryLog(self.host.ledger, where))
        return True

    def clear_filters(self) -> None:
        """Every operator, kind and date (a record's window stays on its record)."""
        self.operator.setCurrentIndex(0)
        self.kind.setCurrentIndex(0)
        self.since.clear()
        self.until.clear()
        self.apply()

    def show_record(self, kind: str | None, record_id: Any) -> None:
        """Narrow to one record's changes (None: every record) and bring the window up."""
        self.record_id = record_id
        self._show_record_label(kind)
        self.apply()
        self.show()
        self.raise_()
        self.activateWindow()

    def _show_record_label(self, kind: str | None = None) -> None:
        if self.record_id is None or kind is None:
            self.record_label.hide()
            self.all_records.hide()
            return
        found = records.choices(self.host.ledger, kind, ids=[self.record_id])
        what = QCoreApplication.translate("fields", ENTITIES[kind].label)
        name = found[0][1] if found else str(self.record_id)[:8]
        self.record_label.setText(tr("只看{0}“{1}”的操作日志").format(what, name))
        self.record_label.show()
        self.all_records.show()

    def _show_total(self) -> None:
        self.total.setText(tr("共 {0} 条").format(self.model.total))

    def _show_operators(self) -> None:
        """The operators who appear in the log (a new one appears after their first change)."""
        chosen = self._operators[max(self.operator.currentIndex(), 0)]
        self._operators = ["", *history.operators(self.host.ledger)]
        self.operator.clear()
        self.operator.addItems([tr("全部操作员"), *self._operators[1:]])
        if chosen in self._operators:
            self.operator.setCurrentIndex(self._operators.index(chosen))

    def _show_role(self) -> None:
        """Whole numbers are the administrator's choice; others see why the box is off."""
        who = self.host.ledger.operator
        admin = who is not None and who.role == auth.ADMIN
        self.full_numbers.setEnabled(admin)
        if not admin:
            self.full_numbers.setChecked(False)
        self.full_numbers.setToolTip(
            tr("导出的文件含完整的身份证号码和电话号码；这次导出会记入操作日志")
            if admin else tr("只有县级管理员可以导出完整证件号码"))

    # --- what others changed ---------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        if not self.isVisible():
            self.stale = True
            return
        self._show_operators()
        self.model.refresh()

    def _on_replaced(self) -> None:
        """Another file, or another operator: the whole log again, as this operator may."""
        self.record_id = None
        self._show_record_label()
        self._show_role()
        self._show_operators()
        self.clear_filters()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self._show_operators()
            self.apply()

    # --- export ----------------------------------------------------------------------------

    def export(self) -> bool:
        """导出为 Excel…: ask where, then write what the filters show."""
        folder = start_folder(self.host.ledger)
        suggested = folder / tr("操作日志-{0}.xlsx").format(dt.date.today().isoformat())
        path = Ask.save_path(self, tr("导出操作日志"), str(suggested),
                             tr("Excel 工作簿 (*.xlsx)"), ".xlsx")
        return bool(path) and self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        """Write the filtered log to `path`; whole numbers only after the administrator
        confirms, and that export is recorded in the log."""
        where = self._filter_or_say()
        if where is None:
            return False
        full = self.full_numbers.isChecked()
        if full and not Ask.confirm(self, tr("导出完整证件号码"), tr(
                "导出的文件将含完整的身份证号码和电话号码，请妥善保管。\n"
                "这次导出会以您的名义记入操作日志。确定导出吗？")):
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.host.perform(history_book.write_history, where, path, full)
        except PairingError as exc:
            Ask.warn(self, tr("不能导出"), str(exc))
            return False
        except OSError as exc:
            Ask.warn(self, tr("不能导出"),
                     tr("无法写入文件 {0}：{1}").format(path, os_reason(exc)))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.note.setText(tr("已导出到 {0}").format(path))
        return True
