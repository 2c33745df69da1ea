"""Reading a workbook or a CSV file as sheets of rows, whatever program wrote it.

.xlsx, .xlsm, .xls (Excel 97–2003, still saved by many township PCs) and .ods are read with
python-calamine (Rust): on the same 50,000-row sheet it iterated the rows 15–20× faster than
openpyxl's read-only mode here (1.1 s against 22.9 s on a loaded machine; bench/bench_exchange.py
times it again), and openpyxl cannot read .xls at all. CSV files are decoded as UTF-8 (with or
without the BOM Excel adds) and otherwise as GB18030, the superset of GBK that Excel and WPS write
on a Chinese Windows.

A sheet is kept whole, from A1, with merged cells filled in (a township merged down over its
villages' rows is that township on every row); finding the heading rows and the data rows is
`locate`'s work, so the error copy can reproduce the sheet as it was.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pairing_desktop.core.errors import ValidationError
from pairing_desktop.core.i18n import tr

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
CSV_SUFFIXES = (".csv", ".txt")
SUFFIXES = WORKBOOK_SUFFIXES + CSV_SUFFIXES
ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass
class RawSheet:
    """A sheet as read: every row from A1 (merged cells filled), and whether it was hidden."""

    name: str
    rows: list[list[Any]]
    hidden: bool = False
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def read_file(path: str | Path) -> list[RawSheet]:
    """Every sheet of a workbook, or the one sheet of a CSV file (named after the file)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError({"file": tr("导入文件：应为 {types} 文件").format(
            types=tr("、").join(SUFFIXES))})
    if not path.is_file():
        raise ValidationError({"file": tr("导入文件：{path} 不存在").format(path=path)})
    if suffix in CSV_SUFFIXES:
        return [RawSheet(path.stem, read_csv(path.read_bytes()))]
    return _read_workbook(path)


def _read_workbook(path: Path) -> list[RawSheet]:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError) as exc:
        raise ValidationError({"file": tr("导入文件：{file} 无法读取（{problem}）。"
                               "请用 Excel 或 WPS 打开确认，另存为 .xlsx 后再导入").format(
                                   file=path.name, problem=_reason(exc))}) from exc
    sheets = []
    try:
        for meta in book.sheets_metadata:
            if str(meta.typ).rsplit(".", 1)[-1] != "WorkSheet":
                continue  # a chart sheet holds no rows
            sheet = book.get_sheet_by_name(meta.name)
            rows = [list(r) for r in sheet.to_python(skip_empty_area=False)]
            merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
            _fill_merged(rows, merged)
            hidden = str(meta.visible).rsplit(".", 1)[-1] != "Visible"
            sheets.append(RawSheet(meta.name, rows, hidden, merged))
    except (CalamineError, ValueError) as exc:
        raise ValidationError(
            {"file": tr("导入文件：{file} 无法读取（{problem}）").format(
                file=path.name, problem=_reason(exc))}) from exc
    finally:
        book.close()
    return sheets


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    return text[:200] if text else type(exc).__name__


def _fill_merged(rows: list[list[Any]], merged: list[tuple[int, int, int, int]]) -> None:
    """Give every cell of a merged range the value of its top-left cell."""
    for r0, c0, r1, c1 in merged:
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            if len(row) <= c1:
                row.extend([""] * (c1 + 1 - len(row)))
            for c in range(c0, c1 + 1):
                row[c] = value


def decode(data: bytes) -> str:
    """UTF-8 (a BOM dropped) if the bytes are UTF-8, else GB18030 (GBK's superset)."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError({"file": tr("导入文件：既不是 UTF-8 也不是 GBK/GB18030 编码的文本，"
                           "请用 Excel 或 WPS 另存为 CSV（逗号分隔）或 .xlsx")})


def read_csv(data: bytes) -> list[list[Any]]:
    text = decode(data)
    first = text[:4096].split("\n", 1)[0]
    delimiter = max((",", "\t", ";"), key=first.count)
    return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: how Excel names a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_SPACES = re.compile(r"\s+")
_BRACKETS = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")


def heading_key(text: Any) -> str:
    """A heading as compared: units in brackets dropped (承包耕地面积(亩) → 承包耕地面积), no
    required-marks (*), colons or spaces, full-width letters folded."""
    from pairing_desktop.core.exchange.cells import clean, text_cell

    if text is None:
        return ""
    word = clean(text_cell(text))
    word = _BRACKETS.sub("", word)
    return _SPACES.sub("", word).strip("*＊:：").lower()
