"""The 责任书 tab opens on letters with one picked, says what to do when there are none, and
另存为 PDF suggests a name a clerk can read and says where the file went."""

from __future__ import annotations

import datetime as dt

import pytest

from pairing_desktop.core.letters.batch import generate
from pairing_desktop.ui.letters.ask import LetterAsk
from pairing_desktop.ui.letters.letters_tab import LettersTab
from tests.core.letter_fixtures import county_with_a_target

pytestmark = pytest.mark.gui
YEAR = 2008  # letters of an earlier year: the tab opens on the present year


@pytest.fixture
def county(ledger):
    return county_with_a_target(ledger, YEAR)


def open_tab(qtbot, host) -> LettersTab:
    widget = LettersTab(host)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_tab_opens_on_letters_with_the_first_picked(qtbot, host, county, told, tmp_path):
    generate(host.ledger, "target", YEAR, tmp_path / "all.pdf")
    tab = open_tab(qtbot, host)
    assert dt.date.today().year != YEAR
    assert tab.list.model.total == 3  # none this year: every year's letters are shown
    assert tab.year.currentData() == 0
    assert tab.current() is not None
    assert tab.preview_button.isEnabled()
    dialog = tab.preview()
    qtbot.addWidget(dialog)
    assert told == []  # never "请先在列表中选择一份责任书"


def test_with_no_letters_the_list_says_how_to_make_them(qtbot, host, county, told):
    tab = open_tab(qtbot, host)
    assert "批量生成" in tab.list.placeholder.text() and tab.list.placeholder.isVisible()
    assert not tab.preview_button.isEnabled()


def test_save_as_pdf_suggests_year_kind_and_party_and_confirms(qtbot, host, county, told,
                                                              tmp_path, monkeypatch):
    generate(host.ledger, "target", YEAR, tmp_path / "all.pdf")
    tab = open_tab(qtbot, host)
    dialog = tab.preview()
    qtbot.addWidget(dialog)
    letter = tab.current()
    asked = []
    out = tmp_path / "saved.pdf"

    def save_pdf_path(cls, parent, suggested):
        asked.append(suggested)
        return str(out)

    monkeypatch.setattr(LetterAsk, "save_pdf_path", classmethod(save_pdf_path))
    assert dialog.save_as() == str(out)
    [suggested] = asked
    assert suggested.endswith(f"{YEAR}年结对帮扶目标责任书_{letter.party}.pdf")
    assert letter.code not in suggested
    assert out.read_bytes()[:5] == b"%PDF-"
    assert told == [f"已保存到 {out}"]
