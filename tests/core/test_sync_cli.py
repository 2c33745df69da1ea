"""`pairing-desktop new --reports-to` and `sync export / import / conflicts`: the contract."""

from __future__ import annotations

from pathlib import Path

from pairing_desktop.core import auth
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.profile import office_of
from tests.helpers import cli, dump, save

PASSWORD = "县管理员密码2026"


def make(path: Path, office: str, *more: str) -> None:
    done = cli("new", "--db", str(path), "--county", "黔西县", "--office", office, *more,
               password=PASSWORD)
    assert done.returncode == 0, done.stderr


def test_township_and_county_exchange_from_the_command_line(tmp_path):
    county, town = tmp_path / "县.db", tmp_path / "中坪镇.db"
    make(county, "县委组织部")
    make(town, "中坪镇", "--reports-to", "县委组织部")
    with open_ledger(town) as ledger:
        me = office_of(ledger)
        assert (me.name, me.reports_to, me.township) == ("中坪镇", "县委组织部", "中坪镇")
    with open_ledger(county) as ledger:
        auth.login(ledger, "admin", PASSWORD)
        save(ledger, "township", None, {"name": "中坪镇"})

    down = tmp_path / "下发.pdx"
    done = cli("sync", "export", "--db", str(county), "--to", "中坪镇", "--out", str(down),
               "--user", "admin", password=PASSWORD)
    assert done.returncode == 0, done.stderr
    assert "已生成交换包" in done.stdout and "第 1 号" in done.stdout
    done = cli("sync", "import", "--db", str(town), str(down), "--user", "admin",
               password=PASSWORD)
    assert done.returncode == 0, done.stderr
    assert "已导入 县委组织部 的第 1 号交换包：新增 1 条" in done.stdout

    with open_ledger(town) as ledger:
        auth.login(ledger, "admin", PASSWORD)
        township = ledger.execute("SELECT id FROM township")[0][0]
        save(ledger, "village", None, {"township": township, "name": "新寨村"})
    up = tmp_path / "上报.pdx"
    assert cli("sync", "export", "--db", str(town), "--to", "县委组织部", "--out", str(up),
               "--user", "admin", password=PASSWORD).returncode == 0

    damaged = tmp_path / "坏.pdx"
    damaged.write_bytes(up.read_bytes()[:-1])
    with open_ledger(county) as ledger:
        before = dump(ledger)
    done = cli("sync", "import", "--db", str(county), str(damaged), "--user", "admin",
               password=PASSWORD)
    assert done.returncode == 1
    assert done.stderr.startswith("错误：交换包") and "已损坏或被改动" in done.stderr
    assert "Traceback" not in done.stderr
    with open_ledger(county) as ledger:
        assert dump(ledger) == before

    done = cli("sync", "import", "--db", str(county), str(up), "--user", "admin",
               password=PASSWORD)
    assert done.returncode == 0, done.stderr
    assert "新增 1 条" in done.stdout
    again = cli("sync", "import", "--db", str(county), str(up), "--user", "admin",
                password=PASSWORD)
    assert again.returncode == 1 and "已经导入过" in again.stderr

    listed = cli("sync", "conflicts", "--db", str(county))
    assert listed.returncode == 0 and "待处理的冲突：0 个" in listed.stdout


def test_writing_commands_need_an_operator(tmp_path):
    county = tmp_path / "县.db"
    make(county, "县委组织部")
    done = cli("sync", "export", "--db", str(county), "--to", "中坪镇", "--out",
               str(tmp_path / "x.pdx"))
    assert done.returncode == 1 and "请先登录" in done.stderr
    assert not (tmp_path / "x.pdx").exists()
