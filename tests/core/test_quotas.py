"""The "4321" quota: computed from the assignments against the county's editable Rank table."""

from __future__ import annotations

import datetime as dt

import pytest

from pairing_desktop.core import records
from pairing_desktop.core.rules.quotas import MET, OVER, UNDER, QuotaList, UnassignedHouseholds
from pairing_desktop.core.rules.quotas import quota_of as held_of
from tests.helpers import id_number


@pytest.fixture
def people(unit, village, ranks):
    """A county-level leader (quota 4), an ordinary cadre (quota 1) and five poor households."""
    leader = records.save("cadre", None, {"unit": unit, "name": "张德明", "rank": ranks["县级"]})
    clerk = records.save("cadre", None, {"unit": unit, "name": "何静", "rank": ranks["一般干部"]})
    homes = [records.save("household", None, {"village": village, "head_name": f"户主{n}",
                                              "id_number": id_number("19600101", f"{n:02d}1")})
             for n in range(5)]
    return leader, clerk, homes


def assign(cadre, household, ended_on=None):
    return records.save("assignment", None, {"cadre": cadre, "household": household,
                                             "started_on": "2008-01-05", "ended_on": ended_on})


def states() -> dict[str, tuple[int, int, str]]:
    """name -> (quota, held, state), as the quota list shows them."""
    return {row[1]: (row[4], row[5], row[6]) for row in QuotaList().page(limit=100)}


def test_states_follow_the_assignments(people):
    leader, clerk, homes = people
    assert states() == {"张德明": (4, 0, UNDER), "何静": (1, 0, UNDER)}
    for home in homes[:4]:
        assign(leader, home)
    assign(clerk, homes[4])
    assert states() == {"张德明": (4, 4, MET), "何静": (1, 1, MET)}


def test_more_households_than_the_quota_is_over(people):
    _leader, clerk, homes = people
    assign(clerk, homes[0])
    assign(clerk, homes[1])
    assert states()["何静"] == (1, 2, OVER)
    assert [row[1] for row in QuotaList(OVER).page()] == ["何静"]
    assert QuotaList(UNDER).count() == 1 and QuotaList(MET).count() == 0


def test_closed_and_deleted_assignments_do_not_count(people):
    _leader, clerk, homes = people
    assign(clerk, homes[0], ended_on="2008-03-01")
    records.delete("assignment", assign(clerk, homes[1]))
    assert states()["何静"] == (1, 0, UNDER)
    assert held_of(clerk) == (1, 0)


def test_the_quota_is_data_changing_a_rank_changes_the_result(people, ranks):
    _leader, clerk, homes = people
    assign(clerk, homes[0])
    assert states()["何静"] == (1, 1, MET)
    rank = records.load("rank", ranks["一般干部"])
    records.save("rank", ranks["一般干部"], {**rank, "quota": 2})  # a "54321"-style county
    assert states()["何静"] == (2, 1, UNDER)
    assert held_of(clerk) == (2, 1)


def test_quota_list_searches_and_filters_by_unit(people, unit, ranks):
    other = records.save("unit", None, {"name": "县交通局", "level": "县直"})
    records.save("cadre", None, {"unit": other, "name": "张红", "rank": ranks["股级"]})
    assert QuotaList().count("张") == 2
    assert QuotaList().count("交通") == 1
    assert QuotaList(unit_id=unit).count() == 2
    names = [row[1] for row in QuotaList().page(sort=3, descending=True)]  # by quota
    assert names == ["张德明", "张红", "何静"]


def test_unassigned_households_are_those_without_an_open_assignment(people, village):
    leader, _clerk, homes = people
    unassigned = UnassignedHouseholds()
    assert unassigned.count() == 5
    assign(leader, homes[0])
    assign(leader, homes[1], ended_on="2008-02-01")  # closed: the household has no cadre again
    out = records.load("household", homes[2])
    records.save("household", homes[2], {**out, "status": "已脱贫", "out_of_poverty_year": 2008})
    rows = unassigned.page()
    assert [row[1] for row in rows] == ["户主1", "户主3", "户主4"]
    assert rows[0][2] == "新寨村"
    assert unassigned.count() == 3
    assert unassigned.count("户主4") == 1 and unassigned.count("新寨") == 3


def test_a_reassigned_household_is_not_unassigned(people):
    from pairing_desktop.core.rules.assignments import reassign

    leader, clerk, homes = people
    assign(leader, homes[0])
    reassign(homes[0], clerk, dt.date(2008, 6, 1))
    assert "户主0" not in [row[1] for row in UnassignedHouseholds().page()]
    assert states() == {"张德明": (4, 0, UNDER), "何静": (1, 1, MET)}
