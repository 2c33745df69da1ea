"""The language of the interface: 中文 or English, chosen under 设置 → 界面语言.

The program's words are written in Chinese; English is resources/translations/
pairing_desktop_en.qm (made by scripts/translations.py). In Chinese, Qt's own words (是/否,
确定/取消, the file dialogs, a text field's 复制/粘贴 menu) come from Qt's qtbase_zh_CN.qm; in
English Qt speaks English by itself. The Qt-free core's messages are translated through the
same .qm: `install` hands QCoreApplication.translate to core.i18n. The choice is kept in
QSettings and takes effect at the next start: every widget reads its tr() text once, when it
is built.

The default QLocale follows the choice too, so that what the screens format themselves —
dates in sentences, counts — reads as the language does (2008年1月5日 / 2008-01-05, 8,108).
Letters and reports are Chinese documents whatever the interface says, and keep the core's
formatting (amounts in 万元 among them: the screens show money only inside the report and the
activity list's figures, both written by the core).
"""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from pairing_desktop.core import i18n
from pairing_desktop.core.paths import resources_dir
from pairing_desktop.ui.dialogs import Ask

log = logging.getLogger(__name__)

KEY = "ui/language"
CHINESE = "zh_CN"
ENGLISH = "en"
DEFAULT = CHINESE
# Each language named in itself, never translated: whoever cannot read the current one finds
# their own.
NAMES = {CHINESE: "中文", ENGLISH: "English"}
OURS = "pairing_desktop"  # resources/translations/pairing_desktop_<language>.qm
LOCALES = {CHINESE: QLocale(QLocale.Language.Chinese, QLocale.Country.China),
           ENGLISH: QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)}


def tr(text: str) -> str:
    return QCoreApplication.translate("language", text)


def chosen(settings: QSettings) -> str:
    """The language kept in `settings`, Chinese when none (or an unknown one) is kept."""
    value = settings.value(KEY, DEFAULT)
    return value if value in NAMES else DEFAULT


def choose(settings: QSettings, language: str) -> None:
    if language not in NAMES:
        raise ValueError(f"unknown interface language {language!r}")
    settings.setValue(KEY, language)
    settings.sync()


# --- translators --------------------------------------------------------------------------------

def _qt_folders() -> list[str]:
    """Where Qt's own .qm files are: Qt's idea first; a frozen build may keep them by the
    package."""
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    return [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            str(package / "Qt" / "translations"), str(package / "translations")]


def translators(language: str, parent: QCoreApplication) -> list[QTranslator]:
    """The translators a language needs, loaded (those whose file is missing are left out,
    with a warning in the log: the program still runs, in Chinese)."""
    wanted = []
    if language != CHINESE:
        wanted.append((f"{OURS}_{language}", [str(resources_dir() / "translations")]))
    if language == CHINESE:
        wanted.append((f"qtbase_{language}", _qt_folders()))
    loaded = []
    for name, folders in wanted:
        translator = QTranslator(parent)
        if any(translator.load(name, folder) for folder in folders):
            loaded.append(translator)
        else:
            log.warning("Translation %s.qm not found in %s", name, folders)
    return loaded


_INSTALLED: list[QTranslator] = []  # what `install` put on the application last


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the language's translators in place of those installed before, make its
    locale the default, and have the core's messages (core.i18n) translated by them ("core"
    context of our .qm); returns the translators (a test removes them again)."""
    for old in _INSTALLED:
        app.removeTranslator(old)
    _INSTALLED[:] = translators(language, app)
    for translator in _INSTALLED:
        app.installTranslator(translator)
    i18n.set_translator(None if language == CHINESE else QCoreApplication.translate)
    QLocale.setDefault(LOCALES.get(language, LOCALES[DEFAULT]))
    return list(_INSTALLED)


# --- the menu -----------------------------------------------------------------------------------

def menu(parent: QWidget, settings: QSettings) -> QMenu:
    """设置 → 界面语言: one checkable entry per language; choosing one keeps it for the next
    start and says so in both languages."""
    languages = QMenu(tr("界面语言(&G)"), parent)
    languages.setObjectName("language_menu")
    group = QActionGroup(languages)
    group.setExclusive(True)
    current = chosen(settings)
    for language, name in NAMES.items():
        action = QAction(name, languages)
        action.setObjectName(f"language_{language}")
        action.setCheckable(True)
        action.setChecked(language == current)
        group.addAction(action)
        languages.addAction(action)

        def picked(_checked: bool = False, language: str = language) -> None:
            if language == chosen(settings):
                return
            choose(settings, language)
            Ask.inform(parent, tr("界面语言"), restart_text(language))

        action.triggered.connect(picked)
    return languages


def restart_text(language: str) -> str:
    """Said in the chosen language and the current one: whoever chose it can read it."""
    said = {CHINESE: "界面语言将在程序下次启动时改为中文。",
            ENGLISH: "The interface will be in English from the next start."}
    current = tr("界面语言将在程序下次启动时改为{0}。").format(NAMES[language])
    return said[language] if current == said[language] else f"{said[language]}\n{current}"


# --- what the screens format --------------------------------------------------------------------

def _chinese() -> bool:
    """Chinese unless English was installed: the program's own language is Chinese whatever
    the machine's locale (an English Windows, the C locale of a test)."""
    return QLocale().language() != QLocale.Language.English


def date_text(day: dt.date) -> str:
    """A day in a sentence: 2008年1月5日 in Chinese, 2008-01-05 in English."""
    return f"{day.year}年{day.month}月{day.day}日" if _chinese() else day.isoformat()


def number_text(value: float) -> str:
    """A count or quantity with the language's digit grouping, no trailing zeros."""
    decimals = max(0, -Decimal(str(value)).normalize().as_tuple().exponent)
    return QLocale().toString(float(value), "f", decimals) if decimals else \
        QLocale().toString(int(value))
