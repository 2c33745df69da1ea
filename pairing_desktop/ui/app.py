"""The composition root: QApplication, fonts, translators (ours and Qt's own), the log file and
the excepthook, the ledger file (a damaged one offers its newest good backup), its operator, the
main window and its automatic backups.

Which file: the one named on the command line, else the last one used (the first of the recent
files the window keeps in QSettings), else the default file in the data folder. When that file
does not exist the start page (ui.first_run) offers to create a ledger there, open another or
make the demo county; nothing is created behind the clerk's back.

The start is kept short (bench/bench_startup.py): the window builds its first tab only, and the
modules behind the other tabs, letters, reports and workbooks are imported when first used.

Nothing else opens the database for the GUI; the window gets the open Ledger handed to it.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QSettings,
    QTimer,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from pairing_desktop.core.errors import DamagedError, PairingError, StorageError
from pairing_desktop.core.font_files import font_file
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.logs import log_file
from pairing_desktop.core.paths import APP_NAME, default_db_path, log_dir
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.core.storage.server import is_server_url, shown
from pairing_desktop.ui import language
from pairing_desktop.ui.backups import offer_restore_of_damaged
from pairing_desktop.ui.dialogs import Ask
from pairing_desktop.ui.errors import ErrorReporter
from pairing_desktop.ui.login import sign_in
from pairing_desktop.ui.server import open_server

if TYPE_CHECKING:
    from pairing_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

UI_FONT = "wqy-microhei.ttc"
FIRST_BACKUP_MS = 5_000
UI_POINT_SIZE = 10


def tr(text: str) -> str:
    return QCoreApplication.translate("app", text)


def register_fonts(app: QApplication | None = None) -> str | None:
    """Load the bundled CJK font and make it the application font (the PC may have none).

    Returns the family name, or None when the font file is missing, unreadable or cannot be
    unpacked (the built program unpacks it into the cache folder on its first start)."""
    try:
        path = font_file(UI_FONT)
    except (OSError, PairingError):
        log.exception("the program's font %s is not available", UI_FONT)
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    app = app or QApplication.instance()
    if app is not None:
        font = QFont(families[0])
        font.setPointSize(UI_POINT_SIZE)
        app.setFont(font)
    return families[0]


def open_ledger_or_explain(path: Path, parent=None,
                           settings: QSettings | None = None) -> Ledger | None:
    """Open a ledger file; on a StorageError show the core's message and return None. A damaged
    file offers its newest good backup (ui.backups), and the restored file is opened."""
    try:
        return open_ledger(path)
    except DamagedError as exc:
        return offer_restore_of_damaged(parent, path, exc, settings)
    except StorageError as exc:
        Ask.error(parent, tr("无法打开数据库"), str(exc))
        return None


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(tr("城乡共建“1+1”结对帮扶台账"))
    register_fonts(app)
    language.install(app, language.chosen(QSettings()))  # ours and Qt's, by the setting
    return app


def run(db_path: str | Path | None = None, logs: Path | None = None,
        settings: QSettings | None = None) -> int:
    """Start the program on `db_path` (None: the last ledger used), logging to `logs` (the data
    folder's logs/ unless told); returns the process exit code."""
    app = make_application()
    with log_file(logs or log_dir()) as log_path, ErrorReporter(log_path).installed():
        log.info("Starting on %s", (shown(str(db_path)) if is_server_url(db_path) else db_path)
                 or "the last ledger")  # a server's password never reaches the log
        return _run_window(app, db_path, settings)


def startup_path(db_path: str | Path | None, settings: QSettings) -> Path | str:
    """The file to start on: the one asked for, else the last one used if it is still there,
    else the default file. A server's address (`--db postgresql://…`) is kept as it is."""
    if is_server_url(db_path):
        return str(db_path)
    if db_path is not None:
        return Path(db_path)
    from pairing_desktop.ui.main_window import RECENT_KEY

    recent = settings.value(RECENT_KEY, [])
    recent = [recent] if isinstance(recent, str) else list(recent or [])
    if recent and Path(str(recent[0])).is_file():
        return Path(str(recent[0]))
    return default_db_path()


def start(db_path: str | Path | None, settings: QSettings | None = None) -> MainWindow | None:
    """Everything before the event loop: the file (or the start page), its operator, the
    window shown as it was left, and its backups started. None when there is nothing to show."""
    from pairing_desktop.ui.first_run import StartPage
    from pairing_desktop.ui.main_window import MainWindow

    settings = settings if settings is not None else QSettings()
    path = startup_path(db_path, settings)

    def open_file(chosen: Path) -> Ledger | None:
        return open_ledger_or_explain(chosen, settings=settings)

    if isinstance(path, str):  # a server's ledger: a password it wants is asked for
        ledger = open_server(None, path, tr("无法打开数据库"))
        if ledger is None:
            return None
        if not sign_in(None, ledger):
            ledger.close()
            return None
    elif path.exists():
        ledger = open_file(path)
        if ledger is None:
            return None
        if not sign_in(None, ledger):
            ledger.close()
            return None
    else:
        log.info("No ledger at %s: the start page", path)
        ledger = StartPage.ask(None, path.parent, open_file, suggested=path)
        if ledger is None:
            return None
    window = MainWindow(ledger, settings)
    window.show()
    # a backup soon (the operator is known), then by the clock and at exit; not at once: the
    # copy and its check would take a core from the window while it draws its first screen
    QTimer.singleShot(FIRST_BACKUP_MS, window, window.backups.start)
    return window


def _run_window(app: QApplication, db_path: str | Path | None,
                settings: QSettings | None = None) -> int:
    window = start(db_path, settings)
    if window is None:
        return 1
    try:
        return app.exec()
    finally:
        window.close_ledger()
