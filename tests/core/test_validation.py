import datetime as dt

import pytest

from pairing_desktop.core import validation as V

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server


def make_id(first17: str) -> str:
    return first17 + V.id_check_digit(first17)


def test_valid_id_number_passes():
    assert V.check_id_number(make_id("52052219800101001")) is None


def test_check_digit_x_is_accepted_in_lower_case():
    # 11010519491231002 has check character X (the GB 11643 worked example)
    assert V.id_check_digit("11010519491231002") == "X"
    assert V.check_id_number("11010519491231002x") is None


def test_wrong_check_digit_says_to_check_the_card_not_which_digit_to_type():
    """Naming the expected last character invited changing it, though the typing error may be
    in any digit: the message says to check the whole number against the card."""
    good = make_id("52052219800101001")
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    message = V.check_id_number(bad)
    assert message == "号码未通过校验，可能有数字输错或前后颠倒，请对照身份证逐位核对"
    assert good[17] not in message


@pytest.mark.parametrize("birth", ["19800230", "19801301", "20991231"])
def test_impossible_birth_date_is_refused(birth):
    number = make_id("520522" + birth + "001")
    assert "出生日期" in V.check_id_number(number, today=dt.date(2026, 1, 1))


def test_wrong_length_is_refused():
    assert "18位" in V.check_id_number("52052219800101")


@pytest.mark.parametrize("phone", ["13885712345", "0857-4221234", "08574221234", "010-12345678"])
def test_phones_accepted(phone):
    assert V.check_phone(phone) is None


@pytest.mark.parametrize("phone", ["1388571234", "12345678901", "4221234", "abc", "0857-12"])
def test_phones_refused(phone):
    assert "手机号" in V.check_phone(phone)


@pytest.mark.parametrize("text", ["2008-01-05", "2008-1-5", "2008/1/5", "2008.1.5", "20080105",
                                  "2008年1月5日", "2008年1月5", " 2008 年 01 月 05 日 ",
                                  "２００８－１－５"])
def test_common_date_forms_are_read(text):
    assert V.parse_date(text) == dt.date(2008, 1, 5)


@pytest.mark.parametrize("text", ["2008-1/5", "08-1-5", "2008-1", "200815", "1-5-", "昨天"])
def test_other_date_forms_are_refused_with_the_accepted_forms(text):
    with pytest.raises(ValueError, match="日期格式应为 2008-01-05（也可写 2008/1/5"):
        V.parse_date(text)


@pytest.mark.parametrize("text", ["3-5", " 3-5 ", "3/5", "3.5", "3月5日", "03-05"])
def test_month_and_day_alone_mean_this_year_when_already_past(text):
    assert V.parse_date(text, today=dt.date(2026, 6, 1)) == dt.date(2026, 3, 5)


def test_impossible_dates_are_named():
    with pytest.raises(ValueError, match="2009年2月29日不存在"):
        V.parse_date("2009/2/29")
    with pytest.raises(ValueError, match="年份不合理"):
        V.parse_date("1900-01-01")
