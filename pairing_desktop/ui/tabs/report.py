"""统计报告: the county report on screen (figures, per-township bars, quarterly trend), and the
buttons that write the same report as a PDF or a workbook. Every number comes from
`core.reports.figures.build_report`; the tables use the rows the PDF and workbook use. The period
is a year (the common case, one click), a part of it, or two typed dates; `core.reports.period`
reads and refuses it.

The report is computed, and saved, off the GUI thread (`ui.background`): a province-sized file
takes seconds, and the workbook alone a few more. Only the latest 生成报告 is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core.entities import FieldSpec
from pairing_desktop.core.errors import PairingError, ValidationError, os_reason
from pairing_desktop.core.reports.behind import (
    Behind,
    BehindList,
    duty_behind,
    kind_behind,
    network_behind,
    village_behind,
)
from pairing_desktop.core.reports.export import write_report
from pairing_desktop.core.reports.figures import Report, build_report, format_number
from pairing_desktop.core.reports.layout import (
    COMPARE_HEADERS,
    COMPARED_KIND_HEADERS,
    chart_townships,
    compared_kind_row,
    comparison_row,
)
from pairing_desktop.core.reports.period import parse_period, year_part
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.ui.background import Background
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_form import ERROR_STYLE, DateEditor
from pairing_desktop.ui.tabs.base import Tab
from pairing_desktop.ui.tabs.overview import RecordsDialog
from pairing_desktop.ui.township_filter import TownshipFilter

SECTION_BACKGROUND = "#e8eef5"
CUSTOM = "custom"


def tr(text: str) -> str:
    return QCoreApplication.translate("report", text)


class SaveAs:
    """The save-file question, as a classmethod a test answers without a modal dialog."""

    @classmethod
    def path(cls, parent: QWidget | None, suggested: str, pattern: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, tr("保存报告"), suggested, pattern)
        return path


def write_or_refuse(ledger: Ledger, report: Report, path: Path) -> Path:
    """write_report, with a file that cannot be written (open in Excel, a read-only folder)
    refused in Chinese: that is the clerk's to fix, not a program error."""
    try:
        return write_report(ledger, report, path)
    except OSError as exc:
        raise PairingError(tr("无法写入 {0}：{1}").format(path, os_reason(exc))) from exc


class ReportTab(Tab):
    """Built on demand (生成报告), so records changed meanwhile show in the next report."""

    built = Signal(object)  # the Report now shown
    saved = Signal(object)  # the Path written
    figure_opened = Signal(object)  # the RecordsDialog of a figure double-clicked

    def __init__(self, host: LedgerHost, parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today):
        super().__init__(host, parent)
        self.today = today
        self.report: Report | None = None
        self.behind: list[Behind | None] = []  # per table row: the records behind its figure
        self.dialogs: list[RecordsDialog] = []
        self.computing = Background(self, tr("生成统计报告"))
        self.computing.ended.connect(self._computing_ended)
        self.computing.refused.connect(lambda message: self._say(message, error=True))
        self.computing.done.connect(self._built)
        self.saving = Background(self, tr("保存统计报告"))
        self.saving.ended.connect(self._saving_ended)
        self.saving.refused.connect(
            lambda message: self._say(tr("保存失败：{0}").format(message), error=True))
        self.saving.done.connect(self._saved)
        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setRange(1949, 2100)
        self.year.setValue(today().year)
        self.year.setSuffix(tr(" 年"))
        self.part = QComboBox(self)
        self.part.setObjectName("part")
        for code, label in (("year", tr("全年")), ("q1", tr("第一季度")), ("q2", tr("第二季度")),
                            ("q3", tr("第三季度")), ("q4", tr("第四季度")), ("h1", tr("上半年")),
                            ("h2", tr("下半年")), (CUSTOM, tr("自定义时段"))):
            self.part.addItem(label, code)
        self.date_from = self._date_field("date_from", tr("开始日期"))
        self.date_to = self._date_field("date_to", tr("结束日期"))
        self.year.valueChanged.connect(self._period_changed)
        self.part.currentIndexChanged.connect(self._period_changed)
        self.township = TownshipFilter(host, tr("全县"), self)
        self.township.setObjectName("township")
        self.make = QPushButton(tr("生成报告"), self)
        self.make.setObjectName("make")
        self.save_pdf = QPushButton(tr("保存为 PDF…"), self)
        self.save_pdf.setObjectName("save_pdf")
        self.save_xlsx = QPushButton(tr("保存为 Excel 工作簿…"), self)
        self.save_xlsx.setObjectName("save_xlsx")
        self.make.clicked.connect(self.build)
        self.save_pdf.clicked.connect(lambda: self.save(".pdf"))
        self.save_xlsx.clicked.connect(lambda: self.save(".xlsx"))
        bar = QHBoxLayout()
        for widget in (QLabel(tr("年度"), self), self.year, self.part, self.date_from,
                       QLabel(tr("至"), self), self.date_to, QLabel(tr("范围"), self),
                       self.township, self.make, self.save_pdf, self.save_xlsx):
            bar.addWidget(widget)
        bar.addStretch(1)

        self.title = QLabel(self)
        self.title.setObjectName("title")
        self.headline = QLabel(self)
        self.headline.setObjectName("headline")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.table = QTableWidget(self)
        self.table.setObjectName("figures")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.cellDoubleClicked.connect(self.open_figure)
        self.by_township = self._chart_view("by_township")
        self.by_quarter = self._chart_view("by_quarter")
        charts = QWidget(self)
        charts_layout = QVBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        charts_layout.addWidget(self.by_township, 3)
        charts_layout.addWidget(self.by_quarter, 2)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(charts)
        splitter.setSizes([750, 600])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.title)
        layout.addWidget(self.headline)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self._period_changed()
        self._enable()
        host.replaced.connect(self._forget)

    def _date_field(self, name: str, label: str) -> DateEditor:
        field = DateEditor(FieldSpec(name, label, "date"), self)
        field.setObjectName(name)
        field.setPlaceholderText(label)
        field.setToolTip(tr("{0}：如 2025-07-01，也可输入 2025/7/1、20250701").format(label))
        field.setFixedWidth(field.fontMetrics().horizontalAdvance("2025-07-01") + 48)
        return field

    def _period_changed(self) -> None:
        """A year or a part of one shows its dates; the custom period starts from them."""
        custom = self.part.currentData() == CUSTOM
        self.year.setEnabled(not custom)
        for field in (self.date_from, self.date_to):
            field.setEnabled(custom)
        if not custom:
            d0, d1 = year_part(self.year.value(), self.part.currentData())
            self.date_from.setText(d0.isoformat())
            self.date_to.setText(d1.isoformat())

    def period(self) -> tuple[dt.date, dt.date]:
        """The chosen period; ValidationError (Chinese, naming the field) if it cannot be."""
        if self.part.currentData() == CUSTOM:
            return parse_period(self.date_from.text(), self.date_to.text(), self.today())
        return year_part(self.year.value(), self.part.currentData())

    def _chart_view(self, name: str) -> QChartView:
        view = QChartView(self)
        view.setObjectName(name)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(200)
        return view

    def _enable(self) -> None:
        for button in (self.save_pdf, self.save_xlsx):
            button.setEnabled(self.report is not None and not self.saving.running)

    def township_id(self) -> Any:
        return self.township.township_id()

    # --- building ----------------------------------------------------------------------------

    def build(self) -> bool:
        """Start computing the report of the chosen period (`built` when it is shown); False,
        and the message why, if the period cannot be."""
        try:
            date_from, date_to = self.period()
        except ValidationError as exc:
            self._say(str(exc), error=True)
            wrong = [f for f in (self.date_from, self.date_to) if f.objectName() in exc.errors]
            if wrong:
                wrong[0].setFocus()
            return False
        # duties are judged as of the end of the period, or today while it runs
        as_of = min(self.today(), date_to + dt.timedelta(days=1))
        self._say(tr("正在统计……"))
        self.computing.read(self.host.ledger, build_report, date_from, date_to,
                            self.township_id(), as_of=as_of)
        return True

    def _computing_ended(self, ok: bool) -> None:
        if not ok:  # a refusal says why next; a program error is shown and logged
            self._say(tr("报告未生成。"), error=True)

    def _built(self, report: Report) -> None:
        self.report = report
        self._show(report)
        self._enable()
        self.built.emit(report)

    def _show(self, report: Report) -> None:
        self.title.setText(f"<b>{report.title}{tr('城乡共建“1+1”结对帮扶工作统计')}"
                           f"（{report.period_text}）</b>")
        done = [k.headline_text for k in report.kinds if k.records]
        self.headline.setText("，".join(done) + "。" if done else tr("本期没有记录。"))
        self._fill_table(report)
        self._draw_township_chart(report)
        self._draw_quarter_chart(report)
        self._say(tr("双击表中的数字，查看它所依据的记录。"))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def _fill_table(self, report: Report) -> None:
        """Every figure beside last year's, each row knowing the records behind it."""
        Row = tuple[str, list[str], Behind | None]  # ("section" | "row" | "header" | "note")
        rows: list[Row] = [("section", [tr("一、帮扶网络")], None),
                           ("header", [tr("项目"), *COMPARE_HEADERS[1:]], None)]
        rows += [("row", comparison_row(label, value, before, measure),
                  network_behind(report, label))
                 for (label, value, measure), before in zip(report.network,
                                                            report.previous_network,
                                                            strict=True)]
        rows.append(("section", [tr("村（按贫困类别）")], None))
        rows.append(("header", [tr("贫困类别"), *COMPARE_HEADERS[1:]], None))
        for (cls, n, paired), (_cls, n0, paired0) in zip(report.villages,
                                                         report.previous_villages, strict=True):
            rows.append(("row", comparison_row(cls, n, n0, "个"), village_behind(report, cls)))
            rows.append(("row", comparison_row(tr("{0}（结对帮扶）").format(cls), paired,
                                               paired0, "个"),
                         village_behind(report, cls, paired=True)))
        for heading, kinds in ((tr("二、帮扶活动"), report.activities),
                               (tr("三、帮扶成效"), report.outcomes)):
            rows.append(("section", [heading], None))
            rows.append(("header", list(COMPARED_KIND_HEADERS), None))
            rows += [("row", compared_kind_row(k), kind_behind(report, k)) for k in kinds]
        rows.append(("section", [tr("四、职责落实情况")], None))
        rows.append(("header", [tr("职责"), tr("应查"), tr("已完成"), tr("未到期"),
                                tr("逾期/不足")], None))
        rows += [("row", [label, *(format_number(v) for v in values)],
                  duty_behind(report, label)) for label, *values in report.duties]
        rows += [("note", [tr("{0}计入：{1}").format(duty, "、".join(names) or tr("（无）"))],
                  None) for duty, names in report.duty_kinds]
        self.behind = [behind for _kind, _cells, behind in rows]
        self.table.clear()
        self.table.setColumnCount(len(COMPARED_KIND_HEADERS))
        self.table.setHorizontalHeaderLabels([tr("项目"), *COMPARED_KIND_HEADERS[1:]])
        self.table.setRowCount(len(rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for r, (kind, cells, behind) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c and kind == "row":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if kind in ("section", "header"):
                    item.setFont(bold)
                    item.setBackground(QBrush(QColor(SECTION_BACKGROUND)))
                if behind is not None:
                    item.setToolTip(tr("双击查看这个数所依据的记录"))
                self.table.setItem(r, c, item)
            if kind in ("section", "note"):
                self.table.setSpan(r, 0, 1, len(COMPARED_KIND_HEADERS))
        self.table.setColumnWidth(0, 200)
        for c in range(1, len(COMPARED_KIND_HEADERS)):
            self.table.setColumnWidth(c, 84 if c < 3 else 70)
        self.table.resizeColumnToContents(3)  # the change: “+10.6万元（+9.4%）”

    # --- the records behind a figure ---------------------------------------------------------

    def row_of(self, label: str) -> int:
        """The table row of a figure by its label (for tests and screenshots); -1 if none."""
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.text() == label and self.behind[r] is not None:
                return r
        return -1

    def open_figure(self, row: int, _column: int = 0) -> RecordsDialog | None:
        """Double-click on a figure: its records in a window of their own (non-modal)."""
        behind = self.behind[row] if 0 <= row < len(self.behind) else None
        if behind is None:
            return None
        dialog = RecordsDialog(self.host, lambda ledger: BehindList(ledger, behind),
                               behind.kinds, behind.title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _result, d=dialog: self.dialogs.remove(d))
        dialog.show()
        self.figure_opened.emit(dialog)
        return dialog

    def _chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.setTitleFont(self.font())
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        return chart

    def _axes(self, chart: QChart, series: Any, labels: list[str], top: float,
              angle: int = 0) -> None:
        x = QBarCategoryAxis()
        x.append(labels)
        x.setLabelsFont(self.font())
        x.setLabelsAngle(angle)
        x.setTruncateLabels(False)
        y = QValueAxis()
        y.setRange(0, max(4.0, top * 1.15))
        y.applyNiceNumbers()
        y.setLabelFormat("%d")
        y.setLabelsFont(self.font())
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    def _draw_township_chart(self, report: Report) -> None:
        shown = chart_townships(report)
        title = tr("各乡镇帮扶活动次数")
        if len(shown) < len(report.by_township):
            title += tr("（活动最多的{0}个）").format(len(shown))
        chart = self._chart(title)
        bars = QBarSet(tr("活动次数"))
        bars.setColor(QColor("#4a78a8"))
        values = [row[1] for row in shown]
        bars.append([float(v) for v in values])
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(len(values) <= 12)
        chart.addSeries(series)
        self._axes(chart, series, [row[0] for row in shown], max(values or [0]),
                   angle=-90 if len(values) > 8 else 0)
        self.by_township.setChart(chart)

    def _draw_quarter_chart(self, report: Report) -> None:
        chart = self._chart(tr("各季度帮扶活动次数"))
        series = QLineSeries()
        series.setPointsVisible(True)
        series.setPointLabelsVisible(True)
        series.setPointLabelsFormat("@yPoint")
        series.setPointLabelsFont(self.font())
        for i, (_label, count, _money) in enumerate(report.by_quarter):
            series.append(float(i), float(count))
        chart.addSeries(series)
        labels = [label for label, _n, _m in report.by_quarter]
        if len({label[:5] for label in labels}) == 1:  # one year: the quarter alone
            labels = [label[5:] for label in labels]
        self._axes(chart, series, labels or [""], max((n for _q, n, _m in report.by_quarter),
                                                      default=0))
        self.by_quarter.setChart(chart)

    # --- saving ------------------------------------------------------------------------------

    def save(self, suffix: str) -> Path | None:
        """Ask where, then write the report shown there in the background (`saved` when
        written); the path chosen, or None when there is nothing to save or no path."""
        if self.report is None:
            return None
        name = f"{self.report.title}{tr('结对帮扶统计报告')}{self.report.period_slug}{suffix}"
        pattern = tr("PDF 文件 (*.pdf)") if suffix == ".pdf" else tr("Excel 工作簿 (*.xlsx)")
        path = SaveAs.path(self, name, pattern)
        if not path:
            return None
        if not path.lower().endswith(suffix):
            path += suffix
        self._say(tr("正在保存……"))
        self.saving.read(self.host.ledger, write_or_refuse, self.report, Path(path))
        self._enable()
        return Path(path)

    def _saving_ended(self, ok: bool) -> None:
        self._enable()
        if not ok:  # a refusal says why next
            self._say(tr("没有保存。"), error=True)

    def _saved(self, written: Path) -> None:
        self._say(tr("已保存：{0}").format(written))
        self.saved.emit(written)

    def _forget(self) -> None:
        """Another file was opened: the report shown, or being made, was of the old one."""
        self.computing.forget()
        self.report = None
        self.behind = []
        self.table.clear()
        self.table.setRowCount(0)
        self.title.clear()
        self.headline.clear()
        self._enable()
