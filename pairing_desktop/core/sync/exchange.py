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
import re
import uuid
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import ne, not_
from typing import Any

from peewee import BooleanField, FloatField, IntegerField, IntegrityError

from pairing_desktop.core import history, sort_keys
from pairing_desktop.core.bulk import paused_gc
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
        with paused_gc():
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

    def _refuse_unknown_township(self, kind: str, parents: tuple) -> None:
        """A township office's record in a township this ledger lacks: the township was made
        in the township's ledger instead of received from the county (ids differ), which the
        clerk can mend, unlike a record of another township."""
        township = self.finder.of(kind, dict(zip(K.parent_fields(kind), parents, strict=True)))
        if township is None or stored_rows("SELECT id FROM township WHERE id = ?", (township,)):
            return
        raise PackageError(tr("“{sender}”的交换包中有{kind}记录属于本台账没有的乡镇：乡镇台账里的"
                              "乡镇应来自县里下发的交换包，不要在乡镇台账里另建。"
                              "整个交换包已拒绝，未导入任何内容。").format(
                                  sender=self.sender, kind=term(K.spec(kind).label)))

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
        columns = _checked_columns(kind, rows)
        fields_of = names[1:]
        # positions (in a row's values) of the fields that lead to the record's township
        up = [fields_of.index(name) for name in K.parent_fields(kind)]
        scoped = self.scope is not None
        if scoped:  # each distinct parent once, not each row (its township is the same)
            for parents in set(zip(*(columns[1 + i] for i in up), strict=True)):
                if self._outside(kind, parents):
                    self._refuse_unknown_township(kind, parents)
                    self._refuse_scope(kind, tr("其他乡镇"))
        local = self._local(kind, list(columns[0]) if rows else [])
        # the pinyin key of a name is written with the name (core.sort_keys), not after it
        keyed = K.spec(kind).model._meta.fields.get(sort_keys.KEYED.get(kind, ""))
        name_at = fields_of.index(keyed.name) if keyed else -1
        inserts: list[tuple] = []
        # changed rows by the positions of the values that changed: each group is written by
        # an UPDATE of those columns only, so an index over columns that did not change is
        # left alone (a whole-row UPDATE rewrote every index entry of the row). A package that
        # names a record twice has its rows written whole and in order, as they come.
        updates: dict[tuple[int, ...], list[tuple]] = {}
        positions = range(len(fields_of))
        whole = tuple(positions) if len(set(columns[0])) != len(rows) else None
        me, rev, dump, compare, of_row = self.me.name, self.rev, V.dump, V.compare, V.of_row
        record, result = self.op.record, self.result
        if whole is None:  # each record once: the new ones a column at a time
            known = list(map(local.__contains__, columns[0]))
            new = columns if not any(known) else [
                tuple(compress(column, map(not_, known))) for column in columns]
            self._create(kind, new, name_at, inserts)
            rows = list(compress(rows, known))
        for row in rows:
            rid, theirs = row[0], row[-1]
            values = row[1:-1]
            mine = local.get(rid)
            if mine is None:  # a new record in a package that names some record twice
                self._create(kind, [(value,) for value in row], name_at, inserts)
                continue
            old, their_rev, merged_rev, vv = mine
            if scoped and any(old[i] != values[i] for i in up) \
                    and self._outside(kind, tuple(old[i] for i in up)):
                self._refuse_scope(kind, tr("其他乡镇"))
            order = compare(theirs, of_row(vv, their_rev, merged_rev, me))
            if order in (V.SAME, V.OLDER):
                result.unchanged += 1
            elif order == V.NEWER or old[2:] == tuple(values[2:]):
                # the same content made on both sides is taken as theirs: the row then
                # holds their vector exactly, as after any merge, so their next change is
                # plainly newer (a join would keep our entry, unknown to them, and make
                # every later change of theirs look concurrent)
                diff = tuple(compress(positions, map(ne, old, values)))
                fields = {fields_of[i]: (old[i], values[i]) for i in diff if i > 1}
                written = whole or diff
                key = (sort_keys.sort_key(values[name_at]),) if name_at in written else ()
                updates.setdefault(written, []).append(
                    (*map(values.__getitem__, written), *key, rev, rev, dump(theirs), rid))
                if fields:
                    record(UPDATED, kind, uuid.UUID(rid), fields)
                    result.updated += 1
                else:
                    result.unchanged += 1
                if rid in self.waiting:
                    self._close_conflicts(rid, theirs)
            else:
                self._conflict(kind, rid, dict(zip(fields_of, values, strict=True)), theirs)
        if kind in K.STEPS:
            self.finder.put_many(kind, columns[0], columns[1 + up[0]])
        self._write(kind, inserts, updates, name_at)
        if keyed:
            self.op.keys_written(kind)
        result.by_kind[kind] = len(columns[0])

    def _create(self, kind: str, columns: list[tuple], name_at: int,
                inserts: list[tuple]) -> None:
        """New records, given as columns (ids, each field, vectors): their rows for the INSERT
        and their history entries, built a column at a time (zip and map in C) rather than a
        row at a time, which was most of the Python time of a first package's merge."""
        ids, values, vectors = columns[0], columns[1:-1], columns[-1]
        count, rev = len(ids), self.rev
        keys = [tuple(map(sort_keys.sort_key, values[name_at]))] if name_at >= 0 else []
        inserts.extend(zip(ids, *values, *keys, repeat(rev, count), repeat(rev, count),
                           map(V.dump, vectors), strict=True))
        # what each record holds, for the history: its fields but created_at and updated_at,
        # and none that is empty
        fields = history.new_records_fields(K.columns(kind)[3:], values[2:])
        record = self.op.record
        for record_id, after in zip(map(uuid.UUID, ids), fields, strict=True):
            record(CREATED, kind, record_id, after)
        self.result.created += count

    def _outside(self, kind: str, parents: tuple) -> bool:
        """Whether a record with these parent values belongs to another township."""
        return self.finder.of(kind, dict(zip(K.parent_fields(kind), parents, strict=True))) \
            != self.scope

    def _write(self, kind: str, inserts: list[tuple],
               updates: dict[tuple[int, ...], list[tuple]], name_at: int) -> None:
        """The rows of a kind: the new ones in one executemany, then each group of changed
        ones (by the positions of the values they change). A row that writes a name writes
        its pinyin key beside it (`name_at`: the name's position, -1 for a kind without)."""
        names = K.columns(kind)[1:]
        cols = K.db_columns(kind)[1:]
        marks = K.marks(kind, names)
        table = K.table(kind)
        key = ("sort_key",) if name_at >= 0 else ()
        try:
            if inserts:
                bound_executemany(
                    f'INSERT INTO "{table}" (id, {", ".join((*cols, *key))}, rev, merged_rev,'
                    f' vv) VALUES (?, {", ".join((*marks, *("?" for _ in key)))}, ?, ?, ?)',
                    inserts)
            for diff, rows in updates.items():
                sets = [f'"{cols[i]}" = {marks[i]}' for i in diff]
                if name_at in diff:
                    sets.append("sort_key = ?")
                sets += ("rev = ?", "merged_rev = ?", "vv = ?")
                bound_executemany(f'UPDATE "{table}" SET {", ".join(sets)} WHERE id = ?', rows)
        except IntegrityError as exc:
            label = K.spec(kind).label
            raise PackageError(tr("交换包中的{kind}记录与本台账不符（{problem}）：引用了本台账"
                                  "没有的记录，或与已有记录重名、重号。未导入任何内容。").format(
                                      kind=term(label), problem=exc)) from exc

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


_HEX = re.compile("[0-9a-fA-F]*")


def _checked_columns(kind: str, rows: list[Any]) -> list[tuple]:
    """The rows' columns (ids, each field, the vectors), after the checks of `_check_row`.

    The checks are made a column at a time, a few C-level passes over 50,000 values instead of
    a Python test of each; they are never looser than `_check_row`, which names the first bad
    row whenever they find a fault, so the message is the same as row by row."""
    types = _types(kind)
    width = len(types) + 1
    if not rows:
        return [() for _ in range(width)]
    if set(map(type, rows)) == {list} and set(map(len, rows)) == {width}:
        columns = list(zip(*rows, strict=True))
        if _columns_fit(columns, types):
            return columns
    for row in rows:
        _check_row(kind, row, types)
    return list(zip(*rows, strict=True))  # the row checks found no fault after all


def _columns_fit(columns: list[tuple], types: list[tuple[frozenset[type], bool]]) -> bool:
    ids = columns[0]
    if set(map(type, ids)) != {str} or set(map(len, ids)) != {32} \
            or not _HEX.fullmatch("".join(ids)) or not all(map(V.valid, columns[-1])):
        return False
    for (allowed, nullable), values in zip(types[1:], columns[1:-1], strict=True):
        present = set(map(type, values))
        if type(None) in present:
            if not nullable:
                return False
            present.discard(type(None))
            values = [v for v in values if v is not None]
        if not present:
            continue
        if not present <= allowed:
            return False
        if present == {str}:
            if max(map(len, values)) > TEXT_MAX:
                return False
        elif str in present or not -2**62 < min(values) <= max(values) < 2**62:
            return False
    return True


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
