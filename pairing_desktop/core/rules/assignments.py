"""Cadre–household assignments ("4321"): one responsible cadre per household at a time.

Handing a household over is an operation (core.operations.assignments)."""

from __future__ import annotations

import uuid
from typing import Any

from pairing_desktop.core.i18n import tr
from pairing_desktop.core.storage.models import Assignment, Cadre


def check_one_open_assignment(values: dict[str, Any],
                              record_id: uuid.UUID | None) -> dict[str, str]:
    """A household may have a second responsible cadre only after the first assignment is closed."""
    if values.get("ended_on") is not None:
        return {}
    query = (Assignment.live(Assignment.id, Cadre.name)
             .join(Cadre, on=(Assignment.cadre == Cadre.id))
             .where((Assignment.household == values["household"])
                    & Assignment.ended_on.is_null()))
    if record_id is not None:
        query = query.where(Assignment.id != record_id)
    row = query.tuples().first()
    if row:
        return {"household": tr("贫困户：已由 {cadre} 负责（帮扶中）。请先填写原结对的结束日期，"
                                "再新建结对；原记录会保留。").format(cadre=row[1])}
    return {}
