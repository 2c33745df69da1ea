"""Drawing laid-out letters and contact cards on a ReportLab canvas.

The canvas is created with the body font as its initial font: otherwise ReportLab writes a
Helvetica reference into every page, a font that is not embedded. Text is drawn as text (never
outlines) in subset-embedded TrueType fonts, so names and ID numbers can be copied and searched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.pdfgen.textobject import PDFTextObject

import pairing_desktop
from pairing_desktop.core.letters.codes import qr_matrix, qr_runs
from pairing_desktop.core.letters.fonts import LetterFonts
from pairing_desktop.core.letters.layout import (
    BLOCK_H,
    BLOCK_W,
    BODY_SIZE,
    CELL,
    LEFT,
    PAGE_H,
    PAGE_NO_SIZE,
    PAGE_W,
    TOP,
    Layout,
    row_baseline,
)

# Streams are zlib-compressed binary; ASCII85 on top only makes files 25 % larger and slower.
rl_config.useA85 = 0

QR_SIZE = 20 * mm
CODE_SIZE = 9.0
CARD_W, CARD_H = PAGE_W / 2, PAGE_H / 2
CARD_PAD = 10 * mm
CARD_TITLE_SIZE = 18.0
CARD_SIZE = 13.0
CARD_PITCH = 8.5 * mm
CARD_QR = 16 * mm


@dataclass(frozen=True)
class Card:
    title: str
    lines: tuple[str, ...]
    note: str
    code: str


class PdfDocument:
    """One PDF file (or stream) receiving letters or card sheets, page after page."""

    def __init__(self, target: str | Path | BinaryIO, fonts: LetterFonts, title: str = ""):
        self.fonts = fonts
        self.canvas = rl_canvas.Canvas(
            str(target) if isinstance(target, Path) else target, pagesize=(PAGE_W, PAGE_H),
            initialFontName=fonts.body, initialFontSize=BODY_SIZE, initialLeading=BODY_SIZE * 1.2)
        self.canvas.setTitle(title)
        self.canvas.setCreator(f"pairing-desktop {pairing_desktop.__version__}")
        self.pages = 0
        # QR module runs as PDF operators, per symbol position: the same runs recur across codes
        self._rects: dict[tuple[float, float, float], dict[tuple[int, int, int], str]] = {}

    def add_letter(self, layout: Layout, code: str) -> None:
        c = self.canvas
        for number, rows in enumerate(layout.pages, 1):
            text = c.beginText()
            font = size = space = None
            for index, row in enumerate(rows):
                y = None
                for run in row:
                    if (run.font, run.size) != (font, size):
                        font, size = run.font, run.size
                        text.setFont(font, size)
                    if run.space != space:
                        space = run.space
                        text.setCharSpace(space)
                    if y is None:
                        y = row_baseline(index, run.size)
                    text.setTextOrigin(run.x, y)
                    text.textOut(run.text)
            self._furniture(text, number, code)
            c.drawText(text)
            if number == 1:
                self._qr(code, LEFT + BLOCK_W - QR_SIZE, PAGE_H - 12 * mm - QR_SIZE, QR_SIZE)
            c.showPage()
            self.pages += 1

    def _furniture(self, text: PDFTextObject, number: int, code: str) -> None:
        """The page number and the code, in the page's one text object.

        4号 "— n —" below the text block: odd pages at the right, even at the left, one
        character in from the edge of the block (GB/T 9704 7.5). The code sits in the top
        margin: beside the QR symbol on page 1, at the right on later pages."""
        text.setCharSpace(0)
        text.setFont(self.fonts.page, PAGE_NO_SIZE)
        label = f"— {number} —"
        y = PAGE_H - TOP - BLOCK_H - 7 * mm - PAGE_NO_SIZE * 0.8
        if number % 2:
            x = LEFT + BLOCK_W - CELL - stringWidth(label, self.fonts.page, PAGE_NO_SIZE)
        else:
            x = LEFT + CELL
        text.setTextOrigin(x, y)
        text.textOut(label)
        label = f"验证码：{code}"
        right = LEFT + BLOCK_W - (QR_SIZE + 2 * mm if number == 1 else 0)
        y = PAGE_H - 12 * mm - (QR_SIZE if number == 1 else CODE_SIZE)
        text.setFont(self.fonts.body, CODE_SIZE)
        text.setTextOrigin(right - stringWidth(label, self.fonts.body, CODE_SIZE), y)
        text.textOut(label)

    def _qr(self, code: str, x: float, y: float, size: float) -> None:
        """The QR symbol as one filled path of module runs, written as PDF operators directly:
        going through ReportLab's path object cost a quarter of the time of a whole letter."""
        matrix = qr_matrix(code)
        module = size / len(matrix)
        top = y + size
        known = self._rects.setdefault((x, y, size), {})
        ops = []
        for run in qr_runs(matrix):
            op = known.get(run)
            if op is None:
                r, col, length = run
                op = known[run] = (f"{x + col * module:.2f} {top - (r + 1) * module:.2f} "
                                   f"{length * module:.2f} {module:.2f} re")
            ops.append(op)
        self.canvas.addLiteral("q 0 g\n" + "\n".join(ops) + "\nf Q")

    # --- contact cards, four to a sheet -----------------------------------------------------------

    def add_card_sheet(self, cards: list[Card]) -> None:
        """Up to four A6 cards on one A4 sheet, with cut marks at the edges and the centre."""
        c = self.canvas
        self._cut_marks()
        for i, card in enumerate(cards[:4]):
            x0 = (i % 2) * CARD_W
            y_top = PAGE_H - (i // 2) * CARD_H
            self._card(card, x0, y_top)
        c.showPage()
        self.pages += 1

    def _cut_marks(self) -> None:
        c = self.canvas
        c.saveState()
        c.setLineWidth(0.5)
        mark = 6 * mm
        cx, cy = CARD_W, CARD_H
        c.line(cx, 0, cx, mark)
        c.line(cx, PAGE_H - mark, cx, PAGE_H)
        c.line(0, cy, mark, cy)
        c.line(PAGE_W - mark, cy, PAGE_W, cy)
        c.line(cx - mark / 2, cy, cx + mark / 2, cy)
        c.line(cx, cy - mark / 2, cx, cy + mark / 2)
        c.setStrokeGray(0.75)
        c.setDash(2, 3)
        c.line(cx, mark + 2 * mm, cx, cy - mark)
        c.line(cx, cy + mark, cx, PAGE_H - mark - 2 * mm)
        c.line(mark + 2 * mm, cy, cx - mark, cy)
        c.line(cx + mark, cy, PAGE_W - mark - 2 * mm, cy)
        c.restoreState()

    def _card(self, card: Card, x0: float, y_top: float) -> None:
        c = self.canvas
        left = x0 + CARD_PAD
        c.setFont(self.fonts.title, CARD_TITLE_SIZE)
        c.drawCentredString(x0 + CARD_W / 2, y_top - CARD_PAD - CARD_TITLE_SIZE, card.title)
        text = c.beginText()
        text.setFont(self.fonts.body, CARD_SIZE)
        y = y_top - CARD_PAD - CARD_TITLE_SIZE - 12 * mm
        for line in card.lines:
            text.setTextOrigin(left, y)
            text.textOut(line)
            y -= CARD_PITCH
        c.drawText(text)
        bottom = y_top - CARD_H + CARD_PAD
        qr_x = x0 + CARD_W - CARD_PAD - CARD_QR
        self._qr(card.code, qr_x, bottom, CARD_QR)
        c.setFont(self.fonts.body, CODE_SIZE)
        c.drawString(left, bottom, f"验证码：{card.code}")
        if card.note:
            c.setFont(self.fonts.body, 11)
            c.drawString(left, bottom + CARD_QR + 4 * mm, card.note)

    def save(self) -> None:
        self.canvas.save()
