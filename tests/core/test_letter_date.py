"""The letter's date (成文/签订日期) is a choice of the batch, defaulting to today, printed in
Arabic numerals without zero padding, and recorded with the letter version."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from pairing_desktop import cli
from pairing_desktop.core.letters.batch import generate, letter_pdf
from pairing_desktop.core.letters.codes import content_hash, split_hash
from pairing_desktop.core.letters.lifecycle import letter_date, verify
from pairing_desktop.core.storage.models import Letter
from pairing_desktop.core.validation import cn_date
from tests.core.letter_fixtures import county_with_a_target, pdf_text, small_county

YEAR = 2008
SIGNED = dt.date(2026, 3, 5)


def flat(path) -> str:
    return re.sub(r"\s+", "", pdf_text(path))


def test_the_batch_date_is_printed_for_every_party(ledger, tmp_path):
    county_with_a_target(ledger, YEAR)
    out = tmp_path / "t.pdf"
    result = generate(ledger, "target", YEAR, out, unit="县农业局", day=SIGNED)
    assert result.day == SIGNED
    text = flat(out)
    assert text.count("2026年3月5日") == 3  # 甲方, 乙方, 见证方
    assert "2026年03月05日" not in text and cn_date(dt.date.today()) not in text


def test_without_a_date_the_letters_are_dated_today(ledger, tmp_path):
    small_county(ledger, YEAR)
    out = tmp_path / "c.pdf"
    result = generate(ledger, "cadre", YEAR, out, unit="县农业局")
    assert result.day == dt.date.today()
    assert cn_date(dt.date.today()) in flat(out)


def test_the_date_is_part_of_the_letter_version(ledger, tmp_path):
    county_with_a_target(ledger, YEAR)
    first = generate(ledger, "target", YEAR, tmp_path / "a.pdf", unit="县农业局", day=SIGNED)
    [letter] = first.letters
    assert letter_date(ledger, letter.letter_id) == SIGNED
    same = generate(ledger, "target", YEAR, tmp_path / "b.pdf", unit="县农业局", day=SIGNED)
    assert same.letters[0].code == letter.code and not same.changes  # same records, same date
    # printed again from the list without a date: the letter's own date, the same version
    again = letter_pdf(ledger, letter.letter_id, tmp_path / "c.pdf")
    assert again.letters[0].code == letter.code and "2026年3月5日" in flat(tmp_path / "c.pdf")
    # another date is another paper: a new version, the old one kept and verifiable
    other = generate(ledger, "target", YEAR, tmp_path / "d.pdf", unit="县农业局",
                     day=dt.date(2026, 4, 1))
    assert other.letters[0].code != letter.code
    assert letter_date(ledger, other.letters[0].letter_id) == dt.date(2026, 4, 1)
    with ledger.bound():
        rows = list(Letter.select().order_by(Letter.version))
    assert [r.version for r in rows] == [1, 2] and rows[1].previous_id == rows[0].id
    outcome = verify(ledger, letter.code)
    assert outcome.result == "found" and "落款日期2026年3月5日" in outcome.message


def test_letters_printed_before_the_date_was_recorded_still_verify(ledger, tmp_path):
    county_with_a_target(ledger, YEAR)
    [letter] = generate(ledger, "target", YEAR, tmp_path / "a.pdf", unit="县农业局").letters
    with ledger.bound():
        row = Letter.get_by_id(letter.letter_id)
        day, digest = split_hash(row.content_hash)
        assert day == dt.date.today() and digest == content_hash(letter.data.values)
        Letter.update(content_hash=digest).where(Letter.id == row.id).execute()  # as before
    assert letter_date(ledger, letter.letter_id) is None
    assert verify(ledger, letter.code).result == "found"


def test_cli_date(ledger, tmp_path, capsys):
    county_with_a_target(ledger, YEAR)
    path = ledger.path
    ledger.close()
    out = tmp_path / "t.pdf"
    assert cli.main(["letters", "--db", str(path), "--kind", "target", "--year", str(YEAR),
                     "--unit", "县农业局", "--out", str(out), "--date", "2026-03-05"]) == 0
    assert "落款日期 2026年3月5日" in capsys.readouterr().out
    assert flat(out).count("2026年3月5日") == 3
    with pytest.raises(SystemExit):
        cli.main(["letters", "--db", str(path), "--kind", "target", "--year", str(YEAR),
                  "--out", str(out), "--date", "2026-13-05"])
