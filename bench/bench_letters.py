"""Benchmark: letters per second against a raw ReportLab canvas, measured in the same run.

1. 1,000 target letters (one per pairing, 8 targets each) into one PDF and into 1,000 files,
   through `letters.batch.generate` (gather, codes, layout, QR, render, record).
2. The baseline: a bare `canvas.Canvas` drawing the same lines (the same strings at the same
   places, same embedded font, same page count) with `drawString`: the cost of the PDF alone.
3. A whole county year: every target letter, cadre letter and contact card of the demo county.

A batch records its letters as an operation, so the bench ledger gets an administrator first
(the demo county makes its own).

Run:  python bench/bench_letters.py [--letters 1000]

Prints a RESULT line per figure (bench/results.py); `figures()` returns them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.pdfgen import canvas as rl_canvas

from bench.results import Result, emit
from pairing_desktop.core import operations as ops
from pairing_desktop.core.demo import build_demo_county
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.letters import batch, layout
from pairing_desktop.core.letters.data import gather
from pairing_desktop.core.letters.fonts import letter_fonts
from pairing_desktop.core.letters.templates import expand, load_template
from pairing_desktop.core.storage import models as M
from pairing_desktop.core.storage.ledger import Ledger

YEAR = 2008
N = 1000
DESCRIPTIONS = ("修建通村公路", "建设沼气池", "发展精品水果种植", "扶持生猪养殖示范户",
                "开展农民实用技术培训", "实施改厨改厕", "完善村规民约", "培训农村党员")


def _rows(model, rows):
    """Bulk inserts on the ledger bound by the caller (build_pairings' transaction)."""
    now = M.utcnow()
    for i in range(0, len(rows), 300):
        model.insert_many([{"id": uuid.uuid4(), "created_at": now, "updated_at": now, **r}
                           for r in rows[i:i + 300]]).execute()


def build_pairings(ledger: Ledger, n: int) -> None:
    """n villages in 20 townships, n units, n pairings, 8 targets each (bulk inserts, one
    transaction)."""
    with ledger.atomic():
        _pairings(n)


def _pairings(n: int) -> None:
    rng = random.Random(1)
    _rows(M.Township, [{"name": f"第{i}镇"} for i in range(20)])
    towns = [t.id for t in M.Township.select()]
    _rows(M.Village, [{"township": towns[i % 20], "name": f"第{i}村", "secretary": "王明"}
                      for i in range(n)])
    _rows(M.Unit, [{"name": f"县第{i}局", "level": "县直", "party_org": f"中共县第{i}局党组"}
                   for i in range(n)])
    villages = [v.id for v in M.Village.select().order_by(M.Village.name)]
    units = [u.id for u in M.Unit.select().order_by(M.Unit.name)]
    _rows(M.UnitVillagePairing, [{"unit": u, "village": v, "started_on": dt.date(YEAR - 1, 3, 1)}
                                 for u, v in zip(units, villages, strict=True)])
    targets = []
    for p in M.UnitVillagePairing.select(M.UnitVillagePairing.id):
        for k in range(8):
            targets.append({"pairing": p.id, "year": YEAR, "category": k % 6 + 1,
                            "description": DESCRIPTIONS[k],
                            "indicator_value": rng.randint(5, 50), "indicator_unit": "口"})
    _rows(M.Target, targets)


def best(runs: int, job) -> float:
    """The best of a few timings: the machine is shared, the minimum is the least disturbed."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return min(times)


def raw_pdf(path: Path, pages: list[list[list[layout.Run]]], fonts) -> None:
    """A raw canvas drawing the same lines on the same pages with drawString."""
    c = rl_canvas.Canvas(str(path), initialFontName=fonts.body, initialFontSize=16)
    for number, rows in enumerate(pages, 1):
        for index, row in enumerate(rows):
            for run in row:
                c.setFont(run.font, run.size)
                c.drawString(run.x, layout.row_baseline(index, run.size), run.text,
                             charSpace=run.space)
        c.setFont(fonts.title, 14)
        c.drawRightString(500, 60, f"— {number} —")
        c.showPage()
    c.save()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=N, help="target letters (default 1000)")
    args = parser.parse_args(argv)
    emit(figures(args.letters))


def figures(n: int = N) -> list[Result]:
    """Letters per second against the raw canvas, and the county year; printed as they come."""
    folder = Path(tempfile.mkdtemp(prefix="bench-letters-"))
    ledger = open_ledger(folder / "bench.db")
    try:
        ops.create_first_admin(ledger, "admin", "password123")
        build_pairings(ledger, n)
        fonts = letter_fonts(ledger)
        template = load_template("target")
        layouter = layout.Layouter(fonts)
        with ledger.bound():
            found = gather("target", YEAR)
        letters = [layouter.layout(expand(template, d.values)).pages for d in found]
        pages = [p for letter in letters for p in letter]
        (folder / "raw").mkdir()

        def raw_split() -> None:
            for i, letter in enumerate(letters):
                raw_pdf(folder / "raw" / f"{i}.pdf", letter, fonts)

        base = best(3, lambda: raw_pdf(folder / "raw.pdf", pages, fonts))
        first = best(1, lambda: batch.generate(ledger, "target", YEAR, folder / "one.pdf",
                                               fonts=fonts))
        one = min(first, best(2, lambda: batch.generate(ledger, "target", YEAR,
                                                        folder / "one.pdf", fonts=fonts)))
        base_split = best(2, raw_split)
        runs = iter(range(10))  # a split batch goes into a folder of its own each time
        many = best(2, lambda: batch.generate(ledger, "target", YEAR,
                                              folder / f"split-{next(runs)}", split=True,
                                              fonts=fonts))
        print(f"{n} target letters, {len(pages)} pages (best of 3 runs, 2 for files;"
              " reruns reuse the codes recorded by the first)")
        print(f"  raw canvas, one PDF:     {base:6.2f} s  {n / base:5.0f} letters/s")
        print(f"  batch, one PDF:          {one:6.2f} s  {n / one:5.0f} letters/s"
              f"  ratio to raw {one / base:4.2f}x")
        print(f"  batch, one PDF, first run (records {n} new letters): {first:6.2f} s"
              f"  {n / first:5.0f} letters/s  ratio to raw {first / base:4.2f}x")
        print(f"  raw canvas, {n} files: {base_split:6.2f} s  {n / base_split:5.0f} letters/s")
        print(f"  batch, {n} files:      {many:6.2f} s  {n / many:5.0f} letters/s"
              f"  ratio to raw files {many / base_split:4.2f}x, to raw one PDF {many / base:4.2f}x")
        found = [Result(f"{n} target letters, one PDF", one, base, "s"),
                 Result(f"{n} target letters, one PDF, first run", first, base, "s"),
                 Result(f"{n} target letters, one file each", many, base_split, "s")]
    finally:
        ledger.close()
    return [*found, county_year(folder)]


def county_year(folder: Path) -> Result:
    """The demo county (its targets included) as of today, every kind of letter for this year."""
    ledger = open_ledger(folder / "county.db")
    try:
        build_demo_county(ledger, seed=2007)
        year = dt.date.today().year
        fonts = letter_fonts(ledger)
        start = time.perf_counter()
        counts = {}
        for kind in ("target", "cadre", "card"):
            counts[kind] = len(batch.generate(ledger, kind, year, folder / f"county-{kind}.pdf",
                                              fonts=fonts).letters)
        took = time.perf_counter() - start
        print(f"county year {year}: {counts['target']} target letters, {counts['cadre']} cadre "
              f"letters, {counts['card']} cards in {took:.2f} s (aim < 10 s)")
    finally:
        ledger.close()
    return Result("demo county: every letter and card of a year", took, None, "s",
                  note="aim < 10 s; no raw baseline")


if __name__ == "__main__":
    main()
