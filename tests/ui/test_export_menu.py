"""文件 → 导入 and 导出 in the window: the export is the import's format, numbers masked."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtGui import QAction

from pairing_desktop.ui.dialogs import Ask
from tests.helpers import save
from tests.ui.drive import open_window

pytestmark = pytest.mark.gui


def test_export_from_the_file_menu_writes_every_kind_masked(qtbot, ledger, settings, answers,
                                                            tmp_path, monkeypatch):
    from tests.helpers import id_number

    town = save(ledger, "township", None, {"name": "城关镇"})
    village = save(ledger, "village", None, {"township": town, "name": "新寨村"})
    number = id_number("19620708", "024")
    save(ledger, "household", None, {"village": village, "head_name": "杨秀英",
                                     "id_number": number})
    told = []
    monkeypatch.setattr(Ask, "save_path", classmethod(
        lambda cls, *a: str(tmp_path / "全部.xlsx")))
    monkeypatch.setattr(Ask, "inform", classmethod(lambda cls, p, t, x: told.append(x)))
    window = open_window(qtbot, ledger, settings)
    assert window.findChild(QAction, "import") is not None
    window.findChild(QAction, "export").trigger()
    assert told and "已导出" in told[0]
    book = openpyxl.load_workbook(tmp_path / "全部.xlsx", read_only=True)
    cells = [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
             for c in row if c]
    assert "杨秀英" in cells and number not in cells
    assert any(c.startswith(number[:6]) and "*" in c for c in cells)
