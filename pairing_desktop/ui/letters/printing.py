"""Printing a letters PDF on the printer the print dialog chose, in the pool (`ui.background`),
with progress and 取消: the pages of the dialog's range, as many copies as it asked for.

Two ways, chosen by the printer:

- **Print to a PDF file** (the dialog's “打印到文件”, QPrinter's PdfFormat): the chosen pages are
  copied from the letters PDF into the file as they are — text, embedded fonts and lines, no
  picture of them — and the file appears whole or not at all (`core.files.atomic_output`).
  The pages keep their own A4 size whatever paper the dialog chose. 100 pages take a few
  hundredths of a second (bench/bench_print.py). A PDF printer driver (Windows' “Microsoft
  Print to PDF”) is a printer to Qt, and is printed to as one.
- **A printer**: each page is rendered by pdfium at the printer's resolution, at most 300 dpi,
  and painted on the QPrinter (QPainter may paint on a QPrinter in any thread). Qt offers no
  vector way from a PDF to a printer: QtPdf's `QPdfDocument.render` and `QPdfPageRenderer`
  return QImages too, and QPrinter takes only what a QPainter draws. A 300-dpi page costs about
  half a second, most of it the print engine taking the image in.

Copies: a printer that makes copies itself (`supportsMultipleCopies`, most CUPS and Windows
printers) gets the pages once and the count from the dialog; otherwise, and always into a PDF
file, the pages are sent that many times, collated (1 2 3, 1 2 3) or not (1 1, 2 2, 3 3) as the
dialog said, in the dialog's page order.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from pairing_desktop.core.errors import PairingError
from pairing_desktop.core.files import atomic_output
from pairing_desktop.ui.background import Cancelled
from pairing_desktop.ui.letters.pdf_pages import PdfPages, copy_pages

PRINT_DPI = 300
# drawImage holds the GIL while the print engine takes the image in: 0.7-0.9 s for a 300-dpi
# page into a PDF, a frozen window each page. In 16 bands the GUI thread runs between them
# (measured: its longest wait 50-70 ms; 230 ms with both cores loaded three times over), and the
# whole page is drawn no slower.
BANDS = 16


def tr(text: str) -> str:
    return QCoreApplication.translate("letters", text)


def chosen_pages(printer: QPrinter, count: int) -> range:
    """The pages (0-based) the print dialog chose: all, or its 1-based from–to within the file."""
    if printer.printRange() != QPrinter.PrintRange.PageRange or printer.fromPage() == 0:
        return range(count)
    return range(printer.fromPage() - 1, min(printer.toPage(), count))


def writes_pdf(printer: QPrinter) -> bool:
    """True when the printer writes a PDF file (its pages can be copied as they are)."""
    return (printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
            and bool(printer.outputFileName()))


def sheets(printer: QPrinter, pages: range) -> list[int]:
    """The pages (0-based) to send, in order: `pages` in the dialog's page order, repeated for
    the copies the printer does not make itself (a PDF file never makes them)."""
    order = list(reversed(pages)) \
        if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst else list(pages)
    copies = printer.copyCount() \
        if writes_pdf(printer) or not printer.supportsMultipleCopies() else 1
    if printer.collateCopies():
        return order * copies
    return [index for index in order for _ in range(copies)]


def draw_in_bands(painter: QPainter, target: QRectF, image: QImage) -> None:
    """Draw `image` over `target` in horizontal bands (see BANDS)."""
    step = -(-image.height() // BANDS)
    scale = target.height() / image.height()
    for top in range(0, image.height(), step):
        rows = min(step, image.height() - top)
        painter.drawImage(QRectF(target.x(), target.y() + top * scale, target.width(),
                                 rows * scale),
                          image, QRectF(0, top, image.width(), rows))


def print_pdf(pdf: Path, printer: QPrinter, pages: range, *,
              progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> int:
    """Send `pages` of `pdf` (× the copies asked for) to `printer`; runs in the pool. Returns
    the number of pages sent; Cancelled when asked to stop (nothing of a PDF file is left)."""
    order = sheets(printer, pages)
    if writes_pdf(printer):
        return copy_to_file(pdf, Path(printer.outputFileName()), order, progress=progress,
                            cancelled=cancelled)
    return paint(pdf, printer, order, progress=progress, cancelled=cancelled)


def copy_to_file(pdf: Path, out: Path, order: list[int], *,
                 progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> int:
    """The vector way: the pages `order` of `pdf` copied into the PDF file `out`."""
    progress(0, len(order))
    with atomic_output(out) as part:
        copy_pages(pdf, order, part)
        if cancelled():
            raise Cancelled  # before the rename: the file the clerk named is not written
    progress(len(order), len(order))
    return len(order)


def paint(pdf: Path, printer: QPrinter, order: list[int], *,
          progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> int:
    """The raster way: each page of `order` rendered and painted 1:1 on the paper (the PDF page
    already has the GB/T margins)."""
    document = PdfPages(pdf)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise PairingError(tr("无法开始打印（打印机不可用）"))
        dpi = min(printer.resolution(), PRINT_DPI)
        target = printer.paperRect(QPrinter.Unit.DevicePixel)
        for sent, index in enumerate(order):
            if cancelled():
                printer.abort()
                raise Cancelled
            if sent:
                printer.newPage()
            draw_in_bands(painter, target, document.image(index, dpi))
            progress(sent + 1, len(order))
        return len(order)
    finally:
        if painter.isActive():
            painter.end()
        document.close()
