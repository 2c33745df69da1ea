"""The pictures of the user guide (resources/help/images/), taken from the program offscreen.

    python scripts/help_images.py [--out resources/help/images]

The start page; a new county ledger with its 入门清单; and, on the demo county, the 帮扶单位 tab
with a record open, the 责任书 tab, the 总览 and the 统计报告, and the backup settings. Each is
scaled to the guide's width (it is read in a window of about 900 pixels), so the pictures stay
small in the installer. The guide's own window is saved for the README (docs/screenshots).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from pairing_desktop.core import auth  # noqa: E402
from pairing_desktop.core import operations as ops  # noqa: E402
from pairing_desktop.core.backups import DEFAULTS  # noqa: E402
from pairing_desktop.core.demo import make_demo_file  # noqa: E402
from pairing_desktop.core.ledgers import open_ledger  # noqa: E402
from pairing_desktop.ui.app import make_application  # noqa: E402
from pairing_desktop.ui.first_run import StartPage  # noqa: E402
from pairing_desktop.ui.help import HelpWindow  # noqa: E402
from pairing_desktop.ui.main_window import MainWindow  # noqa: E402
from pairing_desktop.ui.prompts import BackupSettingsDialog  # noqa: E402
from scripts.screenshots import (  # noqa: E402 - sets the offscreen screen before the app
    fill_county,
    select_first,
    settle,
    wait_for_workers,
)

SIZE = (1366, 768)
WIDTH = 820  # the guide's pictures, at most: its window is 900 pixels wide


def save(shot: QPixmap | QWidget, path: Path, width: int = WIDTH) -> None:
    pixmap = shot.grab() if isinstance(shot, QWidget) else shot
    if pixmap.width() > width:
        pixmap = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    pixmap.save(str(path), "PNG")


def start_shots(app: QApplication, folder: Path, out: Path) -> None:
    """The start page filled in for a county, and a new ledger's window with its 入门清单."""
    page = StartPage(folder, lambda path: None)
    page.county.setText("黔西县")
    page.path.setText(str(folder / "黔西县.db"))
    page.show()
    settle(app)
    save(page, out / "start.png", 640)
    page.close()
    path = folder / "新台账.db"
    with open_ledger(path) as ledger:
        ops.create_first_admin(ledger, "admin", "说明截图用的密码1")
        ops.set_auto_login(ledger, "admin")
        ops.save(ledger, "township", None, {"name": "中坪镇"})
    ledger = open_ledger(path)
    auth.auto_login(ledger)
    window = MainWindow(ledger, QSettings(str(folder / "new.ini"), QSettings.Format.IniFormat))
    window.resize(*SIZE)
    window.show()
    window.tabs.setCurrentWidget(window.tab("villages"))
    settle(app)
    wait_for_workers(app)
    save(window, out / "checklist.png")
    window.close()
    ledger.close()


def demo_shots(app: QApplication, folder: Path, out: Path) -> None:
    path = folder / "演示县.db"
    make_demo_file(path)
    with open_ledger(path) as ledger:
        auth.auto_login(ledger)
        fill_county(ledger)
        window = MainWindow(ledger, QSettings(str(folder / "demo.ini"),
                                              QSettings.Format.IniFormat))
        window.resize(*SIZE)
        window.show()
        settle(app)
        units = window.tab("units")
        for panel in units.panels:
            select_first(panel)
        settle(app)
        save(window, out / "units.png")
        for name in ("letters", "overview"):
            tab = window.tab(name)
            window.tabs.setCurrentWidget(tab)
            for panel in getattr(tab, "panels", [])[:1]:
                select_first(panel)
            wait_for_workers(app)
            save(window, out / f"{name}.png")
        report = window.tab("report")
        window.tabs.setCurrentWidget(report)
        report.build()
        wait_for_workers(app)
        save(window, out / "report.png")
        dialog = BackupSettingsDialog(dict(DEFAULTS), str(path.parent / "backups"), window)
        dialog.show()
        settle(app)
        save(dialog, out / "backup.png", 560)
        dialog.close()
        window.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "help" / "images")
    parser.add_argument("--guide", type=Path, default=ROOT / "docs" / "screenshots" / "help.png",
                        help="a picture of the guide's window, for the README")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = make_application([])
    with tempfile.TemporaryDirectory() as tmp:
        start_shots(app, Path(tmp), args.out)
        demo_shots(app, Path(tmp), args.out)
    guide = HelpWindow()
    guide.show()
    guide.show_page("start")
    settle(app)
    guide.grab().save(str(args.guide))
    print(f"saved the guide's pictures in {args.out}, and the guide itself as {args.guide}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
