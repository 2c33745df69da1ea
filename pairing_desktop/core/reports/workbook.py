"""The county report as an .xlsx workbook: one sheet of figures, one sheet per underlying list.

The lists are the records behind the figures (the network, the villages, every activity of the
period, the duty checks), each figure's records in one run of rows that the figure links to, so
a reader can check any figure by following its link. Numbers are written as numbers, not text,
so Excel can sum them again.

Written with XlsxWriter in constant-memory mode and formatted as the exchange export is (bold
filled header, frozen header row, autofilter, widths that fit, thousands separators, dates as
dates), through the export's own cell writer and formats (`core.exchange.exporter`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pairing_desktop
from pairing_desktop.core.activities.types import NUMBER_FIELDS, NUMBER_LABELS
from pairing_desktop.core.duties.checks import (
    EXTRA_LABELS,
    STATUS_LABELS,
    UNASSIGNED_SQL,
    DutyRow,
)
from pairing_desktop.core.exchange.exporter import (
    MAX_WIDTH,
    WIDTH_SAMPLE,
    _new_book,
    _Styles,
    _width,
    _write,
)
from pairing_desktop.core.reports.behind import (
    ACTIVITY_HEADERS,
    ACTIVITY_ROWS,
    NETWORK_HEADERS,
    NETWORK_ROWS,
    VILLAGE_HEADERS,
    VILLAGE_ROWS,
    village_order,
)
from pairing_desktop.core.reports.figures import ALL_VILLAGES, Report, period_params, query_rows
from pairing_desktop.core.reports.layout import PROBLEM_HEADERS, problem_rows
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger

FIGURES_SHEET = "报告数字"
NETWORK_SHEET = "帮扶网络明细"
VILLAGES_SHEET = "村"
ACTIVITIES_SHEET = "活动明细"
PAIRING_DUTIES_SHEET = "结对职责"
CADRE_DUTIES_SHEET = "干部职责"
PROBLEMS_SHEET = "职责问题"
# the order of the duty summary (figures.duty_summary), so each duty's rows lie together
DUTY_ORDER = ("research", "training", "project", "activity", "visit", "quota", "target",
              "stationed")
MONEY_HEADINGS = frozenset({NUMBER_LABELS["money_yuan"], "投入资金（元）"})

Run = tuple[str, int, int, int]  # sheet, first and last Excel row, columns


class _Formats:
    """The export's formats, with the few a report adds (sections, counts, links)."""

    def __init__(self, book: Any):
        self.styles = _Styles(book)
        self.count = book.add_format({"num_format": "#,##0"})
        self.amount = book.add_format({"num_format": "#,##0.##"})
        self.section = book.add_format({"bold": True, "font_size": 12})
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.link = book.add_format({"font_color": "blue", "underline": 1})

    def number(self, heading: str) -> Any:
        return self.styles.money if heading in MONEY_HEADINGS else self.amount


class _ListSheet:
    """A list sheet formatted as the export's: header, widths from a sample, frozen header,
    autofilter; rows written in one pass (constant memory)."""

    def __init__(self, book: Any, formats: _Formats, name: str, headers: Sequence[str]):
        self.name = name
        self.sheet = book.add_worksheet(name)
        self.formats = formats
        self.headers = list(headers)
        # columns of dates read as text (日期, 开始日期, 逾期起始日): written as dates
        self.dates = {c for c, h in enumerate(self.headers) if h.endswith(("日期", "起始日"))}
        self.rows = 0

    def write(self, rows: Sequence[Sequence[Any]]) -> None:
        """Every row at once: the widths must be set before the first row is streamed."""
        styles = self.formats.styles
        widths = [max(_width(h) + 2, 8) for h in self.headers]
        for row in rows[:WIDTH_SAMPLE]:
            for c, value in enumerate(row):
                if value is not None:
                    shown = value if isinstance(value, str) else f"{value:,}" if isinstance(
                        value, (int, float)) else str(value)
                    widths[c] = max(widths[c], _width(shown) + 2)
        for c, width in enumerate(widths):
            self.sheet.set_column(c, c, min(width, MAX_WIDTH))
        self.sheet.set_row(0, 24)
        for c, heading in enumerate(self.headers):
            self.sheet.write_string(0, c, heading, styles.header)
        self.sheet.freeze_panes(1, 0)
        for row in rows:
            self.rows += 1
            for c, value in enumerate(row):
                if c in self.dates and isinstance(value, str):
                    value = dt.date.fromisoformat(value)
                fmt = None
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    fmt = self.formats.number(self.headers[c])
                _write(self.sheet, self.rows, c, value, styles, fmt)
        self.sheet.autofilter(0, 0, max(self.rows, 1), len(self.headers) - 1)

    def run(self, first: int, last: int) -> Run:
        """Data rows first..last (0-based, as written) as Excel rows."""
        return self.name, first + 2, last + 2, len(self.headers)


def _runs(keys: Sequence[Any]) -> dict[Any, tuple[int, int]]:
    """key -> (first, last) index of each run of equal keys."""
    runs: dict[Any, tuple[int, int]] = {}
    for i, key in enumerate(keys):
        first = runs.get(key, (i, i))[0]
        runs[key] = (first, i)
    return runs


def _link_text(run: Run) -> str:
    sheet, first, last, _ = run
    return f"{sheet} 第{first}行" if first == last else f"{sheet} 第{first}–{last}行"


def _column_letter(n: int) -> str:
    letters = ""
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def link_target(run: Run) -> str:
    """The internal link of a run: 'sheet'!A{first}:{last column}{last}."""
    sheet, first, last, columns = run
    return f"internal:'{sheet}'!A{first}:{_column_letter(columns)}{last}"


@uses_ledger
def write_workbook(ledger: Ledger, report: Report, path: str | Path) -> Path:
    """The figures, then the lists behind them, read from the ledger as the file is written."""
    path = Path(path)
    book = _new_book(path)
    # the author is the file's creator property: which version of the program made it
    book.set_properties({"title": f"{report.title}结对帮扶工作统计（{report.period_text}）",
                         "author": f"pairing-desktop {pairing_desktop.__version__}"})
    formats = _Formats(book)
    figures = book.add_worksheet(FIGURES_SHEET)  # first, though written last
    tw = report.township_id.hex if report.township_id else None
    params = period_params(report.date_from, report.date_to, tw)
    links: dict[tuple[str, str], Run] = {}

    sheet = _ListSheet(book, formats, NETWORK_SHEET, ("项目", *NETWORK_HEADERS))
    rows: list[tuple] = []
    for label, _value, _measure in report.network:
        first = len(rows)
        rows += [(label, *r[1:]) for r in query_rows(NETWORK_ROWS[label], params)]
        if len(rows) > first:
            links[("network", label)] = sheet.run(first, len(rows) - 1)
    sheet.write(rows)

    sheet = _ListSheet(book, formats, VILLAGES_SHEET, VILLAGE_HEADERS)
    classes = [c for c, *_ in report.villages if c != ALL_VILLAGES]
    rows = [r[1:] for r in query_rows(VILLAGE_ROWS.format(order=village_order(classes)),
                                      {**params, "cls": None, "paired": None})]
    for (cls, paired), (first, last) in _runs([(r[2], r[3]) for r in rows]).items():
        if paired == "是":
            links[("paired", cls)] = sheet.run(first, last)
    for cls, (first, last) in _runs([r[2] for r in rows]).items():
        links[("villages", cls)] = sheet.run(first, last)
    if rows:
        links[("villages", ALL_VILLAGES)] = sheet.run(0, len(rows) - 1)
        paired_rows = [i for i, r in enumerate(rows) if r[3] == "是"]
        if paired_rows:  # not one run across classes: the whole list, filtered by the reader
            links[("paired", ALL_VILLAGES)] = sheet.run(0, len(rows) - 1)
    sheet.write(rows)

    sheet = _ListSheet(book, formats, ACTIVITIES_SHEET, ACTIVITY_HEADERS)
    rows = [r[1:] for r in query_rows(ACTIVITY_ROWS, {**params, "code": None})]
    for name, (first, last) in _runs([r[6] for r in rows]).items():
        links[("kind", name)] = sheet.run(first, last)
    sheet.write(rows)

    sheet = _ListSheet(book, formats, "分乡镇", ("乡镇", "活动次数", "投入资金（元）",
                                                 "开展活动的结对"))
    sheet.write(report.by_township)
    sheet = _ListSheet(book, formats, "分季度", ("季度", "活动次数", "投入资金（元）"))
    sheet.write(report.by_quarter)
    links.update(_duty_sheets(book, formats, report, tw))

    _write_figures(figures, formats, report, links)
    book.close()
    return path


def _by_duty(rows: Sequence[DutyRow]) -> list[DutyRow]:
    order = {d: i for i, d in enumerate(DUTY_ORDER)}
    return sorted(rows, key=lambda r: order.get(r.duty, len(order)))  # stable: keeps the order


def _duty_sheets(book: Any, formats: _Formats, report: Report, tw: str | None
                 ) -> dict[tuple[str, str], Run]:
    links: dict[tuple[str, str], Run] = {}
    compliance = report.compliance
    if compliance is None:
        return links
    sheet = _ListSheet(book, formats, PAIRING_DUTIES_SHEET, (
        "乡镇", "帮扶单位", "结对", "职责", "期间", "应完成", "已完成", "情况", "截止日期",
        "逾期起始日"))
    duties = _by_duty([*compliance.pairings, *compliance.targets, *compliance.stationed])
    for label, (first, last) in _runs([r.duty_label for r in duties]).items():
        links[("duty", label)] = sheet.run(first, last)
    sheet.write([(r.township, r.unit, r.subject, r.duty_label, r.period, r.due, r.done,
                  STATUS_LABELS[r.status], r.due_by, r.overdue_since) for r in duties])
    sheet = _ListSheet(book, formats, CADRE_DUTIES_SHEET, (
        "单位", "干部（职级）", "职责", "期间", "应完成", "已完成", "情况"))
    cadres = _by_duty(compliance.cadres)
    for label, (first, last) in _runs([r.duty_label for r in cadres]).items():
        links[("duty", label)] = sheet.run(first, last)
    sheet.write([(r.unit, r.subject, r.duty_label, r.period, r.due, r.done,
                  STATUS_LABELS[r.status]) for r in cadres])

    sheet = _ListSheet(book, formats, PROBLEMS_SHEET, PROBLEM_HEADERS)
    rows = [(*row[:6], STATUS_LABELS.get(row[6], row[6]), row[7] or None)
            for row in problem_rows(compliance)]
    unassigned = query_rows(UNASSIGNED_SQL, {"asof": compliance.as_of.isoformat(), "tw": tw})
    if unassigned:
        links[("duty", EXTRA_LABELS["unassigned"])] = sheet.run(
            len(rows), len(rows) + len(unassigned) - 1)
    rows += [(township, subject, EXTRA_LABELS["unassigned"], "当前", 1, 0,
              STATUS_LABELS["overdue"], None) for _id, township, subject in unassigned]
    sheet.write(rows)
    return links


def _write_figures(ws: Any, formats: _Formats, report: Report,
                   links: dict[tuple[str, str], Run]) -> None:
    styles = formats.styles
    row = 0

    def line(values: Sequence[Any], link: Run | None = None, header: bool = False) -> None:
        nonlocal row
        for c, value in enumerate(values):
            if header:
                ws.write_string(row, c, str(value), styles.header)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                ws.write_number(row, c, value, formats.amount)
            else:
                _write(ws, row, c, value, styles)
        if link is not None:
            ws.write_url(row, len(values), link_target(link), formats.link, _link_text(link))
        elif not header and values:
            ws.write_string(row, len(values), "（无记录）")
        row += 1

    def heading(text: str) -> None:
        nonlocal row
        ws.write_string(row, 0, text, formats.section)
        row += 1

    ws.set_column(0, 0, 40)
    ws.set_column(1, 13, 13)
    ws.write_string(row, 0, f"{report.title}城乡共建“1+1”结对帮扶工作统计（{report.period_text}）",
                    formats.title)
    row += 1
    ws.write_string(row, 0, f"上年同期：{report.previous_text}；“明细”列链接到该数所依据的记录行。")
    row += 2

    heading("一、帮扶网络")
    line(["项目", "数量", "单位", "上年同期", "增减", "明细"], header=True)
    for (label, value, measure), before in zip(report.network, report.previous_network,
                                               strict=True):
        line([label, value, measure, before, value - before], links.get(("network", label)))
    row += 1
    heading("村（按贫困类别）")
    line(["贫困类别", "村数", "其中结对帮扶", "上年同期结对帮扶", "增减", "明细", "结对帮扶的村"],
         header=True)
    for (cls, n, paired), (_c, _n, paired0) in zip(report.villages, report.previous_villages,
                                                   strict=True):
        if ("paired", cls) in links:  # the row's second link, before its cells are streamed
            ws.write_url(row, 6, link_target(links[("paired", cls)]), formats.link,
                         _link_text(links[("paired", cls)]))
        line([cls, n, paired, paired0, paired - paired0], links.get(("villages", cls)))

    for title, kinds in (("二、帮扶活动", report.activities), ("三、帮扶成效", report.outcomes)):
        row += 1
        heading(title)
        line(["类型", "次数", "合计", "单位", *(NUMBER_LABELS[n] for n in NUMBER_FIELDS),
              "上年同期", "增减", "明细"], header=True)
        for k in kinds:
            line([k.name, k.records, k.headline_value, k.unit,
                  *(k.sums[n] if n in k.measures else None for n in NUMBER_FIELDS),
                  k.previous_value, k.headline_value - k.previous_value],
                 links.get(("kind", k.name)))

    row += 1
    heading("四、职责落实情况")
    line(["职责", "应查", "已完成", "未到期", "逾期/不足", "明细"], header=True)
    for label, *values in report.duties:
        line([label, *values], links.get(("duty", label)))
    row += 1
    for duty, names in report.duty_kinds:
        ws.write_string(row, 0, f"{duty}计入的活动类型")
        ws.write_string(row, 1, "、".join(names) or "（无）")
        row += 1

    row += 1
    heading("五、近五年同期")
    line(["年份", "活动次数", "投入资金（元）"], header=True)
    for year, count, money in report.trend:
        ws.write_number(row, 0, year)
        ws.write_number(row, 1, count, formats.count)
        ws.write_number(row, 2, money, styles.money)
        row += 1
