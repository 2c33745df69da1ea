"""One entry for every caller (command line, report page): a year and a township's name to a
file whose suffix says the format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pairing_desktop.core.errors import ValidationError
from pairing_desktop.core.reports.figures import Report, build_report
from pairing_desktop.core.reports.pdf import write_pdf
from pairing_desktop.core.reports.period import check_period, year_part
from pairing_desktop.core.reports.workbook import write_workbook
from pairing_desktop.core.storage.models import Township

WRITERS = {".pdf": write_pdf, ".xlsx": write_workbook}


def township_by_name(name: str) -> Township:
    found = Township.live().where(Township.name == name.strip()).first()
    if found is None:
        raise ValidationError({"township": f"乡镇：没有名为“{name}”的乡镇"})
    return found


def year_report(year: int, township: str | None = None) -> Report:
    return range_report(*year_part(year), township)


def range_report(date_from: dt.date, date_to: dt.date, township: str | None = None) -> Report:
    check_period(date_from, date_to)
    township_id = township_by_name(township).id if township else None
    return build_report(date_from, date_to, township_id)


def write_report(report: Report, out: str | Path) -> Path:
    out = Path(out)
    writer = WRITERS.get(out.suffix.lower())
    if writer is None:
        raise ValidationError({"out": f"输出文件：应以 {' 或 '.join(WRITERS)} 结尾"})
    out.parent.mkdir(parents=True, exist_ok=True)
    return writer(report, out)


def export_report(out: str | Path, year: int | None, township: str | None = None,
                  date_from: dt.date | None = None, date_to: dt.date | None = None) -> Path:
    """Check the arguments before any work, then compute and write the report of a year, or
    of the period date_from..date_to."""
    if Path(out).suffix.lower() not in WRITERS:
        raise ValidationError({"out": f"输出文件：应以 {' 或 '.join(WRITERS)} 结尾"})
    if year is not None:
        return write_report(year_report(year, township), out)
    if date_from is None or date_to is None:
        raise ValidationError({"year": "统计期间：请给出年度，或同时给出开始和结束日期"})
    return write_report(range_report(date_from, date_to, township), out)
