"""Annual targets and the rule 目标未实现不脱钩: a pairing ends only when its targets are met."""

from __future__ import annotations

import uuid
from typing import Any

from pairing_desktop.core.choices import TARGET_CATEGORIES
from pairing_desktop.core.i18n import term, tr
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger
from pairing_desktop.core.storage.models import Target

CATEGORIES = TARGET_CATEGORIES
DONE = "已完成"
ENDED = "已脱钩"


def open_targets(pairing_id: uuid.UUID) -> list[Target]:
    """Live targets of a pairing that are not 已完成, oldest year first."""
    return list(Target.live().where((Target.pairing == pairing_id) & (Target.status != DONE))
                .order_by(Target.year, Target.category))


def check_can_end(values: dict[str, Any], record_id: uuid.UUID | None) -> dict[str, str]:
    """Refuse 已脱钩 (or a 脱钩日期) while any target of the pairing is not 已完成, naming them."""
    ending = values.get("status") == ENDED or values.get("ended_on") is not None
    if not ending:
        return {}
    if values.get("status") != ENDED:
        return {"status": tr("状态：填写了脱钩日期，状态应为“已脱钩”")}
    if values.get("ended_on") is None:
        return {"ended_on": tr("脱钩日期：状态为“已脱钩”时必填")}
    if record_id is None:
        return {}
    pending = open_targets(record_id)
    if not pending:
        return {}
    names = tr("；").join(tr("{year}年“{target}”（{status}）").format(
        year=t.year, target=t.description, status=term(t.status)) for t in pending[:5])
    more = tr("等{n}项").format(n=len(pending)) if len(pending) > 5 else \
        tr("共{n}项").format(n=len(pending))
    return {"status": tr("状态：目标未实现不脱钩。尚未完成的目标{more}：{names}").format(
        more=more, names=names)}


@uses_ledger
def targets_of(ledger: Ledger, pairing_id: uuid.UUID, year: int) -> list[Target]:
    """The live targets of a pairing for one year, by category then entry order."""
    return list(Target.live().where((Target.pairing == pairing_id) & (Target.year == year))
                .order_by(Target.category, Target.created_at, Target.id))


def format_indicator(value: float | None, unit: str | None) -> str:
    """"20 口" as printed in letters and lists; an indicator without a number is its unit alone."""
    if value is None:
        return unit or ""
    number = f"{value:g}"
    return f"{number} {unit}" if unit else number
