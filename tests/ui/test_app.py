"""The composition root: the bundled CJK font, a clear message for a file we cannot open, the
log file and the excepthook for the run."""

import sys
import threading

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontDatabase, QFontMetrics

from pairing_desktop.core import operations as ops
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.ui import app as app_module

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def user_settings(tmp_path):
    """QSettings() of the run (the recent files, the window's layout) in the test's folder."""
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(tmp_path / "config"))


@pytest.fixture(autouse=True)
def logs(tmp_path, monkeypatch):
    """The log folder of the run: the test's, not the user's data folder."""
    folder = tmp_path / "logs"
    monkeypatch.setattr(app_module, "log_dir", lambda: folder)
    return folder


def test_register_fonts_makes_the_bundled_cjk_font_the_application_font(qapp):
    family = app_module.register_fonts(qapp)
    assert family is not None
    assert family in QFontDatabase.families()
    assert qapp.font().family() == family
    # the font really has the glyphs: 帮扶 is drawn, not replaced by boxes
    assert QFontMetrics(qapp.font()).inFontUcs4(ord("帮"))


def test_run_refuses_a_file_that_is_not_a_database_with_the_cores_message(tmp_path, answers):
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is not sqlite at all" * 10)
    before = bad.read_bytes()
    assert app_module.run(bad) == 1
    assert answers.texts("warn") and "不是数据库文件" in answers.texts("warn")[0]
    assert bad.read_bytes() == before


def test_run_refuses_a_file_already_open_elsewhere(tmp_path, answers):
    held = open_ledger(tmp_path / "ledger.db")
    try:
        assert app_module.run(tmp_path / "ledger.db") == 1
    finally:
        held.close()
    assert answers.texts("warn")


def test_run_gives_up_when_nobody_logs_in(tmp_path, answers):
    with open_ledger(tmp_path / "ledger.db") as made:  # an administrator, no auto-login
        ops.create_first_admin(made, "wang", "王芳的密码123")
    answers.credentials = None
    assert app_module.run(tmp_path / "ledger.db") == 1
    assert answers.texts("credentials") == [""]


def test_run_logs_to_the_data_folder_and_puts_the_hooks_back(tmp_path, logs, monkeypatch):
    hooks = sys.excepthook, threading.excepthook
    during = []

    def window(app, db_path, settings=None):  # the window's run, while the hooks are the reporter's
        during.append((sys.excepthook.__self__, threading.excepthook.__self__))
        return 0

    monkeypatch.setattr(app_module, "_run_window", window)
    assert app_module.run(tmp_path / "ledger.db") == 0
    [(reporter, same)] = during
    assert reporter is same and reporter.log_path == logs / "pairing_desktop.log"
    assert (sys.excepthook, threading.excepthook) == hooks
    assert "Starting on" in reporter.log_path.read_text(encoding="utf-8")


# --- Qt's own words in Chinese ------------------------------------------------------------------


@pytest.fixture
def qt_chinese(qapp):
    """Qt's translation installed as the program installs it, and taken out afterwards (the
    application object outlives the test)."""
    from pairing_desktop.ui import language
    from tests.ui.test_language import speaking

    with speaking(qapp, language.CHINESE):
        assert language.translators(language.CHINESE, qapp), \
            "qtbase_zh_CN.qm is missing from Qt's translations folder"
        yield


def test_standard_buttons_are_chinese(qtbot, qt_chinese):
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, "恢复", "要恢复吗？",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Yes).text() == "是(&Y)"
    assert box.button(QMessageBox.StandardButton.No).text() == "否(&N)"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_a_text_fields_context_menu_is_chinese(qtbot, qt_chinese):
    from PySide6.QtWidgets import QLineEdit

    edit = QLineEdit("王芳")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    assert any(t.startswith("复制") for t in texts) and any(t.startswith("粘贴") for t in texts)
    assert all(not t.isascii() for t in texts), texts


# --- a damaged file at start, and the first backup ----------------------------------------------


def test_a_damaged_file_at_start_offers_its_newest_good_backup(tmp_path, answers, monkeypatch):
    from pairing_desktop.core import backups
    from pairing_desktop.core import records as core_records
    from pairing_desktop.ui.dialogs import Ask

    told = []
    monkeypatch.setattr(Ask, "inform", classmethod(lambda cls, p, t, x: told.append(x)))
    path = tmp_path / "ledger.db"
    with open_ledger(path) as made:
        ops.create_first_admin(made, "wang", "王芳的密码123")
        good = backups.make_backup(made).info
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 5])
    answers.confirm = False
    assert app_module.open_ledger_or_explain(path) is None  # declined: nothing is touched
    answers.confirm = True
    restored = app_module.open_ledger_or_explain(path)
    try:
        assert restored is not None and restored.path == path
        assert core_records.counts(restored, ["rank"]) == {"rank": 4}
    finally:
        restored.close()
    offers = answers.texts("confirm")
    assert len(offers) == 2 and "已损坏" in offers[0] and str(good.path) in offers[0]
    [aside] = tmp_path.glob("ledger.before-restore-*.db")
    assert str(aside) in told[0]


def test_the_program_backs_up_once_the_operator_is_known(qtbot, qapp, ledger, monkeypatch):
    from PySide6.QtCore import QSettings

    from pairing_desktop.core import backups
    from pairing_desktop.ui.main_window import MainWindow

    ledger.close()  # the program opens it itself
    monkeypatch.setattr(app_module, "QSettings", lambda: QSettings(
        str(ledger.path.parent / "settings.ini"), QSettings.Format.IniFormat))
    seen = []

    def exec_():  # instead of the event loop: look at the window the program shows
        [window] = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow)
                    and w.isVisible() and w.ledger.path == ledger.path]
        assert window.ledger.operator is not None
        assert not window.backups.enabled  # not while the window draws its first screen
        qtbot.waitUntil(lambda: window.backups.enabled, timeout=5000)  # but soon after
        qtbot.waitUntil(lambda: bool(backups.list_backups(ledger.path.parent / "backups")),
                        timeout=10000)
        seen.append(window)
        window.close()
        return 0

    monkeypatch.setattr(qapp, "exec", exec_)
    monkeypatch.setattr(app_module, "FIRST_BACKUP_MS", 200)
    assert app_module._run_window(qapp, ledger.path) == 0
    assert seen and seen[0].ledger.closed
    seen[0].deleteLater()
