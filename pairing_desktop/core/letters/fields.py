"""The placeholders each kind of letter offers its template, and what they mean.

ID numbers print masked; `id_number_full` is the whole number, for a template that must show it.
A nested dict is a list the template can loop over (`each = "name"`); its items see their own
fields and every field of the enclosing level. Templates are checked against this before any
record is read, so a typo in a placeholder is reported by name instead of printing a blank.
"""

from __future__ import annotations

COMMON = {
    "year": "年度（阿拉伯数字）",
    "date": "成文（签订）日期，生成时选定，如 2008年1月5日",
    "blank_date": "留空待填的日期：年　月　日",
    "code": "验证码",
}

TARGET_ITEM = {
    "no": "序号",
    "description": "目标内容",
    "indicator": "指标（数量+单位）",
    "actual": "实际完成",
    "status": "状态",
    "category": "目标类别",
}

FIELDS: dict[str, dict] = {
    "target": {
        **COMMON,
        "term": "帮扶期限",
        "unit": "帮扶单位",
        "unit_party_org": "帮扶单位党组织（甲方）",
        "unit_head": "帮扶单位负责人",
        "village": "帮扶村",
        "village_branch": "村党支部（乙方）",
        "village_secretary": "村支书",
        "township": "乡镇",
        "township_party": "乡镇党委（见证方）",
        "start_year": "结对开始年份",
        "target_count": "目标项数",
        "categories": {"category_no": "类别序号（一、二……）", "category": "目标类别",
                       "targets": TARGET_ITEM},
        "targets": TARGET_ITEM,
    },
    "cadre": {
        **COMMON,
        "cadre": "干部姓名",
        "gender": "性别",
        "id_number": "干部身份证号（隐去中间八位，如 522423********1234）",
        "id_number_full": "干部身份证号（完整号码：仅在确需时使用）",
        "phone": "干部电话",
        "unit": "所在单位",
        "unit_party_org": "单位党组织",
        "rank": "职级",
        "quota": "帮扶户数定额",
        "household_count": "帮扶户数",
        "households": {
            "no": "序号", "head_name": "户主", "id_number": "户主身份证号（隐去中间八位）",
            "id_number_full": "户主身份证号（完整号码）", "village": "村",
            "township": "乡镇", "group": "村民组", "members": "家庭人口", "household_kind": "类型",
            "household_phone": "户主电话",
        },
    },
    "card": {
        **COMMON,
        "head_name": "户主",
        "id_number": "户主身份证号（隐去中间八位）",
        "id_number_full": "户主身份证号（完整号码：仅在确需时使用）",
        "village": "村",
        "township": "乡镇",
        "group": "村民组",
        "cadre": "帮扶干部",
        "cadre_phone": "帮扶干部电话",
        "rank": "干部职级",
        "unit": "帮扶单位",
        "unit_phone": "单位联系电话",
    },
}
