"""Failures that are not bad input: a clear Chinese message, nothing half-written, nothing lost."""

from __future__ import annotations

import subprocess
import sys
import time

import peewee
import pytest

from pairing_desktop.core import operations as ops
from pairing_desktop.core import records
from pairing_desktop.core.errors import RefusedError, StorageError
from pairing_desktop.core.files import clean_leftovers
from pairing_desktop.core.ledgers import open_ledger
from tests.helpers import ROOT, dump, save


@pytest.mark.parametrize(("sqlite_says", "clerk_reads"), [
    ("database or disk is full", "磁盘已满：这次修改没有保存"),
    ("attempt to write a readonly database", "台账文件或所在文件夹是只读的"),
    ("disk I/O error", "U 盘或网络盘是否已断开"),
    ("database is locked", "台账正被其他程序占用"),
])
def test_a_failing_write_is_said_in_chinese_and_changes_nothing(ledger, township, monkeypatch,
                                                                sqlite_says, clerk_reads):
    """The OS's failure is injected where SQLite writes the village (this machine cannot mount a
    small filesystem for a real full disk, and root ignores read-only permissions)."""
    before = dump(ledger)
    real = peewee.SqliteDatabase.execute_sql

    def failing(self, sql, params=None, *args, **kwargs):
        if sql.startswith('INSERT INTO "village"'):
            raise peewee.OperationalError(sqlite_says)
        return real(self, sql, params, *args, **kwargs)

    monkeypatch.setattr(peewee.SqliteDatabase, "execute_sql", failing)
    with pytest.raises(StorageError, match=clerk_reads):
        ops.save(ledger, "village", None, {"township": township, "name": "红岩村"})
    monkeypatch.undo()
    assert dump(ledger) == before
    assert save(ledger, "village", None, {"township": township, "name": "红岩村"})


def test_a_rule_the_database_enforces_is_still_bad_input(ledger, cadre, household):
    """A uniqueness the database holds is said as a field's problem, not as a file failure."""
    from pairing_desktop.core.errors import ValidationError

    save(ledger, "assignment", None, {"cadre": cadre, "household": household,
                                      "started_on": "2008-01-05"})
    with pytest.raises(ValidationError, match="已由 刘建国 负责"):
        save(ledger, "assignment", None, {"cadre": cadre, "household": household,
                                          "started_on": "2008-02-05"})


def test_a_new_ledger_appears_only_when_complete(tmp_path):
    """A child creating a ledger is killed at random moments: the name is either absent or a
    complete ledger that opens; the temporary leftovers go at a later start."""
    child = ("import sys\nfrom pairing_desktop.core.ledgers import open_ledger\n"
             "open_ledger(sys.argv[1]).close()\n")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", child, str(tmp_path / "whole.db")], cwd=ROOT,
                   check=True)
    whole = time.perf_counter() - started  # kills are timed as fractions of a whole run
    made = 0
    for round_, fraction in enumerate((0.2, 0.6, 0.85, 0.95, 1.0, 1.1, 3.0, 4.0)):
        path = tmp_path / f"new{round_}.db"
        proc = subprocess.Popen([sys.executable, "-c", child, str(path)], cwd=ROOT)
        time.sleep(whole * fraction)
        proc.kill()
        proc.wait()
        if path.exists():
            made += 1
            with open_ledger(path) as opened:
                assert records.counts(opened, ["rank"]) == {"rank": 4}
    assert 0 < made < 8, "the kills should land both before and after the rename"
    clean_leftovers(tmp_path, now=time.time() + 7200)
    assert [p.name for p in tmp_path.iterdir() if ".part" in p.name] == []


def flip_an_index_key(path) -> None:
    """Change one character of a name inside an index page: the page stays well-formed (the open
    check passes) but the index no longer matches its rows (the full check fails)."""
    import sqlite3

    with sqlite3.connect(path) as con:
        pages = [r[0] for r in con.execute(
            "SELECT pageno FROM dbstat WHERE name = 'ix_household_head' AND pagetype = 'leaf'")]
        names = [r[0].encode() for r in con.execute("SELECT head_name FROM household")]
        size = con.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    start = (pages[0] - 1) * size
    page = bytes(data[start:start + size])
    at = next(start + page.find(n) + len(n) - 1 for n in names if page.find(n) > 0)
    data[at] = 0x80 + (data[at] - 0x80 + 1) % 0x40  # another valid last byte of a character
    path.write_bytes(data)


def test_damage_the_open_check_misses_is_caught_before_anything_writes(tmp_path):
    from pairing_desktop.core.check import verify_integrity
    from pairing_desktop.core.demo import make_demo_file
    from tests.helpers import cli, file_hash

    path = tmp_path / "county.db"
    make_demo_file(path)
    flip_an_index_key(path)
    before = file_hash(path)
    result = cli("letters", "--db", str(path), "--kind", "target", "--year", "2026",
                 "--out", str(tmp_path / "t.pdf"))
    assert result.returncode == 1 and "已损坏" in result.stderr and "missing from index" in \
        result.stderr
    assert file_hash(path) == before and not (tmp_path / "t.pdf").exists()
    with open_ledger(path) as opened:  # the quick check at open does not see it
        assert verify_integrity(opened) != "ok"
        with pytest.raises(RefusedError, match="已停止写入"):
            save(opened, "township", None, {"name": "新镇"})


def test_a_damaged_file_sqlite_still_reads_is_opened_read_only_on_request(ledger, township):
    """Refused by the normal open (a backup is offered), yet its records can be seen, printed
    and exported read-only; nothing writes to it, not even a wrong password's count."""
    from pairing_desktop.core import auth, records
    from pairing_desktop.core.errors import DamagedError, StorageError
    from pairing_desktop.core.ledgers import open_damaged
    from tests.conftest import ADMIN_PASSWORD
    from tests.helpers import broken_index_page, file_hash, garbage_with_header

    path = ledger.path
    ledger.close()
    broken_index_page(path)
    before = file_hash(path)
    with pytest.raises(DamagedError) as refused:
        open_ledger(path)
    assert refused.value.readable and "btreeInitPage" in refused.value.problem
    with open_damaged(path, refused.value) as seen:
        assert seen.read_only and "btreeInitPage" in seen.damage
        assert records.counts(seen, ["township"]) == {"township": 1}
        with pytest.raises(RefusedError):
            auth.login(seen, "admin", "不对的密码")
        auth.login(seen, "admin", ADMIN_PASSWORD)
        with pytest.raises(RefusedError, match="已停止写入"):
            save(seen, "township", None, {"name": "新镇"})
    assert file_hash(path) == before
    garbage_with_header(path)
    with pytest.raises(DamagedError) as unreadable:
        open_ledger(path)
    with pytest.raises(StorageError):
        open_damaged(path, unreadable.value)


def test_an_os_failure_is_said_in_chinese_with_the_systems_words_kept(tmp_path):
    import errno
    import os

    from pairing_desktop.core.sync import package

    with pytest.raises(package.PackageError) as refused:
        package.read(tmp_path / "不在这里.pdx")
    assert f"找不到这个文件或文件夹［{os.strerror(errno.ENOENT)}］" in str(refused.value)


def test_a_command_whose_reader_stops_reading_ends_quietly(tmp_path):
    import subprocess
    import sys

    from pairing_desktop.core.demo import make_demo_file
    from tests.helpers import ROOT

    path = tmp_path / "d.db"
    make_demo_file(path)
    shell = (f'"{sys.executable}" -m pairing_desktop history --db "{path}" | head -n 1')
    done = subprocess.run(shell, shell=True, cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8")
    assert len(done.stdout.splitlines()) == 1
    assert "错误" not in done.stderr and "Traceback" not in done.stderr
