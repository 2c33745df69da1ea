"""The activity form as a clerk with a stack of one day's paper records meets it: Esc reverts,
a stale "已保存" never stands beside a new error, the date stays after Ctrl+Enter, and 12-25
typed in January is last December."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pairing_desktop.core.storage.models import Activity
from tests.activity_data import type_id
from tests.ui.test_activities_tab import open_tab

pytestmark = pytest.mark.gui
TODAY = dt.date.today()


@pytest.fixture
def tab(qtbot, host):
    widget = open_tab(qtbot, host, dt.date(TODAY.year - 2, 1, 1))
    widget.form.set_kind(type_id(host.ledger, "research"))
    return widget


def dates(tab) -> list[dt.date]:
    with tab.host.ledger.bound():
        return [d for (d,) in Activity.select(Activity.date).order_by(Activity.created_at)
                .tuples()]


def test_esc_reverts_the_form(qtbot, tab):
    tab.form.pairing.set_value(tab.county.pairings["红岩村"])
    tab.form.numbers["participants"].setText("3")
    assert tab.save()
    tab.form.numbers["participants"].setText("30")
    tab.form.numbers["participants"].setFocus()
    assert tab.form.dirty
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert tab.form.numbers["participants"].text() == "3" and not tab.form.dirty
    # a new record goes back to how it was started (its type, pairing and date)
    assert tab.save_and_next()
    tab.form.numbers["participants"].setText("7")
    tab.form.date.setText("2000-1-1")
    qtbot.keyClick(tab.form.date, Qt.Key.Key_Escape)
    assert tab.form.numbers["participants"].text() == ""
    assert tab.form.date.text() == TODAY.isoformat()
    assert not tab.form.dirty


def test_a_new_error_clears_the_saved_message(qtbot, tab):
    tab.form.pairing.set_value(tab.county.pairings["红岩村"])
    tab.form.numbers["participants"].setText("3")
    assert tab.save_and_next()
    assert tab.status.text() == "已保存，请登记下一条。"
    tab.form.numbers["participants"].setText("-1")
    assert not tab.save_and_next()
    assert tab.form.error_text("participants") == "参加人数：不能为负数"
    assert tab.status.text() == ""


def test_the_date_is_kept_after_ctrl_enter(qtbot, tab):
    day = TODAY - dt.timedelta(days=9)
    tab.form.date.setText(day.isoformat())
    tab.form.pairing.set_value(tab.county.pairings["红岩村"])
    tab.form.numbers["participants"].setText("3")
    qtbot.keyClick(tab.form.date, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tab.form.record_id is None
    assert tab.form.date.text() == day.isoformat()
    tab.form.numbers["participants"].setText("4")
    qtbot.keyClick(tab.form.date, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dates(tab) == [day, day]


def test_month_and_day_of_last_december_are_saved_as_last_year(qtbot, tab):
    """12-25 is read as the latest 25 December up to today: never a refused future date."""
    tab.form.date.setText("12-25")
    tab.form.pairing.set_value(tab.county.pairings["红岩村"])
    tab.form.numbers["participants"].setText("3")
    assert tab.save(), tab.form.error_text("date")
    expected = dt.date(TODAY.year if (TODAY.month, TODAY.day) >= (12, 25) else TODAY.year - 1,
                       12, 25)
    assert dates(tab) == [expected]
