"""操作日志: every change of every operation, who made it and when, chained by hashes.

Each entry's hash covers its own content and the previous entry's hash; the newest hash is also
kept as a setting. An entry edited, deleted or reordered with an outside tool breaks the chain,
and `verify` names the first entry that no longer fits. Values are kept as stored (ids as hex,
dates as ISO text), so undo can write them back unchanged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from peewee import SQL, fn

from pairing_desktop.core.bulk import paused_gc
from pairing_desktop.core.changes import ACTION_LABELS
from pairing_desktop.core.i18n import tr
from pairing_desktop.core.storage.ledger import Ledger, bound_executemany, bound_rows, uses_ledger
from pairing_desktop.core.storage.models import HistoryEntry, Setting, utcnow

GENESIS = "0" * 64
HEAD_KEY = "history_head"
TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def encode(value: Any) -> Any:
    """A value as the database stores it, in JSON: ids as hex, dates and times as text."""
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, dt.datetime):
        return value.strftime(TIME_FORMAT)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def record_key(record_id: Any) -> str:
    """How a record is named in the log: a UUID as hex (as in its table), else the text."""
    if isinstance(record_id, uuid.UUID):
        return record_id.hex
    try:
        return uuid.UUID(str(record_id)).hex
    except ValueError:
        return str(record_id)


@dataclass(frozen=True)
class Change:
    """One record's change within an operation: {field: (before, after)}, values encoded; or
    that mapping already written as `append` writes it (a bulk writer: `new_records_fields`)."""

    kind: str
    record: str
    action: str
    fields: dict[str, tuple[Any, Any]] | str


def _json_writer(sort_keys: bool) -> Callable[[Any], str]:
    """What json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=...) writes,
    by json's own C encoder made once: json.dumps sets up a new encoder on every call, which
    was 4 µs of the 11 µs that encoding an entry's fields took (bench/bench_sync.py: 50,000
    entries, two encodings each). Values are never cyclic, so no cycle check."""
    options = json.JSONEncoder(ensure_ascii=False, sort_keys=sort_keys, separators=(",", ":"))
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # a Python without json's C speedups
        return options.encode
    encoder = make(None, options.default, json.encoder.encode_basestring, None, ":", ",",
                   sort_keys, False, True)
    return lambda value: "".join(encoder(value, 0))


_encode_fields = _json_writer(sort_keys=True)
_encode_payload = _json_writer(sort_keys=False)

# How JSON writes a value of each type a stored row holds (json's own functions, C)
_VALUE_JSON: dict[type, Callable[[Any], str]] = {
    str: json.encoder.encode_basestring, int: int.__repr__, float: float.__repr__,
    bool: lambda value: "true" if value else "false"}


def new_records_fields(names: Sequence[str], columns: Sequence[Sequence[Any]]) -> list[str]:
    """The `fields` of the entries of new records, written as `append` writes a mapping
    ({name: [null, value]} for each value that is not None, names sorted, no spaces), from the
    records' values given as one column per name. Each column is written by C functions mapped
    over it, instead of a dict made and encoded per record: a merge of 50,000 new records
    (bench/bench_sync.py)."""
    parts = []
    for name, column in sorted(zip(names, columns, strict=True), key=lambda pair: pair[0]):
        head = f",{json.encoder.encode_basestring(name)}:[null,"
        types = set(map(type, column))
        if types == {type(None)}:  # no record has a value here: nothing to write
            continue
        if len(types) == 1 and types <= _VALUE_JSON.keys():  # one type, no None
            text = map(_VALUE_JSON[types.pop()], column)
            parts.append(list(map(head.__add__, map(str.__add__, text, repeat("]")))))
        else:
            parts.append(["" if v is None else f"{head}{_value_json(v)}]" for v in column])
    if not parts:
        return ["{}"] * len(columns[0]) if columns else []
    return ["{" + row[1:] + "}" for row in map("".join, zip(*parts, strict=True))]


def _value_json(value: Any) -> str:
    write = _VALUE_JSON.get(type(value))
    return write(value) if write else _encode_fields(value)


def _digest(prev_hash: str, row: Sequence[Any]) -> str:
    payload = _encode_payload([prev_hash, *row])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# Fixed SQL rather than peewee queries: the same statement text each time lets sqlite3 reuse its
# prepared statement, and building peewee queries was most of an operation's cost beyond raw
# SQLite (bench/bench_history.py: a household save went from 2.55x to 1.26x raw with this and
# the administrator's township look-ups skipped).
_HEAD_SQL = "SELECT seq, hash FROM history ORDER BY seq DESC LIMIT 1"
_INSERT_SQL = ("INSERT INTO history (seq, op, at, operator, label, kind, record, action, fields,"
               " undoes, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
# An upsert rather than SQLite's INSERT OR REPLACE, which PostgreSQL lacks; it resets what a
# replaced row would have reset (the trigger numbers the row, as it numbered the new one).
_HEAD_SETTING_SQL = ("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE"
                     " SET value = excluded.value, merged_rev = 0, vv = ''")


def _head() -> tuple[int, str]:
    last = bound_rows(_HEAD_SQL)
    return tuple(last[0]) if last else (0, GENESIS)


def append(operator: str, label: str, changes: Iterable[Change],
           undoes: int | None = None) -> int | None:
    """Write an operation's changes as chained entries (inside the caller's transaction, on the
    bound ledger); return the operation's number, None when it changed nothing."""
    seq, prev = _head()
    op = seq + 1
    at = utcnow().strftime(TIME_FORMAT)
    rows = []
    sha256 = hashlib.sha256
    with paused_gc():  # an import or a merge appends tens of thousands of entries here
        for change in changes:  # _digest written out: one pass over all the entries
            seq += 1
            fields = change.fields if isinstance(change.fields, str) \
                else _encode_fields(change.fields)  # a (before, after) tuple: a JSON list
            content = [seq, op, at, operator, label, change.kind, change.record, change.action,
                       fields, undoes]
            digest = sha256(_encode_payload([prev, *content]).encode("utf-8")).hexdigest()
            rows.append((*content, prev, digest))
            prev = digest
        if not rows:
            return None
        bound_executemany(_INSERT_SQL, rows)
    bound_rows(_HEAD_SETTING_SQL, (HEAD_KEY, json.dumps([seq, prev])))
    return op


_COLUMNS = ("seq", "op", "at", "operator", "label", "kind", "record", "action", "fields",
            "undoes")


# --- checking the chain ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    bad_seq: int | None = None  # the first entry that breaks the chain
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.bad_seq is None


@uses_ledger
def verify(ledger: Ledger) -> ChainCheck:
    """Recompute the chain from the first entry; name the first entry that does not fit."""
    prev = GENESIS
    count = 0
    expected_seq = 1
    rows = ledger.execute(f"SELECT {', '.join(_COLUMNS)}, prev_hash, hash FROM history"
                          " ORDER BY seq")
    for row in rows:
        content, prev_hash, digest = list(row[:10]), row[10], row[11]
        if not isinstance(content[2], str):  # a server gives a timestamp: hashed as its text
            content[2] = content[2].strftime(TIME_FORMAT)
        seq = content[0]
        if prev_hash != prev:
            what = tr("之前的记录被删除或调换") if seq != expected_seq or count else tr("被改动")
            return ChainCheck(count, seq, tr("操作日志第 {n} 条不接续上一条（{why}）").format(
                n=seq, why=what))
        if _digest(prev, content) != digest:
            return ChainCheck(count, seq, tr("操作日志第 {n} 条的内容被改动过").format(n=seq))
        prev = digest
        count += 1
        expected_seq = seq + 1
    head = Setting.get_or_none(Setting.key == HEAD_KEY)
    head_seq, head_hash = json.loads(head.value) if head else (0, GENESIS)
    if head_hash != prev:
        missing = head_seq if head_seq >= expected_seq else expected_seq
        return ChainCheck(count, missing,
                          tr("操作日志第 {n} 条起的记录被删除或改动"
                             "（最后一条应为第 {last} 条）").format(n=missing, last=head_seq))
    return ChainCheck(count)


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    seq: int
    op: int
    at: dt.datetime  # UTC
    operator: str
    label: str
    kind: str
    record: str
    action: str
    fields: dict[str, list[Any]]
    undoes: int | None

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def local_time(self) -> dt.datetime:
        return self.at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


def _entry(row: Sequence[Any]) -> Entry:
    seq, op, at, operator, label, kind, record, action, fields, undoes = row
    return Entry(seq, op, dt.datetime.strptime(at, TIME_FORMAT) if isinstance(at, str) else at,
                 operator, label, kind, record, action, json.loads(fields), undoes)


@dataclass(frozen=True)
class HistoryFilter:
    """What the 操作日志 window and `history` narrow to; None means any."""

    record: Any = None
    since: dt.date | None = None
    until: dt.date | None = None  # inclusive
    operator: str | None = None
    kind: str | None = None
    op: int | None = None


def _utc_start(day: dt.date) -> str:
    local = dt.datetime.combine(day, dt.time()).astimezone()
    return local.astimezone(dt.UTC).replace(tzinfo=None).strftime(TIME_FORMAT)


def _filtered(query: Any, where: HistoryFilter) -> Any:
    """The conditions of a filter, shared by the entries and their count."""
    h = HistoryEntry
    if where.record is not None:
        query = query.where(h.record == record_key(where.record))
    if where.op is not None:
        query = query.where(h.op == where.op)
    if where.since is not None:
        query = query.where(h.at >= _utc_start(where.since))
    if where.until is not None:
        query = query.where(h.at < _utc_start(where.until + dt.timedelta(days=1)))
    if where.operator:
        query = query.where(h.operator == where.operator)
    if where.kind:
        query = query.where(h.kind == where.kind)
    return query


EVERY_ENTRY = HistoryFilter()


@uses_ledger
def entries(ledger: Ledger, where: HistoryFilter = EVERY_ENTRY, limit: int | None = None,
            offset: int = 0, newest_first: bool = True) -> list[Entry]:
    """The entries matching a filter; a record's history reads its index (record, seq)."""
    h = HistoryEntry
    query = _filtered(h.select(*(getattr(h, c) for c in _COLUMNS)), where)
    query = query.order_by(h.seq.desc() if newest_first else h.seq)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return [_entry(row) for row in query.tuples()]


@uses_ledger
def count(ledger: Ledger, where: HistoryFilter = EVERY_ENTRY) -> int:
    """How many entries match (COUNT(*), not peewee's count(), which wraps every column)."""
    return _filtered(HistoryEntry.select(fn.COUNT(SQL("*"))), where).scalar()


@uses_ledger
def operators(ledger: Ledger) -> list[str]:
    """Every operator name that appears in the log, for the window's filter."""
    h = HistoryEntry
    return [r[0] for r in h.select(h.operator).distinct().order_by(h.operator).tuples()]


# --- what the log's kinds and fields are called (the entities name their own) ----------------

KIND_LABELS = {"letter": "责任书", "setting": "设置", "operator": "操作员", "backup": "备份",
               "export": "导出"}
SETTING_LABELS = {"auto_login": "自动登录", "profile": "县名和使用单位",
                  "duty_rules": "帮扶职责规则", "letters.font": "责任书字体",
                  "demo_county": "演示县数据", "activity_units": "活动计量单位"}
FIELD_LABELS = {"name": "用户名", "full_name": "姓名", "role": "角色", "township": "所属乡镇",
                "disabled": "停用", "password": "密码", "value": "设置值", "status": "状态",
                "printed_at": "打印时间", "printed_by": "打印人", "signed_on": "签订日期",
                "scan_path": "扫描件", "scan_hash": "扫描件校验值", "deleted_at": "删除时间",
                "code": "验证码", "party": "签署方", "title": "标题", "kind": "类型",
                "year": "年度", "version": "版本", "seed": "随机种子", "file": "文件",
                "entries": "条数", "content_hash": "内容校验值", "pairing": "结对",
                "unit": "帮扶单位", "cadre": "干部", "household": "贫困户", "previous": "上一版"}
