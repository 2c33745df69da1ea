"""One list as it is shown, to a workbook: its filters, search and sort, read by its own query."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from pairing_desktop.core import records
from pairing_desktop.core.activities.ledger import ActivityList
from pairing_desktop.core.errors import PairingError
from pairing_desktop.core.exchange.exporter import export_list
from pairing_desktop.core.exchange.workbook_format import FORMATS
from pairing_desktop.core.letters.lifecycle import LetterList
from tests.activity_data import build_county
from tests.helpers import save

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server


def rows_of(path) -> list[tuple]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [tuple(r) for r in book.worksheets[-1].iter_rows(values_only=True)]
    finally:
        book.close()  # read-only workbooks hold their file open until closed


def test_a_filtered_list_exports_only_its_records(ledger, tmp_path):
    county = build_county(ledger)
    unit = county.units["县农业局"]
    source = records.EntityList(ledger, "cadre", {"unit": unit})
    written = export_list(ledger, tmp_path / "干部.xlsx", source)
    rows = rows_of(tmp_path / "干部.xlsx")
    headings = [c.heading for c in FORMATS["cadre"].columns]
    assert rows[0] == tuple(headings)
    units = {r[headings.index("所在单位")] for r in rows[1:]}
    assert written == len(rows) - 1 == source.count() and units == {"县农业局"}


def test_the_activity_ledger_exports_in_the_activity_format_newest_first(ledger, tmp_path):
    county = build_county(ledger)
    county.add("research", "红岩村", dt.date(2025, 3, 1), participants=3)
    county.add("research", "青山村", dt.date(2025, 5, 1), participants=4)
    county.add("research", "白水村", dt.date(2025, 4, 1), participants=5)
    export_list(ledger, tmp_path / "活动.xlsx", ActivityList(ledger), search="村")
    rows = rows_of(tmp_path / "活动.xlsx")
    headings = [c.heading for c in FORMATS["activity"].columns]
    dates = [r[headings.index("日期")].date() for r in rows[1:]]
    assert dates == [dt.date(2025, 5, 1), dt.date(2025, 4, 1), dt.date(2025, 3, 1)]


def test_a_list_that_is_not_of_records_exports_its_columns(ledger, tmp_path):
    written = export_list(ledger, tmp_path / "责任书.xlsx", LetterList(ledger, {}), title="责任书")
    assert written == 0
    assert rows_of(tmp_path / "责任书.xlsx")[0][:3] == ("类型", "年度", "签署方")


def test_a_wrong_file_name_is_refused_before_anything_is_written(ledger, tmp_path):
    save(ledger, "township", None, {"name": "城关镇"})
    with pytest.raises(PairingError, match="xlsx"):
        export_list(ledger, tmp_path / "乡镇.csv", records.EntityList(ledger, "township"))
    assert not (tmp_path / "乡镇.csv").exists()
