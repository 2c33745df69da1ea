"""Screenshots of every tab of the main window at 1366x768, from the demo county.

    python scripts/screenshots.py [--out docs/screenshots]

Builds the demo county into a temporary file (with this year's target letters made), opens
the window offscreen, selects a record in each list so the dependent lists are filled, and
saves `<tab>.png` for each tab, plus `units-errors.png` showing the messages of a bad save,
`ranks.png` with the quota table, `picker.png` with a household picker offering the matches of
a typed surname, `calendar.png` with a date field's calendar open, the 帮扶活动 tab with a record
being typed, `report-page1.png` (page 1 of the county report PDF), and the 操作日志, 回收站 and
操作员账户 windows after a few edits.
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

import pypdfium2  # noqa: E402
from PySide6.QtCore import QPoint, QSettings, QThreadPool  # noqa: E402
from PySide6.QtGui import QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from pairing_desktop.core import auth, records  # noqa: E402
from pairing_desktop.core import operations as ops  # noqa: E402
from pairing_desktop.core.demo import make_demo_file  # noqa: E402
from pairing_desktop.core.ledgers import open_ledger  # noqa: E402
from pairing_desktop.core.letters.batch import generate  # noqa: E402
from pairing_desktop.core.letters.lifecycle import LetterList, mark_printed  # noqa: E402
from pairing_desktop.core.reports.export import write_report  # noqa: E402
from pairing_desktop.core.storage.ledger import Ledger  # noqa: E402
from pairing_desktop.core.storage.models import ActivityType, UnitVillagePairing  # noqa: E402
from pairing_desktop.ui.app import make_application  # noqa: E402
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
        window.close()
    saved += ["units-errors", "ranks", "picker", "calendar", "report-page1", "history",
              "recycle-bin", "operators"]
    print(f"demo county: {', '.join(saved)} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
