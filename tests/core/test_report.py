"""The report's figures match hand-counted totals exactly, county-wide and per township, in the
computed data, in the PDF read back and in the workbook read back."""

from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pypdf
import pytest

from pairing_desktop.core.activities import rules as activity_rules
from pairing_desktop.core.activities.types import NUMBER_FIELDS
from pairing_desktop.core.errors import PairingError, ValidationError
from pairing_desktop.core.reports.export import export_report, year_report
from pairing_desktop.core.storage.models import ActivityType
from tests.activity_data import build_county, fill_known_year
from tests.core.letter_fixtures import fonts_of

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server

# code -> (records, {number: sum}) counted by hand from fill_known_year
COUNTY = {
    "research": (4, {"participants": 14}),
    "training": (1, {"participants": 2, "people": 40}),
    "party_training": (1, {"people": 25}),
    "culture_money": (1, {"money_yuan": 26000}),
    "project": (1, {"money_yuan": 150000.5, "households": 30}),
    "household_visit": (1, {}),
    "vegetables": (2, {"area_mu": 19.75, "households": 9}),
    "income_added": (1, {"money_yuan": 880000}),
}
JIA = {  # 甲乡: 红岩村, 青山村 and the household visit in 红岩村
    "research": (3, {"participants": 10}),
    "training": (1, {"participants": 2, "people": 40}),
    "party_training": (1, {"people": 25}),
    "culture_money": (1, {"money_yuan": 26000}),
    "household_visit": (1, {}),
    "vegetables": (1, {"area_mu": 12.5, "households": 6}),
}
YI = {  # 乙镇: 白水村
    "research": (1, {"participants": 4}),
    "project": (1, {"money_yuan": 150000.5, "households": 30}),
    "vegetables": (1, {"area_mu": 7.25, "households": 3}),
    "income_added": (1, {"money_yuan": 880000}),
}
NETWORK = {  # label -> (county, 甲乡, 乙镇)
    "地直帮扶单位": (1, 0, 1), "县直帮扶单位": (2, 2, 1), "乡镇": (2, 1, 1),
    "结对帮扶村": (3, 2, 1),
    "单位–村结对": (3, 2, 1), "地直单位–乡镇党委结对": (1, 0, 1), "结对机关党员": (1, 0, 1),
    "结对农民党员": (1, 0, 1), "驻村任职后备干部": (1, 0, 1), "“4321”帮扶干部": (1, 1, 0),
    "干部结对帮扶贫困户": (1, 1, 0),
}
TOWNSHIPS = {None: (COUNTY, 0), "甲乡": (JIA, 1), "乙镇": (YI, 2)}
BY_TOWNSHIP = {"甲乡": (7, 26000), "乙镇": (2, 150000.5)}  # non-outcome records, money
BY_QUARTER = {"2025年第1季度": 4, "2025年第2季度": 3, "2025年第3季度": 2}


@pytest.fixture
def county(ledger, monkeypatch):
    monkeypatch.setattr(activity_rules, "today", lambda: dt.date(2025, 12, 31))
    c = build_county(ledger, started=dt.date(2024, 6, 1))
    fill_known_year(c)
    return c


def expected_kinds(ledger, expected):
    """(name, records, sums in NUMBER_FIELDS order over what the kind carries) for every kind."""
    rows = []
    with ledger.bound():
        for kind in ActivityType.live().order_by(ActivityType.sort_order):
            count, sums = expected.get(kind.code, (0, {}))
            carried = [n for n in NUMBER_FIELDS if n in kind.measures.split(",")]
            rows.append((kind.name, count, [sums.get(n, 0) for n in carried]))
    return rows


def shown(value) -> str:
    return f"{value:,}" if float(value).is_integer() is False else f"{int(value):,}"


@pytest.mark.parametrize("township", list(TOWNSHIPS))
def test_figures_in_data(ledger, county, township):
    expected, col = TOWNSHIPS[township]
    report = year_report(ledger, 2025, township)
    got = {k.name: (k.records, [k.sums[n] for n in NUMBER_FIELDS if n in k.measures])
           for k in report.kinds}
    assert got == {name: (count, sums) for name, count, sums in expected_kinds(ledger, expected)}
    assert {label: value for label, value, _ in report.network} == {
        label: values[col] for label, values in NETWORK.items()}
    by_township = {name: (n, money) for name, n, money, _ in report.by_township}
    if township is None:
        assert by_township == BY_TOWNSHIP
        assert dict((q, n) for q, n, _ in report.by_quarter) == BY_QUARTER
    else:
        assert by_township == {township: BY_TOWNSHIP[township]}


def _pdf_tokens(path) -> str:
    """The PDF's text, one space between cells (table rows are set on one line, unwrapped)."""
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return " " + " ".join(text.split()) + " "


@pytest.mark.parametrize("township", list(TOWNSHIPS))
def test_figures_in_pdf(ledger, county, township, tmp_path):
    expected, col = TOWNSHIPS[township]
    path = export_report(ledger, tmp_path / "report.pdf", 2025, township)
    tokens = _pdf_tokens(path)
    for name, count, sums in expected_kinds(ledger, expected):
        row = " ".join([re.escape(name), str(count), r"\S+", *(re.escape(shown(v)) for v in sums)])
        assert re.search(f" {row} ", tokens), row
    for label, values in NETWORK.items():
        assert re.search(rf" {re.escape(label)} {values[col]}[个对名户] ", tokens), label
    title = "全县" if township is None else township
    assert f"{title}城乡共建新农村党建“1+1”结对帮扶工作统计报告" in tokens
    fonts = fonts_of(path)
    assert any("UMingCN" in font["/BaseFont"] for font in fonts)
    for font in fonts:  # every font embedded, Helvetica never referenced
        assert "Helvetica" not in font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]


def _section(rows: list[tuple], heading: str) -> list[tuple]:
    """The rows under a heading of the figures sheet, up to the next blank row."""
    start = next(i for i, r in enumerate(rows) if r[0] == heading)
    start += 1 if rows[start][1] is not None else 2  # the heading row may carry the header
    end = next((i for i in range(start, len(rows)) if rows[i][0] is None), len(rows))
    return rows[start:end]


@pytest.mark.parametrize("township", list(TOWNSHIPS))
def test_figures_in_workbook(ledger, county, township, tmp_path):
    expected, col = TOWNSHIPS[township]
    path = export_report(ledger, tmp_path / "report.xlsx", 2025, township)
    wb = openpyxl.load_workbook(path)
    rows = list(wb["报告数字"].iter_rows(values_only=True))
    kinds = {r[0]: r for r in (*_section(rows, "二、帮扶活动"), *_section(rows, "三、帮扶成效"))}
    for name, count, sums in expected_kinds(ledger, expected):
        assert kinds[name][1] == count
        assert [v for v in kinds[name][4:10] if v is not None] == sums, name
    network = {r[0]: r[1] for r in _section(rows, "一、帮扶网络")}
    assert network == {label: values[col] for label, values in NETWORK.items()}
    detail = list(wb["活动明细"].iter_rows(values_only=True))[1:]
    assert len(detail) == sum(n for n, _ in expected.values())
    assert sum(r[10] or 0 for r in detail) == sum(s.get("money_yuan", 0)
                                                  for _, s in expected.values())
    assert all(dt.date(2025, 1, 1) <= r[0].date() <= dt.date(2025, 12, 31) for r in detail)
    assert wb.sheetnames == ["报告数字", "帮扶网络明细", "村", "活动明细", "分乡镇", "分季度",
                             "结对职责", "干部职责", "职责问题"]
    duties = list(wb["结对职责"].iter_rows(values_only=True))[1:]
    summary = {r[0]: r[1:] for r in _section(rows, "四、职责落实情况")}
    research = [r for r in duties if r[3] == "调研"]
    assert len(research) == summary["调研"][0]
    assert sum(r[7] == "已完成" for r in research) == summary["调研"][1]


def test_duty_summary_of_a_finished_year(ledger, county):
    report = year_report(ledger, 2025)
    duties = {label: rest for label, *rest in report.duties}
    # 3 pairings × 4 quarters; research met: 红岩村 Q1, Q2; 青山村 Q1; 白水村 Q1
    assert duties["调研"] == [12, 4, 0, 8]
    assert duties["实用技术培训"] == [6, 1, 0, 5]
    assert duties["办实事"] == [3, 1, 0, 2]
    assert duties["走访贫困户"] == [1, 1, 0, 0]


def test_bad_arguments_are_refused_before_any_work(ledger, county, tmp_path):
    with pytest.raises(ValidationError, match="没有名为“丙乡”的乡镇"):
        export_report(ledger, tmp_path / "r.pdf", 2025, "丙乡")
    with pytest.raises(ValidationError, match=r"\.pdf 或 \.xlsx"):
        export_report(ledger, tmp_path / "r.doc", 2025)
    assert not (tmp_path / "r.pdf").exists() and not (tmp_path / "r.doc").exists()


def test_command_line_writes_both_formats(county, ledger, tmp_path, capsys):
    from pairing_desktop.cli import main

    ledger.close()  # the command opens the file itself
    pdf, xlsx = tmp_path / "out" / "乙镇.pdf", tmp_path / "out" / "全县.xlsx"
    assert main(["report", "--db", str(ledger.path), "--year", "2025", "--township", "乙镇",
                 "--out", str(pdf)]) == 0
    assert main(["report", "--db", str(ledger.path), "--year", "2025", "--out", str(xlsx)]) == 0
    assert "已生成报告" in capsys.readouterr().out
    assert " 调研 1 1次 4 " in _pdf_tokens(pdf)
    kinds = {r[0]: r for r in _section(list(openpyxl.load_workbook(xlsx)["报告数字"]
                                            .iter_rows(values_only=True)), "二、帮扶活动")}
    assert kinds["调研"][:5] == ("调研", 4, 4, "次", 14)
    assert main(["report", "--db", str(ledger.path), "--year", "2025", "--township", "丙乡",
                 "--out", str(pdf)]) == 1
    assert "没有名为“丙乡”的乡镇" in capsys.readouterr().err


def test_command_line_date_range(county, ledger, tmp_path, capsys):
    from pairing_desktop.cli import main

    ledger.close()
    xlsx = tmp_path / "上半年.xlsx"
    assert main(["report", "--db", str(ledger.path), "--from", "2025-01-01", "--to",
                 "2025-06-30", "--out", str(xlsx)]) == 0
    kinds = {r[0]: r for r in _section(list(openpyxl.load_workbook(xlsx)["报告数字"]
                                            .iter_rows(values_only=True)), "二、帮扶活动")}
    # research on Jan 15, Feb 10, Mar 1, May 10 (not the deleted one on Dec 1)
    assert kinds["调研"][:5] == ("调研", 4, 4, "次", 14)
    assert kinds["办实事"][1] == 0  # Sep 9 is outside the half
    assert main(["report", "--db", str(ledger.path), "--from", "2025-01-01",
                 "--out", str(xlsx)]) == 1
    assert "同时给出开始和结束日期" in capsys.readouterr().err


def test_a_province_chart_draws_the_busiest_townships():
    from pairing_desktop.core.reports.figures import Report
    from pairing_desktop.core.reports.layout import CHART_TOWNSHIPS, chart_townships

    report = Report("全省", dt.date(2025, 1, 1), dt.date(2025, 12, 31), None)
    report.by_township = [(f"乡{i:02d}", (i * 37) % 101, 0, 0) for i in range(60)]
    shown = chart_townships(report)
    assert len(shown) == CHART_TOWNSHIPS
    assert min(r[1] for r in shown) >= max(r[1] for r in report.by_township if r not in shown)
    assert shown == sorted(shown)  # kept in the table's order
    report.by_township = report.by_township[:10]
    assert chart_townships(report) == report.by_township


def test_chart_axis_steps_are_round():
    from pairing_desktop.core.reports.pdf import nice_step

    assert [nice_step(x) for x in (0, 0.8, 3, 7, 12, 48, 100, 101, 260)] == [
        1, 1, 5, 10, 20, 50, 100, 200, 500]


@pytest.mark.sqlite_only  # copies the ledger's file
def test_a_report_never_replaces_a_ledger_and_a_failed_write_keeps_the_old_file(ledger, county,
                                                                                tmp_path,
                                                                                monkeypatch):
    from pairing_desktop.core.reports import export

    with pytest.raises(ValidationError, match="是台账或台账备份，不能覆盖"):
        export_report(ledger, _ledger_named_pdf(ledger, tmp_path), 2025)
    old = tmp_path / "report.xlsx"
    export_report(ledger, old, 2025)
    before = old.read_bytes()

    def disk_full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(export.WRITERS, ".xlsx", disk_full)
    with pytest.raises(PairingError, match="No space left on device"):
        export_report(ledger, old, 2025)
    assert old.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def _ledger_named_pdf(ledger, tmp_path):
    """A copy of a ledger that someone named .pdf: a report must not be written over it."""
    import shutil

    copy = tmp_path / "台账.pdf"
    shutil.copyfile(ledger.path, copy)
    return copy
