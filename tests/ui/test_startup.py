"""A start pays for the first tab only: the others are built when first shown, and the modules
behind letters, reports and workbooks are not imported until used. Ctrl+O and Ctrl+P."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from pairing_desktop.ui.main_window import MainWindow
from pairing_desktop.ui.tabs.base import Tab
from pairing_desktop.ui.tabs.registry import TABS
from tests.ui.drive import open_window

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("reportlab", "openpyxl", "python_calamine", "xlsxwriter", "pypdfium2",
         "PySide6.QtCharts", "PySide6.QtPrintSupport")


def test_the_window_builds_the_first_tab_only_and_the_others_when_shown(qtbot, ledger,
                                                                       settings):
    window = open_window(qtbot, ledger, settings)
    assert [tab.objectName() for tab in window.tab_widgets()] == ["units"]
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert len(titles) == len(TABS) and titles[-1] == "统计报告"  # every title is there
    window.tabs.setCurrentIndex(titles.index("总览"))  # a clerk clicks its title
    overview = window.tabs.currentWidget()
    assert isinstance(overview, Tab) and overview.objectName() == "overview"
    assert window.tab("overview") is overview
    assert [tab.objectName() for tab in window.tab_widgets()] == ["units", "overview"]


def test_a_menu_filled_by_tabs_is_complete_before_they_are_shown(qtbot, ledger, settings):
    window = open_window(qtbot, ledger, settings)
    menu = window.findChild(type(window.recent_menu), "settings_menu")
    assert "帮扶活动类型…" not in [a.text() for a in menu.actions()]
    window.tab("overview")  # built first: its action is placed first
    menu.aboutToShow.emit()  # as opening the menu does: the other tabs that fill it are built
    texts = [a.text() for a in menu.actions()]
    # in the registry's order, whichever tab was built first
    assert texts.index("职级帮扶定额（4321）…") < texts.index("帮扶活动类型…") \
        < texts.index("帮扶职责规则…")


def test_the_program_starts_without_the_heavy_modules(tmp_path, ledger):
    """In a process of its own, as a clerk's start: the window is up on a ledger, and no module
    of letters, reports, workbooks or charts has been imported."""
    ledger.close()
    script = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QSettings
        from pairing_desktop.ui import app
        qt = app.make_application(["test"])
        window = app.start({str(ledger.path)!r}, QSettings({str(tmp_path / "s.ini")!r},
                           QSettings.Format.IniFormat))
        qt.processEvents()
        assert window is not None and window.isVisible()
        print(sorted({{name for name in sys.modules if name.startswith({HEAVY!r})}}))
        window.close_ledger()
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=120,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
                               "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_ctrl_o_opens_a_ledger(qtbot, ledger, settings, answers):
    window = open_window(qtbot, ledger, settings)
    answers.path = ""  # the clerk cancels the file dialog
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert ("path", "") in answers.asked  # the open dialog was asked for
    assert window.ledger is ledger


def test_ctrl_p_saves_the_report_as_pdf_on_the_report_tab(qtbot, ledger, settings, tmp_path,
                                                          monkeypatch):
    from pairing_desktop.ui.tabs import report as report_module

    window: MainWindow = open_window(qtbot, ledger, settings)
    assert not window.print_action.isEnabled()  # nothing to print on 帮扶单位
    tab = window.tab("report")
    window.tabs.setCurrentWidget(tab)
    assert window.print_action.isEnabled()
    with qtbot.waitSignal(tab.built, timeout=20000):
        tab.build()
    out = tmp_path / "报告.pdf"
    monkeypatch.setattr(report_module.SaveAs, "path", classmethod(lambda cls, p, s, f: str(out)))
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(out.exists, timeout=20000)
    assert out.read_bytes().startswith(b"%PDF")
