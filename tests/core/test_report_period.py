"""A report's period: parts of a year end on the right day (leap February, December), typed dates
are read as the forms read them, and a bad period is refused naming its field."""

from __future__ import annotations

import datetime as dt

import pytest

from pairing_desktop.core.errors import ValidationError
from pairing_desktop.core.reports.period import parse_period, year_part

D = dt.date


@pytest.mark.parametrize(("year", "part", "expected"), [
    (2025, "year", (D(2025, 1, 1), D(2025, 12, 31))),
    (2024, "q1", (D(2024, 1, 1), D(2024, 3, 31))),
    (2025, "q2", (D(2025, 4, 1), D(2025, 6, 30))),
    (2025, "q4", (D(2025, 10, 1), D(2025, 12, 31))),
    (2025, "h1", (D(2025, 1, 1), D(2025, 6, 30))),
    (2025, "h2", (D(2025, 7, 1), D(2025, 12, 31))),
])
def test_year_parts(year, part, expected):
    assert year_part(year, part) == expected


def test_year_out_of_range():
    with pytest.raises(ValidationError) as caught:
        year_part(1900)
    assert caught.value.errors == {"year": "年度：年份不合理（应在1949至2100之间）"}


def test_typed_period():
    assert parse_period("２０２５年４月１日", "2025/9/30") == (D(2025, 4, 1), D(2025, 9, 30))
    assert parse_period("3-1", "3-1", today=D(2024, 7, 1)) == (D(2024, 3, 1), D(2024, 3, 1))


@pytest.mark.parametrize(("text_from", "text_to", "errors"), [
    ("2025-09-30", "2025-04-01", {"date_to": "结束日期：不能早于开始日期"}),
    ("2025-02-29", "", {"date_from": "开始日期：2025年2月29日不存在",
                        "date_to": "结束日期：请填写"}),
    ("2025-01-01", "1800-01-01", {"date_to": "结束日期：年份不合理（应在1949至2100之间）"}),
])
def test_bad_period(text_from, text_to, errors):
    with pytest.raises(ValidationError) as caught:
        parse_period(text_from, text_to)
    assert caught.value.errors == errors
