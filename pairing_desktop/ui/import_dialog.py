"""文件 → 导入…: a workbook or CSV file into the ledger, with its mapping shown first.

The dialog shows, for each sheet it recognised, which of the file's columns fill which of our
fields (their column → our field, or 不导入) for the clerk to correct before anything is read;
检查 checks every row and previews how many records will be created, updated and left as they
are, listing each refused cell (sheet, row, column, value, reason); 导入 writes them all in one
operation, only after a check that found nothing; the copy of the workbook with the bad cells
marked can be saved from here. The core does all of it (core.exchange); the window only asks.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core import exchange
from pairing_desktop.core.errors import PairingError
from pairing_desktop.core.exchange.cells import is_blank, text_cell
from pairing_desktop.core.exchange.importer import Book, ImportResult
from pairing_desktop.core.exchange.mapping import SKIP, SheetPlan, apply_mapping
from pairing_desktop.core.exchange.reader import SUFFIXES
from pairing_desktop.core.exchange.workbook_format import FORMATS
from pairing_desktop.ui.dialogs import Ask, start_folder
from pairing_desktop.ui.operations import LedgerHost

PROBLEMS_SHOWN = 500  # the rest are in the error workbook
VALUE_WIDTH = 240  # px: a long refused value is cut, so the reason beside it keeps its room


def tr(text: str) -> str:
    return QCoreApplication.translate("import_dialog", text)


class _Busy:
    """A wait cursor while the core reads or checks a large file on the GUI thread (the write
    path is the window's own connection)."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


class ImportDialog(QDialog):
    def __init__(self, host: LedgerHost, book: Book, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(tr("导入：{0}").format(book.path.name))
        self.resize(900, 640)
        self.host = host
        self.book = book
        self.result: ImportResult | None = None
        self.combos: list[dict[str, QComboBox]] = []
        layout = QVBoxLayout(self)
        intro = QLabel(tr("请核对每一列导入为哪一项（不需要的列选“不导入”），然后点“检查”。"
                          "检查通过后才能导入；全部记录在一次操作中写入，可以撤销。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.sheets = QTabWidget()
        self.sheets.setObjectName("sheets")
        for plan in book.plans:
            kind = QCoreApplication.translate("fields", plan.label)
            self.sheets.addTab(self._mapping_table(plan), f"{plan.name} → {kind}")
        layout.addWidget(self.sheets, 2)
        if book.notes:
            notes = QLabel("\n".join(book.notes))
            notes.setObjectName("notes")
            layout.addWidget(notes)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems = QTableWidget(0, 5)
        self.problems.setObjectName("problems")
        self.problems.setHorizontalHeaderLabels([tr("工作表"), tr("行"), tr("列"), tr("值"),
                                                 tr("原因")])
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.horizontalHeader().setSectionResizeMode(
            4, QHeaderView.ResizeMode.Stretch)
        # A reason is a sentence: wrapped in full, not cut to "…" (the clerk acts on its end).
        self.problems.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.problems, 2)
        buttons = QHBoxLayout()
        self.check_button = self._button(buttons, tr("检查(&C)"), "check", self.check)
        self.import_button = self._button(buttons, tr("导入(&I)"), "import", self.do_import)
        self.errors_button = self._button(buttons, tr("保存错误工作簿(&S)…"), "save_errors",
                                          self.save_errors)
        buttons.addStretch(1)
        self._button(buttons, tr("关闭"), "close", self.reject)
        layout.addLayout(buttons)
        self.import_button.setEnabled(False)
        self.errors_button.setEnabled(False)

    # --- building ---------------------------------------------------------------------------

    def _button(self, row: QHBoxLayout, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def _mapping_table(self, plan: SheetPlan) -> QTableWidget:
        columns = [c for c in plan.columns if c.heading]
        table = QTableWidget(len(columns), 3)
        table.setObjectName(f"mapping:{plan.name}")
        table.setHorizontalHeaderLabels([tr("文件中的列"), tr("导入为"), tr("第一行的值")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        ours = [SKIP, *(c.heading for c in FORMATS[plan.kind].columns + FORMATS[plan.kind].links)]
        first = plan.sheet.rows[plan.data_rows[0]] if plan.data_rows else []
        combos: dict[str, QComboBox] = {}
        for row, column in enumerate(columns):
            table.setItem(row, 0, QTableWidgetItem(column.heading))
            combo = QComboBox()
            combo.setObjectName(f"map:{column.heading}")
            for heading in ours:
                combo.addItem(heading)  # text only: PySide6 6.12 on 3.11 drops None's refs
            combo.setCurrentText(column.ours.heading if column.ours else SKIP)
            combo.currentTextChanged.connect(self._mapping_changed)
            table.setCellWidget(row, 1, combo)
            value = first[column.index] if column.index < len(first) else None
            table.setItem(row, 2, QTableWidgetItem("" if is_blank(value) else text_cell(value)))
            combos[column.heading] = combo
        self.combos.append(combos)
        table.resizeColumnToContents(0)
        table.setColumnWidth(1, 180)
        return table

    # --- the steps --------------------------------------------------------------------------

    def _mapping_changed(self, _text: str) -> None:
        self.import_button.setEnabled(False)  # what was checked is not what would be imported
        self.summary.setText(tr("列的对应已修改，请重新检查。"))

    def _apply_mapping(self) -> None:
        """The combos' choices into the plans (only those the clerk changed)."""
        for plan, combos in zip(self.book.plans, self.combos, strict=True):
            current = {c.heading: (c.ours.heading if c.ours else SKIP) for c in plan.columns}
            changed = {theirs: combo.currentText() for theirs, combo in combos.items()
                       if combo.currentText() != current.get(theirs)}
            if changed:
                apply_mapping(plan, changed, "指定")

    def check(self) -> None:
        self._apply_mapping()
        try:
            with _Busy():
                self.result = exchange.import_book(self.host.ledger, self.book, dry_run=True)
        except PairingError as exc:
            Ask.warn(self, tr("导入"), str(exc))
            return
        self._show(self.result, checked=True)

    def do_import(self) -> None:
        try:
            with _Busy():
                result = exchange.import_book(self.host.ledger, self.book)
        except PairingError as exc:
            Ask.warn(self, tr("导入"), str(exc))
            return
        self.result = result
        self.host.announce(result.changes)
        self._show(result, checked=False)
        self.import_button.setEnabled(False)
        self.check_button.setEnabled(result.ok is False)

    def save_errors(self) -> None:
        if self.result is None or self.result.ok:
            return
        suggested = str(exchange.error_book_path(self.book.path))
        path = Ask.save_path(self, tr("保存错误工作簿"), suggested, tr("Excel 工作簿 (*.xlsx)"),
                             ".xlsx")
        if not path:
            return
        try:
            written = exchange.write_errors(self.result, path)
        except PairingError as exc:
            Ask.warn(self, tr("保存错误工作簿"), str(exc))
            return
        self.summary.setText(self.summary.text() + "\n" + tr("已保存：{0}").format(written))

    def _show(self, result: ImportResult, checked: bool) -> None:
        lines = result.summary()
        if not result.ok:
            count = len(result.problems) + result.more_problems
            lines.append(tr("有 {0} 处问题，没有写入任何记录。请改正文件后重新选择，"
                            "或修改列的对应后重新检查。").format(count))
        elif checked:
            lines.append(tr("检查通过：以上是导入将做的修改，点“导入”写入。"))
        else:
            lines.append(tr("已导入。"))
            lines += result.remembered
        self.summary.setText("\n".join(lines))
        self.problems.setRowCount(0)
        for problem in result.problems[:PROBLEMS_SHOWN]:
            row = self.problems.rowCount()
            self.problems.insertRow(row)
            column = f"{problem.letter} {problem.column}".strip()
            for col, text in enumerate((problem.sheet, str(problem.row), column, problem.value,
                                        problem.reason)):
                self.problems.setItem(row, col, QTableWidgetItem(text))
        if result.problems:  # (an empty list would shrink them to their headings)
            for col in range(4):
                self.problems.resizeColumnToContents(col)
            self.problems.setColumnWidth(3, min(self.problems.columnWidth(3), VALUE_WIDTH))
        self.import_button.setEnabled(checked and result.ok and any(
            c.created or c.updated for c in result.counts.values()))
        self.errors_button.setEnabled(not result.ok)

    # --- opening ----------------------------------------------------------------------------

    @classmethod
    def choose_file(cls, parent: QWidget | None, folder: str) -> str:
        """The file to import ("" when cancelled); tests answer instead."""
        from PySide6.QtWidgets import QFileDialog

        patterns = " ".join(f"*{s}" for s in SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(parent, tr("选择要导入的文件"), folder,
                                              tr("Excel 或 CSV 文件 ({0});;所有文件 (*)").format(
                                                  patterns))
        return path

    @classmethod
    def start(cls, host: LedgerHost, parent: QWidget | None = None,
              folder: str = "") -> ImportDialog | None:
        """Ask for a file, read it and show the dialog (non-modal); None when cancelled or the
        file cannot be read (the reason shown)."""
        path = cls.choose_file(parent, folder or str(start_folder(host.ledger)))
        if not path:
            return None
        try:
            with _Busy():
                book = exchange.plan_book(host.ledger, path)
        except PairingError as exc:
            Ask.warn(parent, tr("导入"), str(exc))
            return None
        dialog = cls(host, book, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
