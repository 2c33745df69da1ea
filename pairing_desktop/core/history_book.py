"""The 操作日志 as the window and the workbook show it: one row per change, in columns.

`HistoryLog` is the window's list: counted and paged in SQL, newest first, so a log of 1,000,000
entries opens as fast as a short one. `write_history` streams the same rows to an .xlsx file.
ID and phone numbers are masked unless a county administrator asks for whole ones; such an export
is itself an operation in the history (who, when, which file), because the file then holds
personal data that the ledger no longer controls.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from pairing_desktop.core import auth, history, records
from pairing_desktop.core.changes import CREATED, DELETED, RESTORED, Changes
from pairing_desktop.core.entities import ENTITIES
from pairing_desktop.core.errors import RefusedError, ValidationError
from pairing_desktop.core.fields import Choice
from pairing_desktop.core.files import atomic_output
from pairing_desktop.core.history import Entry, HistoryFilter
from pairing_desktop.core.i18n import Phrase, term, tr, translated
from pairing_desktop.core.letters import KINDS as LETTER_KINDS
from pairing_desktop.core.masking import mask
from pairing_desktop.core.operations.base import operation
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger, uses_own_ledger
from pairing_desktop.core.storage.models import Operator

COLUMNS = [("at", "时间"), ("operator", "操作员"), ("label", "操作"), ("kind", "类型"),
           ("record", "记录"), ("changes", "修改内容")]
TIME_SHOWN = "%Y-%m-%d %H:%M:%S"
FULL_EXPORT_LABEL = Phrase("导出含完整证件号码的操作日志")
EXPORT_KIND = "export"
# kinds outside the entity table whose fields are a record's (the others hold counts, files)
RECORD_KINDS = frozenset({"operator", "letter"})
SHEET = "操作日志"
SHEET_WIDTHS = (20, 12, 26, 14, 28, 100)
MAX_ROWS = 1_048_575  # an Excel sheet's 1,048,576 rows, less the header
EXPORT_PAGE = 2000


@dataclass(frozen=True)
class Row:
    """One change as shown: local time, who, the operation, what kind of record, which record
    (by name), and the fields it changed, written out."""

    seq: int
    at: dt.datetime
    operator: str
    label: str
    kind: str
    record: str
    changes: str


def kind_labels() -> dict[str, str]:
    """Every kind of record the log names, with its label: the window's kind filter offers
    these, in the order of the entity table."""
    return {k: spec.label for k, spec in ENTITIES.items()} | history.KIND_LABELS


# --- rows -----------------------------------------------------------------------------------------


@uses_ledger
def rows(ledger: Ledger, found: Sequence[Entry], full_numbers: bool = False) -> list[Row]:
    """The entries as rows; references are named, ID and phone numbers masked unless
    `full_numbers`."""
    names = _names(ledger, found)
    kinds = kind_labels()
    return [Row(e.seq, e.local_time, e.operator, e.label, kinds.get(e.kind, e.kind),
                _title(e, names), _changes(e, names, full_numbers)) for e in found]


@uses_ledger
def lines(ledger: Ledger, found: Sequence[Entry], full_numbers: bool = False) -> list[str]:
    """The same rows as text, one change per line (`pairing-desktop history`)."""
    return [f"{r.at.strftime(TIME_SHOWN)}  {r.operator}  {r.label}  {r.kind}“{r.record}”  "
            f"{r.changes}" for r in rows(ledger, found, full_numbers)]


def _names(ledger: Ledger, found: Sequence[Entry]) -> dict[str, str]:
    """The names of the records the entries are about and refer to, by id (hex), read once for
    a page of entries."""
    wanted: dict[str, set[str]] = {}
    operators: set[str] = set()
    for e in found:
        spec = ENTITIES.get(e.kind)
        if e.kind == "operator":
            operators.add(e.record)
            wanted.setdefault("township", set()).update(
                v for v in e.fields.get("township", ()) if isinstance(v, str))
        if spec is None:
            continue
        wanted.setdefault(e.kind, set()).add(e.record)
        for name, pair in e.fields.items():
            if name in _ref_fields(e.kind):
                wanted.setdefault(spec.field(name).ref or "", set()).update(
                    v for v in pair if isinstance(v, str))
    names = {}
    for kind, ids in wanted.items():
        for record_id, label in records.choices(ledger, kind, ids=list(ids)):
            names[record_id.hex] = label
    if operators:
        ids = [uuid.UUID(i) for i in operators if _is_id(i)]
        for op_id, name in Operator.select(Operator.id, Operator.name).where(
                Operator.id.in_(ids)).tuples():
            names[op_id.hex] = name
    return names


def _ref_fields(kind: str) -> set[str]:
    return {f.name for f in ENTITIES[kind].fields if f.ref}


def _is_id(text: str) -> bool:
    try:
        return uuid.UUID(text).hex == text
    except ValueError:
        return False


def _title(e: Entry, names: dict[str, str]) -> str:
    """A record by its name now, else by the name it had in the entry (a deleted record), else
    by a setting's label, else by its key (a file name; the start of an id)."""
    if e.record in names:
        return names[e.record]
    spec = ENTITIES.get(e.kind)
    if spec is not None:
        parts = [e.fields[n][1] if e.fields[n][1] is not None else e.fields[n][0]
                 for n in spec.title if n in e.fields]
        title = " — ".join(names.get(p, str(p)) for p in parts if p)
        if title:
            return title
    code = e.fields.get("code", [None, None])
    return history.SETTING_LABELS.get(e.record) or code[1] or code[0] or (
        e.record[:8] if _is_id(e.record) else e.record)


def _field_label(kind: str, name: str) -> str:
    spec = ENTITIES.get(kind)
    if spec is not None and name in {f.name for f in spec.fields}:
        return spec.field(name).label
    if name in ENTITIES and kind not in RECORD_KINDS:  # a count of records (demo data, backups)
        return ENTITIES[name].label
    return history.FIELD_LABELS.get(name, name)


def _changes(e: Entry, names: dict[str, str], full_numbers: bool) -> str:
    """`村名：新寨村 → 新寨村（改）；…`, fields in the order of the form; a new or restored record
    lists what it holds, a deleted one what it held."""
    spec = ENTITIES.get(e.kind)
    own = {f.name for f in spec.fields} if spec else set()
    order = [f.name for f in spec.fields] if spec else list(history.FIELD_LABELS)
    fields = sorted(e.fields, key=lambda n: (order.index(n) if n in order else len(order), n))
    parts = []
    for name in fields:
        before, after = (_readable(e.kind, name, v) for v in e.fields[name])
        hide = not full_numbers and spec is not None and name in own \
            and spec.field(name).kind.personal
        label = _field_label(e.kind, name)
        if e.action in (CREATED, RESTORED):
            parts.append(f"{label}：{_shown(after, names, hide)}")
        elif e.action == DELETED:
            parts.append(f"{label}：{_shown(before, names, hide)}")
        else:
            parts.append(f"{label}：{_shown(before, names, hide)} → "
                         f"{_shown(after, names, hide)}")
    return "；".join(parts)


def _readable(kind: str, name: str, value: Any) -> Any:
    """A stored code as its words: a choice by its label, an operator's role by its label, a
    setting's JSON text by the text it holds."""
    spec = ENTITIES.get(kind)
    if spec is not None and value is not None and name in {f.name for f in spec.fields} \
            and isinstance(spec.field(name).kind, Choice):
        return spec.field(name).kind.display(value)
    if kind == "operator" and name == "role":
        return auth.ROLES.get(value, value)
    if kind == "letter" and name == "kind":
        return LETTER_KINDS.get(value, value)
    if kind == "setting" and name == "value" and isinstance(value, str):
        try:
            decoded = json.loads(value)
        except ValueError:
            return value
        return decoded if isinstance(decoded, str) else value
    return value


def _shown(value: Any, names: dict[str, str], hide: bool) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, str) and value in names:
        return names[value]
    if isinstance(value, float):
        return f"{value:g}"
    return str(mask(value) if hide else value)


# --- the window's list ----------------------------------------------------------------------------


class HistoryLog:
    """A ListSource of the entries matching a filter, newest first: one SQL page at a time.

    The window narrows it with its own filter fields, so `search` and `sort` are not used (the
    log reads newest first only: other orders would sort a million rows)."""

    columns: ClassVar[list[tuple[str, str]]] = COLUMNS

    def __init__(self, ledger: Ledger, where: HistoryFilter = history.EVERY_ENTRY):
        self.ledger = ledger
        self.where = where

    def count(self, search: str = "") -> int:
        return history.count(self.ledger, self.where)

    @uses_own_ledger
    def page(self, search: str = "", sort: int | None = None, descending: bool = False,
             offset: int = 0, limit: int = 200) -> list[tuple]:
        found = history.entries(self.ledger, self.where, limit, offset)
        return [(r.seq, r.at.strftime(TIME_SHOWN), r.operator, translated(r.label), term(r.kind),
                 r.record,
                 r.changes) for r in rows(self.ledger, found)]


# --- the workbook ---------------------------------------------------------------------------------


def write_history(ledger: Ledger, where: HistoryFilter, path: str | Path,
                  full_numbers: bool = False) -> Changes:
    """Write the matching entries, newest first, to an .xlsx file (openpyxl write-only: memory
    stays flat however long the log).

    With `full_numbers` only a county administrator may export, and the export is recorded as
    an operation in the same transaction as the file is put in place: a file that could not be
    written records nothing. Returns that operation's Changes (none for a masked export)."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError({"out": tr("输出文件：应以 .xlsx 结尾")})
    total = history.count(ledger, where)
    if total > MAX_ROWS:
        raise RefusedError(tr("符合条件的操作日志有 {n} 条，超过 Excel 工作表的 "
                              "{most} 行上限。请缩小日期范围或按操作员、类型筛选后再导出。")
                           .format(n=total, most=MAX_ROWS))
    if not full_numbers:
        _write(ledger, where, path, full_numbers=False)
        return Changes()
    who = ledger.operator
    if who is None or who.role != auth.ADMIN:
        role = tr("“{role}”").format(role=term(who.role_label)) if who else tr("未登录的操作员")
        raise RefusedError(tr("{who}不能导出完整的证件号码和电话号码：这只有县级管理员可以。")
                           .format(who=role))
    with operation(ledger, FULL_EXPORT_LABEL, auth.ADMINISTER, stack=None) as op:
        op.created(EXPORT_KIND, path.name, {"file": str(path), "entries": total})
        _write(ledger, where, path, full_numbers=True)
    return op.changes


@uses_ledger
def _write(ledger: Ledger, where: HistoryFilter, path: Path, full_numbers: bool) -> None:
    from openpyxl import Workbook  # here, not at the top: the window's start needs no Excel
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    for letter, width in zip("ABCDEF", SHEET_WIDTHS, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for _key, label in COLUMNS:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    offset = 0
    while found := history.entries(ledger, where, EXPORT_PAGE, offset):
        for r in rows(ledger, found, full_numbers):
            when = WriteOnlyCell(sheet, value=r.at.replace(microsecond=0))
            when.number_format = "yyyy-mm-dd hh:mm:ss"
            sheet.append([when, r.operator, r.label, r.kind, r.record, r.changes])
        offset += len(found)
    with atomic_output(path) as part:  # whole or not at all: no half a workbook under its name
        book.save(part)
