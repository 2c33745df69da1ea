"""Page 1 of each kind of letter, and the page its signatures are on, as PNG, from the demo county:
the pictures in the README.

    python scripts/letter_samples.py [--out docs/letters] [--dpi 80] [--seals] [--ui]

Builds the demo county (with its targets) into a temporary file, prints the target letter of the
pairing with the most targets this year, the cadre letter of a cadre helping the most households
and the first sheet of contact cards, all dated 2026年3月5日, and renders page 1 of each
(`target.png`) and the last page of a letter longer than one (`target-last.png`) with pypdfium2.
--seals draws the 42 mm circle of each party's seal where it would be pressed (a check, not for
the README). With --ui also a screenshot (offscreen) of the preview dialog.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pypdfium2  # noqa: E402

from pairing_desktop.core.demo import build_demo_county  # noqa: E402
from pairing_desktop.core.ledgers import open_ledger  # noqa: E402
from pairing_desktop.core.letters.batch import generate  # noqa: E402
from pairing_desktop.core.storage.ledger import Ledger  # noqa: E402
from pairing_desktop.core.storage.models import Assignment, Target  # noqa: E402

DPI = 80
TODAY = dt.date(2026, 3, 2)  # fixed, so the pictures do not change with the clock
DATED = dt.date(2026, 3, 5)  # the date the letters are signed, chosen for the batch


def page_pngs(pdf: Path, out: Path, kind: str, dpi: int, seals: bool) -> list[Path]:
    """Page 1 as `kind.png`, and a letter's last page (its signatures) as `kind-last.png`."""
    document = pypdfium2.PdfDocument(str(pdf))
    written = []
    try:
        numbers = [0] if len(document) == 1 or kind == "card" else [0, len(document) - 1]
        for number in numbers:
            page = document[number]
            image = page.render(scale=dpi / 72).to_pil()
            if seals:
                _draw_seals(image, pdf, number, dpi)
            png = out / (f"{kind}.png" if number == 0 else f"{kind}-last.png")
            image.save(png)
            written.append(png)
            page.close()
    finally:
        document.close()
    return written


def _draw_seals(image, pdf: Path, number: int, dpi: int) -> None:
    from PIL import ImageDraw

    from pairing_desktop.core.letters.check import read_pdf, seal_circles

    pages = read_pdf(pdf)
    draw = ImageDraw.Draw(image)
    scale = dpi / 72
    height = pages[number].height
    for x, y, r in seal_circles(pages[number]):
        box = [(x - r) * scale, (height - y - r) * scale, (x + r) * scale, (height - y + r) * scale]
        draw.ellipse(box, outline=(220, 0, 0), width=2)


def preview_screenshot(ledger: Ledger, out: Path, year: int) -> None:
    """The preview dialog of the first letter (the tabs themselves: scripts/screenshots.py)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from pairing_desktop.ui.app import make_application
    from pairing_desktop.ui.letters.letters_tab import LettersTab
    from pairing_desktop.ui.operations import LedgerHost

    app = make_application([])
    letters = LettersTab(LedgerHost(ledger), year=year)
    letters.resize(1366, 768)
    letters.show()
    letters.list.select_id(letters.list.model.id_at(0))
    app.processEvents()
    preview = letters.preview()
    app.processEvents()
    preview.grab().save(str(out / "ui-preview.png"))
    preview.accept()
    print(out / "ui-preview.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "letters")
    parser.add_argument("--dpi", type=int, default=DPI)
    parser.add_argument("--seals", action="store_true", help="draw where the seals go")
    parser.add_argument("--ui", action="store_true", help="also screenshot the preview")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="letter-samples-"))
    ledger = open_ledger(folder / "demo.db")
    try:
        build_demo_county(ledger, seed=2007, today=TODAY)
        year = TODAY.year
        with ledger.bound():
            targets = Counter(t.pairing_id for t in Target.select().where(Target.year == year))
            open_assignments = Assignment.select().where(Assignment.ended_on.is_null())
            cadres = Counter(a.cadre_id for a in open_assignments)
        jobs = {
            "target": {"subjects": [targets.most_common(1)[0][0]]},
            "cadre": {"subjects": [cadres.most_common(1)[0][0]]},
            "card": {},
        }
        for kind, options in jobs.items():
            pdf = folder / f"{kind}.pdf"
            generate(ledger, kind, year, pdf, day=DATED, **options)
            for png in page_pngs(pdf, args.out, kind, args.dpi, args.seals):
                print(png)
        if args.ui:
            generate(ledger, "target", year, folder / "all.pdf", day=DATED)
            preview_screenshot(ledger, args.out, year)
    finally:
        ledger.close()


if __name__ == "__main__":
    main()
