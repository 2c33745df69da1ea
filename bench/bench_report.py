"""The dashboard's duty checks and the county report's figures at province size, each timed
against the same aggregation in raw sqlite3 in the same run.

    python bench/bench_report.py [--runs 5] [--rebuild]

Builds (once, cached in bench/out/) a ledger of 100,000 poor households, 20,000 cadres, 3,600
paired villages, 36,000 targets and 200,000 activities over last year and this year, written
with executemany.
Prints the median time of each computation through the core (SQL aggregates + the Python that
shapes the results) beside raw sqlite3 running the identical SQL and fetching every row.
Aim: within 2x of raw and under one second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pairing_desktop.core.activities.types import NUMBER_FIELDS  # noqa: E402
from pairing_desktop.core.duties import checks  # noqa: E402
from pairing_desktop.core.duties.overview import overview  # noqa: E402
from pairing_desktop.core.duties.settings import load_rules  # noqa: E402
from pairing_desktop.core.reports import figures  # noqa: E402
from pairing_desktop.core.storage import models as M  # noqa: E402
from pairing_desktop.core.storage.db import open_database  # noqa: E402

OUT = ROOT / "bench" / "out"
SIZE = {"townships": 1_000, "villages": 3_600, "units": 1_600, "cadres": 20_000,
        "households": 100_000, "farmers": 20_000, "activities": 200_000, "stationed": 2_000,
        "targets_per_pairing": 5}
TODAY = dt.date(2026, 11, 28)  # fixed, so every run measures the same file and periods
DASHBOARD_PARTS = ("pairings", "targets", "cadres", "stationed")  # what overview() checks
REPORT_PARTS = ("pairings", "cadres", "targets", "stationed")  # what build_report() checks


def build(path: Path, seed: int = 1) -> None:
    """Fill a new ledger with executemany (peewee's insert_many is several times slower)."""
    rng = random.Random(seed)
    now = str(M.utcnow())

    def new_id() -> str:
        return uuid.UUID(int=rng.getrandbits(128), version=4).hex

    def insert(table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        cols = ", ".join(("id", "created_at", "updated_at", "deleted_at", *columns))
        marks = ", ".join("?" * (len(columns) + 4))
        cur.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})",
                        [(new_id(), now, now, None, *row) for row in rows])

    ledger = open_database(path)
    db = ledger.db
    cur = db.cursor()
    start = dt.date(TODAY.year - 1, 1, 10)
    with db.atomic():
        ranks = [(r.id.hex, r.quota) for r in M.Rank.select().order_by(M.Rank.sort_order)]
        types = {t.code: (t.id.hex, t.measures.split(",") if t.measures else [], t.scope)
                 for t in M.ActivityType.select()}
        insert("township", ("name",), [(f"乡镇{i:04d}",) for i in range(SIZE["townships"])])
        towns = [r[0] for r in cur.execute("SELECT id FROM township").fetchall()]
        insert("village", ("township_id", "name", "poverty_class", "status"),
               [(towns[i % len(towns)], f"村{i:05d}", "一类贫困村", "帮扶中")
                for i in range(SIZE["villages"])])
        villages = [r[0] for r in cur.execute("SELECT id FROM village").fetchall()]
        insert("unit", ("name", "level", "kind"),
               [(f"单位{i:05d}", "地直" if i < 100 else "县直", "党政机关")
                for i in range(SIZE["units"])])
        units = [r[0] for r in cur.execute("SELECT id FROM unit").fetchall()]
        weights = (4, 24, 36, 36)
        insert("cadre", ("unit_id", "name", "rank_id", "party_member", "reserve"),
               [(rng.choice(units), f"干部{i:06d}", rng.choices(ranks, weights)[0][0], 1,
                 int(rng.random() < 0.1)) for i in range(SIZE["cadres"])])
        cadres = cur.execute("SELECT c.id, r.quota FROM cadre c JOIN rank r ON r.id = c.rank_id"
                             ).fetchall()
        insert("household", ("village_id", "head_name", "kind", "status"),
               [(rng.choice(villages), f"户主{i:06d}", "一般", "贫困")
                for i in range(SIZE["households"])])
        households = [r[0] for r in cur.execute("SELECT id FROM household").fetchall()]
        insert("farmer_party_member", ("village_id", "name", "wealth_leader"),
               [(rng.choice(villages), f"农民党员{i:05d}", 0) for i in range(SIZE["farmers"])])
        farmers = [r[0] for r in cur.execute("SELECT id FROM farmer_party_member").fetchall()]
        d0 = start.isoformat()
        insert("unit_village_pairing", ("unit_id", "village_id", "started_on", "status"),
               [(units[100 + i % (len(units) - 100)], v,
                 d0 if i % 20 else dt.date(TODAY.year, 5, 10).isoformat(), "帮扶中")
                for i, v in enumerate(villages)])
        insert("unit_township_pairing", ("unit_id", "township_id", "started_on"),
               [(units[i % 100], t, d0) for i, t in enumerate(towns)])
        insert("party_member_pairing", ("cadre_id", "farmer_id", "started_on"),
               [(cadres[i % len(cadres)][0], f, d0) for i, f in enumerate(farmers)])
        insert("stationed_cadre", ("cadre_id", "village_id", "post", "started_on", "ended_on"),
               [(cadres[i][0], villages[i % len(villages)], "驻村工作队员", d0,
                 "2026-06-30" if i % 10 == 0 else None) for i in range(SIZE["stationed"])])
        pool = households[:]
        rng.shuffle(pool)
        held = []
        for cadre, quota in cadres:
            for _ in range(quota if rng.random() > 0.1 else quota - 1):
                if pool:
                    held.append((cadre, pool.pop(), d0))
        insert("assignment", ("cadre_id", "household_id", "started_on"), held)
        pairings = cur.execute("SELECT id, started_on FROM unit_village_pairing").fetchall()
        insert("target", ("pairing_id", "year", "category", "description", "status"),
               [(pid, year, k + 1, f"年度目标{k + 1}", rng.choice(("进行中", "已完成", "未开始")))
                for pid, _ in pairings for year in (TODAY.year - 1, TODAY.year)
                for k in range(SIZE["targets_per_pairing"])])
        pairing_types = [v for v in types.values() if v[2] == "pairing"]
        visit = types["household_visit"][0]
        span = (TODAY - start).days
        rows = []
        for n in range(SIZE["activities"]):
            day = start + dt.timedelta(days=rng.randrange(span))
            numbers = dict.fromkeys(NUMBER_FIELDS)
            if n % 4 == 0:  # a quarter are home visits
                cadre, household, _ = rng.choice(held)
                row = (None, cadre, household, visit)
            else:
                pid, began = rng.choice(pairings)
                if day.isoformat() < began:
                    day = dt.date.fromisoformat(began)
                type_id, measures, _ = rng.choice(pairing_types)
                for m in measures:
                    numbers[m] = rng.randint(1, 50)
                row = (pid, None, None, type_id)
            rows.append((*row, day.isoformat(), *numbers.values()))
        insert("activity", ("pairing_id", "cadre_id", "household_id", "type_id", "date",
                            *NUMBER_FIELDS), rows)
    ledger.close()


def province_file(rebuild: bool) -> Path:
    path = OUT / "province_report.db"
    if rebuild or not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        for old in OUT.glob("province_report.db*"):
            old.unlink()
        t = time.perf_counter()
        build(path)
        print(f"built {path.name} in {time.perf_counter() - t:.1f} s")
    return path


def median(action: Callable[[], object], runs: int) -> float:
    action()  # warm the page cache and the statement cache
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        action()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def duty_queries(year: int, as_of: dt.date, parts: tuple[str, ...],
                 township: str | None = None) -> list[tuple[str, dict]]:
    """The identical SQL the duty checks run for `parts`, with their parameters."""
    params = {"y0": f"{year}-01-01", "y1": f"{year}-12-31", "asof": as_of.isoformat(),
              "tw": township}
    rules = load_rules()
    queries = {
        "pairings": (checks.pairing_query(year, rules)[0],
                     {**params, **checks.pairing_query(year, rules)[2]}),
        "cadres": (checks.CADRE_SQL, {**params, "visits": rules["visit"]["count"]}),
        "households": (checks.UNASSIGNED_COUNT_SQL, params),
        "targets": (checks.TARGET_SQL, {**params, "year": year}),
        "stationed": (checks.STATIONED_SQL, params),
    }
    return [queries[p] for p in (*parts, "households")]


def report_queries(year: int, township: str | None = None) -> list[tuple[str, dict]]:
    params = {"d0": f"{year}-01-01", "d1": f"{year}-12-31", "tw": township}
    return [(figures.NETWORK_SQL, params), (figures.KINDS_SQL, {}),
            (figures.KIND_QUARTER_SQL, params), (figures.TOWNSHIP_SQL, params),
            *duty_queries(year, min(TODAY, dt.date(year + 1, 1, 1)), REPORT_PARTS, township)]


def raw(con: sqlite3.Connection, queries: list[tuple[str, dict]]) -> None:
    for sql, params in queries:
        con.execute(sql, params).fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    path = province_file(args.rebuild)
    ledger = open_database(path)
    con = sqlite3.connect(path)
    year = TODAY.year
    counts = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("household", "cadre", "unit_village_pairing", "assignment", "activity")}
    print("file:", ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    township = con.execute("SELECT id FROM township ORDER BY name LIMIT 1").fetchone()[0]
    cases = [
        ("dashboard (every duty check), this year to date",
         lambda: overview(year, TODAY),
         lambda: raw(con, duty_queries(year, TODAY, DASHBOARD_PARTS))),
        ("county report figures, this year",
         lambda: figures.build_report(dt.date(year, 1, 1), dt.date(year, 12, 31), as_of=TODAY),
         lambda: raw(con, report_queries(year))),
        ("one township's report figures, this year",
         lambda: figures.build_report(dt.date(year, 1, 1), dt.date(year, 12, 31), township,
                                      as_of=TODAY),
         lambda: raw(con, report_queries(year, township))),
        ("county report figures, last year (finished)",
         lambda: figures.build_report(dt.date(year - 1, 1, 1), dt.date(year - 1, 12, 31),
                                      as_of=dt.date(year, 1, 1)),
         lambda: raw(con, report_queries(year - 1))),
    ]
    print(f"{'':52} {'core':>9} {'raw sql':>9} {'ratio':>6}")
    for name, ours, baseline in cases:
        t_ours, t_raw = median(ours, args.runs), median(baseline, args.runs)
        print(f"{name:52} {t_ours * 1000:7.0f}ms {t_raw * 1000:7.0f}ms {t_ours / t_raw:6.2f}")
    con.close()
    ledger.close()


if __name__ == "__main__":
    main()
