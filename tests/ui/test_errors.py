"""Errors that are not the user's fault: an exception in a slot, a Python thread or a pool
thread is logged with its traceback and shown in Chinese with the log's path; the widget it hit
keeps what was typed and keeps working; the log file rotates."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable, QThreadPool
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QVBoxLayout

from pairing_desktop.core.logs import LOG_FILE, log_file
from tests.ui.drive import click
from tests.ui.reporting import reporter as reporter  # a fixture
from tests.ui.reporting import shown

pytestmark = pytest.mark.gui


def test_the_log_file_rotates(tmp_path):
    with log_file(tmp_path, max_bytes=2000, backups=2) as path:
        for n in range(200):
            logging.getLogger("pairing_desktop.test").info("第 %d 行：足够长的一行日志文字", n)
    assert path == tmp_path / LOG_FILE
    assert sorted(p.name for p in tmp_path.iterdir()) == [LOG_FILE, f"{LOG_FILE}.1",
                                                          f"{LOG_FILE}.2"]
    assert all(p.stat().st_size <= 2000 for p in tmp_path.iterdir())
    assert "第 199 行" in path.read_text(encoding="utf-8")


def test_a_folder_that_cannot_be_written_logs_to_the_temporary_folder(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with log_file(blocked / "logs") as path:
        assert path.name == LOG_FILE and blocked not in path.parents


def test_an_exception_in_a_slot_is_logged_and_shown_and_the_form_keeps_its_text(
        qtbot, reporter, answers):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    name = QLineEdit(dialog)
    save = QPushButton("保存", dialog)
    layout = QVBoxLayout(dialog)
    layout.addWidget(name)
    layout.addWidget(save)
    calls: list[str] = []

    def broken_save() -> None:
        calls.append(name.text())
        if len(calls) == 1:
            raise KeyError("village")

    save.clicked.connect(broken_save)
    dialog.show()
    name.setText("新建村")
    with reporter.installed():
        click(qtbot, save)
        text = shown(qtbot, answers)
    assert "出现了程序错误" in text and "KeyError: 'village'" in text
    assert "test_errors.py" in text and "broken_save" in text  # where
    assert str(reporter.log_path) in text
    logged = reporter.log_path.read_text(encoding="utf-8")
    assert "Traceback" in logged and "broken_save" in logged and "KeyError" in logged
    assert dialog.isVisible() and name.text() == "新建村"  # the unsaved edit is still there
    click(qtbot, save)  # and the dialog still works
    assert calls == ["新建村", "新建村"]


def test_an_exception_in_a_python_thread_is_logged_and_shown(qtbot, reporter, answers):
    def work() -> None:
        raise RuntimeError("线程里的错误")

    with reporter.installed():
        thread = threading.Thread(target=work, name="导入")
        thread.start()
        thread.join()
        text = shown(qtbot, answers)
    assert "RuntimeError: 线程里的错误" in text
    assert "[导入]" in reporter.log_path.read_text(encoding="utf-8")


def test_an_exception_in_a_pool_thread_is_logged_and_shown(qtbot, reporter, answers):
    class Broken(QRunnable):
        def run(self) -> None:
            raise ZeroDivisionError("池中的错误")

    with reporter.installed():
        QThreadPool.globalInstance().start(Broken())
        text = shown(qtbot, answers)
    assert "ZeroDivisionError: 池中的错误" in text
    assert "Traceback" in reporter.log_path.read_text(encoding="utf-8")


def test_while_a_message_is_open_further_errors_are_only_logged(qtbot, reporter, monkeypatch):
    from pairing_desktop.ui.dialogs import Ask

    opened: list[str] = []

    def error(cls, parent, title, text):  # a second error arrives while the first box is open
        opened.append(text)
        if len(opened) == 1:
            reporter.report(ValueError("第二个"))
            qtbot.wait(20)

    monkeypatch.setattr(Ask, "error", classmethod(error))
    with reporter.installed():
        reporter.report(ValueError("第一个"))
        qtbot.waitUntil(lambda: bool(opened), timeout=5000)
        qtbot.wait(50)
    assert len(opened) == 1 and "第一个" in opened[0]
    assert "第二个" in reporter.log_path.read_text(encoding="utf-8")


def test_hooks_are_restored_after_the_block(reporter):
    import sys

    before = sys.excepthook, threading.excepthook
    with reporter.installed():
        assert sys.excepthook == reporter.excepthook
    assert (sys.excepthook, threading.excepthook) == before


def test_a_keyboard_interrupt_is_not_reported(reporter, answers, capsys):
    with reporter.installed():
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as exc:
            reporter.excepthook(type(exc), exc, exc.__traceback__)
    assert answers.texts("warn") == []
    assert not Path(reporter.log_path).read_text(encoding="utf-8")
    assert "KeyboardInterrupt" in capsys.readouterr().err
