"""Every write is an operation: it returns what it changed and records each field before/after."""

from __future__ import annotations

import datetime as dt

import pytest

from pairing_desktop.core import history, records
from pairing_desktop.core import operations as ops
from pairing_desktop.core.duties.settings import load_rules, save_rules
from pairing_desktop.core.errors import RefusedError, ValidationError
from pairing_desktop.core.history import HistoryFilter
from tests.core.letter_fixtures import add_target
from tests.helpers import dump, save

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server


def last_op(ledger) -> list[history.Entry]:
    newest = history.entries(ledger, limit=1)[0]
    return history.entries(ledger, HistoryFilter(op=newest.op), newest_first=False)


def test_a_new_record_is_created_with_every_value_recorded(ledger, township):
    changes = ops.save(ledger, "village", None, {"township": township, "name": "红岩村",
                                                 "households": "212"})
    assert changes.created == {"village": {changes.record_id}}
    assert not changes.updated and not changes.deleted
    assert changes.kinds == {"village"} and changes.touches(["village", "unit"])
    assert not changes.touches(["unit"])
    (entry,) = last_op(ledger)
    assert (entry.operator, entry.label, entry.kind, entry.action) == (
        "admin", "新建村", "village", "created")
    assert entry.record == changes.record_id.hex
    assert entry.fields["name"] == [None, "红岩村"]
    assert entry.fields["households"] == [None, 212]
    assert entry.fields["township"] == [None, township.hex]
    assert entry.fields["status"] == [None, "帮扶中"]  # defaults are values too


def test_an_edit_records_only_the_fields_that_changed(ledger, village):
    changes = ops.save(ledger, "village", village, {"secretary": "李德明", "households": 415})
    assert changes.updated == {"village": {village}} and changes.record_id == village
    (entry,) = last_op(ledger)
    assert entry.action == "updated"
    assert entry.fields == {"secretary": ["王国华", "李德明"], "households": [412, 415]}


def test_saving_unchanged_values_is_no_change_and_no_history(ledger, village):
    before = history.count(ledger)
    changes = ops.save(ledger, "village", village, records.load(ledger, "village", village))
    assert not changes and changes.op is None
    assert history.count(ledger) == before


def test_a_refused_save_writes_neither_the_record_nor_history(ledger, village):
    before = dump(ledger)
    with pytest.raises(ValidationError):
        ops.save(ledger, "village", village, {"households": "-3"})
    assert dump(ledger) == before


def test_delete_records_the_values_it_took_away(ledger, unit):
    changes = ops.delete(ledger, "unit", unit)
    assert changes.deleted == {"unit": {unit}}
    (entry,) = last_op(ledger)
    assert entry.action == "deleted" and entry.fields["name"] == ["县财政局", None]


def test_reassign_is_one_operation_of_two_changes(ledger, cadre, household, unit, ranks):
    other = save(ledger, "cadre", None, {"unit": unit, "name": "周敏", "rank": ranks["股级"]})
    first = ops.save(ledger, "assignment", None, {
        "cadre": cadre, "household": household, "started_on": "2008-01-05"}).record_id
    changes = ops.reassign(ledger, household, other, dt.date(2008, 9, 1))
    assert changes.updated == {"assignment": {first}}
    assert changes.created == {"assignment": {changes.record_id}}
    entries = last_op(ledger)
    assert [(e.label, e.action) for e in entries] == [("调整帮扶干部", "updated"),
                                                      ("调整帮扶干部", "created")]
    assert entries[0].fields == {"ended_on": [None, "2008-09-01"]}
    assert len({e.op for e in entries}) == 1


def test_copying_targets_creates_them_in_one_operation(ledger):
    from tests.core.letter_fixtures import small_county

    county = small_county(ledger, 2008)
    pairing = county.pairings["石桥村"]
    add_target(ledger, pairing, 2007, 1, "建设沼气池", 20, "口")
    add_target(ledger, pairing, 2007, 2, "发展养殖户", 5, "户")
    changes = ops.copy_last_year(ledger, pairing, 2008)
    assert len(changes.created["target"]) == 2 and changes.kinds == {"target"}
    assert {e.fields["year"][1] for e in last_op(ledger)} == {2008}


def test_a_setting_is_an_operation_with_its_old_and_new_value(ledger):
    rules = load_rules(ledger)
    changes = save_rules(ledger, {"research": {"period": "month", "count": 2}})
    assert changes.kinds == {"setting"}
    (entry,) = last_op(ledger)
    assert entry.kind == "setting" and entry.record == "duty_rules"
    assert entry.fields["value"][0] is None and '"month"' in entry.fields["value"][1]
    assert load_rules(ledger)["research"] == {"period": "month", "count": 2}
    assert load_rules(ledger)["training"] == rules["training"]


def test_no_operation_without_an_operator(ledger):
    ledger.operator = None
    with pytest.raises(RefusedError, match="请先登录"):
        ops.save(ledger, "township", None, {"name": "城关镇"})


def test_a_reader_cannot_write(ledger):
    reader = ledger.reader()
    try:
        with pytest.raises(RefusedError, match="只读"):
            ops.save(reader, "township", None, {"name": "城关镇"})
    finally:
        reader.close()


def test_a_reader_sees_what_the_window_committed(ledger, township):
    reader = ledger.reader()
    try:
        assert records.counts(reader, ["township"]) == {"township": 1}
        save(ledger, "township", None, {"name": "甘棠镇"})
        assert records.counts(reader, ["township"]) == {"township": 2}
    finally:
        reader.close()
