"""The period a report covers: a whole year, a part of one, or two typed dates. The report page
and the command line both come here, so a period is read and refused the same way everywhere."""

from __future__ import annotations

import datetime as dt

from pairing_desktop.core.errors import ValidationError
from pairing_desktop.core.i18n import tr
from pairing_desktop.core.validation import check_year, parse_date

# Parts of a year a report is often asked for: code -> (first month, last month).
YEAR_PARTS = {"year": (1, 12), "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12),
              "h1": (1, 6), "h2": (7, 12)}


def check_period(date_from: dt.date, date_to: dt.date) -> None:
    if date_to < date_from:
        raise ValidationError({"date_to": tr("结束日期：不能早于开始日期")})


def year_part(year: int, part: str = "year") -> tuple[dt.date, dt.date]:
    """First and last day of a part of a year (`YEAR_PARTS`)."""
    message = check_year(year)
    if message:
        raise ValidationError({"year": tr("年度：{problem}").format(problem=message)})
    first, last = YEAR_PARTS[part]
    after = dt.date(year + 1, 1, 1) if last == 12 else dt.date(year, last + 1, 1)
    return dt.date(year, first, 1), after - dt.timedelta(days=1)


def parse_period(text_from: str, text_to: str,
                 today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """Two typed dates to a period; every problem named by its field, as the forms do."""
    errors: dict[str, str] = {}
    dates: dict[str, dt.date] = {}
    for name, label, text in (("date_from", tr("开始日期"), text_from),
                              ("date_to", tr("结束日期"), text_to)):
        if not text.strip():
            errors[name] = tr("{field}：请填写").format(field=label)
            continue
        try:
            dates[name] = parse_date(text, today)
        except ValueError as exc:
            errors[name] = tr("{field}：{problem}").format(field=label, problem=exc)
    if errors:
        raise ValidationError(errors)
    check_period(dates["date_from"], dates["date_to"])
    return dates["date_from"], dates["date_to"]
