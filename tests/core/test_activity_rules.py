"""An activity is refused, naming the field and the problem, and nothing is written."""

from __future__ import annotations

import datetime as dt

import pytest

from pairing_desktop.core import records
from pairing_desktop.core.activities import rules as activity_rules
from pairing_desktop.core.activities.rules import to_yuan
from pairing_desktop.core.activities.types import DEFAULT_TYPES, NUMBER_FIELDS
from pairing_desktop.core.errors import ValidationError
from pairing_desktop.core.storage.models import Activity, ActivityType
from tests.activity_data import build_county, type_id
from tests.helpers import save

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server

D = dt.date


@pytest.fixture
def county(ledger, monkeypatch):
    monkeypatch.setattr(activity_rules, "today", lambda: D(2026, 6, 15))
    return build_county(ledger, started=D(2025, 3, 1))


def refused(ledger, county, code, village, day, **numbers) -> dict[str, str]:
    with ledger.bound():
        before = Activity.select().count()
    with pytest.raises(ValidationError) as err:
        county.add(code, village, day, **numbers)
    with ledger.bound():
        assert Activity.select().count() == before
    return err.value.errors


def test_new_ledger_has_every_kind_as_data(ledger):
    with ledger.bound():
        kinds = {t.code: t for t in ActivityType.live()}
    assert set(kinds) == {t.code for t in DEFAULT_TYPES}
    assert kinds["training"].measures == "participants,people"
    assert kinds["household_visit"].scope == "household"
    assert kinds["vegetables"].is_outcome and kinds["vegetables"].measures.startswith("area_mu")


def test_future_date(ledger, county):
    errors = refused(ledger, county, "research", "红岩村", D(2026, 6, 16))
    assert errors == {
        "date": "日期：2026年6月16日晚于今天（2026年6月15日），不能登记尚未发生的活动"}
    county.add("research", "红岩村", D(2026, 6, 15))  # today itself is fine


def test_before_pairing_began(ledger, county):
    errors = refused(ledger, county, "research", "红岩村", D(2025, 2, 28))
    assert errors["date"] == "日期：2025年2月28日早于该结对的开始日期（2025年3月1日）"


def test_number_the_type_does_not_carry(ledger, county):
    errors = refused(ledger, county, "research", "红岩村", D(2026, 1, 5), participants=3,
                     area_mu=2.5, money_yuan=100)
    assert set(errors) == {"area_mu", "money_yuan"}
    assert errors["area_mu"].startswith("面积（亩）：“调研”不记录此项")
    assert "只记录参加人数" in errors["area_mu"]


def test_negative_number(ledger, county):
    errors = refused(ledger, county, "training", "红岩村", D(2026, 1, 5), people=-3)
    assert errors == {"people": "人数：不能为负数"}


def test_required_numbers_and_who(ledger, county):
    errors = refused(ledger, county, "training", "红岩村", D(2026, 1, 5))
    assert errors == {"people": "人数：“实用技术培训”必须填写此项"}
    errors = refused(ledger, county, "research", None, D(2026, 1, 5))
    assert errors == {"pairing": "结对：“调研”须选择帮扶单位与村的结对"}
    with ledger.bound():
        before = Activity.select().count()
    with pytest.raises(ValidationError) as err:
        save(ledger, "activity", None, {"type": type_id(ledger, "household_visit"),
                                        "date": D(2026, 1, 5), "findings": "缺水"})
    assert set(err.value.errors) == {"cadre", "household"}
    with ledger.bound():
        assert Activity.select().count() == before


def test_money_in_yuan_and_mu_with_decimals(ledger, county):
    assert to_yuan("26", "万元") == 260000.0
    assert to_yuan("1.5", "元") == 1.5
    with pytest.raises(ValueError, match="金额单位"):
        to_yuan("3", "千元")
    saved = county.add("culture_money", "红岩村", D(2026, 2, 1), money_yuan=to_yuan("2.6", "万元"))
    assert records.load(ledger, "activity", saved)["money_yuan"] == 26000.0
    errors = refused(ledger, county, "culture_money", "红岩村", D(2026, 2, 1), money_yuan=12.345)
    assert "两位小数" in errors["money_yuan"]
    saved = county.add("vegetables", "红岩村", D(2026, 2, 1), area_mu="12.75")
    assert records.load(ledger, "activity", saved)["area_mu"] == 12.75


def test_edit_obeys_the_same_rules(ledger, county):
    saved = county.add("research", "红岩村", D(2026, 1, 5))
    raw = {**records.load(ledger, "activity", saved), "date": D(2027, 1, 1)}
    with pytest.raises(ValidationError) as err:
        save(ledger, "activity", saved, raw)
    assert "晚于今天" in err.value.errors["date"]
    assert records.load(ledger, "activity", saved)["date"] == D(2026, 1, 5)


def test_county_adds_its_own_kind(ledger, county):
    kind = save(ledger, "activity_type", None, {
        "code": "biogas", "name": "修建沼气池", "measures": "items,households",
        "required": "items"})
    county.add("biogas", "红岩村", D(2026, 3, 1), items=20, households=20)
    with pytest.raises(ValidationError) as err:
        save(ledger, "activity_type", None, {"code": "x", "name": "错", "measures": "acres"})
    assert "acres" in err.value.errors["measures"]
    with ledger.bound():
        # stored in the vocabulary's order, whatever order they were given in
        assert ActivityType.get_by_id(kind).measures == "households,items"


def test_the_type_decides_the_shape_of_a_record(ledger, county):
    """What the form shows and what the checks allow come from one place."""
    research = records.shape(ledger, "activity", {"type": type_id(ledger, "research")})
    assert "participants" not in research.hidden and "pairing" not in research.hidden
    assert {"people", "money_yuan", "area_mu", "cadre", "household"} <= research.hidden
    assert "pairing" in research.required
    visit = records.shape(ledger, "activity", {"type": str(type_id(ledger, "household_visit"))})
    assert {"pairing", "description", *NUMBER_FIELDS} <= visit.hidden
    assert {"cadre", "household", "findings"} <= visit.required
    nothing = records.shape(ledger, "activity", {"type": "不是类型"})
    assert set(NUMBER_FIELDS) <= nothing.hidden and "pairing" not in nothing.hidden
    assert records.shape(ledger, "unit", {}).hidden == frozenset()


def test_a_type_requires_only_what_it_records(ledger):
    shape = records.shape(ledger, "activity_type", {"measures": ["items"], "texts": "note"})
    assert shape.offered == {"required": frozenset({"items", "note"})}
    with pytest.raises(ValidationError) as err:
        save(ledger, "activity_type", None, {"name": "修建沼气池", "measures": "items",
                                             "texts": "note", "required": "people,note"})
    assert err.value.errors == {"required": "必填项：“人数”不在此类活动记录的数字或文字之中"}
    with pytest.raises(ValidationError) as err:
        save(ledger, "activity_type", None, {"name": "修建沼气池", "scope": "村"})
    assert err.value.errors == {"scope": "对象：应为 结对/贫困户 之一"}
