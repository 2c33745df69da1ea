"""Undo and redo of this session's operations, and the 回收站, with their refusals."""

from __future__ import annotations

import pytest

from pairing_desktop.core import history, records
from pairing_desktop.core import operations as ops
from pairing_desktop.core.errors import RefusedError
from pairing_desktop.core.recycle import RecycleBin
from tests.helpers import dump, save

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server


def test_undo_puts_the_old_values_back_as_a_new_operation(ledger, village):
    ops.save(ledger, "village", village, {"secretary": "李德明"})
    assert ops.can_undo(ledger) == "修改村"
    changes = ops.undo(ledger)
    assert changes.updated == {"village": {village}} and changes.label == "撤销：修改村"
    assert records.load(ledger, "village", village)["secretary"] == "王国华"
    newest = history.entries(ledger, limit=2)
    assert [e.label for e in newest] == ["撤销：修改村", "修改村"]
    assert newest[0].undoes == newest[1].op
    assert newest[0].fields == {"secretary": ["李德明", "王国华"]}


def test_undo_and_redo_walk_back_and_forth_in_order(ledger, township):
    first = ops.save(ledger, "village", None, {"township": township, "name": "红岩村"}).record_id
    ops.save(ledger, "village", first, {"name": "红岩新村"})
    ops.save(ledger, "village", first, {"households": 90})
    ops.undo(ledger)
    ops.undo(ledger)
    assert records.load(ledger, "village", first)["name"] == "红岩村"
    assert ops.can_redo(ledger) == "修改村" and ops.can_undo(ledger) == "新建村"
    ops.redo(ledger)
    assert records.load(ledger, "village", first)["name"] == "红岩新村"
    ops.redo(ledger)
    assert records.load(ledger, "village", first)["households"] == 90
    assert ops.can_redo(ledger) is None
    ops.undo(ledger)
    ops.undo(ledger)
    ops.undo(ledger)  # the creation itself: the village goes to the bin
    assert records.counts(ledger, ["village"]) == {"village": 0}
    assert ops.can_undo(ledger) == "新建乡镇"  # the fixture's, in this session too
    ops.undo(ledger)
    with pytest.raises(RefusedError, match="没有可以撤销的操作"):
        ops.undo(ledger)
    ops.redo(ledger)
    ops.redo(ledger)
    assert records.load(ledger, "village", first)["name"] == "红岩村"


def test_a_new_operation_clears_what_could_be_redone(ledger, village):
    ops.save(ledger, "village", village, {"secretary": "李德明"})
    ops.undo(ledger)
    ops.save(ledger, "village", village, {"households": 500})
    assert ops.can_redo(ledger) is None
    with pytest.raises(RefusedError, match="没有可以重做的操作"):
        ops.redo(ledger)


def test_undo_is_refused_when_the_record_was_changed_since(ledger, village):
    ops.save(ledger, "village", village, {"secretary": "李德明"})
    other = ledger.session.pop("undo")  # someone else's session changes it afterwards
    ops.save(ledger, "village", village, {"secretary": "张平"})
    ledger.session["undo"] = other
    before = dump(ledger)
    with pytest.raises(RefusedError, match="在之后又被修改过（村支书）"):
        ops.undo(ledger)
    assert dump(ledger) == before
    assert ops.can_undo(ledger) == "修改村"  # still there: nothing was undone


def test_undoing_a_creation_is_refused_while_records_refer_to_it(ledger, township):
    village = ops.save(ledger, "village", None, {"township": township, "name": "红岩村"})
    stack = ledger.session.pop("undo")
    save(ledger, "household", None, {"village": village.record_id, "head_name": "杨秀英"})
    ledger.session["undo"] = stack
    with pytest.raises(RefusedError, match="仍有1 户贫困户引用它"):
        ops.undo(ledger)
    assert records.load(ledger, "village", village.record_id)["name"] == "红岩村"


def test_undo_of_a_delete_restores_and_of_a_reassignment_reopens(ledger, cadre, household, unit,
                                                                ranks):
    import datetime as dt

    other = save(ledger, "cadre", None, {"unit": unit, "name": "周敏", "rank": ranks["股级"]})
    first = save(ledger, "assignment", None, {"cadre": cadre, "household": household,
                                              "started_on": "2008-01-05"})
    moved = ops.reassign(ledger, household, other, dt.date(2008, 9, 1))
    ops.undo(ledger)
    assert records.load(ledger, "assignment", first)["ended_on"] is None
    with pytest.raises(RefusedError):
        records.load(ledger, "assignment", moved.record_id)
    ops.delete(ledger, "cadre", other)
    ops.undo(ledger)
    assert records.load(ledger, "cadre", other)["name"] == "周敏"


def test_the_recycle_bin_lists_who_deleted_what_and_restores_it(ledger, township):
    village = save(ledger, "village", None, {"township": township, "name": "红岩村"})
    ops.delete(ledger, "village", village)
    (row,) = RecycleBin(ledger).page()
    assert row[0] == village and row[1:3] == ("村", "红岩村") and row[4] == "admin"
    assert RecycleBin(ledger, "unit").count() == 0
    changes = ops.restore(ledger, "village", village)
    assert changes.created == {"village": {village}}
    assert RecycleBin(ledger).count() == 0
    assert history.entries(ledger, limit=1)[0].action == "restored"


def test_a_restore_that_would_duplicate_a_name_is_refused(ledger, township):
    village = save(ledger, "village", None, {"township": township, "name": "红岩村"})
    ops.delete(ledger, "village", village)
    save(ledger, "village", None, {"township": township, "name": "红岩村"})  # a new one since
    before = dump(ledger)
    with pytest.raises(RefusedError, match=r"不能恢复此村：.*“红岩村”已存在"):
        ops.restore(ledger, "village", village)
    assert dump(ledger) == before


def test_a_restore_whose_parent_is_gone_is_refused(ledger, township):
    village = save(ledger, "village", None, {"township": township, "name": "红岩村"})
    ops.delete(ledger, "village", village)
    ops.delete(ledger, "township", township)
    with pytest.raises(RefusedError, match="所属乡镇：所选记录不存在或已删除"):
        ops.restore(ledger, "village", village)


def test_restoring_a_live_record_is_refused(ledger, village):
    with pytest.raises(RefusedError, match="不在回收站中"):
        ops.restore(ledger, "village", village)
