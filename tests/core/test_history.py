"""The 操作日志: chained so that outside edits show, read by record and date, printed as text."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from pathlib import Path

import psycopg2
import pytest

from pairing_desktop.core import history, history_book
from pairing_desktop.core import operations as ops
from pairing_desktop.core.history import HistoryFilter
from pairing_desktop.core.ledgers import open_ledger
from tests.helpers import cli, save

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def logged(ledger) -> Path | str:
    """A closed ledger with a few operations in its history (seq 1–2 are the account's)."""
    town = save(ledger, "township", None, {"name": "城关镇"})
    village = save(ledger, "village", None, {"township": town, "name": "新寨村"})
    ops.save(ledger, "village", village, {"secretary": "王国华"})
    ops.save(ledger, "village", village, {"secretary": "李德明"})
    ledger.close()
    return ledger.path


def tamper(path: Path | str, sql: str) -> None:
    """Change the ledger behind the program's back, as an outside tool would."""
    con = psycopg2.connect(path) if isinstance(path, str) else sqlite3.connect(path)
    con.cursor().execute(sql)
    con.commit()
    con.close()


def test_an_untouched_chain_checks_out(logged):
    result = cli("check", "--db", str(logged))
    assert result.returncode == 0, result.stderr
    assert "操作日志：完整（已核对 6 条）" in result.stdout.splitlines()


@pytest.mark.parametrize(("sql", "bad"), [
    # a value edited with an outside tool
    ("UPDATE history SET fields = replace(fields, '李德明', '张三') WHERE seq = 6", 6),
    # who did it, edited
    ("UPDATE history SET operator = 'someone' WHERE seq = 4", 4),
    # an entry in the middle removed
    ("DELETE FROM history WHERE seq = 4", 5),
    # the newest entry removed: the chain's head remembers it
    ("DELETE FROM history WHERE seq = 6", 6),
    # two entries swapped (their contents exchanged under the same numbers)
    ("UPDATE history SET seq = CASE seq WHEN 3 THEN 4 WHEN 4 THEN 3 END + 100"
     " WHERE seq IN (3, 4); UPDATE history SET seq = seq - 100 WHERE seq > 100", 3),
])
def test_the_chain_names_the_first_entry_changed_outside(logged, sql, bad):
    for statement in sql.split(";"):
        tamper(logged, statement)
    result = cli("check", "--db", str(logged))
    assert result.returncode == 2
    assert f"操作日志第 {bad} 条" in result.stderr


def test_history_of_one_record_in_order(ledger, village):
    ops.save(ledger, "village", village, {"secretary": "李德明"})
    ops.save(ledger, "village", village, {"secretary": "张平", "households": 420})
    found = history.entries(ledger, HistoryFilter(record=village), newest_first=False)
    assert [e.action for e in found] == ["created", "updated", "updated"]
    assert found[-1].fields == {"households": [412, 420], "secretary": ["李德明", "张平"]}
    assert history.entries(ledger, HistoryFilter(record=str(village)), newest_first=False) == found


def test_history_by_operator_kind_and_dates(ledger, village, unit):
    assert {e.kind for e in history.entries(ledger, HistoryFilter(kind="unit"))} == {"unit"}
    assert history.entries(ledger, HistoryFilter(operator="nobody")) == []
    today = dt.date.today()
    assert len(history.entries(ledger, HistoryFilter(since=today, until=today))) == \
        history.count(ledger)
    assert history.entries(ledger, HistoryFilter(until=today - dt.timedelta(days=1))) == []
    assert history.operators(ledger) == ["admin"]


def test_history_command_prints_one_change_per_line(logged):
    result = cli("history", "--db", str(logged))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 6
    assert "  新建村  村“新寨村（城关镇）”  " in lines[3] and "所属乡镇：城关镇" in lines[3]
    assert lines[5].split("  ")[1:3] == ["admin", "修改村"]
    assert lines[5].endswith("村支书：王国华 → 李德明")


def test_history_command_for_one_record_since_a_day(logged):
    with open_ledger(logged) as opened:  # SQLite gives the id as hex text, a server a UUID
        village = uuid.UUID(str(opened.execute("SELECT id FROM village")[0][0])).hex
    result = cli("history", "--db", str(logged), "--record", village,
                 "--since", dt.date.today().isoformat())
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert cli("history", "--db", str(logged), "--since", tomorrow).stdout == ""


def test_history_masks_personal_numbers(ledger, cadre):
    text = "\n".join(history_book.lines(ledger, history.entries(ledger, HistoryFilter(
        record=cadre))))
    assert "********" in text and "13985700001" not in text and "139****0001" in text
    full = "\n".join(history_book.lines(ledger, history.entries(ledger, HistoryFilter(
        record=cadre)), full_numbers=True))
    assert "13985700001" in full


def test_history_shows_choices_by_their_labels(ledger):
    from pairing_desktop.core import records

    kind = records.choices(ledger, "activity_type", "调研")[0][0]
    ops.save(ledger, "activity_type", kind, {"scope": "household"})
    (line,) = history_book.lines(ledger, history.entries(ledger, limit=1))
    assert "对象：结对 → 贫困户" in line and "pairing" not in line
