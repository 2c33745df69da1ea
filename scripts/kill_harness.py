"""Kill the program at random moments of its writes and check that nothing was lost or half-done.

    python scripts/kill_harness.py --kills 200            # the full run (a few minutes)
    python scripts/kill_harness.py --kills 12 --seed 5    # what the test suite runs

A child process does one kind of write in a loop (saves, new ledgers, the demo county, imports,
a township's exchange packages merged at the county, letter batches in one file and split,
reports, backups), printing a line after each write it completed; the harness SIGKILLs it after
a random time, then checks the files: SQLite's integrity check passes, every write the child
reported is there, no import or merge is half-applied, no partial file sits under a final name,
every letter in a PDF is recorded, and the ledger opens. It prints the counts per kind and exits
non-zero on the first broken promise.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pairing_desktop.core.storage.ledger import Ledger

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KINDS = ("save", "create", "demo", "import", "merge", "letters", "letters-split", "report",
         "backup")
# how long a child may run before its kill (seconds): long enough for some writes to complete,
# random enough to land in the middle of the next one
WINDOWS = {"save": (1.0, 3.0), "create": (0.3, 2.0), "demo": (0.5, 5.0), "import": (0.5, 5.0),
           "merge": (0.5, 6.0),
           "letters": (0.5, 4.0),
           "letters-split": (0.5, 5.0), "report": (0.5, 5.0), "backup": (0.3, 3.0)}
YEAR = 2026
IMPORT_ROWS = 300  # households in each imported file: a kill must leave all of them or none


# --- the children: one kind of write for ever, a line after each completed one -------------------


def child(kind: str, base: Path, work: Path) -> None:
    from pairing_desktop.core import auth
    from pairing_desktop.core.ledgers import open_ledger

    def done(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    n = 0
    me = os.getpid()  # each child names its files apart from the killed ones before it
    if kind in ("create", "demo"):
        from pairing_desktop.core.demo import make_demo_file

        while True:
            path = work / f"{kind}{me}-{n}.db"
            if kind == "create":
                open_ledger(path).close()
            else:
                make_demo_file(path, seed=n)
            done(str(path))
            n += 1
    ledger = open_ledger(base)
    auth.auto_login(ledger)
    if kind == "save":
        from pairing_desktop.core import operations as ops
        from pairing_desktop.core import records

        town = records.choices(ledger, "township", limit=1)[0][0]
        while True:
            changes = ops.save(ledger, "village", None, {"township": town,
                                                          "name": f"杀测村{time.time_ns()}"})
            done(f"village {changes.record_id.hex}")
    if kind == "import":
        while True:
            batch = f"杀测{me}-{n}"
            _import_households(ledger, work / f"{batch}.csv", batch)
            done(f"import {batch}")
            n += 1
    if kind == "merge":  # a township enters households and sends them; the county merges them
        from pairing_desktop.core import operations as ops
        from pairing_desktop.core.demo import DEMO_OFFICE

        town = open_ledger(base.with_name("township.db"))
        auth.auto_login(town)
        while True:
            batch = f"杀测{me}-{n}"
            _import_households(town, work / f"{batch}.csv", batch)
            ops.export_package(town, DEMO_OFFICE, work / f"{batch}.pdx")
            ops.import_package(ledger, work / f"{batch}.pdx")
            done(f"merge {batch}")
            n += 1
    while True:
        if kind.startswith("letters"):
            from pairing_desktop.core.letters.batch import generate

            split = kind == "letters-split"
            out = work / (f"letters{me}-{n}" if split else f"letters{me}-{n}.pdf")
            # a split batch of one township's letters: several finish before the kill
            generate(ledger, "target", YEAR, out, split=split,
                     township=_first_township(ledger) if split else None)
        elif kind == "report":
            from pairing_desktop.core.reports.export import export_report

            out = work / f"report{me}-{n}.{'xlsx' if n % 2 else 'pdf'}"
            export_report(ledger, out, YEAR)
        else:
            from pairing_desktop.core.backups import make_backup

            out = make_backup(ledger, work / f"b{me}-{n}.backup").info.path
        done(str(out))
        n += 1


def _first_township(ledger: Ledger) -> str:
    from pairing_desktop.core.storage.models import Township, UnitVillagePairing, Village

    with ledger.bound():
        return (Township.select(Township.name).join(Village).join(UnitVillagePairing)
                .order_by(Township.name).scalar())


def _import_households(ledger: Ledger, path: Path, batch: str) -> None:
    """Import a CSV of IMPORT_ROWS new households, each in the village group named `batch`."""
    from pairing_desktop.core import exchange
    from pairing_desktop.core.storage.models import Township, Village

    with ledger.bound():
        town, village = (Village.select(Township.name, Village.name).join(Township)
                         .where(Village.deleted_at.is_null()).order_by(Village.name)
                         .tuples().first())
    rows = [f"{town},{village},{batch},户主{batch}-{i}\n" for i in range(IMPORT_ROWS)]
    path.write_text("乡镇,所在村,村民组,户主\n" + "".join(rows), encoding="utf-8")
    result = exchange.import_file(ledger, path)
    assert result.ok, result.problems[:3]
    path.unlink()


# --- the checks after a kill ---------------------------------------------------------------------


def check(kind: str, base: Path, work: Path, reported: list[str]) -> None:
    """Raise AssertionError naming the broken promise."""
    import sqlite3

    from pypdf import PdfReader

    from pairing_desktop.core import records
    from pairing_desktop.core.backups import inspect_backup
    from pairing_desktop.core.ledgers import open_ledger

    if kind in ("create", "demo"):
        for path in work.glob(f"{kind}*.db"):
            with open_ledger(path) as opened:
                counts = records.counts(opened, ["rank", "township"])
            assert counts["rank"] == 4, f"{path}: a ledger without its ranks"
            assert kind == "create" or counts["township"] == 28, f"{path}: half a demo"
        return
    with sqlite3.connect(base) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",), "integrity"
    with open_ledger(base) as opened:
        if kind == "save":
            live = {row[0].hex for row in records.EntityList(opened, "village").page(limit=10**6)}
            lost = [line for line in reported if line.split()[1] not in live]
            assert not lost, f"reported saves missing: {lost[:3]}"
        if kind in ("import", "merge"):
            sizes = _imported(opened)
            half = {batch: size for batch, size in sizes.items() if size != IMPORT_ROWS}
            assert not half, f"{kind}s half-applied: {half}"
            lost = [line for line in reported if line.split()[1] not in sizes]
            assert not lost, f"reported {kind}s missing: {lost[:3]}"
        for path in sorted(work.iterdir()):
            if path.name.startswith("."):
                continue  # a temporary name: removed at the next start
            if path.suffix == ".pdf" and kind.startswith("letters"):
                _check_letters(opened, path)
            elif path.suffix == ".pdf":
                assert len(PdfReader(path).pages) > 0, f"{path}: half a PDF"
            elif path.is_dir():
                pdfs = sorted(path.iterdir())
                assert pdfs and not any(p.name.startswith(".") for p in pdfs), \
                    f"{path}: half a batch"
                for pdf in {pdfs[0], pdfs[-1]}:  # the folder arrives whole: its ends prove it
                    _check_letters(opened, pdf)
            elif path.suffix == ".xlsx":
                import openpyxl

                openpyxl.load_workbook(path, read_only=True).close()
            elif path.suffix == ".backup":
                assert inspect_backup(path).ok, f"{path}: a damaged backup"


def _imported(ledger: Ledger) -> dict[str, int]:
    """How many households each imported batch left."""
    from peewee import fn

    from pairing_desktop.core.storage.models import Household

    with ledger.bound():
        query = (Household.select(Household.group_name, fn.COUNT(Household.id))
                 .where(Household.group_name.startswith("杀测")).group_by(Household.group_name))
        return dict(query.tuples())


def _check_letters(ledger: Ledger, pdf: Path) -> None:
    """A whole PDF whose letters are all recorded: files exist only with their records."""
    from pypdf import PdfReader

    from pairing_desktop.core.letters.lifecycle import verify

    reader = PdfReader(pdf)
    assert len(reader.pages) > 0, f"{pdf}: half a PDF"
    codes = set(re.findall(r"验证码：\s*([0-9A-Z]{4}-[0-9A-Z]{4})", reader.pages[0].extract_text()))
    assert codes, f"{pdf}: no verification code on its first page"
    missing = [code for code in codes if verify(ledger, code).result == "unknown"]
    assert not missing, f"{pdf}: letters in a file but not recorded: {sorted(missing)}"


# --- the harness -------------------------------------------------------------------------------


def base_ledger(folder: Path) -> Path:
    """The demo county (its administrator logs in automatically) as the county office, and
    beside it a new ledger for the office of its first township, which has merged what the
    county sent it."""
    from pairing_desktop.core import auth
    from pairing_desktop.core import operations as ops
    from pairing_desktop.core.demo import (
        DEMO_ADMIN,
        DEMO_COUNTY,
        DEMO_OFFICE,
        DEMO_PASSWORD,
        make_demo_file,
    )
    from pairing_desktop.core.ledgers import open_ledger
    from pairing_desktop.core.profile import set_profile

    path = folder / "base.db"
    make_demo_file(path, seed=2007)
    with open_ledger(path) as county, open_ledger(path.with_name("township.db")) as town:
        auth.auto_login(county)  # the demo is the county office already
        name = _first_township(county)
        ops.create_first_admin(town, DEMO_ADMIN, DEMO_PASSWORD)
        ops.set_auto_login(town, DEMO_ADMIN)
        set_profile(town, DEMO_COUNTY, name, reports_to=DEMO_OFFICE)
        ops.export_package(county, name, folder / "down.pdx")
        ops.import_package(town, folder / "down.pdx")
    return path


def run(kills: int, seed: int, keep: bool = False) -> Counter:
    rng = random.Random(seed)
    folder = Path(tempfile.mkdtemp(prefix="kill-harness-"))
    counts: Counter = Counter()
    try:
        base = base_ledger(folder)
        for i in range(kills):
            kind = KINDS[i % len(KINDS)]
            work = folder / f"work-{kind}"
            work.mkdir(exist_ok=True)
            proc = subprocess.Popen([sys.executable, __file__, "--child", kind, str(base),
                                     str(work)], cwd=ROOT, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True)
            time.sleep(rng.uniform(*WINDOWS[kind]))
            proc.kill()
            out, err = proc.communicate()
            if proc.returncode >= 0:
                raise AssertionError(f"{kind}: the child stopped by itself:\n{err}")
            reported = [line for line in out.splitlines(keepends=True) if line.endswith("\n")]
            check(kind, base, work, [line.strip() for line in reported])
            counts[kind] += 1
            counts[f"{kind} writes"] += len(reported)
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", action="store_true", help="keep the work folder to look at")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "BASE", "WORK"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return 0
    started = time.perf_counter()
    counts = run(args.kills, args.seed, args.keep)
    print(f"{sum(counts[k] for k in KINDS)} kills in {time.perf_counter() - started:.0f} s, "
          "every check passed:")
    for kind in KINDS:
        print(f"  {kind:14} {counts[kind]:4} kills, {counts[f'{kind} writes']:6} writes completed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
