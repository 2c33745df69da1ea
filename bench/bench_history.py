"""The write path and its history at province size, each timed against raw sqlite3 in the same run.

    python bench/bench_history.py [--runs 7] [--rebuild]

Issue 7's figures: saving one household through `ops.save` (validation, permission, a
hash-chained history entry, the Changes) and undoing it (`ops.undo`), against raw sqlite3 writing
the same household row and one history row in one transaction (WAL, synchronous=FULL: the
pragmas of storage.db); aim within 3x and under 5 ms. And opening one record's history (its 50
changes among 1,000,000 entries) through `history.entries` and `history_book.lines`, against the
bare indexed SELECT; aim under 50 ms.

The file is the province (bench/province.py: 100,000 households) plus 1,000,000 generated history
entries, built once and cached as bench/out/history.db (two to three minutes, rebuilt when the
code that shapes it changes); saves and undos go to a scratch copy of it, so every run reads the
same log. A commit waits for the disk (fsync), which on a shared machine swings from under 1 ms to
several: read the ratio, measured in the same run, before the milliseconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import province  # noqa: E402
from bench.bench_ledger import Figure, compare, print_table  # noqa: E402
from pairing_desktop.core import history, history_book  # noqa: E402
from pairing_desktop.core import operations as ops  # noqa: E402
from pairing_desktop.core.choices import HOUSEHOLD_CAUSES, HOUSEHOLD_KINDS  # noqa: E402
from pairing_desktop.core.demo import DemoCounty  # noqa: E402
from pairing_desktop.core.storage import models as M  # noqa: E402
from pairing_desktop.core.storage.db import PRAGMAS  # noqa: E402
from pairing_desktop.core.storage.ledger import Ledger, bound_executemany  # noqa: E402

PATH = ROOT / "bench" / "out" / "history.db"
ENTRIES = 1_000_000
CHANGES = 50  # entries of the one record whose history is opened (its creation and 49 edits)
STAMP = "bench.history"
SOURCES = (Path(__file__), *province.SOURCES)  # the log's shape, and the province under it
START = dt.datetime(2025, 1, 6, 0, 30)  # the generated log's first entry (UTC), one a minute
CLERKS = ("admin", *(f"clerk{n:02d}" for n in range(1, 31)))
COLUMNS = ("seq", "op", "at", "operator", "label", "kind", "record", "action", "fields", "undoes",
           "prev_hash", "hash")  # in the order history.append hashes them
READ_SQL = ("SELECT seq, op, at, operator, label, kind, record, action, fields, undoes"
            " FROM history WHERE record = ? ORDER BY seq")


# --- the cached file -----------------------------------------------------------------------------


def history_file(rebuild: bool = False) -> Path:
    """The cached province with a 1,000,000-entry log, (re)built when asked or outdated."""
    source = province.province_file(rebuild)
    if rebuild or province.stamp_of(PATH, STAMP) != province.fingerprint(SOURCES):
        started = time.perf_counter()
        province.copy_ledger(source, PATH)
        try:
            build(PATH)
        except BaseException:
            province.remove_ledger(PATH)
            raise
        print(f"built {PATH} in {time.perf_counter() - started:.1f} s "
              f"({PATH.stat().st_size / 2**20:.0f} MiB)")
    return PATH


def build(path: Path, seed: int = 7) -> None:
    """Append the generated log to a copy of the province in one transaction, then check it.

    Rows go in with executemany (one entry at a time through history.append would take hours),
    but chained as history.append chains them: hashing is cheap beside the inserts, and a chain
    that `history.verify` accepts keeps the file valid for every other command."""
    ledger = province.open_province(path)
    try:
        log = Log(ledger, random.Random(seed))
        with ledger.atomic():
            marks = ", ".join("?" * len(COLUMNS))
            bound_executemany(f"INSERT INTO history ({', '.join(COLUMNS)}) VALUES ({marks})",
                              log.rows())
            M.Setting.replace(key=history.HEAD_KEY, value=json.dumps([log.seq, log.prev])
                              ).execute()
            M.Setting.create(key=STAMP, value=json.dumps(province.fingerprint(SOURCES)))
        check = history.verify(ledger)
        assert check.ok and check.entries >= ENTRIES, check
    finally:
        ledger.close()


class Log:
    """Realistic entries over the province's own records, as the window's operations write them:
    mostly one change per operation (a household edited, an activity recorded), some with two (a
    household given another cadre); fields as JSON {field: [before, after]}, values as stored.
    One household, `watched`, gets exactly CHANGES entries spread evenly over the whole log, so
    reading its history finds rows far apart in the file (the worst case for the index)."""

    def __init__(self, ledger: Ledger, rng: random.Random):
        self.rng = rng
        self.fake = DemoCounty(rng=rng, today=province.TODAY, now="")

        def ids(table: str) -> list[str]:
            return [r[0] for r in ledger.execute(f"SELECT id FROM {table} ORDER BY id")]

        self.households = ids("household")
        self.watched = self.households.pop(0)
        self.villages, self.cadres = ids("village"), ids("cadre")
        self.activities, self.targets = ids("activity"), ids("target")
        self.assignments, self.pairings = ids("assignment"), ids("unit_village_pairing")
        self.types = ids("activity_type")
        self.seq, self.prev = ledger.execute(
            "SELECT seq, hash FROM history ORDER BY seq DESC LIMIT 1")[0]
        self.first = self.seq + 1

    def rows(self) -> Iterator[tuple]:
        """ENTRIES rows in the table's column order, each hash chained to the one before."""
        every = ENTRIES // CHANGES
        watched = 0
        while self.seq - self.first + 1 < ENTRIES:
            n = self.seq - self.first + 1
            if watched < CHANGES and n >= watched * every + every // 2:
                changes = [self._watched(watched)]
                watched += 1
            else:
                changes = self._operation()
            op = self.seq + 1
            at = (START + dt.timedelta(minutes=n)).strftime(history.TIME_FORMAT)
            who = self.rng.choice(CLERKS)
            for label, kind, record, action, fields in changes[:ENTRIES - n]:
                self.seq += 1
                text = json.dumps(fields, ensure_ascii=False, sort_keys=True,
                                  separators=(",", ":"))
                content = (self.seq, op, at, who, label, kind, record, action, text, None)
                digest = _digest(self.prev, content)
                yield (*content, self.prev, digest)
                self.prev = digest

    def _operation(self) -> list[tuple]:
        r = self.rng.random()
        if r < 0.40:
            return [("修改贫困户", "household", self.rng.choice(self.households), "updated",
                     self._household_edit())]
        if r < 0.45:
            return [("新建贫困户", "household", self.rng.choice(self.households), "created",
                     self._household())]
        if r < 0.75:
            return [("新建帮扶活动", "activity", self.rng.choice(self.activities), "created",
                     self._activity())]
        if r < 0.80:
            return [("删除帮扶活动", "activity", self.rng.choice(self.activities), "deleted",
                     {k: [v[1], None] for k, v in self._activity().items()})]
        if r < 0.90:
            done = self.rng.randint(1, 50)
            return [("修改年度目标", "target", self.rng.choice(self.targets), "updated",
                     {"actual_value": [float(done - 1), float(done)],
                      "status": ["进行中", "已完成"]})]
        if r < 0.95:
            return [("修改干部", "cadre", self.rng.choice(self.cadres), "updated",
                     {"phone": [self.fake.mobile(), self.fake.mobile()]})]
        household, day = self.rng.choice(self.households), self._day()
        return [("调整帮扶干部", "assignment", self.rng.choice(self.assignments), "updated",
                 {"ended_on": [None, day]}),
                ("调整帮扶干部", "assignment", self.rng.choice(self.assignments), "created",
                 {"cadre": [None, self.rng.choice(self.cadres)], "household": [None, household],
                  "started_on": [None, day]})]

    def _watched(self, n: int) -> tuple:
        """The watched household: created first, then edited, moved to another village twice
        (the lines name both villages), its phone changed (the lines mask it)."""
        if n == 0:
            return ("新建贫困户", "household", self.watched, "created", self._household())
        fields = self._household_edit()
        if n % 20 == 10:
            fields["village"] = [self.rng.choice(self.villages), self.rng.choice(self.villages)]
        return ("修改贫困户", "household", self.watched, "updated", fields)

    def _household(self) -> dict[str, list[Any]]:
        fake, rng = self.fake, self.rng
        values = {"village": rng.choice(self.villages), "group_name": f"{rng.randint(1, 9)}组",
                  "head_name": fake.person_name(True), "id_number": fake.id_number(True, 1935,
                                                                                     1985),
                  "phone": fake.mobile(), "members": rng.randint(1, 7),
                  "kind": rng.choice(HOUSEHOLD_KINDS),
                  "income_per_capita": float(rng.randrange(380, 1060)),
                  "poverty_cause": rng.choice(HOUSEHOLD_CAUSES), "status": "贫困"}
        return {k: [None, v] for k, v in values.items()}

    def _household_edit(self) -> dict[str, list[Any]]:
        rng = self.rng
        edits = {
            "members": lambda: [rng.randint(1, 7), rng.randint(1, 7)],
            "phone": lambda: [None, self.fake.mobile()],
            "income_per_capita": lambda: [float(rng.randrange(380, 1060)),
                                          float(rng.randrange(1060, 3000))],
            "kind": lambda: rng.sample(HOUSEHOLD_KINDS, 2),
            "status": lambda: ["贫困", "已脱贫"],
            "group_name": lambda: [f"{rng.randint(1, 9)}组", f"{rng.randint(1, 9)}组"],
        }
        return {name: edits[name]() for name in rng.sample(list(edits), rng.choice((1, 1, 2)))}

    def _activity(self) -> dict[str, list[Any]]:
        return {"date": [None, self._day()], "pairing": [None, self.rng.choice(self.pairings)],
                "type": [None, self.rng.choice(self.types)],
                "participants": [None, self.rng.randint(3, 60)],
                "description": [None, "召开村民代表大会，宣讲帮扶政策，商议产业发展项目"]}

    def _day(self) -> str:
        return (province.TODAY - dt.timedelta(days=self.rng.randrange(700))).isoformat()


def _digest(prev_hash: str, row: tuple) -> str:
    """history._digest, as history.append computes it (verify checks that they agree)."""
    payload = json.dumps([prev_hash, *row], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# --- raw sqlite3 ---------------------------------------------------------------------------------


class Raw:
    """The least a recorded save can write, by hand: the household row and one history row, in
    one transaction with the ledger's pragmas (a commit waits for the disk, as ours does)."""

    def __init__(self, path: Path):
        self.con = sqlite3.connect(path, isolation_level=None)
        for name, value in PRAGMAS.items():
            self.con.execute(f"PRAGMA {name} = {value}")
        self.n = 0

    def save(self, household: str) -> None:
        """UPDATE the household and INSERT its history entry (numbered after the last one)."""
        self.n += 1
        members, phone = self.n % 7 + 1, f"139{self.n:08d}"
        now = M.utcnow().strftime(history.TIME_FORMAT)
        fields = json.dumps({"members": [None, members], "phone": [None, phone]},
                            ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        digest = hashlib.sha256(f"{now}{fields}".encode()).hexdigest()
        self.con.execute("BEGIN")
        self.con.execute("UPDATE household SET members = ?, phone = ?, updated_at = ?"
                         " WHERE id = ?", (members, phone, now, household))
        self.con.execute(
            "INSERT INTO history (op, at, operator, label, kind, record, action, fields,"
            " prev_hash, hash) VALUES ((SELECT IFNULL(MAX(seq), 0) + 1 FROM history),"
            " ?, 'admin', '修改贫困户', 'household', ?, 'updated', ?, ?, ?)",
            (now, household, fields, digest, digest))
        self.con.execute("COMMIT")

    def record_history(self, record: str) -> list[tuple]:
        return self.con.execute(READ_SQL, (record,)).fetchall()


# --- the figures ---------------------------------------------------------------------------------


def measure_writes(path: Path, runs: int) -> list[Figure]:
    """A save and an undo of one household's members and phone, on a scratch copy. The raw
    baseline writes the same row and one history row; each undo undoes a save made just
    before it, untimed."""
    with province.scratch(path, "history-writes.db") as copy:
        ledger = province.open_province(copy)
        raw = Raw(copy)
        try:
            household = ledger.execute("SELECT id FROM household ORDER BY id DESC LIMIT 1")[0][0]
            counter = iter(range(10**6))

            def save() -> None:
                n = next(counter)
                ops.save(ledger, "household", household,
                         {"members": n % 7 + 1, "phone": f"138{n:08d}"})

            aims = {"aim_ratio": 3.0, "aim_time": 0.005}
            return [
                compare("save one household (ops.save: history, Changes)", save,
                        lambda: raw.save(household), runs * 5, **aims),
                compare("undo that save (ops.undo)", lambda: ops.undo(ledger),
                        lambda: raw.save(household), runs * 5, setup=save, **aims),
            ]
        finally:
            raw.con.close()
            ledger.close()


def measure_reads(path: Path, runs: int) -> list[Figure]:
    """The history of the household with 50 changes: its entries as the record's 历史 window
    reads them, then as text; the baseline is the indexed SELECT alone."""
    ledger = province.open_province(path)
    raw = Raw(path)
    try:
        watched = ledger.execute("SELECT id FROM household ORDER BY id LIMIT 1")[0][0]
        where = history.HistoryFilter(record=watched)
        found = history.entries(ledger, where, newest_first=False)
        assert len(found) == CHANGES and [e.seq for e in found] == \
            [r[0] for r in raw.record_history(watched)], "core and raw history differ"
        plan = raw.con.execute(f"EXPLAIN QUERY PLAN {READ_SQL}", (watched,)).fetchall()
        print("plan:", "; ".join(row[-1] for row in plan))
        aims: dict[str, Any] = {"aim_ratio": None, "aim_time": 0.05}
        return [
            compare(f"a record's history: {CHANGES} of {ENTRIES:,} entries",
                    lambda: history.entries(ledger, where, newest_first=False),
                    lambda: raw.record_history(watched), runs * 3, **aims),
            compare("… and described (history_book.lines)",
                    lambda: history_book.lines(
                        ledger, history.entries(ledger, where, newest_first=False)),
                    lambda: raw.record_history(watched), runs * 3, **aims),
        ]
    finally:
        raw.con.close()
        ledger.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per figure (median)")
    parser.add_argument("--rebuild", action="store_true", help="regenerate the cached files")
    args = parser.parse_args(argv)
    path = history_file(args.rebuild)
    with closing(sqlite3.connect(path)) as con:
        counts = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("household", "history")}
    print("file:", path, counts)
    print_table(figures(path, args.runs))
    return 0


def figures(path: Path, runs: int) -> list[Figure]:
    """Every figure of this benchmark on the history file at `path`."""
    return measure_writes(path, runs) + measure_reads(path, runs)


if __name__ == "__main__":
    sys.exit(main())
