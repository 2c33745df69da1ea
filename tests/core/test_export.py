"""Exporting the ledger, and the template: the import's format, formatted as a clerk expects."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from pairing_desktop.core import auth, exchange, history
from pairing_desktop.core import operations as ops
from pairing_desktop.core.demo import make_demo_file
from pairing_desktop.core.entities import ENTITIES
from pairing_desktop.core.errors import PairingError, RefusedError
from pairing_desktop.core.exchange.workbook_format import FORMATS
from pairing_desktop.core.fields import MultiChoice
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.storage.ledger import Ledger
from tests.helpers import cli, dump, id_number, save

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server


def canonical(ledger: Ledger) -> dict[str, list[tuple]]:
    """Every live record of every kind by its values, a reference replaced by the values of
    the record it names (all the way down): two ledgers holding the same records compare
    equal whatever their ids. An activity type's code (a key for code) is left out; a multiple
    choice is compared as the set it is (the demo writes its rows directly, in any order; a save
    stores them in the vocabulary's order)."""
    rows: dict[str, dict[Any, dict[str, Any]]] = {}
    with ledger.bound():
        for kind, spec in ENTITIES.items():
            m = spec.model
            rows[kind] = {r["id"]: r for r in m.select().where(m.deleted_at.is_null()).dicts()}
    done: dict[tuple[str, Any], tuple] = {}

    def value(kind: str, record_id: Any) -> tuple:
        if (kind, record_id) not in done:
            spec = ENTITIES[kind]
            record = rows[kind][record_id]
            done[(kind, record_id)] = tuple(
                value(f.ref, record[f.name]) if f.ref and record[f.name]
                else frozenset(f.kind.split(record[f.name])) if isinstance(f.kind, MultiChoice)
                else record[f.name] for f in spec.fields if f.in_form)
        return done[(kind, record_id)]

    return {kind: sorted((value(kind, i) for i in ids), key=repr) for kind, ids in rows.items()}


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    make_demo_file(path)
    return path


def empty_ledger(path: Path | str) -> Ledger:
    ledger = open_ledger(path)
    ops.create_first_admin(ledger, "admin", "管理员密码123")
    auth.login(ledger, "admin", "管理员密码123")
    return ledger


@pytest.fixture
def empty_target(request, backend, tmp_path) -> Iterator[Path | str]:
    """Where an empty ledger is made: a new file, or a new empty database of the server."""
    if backend == "sqlite":
        yield tmp_path / "new.db"
        return
    from tests import pg

    server, name = request.getfixturevalue("pg_server"), pg.fresh_name()
    pg.admin_sql(server, f"CREATE DATABASE {name}")
    yield pg.with_database(server, name)
    pg.admin_sql(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.mark.slow
def test_the_demo_county_round_trips_through_a_workbook(demo, tmp_path, empty_target):
    path = tmp_path / "全部.xlsx"
    with open_ledger(demo) as source:
        auth.auto_login(source)
        counts, changes = exchange.export_workbook(source, path, full_numbers=True)
        expected = canonical(source)
    assert counts["household"] == 2300 and counts["activity"] == len(expected["activity"])
    assert changes.created["export"] == frozenset({"全部.xlsx"})
    with empty_ledger(empty_target) as target:
        result = exchange.import_file(target, path)
        assert result.ok, exchange.problem_lines(result, 20)
        assert canonical(target) == expected
        before = dump(target)
        again = exchange.import_file(target, path)
        assert again.ok and all(c.created == c.updated == 0 for c in again.counts.values())
        assert dump(target) == before


def test_an_export_masks_numbers_unless_asked_and_then_is_recorded(ledger, household, tmp_path):
    path = tmp_path / "户.xlsx"
    counts, changes = exchange.export_workbook(ledger, path, ["household"])
    assert counts == {"household": 1} and not changes
    sheet = openpyxl.load_workbook(path)["贫困户"]
    number = id_number("19620708", "024")
    assert sheet["E2"].value == number[:6] + "*" * 8 + number[-4:]
    exchange.export_workbook(ledger, path, ["household"], full_numbers=True)
    assert openpyxl.load_workbook(path)["贫困户"]["E2"].value == number
    last = history.entries(ledger, history.EVERY_ENTRY, 1, 0)[0]
    assert (last.label, last.kind, last.record) == (
        "导出含完整证件号码的工作簿", "export", "户.xlsx")


def test_only_the_administrator_exports_whole_numbers(ledger, household, tmp_path):
    ops.create_operator(ledger, "viewer", "只读账户的密码", auth.VIEWER)
    auth.login(ledger, "viewer", "只读账户的密码")
    with pytest.raises(RefusedError, match="只有县级管理员可以"):
        exchange.export_workbook(ledger, tmp_path / "户.xlsx", full_numbers=True)
    assert not (tmp_path / "户.xlsx").exists()


def test_the_export_is_formatted_as_a_clerk_expects(ledger, village, unit, tmp_path):
    save(ledger, "household", None, {"village": village, "head_name": "=HYPERLINK(\"x\")",
                                      "id_number": id_number(), "income_per_capita": "1234.5",
                                      "members": 3})
    pairing = save(ledger, "uv_pairing", None, {"unit": unit, "village": village,
                                                 "started_on": "2008-1-5"})
    save(ledger, "activity", None, {"date": "2009-3-1", "type": "办实事", "pairing": pairing,
                                    "money_yuan": "12345.6", "households": 3,
                                    "description": "+修路"})
    path = tmp_path / "全部.xlsx"
    exchange.export_workbook(ledger, path)
    book = openpyxl.load_workbook(path)
    sheet = book["贫困户"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:L2"
    assert sheet["A1"].font.b and sheet["A1"].fill.fgColor.rgb.endswith("DDEBF7")
    head = sheet["D2"]
    assert (head.value, head.data_type, head.quotePrefix) == ('=HYPERLINK("x")', "s", True)
    assert sheet["E2"].data_type == "s"
    assert sheet.column_dimensions["E"].width >= 18
    income = sheet["I2"]
    assert income.value == 1234.5 and income.number_format == "#,##0.##"
    activity = book["帮扶活动"]
    assert activity["A2"].value == dt.datetime(2009, 3, 1)
    assert activity["A2"].number_format == "yyyy-mm-dd"
    money = activity.cell(2, FORMATS["activity"].columns.index(
        FORMATS["activity"].column("金额（元）")) + 1)
    assert money.value == 12345.6 and money.number_format == "#,##0.00"
    assert book["帮扶活动"]["S2"].value == "+修路" and book["帮扶活动"]["S2"].quotePrefix


def test_the_export_imports_back_into_the_same_ledger_unchanged(ledger, household, cadre,
                                                                tmp_path):
    path = tmp_path / "全部.xlsx"
    exchange.export_workbook(ledger, path)  # masked numbers: matched by name, kept as they are
    before = dump(ledger)
    result = exchange.import_file(ledger, path)
    assert result.ok, result.problems
    assert all(c.created == c.updated == 0 for c in result.counts.values()), result.summary()[6:]
    assert dump(ledger) == before


def test_the_template_has_every_sheet_notes_lists_and_text_columns(tmp_path):
    path = exchange.write_template(tmp_path / "模板.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:2] == ["说明", "选项"]
    assert book["选项"].sheet_state == "hidden"
    assert book.sheetnames[2:] == [fmt.name for fmt in FORMATS.values()]
    households = book["贫困户"]
    assert [c.value for c in households[1]] == [c.heading for c in FORMATS["household"].columns]
    lists = {str(v.sqref): v.formula1 for v in households.data_validations.dataValidation}
    assert lists["H2:H5001"] == '"一般,低保,五保"'
    cadres = book["干部"]
    ranks = {str(v.sqref): v.formula1 for v in cadres.data_validations.dataValidation}
    assert ranks["E2:E5001"] == "'选项'!$A$2:$A$5"
    assert households.column_dimensions["E"].number_format == "@"  # 身份证号 typed as text
    notes = [r[1:3] for r in book["说明"].iter_rows(values_only=True)]
    assert ("身份证号", "可空。身份证号；18位，按文本填写（本列已设为文本格式），最后一位可为X；"
            "用于找到要更新的贫困户。") in notes


def test_the_template_imports_as_nothing(ledger, tmp_path):
    path = exchange.write_template(tmp_path / "模板.xlsx", ledger)
    before = dump(ledger)
    with pytest.raises(PairingError, match="没有可导入的数据：各工作表只有标题行"):
        exchange.import_file(ledger, path)
    assert dump(ledger) == before


def test_every_sheet_has_distinct_headings():
    for fmt in FORMATS.values():
        headings = [c.heading for c in fmt.columns]
        assert len(headings) == len(set(headings)), fmt.name


def test_the_commands_write_a_template_and_an_export(demo, tmp_path):
    db = tmp_path / "demo.db"
    shutil.copyfile(demo, db)
    made = cli("template", "--out", str(tmp_path / "模板.xlsx"))
    assert made.returncode == 0 and "已生成导入模板" in made.stdout, made.stderr
    out = tmp_path / "户.xlsx"
    done = cli("export", "--db", str(db), "--out", str(out), "--kind", "贫困户")
    assert done.returncode == 0, done.stderr
    assert "贫困户：2300" in done.stdout and "已隐去" in done.stdout
    book = openpyxl.load_workbook(out, read_only=True)
    book.close()
    assert book.sheetnames == ["选项", "贫困户"]
    wrong = cli("export", "--db", str(db), "--out", str(tmp_path / "x.xlsx"), "--kind", "猫")
    assert wrong.returncode == 1 and "没有“猫”这种记录" in wrong.stderr
