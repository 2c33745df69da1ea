"""The copy of an imported workbook with its problems marked, written beside the input."""

from __future__ import annotations

from pathlib import Path

from pairing_desktop.core.exchange.exporter import write_error_book
from pairing_desktop.core.exchange.importer import ImportResult, error_book_path


def write_errors(result: ImportResult, path: str | Path | None = None) -> Path:
    """Write `<name>.错误.xlsx` (or `path`): every sheet as read, an 错误 column with each
    refused row's reasons, the bad cells filled red."""
    marks: dict[str, dict[int, dict[int | None, list[str]]]] = {}
    for problem in result.problems:
        (marks.setdefault(problem.sheet, {}).setdefault(problem.row - 1, {})
         .setdefault(problem.index, []).append(problem.reason))
    headings = {plan.name: plan.heading_rows[-1] for plan in result.book.plans}
    target = Path(path) if path is not None else error_book_path(result.book.path)
    return write_error_book(target, result.book.sheets, marks, headings)
