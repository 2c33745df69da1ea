"""A month and day alone are the latest such day up to today: paper records of last December
typed in January keep their year, through every path that reads a date (the Date kind)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pairing_desktop.core import validation as V
from pairing_desktop.core.entities import ENTITIES
from pairing_desktop.core.fields import Date


def test_december_typed_in_january_is_last_december():
    assert V.parse_date("12-25", today=dt.date(2027, 1, 10)) == dt.date(2026, 12, 25)
    assert V.parse_date("12月25日", today=dt.date(2027, 1, 10)) == dt.date(2026, 12, 25)
    assert V.parse_date("1-10", today=dt.date(2027, 1, 10)) == dt.date(2027, 1, 10)


def test_the_date_kind_reads_it_so():
    """The activity form, the importer and the command line all read a date through the Date
    kind of the field: 12-25 is never a date still to come."""
    day = ENTITIES["activity"].field("date").kind.parse("12-25")
    assert isinstance(ENTITIES["activity"].field("date").kind, Date)
    today = dt.date.today()
    assert day <= today and (day.month, day.day) == (12, 25)
    assert (today - day).days < 366


@given(today=st.dates(min_value=dt.date(1951, 1, 1), max_value=dt.date(2099, 12, 31)),
       month=st.integers(1, 12), day=st.integers(1, 31), sep=st.sampled_from(["-", "/", "."]))
def test_month_and_day_are_the_latest_such_day_up_to_today(today, month, day, sep):
    year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    try:
        expected = dt.date(year, month, day)
    except ValueError:
        with pytest.raises(ValueError, match="不存在"):
            V.parse_date(f"{month}{sep}{day}", today=today)
        return
    parsed = V.parse_date(f"{month}{sep}{day}", today=today)
    assert parsed == expected
    assert parsed <= today
    assert (today - parsed).days < 366


@given(today=st.dates(min_value=dt.date(1951, 1, 1), max_value=dt.date(2099, 12, 31)),
       back=st.integers(0, 364))
def test_any_day_of_the_last_year_is_reached_by_month_and_day(today, back):
    day = today - dt.timedelta(days=back)
    assert V.parse_date(f"{day.month}-{day.day}", today=today) == day
