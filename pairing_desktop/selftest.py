"""`pairing-desktop --self-test`: the whole program once, in a temporary folder, step by step.

This is what proves that a frozen build carries every module and resource: PyInstaller follows
plain imports, but ReportLab imports some modules by name at run time, the C accelerator and the
argon2 binding are compiled files, and fonts, templates and Qt's translations are data files. Each
of them is used here the way the program uses it, so a bundle that lacks one fails a named step
instead of failing in front of a clerk.

Nothing is written outside the temporary folder: the ledger, the letters, the report, the backup
and the window's settings all live there and are deleted at the end. One line is printed per step
with its time; the exit status is 0 when every step passed, else 1 with the failed step named.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STEP_WIDTH = 14  # the step names' column


@dataclass
class Context:
    """What the steps hand to each other."""

    folder: Path
    year: int = field(default_factory=lambda: dt.date.today().year)
    app: Any = None
    ledger: Any = None
    unit: str = ""


def _no_display() -> bool:
    """True on a Linux (or other X11/Wayland) machine with neither display: CI, a server."""
    if sys.platform in ("win32", "darwin"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


# --- the steps: each returns a short detail for its line ---------------------------------------


def step_modules(_ctx: Context) -> str:
    """The modules a frozen build is most likely to miss: imported by name, or compiled."""
    import importlib

    import argon2

    from pairing_desktop import __version__
    from pairing_desktop.core.auth import hash_password

    if __version__.startswith("0+unknown"):
        raise RuntimeError("the package's metadata is missing: no version number")
    # ReportLab imports these by name at run time (its barcode widgets, its font data)
    for name in ("reportlab.graphics.barcode.code128", "reportlab.graphics.barcode.qr",
                 "reportlab.pdfbase._fontdata_enc_winansi", "reportlab.rl_settings"):
        importlib.import_module(name)
    import _rl_accel  # noqa: F401 - the compiled accelerator itself
    from reportlab.lib import rl_accel

    slow = sorted(rl_accel._py_funcs)
    if slow:
        raise RuntimeError(f"ReportLab runs without its accelerator: {', '.join(slow)}")
    hashed = hash_password("自检密码 self-test")
    argon2.PasswordHasher().verify(hashed, "自检密码 self-test")
    import ssl  # Python's OpenSSL: on Linux the build shares libpq's (packaging/bundle.py)

    import psycopg2  # the PostgreSQL driver, and its libpq
    import reportlab

    libpq = psycopg2.extensions.libpq_version()
    return (f"version {__version__}, reportlab {reportlab.Version} with _rl_accel, argon2, "
            f"libpq {libpq // 10000}.{libpq % 100}, {ssl.OPENSSL_VERSION}")


def step_resources(ctx: Context) -> str:
    """The data files: fonts with their licences (unpacked, as at a first start, into the
    temporary folder when the build carries them compressed), letter templates."""
    from pairing_desktop.core import font_files
    from pairing_desktop.core.letters import KINDS
    from pairing_desktop.core.letters.templates import load_template
    from pairing_desktop.core.paths import resources_dir

    folder = resources_dir()
    names = font_files.bundled_fonts()
    if not names:
        raise RuntimeError(f"no fonts in {folder / 'fonts'}")
    began = time.perf_counter()
    for name in names:  # LICENSE-wqy-microhei.txt beside wqy-microhei.ttc
        stem = Path(name).stem
        if not list((folder / "fonts").glob(f"LICENSE-*{stem}.txt")):
            raise RuntimeError(f"{name}: no licence file beside it")
        if font_files.font_file(name).stat().st_size < 1_000_000:
            raise RuntimeError(f"{name}: not a whole font")
    unpacked = len(list((ctx.folder / "fonts").glob("*.tt[cf]")))
    took = f", {unpacked} unpacked in {time.perf_counter() - began:.2f} s" if unpacked else ""
    for kind in KINDS:
        load_template(kind)
    return f"{folder}: {len(names)} fonts{took}, {len(KINDS)} letter templates"


def step_application(ctx: Context) -> str:
    """The QApplication as the program makes it, Qt's own Chinese translation loadable, and the
    ICU data Qt reads (the Linux build carries only part of it: packaging/icu_data.py)."""
    if _no_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import functools

    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QCollator, QLibraryInfo, QLocale, QTimeZone, QTranslator

    from pairing_desktop.ui.app import make_application

    ctx.app = make_application([sys.argv[0] if sys.argv else "pairing-desktop"])
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    if not translator.load("qtbase_zh_CN", folder):
        raise RuntimeError(f"qtbase_zh_CN.qm is not in Qt's translations folder {folder}")
    china = QLocale("zh_CN")
    names = sorted(["张", "安", "陈"], key=functools.cmp_to_key(QCollator(china).compare))
    if names != ["安", "陈", "张"]:
        raise RuntimeError(f"Qt's collator sorts 安 陈 张 as {' '.join(names)}")
    zone = QTimeZone(b"Asia/Shanghai").displayName(
        QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, china)
    return (f"PySide6 {pyside_version}, platform {ctx.app.platformName()}, qtbase_zh_CN.qm, "
            f"collator, {zone}")


def step_demo(ctx: Context) -> str:
    """A new ledger holding the demo county, opened and worked on by its administrator."""
    from pairing_desktop.core import auth
    from pairing_desktop.core.demo import make_demo_file
    from pairing_desktop.core.ledgers import open_ledger
    from pairing_desktop.core.storage.models import Unit

    path = ctx.folder / "自检台账.db"
    counts = make_demo_file(path)
    ctx.ledger = open_ledger(path)
    if auth.auto_login(ctx.ledger) is None:
        raise RuntimeError("the demo's administrator did not log in")
    with ctx.ledger.bound():
        first = Unit.live().order_by(Unit.name).first()
    if first is None:
        raise RuntimeError("the demo county has no units")
    ctx.unit = first.name
    return f"{sum(counts.values())} records"


def letters_step(kind: str) -> Callable[[Context], str]:
    def step(ctx: Context) -> str:
        from pairing_desktop.core.letters.batch import generate

        out = ctx.folder / "letters" / f"{kind}.pdf"
        result = generate(ctx.ledger, kind, ctx.year, out, unit=ctx.unit)
        _check_pdf(out)
        return f"{len(result.letters)} letters, {result.pages} pages"

    # One unit's letters: a few of each kind, under a second, where a township takes seconds.
    step.__doc__ = f"The {kind} letters of one unit for this year, as one PDF."
    return step


def report_step(suffix: str) -> Callable[[Context], str]:
    def step(ctx: Context) -> str:
        from pairing_desktop.core.reports.export import export_report

        out = export_report(ctx.ledger, ctx.folder / f"report{suffix}", ctx.year)
        if suffix == ".pdf":
            _check_pdf(out)
        return f"{out.stat().st_size // 1024} KB"

    step.__doc__ = f"The county's report for this year as {suffix}."
    return step


def step_backup(ctx: Context) -> str:
    """A backup through SQLite's backup API, checked after writing."""
    from pairing_desktop.core.backups import make_backup

    result = make_backup(ctx.ledger, ctx.folder / "backup" / "自检备份.db")
    if result.info.integrity != "ok":
        raise RuntimeError(f"the backup's integrity check says {result.info.integrity}")
    return f"{result.info.path.stat().st_size // 1024} KB, integrity ok"


def step_window(ctx: Context) -> str:
    """The main window once, with its settings in the temporary folder: shown, every tab opened
    as a clerk opens it (the tabs are built when first shown, with the modules and Qt plugins
    behind them), then closed."""
    from PySide6.QtCore import QSettings

    from pairing_desktop.ui.main_window import MainWindow

    settings = QSettings(str(ctx.folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ctx.ledger, settings)
    ctx.ledger = None  # the window holds it now and closes it
    try:
        window.show()
        for _ in range(3):
            ctx.app.processEvents()
        for tab in window.all_tabs():
            window.tabs.setCurrentWidget(tab)
            for _ in range(3):
                ctx.app.processEvents()
        tabs = window.tabs.count()
        if not window.close():
            raise RuntimeError("the window refused to close")
        ctx.app.processEvents()
    finally:
        window.close_ledger()
        window.deleteLater()
        ctx.app.processEvents()
    settings.sync()
    return f"{tabs} tabs, each opened"


def _check_pdf(path: Path) -> None:
    with open(path, "rb") as f:
        head = f.read(5)
    if head != b"%PDF-":
        raise RuntimeError(f"{path.name} is not a PDF")


STEPS: list[tuple[str, Callable[[Context], str]]] = [
    ("modules", step_modules),
    ("resources", step_resources),
    ("application", step_application),
    ("demo", step_demo),
    *((f"letters {kind}", letters_step(kind)) for kind in ("target", "cadre", "card")),
    ("report pdf", report_step(".pdf")),
    ("report xlsx", report_step(".xlsx")),
    ("backup", step_backup),
    ("window", step_window),
]


def run(out=None) -> int:
    """Run every step in order, stopping at the first that fails; return the exit status."""
    out = out or sys.stdout

    def say(line: str) -> None:
        if out is not None:  # a windowed program on Windows has no stdout
            print(line, file=out, flush=True)

    from pairing_desktop import __version__

    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    say(f"pairing-desktop {__version__} self-test ({frozen}, Python {sys.version.split()[0]}, "
        f"{sys.platform})")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="pairing-selftest-") as tmp:
        ctx = Context(Path(tmp))
        from pairing_desktop.core.font_files import CACHE_ENV

        cache = os.environ.get(CACHE_ENV)
        os.environ[CACHE_ENV] = str(ctx.folder / "fonts")  # unpacked fonts: a first start's
        try:
            for name, step in STEPS:
                began = time.perf_counter()
                try:
                    detail = step(ctx)
                except Exception as exc:
                    took = time.perf_counter() - began
                    say(f"FAIL {name:<{STEP_WIDTH}} {took:6.2f} s  {type(exc).__name__}: {exc}")
                    if sys.stderr is not None:
                        traceback.print_exc(file=sys.stderr)
                    say(f"self-test failed at step: {name}")
                    return 1
                took = time.perf_counter() - began
                say(f"ok   {name:<{STEP_WIDTH}} {took:6.2f} s  {detail}")
        finally:
            if ctx.ledger is not None:
                ctx.ledger.close()
            if cache is None:
                os.environ.pop(CACHE_ENV, None)
            else:
                os.environ[CACHE_ENV] = cache
    say(f"self-test passed: {len(STEPS)} steps in {time.perf_counter() - start:.2f} s")
    return 0
