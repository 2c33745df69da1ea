"""The 目标 and 责任书 tabs driven offscreen: preview, print, sign with a scan, batch, copy; the
list follows what those record."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QLineEdit, QTableWidget

from pairing_desktop.core.letters.batch import generate
from pairing_desktop.core.letters.fonts import font_report, font_setting
from pairing_desktop.core.letters.lifecycle import letter_date
from pairing_desktop.core.rules.targets import targets_of
from pairing_desktop.core.storage.models import Letter
from pairing_desktop.core.validation import DATE_FORMAT_HINT, cn_date
from pairing_desktop.ui.letters.ask import LetterAsk
from pairing_desktop.ui.letters.batch_dialog import BatchDialog
from pairing_desktop.ui.letters.letters_tab import LettersTab
from pairing_desktop.ui.letters.preview import PreviewDialog
from pairing_desktop.ui.letters.targets_tab import TargetsTab
from pairing_desktop.ui.style import ERROR
from pairing_desktop.ui.tabs.registry import tabs_named
from tests.core.letter_fixtures import add_target, county_with_a_target
from tests.ui.drive import open_window

pytestmark = pytest.mark.gui
YEAR = 2008


@pytest.fixture
def county(ledger):
    return county_with_a_target(ledger, YEAR)


def letter(ledger, letter_id) -> Letter:
    with ledger.bound():
        return Letter.get_by_id(letter_id)


def letters_of_kind(ledger, kind: str | None = None) -> int:
    with ledger.bound():
        query = Letter.select()
        return (query.where(Letter.kind == kind) if kind else query).count()


@pytest.fixture
def tab(qtbot, host, county, told, tmp_path_factory) -> LettersTab:
    generate(host.ledger, "target", YEAR, tmp_path_factory.mktemp("batch") / "all.pdf")
    widget = LettersTab(host, year=YEAR)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def _select(tab: LettersTab, party: str) -> Letter:
    for row in range(tab.list.model.rowCount()):
        if party in tab.list.model.values_at(row):
            tab.list.select_id(tab.list.model.id_at(row))
            return tab.current()
    raise AssertionError(f"{party} not listed")


def test_preview_opens_with_rendered_pages_and_zoom(tab, qtbot, tmp_path):
    assert tab.list.model.rowCount() == 3
    _select(tab, "县农业局、石桥村")
    dialog = tab.preview()
    qtbot.addWidget(dialog)
    assert dialog.page.maximum() == len(PdfReader(dialog.pdf).pages) >= 2
    small = dialog.image.pixmap().size()
    assert not small.isEmpty() and small.height() > small.width()  # a portrait A4 page
    dialog.zoom.setCurrentIndex(dialog.zoom.findData(200))
    assert dialog.image.pixmap().width() > small.width() * 1.8
    dialog.page.setValue(2)
    assert not dialog.image.pixmap().isNull()
    dialog.grab().save(str(tmp_path / "preview.png"))


def test_status_moves_from_draft_to_printed_to_signed_with_a_scan(tab, qtbot, tmp_path,
                                                                 monkeypatch, told):
    chosen = _select(tab, "县农业局、石桥村")
    assert chosen.status == "草稿"
    printed_pdf = tmp_path / "printed.pdf"

    def pdf_printer(cls, parent, pages):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed_pdf))
        return printer

    monkeypatch.setattr(LetterAsk, "printer", classmethod(pdf_printer))
    dialog = tab.preview()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.printed, timeout=20000):
        assert dialog.print_letters()
    assert len(PdfReader(printed_pdf).pages) == dialog.page.maximum()
    printed = letter(tab.host.ledger, chosen.id)
    assert printed.status == "已打印" and printed.printed_at
    assert printed.printed_by == "admin"  # the operator, not the computer's account
    assert "已打印" in tab.list.model.values_at(tab.list.model.row_of_id(chosen.id))

    scan = tmp_path / "signed.png"
    scan.write_bytes(b"\x89PNG signed and sealed")
    monkeypatch.setattr(LetterAsk, "signing",
                        classmethod(lambda cls, parent, party: (dt.date.today(), str(scan))))
    shown = []
    monkeypatch.setattr(LetterAsk, "show_file",
                        classmethod(lambda cls, parent, path: shown.append(path)))
    tab.mark_signed()
    signed = letter(tab.host.ledger, chosen.id)
    assert signed.status == "已签订" and signed.signed_on == dt.date.today()
    assert tab.current().id == chosen.id
    row = tab.list.model.values_at(tab.list.model.row_of_id(chosen.id))
    assert "已签订" in row
    path = tab.view_scan()
    assert shown == [path] and path.read_bytes() == scan.read_bytes()
    assert told == []


def test_signing_an_unprinted_letter_is_refused_with_the_cores_message(tab, monkeypatch, told,
                                                                     tmp_path):
    chosen = _select(tab, "县交通局、新寨村")
    scan = tmp_path / "s.pdf"
    scan.write_bytes(b"%PDF")
    monkeypatch.setattr(LetterAsk, "signing",
                        classmethod(lambda cls, parent, party: (dt.date.today(), str(scan))))
    tab.mark_signed()
    assert told == ["这份责任书尚未打印，不能标记为已签订。"]
    assert letter(tab.host.ledger, chosen.id).status == "草稿"


def test_filters_and_verify(tab, monkeypatch, told):
    tab.status.setCurrentIndex(tab.status.findData("已签订"))
    assert tab.list.model.rowCount() == 0
    tab.status.setCurrentIndex(0)
    tab.township.setCurrentIndex(tab.township.findText("绿化乡"))
    assert tab.list.model.rowCount() == 1
    code = tab.list.model.values_at(0)[6]
    monkeypatch.setattr(LetterAsk, "code", classmethod(lambda cls, parent: code.lower()))
    assert tab.verify_code() == "found"
    assert "真实有效" in told[-1]


def test_batch_dialog_runs_in_the_pool_and_records_letters(qtbot, host, county, told, tmp_path):
    tab = LettersTab(host, year=YEAR)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.list.model.total == 0
    dialog = BatchDialog(host, year=YEAR, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("card"))
    assert dialog.out.text().endswith("2008年帮扶联系卡.pdf")
    with qtbot.waitSignal(dialog.done_batch, timeout=20000) as blocker:
        dialog.start()
    result = blocker.args[0]
    assert result.files == [tmp_path / "2008年帮扶联系卡.pdf"] and result.files[0].exists()
    assert letters_of_kind(host.ledger, "card") == 5
    assert "已生成 5 份" in dialog.message
    assert tab.list.model.total == 5  # the list heard of the recorded letters


def test_a_refused_batch_says_why_and_can_run_again(qtbot, host, county, told, tmp_path):
    dialog = BatchDialog(host, year=YEAR - 2, folder=tmp_path)  # before the pairings began
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.work.refused, timeout=20000):
        assert dialog.start()
        assert not dialog.run_button.isEnabled()
    assert told == ["2006年度没有可生成的结对帮扶目标责任书。请检查年度和名称。"]
    assert dialog.run_button.isEnabled()
    dialog.year.setValue(YEAR)
    with qtbot.waitSignal(dialog.done_batch, timeout=20000):
        dialog.start()


def test_a_cancelled_batch_leaves_no_file(qtbot, host, county, told, tmp_path, monkeypatch):
    from pairing_desktop.ui.letters import batch_dialog

    def after_cancel(*args, cancelled, **kwargs):  # the clerk's 取消 comes first, surely
        while not cancelled():
            time.sleep(0.005)
        return generate(*args, cancelled=cancelled, **kwargs)

    monkeypatch.setattr(batch_dialog, "generate", after_cancel)
    dialog = BatchDialog(host, year=YEAR, folder=tmp_path / "out")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.work.cancelled, timeout=20000):
        dialog.start()
        dialog.cancel()
    assert told == ["已取消：没有生成任何文件，也没有记录任何责任书。"]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert letters_of_kind(host.ledger) == 0
    assert dialog.run_button.isEnabled()


def test_targets_tab_copies_last_year(qtbot, host, county, told, answers):
    pairing = county.pairings["石桥村"]
    add_target(host.ledger, pairing, YEAR - 1, 2, "发展精品水果种植", 300, "亩", status="已完成")
    tab = TargetsTab(host, year=YEAR + 1)
    qtbot.addWidget(tab)
    tab.show()  # opens on the first pairing, its targets ready to edit
    assert tab.pairing_id() == tab.pairings.model.id_at(0) and tab.targets.isEnabled()
    tab.pairings.select_id(pairing)
    tab.pairings.current_changed.emit(pairing)
    assert tab.targets.isEnabled() and tab.targets.list.model.rowCount() == 0
    tab.year.setValue(YEAR)
    assert tab.targets.list.model.rowCount() == 1  # 建设沼气池
    assert tab.copy_last_year() == 0  # 2008 already has targets: refused with the message
    assert any("已有目标" in text for text in answers.texts("warn"))
    tab.year.setValue(YEAR + 1)
    assert tab.copy_last_year() == 1
    assert tab.targets.list.model.rowCount() == 1
    assert [t.description for t in targets_of(host.ledger, pairing, YEAR + 1)] == ["建设沼气池"]


def test_tabs_fit_in_the_main_window(qtbot, ledger, county, settings, monkeypatch, told):
    window = open_window(qtbot, ledger, settings, tabs_named("targets", "letters"))
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["目标", "责任书"]
    assert [a.text() for a in window.menus["letters"].actions()] == ["核验责任书…", "批量生成…"]
    generate(ledger, "card", YEAR, ledger.path.parent / "cards.pdf")
    with ledger.bound():
        code = Letter.select().first().code
    monkeypatch.setattr(LetterAsk, "code", classmethod(lambda cls, parent: code))
    window.findChild(QAction, "verify_letter").trigger()
    assert "真实有效" in told[-1]
    letters = window.tab("letters")
    letters.font_choice.setCurrentIndex(letters.font_choice.findData("bundled"))
    assert font_setting(ledger) == "bundled"
    assert window.host.can_undo() == "修改责任书字体"


# --- 落款日期, in the batch and in the preview -------------------------------------------------

SIGNED = dt.date(2026, 3, 5)


def flat_text(path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(path).pages))


def test_the_batch_date_is_printed_on_every_letter(qtbot, host, county, told, tmp_path):
    dialog = BatchDialog(host, year=YEAR, folder=tmp_path)
    qtbot.addWidget(dialog)
    field = dialog.findChild(QLineEdit, "letter_date")
    assert field.text() == dt.date.today().isoformat()  # today unless another is chosen
    field.clear()
    qtbot.keyClicks(field, "2026/3/5")  # any form the forms' date fields read
    with qtbot.waitSignal(dialog.done_batch, timeout=20000) as blocker:
        assert dialog.start()
    result = blocker.args[0]
    assert result.day == SIGNED
    text = flat_text(result.files[0])
    assert text.count("2026年3月5日") == 9  # three letters, three parties each
    assert cn_date(dt.date.today()) not in text and "2026年03月05日" not in text
    assert dialog.message == "已生成 3 份，共 6 页，落款日期 2026年3月5日。"
    assert {letter_date(host.ledger, p.letter_id) for p in result.letters} == {SIGNED}


@pytest.mark.parametrize(("typed", "message"), [
    ("2026-2-30", "落款日期：2026年2月30日不存在"),
    ("三月五日", "落款日期：" + DATE_FORMAT_HINT),
    ("", "落款日期：" + DATE_FORMAT_HINT),
])
def test_a_bad_batch_date_is_named_in_red_and_nothing_runs(qtbot, host, county, told, tmp_path,
                                                          typed, message):
    dialog = BatchDialog(host, year=YEAR, folder=tmp_path / "out")
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.findChild(QLineEdit, "letter_date")
    field.setText(typed)
    with qtbot.assertNotEmitted(dialog.work.ended, wait=200):
        assert not dialog.start()
    error = dialog.findChild(QLabel, "letter_date_error")
    assert error.isVisible() and error.text() == message
    assert ERROR in error.styleSheet()
    assert told == [] and dialog.run_button.isEnabled()
    assert letters_of_kind(host.ledger) == 0 and not (tmp_path / "out").exists()
    qtbot.keyClicks(field, "x")  # typing again clears the message
    assert not error.isVisible()


def test_the_preview_is_dated_like_its_letter_and_another_date_is_a_new_version(
        tab, qtbot, told):
    chosen = _select(tab, "县农业局、石桥村")
    today = dt.date.today()
    dialog = tab.preview()
    qtbot.addWidget(dialog)
    field = dialog.findChild(QLineEdit, "letter_date")
    assert field.text() == today.isoformat()  # the letter's own date: the same version
    assert dialog.letter_ids == [chosen.id] and letters_of_kind(tab.host.ledger) == 3
    note = dialog.findChild(QLabel, "letter_date_note").text()
    assert "新版本" in note and "验证码" in note
    version = dialog.findChild(QLabel, "letter_version")
    assert version.text() == f"第1版　验证码 {chosen.code}"

    field.clear()
    qtbot.keyClicks(field, "2026-3-5")
    with qtbot.waitSignal(dialog.redated, timeout=5000) as blocker:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    redated = letter(tab.host.ledger, blocker.args[0])
    assert redated.id != chosen.id and redated.code != chosen.code and redated.version == 2
    assert letter_date(tab.host.ledger, redated.id) == SIGNED
    assert dialog.letter_ids == [redated.id] and dialog.page.maximum() == 2
    assert "2026年3月5日" in flat_text(dialog.pdf)
    assert version.text() == f"第2版　验证码 {redated.code}"
    assert tab.current().id == redated.id  # the list shows the version now previewed
    assert letter(tab.host.ledger, chosen.id).code == chosen.code  # the old paper is kept

    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)  # the same date again: nothing new
    assert dialog.letter_ids == [redated.id] and letters_of_kind(tab.host.ledger) == 4
    dialog.close()
    again = tab.preview()  # opened again on that version: its date, its code
    qtbot.addWidget(again)
    assert again.findChild(QLineEdit, "letter_date").text() == SIGNED.isoformat()
    assert again.letter_ids == [redated.id] and letters_of_kind(tab.host.ledger) == 4
    assert told == []


def test_a_bad_preview_date_changes_nothing(tab, qtbot, told):
    chosen = _select(tab, "县农业局、石桥村")
    dialog = tab.preview()
    qtbot.addWidget(dialog)
    field = dialog.findChild(QLineEdit, "letter_date")
    field.setText("2026-13-1")
    with qtbot.assertNotEmitted(dialog.redated):
        field.editingFinished.emit()
    assert dialog.findChild(QLabel, "letter_date_error").text().startswith("落款日期：")
    assert dialog.letter_ids == [chosen.id] and letters_of_kind(tab.host.ledger) == 3


def test_a_batch_preview_offers_no_date(qtbot, host, county, told, tmp_path):
    result = generate(host.ledger, "target", YEAR, tmp_path / "all.pdf")
    dialog = PreviewDialog(host, result.files[0], [p.letter_id for p in result.letters])
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLineEdit, "letter_date") is None


# --- the fonts letters print with ----------------------------------------------------------------

def font_rows(tab: LettersTab, qtbot) -> list[list[str]]:
    table = tab.findChild(QTableWidget, "letter_fonts")
    qtbot.waitUntil(lambda: not tab.font_work.running, timeout=10000)
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_the_tab_shows_which_font_sets_each_role_and_why(tab, qtbot):
    table = tab.findChild(QTableWidget, "letter_fonts")
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["角色", "字体", "来源", "原因"]
    assert table.editTriggers() == QTableWidget.EditTrigger.NoEditTriggers
    rows = font_rows(tab, qtbot)
    assert [r[0] for r in rows] == ["标题（2号小标宋体）", "正文（3号仿宋体）",
                                    "一级标题（3号黑体）", "二级标题（3号楷体）", "页码（4号宋体）"]
    report = font_report(tab.host.ledger)
    assert [r[1:] for r in rows] == [
        [c.family + (f"（{c.psname}）" if c.psname != c.family else ""), c.source, c.reason]
        for c in report]
    assert "AR PL UKai" in rows[3][1]  # 楷体 where none is installed
    assert all(r[1] and r[3] for r in rows)
    assert table.item(3, 1).toolTip() == str(report[3].face.path)
    # the whole table is in view, no scrolling: five rows under the header
    assert table.height() >= table.horizontalHeader().height() + table.verticalHeader().length()


def test_the_font_table_follows_the_setting_and_its_undo(tab, qtbot):
    font_rows(tab, qtbot)
    tab.font_choice.setCurrentIndex(tab.font_choice.findData("bundled"))
    rows = font_rows(tab, qtbot)
    assert {r[2] for r in rows} == {"程序自带"}
    assert all(r[3].startswith("设置为使用程序自带字体") for r in rows)
    tab.host.undo()
    assert tab.font_choice.currentData() == "auto"
    rows = font_rows(tab, qtbot)
    assert not any(r[3].startswith("设置为使用程序自带字体") for r in rows)
