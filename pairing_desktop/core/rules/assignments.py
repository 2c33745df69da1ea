"""Cadre–household assignments ("4321"): one responsible cadre per household at a time."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pairing_desktop.core.errors import ValidationError
from pairing_desktop.core.storage.models import Assignment, Cadre, database


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
        return {"household": f"贫困户：已由 {row[1]} 负责（帮扶中）。请先填写原结对的结束日期，"
                             "再新建结对；原记录会保留。"}
    return {}


def reassign(household_id: uuid.UUID, cadre_id: uuid.UUID, on: dt.date) -> uuid.UUID:
    """Hand a household to another cadre: close the open assignment and open a new one, together."""
    from pairing_desktop.core import records

    with database.atomic():
        current = (Assignment.live().where((Assignment.household == household_id)
                                           & Assignment.ended_on.is_null()).first())
        if current is not None:
            if current.cadre_id == cadre_id:
                raise ValidationError({"cadre": "帮扶干部：该户已由此干部负责"})
            records.save("assignment", current.id, {
                "cadre": current.cadre_id, "household": household_id,
                "started_on": current.started_on, "ended_on": on})
        return records.save("assignment", None, {
            "cadre": cadre_id, "household": household_id, "started_on": on})
