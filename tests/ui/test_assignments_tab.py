"""干部帮扶: changing a household's cadre keeps the history, the quota list and its filter, the
households without a cadre, and the county's editable quota table."""

import datetime as dt
import importlib.util

import pytest

from pairing_desktop.core import records
from pairing_desktop.core.storage.models import Assignment
from pairing_desktop.ui.tabs.assignments import ReassignDialog
from tests.helpers import save
from tests.ui.drive import click, column_values, fill, open_window, show_tab

pytestmark = pytest.mark.gui


@pytest.fixture
def county(ledger):
    ranks = {label: i for i, label in records.choices(ledger, "rank")}
    unit = save(ledger, "unit", None, {"name": "县委组织部", "level": "县直"})
    liu = save(ledger, "cadre", None, {"unit": unit, "name": "刘芳", "rank": ranks["一般干部"]})
    zhao = save(ledger, "cadre", None, {"unit": unit, "name": "赵强", "rank": ranks["股级"]})
    township = save(ledger, "township", None, {"name": "城关镇"})
    village = save(ledger, "village", None, {"township": township, "name": "新寨村"})
    li = save(ledger, "household", None, {"village": village, "head_name": "李四"})
    wang = save(ledger, "household", None, {"village": village, "head_name": "王五"})
    first = save(ledger, "assignment", None, {"cadre": liu, "household": li,
                                              "started_on": "2008-01-05"})
    return {"liu": liu, "zhao": zhao, "li": li, "wang": wang, "first": first, "ranks": ranks}


@pytest.fixture
def tab(qtbot, ledger, settings, county):
    window = open_window(qtbot, ledger, settings)
    return show_tab(window, "assignments")


def test_reassign_closes_the_open_assignment_and_opens_a_new_one(qtbot, tab, county,
                                                                 monkeypatch, ledger):
    tab.assignments.list.select_id(county["first"])
    tab.assignments.show_record(county["first"])
    monkeypatch.setattr(ReassignDialog, "ask",
                        classmethod(lambda cls, host, parent, household: (county["zhao"],
                                                                          dt.date(2009, 6, 1))))
    click(qtbot, tab.reassign_button)
    with ledger.bound():
        rows = list(Assignment.live().where(Assignment.household == county["li"])
                    .order_by(Assignment.started_on).dicts())
    assert [(r["cadre"], r["started_on"], r["ended_on"]) for r in rows] == [
        (county["liu"], dt.date(2008, 1, 5), dt.date(2009, 6, 1)),
        (county["zhao"], dt.date(2009, 6, 1), None)]
    assert tab.assignments.form.values()["cadre"] == county["zhao"]
    assert sorted(column_values(tab.assignments, "cadre")) == sorted(["刘芳", "赵强"])


def test_reassign_to_the_same_cadre_is_refused_with_the_cores_message(qtbot, tab, county,
                                                                      monkeypatch, answers, ledger):
    tab.assignments.list.select_id(county["first"])
    tab.assignments.show_record(county["first"])
    monkeypatch.setattr(ReassignDialog, "ask",
                        classmethod(lambda cls, host, parent, household: (county["liu"],
                                                                          dt.date(2009, 6, 1))))
    click(qtbot, tab.reassign_button)
    assert answers.texts("warn") == ["帮扶干部：该户已由此干部负责"]
    assert records.counts(ledger, ["assignment"]) == {"assignment": 1}


def test_reassign_without_a_selected_assignment_explains(qtbot, tab, answers):
    click(qtbot, tab.reassign_button)
    assert answers.texts("warn") == ["请先在列表中选择一条结对记录。"]


def test_quota_list_and_its_under_over_filter(qtbot, tab, county):
    assert sorted(zip(column_values(tab.quota, "name"), column_values(tab.quota, "state"),
                      strict=True)) == [("刘芳", "达标"), ("赵强", "不足")]
    tab.state.setCurrentIndex(1)  # 不足
    assert column_values(tab.quota, "name") == ["赵强"]
    tab.state.setCurrentIndex(2)  # 超额
    assert column_values(tab.quota, "name") == []


def test_unassigned_household_gets_a_cadre(qtbot, tab, county):
    assert column_values(tab.unassigned, "head_name") == ["王五"]
    tab.unassigned.select_id(county["wang"])
    click(qtbot, tab.assign_button)
    assert tab.assignments.form.values()["household"] == county["wang"]
    fill(qtbot, tab.assignments, {"cadre": "赵强"})
    click(qtbot, tab.assignments.save_button)
    assert tab.assignments.form.record_id is not None
    assert column_values(tab.unassigned, "head_name") == []
    assert sorted(column_values(tab.quota, "held")) == ["1", "1"]


def test_quota_table_is_edited_in_the_program(qtbot, tab, county, ledger):
    dialog = tab.edit_ranks()
    qtbot.waitExposed(dialog)
    panel = dialog.panel
    assert column_values(panel, "name") == ["县级", "科局级", "股级", "一般干部"]
    panel.list.select_id(county["ranks"]["股级"])
    panel.show_record(county["ranks"]["股级"])
    fill(qtbot, panel, {"quota": "1"})
    click(qtbot, panel.save_button)
    assert records.load(ledger, "rank", county["ranks"]["股级"])["quota"] == 1
    # 赵强 (股级) holds none: still under; 刘芳 holds one of one
    tab.state.setCurrentIndex(1)
    assert column_values(tab.quota, "name") == ["赵强"]
    assert column_values(tab.quota, "quota") == ["1"]
    fill(qtbot, panel, {"quota": "-1"})
    click(qtbot, panel.save_button)
    assert panel.form.error_text("quota") == "帮扶户数定额：不能为负数"
    assert records.load(ledger, "rank", county["ranks"]["股级"])["quota"] == 1
    dialog.panel.revert()
    dialog.close()


def test_settings_menu_opens_the_quota_table(qtbot, ledger, settings, county):
    window = open_window(qtbot, ledger, settings)
    action = next(a for a in window.menus["settings"].actions() if "定额" in a.text())
    action.trigger()
    dialog = window.tab("assignments").rank_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.close()


@pytest.mark.skipif(importlib.util.find_spec("pairing_desktop.core.demo") is None,
                    reason="the demo county (core.demo) is not merged into this branch yet")
def test_demo_county_menu_builds_and_opens_a_new_file(qtbot, ledger, settings, tmp_path,
                                                      answers):
    window = open_window(qtbot, ledger, settings)
    answers.path = str(tmp_path / "demo.db")
    assert window.new_demo_file()
    assert window.ledger.path == tmp_path / "demo.db"
    counts = records.counts(window.ledger, ["township", "unit"])
    assert counts == {"township": 28, "unit": 83}
    assert column_values(window.tab("units").units, "name")
    assert window.ledger.operator.name == "admin"  # the demo county's own administrator
    window.close()
    window.close_ledger()
