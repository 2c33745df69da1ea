"""The File menu: a new file (with its administrator), opening another, recent files; the old
file's lock is released and the tabs show the new file's records."""

import pytest

from pairing_desktop.core import auth, records
from pairing_desktop.core import operations as ops
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.storage.lock import FileLock
from pairing_desktop.ui.dialogs import Ask
from pairing_desktop.ui.first_run import StartPage
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.helpers import save
from tests.ui.drive import click, column_values, fill, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def start_page(monkeypatch):
    """文件 → 新建台账 opens the start page: here it is filled in as `filled` says (the path of
    the new file, its county and office) and 创建台账 is clicked, instead of waiting for a clerk.
    The pages shown are kept, to read their messages."""
    filled = {"county": "黔西县", "office": "县委组织部"}
    pages = []

    def ask(cls, parent, folder, open_file, suggested=None):
        page = cls(folder, open_file, parent, suggested)
        pages.append(page)
        page.path.setText(filled["path"])
        page.county.setText(filled["county"])
        page.office.setText(filled["office"])
        page.create_button.click()
        return page.ledger

    monkeypatch.setattr(StartPage, "ask", classmethod(ask))
    return filled, pages


@pytest.fixture
def window(qtbot, ledger, settings):
    save(ledger, "unit", None, {"name": "县委组织部", "level": "县直"})
    window = open_window(qtbot, ledger, settings)
    yield window
    window.close_ledger()  # whichever file the test left open


def test_new_file_switches_the_window_and_releases_the_old_lock(qtbot, window, ledger,
                                                                tmp_path, answers, start_page):
    old_path = ledger.path
    start_page[0]["path"] = str(tmp_path / "second.db")
    assert window.new_file()
    assert answers.texts("credentials") == [""]  # the new file's administrator, asked once
    assert window.ledger.operator.name == ADMIN and window.ledger.operator.role == auth.ADMIN
    units = window.tab("units").units
    assert column_values(units, "name") == []
    assert str(tmp_path / "second.db") in window._path_label.text()
    assert window.windowTitle().endswith("second.db")
    assert "帮扶单位 0" in window._counts_label.text()
    # the first file is free again: another program could open it now
    lock = FileLock(old_path)
    lock.acquire()
    lock.release()
    # and the window works on the new file
    click(qtbot, units.new_button)
    fill(qtbot, units, {"name": "县财政局"})
    click(qtbot, units.save_button)
    assert [n for _, n in records.choices(window.ledger, "unit")] == ["县财政局"]


def test_a_new_file_without_an_administrator_is_not_kept(window, ledger, tmp_path, answers,
                                                         start_page):
    start_page[0]["path"] = str(tmp_path / "second.db")
    answers.credentials = None
    assert not window.new_file()
    assert window.ledger is ledger
    assert not (tmp_path / "second.db").exists()


def test_opening_a_file_asks_who_logs_in_until_the_password_is_right(window, ledger, tmp_path,
                                                                    answers, monkeypatch):
    second = tmp_path / "other.db"
    with open_ledger(second) as made:
        ops.create_first_admin(made, "wang", "王芳的密码123")
    answers.path = str(second)
    answers.credentials = None
    assert not window.open_file()  # cancelled: the window stays on its file
    assert window.ledger is ledger
    tries = iter([("wang", "错误的密码"), ("wang", "王芳的密码123")])
    told = []

    def credentials(cls, parent, file_name, first, message=""):
        told.append(message)
        return next(tries)

    monkeypatch.setattr(Ask, "credentials", classmethod(credentials))
    assert window.open_file()
    assert window.ledger.operator.name == "wang"
    assert told == ["", "用户名或密码错误。还可尝试 4 次。"]


def test_open_file_and_recent_files(qtbot, window, ledger, tmp_path, answers):
    first = ledger.path
    second = tmp_path / "other.db"
    with open_ledger(second) as made:  # its administrator logs in when it is opened
        ops.create_first_admin(made, ADMIN, ADMIN_PASSWORD)
        save(made, "unit", None, {"name": "县教育局", "level": "县直"})
    answers.path = str(second)
    assert window.open_file()
    assert column_values(window.tab("units").units, "name") == ["县教育局"]
    assert window.recent_files() == [str(second), str(first)]
    window._fill_recent()
    back = next(a for a in window.recent_menu.actions() if a.text() == str(first))
    back.trigger()
    assert window.ledger.path == first
    assert column_values(window.tab("units").units, "name") == ["县委组织部"]


def test_opening_a_bad_file_keeps_the_current_one(qtbot, window, ledger, tmp_path, answers):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\0garbage" * 100)
    answers.path = str(bad)
    assert not window.open_file()
    assert "不是数据库文件" in answers.texts("warn")[0]
    assert window.ledger is ledger
    assert column_values(window.tab("units").units, "name") == ["县委组织部"]
    assert records.counts(ledger, ["unit"]) == {"unit": 1}


def test_new_file_refuses_an_existing_file(window, ledger, answers, start_page):
    filled, pages = start_page
    filled["path"] = str(ledger.path)
    assert not window.new_file()
    assert "已存在" in pages[0].errors.text()
    assert window.ledger is ledger


def test_switching_with_unsaved_edits_asks_and_cancel_stays(qtbot, window, ledger, tmp_path,
                                                            answers, start_page):
    units = window.tab("units").units
    click(qtbot, units.new_button)
    fill(qtbot, units, {"name": "县民政局"})
    start_page[0]["path"] = str(tmp_path / "second.db")
    assert not window.new_file()
    assert answers.texts("unsaved") == ["帮扶单位"]
    assert window.ledger.path == ledger.path
    assert units.form.values()["name"] == "县民政局"
