"""批量生成: all letters of a kind for a year into one PDF or a folder, off the GUI thread, with
a progress dialog whose Cancel stops the core's batch (which then leaves no file).

A batch records the letters it prints, so it cannot run on a read-only reader: the worker opens
a connection of its own to the window's file inside its thread and closes it there, so opening
another file meanwhile never mixes the two. The views hear of the recorded letters when it ends.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QWidget,
)

from pairing_desktop.core import records
from pairing_desktop.core.errors import PairingError
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.letters import KINDS
from pairing_desktop.core.letters.batch import BatchCancelled, BatchResult, generate
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.ui.letters.ask import LetterAsk
from pairing_desktop.ui.letters.changes import batch_changes
from pairing_desktop.ui.operations import LedgerHost


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)  # BatchResult
    failed = Signal(str)
    cancelled = Signal()


class BatchWorker(QRunnable):
    """Runs `letters.batch.generate` in a pool thread, on the file of `ledger`, as its operator.

    Every failure reaches the dialog as a message (`failed`), so the dialog stays usable."""

    def __init__(self, ledger: Ledger, kind: str, year: int, out: Path, **options):
        super().__init__()
        self.ledger = ledger
        self.kind, self.year, self.out, self.options = kind, year, out, options
        self.signals = _Signals()
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            result = self._generate()
        except BatchCancelled:
            self.signals.cancelled.emit()
        except PairingError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # not the clerk's fault: say what failed, never stay silent
            self.signals.failed.emit(QCoreApplication.translate(
                "letters", "生成失败（程序错误）：{0}").format(exc))
        else:
            self.signals.finished.emit(result)

    def _generate(self) -> BatchResult:
        with open_ledger(self.ledger.path, lock=False) as own:  # this thread's connection
            own.operator = self.ledger.operator
            return generate(own, self.kind, self.year, self.out, cancelled=self.stop.is_set,
                            progress=self.signals.progress.emit, **self.options)


class BatchDialog(QDialog):
    """Choose kind, year, township or unit, one PDF or one file each, and where; then run."""

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
        form.addRow("", self.split)
        form.addRow(self.tr("保存到"), row)
        form.addRow(self.buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._suggest())
        self.year.valueChanged.connect(lambda _v: self._suggest())
        self.split.toggled.connect(lambda _on: self._suggest())
        self.worker: BatchWorker | None = None
        self.progress: QProgressDialog | None = None
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

    def start(self) -> BatchWorker | None:
        """Start the batch in the pool; progress and Cancel in a QProgressDialog."""
        out = self.out.text().strip()
        if not out:
            LetterAsk.inform(self, self.windowTitle(), self.tr("请选择保存位置。"))
            return None
        self.worker = BatchWorker(
            self.host.ledger, self.kind.currentData(), self.year.value(), Path(out),
            township=self.township.currentData() or None, unit=self.unit.currentData() or None,
            split=self.split.isChecked())
        self.progress = QProgressDialog(self.tr("正在生成…"), self.tr("取消"), 0, 0, self)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self.worker.stop.set)
        signals = self.worker.signals
        signals.progress.connect(self._progress)
        signals.finished.connect(self._finished)
        signals.failed.connect(self._failed)
        signals.cancelled.connect(lambda: self._failed(self.tr("已取消，没有生成任何文件。")))
        self.run_button.setEnabled(False)
        QThreadPool.globalInstance().start(self.worker)
        return self.worker

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.stop.set()

    def _progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _end(self) -> None:
        if self.progress is not None:
            self.progress.reset()
        self.run_button.setEnabled(True)

    def _finished(self, result: BatchResult) -> None:
        self._end()
        self.message = self.tr("已生成 {0} 份，共 {1} 页。").format(len(result.letters),
                                                                 result.pages)
        if self.worker is not None and self.worker.ledger is self.host.ledger:
            self.host.announce(batch_changes(self.windowTitle(), result))
        self.done_batch.emit(result)

    def _failed(self, message: str) -> None:
        self._end()
        self.message = message
        LetterAsk.inform(self, self.windowTitle(), message)
