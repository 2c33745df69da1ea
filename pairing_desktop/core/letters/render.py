"""Drawing laid-out letters and contact cards on a ReportLab canvas.

The canvas is created with the body font as its initial font: otherwise ReportLab writes a
Helvetica reference into every page, a font that is not embedded. Text is drawn as text (never
outlines) in subset-embedded TrueType fonts, so names and ID numbers can be copied and searched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas

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
        self.canvas.setCreator("pairing_desktop")
        self.pages = 0

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
            c.drawText(text)
            self._page_number(number)
            if number == 1:
                self._code_with_qr(code)
            else:
                self._code_text(code, PAGE_H - 12 * mm - CODE_SIZE, LEFT + BLOCK_W)
            c.showPage()
            self.pages += 1

    def _page_number(self, number: int) -> None:
        """4号 "— n —" below the text block: odd pages at the right, even at the left, one
        character in from the edge of the block (GB/T 9704 7.5)."""
        c = self.canvas
        c.setFont(self.fonts.title, PAGE_NO_SIZE)
        y = PAGE_H - TOP - BLOCK_H - 7 * mm - PAGE_NO_SIZE * 0.8
        label = f"— {number} —"
        if number % 2:
            c.drawRightString(LEFT + BLOCK_W - CELL, y, label)
        else:
            c.drawString(LEFT + CELL, y, label)

    def _code_text(self, code: str, y: float, right: float) -> None:
        c = self.canvas
        c.setFont(self.fonts.body, CODE_SIZE)
        c.drawRightString(right, y, f"验证码：{code}")

    def _qr(self, code: str, x: float, y: float, size: float) -> None:
        matrix = qr_matrix(code)
        module = size / len(matrix)
        path = self.canvas.beginPath()
        for r, col, length in qr_runs(matrix):
            path.rect(x + col * module, y + size - (r + 1) * module, length * module, module)
        self.canvas.drawPath(path, stroke=0, fill=1)

    def _code_with_qr(self, code: str) -> None:
        x = LEFT + BLOCK_W - QR_SIZE
        y = PAGE_H - 12 * mm - QR_SIZE
        self._qr(code, x, y, QR_SIZE)
        self._code_text(code, y, x - 2 * mm)

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
