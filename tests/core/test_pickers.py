"""What the reference pickers offer and how a typed name becomes a reference: namesakes carry
where they belong, search runs in SQL word by word, and a name that matches no record, or
several, is refused instead of picking one by chance."""

from __future__ import annotations

import pytest

from pairing_desktop.core import operations as ops
from pairing_desktop.core import records
from pairing_desktop.core.errors import ValidationError
from pairing_desktop.core.storage.models import Assignment
from tests.helpers import save

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server


@pytest.fixture
def namesakes(ledger, unit, ranks, village, township):
    """Two cadres called 张伟 in two units; two households headed by 李四 in two villages."""
    other_unit = save(ledger, "unit", None, {"name": "县教育局", "level": "县直"})
    other_village = save(ledger, "village", None, {"township": township, "name": "新华村"})
    return {
        "张伟 财政": save(ledger, "cadre", None, {"unit": unit, "name": "张伟",
                                                "rank": ranks["股级"]}),
        "张伟 教育": save(ledger, "cadre", None, {"unit": other_unit, "name": "张伟",
                                                "rank": ranks["股级"]}),
        "李四 新寨": save(ledger, "household", None, {"village": village, "head_name": "李四"}),
        "李四 新华": save(ledger, "household", None, {"village": other_village,
                                                    "head_name": "李四", "group_name": "三组"}),
        "王五": save(ledger, "household", None, {"village": other_village, "head_name": "王五"}),
    }


def test_picker_labels_name_the_unit_and_the_village(ledger, namesakes):
    cadres = dict(records.choices(ledger, "cadre"))
    assert cadres[namesakes["张伟 财政"]] == "张伟（县财政局）"
    assert cadres[namesakes["张伟 教育"]] == "张伟（县教育局）"
    homes = dict(records.choices(ledger, "household"))
    assert homes[namesakes["李四 新华"]] == "李四（新华村·三组）"
    assert homes[namesakes["李四 新寨"]] == "李四（新寨村）"  # no group: no empty part


def test_lists_keep_the_bare_title(ledger, namesakes):
    source = records.EntityList(ledger, "household")
    heads = [row[3] for row in source.page()]  # village, group, head: columns of their own
    assert sorted(heads) == ["李四", "李四", "王五"]


def test_search_matches_every_word_anywhere_in_the_label(ledger, namesakes):
    assert records.choices(ledger, "household", "新华") == [
        (namesakes["李四 新华"], "李四（新华村·三组）"), (namesakes["王五"], "王五（新华村）")]
    assert records.choices(ledger, "household", "新华 李") == [
        (namesakes["李四 新华"], "李四（新华村·三组）")]
    assert records.choices(ledger, "household", "李四 不存在") == []
    assert len(records.choices(ledger, "household", "李", limit=1)) == 1


def test_a_unique_name_resolves(ledger, namesakes):
    assert records.resolve(ledger, "household", "王五") == namesakes["王五"]
    assert records.resolve(ledger, "cadre", " 张伟（县教育局） ") == namesakes["张伟 教育"]


def test_namesakes_must_be_picked(ledger, namesakes):
    with pytest.raises(ValueError, match="有 2 名干部都叫“张伟”，请从列表中选择"):
        records.resolve(ledger, "cadre", "张伟")


def test_an_unknown_name_is_refused(ledger, namesakes):
    with pytest.raises(ValueError, match="没有名为“赵六”的贫困户"):
        records.resolve(ledger, "household", "赵六")


def test_a_save_takes_names_and_refuses_ambiguous_ones(ledger, namesakes):
    """The importer and the command line pass names; the same rule as the GUI applies."""
    with pytest.raises(ValidationError) as caught:
        save(ledger, "assignment", None, {"cadre": "张伟", "household": "李四（新寨村）",
                                          "started_on": "2008-1-5"})
    assert caught.value.errors == {"cadre": "帮扶干部：有 2 名干部都叫“张伟”，请从列表中选择"}
    with ledger.bound():
        assert Assignment.select().count() == 0
    saved = save(ledger, "assignment", None, {"cadre": "张伟（县财政局）",
                                              "household": "李四（新寨村）",
                                              "started_on": "2008-1-5"})
    stored = records.load(ledger, "assignment", saved)
    assert (stored["cadre"], stored["household"]) == (namesakes["张伟 财政"],
                                                      namesakes["李四 新寨"])


def test_a_deleted_record_is_not_resolved(ledger, namesakes):
    ops.delete(ledger, "household", namesakes["王五"])
    with pytest.raises(ValueError, match="没有名为“王五”"):
        records.resolve(ledger, "household", "王五")
