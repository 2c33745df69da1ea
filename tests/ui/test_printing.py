"""Printing letters from the preview: off the GUI thread, only the pages chosen in the print
dialog, 取消 marks nothing printed, and the window keeps painting meanwhile."""

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
from pairing_desktop.ui.letters import preview
from pairing_desktop.ui.letters.ask import LetterAsk
from pairing_desktop.ui.letters.preview import PreviewDialog
from tests.core.letter_fixtures import county_with_a_target

pytestmark = pytest.mark.gui
YEAR = 2008


@pytest.fixture
def told(monkeypatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(LetterAsk, "inform",
                        classmethod(lambda cls, parent, title, text: messages.append(text)))
    return messages


@pytest.fixture
def dialog(qtbot, host, tmp_path, told) -> PreviewDialog:
    """The preview of a batch of three target letters, six pages."""
    county_with_a_target(host.ledger, YEAR)
    result = generate(host.ledger, "target", YEAR, tmp_path / "letters.pdf")
    shown = PreviewDialog(host, result.files[0], [p.letter_id for p in result.letters])
    qtbot.addWidget(shown)
    shown.show()
    return shown


def print_to_pdf(monkeypatch, out, pages: tuple[int, int] | None = None) -> None:
    """The print dialog answers with a printer writing `out`, with a page range if given."""

    def printer(cls, parent, count):
        chosen = QPrinter(QPrinter.PrinterMode.HighResolution)
        chosen.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        chosen.setOutputFileName(str(out))
        if pages:
            chosen.setPrintRange(QPrinter.PrintRange.PageRange)
            chosen.setFromTo(*pages)
        return chosen

    monkeypatch.setattr(LetterAsk, "printer", classmethod(printer))


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
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 3
    assert statuses(host) == {"已打印"} and told == []
    assert dialog.print_button.isEnabled()


def test_a_range_past_the_last_page_prints_nothing(qtbot, host, dialog, monkeypatch, tmp_path,
                                                   told):
    print_to_pdf(monkeypatch, tmp_path / "printed.pdf", (7, 9))
    assert not dialog.print_letters()
    assert told == ["所选页码超出范围：这份文件共 6 页。"]
    assert not (tmp_path / "printed.pdf").exists() and statuses(host) == {"草稿"}


def test_cancelled_printing_marks_nothing_printed(qtbot, host, dialog, monkeypatch, tmp_path,
                                                  told):
    gate = threading.Event()
    image = preview.PdfPages.image

    def held(self, index, dpi):  # the first page waits until the clerk has pressed 取消
        gate.wait(5)
        return image(self, index, dpi)

    monkeypatch.setattr(preview.PdfPages, "image", held)
    print_to_pdf(monkeypatch, tmp_path / "printed.pdf")
    with qtbot.waitSignal(dialog.printing.cancelled, timeout=20000):
        assert dialog.print_letters()
        dialog.printing.cancel()
        gate.set()
    assert told == ["已取消打印；责任书没有标记为已打印。"]
    assert statuses(host) == {"草稿"} and dialog.print_button.isEnabled()


def test_the_window_keeps_painting_while_it_prints(qtbot, dialog, monkeypatch, tmp_path):
    """Measured, not only asserted: run with -s to see the figures. Printing used to hold the
    GUI thread for the whole print; now the longest pause of the event loop is about a page's
    drawing at most, and the first page reaches the printer while the window still paints."""
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
