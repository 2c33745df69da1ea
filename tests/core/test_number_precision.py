"""Numbers (money, areas, incomes) keep their digits on a file and on a server alike, and a server
ledger made when its numbers were float4 (before version 4) is converted, keeping its values."""

from __future__ import annotations

import shutil
import sqlite3

import psycopg2
import pytest

from pairing_desktop.core import auth, records
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.storage import schema
from tests.helpers import dump, save

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server


def server_sql(url: str, *statements: str) -> list[tuple]:
    """Run statements on the server database as an outside tool would; the last one's rows."""
    con = psycopg2.connect(url)
    try:
        with con, con.cursor() as cur:
            for sql in statements:
                cur.execute(sql)
            return cur.fetchall() if cur.description is not None else []
    finally:
        con.close()


def number_types(url: str) -> set[str]:
    pairs = " OR ".join(f"(table_name = '{t}' AND column_name = '{c}')"
                        for t, columns in schema.NUMBER_COLUMNS.items() for c in columns)
    return {t for (t,) in server_sql(url, "SELECT DISTINCT data_type FROM"
                                     f" information_schema.columns WHERE {pairs}")}


def a_household(ledger, income: str):
    township = save(ledger, "township", None, {"name": "城关镇"})
    village = save(ledger, "village", None, {"township": township, "name": "新寨村"})
    return save(ledger, "household", None, {"village": village, "head_name": "杨秀英",
                                            "income_per_capita": income})


def test_a_number_of_ten_significant_digits_comes_back_whole(ledger):
    household = a_household(ledger, "12345678.91")
    assert records.load(ledger, "household", household)["income_per_capita"] == 12345678.91
    assert ledger.execute("SELECT sum(income_per_capita) FROM household") == [(12345678.91,)]


def test_a_server_ledger_of_version_3_gets_double_numbers_keeping_its_values(pg_url):
    with open_ledger(pg_url) as ledger:
        auth.auto_login(ledger)
        household = a_household(ledger, "3456.7")
    # as version 3 made it: every number column float4 (a trigger naming it stood aside)
    server_sql(pg_url, *(f'DROP TRIGGER rev_{table} ON "{table}"; ALTER TABLE "{table}" '
                         + ", ".join(f'ALTER COLUMN "{c}" TYPE real' for c in columns)
                         for table, columns in schema.NUMBER_COLUMNS.items() if columns),
               *schema.SERVER_TRIGGERS, "UPDATE pairing_ledger SET version = 3")
    assert number_types(pg_url) == {"real"}
    numbers = "SELECT (SELECT rev FROM household), (SELECT rev FROM sync_clock)"
    numbered = server_sql(pg_url, numbers)

    with open_ledger(pg_url) as ledger:
        assert number_types(pg_url) == {"double precision"}
        assert records.load(ledger, "household", household)["income_per_capita"] == 3456.7
        assert server_sql(pg_url, numbers) == numbered  # no record counts as changed
        auth.auto_login(ledger)
        save(ledger, "household", household, {"income_per_capita": "12345678.91"})
        assert ledger.execute("SELECT income_per_capita FROM household") == [(12345678.91,)]
    assert server_sql(pg_url, "SELECT version FROM pairing_ledger") == [(4,)]


def test_a_file_of_version_3_is_upgraded_as_it_is(tmp_path, ledger_template):
    """A file's REAL was a double already: version 4 changes nothing in it but its number."""
    path = tmp_path / "ledger.db"
    shutil.copyfile(ledger_template, path)
    with open_ledger(path) as ledger:
        auth.auto_login(ledger)
        a_household(ledger, "12345678.91")
        before = dump(ledger)
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 3")
    con.close()
    with open_ledger(path) as ledger:
        assert ledger.pragma("user_version") == 4
        assert dump(ledger) == before
