"""The 帮扶活动 tab driven by the keyboard alone: five records, the core's messages, edit and
delete with the same guards."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pairing_desktop.core.storage.models import Activity, ActivityType
from pairing_desktop.ui.tabs.activities import ActivitiesTab
from tests.activity_data import build_county, type_id
from tests.ui.drive import type_text

pytestmark = pytest.mark.gui
TODAY = dt.date.today()


def stored(tab: ActivitiesTab) -> list[dict]:
    """The live activities in the file, as rows."""
    with tab.host.ledger.bound():
        return list(Activity.live().dicts())


def numbers_shown(tab: ActivitiesTab) -> str:
    """The 数字 column of the first row of the list."""
    column = [key for key, _ in tab.list.model.source.columns].index("numbers")
    return tab.list.model.values_at(0)[column]


def keyboard() -> object:
    """Where a key press goes now: an open completion list, else the focused widget."""
    return QApplication.activePopupWidget() or QApplication.focusWidget()


def keys(qtbot, text: str) -> None:
    type_text(qtbot, keyboard(), text)
    QApplication.processEvents()  # as between a clerk's key presses


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(keyboard(), key, modifier)
    QApplication.processEvents()


def open_tab(qtbot, host, started: dt.date) -> ActivitiesTab:
    """The activities tab, shown and active, on a county whose pairings began `started`
    (kept as `tab.county`)."""
    county = build_county(host.ledger, started=started)
    widget = ActivitiesTab(host)
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitActive(widget):
        widget.activateWindow()
    widget.county = county
    return widget


@pytest.fixture
def tab(qtbot, host):
    return open_tab(qtbot, host, dt.date(TODAY.year - 1, 1, 1))


def pick_pairing(qtbot, part: str) -> None:
    """Type part of a unit's or village's name and take the first completion."""
    keys(qtbot, part)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)


def pick_kind(qtbot, prefix: str) -> None:
    """Type the start of a kind's name into the kind list (after the list's search pause, so
    the previous search does not run on into this one)."""
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    keys(qtbot, prefix)


def test_five_activities_by_keyboard_alone(qtbot, tab):
    assert QApplication.focusWidget() is tab.form.date
    assert tab.form.date.text() == TODAY.isoformat()
    day = (TODAY - dt.timedelta(days=3)).isoformat()

    # 1. 调研 at 红岩村, 3 people: date, kind (first in the list), pairing, participants
    keys(qtbot, day)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    pick_pairing(qtbot, "红岩")
    press(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "3")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # 2. the same pairing, kind and date are kept (a stack of one day's paper): the number
    assert tab.form.pairing.currentText() == "县农业局 — 红岩村"
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "5")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # 3. 实用技术培训 (typed into the kind list) at 白水村, 2 teachers and 40 trainees
    press(qtbot, Qt.Key.Key_Tab)
    pick_kind(qtbot, "实用")
    press(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "白水")
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "2")
    press(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "40")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # 4. 改善文体设施投入 at 青山村: 2.6 万元 typed as 26000 元
    press(qtbot, Qt.Key.Key_Tab)
    pick_kind(qtbot, "改善文体")
    press(qtbot, Qt.Key.Key_Tab)
    pick_pairing(qtbot, "青山")
    press(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "26000")
    press(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "篮球场")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # 5. 种植蔬菜 at 青山村 (kept): 12.5 亩, 6 households
    press(qtbot, Qt.Key.Key_Tab)
    pick_kind(qtbot, "种植蔬菜")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "6")
    press(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "12.5")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert tab.form.error_text("") == ""
    with tab.host.ledger.bound():
        rows = list(Activity.select(ActivityType.code, Activity.date, Activity.participants,
                                    Activity.people, Activity.households, Activity.money_yuan,
                                    Activity.area_mu, Activity.description)
                    .join(ActivityType).order_by(Activity.created_at).tuples())
    kept = dt.date.fromisoformat(day)
    assert rows == [
        ("research", kept, 3, None, None, None, None, None),
        ("research", kept, 5, None, None, None, None, None),
        ("training", kept, 2, 40, None, None, None, None),
        ("culture_money", kept, None, None, None, 26000.0, None, "篮球场"),
        ("vegetables", kept, None, None, 6, None, 12.5, None),
    ]
    assert tab.list.model.total == 5
    assert QApplication.focusWidget() is tab.form.date


def test_only_the_numbers_of_the_kind_are_shown(qtbot, tab):
    tab.form.set_kind(type_id(tab.host.ledger, "research"))
    assert [n for n in tab.form.shown_fields()] == [
        "date", "type", "pairing", "participants", "description", "findings", "measures",
        "note"]
    tab.form.set_kind(type_id(tab.host.ledger, "household_visit"))
    assert tab.form.shown_fields() == ["date", "type", "cadre", "household", "findings",
                                       "measures", "note"]


def test_refusals_show_the_core_message_and_save_nothing(qtbot, tab):
    tab.form.set_kind(type_id(tab.host.ledger, "training"))
    tab.form.date.setText((TODAY + dt.timedelta(days=1)).isoformat())
    tab.form.pairing.set_value(tab.county.pairings["红岩村"])
    tab.form.numbers["people"].setText("-4")
    assert not tab.save_and_next()
    assert tab.form.error_text("people") == "人数：不能为负数"
    tab.form.numbers["people"].setText("40")
    assert not tab.save_and_next()
    assert "不能登记尚未发生的活动" in tab.form.error_text("date")
    assert tab.form.error_text("people") == ""
    tab.form.set_kind(type_id(tab.host.ledger, "research"))
    tab.form.date.setText(TODAY.isoformat())
    tab.form.numbers["participants"].setText("2")
    tab.form.numbers["area_mu"].setText("3")  # hidden for 调研: not sent, so not refused
    assert tab.save()
    assert stored(tab)[0]["area_mu"] is None
    assert len(stored(tab)) == 1


def test_money_in_wan_is_converted_explicitly(qtbot, tab):
    tab.form.set_kind(type_id(tab.host.ledger, "premises_money"))
    tab.form.pairing.set_value(tab.county.pairings["红岩村"])
    tab.form.numbers["money_yuan"].setText("9")
    tab.form.money_unit.setCurrentText("万元")
    assert tab.save()
    assert stored(tab)[0]["money_yuan"] == 90000.0


def test_edit_and_delete(qtbot, tab, answers):
    tab.form.pairing.set_value(tab.county.pairings["红岩村"])
    tab.form.numbers["participants"].setText("3")
    assert tab.save_and_next()
    saved = stored(tab)[0]["id"]
    tab.list.select_id(saved)
    tab._show(saved)
    assert tab.form.numbers["participants"].text() == "3"
    tab.form.numbers["participants"].setText("4")
    tab.form.date.setText("2000-1-1")  # before the pairing began: refused, nothing changes
    assert not tab.save()
    assert "早于该结对的开始日期" in tab.form.error_text("date")
    assert stored(tab)[0]["participants"] == 3
    tab.form.date.setText(TODAY.isoformat())
    assert tab.save()
    assert stored(tab)[0]["participants"] == 4
    answers.confirm = False
    assert not tab.delete()
    answers.confirm = True
    with qtbot.waitSignal(tab.host.changed) as told:
        assert tab.delete()
    assert told.args[0].deleted == {"activity": frozenset({saved})}
    assert stored(tab) == []
    assert tab.list.model.total == 0
    assert answers.texts("confirm") == ["确定删除这条帮扶活动记录吗？"] * 2


def test_an_undo_shows_the_old_values_in_the_form_and_the_list(qtbot, tab):
    tab.form.pairing.set_value(tab.county.pairings["红岩村"])
    tab.form.numbers["participants"].setText("3")
    assert tab.save()
    tab.form.numbers["participants"].setText("4")
    assert tab.save()
    assert numbers_shown(tab) == "参加人数 4"
    tab.host.undo()
    assert tab.form.numbers["participants"].text() == "3" and not tab.form.dirty
    assert numbers_shown(tab) == "参加人数 3"
    tab.host.undo()  # the record itself: gone from the form and the list
    assert tab.form.record_id is None and tab.list.model.total == 0
    assert not tab.delete_button.isEnabled()


def test_the_type_shows_the_fields_it_uses(qtbot, tab):
    """Picking a type by the keyboard hides what it does not record and stars what it
    requires; a household visit names a cadre and a household instead of a pairing."""
    form = tab.form
    form.kind.setFocus()
    pick_kind(qtbot, "走访")
    assert form.kind.currentText() == "走访贫困户"
    visible = {name for name in form.editors if form.editors[name].isVisibleTo(tab)}
    assert visible == {"date", "type", "cadre", "household", "findings", "measures", "note"}
    assert [form.labels[n].text() for n in ("cadre", "household", "findings", "note")] == [
        "走访干部＊", "贫困户＊", "发现问题＊", "备注"]
    form.cadre.set_value(tab.county.cadres["王股长"])
    form.household.set_value(tab.county.households["刘二"])
    form.texts["findings"].setText("缺技术")
    assert tab.save()
    row = stored(tab)[0]
    assert (row["cadre"], row["household"], row["pairing"], row["findings"]) == (
        tab.county.cadres["王股长"], tab.county.households["刘二"], None, "缺技术")
    # back to a pairing's type: the visit's people are hidden and not sent
    form.kind.setFocus()
    pick_kind(qtbot, "调研")
    assert form.pairing.isVisibleTo(tab) and not form.cadre.isVisibleTo(tab)
    assert form.labels["pairing"].text() == "结对（单位—村）＊"
    assert form.values()["cadre"] is None and form.values()["household"] is None
    assert form.dirty


def test_money_unit_sits_beside_the_amount(qtbot, tab):
    tab.form.set_kind(type_id(tab.host.ledger, "culture_money"))
    assert tab.form.labels["money_yuan"].text() == "金额＊"
    assert [tab.form.money_unit.itemText(i) for i in range(tab.form.money_unit.count())] == [
        "元", "万元"]
    tab.form.numbers["money_yuan"].setText("2.6")
    assert tab.form.values()["money_yuan"] == "2.6"
    tab.form.money_unit.setCurrentText("万元")
    assert tab.form.values()["money_yuan"] == 26000.0
    tab.form.numbers["money_yuan"].setText("很多")  # sent as typed: the core names the problem
    tab.form.pairing.set_value(tab.county.pairings["红岩村"])
    assert not tab.save()
    assert tab.form.error_text("money_yuan") == "金额（元）：应为数字"
