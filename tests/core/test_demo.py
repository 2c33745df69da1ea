"""The demo county: deterministic, at the seed's scale, and obeying every rule of the ledger."""

from __future__ import annotations

import datetime as dt

import pytest

from pairing_desktop.core import records
from pairing_desktop.core.demo import build_demo_county
from pairing_desktop.core.entities import ENTITIES
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.rules.quotas import OVER, QuotaList, UnassignedHouseholds
from pairing_desktop.core.validation import check_id_number, check_phone

TODAY = dt.date(2008, 11, 8)


def build(path, seed=2007):
    """Build a demo file; return its counts and the names and ID numbers of its people."""
    with open_ledger(path) as ledger:
        counts = build_demo_county(ledger, seed=seed, today=TODAY)
        people = {table: ledger.execute(f"SELECT id, {name}, id_number FROM {table} ORDER BY id")
                  for table, name in (("cadre", "name"), ("household", "head_name"),
                                      ("farmer_party_member", "name"))}
        places = {table: ledger.execute(f"SELECT id, name FROM {table} ORDER BY id")
                  for table in ("township", "village", "unit")}
    return counts, people, places


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """One demo county, opened, shared by the read-only checks below: (ledger, counts)."""
    ledger = open_ledger(tmp_path_factory.mktemp("demo") / "demo.db")
    counts = build_demo_county(ledger, today=TODAY)
    yield ledger, counts
    ledger.close()


@pytest.fixture
def demo(county) -> dict[str, int]:
    return county[1]


@pytest.fixture
def ledger(county):
    """The demo county's ledger (instead of an empty one)."""
    return county[0]


@pytest.fixture
def sql(ledger):
    return ledger.execute


def test_same_seed_gives_the_same_county(tmp_path):
    first = build(tmp_path / "a.db")
    assert build(tmp_path / "b.db") == first
    counts, people, _places = build(tmp_path / "c.db", seed=2008)
    assert counts["cadre"] == first[0]["cadre"]
    assert people["cadre"] != first[1]["cadre"]  # another seed, other people


def test_scale_of_the_seed_report(ledger, sql, demo):
    assert demo["township"] == 28
    assert demo["cadre"] == 1032
    assert demo["farmer"] == 2135 and demo["pm_pairing"] == 2135
    assert demo["stationed"] == 75
    assert demo["uv_pairing"] == 83 and demo["ut_pairing"] == 28
    assert 2000 <= demo["household"] <= 5000
    assert sql("SELECT level, COUNT(*) FROM unit GROUP BY level ORDER BY level") == [
        ("县直", 69), ("地直", 14)]
    assert sql("SELECT COUNT(*) FROM village WHERE poverty_class = '一类贫困村'") == [(83,)]
    assert demo["village"] <= 123
    assert demo == records.counts(ledger)


def test_names_look_chinese_and_villages_end_in_cun(sql, demo):
    towns = [name for (name,) in sql("SELECT name FROM township")]
    assert all(name[-1] in "镇乡" for name in towns)
    assert all(name.endswith("村") for (name,) in sql("SELECT name FROM village"))
    names = [name for (name,) in sql("SELECT name FROM cadre")]
    assert all(2 <= len(name) <= 3 and all("\u4e00" <= c <= "\u9fff" for c in name)
               for name in names)
    assert all(org == f"中共{name}党支部" for name, org in sql("SELECT name, party_org FROM unit"))


def test_every_village_is_paired_once_by_a_county_unit(sql, demo):
    assert sql("""SELECT COUNT(DISTINCT p.village_id), COUNT(DISTINCT p.unit_id)
                  FROM unit_village_pairing p JOIN unit u ON u.id = p.unit_id
                  JOIN village v ON v.id = p.village_id
                  WHERE u.level = '县直' AND v.poverty_class = '一类贫困村'""") == [(83, 69)]
    assert sql("""SELECT COUNT(DISTINCT township_id), COUNT(DISTINCT p.unit_id)
                  FROM unit_township_pairing p JOIN unit u ON u.id = p.unit_id
                  WHERE u.level = '地直'""") == [(28, 14)]


def test_party_member_pairings_give_each_cadre_one_to_three(sql, demo):
    loads = [n for (n,) in sql("SELECT COUNT(*) FROM party_member_pairing GROUP BY cadre_id")]
    assert len(loads) == 1032 and min(loads) >= 1 and max(loads) == 3
    assert sql("SELECT COUNT(DISTINCT farmer_id) FROM party_member_pairing") == [(2135,)]


def test_stationed_cadres_are_reserve_cadres_in_paired_villages(sql, demo):
    assert sql("""SELECT COUNT(*) FROM stationed_cadre s JOIN cadre c ON c.id = s.cadre_id
                  JOIN village v ON v.id = s.village_id
                  WHERE c.reserve AND v.poverty_class = '一类贫困村'""") == [(75,)]


def test_assignments_respect_the_rank_quotas(ledger, sql, demo):
    over = sql("""SELECT c.name, r.quota, COUNT(a.id) FROM cadre c JOIN rank r ON r.id = c.rank_id
                  JOIN assignment a ON a.cadre_id = c.id AND a.ended_on IS NULL
                  GROUP BY c.id HAVING COUNT(a.id) > r.quota""")
    assert over == []
    assert QuotaList(ledger, OVER).count() == 0
    assert sql("""SELECT COUNT(*) FROM (SELECT household_id FROM assignment
                  WHERE ended_on IS NULL GROUP BY household_id HAVING COUNT(*) > 1)""") == [(0,)]
    ranks = dict(sql("SELECT r.name, COUNT(*) FROM cadre c JOIN rank r ON r.id = c.rank_id"
                     " GROUP BY r.name"))
    assert ranks["县级"] < ranks["科局级"] < ranks["股级"]


def test_some_households_wait_for_a_cadre_and_some_changed_hands(ledger, sql, demo):
    assert 0 < UnassignedHouseholds(ledger).count() < demo["household"] // 5
    assert sql("SELECT COUNT(*) FROM assignment WHERE ended_on IS NOT NULL")[0][0] > 0


def test_every_id_number_is_valid_unique_and_matches_the_gender(sql, demo):
    numbers = [n for table in ("cadre", "household", "farmer_party_member")
               for (n,) in sql(f"SELECT id_number FROM {table} WHERE id_number IS NOT NULL")]
    assert len(numbers) > 5000
    assert [n for n in numbers if check_id_number(n, today=TODAY)] == []
    assert len(set(numbers)) == len(numbers)
    for number, gender in sql("SELECT id_number, gender FROM cadre"):
        assert gender == ("男" if int(number[16]) % 2 else "女")


def test_every_phone_is_valid(sql, demo):
    phones = [p for table, col in (("cadre", "phone"), ("household", "phone"),
                                   ("unit", "contact_phone"), ("village", "secretary_phone"))
              for (p,) in sql(f"SELECT {col} FROM {table} WHERE {col} IS NOT NULL")]
    assert phones and [p for p in phones if check_phone(p)] == []


@pytest.mark.parametrize("entity", [k for k in ENTITIES if k not in (
    "target", "activity_type", "activity")])
def test_demo_records_pass_the_records_service_checks(ledger, sql, demo, entity):
    """A sample of every kind saves unchanged: the demo obeys the same rules as the clerks."""
    source = records.EntityList(ledger, entity)
    rows = source.page(limit=40)
    assert rows
    for row in rows:
        values = records.load(ledger, entity, row[0])
        records.validate(ledger, entity, values, row[0])
