"""Importing workbooks and CSV files: all rows or nothing, the classic traps, roles, mappings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from pairing_desktop.core import auth, exchange
from pairing_desktop.core import operations as ops
from pairing_desktop.core.errors import PairingError
from pairing_desktop.core.exchange import mapping
from pairing_desktop.core.exchange.importer import Problem
from pairing_desktop.core.exchange.workbook_format import FORMATS
from pairing_desktop.core.storage.models import Household, Setting, Target, UnitTownshipPairing
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.helpers import cli, dump, id_number, save

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server

HOUSEHOLD_HEADINGS = ["乡镇", "所在村", "村民组", "户主", "身份证号", "电话", "家庭人口", "类型",
                     "人均纯收入（元）", "主要致贫原因"]
ID1 = id_number("19620708", "024")
ID2 = id_number("19750101", "013")
ID3 = id_number("19800202", "021")
ID_AS_EXCEL_NUMBER = 5.22423197003151e17


def workbook(path: Path, sheets: dict[str, list[list]], hidden: tuple[str, ...] = (),
             merges: dict[str, list[str]] | None = None) -> Path:
    """An .xlsx file with these sheets (rows of values), some hidden, some cells merged."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for merged in (merges or {}).get(name, []):
            sheet.merge_cells(merged)
        if name in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


def households(path: Path, *rows: list, headings: list[str] = HOUSEHOLD_HEADINGS) -> Path:
    return workbook(path, {"贫困户": [headings, *rows]})


def row(head: str = "杨秀英", number: object = ID1, **extra: object) -> list:
    values = {"乡镇": "城关镇", "所在村": "新寨村", "村民组": "三组", "户主": head,
              "身份证号": number, "电话": "13885712345", "家庭人口": 4, "类型": "低保",
              "人均纯收入（元）": 860, "主要致贫原因": "因病", **extra}
    return [values[h] for h in HOUSEHOLD_HEADINGS]


def only(result: exchange.ImportResult) -> Problem:
    assert len(result.problems) == 1, result.problems
    return result.problems[0]


def imported(ledger, path: Path, **kw) -> exchange.ImportResult:
    return exchange.import_file(ledger, path, **kw)


@pytest.fixture
def place(ledger, village):
    """城关镇 and its 新寨村 (conftest's township and village)."""
    return village


# --- the whole or nothing ---------------------------------------------------------------------


def test_a_workbook_of_households_is_created_then_left_unchanged(ledger, place, tmp_path):
    path = households(tmp_path / "户.xlsx", row(), row("王国华", ID2))
    result = imported(ledger, path)
    assert result.ok and result.summary() == ["贫困户：新建 2，更新 0，不变 0"]
    assert result.changes.created["household"]
    before = dump(ledger)
    again = imported(ledger, path)
    assert again.summary() == ["贫困户：新建 0，更新 0，不变 2"]
    assert dump(ledger) == before


def test_one_bad_row_writes_nothing_and_names_the_cell(ledger, place, tmp_path):
    path = households(tmp_path / "户.xlsx", row(), row("王国华", ID2, 电话="12345"))
    before = dump(ledger)
    result = imported(ledger, path)
    problem = only(result)
    assert (problem.sheet, problem.row, problem.letter, problem.column, problem.value) == (
        "贫困户", 3, "F", "电话", "12345")
    assert problem.reason == "电话：应为11位手机号，或带区号的固定电话（如 0857-4221234）"
    assert result.summary() == ["贫困户：新建 1，更新 0，不变 0"]  # what would have been done
    assert dump(ledger) == before


def test_the_error_copy_marks_the_cell_and_gives_the_reason(ledger, place, tmp_path):
    path = households(tmp_path / "户.xlsx", row(), row("王国华", ID_AS_EXCEL_NUMBER))
    result = imported(ledger, path)
    copy = exchange.write_errors(result)
    assert copy == tmp_path / "户.错误.xlsx"
    sheet = openpyxl.load_workbook(copy)["贫困户"]
    assert sheet["K1"].value == "错误"
    assert "身份证号：被 Excel 存成了数字（5.22423197003151E+17）" in sheet["K3"].value
    assert sheet["E3"].fill.fgColor.rgb.endswith("FFC7CE")
    assert sheet["K2"].value is None and sheet["D3"].value == "王国华"


def test_a_dry_run_counts_and_writes_nothing(ledger, place, tmp_path):
    save(ledger, "household", None, {"village": place, "head_name": "杨秀英", "id_number": ID1})
    path = households(tmp_path / "户.xlsx", row(), row("王国华", ID2))
    before = dump(ledger)
    result = imported(ledger, path, dry_run=True)
    assert result.ok and result.dry_run
    assert result.summary() == ["贫困户：新建 1，更新 1，不变 0"]
    assert dump(ledger) == before


def test_a_row_updates_the_household_with_its_id_number(ledger, place, tmp_path):
    existing = save(ledger, "household", None, {"village": place, "head_name": "杨秀英",
                                                 "id_number": ID1, "members": 2})
    result = imported(ledger, households(tmp_path / "户.xlsx", row()))
    assert result.summary() == ["贫困户：新建 0，更新 1，不变 0"]
    with ledger.bound():
        assert Household.get_by_id(existing).members == 4


def test_a_sheet_of_some_columns_updates_only_those(ledger, place, tmp_path):
    existing = save(ledger, "household", None, {"village": place, "head_name": "杨秀英",
                                                 "id_number": ID1, "phone": "13885712345",
                                                 "members": 2})
    path = households(tmp_path / "户.xlsx", ["城关镇", "新寨村", "杨秀英", 6],
                      headings=["乡镇", "村", "户主", "人口"])
    result = imported(ledger, path)
    assert result.summary() == ["贫困户：新建 0，更新 1，不变 0"]
    with ledger.bound():
        record = Household.get_by_id(existing)
    assert (record.members, record.phone, record.id_number) == (6, "13885712345", ID1)


def test_records_sharing_every_key_are_matched_to_their_own_rows_again(ledger, place, unit,
                                                                       tmp_path):
    # eight targets of one pairing, year and category: a server hands its rows back in no
    # order of entry, and each row must still find the record it made, not one of its twins
    save(ledger, "uv_pairing", None, {"unit": unit, "village": place, "started_on": "2008-1-5"})
    headings = ["帮扶单位", "乡镇", "帮扶村", "年度", "目标类别", "目标内容", "指标数量"]
    rows = [["县财政局", "城关镇", "新寨村", 2026, 1, f"修通组路第{n}段", n] for n in range(1, 9)]
    path = workbook(tmp_path / "目标.xlsx", {"年度目标": [headings, *rows]})
    assert imported(ledger, path).summary() == ["年度目标：新建 8，更新 0，不变 0"]
    before = dump(ledger)
    again = imported(ledger, path)
    assert again.summary() == ["年度目标：新建 0，更新 0，不变 8"]
    assert dump(ledger) == before
    rows[2][5], rows[5][6] = "修通组路第三段", 60  # one twin's text, another's number
    changed = imported(ledger, workbook(tmp_path / "目标2.xlsx", {"年度目标": [headings, *rows]}))
    assert changed.summary() == ["年度目标：新建 0，更新 2，不变 6"]
    with ledger.bound():
        targets = sorted((t.description, t.indicator_value) for t in Target.select())
    assert targets == sorted((r[5], r[6]) for r in rows)


def test_two_rows_with_one_id_number_are_refused(ledger, place, tmp_path):
    path = households(tmp_path / "户.xlsx", row(), row("王国华", ID1))
    problem = only(imported(ledger, path))
    assert problem.row == 3 and problem.letter == "E"
    assert problem.reason == f"身份证号：“{ID1}”与“贫困户”表第2行重复"


def test_a_village_in_the_same_workbook_is_created_first(ledger, township, tmp_path):
    path = workbook(tmp_path / "村和户.xlsx", {
        "贫困户": [HOUSEHOLD_HEADINGS, row(所在村="新村")],
        "村": [["所属乡镇", "村名", "贫困类别"], ["城关镇", "新村", "一类贫困村"]]})
    result = imported(ledger, path)
    assert result.summary() == ["村：新建 1，更新 0，不变 0", "贫困户：新建 1，更新 0，不变 0"]


def test_a_reference_to_nothing_is_an_error_never_a_new_record(ledger, place, tmp_path):
    before = dump(ledger)
    problem = only(imported(ledger, households(tmp_path / "户.xlsx", row(所在村="无此村"))))
    assert problem.column == "所在村"
    assert problem.reason == "所在村：找不到村“无此村、城关镇”（台账和本工作簿中都没有）"
    assert dump(ledger) == before


# --- the traps --------------------------------------------------------------------------------


@pytest.mark.parametrize("number", [ID_AS_EXCEL_NUMBER, 522423197003151234, "5.22423197003151E+17"])
def test_an_id_number_excel_made_a_number_is_an_error_naming_the_cell(ledger, place, tmp_path,
                                                                       number):
    before = dump(ledger)
    problem = only(imported(ledger, households(tmp_path / "户.xlsx", row(number=number))))
    assert (problem.row, problem.letter, problem.column) == (2, "E", "身份证号")
    assert "后几位已丢失" in problem.reason
    assert dump(ledger) == before


def test_an_id_number_kept_as_text_with_an_apostrophe_is_fine(ledger, place, tmp_path):
    path = households(tmp_path / "户.xlsx", row(number=f"'{ID1}"), row("王国华", ID2))
    book = openpyxl.load_workbook(path)
    book["贫困户"]["E3"].quotePrefix = True  # as Excel keeps a typed '
    book.save(path)
    assert imported(ledger, path).ok
    with ledger.bound():
        assert {h.id_number for h in Household.live()} == {ID1, ID2}


def test_full_width_digits_and_invisible_spaces_are_normalised(ledger, place, tmp_path):
    assert imported(ledger, households(tmp_path / "干净.xlsx", row())).ok
    full_width = ID1.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    path = households(tmp_path / "户.xlsx", row(
        "\u200b杨秀英\u00a0", full_width, 乡镇=" 城关镇\u3000", 所在村="新寨\u200b村",
        电话="１３８ ８５７１ ２３４５"))
    result = imported(ledger, path)
    assert result.summary() == ["贫困户：新建 0，更新 0，不变 1"], result.problems


@pytest.mark.parametrize("day", [39452, "2008-1-5", "2008/1/5", "2008年1月5日", "2008.1.5",
                                 "20080105", 20080105, dt.date(2008, 1, 5),
                                 dt.datetime(2008, 1, 5), "2008/1/5 0:00"])
def test_dates_are_read_in_every_form(ledger, township, unit, tmp_path, day):
    path = workbook(tmp_path / "结对.xlsx", {"地直单位–乡镇结对": [
        ["地直单位", "乡镇党委", "开始日期"], ["县财政局", "城关镇", day]]})
    assert imported(ledger, path).ok
    with ledger.bound():
        assert UnitTownshipPairing.get().started_on == dt.date(2008, 1, 5)


def test_a_date_that_is_no_date_names_the_cell(ledger, township, unit, tmp_path):
    path = workbook(tmp_path / "结对.xlsx", {"地直单位–乡镇结对": [
        ["地直单位", "乡镇党委", "开始日期"], ["县财政局", "城关镇", "2008-2-30"]]})
    problem = only(imported(ledger, path))
    assert (problem.letter, problem.reason) == ("C", "开始日期：2008年2月30日不存在")


def test_merged_cells_hidden_sheets_extra_columns_blank_rows_titles_and_totals(
        ledger, place, tmp_path):
    sheet = [
        ["城关镇新寨村贫困户花名册"],
        ["填报单位：城关镇人民政府"],
        ["序号", *HOUSEHOLD_HEADINGS, "备注说明"],
        [1, *row(), "无"],
        [2, *row("王国华", ID2, 乡镇=None, 所在村=None)],  # merged down from the row above
        [None] * 12,
        [3, *row("李四", ID3), ""],
        ["合计", None, None, None, "3户", None, None, 12, None, None, None],
        ["注：本表由村委会填写"],
    ]
    path = workbook(tmp_path / "花名册.xlsx", {"Sheet1": sheet, "字典": [["类型"], ["低保"]]},
                    hidden=("字典",), merges={"Sheet1": ["A1:L1", "B4:B5", "C4:C5"]})
    before = dump(ledger)
    dry = imported(ledger, path, dry_run=True)
    assert dry.ok, dry.problems
    assert dry.summary() == ["贫困户：新建 3，更新 0，不变 0"]
    assert dump(ledger) == before
    plan = dry.book.plans[0]
    assert (plan.kind, plan.heading_rows) == ("household", (2,))
    assert [why for _, why in plan.skipped] == ["空行", "合计行", "表尾说明"]
    assert dry.book.notes == ["工作表“字典”未导入：隐藏的工作表"]


def test_two_heading_rows_with_其中_and_units_in_brackets(ledger, place, tmp_path):
    sheet = [
        ["乡镇", "村", "户主姓名", "户主身份证号码", "家庭人口(人)", "其中", None,
         "承包耕地面积(亩)"],
        [None, None, None, None, None, "劳动力", "在校生", None],
        ["城关镇", "新寨村", "杨秀英", ID1, 4, 2, 1, 3.5],
    ]
    path = workbook(tmp_path / "两行标题.xlsx", {"贫困户": sheet},
                    merges={"贫困户": ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:G1",
                                     "H1:H2"]})
    result = imported(ledger, path, dry_run=True)
    assert result.ok, result.problems
    plan = result.book.plans[0]
    assert plan.heading_rows == (0, 1)
    mapped = {c.heading: c.ours.heading if c.ours else None for c in plan.columns}
    assert mapped == {"乡镇": "乡镇", "村": "所在村", "户主姓名": "户主",
                      "户主身份证号码": "身份证号", "家庭人口(人)": "家庭人口",
                      "劳动力": None, "在校生": None,
                      "承包耕地面积(亩)": None}


def test_a_village_sheet_headed_乡镇_is_recognised(ledger, place, tmp_path):
    path = workbook(tmp_path / "村.xlsx", {"村": [["乡镇", "村名", "贫困类别"],
                                               ["城关镇", "石门村", "一类贫困村"]]})
    result = imported(ledger, path, dry_run=True)
    assert result.ok, result.problems
    mapped = {c.heading: c.ours.heading if c.ours else None for c in result.book.plans[0].columns}
    assert mapped == {"乡镇": "所属乡镇", "村名": "村名", "贫困类别": "贫困类别"}


def test_every_usual_name_is_filed_under_a_heading_of_its_kind():
    """A usual name filed under a heading the kind's sheet does not have is never offered."""
    for kind, names in mapping.KIND_NAMES.items():
        sheet = FORMATS[kind.removesuffix("_links")]
        headings = {c.heading for c in (*sheet.columns, *sheet.links)}
        assert set(names) <= headings, kind


PROVINCIAL = ["户码*", "乡镇", "村", "组名*", "户主姓名*", "人口*", "劳动力*", "承包耕地面积(亩)*",
              "农户属性*", "电话号码", "贫困原因*", "户主身份证号码*", "帮扶人姓名"]


def provincial(path: Path) -> Path:
    return workbook(path, {"Sheet1": [PROVINCIAL, [
        "5205220010010001", "城关镇", "新寨村", "三组", "杨秀英", 4, 2, 3.5, "低保贫困户",
        "13885712345", "因病", ID1, "刘建国"]]})


def test_a_provincial_workbook_is_recognised_and_its_mapping_remembered(ledger, place, cadre,
                                                                       tmp_path):
    path = provincial(tmp_path / "省系统导出.xlsx")
    result = imported(ledger, path, overrides={"户码*": "不导入"})
    assert result.ok, result.problems
    plan = result.book.plans[0]
    assert plan.kind == "household" and not plan.remembered
    assert "户主身份证号码* → 身份证号（常用名）" in plan.describe()
    assert "帮扶人姓名 → 帮扶干部（常用名）" in plan.describe()
    assert result.summary() == ["贫困户：新建 1，更新 0，不变 0",
                                "干部帮扶结对：新建 1，更新 0，不变 0"]
    with ledger.bound():
        household = Household.get()
        assert (household.kind, household.group_name, household.id_number) == ("低保", "三组", ID1)
        assert (household.assignments.get().cadre_id, household.assignments.get().ended_on) == (
            cadre, None)
        assert Setting.select().where(Setting.key.startswith("import_mapping.")).count() == 1
    assert result.remembered == ["已记住工作表“Sheet1”的列对应，下次导入同样格式的文件时自动使用"]
    again = exchange.plan_book(ledger, provincial(tmp_path / "第二个村.xlsx"))
    assert again.plans[0].remembered
    assert "户码* → 不导入（上次确认）" in again.plans[0].describe()
    repeat = exchange.import_book(ledger, again)
    assert repeat.summary() == ["贫困户：新建 0，更新 0，不变 1",
                                "干部帮扶结对：新建 0，更新 0，不变 1"]


def test_a_responsible_cadre_that_matches_no_record_is_a_row_error(ledger, place, tmp_path):
    before = dump(ledger)
    problem = only(imported(ledger, provincial(tmp_path / "省.xlsx")))
    assert (problem.column, problem.value) == ("帮扶人姓名", "刘建国")
    assert problem.reason == "帮扶干部：找不到干部“刘建国”（台账和本工作簿中都没有）"
    assert dump(ledger) == before


def test_a_household_held_by_another_cadre_is_not_taken_over_by_a_workbook(
        ledger, place, cadre, unit, ranks, tmp_path):
    other = save(ledger, "cadre", None, {"unit": unit, "name": "张伟", "rank": ranks["股级"]})
    household = save(ledger, "household", None, {"village": place, "head_name": "杨秀英",
                                                  "id_number": ID1})
    save(ledger, "assignment", None, {"cadre": other, "household": household,
                                      "started_on": "2025-1-1"})
    problem = only(imported(ledger, provincial(tmp_path / "省.xlsx")))
    assert problem.reason.startswith("干部帮扶结对：贫困户：已由 张伟 负责（帮扶中）")


def test_a_mapping_naming_what_we_do_not_have_is_refused(ledger, place, tmp_path):
    with pytest.raises(PairingError, match="贫困户没有“户码”这一项"):
        exchange.plan_book(ledger, provincial(tmp_path / "x.xlsx"), overrides={"户码*": "户码"})
    with pytest.raises(PairingError, match="没有“户号”这一列"):
        exchange.plan_book(ledger, provincial(tmp_path / "x.xlsx"), overrides={"户号": "不导入"})


def test_a_masked_export_updates_but_never_creates(ledger, place, tmp_path):
    existing = save(ledger, "household", None, {"village": place, "head_name": "杨秀英",
                                                 "id_number": ID1, "members": 2})
    masked = ID1[:6] + "*" * 8 + ID1[-4:]
    result = imported(ledger, households(tmp_path / "户.xlsx", row(number=masked, 电话=None)))
    assert result.summary() == ["贫困户：新建 0，更新 1，不变 0"], result.problems
    with ledger.bound():
        assert Household.get_by_id(existing).id_number == ID1
    problem = only(imported(ledger, households(tmp_path / "新.xlsx", row("王国华", masked))))
    assert "号码已隐去中间几位" in problem.reason


# --- CSV and .xls -----------------------------------------------------------------------------


CSV_TEXT = ",".join(HOUSEHOLD_HEADINGS) + "\n" + "城关镇,新寨村,三组,杨秀英," + ID1 + \
    ",13885712345,4,低保,860,因病\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_files_in_each_encoding_excel_and_wps_write(ledger, place, tmp_path, encoding):
    path = tmp_path / "贫困户.csv"
    path.write_bytes(CSV_TEXT.replace("\n", "\r\n").encode(encoding))
    result = imported(ledger, path)
    assert result.summary() == ["贫困户：新建 1，更新 0，不变 0"], result.problems
    with ledger.bound():
        assert Household.get().head_name == "杨秀英"


def test_a_csv_of_unknown_name_needs_its_kind(ledger, place, tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("名称,数量\n甲,1\n", encoding="utf-8")
    with pytest.raises(PairingError, match="没有可导入的工作表"):
        exchange.plan_book(ledger, path)


def test_an_xls_file_from_excel_97(ledger, place, tmp_path):
    xlwt = pytest.importorskip("xlwt", reason="xlwt writes the .xls fixture")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("贫困户")
    for c, heading in enumerate(HOUSEHOLD_HEADINGS):
        sheet.write(0, c, heading)
    for r, values in enumerate([row(), row("王国华", ID_AS_EXCEL_NUMBER)], 1):
        for c, value in enumerate(values):
            sheet.write(r, c, value)
    sheet.write_merge(3, 3, 0, 3, "合计")
    path = tmp_path / "贫困户.xls"
    book.save(str(path))
    before = dump(ledger)
    problem = only(imported(ledger, path))
    assert (problem.row, problem.letter) == (3, "E") and "后几位已丢失" in problem.reason
    assert dump(ledger) == before


def test_an_unreadable_workbook_says_so(ledger, tmp_path):
    path = tmp_path / "坏.xlsx"
    path.write_bytes(b"not a zip file")
    with pytest.raises(PairingError, match="无法读取"):
        exchange.plan_book(ledger, path)


# --- roles ------------------------------------------------------------------------------------


CLERK_PASSWORD = "乡镇录入员密码"


@pytest.fixture
def clerk(ledger, place):
    other = save(ledger, "township", None, {"name": "甘棠镇"})
    save(ledger, "village", None, {"township": other, "name": "红岩村"})
    ops.create_operator(ledger, "clerk", CLERK_PASSWORD, auth.CLERK, "城关镇")
    auth.login(ledger, "clerk", CLERK_PASSWORD)
    return ledger


def test_a_township_clerk_imports_their_own_households(clerk, tmp_path):
    assert imported(clerk, households(tmp_path / "户.xlsx", row())).ok


def test_a_township_clerk_cannot_import_another_townships_households(clerk, tmp_path):
    path = households(tmp_path / "户.xlsx", row(),
                      row("王国华", ID2, 乡镇="甘棠镇", 所在村="红岩村"))
    before = dump(clerk)
    problem = only(imported(clerk, path))
    assert problem.row == 3
    assert problem.reason == ("“乡镇录入员”只能新建和修改本乡镇（城关镇）的贫困户，"
                              "此贫困户属于甘棠镇。")
    assert dump(clerk) == before


def test_a_township_clerk_cannot_import_county_lists(clerk, tmp_path):
    path = workbook(tmp_path / "单位.xlsx",
                    {"帮扶单位": [["单位名称", "级别"], ["县水利局", "县直"]]})
    problem = only(imported(clerk, path))
    assert problem.reason == "“乡镇录入员”不能修改帮扶单位：这是县级数据，由县级管理员维护。"


# --- the command line -------------------------------------------------------------------------


def test_the_command_imports_previews_and_refuses(ledger, place, tmp_path):
    ledger.close()
    db = ledger.path  # a file, or a server's address
    good = households(tmp_path / "好.xlsx", row())
    bad = households(tmp_path / "坏.xlsx", row(number=ID_AS_EXCEL_NUMBER))
    preview = cli("import", str(good), "--db", str(db), "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert "贫困户：新建 1，更新 0，不变 0" in preview.stdout and "没有写入" in preview.stdout
    refused = cli("import", str(bad), "--db", str(db), "--user", ADMIN, password=ADMIN_PASSWORD)
    assert refused.returncode == 2
    assert "坏.错误.xlsx" in refused.stderr and "贫困户 第2行 E列“身份证号”" in refused.stderr
    assert (tmp_path / "坏.错误.xlsx").is_file()
    done = cli("import", str(good), "--db", str(db))
    assert done.returncode == 0 and "已导入" in done.stdout, done.stderr
    mapped = cli("import", str(provincial(tmp_path / "省.xlsx")), "--db", str(db), "--kind",
                 "贫困户", "--map", "户码*=不导入", "--map", "帮扶人姓名=不导入", "--dry-run")
    assert mapped.returncode == 0, mapped.stderr
    assert "户码* → 不导入（指定）" in mapped.stdout
    assert "贫困户：新建 0，更新 0，不变 1" in mapped.stdout


# --- the same checks as a save --------------------------------------------------------------------


@pytest.mark.parametrize("change", [
    {"电话": "12345"}, {"家庭人口": -1}, {"类型": "特困"}, {"户主": None},
    {"身份证号": ID1[:17] + ("0" if ID1[17] != "0" else "1")}, {"身份证号": "52052219620708"},
    {"人均纯收入（元）": "很多"}, {"主要致贫原因": "懒"}, {"家庭人口": 2.5},
])
def test_a_row_is_refused_with_the_message_a_save_gives(ledger, place, tmp_path, change):
    from pairing_desktop.core import records
    from pairing_desktop.core.errors import ValidationError

    save(ledger, "household", None, {"village": place, "head_name": "王国华", "id_number": ID2})
    values = dict(zip(HOUSEHOLD_HEADINGS, row(**change), strict=True))
    fields = {"村民组": "group_name", "户主": "head_name", "身份证号": "id_number", "电话": "phone",
              "家庭人口": "members", "类型": "kind", "人均纯收入（元）": "income_per_capita",
              "主要致贫原因": "poverty_cause"}
    raw = {"village": place, **{fields[h]: v for h, v in values.items() if h in fields}}
    with pytest.raises(ValidationError) as refused, ledger.bound():
        records.validate(ledger, "household", raw)
    problem = only(imported(ledger, households(tmp_path / "户.xlsx", row(**change))))
    assert problem.reason == next(iter(refused.value.errors.values()))


def test_a_new_activity_type_gets_a_code_of_its_own(ledger, tmp_path):
    from pairing_desktop.core.storage.models import ActivityType

    path = workbook(tmp_path / "类型.xlsx", {"活动类型": [
        ["名称", "对象", "记录的数字", "必填项"], ["修建沼气池", "结对", "户数、个数", "个数"]]})
    result = imported(ledger, path)
    assert result.summary() == ["活动类型：新建 1，更新 0，不变 0"], result.problems
    with ledger.bound():
        made = ActivityType.get(ActivityType.name == "修建沼气池")
    assert made.code.startswith("custom_") and made.measures == "households,items"
