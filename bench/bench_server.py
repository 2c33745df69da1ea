"""One save on a PostgreSQL server against one on a SQLite file, each beside its raw baseline.

    python bench/bench_server.py [--saves 300] [--runs 5]

A save is what the form does with optimistic locking: read the record's change number, then
`ops.save(…, expected_rev=…)` (checks, the write, its history entry, one transaction). The raw
baseline is the driver alone doing one UPDATE + commit of the same row. The server is a local one
started for the run (tests/pg.py, durable commits: fsync on), or `PAIRING_TEST_PG`; over a network
every statement adds a round trip, which this does not measure.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import Result, emit  # noqa: E402
from pairing_desktop.core import auth, records  # noqa: E402
from pairing_desktop.core import operations as ops  # noqa: E402
from pairing_desktop.core.ledgers import open_ledger  # noqa: E402
from tests import pg  # noqa: E402


def per_save(where: str | Path, saves: int) -> float:
    with open_ledger(where) as ledger:
        ops.create_first_admin(ledger, "admin", "县管理员密码2026", "王芳")
        ops.set_auto_login(ledger, "admin")
    with open_ledger(where) as ledger:
        auth.auto_login(ledger)
        unit = ops.save(ledger, "unit", None, {"name": "县财政局", "level": "县直"}).record_id
        start = time.perf_counter()
        for i in range(saves):
            ops.save(ledger, "unit", unit, {"head": f"负责人{i}"},
                     expected_rev=records.load_with_revision(ledger, "unit", unit)[1])
        return (time.perf_counter() - start) / saves


def raw_sqlite(path: Path, saves: int) -> float:
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=wal")
    con.execute("PRAGMA synchronous=full")
    start = time.perf_counter()
    for i in range(saves):
        con.execute("UPDATE unit SET head = ?", (f"x{i}",))
        con.commit()
    con.close()
    return (time.perf_counter() - start) / saves


def raw_server(url: str, saves: int) -> float:
    import psycopg2

    con = psycopg2.connect(url)
    start = time.perf_counter()
    with con.cursor() as cur:
        for i in range(saves):
            cur.execute("UPDATE unit SET head = %s", (f"x{i}",))
            con.commit()
    con.close()
    return (time.perf_counter() - start) / saves


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    dsn, reason, server = pg.server_dsn_or_reason()
    if dsn is None:
        print(f"no server: {reason}")
        return 1
    if server is not None:  # durable commits, as a real server makes them
        server.stop()
        server = pg.LocalServer(durable=True)
        dsn = server.dsn
    try:
        figures: dict[str, list[float]] = {k: [] for k in ("file", "raw file", "server",
                                                           "raw server")}
        for _ in range(args.runs):
            folder = Path(tempfile.mkdtemp())
            name = pg.fresh_name("bench")
            pg.admin_sql(dsn, f"CREATE DATABASE {name}")
            url = pg.with_database(dsn, name)
            figures["file"].append(per_save(folder / "ledger.db", args.saves))
            figures["raw file"].append(raw_sqlite(folder / "ledger.db", args.saves))
            figures["server"].append(per_save(url, args.saves))
            figures["raw server"].append(raw_server(url, args.saves))
            pg.admin_sql(dsn, f"DROP DATABASE {name} WITH (FORCE)")
        ms = {k: statistics.median(v) * 1000 for k, v in figures.items()}
        print(f"one save, SQLite file:     {ms['file']:.2f} ms "
              f"({ms['file'] / ms['raw file']:.1f}x raw UPDATE+commit {ms['raw file']:.2f} ms)")
        print(f"one save, PostgreSQL:      {ms['server']:.2f} ms "
              f"({ms['server'] / ms['raw server']:.1f}x raw UPDATE+commit "
              f"{ms['raw server']:.2f} ms)")
        print(f"server / file:             {ms['server'] / ms['file']:.2f}x")
        emit([Result("one save on a SQLite file", ms["file"], ms["raw file"], "ms"),
              Result("one save on a PostgreSQL server", ms["server"], ms["raw server"], "ms")])
    finally:
        if server is not None:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
