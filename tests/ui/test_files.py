"""The File menu: a new file, opening another, recent files; the old file's lock is released and
the tabs show the new file's records."""

import pytest

from pairing_desktop.core import records
from pairing_desktop.core.storage.db import open_database
from pairing_desktop.core.storage.lock import FileLock
from tests.ui.drive import click, column_values, fill, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, ledger, settings):
    records.save("unit", None, {"name": "县委组织部", "level": "县直"})
    window = open_window(qtbot, ledger, settings)
    yield window
    window.close_ledger()  # whichever file the test left open


def test_new_file_switches_the_window_and_releases_the_old_lock(qtbot, window, ledger,
                                                                tmp_path, answers):
    old_path = ledger.path
    answers.path = str(tmp_path / "second.db")
    assert window.new_file()
    units = window.tabs.widget(0).units
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
    assert [n for _, n in records.choices("unit")] == ["县财政局"]


def test_open_file_and_recent_files(qtbot, window, ledger, tmp_path, answers):
    first = ledger.path
    second = tmp_path / "other.db"
    made = open_database(second)
    records.save("unit", None, {"name": "县教育局", "level": "县直"})
    made.close()
    answers.path = str(second)
    assert window.open_file()
    assert column_values(window.tabs.widget(0).units, "name") == ["县教育局"]
    assert window.recent_files() == [str(second), str(first)]
    window._fill_recent()
    back = next(a for a in window.recent_menu.actions() if a.text() == str(first))
    back.trigger()
    assert window.ledger.path == first
    assert column_values(window.tabs.widget(0).units, "name") == ["县委组织部"]


def test_opening_a_bad_file_keeps_the_current_one(qtbot, window, ledger, tmp_path, answers):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\0garbage" * 100)
    answers.path = str(bad)
    assert not window.open_file()
    assert "不是数据库文件" in answers.texts("warn")[0]
    assert window.ledger.path == ledger.path
    assert column_values(window.tabs.widget(0).units, "name") == ["县委组织部"]
    assert records.counts(["unit"]) == {"unit": 1}


def test_new_file_refuses_an_existing_file(window, ledger, answers):
    answers.path = str(ledger.path)
    assert not window.new_file()
    assert "已存在" in answers.texts("warn")[0]


def test_switching_with_unsaved_edits_asks_and_cancel_stays(qtbot, window, ledger, tmp_path,
                                                            answers):
    units = window.tabs.widget(0).units
    click(qtbot, units.new_button)
    fill(qtbot, units, {"name": "县民政局"})
    answers.path = str(tmp_path / "second.db")
    assert not window.new_file()
    assert answers.texts("unsaved") == ["帮扶单位"]
    assert window.ledger.path == ledger.path
    assert units.form.values()["name"] == "县民政局"
