"""A ledger on a PostgreSQL server: created in an empty database, refused in someone else's or a
newer one, upgraded in one transaction, numbered by its triggers, shared by clients at once.

The rules, operations and history run on a server in their own modules (marked both_backends);
these are what a server does differently from a file."""

from __future__ import annotations

import threading

import peewee
import psycopg2
import pytest
from playhouse.migrate import PostgresqlMigrator, migrate

from pairing_desktop.core import auth, records
from pairing_desktop.core import operations as ops
from pairing_desktop.core.backups import make_backup
from pairing_desktop.core.check import check_file
from pairing_desktop.core.errors import RefusedError, StorageError
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.storage import schema
from tests import pg
from tests.helpers import dump, save


@pytest.fixture
def backend() -> str:
    """Every `ledger` here is on the server."""
    return "postgresql"


@pytest.fixture
def empty_url(pg_server) -> str:
    name = pg.fresh_name()
    pg.admin_sql(pg_server, f"CREATE DATABASE {name}")
    yield pg.with_database(pg_server, name)
    pg.admin_sql(pg_server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def server_rows(url: str, sql: str) -> list[tuple]:
    con = psycopg2.connect(url)
    try:
        with con.cursor() as cur:
            cur.execute(sql)
            return cur.fetchall()
    finally:
        con.close()


def test_an_empty_database_becomes_a_ledger_with_its_version_and_defaults(empty_url):
    with open_ledger(empty_url) as ledger:
        assert ledger.server == empty_url and ledger.lock is None
        assert ledger.execute("SELECT name FROM rank ORDER BY sort_order")[0] == ("县级",)
    assert server_rows(empty_url, "SELECT application_id, version FROM pairing_ledger") == [
        (schema.APPLICATION_ID, schema.SCHEMA_VERSION)]


def test_clients_starting_together_on_an_empty_database_make_one_ledger(empty_url):
    opened, failed = [], []

    def start():
        try:
            with open_ledger(empty_url) as ledger:
                opened.append(ledger.execute("SELECT count(*) FROM rank")[0][0])
        except Exception as exc:
            failed.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failed == [] and opened == [4, 4, 4, 4]
    assert server_rows(empty_url, "SELECT count(*) FROM pairing_ledger") == [(1,)]


def test_a_database_holding_something_else_is_refused_untouched(empty_url):
    con = psycopg2.connect(empty_url)
    with con, con.cursor() as cur:
        cur.execute("CREATE TABLE payroll (name text)")
    con.close()
    with pytest.raises(StorageError, match="不是本程序的台账，未作任何改动"):
        open_ledger(empty_url)
    assert server_rows(empty_url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                       ) == [("payroll",)]


def test_a_newer_ledger_is_refused_untouched(pg_url):
    con = psycopg2.connect(pg_url)
    with con, con.cursor() as cur:
        cur.execute("UPDATE pairing_ledger SET version = version + 1")
    con.close()
    with pytest.raises(StorageError, match=f"数据结构版本 {schema.SCHEMA_VERSION + 1}"):
        open_ledger(pg_url)


def add_motto(db) -> None:
    migrate(PostgresqlMigrator(db).add_column("township", "motto", peewee.CharField(null=True)))
    db.execute_sql("UPDATE township SET motto = name || '：团结奋进'")


def next_version(monkeypatch) -> dict:
    """A program that knows one version more than the ledgers: the test fills its migration."""
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    migrations = dict(schema.MIGRATIONS)
    monkeypatch.setattr(schema, "MIGRATIONS", migrations)
    return migrations


def test_an_older_ledger_is_upgraded_in_one_transaction(pg_url, monkeypatch):
    with open_ledger(pg_url) as ledger:
        auth.auto_login(ledger)
        save(ledger, "township", None, {"name": "城关镇"})
    next_version(monkeypatch)[schema.SCHEMA_VERSION - 1] = add_motto
    with open_ledger(pg_url) as ledger:
        assert ledger.execute("SELECT motto FROM township") == [("城关镇：团结奋进",)]
    assert server_rows(pg_url, "SELECT version FROM pairing_ledger") == [
        (schema.SCHEMA_VERSION,)]


def test_a_failing_upgrade_leaves_the_ledger_as_it_was(pg_url, monkeypatch):
    def half_done(db):
        add_motto(db)
        raise RuntimeError("磁盘已满")

    next_version(monkeypatch)[schema.SCHEMA_VERSION - 1] = half_done
    with pytest.raises(StorageError, match=r"升级失败.*磁盘已满.*未作任何改动"):
        open_ledger(pg_url)
    assert server_rows(pg_url, "SELECT version FROM pairing_ledger") == [
        (schema.SCHEMA_VERSION - 1,)]
    assert server_rows(pg_url, "SELECT count(*) FROM information_schema.columns"
                       " WHERE column_name = 'motto'") == [(0,)]


def test_every_write_on_the_server_gets_the_next_change_number(ledger):
    unit = save(ledger, "unit", None, {"name": "县财政局", "level": "县直"})
    first = records.load_with_revision(ledger, "unit", unit)[1]
    with ledger.atomic():  # an outside write, not through an operation
        ledger.execute("UPDATE unit SET contact = '张三' WHERE id = ?", (unit.hex,))
    second = records.load_with_revision(ledger, "unit", unit)[1]
    assert second > first
    assert ledger.execute("SELECT rev FROM sync_clock") == [(second,)]


def test_two_clients_save_different_records_at_once_and_both_are_kept(ledger):
    units = [save(ledger, "unit", None, {"name": f"单位{i}", "level": "县直"}) for i in range(2)]
    clients = [open_ledger(ledger.path, lock=False) for _ in units]
    errors = []

    def work(client, unit):
        try:
            auth.auto_login(client)
            for n in range(10):
                ops.save(client, "unit", unit, {"head": f"负责人{n}"},
                         expected_rev=records.load_with_revision(client, "unit", unit)[1])
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=pair)
               for pair in zip(clients, units, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for client in clients:
        client.close()
    assert errors == []
    assert sorted(ledger.execute("SELECT head FROM unit")) == [("负责人9",), ("负责人9",)]
    revs = ledger.execute("SELECT rev FROM unit")
    assert len({r for (r,) in revs}) == 2


def test_a_second_client_saving_the_same_record_is_refused_naming_who(ledger):
    unit = save(ledger, "unit", None, {"name": "县财政局", "level": "县直"})
    ops.create_operator(ledger, "lina", "secret123", auth.ADMIN, full_name="李娜")
    other = open_ledger(ledger.path)  # another clerk's computer on the same server
    try:
        auth.login(other, "lina", "secret123")
        mine, theirs = (records.load_with_revision(x, "unit", unit)[1] for x in (ledger, other))
        ops.save(other, "unit", unit, {"head": "李娜"}, expected_rev=theirs)
        before = dump(ledger)
        with pytest.raises(RefusedError, match=r"已被“lina”于 .*修改"):
            ops.save(ledger, "unit", unit, {"head": "王芳"}, expected_rev=mine)
        assert dump(ledger) == before
    finally:
        other.close()


def test_a_reader_connection_cannot_write(ledger):
    with ledger.reader() as reader, pytest.raises(peewee.InternalError, match="read-only"):
        reader.execute("UPDATE unit SET name = 'x'")


def test_a_backup_of_a_server_ledger_says_to_use_the_servers_tools(ledger, tmp_path):
    with pytest.raises(StorageError, match="pg_dump"):
        make_backup(ledger, tmp_path / "copy.db")
    assert list(tmp_path.iterdir()) == []


def test_check_reads_a_server_ledger_without_writing(ledger):
    save(ledger, "township", None, {"name": "城关镇"})
    report = check_file(ledger.path)
    assert report.ok and report.counts["township"] == 1


def test_an_unreachable_server_is_named_without_its_password(tmp_path):
    url = f"postgresql://clerk:secret@/nowhere?host={tmp_path}"
    with pytest.raises(StorageError, match="连不上台账服务器") as info:
        open_ledger(url)
    assert "secret" not in str(info.value)
