"""The records service on a real file: saves are checked whole; bad input changes nothing."""

from __future__ import annotations

import pytest

from pairing_desktop.core import operations as ops
from pairing_desktop.core import records
from pairing_desktop.core.errors import RefusedError, ValidationError
from pairing_desktop.core.storage.models import Cadre, Unit, Village
from tests.helpers import dump, id_number, save, wrong_check_digit

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server


def refused(ledger, entity, record_id, raw) -> dict[str, str]:
    """Save that must fail; return its messages after checking the file did not change."""
    before = dump(ledger)
    with pytest.raises(ValidationError) as info:
        save(ledger, entity, record_id, raw)
    assert dump(ledger) == before
    return info.value.errors


def cadre_values(unit, ranks, **changes):
    values = {"unit": unit, "name": "陈志勇", "gender": "男",
              "id_number": id_number("19820611", "037"), "rank": ranks["股级"],
              "phone": "13985700002"}
    return {**values, **changes}


# --- saving and loading ----------------------------------------------------------------------


def test_saved_village_loads_with_typed_values(ledger, village, township):
    loaded = records.load(ledger, "village", village)
    assert loaded["township"] == township
    assert loaded["households"] == 412 and loaded["population"] == 1760
    assert loaded["poverty_class"] == "一类贫困村"  # the default
    # multichoice is stored in the vocabulary's order, whatever order it was picked in
    assert loaded["poverty_causes"] == "土地贫瘠、交通落后"


def test_update_keeps_id_and_changes_values(ledger, unit):
    values = records.load(ledger, "unit", unit)
    assert save(ledger, "unit", unit, {**values, "head": "赵文光"}) == unit
    assert records.load(ledger, "unit", unit)["head"] == "赵文光"
    with ledger.bound():
        assert Unit.select().count() == 1


def test_id_number_with_lower_case_x_is_stored_upper_case(ledger, unit, ranks):
    number = id_number("19491231", "002", area="110105")
    assert number.endswith("X")
    cid = save(ledger, "cadre", None, cadre_values(unit, ranks, gender="女",
                                                   id_number=number.lower()))
    assert records.load(ledger, "cadre", cid)["id_number"] == number


# --- required fields ---------------------------------------------------------------------------


def test_missing_name_is_refused_naming_the_field(ledger):
    errors = refused(ledger, "township", None, {"name": "  "})
    assert errors == {"name": "乡镇名称：必填，不能为空"}


def test_missing_references_are_each_named(ledger):
    errors = refused(ledger, "cadre", None, {"name": "陈志勇"})
    assert set(errors) == {"unit", "rank"}
    assert errors["unit"].startswith("所在单位：") and "必填" in errors["unit"]
    assert errors["rank"].startswith("职级：")


def test_reference_to_a_deleted_record_is_refused(ledger, unit, ranks):
    ops.delete(ledger, "unit", unit)
    errors = refused(ledger, "cadre", None, cadre_values(unit, ranks))
    assert errors == {"unit": "所在单位：所选记录不存在或已删除"}


def test_bad_choice_and_bad_number_are_named(ledger, township):
    errors = refused(ledger, "village", None, {"township": township, "name": "石门村",
                                       "poverty_class": "四类", "households": "很多"})
    assert "贫困类别" in errors["poverty_class"]
    assert errors["households"] == "总户数：应为整数"


# --- ID numbers and phones ----------------------------------------------------------------------


@pytest.mark.parametrize("entity", ["cadre", "household", "farmer"])
def test_wrong_id_check_digit_is_refused(ledger, entity, unit, village, ranks):
    good = id_number("19750505", "015")
    raw = {"cadre": cadre_values(unit, ranks, id_number=wrong_check_digit(good)),
           "household": {"village": village, "head_name": "罗德明",
                         "id_number": wrong_check_digit(good)},
           "farmer": {"village": village, "name": "罗德明",
                      "id_number": wrong_check_digit(good)}}[entity]
    errors = refused(ledger, entity, None, raw)
    assert errors["id_number"] == "身份证号：号码未通过校验，可能有数字输错或前后颠倒，" \
        "请对照身份证逐位核对"
    assert good[17] not in errors["id_number"]  # no digit to copy in blindly


@pytest.mark.parametrize("birth", ["19810229", "19811301", "19810431"])
def test_impossible_birth_date_is_refused(ledger, birth, village):
    errors = refused(ledger, "household", None, {"village": village, "head_name": "罗德明",
                                         "id_number": id_number(birth, "015")})
    assert errors["id_number"] == f"身份证号：出生日期 {birth} 不存在"


def test_gender_must_match_the_id_number(ledger, unit, ranks):
    woman = id_number("19820611", "036")
    errors = refused(ledger, "cadre", None, cadre_values(unit, ranks, id_number=woman, gender="男"))
    assert errors == {"gender": "性别：与身份证号不符（身份证号为女性）"}


@pytest.mark.parametrize("phone", ["1398570000", "23985700002", "4221234", "0857-12"])
def test_bad_phone_is_refused(ledger, phone, unit, ranks):
    errors = refused(ledger, "cadre", None, cadre_values(unit, ranks, phone=phone))
    assert errors["phone"].startswith("电话：应为11位手机号")


@pytest.mark.parametrize("phone", ["13985700002", "0857-4221234", "085742212345"])
def test_mobile_and_landline_are_accepted(ledger, phone, unit, ranks):
    cid = save(ledger, "cadre", None, cadre_values(unit, ranks, phone=phone))
    assert records.load(ledger, "cadre", cid)["phone"] == phone


# --- duplicates ----------------------------------------------------------------------------------


def test_same_id_number_twice_is_refused(ledger, cadre, unit, ranks):
    taken = records.load(ledger, "cadre", cadre)["id_number"]
    errors = refused(ledger, "cadre", None, cadre_values(unit, ranks, id_number=taken))
    assert errors == {"id_number": f"身份证号：“{taken}”已存在，不能重复"}


def test_same_household_id_number_twice_is_refused(ledger, household, village):
    taken = records.load(ledger, "household", household)["id_number"]
    errors = refused(ledger, "household", None, {"village": village, "head_name": "杨秀英",
                                         "id_number": taken})
    assert "已存在" in errors["id_number"]


def test_saving_a_record_again_is_not_a_duplicate_of_itself(ledger, cadre):
    assert save(ledger, "cadre", cadre, records.load(ledger, "cadre", cadre)) == cadre


def test_same_village_name_in_one_township_is_refused(ledger, village, township):
    errors = refused(ledger, "village", None, {"township": township, "name": "新寨村"})
    assert errors == {"name": "村名：同一乡镇内的村名“新寨村”已存在，不能重复"}


def test_same_village_name_in_another_township_is_allowed(ledger, village):
    other = save(ledger, "township", None, {"name": "甘棠镇"})
    vid = save(ledger, "village", None, {"township": other, "name": "新寨村"})
    with ledger.bound():
        assert Village.live().where(Village.name == "新寨村").count() == 2
    assert records.load(ledger, "village", vid)["township"] == other


def test_same_unit_name_twice_is_refused(ledger, unit):
    errors = refused(ledger, "unit", None, {"name": "县财政局", "level": "地直"})
    assert errors == {"name": "单位名称：“县财政局”已存在，不能重复"}


def test_a_deleted_record_frees_its_name_and_id_number(ledger, unit, cadre, ranks):
    number = records.load(ledger, "cadre", cadre)["id_number"]
    ops.delete(ledger, "cadre", cadre)
    ops.delete(ledger, "unit", unit)
    new_unit = save(ledger, "unit", None, {"name": "县财政局", "level": "县直"})
    save(ledger, "cadre", None, cadre_values(new_unit, ranks, name="刘建国", id_number=number))
    with ledger.bound():
        assert Unit.select().where(Unit.name == "县财政局").count() == 2
    with ledger.bound():
        assert Cadre.select().where(Cadre.id_number == number).count() == 2


# --- counts --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("field", "label"), [
    ("households", "总户数"), ("population", "总人口"),
    ("party_members", "党员数")])
def test_negative_village_count_is_refused(ledger, field, label, township):
    errors = refused(ledger, "village", None, {"township": township, "name": "石门村", field: "-1"})
    assert errors == {field: f"{label}：不能为负数"}


def test_negative_household_members_and_income_are_refused(ledger, village):
    errors = refused(ledger, "household", None, {"village": village, "head_name": "罗德明",
                                         "members": -2, "income_per_capita": "-10"})
    assert errors == {"members": "家庭人口：不能为负数",
                      "income_per_capita": "人均纯收入（元）：不能为负数"}


def test_negative_quota_is_refused(ledger, ranks):
    errors = refused(ledger, "rank", ranks["县级"], {"name": "县级", "quota": -1})
    assert errors == {"quota": "帮扶户数定额：不能为负数"}


# --- deletion ------------------------------------------------------------------------------------


def refused_delete(ledger, entity, record_id) -> str:
    before = dump(ledger)
    with pytest.raises(RefusedError) as info:
        ops.delete(ledger, entity, record_id)
    assert dump(ledger) == before
    return str(info.value)


def test_deleting_a_unit_with_cadres_is_refused_naming_them(ledger, unit, cadre):
    message = refused_delete(ledger, "unit", unit)
    assert message == "不能删除此帮扶单位：仍有1 名干部引用它（刘建国）。请先处理这些记录。"
    assert records.delete_refusal(ledger, "unit", unit) == message  # asked before the question


def test_deleting_a_village_names_everything_that_refers_to_it(ledger, village, household, unit):
    save(ledger, "farmer", None, {"village": village, "name": "王德富"})
    save(ledger, "uv_pairing", None, {"unit": unit, "village": village,
                                      "started_on": "2007-03-01"})
    message = refused_delete(ledger, "village", village)
    for what in ("1 户贫困户", "1 名农民党员", "1 个单位–村结对", "贫困户：杨秀英",
                 "农民党员：王德富", "单位–村结对：县财政局 — 新寨村"):
        assert what in message


def test_deleting_a_cadre_with_an_assignment_is_refused(ledger, cadre, household):
    save(ledger, "assignment", None, {"cadre": cadre, "household": household,
                                      "started_on": "2008-01-05"})
    assert "1 个干部帮扶结对" in refused_delete(ledger, "cadre", cadre)


def test_deleting_a_township_with_villages_is_refused(ledger, township, village):
    assert "1 个村" in refused_delete(ledger, "township", township)


def test_delete_is_a_tombstone(ledger, unit):
    ops.delete(ledger, "unit", unit)
    with ledger.bound():
        row = Unit.get_by_id(unit)  # the row is still in the file
    assert row.deleted_at is not None
    assert records.counts(ledger, ["unit"]) == {"unit": 0}
    assert records.EntityList(ledger, "unit").count() == 0
    assert records.choices(ledger, "unit") == []
    with pytest.raises(RefusedError, match="已被删除"):
        records.load(ledger, "unit", unit)


def test_once_referrers_are_deleted_the_record_can_be(ledger, unit, cadre):
    ops.delete(ledger, "cadre", cadre)
    ops.delete(ledger, "unit", unit)
    with ledger.bound():
        assert Unit.get_by_id(unit).deleted_at is not None


def test_saving_a_deleted_record_is_refused(ledger, unit):
    values = records.load(ledger, "unit", unit)
    ops.delete(ledger, "unit", unit)
    with pytest.raises(RefusedError, match="已被删除"):
        save(ledger, "unit", unit, values)


@pytest.mark.parametrize("typed", ["2008/1/5", "2008.1.5", "20080105", "2008年1月5日"])
def test_dates_typed_in_common_forms_are_stored_as_dates(ledger, typed, unit, village):
    pid = save(ledger, "uv_pairing", None, {"unit": unit, "village": village,
                                            "started_on": typed, "ended_on": "  "})
    stored = records.load(ledger, "uv_pairing", pid)
    assert (str(stored["started_on"]), stored["ended_on"]) == ("2008-01-05", None)


def test_a_bad_date_is_named_and_nothing_is_saved(ledger, unit, village):
    with pytest.raises(ValidationError) as caught:
        save(ledger, "uv_pairing", None, {"unit": unit, "village": village,
                                          "started_on": "2008-13-01"})
    assert caught.value.errors == {"started_on": "开始日期：2008年13月1日不存在"}
    assert records.EntityList(ledger, "uv_pairing").count() == 0


def test_an_update_keeps_the_fields_it_does_not_name(ledger):
    township = save(ledger, "township", None, {"name": "城关镇"})
    village = save(ledger, "village", None, {
        "township": township, "name": "新寨村", "households": 320, "secretary": "杨光"})
    save(ledger, "village", village, {"households": 330})
    stored = records.load(ledger, "village", village)
    assert (stored["households"], stored["secretary"], stored["name"]) == (330, "杨光", "新寨村")
    save(ledger, "village", village, {"secretary": None})  # a field can still be cleared
    assert records.load(ledger, "village", village)["secretary"] is None


def test_a_refusal_names_the_first_few_referrers_and_says_there_are_more(ledger, unit, ranks):
    for name in ("王一", "王二", "王三", "王四"):
        save(ledger, "cadre", None, {"unit": unit, "name": name, "rank": ranks["股级"]})
    assert records.delete_refusal(ledger, "unit", unit) == (
        "不能删除此帮扶单位：仍有4 名干部引用它（王一、王三、王二等）。请先处理这些记录。")


def test_a_record_nothing_refers_to_has_no_refusal(ledger, unit):
    assert records.delete_refusal(ledger, "unit", unit) is None
