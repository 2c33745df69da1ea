"""The county report's figures an office compares with the seed report: villages by poverty
class, each kind's counter word, the same period of last year and the five-year trend, and the
records behind every figure (on screen and as the workbook's links), all read back from the
files written."""

from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pypdf
import pytest

from pairing_desktop.core.activities import rules as activity_rules
from pairing_desktop.core.duties.settings import save_rules
from pairing_desktop.core.reports.behind import (
    BehindList,
    duty_behind,
    kind_behind,
    network_behind,
    village_behind,
)
from pairing_desktop.core.reports.export import export_report, year_report
from tests.activity_data import build_county, fill_known_year
from tests.helpers import save

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server

D = dt.date


@pytest.fixture
def county(ledger, monkeypatch):
    monkeypatch.setattr(activity_rules, "today", lambda: D(2025, 12, 31))
    c = build_county(ledger, started=D(2021, 3, 1))
    fill_known_year(c)
    for name, township, cls in (("石桥村", "甲乡", "二类贫困村"), ("河口村", "乙镇", "二类贫困村"),
                                ("新街村", "乙镇", "非贫困村")):
        c.villages[name] = save(ledger, "village", None, {
            "township": c.townships[township], "name": name, "poverty_class": cls})
    return c


def pdf_text(path) -> str:
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return " " + " ".join(text.split()) + " "


def section(rows: list[tuple], heading: str) -> list[tuple]:
    """The rows under a heading of the figures sheet (after its header row), up to a blank."""
    start = next(i for i, r in enumerate(rows) if r[0] == heading) + 2
    end = next((i for i in range(start, len(rows)) if rows[i][0] is None), len(rows))
    return rows[start:end]


def test_villages_counted_by_poverty_class(ledger, county, tmp_path):
    report = year_report(ledger, 2025)
    assert report.villages == [("一类贫困村", 3, 3), ("二类贫困村", 2, 0), ("三类贫困村", 0, 0),
                               ("非贫困村", 1, 0), ("全部村", 6, 3)]
    assert year_report(ledger, 2025, "乙镇").villages == [
        ("一类贫困村", 1, 1), ("二类贫困村", 1, 0), ("三类贫困村", 0, 0), ("非贫困村", 1, 0),
        ("全部村", 3, 1)]
    assert year_report(ledger, 2020).villages[0] == ("一类贫困村", 3, 0)  # before the pairings
    text = pdf_text(export_report(ledger, tmp_path / "r.pdf", 2025))
    for row in ("一类贫困村 3个 3个", "二类贫困村 2个 0个", "非贫困村 1个 0个", "全部村 6个 3个"):
        assert f" {row} " in text, row
    rows = list(openpyxl.load_workbook(export_report(ledger, tmp_path / "r.xlsx", 2025))
                ["报告数字"].iter_rows(values_only=True))
    assert [r[:3] for r in section(rows, "村（按贫困类别）")] == [
        ("一类贫困村", 3, 3), ("二类贫困村", 2, 0), ("三类贫困村", 0, 0), ("非贫困村", 1, 0),
        ("全部村", 6, 3)]


@pytest.fixture
def seed_figures(county):
    """Records adding up to the seed report's own figures of a few kinds."""
    county.add("new_farmers", "红岩村", D(2025, 3, 1), people=1462)
    county.add("new_farmers", "白水村", D(2025, 4, 1), people=1000)
    county.add("premises_money", "青山村", D(2025, 5, 1), money_yuan=900000)
    county.add("fruit_forest", "白水村", D(2025, 6, 1), area_mu=24000)
    county.add("poor_member_visit", "红岩村", D(2025, 7, 1), households=147)
    return county


def test_each_kind_prints_its_counter_word(ledger, seed_figures, tmp_path):
    headline = {k.code: k.headline_text for k in year_report(ledger, 2025).kinds}
    assert headline["new_farmers"] == "培训新型农民2,462人次"
    assert headline["premises_money"] == "村级组织场所建设资金90万元"
    assert headline["fruit_forest"] == "发展经果林2.4万亩"
    assert headline["poor_member_visit"] == "慰问贫困党员147户"
    assert headline["party_training"] == "培训党员25人"
    assert headline["research"] == "调研4次"
    text = pdf_text(export_report(ledger, tmp_path / "r.pdf", 2025))
    joined = "".join(text.split())  # the sentence wraps where the line is full
    for sentence in ("培训新型农民2,462人次", "村级组织场所建设资金90万元", "发展经果林2.4万亩",
                     "慰问贫困党员147户"):
        assert sentence in joined, sentence
    assert " 培训新型农民 2 2,462人次 2,462 " in text  # the table's 合计 column
    rows = list(openpyxl.load_workbook(export_report(ledger, tmp_path / "r.xlsx", 2025))
                ["报告数字"].iter_rows(values_only=True))
    kinds = {r[0]: r for r in section(rows, "二、帮扶活动") + section(rows, "三、帮扶成效")}
    assert kinds["培训新型农民"][1:4] == (2, 2462, "人次")
    assert kinds["村级组织场所建设资金"][1:4] == (1, 900000, "元")
    assert kinds["发展经果林"][1:4] == (1, 24000, "亩")

    save_rules(ledger, {}, units={"new_farmers": "人"})  # the county counts people, not times
    text = pdf_text(export_report(ledger, tmp_path / "r.pdf", 2025))
    assert " 培训新型农民 2 2,462人 2,462 " in text
    assert "人次" not in next(k.headline_text for k in year_report(ledger, 2025).kinds
                            if k.code == "new_farmers")
    with pytest.raises(Exception, match="计量单位"):
        save_rules(ledger, {}, units={"new_farmers": "斤"})


@pytest.fixture
def two_years(county):
    """2024 beside fill_known_year's 2025: research twice (one on 12-31 already there)."""
    county.add("research", "红岩村", D(2024, 5, 1), participants=6)
    county.add("new_farmers", "青山村", D(2024, 6, 1), people=300)
    county.add("income_added", "白水村", D(2024, 11, 1), money_yuan=500000)
    county.add("research", "青山村", D(2021, 5, 1), participants=2)
    county.add("symposium", "青山村", D(2023, 5, 1), participants=20)
    return county


def test_each_figure_beside_the_same_period_of_last_year(ledger, two_years, tmp_path):
    report = year_report(ledger, 2025)
    assert report.previous_text == "2024年度"
    kinds = {k.code: k for k in report.kinds}
    assert (kinds["research"].records, kinds["research"].previous_records) == (4, 2)
    assert kinds["research"].previous_sums == {"participants": 15}
    assert (kinds["new_farmers"].headline_value, kinds["new_farmers"].previous_value) == (0, 300)
    assert (kinds["income_added"].headline_value,
            kinds["income_added"].previous_value) == (880000, 500000)
    network = dict(zip([n for n, *_ in report.network], report.previous_network, strict=True))
    assert network["结对帮扶村"] == 3 and network["“4321”帮扶干部"] == 0  # assigned in 2025
    assert report.trend == [(2021, 1, 0), (2023, 1, 0), (2024, 3, 0), (2025, 9, 176000.5)]

    text = pdf_text(export_report(ledger, tmp_path / "r.pdf", 2025))
    assert " 调研 4次 2次 +2次（+100.0%） " in text
    assert " 增加收入 88万元 50万元 +38万元（+76.0%） " in text
    assert " 培训新型农民 0人次 300人次 -300人次（-100.0%） " in text
    assert " “4321”帮扶干部 1名 0名 +1名 " in text
    assert " 结对帮扶村 3个 3个 持平 " in text
    first_half = export_report(ledger, tmp_path / "h1.pdf", None,
                               date_from=D(2025, 1, 1), date_to=D(2025, 6, 30))
    assert "上年同期：2024年1月1日至2024年6月30日" in pdf_text(first_half)

    rows = list(openpyxl.load_workbook(export_report(ledger, tmp_path / "r.xlsx", 2025))
                ["报告数字"].iter_rows(values_only=True))
    kinds_rows = {r[0]: r for r in section(rows, "二、帮扶活动") + section(rows, "三、帮扶成效")}
    assert kinds_rows["调研"][10:12] == (2, 2)
    assert kinds_rows["增加收入"][10:12] == (500000, 380000)
    assert [r[:3] for r in section(rows, "五、近五年同期")] == [
        (2021, 1, 0), (2023, 1, 0), (2024, 3, 0), (2025, 9, 176000.5)]


def test_the_pdf_draws_the_five_years_with_records(ledger, two_years, tmp_path):
    import pypdfium2

    path = export_report(ledger, tmp_path / "r.pdf", 2025)
    text = pdf_text(path)
    assert "近五年同期帮扶活动次数（有记录的年份：2021、2023、2024、2025）" in text
    assert "2022年" not in text
    pdf = pypdfium2.PdfDocument(str(path))
    page_no = next(i for i in range(len(pdf))
                   if "近五年同期" in pdf[i].get_textpage().get_text_range())
    textpage = pdf[page_no].get_textpage()
    top = next(textpage.get_charbox(i)[3] for i in range(textpage.count_chars())
               if textpage.get_text_range(i, 5) == "近五年同期")
    image = pdf[page_no].render(scale=1).to_pil().convert("RGB")
    width, height = image.size
    # the chart lies under its title: its bars are the report's blue (#4a78a8)
    below = image.crop((0, int(height - top), width, min(height, int(height - top) + 200)))
    pixels = below.tobytes()
    blue = sum(1 for i in range(0, len(pixels), 3)
               if abs(pixels[i] - 0x4a) < 30 and abs(pixels[i + 1] - 0x78) < 30
               and abs(pixels[i + 2] - 0xa8) < 30)
    assert blue > 400, blue


def test_every_figure_lists_the_records_it_counts(ledger, two_years):
    report = year_report(ledger, 2025, None)
    for label, value, _ in report.network:
        assert BehindList(ledger, network_behind(report, label)).count() == value, label
    for cls, n, paired in report.villages:
        assert BehindList(ledger, village_behind(report, cls)).count() == n, cls
        assert BehindList(ledger, village_behind(report, cls, paired=True)).count() == paired
    for kind in report.kinds:
        listed = BehindList(ledger, kind_behind(report, kind))
        assert listed.count() == kind.records, kind.name
        assert {row[7] for row in listed.page()} <= {kind.name}
    for label, checked, *_ in report.duties:
        assert BehindList(ledger, duty_behind(report, label)).count() == checked, label
    research = BehindList(ledger, kind_behind(report, next(k for k in report.kinds
                                                            if k.code == "research")))
    assert [r[1] for r in research.page(sort=0)] == [
        "2025-01-15", "2025-02-10", "2025-03-01", "2025-05-10"]
    assert [r[3] for r in research.page(search="白水")] == ["县农业局"]


def test_workbook_links_each_figure_to_the_rows_it_sums(ledger, two_years, tmp_path):
    book = openpyxl.load_workbook(export_report(ledger, tmp_path / "r.xlsx", 2025))
    figures = book["报告数字"]
    checked = 0
    for row in figures.iter_rows():
        link = next((c.hyperlink for c in row if c.hyperlink is not None), None)
        if link is None:
            continue
        sheet, first, last = re.fullmatch(r"'(.+)'!A(\d+):[A-Z]+(\d+)", link.location).groups()
        label, value = row[0].value, row[1].value
        rows = list(book[sheet].iter_rows(min_row=int(first), max_row=int(last),
                                          values_only=True))
        if sheet == "活动明细":
            assert {r[6] for r in rows} == {label} and len(rows) == value, label
        elif sheet == "帮扶网络明细":
            assert {r[0] for r in rows} == {label} and len(rows) == value, label
        elif sheet == "村" and label != "全部村":
            assert {r[2] for r in rows} == {label} and len(rows) == value, label
        elif sheet in ("结对职责", "干部职责"):
            column = 3 if sheet == "结对职责" else 2
            assert {r[column] for r in rows} == {label} and len(rows) == value, label
        checked += 1
    assert checked >= 20
    cell = next(c for r in figures.iter_rows() for c in r if c.value == "活动明细 第2–5行")
    assert cell.hyperlink.location == "'活动明细'!A2:N5"  # research: the first kind's 4 records


def test_workbook_is_formatted_as_the_export(ledger, two_years, tmp_path):
    book = openpyxl.load_workbook(export_report(ledger, tmp_path / "r.xlsx", 2025))
    sheet = book["活动明细"]
    header = sheet["A1"]
    assert header.font.b and header.fill.fgColor.rgb.endswith("DDEBF7")
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:N{sheet.max_row}"
    assert sheet.column_dimensions["B"].width >= 8
    day = sheet["A2"]
    assert isinstance(day.value, dt.datetime) and day.number_format == "yyyy-mm-dd"
    money = next(r[10] for r in sheet.iter_rows(min_row=2) if r[10].value)
    assert money.number_format == "#,##0.00"
    assert all(book[name].freeze_panes == "A2" for name in book.sheetnames[1:])


def test_a_year_before_the_pairings_lists_no_cadre_short(ledger, county, tmp_path):
    """The pairings began on 2021-03-01: the report of 2020 owes nobody a household."""
    report = year_report(ledger, 2020)
    assert report.compliance.cadres == []
    assert "帮扶户数定额" not in {label for label, *_ in report.duties}
    text = pdf_text(export_report(ledger, tmp_path / "2020.pdf", 2020))
    assert "帮扶户数定额" not in text and "张县长" not in text
    assert "帮扶户数定额" in {label for label, *_ in year_report(ledger, 2021).duties}
