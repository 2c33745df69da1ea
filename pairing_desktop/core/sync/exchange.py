"""Making a package for an office and merging one from it (inside an operation).

Records are matched by their UUID and judged by their version vectors (sync.versions): an
incoming version that includes ours replaces it; one that ours already includes (a replay, an
older package) changes nothing; one made beside ours is a conflict, kept in `sync_conflict`
until someone chooses (sync.conflicts). Deletions are tombstones (`deleted_at`), so they travel
and are judged like any other change. The writes are plain executemany in one transaction;
bench/bench_sync.py times a merge against raw upserts of the same rows.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from peewee import BooleanField, FloatField, IntegerField, IntegrityError

from pairing_desktop.core.changes import CREATED, UPDATED
from pairing_desktop.core.i18n import term, tr
from pairing_desktop.core.operations.base import Operation
from pairing_desktop.core.profile import Office, office_of
from pairing_desktop.core.storage.dialect import stored_rows
from pairing_desktop.core.storage.ledger import Ledger, bound_executemany, uses_ledger
from pairing_desktop.core.storage.models import Setting, SyncConflict, SyncPeer, SyncSent, utcnow
from pairing_desktop.core.storage.schema import next_rev
from pairing_desktop.core.sync import kinds as K
from pairing_desktop.core.sync import versions as V
from pairing_desktop.core.sync.package import FORMAT, PackageError

CHUNK = 5000  # ids per IN (...) look-up: under SQLite's limit of 32,766 bound variables
TEXT_MAX = 100_000


@dataclass
class MergeResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        return (tr("新增 {created} 条，更新 {updated} 条，未变 {unchanged} 条，"
                   "冲突 {conflicts} 条").format(
                       created=self.created, updated=self.updated, unchanged=self.unchanged,
                       conflicts=self.conflicts))


# --- making a package ----------------------------------------------------------------------------


@uses_ledger
def recipients(ledger: Ledger) -> list[str]:
    """Where this ledger sends packages: the office it reports to, or (at the county) each
    township office it has exchanged with, then each township by name."""
    me = office_of(ledger)
    if not me.is_county:
        return [me.reports_to]
    known = [p.office for p in SyncPeer.select().order_by(SyncPeer.office)]
    towns = [name for (name,) in stored_rows(
        "SELECT name FROM township WHERE deleted_at IS NULL ORDER BY name")]
    return known + [t for t in towns if t not in known]


def township_id(name: str) -> str | None:
    rows = stored_rows("SELECT id FROM township WHERE name = ? AND deleted_at IS NULL", (name,))
    return rows[0][0] if rows else None


def build(me: Office, to: str) -> tuple[dict[str, Any], dict[str, Any], int]:
    """(header, body, seq) of the next package from this office to `to`: every record written
    here (not merely received) since the last package `to` said it had merged."""
    peer = SyncPeer.get_or_none(SyncPeer.office == to)
    acked = peer.acked_seq if peer else 0
    sent = SyncSent.get_or_none((SyncSent.office == to) & (SyncSent.seq == acked))
    since = sent.upto_rev if sent else 0
    seq = (peer.sent_seq if peer else 0) + 1
    upto = stored_rows("SELECT rev FROM sync_clock WHERE id = 1")[0][0]
    if me.is_county:
        town_name = peer.township if peer and peer.township else to
        town = township_id(town_name)
        wanted = (*K.COUNTY_KINDS, *(K.TOWNSHIP_KINDS if town else ()))
    else:
        town, wanted = None, K.TOWNSHIP_KINDS
    finder = K.Townships(stored_rows)
    body: dict[str, Any] = {"kinds": {}, "settings": []}
    count = 0
    for kind in wanted:
        cols = K.db_columns(kind)
        rows = stored_rows(
            f'SELECT {", ".join(cols)}, rev, merged_rev, vv FROM "{K.table(kind)}"'
            " WHERE rev > ? AND rev != merged_rev", (since,))
        names = K.columns(kind)
        out = []
        for *values, rev, merged_rev, vv in rows:
            if me.is_county and kind in K.TOWNSHIP_KINDS and \
                    finder.of(kind, dict(zip(names, values, strict=True))) != town:
                continue
            out.append([*values, V.of_row(vv, rev, merged_rev, me.name)])
        if out:
            body["kinds"][kind] = {"columns": list(names), "rows": out}
            count += len(out)
    if me.is_county:
        marks = ", ".join("?" * len(K.SETTING_KEYS))
        for key, value, rev, merged_rev, vv in stored_rows(
                f"SELECT key, value, rev, merged_rev, vv FROM setting WHERE key IN ({marks})"
                " AND rev > ? AND rev != merged_rev", (*K.SETTING_KEYS, since)):
            body["settings"].append([key, value, V.of_row(vv, rev, merged_rev, me.name)])
            count += 1
    received = peer.received_seq if peer else 0
    header = {"format": FORMAT, "county": me.county, "from": me.name, "to": to,
              "township": me.township, "seq": seq, "ack": received, "count": count,
              "made_at": utcnow().strftime("%Y-%m-%d %H:%M:%S")}
    SyncPeer.insert(office=to, sent_seq=seq).on_conflict(
        conflict_target=[SyncPeer.office], update={SyncPeer.sent_seq: seq}).execute()
    SyncSent.insert(office=to, seq=seq, upto_rev=upto).execute()
    return header, body, seq


# --- merging a package ---------------------------------------------------------------------------


def check_address(me: Office, header: dict[str, Any]) -> SyncPeer | None:
    """Refuse a package for another county or office, from an office we do not exchange with,
    or already merged (a replay, or older than one merged); return the sender's peer row."""
    sender = header["from"]
    if not me.county or not me.name:
        raise PackageError(tr("本台账还没有设置县名和使用单位，不能导入交换包：请先在设置中填写。"))
    if header["county"] != me.county:
        raise PackageError(tr("此交换包属于“{county}”，本台账是“{mine}”的："
                              "不能导入其他县的交换包，未导入任何内容。").format(
                                  county=header["county"], mine=me.county))
    if header["to"] != me.name:
        raise PackageError(tr("此交换包是“{sender}”发给“{to}”的，本台账是“{mine}”："
                              "未导入任何内容。请把它交给收件单位。").format(
                                  sender=sender, to=header["to"], mine=me.name))
    if me.is_county:
        if not header["township"]:
            raise PackageError(tr("“{sender}”不是乡镇的台账，县级台账只导入乡镇的交换包。")
                               .format(sender=sender))
        if township_id(header["township"]) is None:
            raise PackageError(tr("交换包来自“{sender}”，但本台账没有名为“{township}”"
                                  "的乡镇，未导入任何内容。").format(
                                      sender=sender, township=header["township"]))
    elif sender != me.reports_to:
        raise PackageError(tr("此交换包来自“{sender}”，本台账只接收“{office}”的交换包，"
                              "未导入任何内容。").format(sender=sender, office=me.reports_to))
    peer = SyncPeer.get_or_none(SyncPeer.office == sender)
    if me.is_county and peer and peer.township and peer.township != header["township"]:
        raise PackageError(tr("“{sender}”以前的交换包属于“{before}”，这个却写着"
                              "“{township}”，未导入任何内容。").format(
                                  sender=sender, before=peer.township, township=header["township"]))
    received = peer.received_seq if peer else 0
    if header["seq"] <= received:
        how = tr("已经导入过") if header["seq"] == received else \
            tr("比已导入的第 {n} 号旧").format(n=received)
        raise PackageError(tr("“{sender}”的第 {n} 号交换包{how}，"
                              "再次导入不会改变任何内容，已跳过。").format(
                                  sender=sender, n=header["seq"], how=how))
    if header["ack"] > (peer.sent_seq if peer else 0):
        raise PackageError(tr("此交换包说已收到本单位的第 {n} 号交换包，但本单位没有"
                              "生成过这个包：它不是发给本台账的，未导入任何内容。").format(
                                  n=header["ack"]))
    return peer


class Merge:
    """One package merged into the bound ledger inside `op`."""

    def __init__(self, op: Operation, me: Office, header: dict[str, Any],
                 body: dict[str, Any]) -> None:
        self.op, self.me, self.header, self.body = op, me, header, body
        self.sender = header["from"]
        self.result = MergeResult()
        # a township's package may change only its own township's records
        self.scope = township_id(header["township"]) if me.is_county else None
        self.finder = K.Townships(stored_rows)
        self.rev = next_rev()  # the number of every row this merge writes
        self.waiting = {r[0] for r in stored_rows(
            "SELECT record FROM sync_conflict WHERE resolved_at IS NULL")}

    def run(self) -> MergeResult:
        kinds = self.body.get("kinds")
        settings = self.body.get("settings", [])
        if not isinstance(kinds, dict) or not isinstance(settings, list):
            raise PackageError(tr("交换包的内容格式不对，未导入任何内容。"))
        unknown = set(kinds) - set(K.ORDER)
        if unknown:
            raise PackageError(tr("交换包中有本程序不认识的记录种类（{kinds}），"
                                  "未导入任何内容。").format(kinds="、".join(sorted(unknown))))
        for kind in K.ORDER:
            if kind in kinds:
                self._kind(kind, kinds[kind])
        if settings:
            self._settings(settings)
        total = self.result.created + self.result.updated + self.result.unchanged \
            + self.result.conflicts
        if total != self.header["count"]:
            raise PackageError(tr("交换包的记录数（{n}）与包头（{header}）不符，"
                                  "未导入任何内容。").format(n=total, header=self.header["count"]))
        self._remember_peer()
        return self.result

    def _refuse_scope(self, kind: str, what: str) -> None:
        raise PackageError(tr("“{sender}”的交换包要修改{whose}的{kind}记录："
                              "乡镇只能修改本乡镇（{township}）的记录。"
                              "整个交换包已拒绝，未导入任何内容。").format(
                                  sender=self.sender, whose=what, kind=term(K.spec(kind).label),
                                  township=self.header["township"]))

    def _kind(self, kind: str, block: Any) -> None:
        names = K.columns(kind)
        if not isinstance(block, dict) or block.get("columns") != list(names) \
                or not isinstance(block.get("rows"), list):
            raise PackageError(tr("交换包中{kind}的列与本程序不符：两边的程序版本"
                                  "可能不同，未导入任何内容。").format(kind=term(K.spec(kind).label)))
        if self.scope is not None and kind in K.COUNTY_KINDS:
            raise PackageError(tr("“{sender}”的交换包含有县级数据（{kind}）："
                                  "乡镇不能修改县级数据，整个交换包已拒绝，未导入任何内容。").format(
                                      sender=self.sender, kind=term(K.spec(kind).label)))
        rows = block["rows"]
        types = _types(kind)
        for row in rows:
            _check_row(kind, row, types)
        local = self._local(kind, [row[0] for row in rows])
        inserts, updates = [], []
        label = K.spec(kind).label
        fields_of = names[1:]
        # positions (in a row's values) of the fields that lead to the record's township
        up = [(name, fields_of.index(name)) for name in K.parent_fields(kind)]
        scoped = self.scope is not None
        steps = kind in K.STEPS
        for row in rows:
            rid, values, theirs = row[0], row[1:-1], row[-1]
            parents = {name: values[i] for name, i in up}
            if scoped and self.finder.of(kind, parents) != self.scope:
                self._refuse_scope(kind, tr("其他乡镇"))
            mine = local.get(rid)
            if mine is None:
                inserts.append((rid, *values, self.rev, self.rev, V.dump(theirs)))
                self.op.record(CREATED, kind, uuid.UUID(rid), {
                    fields_of[i]: (None, v) for i, v in enumerate(values)
                    if i > 1 and v is not None})  # not created_at, updated_at
                self.result.created += 1
            else:
                old, rev, merged_rev, vv = mine
                if scoped and any(old[i] != values[i] for _name, i in up) and self.finder.of(
                        kind, {name: old[i] for name, i in up}) != self.scope:
                    self._refuse_scope(kind, tr("其他乡镇"))
                order = V.compare(theirs, V.of_row(vv, rev, merged_rev, self.me.name))
                if order in (V.SAME, V.OLDER):
                    self.result.unchanged += 1
                elif order == V.NEWER or old[2:] == tuple(values[2:]):
                    # the same content made on both sides is taken as theirs: the row then
                    # holds their vector exactly, as after any merge, so their next change is
                    # plainly newer (a join would keep our entry, unknown to them, and make
                    # every later change of theirs look concurrent)
                    fields = {fields_of[i]: (old[i], v) for i, v in enumerate(values)
                              if i > 1 and v != old[i]}
                    updates.append((*values, self.rev, self.rev, V.dump(theirs), rid))
                    if fields:
                        self.op.record(UPDATED, kind, uuid.UUID(rid), fields)
                        self.result.updated += 1
                    else:
                        self.result.unchanged += 1
                    if rid in self.waiting:
                        self._close_conflicts(rid, theirs)
                else:
                    self._conflict(kind, rid, dict(zip(fields_of, values, strict=True)), theirs)
            if steps:
                self.finder.put(kind, rid, parents)
        cols = K.db_columns(kind)
        try:
            if inserts:
                marks = ", ".join((*K.marks(kind, names), "?", "?", "?"))
                bound_executemany(f'INSERT INTO "{K.table(kind)}" ({", ".join(cols)}, rev,'
                                  f" merged_rev, vv) VALUES ({marks})", inserts)
            if updates:
                sets = ", ".join(f'"{c}" = {m}' for c, m in zip(
                    (*cols[1:], "rev", "merged_rev", "vv"),
                    (*K.marks(kind, names[1:]), "?", "?", "?"), strict=True))
                bound_executemany(f'UPDATE "{K.table(kind)}" SET {sets} WHERE id = ?', updates)
        except IntegrityError as exc:
            raise PackageError(tr("交换包中的{kind}记录与本台账不符（{problem}）：引用了本台账"
                                  "没有的记录，或与已有记录重名、重号。未导入任何内容。").format(
                                      kind=term(label), problem=exc)) from exc
        self.result.by_kind[kind] = len(rows)

    def _local(self, kind: str, ids: list[str]) -> dict[str, tuple[tuple, int, int, str]]:
        """The stored rows of these ids: (values in the package's column order, rev,
        merged_rev, vv) by id."""
        cols = K.db_columns(kind)
        found = {}
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            sql = (f'SELECT {", ".join(cols)}, rev, merged_rev, vv FROM "{K.table(kind)}"'
                   f" WHERE id IN ({', '.join('?' * len(chunk))})")
            for row in stored_rows(sql, chunk):
                found[row[0]] = (row[1:-3], row[-3], row[-2], row[-1])
        return found

    def _conflict(self, kind: str, rid: str, after: dict[str, Any], theirs: V.Vector) -> None:
        open_ = SyncConflict.get_or_none((SyncConflict.record == rid)
                                         & (SyncConflict.office == self.sender)
                                         & SyncConflict.resolved_at.is_null())
        values = json.dumps(after, ensure_ascii=False)
        if open_ is None:
            SyncConflict.insert(kind=kind, record=rid, office=self.sender,
                                package_seq=self.header["seq"], values=values,
                                vv=V.dump(theirs)).execute()
        else:  # their newer version of the same record replaces the one waiting
            (SyncConflict.update(values=values, vv=V.dump(theirs),
                                 package_seq=self.header["seq"], received_at=utcnow())
             .where(SyncConflict.id == open_.id).execute())
        self.op.record(UPDATED, "sync_conflict", rid,
                       {"conflict": (None, f"{self.sender}的版本与本台账的修改冲突，待处理")})
        self.result.conflicts += 1

    def _close_conflicts(self, rid: str, vector: V.Vector) -> None:
        """A version that includes a waiting one settles that conflict (resolved elsewhere)."""
        for c in SyncConflict.select().where((SyncConflict.record == rid)
                                             & SyncConflict.resolved_at.is_null()):
            if V.compare(vector, V.parse(c.vv)) in (V.NEWER, V.SAME):
                (SyncConflict.update(resolved_at=utcnow(), resolution="merged",
                                     resolved_by=self.sender)
                 .where(SyncConflict.id == c.id).execute())

    def _settings(self, settings: list[Any]) -> None:
        if self.scope is not None:
            raise PackageError(tr("“{sender}”的交换包含有县级设置：乡镇不能修改县级设置，"
                                  "整个交换包已拒绝，未导入任何内容。").format(sender=self.sender))
        for item in settings:
            if not (isinstance(item, list) and len(item) == 3 and item[0] in K.SETTING_KEYS
                    and isinstance(item[1], str) and len(item[1]) <= TEXT_MAX
                    and V.valid(item[2])):
                raise PackageError(tr("交换包中的设置格式不对，未导入任何内容。"))
            key, value, theirs = item
            row = Setting.get_or_none(Setting.key == key)
            ours = V.of_row(row.vv, row.rev, row.merged_rev, self.me.name) if row else {}
            order = V.compare(theirs, ours)
            if order in (V.SAME, V.OLDER):
                self.result.unchanged += 1
                continue
            if order == V.CONCURRENT and row.value != value:
                self._conflict("setting", key, {"value": value}, theirs)
                continue
            stored_rows("INSERT INTO setting (key, value, rev, merged_rev, vv)"
                        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
                        " value = excluded.value, rev = excluded.rev,"
                        " merged_rev = excluded.merged_rev, vv = excluded.vv",
                       (key, value, self.rev, self.rev, V.dump(V.join(theirs, ours))))
            self.op.record(UPDATED, "setting", key, {"value": (row.value if row else None, value)})
            self.result.updated += 1

    def _remember_peer(self) -> None:
        h = self.header
        SyncPeer.insert(office=self.sender, township=h["township"] or None,
                        received_seq=h["seq"], acked_seq=h["ack"]).on_conflict(
            conflict_target=[SyncPeer.office],
            update={SyncPeer.received_seq: h["seq"], SyncPeer.township: h["township"] or None,
                    SyncPeer.acked_seq: h["ack"]}).execute()


_TYPES: dict[str, list[tuple[frozenset[type], bool]]] = {}


def _types(kind: str) -> list[tuple[frozenset[type], bool]]:
    """(the Python types a stored value of each column may have, whether it may be empty)."""
    if kind not in _TYPES:
        fields = K.spec(kind).model._meta.fields
        out = []
        for name in K.columns(kind):
            f = fields[name]
            if isinstance(f, BooleanField):
                types: tuple[type, ...] = (bool, int)
            elif isinstance(f, IntegerField):
                types = (int,)
            elif isinstance(f, FloatField):
                types = (int, float)
            else:
                types = (str,)
            out.append((frozenset(types), f.null or name == "deleted_at"))
        _TYPES[kind] = out
    return _TYPES[kind]


def _check_row(kind: str, row: Any, types: list[tuple[frozenset[type], bool]]) -> None:
    if type(row) is not list or len(row) != len(types) + 1 or not V.valid(row[-1]):
        raise PackageError(tr("交换包中{kind}的一行格式不对，未导入任何内容。").format(
            kind=term(K.spec(kind).label)))
    rid = row[0]
    if type(rid) is not str or len(rid) != 32 or not _is_hex(rid):
        raise PackageError(tr("交换包中{kind}的编号格式不对，未导入任何内容。").format(
            kind=term(K.spec(kind).label)))
    for i in range(1, len(types)):
        value = row[i]
        allowed, nullable = types[i]
        kind_of = type(value)
        if value is None:
            if nullable:
                continue
        elif kind_of in allowed:
            if kind_of is str and len(value) <= TEXT_MAX:
                continue
            if kind_of is not str and -2**62 < value < 2**62:
                continue
        raise PackageError(tr("交换包中{kind}（{id}）的值类型不对，未导入任何内容。").format(
            kind=term(K.spec(kind).label), id=rid))


def _is_hex(text: str) -> bool:
    try:
        int(text, 16)
    except ValueError:
        return False
    return True
