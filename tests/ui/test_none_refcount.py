"""PySide6 6.12.0 on CPython 3.11 lost a reference to None on each of these calls and the process
died with `Fatal Python error: none_dealloc` after a few thousand (STYLE.md). The pins in
pyproject.toml keep that pair out; this test makes ten thousand such calls so a bad pair fails."""

import gc
import sys

import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox

CALLS = 10_000


@pytest.mark.gui
def test_ten_thousand_none_passing_calls_keep_none_alive(qtbot):
    combo = QComboBox()
    qtbot.addWidget(combo)
    model = QStandardItemModel()
    # other tests' garbage also holds None: collect it first and keep the collector out of the
    # loop, so the count moves only by what these calls do
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for i in range(CALLS):
            combo.addItem(str(i), None)
            assert combo.itemData(i) is None
            model.appendRow(QStandardItem(str(i)))
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    assert combo.count() == CALLS
    assert model.rowCount() == CALLS
    if sys.version_info < (3, 12):  # None is immortal from 3.12 on; its count means nothing there
        # every call that takes None must give its reference back: allow only the few kept alive
        # by the combo's own storage, never one lost per call
        assert after > before - CALLS // 2
