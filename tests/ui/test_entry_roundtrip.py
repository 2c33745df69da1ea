"""A clerk types a unit, a cadre, a township, a village, a household and an assignment through
the real widgets; the window is closed; the same file opened in a new window shows them all."""

import pytest
from PySide6.QtCore import Qt

from pairing_desktop.core import auth, records
from pairing_desktop.core import operations as ops
from pairing_desktop.core.ledgers import open_ledger
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.ui.drive import click, column_values, ctrl, fill, new_record, open_window, show_tab

pytestmark = pytest.mark.gui

ID_FEMALE = "11010519491231002X"  # the GB 11643 example: valid check character, a woman


def test_enter_everything_close_and_reopen(qtbot, tmp_path, settings):
    path = tmp_path / "county.db"
    ledger = open_ledger(path)
    ops.create_first_admin(ledger, ADMIN, ADMIN_PASSWORD)
    window = open_window(qtbot, ledger, settings)

    units = window.tab("units")
    new_record(qtbot, units.units, {"name": "县委组织部", "party_org": "县委组织部机关党支部",
                                    "head": "王明", "contact_phone": "0857-4221234"})
    assert units.units.form.record_id is not None
    # the cadres panel now belongs to the new unit: its unit is filled in already
    click(qtbot, units.cadres.new_button)
    assert units.cadres.form.editors["unit"].currentText() == "县委组织部"
    fill(qtbot, units.cadres, {"name": "刘芳", "gender": "女", "id_number": ID_FEMALE,
                               "rank": "科局级", "reserve": "是", "phone": "13812345678"})
    ctrl(qtbot, units.cadres.form.editors["phone"], Qt.Key.Key_S)
    assert units.cadres.form.record_id is not None

    villages = show_tab(window, "villages")
    new_record(qtbot, villages.townships, {"name": "城关镇", "code": "01"})
    click(qtbot, villages.villages.new_button)
    assert villages.villages.form.editors["township"].currentText() == "城关镇"
    fill(qtbot, villages.villages, {"name": "新寨村", "households": "120", "population": "480",
                                    "secretary": "杨光",
                                    "poverty_causes": "交通落后、土地贫瘠",
                                    "out_of_poverty_year": "2009"})
    # Enter in the last field saves
    qtbot.keyClick(villages.villages.form.editors["out_of_poverty_year"], Qt.Key.Key_Return)
    assert villages.villages.form.record_id is not None
    click(qtbot, villages.households.new_button)
    fill(qtbot, villages.households, {"group_name": "一组", "head_name": "李四",
                                      "members": "4", "poverty_cause": "因病"})
    click(qtbot, villages.households.save_button)
    assert villages.households.form.record_id is not None

    assignments = show_tab(window, "assignments")
    new_record(qtbot, assignments.assignments, {"cadre": "刘芳", "household": "李四",
                                                "started_on": "2008-01-05"})
    assert assignments.assignments.form.record_id is not None
    assert column_values(assignments.unassigned, "head_name") == []
    assert column_values(assignments.quota, "held") == ["1"]

    window.close()
    ledger.close()

    ledger = open_ledger(path)
    try:
        auth.login(ledger, ADMIN, ADMIN_PASSWORD)
        again = open_window(qtbot, ledger, settings)
        units = again.tab("units")
        assert column_values(units.units, "name") == ["县委组织部"]
        units.units.list.select_id(units.units.list.model.id_at(0))
        units.units.show_record(units.units.list.model.id_at(0))
        assert column_values(units.cadres, "name") == ["刘芳"]
        assert column_values(units.cadres, "rank") == ["科局级"]
        assert column_values(units.cadres, "reserve") == ["是"]
        assert column_values(units.cadres, "id_number") == ["110105********002X"]  # masked
        units.cadres.show_record(units.cadres.list.model.id_at(0))
        assert units.cadres.form.values()["id_number"] == ID_FEMALE  # whole for who may edit
        villages = again.tab("villages")
        assert column_values(villages.villages, "name") == ["新寨村"]
        village = records.load(ledger, "village", villages.villages.list.model.id_at(0))
        assert village["poverty_causes"] == "土地贫瘠、交通落后"
        assert (village["households"], village["out_of_poverty_year"]) == (120, 2009)
        assignments = again.tab("assignments")
        assert column_values(assignments.assignments, "household") == ["李四"]
        assert column_values(assignments.assignments, "started_on") == ["2008-01-05"]
        assert column_values(assignments.assignments, "cadre") == ["刘芳"]
        again.close()
    finally:
        ledger.close()
