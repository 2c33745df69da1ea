"""What an operation changed, so each screen refreshes only for what it shows (Anki's OpChanges).

Kinds are entity keys (`household`, `uv_pairing`…) plus `letter`, `setting` and `operator`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

CREATED, UPDATED, DELETED, RESTORED = "created", "updated", "deleted", "restored"
ACTIONS = (CREATED, UPDATED, DELETED, RESTORED)
ACTION_LABELS = {CREATED: "新建", UPDATED: "修改", DELETED: "删除", RESTORED: "恢复"}

_EMPTY: Mapping[str, frozenset[Any]] = MappingProxyType({})


@dataclass(frozen=True)
class Changes:
    """Which records of which kinds an operation created, updated or deleted (restored counts as
    created: the record is back in lists). `record_id` is the record a save was about; `op` the
    operation's number in the history (None when nothing changed)."""

    label: str = ""
    created: Mapping[str, frozenset[Any]] = field(default_factory=lambda: _EMPTY)
    updated: Mapping[str, frozenset[Any]] = field(default_factory=lambda: _EMPTY)
    deleted: Mapping[str, frozenset[Any]] = field(default_factory=lambda: _EMPTY)
    record_id: uuid.UUID | None = None
    op: int | None = None

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self.created) | frozenset(self.updated) | frozenset(self.deleted)

    def touches(self, kinds: Iterable[str]) -> bool:
        """True when any of `kinds` changed: the test each view makes before re-reading."""
        mine = self.kinds
        return any(k in mine for k in kinds)

    def ids(self, kind: str) -> frozenset[Any]:
        return (self.created.get(kind, frozenset()) | self.updated.get(kind, frozenset())
                | self.deleted.get(kind, frozenset()))

    def __bool__(self) -> bool:
        return bool(self.kinds)


class ChangesBuilder:
    """Collects an operation's changes as it makes them."""

    def __init__(self) -> None:
        self._sets: dict[str, dict[str, set[Any]]] = {a: {} for a in ACTIONS}

    def add(self, action: str, kind: str, record_id: Any) -> None:
        self._sets[action].setdefault(kind, set()).add(record_id)

    def build(self, label: str, record_id: uuid.UUID | None, op: int | None) -> Changes:
        def freeze(*actions: str) -> Mapping[str, frozenset[Any]]:
            merged: dict[str, set[Any]] = {}
            for action in actions:
                for kind, ids in self._sets[action].items():
                    merged.setdefault(kind, set()).update(ids)
            return MappingProxyType({k: frozenset(v) for k, v in merged.items()})

        return Changes(label, freeze(CREATED, RESTORED), freeze(UPDATED), freeze(DELETED),
                       record_id, op)
