"""ListModel over the core's SQL lists: lazy pages, search and sort in SQL, display formatting."""

import datetime as dt
from functools import partial

import pytest
from PySide6.QtCore import QModelIndex, Qt

from pairing_desktop.core import records
from pairing_desktop.core.rules.quotas import QuotaList, UnassignedHouseholds
from pairing_desktop.ui.list_model import ListModel, display
from pairing_desktop.ui.record_panel import ListPanel
from tests.helpers import save

pytestmark = pytest.mark.gui


@pytest.fixture
def townships(ledger):
    for i in range(450):
        save(ledger, "township", None, {"name": f"乡镇{i:03d}", "code": f"{i % 7}"})
    return records.EntityList(ledger, "township")


def test_model_passes_modeltester(qtmodeltester, townships):
    model = ListModel(townships, page_size=100)
    qtmodeltester.check(model)


def test_rows_arrive_a_page_at_a_time(townships):
    model = ListModel(townships, page_size=200)
    assert model.rowCount() == 200
    assert model.total == 450
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 450
    assert not model.canFetchMore()


def test_search_filters_in_sql(townships):
    model = ListModel(townships)
    model.set_search("乡镇04")
    assert model.total == 10
    assert {model.data(model.index(r, 0)) for r in range(model.rowCount())} == {
        f"乡镇04{i}" for i in range(10)}


def test_sort_by_header_column_descending(townships):
    model = ListModel(townships)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "乡镇449"
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, 0)) == "乡镇000"


def test_refresh_shows_a_new_record_and_ids_map_to_rows(ledger, townships):
    model = ListModel(townships)
    new_id = save(ledger, "township", None, {"name": "乡镇000A"})
    assert model.row_of_id(new_id) == -1
    model.refresh()
    assert model.total == 451
    row = model.row_of_id(new_id)
    assert row == 1
    assert model.id_at(row) == new_id
    assert model.id_at(99999) is None


def test_headers_and_invalid_index(townships):
    model = ListModel(townships)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "乡镇名称"
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    assert model.data(QModelIndex()) is None


def test_display_formats_bools_dates_and_numbers():
    assert display(True) == "是"
    assert display(False) == "否"
    assert display(dt.date(2008, 1, 5)) == "2008-01-05"
    assert display(3.0) == "3"
    assert display(2.5) == "2.5"
    assert display(None) == ""


def test_bool_column_shows_yes_no(ledger):
    unit = save(ledger, "unit", None, {"name": "县委组织部", "level": "县直"})
    rank = records.choices(ledger, "rank")[0][0]
    save(ledger, "cadre", None, {"unit": unit, "name": "张三", "rank": rank,
                                 "party_member": True, "reserve": False})
    model = ListModel(records.EntityList(ledger, "cadre"))
    keys = [k for k, _ in model.source.columns]
    assert model.data(model.index(0, keys.index("party_member"))) == "是"
    assert model.data(model.index(0, keys.index("reserve"))) == "否"
    assert model.data(model.index(0, keys.index("unit"))) == "县委组织部"


def test_quota_lists_pass_modeltester(qtmodeltester, ledger):
    unit = save(ledger, "unit", None, {"name": "县委组织部", "level": "县直"})
    rank = records.choices(ledger, "rank")[0][0]
    save(ledger, "cadre", None, {"unit": unit, "name": "张三", "rank": rank})
    township = save(ledger, "township", None, {"name": "城关镇"})
    village = save(ledger, "village", None, {"township": township, "name": "新村"})
    save(ledger, "household", None, {"village": village, "head_name": "李四"})
    quota = ListModel(QuotaList(ledger))
    unassigned = ListModel(UnassignedHouseholds(ledger))
    qtmodeltester.check(quota)
    qtmodeltester.check(unassigned)
    assert unassigned.data(unassigned.index(0, 0)) == "李四"
    assert quota.data(quota.index(0, 5)) == "不足"


def test_a_record_saved_beyond_the_first_page_is_found_and_selected(qtbot, host, townships):
    panel = ListPanel(host, partial(records.EntityList, entity="township"), ["township"])
    qtbot.addWidget(panel)
    late = save(host.ledger, "township", None, {"name": "乡镇999"})
    panel.refresh()
    assert panel.model.rowCount() == 200
    assert panel.select_id(late)
    assert panel.current_id() == late
    assert panel.model.rowCount() == 451
