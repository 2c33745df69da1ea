"""The dashboard's duty checks and the county report's figures at province size, each timed
against the same aggregation in raw sqlite3 in the same run.

    python bench/bench_report.py [--runs 5] [--rebuild]

Measures the shared province ledger (bench/province.py: 100,000 poor households, 20,000 cadres,
3,600 paired villages, 36,000 targets and 200,000 activities over last year and this year), as of
its fixed TODAY.
Prints the median time of each computation through the core (SQL aggregates + the Python that
shapes the results) beside raw sqlite3 running the identical SQL and fetching every row.
Aim: within 2x of raw and under one second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.province import TODAY, open_province, province_file  # noqa: E402
from bench.results import Result, emit  # noqa: E402
from pairing_desktop.core.duties import checks  # noqa: E402
from pairing_desktop.core.duties.overview import overview  # noqa: E402
from pairing_desktop.core.duties.settings import load_rules  # noqa: E402
from pairing_desktop.core.reports import figures  # noqa: E402
from pairing_desktop.core.storage.ledger import Ledger  # noqa: E402

DASHBOARD_PARTS = ("pairings", "targets", "cadres", "stationed")  # what overview() checks
REPORT_PARTS = ("pairings", "cadres", "targets", "stationed")  # what build_report() checks


def median(action: Callable[[], object], runs: int) -> float:
    action()  # warm the page cache and the statement cache
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        action()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def duty_queries(ledger: Ledger, year: int, as_of: dt.date, parts: tuple[str, ...],
                 township: str | None = None) -> list[tuple[str, dict]]:
    """The identical SQL the duty checks run for `parts`, with their parameters (the rules in
    force are read from the ledger once, outside the timing)."""
    params = {"y0": f"{year}-01-01", "y1": f"{year}-12-31", "asof": as_of.isoformat(),
              "tw": township}
    rules = load_rules(ledger)
    queries = {
        "pairings": (checks.pairing_query(year, rules)[0],
                     {**params, **checks.pairing_query(year, rules)[2]}),
        "cadres": (checks.CADRE_SQL, {**params, "visits": rules["visit"]["count"]}),
        "households": (checks.UNASSIGNED_COUNT_SQL, params),
        "targets": (checks.TARGET_SQL, {**params, "year": year}),
        "stationed": (checks.STATIONED_SQL, params),
    }
    return [queries[p] for p in (*parts, "households")]


def report_queries(ledger: Ledger, year: int,
                   township: str | None = None) -> list[tuple[str, dict]]:
    """The identical SQL build_report runs: this year's figures, the same of the year before
    (network and villages), the four earlier years' kinds in one pass, and the duty checks."""
    params = {"d0": f"{year}-01-01", "d1": f"{year}-12-31", "tw": township}
    last = {"d0": f"{year - 1}-01-01", "d1": f"{year - 1}-12-31", "tw": township}
    earlier = {"tw": township, **{f"b{i}s": f"{year - i}-01-01" for i in range(1, 5)},
               **{f"b{i}e": f"{year - i}-12-31" for i in range(1, 5)}}
    return [(figures.NETWORK_SQL, params), (figures.NETWORK_SQL, last),
            (figures.VILLAGES_SQL, params), (figures.VILLAGES_SQL, last),
            (figures.KINDS_SQL, {}), (figures.kind_month_sql(), params),
            (figures.EARLIER_SQL, earlier), (figures.TOWNSHIP_SQL, params),
            *duty_queries(ledger, year, min(TODAY, dt.date(year + 1, 1, 1)), REPORT_PARTS,
                          township)]


def raw(con: sqlite3.Connection, queries: list[tuple[str, dict]]) -> None:
    for sql, params in queries:
        con.execute(sql, params).fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    path = province_file(args.rebuild)
    ledger = open_province(path)
    con = sqlite3.connect(path)
    year = TODAY.year
    counts = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("household", "cadre", "unit_village_pairing", "assignment", "activity")}
    print("file:", ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    township = con.execute("SELECT id FROM township ORDER BY name LIMIT 1").fetchone()[0]
    dashboard = duty_queries(ledger, year, TODAY, DASHBOARD_PARTS)
    county, town, last = (report_queries(ledger, year), report_queries(ledger, year, township),
                          report_queries(ledger, year - 1))
    cases = [
        ("dashboard (every duty check), this year to date",
         lambda: overview(ledger, year, TODAY),
         lambda: raw(con, dashboard)),
        ("county report figures, this year",
         lambda: figures.build_report(ledger, dt.date(year, 1, 1), dt.date(year, 12, 31),
                                      as_of=TODAY),
         lambda: raw(con, county)),
        ("one township's report figures, this year",
         lambda: figures.build_report(ledger, dt.date(year, 1, 1), dt.date(year, 12, 31),
                                      township, as_of=TODAY),
         lambda: raw(con, town)),
        ("county report figures, last year (finished)",
         lambda: figures.build_report(ledger, dt.date(year - 1, 1, 1),
                                      dt.date(year - 1, 12, 31), as_of=dt.date(year, 1, 1)),
         lambda: raw(con, last)),
    ]
    print(f"{'':52} {'core':>9} {'raw sql':>9} {'ratio':>6}")
    found = []
    for name, ours, baseline in cases:
        t_ours, t_raw = median(ours, args.runs), median(baseline, args.runs)
        print(f"{name:52} {t_ours * 1000:7.0f}ms {t_raw * 1000:7.0f}ms {t_ours / t_raw:6.2f}")
        found.append(Result(name, t_ours * 1000, t_raw * 1000, "ms"))
    emit(found)
    con.close()
    ledger.close()


if __name__ == "__main__":
    main()
