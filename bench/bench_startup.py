"""Cold start: the program on the demo county, from launch to a visible, usable main window,
against a bare PySide6 QMainWindow started the same way in the same run.

    python bench/bench_startup.py [--runs 7]

Each start is a new Python process (`python bench/bench_startup.py --child …`), so imports, the
fonts, the translators and the ledger are all cold for the interpreter (the operating system's
file cache is warm for both, as it is for a clerk's second start of the day). The parent takes
the time from launching the child to reading its "ready" line; the child prints that line once
its main window has been painted and the event loop has come round again, i.e. when a click
would be answered. The program starts through `ui.app.run` exactly as `pairing-desktop --db`
does, with its settings and logs in a temporary folder. Bare and program starts alternate so both
see the same machine load; each figure is the median. Both use compiled bytecode, as an installed
program does (kept in a temporary PYTHONPYCACHEPREFIX, written by the first, uncounted pair).

Prints a RESULT line (bench/results.py); `measure()` returns the figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
READY = "READY"
AIM = 2.5  # the program's start at most this many times the bare window's


# --- the children ---------------------------------------------------------------------------


def _probe(app) -> None:
    """Print READY once a main window has been painted and the event loop turned once more,
    then leave at once (what happens after start is not measured)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow

    class Probe(QObject):
        fired = False

        def eventFilter(self, obj, event):
            if (not self.fired and event.type() == QEvent.Type.Paint
                    and isinstance(obj, QMainWindow)):
                self.fired = True
                QTimer.singleShot(0, self._ready)
            return False

        @staticmethod
        def _ready() -> None:
            print(READY, flush=True)
            os._exit(0)

    app._startup_probe = Probe(app)
    app.installEventFilter(app._startup_probe)


def child_bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    _probe(app)
    window = QMainWindow()
    window.resize(1366, 768)
    window.show()
    app.exec()


def child_program(db: str, logs: str) -> None:
    from pairing_desktop.ui import app as app_module

    make = app_module.make_application

    def make_and_probe(argv=None):
        made = make(argv)
        _probe(made)
        return made

    app_module.make_application = make_and_probe
    app_module.run(db, logs=Path(logs))


# --- the parent -----------------------------------------------------------------------------


def _start(args: list[str], env: dict[str, str]) -> float:
    """Seconds from launching a child to its READY line."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, __file__, "--child", *args], env=env, cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = child.stdout.readline().strip()
    elapsed = time.perf_counter() - started
    child.wait(timeout=60)
    if line != READY:
        raise RuntimeError(f"child {args[0]} did not start: {child.stderr.read()[-2000:]}")
    return elapsed


def measure(runs: int = 7, folder: Path | None = None) -> dict[str, float]:
    """Median cold-start times of the program on the demo county and of a bare QMainWindow."""
    from pairing_desktop.core.demo import make_demo_file

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        work = Path(folder or tmp)
        demo = work / "演示县.db"
        if not demo.exists():
            make_demo_file(demo, seed=2007)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(work / "pyc"),
                   XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed program has its .pyc files
        times: dict[str, list[float]] = {"bare": [], "program": []}
        for run in range(runs + 1):  # the first pair warms the file cache, and is not counted
            copy = work / f"start-{run}.db"
            shutil.copyfile(demo, copy)
            bare = _start(["bare"], env)
            program = _start(["program", str(copy), str(work / "logs")], env)
            if run:
                times["bare"].append(bare)
                times["program"].append(program)
    bare, program = statistics.median(times["bare"]), statistics.median(times["program"])
    return {"bare": bare, "program": program, "ratio": program / bare}


def main(argv: list[str] | None = None) -> int:
    from bench.results import Result, emit

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="starts of each (median)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        if args.child[0] == "bare":
            child_bare()
        else:
            child_program(*args.child[1:])
        return 1  # a child that gets here never became ready
    figures = measure(args.runs)
    print(f"cold start, median of {args.runs} (python {sys.version.split()[0]}):")
    print(f"  bare PySide6 QMainWindow:    {figures['bare']:6.3f} s")
    print(f"  program on the demo county:  {figures['program']:6.3f} s  "
          f"{figures['ratio']:4.2f}x  (aim ≤{AIM:g}x)")
    emit([Result("cold start to a usable window (demo county vs bare QMainWindow)",
                  figures["program"], figures["bare"], "s", AIM)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
