"""Every figure of the county report, each one an SQL aggregate over the records.

Nothing is typed in: the network is counted from the pairings, the villages by their poverty
class, the activity figures are sums of the numbers each kind of activity carries (the kinds are
data, so a kind the county adds appears here by itself, with the counter word the county set
for it), and the duty summary comes from the duty checks of the same period. Each figure stands
beside the same period of the previous year; the activities of the last five such periods make
the report's trend.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pairing_desktop.core.activities.types import (
    DUTY_LABELS,
    NUMBER_FIELDS,
    load_units,
    split,
    unit_of,
)
from pairing_desktop.core.choices import POVERTY_CLASSES
from pairing_desktop.core.duties.checks import (
    EXTRA_LABELS,
    MET,
    OVER,
    OVERDUE,
    PAIRING_DUTIES,
    PENDING,
    UNDER,
    Compliance,
    check_duties,
)
from pairing_desktop.core.duties.settings import duty_kinds, kind_settings
from pairing_desktop.core.storage.dialect import month_text
from pairing_desktop.core.storage.ledger import Ledger, bound_rows, uses_ledger
from pairing_desktop.core.storage.models import Township
from pairing_desktop.core.validation import cn_date

TREND_YEARS = 5  # the periods the trend chart compares: this one and the four before it
ALL_VILLAGES = "全部村"


@dataclass(frozen=True)
class KindFigure:
    """The records of one kind of activity in the period and the sums of what it carries."""

    code: str
    name: str
    is_outcome: bool
    measures: tuple[str, ...]
    headline: str | None  # the number the report names (first required number), None = count
    records: int
    sums: dict[str, float]
    unit: str = "次"  # the counter word of the headline (activities.types.UNITS)
    previous_records: int = 0  # the same period of the previous year
    previous_sums: dict[str, float] = field(default_factory=dict)

    @property
    def headline_value(self) -> float:
        return self.records if self.headline is None else self.sums[self.headline]

    @property
    def previous_value(self) -> float:
        if self.headline is None:
            return self.previous_records
        return self.previous_sums.get(self.headline, 0)

    @property
    def amount_text(self) -> str:
        return format_amount(self.headline_value, self.unit)

    @property
    def headline_text(self) -> str:
        """“培训新型农民2,462人次” / “座谈会、联谊活动83次” / “改善文体设施投入26万元”."""
        return f"{self.name}{self.amount_text}"


@dataclass
class Report:
    title: str  # 全县 or the township's name
    date_from: dt.date
    date_to: dt.date
    township_id: uuid.UUID | None
    network: list[tuple[str, int, str]] = field(default_factory=list)  # (label, value, measure)
    kinds: list[KindFigure] = field(default_factory=list)
    by_township: list[tuple[str, int, float, int]] = field(default_factory=list)
    by_quarter: list[tuple[str, int, float]] = field(default_factory=list)
    duties: list[tuple[str, int, int, int, int]] = field(default_factory=list)
    compliance: Compliance | None = None
    # villages by poverty class: (class, villages, of them paired in the period), then 全部村
    villages: list[tuple[str, int, int]] = field(default_factory=list)
    # the same period of the previous year, figure by figure in the order of network / villages
    previous_network: list[int] = field(default_factory=list)
    previous_villages: list[tuple[str, int, int]] = field(default_factory=list)
    # (year, activities, money) of this period and the four before it that have records
    trend: list[tuple[int, int, float]] = field(default_factory=list)
    duty_kinds: list[tuple[str, list[str]]] = field(default_factory=list)  # duty: kinds counted

    @property
    def activities(self) -> list[KindFigure]:
        return [k for k in self.kinds if not k.is_outcome]

    @property
    def outcomes(self) -> list[KindFigure]:
        return [k for k in self.kinds if k.is_outcome]

    @property
    def whole_year(self) -> bool:
        d0, d1 = self.date_from, self.date_to
        return (d0.month, d0.day, d1.month, d1.day) == (1, 1, 12, 31) and d0.year == d1.year

    @property
    def period_text(self) -> str:
        if self.whole_year:
            return f"{self.date_from.year}年度"
        return f"{cn_date(self.date_from)}至{cn_date(self.date_to)}"

    @property
    def previous_period(self) -> tuple[dt.date, dt.date]:
        return shift_years(self.date_from, -1), shift_years(self.date_to, -1)

    @property
    def previous_text(self) -> str:
        """“2024年度” / “2024年1月1日至2024年6月30日”: the period compared with."""
        d0, d1 = self.previous_period
        if self.whole_year:
            return f"{d0.year}年度"
        return f"{cn_date(d0)}至{cn_date(d1)}"

    @property
    def period_slug(self) -> str:
        """The period in a file name: “2025” or “20250101-20250630”."""
        if self.whole_year:
            return str(self.date_from.year)
        return f"{self.date_from:%Y%m%d}-{self.date_to:%Y%m%d}"


def format_number(value: float) -> str:
    """Integers without decimals, others to two places: figures read as the clerk typed them."""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0")


def format_amount(value: float, unit: str) -> str:
    """A figure with its counter word; money and area of ten thousand or more in 万元 and 万亩,
    as the seed report writes them (近90万元, 15万亩)."""
    if unit in ("元", "亩") and abs(value) >= 10000:
        return f"{format_number(round(value / 10000, 2))}万{unit}"
    return f"{format_number(value)}{unit}"


def change_text(now: float, before: float, unit: str) -> str:
    """How a figure moved since the same period of last year: “+2次（+100.0%）”, “-3户”, “持平”
    (an ASCII minus: the report's Ming face has no U+2212)."""
    diff = now - before
    if diff == 0:
        return "持平"
    sign = "+" if diff > 0 else "-"
    text = sign + format_amount(abs(diff), unit)
    if before:
        text += f"（{sign}{abs(diff) / before:.1%}）"
    return text


def shift_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (29 February becomes the 28th in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _hex(value: Any) -> str | None:
    return None if value is None else uuid.UUID(str(value)).hex


def query_rows(sql: str, params: dict[str, Any]) -> list[tuple]:
    return bound_rows(sql, params)


# A township's activities: those of its villages' pairings and its households' home visits,
# as sets SQLite builds once (a join per activity row costs several times more at 200,000).
IN_TOWNSHIP = """
  AND (:tw IS NULL
       OR a.pairing_id IN (SELECT p.id FROM unit_village_pairing p
                           JOIN village v ON v.id = p.village_id WHERE v.township_id = :tw)
       OR a.household_id IN (SELECT h.id FROM household h
                             JOIN village v ON v.id = h.village_id WHERE v.township_id = :tw))
"""

# One pass over the period's activities (`a.date`: scan, rather than hop through the date
# index for half the table), summed per kind and month; kinds and quarters add these up.
# Grouping on the month as stored costs a third less than building a quarter label per row.
_SUMS = ", ".join(f"SUM(a.{n})" for n in NUMBER_FIELDS)
def kind_month_sql() -> str:
    """The sums per kind and month ("YYYY-MM"), spelled for the bound ledger's engine."""
    return f"""
SELECT a.type_id, {month_text("a.date")} AS month, COUNT(*), {_SUMS}
FROM activity a
WHERE a.deleted_at IS NULL AND a.date BETWEEN :d0 AND :d1 {IN_TOWNSHIP}
GROUP BY a.type_id, month
"""

# The same period of the four years before, in one pass: each record placed in the period it
# falls in (`back` years before), summed per kind. The previous year's figures are back = 1; the
# trend counts the activities of every period. Records between the periods (back is NULL, when
# the period is shorter than a year) are skipped in Python: a server's HAVING cannot name `back`.
_BACK = "CASE " + " ".join(f"WHEN a.date BETWEEN :b{i}s AND :b{i}e THEN {i}"
                           for i in range(1, TREND_YEARS)) + " END"
EARLIER_SQL = f"""
SELECT a.type_id, {_BACK} AS back, COUNT(*), {_SUMS}
FROM activity a
WHERE a.deleted_at IS NULL AND a.date BETWEEN :b{TREND_YEARS - 1}s AND :b1e {IN_TOWNSHIP}
GROUP BY a.type_id, back
"""

KINDS_SQL = """
SELECT id, code, name, is_outcome, measures, required, deleted_at IS NULL FROM activity_type
ORDER BY is_outcome, sort_order, name
"""

# Per township: activities are summed per pairing or household first, then placed; every
# township joins in as a row of nothing, so the sums are grouped once and then named by key (a
# LEFT JOIN from the townships scanned the placed sums once per township).
TOWNSHIP_SQL = f"""
WITH g AS (
  SELECT a.pairing_id, a.household_id, COUNT(*) AS n, SUM(a.money_yuan) AS money
  FROM activity a
  WHERE a.deleted_at IS NULL AND a.date BETWEEN :d0 AND :d1
    AND +a.type_id IN (SELECT id FROM activity_type WHERE NOT is_outcome) {IN_TOWNSHIP}
  GROUP BY a.pairing_id, a.household_id),
f AS (
  SELECT v.township_id AS tid, g.n, g.money, g.pairing_id
  FROM g LEFT JOIN unit_village_pairing p ON p.id = g.pairing_id
  LEFT JOIN household h ON h.id = g.household_id
  JOIN village v ON v.id = COALESCE(p.village_id, h.village_id)
  UNION ALL
  SELECT t.id, 0, NULL, NULL FROM township t)
SELECT t.name, s.n, s.money, s.pairings
FROM (SELECT tid, CAST(SUM(n) AS INTEGER) AS n, COALESCE(SUM(money), 0) AS money,
             COUNT(DISTINCT pairing_id) AS pairings FROM f GROUP BY tid) s
JOIN township t ON t.id = s.tid
WHERE t.deleted_at IS NULL AND (:tw IS NULL OR t.id = :tw)
ORDER BY t.name
"""

ACTIVE = "{x}.deleted_at IS NULL AND {x}.started_on <= :d1 AND ({x}.ended_on IS NULL OR " \
         "{x}.ended_on >= :d0)"

TW_VILLAGES = "(SELECT id FROM village WHERE township_id = :tw)"


# Villages by poverty class, and of them those with a pairing in force in the period.
VILLAGES_SQL = f"""
SELECT v.poverty_class, COUNT(*),
       SUM(CASE WHEN v.id IN (SELECT p.village_id FROM unit_village_pairing p
                              WHERE {ACTIVE.format(x="p")}) THEN 1 ELSE 0 END)
FROM village v
WHERE v.deleted_at IS NULL AND (:tw IS NULL OR v.township_id = :tw)
GROUP BY v.poverty_class
"""

PAIRED_MEMBERS = f"""party_member_pairing p
  WHERE {ACTIVE.format(x="p")} AND (:tw IS NULL OR p.farmer_id IN (
    SELECT id FROM farmer_party_member WHERE village_id IN {TW_VILLAGES}))"""
HELD = f"""assignment s
  WHERE {ACTIVE.format(x="s")} AND (:tw IS NULL OR s.household_id IN (
    SELECT id FROM household WHERE village_id IN {TW_VILLAGES}))"""


def _distinct(column: str, rows: str) -> str:
    """How many different `column` values `rows` hold, as a SELECT DISTINCT of its own rather
    than COUNT(DISTINCT): SQLite then walks an index led by the column (INDEXES) instead of
    sorting 40,000 ids into a temporary tree, about 5x faster at province size."""
    return f"(SELECT COUNT(*) FROM (SELECT DISTINCT {column} FROM {rows}) AS d)"


NETWORK_SQL = f"""
WITH uv AS (SELECT p.unit_id, p.village_id FROM unit_village_pairing p
            WHERE {ACTIVE.format(x="p")} AND (:tw IS NULL OR p.village_id IN {TW_VILLAGES})),
ut AS (SELECT p.unit_id, p.township_id FROM unit_township_pairing p
       WHERE {ACTIVE.format(x="p")} AND (:tw IS NULL OR p.township_id = :tw)),
units AS (SELECT unit_id FROM uv UNION SELECT unit_id FROM ut),
st AS (SELECT COUNT(DISTINCT s.cadre_id) AS cadres FROM stationed_cadre s
       WHERE {ACTIVE.format(x="s")} AND (:tw IS NULL OR s.village_id IN {TW_VILLAGES}))
SELECT
  (SELECT COUNT(*) FROM units JOIN unit u ON u.id = units.unit_id WHERE u.level = '地直'),
  (SELECT COUNT(*) FROM units JOIN unit u ON u.id = units.unit_id WHERE u.level = '县直'),
  (SELECT COUNT(*) FROM township t WHERE t.deleted_at IS NULL AND (:tw IS NULL OR t.id = :tw)),
  (SELECT COUNT(DISTINCT village_id) FROM uv),
  (SELECT COUNT(*) FROM uv),
  (SELECT COUNT(*) FROM ut),
  {_distinct("p.cadre_id", PAIRED_MEMBERS)}, {_distinct("p.farmer_id", PAIRED_MEMBERS)},
  st.cadres, {_distinct("s.cadre_id", HELD)}, {_distinct("s.household_id", HELD)}
FROM st
"""
NETWORK = (("地直帮扶单位", "个"), ("县直帮扶单位", "个"), ("乡镇", "个"), ("结对帮扶村", "个"),
           ("单位–村结对", "对"), ("地直单位–乡镇党委结对", "对"), ("结对机关党员", "名"),
           ("结对农民党员", "名"), ("驻村任职后备干部", "名"), ("“4321”帮扶干部", "名"),
           ("干部结对帮扶贫困户", "户"))


@uses_ledger
def build_report(ledger: Ledger, date_from: dt.date, date_to: dt.date, township_id: Any = None,
                 as_of: dt.date | None = None) -> Report:
    """The figures of the period, county-wide or for one township, beside the same period of
    the previous year.

    The duty summary is the check of `date_to`'s year as of `as_of` (default: the day after the
    period, or today if that is sooner), so a finished year shows what stayed undone.
    """
    tw = _hex(township_id)
    title = "全县" if tw is None else Township.get_by_id(uuid.UUID(tw)).name
    report = Report(title, date_from, date_to, None if tw is None else uuid.UUID(tw))
    params = period_params(date_from, date_to, tw)
    last = period_params(*report.previous_period, tw)
    report.network = [(label, value, measure) for (label, measure), value
                      in zip(NETWORK, query_rows(NETWORK_SQL, params)[0], strict=True)]
    report.previous_network = list(query_rows(NETWORK_SQL, last)[0])
    report.villages = _villages(params)
    report.previous_villages = _villages(last)
    kinds = query_rows(KINDS_SQL, {})
    outcome = {type_id: is_outcome for type_id, _code, _name, is_outcome, *_ in kinds}
    width = 1 + len(NUMBER_FIELDS)
    sums: dict[str, list[float]] = {}
    quarters: dict[str, list[float]] = {}
    for type_id, month, count, *numbers in query_rows(kind_month_sql(), params):
        _add(sums.setdefault(type_id, [0] * width), count, numbers)
        if not outcome[type_id]:
            quarter = f"{month[:4]}年第{(int(month[5:7]) + 2) // 3}季度"
            q = quarters.setdefault(quarter, [0, 0])
            q[0] += count
            q[1] += numbers[NUMBER_FIELDS.index("money_yuan")] or 0
    earlier: dict[int, dict[str, list[float]]] = {}
    for type_id, back, count, *numbers in query_rows(EARLIER_SQL, _earlier_params(report, tw)):
        if back is None:
            continue
        _add(earlier.setdefault(back, {}).setdefault(type_id, [0] * width), count, numbers)
    units = load_units(ledger)
    for type_id, code, name, is_outcome, measures, required, live in kinds:
        total, before = sums.get(type_id), earlier.get(1, {}).get(type_id)
        if total is None and before is None and not live:
            continue  # a kind the county removed, with nothing in these periods
        count, *numbers = total or [0] * width
        last_count, *last_numbers = before or [0] * width
        carried = split(measures)
        headline = next((n for n in split(required) if n in NUMBER_FIELDS), None)
        report.kinds.append(KindFigure(
            code, name, bool(is_outcome), carried, headline, count,
            _carried(numbers, carried), unit_of(code, headline, units),
            last_count, _carried(last_numbers, carried)))
    report.trend = _trend(report, sums, earlier, outcome)
    report.by_township = [tuple(r) for r in query_rows(TOWNSHIP_SQL, params)]
    report.by_quarter = [(q, n, money) for q, (n, money) in sorted(quarters.items())]
    as_of = as_of or min(dt.date.today(), date_to + dt.timedelta(days=1))
    report.compliance = check_duties(ledger, date_to.year, as_of, tw,
                                     parts=("pairings", "cadres", "targets", "stationed"))
    report.duties = duty_summary(report.compliance)
    report.duty_kinds = duty_kinds(kind_settings(ledger))
    return report


def period_params(date_from: dt.date, date_to: dt.date, tw: str | None) -> dict[str, Any]:
    return {"d0": date_from.isoformat(), "d1": date_to.isoformat(), "tw": tw}


def _earlier_params(report: Report, tw: str | None) -> dict[str, Any]:
    params: dict[str, Any] = {"tw": tw}
    for back in range(1, TREND_YEARS):
        params[f"b{back}s"] = shift_years(report.date_from, -back).isoformat()
        params[f"b{back}e"] = shift_years(report.date_to, -back).isoformat()
    return params


def _add(total: list[float], count: int, numbers: list[Any]) -> None:
    for i, value in enumerate((count, *numbers)):
        total[i] += value or 0


def _carried(numbers: list[float], carried: tuple[str, ...]) -> dict[str, float]:
    by_field = dict(zip(NUMBER_FIELDS, numbers, strict=True))
    return {n: by_field[n] for n in carried}


def _villages(params: dict[str, Any]) -> list[tuple[str, int, int]]:
    """Every poverty class (none left out, so two years line up), then all villages."""
    counted = {cls: (n, paired or 0) for cls, n, paired in query_rows(VILLAGES_SQL, params)}
    rows = [(cls, *counted.get(cls, (0, 0))) for cls in POVERTY_CLASSES]
    rows += [(cls, n, paired) for cls, (n, paired) in counted.items()
             if cls not in POVERTY_CLASSES]
    return [*rows, (ALL_VILLAGES, sum(r[1] for r in rows), sum(r[2] for r in rows))]


def _trend(report: Report, sums: dict[str, list[float]],
           earlier: dict[int, dict[str, list[float]]],
           outcome: dict[str, bool]) -> list[tuple[int, int, float]]:
    """(year, activities, money) of the five periods, oldest first, those with records only."""
    money = 1 + NUMBER_FIELDS.index("money_yuan")
    rows = []
    for back in range(TREND_YEARS - 1, -1, -1):
        per_kind = sums if back == 0 else earlier.get(back, {})
        done = [v for type_id, v in per_kind.items() if not outcome.get(type_id)]
        if per_kind:
            rows.append((report.date_from.year - back, int(sum(v[0] for v in done)),
                         sum(v[money] for v in done)))
    return rows


def duty_summary(compliance: Compliance) -> list[tuple[str, int, int, int, int]]:
    """(duty, checked, met, not yet due, overdue or short) per duty, in the report's order."""
    counts = compliance.summary()
    order = ("research", "training", "project", "activity", "visit", "quota", "unassigned",
             "target", "stationed")
    rows = []
    for duty in order:
        c = Counter({status: n for (d, status), n in counts.items() if d == duty})
        total = sum(c.values())
        if duty not in PAIRING_DUTIES and total == 0:
            continue
        label = DUTY_LABELS.get(duty) or EXTRA_LABELS[duty]
        rows.append((label, total, c[MET] + c[OVER], c[PENDING], c[OVERDUE] + c[UNDER]))
    return rows

