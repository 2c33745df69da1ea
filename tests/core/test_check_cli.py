"""`pairing-desktop check --db PATH`, run as a clerk or a support script would run it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pairing_desktop.core import operations as ops
from pairing_desktop.core import records
from pairing_desktop.core.storage import schema
from tests.helpers import (
    cli,
    file_hash,
    garbage_with_header,
    save,
    someone_elses_sqlite,
    truncated_ledger,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def small_ledger(ledger) -> Path:
    town = save(ledger, "township", None, {"name": "城关镇"})
    for name in ("新寨村", "红岩村", "石门村"):
        save(ledger, "village", None, {"township": town, "name": name})
    ops.delete(ledger, "village", records.choices(ledger, "village", "石门")[0][0])
    ledger.close()
    return ledger.path


def test_check_prints_version_integrity_and_counts(small_ledger):
    before = file_hash(small_ledger)
    result = cli("check", "--db", str(small_ledger))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f"数据结构版本：{schema.SCHEMA_VERSION}" in lines
    assert "完整性检查：ok" in lines
    assert "  乡镇：1" in lines and "  村：2" in lines  # live records: the tombstone is not counted
    assert "  职级：4" in lines
    assert file_hash(small_ledger) == before


def test_check_of_the_demo_county_counts_it(tmp_path):
    path = tmp_path / "demo.db"
    made = cli("demo", "--db", str(path), "--seed", "5")
    assert made.returncode == 0, made.stderr
    result = cli("check", "--db", str(path))
    assert result.returncode == 0
    assert "  干部：1032" in result.stdout.splitlines()


@pytest.mark.parametrize(("make", "message"), [
    (garbage_with_header, "已损坏"),
    (truncated_ledger, "已损坏"),
    (someone_elses_sqlite, "不是本程序的台账数据库"),
    (lambda p: p.write_bytes(b"PK\x03\x04 not a database"), "不是数据库文件"),
])
def test_check_exits_non_zero_on_a_bad_file(tmp_path, make, message):
    path = tmp_path / "bad.db"
    make(path)
    before = file_hash(path)
    result = cli("check", "--db", str(path))
    assert result.returncode != 0
    assert result.stderr.startswith("错误：") and message in result.stderr
    assert file_hash(path) == before


def test_check_of_a_missing_file_exits_non_zero(tmp_path):
    result = cli("check", "--db", str(tmp_path / "nowhere.db"))
    assert result.returncode != 0 and "不存在" in result.stderr
    assert not (tmp_path / "nowhere.db").exists()
