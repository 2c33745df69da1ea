"""The households list at province size, timed against raw sqlite3 reading the same rows.

    python bench/bench_ledger.py [--runs 7] [--rebuild]

Measures the shared province ledger (bench/province.py: 100,000 poor households, 20,000 cadres
with proportional townships, villages, units, pairings and assignments), timing what a clerk waits
for: the households list showing its first rows, a search, a sort, saving one record. Each figure
is the median of several runs and is printed beside raw `sqlite3` doing the same reads (or the same
INSERT + commit, with the same pragmas) in the same run. The list is what the UI's ListModel asks
of the core: a count and a first page of 200 rows. When pairing_desktop/ui/list_model.py exists,
the same is timed through the Qt model and an offscreen QTableView (`measure_qt`). Saves go to a
scratch copy of the province, so the cached file stays as built. The operation path's own
figures (a save's history entry, undo, a record's history) are in bench/bench_history.py.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.province import open_province, province_file, scratch  # noqa: E402
from bench.results import Result, emit  # noqa: E402
from pairing_desktop.core import operations as ops  # noqa: E402
from pairing_desktop.core import records  # noqa: E402
from pairing_desktop.core.rules.quotas import QuotaList, UnassignedHouseholds  # noqa: E402
from pairing_desktop.core.storage import models as M  # noqa: E402
from pairing_desktop.core.storage.db import PRAGMAS  # noqa: E402

PAGE = 200  # what ListModel asks for at a time
PICKER = 50  # matches a reference picker offers at a time (ui.record_form.SEARCH_LIMIT)
SEARCH = "王"  # the most common surname: many matches, the page fills at once
RARE = "王秀英"  # few matches: the count and the page read the whole table
BENCH_NAME = "基准测试户"
PICKER_WORDS = "大寨 王"  # a village and a surname, as a clerk narrows the picker down


# --- timing -------------------------------------------------------------------------------------


@dataclass
class Figure:
    what: str
    ours: float  # seconds, median
    raw: float
    aim_ratio: float | None = 5.0  # ours / raw at most this (None: only the time counts)
    aim_time: float = 0.2  # seconds

    @property
    def ratio(self) -> float:
        return self.ours / self.raw

    @property
    def ok(self) -> bool:
        return (self.aim_ratio is None or self.ratio <= self.aim_ratio) \
            and self.ours <= self.aim_time

    @property
    def aim(self) -> str:
        ratio = "" if self.aim_ratio is None else f"≤{self.aim_ratio:g}x and "
        return f"{ratio}<{self.aim_time * 1e3:g} ms"


def compare(what: str, ours: Callable[[], object], raw: Callable[[], object], runs: int,
            setup: Callable[[], object] | None = None, **aim: float | None) -> Figure:
    """Median times of ours and raw, run alternately so both see the same machine load (the
    machine is shared); one warm-up each, as a clerk's second look would find a warm cache.
    `setup`, untimed, runs before each of ours (the save that an undo undoes); `aim` overrides
    the Figure's aims."""
    prepare = setup or (lambda: None)
    prepare()
    ours()
    raw()
    times: dict[Callable, list[float]] = {ours: [], raw: []}
    for _ in range(runs):
        prepare()
        for action in (ours, raw):
            started = time.perf_counter()
            action()
            times[action].append(time.perf_counter() - started)
    return Figure(what, statistics.median(times[ours]), statistics.median(times[raw]), **aim)


class Raw:
    """Hand-written SQL on a plain sqlite3 connection: the baseline of every figure."""

    COLUMNS = ("h.id, v.name, h.group_name, h.head_name, h.id_number, h.phone, h.members, h.kind,"
               " h.income_per_capita, h.poverty_cause, h.status")
    FROM = "FROM household h LEFT JOIN village v ON v.id = h.village_id"

    def __init__(self, path: Path):
        self.con = sqlite3.connect(path, isolation_level=None)
        for name, value in PRAGMAS.items():
            self.con.execute(f"PRAGMA {name} = {value}")

    def _where(self, search: str) -> tuple[str, tuple]:
        if not search:
            return "WHERE h.deleted_at IS NULL", ()
        like = f"%{search}%"
        return ("WHERE h.deleted_at IS NULL AND (h.head_name LIKE ? OR h.id_number LIKE ?"
                " OR h.village_id IN (SELECT id FROM village WHERE name LIKE ?)"
                " OR h.group_name LIKE ?)", (like,) * 4)

    def list(self, search: str = "", order: str = "h.sort_key") -> list[tuple]:
        """What the list shows: how many rows match, and the first page of them (the same
        query plans as the core: matching villages by id, sorting a search's matches)."""
        where, args = self._where(search)
        self.con.execute(f"SELECT COUNT(h.id) FROM household h {where}", args).fetchone()
        order = f"+{order}" if search else order
        return self.con.execute(f"SELECT {self.COLUMNS} {self.FROM} {where} "
                                f"ORDER BY {order}, h.id LIMIT {PAGE}", args).fetchall()

    def unassigned(self, search: str = "") -> list[tuple]:
        """Poor households without an open assignment (the 干部帮扶 tab)."""
        where = ("WHERE h.deleted_at IS NULL AND h.status = '贫困' AND NOT EXISTS (SELECT 1 FROM"
                 " assignment a WHERE a.household_id = h.id AND a.deleted_at IS NULL"
                 " AND a.ended_on IS NULL)")
        args: tuple = ()
        if search:
            where += (" AND (h.head_name LIKE ? OR h.village_id IN"
                      " (SELECT id FROM village WHERE name LIKE ?))")
            args = (f"%{search}%",) * 2
        self.con.execute(f"SELECT COUNT(h.id) FROM household h {where}", args).fetchone()
        order = "+h.sort_key" if search else "h.sort_key"
        return self.con.execute(
            "SELECT h.id, h.head_name, v.name, h.group_name, h.kind FROM household h"
            f" JOIN village v ON v.id = h.village_id {where} ORDER BY {order}, h.id"
            f" LIMIT {PAGE}", args).fetchall()

    def quotas(self) -> list[tuple]:
        """Every cadre's quota and the households held now (the 干部帮扶 tab)."""
        self.con.execute("SELECT COUNT(c.id) FROM cadre c JOIN unit u ON u.id = c.unit_id"
                         " JOIN rank r ON r.id = c.rank_id WHERE c.deleted_at IS NULL").fetchone()
        return self.con.execute(
            "SELECT c.id, c.name, u.name, r.name, r.quota, COALESCE(h.held, 0),"
            " CASE WHEN COALESCE(h.held, 0) < r.quota THEN '不足'"
            " WHEN COALESCE(h.held, 0) > r.quota THEN '超额' ELSE '达标' END"
            " FROM cadre c JOIN unit u ON u.id = c.unit_id JOIN rank r ON r.id = c.rank_id"
            " LEFT JOIN (SELECT cadre_id, COUNT(id) AS held FROM assignment"
            " WHERE deleted_at IS NULL AND ended_on IS NULL GROUP BY cadre_id) h"
            " ON h.cadre_id = c.id WHERE c.deleted_at IS NULL"
            f" ORDER BY c.sort_key, c.id LIMIT {PAGE}").fetchall()

    PICKER_LABEL = ("h.head_name || COALESCE('（' || NULLIF(LTRIM(COALESCE('·' || v.name, '')"
                    " || COALESCE('·' || h.group_name, ''), '·'), '') || '）', '')")

    def picker(self, search: str = "") -> list[tuple]:
        """The household picker's matches: every word in the head's name, the village's (or its
        township's) or the group's, labelled "李四（新华村·三组）", SEARCH_LIMIT of them by name."""
        where, args = "WHERE h.deleted_at IS NULL", []
        for word in search.split():
            where += (" AND (h.head_name LIKE ? OR h.village_id IN (SELECT id FROM village"
                      " WHERE name LIKE ? OR township_id IN (SELECT id FROM township"
                      " WHERE name LIKE ?)) OR h.group_name LIKE ?)")
            args += [f"%{word}%"] * 4
        order = "+h.sort_key" if search.split() else "h.sort_key"
        return self.con.execute(
            f"SELECT h.id, {self.PICKER_LABEL} AS label {self.FROM} {where}"
            f" ORDER BY {order}, label, h.id LIMIT {PICKER}", args).fetchall()

    def save(self, village: str, n: int) -> None:
        now = str(M.utcnow())
        self.con.execute("BEGIN")
        self.con.execute(
            "INSERT INTO household (id, created_at, updated_at, village_id, head_name, group_name,"
            " members, kind, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (os.urandom(16).hex(), now, now, village, BENCH_NAME, "一组", n % 7 + 1, "一般",
             "贫困"))
        self.con.execute("COMMIT")


def measure_core(path: Path, runs: int) -> list[Figure]:
    """The households list through core.records.EntityList, the rule lists, and the pickers."""
    ledger = open_province(path)
    raw = Raw(path)
    try:
        columns = [key for key, _ in records.EntityList(ledger, "household").columns]
        income, village_col = columns.index("income_per_capita"), columns.index("village")

        def core(search: str = "", sort: int | None = None, descending: bool = False):
            def run() -> list[tuple]:
                source = records.EntityList(ledger, "household")
                source.count(search)
                return source.page(search, sort, descending, 0, PAGE)
            return run

        figures = [
            compare("open the list: count + first 200 rows", core(), raw.list, runs),
            compare(f"search “{SEARCH}” (many matches)", core(SEARCH),
                    lambda: raw.list(SEARCH), runs),
            compare(f"search “{RARE}” (few matches)", core(RARE), lambda: raw.list(RARE), runs),
            compare("sort by 人均纯收入 descending", core(sort=income, descending=True),
                    lambda: raw.list(order="h.income_per_capita DESC"), runs),
            compare("sort by 所在村 (a reference)", core(sort=village_col),
                    lambda: raw.list(order="v.name"), runs),
        ]

        def listed(source, search: str = ""):
            return lambda: (source.count(search), source.page(search, None, False, 0, PAGE))

        figures += [
            compare("unassigned households: open", listed(UnassignedHouseholds(ledger)),
                    raw.unassigned, runs),
            compare(f"unassigned households: search “{SEARCH}”",
                    listed(UnassignedHouseholds(ledger), SEARCH),
                    lambda: raw.unassigned(SEARCH), runs),
            compare("quota list of 20,000 cadres: open", listed(QuotaList(ledger)), raw.quotas,
                    runs),
        ]
        check = records.EntityList(ledger, "household").page(SEARCH, income, True, 0, PAGE)
        expected = raw.list(SEARCH, "h.income_per_capita DESC")
        assert [r[0].hex for r in check] == [r[0] for r in expected], "core and raw rows differ"

        def picker(search: str = ""):
            return lambda: records.choices(ledger, "household", search, limit=PICKER)

        figures += [
            compare("household picker: first 50 (arrow, nothing typed)", picker(),
                    raw.picker, runs),
            compare(f"household picker: “{SEARCH}” (many matches)", picker(SEARCH),
                    lambda: raw.picker(SEARCH), runs),
            compare(f"household picker: “{RARE}” (few matches)", picker(RARE),
                    lambda: raw.picker(RARE), runs),
            compare(f"household picker: “{PICKER_WORDS}” (village and name)",
                    picker(PICKER_WORDS), lambda: raw.picker(PICKER_WORDS), runs),
        ]
        for words in ("", SEARCH, RARE, PICKER_WORDS):
            assert [(i.hex, label) for i, label in records.choices(ledger, "household", words,
                                                                    limit=PICKER)] \
                == raw.picker(words), f"core and raw picker rows differ for “{words}”"
    finally:
        raw.con.close()
        ledger.close()
    return figures


def measure_save(path: Path, runs: int) -> list[Figure]:
    """Saving a new household through ops.save (validated, its history entry, one transaction),
    on a scratch copy: the saved rows never reach the cached province. The baseline is the bare
    INSERT + commit, as before the history; bench_history.py times an update against an
    INSERT + UPDATE."""
    with scratch(path, "ledger-save.db") as copy:
        ledger = open_province(copy)
        raw = Raw(copy)
        try:
            village = records.choices(ledger, "village", limit=1)[0][0]
            counter = iter(range(10**6))
            return [compare(
                "save one household (validated, one transaction)",
                lambda: ops.save(ledger, "household", None, {
                    "village": village, "head_name": BENCH_NAME, "group_name": "一组",
                    "members": next(counter) % 7 + 1}),
                lambda: raw.save(village.hex, next(counter)), runs * 5)]
        finally:
            raw.con.close()
            ledger.close()


def measure_qt(path: Path, runs: int) -> list[Figure]:
    """The same through the UI's ListModel, and an offscreen QTableView painting the rows."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTableView

    from pairing_desktop.core.entities import ENTITIES
    from pairing_desktop.ui.list_model import ListModel
    from pairing_desktop.ui.operations import LedgerHost
    from pairing_desktop.ui.record_form import RefEditor

    app = QApplication.instance() or QApplication([])
    ledger = open_province(path)
    host = LedgerHost(ledger)
    raw = Raw(path)
    visible = 30  # rows a clerk sees without scrolling

    def read(model) -> None:
        for row in range(min(visible, model.rowCount())):
            for col in range(model.columnCount()):
                model.data(model.index(row, col))

    def open_model():
        model = ListModel(records.EntityList(ledger, "household"))
        read(model)
        return model

    model = open_model()
    income = [key for key, _ in model.source.columns].index("income_per_capita")

    def search() -> None:
        model.set_search("")
        model.set_search(SEARCH)
        read(model)

    def sort() -> None:
        model.set_search("")
        model.sort(income, Qt.SortOrder.DescendingOrder)
        read(model)
        model.sort(-1)

    view = QTableView()
    view.resize(1100, 760)
    view.show()

    def shown() -> None:
        view.setModel(ListModel(records.EntityList(ledger, "household")))
        app.processEvents()
        view.viewport().grab()  # paint the visible rows

    picker = RefEditor(host, ENTITIES["assignment"].field("household"))

    def first_use() -> None:
        """A new form's household field takes the focus: it counts, and chooses to search."""
        picker.reload()
        picker.ensure_loaded()

    def typed() -> None:
        """What the pause after typing “王” runs: the search and the new matches in the list."""
        picker.lineEdit().setText(SEARCH)
        picker.search_now()
        picker.completer().popup().model().rowCount()

    def raw_count() -> None:
        raw.con.execute("SELECT COUNT(*) FROM household WHERE deleted_at IS NULL").fetchone()

    try:
        return [
            compare("Qt: ListModel open, 30 rows read", open_model, raw.list, runs),
            compare(f"Qt: set_search(“{SEARCH}”), rows read", search,
                    lambda: (raw.list(), raw.list(SEARCH)), runs),
            compare("Qt: sort by 人均纯收入, rows read", sort,
                    lambda: (raw.list(order="h.income_per_capita DESC"), raw.list()), runs),
            compare("Qt: QTableView shows the first rows", shown, raw.list, runs),
            compare("Qt: household picker's first use (count)", first_use, raw_count, runs),
            compare(f"Qt: household picker offers “{SEARCH}” matches", typed,
                    lambda: raw.picker(SEARCH), runs),
        ]
    finally:
        view.close()
        raw.con.close()
        ledger.close()


def print_table(figures: list[Figure]) -> None:
    """The table, then one RESULT line per figure (bench/results.py)."""
    print(f"{'operation':52} {'ours ms':>9} {'raw ms':>9} {'ratio':>7}  aim")
    for f in figures:
        print(f"{f.what:52} {f.ours * 1e3:9.2f} {f.raw * 1e3:9.2f} {f.ratio:6.2f}x  "
              f"{'ok' if f.ok else 'MISSED'} ({f.aim})")
    emit([Result(f.what, f.ours * 1e3, f.raw * 1e3, "ms", f.aim_ratio) for f in figures])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per figure (median)")
    parser.add_argument("--rebuild", action="store_true", help="regenerate the province file")
    args = parser.parse_args(argv)
    path = province_file(args.rebuild)
    with closing(sqlite3.connect(path)) as con:
        counts = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("household", "cadre", "village", "assignment")}
    print("file:", path, counts)
    print_table(figures(path, args.runs))
    return 0


def figures(path: Path, runs: int) -> list[Figure]:
    """Every figure of this benchmark on the province file at `path`."""
    found = measure_core(path, runs) + measure_save(path, runs)
    if (ROOT / "pairing_desktop" / "ui" / "list_model.py").exists():
        found += measure_qt(path, runs)
    else:
        print("(pairing_desktop/ui/list_model.py not in this tree: Qt figures skipped)")
    return found


if __name__ == "__main__":
    sys.exit(main())
