"""Page geometry of GB/T 9704-2012 and the flow of a letter's paragraphs onto pages.

The text block is a grid: 22 lines of 28 characters in 156 × 225 mm, top margin 37 mm, left 28 mm.
Body text is 16 pt with a slight negative character spacing so that 28 full-width characters fill
the 156 mm line exactly.

Lines are broken by measured width, never inside an ID or phone number or a number with its
measure word, and by the Chinese rules: no closing mark (、。，」）…) starts a line and no opening
mark (「（“…) ends one. Where the rules forbid the natural break, the line either takes the mark
in by compressing the blank half of its punctuation, or gives its last character to the next line;
nothing ever hangs outside the block. Every line of a paragraph but its last is justified to the
block's full width: the spare (or missing) width goes between characters, never inside a number.

Lines are placed row by row; a heading stays with the line after it. Signatures are laid out as
GB/T 9704 places seals: each party a block (name above, date at the bottom) in its column, 甲方
left and 乙方 right, further parties below, with rows far enough apart that a 42 mm seal pressed
centred on one party's name and date covers no text of another party. The blocks are kept whole,
with at least two lines of text on their page, so none is split from its date or left alone at the
top of a page. Layout is plain data (rows of runs); `render` draws it. No ReportLab Platypus:
measured slower.
"""

from __future__ import annotations

import math
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
BODY_SIZE = 16.0  # 3号
TITLE_SIZE = 22.0  # 2号
PAGE_NO_SIZE = 14.0  # 4号
# character spacing that makes 28 full-width characters fill the line from the first character's
# left edge to the last one's right edge; CELL is then the advance of one character
BODY_SPACE = (BLOCK_W - CHARS * BODY_SIZE) / (CHARS - 1)
CELL = BODY_SIZE + BODY_SPACE
SIGNATURE_LEAD = 2  # text lines that must share a page with the first signature block
SEAL_DIAMETER = 42 * mm  # the usual official seal
GLYPH_REACH = 0.6 * BODY_SIZE  # from a line's centre to the far edge of its glyphs (with margin)
FIT = 0.05  # points of rounding allowed when a line is said to fit

# unbreakable: ID and phone numbers, words, and a number with its measure word ("20 口")
_TOKENS = re.compile(r"[0-9][0-9A-Za-z_.\-/%@]*(?: ?[\u4e00-\u9fff])?|[A-Za-z][0-9A-Za-z_.\-/%@]*"
                     r"|\s+|.", re.S)
NO_LINE_START = frozenset("，。、；：？！）》」』”’〕】〗…·%,.;:?!)]}")
NO_LINE_END = frozenset("（《「『“‘〔【〖([{")
# full-width marks whose glyph fills half its box: the blank half may be taken back on a tight line
SQUEEZE_RIGHT = frozenset("，。、；：）》」』”’〕】〗")  # blank at the right
SQUEEZE_LEFT = frozenset("（《「『“‘〔【〖")  # blank at the left


@dataclass(slots=True)
class Run:
    """Text drawn from a point of a row: x in points from the page's left edge, `space` the
    character spacing (PDF Tc) added after every character."""

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


def seal_gap_rows(upper: int, lower: int) -> int:
    """Blank rows between a block of `upper` lines and one of `lower` lines below it so that a
    seal centred on either block clears the other's glyphs (at least one row, for the eye)."""
    reach = (SEAL_DIAMETER / 2 + GLYPH_REACH) / PITCH  # in rows, from a seal's centre
    return max(1, math.ceil(reach - (min(upper, lower) + 1) / 2 - 1e-9))


@dataclass(slots=True)
class _Unit:
    """An unbreakable piece of a line: one character, or a number or word drawn unspaced."""

    text: str
    width: float  # first glyph's left edge to last one's right edge, at the base spacing

    @property
    def single(self) -> bool:
        return len(self.text) == 1


class Layouter:
    """Measures and breaks text in the letter fonts; caches the rows of repeated paragraphs."""

    def __init__(self, fonts: LetterFonts):
        self.fonts = fonts
        self._widths: dict[str, tuple[dict[int, float], float]] = {}
        for name in {fonts.body, fonts.title, fonts.heading, fonts.subheading, fonts.page}:
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

    # --- measuring ----------------------------------------------------------------------------

    def width(self, text: str, font: str, size: float, space: float) -> float:
        """Advance of `text` with `space` after every character (the last one included)."""
        units = self._units[font]
        total = units.get(text)
        if total is None:
            total = sum(self._token_units(t, font) for t in _TOKENS.findall(text))
            units[text] = total
        return total * size / 1000 + space * len(text)

    def extent(self, text: str, font: str, size: float, space: float) -> float:
        """From the first glyph's left edge to the last one's right edge."""
        return self.width(text, font, size, space) - (space if text else 0.0)

    def _split(self, text: str, font: str, size: float, space: float,
               line: float) -> list[_Unit]:
        scale = size / 1000
        units = []
        for token in _TOKENS.findall(text):
            if len(token) == 1 or token.isspace():
                w = self._token_units(token, font) * scale + space * (len(token) - 1)
                units.append(_Unit(token, w))
                continue
            w = self._token_units(token, font) * scale + space * (len(token) - 1)
            if w > line:  # longer than a line: it has to break, by character
                units.extend(_Unit(ch, self._token_units(ch, font) * scale) for ch in token)
            else:
                units.append(_Unit(token, w))
        return units

    # --- breaking -----------------------------------------------------------------------------

    def wrap(self, text: str, font: str, size: float, space: float, width: float,
             indent: float = 0.0) -> list[tuple[float, str]]:
        """Break text into lines no wider than `width`: [(indent of the line, text)]."""
        return [(ind, "".join(u.text for u in units))
                for ind, units, _full in self._lines(text, font, size, space, width, indent)]

    def _lines(self, text: str, font: str, size: float, space: float, width: float,
               indent: float) -> list[tuple[float, list[_Unit], bool]]:
        """[(indent, units, full)]: `full` lines are justified to the width."""
        units = self._split(text, font, size, space, width)
        out: list[tuple[float, list[_Unit], bool]] = []
        start, n, ind = 0, len(units), indent
        while start < n:
            while start < n and units[start].text.isspace():  # no line starts with a space
                start += 1
            if start >= n:
                break
            room = width - ind
            end, used = start, 0.0
            while end < n:
                w = units[end].width + (space if end > start else 0.0)
                if used + w > room + FIT and end > start:
                    break
                used += w
                end += 1
            if end >= n:
                out.append((ind, _strip(units[start:end]), False))
                break
            end = self._break_at(units, start, end, room, size, space)
            out.append((ind, _strip(units[start:end]), True))
            start, ind = end, 0.0
        if not out:
            out.append((indent, [], False))
        return out

    def _break_at(self, units: list[_Unit], start: int, end: int, room: float, size: float,
                  space: float) -> int:
        """Where the line from `start` ends, given that units[start:end] fit naturally."""

        def allowed(at: int) -> bool:
            return at >= len(units) or (units[at].text not in NO_LINE_START
                                        and units[at - 1].text not in NO_LINE_END)

        if allowed(end):
            return end
        # take in the marks that may not start the next line, if squeezing makes them fit
        for extra in (1, 2):
            at = end + extra
            if at > len(units):
                break
            if allowed(at):
                line = units[start:at]
                natural = sum(u.width for u in line) + space * (len(line) - 1)
                if natural - _squeezable(line, size) <= room + FIT:
                    return at
                break
        # else give characters to the next line until the break is allowed
        for at in range(end - 1, start, -1):
            if allowed(at):
                return at
        return end  # nothing allowed (a line of marks): break where it fits

    # --- placing ------------------------------------------------------------------------------

    def _place(self, x0: float, units: list[_Unit], room: float, full: bool, font: str,
               size: float, space: float) -> Row:
        """Runs of a line starting at x0; a `full` line fills `room` exactly."""
        if not units:
            return []
        count = len(units)
        natural = sum(u.width for u in units) + space * (count - 1)
        gap = space
        squeeze = [0.0] * count  # taken off before (left marks) or after (right marks) a unit
        if full and count > 1:
            spare = room - natural
            if spare >= 0:
                gap = space + spare / (count - 1)
            else:
                marks = [i for i, u in enumerate(units) if _squeezes(u, i, count)]
                each = min(-spare / len(marks), size / 2) if marks else 0.0
                for i in marks:
                    squeeze[i] = each
        if gap == space and not any(squeeze):  # spaced as set: one run (most lines)
            return [Run(x0, font, size, space, "".join(u.text for u in units))]
        runs: Row = []
        growing: Run | None = None  # a run of single characters spaced by `gap`
        x = x0
        for i, u in enumerate(units):
            if squeeze[i] and u.text in SQUEEZE_LEFT:
                x -= squeeze[i]
                growing = None
            if not u.single:  # a number or word: its own run, at the base spacing
                runs.append(Run(x, font, size, space, u.text))
                growing = None
            elif growing is None:
                growing = Run(x, font, size, gap, u.text)
                runs.append(growing)
            else:
                growing.text += u.text
            x += u.width + gap
            if squeeze[i] and u.text in SQUEEZE_RIGHT:
                x -= squeeze[i]
                growing = None
        return runs

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
            font = {"heading": f.heading, "subheading": f.subheading}.get(style, f.body)
        if style in ("title", "center", "right"):
            rows = []
            for _indent, units, _full in self._lines(text, font, size, space, BLOCK_W, 0.0):
                line = "".join(u.text for u in units)
                w = self.extent(line, font, size, space)
                x = LEFT + (BLOCK_W - w) / 2 if style != "right" else LEFT + BLOCK_W - w - 2 * CELL
                rows.append(self._place(x, units, w, False, font, size, space))
            return rows
        indent = 0.0 if style == "plain" else 2 * CELL
        return [self._place(LEFT + ind, units, BLOCK_W - ind, full, font, size, space)
                for ind, units, full in self._lines(text, font, size, space, BLOCK_W, indent)]

    def _centred(self, text: str, centre: float, width: float) -> list[Row]:
        f = self.fonts
        rows = []
        for _indent, units, _full in self._lines(text, f.body, BODY_SIZE, BODY_SPACE, width, 0):
            line = "".join(u.text for u in units)
            w = self.extent(line, f.body, BODY_SIZE, BODY_SPACE)
            rows.append(self._place(centre - w / 2, units, w, False, f.body, BODY_SIZE,
                                    BODY_SPACE))
        return rows

    def signature_chunks(self, item: Signatures) -> list[Chunk]:
        """One kept chunk per row of parties, each party centred in its column (two columns:
        甲方 left, 乙方 right, then on down; one column: at the right), the rows far enough
        apart for each party's seal."""
        col_w = BLOCK_W / 2
        if item.columns == 2:
            centres = (LEFT + col_w / 2, LEFT + col_w * 1.5)
        else:
            centres = (LEFT + col_w * 1.5,)
        groups = [item.parties[i:i + len(centres)]
                  for i in range(0, len(item.parties), len(centres))]
        chunks: list[Chunk] = []
        above = 0  # lines of the shortest party of the row above, 0 for the first row
        for group in groups:
            columns = []
            for centre, party in zip(centres, group, strict=False):
                columns.append([row for line in party
                                for row in self._centred(line, centre, col_w - 2 * CELL)])
            height = max(len(c) for c in columns)
            shortest = min(len(c) for c in columns)
            rows: list[Row] = [[] for _ in range(height)]
            for lines in columns:
                for i, row in enumerate(lines):
                    rows[i].extend(row)
            gap = 1 if not above else seal_gap_rows(above, shortest)
            chunks.extend(Chunk([[]], blank=True) for _ in range(gap))
            chunks.append(Chunk(rows, keep=True))
            above = shortest
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


def _strip(units: list[_Unit]) -> list[_Unit]:
    while units and units[-1].text.isspace():
        units = units[:-1]
    return units


def _squeezes(unit: _Unit, index: int, count: int) -> bool:
    """A mark whose blank half may go: inside the line, so that the first and the last
    character keep their whole box inside the block."""
    return ((unit.text in SQUEEZE_RIGHT and index < count - 1)
            or (unit.text in SQUEEZE_LEFT and index > 0))


def _squeezable(units: list[_Unit], size: float) -> float:
    return sum(size / 2 for i, u in enumerate(units) if _squeezes(u, i, len(units)))


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
