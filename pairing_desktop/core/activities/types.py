"""The kinds of activity a ledger starts with, as rows of the ActivityType table.

They are data, not code: each row says which numbers a record of its kind carries, which duty it
fulfils and whether it is an outcome, and the report sums whatever the rows say. The county adds
or renames kinds in the program; these are only the defaults written into a new ledger, taken
from the figures of the Qianxi report (DOMAIN.md).
"""

from __future__ import annotations

import json
from typing import NamedTuple

from pairing_desktop.core.fields import Choice, MultiChoice
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger
from pairing_desktop.core.storage.models import ActivityType, Setting, seed_id

# What an activity record can carry, as (field, label) pairs: the activity type's settings
# store the field names and the program shows the labels.
NUMBERS = (("participants", "参加人数"), ("people", "人数"), ("households", "户数"),
           ("money_yuan", "金额（元）"), ("area_mu", "面积（亩）"), ("items", "个数"))
TEXTS = (("description", "活动内容"), ("findings", "发现问题"), ("measures", "帮扶措施"),
         ("note", "备注"))
NUMBER_FIELDS = tuple(name for name, _ in NUMBERS)
TEXT_FIELDS = tuple(name for name, _ in TEXTS)
NUMBER_LABELS = dict(NUMBERS)
TEXT_LABELS = dict(TEXTS)
DUTY_LABELS = {"research": "调研", "training": "实用技术培训", "project": "办实事",
               "visit": "走访贫困户", "activity": "到村开展活动"}
DUTIES = ("research", "training", "project", "visit")  # the duties a type can fulfil
# The counter word of the figure a type adds to the report (人次: one person trained twice counts
# two). A county setting (UNITS_KEY, code -> unit) over DEFAULT_UNITS; a type the county adds
# takes the word of the number it names first (HEADLINE_UNITS), 次 when it names none.
UNITS = ("人", "人次", "户", "亩", "元", "项", "次")
UNITS_KEY = "activity_units"
HEADLINE_UNITS = {"participants": "人次", "people": "人", "households": "户",
                  "money_yuan": "元", "area_mu": "亩", "items": "项", None: "次"}
PAIRING, HOUSEHOLD = "pairing", "household"
SCOPES = ((PAIRING, "结对"), (HOUSEHOLD, "贫困户"))

# the kinds of a type's settings: codes stored, labels shown and ticked
SCOPE = Choice(*SCOPES)
DUTY = Choice(*((d, DUTY_LABELS[d]) for d in DUTIES))
RECORDED_NUMBERS = MultiChoice(*NUMBERS, sep=",")
RECORDED_TEXTS = MultiChoice(*TEXTS, sep=",")
REQUIRED = MultiChoice(*NUMBERS, *TEXTS, sep=",")


class TypeSeed(NamedTuple):
    code: str
    name: str
    measures: str = ""
    duty: str | None = None
    scope: str = PAIRING
    texts: str = "description,note"
    required: str = ""
    is_outcome: bool = False


DEFAULT_TYPES: tuple[TypeSeed, ...] = (
    # the duties (每季度调研、每半年培训、每年办实事)
    TypeSeed("research", "调研", "participants", duty="research",
             texts="description,findings,measures,note"),
    TypeSeed("training", "实用技术培训", "participants,people", duty="training",
             required="people"),
    TypeSeed("project", "办实事", "money_yuan,households", duty="project",
             required="description"),
    TypeSeed("household_visit", "走访贫困户", "", duty="visit", scope=HOUSEHOLD,
             texts="findings,measures,note", required="findings"),
    # party building and village organisation (the figures of the report)
    TypeSeed("unit_meeting", "单位专题研究帮扶工作会议", "participants"),
    TypeSeed("party_meeting", "与帮扶村党组织研究党建工作", "participants"),
    TypeSeed("party_training", "培训党员", "people", required="people"),
    TypeSeed("sanchuang", "“三创三强”“六个一工程”活动", "participants"),
    TypeSeed("capable_farmers", "培养“双培双带”致富能手", "people", required="people"),
    TypeSeed("premises_money", "村级组织场所建设资金", "money_yuan", required="money_yuan"),
    TypeSeed("rules_systems", "健全村级组织及制度", "items", required="items"),
    TypeSeed("infrastructure", "解决基础设施建设困难", "items,money_yuan", required="items"),
    TypeSeed("new_farmers", "培训新型农民", "people", required="people"),
    TypeSeed("symposium", "座谈会、联谊活动", "participants"),
    TypeSeed("culture_money", "改善文体设施投入", "money_yuan", required="money_yuan"),
    TypeSeed("poor_member_visit", "慰问贫困党员", "households,money_yuan",
             required="households"),
    TypeSeed("student_aid", "资助贫困学生", "people,money_yuan", required="people"),
    TypeSeed("medical_insurance", "代缴新农合参合金", "households,money_yuan",
             required="households"),
    TypeSeed("unit_visit", "组织干部职工到村开展帮扶活动", "participants"),
    TypeSeed("difficulty", "为群众解决生产生活困难", "items,households", required="items"),
    # the network's own figures (发展思路、项目、人才)
    TypeSeed("dev_ideas", "帮助理清发展思路", "items", required="items"),
    TypeSeed("dev_projects", "协调落实发展项目", "items,money_yuan", required="items"),
    TypeSeed("talents", "培养“三种人”（文化人、内行人、明白人）", "people", required="people"),
    TypeSeed("member_to_leader", "党员培养成致富带头人", "people", required="people"),
    TypeSeed("leader_to_member", "致富带头人培养成党员", "people", required="people"),
    TypeSeed("skills_talents", "培养实用技术人才", "people", required="people"),
    # outcomes (成效)
    TypeSeed("dev_path", "找到适合的发展路子", "items", required="items", is_outcome=True),
    TypeSeed("vegetables", "种植蔬菜", "area_mu,households", required="area_mu",
             is_outcome=True),
    TypeSeed("fruit_forest", "发展经果林", "area_mu,households", required="area_mu",
             is_outcome=True),
    TypeSeed("livestock_new", "新增养殖户", "households", required="households",
             is_outcome=True),
    TypeSeed("livestock_scale", "规模养殖户（10头/匹以上）", "households", required="households",
             is_outcome=True),
    TypeSeed("out_of_poverty", "贫困户实现脱贫致富", "households", required="households",
             is_outcome=True),
    TypeSeed("labour_transfer", "转移劳动力", "people", required="people", is_outcome=True),
    TypeSeed("income_added", "增加收入", "money_yuan", required="money_yuan",
             is_outcome=True),
)


# the seed report's own words: 培训新型农民2462人次, 培训党员1237名 (人), 解决困难55个 (项)
DEFAULT_UNITS = {
    "research": "次", "training": "人次", "project": "项", "household_visit": "次",
    "unit_meeting": "次", "party_meeting": "次", "party_training": "人", "sanchuang": "次",
    "capable_farmers": "人", "premises_money": "元", "rules_systems": "项",
    "infrastructure": "项", "new_farmers": "人次", "symposium": "次", "culture_money": "元",
    "poor_member_visit": "户", "student_aid": "人", "medical_insurance": "户",
    "unit_visit": "次", "difficulty": "项", "dev_ideas": "项", "dev_projects": "项",
    "talents": "人", "member_to_leader": "人", "leader_to_member": "人", "skills_talents": "人",
    "dev_path": "项", "vegetables": "亩", "fruit_forest": "亩", "livestock_new": "户",
    "livestock_scale": "户", "out_of_poverty": "户", "labour_transfer": "人",
    "income_added": "元",
}


def unit_of(code: str, headline: str | None, units: dict[str, str]) -> str:
    """The counter word of a type's figure: the county's setting, the default, or the word of
    the number it names."""
    return units.get(code) or DEFAULT_UNITS.get(code) or HEADLINE_UNITS[headline]


@uses_ledger
def load_units(ledger: Ledger) -> dict[str, str]:
    """The county's counter words by type code, as set; empty: the defaults."""
    row = Setting.get_or_none(Setting.key == UNITS_KEY)
    return json.loads(row.value) if row is not None else {}


def seed_activity_types() -> int:
    """Write the default kinds into a new ledger (called inside create_schema's transaction)."""
    rows = [
        {"code": t.code, "name": t.name, "scope": t.scope, "duty": t.duty,
         "measures": t.measures, "texts": t.texts, "required": t.required,
         "is_outcome": t.is_outcome, "sort_order": order}
        for order, t in enumerate(DEFAULT_TYPES)
    ]
    for row in rows:
        ActivityType.create(id=seed_id("activity_type", row["code"]), **row)
    return len(rows)


def split(csv: str | None) -> tuple[str, ...]:
    """A stored comma list as a tuple (blank entries dropped)."""
    return tuple(p.strip() for p in (csv or "").split(",") if p.strip())
