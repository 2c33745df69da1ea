"""What travels between offices, in which order, and which township a record belongs to.

The county keeps the county-wide lists (townships, units, ranks and quotas, cadres, activity
types, the duty rules); a township office keeps its own township's villages and everything
hanging from them (auth.CLERK_KINDS). Letters stay where they were printed and signed (their
scans are files of that office); operators and the history are each ledger's own.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from peewee import BooleanField

from pairing_desktop.core.entities import ENTITIES, EntitySpec

# Parents before children, so that a record's references exist when it is written.
COUNTY_KINDS = ("township", "unit", "rank", "cadre", "activity_type")
TOWNSHIP_KINDS = ("village", "household", "farmer", "uv_pairing", "ut_pairing", "pm_pairing",
                  "stationed", "assignment", "target", "activity")
ORDER = (*COUNTY_KINDS, *TOWNSHIP_KINDS)
SETTING_KEYS = ("duty_rules",)  # county settings sent down; the rest are the office's own

BASE_COLUMNS = ("id", "created_at", "updated_at", "deleted_at")

# How to find a record's township: the field that leads one step closer, and its kind.
PARENT = {
    "village": ("township", "township"), "ut_pairing": ("township", "township"),
    "household": ("village", "village"), "farmer": ("village", "village"),
    "uv_pairing": ("village", "village"), "stationed": ("village", "village"),
    "pm_pairing": ("farmer", "farmer"), "assignment": ("household", "household"),
    "target": ("pairing", "uv_pairing"),
}
STEPS = ("village", "household", "farmer", "uv_pairing")  # kinds others reach the township by


def parent_fields(kind: str) -> tuple[str, ...]:
    """The fields of a record that `Townships.of` reads."""
    if kind == "activity":
        return ("pairing", "household")
    return (PARENT[kind][0],) if kind in PARENT else ()


def spec(kind: str) -> EntitySpec:
    return ENTITIES[kind]


def columns(kind: str) -> tuple[str, ...]:
    """The package's columns of a kind: the base columns, then the spec's fields."""
    return (*BASE_COLUMNS, *(f.name for f in ENTITIES[kind].fields))


def db_columns(kind: str) -> list[str]:
    fields = ENTITIES[kind].model._meta.fields
    return [fields[name].column_name for name in columns(kind)]


def marks(kind: str, names: tuple[str, ...] | list[str]) -> list[str]:
    """The parameter of each field in `names`: a package carries booleans as a file stores them
    (0/1), which a server takes for a boolean column only when cast (a no-op in a file)."""
    fields = ENTITIES[kind].model._meta.fields
    return ["CAST(? AS BOOLEAN)" if isinstance(fields[n], BooleanField) else "?" for n in names]


def table(kind: str) -> str:
    return ENTITIES[kind].model._meta.table_name


class Townships:
    """The township of records, by id (hex) of the step kinds, read once from the ledger and
    overlaid with a package's own rows as they are merged (their township after the merge)."""

    def __init__(self, rows: Any) -> None:
        self._rows = rows  # (sql) -> list of tuples: the bound ledger's raw reader
        self._up: dict[str, dict[str, str | None]] = {}

    def _map(self, kind: str) -> dict[str, str | None]:
        if kind not in self._up:
            field = PARENT[kind][0]
            column = ENTITIES[kind].model._meta.fields[field].column_name
            self._up[kind] = dict(self._rows(f'SELECT id, "{column}" FROM "{table(kind)}"'))
        return self._up[kind]

    def put(self, kind: str, record_id: str, values: dict[str, Any]) -> None:
        if kind in STEPS:
            self._map(kind)[record_id] = values.get(PARENT[kind][0])

    def put_many(self, kind: str, record_ids: Iterable[str], parents: Iterable[Any]) -> None:
        """`put` of many records of a step kind: their ids and their parent field's values."""
        self._map(kind).update(zip(record_ids, parents, strict=True))

    def of(self, kind: str, values: dict[str, Any]) -> str | None:
        """The township id (hex) of a record with these values, None for county records."""
        if kind == "activity":
            if values.get("pairing"):
                return self.of("target", {"pairing": values["pairing"]})
            if values.get("household"):
                return self.of("assignment", {"household": values["household"]})
            return None
        ref = values.get(PARENT[kind][0]) if kind in PARENT else None
        while ref is not None and kind in PARENT:
            parent = PARENT[kind][1]
            if parent == "township":
                return ref if isinstance(ref, str) else uuid.UUID(str(ref)).hex
            ref = self._map(parent).get(ref)
            kind = parent
        return None
