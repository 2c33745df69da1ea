"""批量生成: all letters of a kind for a year into one PDF or a folder, off the GUI thread
(`ui.background`), with a progress dialog whose Cancel stops the core's batch (which then leaves
no file).

A batch records the letters it prints, so it cannot run on a read-only reader: it opens a
connection of its own to the window's file inside the pool thread and closes it there, so opening
another file meanwhile never mixes the two. The views hear of the recorded letters when it ends.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from pairing_desktop.core import records
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.letters import KINDS
from pairing_desktop.core.letters.batch import BatchResult, generate
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.ui import language
from pairing_desktop.ui.background import Background
from pairing_desktop.ui.letters.ask import LetterAsk
from pairing_desktop.ui.letters.date_field import LetterDateField
from pairing_desktop.ui.operations import LedgerHost


def generate_on_own_connection(ledger: Ledger, kind: str, year: int, out: Path,
                               **options: Any) -> BatchResult:
    """`letters.batch.generate` in the pool thread, on a writing connection of its own to
    `ledger`'s file, as its operator.

    The seam for a writer of the core's: the window holds the file's lock, so this opens the
    file unlocked; when the core offers a writing connection like `Ledger.reader()`, open that
    here and nothing else changes."""
    with open_ledger(ledger.path, lock=False) as own:
        own.operator = ledger.operator
        return generate(own, kind, year, out, **options)


class BatchDialog(QDialog):
    """Choose kind, year, township or unit, the date the letters bear (落款日期, today unless
    another is typed or picked), one PDF or one file each, and where; then run."""

    done_batch = Signal(object)  # BatchResult, after a batch completes

    def __init__(self, host: LedgerHost, parent: QWidget | None = None, year: int | None = None,
                 folder: Path | None = None):
        super().__init__(parent)
        self.host = host
        self.setWindowTitle(self.tr("批量生成责任书"))
        self.setMinimumWidth(560)
        self.folder = folder or Path.home()
        self.kind = QComboBox(self)
        for key, name in KINDS.items():
            self.kind.addItem(self.tr(name), key)
        self.year = QSpinBox(self)
        self.year.setRange(1949, 2100)
        self.year.setValue(year or dt.date.today().year)
        self.township = QComboBox(self)
        self.township.addItem(self.tr("全部乡镇"), "")
        for _id, name in records.choices(host.ledger, "township"):
            self.township.addItem(name, name)
        self.unit = QComboBox(self)
        self.unit.addItem(self.tr("全部单位"), "")
        for _id, name in records.choices(host.ledger, "unit"):
            self.unit.addItem(name, name)
        self.day = LetterDateField(parent=self)
        self.split = QCheckBox(self.tr("每份一个文件（输出到文件夹）"), self)
        self.out = QLineEdit(self)
        browse = QPushButton(self.tr("选择…"), self)
        browse.clicked.connect(lambda _checked=False: self._browse())
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton(self.tr("生成"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.tr("年度"), self.year)
        form.addRow(self.tr("乡镇"), self.township)
        form.addRow(self.tr("单位"), self.unit)
        form.addRow(self.tr("落款日期"), self.day)
        form.addRow("", self.split)
        form.addRow(self.tr("保存到"), row)
        form.addRow(self.buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._suggest())
        self.year.valueChanged.connect(lambda _v: self._suggest())
        self.split.toggled.connect(lambda _on: self._suggest())
        self.work = Background(self, self.windowTitle(), progress=self.tr("正在生成…"))
        self.work.ended.connect(lambda _ok: self.run_button.setEnabled(True))
        self.work.done.connect(self._finished)
        self.work.refused.connect(self._failed)
        self.work.cancelled.connect(lambda: self._failed(
            self.tr("已取消：没有生成任何文件，也没有记录任何责任书。")))
        self.running_on: Ledger | None = None  # the ledger of the batch running
        self.message = ""
        self._suggest()

    def _suggest(self) -> None:
        name = f"{self.year.value()}年{KINDS[self.kind.currentData()]}"
        self.out.setText(str(self.folder / (name if self.split.isChecked() else f"{name}.pdf")))

    def _browse(self) -> None:
        current = self.out.text()
        if self.split.isChecked():
            path = LetterAsk.folder(self, self.tr("输出文件夹"), current)
        else:
            path = LetterAsk.save_pdf_path(self, current)
        if path:
            self.out.setText(path)

    def start(self) -> bool:
        """Start the batch in the pool (`done_batch` when it is made); False when there is
        nowhere to save it or the date is not one (then it says so under the field)."""
        day = self.day.day()
        if day is None:
            self.day.edit.setFocus()
            return False
        out = self.out.text().strip()
        if not out:
            LetterAsk.inform(self, self.windowTitle(), self.tr("请选择保存位置。"))
            return False
        self.running_on = self.host.ledger
        self.run_button.setEnabled(False)
        self.work.start(generate_on_own_connection, self.host.ledger, self.kind.currentData(),
                        self.year.value(), Path(out),
                        township=self.township.currentData() or None,
                        unit=self.unit.currentData() or None, split=self.split.isChecked(),
                        day=day)
        return True

    def cancel(self) -> None:
        self.work.cancel()

    def _finished(self, result: BatchResult) -> None:
        self.message = self.tr("已生成 {0} 份，共 {1} 页，落款日期 {2}。").format(
            len(result.letters), result.pages, language.date_text(result.day or dt.date.today()))
        if self.running_on is self.host.ledger:  # not when another file was opened meanwhile
            self.host.announce(result.changes)
        self.done_batch.emit(result)

    def _failed(self, message: str) -> None:
        self.message = message
        LetterAsk.inform(self, self.windowTitle(), message)
