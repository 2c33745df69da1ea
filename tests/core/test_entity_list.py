"""EntityList, the source of every list in the program: paging, search and sort in SQL."""

from __future__ import annotations

import datetime as dt

import pytest

from pairing_desktop.core import operations as ops
from pairing_desktop.core import records
from pairing_desktop.core.entities import ENTITIES
from pairing_desktop.core.sort_keys import sort_key
from tests.helpers import id_number, save

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server

SURNAMES = "王李张刘陈杨黄赵吴周"


@pytest.fixture
def two_villages(ledger, township):
    other = save(ledger, "township", None, {"name": "素朴镇"})
    return (save(ledger, "village", None, {"township": township, "name": "新寨村"}),
            save(ledger, "village", None, {"township": other, "name": "红岩村"}))


@pytest.fixture
def homes(ledger, two_villages):
    """30 households: 20 in 新寨村, 10 in 红岩村, heads named surname + number."""
    ids = {}
    for n in range(30):
        head = f"{SURNAMES[n % 10]}{n:02d}"
        ids[head] = save(ledger, "household", None, {
            "village": two_villages[n // 20], "head_name": head, "group_name": f"{n % 3 + 1}组",
            "id_number": id_number("19600101", f"{n:02d}1"), "members": n % 7 + 1})
    return ids


def test_columns_are_the_listed_fields_with_their_labels(ledger):
    columns = records.EntityList(ledger, "household").columns
    assert columns[:3] == [("village", "所在村"), ("group_name", "村民组"), ("head_name", "户主")]
    assert "out_of_poverty_year" not in dict(columns)  # in_list=False


def test_pages_partition_the_list(ledger, homes):
    source = records.EntityList(ledger, "household")
    assert source.count() == 30
    pages = [source.page(offset=k, limit=7) for k in range(0, 35, 7)]
    assert [len(p) for p in pages] == [7, 7, 7, 7, 2]
    ids = [row[0] for p in pages for row in p]
    assert sorted(ids) == sorted(homes.values())


def test_rows_show_reference_labels_not_ids(ledger, homes):
    row = records.EntityList(ledger, "household").row_of(homes["王00"])
    assert row[0] == homes["王00"]
    assert row[1:4] == ("新寨村", "1组", "王00")


def test_default_sort_is_the_spec_sort_field(ledger, homes):
    """Names in pinyin order (陈 chen, 黄 huang, 刘 liu …), not by character code."""
    heads = [row[3] for row in records.EntityList(ledger, "household").page(limit=100)]
    assert heads == sorted(homes, key=sort_key) != sorted(homes)


@pytest.mark.parametrize("descending", [False, True])
def test_sort_by_a_column(ledger, homes, descending):
    source = records.EntityList(ledger, "household")
    members_col = [key for key, _ in source.columns].index("members")
    rows = source.page(sort=members_col, descending=descending, limit=100)
    members = [row[members_col + 1] for row in rows]
    assert members == sorted(members, reverse=descending)
    assert len(set(members)) == 7


def test_sort_by_a_reference_sorts_by_its_name_in_pinyin(ledger, homes):
    rows = records.EntityList(ledger, "household").page(sort=0, descending=True, limit=100)
    assert "红岩村" > "新寨村"  # by code point the other way round
    assert [row[1] for row in rows] == ["新寨村"] * 20 + ["红岩村"] * 10  # xin1 after hong2


@pytest.mark.parametrize(("text", "expected"), [
    ("王", {"王00", "王10", "王20"}),
    ("红岩", {f"{SURNAMES[n % 10]}{n:02d}" for n in range(20, 30)}),  # the village's name
    ("3组", {f"{SURNAMES[n % 10]}{n:02d}" for n in range(2, 30, 3)}),
    ("没有这个人", set()),
])
def test_search_matches_own_fields_and_reference_labels(ledger, homes, text, expected):
    source = records.EntityList(ledger, "household")
    rows = source.page(text, limit=100)
    assert {row[3] for row in rows} == expected
    assert source.count(text) == len(expected)


def test_search_by_id_number(ledger, homes):
    number = id_number("19600101", "131")
    assert [row[3] for row in records.EntityList(ledger, "household").page(number)] == ["刘13"]


def test_search_pages_and_sorts_together(ledger, homes):
    source = records.EntityList(ledger, "household")
    head_col = [key for key, _ in source.columns].index("head_name")
    rows = source.page("新寨", sort=head_col, descending=True, offset=5, limit=5)
    everything = sorted((h for n, h in enumerate(homes) if n < 20), key=sort_key, reverse=True)
    assert [row[3] for row in rows] == everything[5:10]


def test_filter_by_reference(ledger, homes, two_villages):
    source = records.EntityList(ledger, "household", filters={"village": two_villages[1]})
    assert source.count() == 10
    assert {row[1] for row in source.page(limit=100)} == {"红岩村"}
    assert source.row_of(homes["王00"]) is None  # in the other village


def test_deleted_records_leave_the_list(ledger, homes):
    ops.delete(ledger, "household", homes["王00"])
    source = records.EntityList(ledger, "household")
    assert source.count() == 29 and source.count("王") == 2
    assert source.row_of(homes["王00"]) is None


def test_pairing_list_names_both_sides(ledger, unit, village):
    pid = save(ledger, "uv_pairing", None, {"unit": unit, "village": village,
                                            "started_on": "2007-03-01"})
    row = records.EntityList(ledger, "uv_pairing").row_of(pid)
    assert row[1:3] == ("县财政局", "新寨村")
    assert records.EntityList(ledger, "uv_pairing").count("财政") == 1
    assert records.choices(ledger, "uv_pairing") == [(pid, "县财政局 — 新寨村")]


def test_choices_search_and_restrict_to_ids(ledger, two_villages):
    # a village is named with its township: two townships may each have a 大坝村; pinyin order
    assert [label for _, label in records.choices(ledger, "village")] == ["红岩村（素朴镇）",
                                                                  "新寨村（城关镇）"]
    assert records.choices(ledger, "village", "红") == [(two_villages[1], "红岩村（素朴镇）")]
    assert records.choices(ledger, "village", ids=[two_villages[0]]) == [(two_villages[0],
                                                                  "新寨村（城关镇）")]


def test_every_entity_lists_on_an_empty_ledger(ledger):
    for key in ENTITIES:
        source = records.EntityList(ledger, key)
        assert source.page("x") == [] and source.count("x") == 0


def test_display_value():
    assert records.display_value(True) == "是"
    assert records.display_value(False) == "否"
    assert records.display_value(860.0) == "860"
    assert records.display_value(dt.date(2008, 1, 5)) == "2008-01-05"
    assert records.display_value(None) == ""


def test_search_follows_a_reference_to_a_reference(ledger, unit, village):
    """A target is named by its pairing, which is named by a unit and a village."""
    pairing = save(ledger, "uv_pairing", None, {"unit": unit, "village": village,
                                                "started_on": "2007-03-01"})
    target = save(ledger, "target", None, {"pairing": pairing, "year": 2008, "category": 1,
                                           "description": "修通组组路"})
    source = records.EntityList(ledger, "target")
    for text in ("财政", "新寨", "组组路"):
        assert [row[0] for row in source.page(text)] == [target], text
        assert source.count(text) == 1
    assert source.count("交通局") == 0
