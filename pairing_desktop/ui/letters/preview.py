"""Preview of a letters PDF (pages rendered by pdfium: QtPdf is not in the wheels), zoom, print
through QPrinter, save as PDF; printing records the letters as 已打印 through the core."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pypdfium2
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core.errors import PairingError
from pairing_desktop.core.letters.lifecycle import mark_printed
from pairing_desktop.ui.letters.ask import LetterAsk
from pairing_desktop.ui.operations import LedgerHost

ZOOMS = (50, 75, 100, 125, 150, 200)
PRINT_DPI = 300


class PdfPages:
    """An open PDF whose pages render to QImages."""

    def __init__(self, path: Path):
        self.document = pypdfium2.PdfDocument(str(path))

    def __len__(self) -> int:
        return len(self.document)

    def image(self, index: int, dpi: float) -> QImage:
        page = self.document[index]
        try:
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888).copy()
            bitmap.close()
        finally:
            page.close()
        return image

    def close(self) -> None:
        self.document.close()


class PreviewDialog(QDialog):
    """One page at a time (a batch may have thousands), zoomable; 打印… and 另存为 PDF…."""

    def __init__(self, host: LedgerHost, pdf: Path, letter_ids: list[uuid.UUID],
                 title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.host = host
        self.setWindowTitle(self.tr("预览：{0}").format(title or pdf.name))
        self.pdf = pdf
        self.letter_ids = list(letter_ids)
        self.pages = PdfPages(pdf)
        self.page = QSpinBox(self)
        self.page.setRange(1, max(1, len(self.pages)))
        self.page.setSuffix(self.tr(" / {0} 页").format(len(self.pages)))
        self.zoom = QComboBox(self)
        for percent in ZOOMS:
            self.zoom.addItem(f"{percent}%", percent)
        self.zoom.setCurrentIndex(ZOOMS.index(100))
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.save_button = QPushButton(self.tr("另存为 PDF…"), self)
        close = QPushButton(self.tr("关闭"), self)
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("页"), self))
        bar.addWidget(self.page)
        bar.addWidget(QLabel(self.tr("缩放"), self))
        bar.addWidget(self.zoom)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self.page.valueChanged.connect(lambda _v: self.show_page())
        self.zoom.currentIndexChanged.connect(lambda _i: self.show_page())
        self.print_button.clicked.connect(lambda _checked=False: self.print_letters())
        self.save_button.clicked.connect(lambda _checked=False: self.save_as())
        close.clicked.connect(self.accept)
        self.resize(760, 900)
        self.show_page()

    def zoom_percent(self) -> int:
        return int(self.zoom.currentData())

    def show_page(self) -> None:
        dpi = self.logicalDpiX() * self.zoom_percent() / 100
        image = self.pages.image(self.page.value() - 1, dpi)
        self.image.setPixmap(QPixmap.fromImage(image))

    def print_letters(self) -> bool:
        """Print through the system dialog; the letters are then recorded as 已打印 by the
        operator working on the ledger."""
        printer = LetterAsk.printer(self)
        if printer is None:
            return False
        self.print_to(printer)
        try:
            self.host.perform(mark_printed, self.letter_ids)
        except PairingError as exc:
            LetterAsk.inform(self, self.tr("打印"), str(exc))
        return True

    def print_to(self, printer: QPrinter) -> None:
        printer.setDocName(self.pdf.stem)
        printer.setFullPage(True)  # the PDF page already has the GB/T margins: print it 1:1
        painter = QPainter()
        if not painter.begin(printer):
            raise PairingError(self.tr("无法开始打印（打印机不可用）"))
        try:
            dpi = min(printer.resolution(), PRINT_DPI)
            target = printer.paperRect(QPrinter.Unit.DevicePixel)
            for index in range(len(self.pages)):
                if index:
                    printer.newPage()
                image = self.pages.image(index, dpi)
                painter.drawImage(target.toRect(), image)
        finally:
            painter.end()

    def save_as(self) -> str:
        path = LetterAsk.save_pdf_path(self, self.pdf.name)
        if path:
            shutil.copyfile(self.pdf, path)
        return path

    def done(self, result: int) -> None:
        self.pages.close()
        super().done(result)
