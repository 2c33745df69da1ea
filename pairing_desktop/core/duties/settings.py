"""The duty rules as settings: counties differ, so intervals and counts are data in the ledger.

Stored as JSON under one Setting key; a missing or partial setting falls back to the county rules
of the Qianxi report (调研每季度1次、培训每半年1次、实事每年1件、每年至少1次活动、每户每年走访1次).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from pairing_desktop.core.changes import Changes
from pairing_desktop.core.errors import ValidationError
from pairing_desktop.core.operations.settings import set_setting
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger
from pairing_desktop.core.storage.models import Setting

KEY = "duty_rules"
PERIODS = {"month": "每月", "quarter": "每季度", "half": "每半年", "year": "每年"}
DEFAULT_RULES: dict[str, dict[str, Any]] = {
    "research": {"period": "quarter", "count": 1},
    "training": {"period": "half", "count": 1},
    "project": {"period": "year", "count": 1},
    "activity": {"period": "year", "count": 1},
    "visit": {"period": "year", "count": 1},  # per household a cadre holds
}


@uses_ledger
def load_rules(ledger: Ledger) -> dict[str, dict[str, Any]]:
    """The rules in force: the stored setting over the defaults."""
    rules = {k: dict(v) for k, v in DEFAULT_RULES.items()}
    row = Setting.get_or_none(Setting.key == KEY)
    if row is not None:
        for duty, rule in json.loads(row.value).items():
            if duty in rules:
                rules[duty].update(rule)
    return rules


def save_rules(ledger: Ledger, rules: dict[str, dict[str, Any]]) -> Changes:
    """Check and store changed rules; bad input changes nothing."""

    errors = {}
    merged = load_rules(ledger)
    for duty, rule in rules.items():
        if duty not in DEFAULT_RULES:
            errors[duty] = f"{duty}：不是可设置的职责"
            continue
        period, count = rule.get("period", merged[duty]["period"]), rule.get("count", 0)
        if period not in PERIODS:
            errors[duty] = f"{duty}：周期应为 {'/'.join(PERIODS)} 之一"
        elif isinstance(count, bool) or not isinstance(count, int) or count < 0:
            errors[duty] = f"{duty}：次数应为不小于0的整数"
        else:
            merged[duty] = {"period": period, "count": count}
    if errors:
        raise ValidationError(errors)
    return set_setting(ledger, KEY, merged, "修改帮扶职责规则")


def periods(year: int, period: str) -> list[tuple[str, dt.date, dt.date]]:
    """(label, first day, last day) of each period of a kind in a year."""
    def month_end(month: int) -> dt.date:
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)

    if period == "month":
        return [(f"{year}年{m}月", dt.date(year, m, 1), month_end(m)) for m in range(1, 13)]
    if period == "quarter":
        return [(f"{year}年第{q}季度", dt.date(year, 3 * q - 2, 1), month_end(3 * q))
                for q in range(1, 5)]
    if period == "half":
        return [(f"{year}年上半年", dt.date(year, 1, 1), dt.date(year, 6, 30)),
                (f"{year}年下半年", dt.date(year, 7, 1), dt.date(year, 12, 31))]
    return [(f"{year}年", dt.date(year, 1, 1), dt.date(year, 12, 31))]
