"""The window on a ledger kept on a PostgreSQL server: it opens (from the command line's address
and from 文件 → 打开服务器上的台账…), lists and saves records, refuses the second of two saves
of one record naming who made the first, keeps the address without its password in the recent
list, and turns off what only a file has (its backups, its check, the location warning)."""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from pairing_desktop.core import auth, records
from pairing_desktop.core import operations as ops
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.paths import server_folder
from pairing_desktop.ui import app as app_module
from pairing_desktop.ui.dialogs import Ask
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.helpers import save
from tests.ui.drive import click, column_values, fill, open_window, show_tab

pytestmark = pytest.mark.gui


@pytest.fixture
def backend() -> str:
    """Every `ledger` here is on the server (tests/pg.py starts one)."""
    return "postgresql"


@pytest.fixture
def window(qtbot, ledger, settings):
    save(ledger, "unit", None, {"name": "县委组织部", "level": "县直"})
    window = open_window(qtbot, ledger, settings)
    yield window
    window.close()
    window.close_ledger()


def with_password(url: str, password: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{parts.username}:{password}@{parts.hostname or ''}"))


def test_the_window_opens_a_server_ledger_and_names_it_without_a_file(window, ledger):
    database = urlsplit(ledger.server).path.strip("/")
    assert window.windowTitle().endswith(f"{database} @ {ledger.label.split(' @ ')[1]}（服务器）")
    assert window.findChild(QLabel, "ledger_path").text() == f"服务器：{ledger.path}"
    assert column_values(window.tab("units").units, "name") == ["县委组织部"]
    assert window.recent_files()[0] == ledger.path


def test_a_record_saved_in_the_window_is_on_the_server(qtbot, window, ledger):
    units = show_tab(window, "units").units
    click(qtbot, units.new_button)
    fill(qtbot, units, {"name": "县财政局", "level": "县直"})
    click(qtbot, units.save_button)
    with open_ledger(ledger.server) as other:  # another clerk's computer
        names = {name for _id, name in records.choices(other, "unit")}
    assert "县财政局" in names


def test_the_second_of_two_saves_of_one_record_is_refused_naming_who(
        qtbot, window, ledger, settings, answers):
    """Two windows, each on its own connection to the same server database: the one that saves
    second was reading what the other has since changed, and is told so."""
    ops.create_operator(ledger, "lina", "secret123", auth.ADMIN, full_name="李娜")
    other_ledger = open_ledger(ledger.server)
    auth.login(other_ledger, "lina", "secret123")
    other = open_window(qtbot, other_ledger, settings)
    try:
        mine, theirs = show_tab(window, "units").units, show_tab(other, "units").units
        [(unit, _name)] = records.choices(ledger, "unit")
        for panel in (mine, theirs):  # both clerks open the same unit
            assert panel.list.select_id(unit)
            panel.show_record(unit)
        fill(qtbot, theirs, {"head": "李娜"})
        click(qtbot, theirs.save_button)
        fill(qtbot, mine, {"head": "王芳"})
        click(qtbot, mine.save_button)
        [refusal] = answers.texts("warn")
        assert "已被“lina”于" in refusal and "没有写入" in refusal
        assert records.load(ledger, "unit", unit)["head"] == "李娜"
        assert mine.form.values()["head"] == "王芳"  # what was typed is kept to copy
    finally:
        other.close()
        other.close_ledger()


def test_backups_the_check_and_the_location_warning_are_off_on_a_server(qtbot, window, answers):
    for name in ("back_up_now", "back_up_to", "restore", "backup_settings"):
        action = window.findChild(QAction, name)
        assert not action.isEnabled(), name
        assert action.toolTip().startswith("服务器上的台账由服务器备份（pg_dump）"), name
    status = window.findChild(QLabel, "backup_status").text()
    assert status == "服务器上的台账由服务器备份（pg_dump）"
    window.backups.start()  # as the program's start does: nothing is copied, no timer runs
    assert not window.backups.running and not window.backups.timer.isActive()
    assert not window._check_timer.isActive()
    assert answers.texts("warn") == []


def test_the_menu_opens_a_server_ledger_and_the_recent_list_keeps_no_password(
        qtbot, pg_url, settings, tmp_path, monkeypatch, answers):
    """From a file to the server by 文件 → 打开服务器上的台账…: the password typed there reaches
    the connection through this process's environment, never the settings."""
    path = tmp_path / "county.db"
    with open_ledger(path) as made:
        ops.create_first_admin(made, ADMIN, ADMIN_PASSWORD)
    file_ledger = open_ledger(path)
    auth.login(file_ledger, ADMIN, ADMIN_PASSWORD)
    window = open_window(qtbot, file_ledger, settings)
    typed = with_password(pg_url, "s3cret-typed")
    asked = []
    monkeypatch.setattr(Ask, "server",
                        classmethod(lambda cls, parent, recent: asked.append(recent)
                                    or (typed, "s3cret-typed")))
    monkeypatch.setenv("PGPASSWORD", "")
    try:
        assert window.open_server()
        assert window.ledger.is_server and "s3cret" not in window.windowTitle()
        assert os.environ["PGPASSWORD"] == "s3cret-typed"
        recent = window.recent_files()
        assert recent[:2] == [window.ledger.path, str(path)]
        assert "s3cret" not in (tmp_path / "settings.ini").read_text(encoding="utf-8") \
            and "s3cret" not in window.ledger.path
        assert window.findChild(QAction, "back_up_now").isEnabled() is False
        # back to the file from the recent list: its backups are on again
        assert window.switch_to(str(path))
        assert window.findChild(QAction, "back_up_now").isEnabled()
        assert window.findChild(QAction, "back_up_now").toolTip() == "立即备份(K)"
        assert asked == [[]]
    finally:
        window.close()
        window.close_ledger()


def test_the_program_starts_on_a_server_address(qtbot, pg_url, settings, monkeypatch):
    """`pairing-desktop --db postgresql://…`: the window, not the start page, on that ledger."""
    window = app_module.start(pg_url, settings)
    try:
        assert window is not None and window.ledger.is_server
        assert window.ledger.path == pg_url
    finally:
        if window is not None:
            window.close()
            window.close_ledger()


def test_a_server_ledgers_files_go_to_the_data_folder_under_its_name(ledger):
    folder = ledger.folder
    assert folder == server_folder(ledger.server)
    assert folder.parent.name == "servers" and ledger.name in folder.name


def test_on_a_file_too_two_windows_saving_one_record_the_second_is_refused(
        qtbot, tmp_path, settings, answers, ledger_template):
    """The form hands back the change number it read on a file as on a server."""
    import shutil

    path = tmp_path / "county.db"
    shutil.copyfile(ledger_template, path)
    first, second = open_ledger(path), open_ledger(path, lock=False)
    windows = []
    try:
        for opened in (first, second):
            auth.login(opened, ADMIN, ADMIN_PASSWORD)
        unit = save(first, "unit", None, {"name": "县委组织部", "level": "县直"})
        windows = [open_window(qtbot, opened, settings) for opened in (first, second)]
        mine, theirs = (show_tab(w, "units").units for w in windows)
        for panel in (mine, theirs):
            assert panel.list.select_id(unit)
            panel.show_record(unit)
        fill(qtbot, theirs, {"head": "李娜"})
        click(qtbot, theirs.save_button)
        fill(qtbot, mine, {"head": "王芳"})
        click(qtbot, mine.save_button)
        [refusal] = answers.texts("warn")
        assert "在您打开之后已被" in refusal
        assert records.load(first, "unit", unit)["head"] == "李娜"
    finally:
        for w in windows:
            w.close()
        first.close()
        second.close()


def test_a_password_in_the_start_address_never_reaches_the_log(tmp_path, monkeypatch):
    monkeypatch.setattr(app_module, "_run_window", lambda app, db_path, settings=None: 0)
    address = "postgresql://clerk:s3cret@192.168.1.10/pairing"
    assert app_module.run(address, logs=tmp_path) == 0
    text = (tmp_path / "pairing_desktop.log").read_text(encoding="utf-8")
    assert "Starting on postgresql://clerk@192.168.1.10/pairing" in text and "s3cret" not in text
