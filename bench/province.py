"""The province-sized ledger every benchmark measures, built once and cached in bench/out/.

One file for all benchmarks, so they measure the same records and the build (a minute or more)
is paid once. The file carries a fingerprint of the code that shapes it (this generator, the
schema, the demo vocabularies, the seeded activity types) and is rebuilt when that code changes,
so a benchmark never times a stale layout. Built with executemany in one transaction (peewee's
insert_many is several times slower) from a seeded generator: the same seed gives the same rows.

Every write is an operation with a logged-in operator, so the file has an administrator
(ADMIN / PASSWORD) chosen for auto-login: `open_province` opens it as them, and a benchmark
can save and undo like a clerk. A benchmark that writes works on a `scratch` copy, so every run
starts from the file as built.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from pairing_desktop.core import auth
from pairing_desktop.core import operations as ops
from pairing_desktop.core.activities.types import NUMBER_FIELDS, PAIRING
from pairing_desktop.core.choices import HOUSEHOLD_CAUSES, HOUSEHOLD_KINDS
from pairing_desktop.core.demo import (
    COUNTY_UNITS,
    GROUPS,
    PREFECTURE_UNITS,
    RANK_SHARES,
    VILLAGE_FIRST,
    VILLAGE_SECOND,
    DemoCounty,
    insert_rows,
)
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.sort_keys import fill_missing
from pairing_desktop.core.storage import models as M
from pairing_desktop.core.storage.ledger import Ledger

ROOT = Path(__file__).resolve().parents[1]
PATH = ROOT / "bench" / "out" / "province.db"
SIZE = {"townships": 1_000, "villages": 3_600, "units": 1_600, "cadres": 20_000,
        "households": 100_000, "farmers": 40_000, "stationed": 2_000, "activities": 200_000,
        "targets_per_pairing": 5}
TODAY = dt.date(2026, 11, 28)  # fixed, so every run measures the same file and periods
# What decides the file's contents: when one of these changes, the cached file is outdated.
SOURCES = (Path(__file__), *(ROOT / "pairing_desktop" / "core" / p for p in (
    "storage/models.py", "storage/schema.py", "demo.py", "choices.py", "activities/types.py",
    "history.py")))
STAMP = "bench.province"  # the Setting holding the fingerprint of the code that built the file
ADMIN, PASSWORD = "admin", "password123"  # the operator every benchmark works as (auto-login)


def province_file(rebuild: bool = False) -> Path:
    """The cached province, (re)built first when asked, missing or built by older code."""
    if rebuild or stamp_of(PATH) != fingerprint():
        PATH.parent.mkdir(parents=True, exist_ok=True)
        remove_ledger(PATH)
        started = time.perf_counter()
        build(PATH)
        print(f"built {PATH} in {time.perf_counter() - started:.1f} s "
              f"({PATH.stat().st_size / 2**20:.0f} MiB)")
    return PATH


def open_province(path: Path) -> Ledger:
    """Open a province file (or a copy of it) logged in as its auto-login administrator."""
    ledger = open_ledger(path)
    if auth.auto_login(ledger) is None:
        ledger.close()
        raise RuntimeError(f"{path} has no auto-login operator: rebuild it (--rebuild)")
    return ledger


@contextmanager
def scratch(source: Path, name: str) -> Iterator[Path]:
    """A fresh copy of a closed ledger beside it, for the block of a benchmark that writes, then
    removed: the cached file stays as built, so every run measures the same rows and the same
    history. SQLite's backup API copies a consistent file even with a -wal beside the source."""
    copy = copy_ledger(source, source.with_name(name))
    try:
        yield copy
    finally:
        remove_ledger(copy)


def copy_ledger(source: Path, copy: Path) -> Path:
    """Copy a closed ledger file over `copy` (its old -wal, -shm and .lock removed first)."""
    remove_ledger(copy)
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)
    return copy


def remove_ledger(path: Path) -> None:
    """Delete a ledger file with its -wal, -shm and .lock."""
    for stale in path.parent.glob(path.name + "*"):
        stale.unlink()


def fingerprint(sources: tuple[Path, ...] = SOURCES) -> str:
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()


def stamp_of(path: Path, key: str = STAMP) -> str | None:
    """The fingerprint the file was built with; None when there is no complete file."""
    if not path.exists():
        return None
    try:
        with closing(sqlite3.connect(path)) as con:
            row = con.execute(f"SELECT value FROM {M.Setting._meta.table_name} WHERE key = ?",
                              (key,)).fetchone()
    except sqlite3.Error:
        return None
    return json.loads(row[0]) if row else None


def build(path: Path, seed: int = 1) -> None:
    """Write the province into a new ledger, the fingerprint last: a build that fails midway
    rolls back whole and leaves no stamp, so the next run starts again. The administrator comes
    first (argon2 hashing, ~0.1 s, paid once here): the data is written as they would."""
    ledger = open_ledger(path)
    d = DemoCounty(rng=random.Random(seed), today=TODAY, now=str(M.utcnow()))
    try:
        with ledger.atomic():
            ops.create_first_admin(ledger, ADMIN, PASSWORD)
            ops.set_auto_login(ledger, ADMIN)
            towns, villages = _places(d)
            units = _units(d)
            cadres, households = _people(d, villages, units)
            pairings = _pairings(d, towns, villages, units, cadres)
            held = _assignments(d, cadres, households)
            _targets(d, pairings)
            _activities(d, pairings, held)
            fill_missing(ledger)  # the names' pinyin keys, as the demo sets them
            M.Setting.create(key=STAMP, value=json.dumps(fingerprint()))
    finally:
        ledger.close()


def _places(d: DemoCounty) -> tuple[list[tuple], list[tuple]]:
    """Townships and villages with real-sounding names ("大寨村"), so a search for a village and
    a surname has matches; each township holds three or four villages."""
    place_names = [a + b for a in VILLAGE_FIRST for b in VILLAGE_SECOND if a != b]
    towns = [(*d.base(), f"{place_names[i % len(place_names)]}{'镇乡'[i % 2]}"
              f"{'' if i < len(place_names) else i}", None)
             for i in range(SIZE["townships"])]
    insert_rows(M.Township, ("name", "code"), towns)
    villages = [(*d.base(), towns[i % len(towns)][0],
                 f"{place_names[i // len(towns) % len(place_names)]}村", "一类贫困村",
                 d.rng.randrange(280, 900), "帮扶中")
                for i in range(SIZE["villages"])]
    insert_rows(M.Village, ("township", "name", "poverty_class", "households", "status"),
                villages)
    return towns, villages


def _units(d: DemoCounty) -> list[tuple]:
    kinds = PREFECTURE_UNITS + COUNTY_UNITS
    units = [(*d.base(), f"{kinds[i % len(kinds)][0]}{i // len(kinds) + 1}号",
              "地直" if kinds[i % len(kinds)] in PREFECTURE_UNITS else "县直",
              kinds[i % len(kinds)][1], d.person_name(True))
             for i in range(SIZE["units"])]
    insert_rows(M.Unit, ("name", "level", "kind", "head"), units)
    return units


def _people(d: DemoCounty, villages: list[tuple], units: list[tuple],
            ) -> tuple[list[tuple[str, int]], list[str]]:
    """Cadres (ranks in the 4321 shares, one in ten a reserve cadre), poor households and farmer
    party members, named with common surnames ("王秀英"); returns (cadre id, quota)s and
    household ids."""
    rng = d.rng
    ranks = {name: (uid.hex, quota) for uid, name, quota in
             M.Rank.select(M.Rank.id, M.Rank.name, M.Rank.quota).tuples()}
    cadres, quotas = [], []
    for _ in range(SIZE["cadres"]):
        male = rng.random() < 0.68
        rank = rng.choices(list(RANK_SHARES), list(RANK_SHARES.values()))[0]
        cadres.append((*d.base(), rng.choice(units)[0], d.person_name(male),
                       "男" if male else "女", d.id_number(male, 1955, 1986), ranks[rank][0],
                       True, rng.random() < 0.1, d.mobile()))
        quotas.append(ranks[rank][1])
    insert_rows(M.Cadre, ("unit", "name", "gender", "id_number", "rank", "party_member",
                          "reserve", "phone"), cadres)
    households = []
    for _ in range(SIZE["households"]):
        male = rng.random() < 0.8
        households.append((
            *d.base(), rng.choice(villages)[0], rng.choice(GROUPS), d.person_name(male),
            d.id_number(male, 1935, 1985), d.mobile() if rng.random() < 0.55 else None,
            rng.randrange(1, 8), rng.choice(HOUSEHOLD_KINDS), round(rng.uniform(380, 1060)),
            rng.choice(HOUSEHOLD_CAUSES), "贫困"))
    insert_rows(M.Household, ("village", "group_name", "head_name", "id_number", "phone",
                              "members", "kind", "income_per_capita", "poverty_cause",
                              "status"), households)
    farmers = [(*d.base(), rng.choice(villages)[0], d.person_name(True),
                d.id_number(True, 1940, 1988), rng.random() < 0.2)
               for _ in range(SIZE["farmers"])]
    insert_rows(M.FarmerPartyMember, ("village", "name", "id_number", "wealth_leader"), farmers)
    insert_rows(M.PartyMemberPairing, ("cadre", "farmer", "started_on"),
                [(*d.base(), cadres[i % len(cadres)][0], f[0], d.program_start.isoformat())
                 for i, f in enumerate(farmers)])
    return ([(c[0], quota) for c, quota in zip(cadres, quotas, strict=True)],
            [h[0] for h in households])


def _pairings(d: DemoCounty, towns: list[tuple], villages: list[tuple], units: list[tuple],
              cadres: list[tuple[str, int]]) -> list[tuple[str, str]]:
    """County units pair every village (one in twenty only since May of this year, so it owes
    less), prefecture units the townships; 2,000 stationed cadres, one in ten gone since June.
    Returns the village pairings as (id, started_on)."""
    start = d.program_start.isoformat()
    county = [u[0] for u in units if u[5] == "县直"]  # u[5]: the level
    prefecture = [u[0] for u in units if u[5] == "地直"]
    pairings = [(*d.base(), county[i % len(county)], v[0],
                 start if i % 20 else dt.date(TODAY.year, 5, 10).isoformat(), "帮扶中")
                for i, v in enumerate(villages)]
    insert_rows(M.UnitVillagePairing, ("unit", "village", "started_on", "status"), pairings)
    insert_rows(M.UnitTownshipPairing, ("unit", "township", "started_on"),
                [(*d.base(), prefecture[i % len(prefecture)], t[0], start)
                 for i, t in enumerate(towns)])
    insert_rows(M.StationedCadre, ("cadre", "village", "post", "started_on", "ended_on"),
                [(*d.base(), cadres[i][0], villages[i % len(villages)][0], "驻村工作队员", start,
                  dt.date(TODAY.year, 6, 30).isoformat() if i % 10 == 0 else None)
                 for i in range(SIZE["stationed"])])
    return [(p[0], p[6]) for p in pairings]


def _assignments(d: DemoCounty, cadres: list[tuple[str, int]],
                 households: list[str]) -> list[tuple[str, str]]:
    """Each cadre holds their rank's quota of households, one in ten a household short (behind
    on the quota check); the rest stay unassigned. Returns the (cadre, household) pairs."""
    pool = iter(d.rng.sample(households, len(households)))
    held = [(cadre, next(pool)) for cadre, quota in cadres
            for _ in range(quota if d.rng.random() > 0.1 else quota - 1)]
    start = d.program_start.isoformat()
    insert_rows(M.Assignment, ("cadre", "household", "started_on"),
                [(*d.base(), cadre, household, start) for cadre, household in held])
    return held


def _targets(d: DemoCounty, pairings: list[tuple[str, str]]) -> None:
    """Five targets a year per village pairing, last year and this, in every state."""
    insert_rows(M.Target, ("pairing", "year", "category", "description", "status"),
                [(*d.base(), pid, year, k + 1, f"年度目标{k + 1}",
                  d.rng.choice(("进行中", "已完成", "未开始")))
                 for pid, _ in pairings for year in (TODAY.year - 1, TODAY.year)
                 for k in range(SIZE["targets_per_pairing"])])


def _activities(d: DemoCounty, pairings: list[tuple[str, str]],
                held: list[tuple[str, str]]) -> None:
    """Activities of the seeded types spread from the programme's start to today: a quarter home
    visits by a cadre to a household they hold, the rest a village pairing's activities (none
    before the pairing began) carrying their type's numbers."""
    rng = d.rng
    types = [(t.id.hex, t.measures.split(",") if t.measures else [])
             for t in M.ActivityType.select().where(M.ActivityType.scope == PAIRING)]
    visit = M.ActivityType.get(M.ActivityType.code == "household_visit").id.hex
    span = (TODAY - d.program_start).days
    rows = []
    for n in range(SIZE["activities"]):
        day = (d.program_start + dt.timedelta(days=rng.randrange(span))).isoformat()
        numbers = dict.fromkeys(NUMBER_FIELDS)
        if n % 4 == 0:
            cadre, household = rng.choice(held)
            row = (None, cadre, household, visit)
        else:
            pid, began = rng.choice(pairings)
            day = max(day, began)
            type_id, measures = rng.choice(types)
            for m in measures:
                numbers[m] = rng.randint(1, 50)
            row = (pid, None, None, type_id)
        rows.append((*d.base(), *row, day, *numbers.values()))
    insert_rows(M.Activity, ("pairing", "cadre", "household", "type", "date", *NUMBER_FIELDS),
                rows)
