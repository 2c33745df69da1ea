"""The county report as a PDF: the figures as tables and sentences, each beside the same period
of last year, the five-year, per-township and quarterly charts drawn with reportlab.graphics, all
in the bundled Ming face (subset-embedded).

The canvas starts in that face too (`initialFontName`), so no non-embedded standard font is ever
referenced and the file prints the same on any PC.
"""

from __future__ import annotations

import math
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

import pairing_desktop
from pairing_desktop.core.activities.types import NUMBER_FIELDS
from pairing_desktop.core.duties.checks import STATUS_LABELS
from pairing_desktop.core.font_files import font_file
from pairing_desktop.core.reports.figures import KindFigure, Report, format_number
from pairing_desktop.core.reports.layout import (
    COMPARE_HEADERS,
    KIND_HEADERS,
    VILLAGE_HEADERS,
    chart_townships,
    comparison_row,
    comparisons,
    kind_row,
    problem_rows,
    village_rows,
)

FONT = "PD-uming-0"  # the letters' name for the same face, so both share one registration
WIDTH = A4[0] - 36 * mm


def register_font() -> str:
    """Register the bundled AR PL UMing (face 0 of the TTC) once per process."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        path = font_file("uming.ttc")
        pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    return FONT


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=16, wordWrap="CJK",
                          firstLineIndent=21)
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=26, alignment=TA_CENTER,
                                firstLineIndent=0, spaceAfter=4),
        "sub": ParagraphStyle("sub", parent=base, fontSize=10.5, alignment=TA_CENTER,
                              firstLineIndent=0, spaceAfter=8),
        "h": ParagraphStyle("h", parent=base, fontSize=13, leading=20, firstLineIndent=0,
                            spaceBefore=10, spaceAfter=4),
        "body": base,
        "note": ParagraphStyle("note", parent=base, fontSize=9, leading=13, firstLineIndent=0),
    }


def _table(rows: list[list], widths: list[float], label_cols: tuple[int, ...] = ()) -> Table:
    """A ruled table; a label too long for its cell is set smaller rather than wrapped, so each
    row stays one line (and reads back as one line of text)."""
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        *(("ALIGN", (c, 1), (c, -1), "LEFT") for c in label_cols),
    ]
    rows = [list(row) for row in rows]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            text, room = str(cell), widths[c] - 8
            width = pdfmetrics.stringWidth(text, FONT, 9)
            if width <= room:
                continue
            size = max(5.5, 9 * room / width)
            while pdfmetrics.stringWidth(text, FONT, size) > room:
                text = text[:-2] + "…"
                row[c] = text
            commands.append(("FONTSIZE", (c, r), (c, r), size))
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(commands))
    return table


def _kinds_table(kinds: list[KindFigure]) -> Table:
    first, count, total = 46 * mm, 11 * mm, 22 * mm
    rest = (WIDTH - first - count - total) / len(NUMBER_FIELDS)
    rows = [list(KIND_HEADERS)] + [kind_row(k) for k in kinds]
    return _table(rows, [first, count, total] + [rest] * len(NUMBER_FIELDS), label_cols=(0,))


def nice_step(raw: float) -> int:
    """The axis step of 1, 2 or 5 times a power of ten nearest above `raw` (at least 1)."""
    if raw <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(raw))
    return int(next(m * magnitude for m in (1, 2, 5, 10) if raw <= m * magnitude))


def _bars(title: str, labels: list[str], values: list[float], height: float = 62 * mm,
          angle: int = 0) -> Drawing:
    drawing = Drawing(WIDTH, height)
    drawing.initialFontName = FONT  # else the renderer starts in (non-embedded) Helvetica
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 22 * mm if angle else 10 * mm
    chart.width, chart.height = WIDTH - 16 * mm, height - chart.y - 10 * mm
    chart.data = [values or [0]]
    chart.categoryAxis.categoryNames = labels or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    if angle:
        chart.categoryAxis.labels.angle = angle
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    top = max(values or [0])
    step = nice_step(top / 5)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, max(step, math.ceil(top / step) * step)
    chart.valueAxis.valueStep = step
    chart.bars[0].fillColor = colors.HexColor("#4a78a8")
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6
    chart.barLabelFormat = "%d"
    chart.barLabels.nudge = 5
    drawing.add(chart)
    drawing.add(String(WIDTH / 2, height - 6 * mm, title, fontName=FONT, fontSize=10,
                       textAnchor="middle"))
    return drawing


def _page_number(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 9)
    canvas.drawCentredString(A4[0] / 2, 10 * mm, f"— {doc.page} —")
    canvas.restoreState()


def write_pdf(report: Report, path: str | Path) -> Path:
    """Lay the report out on A4 pages and write it to `path`."""
    register_font()
    style = _styles()
    path = Path(path)
    story: list = [
        Paragraph(f"{report.title}城乡共建新农村党建“1+1”结对帮扶工作统计报告", style["title"]),
        Paragraph(f"统计期间：{report.period_text}", style["sub"]),
        Paragraph("一、帮扶网络", style["h"]),
    ]
    net = [[label, f"{format_number(value)}{measure}"] for label, value, measure in report.network]
    half = (len(net) + 1) // 2
    left, right = net[:half], net[half:] + [["", ""]] * (half - len(net[half:]))
    grid = [["项目", "数量", "项目", "数量"]] + [a + b for a, b in zip(left, right, strict=True)]
    story.append(_table(grid, [WIDTH * 0.32, WIDTH * 0.18] * 2, label_cols=(0, 2)))
    story.append(Spacer(1, 6))
    story.append(_table([list(VILLAGE_HEADERS), *village_rows(report)],
                        [WIDTH * 0.4, WIDTH * 0.3, WIDTH * 0.3], label_cols=(0,)))

    for heading, kinds in (("二、帮扶活动", report.activities), ("三、帮扶成效", report.outcomes)):
        story.append(Paragraph(heading, style["h"]))
        done = [k for k in kinds if k.records]
        text = "，".join(k.headline_text for k in done) if done else "本期没有记录"
        story.append(Paragraph(f"{report.period_text}，{text}。", style["body"]))
        story.append(Spacer(1, 4))
        story.append(_kinds_table(kinds))

    story.append(Paragraph("四、与上年同期比较", style["h"]))
    story.append(Paragraph(f"上年同期：{report.previous_text}。只列两期之一有数的项目。",
                           style["body"]))
    compared = [comparison_row(*row) for row in comparisons(report) if row[1] or row[2]]
    story.append(_table([list(COMPARE_HEADERS), *compared],
                        [WIDTH * 0.46, WIDTH * 0.18, WIDTH * 0.18, WIDTH * 0.18],
                        label_cols=(0,)))
    if report.trend:
        years = "、".join(str(y) for y, *_ in report.trend)
        story.append(KeepTogether([Spacer(1, 6), _bars(
            f"近五年同期帮扶活动次数（有记录的年份：{years}）",
            [f"{y}年" for y, *_ in report.trend], [n for _y, n, _m in report.trend])]))

    shown = chart_townships(report)
    title = "各乡镇帮扶活动次数" + (f"（活动最多的{len(shown)}个）"
                                    if len(shown) < len(report.by_township) else "")
    story.append(KeepTogether([
        Paragraph("五、分乡镇情况", style["h"]),
        _bars(title, [r[0] for r in shown], [r[1] for r in shown],
              height=72 * mm, angle=45 if len(shown) > 6 else 0)]))
    rows = [["乡镇", "活动次数", "投入资金（元）", "开展活动的结对"]] + [
        [n, format_number(c), format_number(m), format_number(p)]
        for n, c, m, p in report.by_township]
    story.append(_table(rows, [WIDTH * 0.34, WIDTH * 0.22, WIDTH * 0.22, WIDTH * 0.22],
                        label_cols=(0,)))

    story.append(KeepTogether([
        Paragraph("六、季度趋势", style["h"]),
        _bars("各季度帮扶活动次数", [r[0] for r in report.by_quarter],
              [r[1] for r in report.by_quarter])]))

    rows = [["职责", "应查", "已完成", "未到期", "逾期/不足"]] + [
        [label, *(format_number(v) for v in values)] for label, *values in report.duties]
    counted = [Paragraph(f"{duty}计入：{'、'.join(names) or '（无）'}", style["note"])
               for duty, names in report.duty_kinds]
    story.append(KeepTogether([
        Paragraph("七、职责落实情况", style["h"]),
        _table(rows, [WIDTH * 0.36] + [WIDTH * 0.16] * 4, label_cols=(0,)),
        Spacer(1, 3), *counted]))
    problems = problem_rows(report.compliance, limit=40) if report.compliance else []
    if problems:
        story.append(Spacer(1, 6))
        story.append(Paragraph(f"逾期或不足的事项（前{len(problems)}项，完整清单见工作簿）",
                               style["body"]))
        rows = [["对象", "职责", "期间", "应完成", "已完成", "情况"]] + [
            [r[1], r[2], r[3], r[4], r[5], STATUS_LABELS.get(r[6], r[6])
             + (f"（自{r[7]}）" if r[7] else "")] for r in problems]
        story.append(_table(rows, [WIDTH * 0.34, WIDTH * 0.12, WIDTH * 0.14, WIDTH * 0.09,
                                   WIDTH * 0.09, WIDTH * 0.22], label_cols=(0, 1, 2, 5)))

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=18 * mm,
                            title=f"{report.title}结对帮扶工作统计报告（{report.period_text}）",
                            author="pairing_desktop", initialFontName=FONT,
                            creator=f"pairing-desktop {pairing_desktop.__version__}")
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return path
