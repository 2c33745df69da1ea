"""The start page: with no ledger where the program looks, it creates a county or township ledger
that works at once (its administrator, its names, the window on it), opens an existing one, or
makes the demo county; the 入门清单 says what to enter first and opens the tab for it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDockWidget

from pairing_desktop.core import auth, records
from pairing_desktop.core.profile import profile
from pairing_desktop.ui import app as app_module
from pairing_desktop.ui.app import open_ledger_or_explain
from pairing_desktop.ui.first_run import StartPage
from tests.conftest import ADMIN
from tests.ui.drive import click, new_record

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, tmp_path):
    made = StartPage(tmp_path, open_ledger_or_explain, suggested=tmp_path / "ledger.db")
    qtbot.addWidget(made)
    yield made
    if made.ledger is not None:
        made.ledger.close()


def test_the_start_page_creates_a_county_ledger_the_window_works_on(qtbot, page, tmp_path,
                                                                   answers, settings):
    from pairing_desktop.ui.main_window import MainWindow

    assert not page.create_button.isEnabled()  # nothing typed yet
    page.county.setText("黔西县")
    assert page.office.text() == "县委组织部"  # a county ledger's usual office
    assert page.create_button.isEnabled()
    click(qtbot, page.create_button)
    assert answers.texts("credentials") == [""]  # its county administrator, asked once
    ledger = page.ledger
    assert ledger is not None and ledger.path == tmp_path / "ledger.db"
    assert ledger.operator.name == ADMIN and ledger.operator.role == auth.ADMIN
    assert profile(ledger) == {"county": "黔西县", "office": "县委组织部"}

    window = MainWindow(ledger, settings)
    qtbot.addWidget(window)
    window.show()
    checklist = window.checklist
    assert window.checklist_dock.isVisible()  # a new ledger: what to enter first
    assert checklist.done() == []
    click(qtbot, checklist.buttons["township"])  # 乡镇 → the 乡镇与村 tab
    assert window.tabs.currentWidget() is window.tab("villages")
    townships = window.tab("villages").townships
    new_record(qtbot, townships, {"name": "中坪镇"})
    assert records.counts(ledger, ["township"]) == {"township": 1}
    assert checklist.done() == ["township"]
    assert checklist.buttons["township"].text().startswith("✔")
    assert checklist.buttons["village"].text().startswith("○")
    click(qtbot, checklist.buttons["unit"])
    assert window.tabs.currentWidget() is window.tab("units")
    window.close()


def test_a_township_ledger_gets_its_township_and_office(qtbot, page, answers):
    page.township_kind.setChecked(True)
    assert not page.create_button.isEnabled()  # a township ledger names its township
    page.county.setText("黔西县")
    qtbot.keyClicks(page.township, "zhongping")  # typed: the office follows
    assert page.office.text() == "zhongping党委"
    page.township.setText("中坪镇")
    page.office.setText("中坪镇党委")
    click(qtbot, page.create_button)
    ledger = page.ledger
    assert profile(ledger) == {"county": "黔西县", "office": "中坪镇党委"}
    assert [name for _, name in records.choices(ledger, "township")] == ["中坪镇"]


def test_no_administrator_leaves_no_file_and_the_page_open(qtbot, page, tmp_path, answers):
    page.county.setText("黔西县")
    answers.credentials = None
    click(qtbot, page.create_button)
    assert page.ledger is None and page.result() == 0
    assert not (tmp_path / "ledger.db").exists()
    answers.credentials = (ADMIN, "县管理员密码2026")  # the clerk tries again
    click(qtbot, page.create_button)
    assert page.ledger is not None and page.ledger.operator.name == ADMIN


def test_from_the_menu_the_page_suggests_a_new_name_beside_the_ledger(qtbot, ledger):
    page = StartPage(ledger.path.parent, open_ledger_or_explain)  # 文件 → 新建台账
    qtbot.addWidget(page)
    assert ledger.path.name == "ledger.db"
    assert page.path.text() == str(ledger.path.parent / "新台账.db")


def test_an_existing_file_is_not_overwritten(qtbot, page, ledger, answers):
    before = records.counts(ledger, ["unit"])
    page.county.setText("黔西县")
    page.path.setText(str(ledger.path))
    click(qtbot, page.create_button)
    assert page.ledger is None
    assert "已存在" in page.errors.text() and "打开已有台账" in page.errors.text()
    assert answers.texts("credentials") == []
    assert records.counts(ledger, ["unit"]) == before


def test_open_an_existing_ledger(qtbot, page, ledger, answers):
    path = ledger.path
    ledger.close()
    answers.path = str(path)
    click(qtbot, page.open_button)
    assert page.ledger is not None and page.ledger.path == path
    assert page.ledger.operator.name == ADMIN  # its auto-login


def test_the_demo_county_from_the_start_page(qtbot, page, tmp_path, settings):
    from pairing_desktop.ui.main_window import MainWindow

    click(qtbot, page.demo_button)
    ledger = page.ledger
    assert ledger.path == tmp_path / "演示县.db"
    assert ledger.operator.name == "admin"  # the demo county's administrator, by itself
    assert records.counts(ledger, ["township", "unit"]) == {"township": 28, "unit": 83}
    window = MainWindow(ledger, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.checklist.complete()
    assert not window.findChild(QDockWidget, "checklist_dock").isVisible()  # nothing to do
    window.close()


def test_the_program_shows_the_start_page_when_no_ledger_is_there(qtbot, tmp_path, monkeypatch,
                                                                   answers):
    """No file at the default place (and none used before): the start page, not a blank file
    made behind the clerk's back; what it creates is what the window opens."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(app_module, "default_db_path", lambda: tmp_path / "data" / "ledger.db")
    shown = []

    def ask(cls, parent, folder, open_file, suggested=None):
        page = cls(folder, open_file, parent, suggested)
        shown.append(page)
        page.county.setText("黔西县")
        page.create_button.click()
        return page.ledger

    monkeypatch.setattr(StartPage, "ask", classmethod(ask))
    window = app_module.start(None, settings)
    qtbot.addWidget(window)
    assert len(shown) == 1 and shown[0].path.text() == str(tmp_path / "data" / "ledger.db")
    assert window.ledger.path == tmp_path / "data" / "ledger.db"
    assert profile(window.ledger)["county"] == "黔西县"
    window.close()
    window.close_ledger()
