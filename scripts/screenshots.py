"""Screenshots of every tab of the main window at 1366x768, from the demo county.

    python scripts/screenshots.py [--out docs/screenshots]

Builds the demo county into a temporary file (a small county typed through the core when
`pairing_desktop.core.demo` is not available), opens the window offscreen, selects a record in
each list so the dependent lists are filled, and saves `<tab>.png` for each tab, plus
`units-errors.png` showing the messages of a bad save and `ranks.png` with the quota table.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pairing_desktop.core import records  # noqa: E402
from pairing_desktop.core.storage.db import open_database  # noqa: E402
from pairing_desktop.ui.app import make_application  # noqa: E402
from pairing_desktop.ui.main_window import MainWindow  # noqa: E402
from pairing_desktop.ui.record_panel import RecordPanel  # noqa: E402

SIZE = (1366, 768)


def fill_county() -> str:
    """The demo county, or a small one when the demo generator is not in this checkout."""
    try:
        from pairing_desktop.core.demo import build_demo_county
    except ImportError:
        small_county()
        return "small"
    build_demo_county(seed=2007)
    return "demo"


def small_county() -> None:
    ranks = {label: i for i, label in records.choices("rank")}
    township = records.save("township", None, {"name": "城关镇", "code": "01"})
    records.save("township", None, {"name": "甘棠镇", "code": "02"})
    village = records.save("village", None, {
        "township": township, "name": "新寨村", "households": 320, "population": 1280,
        "poor_households": 86, "party_members": 31, "secretary": "杨光",
        "secretary_phone": "13908571234", "poverty_causes": ["交通落后", "土地贫瘠"]})
    unit = records.save("unit", None, {"name": "县委组织部", "level": "县直", "head": "王明",
                                       "head_title": "部长", "contact": "陈静",
                                       "contact_phone": "0857-4221234"})
    prefecture = records.save("unit", None, {"name": "地区交通局", "level": "地直"})
    cadres = [records.save("cadre", None, {"unit": unit, "name": name, "rank": ranks[rank],
                                           "phone": "13812345678"})
              for name, rank in (("刘芳", "科局级"), ("赵强", "股级"), ("孙丽", "一般干部"))]
    households = [records.save("household", None, {
        "village": village, "group_name": f"{i % 4 + 1}组", "head_name": name, "members": 4,
        "poverty_cause": "因病"}) for i, name in enumerate(("李四", "王五", "张六", "周七"))]
    records.save("uv_pairing", None, {"unit": unit, "village": village,
                                      "started_on": "2008-01-10"})
    records.save("ut_pairing", None, {"unit": prefecture, "township": township,
                                      "started_on": "2008-01-10"})
    for cadre, household in zip(cadres, households, strict=False):
        records.save("assignment", None, {"cadre": cadre, "household": household,
                                          "started_on": "2008-01-10"})


def select_first(panel: RecordPanel) -> None:
    """Show the first record of a list, as a clerk's click would."""
    record_id = panel.list.model.id_at(0)
    if record_id is not None:
        panel.list.select_id(record_id)
        panel.show_record(record_id)


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = make_application([])
    with tempfile.TemporaryDirectory() as tmp:
        ledger = open_database(Path(tmp) / "演示县.db")
        try:
            source = fill_county()
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
            window.close()
        finally:
            ledger.close()
    print(f"{source} county: {', '.join(saved)}, units-errors, ranks -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
