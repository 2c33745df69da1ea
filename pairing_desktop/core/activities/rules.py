"""The rules every activity record obeys, whoever saves it (form, command line, importer).

Attached to the ACTIVITY spec, so `records.save("activity", ...)` runs them after the per-field
checks; each returns {field: "标签：问题"} and the save changes nothing when any is returned.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal, InvalidOperation
from typing import Any

from pairing_desktop.core.activities.types import (
    HOUSEHOLD,
    NUMBER_FIELDS,
    NUMBER_LABELS,
    TEXT_FIELDS,
    split,
)
from pairing_desktop.core.storage.models import ActivityType, UnitVillagePairing
from pairing_desktop.core.validation import cn_date

TEXT_LABELS = {"description": "活动内容", "findings": "发现问题", "measures": "帮扶措施",
               "note": "备注"}
MONEY_UNITS = {"元": 1, "万元": 10000}


def to_yuan(amount: Any, unit: str) -> float:
    """An amount entered in 元 or 万元 (chosen explicitly, never guessed), in 元 to the fen."""
    if unit not in MONEY_UNITS:
        raise ValueError(f"金额单位应为 {'/'.join(MONEY_UNITS)} 之一")
    try:
        value = Decimal(str(amount).strip()) * MONEY_UNITS[unit]
    except InvalidOperation:
        raise ValueError("金额应为数字") from None
    return float(value.quantize(Decimal("0.01")))


def _decimals(value: float) -> int:
    text = f"{value:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def today() -> dt.date:
    """The day a record is checked against (a function, so a test can stand on a leap day)."""
    return dt.date.today()


def check_activity(values: dict[str, Any], _record_id: uuid.UUID | None) -> dict[str, str]:
    """Who it is for, which numbers its type carries, and a date that can be true."""
    kind = ActivityType.get_or_none(ActivityType.id == values.get("type"))
    if kind is None:
        return {}
    errors: dict[str, str] = {}
    carried = split(kind.measures)
    for name in NUMBER_FIELDS:
        if values.get(name) is not None and name not in carried:
            shown = "、".join(NUMBER_LABELS[n] for n in carried) or "任何数字"
            errors[name] = (f"{NUMBER_LABELS[name]}：“{kind.name}”不记录此项"
                            f"（此类活动只记录{shown}），请清空")
    for name in split(kind.required):
        if values.get(name) in (None, ""):
            label = NUMBER_LABELS.get(name) or TEXT_LABELS.get(name, name)
            errors.setdefault(name, f"{label}：“{kind.name}”必须填写此项")
    money = values.get("money_yuan")
    if money is not None and _decimals(money) > 2:
        errors.setdefault("money_yuan", "金额（元）：最多到分（两位小数）；万元请先换算成元")
    area = values.get("area_mu")
    if area is not None and _decimals(area) > 2:
        errors.setdefault("area_mu", "面积（亩）：最多两位小数")
    errors.update(_who(kind, values))
    errors.update(_when(values, today()))
    return errors


def _who(kind: ActivityType, values: dict[str, Any]) -> dict[str, str]:
    if kind.scope == HOUSEHOLD:
        errors = {}
        if values.get("cadre") is None:
            errors["cadre"] = f"干部：“{kind.name}”须填写走访的干部"
        if values.get("household") is None:
            errors["household"] = f"贫困户：“{kind.name}”须填写被走访的贫困户"
        return errors
    if values.get("pairing") is None:
        return {"pairing": f"结对：“{kind.name}”须选择帮扶单位与村的结对"}
    return {}


def _when(values: dict[str, Any], now: dt.date) -> dict[str, str]:
    date = values.get("date")
    if date is None:
        return {}
    if date > now:
        return {"date": f"日期：{cn_date(date)}晚于今天（{cn_date(now)}），"
                        "不能登记尚未发生的活动"}
    if values.get("pairing") is None:
        return {}
    pairing = UnitVillagePairing.get_or_none(UnitVillagePairing.id == values["pairing"])
    if pairing is None:
        return {}
    if date < pairing.started_on:
        return {"date": f"日期：{cn_date(date)}早于该结对的开始日期"
                        f"（{cn_date(pairing.started_on)}）"}
    if pairing.ended_on is not None and date > pairing.ended_on:
        return {"date": f"日期：{cn_date(date)}晚于该结对的脱钩日期"
                        f"（{cn_date(pairing.ended_on)}）"}
    return {}


def check_type(values: dict[str, Any], _record_id: uuid.UUID | None) -> dict[str, str]:
    """A kind added by the county may carry only numbers and texts a record has."""
    errors = {}
    bad = [n for n in split(values.get("measures")) if n not in NUMBER_FIELDS]
    if bad:
        errors["measures"] = (f"记录的数字：“{'、'.join(bad)}”不是可记录的数字，应为 "
                              f"{', '.join(NUMBER_FIELDS)} 中的若干项，以逗号分隔")
    bad = [n for n in split(values.get("texts")) if n not in TEXT_FIELDS]
    if bad:
        errors["texts"] = (f"填写的文字：“{'、'.join(bad)}”无效，应为 "
                           f"{', '.join(TEXT_FIELDS)} 中的若干项")
    allowed = set(split(values.get("measures"))) | set(split(values.get("texts")))
    bad = [n for n in split(values.get("required")) if n not in allowed]
    if bad:
        errors["required"] = f"必填项：“{'、'.join(bad)}”不在此类活动记录的数字或文字之中"
    return errors
