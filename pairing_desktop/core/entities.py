"""What each kind of record holds, as data: fields, labels, checks, how it is listed and named.

The GUI builds its forms and lists from these specs, and `records` validates every save against
them, so the GUI, the command line and the importer obey the same rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from peewee import fn

from pairing_desktop.core import choices as C
from pairing_desktop.core import validation as V
from pairing_desktop.core.activities import rules as activity_rules
from pairing_desktop.core.activities import types as activity_types
from pairing_desktop.core.fields import (
    Bool,
    Choice,
    Code,
    Date,
    FieldSpec,
    Float,
    IdNumber,
    Int,
    LongText,
    Money,
    MultiChoice,
    Numbered,
    Phone,
    Ref,
    Shape,
    Year,
)
from pairing_desktop.core.i18n import term, tr
from pairing_desktop.core.storage import models as M

__all__ = ["ENTITIES", "Computed", "EntitySpec", "FieldSpec", "Shape", "spec_for_model"]

# A rule over a whole record: (values after coercion, id of the record being edited or None)
# -> {field name: message}. Rules live in core.rules.* and are attached to specs below.
Rule = Callable[[dict[str, Any], Any], dict[str, str]]
# Which fields a record uses given its values so far (run on the bound ledger): see Shape.
Shaper = Callable[[dict[str, Any]], Shape]


@dataclass(frozen=True)
class Computed:
    """A figure of a record computed in SQL from other records: `sql(alias)` is its expression
    for the record's row `alias`; the list places it after the field `after`."""

    name: str
    label: str
    after: str
    sql: Callable[[Any], Any]
    note: str = ""  # how it is counted, shown beside it in the form
    reads: tuple[str, ...] = ()  # the kinds of record it counts: a change to them changes it


@dataclass(frozen=True)
class EntitySpec:
    key: str
    label: str  # what one record is called ("帮扶单位")
    model: type[M.BaseModel]
    fields: tuple[FieldSpec, ...]
    title: tuple[str, ...]  # fields naming a record elsewhere (refs are followed), " — "-joined
    search: tuple[str, ...]  # fields (or "ref.title") matched by the search box
    unique: tuple[tuple[tuple[str, ...], str], ...] = ()  # (fields, what is duplicated)
    rules: tuple[Rule, ...] = ()
    sort: str = ""  # default sort field
    measure: str = "个"  # counter word for messages ("3 名干部")
    # where a record belongs, shown after its title in pickers so that namesakes can be told
    # apart: "张伟（县财政局）", "李四（新华村·三组）". Lists show the title alone (they have
    # columns for the rest).
    detail: tuple[str, ...] = ()
    # fields shown or hidden by other values (an activity's type), and the fields they read
    shape: Shaper | None = None
    shape_inputs: tuple[str, ...] = ()
    # columns a list adds after a reference to tell namesakes apart: (path through
    # references, heading), "cadre.unit" is the unit of the row's cadre. 冯海 of two units is
    # two rows that differ.
    list_paths: tuple[tuple[str, str], ...] = ()
    # figures computed from other records, never typed (a village's 贫困户数 counts its
    # households): shown read-only in the form and as list columns
    computed: tuple[Computed, ...] = ()

    def field(self, name: str) -> FieldSpec:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def list_fields(self) -> list[FieldSpec]:
        return [f for f in self.fields if f.in_list]

    def form_fields(self) -> list[FieldSpec]:
        return [f for f in self.fields if f.in_form]


def _dates_in_order(values: dict[str, Any], _id: Any) -> dict[str, str]:
    start, end = values.get("started_on"), values.get("ended_on")
    if start and end and end < start:
        return {"ended_on": tr("结束日期：不能早于开始日期")}
    return {}


def _gender_matches_id(values: dict[str, Any], _id: Any) -> dict[str, str]:
    """The 17th digit of an ID number is odd for men: a mismatch is a typing error somewhere."""
    number, gender = values.get("id_number"), values.get("gender")
    if number and gender and V.check_id_number(number) is None:
        expected = "男" if int(number[16]) % 2 else "女"
        if gender != expected:
            return {"gender": tr("性别：与身份证号不符（身份证号为{gender}性）").format(
                gender=term(expected))}
    return {}


COUNT = Int(minimum=0)  # households, people, members: never negative
AMOUNT = Float(minimum=0)


def _can_end_pairing(values: dict[str, Any], record_id: Any) -> dict[str, str]:
    from pairing_desktop.core.rules.targets import check_can_end

    return check_can_end(values, record_id)


def _poor_households(village: Any) -> Any:
    """A village's 贫困户数: its live households still 贫困. It used to be typed by hand and
    disagreed with the village's own household list; the stored column (village.poor_households)
    is no longer read or written."""
    h = M.Household.alias("counted")
    return (h.select(fn.COUNT(h.id))
            .where((h.village == village.id) & h.deleted_at.is_null() & (h.status == "贫困")))


def _f(name: str, label: str, **kw: Any) -> FieldSpec:
    return FieldSpec(name, label, **kw)


TOWNSHIP = EntitySpec(
    "township", "乡镇", M.Township,
    (_f("name", "乡镇名称", required=True), _f("code", "代码")),
    title=("name",), search=("name", "code"), unique=((("name",), "乡镇名称"),), sort="name",
)

VILLAGE = EntitySpec(
    "village", "村", M.Village,
    (
        _f("township", "所属乡镇", kind=Ref("township"), required=True),
        _f("name", "村名", required=True),
        _f("poverty_class", "贫困类别", kind=Choice.of(C.POVERTY_CLASSES),
           default="一类贫困村"),
        _f("households", "总户数", kind=COUNT),
        _f("population", "总人口", kind=COUNT),
        _f("party_members", "党员数", kind=COUNT),
        _f("secretary", "村支书"),
        _f("secretary_phone", "村支书电话", kind=Phone()),
        _f("poverty_causes", "致贫原因", kind=MultiChoice(*C.VILLAGE_CAUSES),
           in_list=False),
        _f("status", "状态", kind=Choice.of(C.VILLAGE_STATUSES), default="帮扶中"),
        _f("out_of_poverty_year", "脱贫年份", kind=Year(), in_list=False),
    ),
    title=("name",), search=("name", "township", "secretary"),
    unique=((("township", "name"), "同一乡镇内的村名"),), sort="name", detail=("township",),
    computed=(Computed("poor_households", "贫困户数", "population", _poor_households,
                       "按本村贫困户名单自动统计", reads=("household",)),),
)

UNIT = EntitySpec(
    "unit", "帮扶单位", M.Unit,
    (
        _f("name", "单位名称", required=True),
        _f("level", "级别", kind=Choice.of(C.UNIT_LEVELS), required=True, default="县直"),
        _f("kind", "类型", kind=Choice.of(C.UNIT_KINDS), default="党政机关"),
        _f("party_org", "党组织名称"),
        _f("head", "负责人"),
        _f("head_title", "负责人职务", in_list=False),
        _f("contact", "联系人"),
        _f("contact_phone", "联系电话", kind=Phone()),
    ),
    title=("name",), search=("name", "party_org", "head", "contact"),
    unique=((("name",), "单位名称"),), sort="name",
)

RANK = EntitySpec(
    "rank", "职级", M.Rank,
    (
        _f("name", "职级", required=True),
        _f("quota", "帮扶户数定额", kind=Int(minimum=0), required=True),
        _f("sort_order", "排序", kind=Int(), default=0),
    ),
    title=("name",), search=("name",), unique=((("name",), "职级名称"),), sort="sort_order",
)

CADRE = EntitySpec(
    "cadre", "干部", M.Cadre,
    (
        _f("unit", "所在单位", kind=Ref("unit"), required=True),
        _f("name", "姓名", required=True),
        _f("gender", "性别", kind=Choice.of(C.GENDERS)),
        _f("id_number", "身份证号", kind=IdNumber()),
        _f("rank", "职级", kind=Ref("rank"), required=True),
        _f("party_member", "党员", kind=Bool(), default=True),
        _f("reserve", "后备干部", kind=Bool(), default=False),
        _f("phone", "电话", kind=Phone()),
    ),
    title=("name",), search=("name", "id_number", "unit", "phone"),
    unique=((("id_number",), "身份证号"),), rules=(_gender_matches_id,), sort="name",
    measure="名", detail=("unit",),
)

HOUSEHOLD = EntitySpec(
    "household", "贫困户", M.Household,
    (
        _f("village", "所在村", kind=Ref("village"), required=True),
        _f("group_name", "村民组"),
        _f("head_name", "户主", required=True),
        _f("id_number", "身份证号", kind=IdNumber()),
        _f("phone", "电话", kind=Phone()),
        _f("members", "家庭人口", kind=COUNT),
        _f("kind", "类型", kind=Choice.of(C.HOUSEHOLD_KINDS), default="一般"),
        _f("income_per_capita", "人均纯收入（元）", kind=AMOUNT),
        _f("poverty_cause", "主要致贫原因", kind=Choice.of(C.HOUSEHOLD_CAUSES)),
        _f("status", "状态", kind=Choice.of(C.HOUSEHOLD_STATUSES), default="贫困"),
        _f("out_of_poverty_year", "脱贫年份", kind=Year(), in_list=False),
    ),
    title=("head_name",), search=("head_name", "id_number", "village", "group_name"),
    unique=((("id_number",), "身份证号"),), sort="head_name", measure="户",
    detail=("village", "group_name"),
)

FARMER = EntitySpec(
    "farmer", "农民党员", M.FarmerPartyMember,
    (
        _f("village", "所在村", kind=Ref("village"), required=True),
        _f("name", "姓名", required=True),
        _f("id_number", "身份证号", kind=IdNumber()),
        _f("phone", "电话", kind=Phone()),
        _f("wealth_leader", "致富带头人", kind=Bool(), default=False),
    ),
    title=("name",), search=("name", "id_number", "village"),
    unique=((("id_number",), "身份证号"),), sort="name", measure="名", detail=("village",),
)

_PERIOD = (
    _f("started_on", "开始日期", kind=Date(), required=True),
    _f("ended_on", "结束日期", kind=Date()),
)

UV_PAIRING = EntitySpec(
    "uv_pairing", "单位–村结对", M.UnitVillagePairing,
    (
        _f("unit", "帮扶单位", kind=Ref("unit"), required=True),
        _f("village", "帮扶村", kind=Ref("village"), required=True),
        _f("started_on", "开始日期", kind=Date(), required=True),
        _f("status", "状态", kind=Choice.of(C.PAIRING_STATUSES), default="帮扶中"),
        _f("ended_on", "脱钩日期", kind=Date()),
    ),
    title=("unit", "village"), search=("unit", "village"),
    rules=(_dates_in_order, _can_end_pairing),
    sort="unit", list_paths=(("village.township", "乡镇"),),
)

UT_PAIRING = EntitySpec(
    "ut_pairing", "地直单位–乡镇结对", M.UnitTownshipPairing,
    (
        _f("unit", "地直单位", kind=Ref("unit"), required=True),
        _f("township", "乡镇党委", kind=Ref("township"), required=True),
        *_PERIOD,
    ),
    title=("unit", "township"), search=("unit", "township"), rules=(_dates_in_order,), sort="unit",
)

PM_PAIRING = EntitySpec(
    "pm_pairing", "党员结对", M.PartyMemberPairing,
    (
        _f("cadre", "机关党员", kind=Ref("cadre"), required=True),
        _f("farmer", "农民党员", kind=Ref("farmer"), required=True),
        *_PERIOD,
    ),
    title=("cadre", "farmer"), search=("cadre", "farmer"), rules=(_dates_in_order,),
    sort="cadre",
    list_paths=(("cadre.unit", "机关党员所在单位"), ("farmer.village", "农民党员所在村")),
)

STATIONED = EntitySpec(
    "stationed", "驻村任职", M.StationedCadre,
    (
        _f("cadre", "干部", kind=Ref("cadre"), required=True),
        _f("village", "任职村", kind=Ref("village"), required=True),
        _f("post", "职务", kind=Choice.of(C.STATIONED_POSTS), required=True,
           default="村党支部第一书记"),
        *_PERIOD,
    ),
    title=("cadre", "village"), search=("cadre", "village", "post"), rules=(_dates_in_order,),
    sort="cadre", measure="名", list_paths=(("cadre.unit", "干部所在单位"),),
)


def _one_open_assignment(values: dict[str, Any], record_id: Any) -> dict[str, str]:
    from pairing_desktop.core.rules.assignments import check_one_open_assignment

    return check_one_open_assignment(values, record_id)


ASSIGNMENT = EntitySpec(
    "assignment", "干部帮扶结对", M.Assignment,
    (
        _f("cadre", "帮扶干部", kind=Ref("cadre"), required=True),
        _f("household", "贫困户", kind=Ref("household"), required=True),
        *_PERIOD,
    ),
    title=("cadre", "household"), search=("cadre", "household"),
    rules=(_dates_in_order, _one_open_assignment), sort="cadre",
    list_paths=(("cadre.unit", "干部所在单位"), ("household.village", "贫困户所在村")),
)


TARGET = EntitySpec(
    "target", "年度目标", M.Target,
    (
        _f("pairing", "结对", kind=Ref("uv_pairing"), required=True),
        _f("year", "年度", kind=Year(), required=True),
        _f("category", "目标类别", kind=Numbered(*C.TARGET_CATEGORIES), required=True),
        _f("description", "目标内容", kind=LongText(), required=True),
        _f("indicator_value", "指标数量", kind=AMOUNT),
        _f("indicator_unit", "计量单位"),
        _f("actual_value", "实际完成", kind=AMOUNT),
        _f("status", "状态", kind=Choice.of(C.TARGET_STATUSES), default="未开始"),
    ),
    title=("description",), search=("description", "pairing"), sort="year", measure="项",
)

ACTIVITY_TYPE = EntitySpec(
    "activity_type", "活动类型", M.ActivityType,
    (
        # a key for code (the demo and the tests name types by it): never shown
        _f("code", "代码", kind=Code("custom"), required=True, in_list=False, in_form=False),
        _f("name", "名称", required=True),
        _f("scope", "对象", kind=activity_types.SCOPE, required=True,
           default=activity_types.PAIRING),
        _f("duty", "对应职责", kind=activity_types.DUTY),
        _f("measures", "记录的数字", kind=activity_types.RECORDED_NUMBERS),
        _f("texts", "填写的文字", kind=activity_types.RECORDED_TEXTS, default="description,note",
           in_list=False),
        _f("required", "必填项", kind=activity_types.REQUIRED, in_list=False),
        _f("is_outcome", "成效", kind=Bool(), default=False),
        _f("sort_order", "排序", kind=Int(), default=0),
    ),
    title=("name",), search=("name",), unique=((("code",), "代码"),),
    rules=(activity_rules.check_type,), sort="sort_order", measure="种",
    shape=activity_rules.type_shape, shape_inputs=("measures", "texts"),
)

ACTIVITY = EntitySpec(
    "activity", "帮扶活动", M.Activity,
    (
        _f("date", "日期", kind=Date(), required=True),
        _f("type", "活动类型", kind=Ref("activity_type", listed=True), required=True),
        _f("pairing", "结对", kind=Ref("uv_pairing"), prompt="结对（单位—村）"),
        _f("cadre", "干部", kind=Ref("cadre"), in_list=False, prompt="走访干部"),
        _f("household", "贫困户", kind=Ref("household")),
        _f("participants", "参加人数", kind=COUNT),
        _f("people", "人数", kind=COUNT),
        _f("households", "户数", kind=COUNT),
        _f("money_yuan", "金额（元）", kind=Money(), prompt="金额"),
        _f("area_mu", "面积（亩）", kind=Float(minimum=0, places=2)),
        _f("items", "个数", kind=COUNT),
        _f("description", "活动内容", kind=LongText()),
        _f("findings", "发现问题", kind=LongText(), in_list=False),
        _f("measures", "帮扶措施", kind=LongText(), in_list=False),
        _f("note", "备注", kind=LongText(), in_list=False),
    ),
    title=("date", "type"), search=("pairing", "household", "type", "description"),
    rules=(activity_rules.check_activity,), sort="date", measure="条",
    shape=activity_rules.activity_shape, shape_inputs=("type",),
)

ENTITIES: dict[str, EntitySpec] = {
    spec.key: spec
    for spec in (TOWNSHIP, VILLAGE, UNIT, RANK, CADRE, HOUSEHOLD, FARMER, UV_PAIRING,
                 UT_PAIRING, PM_PAIRING, STATIONED, ASSIGNMENT, TARGET, ACTIVITY_TYPE, ACTIVITY)
}


def spec_for_model(model: type) -> EntitySpec | None:
    for spec in ENTITIES.values():
        if spec.model is model:
            return spec
    return None
