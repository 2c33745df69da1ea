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

The probe watches the main window alone (an event filter on the window, installed before its
first paint), not every event of the application: a Python filter on the application cost the
program, with its thousands of widget events before the first paint, more than the bare window.
The children import only what they run; the parent's modules (statistics, subprocess, the RESULT
line) are imported by the parent alone, so neither start pays for the harness.

Besides the wall-clock times it reports the children's processor time (user + system, from the
operating system's accounting of each child), which a busy shared machine disturbs much less
than the wall clock: when the two disagree, the machine was busy.

`--phases` adds one start of each, not timed, that says where the main thread's processor time
went (imports, the ledger opened, the window built and shown, the first paint, the event loop
come round), to tell what is worth cutting.

Prints a RESULT line (bench/results.py); `measure()` returns the figures.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
READY = "READY"
AIM = 2.5  # the program's start at most this many times the bare window's
PHASES = "BENCH_STARTUP_PHASES"  # set in a child's environment: it reports its phases
_marks: list[tuple[str, float]] = []  # (phase ended, the main thread's processor seconds)


def _mark(phase: str) -> None:
    if os.environ.get(PHASES):
        import time

        _marks.append((phase, time.thread_time()))


# --- the children ---------------------------------------------------------------------------


def _probe(window) -> None:
    """Print READY once `window` has been painted and the event loop turned once more, then
    leave at once (what happens after start is not measured). Installed before the window's
    first paint: it is shown, but the event loop has not run yet."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Probe(QObject):
        fired = False

        def eventFilter(self, obj, event):
            if not self.fired and event.type() == QEvent.Type.Paint:
                self.fired = True
                _mark("first paint")
                QTimer.singleShot(0, self._ready)
            return False

        @staticmethod
        def _ready() -> None:
            _mark("the event loop came round")
            for phase, seconds in _marks:
                print(f"PHASE {seconds * 1000:.1f} {phase}")
            print(READY, flush=True)
            os._exit(0)

    window._startup_probe = Probe(window)
    window.installEventFilter(window._startup_probe)


def child_bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    _mark("Python and PySide6 imported")
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1366, 768)
    window.show()
    _mark("the window made and shown")
    _probe(window)
    app.exec()


def child_program(db: str, logs: str) -> None:
    from PySide6 import QtWidgets  # noqa: F401  (what the bare window imports, told apart)

    _mark("Python and PySide6 imported")
    from pairing_desktop.ui import app as app_module

    _mark("ui.app and what it imports")
    start, make, open_file = (app_module.start, app_module.make_application,
                              app_module.open_ledger_or_explain)

    def make_and_mark(*args, **kwargs):
        made = make(*args, **kwargs)
        _mark("the application, fonts and translators")
        return made

    def open_and_mark(*args, **kwargs):
        opened = open_file(*args, **kwargs)
        _mark("the main window's modules imported, the ledger opened")
        return opened

    def start_and_probe(*args, **kwargs):
        window = start(*args, **kwargs)  # shown; its first paint comes with the event loop
        _mark("the main window built (its first tab) and shown")
        if window is not None:
            _probe(window)
        return window

    if os.environ.get(PHASES):
        app_module.make_application = make_and_mark
        app_module.open_ledger_or_explain = open_and_mark
    app_module.start = start_and_probe
    app_module.run(db, logs=Path(logs))


# --- the parent -----------------------------------------------------------------------------


def _start(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from launching a child to its READY line, and the child's processor seconds."""
    import subprocess
    import time

    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, __file__, "--child", *args], env=env, cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = child.stdout.readline().strip()
    elapsed = time.perf_counter() - started
    _pid, status, usage = os.wait4(child.pid, 0)  # its processor time, which wait() loses
    child.returncode = os.waitstatus_to_exitcode(status)
    if line != READY:
        raise RuntimeError(f"child {args[0]} did not start: {child.stderr.read()[-2000:]}")
    child.stdout.close()
    child.stderr.close()
    return elapsed, usage.ru_utime + usage.ru_stime


def _phases(args: list[str], env: dict[str, str]) -> list[tuple[str, float]]:
    """One start that reports its phases: (phase, the main thread's processor ms in it)."""
    import subprocess

    child = subprocess.run([sys.executable, __file__, "--child", *args], cwd=ROOT,
                           env=dict(env, **{PHASES: "1"}), capture_output=True, text=True,
                           timeout=120)
    marks = [line.split(" ", 2)[1:] for line in child.stdout.splitlines()
             if line.startswith("PHASE ")]
    if READY not in child.stdout.splitlines():
        raise RuntimeError(f"child {args[0]} did not start: {child.stderr[-2000:]}")
    phases, before = [], 0.0
    for ms, phase in marks:
        phases.append((phase, float(ms) - before))
        before = float(ms)
    return phases


def measure(runs: int = 7, folder: Path | None = None,
            phases: bool = False) -> dict[str, float]:
    """Median cold-start times (wall clock and processor) of the program on the demo county
    and of a bare QMainWindow, and their ratios; with `phases`, also "phases": where the
    processor time of one more start of each went."""
    import shutil
    import statistics
    import tempfile

    from pairing_desktop.core.demo import make_demo_file

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        work = Path(folder or tmp)
        demo = work / "演示县.db"
        if not demo.exists():
            make_demo_file(demo, seed=2007)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(work / "pyc"),
                   XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed program has its .pyc files
        times: dict[str, list[tuple[float, float]]] = {"bare": [], "program": []}
        for run in range(runs + 1):  # the first pair warms the file cache, and is not counted
            copy = work / f"start-{run}.db"
            shutil.copyfile(demo, copy)
            bare = _start(["bare"], env)
            program = _start(["program", str(copy), str(work / "logs")], env)
            if run:
                times["bare"].append(bare)
                times["program"].append(program)
        if phases:
            copy = work / "phases.db"
            shutil.copyfile(demo, copy)
            found = {"bare": _phases(["bare"], env),
                     "program": _phases(["program", str(copy), str(work / "logs")], env)}
    figures: dict = {"phases": found} if phases else {}
    for name, starts in times.items():
        figures[name] = statistics.median(wall for wall, _cpu in starts)
        figures[f"{name}_cpu"] = statistics.median(cpu for _wall, cpu in starts)
    figures["ratio"] = figures["program"] / figures["bare"]
    figures["cpu_ratio"] = figures["program_cpu"] / figures["bare_cpu"]
    return figures


def main(argv: list[str] | None = None) -> int:
    import argparse

    from bench.results import Result, emit

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="starts of each (median)")
    parser.add_argument("--phases", action="store_true",
                        help="also say where the processor time of one start of each went")
    args = parser.parse_args(argv)
    figures = measure(args.runs, phases=args.phases)
    print(f"cold start, median of {args.runs} (python {sys.version.split()[0]}):  "
          "wall clock / processor time")
    print(f"  bare PySide6 QMainWindow:    {figures['bare']:6.3f} s  /  "
          f"{figures['bare_cpu']:6.3f} s")
    print(f"  program on the demo county:  {figures['program']:6.3f} s  /  "
          f"{figures['program_cpu']:6.3f} s")
    print(f"  ratio:                       {figures['ratio']:6.2f}x  /  "
          f"{figures['cpu_ratio']:6.2f}x  (aim ≤{AIM:g}x, wall clock)")
    for name, phases in figures.get("phases", {}).items():
        print(f"  {name}: the main thread's processor time, by phase (one start)")
        for phase, ms in phases:
            print(f"    {ms:7.1f} ms  {phase}")
    emit([Result("cold start to a usable window (demo county vs bare QMainWindow)",
                  figures["program"], figures["bare"], "s", AIM,
                  f"processor time {figures['program_cpu']:.3f} s vs "
                  f"{figures['bare_cpu']:.3f} s, {figures['cpu_ratio']:.2f}x")])
    return 0


def child(args: list[str]) -> int:
    """A measured start (`--child bare` or `--child program DB LOGS`); never returns when it
    became ready."""
    if args[0] == "bare":
        child_bare()
    else:
        child_program(*args[1:])
    return 1  # a child that gets here never became ready


if __name__ == "__main__":
    sys.exit(child(sys.argv[2:]) if sys.argv[1:2] == ["--child"] else main())
