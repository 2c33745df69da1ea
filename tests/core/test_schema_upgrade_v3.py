"""Version 3: change numbers on every row. A version 2 file upgrades to the shape of a new file,
keeps its records, and numbers every write from then on, whichever path makes it."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from pairing_desktop.core import auth
from pairing_desktop.core import operations as ops
from pairing_desktop.core.demo import build_demo_county
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.storage import schema
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.core.storage.models import SYNC_MODELS
from tests.helpers import save


def shape(path: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        out = {t: sorted(r[1:] for r in con.execute(f'PRAGMA table_info("{t}")'))
               for t in tables}
        out["triggers"] = sorted(con.execute("SELECT name FROM sqlite_master"
                                             " WHERE type = 'trigger'"))
        return out
    finally:
        con.close()


def as_version_2(path: Path) -> None:
    """Take a file back to version 2: what the program wrote before change numbers."""
    con = sqlite3.connect(path)
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        con.execute(f'DROP TRIGGER "{name}"')
    for model in SYNC_MODELS:
        con.execute(f'DROP TABLE "{model._meta.table_name}"')
    for table in schema.REVISED:
        for column in ("rev", "merged_rev", "vv"):
            con.execute(f'ALTER TABLE "{table}" DROP COLUMN {column}')
    for table in schema.KEYED_TABLES:
        con.execute(f"DROP INDEX ix_{table}_sort")
        con.execute(f'ALTER TABLE "{table}" DROP COLUMN sort_key')
    con.execute("PRAGMA user_version = 2")
    con.commit()
    con.execute("VACUUM")
    con.close()


def test_a_version_2_file_upgrades_to_the_shape_of_a_new_one(tmp_path):
    new = tmp_path / "new.db"
    open_ledger(new).close()
    old = tmp_path / "old.db"
    with open_ledger(old) as ledger:
        build_demo_county(ledger, seed=3)
        households = ledger.execute("SELECT id, head_name FROM household ORDER BY id")
    as_version_2(old)
    assert "rev" not in {c[0] for c in shape(old)["household"]}

    with open_ledger(old) as ledger:
        assert ledger.pragma("user_version") == schema.SCHEMA_VERSION
        assert ledger.backup is not None and ".v2-" in ledger.backup.name
        assert ledger.execute("SELECT id, head_name FROM household ORDER BY id") == households
        assert ledger.execute("SELECT DISTINCT rev, merged_rev, vv FROM household") == [(1, 0, "")]
        assert ledger.execute("SELECT rev FROM sync_clock") == [(1,)]  # keys are no change
        assert ledger.execute("SELECT COUNT(*) FROM household WHERE sort_key IS NULL") == [(0,)]
        auth.auto_login(ledger)
        changed = households[0][0]
        ops.save(ledger, "household", changed, {"members": 9})
        assert ledger.execute("SELECT rev FROM household WHERE id = ?", (changed,)) == [(2,)]
    assert shape(old) == shape(new)


def test_every_write_path_numbers_the_rows_it_writes(ledger: Ledger):
    """An operation, a raw statement (as the importer, the demo and the letters use) and a
    setting each give the rows they write a new, larger change number."""
    save(ledger, "unit", None, {"name": "县财政局", "level": "县直"})
    first = ledger.execute("SELECT rev FROM unit")[0][0]
    with ledger.atomic():
        ledger.execute("UPDATE unit SET head = '李明'")
    second = ledger.execute("SELECT rev FROM unit")[0][0]
    with ledger.atomic():
        ledger.execute("INSERT INTO unit (id, created_at, updated_at, name, level, kind)"
                       " VALUES (?, '2026-01-01', '2026-01-01', '县水务局', '县直', '党政机关')",
                       (uuid.uuid4().hex,))
    third = ledger.execute("SELECT rev FROM unit WHERE name = '县水务局'")[0][0]
    assert 0 < first < second < third
    ops.set_setting(ledger, "duty_rules", {"x": 1}, "修改帮扶职责规则")
    assert ledger.execute("SELECT rev FROM setting WHERE key = 'duty_rules'")[0][0] > third


def test_bulk_writers_number_their_rows_as_one_batch(ledger: Ledger, tmp_path):
    """The demo and the Excel import give all the rows of a batch one new number themselves
    (the triggers, which would number them one by one, are left out)."""
    from pairing_desktop.core.exchange.exporter import export_workbook
    from pairing_desktop.core.exchange.importer import import_file

    demo = tmp_path / "demo.db"
    with open_ledger(demo) as county:
        build_demo_county(county, seed=5)
        assert county.execute("SELECT COUNT(DISTINCT rev), MIN(rev) > 0 FROM household") \
            == [(1, 1)]
        export_workbook(county, tmp_path / "all.xlsx", ["township"])
    clock = ledger.execute("SELECT rev FROM sync_clock")[0][0]
    assert import_file(ledger, tmp_path / "all.xlsx").ok
    numbers = ledger.execute("SELECT DISTINCT rev FROM township")
    assert len(numbers) == 1 and numbers[0][0] > clock
    assert ledger.execute("SELECT rev FROM sync_clock")[0][0] < clock + 10
