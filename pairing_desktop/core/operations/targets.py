"""Starting a year's targets from the year before."""

from __future__ import annotations

import uuid

from pairing_desktop.core.changes import Changes
from pairing_desktop.core.entities import TARGET
from pairing_desktop.core.errors import RefusedError
from pairing_desktop.core.i18n import Phrase, tr
from pairing_desktop.core.operations.base import operation
from pairing_desktop.core.operations.records import write
from pairing_desktop.core.rules.targets import targets_of
from pairing_desktop.core.storage.ledger import Ledger


def copy_last_year(ledger: Ledger, pairing_id: uuid.UUID, year: int) -> Changes:
    """Start `year` from the targets of `year - 1`: same wording and indicators, nothing reached.

    Refused when `year` already has targets (copying twice would duplicate them) or when the
    year before has none. `len(changes.created["target"])` is how many were copied."""
    with operation(ledger, Phrase("复制{last}年目标到{year}年", last=year - 1, year=year)) as op:
        if targets_of(ledger, pairing_id, year):
            raise RefusedError(tr("{year}年已有目标，不能再复制上年目标。").format(year=year))
        previous = targets_of(ledger, pairing_id, year - 1)
        if not previous:
            raise RefusedError(tr("{year}年没有目标可复制。").format(year=year - 1))
        for t in previous:
            write(op, TARGET, None, {
                "pairing": pairing_id, "year": year, "category": t.category,
                "description": t.description, "indicator_value": t.indicator_value,
                "indicator_unit": t.indicator_unit, "status": "未开始"})
    return op.changes
