"""Handing a household to another cadre: close the open assignment and open a new one, together."""

from __future__ import annotations

import datetime as dt
import uuid

from pairing_desktop.core.changes import Changes
from pairing_desktop.core.entities import ASSIGNMENT
from pairing_desktop.core.errors import ValidationError
from pairing_desktop.core.i18n import Phrase, tr
from pairing_desktop.core.operations.base import operation
from pairing_desktop.core.operations.records import write
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.core.storage.models import Assignment


def reassign(ledger: Ledger, household_id: uuid.UUID, cadre_id: uuid.UUID,
             on: dt.date) -> Changes:
    """The old assignment ends on `on` and is kept; `Changes.record_id` is the new one."""
    with operation(ledger, Phrase("调整帮扶干部")) as op:
        current = (Assignment.live().where((Assignment.household == household_id)
                                           & Assignment.ended_on.is_null()).first())
        if current is not None:
            if current.cadre_id == cadre_id:
                raise ValidationError({"cadre": tr("帮扶干部：该户已由此干部负责")})
            write(op, ASSIGNMENT, current.id, {"ended_on": on})
        op.record_id = write(op, ASSIGNMENT, None, {
            "cadre": cadre_id, "household": household_id, "started_on": on})
    return op.changes
