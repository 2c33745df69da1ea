"""Importing a workbook: every row checked first, then all written in one operation, or nothing.

The rows are checked by the same field kinds and rules as a save through the form
(`records.validate`), but against the kinds' records held in memory (`tables`), so that 50,000
rows are not 100,000 database queries; each accepted record is recorded through the operation
(`op.created` / `op.updated`: the role check per record and the history), and the rows are
written with executemany. Rules that read the ledger (a household with one open assignment, an
activity inside its pairing's dates) see every row accepted before theirs: those kinds' rows are
written before each such rule runs.

A row updates the record it matches (workbook_format.KEYS); importing the same workbook twice
changes nothing. A blank cell of a matched record leaves its value as it was, so a sheet of only
some columns updates only those; a new record takes the field's default. A number a masked export
shows (522423********1234) keeps the record's own number when it masks to the same.

A dry run does all the same work, in the same transaction, and rolls it back: its counts are what
the import will do.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pairing_desktop.core import auth, sort_keys
from pairing_desktop.core.bulk import paused_gc
from pairing_desktop.core.changes import Changes
from pairing_desktop.core.entities import ENTITIES, EntitySpec
from pairing_desktop.core.errors import PairingError, RefusedError
from pairing_desktop.core.exchange import mapping as mapping_
from pairing_desktop.core.exchange.cells import CellError, cell_input, is_blank, text_cell
from pairing_desktop.core.exchange.mapping import ColumnMap, SheetPlan
from pairing_desktop.core.exchange.reader import RawSheet, column_letter, read_file
from pairing_desktop.core.exchange.tables import Table, Tables, db_value
from pairing_desktop.core.exchange.workbook_format import (
    FORMATS,
    KEYS,
    LINK_BACK,
    OPEN_KEYS,
    REF_PATHS,
    part_field,
)
from pairing_desktop.core.fields import (
    Code,
    Date,
    FieldSpec,
    IdNumber,
    MultiChoice,
    Phone,
    Ref,
    Text,
)
from pairing_desktop.core.i18n import Phrase, term, tr
from pairing_desktop.core.masking import mask
from pairing_desktop.core.operations.base import Operation, operation
from pairing_desktop.core.operations.records import stored_value
from pairing_desktop.core.storage.ledger import Ledger, bound_executemany, uses_ledger
from pairing_desktop.core.storage.models import Setting, utcnow
from pairing_desktop.core.storage.schema import CURRENT_REV, next_rev

MAX_PROBLEMS = 10_000  # past this the list says how many more: a wrong file, not typing slips
# Rules that read nothing but the record's own values, run without writing the rows before
# them (the others read the ledger: see the module's docstring). By name, as the specs hold them.
PURE_RULES = frozenset({"_dates_in_order", "_gender_matches_id", "check_type"})


@dataclass(frozen=True)
class Problem:
    """Why a row was refused: the sheet, the row (as Excel numbers it), the column, the value."""

    sheet: str
    row: int  # 1-based
    column: str = ""  # their heading
    letter: str = ""
    value: str = ""
    reason: str = ""
    index: int | None = None  # the column's position (0-based), for the error copy

    def __str__(self) -> str:
        where = tr("{sheet} 第{row}行").format(sheet=self.sheet, row=self.row)
        if self.letter:
            where += tr(" {letter}列“{column}”").format(letter=self.letter, column=self.column)
        value = tr("（值：{value}）").format(value=self.value) if self.value else ""
        return tr("{where}{value}：{reason}").format(where=where, value=value, reason=self.reason)


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass
class Book:
    """A file read and planned: its sheets, and how each sheet of ours will be read."""

    path: Path
    sheets: list[RawSheet]
    plans: list[SheetPlan]
    notes: list[str] = field(default_factory=list)  # sheets left out, and why


@dataclass
class ImportResult:
    book: Book
    counts: dict[str, Counts]
    problems: list[Problem]
    dry_run: bool
    changes: Changes = field(default_factory=Changes)
    more_problems: int = 0  # refused beyond MAX_PROBLEMS, not listed
    remembered: list[str] = field(default_factory=list)  # notes on mappings kept for next time

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> list[str]:
        """One line per kind: 贫困户：新建 3，更新 1，不变 20."""
        return [tr("{kind}：新建 {created}，更新 {updated}，不变 {unchanged}").format(
                    kind=term(ENTITIES[k].label), created=c.created, updated=c.updated,
                    unchanged=c.unchanged)
                for k, c in self.counts.items()]


class _Undo(Exception):
    """Raised inside the operation to roll it back (a dry run, or a refused row)."""


# --- planning -------------------------------------------------------------------------------------


@uses_ledger
def remembered_mapping(ledger: Ledger, plan: SheetPlan) -> dict[str, str] | None:
    import json

    row = Setting.get_or_none(Setting.key == mapping_.setting_key(plan))
    if row is None:
        return None
    try:
        value = json.loads(row.value)
    except ValueError:
        return None
    return value.get("columns") if isinstance(value, dict) else None


@paused_gc()  # the rows of a workbook: core.bulk
def plan_book(ledger: Ledger | None, path: str | Path, kind: str | None = None,
              overrides: dict[str, str] | None = None) -> Book:
    """Read a file and plan its sheets: which kind each holds, where its headings and rows are,
    which of its columns fill which field (a mapping remembered for this layout first, then the
    usual names; `overrides` last). ValidationError for a file that cannot be read;
    PairingError when no sheet holds anything to import or an override names nothing."""
    path = Path(path)
    sheets = read_file(path)
    book = Book(path, sheets, [])
    problems = []
    for sheet in sheets:
        plan = mapping_.plan_sheet(sheet, kind)
        if plan is None:
            why = tr("隐藏的工作表") if sheet.hidden else tr("说明") if sheet.name in (
                mapping_.NOTES_SHEET, mapping_.LISTS_SHEET) else tr("没有认出是哪种记录")
            if any(any(not is_blank(v) for v in r) for r in sheet.rows):
                book.notes.append(tr("工作表“{sheet}”未导入：{why}").format(sheet=sheet.name,
                                                                             why=why))
            continue
        kept = remembered_mapping(ledger, plan) if ledger is not None else None
        if kept:
            mapping_.apply_mapping(plan, kept, "上次确认")
            plan.remembered = True
        if overrides:
            problems += mapping_.apply_mapping(plan, overrides)
        book.plans.append(plan)
    if problems:
        raise PairingError(tr("；").join(problems))
    if not book.plans:
        notes = tr("；").join(book.notes) or tr("文件是空的")
        raise PairingError(tr("{file} 中没有可导入的工作表（{notes}）。"
                              "可用 --kind 指明记录的种类，用 --map 指明列").format(
                                  file=path.name, notes=notes))
    if not any(plan.data_rows for plan in book.plans):
        raise PairingError(tr("{file} 中没有可导入的数据：各工作表只有标题行").format(
            file=path.name))
    return book


# --- the import -----------------------------------------------------------------------------------


@paused_gc()  # the rows of a workbook: core.bulk
def import_book(ledger: Ledger, book: Book, dry_run: bool = False,
                remember: bool = True) -> ImportResult:
    """Check every row of the book, then write them all in one operation, or nothing.

    Refused rows are listed in the result (nothing is written when there is one); a dry run
    writes nothing either and counts what the import would do. The mappings of a workbook that
    was imported are remembered for its layout (when the operator may change settings)."""
    run = _Run(ledger, book)
    try:
        with operation(ledger, Phrase("导入工作簿“{file}”", file=book.path.name)) as op:
            run.op = op
            run.check_and_write()
            if run.problems or dry_run:
                raise _Undo
    except _Undo:
        return ImportResult(book, run.counts, run.problems, dry_run,
                            more_problems=run.more_problems)
    result = ImportResult(book, run.counts, [], False, op.changes)
    if remember:
        result.remembered = remember_mappings(ledger, book)
    return result


def import_file(ledger: Ledger, path: str | Path, kind: str | None = None,
                overrides: dict[str, str] | None = None, dry_run: bool = False) -> ImportResult:
    return import_book(ledger, plan_book(ledger, path, kind, overrides), dry_run)


def remember_mappings(ledger: Ledger, book: Book) -> list[str]:
    """Keep the mapping of each sheet not in our own format, for the next file of its layout."""
    from pairing_desktop.core.operations.settings import set_setting

    notes = []
    for plan in book.plans:
        if plan.is_our_format():
            continue
        value = {"kind": plan.kind, "sheet": plan.name, "columns": mapping_.mapping_of(plan)}
        try:
            set_setting(ledger, mapping_.setting_key(plan), value,
                        Phrase("记住导入列对应（{sheet}）", sheet=plan.name), need=auth.EDIT)
        except RefusedError as exc:
            notes.append(tr("工作表“{sheet}”的列对应未保存：{problem}").format(
                sheet=plan.name, problem=exc))
        else:
            notes.append(tr("已记住工作表“{sheet}”的列对应，下次导入同样格式的文件时自动使用")
                         .format(sheet=plan.name))
    return notes


@dataclass
class _Cols:
    """A plan's columns grouped by the field they fill."""

    plain: list[tuple[ColumnMap, FieldSpec]]
    refs: dict[str, list[tuple[ColumnMap, FieldSpec]]]  # field → [(column, referenced field)]
    # linking kind → (its field naming the other record, [(column, referenced field)])
    links: dict[str, tuple[FieldSpec, list[tuple[ColumnMap, FieldSpec]]]] = field(
        default_factory=dict)


class _Run:
    def __init__(self, ledger: Ledger, book: Book):
        self.ledger = ledger
        self.book = book
        self.op: Operation
        self.tables = Tables(keys_only=True)
        self.problems: list[Problem] = []
        self.more_problems = 0
        self.counts: dict[str, Counts] = {}
        self.now = str(utcnow())
        self.inserts: list[tuple[EntitySpec, tuple]] = []
        self.updates: dict[tuple[EntitySpec, tuple[str, ...]], list[tuple]] = defaultdict(list)
        self.claimed: set[uuid.UUID] = set()
        # what a sheet's distinct cells read as, and what a reference's cells name (per sheet)
        self.cells: dict[int, dict[Any, _Cell]] = defaultdict(dict)
        self.refs: dict[Any, tuple[uuid.UUID | None, list[tuple[str, int]]]] = {}
        # each field's values as parsed and checked: (stored value, message or None)
        self.parsed: dict[int, dict[tuple[type, Any], tuple[Any, str | None]]] = \
            defaultdict(dict)
        # this row's values as read and as parsed (its plain columns', and its keys')
        self.row_parsed: dict[str, tuple[Any, tuple[Any, str | None]]] = {}

    # problems

    def refuse(self, plan: SheetPlan, row: int, reason: str, column: ColumnMap | None = None,
               value: Any = None) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.more_problems += 1
            return
        shown = "" if is_blank(value) else text_cell(value)
        self.problems.append(Problem(
            plan.name, row + 1, column.heading if column else "",
            column_letter(column.index) if column else "", shown[:100], reason,
            column.index if column else None))

    # the walk

    def check_and_write(self) -> None:
        by_kind: dict[str, list[SheetPlan]] = defaultdict(list)
        for plan in self.book.plans:
            by_kind[plan.kind].append(plan)
        for kind in ENTITIES:  # the entity table's order: what a record refers to comes first
            for plan in by_kind.get(kind, ()):
                self.counts.setdefault(kind, Counts())
                try:
                    self.op.allow(kind)  # a role that may not touch the kind hears it once
                except RefusedError as exc:
                    self.refuse(plan, plan.heading_rows[0], str(exc))
                    continue
                self.check_sheet(plan)
            self.flush()

    def columns(self, plan: SheetPlan) -> _Cols:
        spec = ENTITIES[plan.kind]
        plain, refs = [], defaultdict(list)
        links: dict[str, tuple[FieldSpec, list[tuple[ColumnMap, FieldSpec]]]] = {}
        for c in plan.mapped():
            assert c.ours is not None
            if c.ours.link:
                f = ENTITIES[c.ours.link].field(c.ours.field)
                links.setdefault(c.ours.link, (f, []))[1].append(
                    (c, part_field(plan.kind, c.ours)))
            elif c.ours.is_ref:
                refs[c.ours.field].append((c, part_field(plan.kind, c.ours)))
            else:
                plain.append((c, spec.field(c.ours.field)))
        for name, parts in refs.items():  # the name a clerk writes first: problems name it
            paths = REF_PATHS[spec.field(name).ref or ""]
            parts.sort(key=lambda part: paths.index(part[0].ours.part))  # type: ignore[union-attr]
        return _Cols(plain, dict(refs), links)

    def check_sheet(self, plan: SheetPlan) -> None:
        spec = ENTITIES[plan.kind]
        self.cells.clear()
        self.refs.clear()
        table = self.tables[plan.kind]
        cols = self.columns(plan)
        rows = plan.sheet.rows
        counts = self.counts[plan.kind]
        pure = all(rule.__name__ in PURE_RULES for rule in spec.rules)
        for index in plan.data_rows:
            row = rows[index]
            before_problems = len(self.problems) + self.more_problems
            raw, masked = self.read_row(plan, index, row, cols)
            if len(self.problems) + self.more_problems > before_problems:
                self.note_failed(plan, table, raw)
                continue
            record_id = self.match(plan.kind, table, raw, masked)
            if record_id is None and masked:
                for name in masked:
                    column = self.column_of(plan, cols, name)
                    self.refuse(plan, index, tr("{field}：号码已隐去中间几位"
                                "（导出时没有选“完整号码”），不能用来新建记录；请填写完整号码")
                                .format(field=term(spec.field(name).label)),
                                column, row[column.index] if column else None)
                continue
            before = table.values(record_id) if record_id is not None else None
            wrong = [n for n in masked if before is not None and mask(before[n]) != masked[n]]
            for name in wrong:
                column = self.column_of(plan, cols, name)
                self.refuse(plan, index, tr("{field}：隐去中间几位的号码与台账中"
                            "这条记录的不符；请填写完整号码").format(
                                field=term(spec.field(name).label)), column,
                            row[column.index] if column else None)
            if wrong:
                continue
            values, errors = self.check(spec, table, raw, record_id, before, pure)
            if errors:
                for name, message in errors.items():
                    column = self.column_of(plan, cols, name)
                    self.refuse(plan, index, message, column,
                                row[column.index] if column and column.index < len(row)
                                else None)
                self.note_failed(plan, table, raw)
                continue
            saved = self.accept(plan, index, spec, table, record_id, before, values, counts)
            if saved is not None:
                for link, (f, parts) in cols.links.items():
                    self.link(plan, index, row, saved, link, f, parts)

    def read_row(self, plan: SheetPlan, index: int, row: list[Any],
                 cols: _Cols) -> tuple[dict[str, Any], dict[str, str]]:
        """The row's values by field (references as ids), and the masked numbers it shows;
        each plain value's parse (and check) goes to `row_parsed`, for `match` and `check`.

        A column's cells repeat (a village's name, a type, a cause, a group): each distinct
        cell is read and parsed once per sheet, which is most of what makes 50,000 rows quick
        to check. Personal numbers do not repeat: remembering them cost more than it saved."""
        raw: dict[str, Any] = {}
        masked: dict[str, str] = {}
        known = self.row_parsed
        known.clear()
        width = len(row)
        for column, f in cols.plain:
            cell = row[column.index] if column.index < width else None
            if f.kind.personal:  # an ID or phone number: each its own, nothing to reuse
                entry = _read_cell(f, cell)
            else:
                memo = self.cells[id(column)]
                key = cell if type(cell) is str else (type(cell), cell)  # 1, 1.0, True differ
                entry = memo.get(key)
                if entry is None:
                    entry = memo[key] = _read_cell(f, cell)
            value, message, found = entry
            if message is not None:
                self.refuse(plan, index, message, column, cell)
            elif value is None:
                continue
            elif found is _MASKED:
                masked[f.name] = value
            else:
                raw[f.name] = value
                if found is not None:
                    known[f.name] = (value, found)
        spec = ENTITIES[plan.kind]
        for name, parts in cols.refs.items():
            ref_id = self.resolve(plan, index, row, spec.field(name), parts)
            if ref_id is not None:
                raw[name] = ref_id
        return raw, masked

    def resolve(self, plan: SheetPlan, index: int, row: list[Any], f: FieldSpec,
                parts: list[tuple[ColumnMap, FieldSpec]]) -> uuid.UUID | None:
        """The record a reference's columns name; None (and a problem when they name nothing
        or several) when they are blank or wrong. Each distinct set of cells is looked up once
        per sheet (the records referred to are all in before the sheet's kind is read)."""
        width = len(row)
        cells = tuple([row[c.index] if c.index < width else None for c, _ in parts])
        key = (id(parts), cells, tuple(map(type, cells)))  # 1, 1.0 and True differ
        try:
            found, problems = self.refs[key]
        except KeyError:
            problems = []
            found = self._resolve(plan, f, parts, cells, problems)
            self.refs[key] = (found, problems)
        for reason, at in problems:
            self.refuse(plan, index, reason, parts[at][0], cells[at])
        return found

    def _resolve(self, plan: SheetPlan, f: FieldSpec, parts: list[tuple[ColumnMap, FieldSpec]],
                 cells: tuple[Any, ...], problems: list[tuple[str, int]]) -> uuid.UUID | None:
        target = ENTITIES[f.ref or ""]
        given: dict[str, Any] = {}
        masked: dict[str, str] = {}
        for at, ((column, part), cell) in enumerate(zip(parts, cells, strict=True)):
            try:
                value = cell_input(part.kind, cell)
                value = part.kind.parse(value) if value is not None and "*" not in str(
                    value) else value
            except (CellError, ValueError) as exc:
                problems.append((tr("{field}：{problem}").format(field=term(f.label),
                                                                problem=exc), at))
                return None
            if value is None:
                continue
            assert column.ours is not None
            if isinstance(part.kind, (IdNumber, Phone)) and "*" in value:
                masked[column.ours.part] = value
            else:
                given[column.ours.part] = value
        if not given and not masked:
            return None
        if given.get("id_number"):  # an ID number names one person: the other columns check it
            found = self.tables[target.key].find({"id_number": given["id_number"]}, {})
            if found:
                others = {p: v for p, v in given.items() if p != "id_number"}
                table = self.tables[target.key]
                wrong = [p for p, v in others.items() if table.value(found[0], p) != v]
                if wrong:
                    shown = tr("、").join(str(table.value(found[0], p)) for p in wrong)
                    problems.append((tr("{field}：身份证号 {id} 是“{shown}”的，与本行所填不符")
                                     .format(field=term(f.label), id=given["id_number"],
                                             shown=shown), 0))
                    return None
                return found[0]
        found = self.tables[target.key].find(given, masked)
        if len(found) == 1:
            return found[0]
        described = "、".join(str(v) for v in given.values()) or "、".join(masked.values())
        if not found:
            failed = self.tables[target.key].failed.get((given.get(REF_PATHS[target.key][0]),))
            why = tr("（{row}有错误，未能导入）").format(row=failed) if failed else \
                tr("（台账和本工作簿中都没有）")
            problems.append((tr("{field}：找不到{kind}“{name}”{why}").format(
                field=term(f.label), kind=term(target.label), name=described, why=why), 0))
            return None
        link = parts[0][0].ours.link if parts[0][0].ours else ""
        fmt = FORMATS[plan.kind]
        missing = [c.heading for c in (fmt.links if link else fmt.columns)
                   if c.field == f.name and c.link == link and c.part not in given]
        hint = tr("，请在同一行填写{columns}以区分").format(columns="、".join(missing)) \
            if missing else tr("，无法区分")
        problems.append((tr("{field}：有 {n} {measure}{kind}都是“{name}”{hint}").format(
            field=term(f.label), n=len(found), measure=target.measure, kind=term(target.label),
            name=described, hint=hint), 0))
        return None

    def note_failed(self, plan: SheetPlan, table: Table, raw: dict[str, Any]) -> None:
        """Remember a refused row's name, so that a later sheet naming it says why it is
        missing instead of "找不到"."""
        first = REF_PATHS.get(plan.kind, ("",))[0]
        name = raw.get(first.split(".")[0]) if "." not in first else None
        if name is not None:
            table.failed.setdefault((name,), tr("“{sheet}”表中的这一行").format(sheet=plan.name))

    def column_of(self, plan: SheetPlan, cols: _Cols, name: str) -> ColumnMap | None:
        for column, f in cols.plain:
            if f.name == name:
                return column
        parts = cols.refs.get(name)
        return parts[0][0] if parts else None

    # matching

    def match(self, kind: str, table: Table, raw: dict[str, Any],
              masked: dict[str, str]) -> uuid.UUID | None:
        """The record this row updates, or None for a new one (KEYS: tried in order; a record
        matched by an earlier row is not matched again; of several sharing the key, the one
        `closest` to the row)."""
        spec = ENTITIES[kind]
        parsed = {}
        known = self.row_parsed
        for names in KEYS[kind]:
            for name in names:
                if name not in parsed:
                    value = raw.get(name)
                    if value is None:
                        parsed[name] = None
                        continue
                    seen = known.get(name)
                    if seen is None:  # a reference's id
                        seen = known[name] = (value, self.parse(spec.field(name), value))
                    parsed[name] = seen[1][0]
        first = KEYS[kind][0]
        for n, names in enumerate(KEYS[kind]):
            key = tuple(parsed[name] for name in names)
            if None in key and kind not in OPEN_KEYS:
                continue
            ids = table.index(names).get(key)
            if not ids:
                continue
            found = [c for c in ids if c not in self.claimed
                     and (not n or _same_person(table, c, first, parsed, masked))]
            if len(found) == 1:
                return found[0]
            if found:
                return self.closest(spec, table, found, raw)
        return None

    def closest(self, spec: EntitySpec, table: Table, found: list[uuid.UUID],
                raw: dict[str, Any]) -> uuid.UUID:
        """Of several records sharing every key (two targets of one pairing, year and
        category), the one whose values agree with most of the row's; of equals, the first
        entered. A row imported again so finds the record it made, whatever order the ledger
        gives its rows in (a server keeps no order of entry)."""
        given = {name: self.parse(spec.field(name), value)[0] for name, value in raw.items()}

        def agreeing(record_id: uuid.UUID) -> int:
            values = table.values(record_id)
            return sum(values[name] == value for name, value in given.items())

        return max(found, key=agreeing)  # the first of the best

    # checking: records.validate's checks, on the tables

    def check(self, spec: EntitySpec, table: Table, raw: dict[str, Any],
              record_id: uuid.UUID | None, before: dict[str, Any] | None,
              pure: bool) -> tuple[dict[str, Any], dict[str, str]]:
        merged = {**before, **raw} if before is not None else raw
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        known = self.row_parsed
        for f in spec.fields:
            given = merged.get(f.name, f.default)
            seen = known.get(f.name)
            value, message = seen[1] if seen is not None and seen[0] is given else \
                self.parse(f, given)
            if message is not None:
                errors[f.name] = message
            elif isinstance(f.kind, Ref) and value is not None \
                    and value not in self.tables[f.kind.entity]:
                errors[f.name] = tr("{field}：所选记录不存在或已删除").format(field=term(f.label))
            values[f.name] = value
        if not errors:
            errors.update(self.duplicates(spec, table, values, record_id))
        if not errors:
            if not pure:
                self.flush()  # the rule reads the ledger: it must see the rows before it
            for rule in spec.rules:
                errors.update(rule(values, record_id))
        return values, errors

    def parse(self, f: FieldSpec, raw: Any) -> tuple[Any, str | None]:
        """A field's value as `records.validate` reads it: parsed by its kind, then required
        and the kind's and field's checks; remembered per distinct value (kinds are pure, but
        for a code, new each time)."""
        if isinstance(f.kind, Code):
            return _parse(f, raw)  # a new code each time it is empty
        if raw is None:
            return None, tr("{field}：必填，不能为空").format(field=term(f.label)) \
                if f.required else None
        if isinstance(f.kind, Text):
            return _parse(f, raw)  # names and numbers: rarely twice the same
        memo = self.parsed[id(f)]
        key = (type(raw), raw)
        try:
            return memo[key]
        except KeyError:
            found = memo[key] = _parse(f, raw)
            return found
        except TypeError:  # a list of choices: not hashable, not worth remembering
            return _parse(f, raw)

    def duplicates(self, spec: EntitySpec, table: Table, values: dict[str, Any],
                   record_id: uuid.UUID | None) -> dict[str, str]:
        errors = {}
        for names, what in spec.unique:
            key = tuple(values.get(n) for n in names)
            if any(v is None for v in key):
                continue
            others = [i for i in table.index(names).get(key, ()) if i != record_id]
            if others:
                name = names[-1]
                shown = values[name]
                where = table.origin.get(others[0])
                scope = what if len(names) > 1 else ""
                errors[name] = (tr("{field}：“{value}”与{where}重复").format(
                                    field=term(spec.field(name).label), value=shown, where=where)
                                if where else
                                tr("{field}：{scope}“{value}”已存在，不能重复").format(
                                    field=term(spec.field(name).label), scope=term(scope),
                                    value=shown))
        return errors

    def link(self, plan: SheetPlan, index: int, row: list[Any], record_id: uuid.UUID,
             kind: str, f: FieldSpec, parts: list[tuple[ColumnMap, FieldSpec]]) -> None:
        """Link the row's record to the one its link columns name (a household to its cadre):
        nothing when that link is open already, a new linking record (from today) otherwise."""
        other = self.resolve(plan, index, row, f, parts)
        if other is None:
            return
        spec = ENTITIES[kind]
        table = self.tables[kind]
        back = LINK_BACK[kind]
        counts = self.counts.setdefault(kind, Counts())
        for existing in table.index((back,)).get((record_id,), ()):
            if table.value(existing, f.name) == other and table.value(existing, "ended_on") \
                    is None:
                counts.unchanged += 1
                return
        raw = {f.name: other, back: record_id, "started_on": dt.date.today()}
        pure = all(rule.__name__ in PURE_RULES for rule in spec.rules)
        self.row_parsed.clear()
        values, errors = self.check(spec, table, raw, None, None, pure)
        if errors:
            for message in errors.values():
                self.refuse(plan, index, tr("{kind}：{problem}").format(
                    kind=term(spec.label), problem=message), parts[0][0],
                            row[parts[0][0].index] if parts[0][0].index < len(row) else None)
            return
        self.accept(plan, index, spec, table, None, None, values, counts)

    # writing

    def accept(self, plan: SheetPlan, index: int, spec: EntitySpec, table: Table,
               record_id: uuid.UUID | None, before: dict[str, Any] | None,
               values: dict[str, Any], counts: Counts) -> uuid.UUID | None:
        """Record and queue the write of a checked row; the record's id (None when refused)."""
        stored = values
        for name, column in _defaulted(spec):  # nothing, in a column that cannot be empty
            if stored[name] is None:
                stored[name] = stored_value(column, None)
        origin = tr("“{sheet}”表第{row}行").format(sheet=plan.name, row=index + 1)
        try:
            if record_id is None:
                new_id = uuid.uuid4()
                self.op.created(spec.key, new_id, stored)
                row = [stored[n] for n in table.all_names]
                for at in _converted(spec):  # ids and dates as stored
                    if row[at] is not None:
                        row[at] = db_value(row[at])
                named = sort_keys.KEYED.get(spec.key)
                if named is not None:  # written with the row, not by the operation's end
                    row.append(sort_keys.sort_key(stored[named]))
                    self.op.keys_written(spec.key)
                self.inserts.append((spec, (new_id.hex, self.now, self.now, None, *row)))
                table.put(new_id, stored, origin)
                self.claimed.add(new_id)
                counts.created += 1
                return new_id
            assert before is not None
            for f in spec.fields:  # a multiple choice is a set: another order is no change
                if isinstance(f.kind, MultiChoice) and stored[f.name] != before[f.name] and set(
                        f.kind.split(stored[f.name])) == set(f.kind.split(before[f.name])):
                    stored[f.name] = before[f.name]
            changed = self.op.updated(spec.key, record_id, before, stored)
        except RefusedError as exc:
            self.refuse(plan, index, str(exc))
            return None
        self.claimed.add(record_id)
        if not changed:
            counts.unchanged += 1
            return record_id
        values = [db_value(stored[n]) for n in changed]
        named = sort_keys.KEYED.get(spec.key)
        if named is not None:  # a renamed record's key, with its name
            if named in changed:
                changed = [*changed, "sort_key"]
                values.append(sort_keys.sort_key(stored[named]))
            self.op.keys_written(spec.key)
        self.updates[(spec, tuple(changed))].append((*values, self.now, record_id.hex))
        table.put(record_id, stored, origin)
        counts.updated += 1
        return record_id

    def flush(self) -> None:
        """Write the accepted rows (in the order accepted: one statement per run of a kind)."""
        runs: list[tuple[EntitySpec, list[tuple]]] = []
        for spec, row in self.inserts:
            if runs and runs[-1][0] is spec:
                runs[-1][1].append(row)
            else:
                runs.append((spec, [row]))
        if self.inserts or self.updates:
            next_rev()  # the change number of every row written here (schema.CURRENT_REV)
        for spec, rows in runs:
            bound_executemany(_insert_sql(spec), rows)
        self.inserts.clear()
        for (spec, changed), rows in self.updates.items():
            bound_executemany(_update_sql(spec, changed), rows)
        self.updates.clear()


def _parse(f: FieldSpec, raw: Any) -> tuple[Any, str | None]:
    try:
        value = f.kind.parse(raw)
    except ValueError as exc:
        return None, tr("{field}：{problem}").format(field=term(f.label), problem=exc)
    if value is None:
        return None, tr("{field}：必填，不能为空").format(field=term(f.label)) \
            if f.required else None
    if isinstance(f.kind, Ref):
        return value, None
    message = f.kind.check(value) or (f.check(value) if f.check else None)
    return value, tr("{field}：{problem}").format(field=term(f.label), problem=message) \
        if message else None


# What a distinct cell of a sheet is: its value as the kind reads it (None: blank), or the message
# why it cannot be read; and the value parsed and checked (`_parse`), or _MASKED for a number a
# masked export shows (522423********1234: matched, never parsed), or None when not parsed here
# (a code: a new one each time it is empty).
_Cell = tuple[Any, str | None, Any]
_MASKED = ("masked",)


def _read_cell(f: FieldSpec, cell: Any) -> _Cell:
    try:
        value = cell_input(f.kind, cell)
    except CellError as exc:
        return None, tr("{field}：{problem}").format(field=term(f.label), problem=exc), None
    if value is None:
        return None, None, None
    if isinstance(value, str) and "*" in value and f.kind.personal:
        return value, None, _MASKED
    return value, None, None if isinstance(f.kind, Code) else _parse(f, value)


def _same_person(table: Table, candidate: uuid.UUID, first: tuple[str, ...],
                 parsed: dict[str, Any], masked: dict[str, str]) -> bool:
    """A record found by a later key (a name) is this row's only when the earlier key (the ID
    number) does not say otherwise: empty on either side, or the same (or masked the same)."""
    for name in first:
        theirs = table.value(candidate, name)
        ours = parsed.get(name)
        if name in masked:
            if theirs is None or mask(theirs) != masked[name]:
                return False
        elif theirs is not None and ours is not None and theirs != ours:
            return False
    return True


_SQL: dict[Any, str] = {}
_DEFAULTED: dict[str, list[tuple[str, Any]]] = {}
_CONVERTED: dict[str, list[int]] = {}


def _defaulted(spec: EntitySpec) -> list[tuple[str, Any]]:
    """The fields whose column cannot be empty and has a default (operations.records)."""
    if spec.key not in _DEFAULTED:
        m = spec.model
        _DEFAULTED[spec.key] = [
            (f.name, getattr(m, f.name)) for f in spec.fields
            if not getattr(m, f.name).null and getattr(m, f.name).default is not None]
    return _DEFAULTED[spec.key]


def _converted(spec: EntitySpec) -> list[int]:
    """Positions of the fields whose values the database stores as text (ids, dates)."""
    if spec.key not in _CONVERTED:
        _CONVERTED[spec.key] = [i for i, f in enumerate(spec.fields)
                                if isinstance(f.kind, (Ref, Date))]
    return _CONVERTED[spec.key]


def _columns(spec: EntitySpec) -> list[str]:
    fields = spec.model._meta.fields
    keyed = ("sort_key",) if spec.key in sort_keys.KEYED else ()
    return [fields[n].column_name for n in ("id", "created_at", "updated_at", "deleted_at",
                                            *(f.name for f in spec.fields), *keyed)]


def _insert_sql(spec: EntitySpec) -> str:
    key = ("insert", spec.key)
    if key not in _SQL:
        columns = _columns(spec)
        _SQL[key] = (f"INSERT INTO {spec.model._meta.table_name} ({', '.join(columns)}, rev) "
                     f"VALUES ({', '.join('?' * len(columns))}, {CURRENT_REV})")
    return _SQL[key]


def _update_sql(spec: EntitySpec, changed: tuple[str, ...]) -> str:
    key = ("update", spec.key, changed)
    if key not in _SQL:
        fields = spec.model._meta.fields
        sets = ", ".join(f"{fields[n].column_name} = ?" for n in (*changed, "updated_at"))
        _SQL[key] = (f"UPDATE {spec.model._meta.table_name} SET {sets}, rev = {CURRENT_REV}"
                     " WHERE id = ?")
    return _SQL[key]


# --- for the command line and the dialog ----------------------------------------------------------


def problem_lines(result: ImportResult, limit: int | None = None) -> list[str]:
    shown = result.problems if limit is None else result.problems[:limit]
    lines = [str(p) for p in shown]
    hidden = len(result.problems) - len(shown) + result.more_problems
    if hidden:
        lines.append(tr("……另有 {n} 处问题，见错误工作簿").format(n=hidden))
    return lines


def error_book_path(path: str | Path) -> Path:
    """Where the copy with the errors marked goes: beside the input, <name>.错误.xlsx."""
    path = Path(path)
    return path.with_name(f"{path.stem}.错误.xlsx")

