"""Saving, deleting and restoring any kind of record, driven by its EntitySpec, as operations.

Each is checked whole first (ValidationError names the fields), changes nothing when refused, and
returns the Changes; `Changes.record_id` is the record saved.
"""

from __future__ import annotations

import uuid
from typing import Any

from peewee import IntegrityError

from pairing_desktop.core import history
from pairing_desktop.core.changes import Changes
from pairing_desktop.core.entities import EntitySpec
from pairing_desktop.core.errors import RefusedError, ValidationError
from pairing_desktop.core.history import HistoryFilter
from pairing_desktop.core.i18n import Phrase, term, tr, translated
from pairing_desktop.core.operations.base import Operation, operation
from pairing_desktop.core.records import (
    as_uuid,
    delete_refusal,
    fetch_row,
    spec_of,
    validate,
)
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.core.storage.models import utcnow


def stored(spec: EntitySpec, record_id: uuid.UUID, deleted: bool | None = False) -> dict[str, Any]:
    """The stored values of a record's fields (on the bound ledger). `deleted`: False for a live
    record, True for a tombstoned one, None for either; RefusedError when there is none."""
    row = fetch_row(spec.model, record_id, deleted)
    if row is None:
        said = tr("该{kind}记录不在回收站中。") if deleted else \
            tr("该{kind}记录不存在或已被删除。")
        raise RefusedError(said.format(kind=term(spec.label)))
    return {f.name: row[f.name] for f in spec.fields}


def save(ledger: Ledger, entity: str | EntitySpec, record_id: Any,
         raw: dict[str, Any], *, expected_rev: int | None = None) -> Changes:
    """Create (record_id None) or update a record.

    An update changes only the fields given: the others keep their stored values, so an
    importer or a script that sets one field does not blank the rest. `expected_rev` is the
    record's change number read with the values the form shows (`records.load_with_revision`):
    if anyone (another window on the same file, a merged package) changed it since, the save is
    refused, naming who, instead of silently overwriting their change."""
    spec = spec_of(entity)
    kind = Phrase.term(spec.label)
    label = Phrase("新建{kind}", kind=kind) if record_id is None else \
        Phrase("修改{kind}", kind=kind)
    with operation(ledger, label) as op:
        if expected_rev is not None and record_id is not None:
            _unchanged_since(ledger, spec, as_uuid(record_id), expected_rev)
        op.record_id = write(op, spec, as_uuid(record_id), raw)
    return op.changes


def _unchanged_since(ledger: Ledger, spec: EntitySpec, record_id: uuid.UUID,
                     expected_rev: int) -> None:
    m = spec.model
    row = m.select(m.rev).where(m.id == record_id).tuples().first()
    if row is None or row[0] == expected_rev:
        return
    last = history.entries(ledger, HistoryFilter(record=record_id), limit=1)
    who = (tr("“{operator}”于 {time}（{operation}）").format(
        operator=last[0].operator, time=f"{last[0].local_time:%Y-%m-%d %H:%M}",
        operation=translated(last[0].label)) if last else tr("其他操作"))
    raise RefusedError(tr("此{kind}在您打开之后已被{who}修改。为免覆盖这次修改，您的保存"
                          "没有写入：请关闭后重新打开此记录，再做修改。").format(
        kind=term(spec.label), who=who))


def write(op: Operation, spec: EntitySpec, record_id: uuid.UUID | None,
          raw: dict[str, Any]) -> uuid.UUID:
    """Save one record inside an operation (reassign and copy-targets save several in one)."""
    m = spec.model
    op.allow(spec.key)  # a role that may not touch this kind hears so before any checking
    before = stored(spec, record_id) if record_id is not None else None
    values = validate(op.ledger, spec, {**(before or {}), **raw}, record_id)
    values = {k: stored_value(getattr(m, k), v) for k, v in values.items()}
    data = {getattr(m, k): v for k, v in values.items()}
    try:
        if before is None:
            new_id = uuid.uuid4()
            op.created(spec.key, new_id, values)
            m.insert({m.id: new_id, **data}).execute()
            return new_id
        changed = op.updated(spec.key, record_id, before, values)
        if changed:
            (m.update({**{getattr(m, k): values[k] for k in changed}, m.updated_at: utcnow()})
             .where(m.id == record_id).execute())
        return record_id
    except IntegrityError as exc:  # a rule the database enforces that a race slipped past
        raise ValidationError({"": tr("{kind}：与已有记录冲突（{problem}）").format(
            kind=term(spec.label), problem=exc)}) from exc


def stored_value(column: Any, value: Any) -> Any:
    """Nothing, for a column that cannot be empty (an activity type's comma lists), is its
    default: the kinds say "nothing chosen" as None."""
    return column.default if value is None and not column.null and column.default is not None \
        else value


def delete(ledger: Ledger, entity: str | EntitySpec, record_id: Any) -> Changes:
    """Tombstone a record (it goes to the 回收站); refused, naming what still refers to it."""
    spec = spec_of(entity)
    with operation(ledger, Phrase("删除{kind}", kind=Phrase.term(spec.label))) as op:
        op.record_id = as_uuid(record_id)
        tombstone(op, spec, op.record_id)
    return op.changes


def tombstone(op: Operation, spec: EntitySpec, record_id: uuid.UUID) -> None:
    m = spec.model
    before = stored(spec, record_id)
    op.deleted(spec.key, record_id, before)
    refusal = delete_refusal(op.ledger, spec, record_id)
    if refusal:
        raise RefusedError(refusal)
    now = utcnow()
    m.update({m.deleted_at: now, m.updated_at: now}).where(m.id == record_id).execute()


def restore(ledger: Ledger, entity: str | EntitySpec, record_id: Any) -> Changes:
    """Bring a deleted record back from the 回收站; refused where it would now break a rule
    (a namesake was created since, a record it refers to was deleted)."""
    spec = spec_of(entity)
    with operation(ledger, Phrase("恢复{kind}", kind=Phrase.term(spec.label))) as op:
        op.record_id = as_uuid(record_id)
        revive(op, spec, op.record_id)
    return op.changes


def revive(op: Operation, spec: EntitySpec, record_id: uuid.UUID) -> None:
    m = spec.model
    values = stored(spec, record_id, deleted=True)
    op.restored(spec.key, record_id, values)
    try:
        validate(op.ledger, spec, values, record_id)
    except ValidationError as exc:
        raise RefusedError(tr("不能恢复此{kind}：{problem}").format(kind=term(spec.label),
                                                                  problem=exc)) from exc
    m.update({m.deleted_at: None, m.updated_at: utcnow()}).where(m.id == record_id).execute()
