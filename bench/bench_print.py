"""Benchmark: letter pages printed from the preview to a PDF printer, off the GUI thread, both
ways, with the window's responsiveness; against the raw libraries in the same run.

1. The demo county's target letters of this year (its letter batch, as the program makes them),
   shown in the preview (`PreviewDialog`, the program's own dialog), offscreen.
2. Pages 1–N printed to a QPrinter writing a PDF file (`PreviewDialog.print_on`, what 打印…
   does once the dialog is answered), timed from the call to `printed` (the letters recorded
   as 已打印 included):
   - the vector way (the pages copied as they are) against the raw copy of the same pages by
     pypdf, and by pdfium (`pdf_pages.copy_pages` called on its own, no thread, no Qt);
   - the raster way a printer gets (`printing.paint` through the dialog's `Background`: each
     page rendered at 300 dpi and painted) against pdfium rendering the same pages alone.
   Meanwhile a 10 ms QTimer ticks on the GUI thread: the longest gap between two ticks is how
   long the window could not answer; its baseline is the longest gap of the same timer while
   the event loop has nothing else to do.
3. QtPdf's render of M pages at 300 dpi against pdfium's (the preview and the printer use one
   renderer; this says whether QtPdf would be worth a second).

Run:  QT_QPA_PLATFORM=offscreen python bench/bench_print.py [--pages 100] [--render-pages 20]

Prints a RESULT line per figure (bench/results.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pypdf
from PySide6.QtCore import QElapsedTimer, QEventLoop, QSize, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from bench.results import Result, emit
from pairing_desktop.core.demo import build_demo_county
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.letters import batch
from pairing_desktop.ui.letters import printing
from pairing_desktop.ui.letters.pdf_pages import PdfPages, copy_pages
from pairing_desktop.ui.letters.preview import PreviewDialog
from pairing_desktop.ui.operations import LedgerHost

PAGES = 100
RENDER_PAGES = 20
TICK_MS = 10


@dataclass(frozen=True)
class Print:
    seconds: float
    longest_pause_ms: int
    ticks: int


def pdf_printer(out: Path, pages: int) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(1, pages)
    return printer


def ticking(dialog: PreviewDialog, start: Callable[[], object]) -> Print:
    """Run `start` and the event loop until the dialog says the pages were sent, a 10 ms timer
    ticking on the GUI thread all along."""
    loop = QEventLoop()
    dialog.printed.connect(loop.quit)
    clock = QElapsedTimer()
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
    clock.start()
    timer.start()
    started = time.perf_counter()
    start()
    loop.exec()
    seconds = time.perf_counter() - started
    timer.stop()
    dialog.printed.disconnect(loop.quit)
    gaps = [b - a for a, b in itertools.pairwise([0, *ticks, clock.elapsed()])]
    return Print(seconds, max(gaps), len(ticks))


def idle_pause(seconds: float = 1.0) -> int:
    """The longest gap between ticks of the 10 ms timer when the event loop has nothing to do."""
    loop = QEventLoop()
    clock = QElapsedTimer()
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    clock.start()
    timer.start()
    loop.exec()
    timer.stop()
    return max(b - a for a, b in itertools.pairwise(ticks))


def best(runs: int, job: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        times.append(time.perf_counter() - started)
    return min(times)


def pypdf_copy(pdf: Path, pages: int, out: Path) -> None:
    reader = pypdf.PdfReader(pdf)
    writer = pypdf.PdfWriter()
    for index in range(pages):
        writer.add_page(reader.pages[index])
    writer.write(out)


def qtpdf_render(pdf: Path, pages: int, dpi: float) -> float | None:
    """Seconds QtPdf takes to render `pages` pages at `dpi`; None without QtPdf."""
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return None
    document = QPdfDocument()
    document.load(str(pdf))
    started = time.perf_counter()
    for index in range(pages):
        size = document.pagePointSize(index)
        document.render(index, QSize(round(size.width() * dpi / 72),
                                     round(size.height() * dpi / 72)))
    took = time.perf_counter() - started
    document.close()
    return took


def letters(folder: Path):
    """The demo county's target letters of this year, one PDF, and the ledger they are in."""
    ledger = open_ledger(folder / "county.db")
    build_demo_county(ledger, seed=2007)
    made = batch.generate(ledger, "target", dt.date.today().year, folder / "letters.pdf")
    return ledger, made


def figures(pages: int = PAGES, render_pages: int = RENDER_PAGES) -> list[Result]:
    folder = Path(tempfile.mkdtemp(prefix="bench-print-"))
    app = QApplication.instance() or QApplication([])
    ledger, made = letters(folder)
    pdf = made.files[0]
    dialog = PreviewDialog(LedgerHost(ledger), pdf, [p.letter_id for p in made.letters])
    dialog.printing.refused.connect(lambda message: sys.exit(f"printing refused: {message}"))
    dialog.show()
    app.processEvents()
    try:
        if len(dialog.pages) < pages:
            sys.exit(f"the demo county's letters have {len(dialog.pages)} pages, not {pages}")
        idle = idle_pause()
        runs = [ticking(dialog, lambda run=run: dialog.print_on(
            pdf_printer(folder / f"vector-{run}.pdf", pages))) for run in range(3)]
        vector = min(runs, key=lambda p: p.seconds)
        if len(pypdf.PdfReader(folder / "vector-0.pdf").pages) != pages:
            sys.exit("the vector print has the wrong number of pages")
        raw_pdfium = best(3, lambda: copy_pages(pdf, range(pages), folder / "raw-pdfium.pdf"))
        raw_pypdf = best(3, lambda: pypdf_copy(pdf, pages, folder / "raw-pypdf.pdf"))

        printer = pdf_printer(folder / "raster.pdf", pages)
        printer.setFullPage(True)
        dpi = min(printer.resolution(), printing.PRINT_DPI)
        raster = ticking(dialog, lambda: dialog.printing.start(
            printing.paint, pdf, printer, list(range(pages))))
        rendering = PdfPages(pdf)
        raw_render = best(1, lambda: [rendering.image(i, dpi) for i in range(pages)])
        pdfium_some = best(1, lambda: [rendering.image(i, dpi) for i in range(render_pages)])
        rendering.close()
        qtpdf = qtpdf_render(pdf, render_pages, dpi)
    finally:
        dialog.close()
        ledger.close()

    size = {name: (folder / f"{name}.pdf").stat().st_size / 1e6
            for name in ("vector-0", "raster")}
    shutil.rmtree(folder)  # the raster print alone is 70 MB
    print(f"{pages} target letter pages of the demo county to a PDF printer, offscreen; "
          f"idle event loop: longest gap {idle} ms between {TICK_MS} ms ticks")
    print(f"  vector (pages copied):   {vector.seconds:7.3f} s  {pages / vector.seconds:7.0f} "
          f"pages/s  longest GUI pause {vector.longest_pause_ms:4d} ms  "
          f"({vector.ticks} ticks)  {size['vector-0']:.1f} MB")
    print("    (best of 3; each run: " + ", ".join(f"{p.seconds:.3f} s, pause "
                                                f"{p.longest_pause_ms} ms" for p in runs)
          + "; the first records the letters as 已打印)")
    print(f"    raw pdfium import:     {raw_pdfium:7.3f} s   raw pypdf copy: {raw_pypdf:.3f} s")
    print(f"  raster ({dpi} dpi painted): {raster.seconds:7.2f} s  "
          f"{pages / raster.seconds:7.2f} pages/s  longest GUI pause "
          f"{raster.longest_pause_ms:4d} ms  ({raster.ticks} ticks)  {size['raster']:.1f} MB")
    print(f"    raw pdfium render:     {raw_render:7.2f} s  ({raw_render / pages:.3f} s a page)")
    if qtpdf is not None:
        print(f"  render {render_pages} pages at {dpi} dpi: QtPdf {qtpdf:.2f} s, "
              f"pdfium {pdfium_some:.2f} s")
    found = [
        Result(f"{pages} pages to a PDF printer, vector (against pypdf copying them)",
               vector.seconds, raw_pypdf, "s"),
        Result(f"{pages} pages to a PDF printer, vector (against pdfium importing them)",
               vector.seconds, raw_pdfium, "s"),
        Result(f"{pages} pages to a PDF printer, raster {dpi} dpi (against pdfium rendering "
               "them)", raster.seconds, raw_render, "s"),
        Result("longest GUI pause printing, vector (against the idle event loop)",
               vector.longest_pause_ms, idle, "ms"),
        Result("longest GUI pause printing, raster (against the idle event loop)",
               raster.longest_pause_ms, idle, "ms"),
    ]
    if qtpdf is not None:
        found.append(Result(f"render {render_pages} pages at {dpi} dpi with QtPdf (against "
                            "pdfium)", qtpdf, pdfium_some, "s"))
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=PAGES, help="pages printed (default 100)")
    parser.add_argument("--render-pages", type=int, default=RENDER_PAGES,
                        help="pages rendered by QtPdf and pdfium (default 20)")
    args = parser.parse_args(argv)
    emit(figures(args.pages, args.render_pages))


if __name__ == "__main__":
    main()
