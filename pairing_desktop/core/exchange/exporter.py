"""Writing the exchange workbook: the template, an export of the ledger, the copy with errors.

Written with XlsxWriter in its constant-memory mode: rows stream to the file, so a province's
100,000 households take no more memory than ten. Measured before choosing (50,000 rows of 12
cells with text, money and number formats, on one loaded machine in one run): XlsxWriter 16.5 s,
openpyxl's write-only mode with a style per cell 35.0 s (and 16.7 s with no formatting at all).
XlsxWriter also writes what a clerk expects of a list in one call each: the frozen header, the
autofilter, drop-down lists, a text format on the ID and phone columns.

Text a spreadsheet would run as a formula (starting with = + - @) is written as a string cell
with Excel's quote-prefix (the apostrophe a clerk types): shown and kept as text, never run,
and read back as the same text.

ID and phone numbers are masked unless a county administrator asks for whole numbers; that
export is an operation in the history (who, when, which file), as the 操作日志's is.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from peewee import SQL

from pairing_desktop.core import auth
from pairing_desktop.core.changes import Changes
from pairing_desktop.core.entities import ENTITIES
from pairing_desktop.core.errors import RefusedError
from pairing_desktop.core.exchange.cells import FORMULA_START
from pairing_desktop.core.exchange.reader import RawSheet
from pairing_desktop.core.exchange.tables import Tables
from pairing_desktop.core.exchange.workbook_format import (
    ERROR_HEADING,
    FORMATS,
    LISTS_SHEET,
    NOTES_SHEET,
    REF_PATHS,
    SheetFormat,
    choices_of,
    field_of,
    is_text_column,
    note,
    part_field,
)
from pairing_desktop.core.fields import (
    Bool,
    Choice,
    Date,
    Float,
    Int,
    Kind,
    Money,
    MultiChoice,
    Numbered,
    Year,
)
from pairing_desktop.core.files import atomic_output, check_output
from pairing_desktop.core.i18n import Phrase, term, tr
from pairing_desktop.core.masking import mask
from pairing_desktop.core.operations.base import operation
from pairing_desktop.core.storage.dialect import entry_order
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger

FULL_EXPORT_LABEL = Phrase("导出含完整证件号码的工作簿")
EXPORT_KIND = "export"
MAX_ROWS = 1_048_575  # an Excel sheet's rows, less the header
WIDTH_SAMPLE = 200  # rows measured for a column's width (measuring 100,000 costs seconds)
MAX_WIDTH = 50
HEADER_FILL = "#DDEBF7"
ERROR_FILL = "#FFC7CE"
LIST_ROWS = 5000  # rows of a template sheet that get the drop-down lists


def _width(text: str) -> int:
    """Columns a text takes: a Chinese character two, a Latin one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


class _Styles:
    def __init__(self, book: Any):
        self.header = book.add_format({"bold": True, "bg_color": HEADER_FILL, "border": 1,
                                       "text_wrap": True, "valign": "vcenter"})
        self.text = book.add_format({"num_format": "@"})
        self.quoted = book.add_format({"quote_prefix": True})
        self.date = book.add_format({"num_format": "yyyy-mm-dd"})
        self.money = book.add_format({"num_format": "#,##0.00"})
        self.decimal = book.add_format({"num_format": "#,##0.##"})
        self.integer = book.add_format({"num_format": "0"})
        self.error = book.add_format({"bg_color": ERROR_FILL, "font_color": "#9C0006"})
        self.error_date = book.add_format({"bg_color": ERROR_FILL, "num_format": "yyyy-mm-dd"})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})


def _column_format(styles: _Styles, kind: Kind, text: bool) -> Any:
    if text:
        return styles.text
    if isinstance(kind, Date):
        return styles.date
    if isinstance(kind, Money):
        return styles.money
    if isinstance(kind, Year):
        return styles.integer
    if isinstance(kind, Float):
        return styles.decimal
    return None


def _write(sheet: Any, row: int, col: int, value: Any, styles: _Styles, fmt: Any = None) -> None:
    """One cell by its type: text as a string (formula-like text quote-prefixed), numbers as
    numbers, dates as dates; nothing for None."""
    if value is None or value == "":
        return
    if isinstance(value, str):
        if value.startswith(FORMULA_START):
            sheet.write_string(row, col, value, styles.quoted)
        else:
            sheet.write_string(row, col, value, fmt)
    elif isinstance(value, bool):
        sheet.write_string(row, col, "是" if value else "否", fmt)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value, fmt)
    elif isinstance(value, (dt.date, dt.datetime)):
        sheet.write_datetime(row, col, value, fmt or styles.date)
    elif isinstance(value, dt.time):
        sheet.write_string(row, col, value.isoformat(), fmt)
    else:
        sheet.write_string(row, col, str(value), fmt)


def _new_book(path: Path) -> Any:
    import xlsxwriter

    return xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                           "strings_to_formulas": False,
                                           "strings_to_urls": False})


# --- sheets of our format ---------------------------------------------------------------------


class _SheetOut:
    """A sheet of one kind being written: header, column formats, drop-downs, then rows."""

    def __init__(self, book: Any, styles: _Styles, fmt: SheetFormat,
                 lists: dict[str, str] | None = None, list_rows: int = MAX_ROWS):
        self.sheet = book.add_worksheet(fmt.name)
        self.fmt = fmt
        self.styles = styles
        self.formats = [_column_format(styles, part_field(fmt.kind, c).kind,
                                       is_text_column(fmt.kind, c)) for c in fmt.columns]
        self.widths = [max(_width(c.heading) + 2, 8) for c in fmt.columns]
        self.rows = 0
        self.lists = lists or {}
        self.list_rows = list_rows
        self.sample: list[list[Any]] = []

    def header(self) -> None:
        # widths must precede the rows in constant-memory mode: sized from the header and a
        # sample of the rows (fit_width)
        for col, (width, fmt) in enumerate(zip(self.widths, self.formats, strict=True)):
            self.sheet.set_column(col, col, min(width, MAX_WIDTH), fmt)
        self.sheet.set_row(0, 30)
        for col, column in enumerate(self.fmt.columns):
            self.sheet.write_string(0, col, column.heading, self.styles.header)
        self.sheet.freeze_panes(1, 0)

    def fit_width(self, rows: Sequence[Sequence[Any]]) -> None:
        for row in rows:
            for col, value in enumerate(row):
                if value is not None:
                    shown = value.isoformat() if isinstance(value, dt.date) else str(value)
                    self.widths[col] = max(self.widths[col], _width(shown) + 2)

    def append(self, values: Sequence[Any]) -> None:
        self.rows += 1
        for col, value in enumerate(values):
            _write(self.sheet, self.rows, col, value, self.styles, self.formats[col])

    def finish(self) -> None:
        last = max(self.rows, 1)
        self.sheet.autofilter(0, 0, last, len(self.fmt.columns) - 1)
        end = min(max(self.rows, self.list_rows), MAX_ROWS)
        for col, column in enumerate(self.fmt.columns):
            words = choices_of(self.fmt.kind, column)
            source: Any = None
            if words and len("、".join(words)) < 250:
                source = list(words)
            elif column.is_ref and column.part == REF_PATHS[
                    field_of(self.fmt.kind, column).ref or ""][0]:
                source = self.lists.get(field_of(self.fmt.kind, column).ref or "")
            if source:
                self.sheet.data_validation(1, col, end, col, {
                    "validate": "list", "source": source, "ignore_blank": True,
                    "error_type": "warning", "error_title": column.heading,
                    "error_message": "不在下拉列表中：请检查，或仍按所填保存"})


# --- export -----------------------------------------------------------------------------------


def _cell(kind: Kind, value: Any, full_numbers: bool, personal: bool) -> Any:
    """A stored value as its cell: choices by their labels, 是/否, numbers as numbers."""
    if value is None:
        return None
    if personal:
        return value if full_numbers else mask(value)
    if isinstance(kind, MultiChoice):
        return kind.display(value)
    if isinstance(kind, (Numbered, Choice)):
        return kind.label_of(value)
    if isinstance(kind, Bool):
        return "是" if value else "否"
    if isinstance(kind, (Int, Float, Date)):
        return value
    return str(value) if not isinstance(value, str) else value


def export_rows(tables: Tables, kind: str, full_numbers: bool,
                ids: Iterable[Any] | None = None) -> Iterator[list[Any]]:
    """The rows of a kind's sheet, in the order the records were entered (an import of them
    enters them in the same order, so re-importing matches each row to its own record), or
    of the records `ids` in their order (a list as it is shown)."""
    fmt = FORMATS[kind]
    table = tables[kind]
    plan = []
    for column in fmt.columns:
        f = field_of(kind, column)
        part = part_field(kind, column)
        plan.append((f.name, column.part, part.kind, part.kind.personal,
                     tables[f.ref] if f.ref else None))
    rows = table.rows.values() if ids is None else (
        table.rows[i] for i in ids if i in table.rows)
    for row in rows:
        values = dict(zip(table.names, row, strict=True))
        cells = []
        for name, path, kind_, personal, target in plan:
            value = values[name]
            if target is not None and value is not None:
                value = target.path_value(value, path)
            cells.append(_cell(kind_, value, full_numbers, personal))
        yield cells


def kinds_of(kinds: Iterable[str] | None) -> list[str]:
    return list(ENTITIES) if not kinds else [k for k in ENTITIES if k in set(kinds)]


@uses_ledger
def _write_export(ledger: Ledger, path: Path, kinds: list[str], full_numbers: bool,
                  ids: Sequence[Any] | None = None) -> dict[str, int]:
    tables = Tables()
    counts = {}
    with atomic_output(path) as part:
        book = _new_book(part)
        styles = _Styles(book)
        lists = _lists(book, ledger)
        for kind in kinds:
            rows = export_rows(tables, kind, full_numbers, ids)
            out = _SheetOut(book, styles, FORMATS[kind], lists, list_rows=0)
            first = [r for _, r in zip(range(WIDTH_SAMPLE), rows, strict=False)]
            out.fit_width(first)
            if len(tables[kind].rows) > MAX_ROWS:
                raise RefusedError(tr("{sheet}有 {n} 条，超过 Excel 工作表的 {most} 行上限，"
                                      "请分乡镇导出").format(
                    sheet=term(FORMATS[kind].name), n=len(tables[kind].rows), most=MAX_ROWS))
            out.header()
            for row in first:
                out.append(row)
            for row in rows:
                out.append(row)
            out.finish()
            counts[kind] = out.rows
        book.close()
    return counts


def export_workbook(ledger: Ledger, path: str | Path, kinds: Iterable[str] | None = None,
                    full_numbers: bool = False) -> tuple[dict[str, int], Changes]:
    """Write the live records of the kinds (all when none are given) to an .xlsx file in the
    import's format; returns the rows written per kind and, for a full-number export, the
    operation's Changes. Only a county administrator may export whole numbers."""
    path = check_output(Path(path), (".xlsx",))
    chosen = kinds_of(kinds)
    if not full_numbers:
        return _write_export(ledger, path, chosen, False), Changes()
    who = ledger.operator
    if who is None or who.role != auth.ADMIN:
        role = tr("“{role}”").format(role=term(who.role_label)) if who else tr("未登录的操作员")
        raise RefusedError(tr("{who}不能导出完整的证件号码和电话号码：这只有县级管理员可以。")
                           .format(who=role))
    with operation(ledger, FULL_EXPORT_LABEL, auth.ADMINISTER, stack=None) as op:
        counts = _write_export(ledger, path, chosen, True)
        op.created(EXPORT_KIND, path.name, {"file": str(path), "records": sum(counts.values())})
    return counts, op.changes


@uses_ledger
def export_list(ledger: Ledger, path: str | Path, source: Any, search: str = "",
                sort: int | None = None, descending: bool = False, title: str = "") -> int:
    """One list as it is shown, with its filters, search and sort, to an .xlsx file; returns
    the rows written. The rows are the list's own query (`source` is a core list: its `page`);
    a list of records of one kind (`source.record_kind`) is written in the import's format with
    numbers masked, as `export_workbook` writes it; any other list (the quota list) as its
    columns, headed and formatted alike."""
    path = check_output(Path(path), (".xlsx",))
    total = source.count(search)
    rows = source.page(search, sort, descending, 0, total) if total else []
    if len(rows) > MAX_ROWS:
        raise RefusedError(tr("列表有 {n} 条，超过 Excel 工作表的 {most} 行上限，"
                              "请先搜索缩小范围").format(n=len(rows), most=MAX_ROWS))
    kind = getattr(source, "record_kind", None)
    if kind in FORMATS:
        return _write_export(ledger, path, [kind], False,
                             [row[0] for row in rows])[kind]
    with atomic_output(path) as part:
        book = _new_book(part)
        styles = _Styles(book)
        sheet = book.add_worksheet(_sheet_name(title or "列表"))
        headings = [label for _, label in source.columns]
        widths = [max(_width(h) + 2, 8) for h in headings]
        for row in rows[:WIDTH_SAMPLE]:
            for col, value in enumerate(row[1:]):
                if value is not None:
                    widths[col] = max(widths[col], _width(str(value)) + 2)
        for col, width in enumerate(widths):
            sheet.set_column(col, col, min(width, MAX_WIDTH))
        sheet.set_row(0, 30)
        for col, heading in enumerate(headings):
            sheet.write_string(0, col, heading, styles.header)
        sheet.freeze_panes(1, 0)
        for r, row in enumerate(rows, 1):
            for col, value in enumerate(row[1:]):
                _write(sheet, r, col, value, styles)
        sheet.autofilter(0, 0, max(len(rows), 1), len(headings) - 1)
        book.close()
    return len(rows)


# --- template -----------------------------------------------------------------------------------


def _lists(book: Any, ledger: Ledger | None) -> dict[str, str]:
    """A hidden sheet of the names drop-down lists offer (townships, units, ranks, activity
    types), one column each; returns the range of each kind's names."""
    from pairing_desktop.core.activities.types import DEFAULT_TYPES
    from pairing_desktop.core.ledgers import DEFAULT_RANKS

    names: dict[str, list[str]] = {}
    for kind in ("township", "unit", "rank", "activity_type"):
        if ledger is not None:
            m = ENTITIES[kind].model
            names[kind] = [n for (n,) in m.select(m.name).where(m.deleted_at.is_null())
                           .order_by(SQL(entry_order())).tuples() if n]
        elif kind == "rank":
            names[kind] = [n for n, _ in DEFAULT_RANKS]
        elif kind == "activity_type":
            names[kind] = [t.name for t in DEFAULT_TYPES]
    sheet = book.add_worksheet(LISTS_SHEET)
    ranges = {}
    for col, (kind, words) in enumerate((k, w) for k, w in names.items() if w):
        sheet.write_string(0, col, ENTITIES[kind].label)
        for row, word in enumerate(words, 1):
            sheet.write_string(row, col, word)
        letter = chr(65 + col)
        ranges[kind] = f"='{LISTS_SHEET}'!${letter}$2:${letter}${len(words) + 1}"
    sheet.hide()
    return ranges


def _notes(book: Any, styles: _Styles, kinds: list[str]) -> None:
    sheet = book.add_worksheet(NOTES_SHEET)
    sheet.set_column(0, 0, 18)
    sheet.set_column(1, 1, 22)
    sheet.set_column(2, 2, 90, styles.wrap)
    lines = [
        "每种记录一个工作表，表名和第一行的列名不要改动；不需要的工作表和列可以删除，只导入留下的。",
        "导入时先检查每一行，全部无误才一次写入；有任何错误则不写入，并在原文件旁生成“…错误.xlsx”，"
        "标出出错的单元格和原因。",
        "与台账中已有记录相同的行（同一身份证号；同一乡镇的同一村；同名单位）会更新该记录，"
        "同一文件导入两次不会重复新建。",
        "更新已有记录时，空白单元格不会清除原有内容。",
        "引用其他记录（所属乡镇、所在单位、帮扶干部……）时填写名称，不填内部编号；同名时"
        "用同一行的其他列（单位、村、身份证号）区分。",
        "身份证号、电话列已设为文本格式：不要改成数字，否则 Excel 会把18位号码变成"
        " 5.22423197003151E+17 并丢掉后几位。",
    ]
    sheet.write_string(0, 0, "填写说明", styles.header)
    for row, line in enumerate(lines, 1):
        sheet.merge_range(row, 0, row, 2, line, styles.wrap)
        sheet.set_row(row, 32)
    row = len(lines) + 2
    for col, heading in enumerate(("工作表", "列", "填写要求")):
        sheet.write_string(row, col, heading, styles.header)
    for kind in kinds:
        fmt = FORMATS[kind]
        for column in fmt.columns:
            row += 1
            sheet.write_string(row, 0, fmt.name)
            sheet.write_string(row, 1, column.heading)
            sheet.write_string(row, 2, note(kind, column), styles.wrap)
    sheet.freeze_panes(len(lines) + 3, 0)


def write_template(path: str | Path, ledger: Ledger | None = None,
                   kinds: Iterable[str] | None = None) -> Path:
    """An empty workbook of the import's format: the 说明 sheet, one sheet per kind with its
    headings, drop-down lists for every choice (and, given a ledger, for its townships, units,
    ranks and activity types), the ID and phone columns formatted as text."""
    path = check_output(Path(path), (".xlsx",))
    chosen = kinds_of(kinds)
    with atomic_output(path) as part:
        book = _new_book(part)
        styles = _Styles(book)
        _notes(book, styles, chosen)
        if ledger is not None:
            with ledger.bound():
                lists = _lists(book, ledger)
        else:
            lists = _lists(book, None)
        for kind in chosen:
            out = _SheetOut(book, styles, FORMATS[kind], lists, list_rows=LIST_ROWS)
            out.header()
            out.finish()
        book.close()
    return path


# --- the copy with errors ---------------------------------------------------------------------


def write_error_book(path: str | Path, sheets: Sequence[RawSheet],
                     marks: dict[str, dict[int, dict[int | None, list[str]]]],
                     heading_rows: dict[str, int]) -> Path:
    """A copy of the sheets as read, each row where it was, with an 错误 column after the last
    one giving each refused row's reasons and the bad cells filled red.

    `marks`: sheet → row (0-based) → column (0-based, None for the whole row) → reasons;
    `heading_rows`: sheet → the row that gets the 错误 heading."""
    path = check_output(Path(path), (".xlsx",))
    with atomic_output(path) as part:
        book = _new_book(part)
        styles = _Styles(book)
        for raw in sheets:
            if raw.hidden:
                continue
            sheet = book.add_worksheet(_sheet_name(raw.name))
            width = raw.width
            sheet.set_column(width, width, 60, styles.wrap)
            sheet_marks = marks.get(raw.name, {})
            heading = heading_rows.get(raw.name)
            for r, row in enumerate(raw.rows):
                row_marks = sheet_marks.get(r, {})
                for c, value in enumerate(row):
                    bad = c in row_marks
                    fmt = (styles.error_date if isinstance(value, dt.date) else styles.error) \
                        if bad else (styles.date if isinstance(value, dt.date) else None)
                    if bad and (value is None or value == ""):
                        sheet.write_blank(r, c, None, styles.error)
                    else:
                        _write(sheet, r, c, value, styles, fmt)
                if r == heading:
                    sheet.write_string(r, width, ERROR_HEADING, styles.header)
                elif row_marks:
                    reasons = [m for ms in row_marks.values() for m in ms]
                    sheet.write_string(r, width, "；".join(dict.fromkeys(reasons)), styles.error)
            if heading is not None:
                sheet.freeze_panes(heading + 1, 0)
        book.close()
    return path


def _sheet_name(name: str) -> str:
    """A sheet name Excel accepts (a CSV file's name may hold what a sheet's cannot)."""
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in name).strip("'")
    return (cleaned or "Sheet1")[:31]

