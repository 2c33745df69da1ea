"""Which of a workbook's columns fill which of our fields: found, shown, corrected, remembered.

A county's own workbooks do not follow our template: a provincial system's export reads 户码*,
组名*, 户主姓名*, 户主身份证号码* on a sheet called Sheet1; other sheets have a title row, two
heading rows with 其中 sub-headings and units in brackets. `locate` finds the heading rows and
the data rows (skipping blank rows, repeated headings, totals and notes at the foot), `propose`
maps each of their headings to one of our columns (or to nothing: 不导入) by the usual names of
each field, and a mapping the user confirmed is kept per workbook layout for next time.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from pairing_desktop.core.entities import ENTITIES
from pairing_desktop.core.exchange.cells import clean, is_blank, text_cell
from pairing_desktop.core.exchange.reader import RawSheet, heading_key
from pairing_desktop.core.exchange.workbook_format import (
    FORMATS,
    LISTS_SHEET,
    NOTES_SHEET,
    REF_PATHS,
    SHEET_KINDS,
    Column,
)
from pairing_desktop.core.i18n import term, tr

SKIP = "不导入"
SETTING_PREFIX = "import_mapping."
HEADING_SCAN = 30  # rows looked at for the heading row (a title and a note may come first)

# The usual names of our columns, by our heading, beyond the heading itself; a kind's own list
# comes first. Compared as heading_key compares them (brackets, spaces and * dropped).
COMMON_NAMES: dict[str, tuple[str, ...]] = {
    "身份证号": ("身份证号码", "身份证", "公民身份号码", "公民身份证号码", "证件号码",
                 "身份证件号码"),
    "电话": ("电话号码", "联系电话", "手机", "手机号", "手机号码", "联系方式"),
    "乡镇": ("乡", "镇", "乡镇名称", "所在乡镇", "乡镇街道", "所属乡镇"),
    "姓名": ("名字",),
    "性别": (),
    "开始日期": ("开始时间", "起始日期", "结对时间", "结对日期"),
    "结束日期": ("结束时间", "终止日期"),
    "状态": (),
}
KIND_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "township": {"乡镇名称": ("乡镇", "乡", "镇", "名称"), "代码": ("乡镇代码", "区划代码")},
    "village": {"村名": ("村", "行政村", "村名称", "村委会"), "所属乡镇": ("乡镇", "所在乡镇"),
                "贫困类别": ("贫困村类别", "类别", "贫困村类型"), "总户数": ("户数",),
                "总人口": ("人口", "人口数"), "村支书": ("支部书记", "村党支部书记", "书记"),
                "村支书电话": ("支书电话", "书记电话")},
    "unit": {"单位名称": ("单位", "帮扶单位", "名称"), "级别": ("单位级别",),
             "类型": ("单位类型", "单位性质"), "联系电话": ("电话", "联系人电话")},
    "cadre": {"所在单位": ("单位", "工作单位", "单位名称"), "职级": ("职务级别", "级别"),
              "党员": ("是否党员", "政治面貌"), "后备干部": ("是否后备干部",),
              "电话": ("干部电话",)},
    "household": {
        "户主": ("户主姓名", "姓名", "户主名"),
        "身份证号": ("户主身份证号码", "户主身份证号", "户主身份证"),
        "村民组": ("组名", "组", "村民小组", "组别", "所在组", "自然村"),
        "所在村": ("村", "村名", "行政村", "所在行政村"),
        "家庭人口": ("人口", "家庭人口数", "人口数", "家庭成员数", "户人口"),
        "类型": ("农户属性", "户类型", "贫困户属性", "贫困户类型", "户属性", "贫困户类别"),
        "人均纯收入（元）": ("人均纯收入", "人均收入", "人均可支配收入", "家庭人均纯收入"),
        "主要致贫原因": ("致贫原因", "贫困原因", "主要贫困原因"),
        "状态": ("脱贫状态", "贫困状态", "是否脱贫"),
        "脱贫年份": ("脱贫年度", "脱贫时间"),
        "电话": ("户主电话", "户主联系电话"),
    },
    "farmer": {"所在村": ("村", "村名", "行政村"), "致富带头人": ("是否致富带头人",)},
    "uv_pairing": {"帮扶村": ("村", "村名", "结对村"), "脱钩日期": ("脱钩时间",)},
    "household_links": {
        "帮扶干部": ("帮扶人", "帮扶人姓名", "帮扶责任人", "帮扶责任人姓名", "结对干部"),
        "帮扶干部电话": ("帮扶人电话", "帮扶人电话号码", "帮扶人联系电话", "帮扶责任人电话"),
        "帮扶干部所在单位": ("帮扶人单位", "帮扶人工作单位", "帮扶责任人单位"),
        "帮扶干部身份证号": ("帮扶人身份证号", "帮扶人身份证号码"),
    },
    "assignment": {"帮扶干部": ("帮扶人", "帮扶人姓名", "帮扶责任人"),
                   "贫困户": ("户主", "户主姓名", "帮扶对象"),
                   "贫困户身份证号": ("户主身份证号码", "户主身份证号")},
    "activity": {"日期": ("活动日期", "时间"), "活动类型": ("类型", "活动类别")},
    "target": {"目标内容": ("目标", "内容"), "年度": ("年份",)},
}
# sheet names that say which kind a sheet holds, beyond our own (the kind's label)
SHEET_NAMES: dict[str, tuple[str, ...]] = {
    "household": ("贫困户花名册", "建档立卡贫困户", "贫困户名单", "贫困户信息", "农户"),
    "cadre": ("干部名单", "帮扶干部", "机关党员"),
    "unit": ("单位", "帮扶单位名单"),
    "village": ("村", "贫困村", "行政村"),
    "township": ("乡镇名单",),
    "farmer": ("农民党员名单",),
}
TOTAL_WORDS = ("合计", "总计", "小计", "共计")
_TOTALS = re.compile("合.*计|总.*计|小.*计|共.*计")
NOTE_STARTS = ("注：", "注:", "说明：", "说明:", "备注：", "填表人", "制表", "审核", "填报单位",
               "填报人", "负责人：", "联系电话：", "单位负责人")


@dataclass
class ColumnMap:
    """One of their columns: where it is, its heading, and the column of ours it fills."""

    index: int
    heading: str
    ours: Column | None
    how: str = ""  # 同名 / 常用名 / 上次确认 / 指定 / 不导入


@dataclass
class SheetPlan:
    """How one sheet will be read: as which kind, which rows hold headings and data, and which
    of its columns fill which of ours."""

    sheet: RawSheet
    kind: str
    heading_rows: tuple[int, ...]  # 0-based
    columns: list[ColumnMap]
    data_rows: list[int] = field(default_factory=list)  # 0-based indexes into sheet.rows
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, why)
    remembered: bool = False

    @property
    def name(self) -> str:
        return self.sheet.name

    @property
    def label(self) -> str:
        return ENTITIES[self.kind].label

    def mapped(self) -> list[ColumnMap]:
        return [c for c in self.columns if c.ours is not None]

    def signature(self) -> str:
        """The layout a remembered mapping is kept for: the kind and their headings."""
        text = json.dumps([self.kind, [heading_key(c.heading) for c in self.columns]],
                          ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]

    def is_our_format(self) -> bool:
        return all(c.how in ("同名", "") or (c.ours is None and not c.heading)
                   for c in self.columns)

    def describe(self) -> list[str]:
        """The mapping as lines a clerk checks: 户主身份证号码 → 身份证号 (常用名)."""
        lines = []
        for c in self.columns:
            if not c.heading:
                continue
            target = c.ours.heading if c.ours else SKIP
            lines.append(f"{c.heading} → {target}（{c.how}）")
        return lines


def names_of(kind: str, column: Column) -> list[str]:
    """Every name a heading may have for this column of ours, ours first."""
    names = [column.heading]
    if column.link:
        return names + list(KIND_NAMES.get(f"{kind}_links", {}).get(column.heading, ()))
    names += KIND_NAMES.get(kind, {}).get(column.heading, ())
    names += COMMON_NAMES.get(column.heading, ())
    f = ENTITIES[kind].field(column.field)
    if not column.is_ref and f.label != column.heading:
        names.append(f.label)
    return names


def _lookup(kind: str) -> tuple[dict[str, Column], dict[str, Column]]:
    """Their heading (as compared) → our column: exact headings, then usual names."""
    exact: dict[str, Column] = {}
    usual: dict[str, Column] = {}
    columns = FORMATS[kind].columns + FORMATS[kind].links
    for column in columns:
        exact.setdefault(heading_key(column.heading), column)
    for column in columns:
        for name in names_of(kind, column)[1:]:
            key = heading_key(name)
            if key not in exact:
                usual.setdefault(key, column)
    return exact, usual


LOOKUPS = {kind: _lookup(kind) for kind in FORMATS}


def recognise(kind: str, headings: list[tuple[str, ...]]) -> list[tuple[Column | None, str]]:
    """Our column for each of their headings (each given as the ways it may be read: a
    sub-heading, then parent and sub-heading, then the parent), at most one heading each."""
    exact, usual = LOOKUPS[kind]
    taken: set[str] = set()
    found: list[tuple[Column | None, str]] = []
    for readings in headings:
        hit: tuple[Column | None, str] = (None, SKIP)
        for table, how in ((exact, "同名"), (usual, "常用名")):
            for reading in readings:
                column = table.get(heading_key(reading))
                if column is not None and column.heading not in taken:
                    hit = (column, how)
                    break
            if hit[0] is not None:
                break
        if hit[0] is not None:
            taken.add(hit[0].heading)
        found.append(hit)
    return found


def _texts(row: list[Any]) -> list[str]:
    return ["" if is_blank(v) else clean(text_cell(v)) for v in row]


def _score(kind: str, row: list[Any]) -> int:
    return sum(1 for column, _ in recognise(kind, [(t,) for t in _texts(row)]) if column)


def guess_kind(sheet: RawSheet) -> str | None:
    """The kind a sheet holds, by its name, else by which kind's headings it has most of."""
    name = heading_key(sheet.name)
    for kind, fmt in FORMATS.items():
        if heading_key(fmt.name) == name:
            return kind
    for kind, names in SHEET_NAMES.items():
        if name in {heading_key(n) for n in names}:
            return kind
    best: tuple[int, str | None] = (1, None)
    tie = False
    for kind in FORMATS:
        score = max((_score(kind, r) for r in sheet.rows[:HEADING_SCAN]), default=0)
        if score > best[0]:
            best, tie = (score, kind), False
        elif score == best[0] and best[1] is not None:
            tie = True
    return None if tie else best[1]


def _heading_row(kind: str, sheet: RawSheet) -> int | None:
    """The first row with the most of the kind's headings (at least two, or one on a sheet
    of one column)."""
    best, where = 0, None
    for index, row in enumerate(sheet.rows[:HEADING_SCAN]):
        score = _score(kind, row)
        if score > best:
            best, where = score, index
    least = 1 if sheet.width <= 2 else 2
    return where if best >= least else None


def _merged_across(sheet: RawSheet, row: int) -> bool:
    return any(r0 <= row <= r1 and c1 > c0 for r0, c0, r1, c1 in sheet.merged)


def _merged_down(sheet: RawSheet, row: int) -> bool:
    return any(r0 <= row < r1 for r0, _c0, r1, _c1 in sheet.merged)


def _headings(sheet: RawSheet, first: int) -> tuple[tuple[int, ...], list[tuple[str, ...]]]:
    """The heading rows from `first` (one, or two when the first has 其中 or headings merged
    across sub-headings) and each column's readings: sub-heading, parent+sub, parent."""
    top = _texts(sheet.rows[first])
    width = sheet.width
    top += [""] * (width - len(top))
    two = first + 1 < len(sheet.rows) and (
        any(heading_key(t) == "其中" for t in top) or _merged_across(sheet, first)
        or _merged_down(sheet, first))
    if not two:
        return (first,), [(t,) if t else ("",) for t in top]
    sub = _texts(sheet.rows[first + 1]) + [""] * width
    readings = []
    for parent, child in zip(top, sub[:width], strict=True):
        if not child or child == parent:
            readings.append((parent,))
        elif heading_key(parent) == "其中" or not parent:
            readings.append((child,))
        else:
            readings.append((child, parent + child, parent))
    return (first, first + 1), readings


def _skip_reason(row: list[Any], heading: list[str]) -> str | None:
    """Why a row below the headings is not a record, or None. Only the first three filled
    cells are looked at, as text only when they are text: a totals row or a note says so at
    its start, and 50,000 rows are scanned."""
    filled: list[str] = []
    for value in row:
        if value is None or value == "":
            continue
        if isinstance(value, str):
            text = value.strip()
            if text and not text.isprintable():
                text = clean(text)
            if not text:
                continue
        else:
            text = "#"  # a number or a date: neither a total's word nor a note
        filled.append(text)
        if len(filled) == 3:
            break
    if not filled:
        return "空行"
    if filled[0] == next((t for t in heading if t), None) and _texts(row) == heading[:len(row)]:
        return "重复的标题行"
    if _TOTALS.search("".join(filled)) and any(heading_key(t).startswith(TOTAL_WORDS)
                                               for t in filled):
        return "合计行"
    if len(filled) <= 2 and filled[0].startswith(NOTE_STARTS):
        return "表尾说明"
    return None


def plan_sheet(sheet: RawSheet, kind: str | None = None,
               remembered: dict[str, str] | None = None) -> SheetPlan | None:
    """How to read a sheet (None when it holds no kind of ours: the 说明 sheet, a hidden sheet
    of lists, a sheet of something else)."""
    if sheet.name in (NOTES_SHEET, LISTS_SHEET) or sheet.hidden:
        return None
    kind = kind or guess_kind(sheet)
    if kind is None:
        return None
    first = _heading_row(kind, sheet)
    if first is None:
        return None
    heading_rows, readings = _headings(sheet, first)
    found = recognise(kind, readings)
    columns = [ColumnMap(i, reading[0], ours, how if reading[0] else "")
               for i, (reading, (ours, how)) in enumerate(zip(readings, found, strict=True))]
    plan = SheetPlan(sheet, kind, heading_rows, columns)
    if remembered is not None:
        apply_mapping(plan, remembered, "上次确认")
        plan.remembered = True
    heading = _texts(sheet.rows[heading_rows[-1]])
    for index in range(heading_rows[-1] + 1, len(sheet.rows)):
        why = _skip_reason(sheet.rows[index], heading)
        if why:
            plan.skipped.append((index, why))
        else:
            plan.data_rows.append(index)
    return plan


def our_column(kind: str, name: str) -> Column | None:
    """Our column named by its heading, its field's name or label (for --map)."""
    key = heading_key(name)
    columns = FORMATS[kind].columns + FORMATS[kind].links
    for column in columns:
        if heading_key(column.heading) == key:
            return column
    spec = ENTITIES[kind]
    for column in FORMATS[kind].columns:  # a reference by its field: the name a clerk writes
        f = spec.field(column.field)
        if key in (column.field.lower(), heading_key(f.label)) and (
                not column.is_ref or column.part == REF_PATHS[f.ref or ""][0]):
            return column
    return None


def apply_mapping(plan: SheetPlan, mapping: dict[str, str], how: str = "指定") -> list[str]:
    """Set their columns to ours as given ({their heading: our heading or 不导入}); returns
    the problems (a heading not in the sheet, a field we do not have)."""
    problems = []
    by_heading = {heading_key(c.heading): c for c in plan.columns if c.heading}
    for theirs, ours in mapping.items():
        target = by_heading.get(heading_key(theirs))
        if target is None:
            problems.append(tr("工作表“{sheet}”中没有“{column}”这一列").format(
                sheet=plan.name, column=theirs))
            continue
        if heading_key(ours) in (heading_key(SKIP), ""):
            target.ours, target.how = None, how
            continue
        column = our_column(plan.kind, ours)
        if column is None:
            problems.append(tr("{kind}没有“{column}”这一项（可选：{columns}，或 {skip}）").format(
                kind=term(plan.label), column=ours, columns="、".join(
                    c.heading for c in FORMATS[plan.kind].columns + FORMATS[plan.kind].links),
                skip=SKIP))
            continue
        for other in plan.columns:  # one of theirs per column of ours
            if other is not target and other.ours == column:
                other.ours, other.how = None, SKIP
        target.ours, target.how = column, how
    return problems


def mapping_of(plan: SheetPlan) -> dict[str, str]:
    """The plan's mapping as stored: {their heading: our heading or 不导入}."""
    return {c.heading: c.ours.heading if c.ours else SKIP for c in plan.columns if c.heading}


def setting_key(plan: SheetPlan) -> str:
    return SETTING_PREFIX + plan.signature()


def kind_named(text: str) -> str:
    """A kind by its key (household) or its label (贫困户); ValueError naming the choices."""
    if text in FORMATS:
        return text
    key = heading_key(text)
    for kind, fmt in FORMATS.items():
        if heading_key(fmt.name) == key:
            return kind
    if text in SHEET_KINDS:
        return SHEET_KINDS[text]
    raise ValueError(tr("没有“{kind}”这种记录（可选：{kinds}）").format(kind=text, kinds="、".join(
        f"{fmt.name}（{kind}）" for kind, fmt in FORMATS.items())))
