"""The composition root: the bundled CJK font, and a clear message for a file we cannot open."""

import pytest
from PySide6.QtGui import QFontDatabase, QFontMetrics

from pairing_desktop.core import operations as ops
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.ui import app as app_module

pytestmark = pytest.mark.gui


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
