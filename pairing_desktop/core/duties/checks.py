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
from typing import Any

from pairing_desktop.core.activities.types import DUTY_LABELS
from pairing_desktop.core.duties.settings import load_rules, periods
from pairing_desktop.core.storage.models import database

MET, PENDING, OVERDUE = "met", "pending", "overdue"
UNDER, OVER = "under", "over"  # a cadre's households against the quota of the rank
STATUS_LABELS = {MET: "已完成", PENDING: "未到期", OVERDUE: "逾期", UNDER: "不足", OVER: "超额"}
PAIRING_DUTIES = ("research", "training", "project", "activity")
EXTRA_LABELS = {"quota": "帮扶户数定额", "unassigned": "无帮扶干部", "target": "年度目标",
                "stationed": "驻村任期届满"}


@dataclass(frozen=True)
class DutyRow:
    """One duty of one subject in one period: what was due, what was done, since when overdue."""

    kind: str  # pairing / cadre / household / target / stationed
    subject_id: uuid.UUID
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
    pairing_id: uuid.UUID | None = None  # the pairing a target belongs to

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
    targets: list[DutyRow] = field(default_factory=list)  # targets of the year not done
    stationed: list[DutyRow] = field(default_factory=list)  # postings ended, no successor

    def problems(self) -> list[DutyRow]:
        """Everything not met, overdue first."""
        rows = [r for r in (*self.pairings, *self.cadres, *self.households, *self.targets,
                            *self.stationed) if r.status != MET]
        return sorted(rows, key=lambda r: (r.status == PENDING, r.township, r.unit, r.subject))

    def summary(self) -> dict[tuple[str, str], int]:
        """{(duty, status): how many}, for the report and the status bar."""
        counts: Counter[tuple[str, str]] = Counter()
        for r in (*self.pairings, *self.cadres, *self.households, *self.targets,
                  *self.stationed):
            counts[(r.duty, r.status)] += 1
        return dict(counts)


PAIRING_SQL = """
WITH pe(duty, idx, label, p_start, p_end, required) AS (VALUES {values}),
pa AS (
  SELECT p.id, p.started_on, p.ended_on, t.name AS township, u.name AS unit,
         v.name AS village,
         printf('%s-%02d-01', substr(p.started_on, 1, 4),
                ((CAST(substr(p.started_on, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) AS q_start
  FROM unit_village_pairing p
  JOIN village v ON v.id = p.village_id JOIN township t ON t.id = v.township_id
  JOIN unit u ON u.id = p.unit_id
  WHERE p.deleted_at IS NULL AND p.started_on <= :asof
    AND (p.ended_on IS NULL OR p.ended_on >= :y0)
    AND (:tw IS NULL OR v.township_id = :tw)),
done AS (
  SELECT a.pairing_id AS pid, pe.duty, pe.idx, COUNT(*) AS n
  FROM activity a JOIN activity_type ty ON ty.id = a.type_id
  JOIN pe ON a.date BETWEEN pe.p_start AND pe.p_end
         AND (pe.duty = ty.duty OR (pe.duty = 'activity' AND NOT ty.is_outcome))
  WHERE a.deleted_at IS NULL AND a.pairing_id IS NOT NULL
    AND a.date BETWEEN :y0 AND :asof
  GROUP BY a.pairing_id, pe.duty, pe.idx)
SELECT pa.id, pa.township, pa.unit, pa.unit || ' — ' || pa.village, pe.duty, pe.label,
       pe.required, COALESCE(done.n, 0) AS n, pe.p_end,
       CASE WHEN COALESCE(done.n, 0) >= pe.required THEN 'met'
            WHEN pe.p_end < :asof THEN 'overdue' ELSE 'pending' END,
       CASE WHEN COALESCE(done.n, 0) < pe.required AND pe.p_end < :asof
            THEN date(pe.p_end, '+1 day') END
FROM pa JOIN pe ON pe.p_start <= :asof AND pe.p_end >= pa.q_start
               AND (pa.ended_on IS NULL OR pe.p_start <= pa.ended_on)
LEFT JOIN done ON done.pid = pa.id AND done.duty = pe.duty AND done.idx = pe.idx
ORDER BY pa.township, pa.unit, pa.village, pa.id, pe.duty, pe.p_start
"""

CADRE_SQL = """
WITH held AS (
  SELECT s.cadre_id, s.household_id, v.township_id
  FROM assignment s JOIN household h ON h.id = s.household_id
  JOIN village v ON v.id = h.village_id
  WHERE s.deleted_at IS NULL AND s.started_on <= :asof
    AND (s.ended_on IS NULL OR s.ended_on >= :asof)),
visits AS (
  SELECT a.cadre_id, a.household_id, COUNT(*) AS n
  FROM activity a JOIN activity_type ty ON ty.id = a.type_id AND ty.duty = 'visit'
  WHERE a.deleted_at IS NULL AND a.date BETWEEN :y0 AND :asof
  GROUP BY a.cadre_id, a.household_id),
per_cadre AS (
  SELECT held.cadre_id, COUNT(*) AS held,
         SUM(COALESCE(visits.n, 0) >= :visits) AS visited,
         MAX(:tw IS NULL OR held.township_id = :tw) AS in_township
  FROM held LEFT JOIN visits ON visits.cadre_id = held.cadre_id
                            AND visits.household_id = held.household_id
  GROUP BY held.cadre_id)
SELECT c.id, u.name, c.name, r.name, r.quota, COALESCE(pc.held, 0), COALESCE(pc.visited, 0)
FROM cadre c JOIN unit u ON u.id = c.unit_id JOIN rank r ON r.id = c.rank_id
LEFT JOIN per_cadre pc ON pc.cadre_id = c.id
WHERE c.deleted_at IS NULL AND (:tw IS NULL OR pc.in_township)
ORDER BY u.name, c.name, c.id
"""

UNASSIGNED_SQL = """
SELECT h.id, t.name, h.head_name || '（' || v.name || '）'
FROM household h JOIN village v ON v.id = h.village_id JOIN township t ON t.id = v.township_id
WHERE h.deleted_at IS NULL AND h.status = '贫困' AND (:tw IS NULL OR v.township_id = :tw)
  AND NOT EXISTS (SELECT 1 FROM assignment s WHERE s.household_id = h.id
                  AND s.deleted_at IS NULL AND s.started_on <= :asof
                  AND (s.ended_on IS NULL OR s.ended_on >= :asof))
ORDER BY t.name, v.name, h.head_name
"""

TARGET_SQL = """
SELECT g.id, t.name, u.name, u.name || ' — ' || v.name || '：' || g.description, p.id
FROM target g JOIN unit_village_pairing p ON p.id = g.pairing_id
JOIN village v ON v.id = p.village_id JOIN township t ON t.id = v.township_id
JOIN unit u ON u.id = p.unit_id
WHERE g.deleted_at IS NULL AND p.deleted_at IS NULL AND g.year = :year
  AND g.status != '已完成' AND (:tw IS NULL OR v.township_id = :tw)
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


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def check_duties(year: int, as_of: dt.date | None = None,
                 township_id: Any = None) -> Compliance:
    """Every duty owed in `year` up to `as_of` (default today), county-wide or one township."""
    as_of = as_of or dt.date.today()
    rules = load_rules()
    result = Compliance(year, as_of)
    params = {"y0": dt.date(year, 1, 1).isoformat(), "y1": dt.date(year, 12, 31).isoformat(),
              "asof": as_of.isoformat(), "tw": _hex(township_id)}
    result.pairings = _pairing_rows(year, rules, params)
    result.cadres = _cadre_rows(year, rules, params)
    result.households = _unassigned_rows(params)
    result.targets = _target_rows(year, params)
    result.stationed = _stationed_rows(params)
    return result


def _execute(sql: str, params: dict[str, Any]) -> list[tuple]:
    return database.execute_sql(sql, params).fetchall()


def pairing_query(year: int, rules: dict) -> tuple[str, dict[str, Any]] | None:
    """PAIRING_SQL with the owed periods of the year as a VALUES table, and its parameters."""
    values, period_params = [], {}
    for duty in PAIRING_DUTIES:
        rule = rules[duty]
        if rule["count"] <= 0:
            continue
        for i, (label, start, end) in enumerate(periods(year, rule["period"])):
            key = f"{duty}{i}"
            values.append(f"(:{key}d, :{key}i, :{key}l, :{key}s, :{key}e, :{key}n)")
            period_params.update({f"{key}d": duty, f"{key}i": i, f"{key}l": label,
                                  f"{key}s": start.isoformat(), f"{key}e": end.isoformat(),
                                  f"{key}n": rule["count"]})
    if not values:
        return None
    return PAIRING_SQL.format(values=", ".join(values)), period_params


def _pairing_rows(year: int, rules: dict, params: dict[str, Any]) -> list[DutyRow]:
    query = pairing_query(year, rules)
    if query is None:
        return []
    sql, period_params = query
    return [DutyRow("pairing", uuid.UUID(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7],
                    r[9], _date(r[8]), _date(r[10]))
            for r in _execute(sql, {**params, **period_params})]


def _cadre_rows(year: int, rules: dict, params: dict[str, Any]) -> list[DutyRow]:
    """Per cadre: households held on the day against the rank's quota, and those visited."""
    visit_rule = rules["visit"]
    year_end = dt.date(year, 12, 31)
    as_of = dt.date.fromisoformat(params["asof"])
    year_over = year_end < as_of
    rows = []
    for cid, unit, name, rank, quota, held, visited in _execute(
            CADRE_SQL, {**params, "visits": visit_rule["count"]}):
        cadre_id = uuid.UUID(cid)
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


def _unassigned_rows(params: dict[str, Any]) -> list[DutyRow]:
    return [DutyRow("household", uuid.UUID(r[0]), r[1], "", r[2], "unassigned", "当前", 1, 0,
                    OVERDUE, None, None) for r in _execute(UNASSIGNED_SQL, params)]


def _target_rows(year: int, params: dict[str, Any]) -> list[DutyRow]:
    """Targets of the year not 已完成: overdue once the year is over (目标未实现不脱钩)."""
    year_end = dt.date(year, 12, 31)
    over = year_end < dt.date.fromisoformat(params["asof"])
    return [DutyRow("target", uuid.UUID(r[0]), r[1], r[2], r[3], "target", f"{year}年", 1, 0,
                    OVERDUE if over else PENDING, year_end,
                    year_end + dt.timedelta(days=1) if over else None, uuid.UUID(r[4]))
            for r in _execute(TARGET_SQL, {**params, "year": year})]


def _stationed_rows(params: dict[str, Any]) -> list[DutyRow]:
    """Postings whose term ended this year with nobody posted to the village after them."""
    return [DutyRow("stationed", uuid.UUID(r[0]), r[1], r[2], r[3], "stationed", "当前", 1, 0,
                    OVERDUE, _date(r[4]), _date(r[4]) + dt.timedelta(days=1))
            for r in _execute(STATIONED_SQL, params)]
