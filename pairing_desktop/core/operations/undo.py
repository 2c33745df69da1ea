"""Undo and redo: an operation of this session is reversed by a new operation, from its history.

Reversing is refused, with a message, where it would overwrite someone's later change or break a
rule: a record changed since, a record that others now refer to, a namesake created meanwhile.
"""

from __future__ import annotations

import uuid
from typing import Any

from pairing_desktop.core.changes import CREATED, DELETED, RESTORED, UPDATED, Changes
from pairing_desktop.core.entities import ENTITIES, EntitySpec
from pairing_desktop.core.errors import RefusedError, ValidationError
from pairing_desktop.core.history import HistoryFilter, encode, entries
from pairing_desktop.core.i18n import Phrase, shown, term, tr
from pairing_desktop.core.operations import settings
from pairing_desktop.core.operations.base import AGAIN, REDO, UNDO, Operation, operation
from pairing_desktop.core.operations.records import revive, stored, stored_value, tombstone
from pairing_desktop.core.records import referrers, validate
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.core.storage.models import Letter, Setting, utcnow

LETTER_FIELDS = ("status", "printed_at", "printed_by", "signed_on", "scan_path", "scan_hash",
                 "deleted_at")


def can_undo(ledger: Ledger) -> str | None:
    """The name of the operation Ctrl+Z would undo, in the interface's language, or None."""
    stack = ledger.session.get(UNDO) or []
    return shown(stack[-1][1]) if stack else None


def can_redo(ledger: Ledger) -> str | None:
    stack = ledger.session.get(REDO) or []
    return shown(stack[-1][1]) if stack else None


def undo(ledger: Ledger) -> Changes:
    """Reverse the last operation of this session that is not undone yet."""
    stack = ledger.session.get(UNDO) or []
    if not stack:
        raise RefusedError(tr("没有可以撤销的操作。"))
    number, label = stack[-1]
    changes = _reverse(ledger, number, Phrase("撤销：{label}", label=label), REDO, label)
    stack.pop()
    return changes


def redo(ledger: Ledger) -> Changes:
    """Do again what the last undo reversed (by reversing the undo)."""
    stack = ledger.session.get(REDO) or []
    if not stack:
        raise RefusedError(tr("没有可以重做的操作。"))
    number, label = stack[-1]
    original = label.removeprefix("撤销：") if label.startswith("撤销：") else label
    changes = _reverse(ledger, number, Phrase("重做：{label}", label=original), AGAIN, original)
    stack.pop()
    return changes


def _reverse(ledger: Ledger, number: int, label: str, stack: str, remembered: str) -> Changes:
    with operation(ledger, label, undoes=number, stack=stack) as op:
        done = entries(ledger, HistoryFilter(op=number))  # newest first: undone in reverse
        if not done:
            raise RefusedError(tr("找不到这次操作的记录，无法撤销。"))
        for entry in done:
            _reverse_one(op, entry.kind, entry.record, entry.action, entry.fields)
    # the stacks remember the operation by its plain name, so "撤销" reads the same twice
    held = ledger.session.get(stack if stack != AGAIN else UNDO) or []
    if held and held[-1][0] == op.number:
        held[-1] = (op.number, remembered)
    return op.changes


def _reverse_one(op: Operation, kind: str, record: str, action: str,
                 fields: dict[str, list[Any]]) -> None:
    if kind == "setting":
        before, after = fields["value"]
        _unchanged_since({"value": settings_text(record)}, {"value": after}, tr("设置"))
        settings.put(op, record, before)
        return
    if kind == "letter":
        _reverse_letter(op, uuid.UUID(record), action, fields)
        return
    spec = ENTITIES.get(kind)
    if spec is None:
        raise RefusedError(tr("账户的操作不能撤销，请在“操作员”中修改。"))
    rid = uuid.UUID(record)
    if action in (CREATED, RESTORED):
        current = stored(spec, rid, deleted=None)
        after = {k: v[1] for k, v in fields.items()}
        _unchanged_since(current, after, term(spec.label), _is_deleted(spec, rid), spec)
        tombstone(op, spec, rid)
    elif action == DELETED:
        revive(op, spec, rid)
    elif action == UPDATED:
        _reverse_update(op, spec, rid, fields)


def _reverse_update(op: Operation, spec: EntitySpec, rid: uuid.UUID,
                    fields: dict[str, list[Any]]) -> None:
    current = stored(spec, rid)
    _unchanged_since(current, {k: v[1] for k, v in fields.items()}, term(spec.label), spec=spec)
    values = {**current, **{k: v[0] for k, v in fields.items()}}
    try:
        checked = validate(op.ledger, spec, values, rid)
    except ValidationError as exc:
        raise RefusedError(tr("不能撤销：恢复原值会违反规则（{problem}）。").format(problem=exc)) \
            from exc
    changed = op.updated(spec.key, rid, current, checked)
    m = spec.model
    (m.update({**{getattr(m, k): stored_value(getattr(m, k), checked[k]) for k in changed},
               m.updated_at: utcnow()})
     .where(m.id == rid).execute())


def _reverse_letter(op: Operation, rid: uuid.UUID, action: str,
                    fields: dict[str, list[Any]]) -> None:
    row = Letter.select().where(Letter.id == rid).dicts().first()
    if row is None:
        raise RefusedError(tr("找不到这份责任书，无法撤销。"))
    current = {k: row[k] for k in fields}
    if action == CREATED:
        if row["deleted_at"] is not None:
            return
        if referrers(op.ledger, Letter, rid) or row["status"] != "草稿":
            raise RefusedError(tr("这份责任书已打印或已被引用，不能撤销它的生成。"))
        now = utcnow()
        op.updated("letter", rid, {"deleted_at": None}, {"deleted_at": now})
        Letter.update(deleted_at=now, updated_at=now).where(Letter.id == rid).execute()
        return
    _unchanged_since(current, {k: v[1] for k, v in fields.items()}, tr("责任书"))
    back = {k: v[0] for k, v in fields.items() if k in LETTER_FIELDS}
    op.updated("letter", rid, current, back)
    Letter.update({**back, "updated_at": utcnow()}).where(Letter.id == rid).execute()


def _is_deleted(spec: EntitySpec, rid: uuid.UUID) -> bool:
    m = spec.model
    return m.select().where((m.id == rid) & m.deleted_at.is_null(False)).exists()


def _unchanged_since(current: dict[str, Any], expected: dict[str, Any], what: str,
                     deleted: bool = False, spec: EntitySpec | None = None) -> None:
    """Refuse when a record no longer holds what the operation left (someone changed it since)."""
    if deleted:
        raise RefusedError(tr("不能撤销：此{kind}已在之后被删除。").format(kind=what))
    changed = [term(spec.field(k).label) if spec else k
               for k, v in expected.items() if encode(current.get(k)) != v]
    if changed:
        raise RefusedError(tr("不能撤销：此{kind}在之后又被修改过（{fields}），"
                              "撤销会覆盖后来的修改。").format(kind=what,
                                                      fields=tr("、").join(changed)))


def settings_text(key: str) -> str | None:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row else None
