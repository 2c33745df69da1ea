"""The rows of the report's tables, shared by the PDF, the workbook and the on-screen page, so
all three show the same figures in the same words."""

from __future__ import annotations

from pairing_desktop.core.activities.types import NUMBER_FIELDS, NUMBER_LABELS
from pairing_desktop.core.duties.checks import Compliance
from pairing_desktop.core.reports.figures import (
    KindFigure,
    Report,
    change_text,
    format_amount,
    format_number,
)

KIND_HEADERS = ("类型", "次数", "合计", *(NUMBER_LABELS[n] for n in NUMBER_FIELDS))
VILLAGE_HEADERS = ("贫困类别", "村数", "其中结对帮扶")
COMPARE_HEADERS = ("项目", "本期", "上年同期", "增减")
# a kind's row on the report page: its figure beside last year's, then what it adds up
COMPARED_KIND_HEADERS = ("类型", *COMPARE_HEADERS[1:], "次数",
                         *(NUMBER_LABELS[n] for n in NUMBER_FIELDS))
PROBLEM_HEADERS = ("乡镇", "对象", "职责", "期间", "应完成", "已完成", "情况", "逾期起始日")
CHART_TOWNSHIPS = 40  # more bars than this cannot be read on a page: the busiest are drawn

SUBJECT_KINDS = {"pairing": "结对", "cadre": "干部", "household": "贫困户", "target": "目标",
                 "stationed": "驻村干部"}


def kind_row(kind: KindFigure) -> list[str]:
    """[name, records, the headline with its counter word, one cell per number field: the sum
    if the kind carries it, else blank]."""
    return [kind.name, format_number(kind.records), kind.amount_text,
            *(format_number(kind.sums[n]) if n in kind.measures else "" for n in NUMBER_FIELDS)]


def village_rows(report: Report) -> list[list[str]]:
    return [[cls, f"{format_number(n)}个", f"{format_number(paired)}个"]
            for cls, n, paired in report.villages]


def comparisons(report: Report) -> list[tuple[str, float, float, str]]:
    """(figure, this period, the same period last year, counter word) of every figure that
    has a previous year: the network, the villages and their pairings, each kind's headline."""
    rows: list[tuple[str, float, float, str]] = [
        (label, value, before, measure) for (label, value, measure), before
        in zip(report.network, report.previous_network, strict=True)]
    for (cls, n, paired), (_cls, n0, paired0) in zip(report.villages, report.previous_villages,
                                                     strict=True):
        rows.append((cls, n, n0, "个"))
        rows.append((f"{cls}（结对帮扶）", paired, paired0, "个"))
    rows += [(k.name, k.headline_value, k.previous_value, k.unit) for k in report.kinds]
    return rows


def comparison_row(label: str, now: float, before: float, unit: str) -> list[str]:
    return [label, format_amount(now, unit), format_amount(before, unit),
            change_text(now, before, unit)]


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


def compared_kind_row(kind: KindFigure) -> list[str]:
    """[name, this period, last year, change, records, the sum of each number it carries]."""
    return [*comparison_row(kind.name, kind.headline_value, kind.previous_value, kind.unit),
            format_number(kind.records),
            *(format_number(kind.sums[n]) if n in kind.measures else "" for n in NUMBER_FIELDS)]
