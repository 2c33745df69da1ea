"""Changing a setting kept in the ledger (duty rules, letter fonts, auto-login) as an operation."""

from __future__ import annotations

import json
from typing import Any

from pairing_desktop.core import auth
from pairing_desktop.core.changes import Changes
from pairing_desktop.core.operations.base import Operation, operation
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.core.storage.models import Setting


def set_setting(ledger: Ledger, key: str, value: Any, label: str,
                need: str = auth.ADMINISTER) -> Changes:
    """Store `value` (JSON) under `key`; None removes the setting (back to the default)."""
    with operation(ledger, label, need) as op:
        put(op, key, None if value is None else json.dumps(value, ensure_ascii=False))
    return op.changes


def put(op: Operation, key: str, text: str | None) -> None:
    """Write a setting's stored text inside an operation (undo writes the old text back)."""
    row = Setting.get_or_none(Setting.key == key)
    before = row.value if row else None
    if not op.updated("setting", key, {"value": before}, {"value": text}):
        return
    if text is None:
        Setting.delete().where(Setting.key == key).execute()
    else:
        # an upsert, which PostgreSQL has too (not REPLACE): resets what REPLACE reset
        (Setting.insert(key=key, value=text)
         .on_conflict(conflict_target=[Setting.key],
                      update={Setting.value: text, Setting.merged_rev: 0, Setting.vv: ""})
         .execute())
