"""Checking written letters against GB/T 9704-2012 by measuring the PDF, as an office would.

Every character is read back from the file with pdfium (its origin, advance box, size and font):
the page size, the margins, the width of the text block, the line pitch and the 28 characters a
line, the fonts (embedded, and the face each role was meant to have), the sizes and the page
numbers. Each point is reported with what was measured, what the standard asks and pass/fail.
Contact cards are not a 公文: for them the sheet, the cards' margins, the fonts and sizes.
"""

from __future__ import annotations

import ctypes
import itertools
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
from reportlab.lib.units import mm

from pairing_desktop.core.letters.fonts import FontChoice


class L:
    """What GB/T 9704-2012 asks, stated here on its own: the check measures the letters against
    the standard, not against the numbers the layout happens to use."""

    PAGE_W, PAGE_H = 210 * mm, 297 * mm
    LEFT, TOP = 28 * mm, 37 * mm
    BLOCK_W, BLOCK_H = 156 * mm, 225 * mm
    LINES, CHARS = 22, 28
    PITCH = BLOCK_H / LINES
    TITLE_SIZE, BODY_SIZE, PAGE_NO_SIZE = 22.0, 16.0, 14.0  # 2号, 3号, 4号
    CELL = BLOCK_W / CHARS


TOLERANCE = 1 * mm  # GB/T 9704 allows ±1 mm on the margins
FINE = 0.3 * mm  # a line's ends and the block's width: measured to a third of a millimetre
CARD_PAD = 10 * mm


@dataclass(slots=True)
class Glyph:
    char: str
    x: float  # origin
    y: float  # baseline
    right: float  # origin + advance (without character spacing)
    bottom: float
    top: float
    size: float
    font: str  # the PDF font's name without ReportLab's subset number: "UMingCN"
    embedded: bool


@dataclass
class Line:
    """Glyphs of one size on one baseline with no wide gap between them."""

    glyphs: list[Glyph]

    @property
    def text(self) -> str:
        return "".join(g.char for g in self.glyphs)

    @property
    def left(self) -> float:
        return self.glyphs[0].x

    @property
    def right(self) -> float:
        return self.glyphs[-1].right

    @property
    def y(self) -> float:
        return self.glyphs[0].y

    @property
    def size(self) -> float:
        return self.glyphs[0].size

    @property
    def centre_y(self) -> float:
        return (min(g.bottom for g in self.glyphs) + max(g.top for g in self.glyphs)) / 2


@dataclass
class Page:
    number: int  # from 1
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)


@dataclass(frozen=True)
class CheckPoint:
    name: str
    value: str  # what was measured
    expected: str  # what GB/T 9704 (or the card's design) asks
    ok: bool

    def __str__(self) -> str:
        mark = "通过" if self.ok else "不通过"
        return f"[{mark}] {self.name}：{self.value}（应为 {self.expected}）"


def _mm(points: float) -> str:
    return f"{points / mm:.1f} mm"


def read_pdf(path: Path) -> list[Page]:
    """Every page's lines of text, measured with pdfium."""
    document = pypdfium2.PdfDocument(str(path))
    pages = []
    try:
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            text = page.get_textpage()
            glyphs = _glyphs(text)
            text.close()
            page.close()
            pages.append(Page(index + 1, width, height, _lines(glyphs)))
    finally:
        document.close()
    return pages


def _glyphs(text: pypdfium2.PdfTextPage) -> list[Glyph]:
    raw = text.raw
    x, y = ctypes.c_double(), ctypes.c_double()
    rect = pdfium_c.FS_RECTF()
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    fonts: dict[int, tuple[str, bool]] = {}
    out = []
    for i in range(text.count_chars()):
        if pdfium_c.FPDFText_IsGenerated(raw, i):
            continue
        char = chr(pdfium_c.FPDFText_GetUnicode(raw, i))
        if char.isspace():
            continue
        pdfium_c.FPDFText_GetCharOrigin(raw, i, x, y)
        pdfium_c.FPDFText_GetLooseCharBox(raw, i, rect)
        obj = pdfium_c.FPDFText_GetTextObject(raw, i)
        font = pdfium_c.FPDFTextObj_GetFont(obj)
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        if key not in fonts:
            pdfium_c.FPDFText_GetFontInfo(raw, i, name, len(name), flags)
            base = re.sub(r"^[A-Z]{6}\+|-\d+$", "", name.value.decode("latin-1"))
            fonts[key] = (base, bool(pdfium_c.FPDFFont_GetIsEmbedded(font)))
        base, embedded = fonts[key]
        out.append(Glyph(char, x.value, y.value, rect.right, rect.bottom, rect.top,
                         round(pdfium_c.FPDFText_GetFontSize(raw, i), 2), base, embedded))
    return out


def _lines(glyphs: list[Glyph]) -> list[Line]:
    rows: dict[tuple[float, float], list[Glyph]] = defaultdict(list)
    for g in glyphs:
        rows[(round(g.y * 2) / 2, g.size)].append(g)
    lines = []
    for (_y, _size), row in sorted(rows.items(), key=lambda item: (-item[0][0], item[0][1])):
        row.sort(key=lambda g: g.x)
        current = [row[0]]
        for g in row[1:]:
            if g.x - current[-1].right > 2 * g.size:  # a wide gap: another column
                lines.append(Line(current))
                current = []
            current.append(g)
        lines.append(Line(current))
    return lines


# --- GB/T 9704 letters ----------------------------------------------------------------------------

_PAGE_NO = re.compile(r"^—(\d+)—$")


def _is_page_number(line: Line) -> bool:
    return abs(line.size - L.PAGE_NO_SIZE) < 0.1 and bool(_PAGE_NO.match(line.text))


def _block_lines(page: Page) -> list[Line]:
    """The lines set in the text block: body and title sizes (not the code, not page numbers)."""
    return [ln for ln in page.lines if ln.size >= L.BODY_SIZE - 0.1 and not _is_page_number(ln)]


def _full_width(char: str) -> bool:
    return ord(char) >= 0x2E80 or char in "—…“”‘’"


def check_letter(pages: list[Page], fonts: list[FontChoice] | None = None) -> list[CheckPoint]:
    """The format points of one GB/T 9704 letter (all its pages)."""
    points = [_page_size(pages)]
    body = [(p, ln) for p in pages for ln in _block_lines(p)]
    if not body:
        return [*points, CheckPoint("正文", "没有找到正文文字", "有正文", False)]
    block_top = pages[0].height - L.TOP
    block_bottom = block_top - L.BLOCK_H

    lefts = [ln.left for _p, ln in body if ln.size == L.BODY_SIZE]
    left = min(lefts)
    points.append(CheckPoint("版心左边距（订口）", _mm(left), "28 mm ± 1 mm",
                             abs(left - L.LEFT) <= TOLERANCE))
    right = max(ln.right for _p, ln in body)
    width = right - left
    points.append(CheckPoint("版心宽度（最宽一行）", _mm(width), "156 mm，不超出版心",
                             abs(width - L.BLOCK_W) <= FINE))
    tops = []
    for page in pages:
        lines = _block_lines(page)
        if lines:  # the first line sits centred in the first row of the grid
            first = max(lines, key=lambda ln: ln.y)
            tops.append(page.height - first.y - (L.PITCH + 0.7 * first.size) / 2)
    top = max(tops, key=lambda t: abs(t - L.TOP))
    points.append(CheckPoint("天头（上边距）", _mm(top), "37 mm ± 1 mm",
                             abs(top - L.TOP) <= TOLERANCE))
    outside = [ln.text for _p, ln in body
               if ln.left < L.LEFT - FINE or ln.right > L.LEFT + L.BLOCK_W + FINE
               or max(g.top for g in ln.glyphs) > block_top + FINE
               or min(g.bottom for g in ln.glyphs) < block_bottom - FINE]
    points.append(CheckPoint("文字在版心内", f"{len(outside)}行超出" + (
        f"（{outside[0][:12]}…）" if outside else ""), "156 mm × 225 mm 版心内", not outside))

    points.extend(_grid(pages))
    points.extend(_sizes(pages))
    points.extend(_fonts(pages, fonts))
    points.append(_page_numbers(pages))
    return points


def _page_size(pages: list[Page]) -> CheckPoint:
    sizes = {(round(p.width / mm), round(p.height / mm)) for p in pages}
    odd = [p for p in pages if abs(p.width - L.PAGE_W) > 0.5 * mm
           or abs(p.height - L.PAGE_H) > 0.5 * mm]
    shown = "、".join(f"{w}×{h} mm" for w, h in sorted(sizes))
    return CheckPoint("纸张", shown, "A4 210×297 mm", not odd)


def _grid(pages: list[Page]) -> list[CheckPoint]:
    steps = []
    rows_used = 0
    for page in pages:
        ys = sorted({round(ln.y, 1) for ln in _block_lines(page)
                     if ln.size == L.BODY_SIZE}, reverse=True)
        for a, b in itertools.pairwise(ys):
            steps.append(a - b)
        lines = _block_lines(page)
        if lines:
            top = max(ln.y + 0.35 * ln.size for ln in lines)
            bottom = min(ln.y + 0.35 * ln.size for ln in lines)
            rows_used = max(rows_used, round((top - bottom) / L.PITCH) + 1)
    off_grid = [s for s in steps if abs(s / L.PITCH - round(s / L.PITCH)) * L.PITCH > 0.3]
    rows = [s / round(s / L.PITCH) for s in steps if round(s / L.PITCH) >= 1]
    pitch = statistics.median(rows) if rows else L.PITCH
    points = [
        CheckPoint("行距", f"{pitch / mm:.2f} mm" + (f"，{len(off_grid)}处不在网格上"
                                                     if off_grid else ""),
                   "225 mm ÷ 22 行 = 10.23 mm", abs(pitch - L.PITCH) <= 0.1 * mm and not off_grid),
        CheckPoint("每页行数", f"最多{rows_used}行", "不超过 22 行", rows_used <= L.LINES),
    ]
    pitches = []
    for page in pages:
        for ln in _block_lines(page):
            if ln.size != L.BODY_SIZE:
                continue
            for a, b in itertools.pairwise(ln.glyphs):
                if _full_width(a.char) and _full_width(b.char):
                    pitches.append(b.x - a.x)
    if pitches:
        pitch = statistics.median(pitches)
        per_line = (L.BLOCK_W + (pitch - L.BODY_SIZE)) / pitch
        points.append(CheckPoint("每行字数", f"{per_line:.1f}字（字距 {pitch / mm:.2f} mm）",
                                 "28 字", abs(per_line - L.CHARS) < 0.2))
    return points


def _title_lines(page: Page) -> list[Line]:
    """The title: the lines of the title size at the top of a letter's first page."""
    lines = sorted(_block_lines(page), key=lambda ln: -ln.y)
    title = []
    for ln in lines:
        if ln.size != lines[0].size:
            break
        title.append(ln)
    return title


def _sizes(pages: list[Page]) -> list[CheckPoint]:
    title = _title_lines(pages[0])
    first = title[0]
    count: dict[float, int] = defaultdict(int)
    for page in pages:
        for ln in _block_lines(page):
            count[ln.size] += len(ln.glyphs)
    body = max(count, key=lambda s: count[s])
    sizes = {ln.size for p in pages for ln in _block_lines(p) if all(ln is not t for t in title)}
    others = sorted(s for s in sizes if s != L.BODY_SIZE)
    return [
        CheckPoint("标题字号", f"{first.size:g} pt（{first.text[:10]}）", "2号 22 pt",
                   first.size == L.TITLE_SIZE),
        CheckPoint("正文字号", f"{body:g} pt" + (f"，另有{'、'.join(f'{s:g}' for s in others)} pt"
                                                 if others else ""),
                   "3号 16 pt", body == L.BODY_SIZE and not others),
    ]


def _fonts(pages: list[Page], fonts: list[FontChoice] | None) -> list[CheckPoint]:
    glyphs = [g for p in pages for ln in p.lines for g in ln.glyphs]
    loose = sorted({g.font for g in glyphs if not g.embedded})
    points = [CheckPoint("字体嵌入", "全部嵌入" if not loose else f"未嵌入：{'、'.join(loose)}",
                         "全部嵌入", not loose)]
    if fonts is None:
        return points
    by_role = {c.role: c for c in fonts}
    title = _title_lines(pages[0])
    used: dict[str, set[str]] = defaultdict(set)
    for page in pages:
        for ln in page.lines:
            if any(ln is t for t in title):
                used["title"] |= {g.font for g in ln.glyphs}
            elif _is_page_number(ln):
                used["page"] |= {g.font for g in ln.glyphs}
            elif ln.size == L.BODY_SIZE:
                used["text"] |= {g.font for g in ln.glyphs}
    counts: dict[str, int] = defaultdict(int)
    for page in pages:
        for ln in page.lines:
            if ln.size == L.BODY_SIZE and not any(ln is t for t in title):
                for g in ln.glyphs:
                    counts[g.font] += 1
    body = max(counts, key=lambda f: counts[f]) if counts else ""
    headings = used["text"] - {body}
    for role, found, ok in (
            ("title", used["title"], used["title"] == {by_role["title"].psname}),
            ("body", {body} - {""}, body == by_role["body"].psname),
            ("page", used["page"], used["page"] == {by_role["page"].psname})):
        choice = by_role[role]
        points.append(CheckPoint(f"字体：{choice.label}", "、".join(sorted(found)) or "未用到",
                                 f"{choice.psname}（{choice.reason}）", ok))
    allowed = {by_role["heading"].psname, by_role["subheading"].psname, by_role["body"].psname}
    points.append(CheckPoint("字体：一级、二级标题", "、".join(sorted(headings)) or "同正文",
                             f"{by_role['heading'].psname}（{by_role['heading'].reason}）、"
                             f"{by_role['subheading'].psname}（{by_role['subheading'].reason}）",
                             headings <= allowed))
    return points


def _page_numbers(pages: list[Page]) -> CheckPoint:
    block_bottom = pages[0].height - L.TOP - L.BLOCK_H
    problems = []
    for page in pages:
        numbers = [ln for ln in page.lines if _is_page_number(ln)]
        if len(numbers) != 1 or int(_PAGE_NO.match(numbers[0].text).group(1)) != page.number:
            problems.append(f"第{page.number}页无页码或页码不符")
            continue
        ln = numbers[0]
        drop = block_bottom - max(g.top for g in ln.glyphs)
        if page.number % 2:
            edge, where = L.LEFT + L.BLOCK_W - L.CELL - ln.right, "居右空一字"
        else:
            edge, where = ln.left - (L.LEFT + L.CELL), "居左空一字"
        if abs(edge) > TOLERANCE or abs(drop - 7 * mm) > TOLERANCE:
            problems.append(f"第{page.number}页页码位置偏离（{where}，距版心 {_mm(drop)}）")
    value = "每页均有 4号“— n —”" if not problems else "；".join(problems[:3])
    return CheckPoint("页码", value, "4号半角“— 1 —”，单页居右、双页居左空一字，距版心下边缘 7 mm",
                      not problems)


# --- contact cards --------------------------------------------------------------------------------


def check_cards(pages: list[Page], fonts: list[FontChoice] | None = None) -> list[CheckPoint]:
    from pairing_desktop.core.letters import render as R

    points = [_page_size(pages)]
    outside = []
    for page in pages:
        for ln in page.lines:
            col = 0 if ln.left < R.CARD_W else 1
            row = 0 if ln.y > R.CARD_H else 1
            x0, y0 = col * R.CARD_W, page.height - (row + 1) * R.CARD_H
            inside = (ln.left >= x0 + CARD_PAD - FINE
                      and ln.right <= x0 + R.CARD_W - CARD_PAD + FINE
                      and min(g.bottom for g in ln.glyphs) >= y0 + CARD_PAD - 2 * FINE
                      and max(g.top for g in ln.glyphs) <= y0 + R.CARD_H - CARD_PAD + FINE)
            if not inside:
                outside.append(ln.text[:12])
    points.append(CheckPoint("卡片边距", f"{len(outside)}行在边距外" + (
        f"（{outside[0]}…）" if outside else ""), "每张卡片四周留 10 mm", not outside))
    sizes = sorted({ln.size for p in pages for ln in p.lines})
    expected = {R.CARD_TITLE_SIZE, R.CARD_SIZE, R.CODE_SIZE, 11.0}
    points.append(CheckPoint("字号", "、".join(f"{s:g} pt" for s in sizes),
                             "标题 18 pt，正文 13 pt", set(sizes) <= expected))
    points.extend(_fonts_cards(pages, fonts))
    return points


def _fonts_cards(pages: list[Page], fonts: list[FontChoice] | None) -> list[CheckPoint]:
    glyphs = [g for p in pages for ln in p.lines for g in ln.glyphs]
    loose = sorted({g.font for g in glyphs if not g.embedded})
    points = [CheckPoint("字体嵌入", "全部嵌入" if not loose else f"未嵌入：{'、'.join(loose)}",
                         "全部嵌入", not loose)]
    if fonts is not None:
        allowed = {c.psname for c in fonts if c.role in ("title", "body")}
        found = {g.font for g in glyphs}
        points.append(CheckPoint("字体", "、".join(sorted(found)), "、".join(sorted(allowed)),
                                 found <= allowed))
    return points


# --- files ----------------------------------------------------------------------------------------


def split_letters(pages: list[Page]) -> list[list[Page]]:
    """The letters of a batch file: each begins on a page numbered 1; pages renumbered."""
    letters: list[list[Page]] = []
    for page in pages:
        number = next((int(_PAGE_NO.match(ln.text).group(1)) for ln in page.lines
                       if _is_page_number(ln)), None)
        if number == 1 or not letters:
            letters.append([])
        letters[-1].append(Page(len(letters[-1]) + 1, page.width, page.height, page.lines))
    return letters


def _merge(results: Iterable[tuple[str, list[CheckPoint]]]) -> list[CheckPoint]:
    """A point passes when it passes everywhere; a failing one names where it fails first."""
    merged: dict[str, CheckPoint] = {}
    for where, points in results:
        for point in points:
            seen = merged.get(point.name)
            if seen is None or (seen.ok and not point.ok):
                value = point.value if point.ok or not where else f"{where}：{point.value}"
                merged[point.name] = CheckPoint(point.name, value, point.expected, point.ok)
    return list(merged.values())


def check_file(path: Path, kind: str, fonts: list[FontChoice] | None = None) -> list[CheckPoint]:
    """The points of one file: every letter in it (or every sheet of cards)."""
    pages = read_pdf(path)
    if not pages:
        return [CheckPoint("页数", "0", "至少 1 页", False)]
    if kind == "card":
        return check_cards(pages, fonts)
    letters = split_letters(pages)
    return _merge((f"第{i}份" if len(letters) > 1 else "", check_letter(letter, fonts))
                  for i, letter in enumerate(letters, 1))


def check_files(paths: Iterable[Path], kind: str,
                fonts: list[FontChoice] | None = None) -> list[CheckPoint]:
    """The points over the files of a batch: a point passes when it passes in every file."""
    paths = [Path(p) for p in paths]
    return _merge((p.name if len(paths) > 1 else "", check_file(p, kind, fonts)) for p in paths)


def seal_circles(page: Page) -> list[tuple[float, float, float]]:
    """(x, y, radius) of the seal each signature block of the page has room for: a block is the
    run of lines centred on one of the two signature columns; its seal is centred on the block
    (on the name and the date under it)."""
    from pairing_desktop.core.letters.layout import SEAL_DIAMETER

    col = L.BLOCK_W / 2
    centres = (L.LEFT + col / 2, L.LEFT + col * 1.5)
    blocks: list[tuple[float, list[Line]]] = []
    for ln in sorted(page.lines, key=lambda ln: -ln.y):
        if ln.size != L.BODY_SIZE or ln.right - ln.left > col:
            continue
        mid = (ln.left + ln.right) / 2
        centre = next((c for c in centres if abs(mid - c) < 1.0), None)
        if centre is None:
            continue
        for c, lines in blocks:
            if c == centre and lines[-1].y - ln.y < L.PITCH * 1.5:
                lines.append(ln)
                break
        else:
            blocks.append((centre, [ln]))
    return [(c, (lines[0].centre_y + lines[-1].centre_y) / 2, SEAL_DIAMETER / 2)
            for c, lines in blocks if len(lines) >= 2]
