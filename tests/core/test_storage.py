"""Opening ledger files: pragmas, one instance per file, refusing bad files untouched, upgrades."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import peewee
import pytest
from playhouse.migrate import SqliteMigrator, migrate

from pairing_desktop.core.errors import StorageError
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.storage import schema
from pairing_desktop.core.storage.models import Township
from tests.helpers import (
    file_hash,
    garbage_with_header,
    save,
    someone_elses_sqlite,
    text_file,
    truncated_ledger,
)

ROOT = Path(__file__).resolve().parents[2]


def pragma(ledger, name):
    return ledger.pragma(name)


def closed_ledger(ledger, towns=("城关镇", "甘棠镇")) -> Path:
    """The test's ledger file with a few townships, closed again (WAL folded into the file)."""
    for name in towns:
        save(ledger, "township", None, {"name": name})
    ledger.close()
    return ledger.path


def raw(path: Path, query: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(query).fetchall()
    finally:
        con.close()


def columns(path: Path, table: str) -> list[str]:
    return [row[1] for row in raw(path, f"PRAGMA table_info({table})")]


# --- pragmas and the lock ------------------------------------------------------------------------


def test_an_open_ledger_is_wal_full_sync_with_foreign_keys(ledger):
    assert pragma(ledger, "journal_mode") == "wal"
    assert pragma(ledger, "synchronous") == 2  # FULL
    assert pragma(ledger, "foreign_keys") == 1
    assert pragma(ledger, "busy_timeout") == 5000
    assert pragma(ledger, "application_id") == schema.APPLICATION_ID
    assert pragma(ledger, "user_version") == schema.SCHEMA_VERSION


def test_foreign_keys_are_enforced_by_the_file(ledger):
    with pytest.raises(peewee.IntegrityError):
        ledger.execute(
            "INSERT INTO village (id, created_at, updated_at, township_id, name, poverty_class,"
            " status) VALUES ('a', '', '', 'nowhere', 'x', '', '')")


def test_a_second_open_of_the_same_file_is_refused_until_closed(ledger):
    with pytest.raises(StorageError, match="已在另一个窗口或另一台电脑上打开"):
        open_ledger(ledger.path)
    assert save(ledger, "township", None, {"name": "城关镇"})  # the first is still usable
    ledger.close()
    with open_ledger(ledger.path) as second, second.bound():
        assert Township.live().count() == 1


def test_another_process_is_refused_while_the_file_is_open(ledger):
    probe = ("import sys\nfrom pairing_desktop.core.ledgers import open_ledger\n"
             "from pairing_desktop.core.errors import StorageError\n"
             "try:\n    open_ledger(sys.argv[1])\nexcept StorageError as e:\n"
             "    print(e)\n    sys.exit(3)\n")
    result = subprocess.run([sys.executable, "-c", probe, str(ledger.path)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 3
    assert "已在另一个窗口或另一台电脑上打开" in result.stdout


# --- files that are refused untouched ------------------------------------------------------------


@pytest.mark.parametrize(("make", "message"), [
    (garbage_with_header, "已损坏"),
    (truncated_ledger, "已损坏"),
    (text_file, "不是数据库文件"),
    (someone_elses_sqlite, "不是本程序的台账数据库"),
])
def test_bad_files_are_refused_and_left_byte_identical(tmp_path, make, message):
    path = tmp_path / "office.db"
    make(path)
    before, listing = file_hash(path), sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(StorageError, match=message) as info:
        open_ledger(path)
    assert "未作任何改动" in str(info.value)
    assert file_hash(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no lock, WAL or backup


def test_a_newer_file_is_refused_untouched(ledger):
    path = closed_ledger(ledger)
    raw(path, f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    before = file_hash(path)
    with pytest.raises(StorageError, match="更新版本的程序") as info:
        open_ledger(path)
    assert f"数据结构版本 {schema.SCHEMA_VERSION + 1}" in str(info.value)
    assert file_hash(path) == before


# --- upgrades ------------------------------------------------------------------------------------


@pytest.fixture
def older_file(ledger, monkeypatch) -> tuple[Path, dict]:
    """A ledger of today's version, and a program that knows one version more: return the file
    and the program's migrations, for the test to fill."""
    path = closed_ledger(ledger)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    migrations = dict(schema.MIGRATIONS)
    monkeypatch.setattr(schema, "MIGRATIONS", migrations)
    return path, migrations


def add_motto(db, seen: list) -> None:
    """A real migration: a new column, then data written into it."""
    seen.append(db.in_transaction())
    migrate(SqliteMigrator(db).add_column("township", "motto",
                                          peewee.CharField(null=True)))
    db.execute_sql("UPDATE township SET motto = name || '：团结奋进'")


def test_an_older_file_is_copied_aside_then_upgraded_in_one_transaction(older_file):
    path, next_version = older_file
    old = schema.SCHEMA_VERSION - 1
    seen: list[bool] = []
    next_version[old] = lambda db: add_motto(db, seen)
    ledger = open_ledger(path)
    try:
        assert seen == [True]  # the migration ran inside the opening transaction
        assert pragma(ledger, "user_version") == old + 1
        assert ledger.execute("SELECT motto FROM township ORDER BY name") == [
            ("城关镇：团结奋进",), ("甘棠镇：团结奋进",)]
        backup = ledger.backup
        assert backup is not None and backup.exists() and f".v{old}-" in backup.name
    finally:
        ledger.close()
    assert raw(backup, "PRAGMA user_version") == [(old,)]
    assert "motto" not in columns(backup, "township")
    assert raw(backup, "SELECT COUNT(*) FROM township") == [(2,)]


def test_a_failing_migration_leaves_the_file_unchanged(older_file):
    path, next_version = older_file
    old = schema.SCHEMA_VERSION - 1
    before = file_hash(path)

    def half_done(db):
        add_motto(db, [])
        raise RuntimeError("磁盘已满")

    next_version[old] = half_done
    with pytest.raises(StorageError, match="升级失败") as info:
        open_ledger(path)
    assert "磁盘已满" in str(info.value) and "未作任何改动" in str(info.value)
    assert file_hash(path) == before
    assert raw(path, "PRAGMA user_version") == [(old,)]
    assert "motto" not in columns(path, "township")
    # the lock was let go: a fixed program opens the file
    next_version[old] = lambda db: add_motto(db, [])
    open_ledger(path).close()
    assert raw(path, "PRAGMA user_version") == [(old + 1,)]


def test_an_index_added_since_the_file_was_made_is_created_on_open(tmp_path):
    path = tmp_path / "ledger.db"
    open_ledger(path).close()
    con = sqlite3.connect(path)
    con.execute("DROP INDEX ix_activity_figures")
    con.commit()
    con.close()
    opened = open_ledger(path)
    try:
        names = {r[0] for r in opened.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "ix_activity_figures" in names
    finally:
        opened.close()
