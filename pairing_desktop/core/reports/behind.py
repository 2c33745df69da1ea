"""The records behind each figure of the report: what the 统计报告 page opens on a double-click
and what the workbook's detail sheets list, one query per figure, so a figure and its records
cannot disagree (the tests count each list against its figure).

A `Behind` names its rows' columns and either an SQL query (id first, then the columns, in the
order the rows are listed) or, for the duty figures the checks compute in Python, the rows
themselves. `BehindList` pages either for the on-screen list.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from pairing_desktop.core.activities.types import NUMBER_FIELDS, NUMBER_LABELS
from pairing_desktop.core.duties.checks import (
    EXTRA_LABELS,
    STATUS_LABELS,
    UNASSIGNED_SQL,
    DutyRow,
)
from pairing_desktop.core.reports.figures import (
    ACTIVE,
    ALL_VILLAGES,
    IN_TOWNSHIP,
    NETWORK,
    TW_VILLAGES,
    KindFigure,
    Report,
    period_params,
    query_rows,
)
from pairing_desktop.core.storage.dialect import iso_dates
from pairing_desktop.core.storage.ledger import Ledger, uses_own_ledger
from pairing_desktop.core.validation import cn_date

NETWORK_HEADERS = ("名称", "乡镇", "所属或对方", "开始日期")
VILLAGE_HEADERS = ("乡镇", "村", "贫困类别", "本期结对帮扶")
DUTY_HEADERS = ("乡镇", "帮扶单位", "对象", "职责", "期间", "应完成", "已完成", "情况")

_uv = f"""unit_village_pairing p JOIN village v ON v.id = p.village_id
  JOIN township t ON t.id = v.township_id JOIN unit u ON u.id = p.unit_id
  WHERE {ACTIVE.format(x="p")} AND (:tw IS NULL OR v.township_id = :tw)"""
_ut = f"""unit_township_pairing p JOIN township t ON t.id = p.township_id
  JOIN unit u ON u.id = p.unit_id
  WHERE {ACTIVE.format(x="p")} AND (:tw IS NULL OR p.township_id = :tw)"""


def _units(level: str) -> str:
    return f"""SELECT u.id, u.name, '', u.level, NULL FROM unit u WHERE u.level = '{level}'
  AND u.id IN (SELECT p.unit_id FROM {_uv} UNION SELECT p.unit_id FROM {_ut})
  ORDER BY u.name, u.id"""


_members = f"""party_member_pairing p JOIN cadre c ON c.id = p.cadre_id
  JOIN unit u ON u.id = c.unit_id JOIN farmer_party_member f ON f.id = p.farmer_id
  JOIN village v ON v.id = f.village_id JOIN township t ON t.id = v.township_id
  WHERE {ACTIVE.format(x="p")} AND (:tw IS NULL OR f.village_id IN {TW_VILLAGES})"""
_held = f"""assignment s JOIN cadre c ON c.id = s.cadre_id JOIN unit u ON u.id = c.unit_id
  JOIN household h ON h.id = s.household_id JOIN village v ON v.id = h.village_id
  JOIN township t ON t.id = v.township_id
  WHERE {ACTIVE.format(x="s")} AND (:tw IS NULL OR s.household_id IN (
    SELECT id FROM household WHERE village_id IN {TW_VILLAGES}))"""

# label of a NETWORK figure -> the records it counts (id, name, township, other, since)
NETWORK_ROWS: dict[str, str] = {
    "地直帮扶单位": _units("地直"),
    "县直帮扶单位": _units("县直"),
    "乡镇": """SELECT t.id, t.name, t.name, t.code, NULL FROM township t
  WHERE t.deleted_at IS NULL AND (:tw IS NULL OR t.id = :tw) ORDER BY t.name, t.id""",
    "结对帮扶村": f"""SELECT v.id, v.name, t.name, v.poverty_class, MIN(p.started_on) FROM {_uv}
  GROUP BY v.id, t.name ORDER BY t.name, v.name, v.id""",
    "单位–村结对": f"""SELECT p.id, u.name || ' — ' || v.name, t.name, u.name, p.started_on
  FROM {_uv} ORDER BY t.name, u.name, v.name, p.id""",
    "地直单位–乡镇党委结对": f"""SELECT p.id, u.name, t.name, t.name || '党委', p.started_on
  FROM {_ut} ORDER BY t.name, u.name, p.id""",
    "结对机关党员": f"""SELECT c.id, c.name, '', u.name, MIN(p.started_on) FROM {_members}
  GROUP BY c.id, u.name ORDER BY u.name, c.name, c.id""",
    "结对农民党员": f"""SELECT f.id, f.name, t.name, v.name, MIN(p.started_on) FROM {_members}
  GROUP BY f.id, t.name, v.name ORDER BY t.name, v.name, f.name, f.id""",
    "驻村任职后备干部": f"""SELECT c.id, c.name, MIN(t.name), u.name, MIN(s.started_on)
  FROM stationed_cadre s JOIN cadre c ON c.id = s.cadre_id JOIN unit u ON u.id = c.unit_id
  JOIN village v ON v.id = s.village_id JOIN township t ON t.id = v.township_id
  WHERE {ACTIVE.format(x="s")} AND (:tw IS NULL OR s.village_id IN {TW_VILLAGES})
  GROUP BY c.id, u.name ORDER BY u.name, c.name, c.id""",
    "“4321”帮扶干部": f"""SELECT c.id, c.name, '', u.name, MIN(s.started_on) FROM {_held}
  GROUP BY c.id, u.name ORDER BY u.name, c.name, c.id""",
    "干部结对帮扶贫困户": f"""SELECT h.id, h.head_name, t.name, v.name, MIN(s.started_on)
  FROM {_held} GROUP BY h.id, t.name, v.name ORDER BY t.name, v.name, h.head_name, h.id""",
}
assert set(NETWORK_ROWS) == {label for label, _ in NETWORK}

# every village with its class and whether a pairing was in force in the period; the rows of a
# class lie together, its paired villages first (so each village figure is one run of rows).
# `paired` is filtered outside: a server's WHERE cannot name a column of its own SELECT.
VILLAGE_ROWS = f"""
SELECT * FROM (
  SELECT v.id, t.name AS township, v.name, v.poverty_class,
         CASE WHEN v.id IN (SELECT p.village_id FROM unit_village_pairing p
                            WHERE {ACTIVE.format(x="p")}) THEN '是' ELSE '否' END AS paired
  FROM village v JOIN township t ON t.id = v.township_id
  WHERE v.deleted_at IS NULL AND (:tw IS NULL OR v.township_id = :tw)
    AND (:cls IS NULL OR v.poverty_class = :cls)) AS v
WHERE :paired IS NULL OR paired = :paired
ORDER BY {{order}}, paired DESC, township, name, id
"""


def village_order(classes: list[str]) -> str:
    """The classes in the report's order (unknown ones last), as an SQL sort key."""
    cases = " ".join(f"WHEN '{c}' THEN {i}" for i, c in enumerate(classes))
    return f"CASE v.poverty_class {cases} ELSE {len(classes)} END, v.poverty_class"


ACTIVITY_HEADERS = ("日期", "乡镇", "帮扶单位", "村", "干部", "贫困户", "类型",
                    *(NUMBER_LABELS[n] for n in NUMBER_FIELDS), "活动内容")
# the period's activities, of one kind (:code) or all, listed kind by kind in the report's order
ACTIVITY_ROWS = f"""
SELECT a.id, a.date, t.name, u.name, v.name, c.name, h.head_name, ty.name,
       {", ".join(f"a.{n}" for n in NUMBER_FIELDS)}, a.description
FROM activity a
JOIN activity_type ty ON ty.id = a.type_id
LEFT JOIN unit_village_pairing p ON p.id = a.pairing_id
LEFT JOIN unit u ON u.id = p.unit_id
LEFT JOIN cadre c ON c.id = a.cadre_id
LEFT JOIN household h ON h.id = a.household_id
JOIN village v ON v.id = COALESCE(p.village_id, h.village_id)
JOIN township t ON t.id = v.township_id
WHERE a.deleted_at IS NULL AND a.date BETWEEN :d0 AND :d1 {IN_TOWNSHIP}
  AND (:code IS NULL OR ty.code = :code)
ORDER BY ty.is_outcome, ty.sort_order, ty.name, ty.id, a.date, t.name, u.name, v.name, a.id
"""


def kind_behind(report: Report, kind: KindFigure) -> Behind:
    return Behind(f"{kind.name}（{report.period_text}）", ACTIVITY_HEADERS,
                  frozenset({"activity", "activity_type"}), ACTIVITY_ROWS,
                  {**_params(report), "code": kind.code})


@dataclass(frozen=True)
class Behind:
    """The records of one figure."""

    title: str
    headers: tuple[str, ...]
    kinds: frozenset[str]  # the kinds of record listed (a change of one re-reads the list)
    sql: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    rows: tuple[tuple, ...] = ()  # when there is no SQL: (id, cells...) computed already

    def fetch(self) -> list[tuple]:
        """Every row, id first (on the bound ledger)."""
        return list(self.rows) if not self.sql else iso_dates(query_rows(self.sql, self.params))


def network_behind(report: Report, label: str) -> Behind:
    kinds = frozenset({"unit", "township", "village", "uv_pairing", "ut_pairing", "pm_pairing",
                       "cadre", "farmer", "stationed", "assignment", "household"})
    return Behind(f"{label}（{report.period_text}）", NETWORK_HEADERS, kinds,
                  NETWORK_ROWS[label], _params(report))


def village_behind(report: Report, cls: str, paired: bool = False) -> Behind:
    classes = [c for c, *_ in report.villages if c != ALL_VILLAGES]
    title = ("全部村" if cls == ALL_VILLAGES else cls) + ("中结对帮扶的" if paired else "")
    return Behind(title, VILLAGE_HEADERS, frozenset({"village", "township", "uv_pairing"}),
                  VILLAGE_ROWS.format(order=village_order(classes)),
                  {**_params(report), "cls": None if cls == ALL_VILLAGES else cls,
                   "paired": "是" if paired else None})


def _params(report: Report) -> dict[str, Any]:
    tw = report.township_id.hex if report.township_id else None
    return period_params(report.date_from, report.date_to, tw)


def duty_behind(report: Report, label: str) -> Behind:
    """The checked rows of one duty of the summary (its label, as the summary names it); the
    households without a cadre, which the report counts but does not list, by their query."""
    compliance = report.compliance
    if label == EXTRA_LABELS["unassigned"] and compliance is not None:
        tw = report.township_id.hex if report.township_id else None
        return Behind(f"{label}（{cn_date(compliance.as_of)}）", ("乡镇", "贫困户（村）"),
                      frozenset({"household", "assignment"}), UNASSIGNED_SQL,
                      {"asof": compliance.as_of.isoformat(), "tw": tw})
    rows: list[DutyRow] = [] if compliance is None else [
        r for r in (*compliance.pairings, *compliance.cadres, *compliance.targets,
                    *compliance.stationed) if r.duty_label == label]
    return Behind(f"{label}（{compliance.year if compliance else ''}年职责检查）", DUTY_HEADERS,
                  frozenset(), rows=tuple(duty_cells(r) for r in rows))


def duty_cells(r: DutyRow) -> tuple:
    return (r.subject_id, r.township, r.unit, r.subject, r.duty_label, r.period, r.due, r.done,
            STATUS_LABELS[r.status])


class BehindList:
    """A Behind as a list the shared list panel pages: searched in every text column, sorted
    by any column; the rows are read once (a figure's records are at most a year's)."""

    def __init__(self, ledger: Ledger, behind: Behind):
        self.ledger = ledger
        self.behind = behind
        self._all: list[tuple] | None = None

    @property
    def columns(self) -> list[tuple[str, str]]:
        return [(f"c{i}", h) for i, h in enumerate(self.behind.headers)]

    @uses_own_ledger
    def _rows(self) -> list[tuple]:
        if self._all is None:
            self._all = [(_id(r[0]), *r[1:]) for r in self.behind.fetch()]
        return self._all

    def _matching(self, search: str) -> list[tuple]:
        text = search.strip()
        rows = self._rows()
        if not text:
            return rows
        return [r for r in rows if any(isinstance(v, str) and text in v for v in r[1:])]

    def count(self, search: str = "") -> int:
        return len(self._matching(search))

    def page(self, search: str = "", sort: int | None = None, descending: bool = False,
             offset: int = 0, limit: int = 200) -> list[tuple]:
        rows = self._matching(search)
        if sort is not None:
            rows = sorted(rows, key=lambda r: _key(r[sort + 1]), reverse=descending)
        return rows[offset:offset + limit]

    def row_of(self, record_id: Any) -> tuple | None:
        return next((r for r in self._rows() if r[0] == _id(record_id)), None)


def _id(value: Any) -> Any:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return value


def _key(value: Any) -> tuple:
    return (value is None, str(value) if not isinstance(value, (int, float)) else "", value
            if isinstance(value, (int, float)) else 0)

