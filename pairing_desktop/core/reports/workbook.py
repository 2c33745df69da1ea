"""The county report as an .xlsx workbook: one sheet of figures, one sheet per underlying list.

The lists are the records behind the figures (every activity of the period, per township, per
quarter, the duty problems), so a reader can check any figure by filtering a sheet. Numbers are
written as numbers, not text, so Excel can sum them again. Written in openpyxl's write-only mode
to keep memory flat on a province-sized file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

import pairing_desktop
from pairing_desktop.core.activities.types import NUMBER_FIELDS, NUMBER_LABELS
from pairing_desktop.core.duties.checks import STATUS_LABELS, unassigned_rows
from pairing_desktop.core.reports.figures import IN_TOWNSHIP, Report, query_rows
from pairing_desktop.core.reports.layout import KIND_HEADERS, PROBLEM_HEADERS, problem_rows
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger

FIGURES_SHEET = "报告数字"
ACTIVITY_HEADERS = ("日期", "乡镇", "帮扶单位", "村", "干部", "贫困户", "类型",
                    *(NUMBER_LABELS[n] for n in NUMBER_FIELDS), "活动内容")
ACTIVITY_LIST_SQL = f"""
SELECT a.date, t.name, u.name, v.name, c.name, h.head_name, ty.name,
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
ORDER BY a.date, t.name, u.name, v.name
"""


def _bold(ws, values) -> list[WriteOnlyCell]:
    cells = []
    for v in values:
        cell = WriteOnlyCell(ws, value=v)
        cell.font = Font(bold=True)
        cells.append(cell)
    return cells


@uses_ledger
def write_workbook(ledger: Ledger, report: Report, path: str | Path) -> Path:
    """The figures, then the lists behind them, read from the ledger as the file is written."""
    path = Path(path)
    wb = Workbook(write_only=True)
    wb.properties.creator = f"pairing-desktop {pairing_desktop.__version__}"
    ws = wb.create_sheet(FIGURES_SHEET)
    ws.append(_bold(ws, [f"{report.title}城乡共建“1+1”结对帮扶工作统计（{report.period_text}）"]))
    ws.append([])
    ws.append(_bold(ws, ["一、帮扶网络", "数量", "单位"]))
    for label, value, measure in report.network:
        ws.append([label, value, measure])
    for heading, kinds in (("二、帮扶活动", report.activities), ("三、帮扶成效", report.outcomes)):
        ws.append([])
        ws.append(_bold(ws, [heading]))
        ws.append(_bold(ws, list(KIND_HEADERS)))
        for k in kinds:
            ws.append([k.name, k.records,
                       *(k.sums[n] if n in k.measures else None for n in NUMBER_FIELDS)])
    ws.append([])
    ws.append(_bold(ws, ["四、职责落实情况", "应查", "已完成", "未到期", "逾期/不足"]))
    for row in report.duties:
        ws.append(list(row))

    params = {"d0": report.date_from.isoformat(), "d1": report.date_to.isoformat(),
              "tw": report.township_id.hex if report.township_id else None}
    ws = wb.create_sheet("活动明细")
    ws.append(_bold(ws, ACTIVITY_HEADERS))
    for day, *rest in query_rows(ACTIVITY_LIST_SQL, params):
        ws.append([dt.date.fromisoformat(day), *rest])

    ws = wb.create_sheet("分乡镇")
    ws.append(_bold(ws, ["乡镇", "活动次数", "投入资金（元）", "开展活动的结对"]))
    for row in report.by_township:
        ws.append(list(row))
    ws = wb.create_sheet("分季度")
    ws.append(_bold(ws, ["季度", "活动次数", "投入资金（元）"]))
    for row in report.by_quarter:
        ws.append(list(row))

    if report.compliance is not None:
        ws = wb.create_sheet("结对职责")
        ws.append(_bold(ws, ["乡镇", "帮扶单位", "结对", "职责", "期间", "应完成", "已完成", "情况",
                             "截止日期", "逾期起始日"]))
        for r in report.compliance.pairings + report.compliance.targets:
            ws.append([r.township, r.unit, r.subject, r.duty_label, r.period, r.due, r.done,
                       STATUS_LABELS[r.status], r.due_by, r.overdue_since])
        ws = wb.create_sheet("干部职责")
        ws.append(_bold(ws, ["单位", "干部（职级）", "职责", "期间", "应完成", "已完成", "情况"]))
        for r in report.compliance.cadres:
            ws.append([r.unit, r.subject, r.duty_label, r.period, r.due, r.done,
                       STATUS_LABELS[r.status]])

    ws = wb.create_sheet("职责问题")
    ws.append(_bold(ws, PROBLEM_HEADERS))
    if report.compliance is not None:
        for row in problem_rows(report.compliance):
            ws.append([*row[:6], STATUS_LABELS.get(row[6], row[6]), row[7]])
        for r in unassigned_rows(ledger, report.compliance.as_of, report.township_id):
            ws.append([r.township, r.subject, r.duty_label, r.period, r.due, r.done,
                       STATUS_LABELS[r.status], ""])
    wb.save(path)
    return path

