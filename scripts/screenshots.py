"""Screenshots of every tab of the main window at 1366x768, from the demo county.

    python scripts/screenshots.py [--out docs/screenshots]

Builds the demo county into a temporary file (with this year's target letters made), opens
the window offscreen, selects a record in each list so the dependent lists are filled, and
saves `<tab>.png` for each tab, plus `units-errors.png` showing the messages of a bad save,
`ranks.png` with the quota table, `picker.png` with a household picker offering the matches of
a typed surname, `calendar.png` with a date field's calendar open, the 帮扶活动 tab with a record
being typed and `report-page1.png`, page 1 of the county report PDF.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
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
from PySide6.QtCore import QPoint, QSettings  # noqa: E402
from PySide6.QtGui import QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from pairing_desktop.core.demo import build_demo_county  # noqa: E402
from pairing_desktop.core.letters.batch import generate  # noqa: E402
from pairing_desktop.core.letters.lifecycle import LetterList, mark_printed  # noqa: E402
from pairing_desktop.core.reports.export import write_report  # noqa: E402
from pairing_desktop.core.storage.db import open_database  # noqa: E402
from pairing_desktop.core.storage.models import ActivityType, UnitVillagePairing  # noqa: E402
from pairing_desktop.ui.app import make_application  # noqa: E402
from pairing_desktop.ui.main_window import MainWindow  # noqa: E402
from pairing_desktop.ui.record_panel import RecordPanel  # noqa: E402

SIZE = (1366, 768)


def fill_county() -> None:
    """The demo county, with this year's target letters made and some of them printed."""
    build_demo_county(seed=2007)
    year = dt.date.today().year
    with tempfile.TemporaryDirectory() as tmp:
        generate("target", year, Path(tmp) / "letters.pdf")
    made = [letter_id for letter_id, *_ in LetterList({"year": year}).page(limit=30)]
    mark_printed(made, by="县委组织部")


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


def picker_shots(app: QApplication, window, out: Path) -> None:
    """A household picker searching for a typed surname, and a date field's calendar."""
    window.tabs.setCurrentIndex(3)
    panel = window.tabs.widget(3).assignments
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
    tabs = {window.tabs.widget(i).objectName(): i for i in range(window.tabs.count())}
    window.tabs.setCurrentIndex(tabs["activities"])
    form = window.tabs.widget(tabs["activities"]).form
    form.set_kind(ActivityType.get(ActivityType.code == "training").id)
    form.pairing.set_value(UnitVillagePairing.live().order_by(UnitVillagePairing.id).first().id)
    form.numbers["participants"].setText("3")
    form.numbers["people"].setText("45")
    form.texts["description"].setText("蔬菜大棚种植技术培训")
    settle(app)
    window.grab().save(str(out / "activities.png"))
    form.load_new()  # leave the tab without the unsaved-edits question

    window.tabs.setCurrentIndex(tabs["overview"])
    window.tabs.widget(tabs["overview"]).pool.waitForDone()
    settle(app)
    window.grab().save(str(out / "overview.png"))

    window.tabs.setCurrentIndex(tabs["report"])
    report = window.tabs.widget(tabs["report"]).build()
    settle(app)
    window.grab().save(str(out / "report.png"))
    pdf = pypdfium2.PdfDocument(str(write_report(report, tmp / "report.pdf")))
    try:
        pdf[0].render(scale=80 / 72).to_pil().save(out / "report-page1.png")
    finally:
        pdf.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = make_application([])
    with tempfile.TemporaryDirectory() as tmp:
        ledger = open_database(Path(tmp) / "演示县.db")
        try:
            fill_county()
            settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
            window = MainWindow(ledger, settings)
            window.resize(*SIZE)
            window.show()
            settle(app)
            saved = []
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
                tab = window.tabs.widget(index)
                for panel in getattr(tab, "panels", [])[:2]:  # the parents; children follow
                    select_first(panel)
                settle(app)
                name = tab.objectName() or f"tab{index}"
                window.grab().save(str(args.out / f"{name}.png"))
                saved.append(name)
            window.tabs.setCurrentIndex(0)
            units = window.tabs.widget(0).units
            units.new()
            units.form.set_values({"name": "县委组织部", "contact_phone": "12345"})
            units.save()
            settle(app)
            window.grab().save(str(args.out / "units-errors.png"))
            units.revert()
            dialog = window.tabs.widget(3).edit_ranks()
            select_first(dialog.panel)
            settle(app)
            dialog.grab().save(str(args.out / "ranks.png"))
            dialog.close()
            picker_shots(app, window, args.out)
            activity_shots(app, window, args.out, Path(tmp))
            window.close()
        finally:
            ledger.close()
    saved += ["units-errors", "ranks", "picker", "calendar", "report-page1"]
    print(f"demo county: {', '.join(saved)} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
