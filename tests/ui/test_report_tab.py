"""The report page shows the figures computed from the records, draws its charts, and saves the
same report as PDF and workbook."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pypdf
import pytest

from pairing_desktop.core.activities import rules as activity_rules
from pairing_desktop.ui.tabs.report import ReportTab, SaveAs
from tests.activity_data import build_county, fill_known_year

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, ledger, monkeypatch):
    monkeypatch.setattr(activity_rules, "today", lambda: dt.date(2025, 12, 31))
    fill_known_year(build_county(started=dt.date(2024, 6, 1)))
    tab = ReportTab(today=lambda: dt.date(2026, 3, 1))
    qtbot.addWidget(tab)
    tab.resize(1300, 760)
    tab.show()
    tab.year.setValue(2025)
    return tab


def table_rows(tab: ReportTab) -> dict[str, list[str]]:
    rows = {}
    for r in range(tab.table.rowCount()):
        cells = [tab.table.item(r, c).text() if tab.table.item(r, c) else ""
                 for c in range(tab.table.columnCount())]
        rows.setdefault(cells[0], cells)
    return rows


def test_figures_and_charts(page):
    page.build()
    rows = table_rows(page)
    assert rows["调研"][:3] == ["调研", "4", "14"]
    assert rows["种植蔬菜"][1] == "2" and rows["种植蔬菜"][6] == "19.75"
    assert rows["增加收入"][5] == "880,000"
    assert rows["结对帮扶村"][1] == "3个"
    assert "增加收入88万元" in page.headline.text()
    bars = page.by_township.chart().series()[0].barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [2.0, 7.0]  # 乙镇, 甲乡
    points = page.by_quarter.chart().series()[0].points()
    assert [p.y() for p in points] == [4.0, 3.0, 2.0]


def test_one_township(qtbot, page):
    page.township.setCurrentText("乙镇")
    page.build()
    rows = table_rows(page)
    assert rows["调研"][:3] == ["调研", "1", "4"]
    assert page.title.text().startswith("<b>乙镇")


def test_save_pdf_and_workbook(page, tmp_path, monkeypatch):
    assert not page.save_pdf.isEnabled()
    page.build()
    targets = iter([str(tmp_path / "报告"), str(tmp_path / "报告.xlsx")])
    monkeypatch.setattr(SaveAs, "path", classmethod(lambda cls, p, s, f: next(targets)))
    pdf = page.save(".pdf")
    assert pdf == tmp_path / "报告.pdf"
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages).split())
    assert " 调研 4 14 " in text
    xlsx = page.save(".xlsx")
    sheet = openpyxl.load_workbook(xlsx)["报告数字"]
    assert any(row[:3] == ("调研", 4, 14) for row in sheet.iter_rows(values_only=True))
    assert "已保存" in page.message.text()
    monkeypatch.setattr(SaveAs, "path", classmethod(lambda cls, p, s, f: ""))
    assert page.save(".pdf") is None  # cancelled
