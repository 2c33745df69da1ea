"""Batches: one PDF or one file each, progress, cancel without leftovers; fonts; the CLI."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from pairing_desktop import cli
from pairing_desktop.core.errors import PairingError, RefusedError, ValidationError
from pairing_desktop.core.letters import fonts as letter_fonts
from pairing_desktop.core.letters.batch import BatchCancelled, generate, safe_filename
from pairing_desktop.core.storage.models import Letter
from tests.core.letter_fixtures import pdf_text, small_county

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server

YEAR = 2008


@pytest.fixture
def county(ledger):
    return small_county(ledger, YEAR)


def test_one_file_per_letter_named_after_the_parties(ledger, county, tmp_path):
    seen = []
    result = generate(ledger, "cadre", YEAR, tmp_path / "out", split=True,
                      progress=lambda done, total: seen.append((done, total)))
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted(["2008年干部帮扶责任书_李建国（县农业局）.pdf",
                            "2008年干部帮扶责任书_赵红梅（县交通局）.pdf",
                            "2008年干部帮扶责任书_陈志强（县卫生局）.pdf"])
    assert seen[-1] == (3, 3) and [d for d, _t in seen] == sorted(d for d, _t in seen)
    for path in result.files:
        assert len(PdfReader(path).pages) >= 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("split", [False, True])
def test_a_cancelled_batch_leaves_no_file_and_records_nothing(ledger, county, tmp_path, split):
    calls = []

    def cancel_on_third_check() -> bool:
        calls.append(1)
        return len(calls) > 2

    out = tmp_path / ("cards" if split else "cards.pdf")
    with pytest.raises(BatchCancelled):
        generate(ledger, "card", YEAR, out, split=split, cancelled=cancel_on_third_check)
    assert len(calls) == 3
    leftovers = [p.name for p in tmp_path.iterdir() if not p.name.startswith("ledger.db")]
    assert leftovers == []
    with ledger.bound():
        assert Letter.select().count() == 0


def test_a_batch_whose_file_cannot_be_put_in_place_records_nothing(ledger, county, tmp_path,
                                                                  monkeypatch):
    from pairing_desktop.core.letters import batch

    def no_room(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(batch.os, "replace", no_room)  # the rename into place fails
    with pytest.raises(PairingError, match="无法写入"):
        generate(ledger, "target", YEAR, tmp_path / "letters.pdf")
    with ledger.bound():
        assert Letter.select().count() == 0
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("ledger.db")] == []


def test_a_split_batch_arrives_whole_by_one_rename(ledger, county, tmp_path, monkeypatch):
    """A kill while the files of a split batch are moved cannot leave some of them without
    their records: the folder is renamed into place once, inside the recording transaction."""
    from pairing_desktop.core.letters import batch

    renames = []
    real_rename = batch.os.rename
    monkeypatch.setattr(batch.os, "rename", lambda a, b: (renames.append((a, b)),
                                                           real_rename(a, b)))
    (tmp_path / "empty").mkdir()
    result = generate(ledger, "cadre", YEAR, tmp_path / "empty", split=True)
    assert len(renames) == 1 and renames[0][1] == tmp_path / "empty"
    assert sorted(result.files) == sorted((tmp_path / "empty").iterdir())
    assert len(result.files) == 3


def test_a_split_batch_into_a_folder_with_files_is_refused_first(ledger, county, tmp_path):
    folder = tmp_path / "signed"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 a clerk's scan")
    with pytest.raises(ValidationError, match="已有文件"):
        generate(ledger, "cadre", YEAR, folder, split=True)
    assert [p.name for p in folder.iterdir()] == ["scan.pdf"]
    with ledger.bound():
        assert Letter.select().count() == 0


def test_a_killed_batchs_stale_folder_is_removed_by_the_next_batch(ledger, county, tmp_path):
    import os
    import time

    stale = tmp_path / ".letters-abc.part"
    stale.mkdir()
    (stale / "half.pdf").write_bytes(b"%PDF-1.4")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".letters-def.part"  # perhaps a batch still running in another window
    fresh.mkdir()
    generate(ledger, "target", YEAR, tmp_path / "t.pdf")
    assert not stale.exists() and fresh.exists()


def test_a_batch_returns_the_letters_it_recorded(ledger, county, tmp_path):
    result = generate(ledger, "target", YEAR, tmp_path / "t.pdf")
    assert result.changes.created["letter"] == {p.letter_id for p in result.letters}
    again = generate(ledger, "target", YEAR, tmp_path / "t.pdf")  # unchanged: same rows
    assert not again.changes and (tmp_path / "t.pdf").exists()


def test_filters_by_township_and_unit(ledger, county, tmp_path):
    result = generate(ledger, "card", YEAR, tmp_path / "c.pdf", township="绿化乡")
    assert [p.data.party for p in result.letters] == ["吴大山（龙井村）"]
    result = generate(ledger, "card", YEAR, tmp_path / "c.pdf", unit="县农业局")
    assert sorted(p.data.party for p in result.letters) == [
        "刘二妹（石桥村）", "张老三（石桥村）", "杨国富（新寨村）"]
    with pytest.raises(RefusedError, match="没有可生成的"):
        generate(ledger, "target", YEAR, tmp_path / "t.pdf", township="不存在乡")
    assert not (tmp_path / "t.pdf").exists()


@pytest.mark.parametrize(("name", "safe"), [
    ('县农业局/石桥村: "一组"?', "县农业局_石桥村_ _一组__"),
    ("CON", "_CON"),
    ("lpt1.pdf", "_lpt1.pdf"),
    ("名字。. ", "名字。"),
    ("", "未命名"),
    ("长" * 300, "长" * 100),
])
def test_safe_filenames(name, safe):
    assert safe_filename(name) == safe


def test_font_setting_is_stored_in_the_ledger(ledger):
    letter_fonts.set_font_setting(ledger, "bundled")
    assert letter_fonts.font_setting(ledger) == "bundled"
    with pytest.raises(ValidationError, match="字体"):
        letter_fonts.set_font_setting(ledger, "comic")
    assert letter_fonts.font_setting(ledger) == "bundled"


def test_cli_letters_and_verify(county, ledger, tmp_path, capsys):
    path = ledger.path
    ledger.close()
    out = tmp_path / "target.pdf"
    assert cli.main(["letters", "--db", str(path), "--kind", "target", "--year", str(YEAR),
                     "--township", "雨朵镇", "--out", str(out)]) == 0
    assert "已生成 2 份结对帮扶目标责任书" in capsys.readouterr().out
    code = next(word.split("：")[1] for word in pdf_text(out).split() if word.startswith("验证码"))
    assert cli.main(["verify", "--db", str(path), code]) == 0
    assert "真实有效" in capsys.readouterr().out
    assert cli.main(["verify", "--db", str(path), "ZZZZ-ZZZZ"]) != 0
    assert "不存在" in capsys.readouterr().err
    assert cli.main(["letters", "--db", str(path), "--kind", "cadre", "--year", "1990",
                     "--out", str(tmp_path / "x.pdf")]) == 1
    assert "没有可生成的" in capsys.readouterr().err
    assert cli.main(["verify", "--db", str(tmp_path / "missing.db"), code]) == 1
    assert not (tmp_path / "missing.db").exists()


@pytest.mark.parametrize("target", ["ledger", "folder", "suffix"])
def test_a_batch_never_writes_over_the_ledger_a_folder_or_another_kind_of_file(ledger, county,
                                                                              tmp_path, target,
                                                                              backend):
    from tests.helpers import file_hash

    if target == "ledger" and backend == "postgresql":
        pytest.skip("a ledger on a server has no file a batch could write over")
    out = {"ledger": ledger.path, "folder": tmp_path, "suffix": tmp_path / "letters.docx"}[target]
    before = file_hash(out) if out.is_file() else None
    with pytest.raises(ValidationError, match="输出文件"):
        generate(ledger, "target", YEAR, out)
    with ledger.bound():
        assert Letter.select().count() == 0
    if before is not None:
        assert file_hash(out) == before
