"""The modal questions of the letters tabs, as classmethods: tests answer them without exec()."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from pairing_desktop.core.letters.lifecycle import SCAN_TYPES


def tr(text: str) -> str:
    return QCoreApplication.translate("letters", text)


class LetterAsk:
    """Every modal question of the letters UI; tests monkeypatch these classmethods."""

    @classmethod
    def printer(cls, parent: QWidget | None, pages: int) -> QPrinter | None:
        """The system print dialog, offering the file's own pages 1 to `pages` as the range to
        print; None when cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(tr("打印责任书"))
        dialog.setMinMax(1, max(1, pages))
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    @classmethod
    def save_pdf_path(cls, parent: QWidget | None, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, tr("另存为 PDF"), suggested,
                                              tr("PDF 文件 (*.pdf)"))
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path

    @classmethod
    def folder(cls, parent: QWidget | None, title: str, start: str) -> str:
        return QFileDialog.getExistingDirectory(parent, title, start)

    @classmethod
    def code(cls, parent: QWidget | None) -> str:
        text, ok = QInputDialog.getText(parent, tr("核验责任书"),
                                        tr("请输入责任书上的验证码（如 ABCD-EFGH）："))
        return text if ok else ""

    @classmethod
    def show_file(cls, parent: QWidget | None, path: Path) -> None:
        """Open a file with the system's viewer."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    @classmethod
    def inform(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    @classmethod
    def signing(cls, parent: QWidget | None, party: str) -> tuple[dt.date, str] | None:
        """The date signed and the scan of the signed copy; None when cancelled."""
        dialog = SignDialog(party, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.values()


class SignDialog(QDialog):
    """签订日期 and the scan file of a signed letter (the core checks both)."""

    def __init__(self, party: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("标记已签订：{0}").format(party))
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.scan = QLineEdit(self)
        browse = QPushButton(tr("选择…"), self)
        browse.clicked.connect(lambda _checked=False: self._browse())
        row = QHBoxLayout()
        row.addWidget(self.scan, 1)
        row.addWidget(browse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("签订日期"), self.date)
        form.addRow(tr("签订件扫描或照片"), row)
        form.addRow(buttons)

    def _browse(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in SCAN_TYPES)
        path, _ = QFileDialog.getOpenFileName(self, tr("选择扫描件"), "",
                                              tr("扫描件或照片 ({0})").format(patterns))
        if path:
            self.scan.setText(path)

    def values(self) -> tuple[dt.date, str]:
        return self.date.date().toPython(), self.scan.text().strip()
