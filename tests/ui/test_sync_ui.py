"""数据交换 in the window: the menu, making and merging packages, and the conflict view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QTableWidget

from pairing_desktop.core import operations as ops
from pairing_desktop.ui.app import register_fonts
from pairing_desktop.ui.conflicts import DIFFERS, ConflictsDialog
from pairing_desktop.ui.dialogs import Ask
from pairing_desktop.ui.exchange_menu import ExchangeAsk
from pairing_desktop.ui.operations import LedgerHost
from tests.core.sync_offices import OFFICE, offices, township
from tests.helpers import save
from tests.ui.drive import open_window

pytestmark = pytest.mark.gui

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "sync-conflicts.png"


@pytest.fixture
def conflicted(tmp_path, ledger_template):
    """The county with one household changed here and at 中坪镇, and the package that brings
    中坪镇's version, not yet merged."""
    net = offices(ledger_template, tmp_path)
    zp, county = net.towns["中坪镇"], net.county
    village = save(zp, "village", None, {"township": township(zp, "中坪镇"), "name": "新寨村"})
    household = save(zp, "household", None, {"village": village, "head_name": "杨秀英",
                                             "group_name": "三组", "members": 4,
                                             "phone": "13885712345"})
    ops.import_package(county, net.send(zp, OFFICE))
    save(county, "household", household, {"members": 5, "poverty_cause": "因病"})
    save(zp, "household", household, {"members": 6, "phone": "13985712345"})
    yield net, net.send(zp, OFFICE)
    net.close()


def test_the_menu_merges_a_package_and_opens_the_conflicts(qtbot, settings, conflicted,
                                                            monkeypatch):
    net, path = conflicted
    told: list[str] = []
    monkeypatch.setattr(Ask, "inform", classmethod(lambda cls, p, t, x: told.append(x)))
    monkeypatch.setattr(ExchangeAsk, "package_path", classmethod(lambda cls, p, f: str(path)))
    window = open_window(qtbot, net.county, settings)
    names = [a.objectName() for a in window.findChild(QAction, "export_package").parent()
             .findChildren(QAction)]
    assert {"export_package", "import_package", "sync_conflicts"} <= set(names)
    window.findChild(QAction, "import_package").trigger()
    assert told and told[0].startswith("已导入“中坪镇”的第 2 号交换包：") and "冲突 1 条" in told[0]
    dialog = window.findChild(ConflictsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.list.count() == 1
    dialog.close()


def test_the_conflict_view_shows_both_versions_and_settles_by_a_choice(qtbot, qapp, conflicted):
    net, path = conflicted
    register_fonts(qapp)  # as the program starts: the screenshot shows the Chinese
    county = net.county
    host = LedgerHost(county)
    ops.import_package(county, path)
    dialog = ConflictsDialog(host)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.findChild(QTableWidget, "conflict_fields")
    rows = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
            for r in range(table.rowCount())}
    assert rows["户主"] == ("杨秀英", "杨秀英")
    assert rows["家庭人口"] == ("5", "6")
    assert rows["电话"] == ("13885712345", "13985712345")
    assert rows["所在村"] == ("新寨村", "新寨村")
    changed = {table.item(r, 0).text() for r in range(table.rowCount())
               if table.item(r, 1).background().color() == DIFFERS}
    assert changed == {"家庭人口", "电话", "主要致贫原因"}
    assert table.horizontalHeaderItem(2).text() == "中坪镇的版本"
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENSHOT))

    announced = []
    host.changed.connect(announced.append)
    dialog.findChild(QPushButton, "take_theirs").click()
    assert county.execute("SELECT members, phone FROM household") == [(6, "13985712345")]
    assert dialog.list.count() == 0 and not dialog.findChild(QPushButton, "keep_ours").isEnabled()
    assert announced and "household" in announced[0].kinds


def test_the_menu_makes_a_package_for_the_office_reported_to(qtbot, settings, tmp_path,
                                                             ledger_template, monkeypatch):
    net = offices(ledger_template, tmp_path)
    try:
        zp = net.towns["中坪镇"]
        save(zp, "village", None, {"township": township(zp, "中坪镇"), "name": "新寨村"})
        offered: list[list[str]] = []
        told: list[str] = []
        out = tmp_path / "上报.pdx"
        monkeypatch.setattr(ExchangeAsk, "recipient",
                            classmethod(lambda cls, p, offices: offered.append(offices) or OFFICE))
        monkeypatch.setattr(Ask, "save_path", classmethod(lambda cls, *a: str(out)))
        monkeypatch.setattr(Ask, "inform", classmethod(lambda cls, p, t, x: told.append(x)))
        window = open_window(qtbot, zp, settings)
        window.findChild(QAction, "export_package").trigger()
        assert offered == [[OFFICE]]
        assert told and told[0].startswith(f"已生成发往“{OFFICE}”的第 1 号交换包：1 条记录")
        assert ops.import_package(net.county, out).result.created == 1
    finally:
        net.close()
