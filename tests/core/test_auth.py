"""Operators and roles: who may change what, enforced inside the operations for every path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pairing_desktop.core import auth, records
from pairing_desktop.core import operations as ops
from pairing_desktop.core.duties.settings import save_rules
from pairing_desktop.core.errors import RefusedError, ValidationError
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.letters.batch import generate
from pairing_desktop.core.storage.models import utcnow
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.helpers import cli, dump, save

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server

ROOT = Path(__file__).resolve().parents[2]
CLERK_PASSWORD = "城关镇录入员"


@pytest.fixture
def towns(ledger) -> dict[str, object]:
    ids = {name: save(ledger, "township", None, {"name": name}) for name in ("城关镇", "甘棠镇")}
    ids["新寨村"] = save(ledger, "village", None, {"township": ids["城关镇"], "name": "新寨村"})
    ids["石门村"] = save(ledger, "village", None, {"township": ids["甘棠镇"], "name": "石门村"})
    ops.create_operator(ledger, "clerk", CLERK_PASSWORD, auth.CLERK, "城关镇", "李会计")
    ops.create_operator(ledger, "reader", "只读账户的密码", auth.VIEWER)
    return ids


def as_(ledger, name: str, password: str) -> None:
    auth.login(ledger, name, password)


def test_a_clerk_edits_their_own_township(ledger, towns):
    as_(ledger, "clerk", CLERK_PASSWORD)
    home = save(ledger, "household", None, {"village": towns["新寨村"], "head_name": "杨秀英"})
    ops.save(ledger, "village", towns["新寨村"], {"secretary": "王国华"})
    ops.delete(ledger, "household", home)
    assert records.load(ledger, "village", towns["新寨村"])["secretary"] == "王国华"


@pytest.mark.parametrize(("do", "message"), [
    (lambda led, t: ops.save(led, "village", t["石门村"], {"secretary": "张三"}),
     "只能新建和修改本乡镇（城关镇）的村，此村属于甘棠镇"),
    (lambda led, t: ops.save(led, "household", None, {"village": t["石门村"], "head_name": "王五"}),
     "只能新建和修改本乡镇（城关镇）的贫困户，此贫困户属于甘棠镇"),
    (lambda led, t: ops.save(led, "village", t["新寨村"], {"township": t["甘棠镇"]}),
     "此村属于甘棠镇"),  # moving a village out of the clerk's township
    (lambda led, t: ops.save(led, "unit", None, {"name": "县水利局", "level": "县直"}),
     "“乡镇录入员”不能修改帮扶单位：这是县级数据"),
    (lambda led, t: ops.save(led, "township", t["城关镇"], {"code": "1"}),
     "不能修改乡镇"),
    (lambda led, t: save_rules(led, {"research": {"period": "month", "count": 1}}),
     "不能修改设置"),
    (lambda led, t: ops.create_operator(led, "x", "123456", auth.VIEWER), "不能修改操作员账户"),
])
def test_a_clerk_is_refused_outside_their_township_and_county_data(ledger, towns, do, message):
    as_(ledger, "clerk", CLERK_PASSWORD)
    before = dump(ledger)
    with pytest.raises(RefusedError, match=message):
        do(ledger, towns)
    assert dump(ledger) == before


def test_a_clerk_may_not_delete_another_townships_record(ledger, towns):
    as_(ledger, "clerk", CLERK_PASSWORD)
    with pytest.raises(RefusedError, match="此村属于甘棠镇"):
        ops.delete(ledger, "village", towns["石门村"])


def test_read_only_reads_and_prints_but_never_edits(ledger, towns, tmp_path):
    from tests.core.letter_fixtures import add_target, small_county

    county = small_county(ledger, 2008)
    add_target(ledger, county.pairings["石桥村"], 2008, 1, "建设沼气池", 20, "口")
    as_(ledger, "reader", "只读账户的密码")
    assert records.counts(ledger, ["village"])["village"] >= 2
    with pytest.raises(RefusedError, match="“只读”账户只能查看和打印，不能修改村"):
        ops.save(ledger, "village", towns["新寨村"], {"secretary": "张三"})
    result = generate(ledger, "target", 2008, tmp_path / "t.pdf")  # printing is recorded
    assert result.letters and (tmp_path / "t.pdf").exists()


def test_the_form_rule_is_the_operation_rule(ledger, towns):
    as_(ledger, "clerk", CLERK_PASSWORD)
    who = ledger.operator
    assert auth.can_edit(who, "village", towns["城关镇"])
    assert not auth.can_edit(who, "village", towns["甘棠镇"])
    assert not auth.can_edit(who, "unit")
    with ledger.bound():
        assert auth.township_of("village", records.load(ledger, "village", towns["石门村"])) \
            == towns["甘棠镇"]


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(ledger, towns):
    now = utcnow()
    for left in (4, 3, 2, 1):
        with pytest.raises(RefusedError, match=f"还可尝试 {left} 次"):
            auth.login(ledger, "clerk", "wrong", now)
    with pytest.raises(RefusedError, match="已锁定 15 分钟"):
        auth.login(ledger, "clerk", "wrong", now)
    with pytest.raises(RefusedError, match=r"已锁定，请于 .* 后再试"):
        auth.login(ledger, "clerk", CLERK_PASSWORD, now + dt.timedelta(minutes=14))
    who = auth.login(ledger, "clerk", CLERK_PASSWORD, now + dt.timedelta(minutes=16))
    assert who.role == auth.CLERK and who.township_name == "城关镇"


def test_an_administrator_reset_unlocks_and_a_disabled_account_cannot_log_in(ledger, towns):
    now = utcnow()
    for _ in range(5):
        with pytest.raises(RefusedError):
            auth.login(ledger, "clerk", "wrong", now)
    ops.reset_password(ledger, "clerk", "新的密码123")
    assert auth.login(ledger, "clerk", "新的密码123", now).name == "clerk"
    as_(ledger, ADMIN, ADMIN_PASSWORD)
    ops.set_disabled(ledger, "clerk")
    with pytest.raises(RefusedError, match="已停用"):
        auth.login(ledger, "clerk", "新的密码123")
    with pytest.raises(RefusedError, match="不能停用正在使用的账户"):
        ops.set_disabled(ledger, ADMIN)


def test_unknown_names_and_wrong_passwords_read_the_same(ledger, towns):
    with pytest.raises(RefusedError, match=r"^用户名或密码错误。$"):
        auth.login(ledger, "nobody", "whatever")


def test_accounts_are_checked(ledger, towns):
    with pytest.raises(ValidationError, match="至少 6 位"):
        ops.create_operator(ledger, "short", "12345", auth.VIEWER)
    with pytest.raises(ValidationError, match="必须选择所属乡镇"):
        ops.create_operator(ledger, "clerk2", "1234567", auth.CLERK)
    with pytest.raises(ValidationError, match="“clerk”已存在"):
        ops.create_operator(ledger, "clerk", "1234567", auth.VIEWER)
    with pytest.raises(RefusedError, match="已有操作员"):
        ops.create_first_admin(ledger, "boss", "1234567")


@pytest.mark.sqlite_only  # reads the file's bytes
def test_no_password_is_stored_in_clear(ledger, towns):
    ops.reset_password(ledger, "reader", "另一个只读密码")
    ledger.close()
    stored = b"".join(p.read_bytes() for p in ledger.path.parent.glob("ledger.db*")
                      if p.is_file())
    for password in (ADMIN_PASSWORD, CLERK_PASSWORD, "只读账户的密码", "另一个只读密码"):
        assert password.encode("utf-8") not in stored
    assert b"$argon2id$" in stored


def test_auto_login_names_its_operator_in_the_history(ledger, towns):
    from pairing_desktop.core import history

    ledger.close()
    with open_ledger(ledger.path) as again:
        assert again.operator is None
        assert auth.auto_login(again).name == ADMIN
        save(again, "township", None, {"name": "金碧镇"})
        assert history.entries(again, limit=1)[0].operator == ADMIN


# --- the command line --------------------------------------------------------------------------


def test_new_makes_a_ledger_with_its_administrator(tmp_path):
    path = tmp_path / "黔西县.db"
    result = cli("new", "--db", str(path), "--county", "黔西县", "--office", "县委组织部",
                 password="县管理员的密码")
    assert result.returncode == 0, result.stderr
    with open_ledger(path) as made:
        assert auth.auto_login(made) is None  # a real office logs in
        assert auth.login(made, "admin", "县管理员的密码").role == auth.ADMIN
        from pairing_desktop.core.profile import profile

        assert profile(made) == {"county": "黔西县", "office": "县委组织部"}
    again = cli("new", "--db", str(path), "--county", "x", "--office", "y", password="123456")
    assert again.returncode == 1 and "已存在" in again.stderr


def test_new_without_a_password_source_makes_nothing(tmp_path):
    path = tmp_path / "a.db"
    result = cli("new", "--db", str(path), "--county", "黔西县", "--office", "组织部",
                 "--admin", "wang")
    assert result.returncode == 1 and "PAIRING_PASSWORD" in result.stderr
    short = cli("new", "--db", str(path), "--county", "黔西县", "--office", "组织部",
                password="123")
    assert short.returncode == 1 and "至少 6 位" in short.stderr
    assert not path.exists()


def test_command_line_writes_name_the_operator(tmp_path):
    path = tmp_path / "county.db"
    assert cli("new", "--db", str(path), "--county", "黔西县", "--office", "组织部",
               password="县管理员的密码").returncode == 0
    with open_ledger(path) as led:
        auth.login(led, "admin", "县管理员的密码")
        from tests.core.letter_fixtures import add_target, small_county

        county = small_county(led, 2008)
        add_target(led, county.pairings["石桥村"], 2008, 1, "建设沼气池", 20, "口")
    out = tmp_path / "t.pdf"
    refused = cli("letters", "--db", str(path), "--kind", "target", "--year", "2008",
                  "--out", str(out))
    assert refused.returncode == 1 and "--user" in refused.stderr and not out.exists()
    wrong = cli("letters", "--db", str(path), "--kind", "target", "--year", "2008",
                "--out", str(out), "--user", "admin", password="不对")
    assert wrong.returncode == 1 and "用户名或密码错误" in wrong.stderr
    done = cli("letters", "--db", str(path), "--kind", "target", "--year", "2008",
               "--out", str(out), "--user", "admin", password="县管理员的密码")
    assert done.returncode == 0, done.stderr
    log = cli("history", "--db", str(path)).stdout.splitlines()
    assert "  admin  生成3份结对帮扶目标责任书  责任书“" in log[-1]
