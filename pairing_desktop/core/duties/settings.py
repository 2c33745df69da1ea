"""The duty rules as settings: counties differ, so intervals and counts are data in the ledger.

Stored as JSON under one Setting key; a missing or partial setting falls back to the county rules
of the Qianxi report (调研每季度1次、培训每半年1次、实事每年1件、每年至少1次活动、每户每年走访1次).

Which kinds of activity count toward a duty is each kind's 对应职责 (`ActivityType.duty`: many
kinds to one duty), the one place the checks, the dashboard's records and the report read it;
the duty rules page edits it beside the intervals, with the report's counter word of each kind
(a Setting, `activities.types.UNITS_KEY`), all saved as one operation.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any, NamedTuple

from pairing_desktop.core import auth
from pairing_desktop.core.activities.types import (
    DUTIES,
    DUTY_LABELS,
    NUMBER_FIELDS,
    UNITS,
    UNITS_KEY,
    load_units,
    split,
    unit_of,
)
from pairing_desktop.core.changes import Changes
from pairing_desktop.core.entities import ENTITIES
from pairing_desktop.core.errors import ValidationError
from pairing_desktop.core.i18n import Phrase, term, tr
from pairing_desktop.core.operations.base import operation
from pairing_desktop.core.operations.records import write
from pairing_desktop.core.operations.settings import put
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger
from pairing_desktop.core.storage.models import ActivityType, Setting

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


class KindSetting(NamedTuple):
    """A kind of activity as the duty rules page shows it."""

    type_id: str  # hex
    code: str
    name: str
    duty: str | None  # the duty it counts toward (DUTIES), None: none
    unit: str  # the counter word of its figure in the report
    is_outcome: bool


@uses_ledger
def kind_settings(ledger: Ledger) -> list[KindSetting]:
    """Every live kind with its duty and unit, in the report's order."""
    units = load_units(ledger)
    rows = []
    for t in (ActivityType.live()
              .order_by(ActivityType.is_outcome, ActivityType.sort_order, ActivityType.name)):
        headline = next((n for n in split(t.required) if n in NUMBER_FIELDS), None)
        rows.append(KindSetting(t.id.hex, t.code, t.name, t.duty,
                                unit_of(t.code, headline, units), bool(t.is_outcome)))
    return rows


def duty_kinds(kinds: list[KindSetting]) -> list[tuple[str, list[str]]]:
    """(duty label, names of the kinds that count toward it) for every duty a kind can fulfil:
    the lines printed under the report's duty table. 到村开展活动 counts every non-outcome."""
    lines = [(DUTY_LABELS[d], [k.name for k in kinds if k.duty == d]) for d in DUTIES]
    lines.append((DUTY_LABELS["activity"], ["除“成效”类外的各类活动"]))
    return lines


def save_rules(ledger: Ledger, rules: dict[str, dict[str, Any]],
               duties: dict[str, str | None] | None = None,
               units: dict[str, str] | None = None) -> Changes:
    """Check and store the rules, the duty each kind counts toward (type id -> duty or None)
    and the kinds' counter words (code -> unit), as one operation; bad input changes nothing."""
    merged = _checked_rules(ledger, rules)
    errors = {}
    for type_id, duty in (duties or {}).items():
        if duty is not None and duty not in DUTIES:
            errors[f"duty_{type_id}"] = tr("对应职责：“{duty}”不是可计入的职责").format(duty=duty)
    stored_units = load_units(ledger)
    for code, unit in (units or {}).items():
        if unit not in UNITS:
            errors[f"unit_{code}"] = tr("计量单位：应为 {units} 之一").format(
                units=tr("、").join(term(u) for u in UNITS))
    if errors:
        raise ValidationError(errors)
    new_units = {**stored_units, **(units or {})}
    with operation(ledger, Phrase("修改帮扶职责规则"), auth.ADMINISTER) as op:
        put(op, KEY, json.dumps(merged, ensure_ascii=False))
        if new_units != stored_units:
            put(op, UNITS_KEY, json.dumps(new_units, ensure_ascii=False, sort_keys=True))
        for type_id, duty in (duties or {}).items():
            write(op, ENTITIES["activity_type"], uuid.UUID(str(type_id)), {"duty": duty})
    return op.changes


def _checked_rules(ledger: Ledger, rules: dict[str, dict[str, Any]]) -> dict[str, dict]:
    errors = {}
    merged = load_rules(ledger)
    for duty, rule in rules.items():
        if duty not in DEFAULT_RULES:
            errors[duty] = tr("{duty}：不是可设置的职责").format(duty=duty)
            continue
        period, count = rule.get("period", merged[duty]["period"]), rule.get("count", 0)
        if period not in PERIODS:
            errors[duty] = tr("{duty}：周期应为 {periods} 之一").format(duty=duty,
                                                                   periods="/".join(PERIODS))
        elif isinstance(count, bool) or not isinstance(count, int) or count < 0:
            errors[duty] = tr("{duty}：次数应为不小于0的整数").format(duty=duty)
        else:
            merged[duty] = {"period": period, "count": count}
    if errors:
        raise ValidationError(errors)
    return merged


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
