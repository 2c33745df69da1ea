"""Lifecycle: drafts, printing, signing with a scan, versions, verification, the overdue flag."""

from __future__ import annotations

import datetime as dt

import pytest

from pairing_desktop.core import records
from pairing_desktop.core.errors import RefusedError, ValidationError
from pairing_desktop.core.letters import lifecycle
from pairing_desktop.core.letters.batch import generate
from pairing_desktop.core.letters.codes import normalize_code
from pairing_desktop.core.rules.targets import targets_of
from pairing_desktop.core.storage.models import Letter
from tests.core.letter_fixtures import add_target, county_with_a_target
from tests.helpers import save

pytestmark = pytest.mark.both_backends  # on a SQLite file and on a PostgreSQL server

YEAR = 2008


@pytest.fixture
def county(ledger):
    return county_with_a_target(ledger, YEAR)


def _one(ledger, tmp_path, county, name="a.pdf"):
    result = generate(ledger, "target", YEAR, tmp_path / name, unit="县农业局")
    (planned,) = result.letters
    return planned


def test_unchanged_letter_verifies_as_found(ledger, county, tmp_path):
    planned = _one(ledger, tmp_path, county)
    outcome = lifecycle.verify(ledger, planned.code.lower().replace("-", " "))
    assert outcome.result == "found"
    assert "县农业局、石桥村" in outcome.message and "内容与台账一致" in outcome.message


def test_a_letter_whose_records_changed_verifies_as_changed(ledger, county, tmp_path):
    planned = _one(ledger, tmp_path, county)
    (target,) = targets_of(ledger, county.pairings["石桥村"], YEAR)
    target_id = target.id
    values = records.load(ledger, "target", target_id)
    save(ledger, "target", target_id, {**values, "indicator_value": 30})
    outcome = lifecycle.verify(ledger, planned.code)
    assert outcome.result == "changed"
    assert "已修改" in outcome.message


def test_unknown_code(ledger, county):
    outcome = lifecycle.verify(ledger, "ZZZZ-ZZZZ")
    assert outcome.result == "unknown"
    assert "不存在" in outcome.message


def test_normalize_code_reads_what_clerks_type():
    assert normalize_code(" abcd efgh ") == "ABCD-EFGH"
    assert normalize_code("O1IL-uuuu") == "0111-VVVV"


def test_reprint_of_unchanged_records_keeps_the_code(ledger, county, tmp_path):
    first = _one(ledger, tmp_path, county, "a.pdf")
    again = _one(ledger, tmp_path, county, "b.pdf")
    assert again.code == first.code and again.new_row is None
    with ledger.bound():
        assert Letter.select().count() == 1


def test_reprint_after_a_change_is_a_new_version_keeping_the_printed_one(ledger, county, tmp_path):
    first = _one(ledger, tmp_path, county)
    lifecycle.mark_printed(ledger, [first.letter_id], "王会计")
    add_target(ledger, county.pairings["石桥村"], YEAR, 2, "发展精品水果种植", 300, "亩")
    second = _one(ledger, tmp_path, county, "b.pdf")
    assert second.code != first.code
    with ledger.bound():
        old, new = Letter.get_by_id(first.letter_id), Letter.get_by_id(second.letter_id)
    assert (old.version, new.version, new.previous_id) == (1, 2, old.id)
    assert old.deleted_at is None and old.status == "已打印"
    outcome = lifecycle.verify(ledger, first.code)
    assert outcome.result == "changed" and new.code in outcome.message
    assert lifecycle.verify(ledger, second.code).result == "found"


def test_a_superseded_draft_is_hidden_but_still_verifiable(ledger, county, tmp_path):
    first = _one(ledger, tmp_path, county)
    add_target(ledger, county.pairings["石桥村"], YEAR, 2, "发展精品水果种植", 300, "亩")
    _one(ledger, tmp_path, county, "b.pdf")
    with ledger.bound():
        assert Letter.get_by_id(first.letter_id).deleted_at is not None
    assert lifecycle.LetterList(ledger, {"year": YEAR}).count() == 1
    assert lifecycle.verify(ledger, first.code).result == "changed"


def test_status_moves_from_draft_to_printed_to_signed_with_the_scan(ledger, county, tmp_path):
    planned = _one(ledger, tmp_path, county)
    scan = tmp_path / "photo.JPG"
    scan.write_bytes(b"\xff\xd8 signed copy")
    with pytest.raises(RefusedError, match="尚未打印"):
        lifecycle.mark_signed(ledger, planned.letter_id, dt.date.today(), scan, tmp_path / "data")
    assert lifecycle.mark_printed(ledger, [planned.letter_id], "王会计").updated["letter"]
    with ledger.bound():
        row = Letter.get_by_id(planned.letter_id)
    assert (row.status, row.printed_by) == ("已打印", "王会计") and row.printed_at
    kept = lifecycle.mark_signed(ledger, planned.letter_id, dt.date.today(), scan,
                                 tmp_path / "data")
    with ledger.bound():
        row = Letter.get_by_id(planned.letter_id)
    assert row.status == "已签订" and row.signed_on == dt.date.today()
    assert kept == tmp_path / "data" / row.scan_path and kept.read_bytes() == scan.read_bytes()
    assert row.scan_hash == lifecycle.file_hash(scan)
    assert lifecycle.scan_file(ledger, planned.letter_id, tmp_path / "data") == kept
    kept.write_bytes(b"tampered")
    with pytest.raises(RefusedError, match="已被改动"):
        lifecycle.scan_file(ledger, planned.letter_id, tmp_path / "data")
    assert not lifecycle.mark_printed(ledger, [planned.letter_id], "王会计")  # signed stays


def test_scans_are_kept_in_the_ledgers_folder(ledger, county, tmp_path, backend, monkeypatch):
    """A file ledger keeps scans beside itself; a server ledger in the user's data folder,
    under the server's and the database's name (Ledger.folder)."""
    from pairing_desktop.core import paths

    monkeypatch.setattr(paths, "data_dir", lambda: tmp_path / "用户数据")
    planned = _one(ledger, tmp_path, county)
    lifecycle.mark_printed(ledger, [planned.letter_id], "王会计")
    scan = tmp_path / "photo.pdf"
    scan.write_bytes(b"%PDF signed copy")
    kept = lifecycle.mark_signed(ledger, planned.letter_id, dt.date.today(), scan)
    assert kept.parent.parent == ledger.folder
    if backend == "sqlite":
        assert ledger.folder == ledger.path.resolve().parent
    else:
        assert ledger.folder.parent == tmp_path / "用户数据" / "servers"
    with ledger.bound():
        assert Letter.get_by_id(planned.letter_id).status == "已签订"


def test_signing_with_bad_input_changes_nothing(ledger, county, tmp_path):
    planned = _one(ledger, tmp_path, county)
    lifecycle.mark_printed(ledger, [planned.letter_id], "王会计")
    folder = tmp_path / "data"
    with pytest.raises(ValidationError, match="找不到文件"):
        lifecycle.mark_signed(ledger, planned.letter_id, dt.date.today(), tmp_path / "no.pdf",
                              folder)
    bad_type = tmp_path / "scan.exe"
    bad_type.write_bytes(b"x")
    with pytest.raises(ValidationError, match="扫描件"):
        lifecycle.mark_signed(ledger, planned.letter_id, dt.date.today(), bad_type, folder)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4")
    with pytest.raises(ValidationError, match="不能晚于今天"):
        lifecycle.mark_signed(ledger, planned.letter_id, dt.date.today() + dt.timedelta(days=1),
                              scan, folder)
    with ledger.bound():
        assert Letter.get_by_id(planned.letter_id).status == "已打印"
    assert not (folder / "scans").exists() or not list((folder / "scans").iterdir())
    with pytest.raises(ValidationError, match="打印人"):
        lifecycle.mark_printed(ledger, [planned.letter_id], "  ")


def test_letters_printed_over_thirty_days_ago_and_unsigned_are_flagged(ledger, county, tmp_path):
    result = generate(ledger, "target", YEAR, tmp_path / "all.pdf")
    old, recent, signed = (p.letter_id for p in result.letters)
    now = dt.datetime(2009, 3, 1, 12, 0)
    lifecycle.mark_printed(ledger, [old, signed], "王会计", when=now - dt.timedelta(days=31))
    lifecycle.mark_printed(ledger, [recent], "王会计", when=now - dt.timedelta(days=29))
    with ledger.bound():
        Letter.update(status="已签订").where(Letter.id == signed).execute()
    listing = lifecycle.LetterList(ledger, {"overdue": True}, now=now)
    assert [row[0] for row in listing.page()] == [old]
    rows = {row[0]: row for row in lifecycle.LetterList(ledger, {}, now=now).page()}
    flag = [key for key, _label in lifecycle.LetterList.COLUMNS].index("overdue") + 1
    assert rows[old][flag] == "超期" and rows[recent][flag] == "" and rows[signed][flag] == ""
    with ledger.bound():
        assert lifecycle.is_overdue(Letter.get_by_id(old), now)


def test_letter_list_filters_by_status_year_and_township(ledger, county, tmp_path):
    result = generate(ledger, "target", YEAR, tmp_path / "all.pdf")
    lifecycle.mark_printed(ledger, [result.letters[0].letter_id], "王会计")
    assert lifecycle.LetterList(ledger, {"status": "已打印"}).count() == 1
    assert lifecycle.LetterList(ledger, {"status": "草稿"}).count() == 2
    assert lifecycle.LetterList(ledger, {"year": YEAR + 1}).count() == 0
    township = county.townships["雨朵镇"]
    parties = sorted(r[3] for r in lifecycle.LetterList(ledger, {"township": township}).page())
    assert parties == ["县交通局、新寨村", "县农业局、石桥村"]
    assert lifecycle.LetterList(ledger, {}).count("龙井") == 1
    first = lifecycle.LetterList(ledger, {}).page(sort=2)[0]
    assert lifecycle.LetterList(ledger, {}).row_of(first[0]) == first
