"""The exchange workbook: one sheet per kind of record, one column per field, Chinese headings.

The template, the export and the import share this one description, so what the program writes
it reads back. A reference is written as the keys a clerk knows, never as an internal id: a
village as its township and its name, a unit by its name, a person by name with their unit or
village and, where it is known, their ID number. A row updates the record it matches by the
kind's keys (`KEYS`): the same ID number, the same township + village, the same unit name.
"""

from __future__ import annotations

from dataclasses import dataclass

from pairing_desktop.core.entities import ENTITIES, EntitySpec, FieldSpec
from pairing_desktop.core.fields import (
    Bool,
    Choice,
    Date,
    Float,
    IdNumber,
    Int,
    Money,
    MultiChoice,
    Numbered,
    Phone,
    Ref,
    Year,
)
from pairing_desktop.core.validation import DATE_FORMAT_HINT

# How a referenced record is named in a sheet: paths through its own fields, the first the name
# a clerk writes. Several columns together pick one record; an ID number alone does too.
REF_PATHS: dict[str, tuple[str, ...]] = {
    "township": ("name",),
    "village": ("name", "township.name"),
    "unit": ("name",),
    "rank": ("name",),
    "cadre": ("name", "unit.name", "id_number"),
    "household": ("head_name", "id_number", "village.township.name", "village.name"),
    "farmer": ("name", "id_number", "village.township.name", "village.name"),
    "uv_pairing": ("unit.name", "village.name", "village.township.name"),
    "activity_type": ("name",),
}

# The heading of each part of a reference, by the kind referenced; "{label}" is the field's
# label, None the label alone. Tests check that no sheet repeats a heading.
REF_HEADINGS: dict[str, dict[str, str | None]] = {
    "village": {"name": None, "township.name": "乡镇"},
    "uv_pairing": {"unit.name": "帮扶单位", "village.township.name": "乡镇",
                   "village.name": "帮扶村"},
    "cadre": {"name": None, "unit.name": "{label}所在单位", "id_number": "{label}身份证号"},
    "household": {"head_name": None, "id_number": "{label}身份证号",
                  "village.township.name": "{label}所在乡镇", "village.name": "{label}所在村"},
    "farmer": {"name": None, "id_number": "{label}身份证号",
               "village.township.name": "{label}所在乡镇", "village.name": "{label}所在村"},
}

# The fields a row is matched on, tried in order: the first whose fields the row has picks the
# record it updates. A person's later keys (name with unit or village) find a record only when
# its ID number is empty or the same, so two namesakes with different numbers stay two people.
# Keys with several records behind them (two activities of one day) are matched in order.
KEYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "township": (("name",),),
    "village": (("township", "name"),),
    "unit": (("name",),),
    "rank": (("name",),),
    "cadre": (("id_number",), ("unit", "name")),
    "household": (("id_number",), ("village", "head_name")),
    "farmer": (("id_number",), ("village", "name")),
    "uv_pairing": (("unit", "village"),),
    "ut_pairing": (("unit", "township"),),
    "pm_pairing": (("cadre", "farmer"),),
    "stationed": (("cadre", "village", "started_on"),),
    "assignment": (("cadre", "household", "started_on"),),
    "target": (("pairing", "year", "category"),),
    "activity_type": (("name",),),
    "activity": (("date", "type", "pairing", "cadre", "household"),),
}
# keys whose empty parts are part of the key (an activity has a pairing or a household)
OPEN_KEYS = frozenset({"activity"})


@dataclass(frozen=True)
class Column:
    """One column of a sheet: the field it fills and, for a reference, which part of the
    referenced record's name (a path in its fields: "township.name")."""

    heading: str
    field: str
    part: str = ""
    link: str = ""  # the kind of record the column links the row to (see LINKS)

    @property
    def is_ref(self) -> bool:
        return bool(self.part)


@dataclass(frozen=True)
class SheetFormat:
    kind: str
    name: str  # the sheet's name: the kind's label
    columns: tuple[Column, ...]
    links: tuple[Column, ...] = ()  # read on import when a sheet has them; never written

    @property
    def spec(self) -> EntitySpec:
        return ENTITIES[self.kind]

    def column(self, heading: str) -> Column | None:
        return next((c for c in self.columns if c.heading == heading), None)


# The order of a reference's columns in a sheet, where it is not REF_PATHS': the township
# before its village, as a clerk reads a place.
REF_COLUMN_ORDER: dict[str, tuple[str, ...]] = {
    "village": ("township.name", "name"),
    "uv_pairing": ("unit.name", "village.township.name", "village.name"),
}


# Columns that name another kind of record beside a row, as other systems' workbooks have them:
# 帮扶人姓名 and 帮扶人电话号码 beside a household name its responsible cadre. Mapped so, they
# link the row's record to that one (an assignment from the day of the import), when it has no
# such link yet; a cadre that matches no record is a row error, never a new cadre. They are not
# in the template or the export: assignments have their own sheet, with their dates.
LINKS: dict[str, tuple[Column, ...]] = {
    "household": (
        Column("帮扶干部", "cadre", "name", link="assignment"),
        Column("帮扶干部所在单位", "cadre", "unit.name", link="assignment"),
        Column("帮扶干部电话", "cadre", "phone", link="assignment"),
        Column("帮扶干部身份证号", "cadre", "id_number", link="assignment"),
    ),
}
# the field of a linking record that points back to the row's record
LINK_BACK = {"assignment": "household"}


def _ref_columns(f: FieldSpec) -> list[Column]:
    target = f.ref or ""
    headings = REF_HEADINGS.get(target, {})
    columns = []
    for path in REF_COLUMN_ORDER.get(target, REF_PATHS[target]):
        shown = headings.get(path)
        columns.append(Column(f.label if shown is None else shown.format(label=f.label),
                              f.name, path))
    return columns


def sheet_format(kind: str) -> SheetFormat:
    spec = ENTITIES[kind]
    columns: list[Column] = []
    for f in spec.fields:
        if not f.in_form:  # a key for code (an activity type's code): never exchanged
            continue
        if isinstance(f.kind, Ref):
            columns.extend(_ref_columns(f))
        else:
            columns.append(Column(f.label, f.name))
    return SheetFormat(kind, spec.label, tuple(columns), LINKS.get(kind, ()))


FORMATS: dict[str, SheetFormat] = {kind: sheet_format(kind) for kind in ENTITIES}
SHEET_KINDS: dict[str, str] = {fmt.name: kind for kind, fmt in FORMATS.items()}
NOTES_SHEET = "说明"
LISTS_SHEET = "选项"  # hidden: the names drop-down lists offer (townships, units, ranks…)
ERROR_HEADING = "错误"


def field_of(kind: str, column: Column) -> FieldSpec:
    return ENTITIES[column.link or kind].field(column.field)


def part_field(kind: str, column: Column) -> FieldSpec:
    """The field a reference column names in the referenced record (a unit's name)."""
    f = field_of(kind, column)
    if not column.is_ref:
        return f
    target = ENTITIES[f.ref or ""]
    *hops, last = column.part.split(".")
    for hop in hops:
        target = ENTITIES[target.field(hop).ref or ""]
    return target.field(last)


def is_text_column(kind: str, column: Column) -> bool:
    """ID and phone numbers: formatted as text, so Excel keeps every digit and leading 0."""
    return isinstance(part_field(kind, column).kind, (IdNumber, Phone))


def choices_of(kind: str, column: Column) -> tuple[str, ...]:
    """The words a drop-down list offers for a choice column (empty for other columns)."""
    f = part_field(kind, column)
    if isinstance(f.kind, MultiChoice):
        return ()  # several at once: a list cannot offer them
    if isinstance(f.kind, Choice):
        return f.kind.labels
    if isinstance(f.kind, Bool):
        return ("是", "否")
    return ()


def note(kind: str, column: Column) -> str:
    """What the 说明 sheet says of a column: what to write, and whether it may be empty."""
    f = field_of(kind, column)
    spec = ENTITIES[kind]
    part = part_field(kind, column)
    must = "必填" if f.required and (not column.is_ref or column.part in (
        REF_PATHS[f.ref or ""][0],)) else "可空"
    if column.is_ref:
        target = ENTITIES[f.ref or ""]
        what = {"name": "名称", "head_name": "户主姓名", "id_number": "身份证号"}.get(
            column.part, part.label)
        text = f"{f.label}：填写{target.label}的{what}，须是台账中已有的（或本工作簿中一并导入的）"
        if len(REF_PATHS[target.key]) > 1:
            text += f"{target.label}；同名时用同一行的其他列区分"
    else:
        text = f"{f.label}"
    kind_ = f.kind if not column.is_ref else part.kind
    if isinstance(kind_, MultiChoice):
        text += f"；可填多项，用顿号分隔：{'、'.join(kind_.labels)}"
    elif isinstance(kind_, Numbered):
        text += f"；填1至{len(kind_.items)}或类别名称：" + "；".join(
            f"{i}. {label}" for i, label in kind_.items)
    elif isinstance(kind_, Choice):
        text += f"；从下拉列表选择：{'/'.join(kind_.labels)}"
    elif isinstance(kind_, Bool):
        text += "；填“是”或“否”"
    elif isinstance(kind_, IdNumber):
        text += "；18位，按文本填写（本列已设为文本格式），最后一位可为X"
    elif isinstance(kind_, Phone):
        text += "；11位手机号或带区号的固定电话，按文本填写"
    elif isinstance(kind_, Date):
        text += f"；{DATE_FORMAT_HINT}"
    elif isinstance(kind_, Money):
        text += "；单位为元，可有两位小数"
    elif isinstance(kind_, Year):
        text += "；四位年份，如 2008"
    elif isinstance(kind_, Int):
        text += "；整数"
    elif isinstance(kind_, Float):
        text += "；数字"
    keys = [k for k in KEYS[kind] if f.name in k]
    if keys and (not column.is_ref or column.part == REF_PATHS[f.ref or ""][0]):
        text += f"；用于找到要更新的{spec.label}"
    return f"{must}。{text}。"
