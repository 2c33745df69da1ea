"""Every benchmark in bench/, one after the other, into docs/benchmarks.md.

    python bench/run_all.py [--quick] [--only startup,ledger] [--out docs/benchmarks.md]

Each benchmark runs as its own process (`python bench/bench_<name>.py …`), so one's imports and
caches never flatter the next, and a benchmark being rewritten elsewhere needs nothing from this
script but its output. The contract is one line per figure (bench/results.py):

    RESULT name="…" value=… baseline=… ratio=… unit=s [aim=…] [note="…"]

where `baseline` is the raw way of doing the same thing, measured in the same run. The page lists
each figure with its baseline and ratio, the command that produced it, and the machine: CPU,
cores, operating system, Python and the versions of the libraries that matter. A benchmark that
is not in this tree, fails, or prints no RESULT line is listed with a note and the end of its
output, never silently left out. `--quick` uses fewer runs and smaller sizes (minutes, not an
hour); the page says which.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import Result, parse  # noqa: E402

LIBRARIES = ("PySide6", "peewee", "reportlab", "openpyxl", "python-calamine", "XlsxWriter",
             "pypdfium2", "argon2-cffi")
TIMEOUT_S = 3600  # one benchmark at most


@dataclass(frozen=True)
class Bench:
    name: str
    what: str
    args: tuple[str, ...] = ()
    quick: tuple[str, ...] = ()


BENCHES = (
    Bench("startup", "cold start of the program against a bare PySide6 window",
          ("--runs", "9"), ("--runs", "5")),
    Bench("ledger", "lists, search, sort and save at province size against raw sqlite3",
          ("--runs", "7"), ("--runs", "3")),
    Bench("history", "a save, its undo and a record's history against raw sqlite3",
          ("--runs", "7"), ("--runs", "3")),
    Bench("letters", "target letters against a raw ReportLab canvas",
          (), ("--letters", "200")),
    Bench("exchange", "Excel import and export against raw readers and writers",
          ("--runs", "3"), ("--runs", "1")),
    Bench("report", "dashboard and county report against the same SQL by hand",
          ("--runs", "5"), ("--runs", "2")),
    Bench("sync", "merging an exchange package against raw sqlite3 upserts", (), ()),
    Bench("server", "a save on a PostgreSQL server against one on a file", (), ()),
    Bench("print", "100 letter pages to a PDF printer, vector and raster, against raw pdfium",
          (), ("--pages", "20", "--render-pages", "5")),
)


@dataclass
class Outcome:
    bench: Bench
    command: str
    seconds: float = 0.0
    results: list[Result] = field(default_factory=list)
    note: str = ""
    tail: str = ""


def run(bench: Bench, quick: bool) -> Outcome:
    script = ROOT / "bench" / f"bench_{bench.name}.py"
    args = bench.quick if quick else bench.args
    command = " ".join(["python", f"bench/{script.name}", *args])
    outcome = Outcome(bench, command)
    if not script.exists():
        outcome.note = "not in this tree: skipped"
        return outcome
    print(f"== {command}", flush=True)
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, str(script), *args], cwd=ROOT, text=True,
                              capture_output=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        outcome.note = f"stopped after {TIMEOUT_S} s"
        return outcome
    outcome.seconds = time.perf_counter() - started
    output = done.stdout + (f"\n{done.stderr}" if done.returncode else "")
    print(done.stdout, flush=True)
    outcome.results = parse(done.stdout)
    lines = [line for line in output.splitlines() if line.strip()]
    if done.returncode and not outcome.results:
        outcome.note = f"failed (exit {done.returncode})"
    elif done.returncode:
        outcome.note = f"exit {done.returncode}: an aim was missed"
    elif not outcome.results:
        outcome.note = "prints no RESULT line yet (bench/results.py): its output is below"
    if not outcome.results or done.returncode:
        outcome.tail = "\n".join(lines[-25:])
    return outcome


def machine() -> list[tuple[str, str]]:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                 if line.startswith("model name")]
        cpu = names[0] if names else cpu
    rows = [("CPU", cpu), ("cores", str(os.cpu_count())), ("OS", platform.platform()),
            ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
            ("SQLite", sqlite3.sqlite_version)]
    for name in LIBRARIES:
        try:
            rows.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            rows.append((name, "not installed"))
    if hasattr(os, "getloadavg"):
        rows.append(("load at start (1, 5, 15 min)",
                     ", ".join(f"{x:.2f}" for x in os.getloadavg())))
    return rows


def number(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.3g}" if abs(value) < 100 else f"{value:,.0f}"


def page(outcomes: list[Outcome], quick: bool, took: float) -> str:
    when = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    lines = [
        "# Benchmarks",
        "",
        f"Written by `python bench/run_all.py{' --quick' if quick else ''}` on {when} "
        f"in {took / 60:.0f} min"
        + (" (quick: fewer runs and smaller sizes)." if quick else "."),
        "Every figure is timed beside its baseline — the same work done the raw way (plain "
        "sqlite3, a bare ReportLab canvas, a bare PySide6 window) — in the same run, and the ratio "
        "is ours ÷ baseline. Absolute times on shared machines vary about 2× from day to day; "
        "only the ratios measured in one run compare.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
    ]
    lines += [f"| {key} | {value} |" for key, value in machine()]
    for outcome in outcomes:
        bench = outcome.bench
        lines += ["", f"## {bench.name}: {bench.what}", "",
                  f"`{outcome.command}`" + (f" — {outcome.seconds:.0f} s" if outcome.seconds
                                            else "")]
        if outcome.note:
            lines += ["", f"*{outcome.note}*"]
        if outcome.results:
            lines += ["", "| figure | ours | baseline | ratio | aim |", "|---|---:|---:|---:|---:|"]
            for r in outcome.results:
                ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "—"
                aim = f"≤{r.aim:g}×" if r.aim is not None else (r.note or "")
                lines.append(f"| {r.name} | {number(r.value)} {r.unit} | "
                             f"{number(r.baseline)} {r.unit if r.baseline else ''} | {ratio} | "
                             f"{aim} |")
        if outcome.tail:
            lines += ["", "```", outcome.tail, "```"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, smaller sizes")
    parser.add_argument("--only", help="comma-separated names, e.g. startup,letters")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)
    chosen = [b for b in BENCHES if not args.only or b.name in args.only.split(",")]
    started = time.perf_counter()
    outcomes = [run(bench, args.quick) for bench in chosen]
    text = page(outcomes, args.quick, time.perf_counter() - started)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    partial = args.out.with_name(args.out.name + ".part")
    partial.write_text(text, encoding="utf-8")
    partial.replace(args.out)  # the page appears whole or not at all
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
