"""Each kind of field reads what a clerk types, refuses what cannot be right with a message, and
shows what is stored; choices are stored as codes and shown by their labels."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from pairing_desktop.core import records
from pairing_desktop.core import validation as V
from pairing_desktop.core.entities import ENTITIES, FieldSpec
from pairing_desktop.core.fields import (
    Bool,
    Choice,
    Code,
    Date,
    Float,
    IdNumber,
    Int,
    LongText,
    Money,
    MultiChoice,
    Numbered,
    Phone,
    Ref,
    Text,
    Year,
    half_width,
)
from tests.helpers import id_number, save

ID = id_number("19820611", "037")


def refused(kind, raw) -> str:
    """The message of a value the kind cannot read, or of a read value it refuses."""
    try:
        value = kind.parse(raw)
    except ValueError as exc:
        return str(exc)
    message = kind.check(value)
    assert message, f"{raw!r} was accepted as {value!r}"
    return message


# --- text ------------------------------------------------------------------------------------


def test_text_is_trimmed_and_blank_is_nothing():
    assert Text().parse("  县财政局\u3000") == "县财政局"  # the ideographic space too
    assert Text().parse("   ") is None
    assert Text().parse(None) is None
    assert Text().parse(12) == "12"


def test_long_text_keeps_its_line_breaks():
    assert LongText().parse("\n 修通组组路\n硬化村道 \n") == "修通组组路\n硬化村道"


def test_half_width_turns_full_width_ascii_and_nothing_else():
    assert half_width("５２２４２３１９８２") == "5224231982"
    assert half_width("０８５７－４２２１２３４") == "0857-4221234"
    assert half_width("x²①") == "x²①"


# --- ID and phone numbers ----------------------------------------------------------------------


def test_id_number_from_full_width_digits_spaces_and_a_small_x():
    number = id_number("19491231", "002", area="110105")
    assert number.endswith("X")
    typed = " " + half_width(number[:6]).translate(
        {c: c + 0xFEE0 for c in range(0x30, 0x3A)}) + " " + number[6:-1] + "x "
    assert typed != number and not typed.isascii()
    assert IdNumber().parse(typed) == number
    assert IdNumber().check(IdNumber().parse(typed)) is None


@pytest.mark.parametrize(("raw", "message"), [
    (ID[:17] + "²", "前17位应为数字，最后一位为数字或X"),
    ("²" + ID[1:], "前17位应为数字，最后一位为数字或X"),
    (ID[:10] + "①" + ID[11:], "前17位应为数字，最后一位为数字或X"),
    (ID[:-1], "应为18位，现为17位"),
    (ID[:-1] + ("1" if ID[-1] != "1" else "2"), V.ID_CHECK_FAILED),
])
def test_id_number_refused_cleanly(raw, message):
    assert refused(IdNumber(), raw) == message


def test_phone_loses_spaces_and_full_width():
    assert Phone().parse(" 139 8570 0002 ") == "13985700002"
    assert Phone().parse("０８５７－４２２１２３４") == "0857-4221234"
    assert Phone().check("13985700002") is None
    assert refused(Phone(), "139857000²2").startswith("应为11位手机号")


def test_the_personal_kinds_are_the_id_and_phone_fields():
    """Lists, forms and the history all mask by kind: these are the fields it covers."""
    personal = {f.name for spec in ENTITIES.values() for f in spec.fields if f.kind.personal}
    assert personal == {"id_number", "phone", "secretary_phone", "contact_phone"}


# --- numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "value"), [("42", 42), (" ４２ ", 42), (7, 7), (3.0, 3),
                                            ("1,200", 1200)])
def test_int_reads(raw, value):
    assert Int().parse(raw) == value


@pytest.mark.parametrize("raw", ["²", "3²", "很多", "2.5", 2.5, True, "1e3"])
def test_int_refuses(raw):
    assert refused(Int(), raw) == "应为整数"


def test_int_bounds():
    assert refused(Int(minimum=0), "-1") == "不能为负数"
    assert refused(Int(minimum=1), 0) == "不能小于1"
    assert refused(Int(maximum=9), 10) == "不能大于9"
    assert Int(minimum=0).check(0) is None


def test_year():
    assert Year().parse("２００８") == 2008
    assert refused(Year(), "1900") == "年份不合理（应在1949至2100之间）"
    assert refused(Year(), "08²") == "应为整数"


@pytest.mark.parametrize(("raw", "value"), [("12.5", 12.5), ("１２．５", 12.5), (3, 3.0),
                                            ("-0", 0.0)])
def test_float_reads(raw, value):
    assert Float().parse(raw) == value


@pytest.mark.parametrize("raw", ["²", "十二", "nan", "inf", "1.2.3", True])
def test_float_refuses(raw):
    assert refused(Float(), raw) == "应为数字"


def test_float_bounds_and_places():
    assert refused(Float(minimum=0), "-0.5") == "不能为负数"
    assert refused(Float(places=2), "7.125") == "最多两位小数"
    assert Float(places=2).check(7.25) is None


def test_money_to_the_fen_and_in_wan_explicitly():
    assert Money().parse("26000") == 26000.0
    assert refused(Money(), "12.345") == "最多到分（两位小数）；万元请先换算成元"
    assert refused(Money(), "-1") == "不能为负数"
    assert Money.in_yuan("2.6", "万元") == 26000.0
    assert Money.in_yuan("１．５", "元") == 1.5
    with pytest.raises(ValueError, match="金额单位应为 元/万元 之一"):
        Money.in_yuan("3", "千元")
    with pytest.raises(ValueError, match="金额应为数字"):
        Money.in_yuan("²", "万元")


def test_bool():
    assert Bool().parse("是") is True and Bool().parse("否") is False
    assert Bool().parse(0) is False and Bool().parse("") is None
    assert (Bool().display(True), Bool().display(False), Bool().display(None)) == ("是", "否", "")


def test_date():
    assert Date().parse(" ２００８年１月５日 ") == dt.date(2008, 1, 5)
    assert Date().parse(dt.datetime(2008, 1, 5, 9, 30)) == dt.date(2008, 1, 5)
    assert refused(Date(), "2008-2-30") == "2008年2月30日不存在"
    assert Date().display(dt.date(2008, 1, 5)) == "2008-01-05"


# --- choices -----------------------------------------------------------------------------------

SCOPE = Choice(("pairing", "结对"), ("household", "贫困户"))


def test_choice_stores_the_value_and_shows_the_label():
    assert SCOPE.parse("pairing") == "pairing"
    assert SCOPE.parse(" 贫困户 ") == "household"  # an import may carry the label
    assert SCOPE.display("household") == "贫困户"
    assert refused(SCOPE, "村") == "应为 结对/贫困户 之一"


def test_a_plain_vocabulary_is_its_own_labels():
    gender = Choice.of(("男", "女"))
    assert gender.items == (("男", "男"), ("女", "女"))
    assert gender.parse("女") == "女" and gender.display("男") == "男"


def test_numbered():
    kind = Numbered("发展生产", "生活富裕")
    assert kind.parse("2") == kind.parse(2) == kind.parse("生活富裕") == 2
    assert kind.display(1) == "发展生产"
    assert refused(kind, "3") == "应为1至2或类别名称（发展生产、生活富裕）"
    assert refused(kind, "²") == "应为1至2或类别名称（发展生产、生活富裕）"


def test_multichoice_in_the_vocabulary_order_by_value_or_label():
    kind = MultiChoice(("participants", "参加人数"), ("people", "人数"), ("items", "个数"),
                       sep=",")
    assert kind.parse("items, participants") == "participants,items"
    assert kind.parse(["个数", "人数"]) == "people,items"
    assert kind.parse("个数、人数") == "people,items"
    assert kind.parse([]) is None and kind.parse("") is None
    assert kind.display("participants,items") == "参加人数、个数"
    assert refused(kind, "acres") == "“acres”不在可选项中（可选：参加人数、人数、个数）"


def test_kinds_compare_to_their_old_names():
    f = ENTITIES["cadre"].field("unit")
    assert f.kind == "ref" and f.ref == "unit"
    assert ENTITIES["cadre"].field("name").kind != "ref"
    assert ENTITIES["cadre"].field("name").ref is None
    assert FieldSpec("on", "日期", "date").kind == Date()
    assert Int(minimum=0) == Int(minimum=0) != Int()
    with pytest.raises(ValueError, match="unknown field kind"):
        FieldSpec("x", "x", "ref")


def test_ref_passes_a_name_on_for_the_engine():
    record = uuid.uuid4()
    assert Ref("unit").parse(str(record)) == record
    assert Ref("unit").parse(" 县财政局 ") == "县财政局"
    assert refused(Ref("unit"), 3.5) == "引用的记录无效"


def test_code_is_made_when_not_given():
    made = Code("custom").parse("")
    assert made.startswith("custom_") and made != Code("custom").parse(None)
    assert Code().parse(" research ") == "research"


# --- in the engine -----------------------------------------------------------------------------


def test_the_engine_saves_what_the_kinds_read(ledger, unit, ranks):
    cid = save(ledger, "cadre", None, {
        "unit": unit, "name": " 陈志勇 ", "rank": ranks["股级"], "gender": "男",
        "id_number": half_width(ID).translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)}),
        "phone": "139 8570 0002"})
    stored = records.load(ledger, "cadre", cid)
    assert (stored["name"], stored["id_number"], stored["phone"]) == (
        "陈志勇", ID, "13985700002")
    assert records.display("cadre", "party_member", stored["party_member"]) == "是"


def test_lists_show_the_labels_of_choices(ledger):
    """The activity types' list: codes stored, labels shown, by SQL."""
    source = records.EntityList(ledger, "activity_type")
    keys = [k for k, _ in source.columns]
    assert "code" not in keys
    rows = {row[keys.index("name") + 1]: row for row in source.page(limit=100)}
    visit = rows["走访贫困户"]
    assert visit[keys.index("scope") + 1] == "贫困户"
    assert visit[keys.index("duty") + 1] == "走访贫困户"
    training = rows["实用技术培训"]
    assert training[keys.index("measures") + 1] == "参加人数、人数"
    assert rows["种植蔬菜"][keys.index("measures") + 1] == "面积（亩）、户数"  # as seeded
    column = keys.index("scope")
    scopes = [row[column + 1] for row in source.page(sort=column, limit=100)]
    assert scopes == sorted(scopes)


# --- what every path gets before any check --------------------------------------------------


@pytest.mark.parametrize(("typed", "stored"), [
    ("  新寨村\u200b ", "新寨村"),  # zero-width space pasted from a web page
    ("新\u0007寨村", "新寨村"),  # a control character
    ("新寨\t村", "新寨 村"),  # a tab in a one-line name
    ("e\u0301", "\u00e9"),  # one Unicode form: the same letter compares equal
    ("县教育局（党支部）", "县教育局（党支部）"),  # Chinese punctuation is kept, not made ASCII
])
def test_text_is_cleaned_the_same_for_every_path(typed, stored):
    assert Text().parse(typed) == stored


def test_a_name_of_invisible_characters_is_nothing():
    assert Text().parse("\u200b\u200d\ufeff") is None


def test_text_has_a_length_limit():
    assert Text().check("名" * 100) is None
    assert Text().check("名" * 101) == "太长（101个字），最多100个字"
    assert LongText().check("字" * 2001).startswith("太长")
    assert LongText().parse("第一行\n第二行") == "第一行\n第二行"


@pytest.mark.parametrize(("typed", "message"), [
    ("nan", "应为数字"), ("inf", "应为数字"), ("-inf", "应为数字"),
    ("1e308", "太大（不能超过一万亿）"), ("1e13", "太大（不能超过一万亿）")])
def test_numbers_that_are_not_a_countys_are_refused(typed, message):
    with pytest.raises(ValueError, match=message):
        Float().parse(typed)


def test_a_whole_number_past_the_range_is_said_not_crashed():
    assert Int().check(Int().parse(str(2**63))) == "不能大于1000000000"
    assert Int().check(Int().parse("1000000000")) is None


def test_an_int_past_sqlites_range_is_refused_in_a_save(ledger, village):
    from pairing_desktop.core.errors import ValidationError
    from tests.helpers import save

    with pytest.raises(ValidationError, match="总户数：不能大于1000000000"):
        save(ledger, "village", village, {"households": str(2**63)})


def test_a_duplicate_hidden_by_invisible_characters_is_still_a_duplicate(ledger, township):
    from pairing_desktop.core.errors import ValidationError
    from tests.helpers import save

    save(ledger, "village", None, {"township": township, "name": "新寨村"})
    with pytest.raises(ValidationError, match="已存在"):
        save(ledger, "village", None, {"township": township, "name": "新\u200b寨村 "})


def test_a_huge_search_is_capped(ledger, village):
    assert records.search_text("王" * 20000) == "王" * records.SEARCH_MAX
    assert records.EntityList(ledger, "village").count("新寨" + "x" * 20000) == 0
    assert records.EntityList(ledger, "village").count("%") == 1  # a lone % is no wildcard


def test_amounts_show_whole_in_fixed_notation():
    assert Money().display(1234567.5) == "1234567.5"
    assert Float().display(150000.5) == "150000.5"
    assert Float().display(880000.0) == "880000"
