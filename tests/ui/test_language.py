"""The interface language: kept in the settings, installed at start (our English .qm, or Qt's
Chinese words), chosen from 设置 → 界面语言, and followed by the dates, counts and amounts the
screens write themselves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMenu, QMessageBox

from pairing_desktop.ui import language
from pairing_desktop.ui.dialogs import Ask
from tests.ui.drive import open_window

pytestmark = pytest.mark.gui


@contextmanager
def speaking(app, lang: str) -> Iterator[None]:
    """The program's translators for `lang` installed as at start, and taken out afterwards
    with the default locale put back (the application object outlives the test)."""
    before = QLocale()
    installed = language.install(app, lang)
    try:
        yield
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        QLocale.setDefault(before)


def test_the_choice_is_kept_in_the_settings_and_chinese_by_default(settings):
    assert language.chosen(settings) == language.CHINESE
    language.choose(settings, language.ENGLISH)
    assert language.chosen(settings) == language.ENGLISH
    settings.setValue(language.KEY, "klingon")  # a file edited by hand
    assert language.chosen(settings) == language.CHINESE
    with pytest.raises(ValueError):
        language.choose(settings, "klingon")


def test_english_installs_our_translation_of_the_programs_words(qapp):
    with speaking(qapp, language.ENGLISH):
        assert QCoreApplication.translate("MainWindow", "文件(&F)") == "&File"
        assert QCoreApplication.translate("fields", "贫困户") == "Poor household"
        assert QLocale().language() == QLocale.Language.English
    assert QCoreApplication.translate("MainWindow", "文件(&F)") == "文件(&F)"


def test_chinese_installs_qts_own_words_in_chinese(qtbot, qapp):
    with speaking(qapp, language.CHINESE):
        box = QMessageBox(QMessageBox.Icon.Question, "恢复", "要恢复吗？",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        qtbot.addWidget(box)
        assert box.button(QMessageBox.StandardButton.Yes).text() == "是(&Y)"
        assert QCoreApplication.translate("MainWindow", "文件(&F)") == "文件(&F)"


def test_the_settings_menu_offers_the_languages_and_keeps_the_choice(
        qtbot, ledger, settings, monkeypatch):
    told = []
    monkeypatch.setattr(Ask, "inform", classmethod(lambda cls, p, t, x: told.append(x)))
    window = open_window(qtbot, ledger, settings)
    menu = window.findChild(QMenu, "language_menu")
    assert menu is not None and menu.menuAction() in window.menus["settings"].actions()
    entries = {a.objectName(): a for a in menu.actions()}
    assert [a.text() for a in entries.values()] == ["中文", "English"]
    assert entries["language_zh_CN"].isChecked()
    entries["language_en"].trigger()
    assert language.chosen(settings) == language.ENGLISH
    assert entries["language_en"].isChecked() and not entries["language_zh_CN"].isChecked()
    assert told == ["The interface will be in English from the next start.\n"
                    "界面语言将在程序下次启动时改为English。"]


def test_make_application_installs_the_chosen_language(qapp, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from pairing_desktop.ui import app as app_module

    kept = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    language.choose(kept, language.ENGLISH)
    monkeypatch.setattr(app_module, "QSettings", lambda: kept)
    installed = []
    monkeypatch.setattr(language, "install", lambda app, lang: installed.append(lang) or [])
    app_module.make_application([])
    assert installed == [language.ENGLISH]


@pytest.mark.parametrize(("lang", "day", "count", "amount"), [
    (language.CHINESE, "2008年1月5日", "12,345", "1,234.5"),
    (language.ENGLISH, "2008-01-05", "12,345", "1,234.5"),
])
def test_dates_and_numbers_follow_the_language(qapp, lang, day, count, amount):
    with speaking(qapp, lang):
        assert language.date_text(dt.date(2008, 1, 5)) == day
        assert language.number_text(12345) == count
        assert language.number_text(1234.5) == amount


def test_a_letter_batch_says_its_date_as_english_writes_dates(qapp, qtbot, host, tmp_path):
    from PySide6.QtWidgets import QLineEdit

    from pairing_desktop.ui.letters.batch_dialog import BatchDialog
    from tests.core.letter_fixtures import county_with_a_target

    county_with_a_target(host.ledger, 2008)
    with speaking(qapp, language.ENGLISH):
        dialog = BatchDialog(host, year=2008, folder=tmp_path)
        qtbot.addWidget(dialog)
        field = dialog.findChild(QLineEdit, "letter_date")
        field.clear()
        qtbot.keyClicks(field, "2008/3/5")
        with qtbot.waitSignal(dialog.done_batch, timeout=20000):
            assert dialog.start()
    assert dialog.message == "Made 3 letters, 6 pages, dated 2008-03-05."
