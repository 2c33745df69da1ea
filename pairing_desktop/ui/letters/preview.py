"""Preview of a letters PDF (pages rendered by pdfium, `pdf_pages`), zoom, print through the
system dialog, save as PDF; printing records the letters as 已打印 through the core.

Printing (`printing`) runs off the GUI thread with a progress dialog and 取消, and sends the pages
and copies chosen in the print dialog: copied as they are into a PDF file, rendered at the
printer's resolution for a printer. Painting every page on the GUI thread held the window for
1.6 minutes on a batch of 1,598 pages.

The preview of one letter offers its 落款日期: the letter's own date to begin with, and another
date renders the letter again as a new version with a new verification code (the paper with the
old date stays verifiable), recorded and announced as a batch is.
"""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
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
from pairing_desktop.core.files import atomic_output
from pairing_desktop.core.letters import KINDS
from pairing_desktop.core.letters.batch import BatchResult, letter_pdf, safe_filename
from pairing_desktop.core.letters.lifecycle import find, mark_printed
from pairing_desktop.core.validation import cn_date
from pairing_desktop.ui.background import Background
from pairing_desktop.ui.dialogs import start_folder
from pairing_desktop.ui.letters.ask import LetterAsk
from pairing_desktop.ui.letters.date_field import LetterDateField
from pairing_desktop.ui.letters.pdf_pages import PdfPages
from pairing_desktop.ui.letters.printing import chosen_pages, print_pdf
from pairing_desktop.ui.operations import LedgerHost

ZOOMS = (50, 75, 100, 125, 150, 200)


def tr(text: str) -> str:
    return QCoreApplication.translate("letters", text)


def render_letter(host: LedgerHost, letter_id: uuid.UUID, folder: Path, name: str,
                  day: dt.date) -> BatchResult:
    """The PDF of one listed letter dated `day`, into `folder` (a new version when the records or
    the date changed since it was printed), and the views told of a version it recorded."""
    out = folder / (safe_filename(f"{name}（{cn_date(day)}）") + ".pdf")
    result = letter_pdf(host.ledger, letter_id, out, day=day)
    host.announce(result.changes)
    return result


class PreviewDialog(QDialog):
    """One page at a time (a batch may have thousands), zoomable; 打印… and 另存为 PDF….

    Given the `day` of a single letter (the first of `letter_ids`), it offers 落款日期 and renders
    the letter again into the PDF's folder when another date is chosen."""

    printed = Signal(int)  # pages sent to the printer, after the letters are marked 已打印
    redated = Signal(object)  # the letter version now shown, after another date was chosen

    def __init__(self, host: LedgerHost, pdf: Path, letter_ids: list[uuid.UUID],
                 title: str = "", parent: QWidget | None = None, *, day: dt.date | None = None):
        super().__init__(parent)
        self.host = host
        self.title = title or pdf.stem
        self.setWindowTitle(self.tr("预览：{0}").format(title or pdf.name))
        self.pdf = pdf
        self.letter_ids = list(letter_ids)
        self.day = day
        self.pages = PdfPages(pdf)
        self.page = QSpinBox(self)
        self.zoom = QComboBox(self)
        for percent in ZOOMS:
            self.zoom.addItem(f"{percent}%", percent)
        self.zoom.setCurrentIndex(ZOOMS.index(100))
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.save_button = QPushButton(self.tr("另存为 PDF…"), self)
        close = QPushButton(self.tr("关闭"), self)
        for button in (self.print_button, self.save_button, close):
            button.setAutoDefault(False)  # Enter in the date field is not 打印
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
        self.day_field: LetterDateField | None = None
        self.version = QLabel(self)
        self.version.setObjectName("letter_version")
        if day is not None:
            self.day_field = LetterDateField(day, self)
            self.day_field.edited.connect(self._day_edited)
            note = QLabel(self.tr("另选日期将生成新版本，验证码随之改变；原版本保留。"), self)
            note.setObjectName("letter_date_note")
            dated = QHBoxLayout()
            dated.addWidget(QLabel(self.tr("落款日期"), self), 0, Qt.AlignmentFlag.AlignTop)
            dated.addWidget(self.day_field, 0, Qt.AlignmentFlag.AlignTop)
            dated.addWidget(note, 0, Qt.AlignmentFlag.AlignTop)
            dated.addStretch(1)
            dated.addWidget(self.version, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(dated)
        layout.addWidget(self.scroll, 1)
        self.page.valueChanged.connect(lambda _v: self.show_page())
        self.zoom.currentIndexChanged.connect(lambda _i: self.show_page())
        self.print_button.clicked.connect(lambda _checked=False: self.print_letters())
        self.save_button.clicked.connect(lambda _checked=False: self.save_as())
        close.clicked.connect(self.accept)
        self.printing = Background(self, self.tr("打印责任书"), progress=self.tr("正在打印…"))
        self.printing.ended.connect(lambda _ok: self.print_button.setEnabled(True))
        self.printing.done.connect(self._printed)
        self.printing.refused.connect(lambda message: LetterAsk.inform(self, self.tr("打印"),
                                                                       message))
        self.printing.cancelled.connect(lambda: LetterAsk.inform(
            self, self.tr("打印"), self.tr("已取消打印；责任书没有标记为已打印。")))
        self.resize(760, 900)
        self._count_pages()
        self._show_version()

    def _count_pages(self) -> None:
        self.page.setRange(1, max(1, len(self.pages)))
        self.page.setSuffix(self.tr(" / {0} 页").format(len(self.pages)))
        self.show_page()

    def _show_version(self) -> None:
        letter = find(self.host.ledger, self.letter_ids[0]) if self.day_field else None
        self.version.setText(self.tr("第{0}版　验证码 {1}").format(letter.version, letter.code)
                             if letter is not None else "")

    def _day_edited(self) -> None:
        assert self.day_field is not None
        day = self.day_field.day()
        if day is not None and day != self.day:
            self.redate(day)

    def redate(self, day: dt.date) -> bool:
        """Render the letter again dated `day` and show it; False (with the core's message
        under the date, and the date shown before put back) when it could not be."""
        assert self.day_field is not None
        if self.printing.running:  # the paper being printed is of the date shown
            self.day_field.set_day(self.day or day)
            self.day_field.show_error(self.tr("正在打印：打印结束后再改落款日期。"))
            return False
        try:
            result = render_letter(self.host, self.letter_ids[0], self.pdf.parent, self.title,
                                   day)
        except PairingError as exc:
            if self.day is not None:
                self.day_field.set_day(self.day)
            self.day_field.show_error(str(exc))
            return False
        self.pages.close()
        self.pdf = result.files[0]
        self.pages = PdfPages(self.pdf)
        self.letter_ids = [p.letter_id for p in result.letters]
        self.day = day
        self.day_field.set_day(day)  # as the core read it: 2026-03-05 for 2026/3/5
        self._count_pages()
        self._show_version()
        self.redated.emit(self.letter_ids[0])
        return True

    def zoom_percent(self) -> int:
        return int(self.zoom.currentData())

    def show_page(self) -> None:
        dpi = self.logicalDpiX() * self.zoom_percent() / 100
        image = self.pages.image(self.page.value() - 1, dpi)
        self.image.setPixmap(QPixmap.fromImage(image))

    def print_letters(self) -> bool:
        """Print through the system dialog, in the background; when every page chosen has
        been sent, the letters are recorded as 已打印 by the operator working on the ledger.
        False when the dialog was cancelled or chose no page of this file."""
        printer = LetterAsk.printer(self, len(self.pages))
        return printer is not None and self.print_on(printer)

    def print_on(self, printer: QPrinter) -> bool:
        """Print the pages and copies `printer` was set to in the background; False (and said
        why) when its range holds no page of this file."""
        pages = chosen_pages(printer, len(self.pages))
        if not pages:
            LetterAsk.inform(self, self.tr("打印"), self.tr(
                "所选页码超出范围：这份文件共 {0} 页。").format(len(self.pages)))
            return False
        printer.setDocName(self.pdf.stem)
        printer.setFullPage(True)
        self.print_button.setEnabled(False)
        self.printing.start(print_pdf, self.pdf, printer, pages)
        return True

    def _printed(self, count: int) -> None:
        try:
            self.host.perform(mark_printed, self.letter_ids)
        except PairingError as exc:
            LetterAsk.inform(self, self.tr("打印"), str(exc))
        self.printed.emit(count)

    def suggested_name(self) -> str:
        """A name a clerk finds again in a folder: year, kind and party of the letter, as the
        batch names its files (2026年结对帮扶目标责任书_县财政局、新寨村.pdf); a batch keeps the
        name of its file."""
        letter = find(self.host.ledger, self.letter_ids[0]) if len(self.letter_ids) == 1 \
            else None
        if letter is None:
            return self.pdf.name
        return safe_filename(f"{letter.year}年{KINDS.get(letter.kind, letter.title)}_"
                             f"{letter.party}") + ".pdf"

    def save_as(self) -> str:
        """另存为 PDF, in the ledger's folder by default; says where it went."""
        suggested = start_folder(self.host.ledger) / self.suggested_name()
        path = LetterAsk.save_pdf_path(self, str(suggested))
        if not path:
            return ""
        try:
            with atomic_output(Path(path)) as part:
                shutil.copyfile(self.pdf, part)
        except (OSError, PairingError) as exc:
            LetterAsk.inform(self, self.tr("另存为 PDF"), self.tr("未能保存：{0}").format(exc))
            return ""
        LetterAsk.inform(self, self.tr("另存为 PDF"), self.tr("已保存到 {0}").format(path))
        return path

    def done(self, result: int) -> None:
        self.printing.cancel()  # printing opened the file on its own: it stops by itself
        self.pages.close()
        super().done(result)
