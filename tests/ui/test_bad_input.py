"""Bad input typed into the forms: the core's Chinese message appears under the field, and the
database is exactly as it was (every row of every table compared)."""

import pytest

from pairing_desktop.core import records
from tests.helpers import dump, save
from tests.ui.drive import click, fill, new_record, open_window, show_tab

pytestmark = pytest.mark.gui

ID_FEMALE = "11010519491231002X"


@pytest.fixture
def county(ledger):
    """One of each record, made through the core."""
    unit = save(ledger, "unit", None, {"name": "县委组织部", "level": "县直"})
    rank = dict((label, i) for i, label in records.choices(ledger, "rank"))
    cadre = save(ledger, "cadre", None, {"unit": unit, "name": "刘芳", "rank": rank["科局级"],
                                         "id_number": ID_FEMALE})
    other = save(ledger, "cadre", None, {"unit": unit, "name": "赵强", "rank": rank["股级"]})
    township = save(ledger, "township", None, {"name": "城关镇"})
    village = save(ledger, "village", None, {"township": township, "name": "新寨村"})
    household = save(ledger, "household", None, {"village": village, "head_name": "李四"})
    save(ledger, "assignment", None, {"cadre": cadre, "household": household,
                                      "started_on": "2008-01-05"})
    return {"unit": unit, "cadre": cadre, "other": other, "township": township,
            "village": village, "household": household}


@pytest.fixture
def window(qtbot, ledger, settings, county):
    return open_window(qtbot, ledger, settings)


def attempt(qtbot, panel, values, field):
    """Type a new record with a bad value, Save; return the message under `field`."""
    before = dump(panel.host.ledger)
    new_record(qtbot, panel, values)
    assert panel.form.record_id is None
    assert dump(panel.host.ledger) == before
    message = panel.form.error_text(field)
    assert panel.form.errors[field].isVisible()
    return message


def test_missing_required_field(qtbot, window):
    units = window.tab("units").units
    message = attempt(qtbot, units, {"head": "王明"}, "name")
    assert message == "单位名称：必填，不能为空"


def test_id_number_with_a_wrong_check_digit(qtbot, window):
    cadres = window.tab("units").cadres
    message = attempt(qtbot, cadres, {"unit": "县委组织部", "name": "钱七", "rank": "股级",
                                      "id_number": "110105194912310021"}, "id_number")
    assert message == "身份证号：号码未通过校验，可能有数字输错或前后颠倒，请对照身份证逐位核对"


def test_id_number_with_an_impossible_birth_date(qtbot, window):
    cadres = window.tab("units").cadres
    message = attempt(qtbot, cadres, {"unit": "县委组织部", "name": "钱七", "rank": "股级",
                                      "id_number": "110105194902300021"}, "id_number")
    assert "出生日期 19490230 不存在" in message


def test_bad_phone(qtbot, window):
    units = window.tab("units").units
    message = attempt(qtbot, units, {"name": "县财政局", "contact_phone": "12345"},
                      "contact_phone")
    assert message.startswith("联系电话：应为11位手机号")


def test_duplicate_unit_name(qtbot, window):
    units = window.tab("units").units
    message = attempt(qtbot, units, {"name": "县委组织部"}, "name")
    assert message == "单位名称：“县委组织部”已存在，不能重复"


def test_duplicate_id_number(qtbot, window):
    cadres = window.tab("units").cadres
    message = attempt(qtbot, cadres, {"unit": "县委组织部", "name": "孙八", "rank": "股级",
                                      "id_number": ID_FEMALE}, "id_number")
    assert "已存在" in message


def test_duplicate_village_name_in_one_township(qtbot, window):
    villages = show_tab(window, "villages").villages
    message = attempt(qtbot, villages, {"township": "城关镇", "name": "新寨村"}, "name")
    assert "同一乡镇内的村名" in message


def test_second_open_assignment_for_a_household(qtbot, window):
    assignments = show_tab(window, "assignments").assignments
    message = attempt(qtbot, assignments, {"cadre": "赵强", "household": "李四",
                                           "started_on": "2009-03-01"}, "household")
    assert "已由 刘芳 负责" in message


def test_negative_count(qtbot, window):
    villages = show_tab(window, "villages").villages
    message = attempt(qtbot, villages, {"township": "城关镇", "name": "老寨村",
                                        "households": "-5"}, "households")
    assert message == "总户数：不能为负数"


def test_a_name_typed_into_a_reference_that_matches_nothing(qtbot, window):
    cadres = window.tab("units").cadres
    message = attempt(qtbot, cadres, {"unit": "不存在的单位", "name": "钱七", "rank": "股级"},
                      "unit")
    assert message.startswith("所在单位：")


def test_errors_clear_once_the_input_is_fixed(qtbot, window, ledger):
    units = window.tab("units").units
    attempt(qtbot, units, {"name": "县财政局", "contact_phone": "12345"}, "contact_phone")
    fill(qtbot, units, {"contact_phone": "0857-4221234"})
    click(qtbot, units.save_button)
    assert units.form.record_id is not None
    assert units.form.error_text("contact_phone") == ""
    assert [n for _, n in records.choices(ledger, "unit")] == ["县财政局", "县委组织部"]


def test_editing_an_existing_record_badly_keeps_the_stored_values(qtbot, window, county, ledger):
    units = window.tab("units").units
    units.list.select_id(county["unit"])
    units.show_record(county["unit"])
    before = dump(ledger)
    fill(qtbot, units, {"name": ""})
    click(qtbot, units.save_button)
    assert units.form.error_text("name") == "单位名称：必填，不能为空"
    assert dump(ledger) == before
