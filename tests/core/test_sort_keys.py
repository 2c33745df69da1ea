"""Names in pinyin order: the key beside each name is set on every write path, travels with
no record as a change, and the lists page by it."""

from __future__ import annotations

import pytest

from pairing_desktop.core import operations as ops
from pairing_desktop.core import records
from pairing_desktop.core.exchange import import_file
from pairing_desktop.core.sort_keys import sort_key
from tests.core.test_sync import net, village_with_household  # noqa: F401 - a fixture
from tests.helpers import id_number, save

NAMES = ["张三", "王芳", "阿里", "安顺", "白云", "陈志强", "赵红梅", "李建国", "Zhao"]


def keys(ledger, table: str = "household") -> dict[str, str | None]:
    column = "head_name" if table == "household" else "name"
    return dict(ledger.execute(f"SELECT {column}, sort_key FROM {table}"))


def test_pinyin_order_with_tone_numbers():
    assert sort_key("王芳") == "wang2fang1" and sort_key("吕梁") == "lv3liang2"
    assert sorted(NAMES, key=sort_key) == ["阿里", "安顺", "白云", "陈志强", "李建国", "王芳",
                                          "张三", "Zhao", "赵红梅"]
    assert sort_key("Ⅲ组") == "ⅲzu3" and sort_key(None) is None


@pytest.mark.both_backends
def test_a_list_of_names_pages_in_pinyin_order(ledger, village):
    for name in NAMES:
        save(ledger, "household", None, {"village": village, "head_name": name})
    source = records.EntityList(ledger, "household")
    column = [key for key, _ in source.columns].index("head_name")
    pages = [row[column + 1] for offset in (0, 4, 8)
             for row in source.page(offset=offset, limit=4)]
    assert pages == sorted(NAMES, key=sort_key)
    backwards = [row[column + 1] for row in source.page(sort=column, descending=True, limit=3)]
    assert backwards == ["赵红梅", "Zhao", "张三"]


@pytest.mark.both_backends
def test_saves_renames_and_undo_keep_the_key(ledger, village):
    household = save(ledger, "household", None, {"village": village, "head_name": "王芳"})
    assert keys(ledger) == {"王芳": "wang2fang1"}
    ops.save(ledger, "household", household, {"head_name": "安顺"})
    assert keys(ledger) == {"安顺": "an1shun4"}
    ops.undo(ledger)
    assert keys(ledger) == {"王芳": "wang2fang1"}


def test_an_import_gives_every_name_its_key(ledger, village, tmp_path):
    town = ledger.execute("SELECT name FROM township")[0][0]
    path = tmp_path / "户.csv"
    path.write_text("乡镇,所在村,户主\n" + "".join(f"{town},新寨村,{n}\n" for n in NAMES[:4]),
                    encoding="utf-8")
    assert import_file(ledger, path).ok
    assert keys(ledger) == {name: sort_key(name) for name in NAMES[:4]}


def test_an_import_renaming_a_record_gives_it_the_new_key_and_undo_the_old(ledger, village,
                                                                           tmp_path):
    number = id_number()
    save(ledger, "household", None, {"village": village, "head_name": "王芳",
                                     "id_number": number})
    town = ledger.execute("SELECT name FROM township")[0][0]
    path = tmp_path / "户.csv"
    path.write_text(f"乡镇,所在村,户主,身份证号\n{town},新寨村,安顺,{number}\n", encoding="utf-8")
    result = import_file(ledger, path)
    assert result.ok and result.counts["household"].updated == 1
    assert keys(ledger) == {"安顺": "an1shun4"}
    ops.undo(ledger)
    assert keys(ledger) == {"王芳": "wang2fang1"}


@pytest.mark.both_backends
def test_writing_a_key_alone_is_no_change_of_the_record(ledger, village):
    save(ledger, "household", None, {"village": village, "head_name": "王芳"})
    before = ledger.execute("SELECT rev FROM household")
    with ledger.atomic():
        ledger.execute("UPDATE household SET sort_key = 'x'")
    assert ledger.execute("SELECT rev FROM household") == before
    with ledger.atomic():
        ledger.execute("UPDATE household SET head_name = '王芳'")
    assert ledger.execute("SELECT rev FROM household") > before


def test_a_merged_record_gets_its_key_and_a_key_is_no_change(net):  # noqa: F811
    village_with_household(net.towns["中坪镇"], "中坪镇", "新寨村", "李四")
    result = ops.import_package(net.county, net.send(net.towns["中坪镇"], "县委组织部")).result
    assert result.created == 2
    assert keys(net.county)["李四"] == "li3si4"
    county = net.county
    before = county.execute("SELECT rev FROM sync_clock")
    with county.atomic():
        county.execute("UPDATE household SET sort_key = 'x'")
    assert county.execute("SELECT rev FROM sync_clock") == before  # derived: not an edit
    with county.atomic():
        county.execute("UPDATE household SET head_name = '李四'")
    assert county.execute("SELECT rev FROM sync_clock") > before


@pytest.mark.both_backends
def test_the_quota_and_unassigned_lists_sort_names_in_pinyin_order(ledger, village, unit, ranks):
    from pairing_desktop.core.rules.quotas import QuotaList, UnassignedHouseholds

    for name in NAMES[:6]:
        save(ledger, "household", None, {"village": village, "head_name": name})
        save(ledger, "cadre", None, {"unit": unit, "name": name, "rank": ranks["一般干部"]})
    expected = sorted(NAMES[:6], key=sort_key)
    assert [row[1] for row in QuotaList(ledger).page()] == expected != sorted(NAMES[:6])
    assert [row[1] for row in UnassignedHouseholds(ledger).page()] == expected
