"""The rows of the report's tables, shared by the PDF, the workbook and the on-screen page, so
all three show the same figures in the same words."""

from __future__ import annotations

from pairing_desktop.core.activities.types import NUMBER_FIELDS, NUMBER_LABELS
from pairing_desktop.core.duties.checks import Compliance
from pairing_desktop.core.reports.figures import KindFigure, Report, format_number

KIND_HEADERS = ("类型", "次数", *(NUMBER_LABELS[n] for n in NUMBER_FIELDS))
PROBLEM_HEADERS = ("乡镇", "对象", "职责", "期间", "应完成", "已完成", "情况", "逾期起始日")
CHART_TOWNSHIPS = 40  # more bars than this cannot be read on a page: the busiest are drawn

SUBJECT_KINDS = {"pairing": "结对", "cadre": "干部", "household": "贫困户", "target": "目标",
                 "stationed": "驻村干部"}


def kind_row(kind: KindFigure) -> list[str]:
    """[name, records, one cell per number field: the sum if the kind carries it, else blank]."""
    return [kind.name, format_number(kind.records),
            *(format_number(kind.sums[n]) if n in kind.measures else "" for n in NUMBER_FIELDS)]


def problem_rows(compliance: Compliance, limit: int | None = None) -> list[tuple]:
    """(township, subject, duty, period, due, done, status, overdue since) of what is not met."""
    rows = []
    for r in compliance.problems()[:limit]:
        subject = f"{r.unit}：{r.subject}" if r.kind == "cadre" else r.subject
        rows.append((r.township, subject, r.duty_label, r.period, r.due, r.done, r.status,
                     r.overdue_since.isoformat() if r.overdue_since else ""))
    return rows


def chart_townships(report: Report) -> list[tuple]:
    """The townships a bar chart draws: all of a county's, the busiest 40 of a province's
    (in their table order); the table beside the chart lists them all."""
    rows = report.by_township
    if len(rows) <= CHART_TOWNSHIPS:
        return list(rows)
    busiest = set(sorted(range(len(rows)), key=lambda i: -rows[i][1])[:CHART_TOWNSHIPS])
    return [row for i, row in enumerate(rows) if i in busiest]
