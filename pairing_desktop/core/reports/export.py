"""One entry for every caller (command line, report page): a year and a township's name to a
file whose suffix says the format."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from pairing_desktop.core.errors import ValidationError
from pairing_desktop.core.files import atomic_output, check_output
from pairing_desktop.core.i18n import tr
from pairing_desktop.core.reports.figures import Report, build_report
from pairing_desktop.core.reports.pdf import write_pdf
from pairing_desktop.core.reports.period import check_period, year_part
from pairing_desktop.core.reports.workbook import write_workbook
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger
from pairing_desktop.core.storage.models import Township

# suffix → writer(ledger, report, path): the workbook also lists the records behind the figures
WRITERS: dict[str, Callable[[Ledger, Report, Path], Path]] = {
    ".pdf": lambda _ledger, report, path: write_pdf(report, path),
    ".xlsx": write_workbook,
}


@uses_ledger
def township_by_name(ledger: Ledger, name: str) -> Township:
    found = Township.live().where(Township.name == name.strip()).first()
    if found is None:
        raise ValidationError({"township": tr("乡镇：没有名为“{name}”的乡镇").format(name=name)})
    return found


def year_report(ledger: Ledger, year: int, township: str | None = None) -> Report:
    return range_report(ledger, *year_part(year), township)


def range_report(ledger: Ledger, date_from: dt.date, date_to: dt.date,
                 township: str | None = None) -> Report:
    check_period(date_from, date_to)
    township_id = township_by_name(ledger, township).id if township else None
    return build_report(ledger, date_from, date_to, township_id)


def write_report(ledger: Ledger, report: Report, out: str | Path) -> Path:
    """Write the report whole or not at all: the previous file stays until the new one is done."""
    out = check_output(Path(out), WRITERS)
    with atomic_output(out) as tmp:
        WRITERS[out.suffix.lower()](ledger, report, tmp)
    return out


def export_report(ledger: Ledger, out: str | Path, year: int | None, township: str | None = None,
                  date_from: dt.date | None = None, date_to: dt.date | None = None) -> Path:
    """Check the arguments before any work, then compute and write the report of a year, or
    of the period date_from..date_to."""
    check_output(Path(out), WRITERS)
    if year is not None:
        return write_report(ledger, year_report(ledger, year, township), out)
    if date_from is None or date_to is None:
        raise ValidationError({"year": tr("统计期间：请给出年度，或同时给出开始和结束日期")})
    return write_report(ledger, range_report(ledger, date_from, date_to, township), out)
