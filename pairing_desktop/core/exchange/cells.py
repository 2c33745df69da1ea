"""What a spreadsheet cell holds, as the value a field's kind reads.

A workbook gives numbers as floats, dates as dates (or as serial numbers, when the cell lost its
date format), and text as typed; a CSV gives text only. These functions turn a cell into what
the kind's `parse` expects (text for most), and refuse what cannot be trusted: an ID number that
Excel stored as a number has lost its last digits (5.22423197003151E+17), so it is an error
naming the cell, never a guess.

Pure functions, property-tested (tests/core/test_import_cells.py).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Any

from pairing_desktop.core import validation as V
from pairing_desktop.core.fields import (
    Bool,
    Choice,
    Date,
    Float,
    IdNumber,
    Int,
    Kind,
    MultiChoice,
    Numbered,
    Phone,
    half_width,
)
from pairing_desktop.core.i18n import tr, translated

# Excel counts days from 1899-12-30 (its serial 60 is the 29 February 1900 that never was; the
# dates a ledger holds, after 1949, are all past it). 1949-01-01 is 17,899; 2100-12-31 is 73,415.
EXCEL_EPOCH = dt.date(1899, 12, 30)
SERIAL_RANGE = (17_899, 73_415)
# text after the day that says only "midnight": 2008/1/5 0:00 as Excel and WPS write a date
# into a CSV, 2008-01-05 00:00:00 as a program does, 2008-01-05T00:00
_MIDNIGHT = re.compile(r"(.*?\d)(?:[ T]+0{1,2}:00(?::00(?:\.0+)?)?)?")
# digits that a number lost: more than 15 significant digits cannot survive a float
FLOAT_DIGITS = 15
TRUE_WORDS = frozenset({"是", "1", "true", "yes", "y", "√", "✓", "对", "有"})
FALSE_WORDS = frozenset({"否", "0", "false", "no", "n", "×", "✗", "无", "不是"})
FORMULA_START = ("=", "+", "-", "@")


class CellError(ValueError):
    """A cell that cannot be read as its column's kind; the message names the problem."""


def is_blank(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, str) and not clean(value))


_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060\ufeff]")


def clean(text: str) -> str:
    """Text as compared: no non-breaking or zero-width spaces around it, full-width ASCII and
    the ideographic space folded (NFKC would also fold Chinese punctuation; see fields)."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        text = _ZERO_WIDTH.sub("", half_width(text.replace("\u00a0", " ")))
    return text.strip()


def number_text(value: float | int) -> str:
    """A whole number as its digits (3.0 → "3"), another as it reads (2.5 → "2.5")."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _unquote(text: str) -> str:
    """A leading apostrophe is Excel's "this is text" mark, kept by some tools as a character."""
    return text[1:] if text.startswith("'") else text


def id_number_cell(value: Any) -> str:
    """An ID number's cell as text. A number is refused: Excel keeps 15 significant digits, so
    an 18-digit number has lost its last ones (and any X)."""
    if isinstance(value, (bool, int, float)):
        raise CellError(tr("被 Excel 存成了数字（{number}），"
                        "后几位已丢失；"
                        "请把这一列设为“文本”后重新填写，或在号码前加英文单引号 '").format(
                            number=_excel_shown(value) or number_text(value)))
    if isinstance(value, (dt.date, dt.time)):
        raise CellError(tr("是日期，不是身份证号"))
    text = clean(_unquote(clean(str(value))))
    if re.fullmatch(r"\d(\.\d+)?[Ee]\+\d+", text):
        raise CellError(tr("是科学计数法（{number}），后几位已丢失；请把这一列设为“文本”后重新填写")
                        .format(number=text))
    return text


def _excel_shown(value: float | int) -> str:
    """A large number as Excel shows it in a narrow cell: 5.22423197003151E+17."""
    if not isinstance(value, float) or abs(value) < 1e11 or not math.isfinite(value):
        return ""
    mantissa, exponent = f"{value:.14E}".split("E")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}E+{int(exponent):02d}"


def phone_cell(value: Any) -> str:
    """A phone number's cell as text: a whole number of up to 15 digits is exact (13885712345);
    a landline stored as a number has lost its leading 0, which the phone check then names."""
    if isinstance(value, bool):
        raise CellError(tr("应为电话号码"))
    if isinstance(value, float):
        if not value.is_integer() or abs(value) >= 10**FLOAT_DIGITS:
            raise CellError(tr("被 Excel 存成了数字（{number}），"
                            "数字已丢失；请把这一列设为“文本”后重新填写").format(
                                number=_excel_shown(value) or value))
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    return clean(_unquote(clean(str(value))))


def date_cell(value: Any, today: dt.date | None = None) -> dt.date:
    """A date's cell: a date, an Excel serial number (a date cell that lost its format), an
    8-digit number (20080105), or text in any form validation.parse_date reads, with a time of
    midnight after it as CSV files carry it (2008/1/5 0:00)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise CellError(translated(V.DATE_FORMAT_HINT))
    if isinstance(value, (int, float)):
        if float(value).is_integer() and 19_490_101 <= value <= 21_001_231:
            return date_cell(str(int(value)), today)
        if SERIAL_RANGE[0] <= value <= SERIAL_RANGE[1]:
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise CellError(translated(V.DATE_FORMAT_HINT))
    text = clean(_unquote(clean(str(value))))
    match = _MIDNIGHT.fullmatch(text)
    if match:
        text = match.group(1)
    try:
        return V.parse_date(text, today)
    except ValueError as exc:
        raise CellError(str(exc)) from None


def bool_cell(value: Any) -> bool:
    """是/否 (and the ways people write them: 1/0, √/×, Y/N, TRUE/FALSE)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    word = clean(str(value)).lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(tr("应为 是/否"))


def number_cell(value: Any) -> Any:
    """A number's cell as the kind reads it: floats as they are, text tidied (1,234 → 1234;
    a trailing unit word dropped: 860元, 3户, 2.5亩)."""
    if isinstance(value, bool):
        raise CellError(tr("应为数字"))
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (dt.date, dt.time)):
        raise CellError(tr("是日期，不是数字"))
    text = clean(_unquote(clean(str(value)))).replace(",", "").replace("，", "")
    return re.sub(r"(?<=\d)\s*(元|万元|亩|人次|人|户|个|项|次|口|岁)$", "", text) \
        if not text.endswith("万元") else _wan(text)


def _wan(text: str) -> str:
    """"2.5万元" in a column of 元 is 25000: the unit is written, not guessed."""
    try:
        return str(float(text[:-2]) * 10_000)
    except ValueError:
        raise CellError(tr("应为数字")) from None


def text_cell(value: Any) -> str:
    """A text cell: numbers as their digits (a group "3" typed as the number 3), dates as ISO."""
    if isinstance(value, (int, float)):
        return number_text(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if text.startswith("'") and text[1:2] in FORMULA_START:  # another program's neutralised text
        text = text[1:]
    return text


def cell_input(kind: Kind, value: Any) -> Any:
    """What `kind.parse` should be given for a cell; None for a blank cell; CellError when the
    cell cannot be trusted as this kind."""
    if is_blank(value):
        return None
    if isinstance(kind, IdNumber):
        return id_number_cell(value)
    if isinstance(kind, Phone):
        return phone_cell(value)
    if isinstance(kind, Date):
        return date_cell(value)
    if isinstance(kind, Bool):
        return bool_cell(value)
    if isinstance(kind, Numbered):
        if isinstance(value, float) and value.is_integer():
            return int(value)
        text = clean(text_cell(value))
        head = re.match(r"(\d+)\s*[.、．]\s*(.*)", text)  # "1. 发展生产…" as a list shows it
        return int(head.group(1)) if head else text
    if isinstance(kind, (Int, Float)):
        return number_cell(value)
    if isinstance(kind, Choice) and not isinstance(kind, MultiChoice):
        return choice_word(kind, clean(text_cell(value)))
    return text_cell(value)


CHOICE_SUFFIXES = ("贫困户", "户")


def choice_word(kind: Choice, text: str) -> str:
    """A choice as another system writes it: 低保贫困户 for 低保, 五保户 for 五保."""
    known = set(kind.labels) | {str(v) for v in kind.values}
    if text in known:
        return text
    for suffix in CHOICE_SUFFIXES:
        if text.endswith(suffix) and text[:-len(suffix)] in known:
            return text[:-len(suffix)]
    return text
