"""The one helper for work off the GUI thread: results and refusals arrive on the GUI thread, a
program error is logged and shown and the window keeps working, a late result is dropped, a
failing letter batch leaves 生成 enabled with a message."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget

from pairing_desktop.core.errors import RefusedError
from pairing_desktop.ui.background import Background
from pairing_desktop.ui.letters.ask import LetterAsk
from pairing_desktop.ui.tabs import overview as overview_module
from pairing_desktop.ui.tabs.overview import OverviewTab
from tests.ui.reporting import reporter as reporter  # a fixture
from tests.ui.reporting import shown
from tests.ui.test_overview_tab import DAY
from tests.ui.test_overview_tab import county as county  # a fixture

pytestmark = pytest.mark.gui


@pytest.fixture
def owner(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_work_runs_off_the_gui_thread_on_a_reader(qtbot, owner, host):
    work = Background(owner, "读取")

    def where(reader):
        reader.execute("SELECT 1")
        return QThread.currentThread() is not owner.thread(), reader.read_only, reader.closed

    with qtbot.waitSignal(work.done, timeout=5000) as blocker:
        work.read(host.ledger, where)
    assert blocker.args[0] == (True, True, False)  # closed only after the work
    assert not work.running


def test_a_refusal_goes_to_the_owner_or_to_a_message_box(qtbot, owner, answers):
    def refuse():
        raise RefusedError("不能这样做。")

    work = Background(owner, "删除村")
    with qtbot.waitSignal(work.ended, timeout=5000) as ended:
        work.start(refuse)
    assert ended.args == [False]
    qtbot.waitUntil(lambda: bool(answers.texts("warn")), timeout=5000)
    assert answers.texts("warn") == ["不能这样做。"]  # nobody listened: a box on the owner

    told: list[str] = []
    work.refused.connect(told.append)
    with qtbot.waitSignal(work.refused, timeout=5000):
        work.start(refuse)
    assert told == ["不能这样做。"] and len(answers.texts("warn")) == 1


def test_a_result_arriving_after_a_newer_request_is_dropped(qtbot, owner):
    work = Background(owner, "检查")
    release = threading.Event()
    results: list[str] = []
    work.done.connect(results.append)

    def slow() -> str:
        release.wait(5)
        return "旧的"

    work.start(slow)
    with qtbot.waitSignal(work.done, timeout=5000):
        work.start(lambda: "新的")
    release.set()
    work.pool.waitForDone(5000)
    qtbot.wait(50)  # the old result's signal, if any, would be delivered by now
    assert results == ["新的"]


def test_forget_drops_what_is_running(qtbot, owner):
    work = Background(owner, "检查")
    release = threading.Event()
    arrived: list[object] = []
    work.ended.connect(arrived.append)
    work.start(lambda: release.wait(5))
    work.forget()
    assert not work.running
    release.set()
    work.pool.waitForDone(5000)
    qtbot.wait(50)
    assert arrived == []


def test_a_program_error_in_a_worker_is_shown_and_the_tab_keeps_working(
        qtbot, host, county, reporter, answers, monkeypatch):
    real = overview_module.overview

    def broken(*_args):
        raise KeyError("rules")

    monkeypatch.setattr(overview_module, "overview", broken)
    tab = OverviewTab(host, today=lambda: DAY)
    qtbot.addWidget(tab)
    with reporter.installed():
        tab.show()
        text = shown(qtbot, answers)
    assert text.startswith("检查帮扶职责时出现了程序错误")
    assert "KeyError: 'rules'" in text and str(reporter.log_path) in text
    assert tab.summary.text() == "检查未完成。"
    logged = reporter.log_path.read_text(encoding="utf-8")
    assert "Traceback" in logged and "broken" in logged and "检查帮扶职责" in logged

    monkeypatch.setattr(overview_module, "overview", real)
    with qtbot.waitSignal(tab.refreshed, timeout=10000):
        tab.refresh()  # another action works afterwards
    assert tab.summary.text().startswith("共 ")


def test_a_failing_letter_batch_leaves_generate_enabled_with_a_message(
        qtbot, host, reporter, answers, monkeypatch, tmp_path):
    from pairing_desktop.core.letters.batch import generate
    from pairing_desktop.ui.letters import batch_dialog
    from tests.core.letter_fixtures import county_with_a_target

    county_with_a_target(host.ledger, 2008)
    told: list[str] = []
    monkeypatch.setattr(LetterAsk, "inform", classmethod(lambda cls, p, t, text: told.append(text)))

    def broken(*_args, **_kwargs):
        raise KeyError("模板")

    monkeypatch.setattr(batch_dialog, "generate", broken)
    dialog = batch_dialog.BatchDialog(host, year=2008, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    with reporter.installed():
        dialog.run_button.click()
        assert not dialog.run_button.isEnabled()
        text = shown(qtbot, answers)
    assert text.startswith("批量生成责任书时出现了程序错误")
    assert "KeyError: '模板'" in text and str(reporter.log_path) in text
    assert dialog.run_button.isEnabled() and dialog.isVisible()

    monkeypatch.setattr(batch_dialog, "generate", generate)
    with qtbot.waitSignal(dialog.done_batch, timeout=20000):
        dialog.run_button.click()  # the dialog still works
    assert dialog.message.startswith("已生成 3 份") and told == []
