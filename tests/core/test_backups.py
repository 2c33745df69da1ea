"""Backups made while the ledger is open, checked, rotated, and restored without making things
worse."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3

import pytest

from pairing_desktop.core import backups, records
from pairing_desktop.core.errors import RefusedError, StorageError, ValidationError
from pairing_desktop.core.ledgers import open_ledger
from tests.helpers import cli, file_hash, save


def test_a_backup_of_an_open_ledger_holds_what_is_still_in_the_wal(ledger, township, tmp_path):
    save(ledger, "village", None, {"township": township, "name": "红岩村"})
    assert ledger.path.with_name("ledger.db-wal").stat().st_size > 0  # not checkpointed yet
    result = backups.make_backup(ledger)
    info = result.info
    assert info.ok and info.counts["village"] == 1 and info.counts["township"] == 1
    assert info.path.parent == ledger.path.parent / "backups"
    assert info.path.name.startswith("ledger-") and info.path.name.endswith(".backup")
    copied = tmp_path / "copied-by-hand.db"  # what a clerk's file manager would copy
    shutil.copyfile(ledger.path, copied)
    with sqlite3.connect(copied) as con:
        assert con.execute("SELECT COUNT(*) FROM village").fetchone() == (0,)


def test_a_backup_is_recorded_in_the_history(ledger):
    from pairing_desktop.core import history

    backups.make_backup(ledger)
    newest = history.entries(ledger, limit=1)[0]
    assert (newest.label, newest.kind, newest.operator) == ("备份台账", "backup", "admin")


@pytest.mark.parametrize("target", ["ledger", "folder", "foreign"])
def test_a_backup_never_overwrites_the_ledger_a_folder_or_a_foreign_file(ledger, tmp_path,
                                                                         target):
    out = {"ledger": ledger.path, "folder": tmp_path, "foreign": tmp_path / "notes.txt"}[target]
    if target == "foreign":
        out.write_text("工作笔记", encoding="utf-8")
    before = file_hash(out) if out.is_file() else None
    with pytest.raises(ValidationError, match="备份文件："):
        backups.make_backup(ledger, out)
    if before is not None:
        assert file_hash(out) == before


def test_the_scans_travel_with_the_backup_and_a_missing_stick_is_a_warning(ledger, tmp_path):
    scans = ledger.path.parent / "scans"
    scans.mkdir()
    (scans / "QADQ-5QG9-v1.pdf").write_bytes(b"%PDF-1.4 signed")
    backups.set_backup_settings(ledger, second_folder=str(tmp_path / "no-usb-stick" / "x"))
    result = backups.make_backup(ledger)
    assert (result.info.path.parent / "scans" / "QADQ-5QG9-v1.pdf").read_bytes() == \
        b"%PDF-1.4 signed"
    assert result.copies == [] and "第二备份位置" in result.warnings[0]
    stick = tmp_path / "usb"
    stick.mkdir()
    backups.set_backup_settings(ledger, second_folder=str(stick))
    result = backups.make_backup(ledger, now=dt.datetime.now() + dt.timedelta(seconds=1))
    assert result.warnings == [] and result.copies[0].parent == stick
    assert (stick / "scans" / "QADQ-5QG9-v1.pdf").exists()


def test_rotation_keeps_the_newest_of_each_day_week_and_month(ledger, tmp_path):
    folder = tmp_path / "rot"
    first = backups.make_backup(ledger, folder / "seed.backup").info.path
    now = dt.datetime(2026, 11, 29, 18, 0)
    made = []
    for hours in range(0, 24 * 400, 10):  # a backup every ten hours for 400 days
        when = now - dt.timedelta(hours=hours)
        path = folder / backups.backup_name(ledger.path, when)
        shutil.copyfile(first, path)
        made.append(when)
    first.unlink()
    removed = backups.rotate(folder, "ledger", daily=7, weekly=4, monthly=12, now=now)
    kept = [backups.made_at(p) for p in backups.list_backups(folder, "ledger")]
    assert len(removed) + len(kept) == len(made)
    days = {t.date() for t in kept if t > now - dt.timedelta(days=7)}
    assert len(days) == 7 and kept[0] == now  # the newest is always kept
    assert len({(t.year, t.month) for t in kept}) == 12
    assert len(kept) <= 7 + 4 + 12


def test_restore_shows_the_backup_keeps_the_current_file_aside(ledger, township, tmp_path):
    info = backups.make_backup(ledger).info
    save(ledger, "township", None, {"name": "后来新建的镇"})
    ledger.close()
    result = cli("restore", str(info.path), "--db", str(ledger.path))
    assert result.returncode == 0, result.stderr
    assert "备份时间：" in result.stdout and "  乡镇：1" in result.stdout.splitlines()
    aside = next(ledger.path.parent.glob("ledger.before-restore-*.db"))
    with open_ledger(ledger.path) as restored:
        assert records.counts(restored, ["township"]) == {"township": 1}
    with open_ledger(aside) as kept:
        assert records.counts(kept, ["township"]) == {"township": 2}  # its WAL went along


def test_a_damaged_backup_is_refused_and_changes_nothing(ledger, tmp_path):
    info = backups.make_backup(ledger).info
    data = info.path.read_bytes()
    info.path.write_bytes(data[: len(data) // 2])
    ledger.close()
    before = file_hash(ledger.path)
    with pytest.raises((RefusedError, StorageError), match="损坏"):
        backups.restore_backup(info.path, ledger.path)
    assert file_hash(ledger.path) == before
    assert list(ledger.path.parent.glob("*.before-restore-*")) == []
    assert backups.newest_good(info.path.parent, "ledger") is None


def test_restore_is_refused_while_the_ledger_is_open(ledger):
    info = backups.make_backup(ledger).info
    with pytest.raises(StorageError, match="已在另一个窗口"):
        backups.restore_backup(info.path, ledger.path)


def test_backup_command(ledger, tmp_path):
    ledger.close()
    out = tmp_path / "今天.backup"
    result = cli("backup", "--db", str(ledger.path), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert backups.inspect_backup(out).ok
    refused = cli("backup", "--db", str(ledger.path), "--out", str(ledger.path))
    assert refused.returncode == 1 and "不能是正在使用的台账本身" in refused.stderr


def test_a_damaged_ledger_names_its_newest_good_backup(ledger):
    from pairing_desktop.core.errors import DamagedError

    info = backups.make_backup(ledger).info
    ledger.close()
    data = ledger.path.read_bytes()
    ledger.path.write_bytes(data[: len(data) * 2 // 5])
    before = file_hash(ledger.path)
    with pytest.raises(DamagedError) as refused:
        open_ledger(ledger.path)
    assert str(info.path) in str(refused.value) and "（今天）" not in str(refused.value)
    assert "今天" in str(refused.value) and "pairing-desktop restore" in str(refused.value)
    assert file_hash(ledger.path) == before


@pytest.mark.parametrize(("folder", "warned"), [
    ("C:/Users/wang/OneDrive/台账", True), ("/home/wang/百度网盘/台账", True),
    ("//server/share/台账", True), ("/home/wang/台账", False)])
def test_a_ledger_in_a_synced_or_shared_folder_is_warned_about(folder, warned):
    from pathlib import PurePosixPath

    from pairing_desktop.core.ledgers import location_warning

    path = PurePosixPath(folder) / "ledger.db"
    assert (location_warning(path) is not None) == warned


def test_rotation_keeps_every_backup_of_the_last_day(ledger, tmp_path):
    """After restoring an older copy, the next backup must not push out the morning's, which
    holds the newer work: a backup's name tells when it was made, not how new its records are."""
    folder = tmp_path / "rot"
    seed = backups.make_backup(ledger, folder / "seed.backup").info.path
    now = dt.datetime(2026, 11, 29, 18, 0)
    for hours in (1, 9, 30):
        shutil.copyfile(seed, folder / backups.backup_name(ledger.path, now - dt.timedelta(
            hours=hours)))
    seed.unlink()
    removed = backups.rotate(folder, "ledger", daily=1, weekly=1, monthly=1, now=now)
    assert [backups.made_at(p).hour for p in removed] == [12]  # only the one of the day before
