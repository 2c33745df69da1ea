"""Every file the program writes for an office says which version made it: the letters' and the
report's PDF in their Creator, the report's workbook in its creator property. (Core only, no Qt;
kept with the letters UI's tests because that is where this change was made.)"""

from __future__ import annotations

import openpyxl
from pypdf import PdfReader

import pairing_desktop
from pairing_desktop.core.letters.batch import generate
from pairing_desktop.core.reports.export import export_report
from tests.core.letter_fixtures import county_with_a_target

YEAR = 2008


def made_by() -> str:
    return f"pairing-desktop {pairing_desktop.__version__}"


def test_the_version_is_in_every_file_written(ledger, tmp_path):
    county_with_a_target(ledger, YEAR)
    assert pairing_desktop.__version__ not in ("", "0+unknown")
    letters = generate(ledger, "target", YEAR, tmp_path / "letters.pdf").files[0]
    cards = generate(ledger, "card", YEAR, tmp_path / "cards", split=True).files[0]
    report = export_report(ledger, tmp_path / "report.pdf", YEAR)
    workbook = export_report(ledger, tmp_path / "report.xlsx", YEAR)
    for pdf in (letters, cards, report):
        assert PdfReader(pdf).metadata.creator == made_by(), pdf.name
    book = openpyxl.load_workbook(workbook, read_only=True)
    book.close()
    assert book.properties.creator == made_by()
