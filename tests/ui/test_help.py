"""帮助: the guide opens on F1 inside the program with every picture it shows, and 关于 sits in
the same menu with the version, the licences and the data folder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

import pairing_desktop
from pairing_desktop.core.paths import data_dir
from pairing_desktop.ui.help import HelpWindow, help_dir, image_names
from tests.ui.drive import open_window

pytestmark = pytest.mark.gui


def test_f1_opens_the_guide_with_its_pictures(qtbot, ledger, settings):
    window = open_window(qtbot, ledger, settings)
    assert window.help_window is None
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.help_window
    assert isinstance(guide, HelpWindow) and guide.isVisible()
    text = guide.browser.toPlainText()
    for section in ("开始使用", "录入记录", "从 Excel 导入名单", "打印与登记责任书", "职责总览",
                    "统计报告", "与县里交换数据", "备份与恢复"):
        assert section in text
    shown = image_names(guide.browser.toHtml())
    assert len(shown) >= 6
    assert guide.missing_images() == []  # every picture loads: no broken image
    guide.close()


def test_every_picture_shipped_is_used_and_every_picture_used_is_shipped():
    html = (help_dir() / "index.html").read_text(encoding="utf-8")
    used = {name.removeprefix("images/") for name in image_names(html)}
    shipped = {path.name for path in (help_dir() / "images").glob("*.png")}
    assert used == shipped


def test_a_missing_picture_is_found(qtbot, tmp_path, monkeypatch):
    """The check above fails when a picture is gone (the guide as installed, one file less)."""
    import shutil

    copy = tmp_path / "resources"
    shutil.copytree(help_dir(), copy / "help")
    (copy / "help" / "images" / "units.png").unlink()
    monkeypatch.setenv("PAIRING_DESKTOP_RESOURCES", str(copy))
    guide = HelpWindow()
    qtbot.addWidget(guide)
    assert guide.missing_images() == ["images/units.png"]


def test_about_is_in_the_help_menu_with_version_and_data_folder(qtbot, ledger, settings):
    window = open_window(qtbot, ledger, settings)
    help_menu = window.menuBar().findChild(type(window.recent_menu), "help_menu")
    names = [action.objectName() for action in help_menu.actions()]
    assert names[0] == "help" and "about" in names and "checklist" in names
    next(a for a in help_menu.actions() if a.objectName() == "about").trigger()
    text = window.about.text()
    assert pairing_desktop.__version__ in text and str(data_dir()) in text
    assert window.about.licences.toPlainText().strip()
    window.about.close()
