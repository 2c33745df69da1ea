"""Annual targets: 目标未实现不脱钩 through the records service, copying last year, demo targets."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from pairing_desktop.core import operations as ops
from pairing_desktop.core import records
from pairing_desktop.core.demo_targets import add_demo_targets
from pairing_desktop.core.errors import RefusedError, ValidationError
from pairing_desktop.core.rules.targets import targets_of
from pairing_desktop.core.storage.models import Target, UnitVillagePairing
from tests.core.letter_fixtures import add_target, small_county
from tests.helpers import save

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server


@pytest.fixture
def county(ledger):
    return small_county(ledger, 2008)


def _end(ledger, county, village: str) -> None:
    pairing = county.pairings[village]
    values = records.load(ledger, "uv_pairing", pairing)
    save(ledger, "uv_pairing", pairing, {**values, "status": "已脱钩",
                                          "ended_on": dt.date(2008, 12, 31)})


def test_ending_a_pairing_with_open_targets_is_refused_naming_them(ledger, county):
    pairing = county.pairings["石桥村"]
    add_target(ledger, pairing, 2008, 1, "建设沼气池", 20, "口", status="已完成")
    add_target(ledger, pairing, 2008, 2, "发展精品水果种植", 300, "亩", status="进行中")
    with pytest.raises(ValidationError) as err:
        _end(ledger, county, "石桥村")
    message = err.value.errors["status"]
    assert "目标未实现不脱钩" in message
    assert "发展精品水果种植" in message and "建设沼气池" not in message
    with ledger.bound():
        row = UnitVillagePairing.get_by_id(pairing)
    assert (row.status, row.ended_on) == ("帮扶中", None)


def test_ending_is_allowed_once_every_target_is_done(ledger, county):
    pairing = county.pairings["石桥村"]
    target = add_target(ledger, pairing, 2008, 2, "发展精品水果种植", 300, "亩", status="进行中")
    values = records.load(ledger, "target", target)
    save(ledger, "target", target, {**values, "status": "已完成", "actual_value": 320})
    _end(ledger, county, "石桥村")
    with ledger.bound():
        assert UnitVillagePairing.get_by_id(pairing).status == "已脱钩"


def test_a_deleted_target_does_not_hold_the_pairing(ledger, county):
    pairing = county.pairings["新寨村"]
    target = add_target(ledger, pairing, 2008, 3, "建设农家书屋", 1, "个")
    ops.delete(ledger, "target", target)
    _end(ledger, county, "新寨村")
    with ledger.bound():
        assert UnitVillagePairing.get_by_id(pairing).status == "已脱钩"


def test_category_must_be_one_of_the_six(ledger, county):
    with pytest.raises(ValidationError) as err:
        add_target(ledger, county.pairings["石桥村"], 2008, 7, "未知类别")
    assert "目标类别" in err.value.errors["category"]


def test_copy_last_year_starts_the_year_from_the_previous_targets(ledger, county):
    pairing = county.pairings["石桥村"]
    add_target(ledger, pairing, 2007, 1, "建设沼气池", 20, "口", status="已完成")
    add_target(ledger, pairing, 2007, 6, "培训农村党员", 60, "人次", status="未完成")
    assert len(ops.copy_last_year(ledger, pairing, 2008).created["target"]) == 2
    copied = targets_of(ledger, pairing, 2008)
    assert [(t.category, t.description, t.indicator_value, t.indicator_unit, t.status,
             t.actual_value) for t in copied] == [
        (1, "建设沼气池", 20, "口", "未开始", None),
        (6, "培训农村党员", 60, "人次", "未开始", None)]
    assert len(targets_of(ledger, pairing, 2007)) == 2  # the old year is untouched


def test_copy_last_year_refuses_twice_and_from_an_empty_year(ledger, county):
    pairing = county.pairings["石桥村"]
    with pytest.raises(RefusedError, match="2007年没有目标"):
        ops.copy_last_year(ledger, pairing, 2008)
    add_target(ledger, pairing, 2007, 1, "建设沼气池", 20, "口")
    ops.copy_last_year(ledger, pairing, 2008)
    with pytest.raises(RefusedError, match="2008年已有目标"):
        ops.copy_last_year(ledger, pairing, 2008)
    assert len(targets_of(ledger, pairing, 2008)) == 1


def test_demo_targets_cover_every_pairing_for_two_years(ledger, county):
    _end_ready = county.pairings["龙井村"]
    with ledger.bound():
        UnitVillagePairing.update(status="已脱钩", ended_on=dt.date(2008, 6, 1)).where(
            UnitVillagePairing.id == _end_ready).execute()
    with ledger.atomic():
        written = add_demo_targets(random.Random(7), 2008)
    with ledger.bound():
        assert written == Target.select().count()
    for pairing in county.pairings.values():
        for year in (2007, 2008):
            targets = targets_of(ledger, pairing, year)
            assert {t.category for t in targets} == set(range(1, 7))
    with ledger.bound():
        statuses = {t.status for t in Target.select().where(Target.pairing != _end_ready)}
    assert "已完成" in statuses and statuses - {"已完成"}
    with ledger.bound():
        assert {t.status for t in Target.select().where(Target.pairing == _end_ready)} == {"已完成"}


def test_category_is_chosen_by_name_or_number_and_listed_by_name(ledger, county):
    pairing = county.pairings["石桥村"]
    by_name = save(ledger, "target", None, {
        "pairing": pairing, "year": 2008, "category": "组织基础更加牢固",
        "description": "发展党员"})
    by_number = save(ledger, "target", None, {
        "pairing": pairing, "year": 2008, "category": "2", "description": "发展产业"})
    assert records.load(ledger, "target", by_name)["category"] == 6
    assert records.load(ledger, "target", by_number)["category"] == 2
    source = records.EntityList(ledger, "target", {"pairing": pairing})
    column = [key for key, _ in source.columns].index("category") + 1
    assert [row[column] for row in source.page(sort=column - 1)] == [
        "2. 生活富裕的条件更加具备", "6. 组织基础更加牢固"]
