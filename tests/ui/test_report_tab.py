"""The report page shows the figures computed from the records, draws its charts, and saves the
same report as PDF and workbook."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pypdf
import pytest
from PySide6.QtCore import Qt

from pairing_desktop.core.activities import rules as activity_rules
from pairing_desktop.core.reports.export import range_report
from pairing_desktop.core.reports.figures import format_number
from pairing_desktop.core.reports.layout import compared_kind_row
from pairing_desktop.ui.tabs.report import ReportTab, SaveAs
from tests.activity_data import build_county, fill_known_year
from tests.ui.drive import click, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, host, monkeypatch):
    monkeypatch.setattr(activity_rules, "today", lambda: dt.date(2025, 12, 31))
    fill_known_year(build_county(host.ledger, started=dt.date(2024, 6, 1)))
    tab = ReportTab(host, today=lambda: dt.date(2026, 3, 1))
    qtbot.addWidget(tab)
    tab.resize(1300, 760)
    tab.show()
    tab.year.setValue(2025)
    return tab


def build(qtbot, tab: ReportTab) -> None:
    """生成报告, and wait until the report computed off the GUI thread is shown."""
    with qtbot.waitSignal(tab.built, timeout=10000):
        assert tab.build()


def save(qtbot, tab: ReportTab, suffix: str):
    """Save as, and wait until the file is written off the GUI thread."""
    with qtbot.waitSignal(tab.saved, timeout=10000) as blocker:
        chosen = tab.save(suffix)
    assert blocker.args[0] == chosen
    return chosen


def table_rows(tab: ReportTab) -> dict[str, list[str]]:
    rows = {}
    for r in range(tab.table.rowCount()):
        cells = [tab.table.item(r, c).text() if tab.table.item(r, c) else ""
                 for c in range(tab.table.columnCount())]
        rows.setdefault(cells[0], cells)
    return rows


def test_figures_and_charts(qtbot, page):
    build(qtbot, page)
    rows = table_rows(page)
    # the figure, last year's (fill_known_year has one research on 2024-12-31), the change,
    # then the records and the sums of what the kind carries
    assert rows["调研"][:6] == ["调研", "4次", "1次", "+3次（+300.0%）", "4", "14"]
    assert rows["种植蔬菜"][4] == "2" and rows["种植蔬菜"][9] == "19.75"
    assert rows["增加收入"][8] == "880,000"
    assert rows["结对帮扶村"][1] == "3个"
    assert "增加收入88万元" in page.headline.text()
    bars = page.by_township.chart().series()[0].barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [2.0, 7.0]  # 乙镇, 甲乡
    points = page.by_quarter.chart().series()[0].points()
    assert [p.y() for p in points] == [4.0, 3.0, 2.0]


def test_one_township(qtbot, page):
    page.township.setCurrentText("乙镇")
    build(qtbot, page)
    rows = table_rows(page)
    assert rows["调研"][4:6] == ["1", "4"]
    assert page.title.text().startswith("<b>乙镇")


def test_save_pdf_and_workbook(qtbot, page, tmp_path, monkeypatch):
    assert not page.save_pdf.isEnabled()
    build(qtbot, page)
    targets = iter([str(tmp_path / "报告"), str(tmp_path / "报告.xlsx")])
    monkeypatch.setattr(SaveAs, "path", classmethod(lambda cls, p, s, f: next(targets)))
    pdf = save(qtbot, page, ".pdf")
    assert pdf == tmp_path / "报告.pdf"
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages).split())
    assert " 调研 4 4次 14 " in text
    xlsx = save(qtbot, page, ".xlsx")
    sheet = openpyxl.load_workbook(xlsx)["报告数字"]
    assert any(row[:5] == ("调研", 4, 4, "次", 14) for row in sheet.iter_rows(values_only=True))
    assert "已保存" in page.message.text()
    monkeypatch.setattr(SaveAs, "path", classmethod(lambda cls, p, s, f: ""))
    assert page.save(".pdf") is None  # cancelled


def choose_custom(qtbot, tab: ReportTab, date_from: str, date_to: str) -> None:
    """Pick 自定义时段 and type both dates, as a clerk does (Chinese dates included)."""
    tab.part.setCurrentIndex(tab.part.findData("custom"))
    for field, text in ((tab.date_from, date_from), (tab.date_to, date_to)):
        field.setFocus()
        field.selectAll()
        qtbot.keyClick(field, Qt.Key.Key_Delete)
        type_text(qtbot, field, text)


def test_year_is_the_default_and_parts_fill_the_dates(qtbot, page):
    assert page.part.currentData() == "year"
    assert not page.date_from.isEnabled()
    assert (page.date_from.text(), page.date_to.text()) == ("2025-01-01", "2025-12-31")
    page.part.setCurrentIndex(page.part.findData("h1"))
    assert (page.date_from.text(), page.date_to.text()) == ("2025-01-01", "2025-06-30")
    build(qtbot, page)
    assert "（2025年1月1日至2025年6月30日）" in page.title.text()
    points = page.by_quarter.chart().series()[0].points()
    assert [p.y() for p in points] == [4.0, 3.0]  # the first half-year's two quarters


def test_custom_period_shows_that_period(qtbot, page):
    choose_custom(qtbot, page, "2025年4月1日", "2025-9-30")
    assert not page.year.isEnabled()
    with qtbot.waitSignal(page.built, timeout=10000):
        click(qtbot, page.make)
    assert "（2025年4月1日至2025年9月30日）" in page.title.text()
    rows = table_rows(page)
    # by hand: in 2025-04-01..09-30 only 红岩村's research of 5-10, with 5 people
    assert rows["调研"][4:6] == ["1", "5"]
    assert rows["种植蔬菜"][4] == "1" and rows["种植蔬菜"][9] == "12.5"
    assert rows["增加收入"][4] == "0"  # 11-11 lies after the period
    core = range_report(page.host.ledger, dt.date(2025, 4, 1), dt.date(2025, 9, 30))
    for kind in core.kinds:
        assert rows[kind.name] == compared_kind_row(kind)
    for label, value, measure in core.network:
        assert rows[label][1] == f"{format_number(value)}{measure}"
    assert core.by_quarter == page.report.by_quarter
    points = page.by_quarter.chart().series()[0].points()
    assert [p.y() for p in points] == [3.0, 2.0]  # Q2, Q3 of fill_known_year
    bars = page.by_township.chart().series()[0].barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [1.0, 4.0]  # 乙镇 project; 甲乡


def test_custom_period_saved(qtbot, page, tmp_path, monkeypatch):
    choose_custom(qtbot, page, "2025-04-01", "2025-09-30")
    with qtbot.waitSignal(page.built, timeout=10000):
        click(qtbot, page.make)
    suggested = []

    def answer(cls, parent, name, pattern):
        suggested.append(name)
        return str(tmp_path / name)

    monkeypatch.setattr(SaveAs, "path", classmethod(answer))
    pdf = save(qtbot, page, ".pdf")
    xlsx = save(qtbot, page, ".xlsx")
    assert suggested == ["全县结对帮扶统计报告20250401-20250930.pdf",
                         "全县结对帮扶统计报告20250401-20250930.xlsx"]
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages).split())
    assert "2025年4月1日至2025年9月30日" in text
    assert " 调研 1 1次 5 " in text and " 调研 4 4次 14 " not in text
    sheet = openpyxl.load_workbook(xlsx)["报告数字"]
    rows = list(sheet.iter_rows(values_only=True))
    assert "2025年4月1日至2025年9月30日" in rows[0][0]
    assert any(row[:5] == ("调研", 1, 1, "次", 5) for row in rows)
    assert not any(row[:5] == ("调研", 4, 4, "次", 14) for row in rows)


@pytest.mark.parametrize(("date_from", "date_to", "message"), [
    ("2025-09-30", "2025-04-01", "结束日期：不能早于开始日期"),
    ("2025-13-01", "2025-09-30", "开始日期：2025年13月1日不存在"),
    ("下周一", "2025-09-30", "开始日期：日期格式应为"),
    ("2025-04-01", "", "结束日期：请填写"),
])
def test_bad_period_builds_nothing(qtbot, page, date_from, date_to, message):
    choose_custom(qtbot, page, date_from, date_to)
    click(qtbot, page.make)
    assert message in page.message.text()
    assert page.report is None and page.table.rowCount() == 0 and not page.title.text()
    assert not page.save_pdf.isEnabled() and not page.save_xlsx.isEnabled()


def test_bad_period_keeps_the_report_shown(qtbot, page):
    build(qtbot, page)
    shown, title = page.report, page.title.text()
    choose_custom(qtbot, page, "2025-09-30", "2025-04-01")
    click(qtbot, page.make)
    assert page.report is shown and page.title.text() == title
    assert table_rows(page)["调研"][4:6] == ["4", "14"]
    assert "结束日期：不能早于开始日期" in page.message.text()
    assert page.date_to.hasFocus()


def test_only_the_latest_report_asked_for_is_shown(qtbot, page):
    shown = []
    page.built.connect(shown.append)
    page.township.setCurrentText("乙镇")
    assert page.build()
    page.township.setCurrentIndex(0)  # 全县, asked before 乙镇's report could arrive
    with qtbot.waitSignal(page.built, timeout=10000):
        assert page.build()
    page.computing.pool.waitForDone(10000)
    qtbot.wait(50)
    assert [report.title for report in shown] == ["全县"]
    assert page.title.text().startswith("<b>全县")


def double_click(qtbot, tab: ReportTab, label: str, column: int = 1):
    """Double-click a figure's cell as a clerk does; the window of its records opens."""
    row = tab.row_of(label)
    assert row >= 0, label
    item = tab.table.item(row, column)

    def in_view() -> bool:  # the scroll range is laid out after the table is filled
        tab.table.scrollToItem(item)
        return tab.table.viewport().rect().contains(tab.table.visualItemRect(item).center())

    qtbot.waitUntil(in_view)
    rect = tab.table.visualItemRect(item)
    with qtbot.waitSignal(tab.figure_opened, timeout=5000) as opened:
        # a double-click is a click, then the second press (QTest sends only the latter)
        qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = opened.args[0]
    qtbot.waitExposed(dialog)
    return dialog


def listed(dialog) -> list[list[str]]:
    model = dialog.list.model
    return [[model.index(r, c).data() or "" for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_double_click_opens_the_records_behind_a_figure(qtbot, page):
    build(qtbot, page)
    dialog = double_click(qtbot, page, "调研")
    rows = listed(dialog)
    assert len(rows) == 4 and {r[6] for r in rows} == {"调研"}  # the 4 of 2025, not 2024's
    assert dialog.windowTitle() == "调研（2025年度）"
    assert sorted(r[0] for r in rows) == ["2025-01-15", "2025-02-10", "2025-03-01",
                                         "2025-05-10"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc closes it
    assert not dialog.isVisible()

    dialog = double_click(qtbot, page, "一类贫困村", column=2)
    assert sorted(r[1] for r in listed(dialog)) == ["白水村", "红岩村", "青山村"]
    click(qtbot, dialog.close_button)  # and so does 关闭
    assert not dialog.isVisible()

    dialog = double_click(qtbot, page, "结对机关党员")
    assert [r[0] for r in listed(dialog)] == ["赵干事"]
    dialog.close()
    dialog = double_click(qtbot, page, "无帮扶干部")
    assert len(listed(dialog)) == 4  # 5 poor households, 刘二 has a cadre
    dialog.close()
    section = page.table.item(0, 0)
    assert section.text() == "一、帮扶网络" and page.open_figure(0) is None  # not a figure


def test_each_figure_is_shown_beside_last_year(qtbot, page):
    build(qtbot, page)  # fill_known_year has one research of 2024 (白水村, 12-31)
    rows = table_rows(page)
    assert rows["调研"][1:4] == ["4次", "1次", "+3次（+300.0%）"]
    assert rows["增加收入"][1:4] == ["88万元", "0元", "+88万元"]
    assert rows["单位–村结对"][1:4] == ["3对", "3对", "持平"]
    assert rows["一类贫困村"][1:4] == ["3个", "3个", "持平"]
    notes = [page.table.item(r, 0).text() for r in range(page.table.rowCount())
             if page.table.item(r, 0) and "计入：" in page.table.item(r, 0).text()]
    assert notes[:3] == ["调研计入：调研", "实用技术培训计入：实用技术培训", "办实事计入：办实事"]
