"""A merge writes in bulk (bench/bench_sync.py): each record once with its pinyin key, only the
columns that changed, rows checked a column at a time, history entries written in columns. The
result must be what the row-by-row writing gave: the same records, keys, history and messages."""

from __future__ import annotations

import gc
import hashlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pairing_desktop.core import history
from pairing_desktop.core import operations as ops
from pairing_desktop.core.sync import kinds as K
from pairing_desktop.core.sync import package
from pairing_desktop.core.sync.package import PackageError
from tests.core.sync_offices import OFFICE, offices, township
from tests.helpers import dump, save

ZP = "中坪镇"


@pytest.fixture
def net(tmp_path, ledger_template):
    made = offices(ledger_template, tmp_path)
    yield made
    made.close()


def households(town, count: int, village_name: str = "新寨村") -> tuple[str, list[str]]:
    village = save(town, "village", None, {"township": township(town, ZP), "name": village_name})
    return village, [save(town, "household", None, {"village": village, "head_name": f"王芳{n}",
                                                    "members": 3}) for n in range(count)]


def changes_made(ledger) -> int:
    """Rows the connection has inserted, updated or deleted so far (not those of triggers)."""
    return ledger.execute("SELECT total_changes()")[0][0]


def test_a_merge_writes_each_new_record_once_with_its_key(net):
    """Each new record is one INSERT (its pinyin key in it) and one history entry: no second
    UPDATE of every row for its key when the operation ends."""
    town = net.towns[ZP]
    written = []
    for name, count in (("新寨村", 2), ("老寨村", 6)):  # 3 records, then 7
        households(town, count, name)
        before = changes_made(net.county)
        ops.import_package(net.county, net.send(town, OFFICE))
        written.append(changes_made(net.county) - before)
    assert (written[1] - written[0]) / (7 - 3) == 2  # per record: its row and its entry
    assert dict(net.county.execute("SELECT head_name, sort_key FROM household")) == {
        f"王芳{n}": f"wang2fang1{n}" for n in range(6)}
    assert dict(net.county.execute("SELECT name, sort_key FROM village")) == {
        "新寨村": "xin1zhai4cun1", "老寨村": "lao3zhai4cun1"}


def stored(ledger) -> list[tuple]:
    """The households' stored values (not their change numbers, which are each office's)."""
    return ledger.execute(f"SELECT {', '.join(K.db_columns('household'))}, sort_key"
                          " FROM household ORDER BY id")


def result_op(ledger) -> int:
    return ledger.execute("SELECT max(op) FROM history")[0][0]


def test_changed_columns_renames_and_their_keys(net):
    town = net.towns[ZP]
    _village, ids = households(town, 3)
    ops.import_package(net.county, net.send(town, OFFICE))
    save(town, "household", ids[0], {"head_name": "阿里"})  # renamed: a new key
    save(town, "household", ids[1], {"members": 5, "phone": "13800000001"})
    save(town, "household", ids[2], {"members": 4})
    result = ops.import_package(net.county, net.send(town, OFFICE)).result
    assert (result.created, result.updated) == (0, 3)
    assert stored(net.county) == stored(town)
    assert dict(net.county.execute("SELECT head_name, sort_key FROM household")) == {
        "阿里": "a1li3", "王芳1": "wang2fang11", "王芳2": "wang2fang12"}
    op = result_op(net.county)
    fields = {e.record: e.fields for e in history.entries(net.county, history.HistoryFilter(op=op))}
    assert fields == {ids[0].hex: {"head_name": ["王芳0", "阿里"]},
                      ids[1].hex: {"members": [3, 5], "phone": [None, "13800000001"]},
                      ids[2].hex: {"members": [3, 4]}}
    assert history.verify(net.county).ok


def test_a_replay_of_the_same_rows_changes_nothing(net):
    town = net.towns[ZP]
    households(town, 3)
    sent = net.send(town, OFFICE)
    ops.import_package(net.county, sent)
    copy = package.read(sent)
    header = {**copy.header, "seq": copy.header["seq"] + 1}
    again = net.folder / "again.pdx"
    again.write_bytes(package.encode(header, copy.body))
    before = dump(net.county)
    result = ops.import_package(net.county, again).result
    assert (result.created, result.updated, result.unchanged) == (0, 0, 4)
    after = dump(net.county)
    for counters in ("sync_clock", "sync_peer"):  # the package's number is remembered
        del before[counters], after[counters]
    assert after == before  # no record and no history entry written


@pytest.mark.parametrize("column, value", [
    ("head_name", 5), ("members", "3"), ("members", 2**63), ("income_per_capita", "x"),
    ("kind", None), ("head_name", "长" * 100_001), ("members", True)])
def test_a_bad_value_in_any_row_is_named_as_row_by_row(net, column, value):
    """The column-wise check finds the fault and the row-by-row check names it: the message
    names the record, whichever row of many it is in."""
    town = net.towns[ZP]
    households(town, 30)
    sent = package.read(net.send(town, OFFICE))
    block = sent.body["kinds"]["household"]
    bad = block["rows"][17]
    bad[block["columns"].index(column)] = value
    path = net.folder / "bad.pdx"
    path.write_bytes(package.encode(sent.header, sent.body))
    before = dump(net.county)
    with pytest.raises(PackageError) as refused:
        ops.import_package(net.county, path)
    assert str(refused.value) == f"交换包中贫困户（{bad[0]}）的值类型不对，未导入任何内容。"
    assert dump(net.county) == before
    assert gc.isenabled()  # the collector, held during the merge, runs again after a refusal


def test_an_id_that_is_not_hex_is_refused(net):
    town = net.towns[ZP]
    households(town, 4)
    sent = package.read(net.send(town, OFFICE))
    sent.body["kinds"]["household"]["rows"][2][0] = "g" * 32
    path = net.folder / "bad.pdx"
    path.write_bytes(package.encode(sent.header, sent.body))
    with pytest.raises(PackageError, match="贫困户的编号格式不对"):
        ops.import_package(net.county, path)


def test_the_chain_is_json_dumps_and_sha256_of_each_entry(net):
    """Entries written in bulk hash exactly as the chain's definition says (json.dumps of the
    previous hash and the entry, SHA-256), so older ledgers and newer ones verify alike."""
    households(net.towns[ZP], 3)
    ops.import_package(net.county, net.send(net.towns[ZP], OFFICE))
    prev = history.GENESIS
    for *content, prev_hash, digest in net.county.execute(
            "SELECT seq, op, at, operator, label, kind, record, action, fields, undoes,"
            " prev_hash, hash FROM history ORDER BY seq"):
        text = json.dumps([prev, *content], ensure_ascii=False, separators=(",", ":"))
        assert (prev_hash, digest) == (prev, hashlib.sha256(text.encode()).hexdigest())
        prev = digest


VALUES = st.one_of(st.none(), st.booleans(), st.integers(-2**62, 2**62),
                   st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=8))


@given(st.lists(st.text(min_size=1, max_size=4), min_size=1, max_size=5, unique=True)
       .flatmap(lambda names: st.tuples(st.just(names), st.lists(
           st.lists(VALUES, min_size=len(names), max_size=len(names)), min_size=1,
           max_size=5))))
def test_new_records_fields_are_written_as_their_mapping(case):
    names, rows = case
    expected = [json.dumps({n: [None, v] for n, v in zip(names, row, strict=True)
                            if v is not None}, ensure_ascii=False, sort_keys=True,
                           separators=(",", ":")) for row in rows]
    assert history.new_records_fields(names, list(zip(*rows, strict=True))) == expected


def test_a_package_naming_a_record_twice_still_creates_its_new_records(net):
    """Rows are written one by one, in order, when a package names a record twice; a new record
    among them is created as in a column-wise merge: its row, its key, its history entry."""
    town = net.towns[ZP]
    _village, [first] = households(town, 1)
    ops.import_package(net.county, net.send(town, OFFICE))
    save(town, "household", first, {"head_name": "阿里"})
    _other, [new] = households(town, 1, "老寨村")
    sent = package.read(net.send(town, OFFICE))
    block = sent.body["kinds"]["household"]
    [again] = [row for row in block["rows"] if row[0] == first.hex]
    block["rows"].append(again)
    twice = net.folder / "twice.pdx"
    twice.write_bytes(package.encode({**sent.header, "count": sent.header["count"] + 1},
                                     sent.body))
    result = ops.import_package(net.county, twice).result
    assert result.created == 2  # the new household and its village
    assert stored(net.county) == stored(town)
    assert dict(net.county.execute("SELECT head_name, sort_key FROM household")) == {
        "阿里": "a1li3", "王芳0": "wang2fang10"}
    op = result_op(net.county)
    entries = {e.record: (e.action, e.fields) for e in history.entries(
        net.county, history.HistoryFilter(op=op)) if e.kind == "household"}
    assert entries[new.hex][0] == "created" and entries[new.hex][1]["head_name"] == [None, "王芳0"]
    assert history.verify(net.county).ok
