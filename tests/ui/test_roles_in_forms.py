"""Roles in the forms: a township clerk edits their own township's records and sees the others
read-only (and the operation refuses them too); a read-only operator sees ID and phone numbers
masked; New is offered only where the operator may create a record."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pairing_desktop.core import auth, records
from pairing_desktop.core import operations as ops
from pairing_desktop.core.errors import RefusedError
from pairing_desktop.ui.record_panel import RecordPanel
from tests.helpers import id_number, save
from tests.ui.accounts import add_operator, work_as
from tests.ui.drive import click, fill

pytestmark = pytest.mark.gui

PHONE = "13885712345"
ID = id_number("19800101", "001")


@pytest.fixture
def county(ledger):
    towns = {name: save(ledger, "township", None, {"name": name}) for name in ("城关镇", "甘棠镇")}
    villages = {name: save(ledger, "village", None, {"township": towns[town], "name": name,
                                                     "secretary_phone": PHONE})
                for name, town in (("新寨村", "城关镇"), ("红星村", "甘棠镇"))}
    household = save(ledger, "household", None, {"village": villages["红星村"],
                                                 "head_name": "李四", "id_number": ID})
    add_operator(ledger, "xiaoli", auth.CLERK, towns["城关镇"])
    add_operator(ledger, "chakan", auth.VIEWER)
    return {"towns": towns, "villages": villages, "household": household}


def panel_on(qtbot, host, entity: str, record_id=None) -> RecordPanel:
    panel = RecordPanel(host, entity)
    qtbot.addWidget(panel)
    panel.show()
    if record_id is not None:
        panel.list.select_id(record_id)
        panel.show_record(record_id)
    return panel


def test_a_clerk_sees_another_townships_village_read_only(qtbot, host, county, answers):
    work_as(host.ledger, "xiaoli")
    panel = panel_on(qtbot, host, "village", county["villages"]["红星村"])
    assert panel.form.read_only
    assert not panel.save_button.isEnabled() and not panel.delete_button.isEnabled()
    assert panel.form.editors["name"].isReadOnly()
    assert not panel.form.editors["township"].isEnabled()
    assert panel.form.values()["secretary_phone"] == "138****2345"
    panel.form.editors["name"].setFocus()
    qtbot.keyClick(panel.form.editors["name"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert answers.asked == []  # Ctrl+S on a read-only form does nothing, asks nothing
    with pytest.raises(RefusedError, match="只能新建和修改本乡镇（城关镇）的村"):
        host.perform(ops.save, "village", county["villages"]["红星村"], {"secretary": "王五"})
    assert records.load(host.ledger, "village", county["villages"]["红星村"])["secretary"] is None


def test_a_clerk_edits_a_village_of_their_own_township(qtbot, host, county):
    work_as(host.ledger, "xiaoli")
    panel = panel_on(qtbot, host, "village", county["villages"]["新寨村"])
    assert not panel.form.read_only and panel.save_button.isEnabled()
    assert panel.form.values()["secretary_phone"] == PHONE  # whole: they may edit it
    fill(qtbot, panel, {"secretary": "李支书"})
    click(qtbot, panel.save_button)
    assert records.load(host.ledger, "village", county["villages"]["新寨村"])["secretary"] \
        == "李支书"


def test_the_form_follows_the_record_shown(qtbot, host, county):
    work_as(host.ledger, "xiaoli")
    panel = panel_on(qtbot, host, "village", county["villages"]["红星村"])
    assert panel.form.read_only
    panel.list.select_id(county["villages"]["新寨村"])
    panel.show_record(county["villages"]["新寨村"])
    assert not panel.form.read_only and panel.save_button.isEnabled()
    click(qtbot, panel.new_button)  # a new village: the clerk may create one
    assert panel.form.record_id is None and not panel.form.read_only


def test_a_clerk_may_not_create_county_records(qtbot, host, county):
    work_as(host.ledger, "xiaoli")
    panel = panel_on(qtbot, host, "unit")
    assert not panel.new_button.isEnabled() and panel.form.read_only
    assert not panel.new()


def test_a_new_record_in_another_township_is_blocked(qtbot, host, county):
    work_as(host.ledger, "xiaoli")
    panel = panel_on(qtbot, host, "village")
    panel.set_filters({"township": county["towns"]["甘棠镇"]})  # the villages of one township
    assert not panel.new_button.isEnabled() and panel.form.read_only
    panel.set_filters({"township": county["towns"]["城关镇"]})
    assert panel.new_button.isEnabled() and not panel.form.read_only


def test_a_read_only_operator_sees_masked_id_numbers(qtbot, host, county):
    work_as(host.ledger, "chakan")
    panel = panel_on(qtbot, host, "household", county["household"])
    assert panel.form.values()["id_number"] == ID[:6] + "********" + ID[-4:]
    assert panel.form.read_only and not panel.new_button.isEnabled()
    assert panel.history_button.isEnabled()  # reading the history is allowed


def test_the_administrator_sees_whole_numbers(qtbot, host, county):
    panel = panel_on(qtbot, host, "household", county["household"])
    assert panel.form.values()["id_number"] == ID and not panel.form.read_only
