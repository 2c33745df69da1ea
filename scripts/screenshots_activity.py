"""Screenshots of the activity tabs (帮扶活动, 总览, 统计报告) and page 1 of the county report PDF.

    python scripts/screenshots_activity.py [--out docs/screenshots]

Builds the demo county with its year and a bit of activities into a temporary file, opens the
main window offscreen at 1366x768 with the standard tabs plus the activity tabs, and saves
activities.png (a record being entered), overview.png, report.png, and report-page1.png
(pdftoppm of the PDF the report page writes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pairing_desktop.core.activities.demo import add_demo_activities  # noqa: E402
from pairing_desktop.core.demo import build_demo_county  # noqa: E402
from pairing_desktop.core.reports.export import write_report  # noqa: E402
from pairing_desktop.core.storage.db import open_database  # noqa: E402
from pairing_desktop.core.storage.models import ActivityType, UnitVillagePairing  # noqa: E402
from pairing_desktop.ui.app import make_application  # noqa: E402
from pairing_desktop.ui.main_window import MainWindow  # noqa: E402
from pairing_desktop.ui.tabs import standard_tabs  # noqa: E402
from pairing_desktop.ui.tabs.activity_tabs import activity_tabs  # noqa: E402

SIZE = (1366, 768)
SEED = 2007


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = make_application([])
    today = dt.date.today()
    with tempfile.TemporaryDirectory() as tmp:
        ledger = open_database(Path(tmp) / "演示县.db")
        try:
            build_demo_county(seed=SEED, today=today)
            add_demo_activities(random.Random(SEED), today)
            settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
            window = MainWindow(ledger, settings,
                                tabs=lambda w: standard_tabs(w) + activity_tabs(w))
            window.resize(*SIZE)
            window.show()
            settle(app)
            tabs = {window.tabs.widget(i).objectName(): i for i in range(window.tabs.count())}

            window.tabs.setCurrentIndex(tabs["activities"])
            entry = window.tabs.widget(tabs["activities"])
            settle(app)
            form = entry.form
            form.set_kind(ActivityType.get(ActivityType.code == "training").id)
            form.pairing.set_value(UnitVillagePairing.live().order_by(
                UnitVillagePairing.id).first().id)
            form.numbers["participants"].setText("3")
            form.numbers["people"].setText("45")
            form.texts["description"].setText("蔬菜大棚种植技术培训")
            settle(app)
            window.grab().save(str(args.out / "activities.png"))
            form.load_new()  # leave the tab without the unsaved-edits question

            window.tabs.setCurrentIndex(tabs["overview"])
            dashboard = window.tabs.widget(tabs["overview"])
            dashboard.pool.waitForDone()
            settle(app, 10)
            window.grab().save(str(args.out / "overview.png"))

            window.tabs.setCurrentIndex(tabs["report"])
            page = window.tabs.widget(tabs["report"])
            report = page.build()
            settle(app)
            window.grab().save(str(args.out / "report.png"))
            pdf = write_report(report, Path(tmp) / "report.pdf")
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1",
                            "-singlefile", str(pdf), str(args.out / "report-page1")],
                           check=True)
            window.close()
        finally:
            ledger.close()
    print(f"activities, overview, report, report-page1 -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
