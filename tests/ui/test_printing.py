"""Printing letters from the preview: off the GUI thread, only the pages and copies chosen in the
print dialog, copied as they are (text and fonts) into a PDF file and painted on a printer,
取消 marks nothing printed, and the window keeps painting meanwhile."""

from __future__ import annotations

import itertools
import threading
import time

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from pairing_desktop.core.letters.batch import generate
from pairing_desktop.core.storage.models import Letter
from pairing_desktop.ui.letters import pdf_pages, printing
from pairing_desktop.ui.letters.ask import LetterAsk
from pairing_desktop.ui.letters.preview import PreviewDialog
from tests.core.letter_fixtures import county_with_a_target

pytestmark = pytest.mark.gui
YEAR = 2008


@pytest.fixture
def dialog(qtbot, host, tmp_path, told) -> PreviewDialog:
    """The preview of a batch of three target letters, six pages."""
    county_with_a_target(host.ledger, YEAR)
    result = generate(host.ledger, "target", YEAR, tmp_path / "letters.pdf")
    shown = PreviewDialog(host, result.files[0], [p.letter_id for p in result.letters])
    qtbot.addWidget(shown)
    shown.show()
    return shown


def print_to_pdf(monkeypatch, out, pages: tuple[int, int] | None = None, copies: int = 1,
                 collate: bool = True) -> None:
    """The print dialog answers with a printer writing `out`, with a page range and copies if
    given."""

    def printer(cls, parent, count):
        chosen = QPrinter(QPrinter.PrinterMode.HighResolution)
        chosen.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        chosen.setOutputFileName(str(out))
        if pages:
            chosen.setPrintRange(QPrinter.PrintRange.PageRange)
            chosen.setFromTo(*pages)
        chosen.setCopyCount(copies)
        chosen.setCollateCopies(collate)
        return chosen

    monkeypatch.setattr(LetterAsk, "printer", classmethod(printer))


@pytest.fixture
def on_paper(monkeypatch) -> None:
    """Print the raster way a printer gets, into the PDF file of the test's printer."""
    monkeypatch.setattr(printing, "writes_pdf", lambda printer: False)


def embedded(font) -> bool:
    """The font's program is in the file (a composite font's is in its descendant's)."""
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    return bool({"/FontFile", "/FontFile2", "/FontFile3"} & set(font["/FontDescriptor"]))


def texts(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def statuses(host) -> set[str]:
    with host.ledger.bound():
        return {row.status for row in Letter.select()}


def test_printing_a_page_range_prints_only_those_pages(qtbot, host, dialog, monkeypatch,
                                                       tmp_path, told):
    assert len(dialog.pages) == 6
    print_to_pdf(monkeypatch, tmp_path / "printed.pdf", (2, 4))
    with qtbot.waitSignal(dialog.printed, timeout=20000) as blocker:
        assert dialog.print_letters()
        assert not dialog.print_button.isEnabled()
    assert blocker.args == [3]
    assert texts(tmp_path / "printed.pdf") == texts(dialog.pdf)[1:4]
    assert statuses(host) == {"已打印"} and told == []
    assert dialog.print_button.isEnabled()


def test_a_pdf_file_gets_the_letters_text_and_fonts_not_pictures(qtbot, dialog, monkeypatch,
                                                                 tmp_path):
    """Printed to a PDF file, a page is the letter's own page: its Chinese text can be found
    and copied, its fonts are embedded; a page painted as a picture has no text at all."""
    print_to_pdf(monkeypatch, tmp_path / "printed.pdf", (1, 1))
    with qtbot.waitSignal(dialog.printed, timeout=20000):
        dialog.print_letters()
    page = PdfReader(tmp_path / "printed.pdf").pages[0]
    assert "目标责任书" in page.extract_text()
    fonts = [font.get_object() for font in page["/Resources"]["/Font"].values()]
    assert fonts and all(embedded(font) for font in fonts)


def test_a_page_painted_for_a_printer_is_a_picture(qtbot, dialog, monkeypatch, tmp_path,
                                                   on_paper):
    print_to_pdf(monkeypatch, tmp_path / "printed.pdf", (1, 1))
    with qtbot.waitSignal(dialog.printed, timeout=20000):
        dialog.print_letters()
    page = PdfReader(tmp_path / "printed.pdf").pages[0]
    assert page.extract_text().strip() == "" and "/XObject" in page["/Resources"]


@pytest.mark.parametrize(("collate", "order"), [(True, [1, 2, 1, 2]), (False, [1, 1, 2, 2])])
def test_copies_of_a_range_come_out_collated_or_not(qtbot, dialog, monkeypatch, tmp_path,
                                                    collate, order):
    """Two copies of pages 2–3: 2 3 2 3 collated, 2 2 3 3 not (a PDF file makes no copies
    itself)."""
    print_to_pdf(monkeypatch, tmp_path / "printed.pdf", (2, 3), copies=2, collate=collate)
    with qtbot.waitSignal(dialog.printed, timeout=20000) as blocker:
        dialog.print_letters()
    source = texts(dialog.pdf)
    assert source[1] != source[2]
    assert blocker.args == [4]
    assert texts(tmp_path / "printed.pdf") == [source[i] for i in order]


def test_copies_painted_for_a_printer_that_makes_none(qtbot, dialog, monkeypatch, tmp_path,
                                                      on_paper):
    print_to_pdf(monkeypatch, tmp_path / "printed.pdf", (2, 3), copies=2)
    with qtbot.waitSignal(dialog.printed, timeout=30000) as blocker:
        dialog.print_letters()
    assert blocker.args == [4] and len(PdfReader(tmp_path / "printed.pdf").pages) == 4


class CopyingPrinter(QPrinter):
    """A printer that makes copies itself, as most CUPS and Windows printers do (this machine has
    none)."""

    def outputFormat(self) -> QPrinter.OutputFormat:
        return QPrinter.OutputFormat.NativeFormat

    def supportsMultipleCopies(self) -> bool:
        return True


def test_a_printer_that_makes_copies_gets_each_page_once(qapp):
    printer = CopyingPrinter()
    printer.setCopyCount(3)
    assert printing.sheets(printer, range(1, 3)) == [1, 2]
    plain = QPrinter()
    plain.setOutputFileName("copies.pdf")
    plain.setCopyCount(3)
    plain.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert printing.sheets(plain, range(1, 3)) == [2, 1, 2, 1, 2, 1]


def test_a_range_past_the_last_page_prints_nothing(qtbot, host, dialog, monkeypatch, tmp_path,
                                                   told):
    print_to_pdf(monkeypatch, tmp_path / "printed.pdf", (7, 9))
    assert not dialog.print_letters()
    assert told == ["所选页码超出范围：这份文件共 6 页。"]
    assert not (tmp_path / "printed.pdf").exists() and statuses(host) == {"草稿"}


def cancel_while_held(qtbot, host, dialog, gate: threading.Event, told: list[str]) -> None:
    """Print, press 取消 while the printing is held at `gate`, then let it go on: it stops,
    says so, and no letter is marked printed."""
    with qtbot.waitSignal(dialog.printing.cancelled, timeout=20000):
        assert dialog.print_letters()
        dialog.printing.cancel()
        gate.set()
    assert told == ["已取消打印；责任书没有标记为已打印。"]
    assert statuses(host) == {"草稿"} and dialog.print_button.isEnabled()


def test_cancelled_printing_to_a_file_writes_nothing(qtbot, host, dialog, monkeypatch, tmp_path,
                                                     told):
    gate = threading.Event()
    copy = printing.copy_pages

    def held(*args):  # the copy waits until the clerk has pressed 取消
        gate.wait(5)
        return copy(*args)

    monkeypatch.setattr(printing, "copy_pages", held)
    print_to_pdf(monkeypatch, tmp_path / "printed.pdf")
    cancel_while_held(qtbot, host, dialog, gate, told)
    assert list(tmp_path.glob("*printed*")) == []


def test_cancelled_printing_marks_nothing_printed(qtbot, host, dialog, monkeypatch, tmp_path,
                                                  told, on_paper):
    gate = threading.Event()
    image = pdf_pages.PdfPages.image

    def held(self, index, dpi):  # the first page waits until the clerk has pressed 取消
        gate.wait(5)
        return image(self, index, dpi)

    monkeypatch.setattr(pdf_pages.PdfPages, "image", held)
    print_to_pdf(monkeypatch, tmp_path / "printed.pdf")
    cancel_while_held(qtbot, host, dialog, gate, told)


def test_the_event_loop_runs_while_the_pages_are_copied(qtbot, dialog, monkeypatch, tmp_path):
    """The copy into a PDF file waits for five turns of the GUI thread's event loop: on the GUI
    thread it would wait in vain."""
    turns = threading.Event()
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: (ticks.append(1), len(ticks) >= 5 and turns.set()))
    copy = printing.copy_pages
    waited: list[bool] = []

    def after_five_turns(*args):
        waited.append(turns.wait(10))
        return copy(*args)

    monkeypatch.setattr(printing, "copy_pages", after_five_turns)
    print_to_pdf(monkeypatch, tmp_path / "printed.pdf", (2, 4))
    timer.start()
    with qtbot.waitSignal(dialog.printed, timeout=30000):
        dialog.print_letters()
    timer.stop()
    assert waited == [True] and len(ticks) >= 5
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 3


def test_the_window_keeps_painting_while_it_prints(qtbot, dialog, monkeypatch, tmp_path,
                                                   on_paper):
    """Measured, not only asserted: run with -s to see the figures. Painting pages for a printer
    used to hold the GUI thread for the whole print; now the longest pause of the event loop is
    about a page's drawing at most, and the first page reaches the printer while the window
    still paints."""
    print_to_pdf(monkeypatch, tmp_path / "printed.pdf")
    clock = QElapsedTimer()
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
    first: list[int] = []
    dialog.printing.progressed.connect(lambda done, _total: first or first.append(clock.elapsed()))
    clock.start()
    timer.start()
    with qtbot.waitSignal(dialog.printed, timeout=30000):
        started = time.perf_counter()
        dialog.print_letters()
        returned = (time.perf_counter() - started) * 1000
    total = clock.elapsed()
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    longest = max(gaps, default=total)
    print(f"\nprint 6 pages at 300 dpi: print_letters returned in {returned:.0f} ms, first page "
          f"sent at {first[0]} ms, all sent at {total} ms; the event loop ran {len(ticks)} "
          f"times, its longest pause {longest} ms")
    assert returned < total / 3
    assert longest < min(300, total / 4) and len(ticks) >= 10


def test_the_print_dialog_offers_the_files_own_pages(qtbot, host, dialog, monkeypatch):
    """The range the system dialog lets the clerk type is 1 to the file's last page; cancelled,
    nothing is printed."""
    seen: list[tuple[int, int]] = []

    def answer(self):
        seen.append((self.minPage(), self.maxPage()))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", answer)  # LetterAsk.printer itself, its exec() not
    assert not dialog.print_letters()
    assert seen == [(1, 6)] and statuses(host) == {"草稿"}
