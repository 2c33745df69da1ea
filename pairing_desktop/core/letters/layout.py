"""Page geometry of GB/T 9704-2012 and the flow of a letter's paragraphs onto pages.

The text block is a grid: 22 lines of 28 characters in 156 × 225 mm, top margin 37 mm, left 28 mm.
Body text is 16 pt with a slight negative character spacing so that 28 full-width characters fill
the 156 mm line exactly. Lines are broken by measured width (an ID or phone number is never
broken, closing punctuation never starts a line), then placed row by row; a heading stays with
the line after it and the signature and seal blocks are kept whole, with at least two lines of
text on their page, so no block is split from its date or left alone at the top of a page.
Layout is plain data (rows of runs); `render` draws it. No ReportLab Platypus: measured slower.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from pairing_desktop.core.letters.fonts import LetterFonts
from pairing_desktop.core.letters.templates import Signatures, Text

PAGE_W, PAGE_H = A4
LEFT = 28 * mm
TOP = 37 * mm
BLOCK_W = 156 * mm
BLOCK_H = 225 * mm
LINES = 22
CHARS = 28
PITCH = BLOCK_H / LINES
CELL = BLOCK_W / CHARS
BODY_SIZE = 16.0  # 3号
TITLE_SIZE = 22.0  # 2号
PAGE_NO_SIZE = 14.0  # 4号
BODY_SPACE = CELL - BODY_SIZE  # character spacing that makes 28 characters fill the line
SIGNATURE_LEAD = 2  # text lines that must share a page with the first signature block

# unbreakable: ID and phone numbers, words, and a number with its measure word ("20 口")
_TOKENS = re.compile(r"[0-9][0-9A-Za-z_.\-/%@]*(?: ?[\u4e00-\u9fff])?|[A-Za-z][0-9A-Za-z_.\-/%@]*"
                     r"|\s+|.", re.S)
NO_LINE_START = set("，。、；：？！）》」』”’…·%,.;:?!)]")


@dataclass(slots=True)
class Run:
    """Text drawn from a point of a row: x in points from the page's left edge."""

    x: float
    font: str
    size: float
    space: float
    text: str


Row = list[Run]


@dataclass
class Chunk:
    rows: list[Row]
    keep: bool = False  # never split across pages
    with_next: bool = False  # stays on the page of the row after it (headings)
    lead: int = 0  # rows of the text before it to take along when it moves to a new page
    blank: bool = False  # spacing: dropped at the top of a page


@dataclass
class Layout:
    pages: list[list[Row]] = field(default_factory=list)


def row_baseline(index: int, size: float = BODY_SIZE) -> float:
    """y of the baseline of grid row `index` (0 = first line of the text block)."""
    slot_top = PAGE_H - TOP - PITCH * index
    return slot_top - (PITCH + size * 0.7) / 2


class Layouter:
    """Measures and breaks text in the letter fonts; caches the rows of repeated paragraphs."""

    def __init__(self, fonts: LetterFonts):
        self.fonts = fonts
        self._widths: dict[str, tuple[dict[int, float], float]] = {}
        for name in {fonts.body, fonts.title, fonts.heading}:
            face = pdfmetrics.getFont(name).face
            self._widths[name] = (face.charWidths, face.defaultWidth)
        self._cache: dict[tuple, list] = {}
        self._units: dict[str, dict[str, float]] = {name: {} for name in self._widths}

    def _token_units(self, token: str, font: str) -> float:
        """Width of a token in font units (1/1000 em), memoised: tokens repeat letter to letter."""
        units = self._units[font]
        value = units.get(token)
        if value is None:
            widths, default = self._widths[font]
            value = units[token] = sum(widths.get(ord(c), default) for c in token)
            if len(units) > 65536:
                units.clear()
        return value

    # --- measuring and breaking ---------------------------------------------------------------

    def width(self, text: str, font: str, size: float, space: float) -> float:
        units = self._units[font]
        total = units.get(text)
        if total is None:
            total = sum(self._token_units(t, font) for t in _TOKENS.findall(text))
            units[text] = total
        return total * size / 1000 + space * len(text)

    def wrap(self, text: str, font: str, size: float, space: float, width: float,
             indent: float = 0.0, hanging: float = 0.0) -> list[tuple[float, str]]:
        """Break text into lines no wider than `width`: [(indent of the line, text)]."""
        widths, default = self._widths[font]
        get = widths.get
        scale = size / 1000
        lines: list[tuple[float, str]] = []
        current: list[str] = []
        used = 0.0
        room = width - indent
        units = self._units[font]
        for token in _TOKENS.findall(text):
            u = units.get(token)
            if u is None:
                u = self._token_units(token, font)
            w = u * scale + space * len(token)
            if used + w > room + 0.01 and current:
                if token in NO_LINE_START:  # hang the mark in the margin rather than start with it
                    current.append(token)
                    used += w
                    continue
                lines.append((width - room, "".join(current).rstrip()))
                current, used, room = [], 0.0, width - hanging
                if token.isspace():
                    continue
            if w > room and len(token) > 1:  # a token longer than a line: break it by character
                for ch in token:
                    cw = get(ord(ch), default) * scale + space
                    if used + cw > room + 0.01 and current:
                        lines.append((width - room, "".join(current)))
                        current, used, room = [], 0.0, width - hanging
                    current.append(ch)
                    used += cw
                continue
            current.append(token)
            used += w
        if current or not lines:
            lines.append((width - room, "".join(current).rstrip()))
        return lines

    # --- paragraphs to rows -------------------------------------------------------------------

    def text_rows(self, item: Text) -> list[Row]:
        key = (item.style, item.text)
        rows = self._cache.get(key)
        if rows is None:
            rows = self._text_rows(item.style, item.text)
            if len(self._cache) > 4096:
                self._cache.clear()
            self._cache[key] = rows
        return rows

    def _text_rows(self, style: str, text: str) -> list[Row]:
        f = self.fonts
        if style == "blank":
            return [[]]
        if style == "title":
            size, font, space = TITLE_SIZE, f.title, 0.0
        else:
            size, space = BODY_SIZE, BODY_SPACE
            font = f.heading if style == "heading" else f.body
        if style in ("title", "center", "right"):
            rows = []
            for _indent, line in self.wrap(text, font, size, space, BLOCK_W):
                w = self.width(line, font, size, space)
                x = LEFT + (BLOCK_W - w) / 2 if style != "right" else LEFT + BLOCK_W - w - 2 * CELL
                rows.append([Run(x, font, size, space, line)])
            return rows
        indent = 0.0 if style == "plain" else 2 * CELL
        return [[Run(LEFT + ind, font, size, space, line)]
                for ind, line in self.wrap(text, font, size, space, BLOCK_W, indent)]

    def signature_chunks(self, item: Signatures) -> list[Chunk]:
        """One kept chunk per party (one column) or per row of parties (two columns)."""
        f = self.fonts
        size, space = BODY_SIZE, BODY_SPACE
        if item.columns == 2:
            col_w = BLOCK_W / 2
            xs = (LEFT, LEFT + col_w)
        else:
            widest = max(self.width(line, f.body, size, space)
                         for party in item.parties for line in party)
            col_w = min(widest, BLOCK_W - 4 * CELL)
            xs = (max(LEFT + 4 * CELL, LEFT + BLOCK_W - col_w - 2 * CELL),)
        groups = [item.parties[i:i + len(xs)] for i in range(0, len(item.parties), len(xs))]
        chunks: list[Chunk] = []
        for group in groups:
            columns = []
            for x, party in zip(xs, group, strict=False):
                lines = [(x + ind, text) for line in party
                         for ind, text in self.wrap(line, f.body, size, space, col_w - CELL)]
                columns.append(lines)
            rows: list[Row] = [[] for _ in range(max(len(c) for c in columns))]
            for lines in columns:
                for i, (x, text) in enumerate(lines):
                    rows[i].append(Run(x, f.body, size, space, text))
            chunks.append(Chunk([[]], blank=True))
            chunks.append(Chunk(rows, keep=True))
        return chunks

    def chunks(self, items: list[Text | Signatures]) -> list[Chunk]:
        out: list[Chunk] = []
        for item in items:
            if isinstance(item, Signatures):
                key = ("signatures", item)
                sig = self._cache.get(key)
                if sig is None:
                    sig = self._cache[key] = self.signature_chunks(item)
                kept = [c for c in sig if not c.blank]
                whole = sum(len(c.rows) for c in sig)
                if whole <= LINES - SIGNATURE_LEAD:  # all parties fit one page: keep them together
                    rows = [r for c in sig for r in c.rows]
                    out.append(Chunk([[]], blank=True))
                    out.append(Chunk(rows[1:], keep=True, lead=SIGNATURE_LEAD))
                else:
                    kept[0].lead = SIGNATURE_LEAD
                    out.extend(sig)
            elif item.style == "blank":
                out.append(Chunk([[]], blank=True))
            else:
                rows = self.text_rows(item)
                out.append(Chunk(rows, with_next=item.style in ("heading", "subheading")))
                if item.style == "title":
                    out.append(Chunk([[]], blank=True))
        return out

    def layout(self, items: list[Text | Signatures]) -> Layout:
        return Layout(paginate(self.chunks(items)))


def paginate(chunks: list[Chunk]) -> list[list[Row]]:
    pages: list[list[Row]] = [[]]
    for chunk in chunks:
        page = pages[-1]
        if chunk.blank:
            if page and len(page) < LINES:
                page.append([])
            continue
        if chunk.keep and len(chunk.rows) <= LINES:
            if len(page) + len(chunk.rows) > LINES:
                while page and not page[-1]:
                    page.pop()
                carried: list[Row] = []
                if chunk.lead and len(page) > chunk.lead:
                    carried = [*page[-chunk.lead:], []]
                    del page[-chunk.lead:]
                page = carried
                pages.append(page)
            page.extend(chunk.rows)
            continue
        need = len(chunk.rows) + (1 if chunk.with_next else 0)
        if chunk.with_next and page and len(page) + need > LINES and need <= LINES:
            page = []
            pages.append(page)
        for row in chunk.rows:
            if len(page) >= LINES:
                page = []
                pages.append(page)
            page.append(row)
    if not pages[-1] and len(pages) > 1:
        pages.pop()
    return pages
