"""The one write path: an operation checks who may do it, writes in one transaction, records
each change in the history, and returns a `Changes` value for the screens.

Modelled on Anki's collection operations (`CollectionOp` → `OpChanges`): the core decides what
changed; the UI only announces it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pairing_desktop.core import auth, history, sort_keys
from pairing_desktop.core.changes import (
    CREATED,
    DELETED,
    RESTORED,
    UPDATED,
    Changes,
    ChangesBuilder,
)
from pairing_desktop.core.errors import RefusedError
from pairing_desktop.core.i18n import tr
from pairing_desktop.core.storage.failures import as_storage_error, is_failure
from pairing_desktop.core.storage.ledger import Ledger

# The undo and redo stacks of a ledger's session (Ledger.session): an ordinary operation goes on
# UNDO (and clears REDO), an undo goes on REDO, a redo goes back on UNDO (AGAIN).
UNDO, REDO, AGAIN = "undo", "redo", "again"


class Operation:
    """An operation in progress: record every change through it, so that the permission check,
    the history and the Changes cannot be forgotten by any write."""

    def __init__(self, ledger: Ledger, label: str, need: str, who: auth.Who | None):
        self.ledger = ledger
        self.label = label
        self.need = need
        self.who = who
        self.record_id: uuid.UUID | None = None
        self.number: int | None = None
        self.changes = Changes(label)
        self._entries: list[history.Change] = []
        self._keyed: set[str] = set()  # kinds whose pinyin keys the caller wrote (keys_written)
        self._builder = ChangesBuilder()

    def allow(self, kind: str, *value_sets: dict[str, Any]) -> None:
        """Refuse (RefusedError, nothing written) unless the operator may change this record:
        its kind, and the township of each version of it (before and after an edit)."""
        scoped = auth.scoped(self.who) and self.need == auth.EDIT
        towns = [auth.township_of(kind, v) for v in value_sets] if scoped else []
        auth.authorize(self.who, self.need, kind, towns or [None])

    def created(self, kind: str, record_id: Any, after: dict[str, Any]) -> None:
        self.allow(kind, after)
        fields = {k: (None, history.encode(v)) for k, v in after.items() if v is not None}
        self._add(CREATED, kind, record_id, fields)

    def updated(self, kind: str, record_id: Any, before: dict[str, Any],
                after: dict[str, Any]) -> list[str]:
        """Record the fields that differ and return their names (none: nothing recorded), so
        the caller writes only those: fewer index pages rewritten per save."""
        fields = {}
        for name, value in after.items():
            old, new = history.encode(before.get(name)), history.encode(value)
            if old != new:
                fields[name] = (old, new)
        if not fields:
            return []
        self.allow(kind, before, after)
        self._add(UPDATED, kind, record_id, fields)
        return list(fields)

    def deleted(self, kind: str, record_id: Any, before: dict[str, Any]) -> None:
        self.allow(kind, before)
        fields = {k: (history.encode(v), None) for k, v in before.items() if v is not None}
        self._add(DELETED, kind, record_id, fields)

    def restored(self, kind: str, record_id: Any, values: dict[str, Any]) -> None:
        self.allow(kind, values)
        fields = {k: (None, history.encode(v)) for k, v in values.items() if v is not None}
        self._add(RESTORED, kind, record_id, fields)

    def record(self, action: str, kind: str, record_id: Any,
               fields: dict[str, tuple[Any, Any]] | str) -> None:
        """Record a change whose permission was decided by the caller: a merge judges a
        package by the office that sent it, not by the operator who imports it. Values are
        given as stored; or all of `fields` already written as the history writes them
        (history.new_records_fields), by a bulk writer that also wrote the records' pinyin
        keys (`keys_written`)."""
        self._add(action, kind, record_id, fields)

    def keys_written(self, kind: str) -> None:
        """Say that the caller wrote the pinyin keys (core.sort_keys) of the records of `kind`
        it recorded, in the statements that wrote their names: a bulk writer (a merge, an import) so
        spares every row a second UPDATE when the operation finishes."""
        self._keyed.add(kind)

    def _add(self, action: str, kind: str, record_id: Any,
             fields: dict[str, tuple[Any, Any]] | str) -> None:
        self._entries.append(history.Change(kind, history.record_key(record_id), action, fields))
        self._builder.add(action, kind, record_id)

    def _finish(self, undoes: int | None) -> None:
        operator = self.who.name if self.who else ""
        sort_keys.refresh((e.kind, e.record, e.fields[sort_keys.KEYED[e.kind]][1])
                          for e in self._entries if e.kind in sort_keys.KEYED
                          and e.kind not in self._keyed
                          and e.action != DELETED and sort_keys.KEYED[e.kind] in e.fields)
        # the history keeps the Chinese name (a Phrase is a str that also knows its English)
        self.number = history.append(operator, str(self.label), self._entries, undoes)
        self.changes = self._builder.build(self.label, self.record_id, self.number)


@contextmanager
def operation(ledger: Ledger, label: str, need: str = auth.EDIT, *, undoes: int | None = None,
              stack: str | None = UNDO, as_who: auth.Who | None = None) -> Iterator[Operation]:
    """Run the block as one operation: all of it and its history, or nothing.

    `stack` is where a finished operation goes for this session (UNDO for ordinary ones; an undo
    goes to REDO; None for what cannot be undone, such as accounts)."""
    if ledger.damage:  # first: a damaged file opened read-only says why it is read-only
        raise RefusedError(tr("台账文件已损坏（{problem}），已停止写入以免损坏扩散："
                              "这次修改没有保存。请用“文件 → 恢复”从最近的备份恢复。")
                           .format(problem=ledger.damage))
    if ledger.read_only:
        raise RefusedError(tr("此连接只读，不能修改台账。"))
    who = as_who or ledger.operator
    if who is None:
        raise RefusedError(auth.refusal(None, need, "", None) or "")
    op = Operation(ledger, label, need, who)
    try:
        with ledger.atomic():
            yield op
            op._finish(undoes)
    except Exception as exc:  # a full disk, a read-only file: rolled back, said in Chinese
        if is_failure(exc):
            raise as_storage_error(exc, ledger.path) from exc
        raise
    if op.number is not None and stack is not None:
        _remember(ledger, op, stack)


def _remember(ledger: Ledger, op: Operation, stack: str) -> None:
    undo = ledger.session.setdefault(UNDO, [])
    redo = ledger.session.setdefault(REDO, [])
    entry = (op.number, op.label)
    if stack == UNDO:
        undo.append(entry)
        redo.clear()
    elif stack == REDO:
        redo.append(entry)
    elif stack == AGAIN:
        undo.append(entry)
