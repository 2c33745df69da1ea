"""Pure checks of single values. Each returns None when the value is fine, else a Chinese message.

Messages name the problem; the caller prefixes the field's label.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
import unicodedata

from pairing_desktop.core.i18n import mark, tr, translated

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_FORM = re.compile(r"[0-9]{17}[0-9X]")  # not isdigit(): "²" is a digit to it
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}(-\d{1,5})?")
# the ways clerks write a date: 2008-1-5, 2008/1/5, 2008.1.5 (one separator throughout),
# 2008年1月5日 and 20080105
_DATE_FORMS = (
    re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})"),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
# month and day alone mean the latest such day up to today: a clerk entering this week's
# records types 3-5, and 12-25 typed in January is last Christmas, never a future date
_RECENT_FORMS = (
    re.compile(r"(\d{1,2})([-/.])(\d{1,2})"),
    re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日?"),
)
ID_CHECK_FAILED = mark("号码未通过校验，可能有数字输错或前后颠倒，请对照身份证逐位核对")
DATE_FORMAT_HINT = mark("日期格式应为 2008-01-05（也可写 2008/1/5、2008.1.5、20080105、"
                        "2008年1月5日，近一年内的日期可只写 3-5）")


def id_check_digit(first17: str) -> str:
    """The GB 11643-1999 check character of the first 17 digits of an ID number."""
    total = sum(map(operator.mul, map(int, first17), _ID_WEIGHTS))  # 3x a generator's speed
    return _ID_CHECK[total % 11]


def id_birth_date(id_number: str) -> dt.date | None:
    """The birth date encoded in an 18-character ID number, or None if impossible."""
    try:
        return dt.date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    except ValueError:
        return None


def check_id_number(value: str, today: dt.date | None = None) -> str | None:
    """GB 11643: 17 digits, a check character (digit or X), a real birth date not in the future."""
    value = value.strip().upper()
    if len(value) != 18:
        return tr("应为18位，现为{n}位").format(n=len(value))
    if not _ID_FORM.fullmatch(value):
        return tr("前17位应为数字，最后一位为数字或X")
    birth = id_birth_date(value)
    today = today or dt.date.today()
    if birth is None or birth > today or birth.year < 1900:
        return tr("出生日期 {date} 不存在").format(date=value[6:14])
    if value[17] != id_check_digit(value[:17]):
        # never the expected last character: the typing error may be in any digit, and a
        # clerk told "the last should be 7" changes the last one and saves a wrong number
        return translated(ID_CHECK_FAILED)
    return None


def normalize_id_number(value: str) -> str:
    return value.strip().upper()


def check_phone(value: str) -> str | None:
    """An 11-digit mobile number, or a landline with its area code (0857-1234567)."""
    value = value.strip().replace(" ", "")
    if _MOBILE.fullmatch(value) or _LANDLINE.fullmatch(value):
        return None
    return tr("应为11位手机号，或带区号的固定电话（如 0857-4221234）")


def check_non_negative(value: float) -> str | None:
    return tr("不能为负数") if value < 0 else None


def check_year(value: int) -> str | None:
    return None if 1949 <= value <= 2100 else tr("年份不合理（应在1949至2100之间）")


def recent_year(month: int, day: int, today: dt.date) -> int:
    """The year of the latest month-day up to today: this year's, or last year's when this
    year's is still to come (paper records are entered after the fact)."""
    return today.year - 1 if (month, day) > (today.month, today.day) else today.year


def parse_date(text: str, today: dt.date | None = None) -> dt.date:
    """A typed date in any of the forms clerks use (full-width digits too, from a Chinese input
    method); ValueError with the message otherwise. GUI, importer and command line share it."""
    text = unicodedata.normalize("NFKC", text).strip()
    for form in _DATE_FORMS:
        match = form.fullmatch(text)
        if match:
            year, month, day = (int(g) for g in match.groups() if g.isdigit())
            break
    else:
        for form in _RECENT_FORMS:
            match = form.fullmatch(text)
            if match:
                month, day = (int(g) for g in match.groups() if g.isdigit())
                year = recent_year(month, day, today or dt.date.today())
                break
        else:
            raise ValueError(translated(DATE_FORMAT_HINT))
    message = check_year(year)
    if message:
        raise ValueError(message)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(tr("{year}年{month}月{day}日不存在").format(
            year=year, month=month, day=day)) from None


def said_date(day: dt.date) -> str:
    """A day inside a message: 2008年1月5日 in Chinese, as the interface's language writes it
    otherwise (letters and reports keep `cn_date`)."""
    return tr("{year}年{month}月{day}日").format(year=day.year, month=day.month, day=day.day)


def cn_date(day: dt.date) -> str:
    """2008年1月5日: Arabic numerals, no zero padding, as GB/T 9704 prints dates (strftime's %-d
    fails on Windows)."""
    return f"{day.year}年{day.month}月{day.day}日"
