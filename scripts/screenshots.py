"""Screenshots of every tab of the main window at 1366x768, from the demo county.

    python scripts/screenshots.py [--out docs/screenshots]

Builds the demo county into a temporary file (with this year's target letters made), opens
the window offscreen, selects a record in each list so the dependent lists are filled, and
saves `<tab>.png` for each tab, plus `units-errors.png` showing the messages of a bad save,
`ranks.png` with the quota table, `picker.png` with a household picker offering the matches of
a typed surname, `calendar.png` with a date field's calendar open, the 帮扶活动 tab with a record
being typed, `report-page1.png` (page 1 of the county report PDF), and the 操作日志, 回收站 and
操作员账户 windows after a few edits; and the import: `import-preview.png` (文件 → 导入… on a
village's workbook in a provincial system's layout: the column mapping and the check's counts),
`import-errors.png` (the same dialog listing the refused cells of a workbook with the classic
traps) and `import-error-book.png` (the error workbook written for it, read back with openpyxl
and drawn as a table: a rendering of its cells and colours, not a picture of Excel).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# The offscreen platform's screen is 800x800 by default: pop-ups opened from a 1366x768 window
# would be pushed back onto it. Give it a laptop's screen instead.
if "QT_QPA_PLATFORM" not in os.environ:
    _SCREEN = Path(tempfile.gettempdir()) / "pairing_desktop_screenshots_screen.json"
    _SCREEN.write_text(json.dumps({"screens": [{
        "name": "screenshots", "x": 0, "y": 0, "width": 1920, "height": 1080,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402
import pypdfium2  # noqa: E402
from PySide6.QtCore import QPoint, QSettings, Qt, QThreadPool  # noqa: E402
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core import auth, exchange, records  # noqa: E402
from pairing_desktop.core import operations as ops  # noqa: E402
from pairing_desktop.core.demo import make_demo_file  # noqa: E402
from pairing_desktop.core.exchange.workbook_format import FORMATS  # noqa: E402
from pairing_desktop.core.ledgers import open_ledger  # noqa: E402
from pairing_desktop.core.letters.batch import generate  # noqa: E402
from pairing_desktop.core.letters.lifecycle import LetterList, mark_printed  # noqa: E402
from pairing_desktop.core.reports.export import write_report  # noqa: E402
from pairing_desktop.core.storage.ledger import Ledger  # noqa: E402
from pairing_desktop.core.storage.models import (  # noqa: E402
    ActivityType,
    Household,
    UnitVillagePairing,
)
from pairing_desktop.core.validation import id_check_digit  # noqa: E402
from pairing_desktop.ui.app import make_application  # noqa: E402
from pairing_desktop.ui.import_dialog import ImportDialog  # noqa: E402
from pairing_desktop.ui.main_window import MainWindow  # noqa: E402
from pairing_desktop.ui.record_panel import RecordPanel  # noqa: E402

SIZE = (1366, 768)


def fill_county(ledger: Ledger) -> None:
    """This year's target letters made and some printed, and a few edits for the history and
    the recycle bin (the demo county itself is made by make_demo_file)."""
    year = dt.date.today().year
    with tempfile.TemporaryDirectory() as tmp:
        generate(ledger, "target", year, Path(tmp) / "letters.pdf")
    made = [letter_id for letter_id, *_ in LetterList(ledger, {"year": year}).page(limit=30)]
    mark_printed(ledger, made, by="县委组织部")
    village = records.choices(ledger, "village", "新")[0][0]
    ops.save(ledger, "village", village, {"secretary": "罗文华", "households": 432})
    household = ops.save(ledger, "household", None, {
        "village": village, "head_name": "杨秀英", "group_name": "三组", "members": 4})
    ops.save(ledger, "household", household.record_id, {"income_per_capita": "1860"})
    unit = ops.save(ledger, "unit", None, {"name": "县档案馆", "level": "县直"})
    ops.delete(ledger, "unit", unit.record_id)


def select_first(panel: RecordPanel) -> None:
    """Show the first record of a list, as a clerk's click would."""
    record_id = panel.list.model.id_at(0)
    if record_id is not None:
        panel.list.select_id(record_id)
        panel.show_record(record_id)


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def grab_with_popup(window: QWidget, popup: QWidget) -> QPixmap:
    """The window with an open pop-up drawn where it is: a pop-up is a window of its own, and
    `grab()` of the main window leaves it out."""
    shot = window.grab()
    painter = QPainter(shot)
    painter.drawPixmap(window.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0))), popup.grab())
    painter.end()
    return shot


def wait_for_workers(app: QApplication) -> None:
    """Let background work (the dashboard's checks, the report) finish and be shown."""
    QThreadPool.globalInstance().waitForDone()
    settle(app)
    QThreadPool.globalInstance().waitForDone()
    settle(app)


def picker_shots(app: QApplication, window: MainWindow, out: Path) -> None:
    """A household picker searching for a typed surname, and a date field's calendar."""
    tab = window.tab("assignments")
    window.tabs.setCurrentWidget(tab)
    panel = tab.assignments
    panel.new()
    settle(app)
    household = panel.form.editors["household"]
    window.activateWindow()  # the matches pop up for the field that has the focus
    household.setFocus()
    settle(app)
    household.lineEdit().setText("王")
    household.search_now()
    settle(app)
    grab_with_popup(window, household.completer().popup()).save(str(out / "picker.png"))
    household.completer().popup().hide()
    started = panel.form.editors["started_on"]
    started.setText("2008/1/5")
    started.show_calendar()
    settle(app)
    grab_with_popup(window, started.calendar).save(str(out / "calendar.png"))
    started.calendar.hide()
    panel.revert()


def activity_shots(app: QApplication, window: MainWindow, out: Path, tmp: Path) -> None:
    """帮扶活动 with a record being typed, 总览 once computed, 统计报告 built, and page 1 of the
    county report PDF."""
    ledger = window.host.ledger
    tab = window.tab("activities")
    window.tabs.setCurrentWidget(tab)
    form = tab.form
    with ledger.bound():
        training = ActivityType.get(ActivityType.code == "training").id
        pairing = UnitVillagePairing.live().order_by(UnitVillagePairing.id).first().id
    form.set_kind(training)
    form.pairing.set_value(pairing)
    form.numbers["participants"].setText("3")
    form.numbers["people"].setText("45")
    form.texts["description"].setText("蔬菜大棚种植技术培训")
    settle(app)
    window.grab().save(str(out / "activities.png"))
    form.load_new()  # leave the tab without the unsaved-edits question

    window.tabs.setCurrentWidget(window.tab("overview"))
    wait_for_workers(app)
    window.grab().save(str(out / "overview.png"))

    report_tab = window.tab("report")
    window.tabs.setCurrentWidget(report_tab)
    shown = []
    report_tab.built.connect(shown.append)
    report_tab.build()
    wait_for_workers(app)
    window.grab().save(str(out / "report.png"))
    pdf = pypdfium2.PdfDocument(str(write_report(ledger, shown[-1], tmp / "report.pdf")))
    try:
        pdf[0].render(scale=80 / 72).to_pil().save(out / "report-page1.png")
    finally:
        pdf.close()


def window_shots(app: QApplication, window: MainWindow, out: Path) -> None:
    """The 操作日志, the 回收站 and the operators' accounts, each over the main window."""
    for name, show in (("history", window.show_history), ("recycle-bin", window.show_recycle_bin),
                       ("operators", window.show_operators)):
        shown = show()
        shown.resize(1100, 560)
        settle(app)
        shown.grab().save(str(out / f"{name}.png"))
        shown.close()


# --- the import ------------------------------------------------------------------------------

# A provincial poverty system's export (issue 11): its own headings, units in brackets, codes.
PROVINCIAL = ["户码*", "乡镇", "村", "组名*", "户主姓名*", "人口*", "劳动力*", "承包耕地面积(亩)*",
              "农户属性*", "电话号码", "贫困原因*", "户主身份证号码*"]
NEWCOMERS = (("龙秀英", "19780312", "002"), ("吴国强", "19650921", "013"),
             ("杨再兴", "19881104", "031"))


def new_id_number(birth: str, order: str) -> str:
    first17 = "520522" + birth + order
    return first17 + id_check_digit(first17)


def save_workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def first_paired_village(ledger: Ledger) -> tuple[str, str, str, list[Household]]:
    """The unit, township and village of the first unit–village pairing, and that village's
    households in the order a list has."""
    with ledger.bound():
        pairing = UnitVillagePairing.live().order_by(UnitVillagePairing.id).first()
        households = list(Household.live().where(Household.village == pairing.village_id)
                          .order_by(Household.group_name, Household.id).limit(14))
        return (pairing.unit.name, pairing.village.township.name, pairing.village.name,
                households)


def county_workbook(ledger: Ledger, path: Path) -> Path:
    """One village's households as the provincial system exports them: most as the ledger has
    them, two with one more person, three new families."""
    _unit, town, village, households = first_paired_village(ledger)
    rows = [[f"5205220010{n + 1:06d}", town, village, h.group_name, h.head_name,
             h.members + (1 if n in (2, 7) else 0), 2, 3.5, f"{h.kind}贫困户", h.phone,
             h.poverty_cause, h.id_number] for n, h in enumerate(households)]
    for name, birth, order in NEWCOMERS:
        rows.append([f"5205220010{len(rows) + 1:06d}", town, village, "五组", name, 3, 2, 2.0,
                     "一般贫困户", None, "缺技术", new_id_number(birth, order)])
    return save_workbook(path, {"Sheet1": [PROVINCIAL, *rows]})


def trap_workbook(ledger: Ledger, path: Path) -> Path:
    """Our own format, with the classic traps: an ID number Excel turned into a number, a
    village the ledger does not have, a date that does not exist."""
    unit, town, village, households = first_paired_village(ledger)
    headings = [c.heading for c in FORMATS["household"].columns]

    def row(h: Household, **changed: object) -> list:
        values = {"乡镇": town, "所在村": village, "村民组": h.group_name, "户主": h.head_name,
                  "身份证号": h.id_number, "电话": h.phone, "家庭人口": h.members,
                  "类型": h.kind, "人均纯收入（元）": h.income_per_capita,
                  "主要致贫原因": h.poverty_cause, **changed}
        return [values.get(heading) for heading in headings]

    (name, birth, order), (other, birth2, order2) = NEWCOMERS[:2]
    rows = [row(households[0]), row(households[1]),
            row(households[2], 户主=name, 身份证号=float(new_id_number(birth, order))),
            row(households[3], 户主=other, 所在村="石门村", 身份证号=new_id_number(birth2, order2)),
            row(households[4])]
    pairings = [[c.heading for c in FORMATS["uv_pairing"].columns][:5],
                [unit, town, village, "2025-2-30", "帮扶中"]]
    return save_workbook(path, {"贫困户": [headings, *rows], "单位–村结对": pairings})


def checked_dialog(app: QApplication, window: MainWindow, path: Path) -> ImportDialog:
    """文件 → 导入… on `path` (its mapping shown), after a click on 检查."""
    dialog = ImportDialog(window.host, exchange.plan_book(window.host.ledger, path), window)
    dialog.resize(980, 700)
    dialog.show()
    dialog.check()
    settle(app)
    return dialog


def excel_width(width: float | None) -> int:
    """Pixels of an Excel column width (characters of the default font) at 96 dpi."""
    return round((width or 8.43) * 7 + 5)


def shown_value(value: object) -> str:
    """A cell's value as Excel's General format shows it."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, float) and abs(value) >= 1e11:
        return f"{value:.5E}"  # 5.20522E+17: what a clerk sees in Excel
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def sheet_table(sheet) -> QTableWidget:
    """A worksheet's cells in a table sized to show all of them: values, fills, font colours
    and bold as the file holds them, Excel's column letters and row numbers."""
    table = QTableWidget(sheet.max_row, sheet.max_column)
    table.setHorizontalHeaderLabels([openpyxl.utils.get_column_letter(c + 1)
                                     for c in range(sheet.max_column)])
    table.setWordWrap(True)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no current cell's frame: nothing is selected
    table.setShowGrid(True)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    for r, cells in enumerate(sheet.iter_rows()):
        for c, cell in enumerate(cells):
            item = QTableWidgetItem(shown_value(cell.value))
            if cell.fill.fill_type == "solid":
                item.setBackground(QBrush(QColor(f"#{cell.fill.fgColor.rgb[-6:]}")))
            if cell.font.color is not None and isinstance(cell.font.color.rgb, str):
                item.setForeground(QBrush(QColor(f"#{cell.font.color.rgb[-6:]}")))
            if cell.font.b:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            if isinstance(cell.value, int | float):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    for letter, dimension in sheet.column_dimensions.items():
        if dimension.width:  # the 错误 column: as wide as the file makes it, its text wrapped
            table.setColumnWidth(openpyxl.utils.column_index_from_string(letter) - 1,
                                 excel_width(dimension.width))
    table.resizeRowsToContents()
    table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
    return table


def error_book_picture(path: Path) -> QWidget:
    """Every sheet of the error workbook, one under the other, each under its name."""
    book = openpyxl.load_workbook(path)
    picture = QWidget()
    layout = QVBoxLayout(picture)
    title = QLabel(f"{path.name}（用 openpyxl 读回文件中的单元格、填充色和字体颜色后绘制）")
    layout.addWidget(title)
    for sheet in book.worksheets:
        layout.addWidget(QLabel(f"工作表“{sheet.title}”"))
        layout.addWidget(sheet_table(sheet))
    layout.addStretch(1)
    return picture


def import_shots(app: QApplication, window: MainWindow, out: Path, tmp: Path) -> None:
    """The import dialog previewing a county workbook, the same dialog listing the refused
    cells of a workbook with traps, and the error workbook written for it."""
    ledger = window.host.ledger
    county = county_workbook(ledger, tmp / "村贫困户（省系统导出）.xlsx")
    dialog = checked_dialog(app, window, county)
    dialog.grab().save(str(out / "import-preview.png"))
    dialog.close()
    dialog = checked_dialog(app, window, trap_workbook(ledger, tmp / "贫困户与结对（有错）.xlsx"))
    dialog.grab().save(str(out / "import-errors.png"))
    written = exchange.write_errors(dialog.result)
    dialog.close()
    picture = error_book_picture(written)
    picture.setWindowFlag(Qt.WindowType.Tool)
    picture.show()
    settle(app)
    picture.adjustSize()
    settle(app)
    picture.grab().save(str(out / "import-error-book.png"))
    picture.close()


@contextmanager
def demo_window(fill: bool = False) -> Iterator[tuple[QApplication, MainWindow, Path]]:
    """The demo county (with `fill_county`'s extra records when `fill`) in a window of SIZE,
    shown, its files in a temporary folder that is removed afterwards."""
    app = make_application([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "演示县.db"
        make_demo_file(path)
        with open_ledger(path) as ledger:
            auth.auto_login(ledger)  # the demo county's administrator, without a password
            if fill:
                fill_county(ledger)
            settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
            window = MainWindow(ledger, settings)
            window.resize(*SIZE)
            window.show()
            yield app, window, Path(tmp)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with demo_window(fill=True) as (app, window, tmp):
        settle(app)
        saved = []
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            tab = window.tabs.widget(index)
            for panel in getattr(tab, "panels", [])[:2]:  # the parents; children follow
                select_first(panel)
            wait_for_workers(app)
            name = tab.objectName() or f"tab{index}"
            window.grab().save(str(args.out / f"{name}.png"))
            saved.append(name)
        units_tab = window.tab("units")
        window.tabs.setCurrentWidget(units_tab)
        units = units_tab.units
        units.new()
        units.form.set_values({"name": "县委组织部", "contact_phone": "12345"})
        units.save()
        settle(app)
        window.grab().save(str(args.out / "units-errors.png"))
        units.revert()
        dialog = window.tab("assignments").edit_ranks()
        select_first(dialog.panel)
        settle(app)
        dialog.grab().save(str(args.out / "ranks.png"))
        dialog.close()
        picker_shots(app, window, args.out)
        activity_shots(app, window, args.out, tmp)
        window_shots(app, window, args.out)
        import_shots(app, window, args.out, tmp)
        window.close()
    saved += ["units-errors", "ranks", "picker", "calendar", "report-page1", "history",
              "recycle-bin", "operators", "import-preview", "import-errors", "import-error-book"]
    print(f"demo county: {', '.join(saved)} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
