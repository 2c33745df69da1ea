"""编辑 → 回收站: deleted records with who deleted them and when; 恢复 brings one back, and a
restore the core refuses shows its message and changes nothing."""

from __future__ import annotations

import pytest

from pairing_desktop.core import operations as ops
from pairing_desktop.core import records
from pairing_desktop.ui.recycle_bin import RecycleBinWindow
from tests.helpers import dump, save
from tests.ui.drive import click, column_values, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def deleted(ledger):
    """Two units and a township, deleted in this order."""
    made = {"县财政局": save(ledger, "unit", None, {"name": "县财政局", "level": "县直"}),
            "县水利局": save(ledger, "unit", None, {"name": "县水利局", "level": "县直"}),
            "城关镇": save(ledger, "township", None, {"name": "城关镇"})}
    ops.delete(ledger, "unit", made["县财政局"])
    ops.delete(ledger, "unit", made["县水利局"])
    ops.delete(ledger, "township", made["城关镇"])
    return made


@pytest.fixture
def bin_window(qtbot, host, deleted):
    window = RecycleBinWindow(host)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def select(window, title: str) -> None:
    window.select_row(column_values(window, "title").index(title))


def test_lists_deleted_records_newest_first_with_who_deleted_them(bin_window):
    assert column_values(bin_window, "title") == ["城关镇", "县水利局", "县财政局"]
    assert column_values(bin_window, "kind") == ["乡镇", "帮扶单位", "帮扶单位"]
    assert set(column_values(bin_window, "deleted_by")) == {"admin"}
    assert bin_window.total.text() == "共 3 条"
    assert not bin_window.restore_button.isEnabled()  # nothing chosen yet


def test_narrows_to_a_kind_and_to_a_search(qtbot, bin_window):
    bin_window.kind.setCurrentIndex(bin_window.kind.findText("乡镇"))
    assert column_values(bin_window, "title") == ["城关镇"]
    bin_window.kind.setCurrentIndex(0)
    bin_window.search.setFocus()
    type_text(qtbot, bin_window.search, "水利")
    assert column_values(bin_window, "title") == ["县水利局"]


def test_restore_brings_the_record_back_and_leaves_the_bin(qtbot, host, bin_window, deleted):
    select(bin_window, "县财政局")
    assert bin_window.restore_button.isEnabled()
    click(qtbot, bin_window.restore_button)
    assert records.load(host.ledger, "unit", deleted["县财政局"])["name"] == "县财政局"
    assert column_values(bin_window, "title") == ["城关镇", "县水利局"]  # re-read by itself


def test_a_refused_restore_shows_the_cores_message_and_changes_nothing(qtbot, host, bin_window,
                                                                       answers):
    save(host.ledger, "unit", None, {"name": "县水利局", "level": "县直"})  # a namesake since
    before = dump(host.ledger)
    select(bin_window, "县水利局")
    click(qtbot, bin_window.restore_button)
    [message] = answers.texts("warn")
    assert message.startswith("不能恢复此帮扶单位：") and "单位名称" in message
    assert dump(host.ledger) == before
    assert "县水利局" in column_values(bin_window, "title")


def test_a_deletion_elsewhere_appears_in_the_open_bin(host, bin_window):
    unit = save(host.ledger, "unit", None, {"name": "县教育局", "level": "县直"})
    host.perform(ops.delete, "unit", unit)
    assert column_values(bin_window, "title")[0] == "县教育局"
