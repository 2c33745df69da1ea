"""Conflicts: a record changed here and at another office since they last exchanged.

The other office's version waits in `sync_conflict`; ours stays in the table. `pending` lists
them with both versions side by side, field by field, as a clerk reads them; `resolve` (inside
an operation, operations.packages.resolve_conflict) keeps one and records the choice. The
chosen version is written as a change of this office whose vector includes both, so it wins at
the other office too and the conflict does not come back.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from pairing_desktop.core.changes import UPDATED
from pairing_desktop.core.entities import ENTITIES, EntitySpec
from pairing_desktop.core.errors import RefusedError
from pairing_desktop.core.fields import Ref
from pairing_desktop.core.i18n import tr
from pairing_desktop.core.operations.base import Operation
from pairing_desktop.core.profile import office_of
from pairing_desktop.core.records import display_value
from pairing_desktop.core.storage.dialect import stored_rows
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger
from pairing_desktop.core.storage.models import Setting, SyncConflict, utcnow
from pairing_desktop.core.sync import kinds as K
from pairing_desktop.core.sync import versions as V

OURS, THEIRS = "ours", "theirs"
DELETED_LABEL = "是（已删除）"


@dataclass(frozen=True)
class FieldPair:
    name: str
    label: str
    ours: str
    theirs: str

    @property
    def differs(self) -> bool:
        return self.ours != self.theirs


@dataclass(frozen=True)
class Conflict:
    id: int
    kind: str
    kind_label: str
    record: str
    title: str
    office: str
    package_seq: int
    fields: tuple[FieldPair, ...]

    @property
    def differing(self) -> tuple[FieldPair, ...]:
        return tuple(f for f in self.fields if f.differs)


@uses_ledger
def pending(ledger: Ledger) -> list[Conflict]:
    """The conflicts waiting for a choice, oldest first."""
    rows = (SyncConflict.select().where(SyncConflict.resolved_at.is_null())
            .order_by(SyncConflict.id))
    return [_conflict(c) for c in rows]


@uses_ledger
def count(ledger: Ledger) -> int:
    return SyncConflict.select().where(SyncConflict.resolved_at.is_null()).count()


def _conflict(c: SyncConflict) -> Conflict:
    theirs = json.loads(c.values)
    if c.kind == "setting":
        row = Setting.get_or_none(Setting.key == c.record)
        pair = FieldPair("value", "设置值", row.value if row else "", theirs["value"])
        return Conflict(c.id, c.kind, "设置", c.record, c.record, c.office, c.package_seq, (pair,))
    spec = ENTITIES[c.kind]
    ours = _stored(c.kind, c.record)[0]
    pairs = [FieldPair(f.name, f.label, _show(spec, f.name, ours.get(f.name)),
                       _show(spec, f.name, theirs.get(f.name))) for f in spec.fields]
    pairs.append(FieldPair("deleted_at", "是否已删除", _state(ours), _state(theirs)))
    return Conflict(c.id, c.kind, spec.label, c.record, _title(spec, ours), c.office,
                    c.package_seq, tuple(pairs))


def _state(values: dict[str, Any]) -> str:
    return DELETED_LABEL if values.get("deleted_at") else "否"


def _stored(kind: str, record: str) -> tuple[dict[str, Any], int, int, str]:
    cols = K.db_columns(kind)
    rows = stored_rows(f'SELECT {", ".join(cols)}, rev, merged_rev, vv FROM "{K.table(kind)}"'
                      " WHERE id = ?", (record,))
    if not rows:
        raise RefusedError(tr("冲突的记录在本台账中已不存在。"))
    _id, *values, rev, merged_rev, vv = rows[0]
    return dict(zip(K.columns(kind)[1:], values, strict=True)), rev, merged_rev, vv


def _show(spec: EntitySpec, name: str, raw: Any) -> str:
    """A stored value as the clerk reads it: a reference by its record's name."""
    if raw is None:
        return ""
    f = spec.field(name)
    if isinstance(f.kind, Ref):
        ref = ENTITIES[f.kind.entity]
        found = _stored(f.kind.entity, raw)[0] if stored_rows(
            f'SELECT 1 FROM "{K.table(ref.key)}" WHERE id = ?', (raw,)) else None
        return _title(ref, found) if found else tr("（本台账没有此记录）")
    value = spec.model._meta.fields[name].python_value(raw)
    try:
        return f.display(value)
    except (TypeError, ValueError, KeyError):
        return display_value(value)


def _title(spec: EntitySpec, values: dict[str, Any]) -> str:
    return " — ".join(_show(spec, name, values.get(name)) for name in spec.title)


def resolve(op: Operation, conflict_id: int, choice: str) -> None:
    """Keep our version (OURS) or take the other office's (THEIRS), inside `op`."""
    if choice not in (OURS, THEIRS):
        raise RefusedError(tr("请选择保留本台账的版本或采用对方的版本。"))
    c = SyncConflict.get_or_none((SyncConflict.id == conflict_id)
                                 & SyncConflict.resolved_at.is_null())
    if c is None:
        raise RefusedError(tr("这个冲突已经处理过了。"))
    theirs_values = json.loads(c.values)
    me = office_of(op.ledger).name
    if c.kind == "setting":
        _resolve_setting(op, c, choice, theirs_values, me)
    else:
        ours_values, rev, merged_rev, vv = _stored(c.kind, c.record)
        joined = V.dump(V.join(V.of_row(vv, rev, merged_rev, me), V.parse(c.vv)))
        op.allow(c.kind, ours_values, theirs_values if choice == THEIRS else ours_values)
        cols = K.db_columns(c.kind)[1:]
        names = K.columns(c.kind)[1:]
        if choice == THEIRS:
            changed = {k: (ours_values[k], theirs_values[k]) for k in names
                       if ours_values[k] != theirs_values[k] and k != "created_at"}
            if changed:
                op.record(UPDATED, c.kind, uuid.UUID(c.record), changed)
            values = [theirs_values[k] for k in names]
            sets = ", ".join(f'"{col}" = {m}'
                             for col, m in zip(cols, K.marks(c.kind, names), strict=True))
            # rev is left as it is: the trigger numbers this write as a change made here
            stored_rows(f'UPDATE "{K.table(c.kind)}" SET {sets}, vv = ?, merged_rev = 0'
                       " WHERE id = ?", (*values, joined, c.record))
        else:
            stored_rows(f'UPDATE "{K.table(c.kind)}" SET vv = ?, merged_rev = 0 WHERE id = ?',
                       (joined, c.record))
    how = "保留本台账的版本" if choice == OURS else f"采用{c.office}的版本"
    op.record(UPDATED, "sync_conflict", c.record,
              {"resolution": (f"{c.office}第{c.package_seq}号交换包的冲突", how)})
    (SyncConflict.update(resolved_at=utcnow(), resolution=choice,
                         resolved_by=op.who.name if op.who else "")
     .where(SyncConflict.id == c.id).execute())


def _resolve_setting(op: Operation, c: SyncConflict, choice: str, theirs: dict[str, Any],
                     me: str) -> None:
    op.allow("setting")
    row = Setting.get_or_none(Setting.key == c.record)
    ours = V.of_row(row.vv, row.rev, row.merged_rev, me) if row else {}
    joined = V.dump(V.join(ours, V.parse(c.vv)))
    value = theirs["value"] if choice == THEIRS else (row.value if row else theirs["value"])
    if choice == THEIRS:
        op.record(UPDATED, "setting", c.record, {"value": (row.value if row else None, value)})
    stored_rows("INSERT INTO setting (key, value, vv, merged_rev) VALUES (?, ?, ?, 0)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value, vv = excluded.vv,"
                " merged_rev = 0", (c.record, value, joined))
