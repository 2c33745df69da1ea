"""Property tests of the cell readers: dates, numbers, ID and phone numbers as workbooks hold
them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pairing_desktop.core.exchange.cells import (
    EXCEL_EPOCH,
    CellError,
    bool_cell,
    cell_input,
    clean,
    date_cell,
    number_cell,
    phone_cell,
)
from pairing_desktop.core.fields import Float, IdNumber, Int, Money
from pairing_desktop.core.validation import check_id_number, id_check_digit

days = st.dates(min_value=dt.date(1949, 1, 1), max_value=dt.date(2100, 12, 31))


def full_width(text: str) -> str:
    return text.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})


@given(days)
def test_a_date_reads_back_from_every_form_a_workbook_or_clerk_gives(day):
    y, m, d = day.year, day.month, day.day
    forms = [day, dt.datetime(y, m, d), (day - EXCEL_EPOCH).days, float((day - EXCEL_EPOCH).days),
             int(f"{y:04d}{m:02d}{d:02d}"), f"{y:04d}{m:02d}{d:02d}", f"{y}-{m}-{d}",
             f"{y}/{m:02d}/{d:02d}", f"{y}.{m}.{d}", f"{y}年{m}月{d}日", f"{y}/{m}/{d} 0:00",
             f"{y}-{m:02d}-{d:02d} 00:00:00", full_width(f"{y}-{m}-{d}"), f"'{y}-{m}-{d}"]
    for form in forms:
        assert date_cell(form) == day, form


@given(st.floats(allow_nan=False) | st.integers() | st.text(max_size=12))
def test_a_date_cell_gives_a_date_or_says_why(value):
    try:
        assert isinstance(date_cell(value), dt.date)
    except CellError as exc:
        assert str(exc)


birth = st.dates(min_value=dt.date(1920, 1, 1), max_value=dt.date(2010, 12, 31))


@st.composite
def id_numbers(draw) -> str:
    area = draw(st.sampled_from(["520522", "520502", "110101"]))
    order = f"{draw(st.integers(0, 999)):03d}"
    first17 = area + draw(birth).strftime("%Y%m%d") + order
    return first17 + id_check_digit(first17)


@given(id_numbers())
def test_an_id_number_typed_as_text_reads_as_itself(number):
    kind = IdNumber()
    for form in (number, f"'{number}", f" {number}\u00a0", number.lower(), full_width(number),
                 f"{number[:6]} {number[6:14]} {number[14:]}", f"\u200b{number}"):
        assert kind.parse(cell_input(kind, form)) == number, form
    assert check_id_number(number) is None


@given(id_numbers())
def test_an_id_number_excel_turned_into_a_number_is_refused_whatever_it_was(number):
    if number.endswith("X"):
        return  # such a number cannot become a float: Excel keeps it as text
    for form in (float(number), int(number), f"{float(number):.14E}"):
        with pytest.raises(CellError, match="后几位已丢失"):
            cell_input(IdNumber(), form)


@given(st.integers(13_000_000_000, 19_999_999_999))
def test_a_mobile_number_stored_as_a_number_keeps_its_digits(number):
    assert phone_cell(float(number)) == phone_cell(number) == phone_cell(f"'{number}") \
        == str(number)


@given(st.floats(min_value=1e15, max_value=1e20))
def test_a_phone_number_too_long_for_a_float_is_refused(number):
    with pytest.raises(CellError):
        phone_cell(number)


@given(st.integers(0, 10**9))
def test_a_count_reads_back_from_text_with_separators_units_or_as_a_float(n):
    kind = Int(minimum=0)
    for form in (n, float(n), f"{n:,}", str(n), f"{n}户", full_width(str(n)), f"'{n}"):
        assert kind.parse(number_cell(form)) == n, form


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_an_amount_reads_back_to_the_fen(amount):
    kind = Money()
    for form in (float(amount), f"{amount:,}", f"{amount}元"):
        assert kind.parse(number_cell(form)) == pytest.approx(float(amount)), form
    assert Float().parse(number_cell(f"{amount / 10000}万元")) == pytest.approx(float(amount))


@given(st.sampled_from(["是", "否", "1", "0", "TRUE", "false", "√", "×", "Y", "n", True, False,
                        1.0, 0.0]))
def test_yes_and_no_in_the_ways_people_write_them(word):
    expected = word in ("是", "1", "TRUE", "√", "Y", True, 1.0)
    assert bool_cell(word) is expected


@given(st.text(min_size=1, max_size=5).filter(lambda t: clean(t).lower() not in {
    "是", "否", "1", "0", "true", "false", "yes", "no", "y", "n", "√", "✓", "对", "有",
    "×", "✗", "无", "不是"}))
def test_anything_else_is_not_a_yes_or_no(word):
    with pytest.raises(CellError, match="应为 是/否"):
        bool_cell(word)
