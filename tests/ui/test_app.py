"""The composition root: the bundled CJK font, a clear message for a file we cannot open, the
log file and the excepthook for the run."""

import sys
import threading

import pytest
from PySide6.QtGui import QFontDatabase, QFontMetrics

from pairing_desktop.core import operations as ops
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.ui import app as app_module

pytestmark = pytest.mark.gui


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

    def window(app, db_path):  # the window's run, while the hooks are the reporter's
        during.append((sys.excepthook.__self__, threading.excepthook.__self__))
        return 0

    monkeypatch.setattr(app_module, "_run_window", window)
    assert app_module.run(tmp_path / "ledger.db") == 0
    [(reporter, same)] = during
    assert reporter is same and reporter.log_path == logs / "pairing_desktop.log"
    assert (sys.excepthook, threading.excepthook) == hooks
    assert "Starting on" in reporter.log_path.read_text(encoding="utf-8")
