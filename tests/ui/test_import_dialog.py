"""文件 → 导入… as a clerk uses it: the mapping shown and corrected, a check, the import."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableWidget

from pairing_desktop.core.storage.models import Household, Rank
from pairing_desktop.ui.dialogs import Ask
from pairing_desktop.ui.import_dialog import ImportDialog
from tests.core.test_import import ID1, ID_AS_EXCEL_NUMBER, households, provincial, row
from tests.helpers import dump, save

pytestmark = pytest.mark.gui


@pytest.fixture
def village(ledger):
    town = save(ledger, "township", None, {"name": "城关镇"})
    return save(ledger, "village", None, {"township": town, "name": "新寨村"})


@pytest.fixture
def cadre(ledger):
    unit = save(ledger, "unit", None, {"name": "县财政局", "level": "县直"})
    with ledger.bound():
        rank = Rank.get(Rank.name == "科局级").id
    return save(ledger, "cadre", None, {"unit": unit, "name": "刘建国", "rank": rank})


@pytest.fixture
def opened(qtbot, host, monkeypatch):
    def open_(path):
        monkeypatch.setattr(ImportDialog, "choose_file", classmethod(lambda c, p, f: str(path)))
        dialog = ImportDialog.start(host, None)
        assert dialog is not None
        qtbot.addWidget(dialog)
        return dialog
    return open_


def button(dialog, name) -> QPushButton:
    return dialog.findChild(QPushButton, name)


def test_the_mapping_is_shown_corrected_checked_then_imported(opened, host, village, cadre,
                                                              tmp_path):
    changes = []
    host.changed.connect(changes.append)
    dialog = opened(provincial(tmp_path / "省.xlsx"))
    table = dialog.findChild(QTableWidget, "mapping:Sheet1")
    assert table.item(0, 0).text() == "户码*"
    combo = dialog.findChild(QComboBox, "map:帮扶人姓名")
    assert combo.currentText() == "帮扶干部"
    combo.setCurrentText("不导入")
    assert not button(dialog, "import").isEnabled()
    before = dump(host.ledger)
    button(dialog, "check").click()
    summary = dialog.findChild(QLabel, "summary").text()
    assert "贫困户：新建 1，更新 0，不变 0" in summary and "检查通过" in summary
    assert "干部帮扶结对" not in summary
    assert dump(host.ledger) == before
    assert button(dialog, "import").isEnabled()
    button(dialog, "import").click()
    assert "已导入" in dialog.findChild(QLabel, "summary").text()
    assert changes and changes[-1].created.keys() == {"household"}
    with host.ledger.bound():
        assert Household.get().id_number == ID1


def test_problems_are_listed_and_the_marked_copy_saved(opened, host, village, tmp_path,
                                                       monkeypatch):
    path = households(tmp_path / "户.xlsx", row(number=ID_AS_EXCEL_NUMBER))
    saved = tmp_path / "错误.xlsx"
    monkeypatch.setattr(Ask, "save_path", classmethod(lambda c, p, t, s, pat, suf: str(saved)))
    dialog = opened(path)
    button(dialog, "check").click()
    problems = dialog.findChild(QTableWidget, "problems")
    assert problems.rowCount() == 1
    assert [problems.item(0, c).text() for c in range(3)] == ["贫困户", "2", "E 身份证号"]
    assert not button(dialog, "import").isEnabled()
    button(dialog, "save_errors").click()
    assert saved.is_file()


def test_each_problem_is_shown_whole_its_reason_wrapped(opened, village, tmp_path, qtbot):
    dialog = opened(households(tmp_path / "户.xlsx", row(number=ID_AS_EXCEL_NUMBER)))
    dialog.resize(700, 640)
    dialog.show()
    qtbot.waitExposed(dialog)
    button(dialog, "check").click()
    problems = dialog.findChild(QTableWidget, "problems")
    metrics = problems.fontMetrics()
    value, reason = problems.item(0, 3).text(), problems.item(0, 4).text()
    assert problems.columnWidth(3) > metrics.horizontalAdvance(value)
    cell = problems.visualRect(problems.model().index(0, 4))
    needed = metrics.boundingRect(0, 0, cell.width() - 8, 10_000,
                                  Qt.TextFlag.TextWordWrap, reason)
    assert needed.height() > metrics.height()  # the reason takes more than one line here
    assert cell.height() >= needed.height()
