"""Optimistic locking: a save made from a form that read an older version of the record is
refused, naming who changed it since, instead of silently overwriting that change."""

from __future__ import annotations

import pytest

from pairing_desktop.core import auth, records
from pairing_desktop.core import operations as ops
from pairing_desktop.core.errors import RefusedError
from pairing_desktop.core.ledgers import open_ledger
from tests.helpers import dump, save

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server


def test_a_second_window_on_the_same_file_does_not_overwrite_the_first(ledger):
    unit = save(ledger, "unit", None, {"name": "县财政局", "level": "县直"})
    other = open_ledger(ledger.path, lock=False)  # another program's connection to the file
    try:
        auth.auto_login(other)
        ops.create_operator(ledger, "lina", "secret123", auth.ADMIN, full_name="李娜")
        auth.login(other, "lina", "secret123")
        seen_here = records.load_with_revision(ledger, "unit", unit)[1]
        seen_there = records.load_with_revision(other, "unit", unit)[1]
        ops.save(other, "unit", unit, {"head": "李娜"}, expected_rev=seen_there)
        before = dump(ledger)
        with pytest.raises(RefusedError, match=r"已被“lina”于 .*（修改帮扶单位）修改"):
            ops.save(ledger, "unit", unit, {"head": "王芳"}, expected_rev=seen_here)
        assert dump(ledger) == before
        # read again, the save goes through
        ops.save(ledger, "unit", unit, {"head": "王芳"},
                 expected_rev=records.load_with_revision(ledger, "unit", unit)[1])
        assert ledger.execute("SELECT head FROM unit") == [("王芳",)]
    finally:
        other.close()


def test_any_write_to_the_record_counts_as_a_change_since(ledger):
    unit = save(ledger, "unit", None, {"name": "县财政局", "level": "县直"})
    seen = records.load_with_revision(ledger, "unit", unit)[1]
    with ledger.atomic():  # any write to the row, by any path, moves its number on
        ledger.execute("UPDATE unit SET contact = '张三' WHERE id = ?", (unit.hex,))
    with pytest.raises(RefusedError, match="在您打开之后已被"):
        ops.save(ledger, "unit", unit, {"head": "王芳"}, expected_rev=seen)


def test_the_change_number_comes_with_the_values_it_was_read_with(ledger):
    """A form takes both from one read (records.load_with_revision): handed back to the save,
    the number stands for exactly the values the clerk saw."""
    unit = save(ledger, "unit", None, {"name": "县财政局", "level": "县直"})
    values, seen = records.load_with_revision(ledger, "unit", unit)
    assert (values["head"], seen) == (None, ledger.execute("SELECT rev FROM unit")[0][0])
    ops.save(ledger, "unit", unit, {"head": "李娜"})
    values, now = records.load_with_revision(ledger, "unit", unit)
    assert values["head"] == "李娜" and now > seen
    with pytest.raises(RefusedError, match="在您打开之后已被"):
        ops.save(ledger, "unit", unit, {"contact": "王芳"}, expected_rev=seen)
    ops.save(ledger, "unit", unit, {"contact": "王芳"}, expected_rev=now)
