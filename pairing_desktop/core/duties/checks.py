"""The duty checks, computed by SQL aggregates so they stay fast on a province-sized file.

A period is *owed* by a pairing when it has begun by the day of the check, ends on or after the
first day of the quarter the pairing began (a pairing that began mid-year owes duties only from
that quarter), and begins before the pairing ended. An owed period is *met* when enough records
fall in it, *overdue* once it has ended unmet (overdue since the day after it ended), and
*pending* while it is still running.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter
from typing import Any, NamedTuple

from pairing_desktop.core.activities.types import DUTY_LABELS
from pairing_desktop.core.duties.settings import load_rules, periods
from pairing_desktop.core.storage.dialect import as_date, hex_ids
from pairing_desktop.core.storage.ledger import Ledger, bound_rows, uses_ledger

MET, PENDING, OVERDUE = "met", "pending", "overdue"
UNDER, OVER = "under", "over"  # a cadre's households against the quota of the rank
STATUS_LABELS = {MET: "已完成", PENDING: "未到期", OVERDUE: "逾期", UNDER: "不足", OVER: "超额"}
PAIRING_DUTIES = ("research", "training", "project", "activity")
EXTRA_LABELS = {"quota": "帮扶户数定额", "unassigned": "无帮扶干部", "target": "年度目标",
                "stationed": "驻村任期届满"}


class DutyRow(NamedTuple):
    """One duty of one subject in one period: what was due, what was done, since when overdue.

    A NamedTuple: a province check makes ~100,000 of them, and a frozen dataclass is ~4x slower
    to build."""

    kind: str  # pairing / cadre / household / target / stationed
    # ids are the 32-character hex the file stores (records and peewee take it as it is):
    # parsing 100,000 of them into uuid.UUID costs more than a province's SQL does
    subject_id: str
    township: str
    unit: str
    subject: str  # the pairing ("单位 — 村"), cadre, household or target named for a clerk
    duty: str  # research / training / project / activity / visit / quota / unassigned / ...
    period: str
    due: int
    done: int
    status: str
    due_by: dt.date | None
    overdue_since: dt.date | None
    pairing_id: str | None = None  # the pairing a target belongs to

    @property
    def duty_label(self) -> str:
        return DUTY_LABELS.get(self.duty) or EXTRA_LABELS[self.duty]


@dataclass
class Compliance:
    year: int
    as_of: dt.date
    pairings: list[DutyRow] = field(default_factory=list)  # every owed period, met or not
    cadres: list[DutyRow] = field(default_factory=list)  # quota and visits of every cadre
    households: list[DutyRow] = field(default_factory=list)  # poor households with no cadre
    targets: list[DutyRow] = field(default_factory=list)  # the year's targets, done or not
    stationed: list[DutyRow] = field(default_factory=list)  # postings ended, no successor
    unassigned: int = 0  # poor households with no cadre (counted even when not listed)

    def problems(self) -> list[DutyRow]:
        """Everything not met, overdue first."""
        rows = [r for r in (*self.pairings, *self.cadres, *self.households, *self.targets,
                            *self.stationed) if r.status != MET]
        return sorted(rows, key=lambda r: (r.status == PENDING, r.township, r.unit, r.subject))

    def summary(self) -> dict[tuple[str, str], int]:
        """{(duty, status): how many}, for the report and the status bar."""
        # counted in C (map, attrgetter): a province check has ~90,000 rows
        counts: Counter[tuple[str, str]] = Counter(map(
            attrgetter("duty", "status"),
            chain(self.pairings, self.cadres, self.targets, self.stationed)))
        if self.unassigned:
            counts[("unassigned", OVERDUE)] = self.unassigned
        return dict(counts)


# One row per pairing with its count in every owed period as columns ({counts}, built from the
# settings), from one pass over the year's activities summed per pairing; Python then reads the
# columns against the periods. The township filter is a set SQLite builds once.
PAIRING_SQL = """
WITH pa AS (
  SELECT p.id, p.started_on, p.ended_on, t.name AS township, u.name AS unit,
         v.name AS village
  FROM unit_village_pairing p
  JOIN village v ON v.id = p.village_id JOIN township t ON t.id = v.township_id
  JOIN unit u ON u.id = p.unit_id
  WHERE p.deleted_at IS NULL AND p.started_on <= :asof
    AND (p.ended_on IS NULL OR p.ended_on >= :y0)
    AND (:tw IS NULL OR v.township_id = :tw)),
ty AS (SELECT id, duty, is_outcome FROM activity_type),
done AS (
  SELECT a.pairing_id AS pid, {counts}
  FROM activity a JOIN ty ON ty.id = a.type_id
  WHERE a.deleted_at IS NULL AND a.pairing_id IS NOT NULL AND a.date BETWEEN :y0 AND :asof
    AND (:tw IS NULL OR a.pairing_id IN (SELECT id FROM pa))
  GROUP BY a.pairing_id)
SELECT pa.id, pa.township, pa.unit, pa.unit || ' — ' || pa.village, pa.started_on,
       pa.ended_on, done.*
FROM pa LEFT JOIN done ON done.pid = pa.id
ORDER BY pa.township, pa.unit, pa.village, pa.id
"""

# A cadre owes households only while their unit has a pairing (with a village, or a prefecture
# unit with a township) in force during the year up to the day: before the programme reached
# the unit, nobody there is short of a quota.
PAIRED_UNITS = """
  SELECT p.unit_id FROM unit_village_pairing p WHERE p.deleted_at IS NULL
    AND p.started_on <= :asof AND (p.ended_on IS NULL OR p.ended_on >= :y0)
  UNION SELECT p.unit_id FROM unit_township_pairing p WHERE p.deleted_at IS NULL
    AND p.started_on <= :asof AND (p.ended_on IS NULL OR p.ended_on >= :y0)"""

# Households held on the day, and home visits by the holder within the year. In a township's
# check, the cadres are those holding a household there (their quota counts all they hold).
# per_cadre reads the assignments itself, in the order of an index led by the cadre, so its
# GROUP BY needs no sort (through the `held` set it sorted 37,000 rows at province size).
HELD_ON_DAY = """s.deleted_at IS NULL AND s.started_on <= :asof
    AND (s.ended_on IS NULL OR s.ended_on >= :asof)"""
CADRE_SQL = f"""
WITH held AS (
  SELECT s.cadre_id, s.household_id FROM assignment s
  WHERE {HELD_ON_DAY}),
visits AS (
  SELECT a.cadre_id, a.household_id, COUNT(*) AS n FROM activity a
  WHERE a.deleted_at IS NULL AND a.cadre_id IS NOT NULL AND a.date BETWEEN :y0 AND :asof
    AND +a.type_id IN (SELECT id FROM activity_type WHERE duty = 'visit')
  GROUP BY a.cadre_id, a.household_id),
per_cadre AS (
  SELECT s.cadre_id, COUNT(*) AS held,
         SUM(CASE WHEN COALESCE(visits.n, 0) >= :visits THEN 1 ELSE 0 END) AS visited
  FROM assignment s LEFT JOIN visits ON visits.cadre_id = s.cadre_id
                                    AND visits.household_id = s.household_id
  WHERE {HELD_ON_DAY}
  GROUP BY s.cadre_id)
SELECT c.id, u.name, c.name, r.name, r.quota, COALESCE(pc.held, 0), COALESCE(pc.visited, 0)
FROM cadre c JOIN unit u ON u.id = c.unit_id JOIN rank r ON r.id = c.rank_id
LEFT JOIN per_cadre pc ON pc.cadre_id = c.id
WHERE c.deleted_at IS NULL AND +c.unit_id IN ({PAIRED_UNITS})
  AND (:tw IS NULL OR c.id IN (
  SELECT held.cadre_id FROM held JOIN household h ON h.id = held.household_id
  JOIN village v ON v.id = h.village_id WHERE v.township_id = :tw))
ORDER BY u.name, c.name, c.id
"""

UNASSIGNED_SQL = """
SELECT h.id, t.name, h.head_name || '（' || v.name || '）'
FROM household h JOIN village v ON v.id = h.village_id JOIN township t ON t.id = v.township_id
WHERE h.deleted_at IS NULL AND h.status = '贫困' AND (:tw IS NULL OR v.township_id = :tw)
  AND h.id NOT IN (SELECT s.household_id FROM assignment s
                   WHERE s.deleted_at IS NULL AND s.started_on <= :asof
                     AND (s.ended_on IS NULL OR s.ended_on >= :asof))
ORDER BY t.name, v.name, h.head_name
"""

UNASSIGNED_COUNT_SQL = """
SELECT COUNT(*) FROM household h
WHERE h.deleted_at IS NULL AND h.status = '贫困'
  AND (:tw IS NULL OR h.village_id IN (SELECT id FROM village WHERE township_id = :tw))
  AND h.id NOT IN (SELECT s.household_id FROM assignment s
                   WHERE s.deleted_at IS NULL AND s.started_on <= :asof
                     AND (s.ended_on IS NULL OR s.ended_on >= :asof))
"""

# From the pairings to their targets (CROSS JOIN keeps that order; ix_target_pairing finds a
# pairing's targets of the year): the names are looked up once per pairing, not per target.
TARGET_SQL = """
SELECT g.id, t.name, u.name, u.name || ' — ' || v.name || '：' || g.description, p.id,
       g.status = '已完成'
FROM unit_village_pairing p
JOIN village v ON v.id = p.village_id JOIN township t ON t.id = v.township_id
JOIN unit u ON u.id = p.unit_id
CROSS JOIN target g ON g.pairing_id = p.id
WHERE g.deleted_at IS NULL AND p.deleted_at IS NULL AND g.year = :year
  AND (:tw IS NULL OR v.township_id = :tw)
ORDER BY t.name, u.name, v.name, g.category
"""

STATIONED_SQL = """
SELECT s.id, t.name, u.name, c.name || '（' || v.name || '，' || s.post || '）', s.ended_on
FROM stationed_cadre s JOIN cadre c ON c.id = s.cadre_id JOIN unit u ON u.id = c.unit_id
JOIN village v ON v.id = s.village_id JOIN township t ON t.id = v.township_id
WHERE s.deleted_at IS NULL AND s.ended_on BETWEEN :y0 AND :asof AND s.ended_on < :asof
  AND (:tw IS NULL OR v.township_id = :tw)
  AND NOT EXISTS (SELECT 1 FROM stationed_cadre n WHERE n.village_id = s.village_id
                  AND n.deleted_at IS NULL AND n.id != s.id AND n.started_on > s.ended_on)
ORDER BY t.name, v.name
"""


def _hex(value: Any) -> str | None:
    return None if value is None else uuid.UUID(str(value)).hex


PARTS = ("pairings", "cadres", "households", "targets", "stationed")


@uses_ledger
def check_duties(ledger: Ledger, year: int, as_of: dt.date | None = None, township_id: Any = None,
                 parts: tuple[str, ...] = PARTS) -> Compliance:
    """Every duty owed in `year` up to `as_of` (default today), county-wide or one township.

    `parts` limits the work to what a caller shows (the dashboard needs pairings and targets);
    the households without a cadre are always counted, and listed only when asked for."""
    as_of = as_of or dt.date.today()
    rules = load_rules(ledger)
    result = Compliance(year, as_of)
    params = {"y0": dt.date(year, 1, 1).isoformat(), "y1": dt.date(year, 12, 31).isoformat(),
              "asof": as_of.isoformat(), "tw": _hex(township_id)}
    if "pairings" in parts:
        result.pairings = _pairing_rows(year, rules, params)
    if "cadres" in parts:
        result.cadres = _cadre_rows(year, rules, params)
    if "households" in parts:
        result.households = _unassigned_rows(params)
        result.unassigned = len(result.households)
    else:
        result.unassigned = _execute(UNASSIGNED_COUNT_SQL, params)[0][0]
    if "targets" in parts:
        result.targets = _target_rows(year, params)
    if "stationed" in parts:
        result.stationed = _stationed_rows(params)
    return result


def _execute(sql: str, params: dict[str, Any], *ids: int) -> list[tuple]:
    """The rows of `sql`, with the ids in columns `ids` spelled as a file stores them."""
    return hex_ids(bound_rows(sql, params), *ids)


Period = tuple[str, str, dt.date, dt.date, int]  # duty, label, first day, last day, count


def owed_periods(year: int, rules: dict) -> list[Period]:
    return [(duty, label, start, end, rules[duty]["count"])
            for duty in PAIRING_DUTIES if rules[duty]["count"] > 0
            for label, start, end in periods(year, rules[duty]["period"])]


def pairing_query(year: int, rules: dict) -> tuple[str, list[Period], dict[str, str]]:
    """PAIRING_SQL with one count column per owed period of the year, those periods, and the
    parameters (each period's first and last day)."""
    owed = owed_periods(year, rules)
    kinds = {"research": "ty.duty = 'research'", "training": "ty.duty = 'training'",
             "project": "ty.duty = 'project'", "activity": "NOT ty.is_outcome"}
    # AND tests the dates only for records of the duty's kind (both engines stop at the first
    # false): comparing every record's date with every period's bounds was half the query's
    # time at province size.
    counts = [f"SUM(CASE WHEN {kinds[duty]} AND a.date BETWEEN :s{i} AND :e{i} THEN 1 ELSE 0 END)"
              for i, (duty, _label, _start, _end, _n) in enumerate(owed)] or ["0"]
    params = {}
    for i, (_duty, _label, start, end, _n) in enumerate(owed):
        params[f"s{i}"], params[f"e{i}"] = start.isoformat(), end.isoformat()
    return PAIRING_SQL.format(counts=", ".join(counts)), owed, params


def _quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def _pairing_rows(year: int, rules: dict, params: dict[str, Any]) -> list[DutyRow]:
    sql, owed, period_params = pairing_query(year, rules)
    if not owed:
        return []
    as_of = dt.date.fromisoformat(params["asof"])
    one_day = dt.timedelta(days=1)
    rows = []
    for pid, township, unit, subject, started, ended, _pid, *done in _execute(
            sql, {**params, **period_params}, 0):
        pairing_id = pid
        begun = _quarter_start(as_date(started))
        ended_on = as_date(ended)
        for (duty, label, start, end, due), n in zip(owed, done, strict=True):
            if start > as_of or end < begun or (ended_on is not None and start > ended_on):
                continue
            n = n or 0
            late = n < due and end < as_of
            status = MET if n >= due else OVERDUE if late else PENDING
            rows.append(DutyRow("pairing", pairing_id, township, unit, subject, duty, label, due,
                                n, status, end, end + one_day if late else None))
    return rows


def _cadre_rows(year: int, rules: dict, params: dict[str, Any]) -> list[DutyRow]:
    """Per cadre: households held on the day against the rank's quota, and those visited."""
    visit_rule = rules["visit"]
    year_end = dt.date(year, 12, 31)
    as_of = dt.date.fromisoformat(params["asof"])
    year_over = year_end < as_of
    rows = []
    for cid, unit, name, rank, quota, held, visited in _execute(
            CADRE_SQL, {**params, "visits": visit_rule["count"]}, 0):
        cadre_id = cid
        label = f"{name}（{rank}）"
        quota_status = UNDER if held < quota else OVER if held > quota else MET
        rows.append(DutyRow("cadre", cadre_id, "", unit, label, "quota", "当前", quota, held,
                            quota_status, None, None))
        if held and visit_rule["count"] > 0:
            status = MET if visited >= held else (OVERDUE if year_over else PENDING)
            rows.append(DutyRow("cadre", cadre_id, "", unit, label, "visit", f"{year}年", held,
                                visited, status, year_end,
                                year_end + dt.timedelta(days=1) if status == OVERDUE else None))
    return rows


@uses_ledger
def unassigned_rows(ledger: Ledger, as_of: dt.date, township_id: Any = None) -> list[DutyRow]:
    """The poor households with no responsible cadre on a day, named (for the full lists)."""
    return _unassigned_rows({"asof": as_of.isoformat(), "tw": _hex(township_id)})


def _unassigned_rows(params: dict[str, Any]) -> list[DutyRow]:
    return [DutyRow("household", r[0], r[1], "", r[2], "unassigned", "当前", 1, 0,
                    OVERDUE, None, None) for r in _execute(UNASSIGNED_SQL, params, 0)]


def _target_rows(year: int, params: dict[str, Any]) -> list[DutyRow]:
    """The year's targets: met when 已完成, else overdue once the year is over (不脱钩)."""
    year_end = dt.date(year, 12, 31)
    over = year_end < dt.date.fromisoformat(params["asof"])
    rows = []
    for tid, township, unit, subject, pid, done in _execute(TARGET_SQL,
                                                            {**params, "year": year}, 0, 4):
        status = MET if done else OVERDUE if over else PENDING
        rows.append(DutyRow("target", tid, township, unit, subject, "target",
                            f"{year}年", 1, int(done), status, year_end,
                            year_end + dt.timedelta(days=1) if status == OVERDUE else None,
                            pid))
    return rows


def _stationed_rows(params: dict[str, Any]) -> list[DutyRow]:
    """Postings whose term ended this year with nobody posted to the village after them."""
    return [DutyRow("stationed", r[0], r[1], r[2], r[3], "stationed", "当前", 1, 0,
                    OVERDUE, as_date(r[4]), as_date(r[4]) + dt.timedelta(days=1))
            for r in _execute(STATIONED_SQL, params, 0)]
