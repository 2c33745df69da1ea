"""The dashboard's rows: one per pairing, one cell per duty, rolled up from the duty checks.

A cell is the worst state of the duty's periods (overdue over not-yet-due over met) with the
number of overdue periods; the township and unit rows of the dashboard add the pairings' counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pairing_desktop.core.duties.checks import (
    MET,
    OVER,
    OVERDUE,
    PAIRING_DUTIES,
    PENDING,
    UNDER,
    Compliance,
    check_duties,
)
from pairing_desktop.core.storage.ledger import Ledger

COLUMNS = (*PAIRING_DUTIES, "target")
DASHBOARD_PARTS = ("pairings", "targets", "cadres", "stationed")
RANK = {MET: 0, PENDING: 1, OVERDUE: 2}


@dataclass
class Cell:
    status: str = MET
    overdue: int = 0  # overdue periods (or unmet targets once the year is over)
    done: int = 0
    due: int = 0

    def add(self, status: str, done: int, due: int) -> None:
        if RANK[status] > RANK[self.status]:
            self.status = status
        self.overdue += status == OVERDUE
        self.done += done
        self.due += due


@dataclass
class PairingLine:
    pairing_id: str  # hex, as stored
    township: str
    unit: str
    subject: str  # "单位 — 村"
    cells: dict[str, Cell] = field(default_factory=dict)

    @property
    def overdue(self) -> int:
        return sum(c.overdue for c in self.cells.values())

    @property
    def status(self) -> str:
        return max((c.status for c in self.cells.values()), key=RANK.__getitem__, default=MET)


def pairing_lines(compliance: Compliance) -> list[PairingLine]:
    """Every checked pairing in township, unit, village order (as the checks return them)."""
    lines: dict[str, PairingLine] = {}
    for r in compliance.pairings:
        line = lines.get(r.subject_id)
        if line is None:
            line = lines[r.subject_id] = PairingLine(r.subject_id, r.township, r.unit, r.subject)
        line.cells.setdefault(r.duty, Cell()).add(r.status, min(r.done, r.due), r.due)
    for r in compliance.targets:
        line = lines.get(r.pairing_id)
        if line is not None:
            line.cells.setdefault("target", Cell()).add(r.status, r.done, 1)
    return list(lines.values())


def overview(ledger: Ledger, year: int, as_of: dt.date | None = None,
             township_id: Any = None) -> tuple[list[PairingLine], Compliance]:
    """What the dashboard shows: every check but the list of households without a cadre (they
    are counted)."""
    compliance = check_duties(ledger, year, as_of, township_id, parts=DASHBOARD_PARTS)
    return pairing_lines(compliance), compliance


def people_summary(compliance: Compliance) -> dict[str, int]:
    """The duties of cadres and postings, counted for the dashboard's second line."""
    counts = compliance.summary()
    return {"under": counts.get(("quota", UNDER), 0), "over": counts.get(("quota", OVER), 0),
            "visits_due": counts.get(("visit", PENDING), 0) + counts.get(("visit", OVERDUE), 0),
            "unassigned": compliance.unassigned,
            "stationed": counts.get(("stationed", OVERDUE), 0)}
