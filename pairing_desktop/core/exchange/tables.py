"""The live records of each kind as an import or an export sees them, held in memory.

An import checks 50,000 rows: asking the database for each reference and each uniqueness test
(two peewee queries a row, as `records.validate` does) would be most of its time. A `Table`
reads a kind's live records once (in the order they were entered: SQLite's rowid), indexes them
by the keys asked of it, and takes in each record the import accepts, so a later row (or sheet)
finds a village created on an earlier one.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from peewee import SQL

from pairing_desktop.core.entities import ENTITIES, EntitySpec
from pairing_desktop.core.masking import mask

Key = tuple[Any, ...]


class Tables:
    """One Table per kind, read from the bound ledger the first time it is asked for."""

    def __init__(self) -> None:
        self._tables: dict[str, Table] = {}

    def __getitem__(self, kind: str) -> Table:
        table = self._tables.get(kind)
        if table is None:
            table = self._tables[kind] = Table(ENTITIES[kind], self)
        return table


class Table:
    def __init__(self, spec: EntitySpec, tables: Tables):
        self.spec = spec
        self.tables = tables
        self.names = tuple(f.name for f in spec.fields)
        self.position = {name: i for i, name in enumerate(self.names)}
        m = spec.model
        query = (m.select(m.id, *(getattr(m, n) for n in self.names))
                 .where(m.deleted_at.is_null()).order_by(SQL("rowid")).tuples())
        self.rows: dict[uuid.UUID, tuple] = {row[0]: row[1:] for row in query.iterator()}
        self.origin: dict[uuid.UUID, str] = {}  # records this import made or changed: where
        self.failed: dict[Key, str] = {}  # names of rows refused, for a later row's message
        self._indexes: dict[tuple[str, ...], dict[Key, list[uuid.UUID]]] = {}
        self._paths: dict[str, dict[uuid.UUID, Any]] = {}

    def __contains__(self, record_id: Any) -> bool:
        return record_id in self.rows

    def values(self, record_id: uuid.UUID) -> dict[str, Any]:
        return dict(zip(self.names, self.rows[record_id], strict=True))

    def value(self, record_id: uuid.UUID, path: str) -> Any:
        """A field of a record, or through its references ("village.township.name")."""
        name, _, rest = path.partition(".")
        value = self.rows[record_id][self.position[name]]
        if not rest or value is None:
            return value
        ref = self.spec.field(name).ref or ""
        return self.tables[ref].path_value(value, rest)

    def path_value(self, record_id: uuid.UUID, path: str) -> Any:
        """`value`, remembered per path: a village's township name is read once, not once per
        household of the village."""
        cache = self._paths.setdefault(path, {})
        if record_id not in cache:
            cache[record_id] = self.value(record_id, path) if record_id in self.rows else None
        return cache[record_id]

    def key(self, record_id: uuid.UUID, paths: Sequence[str]) -> Key:
        return tuple(self.value(record_id, p) for p in paths)

    def index(self, paths: tuple[str, ...]) -> dict[Key, list[uuid.UUID]]:
        """Records by the values of `paths`, each list in the order the records were entered."""
        found = self._indexes.get(paths)
        if found is None:
            found = {}
            for record_id in self.rows:
                found.setdefault(self.key(record_id, paths), []).append(record_id)
            self._indexes[paths] = found
        return found

    def put(self, record_id: uuid.UUID, values: dict[str, Any], origin: str) -> None:
        """Take in a record the import created or changed (its stored values)."""
        old = self.rows.get(record_id)
        if old is not None:
            for paths, index in self._indexes.items():
                ids = index.get(self.key(record_id, paths), [])
                if record_id in ids:
                    ids.remove(record_id)
        self.rows[record_id] = tuple(values[n] for n in self.names)
        for paths, index in self._indexes.items():
            index.setdefault(self.key(record_id, paths), []).append(record_id)
        for cache in self._paths.values():
            cache.pop(record_id, None)
        self.origin[record_id] = origin

    def find(self, parts: dict[str, Any], masked: dict[str, str]) -> list[uuid.UUID]:
        """The records whose `parts` (path → value) are as given and whose masked numbers
        (path → 522423********1234) mask to the same."""
        paths = tuple(sorted(parts))
        found = self.index(paths).get(tuple(parts[p] for p in paths), []) if paths \
            else list(self.rows)
        for path, shown in masked.items():
            found = [i for i in found if mask(self.value(i, path)) == shown]
        return found


def db_value(value: Any) -> Any:
    """A value as the ledger stores it: ids as 32 hex digits, dates as ISO text."""
    if isinstance(value, uuid.UUID):
        return value.hex
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat() if not hasattr(value, "hour") else str(value)
    return value


def db_row(values: Iterable[Any]) -> tuple:
    return tuple(db_value(v) for v in values)
