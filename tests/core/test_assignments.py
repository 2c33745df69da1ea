"""One responsible cadre per household at a time; a change closes the old assignment, never
overwrites it, so the history stays."""

from __future__ import annotations

import datetime as dt

import peewee
import pytest

from pairing_desktop.core import operations as ops
from pairing_desktop.core import records
from pairing_desktop.core.errors import ValidationError
from pairing_desktop.core.storage.models import Assignment
from tests.helpers import dump, id_number, save

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server


@pytest.fixture
def other_cadre(ledger, unit, ranks):
    return save(ledger, "cadre", None, {"unit": unit, "name": "吴秀兰", "gender": "女",
                                        "id_number": id_number("19850302", "048"),
                                        "rank": ranks["一般干部"]})


@pytest.fixture
def first(ledger, cadre, household):
    return save(ledger, "assignment", None, {"cadre": cadre, "household": household,
                                             "started_on": "2008-01-05"})


def history(ledger, household):
    """(cadre, started_on, ended_on) of a household's assignments, oldest first."""
    with ledger.bound():
        return list(Assignment.live(Assignment.cadre, Assignment.started_on, Assignment.ended_on)
                    .where(Assignment.household == household)
                    .order_by(Assignment.started_on, Assignment.ended_on.is_null()).tuples())


def test_second_open_assignment_is_refused_until_the_first_is_closed(ledger, first, other_cadre,
                                                                     household):
    before = dump(ledger)
    with pytest.raises(ValidationError) as info:
        save(ledger, "assignment", None, {"cadre": other_cadre, "household": household,
                                          "started_on": "2008-06-01"})
    assert info.value.errors["household"].startswith("贫困户：已由 刘建国 负责（帮扶中）")
    assert "请先填写原结对的结束日期" in info.value.errors["household"]
    assert dump(ledger) == before


def test_after_closing_the_first_a_new_assignment_keeps_the_history(ledger, first, cadre,
                                                                    other_cadre, household):
    values = records.load(ledger, "assignment", first)
    save(ledger, "assignment", first, {**values, "ended_on": "2008-05-31"})
    save(ledger, "assignment", None, {"cadre": other_cadre, "household": household,
                                      "started_on": "2008-06-01"})
    assert history(ledger, household) == [
        (cadre, dt.date(2008, 1, 5), dt.date(2008, 5, 31)),
        (other_cadre, dt.date(2008, 6, 1), None),
    ]


def test_an_end_before_the_start_is_refused(ledger, first):
    values = records.load(ledger, "assignment", first)
    with pytest.raises(ValidationError) as info:
        save(ledger, "assignment", first, {**values, "ended_on": "2007-12-31"})
    assert info.value.errors == {"ended_on": "结束日期：不能早于开始日期"}


def test_the_database_itself_refuses_a_second_open_assignment(ledger, first, other_cadre,
                                                              household):
    """The partial unique index holds even for a write that skips the records service."""
    with pytest.raises(peewee.IntegrityError), ledger.bound():
        Assignment.create(cadre=other_cadre, household=household, started_on=dt.date(2008, 6, 1))


def test_reassign_closes_the_old_assignment_and_opens_a_new_one(ledger, first, cadre, other_cadre,
                                                                household):
    new_id = ops.reassign(ledger, household, other_cadre, dt.date(2008, 9, 1)).record_id
    assert history(ledger, household) == [
        (cadre, dt.date(2008, 1, 5), dt.date(2008, 9, 1)),
        (other_cadre, dt.date(2008, 9, 1), None),
    ]
    with ledger.bound():
        assert Assignment.get_by_id(new_id).cadre_id == other_cadre


def test_reassign_to_the_same_cadre_is_refused_and_changes_nothing(ledger, first, cadre, household):
    before = dump(ledger)
    with pytest.raises(ValidationError) as info:
        ops.reassign(ledger, household, cadre, dt.date(2008, 9, 1))
    assert info.value.errors == {"cadre": "帮扶干部：该户已由此干部负责"}
    assert dump(ledger) == before


def test_reassign_of_a_household_without_a_cadre_just_opens_one(ledger, other_cadre, household):
    ops.reassign(ledger, household, other_cadre, dt.date(2008, 9, 1))
    assert history(ledger, household) == [(other_cadre, dt.date(2008, 9, 1), None)]


def test_reassign_before_the_current_start_is_refused_whole(ledger, first, other_cadre, household):
    """Closing the old assignment fails (end before start), so no new one is opened either."""
    before = dump(ledger)
    with pytest.raises(ValidationError):
        ops.reassign(ledger, household, other_cadre, dt.date(2007, 1, 1))
    assert dump(ledger) == before
