"""The composition root: QApplication, fonts, translators (ours and Qt's own), the log file and
the excepthook, the ledger file (a damaged one offers its newest good backup), its operator, the
main window and its automatic backups.

Nothing else opens the database for the GUI; the window gets the open Ledger handed to it.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from pairing_desktop.core.errors import DamagedError, StorageError
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.logs import log_file
from pairing_desktop.core.paths import APP_NAME, log_dir, resources_dir
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.ui import language
from pairing_desktop.ui.backups import offer_restore_of_damaged
from pairing_desktop.ui.dialogs import Ask
from pairing_desktop.ui.errors import ErrorReporter
from pairing_desktop.ui.login import sign_in

log = logging.getLogger(__name__)

UI_FONT = "wqy-microhei.ttc"
UI_POINT_SIZE = 10


def tr(text: str) -> str:
    return QCoreApplication.translate("app", text)


def register_fonts(app: QApplication | None = None) -> str | None:
    """Load the bundled CJK font and make it the application font (the PC may have none).

    Returns the family name, or None when the font file is missing or unreadable."""
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / UI_FONT))
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


def install_translator(app: QCoreApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Install resources/translations/pairing_desktop_<locale>.qm when one exists.

    The source strings are Chinese (the shipped language); other languages are .qm files."""
    translator = QTranslator(app)
    folder = str(resources_dir() / "translations")
    if translator.load(locale or QLocale(), "pairing_desktop", "_", folder):
        app.installTranslator(translator)
        return translator
    return None


# The language of Qt's own words (standard buttons, file dialogs, context menus) when no
# translation of ours is loaded: the program's words are written in Chinese.
QT_LANGUAGE = "zh_CN"


def install_qt_translations(app: QCoreApplication, language: str = QT_LANGUAGE
                            ) -> QTranslator | None:
    """Install Qt's translation (qtbase_<language>.qm from Qt's translations folder, which the
    frozen build keeps) so that 是/否, 确定/取消, the file dialogs and a text field's 撤销/复制/
    粘贴 menu speak the program's language. None when the file is missing (English buttons)."""
    import PySide6

    translator = QTranslator(app)
    package = Path(PySide6.__file__).resolve().parent
    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
               str(package / "Qt" / "translations"), str(package / "translations")]
    for folder in folders:  # Qt's own idea first; a frozen build may keep them by the package
        if translator.load(f"qtbase_{language}", folder):
            app.installTranslator(translator)
            return translator
    log.warning("Qt's translation qtbase_%s.qm not found in %s", language, folders)
    return None


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


def run(db_path: str | Path, logs: Path | None = None) -> int:
    """Start the program on `db_path`, logging to `logs` (the data folder's logs/ unless told);
    returns the process exit code."""
    app = make_application()
    with log_file(logs or log_dir()) as log_path, ErrorReporter(log_path).installed():
        log.info("Starting on %s", db_path)
        return _run_window(app, Path(db_path))


def _run_window(app: QApplication, db_path: Path) -> int:
    from pairing_desktop.ui.main_window import MainWindow

    settings = QSettings()
    ledger = open_ledger_or_explain(db_path, settings=settings)
    if ledger is None:
        return 1
    if not sign_in(None, ledger):
        ledger.close()
        return 1
    window = MainWindow(ledger, settings)
    window.show()
    window.backups.start()  # a backup now (the operator is known), then by the clock and at exit
    try:
        return app.exec()
    finally:
        window.close_ledger()
