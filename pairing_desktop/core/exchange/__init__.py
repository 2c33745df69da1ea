"""Records in and out of Excel and CSV: the template, the import, the export.

    from pairing_desktop.core import exchange
    book = exchange.plan_book(ledger, "贫困户.xlsx")      # read, and map their columns to ours
    result = exchange.import_book(ledger, book, dry_run=True)   # the preview: counts, problems
    exchange.export_workbook(ledger, "全部.xlsx")

The format is one description (workbook_format) shared by the template, the export and the
import, so what is exported imports again into an empty ledger as the same records.
"""

from pairing_desktop.core.exchange.errors_book import write_errors
from pairing_desktop.core.exchange.exporter import (
    export_workbook,
    write_template,
)
from pairing_desktop.core.exchange.importer import (
    Book,
    Counts,
    ImportResult,
    Problem,
    error_book_path,
    import_book,
    import_file,
    plan_book,
    problem_lines,
)
from pairing_desktop.core.exchange.mapping import kind_named

__all__ = ["Book", "Counts", "ImportResult", "Problem", "error_book_path", "export_workbook",
           "import_book", "import_file", "kind_named", "plan_book", "problem_lines",
           "write_errors", "write_template"]
