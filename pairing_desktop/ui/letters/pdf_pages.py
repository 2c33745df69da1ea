"""Pages of a letters PDF through pdfium (pypdfium2): rendered to QImages for the preview and
the printer, or copied as they are into another PDF.

pdfium is one library per process and not thread-safe, not even across documents: every call
into it (open, render, import, save, close) holds `PDFIUM`, so printing in the pool and the page
shown in a preview never meet inside it.

One renderer for both: the PySide6 6.11 wheels pinned for Python 3.11 have QtPdf, and its
`QPdfDocument.render` was faster here (20 A4 pages at 300 dpi: 2.4 s against pdfium's 4.0 s,
bench/bench_print.py), but it gives a QImage as this does, a printed page costs about 0.5 s of
which rendering is a third (the print engine taking the image in is the rest), an office printer
takes longer than that per page anyway, and PySide6 6.12 (allowed on Python 3.12+) has no QtPdf
on Linux, so QtPdf would be a second renderer beside pdfium, not instead of it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import pypdfium2
from PySide6.QtGui import QImage

PDFIUM = threading.Lock()


class PdfPages:
    """An open PDF whose pages render to QImages, from any thread."""

    def __init__(self, path: Path):
        with PDFIUM:
            self.document = pypdfium2.PdfDocument(str(path))
            self.count = len(self.document)

    def __len__(self) -> int:
        return self.count

    def image(self, index: int, dpi: float) -> QImage:
        with PDFIUM:
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
        with PDFIUM:
            self.document.close()


def copy_pages(source: Path, indices: Sequence[int], out: Path) -> None:
    """Write the pages `indices` (0-based, in that order, repeats allowed) of `source` into a new
    PDF at `out` (a temporary file the caller renames), as they are: text, fonts and vectors.

    One import for every page: pdfium shares a page's fonts among the pages imported in one
    call, and gives each call its own copy (100 pages one by one: 18 MB instead of 0.3 MB)."""
    if not indices:  # pdfium reads no indices as every page
        raise ValueError("no page to copy")
    with PDFIUM:
        document = pypdfium2.PdfDocument(str(source))
        copy = pypdfium2.PdfDocument.new()
        try:
            copy.import_pages(document, list(indices))
            copy.save(str(out))
        finally:
            copy.close()
            document.close()
