"""Backups and restore from the window: 备份到… and 恢复… through the menu, a damaged backup
refused, automatic backups only after a change, a ledger that fails the full check written to no
more (and offered its newest good backup), a damaged file offered its backup when opened, a
synced folder warned about once, the backup settings, and 帮助 → 关于."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

import pairing_desktop
from pairing_desktop.core import auth, check, ledgers, records
from pairing_desktop.core import backups as core_backups
from pairing_desktop.core import operations as ops
from pairing_desktop.core.demo import make_demo_file
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.paths import data_dir, log_dir
from pairing_desktop.ui.dialogs import Ask, Unsaved
from pairing_desktop.ui.main_window import MainWindow
from pairing_desktop.ui.prompts import BackupSettingsDialog
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.core.test_failures import flip_an_index_key
from tests.helpers import broken_index_page, file_hash, save
from tests.ui.drive import click, column_values, fill, open_window, show_tab

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def informed(monkeypatch, answers) -> list[str]:
    """What the window told (Ask.inform), answered without a modal box."""
    told: list[str] = []

    def inform(cls, parent, title, text):
        told.append(text)
        answers.asked.append(("inform", text))

    monkeypatch.setattr(Ask, "inform", classmethod(inform))
    return told


@pytest.fixture
def chosen(monkeypatch):
    """The files the clerk picks: `chosen["backup"]` to restore, `chosen["save"]` to write."""
    picks: dict[str, str] = {}
    monkeypatch.setattr(Ask, "open_backup", classmethod(lambda cls, p, f: picks["backup"]))
    monkeypatch.setattr(Ask, "save_path", classmethod(lambda cls, *args: picks["save"]))
    return picks


@pytest.fixture
def window(qtbot, ledger, settings):
    save(ledger, "unit", None, {"name": "县委组织部", "level": "县直"})
    window = open_window(qtbot, ledger, settings)
    yield window
    window.close()
    window.close_ledger()  # whichever file the test left open


def trigger(window: MainWindow, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None, name
    action.trigger()


def unit_names(window: MainWindow) -> list[str]:
    return column_values(window.tab("units").units, "name")


def add_unit(window: MainWindow, name: str) -> None:
    window.host.perform(ops.save, "unit", None, {"name": name, "level": "县直"})


def days(start: dt.datetime):
    """A clock a day later at each reading: each backup keeps its own day in the rotation."""
    counter = itertools.count()
    return lambda: start + dt.timedelta(days=next(counter))


# --- 备份到… and 恢复… ----------------------------------------------------------------------------


def test_backup_to_a_file_then_restore_it_through_the_menu(qtbot, window, ledger, tmp_path,
                                                          answers, informed, chosen):
    out = tmp_path / "交给县里.backup"
    chosen["save"] = str(out)
    trigger(window, "back_up_to")
    qtbot.waitUntil(lambda: bool(informed), timeout=10000)
    assert out.is_file() and core_backups.inspect_backup(out).ok
    assert str(out) in informed[0] and "完好" in informed[0] and "帮扶单位 1" in informed[0]
    assert window.findChild(QLabel, "backup_status").text() \
        == f"已备份到 {out}"

    add_unit(window, "县财政局")  # after the backup: the restore takes it away
    assert unit_names(window) == ["县财政局", "县委组织部"]
    chosen["backup"] = str(out)
    trigger(window, "restore")
    [question] = answers.texts("confirm")
    assert str(out) in question and "今天" in question and "帮扶单位 1" in question
    assert "before-restore" in question
    # the window works on the restored file: same name, the backup's records, logged in again
    assert window.ledger is not ledger and ledger.closed
    assert window.ledger.path == ledger.path and window.ledger.operator.name == ADMIN
    assert unit_names(window) == ["县委组织部"]
    assert records.counts(window.ledger, ["unit"]) == {"unit": 1}
    # the file before the restore is kept, with its work, and the clerk is told where
    [aside] = ledger.path.parent.glob("ledger.before-restore-*.db")
    assert str(aside) in informed[-1]
    with open_ledger(aside, lock=False) as kept:
        assert records.counts(kept, ["unit"]) == {"unit": 2}
    # and the restored file takes new work
    add_unit(window, "县教育局")
    assert unit_names(window) == ["县教育局", "县委组织部"]


def test_a_damaged_backup_is_refused_with_a_message(window, ledger, tmp_path, answers,
                                                   chosen):
    out = tmp_path / "坏的.backup"
    core_backups.make_backup(ledger, out)
    data = out.read_bytes()
    out.write_bytes(data[: len(data) // 2])
    before = file_hash(ledger.path)
    chosen["backup"] = str(out)
    assert not window.restore()
    [refusal] = answers.texts("warn")
    assert "损坏" in refusal and str(out) in refusal
    assert answers.texts("confirm") == []  # nothing was offered
    assert window.ledger is ledger and not ledger.closed
    assert file_hash(ledger.path) == before
    assert list(tmp_path.glob("*.before-restore-*")) == []


def test_a_restore_that_fails_leaves_the_window_on_its_file(window, ledger, tmp_path, answers,
                                                           chosen, monkeypatch):
    out = tmp_path / "好的.backup"
    core_backups.make_backup(ledger, out)
    chosen["backup"] = str(out)

    def refused(backup, db_path):
        raise core_backups.StorageError("无法写入 D:\\台账（磁盘已满），台账未作任何改动。")

    monkeypatch.setattr(core_backups, "restore_backup", refused)
    assert not window.restore()
    assert "磁盘已满" in answers.texts("warn")[0]
    assert window.ledger.path == ledger.path and window.ledger.operator.name == ADMIN
    add_unit(window, "县财政局")  # the window still writes to its file
    assert unit_names(window) == ["县财政局", "县委组织部"]


# --- automatic backups ----------------------------------------------------------------------------


def test_the_timer_backs_up_after_a_change_and_not_without_one(qtbot, ledger, settings):
    save(ledger, "unit", None, {"name": "县委组织部", "level": "县直"})
    window = MainWindow(ledger, settings, backup_interval_ms=50,
                        backup_clock=days(dt.datetime(2026, 3, 2, 9, 0)))
    qtbot.addWidget(window)
    folder = ledger.path.parent / "backups"
    with qtbot.waitSignal(window.backups.made, timeout=10000):
        window.backups.start()  # the backup at start
    assert [p.name for p in core_backups.list_backups(folder)] == ["ledger-20260302-090000.backup"]
    qtbot.wait(400)  # eight ticks of the timer, nothing changed: no backup
    assert len(core_backups.list_backups(folder)) == 1
    with qtbot.waitSignal(window.backups.made, timeout=10000):
        add_unit(window, "县财政局")
    made = core_backups.list_backups(folder)
    assert made[0].name == "ledger-20260303-090000.backup"
    assert core_backups.inspect_backup(made[0]).counts["unit"] == 2
    assert window.findChild(QLabel, "backup_status").text().startswith(
        "已备份 09:00")
    qtbot.wait(400)
    assert len(core_backups.list_backups(folder)) == 2
    # each backup is a line in the history
    lines = ledger.execute("SELECT COUNT(*) FROM history WHERE label = '备份台账'")
    assert lines == [(2,)]
    window.close()


def test_closing_the_window_backs_up_what_was_changed(qtbot, ledger, settings):
    window = MainWindow(ledger, settings, backup_clock=days(dt.datetime(2026, 3, 2, 9, 0)))
    qtbot.addWidget(window)
    window.backups.start(back_up_now=False)
    folder = ledger.path.parent / "backups"
    window.close()  # nothing changed: nothing to back up
    assert core_backups.list_backups(folder) == []
    window = MainWindow(ledger, settings, backup_clock=days(dt.datetime(2026, 3, 2, 9, 0)))
    qtbot.addWidget(window)
    window.backups.start(back_up_now=False)
    add_unit(window, "县财政局")
    window.close()  # waits for the backup
    [made] = core_backups.list_backups(folder)
    assert core_backups.inspect_backup(made).counts["unit"] == 1


def test_a_failed_automatic_backup_is_a_line_in_the_status_bar(qtbot, ledger, settings, answers):
    blocked = ledger.path.parent / "not-a-folder"
    blocked.write_text("a file where the backup folder should be")
    ops_changes = core_backups.set_backup_settings(ledger, folder=str(blocked / "backups"))
    assert ops_changes
    window = MainWindow(ledger, settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.backups.failed, timeout=10000):
        window.backups.start()
    label = window.findChild(QLabel, "backup_status")
    assert label.text().startswith("备份没有做成：无法写入")
    assert answers.asked == []  # no box in the middle of typing
    assert window.backups.changes == 0
    window.close()


def test_a_missing_second_folder_is_a_warning_and_the_backup_is_made(qtbot, ledger, settings):
    stick = ledger.path.parent / "E盘" / "台账备份"  # the stick is not plugged in
    core_backups.set_backup_settings(ledger, second_folder=str(stick))
    window = MainWindow(ledger, settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.backups.made, timeout=10000) as made:
        window.backups.start()
    result, _kind = made.args
    assert result.info.ok and result.copies == []
    label = window.findChild(QLabel, "backup_status").text()
    assert "第二备份位置" in label and "不可用" in label
    window.close()


def test_back_up_now_answers_with_what_it_made(qtbot, window, ledger, informed):
    trigger(window, "back_up_now")
    qtbot.waitUntil(lambda: bool(informed), timeout=10000)
    [made] = core_backups.list_backups(ledger.path.parent / "backups")
    assert str(made) in informed[0] and "帮扶单位 1" in informed[0]


# --- damage ---------------------------------------------------------------------------------------


@pytest.fixture
def damaged_county(tmp_path) -> tuple[Path, Path]:
    """The demo county with a good backup of this morning, then one index key flipped: it
    opens (the quick check does not see it) but fails the full check."""
    path = tmp_path / "county.db"
    make_demo_file(path)
    with open_ledger(path) as ledger:
        good = core_backups.make_backup(ledger).info.path
    flip_an_index_key(path)
    return path, good


def test_a_ledger_that_fails_the_full_check_stops_writes_and_keeps_the_form(
        qtbot, damaged_county, settings, answers, informed, chosen):
    path, good = damaged_county
    ledger = open_ledger(path)
    auth.auto_login(ledger)  # the demo county's administrator
    try:
        answers.confirm = False  # not now
        window = open_window(qtbot, ledger, settings)
        qtbot.waitUntil(lambda: bool(answers.texts("confirm")), timeout=20000)
        [offer] = answers.texts("confirm")
        assert "完整性检查没有通过" in offer and "已停止写入" in offer
        assert str(good) in offer and "今天" in offer
        assert window.findChild(QLabel, "alert").text() \
            == "台账文件已损坏：已停止写入"
        # a save is refused with the damage's message, and the form keeps what was typed
        units = show_tab(window, "units").units
        click(qtbot, units.new_button)
        fill(qtbot, units, {"name": "县乡村振兴试点办"})
        click(qtbot, units.save_button)
        [refusal] = answers.texts("warn")
        assert "已损坏" in refusal and "已停止写入" in refusal and "没有保存" in refusal
        assert units.form.values()["name"] == "县乡村振兴试点办"
        assert "县乡村振兴试点办" not in column_values(units, "name")
        # later, 文件 → 恢复… with that backup: the damaged file is kept aside, untouched
        damaged = file_hash(path)
        answers.confirm, answers.unsaved = True, Unsaved.DISCARD
        chosen["backup"] = str(good)
        assert window.restore()
        assert window.ledger.damage is None and window.ledger.path == path
        [aside] = path.parent.glob("county.before-restore-*.db")
        assert file_hash(aside) == damaged
        assert window.findChild(QLabel, "alert").text() == ""
        window.close()
    finally:
        window.close_ledger()
        ledger.close()


def test_the_offer_after_a_failed_check_restores_the_newest_good_backup(
        qtbot, ledger, settings, answers, informed, monkeypatch):
    """The check itself is replaced here (the real one is above): the offer, accepted."""
    good = core_backups.make_backup(ledger).info
    real = check.verify_integrity

    def failing(checked):  # this file fails; the restored one is checked for real
        if checked is not ledger:
            return real(checked)
        checked.damage = "row 7 missing from index ix_household_head"
        return checked.damage

    monkeypatch.setattr(check, "verify_integrity", failing)
    save(ledger, "unit", None, {"name": "县财政局", "level": "县直"})  # after the backup
    window = open_window(qtbot, ledger, settings)
    qtbot.waitUntil(lambda: bool(informed), timeout=20000)
    [offer] = answers.texts("confirm")
    assert str(good.path) in offer
    assert window.ledger is not ledger and window.ledger.damage is None
    assert records.counts(window.ledger, ["unit"]) == {"unit": 0}
    assert "另存为" in informed[0]
    window.close()
    window.close_ledger()


def test_opening_a_damaged_file_offers_its_newest_good_backup(window, ledger, tmp_path,
                                                              answers, informed):
    other = tmp_path / "other.db"
    with open_ledger(other) as made:
        ops.create_first_admin(made, ADMIN, ADMIN_PASSWORD)
        save(made, "unit", None, {"name": "县教育局", "level": "县直"})
        good = core_backups.make_backup(made).info
    data = other.read_bytes()
    other.write_bytes(data[: len(data) * 2 // 5])
    damaged = file_hash(other)
    answers.path = str(other)
    answers.confirm = False
    assert not window.open_file()  # declined: the window stays on its file, nothing changed
    [offer] = answers.texts("confirm")
    assert "已损坏" in offer and str(good.path) in offer
    assert offer.endswith("要现在用这份备份恢复吗？")  # the core's message named the backup
    assert window.ledger is ledger and file_hash(other) == damaged
    answers.confirm = True
    assert window.open_file()
    assert window.ledger.path == other and unit_names(window) == ["县教育局"]
    [aside] = tmp_path.glob("other.before-restore-*.db")
    assert file_hash(aside) == damaged and str(aside) in informed[0]


def test_a_damaged_file_is_offered_a_backup_in_its_own_backup_folder(window, ledger, tmp_path,
                                                                     answers, settings):
    """The folder set in the ledger cannot be read from a damaged file: the window remembered
    it when the file was last open."""
    other = tmp_path / "other.db"
    elsewhere = tmp_path / "D盘备份"
    with open_ledger(other) as made:
        ops.create_first_admin(made, ADMIN, ADMIN_PASSWORD)
        core_backups.set_backup_settings(made, folder=str(elsewhere))
        good = core_backups.make_backup(made).info
    assert good.path.parent == elsewhere
    answers.path = str(other)
    assert window.open_file()
    window.switch_to(ledger.path)  # back, and the other file is damaged meanwhile
    data = other.read_bytes()
    other.write_bytes(data[: len(data) * 2 // 5])
    answers.confirm = False
    assert not window.open_file()
    assert str(good.path) in answers.texts("confirm")[-1]


def test_a_damaged_file_without_a_backup_can_be_opened_read_only(window, ledger, tmp_path,
                                                                   answers, monkeypatch):
    """No backup to restore: the clerk can still see, print and export what the file holds;
    the window says it is damaged and read-only, a save is refused, the file stays as it was."""
    other = tmp_path / "other.db"
    with open_ledger(other) as made:
        ops.create_first_admin(made, ADMIN, ADMIN_PASSWORD)
        save(made, "unit", None, {"name": "县教育局", "level": "县直"})
    broken_index_page(other)
    damaged = file_hash(other)
    asked = []

    def confirm(cls, parent, title, text):
        asked.append(text)
        return "只读方式打开" in text

    monkeypatch.setattr(Ask, "confirm", classmethod(confirm))
    answers.path = str(other)
    answers.credentials = (ADMIN, ADMIN_PASSWORD)
    assert window.open_file()
    assert "没有找到完好的备份" in asked[0] and "只读方式打开" in asked[0]
    assert window.ledger.path == other and window.ledger.read_only
    assert unit_names(window) == ["县教育局"]
    alert = window.findChild(QLabel, "alert")
    assert "已损坏" in alert.text() and "只读" in alert.text()
    with pytest.raises(Exception, match="已停止写入"):
        save(window.ledger, "unit", None, {"name": "县财政局", "level": "县直"})
    window.switch_to(ledger.path)
    assert file_hash(other) == damaged and len(asked) == 1


# --- where the ledger is, the settings, 关于 ------------------------------------------------------


def test_a_ledger_in_a_synced_folder_is_warned_about_once(qtbot, ledger, settings, answers,
                                                          monkeypatch):
    text = f"台账 {ledger.path} 位于同步盘“OneDrive”的文件夹中：同步软件可能在保存时复制半个文件。"
    monkeypatch.setattr(ledgers, "location_warning", lambda path: text)
    window = open_window(qtbot, ledger, settings)
    qtbot.waitUntil(lambda: bool(answers.texts("warn")), timeout=5000)
    assert answers.texts("warn") == [text]
    alert = window.findChild(QLabel, "alert")
    assert "同步盘" in alert.text() and alert.toolTip() == text
    window.switch_operator()  # the same file again: no second message
    qtbot.wait(50)
    assert answers.texts("warn") == [text]
    window.close()


def test_backup_settings_are_saved_and_a_missing_stick_is_said(window, ledger, tmp_path, answers,
                                                              monkeypatch):
    asked = []

    def edit(cls, parent, values, default_folder):
        asked.append((values, default_folder))
        return {**values, "second_folder": str(tmp_path / "U盘"), "minutes": 10, "daily": 3}

    monkeypatch.setattr(Ask, "backup_settings", classmethod(edit))
    window.backups.start(back_up_now=False)
    assert window.show_backup_settings()
    assert asked[0][0] == core_backups.DEFAULTS
    assert asked[0][1] == str(ledger.path.parent / "backups")
    stored = core_backups.backup_settings(ledger)
    assert stored["second_folder"] == str(tmp_path / "U盘") and stored["minutes"] == 10
    assert stored["daily"] == 3
    assert window.backups.timer.interval() == 10 * 60_000
    assert "U 盘没有插好" in answers.texts("warn")[0]


def test_the_backup_settings_dialog_gives_back_what_it_shows(qtbot):
    values = {**core_backups.DEFAULTS, "folder": "D:/台账备份", "monthly": 24}
    dialog = BackupSettingsDialog(values, "C:/台账/backups")
    qtbot.addWidget(dialog)
    assert dialog.values() == values
    dialog.minutes.setValue(5)
    dialog.second_folder.setText("  E:/备份  ")
    assert dialog.values() == {**values, "minutes": 5, "second_folder": "E:/备份"}
    assert "C:/台账/backups" in dialog.folder.placeholderText()


def test_about_names_the_version_the_folders_and_the_licences(window):
    trigger(window, "about")
    about = window.about
    assert about is not None and about.isVisible()
    text = about.text()
    assert pairing_desktop.__version__ in text
    assert str(data_dir()) in text and str(log_dir()) in text
    assert "MIT License" in about.licences.toPlainText()
    assert "LGPL" in about.licences.toPlainText()
    about.close()
