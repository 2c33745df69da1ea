"""Pages of a letters PDF through pdfium (pypdfium2): rendered to QImages for the preview and
the printer, or copied as they are into another PDF.

pdfium is one library per process and not thread-safe, not even across documents: every call
into it (open, render, import, save, close) holds `PDFIUM`, so printing in the pool and the page
shown in a preview never meet inside it.

The PySide6 6.11 wheels pinned for Python 3.11 have QtPdf (6.12 on Linux lacks it), but its
`QPdfDocument.render` gives a QImage as this does, and rendering a page here takes about a fifth
of the time a printed page costs (drawing the image on the printer is the rest; bench/bench_print.py
measures both renderers), so one renderer serves the preview and the printer.
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
