"""Duty checks at the period boundaries, on a leap day, for a late pairing, and under changed
rules; every count comes from records saved through the records service."""

from __future__ import annotations

import datetime as dt

import pytest

from pairing_desktop.core import records
from pairing_desktop.core.activities import rules as activity_rules
from pairing_desktop.core.duties.checks import MET, OVER, OVERDUE, PENDING, UNDER, check_duties
from pairing_desktop.core.duties.settings import load_rules, save_rules
from pairing_desktop.core.errors import ValidationError
from pairing_desktop.core.operations.undo import undo
from tests.activity_data import assign, build_county
from tests.helpers import save

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server

D = dt.date


@pytest.fixture
def county(ledger, monkeypatch):
    # the ledger's clock stands at the end of 2028 so the year's records can be entered
    monkeypatch.setattr(activity_rules, "today", lambda: D(2028, 12, 31))
    return build_county(ledger, started=D(2027, 6, 1))


def rows(result, village, duty):
    return [r for r in result.pairings if r.subject.endswith(village) and r.duty == duty]


def by_period(result, village, duty):
    return {r.period: r for r in rows(result, village, duty)}


def test_quarter_boundary_mar31_apr1(ledger, county):
    county.add("research", "红岩村", D(2028, 2, 10), participants=3)
    on_31 = check_duties(ledger, 2028, D(2028, 3, 31))
    assert by_period(on_31, "红岩村", "research")["2028年第1季度"].status == MET
    q1 = by_period(on_31, "青山村", "research")["2028年第1季度"]
    assert (q1.status, q1.done, q1.due, q1.overdue_since) == (PENDING, 0, 1, None)
    assert "2028年第2季度" not in by_period(on_31, "青山村", "research")

    on_1 = check_duties(ledger, 2028, D(2028, 4, 1))
    q1 = by_period(on_1, "青山村", "research")["2028年第1季度"]
    assert (q1.status, q1.overdue_since) == (OVERDUE, D(2028, 4, 1))
    assert by_period(on_1, "青山村", "research")["2028年第2季度"].status == PENDING
    assert by_period(on_1, "红岩村", "research")["2028年第1季度"].status == MET


def test_half_year_boundary_jun30_jul1(ledger, county):
    county.add("training", "白水村", D(2028, 6, 30), participants=2, people=40)
    on_30 = check_duties(ledger, 2028, D(2028, 6, 30))
    assert by_period(on_30, "白水村", "training")["2028年上半年"].status == MET
    assert by_period(on_30, "红岩村", "training")["2028年上半年"].status == PENDING
    on_1 = check_duties(ledger, 2028, D(2028, 7, 1))
    h1 = by_period(on_1, "红岩村", "training")["2028年上半年"]
    assert (h1.status, h1.overdue_since, h1.due_by) == (OVERDUE, D(2028, 7, 1), D(2028, 6, 30))
    assert by_period(on_1, "红岩村", "training")["2028年下半年"].status == PENDING
    # a training on Jul 1 belongs to the second half, not to the first
    county.add("training", "红岩村", D(2028, 7, 1), people=10)
    again = check_duties(ledger, 2028, D(2028, 7, 1))
    assert by_period(again, "红岩村", "training")["2028年上半年"].status == OVERDUE
    assert by_period(again, "红岩村", "training")["2028年下半年"].status == MET


def test_leap_day(ledger, county):
    save_rules(ledger, {"research": {"period": "month", "count": 1}})
    county.add("research", "红岩村", D(2028, 2, 29))
    on_leap = check_duties(ledger, 2028, D(2028, 2, 29))
    feb = by_period(on_leap, "红岩村", "research")["2028年2月"]
    assert (feb.status, feb.done, feb.due_by) == (MET, 1, D(2028, 2, 29))
    assert by_period(on_leap, "青山村", "research")["2028年2月"].status == PENDING
    march = check_duties(ledger, 2028, D(2028, 3, 1))
    feb = by_period(march, "青山村", "research")["2028年2月"]
    assert (feb.status, feb.overdue_since) == (OVERDUE, D(2028, 3, 1))


def test_pairing_begun_mid_year_owes_from_its_quarter(ledger, county):
    late = save(ledger, "uv_pairing", None, {
        "unit": county.units["县教育局"], "village": county.villages["白水村"],
        "started_on": D(2028, 5, 10)})
    result = check_duties(ledger, 2028, D(2028, 12, 31))
    late_rows = [r for r in result.pairings if r.subject_id == late.hex]
    periods = {(r.duty, r.period) for r in late_rows}
    assert ("research", "2028年第1季度") not in periods
    assert ("research", "2028年第2季度") in periods
    assert ("training", "2028年上半年") in periods  # the half it began in is owed
    assert ("project", "2028年") in periods
    # a pairing from the year before owes every quarter
    old = {r.period for r in rows(result, "红岩村", "research")}
    assert old == {f"2028年第{q}季度" for q in range(1, 5)}


def test_ended_pairing_owes_nothing_after_it_ended(ledger, county):
    save(ledger, "uv_pairing", county.pairings["青山村"], {
        **records.load(ledger, "uv_pairing", county.pairings["青山村"]),
        "status": "已脱钩", "ended_on": D(2028, 3, 15)})
    result = check_duties(ledger, 2028, D(2028, 12, 31))
    assert set(by_period(result, "青山村", "research")) == {"2028年第1季度"}


def test_cadre_under_and_over_quota_and_visits(ledger, county):
    on = D(2028, 1, 5)
    assign(county, "张县长", "刘一", on)  # 县级 quota 4, holds 1
    assign(county, "王股长", "刘二", on)  # 股级 quota 2, holds 2
    assign(county, "王股长", "陈三", on)
    assign(county, "赵干事", "陈四", on)  # 一般干部 quota 1, holds 2
    assign(county, "赵干事", "周五", on)
    county.visit("王股长", "刘二", D(2028, 3, 1))
    county.visit("王股长", "陈三", D(2028, 4, 1))
    county.visit("赵干事", "陈四", D(2028, 5, 1))
    county.visit("张县长", "陈四", D(2028, 5, 2))  # not his household: does not count for him
    result = check_duties(ledger, 2028, D(2028, 11, 30))
    quota = {r.subject: (r.status, r.due, r.done) for r in result.cadres if r.duty == "quota"}
    assert quota["张县长（县级）"] == (UNDER, 4, 1)
    assert quota["王股长（股级）"] == (MET, 2, 2)
    assert quota["赵干事（一般干部）"] == (OVER, 1, 2)
    assert quota["李科长（科局级）"] == (UNDER, 3, 0)
    visits = {r.subject: (r.status, r.due, r.done) for r in result.cadres if r.duty == "visit"}
    assert visits == {"张县长（县级）": (PENDING, 1, 0), "王股长（股级）": (MET, 2, 2),
                      "赵干事（一般干部）": (PENDING, 2, 1)}
    after = check_duties(ledger, 2028, D(2029, 1, 1))
    late = [r for r in after.cadres if r.duty == "visit" and r.status == OVERDUE]
    assert {r.subject for r in late} == {"张县长（县级）", "赵干事（一般干部）"}
    assert all(r.overdue_since == D(2029, 1, 1) for r in late)


def test_changed_rule_setting_changes_result(ledger, county):
    county.add("research", "红岩村", D(2028, 2, 1))
    assert by_period(check_duties(ledger, 2028, D(2028, 4, 1)), "红岩村",
                     "research")["2028年第1季度"].status == MET
    save_rules(ledger, {"research": {"period": "quarter", "count": 2}})
    q1 = by_period(check_duties(ledger, 2028, D(2028, 4, 1)), "红岩村", "research")["2028年第1季度"]
    assert (q1.status, q1.due, q1.done) == (OVERDUE, 2, 1)
    save_rules(ledger, {"research": {"period": "quarter", "count": 0}})
    assert rows(check_duties(ledger, 2028, D(2028, 4, 1)), "红岩村", "research") == []


def test_bad_rule_setting_is_refused_and_changes_nothing(ledger):
    before = load_rules(ledger)
    with pytest.raises(ValidationError) as err:
        save_rules(ledger, {"research": {"period": "fortnight", "count": 1}})
    assert "周期" in str(err.value)
    with pytest.raises(ValidationError):
        save_rules(ledger, {"training": {"period": "half", "count": -1}})
    assert load_rules(ledger) == before


def test_households_targets_and_stationed(ledger, county):
    assign(county, "王股长", "刘二", D(2028, 1, 5))
    save(ledger, "target", None, {"pairing": county.pairings["红岩村"], "year": 2028,
                                  "category": 1, "description": "修建沼气池20口"})
    save(ledger, "target", None, {"pairing": county.pairings["青山村"], "year": 2028,
                                  "category": 2, "description": "种植蔬菜", "status": "已完成"})
    save(ledger, "stationed", None, {"cadre": county.cadres["赵干事"],
                                     "village": county.villages["白水村"],
                                     "started_on": D(2027, 1, 1), "ended_on": D(2028, 6, 30)})
    result = check_duties(ledger, 2028, D(2028, 11, 30))
    assert {r.subject for r in result.households} == {
        "刘一（红岩村）", "陈三（青山村）", "陈四（白水村）", "周五（白水村）"}
    assert {(r.subject, r.status, r.done) for r in result.targets} == {
        ("县教育局 — 青山村：种植蔬菜", MET, 1), ("县农业局 — 红岩村：修建沼气池20口", PENDING, 0)}
    assert [(r.subject, r.overdue_since) for r in result.stationed] == [
        ("赵干事（白水村，村党支部第一书记）", D(2028, 7, 1))]
    year_end = check_duties(ledger, 2028, D(2029, 1, 1))
    assert sorted(r.status for r in year_end.targets) == [MET, OVERDUE]
    assert [r.subject for r in year_end.problems() if r.duty == "target"] == [
        "县农业局 — 红岩村：修建沼气池20口"]
    township = check_duties(ledger, 2028, D(2028, 11, 30), township_id=county.townships["乙镇"])
    assert {r.subject for r in township.households} == {"陈四（白水村）", "周五（白水村）"}
    assert {r.subject for r in township.pairings} == {"县农业局 — 白水村"}
    assert township.targets == [] and len(township.stationed) == 1
    assert [r.subject for r in check_duties(ledger, 2028, D(2028, 11, 30), county.townships["甲乡"])
            .targets if r.status != MET] == ["县农业局 — 红岩村：修建沼气池20口"]


def test_outcome_is_not_an_activity_but_any_other_kind_is(ledger, county):
    county.add("vegetables", "红岩村", D(2028, 3, 1), area_mu=12.5)
    county.add("symposium", "青山村", D(2028, 3, 1), participants=20)
    result = check_duties(ledger, 2028, D(2028, 12, 31))
    assert by_period(result, "红岩村", "activity")["2028年"].status == PENDING
    assert by_period(result, "青山村", "activity")["2028年"].status == MET


def test_kinds_counting_toward_a_duty_are_a_county_setting(ledger, county):
    """A year recorded with 培训新型农民 and 解决基础设施建设困难 leaves training and projects
    overdue until the county counts those kinds toward them; then the same records meet them."""
    from pairing_desktop.core.duties.settings import duty_kinds, kind_settings
    from tests.activity_data import type_id

    county.add("new_farmers", "红岩村", D(2028, 3, 1), people=60)
    county.add("infrastructure", "红岩村", D(2028, 9, 1), items=2)
    county.add("new_farmers", "红岩村", D(2028, 10, 1), people=35)
    on = D(2029, 1, 1)
    before = check_duties(ledger, 2028, on)
    assert {r.status for r in rows(before, "红岩村", "training")} == {OVERDUE}
    assert {r.status for r in rows(before, "红岩村", "project")} == {OVERDUE}
    save_rules(ledger, {}, duties={type_id(ledger, "new_farmers"): "training",
                                   type_id(ledger, "infrastructure"): "project"})
    after = check_duties(ledger, 2028, on)
    assert {(r.period, r.status, r.done) for r in rows(after, "红岩村", "training")} == {
        ("2028年上半年", MET, 1), ("2028年下半年", MET, 1)}
    assert [(r.status, r.done) for r in rows(after, "红岩村", "project")] == [(MET, 1)]
    assert {r.status for r in rows(after, "青山村", "training")} == {OVERDUE}  # no records
    lines = dict(duty_kinds(kind_settings(ledger)))
    assert lines["实用技术培训"] == ["实用技术培训", "培训新型农民"]
    assert lines["办实事"] == ["办实事", "解决基础设施建设困难"]
    with pytest.raises(ValidationError, match="对应职责"):
        save_rules(ledger, {}, duties={type_id(ledger, "symposium"): "party"})
    assert dict(duty_kinds(kind_settings(ledger))) == lines
    undo(ledger)  # one operation in the history: undone at once
    assert dict(duty_kinds(kind_settings(ledger)))["实用技术培训"] == ["实用技术培训"]
    assert {r.status for r in rows(check_duties(ledger, 2028, on), "红岩村", "training")} == {
        OVERDUE}


def test_no_cadre_owes_households_before_their_unit_is_paired(ledger, county):
    """The pairings began on 2027-06-01: the check of 2026 lists no cadre at all, and 2027's
    lists every cadre of a paired unit."""
    before = check_duties(ledger, 2026, D(2027, 1, 1))
    assert before.cadres == []
    assert before.summary().get(("quota", UNDER), 0) == 0
    during = check_duties(ledger, 2027, D(2028, 1, 1))
    assert {r.subject for r in during.cadres if r.duty == "quota"} == {
        "张县长（县级）", "李科长（科局级）", "王股长（股级）", "赵干事（一般干部）"}
    ended = D(2027, 12, 31)
    for village in ("红岩村", "白水村"):  # 县农业局's pairings end with 2027
        save(ledger, "uv_pairing", county.pairings[village], {"ended_on": ended,
                                                               "status": "已脱钩"})
    later = check_duties(ledger, 2028, D(2028, 6, 1))
    assert {r.subject for r in later.cadres if r.duty == "quota"} == {
        "王股长（股级）", "赵干事（一般干部）"}
