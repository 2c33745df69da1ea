"""Making letters: all of one kind for a year (or chosen ones) into one PDF or one file each.

The letters' date (成文/签订日期) is a choice of the batch, today unless given, printed in
Arabic numerals (2026年3月5日) and recorded with each letter version. The template is checked
first and the records are gathered in a few queries; pages are written to
a temporary file (or folder) beside the destination and moved into place only when everything is
done, after the letters' codes are recorded. A cancelled or failed batch leaves no file behind and
records nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

from pairing_desktop.core.changes import Changes
from pairing_desktop.core.errors import PairingError, RefusedError, ValidationError, os_reason
from pairing_desktop.core.files import PART, check_output, clean_leftovers
from pairing_desktop.core.i18n import term, tr
from pairing_desktop.core.letters import KINDS
from pairing_desktop.core.letters.data import LetterData, for_print, gather
from pairing_desktop.core.letters.fonts import LetterFonts, letter_fonts
from pairing_desktop.core.letters.layout import Layouter
from pairing_desktop.core.letters.lifecycle import Planned, commit, letter_date, plan, subject_of
from pairing_desktop.core.letters.render import Card, PdfDocument
from pairing_desktop.core.letters.templates import Template, expand, load_template
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}


class BatchCancelled(PairingError):
    def __init__(self) -> None:
        super().__init__(tr("已取消：没有生成任何文件，也没有记录任何责任书。"))


@dataclass
class BatchResult:
    files: list[Path]
    letters: list[Planned] = field(default_factory=list)
    pages: int = 0
    changes: Changes = field(default_factory=Changes)  # the letters recorded
    day: dt.date | None = None  # the date printed on the letters


def safe_filename(name: str, limit: int = 100) -> str:
    """A file name Windows accepts: no reserved characters or device names, no trailing dot."""
    cleaned = _UNSAFE.sub("_", name).strip().rstrip(". ")
    cleaned = cleaned[:limit].rstrip(". ")
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = f"_{cleaned}"
    return cleaned or "未命名"


def letter_file_name(data: LetterData) -> str:
    return safe_filename(f"{data.year}年{KINDS[data.kind]}_{data.party}") + ".pdf"


@uses_ledger
def generate(ledger: Ledger, kind: str, year: int, out: Path, *, township: str | None = None,
             unit: str | None = None, subjects: Collection[uuid.UUID] | None = None,
             split: bool = False, day: dt.date | None = None,
             progress: Progress | None = None, cancelled: Cancelled | None = None,
             template_dir: Path | None = None, fonts: LetterFonts | None = None) -> BatchResult:
    """Write the letters of `kind` for `year` to `out` (a PDF file, or a folder when `split`),
    dated `day` (today when not given). An `out` that is a ledger or a backup, a folder for one
    PDF or a file for a split batch, is refused before anything is made or recorded."""
    out = Path(out)
    if split:
        _check_folder(out)
    else:
        check_output(out, (".pdf",))
    template = load_template(kind, template_dir)
    fonts = fonts or letter_fonts(ledger)
    day = day or dt.date.today()
    letters = gather(kind, year, township=township, unit=unit, subjects=subjects, day=day)
    if not letters:
        scope = tr("、").join(what.format(name=name) for what, name in (
            (tr("乡镇“{name}”"), township), (tr("单位“{name}”"), unit)) if name)
        scope = tr("（{scope}）").format(scope=scope) if scope else ""
        raise RefusedError(tr("{year}年度没有可生成的{kind}{scope}。请检查年度和名称。").format(
            year=year, kind=term(KINDS[kind]), scope=scope))
    planned = plan(letters, [template.title.format_map(d.values) for d in letters])
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        clean_leftovers(out.parent)  # what a killed batch left here more than an hour ago
        work = Path(tempfile.mkdtemp(prefix=".letters-", suffix=PART, dir=out.parent))
        os.chmod(work, 0o755)  # it may become the output folder: readable like any other
    except OSError as exc:
        raise PairingError(tr("无法写入 {path}：{reason}").format(
            path=out.parent, reason=os_reason(exc))) from exc
    try:
        writer = _Writer(kind, template, fonts, progress, cancelled, len(planned))
        if split:
            result = writer.split(planned, work)
        else:
            result = writer.single(planned, work / "letters.pdf", out.stem)
        if cancelled is not None and cancelled():
            raise BatchCancelled

        def place() -> None:
            """Inside the recording transaction: a file that cannot be put in place records
            nothing. A split batch's folder arrives whole, by one rename, so a kill leaves all
            of its files or none."""
            if split:
                if out.is_dir():
                    out.rmdir()  # empty, as checked: a rename cannot replace a folder everywhere
                os.rename(work, out)
                result.files = [out / f.name for f in result.files]
            else:
                os.replace(result.files[0], out)
                result.files = [out]

        result.changes = commit(ledger, planned, place)
        result.day = day
        return result
    except OSError as exc:
        raise PairingError(tr("无法写入 {path}：{reason}").format(
            path=out, reason=os_reason(exc))) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _check_folder(out: Path) -> None:
    """A split batch goes into a folder of its own: a new one, or an empty one."""
    if out.is_file():
        raise ValidationError({"out": tr("输出文件夹：{path} 是一个文件，请给出文件夹").format(
            path=out)})
    if out.is_dir() and any(out.iterdir()):
        raise ValidationError({"out": tr("输出文件夹：{path} 里已有文件。每批责任书放在各自的"
                                         "文件夹里，请给出一个新的或空的文件夹").format(path=out)})


class _Writer:
    def __init__(self, kind: str, template: Template, fonts: LetterFonts,
                 progress: Progress | None, cancelled: Cancelled | None, total: int):
        self.kind = kind
        self.template = template
        self.fonts = fonts
        self.layouter = Layouter(fonts)
        self.progress = progress
        self.cancelled = cancelled
        self.total = total
        self.done = 0

    def _tick(self, count: int = 1) -> None:
        if self.cancelled is not None and self.cancelled():
            raise BatchCancelled
        self.done += count
        if self.progress is not None:
            self.progress(self.done, self.total)

    def _draw(self, doc: PdfDocument, items: list[Planned]) -> None:
        if self.kind == "card":
            doc.add_card_sheet([self._card(p) for p in items])
            return
        for p in items:
            values = {**for_print(p.data.values), "code": p.code}
            doc.add_letter(self.layouter.layout(expand(self.template, values)), p.code)

    def _card(self, p: Planned) -> Card:
        values = {**for_print(p.data.values), "code": p.code}
        t = self.template
        return Card(t.title.format_map(values), tuple(x.format_map(values) for x in t.card_lines),
                    t.card_note.format_map(values), p.code)

    def _groups(self, planned: list[Planned]) -> list[list[Planned]]:
        size = 4 if self.kind == "card" else 1
        return [planned[i:i + size] for i in range(0, len(planned), size)]

    def single(self, planned: list[Planned], path: Path, title: str) -> BatchResult:
        doc = PdfDocument(path, self.fonts, title)
        for group in self._groups(planned):
            self._tick(0)
            self._draw(doc, group)
            self._tick(len(group))
        doc.save()
        return BatchResult([path], planned, doc.pages)

    def split(self, planned: list[Planned], folder: Path) -> BatchResult:
        files: list[Path] = []
        used: set[str] = set()
        pages = 0
        for p in planned:
            self._tick(0)
            name = letter_file_name(p.data)
            stem, n = name[:-4], 2
            while name.lower() in used:
                name = f"{stem}_{n}.pdf"
                n += 1
            used.add(name.lower())
            doc = PdfDocument(folder / name, self.fonts, p.data.party)
            self._draw(doc, [p])
            doc.save()
            pages += doc.pages
            files.append(folder / name)
            self._tick()
        return BatchResult(files, planned, pages)


def letter_pdf(ledger: Ledger, letter_id: uuid.UUID, out: Path,
               day: dt.date | None = None) -> BatchResult:
    """The PDF of one listed letter, from the records as they are now, dated `day` or else with
    the letter's own date: the same code when records and date are unchanged, a new version (the
    old one kept) when either changed since."""
    kind, year, subject = subject_of(ledger, letter_id)
    day = day or letter_date(ledger, letter_id)
    return generate(ledger, kind, year, out, subjects=[subject], day=day)
