"""Screenshots of the county report's pages on the demo county, for docs/report/.

    python scripts/report_shots.py [--out docs/report]

The 统计报告 tab with this year beside last year, the records behind a figure opened by a
double-click, the duty rules page with the kinds counted toward each duty, and pages of the PDF
(the villages by class, the comparison with last year and the five-year chart).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pypdfium2  # noqa: E402

from pairing_desktop.core.reports.export import write_report  # noqa: E402
from pairing_desktop.ui.tabs.activity_settings import DutyRulesDialog  # noqa: E402
from scripts.screenshots import demo_window, settle, wait_for_workers  # noqa: E402

# the PDF pages shown, by words on them
PDF_PAGES = {"pdf-villages": "村数", "pdf-compare": "四、与上年同期比较", "pdf-trend": "近五年同期",
             "pdf-duties": "七、职责落实情况"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with demo_window() as (app, window, tmp):
        tab = window.tab("report")
        window.tabs.setCurrentWidget(tab)
        shown = []
        tab.built.connect(shown.append)
        tab.build()
        wait_for_workers(app)
        window.grab().save(str(args.out / "tab.png"))
        row = tab.row_of("培训新型农民")
        tab.table.scrollToItem(tab.table.item(row, 0))
        settle(app)
        dialog = tab.open_figure(row)
        dialog.resize(1000, 420)
        settle(app)
        dialog.grab().save(str(args.out / "figure-records.png"))
        dialog.close()
        rules = DutyRulesDialog(window.host, window)
        rules.show()
        settle(app)
        rules.grab().save(str(args.out / "duty-rules.png"))
        rules.close()
        pdf = pypdfium2.PdfDocument(str(write_report(window.ledger, shown[-1],
                                                     tmp / "report.pdf")))
        texts = [pdf[n].get_textpage().get_text_range() for n in range(len(pdf))]
        for name, words in PDF_PAGES.items():
            number = next(n for n, text in enumerate(texts) if words in text)
            pdf[number].render(scale=80 / 72).to_pil().save(args.out / f"{name}.png")
        window.close()
    print(f"-> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
