"""The live records of each kind as an import or an export sees them, held in memory.

An import checks 50,000 rows: asking the database for each reference and each uniqueness test
(two peewee queries a row, as `records.validate` does) would be most of its time. A `Table`
reads a kind's live records once (in the order they were entered), indexes them
by the keys asked of it, and takes in each record the import accepts, so a later row (or sheet)
finds a village created on an earlier one.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from operator import itemgetter
from typing import Any

from pairing_desktop.core.entities import ENTITIES, EntitySpec
from pairing_desktop.core.fields import Bool, Date, Kind, Ref
from pairing_desktop.core.masking import mask
from pairing_desktop.core.storage.dialect import entry_order, on_server
from pairing_desktop.core.storage.ledger import bound_rows

Key = tuple[Any, ...]


class Tables:
    """One Table per kind, read from the bound ledger the first time it is asked for.

    `keys_only`: read only the fields that find and match records (names, ID numbers, the
    references of keys) until a record's whole values are asked for: an import of 50,000 new
    households then never reads the 100,000 households already there whole."""

    def __init__(self, keys_only: bool = False) -> None:
        self._tables: dict[str, Table] = {}
        self.keys_only = keys_only

    def __getitem__(self, kind: str) -> Table:
        table = self._tables.get(kind)
        if table is None:
            table = self._tables[kind] = Table(ENTITIES[kind], self, self.keys_only)
        return table


def key_fields(spec: EntitySpec) -> tuple[str, ...]:
    """The fields an import looks records up by: keys, unique fields, the names references
    give, and the end of a period (an open assignment)."""
    from pairing_desktop.core.exchange.workbook_format import KEYS, LINKS, REF_PATHS

    wanted = {n for key in KEYS[spec.key] for n in key}
    wanted |= {n for names, _ in spec.unique for n in names}
    wanted |= {p.split(".")[0] for p in REF_PATHS.get(spec.key, ())}
    wanted |= {"ended_on"} & {f.name for f in spec.fields}
    wanted |= {c.part.split(".")[0] for columns in LINKS.values() for c in columns
               if ENTITIES[c.link].field(c.field).ref == spec.key}
    return tuple(f.name for f in spec.fields if f.name in wanted)


class Table:
    def __init__(self, spec: EntitySpec, tables: Tables, keys_only: bool = False):
        self.spec = spec
        self.tables = tables
        self.all_names = tuple(f.name for f in spec.fields)
        self.names = key_fields(spec) if keys_only else self.all_names
        self.partial = self.names != self.all_names
        self.position = {name: i for i, name in enumerate(self.names)}
        self.rows: dict[uuid.UUID, tuple] = self._read(self.names)
        self.fresh: dict[uuid.UUID, dict[str, Any]] = {}  # whole values this import put
        self._getters: dict[tuple[str, ...], Any] = {}
        self.origin: dict[uuid.UUID, str] = {}  # records this import made or changed: where
        self.failed: dict[Key, str] = {}  # names of rows refused, for a later row's message
        self._indexes: dict[tuple[str, ...], dict[Key, list[uuid.UUID]]] = {}
        self._paths: dict[str, dict[uuid.UUID, Any]] = {}

    def _read(self, names: tuple[str, ...]) -> dict[uuid.UUID, tuple]:
        """Live records by id, their fields as peewee gives them (ids as UUIDs, dates as
        dates), read with plain SQL: peewee's rows took 3 s for 100,000 households here, this
        0.4 s."""
        m = self.spec.model
        fields = m._meta.fields
        columns = ", ".join(fields[n].column_name for n in ("id", *names))
        sql = (f"SELECT {columns} FROM {m._meta.table_name} WHERE deleted_at IS NULL"
               f" ORDER BY {entry_order()}")
        if on_server():  # its driver gives ids, dates and booleans as peewee does already
            return {row[0]: tuple(row[1:]) for row in bound_rows(sql)}
        converters = [(i, convert) for i, n in enumerate(names)
                      if (convert := _converter(self.spec.field(n).kind)) is not None]
        found = {}
        for row in bound_rows(sql):
            values = list(row[1:])
            for i, convert in converters:
                if values[i] is not None:
                    values[i] = convert(values[i])
            found[uuid.UUID(row[0])] = tuple(values)
        return found

    def __contains__(self, record_id: Any) -> bool:
        return record_id in self.rows

    def values(self, record_id: uuid.UUID) -> dict[str, Any]:
        """A record's whole values (the first ask of a table read with keys only reads every
        record whole, once)."""
        fresh = self.fresh.get(record_id)
        if fresh is not None:
            return dict(fresh)
        if self.partial:
            self._read_whole()
        return dict(zip(self.names, self.rows[record_id], strict=True))

    def _read_whole(self) -> None:
        whole = self._read(self.all_names)
        for record_id in self.rows:  # records written since, in the order they came
            if record_id not in whole and record_id in self.fresh:
                whole[record_id] = tuple(self.fresh[record_id][n] for n in self.all_names)
        self.rows = whole
        self.names = self.all_names
        self.partial = False
        self.position = {name: i for i, name in enumerate(self.names)}
        self._getters.clear()

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

    def _getter(self, paths: tuple[str, ...]) -> Callable[[tuple], Key] | None:
        """A row's key for paths in the record's own fields, by position (None for paths
        through references)."""
        if paths not in self._getters:
            if all("." not in p for p in paths):
                at = [self.position[p] for p in paths]
                if len(at) == 1:
                    only = at[0]
                    self._getters[paths] = lambda row: (row[only],)
                else:
                    self._getters[paths] = itemgetter(*at)
            else:
                self._getters[paths] = None
        return self._getters[paths]

    def key(self, record_id: uuid.UUID, paths: tuple[str, ...]) -> Key:
        getter = self._getter(paths)
        if getter is not None:
            return getter(self.rows[record_id])
        return tuple(self.value(record_id, p) for p in paths)

    def index(self, paths: tuple[str, ...]) -> dict[Key, list[uuid.UUID]]:
        """Records by the values of `paths`, each list in the order the records were entered."""
        found = self._indexes.get(paths)
        if found is None:
            found = {}
            getter = self._getter(paths)
            if getter is not None:
                for record_id, row in self.rows.items():
                    key = getter(row)
                    if key in found:
                        found[key].append(record_id)
                    else:
                        found[key] = [record_id]
            else:
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
        if self.partial:
            self.fresh[record_id] = values
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


def _converter(kind: Kind) -> Callable[[Any], Any] | None:
    """How a stored value becomes what peewee gives for its field (None: as it is). A
    reference's ids repeat (100,000 households in 3,600 villages): each made a UUID once."""
    if isinstance(kind, Ref):
        made: dict[str, uuid.UUID] = {}

        def as_uuid(text: str) -> uuid.UUID:
            found = made.get(text)
            if found is None:
                found = made[text] = uuid.UUID(text)
            return found

        return as_uuid
    if isinstance(kind, Date):
        return dt.date.fromisoformat
    if isinstance(kind, Bool):
        return bool
    return None


def db_value(value: Any) -> Any:
    """A value as the ledger stores it: ids as 32 hex digits, dates as ISO text."""
    kind = type(value)
    if kind is uuid.UUID:
        return value.hex
    if kind is dt.date:
        return value.isoformat()
    if kind is dt.datetime:
        return str(value)
    return value

