"""The rules every activity record obeys, whoever saves it (form, command line, importer).

Attached to the ACTIVITY spec, so `records.save("activity", ...)` runs them after the per-field
checks; each returns {field: "标签：问题"} and the save changes nothing when any is returned.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pairing_desktop.core.activities.types import (
    HOUSEHOLD,
    NUMBER_FIELDS,
    NUMBER_LABELS,
    RECORDED_NUMBERS,
    RECORDED_TEXTS,
    TEXT_FIELDS,
    TEXT_LABELS,
    split,
)
from pairing_desktop.core.fields import Money, MultiChoice, Shape
from pairing_desktop.core.i18n import term, tr
from pairing_desktop.core.storage.models import ActivityType, UnitVillagePairing
from pairing_desktop.core.validation import said_date

__all__ = ["MONEY_UNITS", "TEXT_LABELS", "activity_shape", "check_activity", "check_type",
           "to_yuan", "type_shape"]

MONEY_UNITS = Money.units
WHO = ("pairing", "cadre", "household")


def to_yuan(amount: Any, unit: str) -> float:
    """An amount entered in 元 or 万元 (chosen explicitly, never guessed), in 元 to the fen."""
    return Money.in_yuan(amount, unit)


def today() -> dt.date:
    """The day a record is checked against (a function, so a test can stand on a leap day)."""
    return dt.date.today()


def _type_of(type_id: Any) -> ActivityType | None:
    try:
        key = type_id if isinstance(type_id, uuid.UUID) else uuid.UUID(str(type_id))
    except ValueError:
        return None
    return ActivityType.get_or_none(ActivityType.id == key)


def shape_of(kind: ActivityType | None) -> Shape:
    """What a record of this type uses: the numbers and texts it carries, a pairing or (a
    household visit) a cadre and a household; with no type yet, the pairing alone."""
    if kind is None:
        return Shape(hidden=frozenset({"cadre", "household", *NUMBER_FIELDS, *TEXT_FIELDS}))
    carried = set(split(kind.measures)) | set(split(kind.texts))
    who = {"cadre", "household"} if kind.scope == HOUSEHOLD else {"pairing"}
    hidden = {*WHO, *NUMBER_FIELDS, *TEXT_FIELDS} - carried - who
    return Shape(hidden=frozenset(hidden), required=frozenset({*split(kind.required), *who}))


def activity_shape(values: dict[str, Any]) -> Shape:
    """The shape of an activity record by its type (read from the bound ledger)."""
    return shape_of(_type_of(values.get("type")))


def check_activity(values: dict[str, Any], _record_id: uuid.UUID | None) -> dict[str, str]:
    """Who it is for, which numbers its type carries, and a date that can be true."""
    kind = _type_of(values.get("type"))
    if kind is None:
        return {}
    errors: dict[str, str] = {}
    shape = shape_of(kind)
    carried = [n for n in NUMBER_FIELDS if n not in shape.hidden]
    for name in NUMBER_FIELDS:
        if values.get(name) is not None and name in shape.hidden:
            shown = tr("、").join(term(NUMBER_LABELS[n]) for n in carried) or tr("任何数字")
            errors[name] = tr("{field}：“{kind}”不记录此项（此类活动只记录{shown}），请清空")\
                .format(field=term(NUMBER_LABELS[name]), kind=kind.name, shown=shown)
    for name in split(kind.required):
        if values.get(name) in (None, ""):
            label = NUMBER_LABELS.get(name) or TEXT_LABELS.get(name, name)
            errors.setdefault(name, tr("{field}：“{kind}”必须填写此项").format(
                field=term(label), kind=kind.name))
    errors.update(_who(kind, values))
    errors.update(_when(values, today()))
    return errors


def _who(kind: ActivityType, values: dict[str, Any]) -> dict[str, str]:
    if kind.scope == HOUSEHOLD:
        errors = {}
        if values.get("cadre") is None:
            errors["cadre"] = tr("干部：“{kind}”须填写走访的干部").format(kind=kind.name)
        if values.get("household") is None:
            errors["household"] = tr("贫困户：“{kind}”须填写被走访的贫困户").format(
                kind=kind.name)
        return errors
    if values.get("pairing") is None:
        return {"pairing": tr("结对：“{kind}”须选择帮扶单位与村的结对").format(kind=kind.name)}
    return {}


def _when(values: dict[str, Any], now: dt.date) -> dict[str, str]:
    date = values.get("date")
    if date is None:
        return {}
    if date > now:
        return {"date": tr("日期：{date}晚于今天（{today}），不能登记尚未发生的活动").format(
            date=said_date(date), today=said_date(now))}
    if values.get("pairing") is None:
        return {}
    pairing = UnitVillagePairing.get_or_none(UnitVillagePairing.id == values["pairing"])
    if pairing is None:
        return {}
    if date < pairing.started_on:
        return {"date": tr("日期：{date}早于该结对的开始日期（{start}）").format(
            date=said_date(date), start=said_date(pairing.started_on))}
    if pairing.ended_on is not None and date > pairing.ended_on:
        return {"date": tr("日期：{date}晚于该结对的脱钩日期（{end}）").format(
            date=said_date(date), end=said_date(pairing.ended_on))}
    return {}


def _picked(kind: MultiChoice, raw: Any) -> set[Any]:
    """The values among what a multiple choice holds (typed, stored or ticked), unknowns
    dropped: the field's own check names those."""
    picked = set()
    for item in kind.normalise(raw):
        for value, label in kind.items:
            if item in (value, label):
                picked.add(value)
    return picked


def type_shape(values: dict[str, Any]) -> Shape:
    """An activity type may require only what it records: the form offers those alone."""
    recorded = _picked(RECORDED_NUMBERS, values.get("measures")) \
        | _picked(RECORDED_TEXTS, values.get("texts"))
    return Shape(offered={"required": frozenset(recorded)})


def check_type(values: dict[str, Any], _record_id: uuid.UUID | None) -> dict[str, str]:
    """A type may require only numbers and texts it records."""
    allowed = set(split(values.get("measures"))) | set(split(values.get("texts")))
    bad = [n for n in split(values.get("required")) if n not in allowed]
    if bad:
        shown = tr("、").join(term(NUMBER_LABELS.get(n) or TEXT_LABELS.get(n, n)) for n in bad)
        return {"required": tr("必填项：“{fields}”不在此类活动记录的数字或文字之中").format(
            fields=shown)}
    return {}
