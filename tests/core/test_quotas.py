"""The "4321" quota: computed from the assignments against the county's editable Rank table."""

from __future__ import annotations

import datetime as dt

import pytest

from pairing_desktop.core import operations as ops
from pairing_desktop.core import records
from pairing_desktop.core.rules.quotas import MET, OVER, UNDER, QuotaList, UnassignedHouseholds
from pairing_desktop.core.rules.quotas import quota_of as held_of
from tests.helpers import id_number, save

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server


@pytest.fixture
def people(ledger, unit, village, ranks):
    """A county-level leader (quota 4), an ordinary cadre (quota 1) and five poor households."""
    leader = save(ledger, "cadre", None, {"unit": unit, "name": "张德明", "rank": ranks["县级"]})
    clerk = save(ledger, "cadre", None, {"unit": unit, "name": "何静", "rank": ranks["一般干部"]})
    homes = [save(ledger, "household", None, {"village": village, "head_name": f"户主{n}",
                                              "id_number": id_number("19600101", f"{n:02d}1")})
             for n in range(5)]
    return leader, clerk, homes


def assign(ledger, cadre, household, ended_on=None):
    return save(ledger, "assignment", None, {"cadre": cadre, "household": household,
                                             "started_on": "2008-01-05", "ended_on": ended_on})


def states(ledger) -> dict[str, tuple[int, int, str]]:
    """name -> (quota, held, state), as the quota list shows them."""
    return {row[1]: (row[4], row[5], row[6]) for row in QuotaList(ledger).page(limit=100)}


def test_states_follow_the_assignments(ledger, people):
    leader, clerk, homes = people
    assert states(ledger) == {"张德明": (4, 0, UNDER), "何静": (1, 0, UNDER)}
    for home in homes[:4]:
        assign(ledger, leader, home)
    assign(ledger, clerk, homes[4])
    assert states(ledger) == {"张德明": (4, 4, MET), "何静": (1, 1, MET)}


def test_more_households_than_the_quota_is_over(ledger, people):
    _leader, clerk, homes = people
    assign(ledger, clerk, homes[0])
    assign(ledger, clerk, homes[1])
    assert states(ledger)["何静"] == (1, 2, OVER)
    assert [row[1] for row in QuotaList(ledger, OVER).page()] == ["何静"]
    assert QuotaList(ledger, UNDER).count() == 1 and QuotaList(ledger, MET).count() == 0


def test_closed_and_deleted_assignments_do_not_count(ledger, people):
    _leader, clerk, homes = people
    assign(ledger, clerk, homes[0], ended_on="2008-03-01")
    ops.delete(ledger, "assignment", assign(ledger, clerk, homes[1]))
    assert states(ledger)["何静"] == (1, 0, UNDER)
    assert held_of(ledger, clerk) == (1, 0)


def test_the_quota_is_data_changing_a_rank_changes_the_result(ledger, people, ranks):
    _leader, clerk, homes = people
    assign(ledger, clerk, homes[0])
    assert states(ledger)["何静"] == (1, 1, MET)
    rank = records.load(ledger, "rank", ranks["一般干部"])
    save(ledger, "rank", ranks["一般干部"], {**rank, "quota": 2})  # a "54321"-style county
    assert states(ledger)["何静"] == (2, 1, UNDER)
    assert held_of(ledger, clerk) == (2, 1)


def test_quota_list_searches_and_filters_by_unit(ledger, people, unit, ranks):
    other = save(ledger, "unit", None, {"name": "县交通局", "level": "县直"})
    save(ledger, "cadre", None, {"unit": other, "name": "张红", "rank": ranks["股级"]})
    assert QuotaList(ledger).count("张") == 2
    assert QuotaList(ledger).count("交通") == 1
    assert QuotaList(ledger, unit_id=unit).count() == 2
    names = [row[1] for row in QuotaList(ledger).page(sort=3, descending=True)]  # by quota
    assert names == ["张德明", "张红", "何静"]


def test_unassigned_households_are_those_without_an_open_assignment(ledger, people, village):
    leader, _clerk, homes = people
    unassigned = UnassignedHouseholds(ledger)
    assert unassigned.count() == 5
    assign(ledger, leader, homes[0])
    assign(ledger, leader, homes[1], ended_on="2008-02-01")  # closed: no cadre again
    out = records.load(ledger, "household", homes[2])
    save(ledger, "household", homes[2], {**out, "status": "已脱贫", "out_of_poverty_year": 2008})
    rows = unassigned.page()
    assert [row[1] for row in rows] == ["户主1", "户主3", "户主4"]
    assert rows[0][2] == "新寨村"
    assert unassigned.count() == 3
    assert unassigned.count("户主4") == 1 and unassigned.count("新寨") == 3


def test_a_reassigned_household_is_not_unassigned(ledger, people):

    leader, clerk, homes = people
    assign(ledger, leader, homes[0])
    ops.reassign(ledger, homes[0], clerk, dt.date(2008, 6, 1))
    assert "户主0" not in [row[1] for row in UnassignedHouseholds(ledger).page()]
    assert states(ledger) == {"张德明": (4, 0, UNDER), "何静": (1, 1, MET)}
