"""回收站: the records deleted and not restored, with who deleted them and when.

Read from the history: a record whose latest entry is its deletion is in the bin. Restoring is
an operation (operations.restore), refused where it would break a rule.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import ClassVar

from pairing_desktop.core import records
from pairing_desktop.core.entities import ENTITIES
from pairing_desktop.core.history import TIME_FORMAT
from pairing_desktop.core.storage.ledger import Ledger, bound_rows, uses_own_ledger

_LATEST_DELETIONS = """
SELECT h.seq, h.kind, h.record, h.at, h.operator, h.fields FROM history h
WHERE h.action = 'deleted' AND h.kind IN ({kinds})
  AND h.seq = (SELECT MAX(seq) FROM history l WHERE l.record = h.record)
"""


@dataclass(frozen=True)
class Deleted:
    kind: str
    record_id: uuid.UUID
    title: str
    deleted_at: dt.datetime  # local time
    deleted_by: str


class RecycleBin:
    """A ListSource of deleted records, newest deletion first; `kind` narrows to one kind."""

    columns: ClassVar[list[tuple[str, str]]] = [
        ("kind", "类型"), ("title", "记录"), ("deleted_at", "删除时间"), ("deleted_by", "删除人")]

    def __init__(self, ledger: Ledger, kind: str | None = None):
        self.ledger = ledger
        self.kind = kind

    def _sql(self, search: str) -> tuple[str, list[str]]:
        kinds = [self.kind] if self.kind else list(ENTITIES)
        sql = _LATEST_DELETIONS.format(kinds=", ".join("?" * len(kinds)))
        params = list(kinds)
        if search.strip():
            sql += " AND (h.fields LIKE ? OR h.operator LIKE ?)"
            params += [f"%{search.strip()}%"] * 2
        return sql, params

    @uses_own_ledger
    def count(self, search: str = "") -> int:
        sql, params = self._sql(search)
        return bound_rows(f"SELECT COUNT(*) FROM ({sql}) AS deleted", params)[0][0]

    @uses_own_ledger
    def items(self, search: str = "", offset: int = 0, limit: int = 200) -> list[Deleted]:
        sql, params = self._sql(search)
        rows = bound_rows(f"{sql} ORDER BY h.seq DESC LIMIT ? OFFSET ?", [*params, limit, offset])
        refs = self._ref_labels(rows)
        found = []
        for _seq, kind, record, at, operator, fields in rows:
            spec = ENTITIES[kind]
            before = {k: v[0] for k, v in json.loads(fields).items()}
            parts = [refs.get(before.get(n), "") if spec.field(n).kind == "ref"
                     else records.display_value(before.get(n)) for n in spec.title]
            if isinstance(at, str):  # SQLite gives the text; a server, a timestamp
                at = dt.datetime.strptime(at, TIME_FORMAT)
            when = at.replace(tzinfo=dt.UTC).astimezone()
            found.append(Deleted(kind, uuid.UUID(record), " — ".join(p for p in parts if p),
                                 when.replace(tzinfo=None), operator))
        return found

    def _ref_labels(self, rows: list[tuple]) -> dict[str, str]:
        wanted: dict[str, set[str]] = {}
        for _seq, kind, _record, _at, _operator, fields in rows:
            spec = ENTITIES[kind]
            values = json.loads(fields)
            for name in spec.title:
                f = spec.field(name)
                if f.kind == "ref" and values.get(name, [None])[0]:
                    wanted.setdefault(f.ref or "", set()).add(values[name][0])
        labels = {}
        for kind, ids in wanted.items():
            for record_id, label in records.choices(self.ledger, kind, ids=list(ids)):
                labels[record_id.hex] = label
        return labels

    def page(self, search: str = "", sort: int | None = None, descending: bool = False,
             offset: int = 0, limit: int = 200) -> list[tuple]:
        """Rows for the list model (newest first; the bin is not sorted otherwise)."""
        return [(d.record_id, ENTITIES[d.kind].label, d.title,
                 d.deleted_at.strftime("%Y-%m-%d %H:%M"), d.deleted_by)
                for d in self.items(search, offset, limit)]

    def kind_of(self, record_id: uuid.UUID) -> str | None:
        """Which kind a listed record is, to restore it."""
        with self.ledger.bound():
            rows = bound_rows("SELECT kind FROM history WHERE record = ? ORDER BY seq DESC "
                              "LIMIT 1", [record_id.hex])
        return rows[0][0] if rows else None
