"""Views refresh by what an operation changed: a save in one tab reaches every list and picker
that shows its kind, in any tab, and no other list reads the file again (the queries are
counted)."""

from __future__ import annotations

import pytest

from pairing_desktop.core import operations as ops
from pairing_desktop.core import records
from pairing_desktop.ui.record_panel import ListPanel
from tests.helpers import save
from tests.ui.drive import click, column_values, fill, open_window, show_tab

pytestmark = pytest.mark.gui


@pytest.fixture
def county(ledger):
    ranks = {label: i for i, label in records.choices(ledger, "rank")}
    unit = save(ledger, "unit", None, {"name": "县委组织部", "level": "县直"})
    cadre = save(ledger, "cadre", None, {"unit": unit, "name": "刘芳", "rank": ranks["科局级"]})
    township = save(ledger, "township", None, {"name": "城关镇"})
    village = save(ledger, "village", None, {"township": township, "name": "新寨村"})
    household = save(ledger, "household", None, {"village": village, "head_name": "李四"})
    return {"unit": unit, "cadre": cadre, "township": township, "village": village,
            "household": household}


@pytest.fixture
def window(qtbot, ledger, settings, county):
    return open_window(qtbot, ledger, settings)


def count_reads(lst: ListPanel) -> list[str]:
    """Record every query the list's source makes from now on ("count", "page")."""
    reads: list[str] = []
    source = lst.model.source
    for name in ("count", "page"):
        method = getattr(source, name)

        def counted(*args, _method=method, _name=name, **kwargs):
            reads.append(_name)
            return _method(*args, **kwargs)

        setattr(source, name, counted)
    return reads


def test_a_household_saved_in_one_tab_is_listed_in_another(qtbot, window, county):
    villages = show_tab(window, "villages")
    villages.villages.list.select_id(county["village"])
    villages.villages.show_record(county["village"])
    assignments = window.tab("assignments")
    assert column_values(assignments.unassigned, "head_name") == ["李四"]
    click(qtbot, villages.households.new_button)
    fill(qtbot, villages.households, {"head_name": "赵七"})
    click(qtbot, villages.households.save_button)
    assert villages.households.form.record_id is not None
    assert "贫困户 2" in window._counts_label.text()
    assert assignments.unassigned.stale  # hidden: read when shown, not before
    show_tab(window, "assignments")
    assert not assignments.unassigned.stale
    assert sorted(column_values(assignments.unassigned, "head_name")) == ["李四", "赵七"]


def test_a_renamed_unit_is_renamed_in_the_lists_and_pickers_that_name_it(qtbot, window, county):
    assignments = show_tab(window, "assignments")
    quota = assignments.quota
    assert column_values(quota, "unit") == ["县委组织部"]
    units = show_tab(window, "units").units
    units.list.select_id(county["unit"])
    units.show_record(county["unit"])
    fill(qtbot, units, {"name": "县委组织部（新）"})
    click(qtbot, units.save_button)
    show_tab(window, "assignments")
    assert column_values(quota, "unit") == ["县委组织部（新）"]
    cadre = assignments.assignments.form.editors["cadre"]
    cadre.setFocus()
    assert cadre.findText("刘芳（县委组织部（新））") >= 0


def test_a_change_re_reads_only_the_lists_that_show_its_kind(qtbot, window, county):
    window.all_tabs()  # tabs are built when first shown: every one, here
    lists = window.findChildren(ListPanel)
    reads = {lst: count_reads(lst) for lst in lists}
    window.host.perform(ops.save, "farmer", None, {"village": county["village"],
                                                   "name": "吴六"})
    showing = {lst for lst in lists if "farmer" in lst.kinds}
    assert {lst.title.text() for lst in showing} == {"<b>本村农民党员</b>",
                                                      "<b>机关党员–农民党员结对</b>"}
    for lst in lists:
        assert (bool(reads[lst]) or lst.stale) == (lst in showing), lst.title.text()
    for name in ("villages", "pairings", "assignments", "targets", "letters", "activities"):
        show_tab(window, name)
    assert all(reads[lst] == [] for lst in lists if lst not in showing)


def test_an_unrelated_change_leaves_a_shown_list_alone(qtbot, window, county):
    units = window.tab("units").units
    reads = count_reads(units.list)
    window.host.perform(ops.save, "household", county["household"], {"members": 5})
    assert reads == [] and not units.list.stale
    window.host.perform(ops.save, "unit", None, {"name": "县财政局", "level": "县直"})
    assert reads == ["count", "page"]
    assert column_values(units, "name") == ["县财政局", "县委组织部"]


def test_a_picker_reads_its_choices_again_only_when_its_kind_changed(qtbot, window, county):
    pairings = show_tab(window, "pairings").uv
    unit = pairings.form.editors["unit"]
    unit.setFocus()
    assert unit.full_list
    window.host.perform(ops.save, "household", county["household"], {"members": 5})
    assert unit.full_list  # households are not what it lists: its choices stand
    window.host.perform(ops.save, "unit", None, {"name": "县财政局", "level": "县直"})
    assert unit.full_list is None  # forgotten, read again when next used
    unit.ensure_loaded()
    assert unit.findText("县财政局") >= 0
