"""A letter's life: 草稿 → 已打印 (when, by whom) → 已签订 (date, scan kept with its hash).

Each generated letter is a row with its verification code and the hash of the records it was made
from, with the letter's date (成文/签订日期, chosen for the batch). Generating it again from
unchanged records with the same date reuses the row and code; from changed records, or with
another date, it makes a new version that points to the old one, which is kept (a superseded draft
that was never printed is hidden from the list but still verifiable).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peewee import JOIN, Case, fn

from pairing_desktop.core import auth
from pairing_desktop.core.changes import Changes
from pairing_desktop.core.errors import RefusedError, ValidationError, os_reason
from pairing_desktop.core.i18n import Phrase, term, tr
from pairing_desktop.core.letters import KINDS
from pairing_desktop.core.letters.codes import (
    content_hash,
    dated_hash,
    new_code,
    normalize_code,
    split_hash,
)
from pairing_desktop.core.letters.data import LetterData, gather
from pairing_desktop.core.operations.base import operation
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger, uses_own_ledger
from pairing_desktop.core.storage.models import Letter, Township, utcnow
from pairing_desktop.core.validation import said_date

DRAFT, PRINTED, SIGNED = "草稿", "已打印", "已签订"
STATUSES = (DRAFT, PRINTED, SIGNED)
OVERDUE_DAYS = 30
SUBJECT = {"target": Letter.pairing, "cadre": Letter.cadre, "card": Letter.household}
SCAN_TYPES = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp")


@dataclass
class Planned:
    """A letter about to be printed: its code, and the row to insert if it is a new version."""

    data: LetterData
    code: str
    content_hash: str
    letter_id: uuid.UUID
    new_row: dict[str, Any] | None  # None: an existing row with the same content


def _subject_id(row: Letter, kind: str) -> uuid.UUID:
    return {"target": row.pairing_id, "cadre": row.cadre_id, "card": row.household_id}[kind]


def plan(letters: list[LetterData], titles: list[str]) -> list[Planned]:
    """Codes for letters about to be rendered, reading only: nothing is written until `commit`."""
    latest: dict[tuple[str, int, uuid.UUID], Letter] = {}
    for kind, year in {(d.kind, d.year) for d in letters}:
        rows = (Letter.select().where((Letter.kind == kind) & (Letter.year == year))
                .order_by(Letter.version))
        for row in rows:
            latest[(kind, year, _subject_id(row, kind))] = row
    taken: set[str] = set()
    planned = []
    for data, title in zip(letters, titles, strict=True):
        digest = dated_hash(data.values, data.day or dt.date.today())
        old = latest.get((data.kind, data.year, data.subject))
        if old is not None and old.content_hash == digest and old.deleted_at is None:
            planned.append(Planned(data, old.code, digest, old.id, None))
            continue
        code = new_code(taken)
        taken.add(code)
        letter_id = uuid.uuid4()
        row = {
            "id": letter_id, "kind": data.kind, "year": data.year, "title": title,
            "party": data.party, "unit": data.unit, "township": data.township, "code": code,
            "content_hash": digest, "version": old.version + 1 if old else 1,
            "previous": old.id if old else None, SUBJECT[data.kind].name: data.subject,
        }
        planned.append(Planned(data, code, digest, letter_id, row))
    return planned


def commit(ledger: Ledger, planned: list[Planned],
           place: Callable[[], None] = lambda: None) -> Changes:
    """Record the new versions as one operation and hide the drafts they supersede; `place`
    puts the printed files where they belong inside the same transaction, so letters are
    recorded only when their files are in place."""
    rows = [p.new_row for p in planned if p.new_row is not None]
    if not rows:
        place()
        return Changes()
    now = utcnow()
    with operation(ledger, Phrase("生成{n}份{kind}", n=len(rows),
                                  kind=Phrase.term(KINDS[rows[0]["kind"]])), auth.PRINT) as op:
        for row in rows:
            op.created("letter", row["id"], {k: v for k, v in row.items() if k != "id"})
        for start in range(0, len(rows), 200):
            chunk = [{**r, "created_at": now, "updated_at": now} for r in rows[start:start + 200]]
            Letter.insert_many(chunk).execute()
        superseded = [r["previous"] for r in rows if r["previous"] is not None]
        for start in range(0, len(superseded), 500):
            hidden = (Letter.select(Letter.id, Letter.township)
                      .where(Letter.id.in_(superseded[start:start + 500])
                             & (Letter.status == DRAFT) & Letter.deleted_at.is_null()))
            for letter_id, township in hidden.tuples():
                op.updated("letter", letter_id, {"deleted_at": None, "township": township},
                           {"deleted_at": now, "township": township})
            (Letter.update(deleted_at=now, updated_at=now)
             .where(Letter.id.in_(superseded[start:start + 500]) & (Letter.status == DRAFT)
                    & Letter.deleted_at.is_null()).execute())
        place()
    return op.changes


# --- status ---------------------------------------------------------------------------------------


@uses_ledger
def find(ledger: Ledger, letter_id: Any) -> Letter | None:
    """The letter with this id, or None."""
    return Letter.get_or_none(Letter.id == letter_id) if letter_id else None


def _get(ledger: Ledger, letter_id: Any) -> Letter:
    row = find(ledger, letter_id)
    if row is None:
        raise RefusedError(tr("找不到这份责任书。"))
    return row


@uses_ledger
def letter_date(ledger: Ledger, letter_id: Any) -> dt.date | None:
    """The date printed on a letter version (None for letters printed before the date was
    recorded): a reprint or preview keeps it unless another is chosen."""
    return split_hash(_get(ledger, letter_id).content_hash)[0]


@uses_ledger
def subject_of(ledger: Ledger, letter_id: Any) -> tuple[str, int, uuid.UUID]:
    """(kind, year, pairing/cadre/household id) of a letter, to print it again."""
    row = _get(ledger, letter_id)
    return row.kind, row.year, _subject_id(row, row.kind)


def mark_printed(ledger: Ledger, letter_ids: list[Any], by: str | None = None,
                 when: dt.datetime | None = None) -> Changes:
    """Record that letters were printed (by the operator unless named); a signed letter stays
    signed. `len(changes.updated["letter"])` is how many moved."""
    by = (by if by is not None else ledger.operator.name if ledger.operator else "").strip()
    if not by:
        raise ValidationError({"printed_by": tr("打印人：必填，不能为空")})
    when = when or utcnow()
    with operation(ledger, Phrase("标记{n}份责任书已打印", n=len(letter_ids)), auth.PRINT) as op:
        rows = (Letter.select(Letter.id, Letter.status, Letter.printed_at, Letter.printed_by,
                              Letter.township)
                .where(Letter.id.in_(list(letter_ids)) & (Letter.status != SIGNED)).dicts())
        moved = [row["id"] for row in rows if op.updated(
            "letter", row["id"], row, {**row, "status": PRINTED, "printed_at": when,
                                       "printed_by": by})]
        (Letter.update(status=PRINTED, printed_at=when, printed_by=by, updated_at=utcnow())
         .where(Letter.id.in_(moved)).execute())
    return op.changes


def data_folder(ledger: Ledger) -> Path:
    """The folder of the open ledger file: scans are kept beside it, so they travel together
    (for a server ledger, the user's data folder for that server: Ledger.folder)."""
    return ledger.folder


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@uses_ledger
def mark_signed(ledger: Ledger, letter_id: Any, signed_on: dt.date, scan: Path,
                folder: Path | None = None) -> Path:
    """Record the signing: the scan is copied into `scans/` of the data folder with its hash.

    Refused for a letter never printed, a date in the future or before printing, a missing or
    unreadable scan; then nothing is written and no file is left behind."""
    row = _get(ledger, letter_id)
    if row.status == DRAFT:
        raise RefusedError(tr("这份责任书尚未打印，不能标记为已签订。"))
    today = dt.date.today()
    if signed_on > today:
        raise ValidationError({"signed_on": tr("签订日期：不能晚于今天")})
    if row.printed_at and signed_on < row.printed_at.date():
        raise ValidationError({"signed_on": tr("签订日期：不能早于打印日期（{date}）").format(
            date=row.printed_at.date().isoformat())})
    scan = Path(scan)
    if scan.suffix.lower() not in SCAN_TYPES:
        raise ValidationError({"scan": tr("扫描件：应为 {types} 文件").format(
            types=tr("、").join(SCAN_TYPES))})
    if not scan.is_file():
        raise ValidationError({"scan": tr("扫描件：找不到文件 {path}").format(path=scan)})
    folder = folder or data_folder(ledger)
    relative = Path("scans") / f"{row.code}-v{row.version}{scan.suffix.lower()}"
    target = folder / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    try:
        shutil.copyfile(scan, partial)
        digest = file_hash(partial)
        with operation(ledger, Phrase("标记责任书{code}已签订", code=row.code), auth.EDIT) as op:
            before = {"status": row.status, "signed_on": row.signed_on,
                      "scan_path": row.scan_path, "scan_hash": row.scan_hash,
                      "township": row.township_id}
            op.updated("letter", row.id, before, {
                **before, "status": SIGNED, "signed_on": signed_on,
                "scan_path": relative.as_posix(), "scan_hash": digest})
            (Letter.update(status=SIGNED, signed_on=signed_on, scan_path=relative.as_posix(),
                           scan_hash=digest, updated_at=utcnow())
             .where(Letter.id == row.id).execute())
            partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ValidationError({"scan": tr("扫描件：无法复制（{reason}）").format(
            reason=os_reason(exc))}) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


@uses_ledger
def scan_file(ledger: Ledger, letter_id: Any, folder: Path | None = None) -> Path:
    """The kept scan of a signed letter, checked against its hash."""
    row = _get(ledger, letter_id)
    if not row.scan_path:
        raise RefusedError(tr("这份责任书没有扫描件。"))
    path = (folder or data_folder(ledger)) / row.scan_path
    if not path.is_file():
        raise RefusedError(tr("扫描件 {path} 不见了。").format(path=path))
    if file_hash(path) != row.scan_hash:
        raise RefusedError(tr("扫描件 {path} 已被改动，与签订时保存的不一致。").format(path=path))
    return path


def overdue_cutoff(now: dt.datetime | None = None) -> dt.datetime:
    return (now or utcnow()) - dt.timedelta(days=OVERDUE_DAYS)


def is_overdue(row: Letter, now: dt.datetime | None = None) -> bool:
    """Printed over 30 days ago and still not signed."""
    return (row.status == PRINTED and row.printed_at is not None
            and row.printed_at < overdue_cutoff(now))


# --- verification ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verification:
    result: str  # found / changed / unknown
    message: str
    letter_id: uuid.UUID | None = None


@uses_ledger
def verify(ledger: Ledger, code: str) -> Verification:
    """Is this a letter we printed, and do its records still say what it says?"""
    normalized = normalize_code(code)
    row = Letter.get_or_none(Letter.code == normalized)
    if row is None:
        return Verification("unknown", tr("验证码 {code} 不存在：不是本台账打印的责任书。").format(
            code=code.strip()))
    kind_name = term(KINDS.get(row.kind, row.kind))
    what = tr("{year}年度{kind}（{party}，第{version}版，{status}）").format(
        year=row.year, kind=kind_name, party=row.party, version=row.version,
        status=term(row.status))
    newer = (Letter.select(Letter.code, Letter.version)
             .where(Letter.previous == row.id).first())
    current = gather(row.kind, row.year, subjects=[_subject_id(row, row.kind)])
    if not current:
        return Verification("changed", tr("{letter}：所依据的记录已删除或已不属于该年度。").format(
            letter=what), row.id)
    day, digest = split_hash(row.content_hash)
    if content_hash(current[0].values) != digest:
        later = tr("已有第{version}版（验证码 {code}）。").format(
            version=newer.version, code=newer.code) if newer else ""
        return Verification("changed",
                            tr("{letter}：打印后相关记录已修改，内容与台账不一致。{later}")
                            .format(letter=what, later=later), row.id)
    dated = tr("，落款日期{date}").format(date=said_date(day)) if day else ""
    return Verification("found", tr("{letter}：真实有效，内容与台账一致{dated}。").format(
        letter=what, dated=dated), row.id)


# --- the list of letters --------------------------------------------------------------------------


class LetterList:
    """A ListSource of live letters with filters (kind, status, year, township, overdue)."""

    COLUMNS = (("kind", "类型"), ("year", "年度"), ("party", "签署方"), ("township", "乡镇"),
               ("version", "版本"), ("status", "状态"), ("code", "验证码"),
               ("printed_at", "打印时间"), ("signed_on", "签订日期"), ("overdue", "超期未签"))

    def __init__(self, ledger: Ledger, filters: dict[str, Any] | None = None,
                 now: dt.datetime | None = None):
        self.ledger = ledger
        self.filters = dict(filters or {})
        self.now = now

    @property
    def columns(self) -> list[tuple[str, str]]:
        return list(self.COLUMNS)

    def _cutoff(self) -> dt.datetime:
        return overdue_cutoff(self.now)

    def _exprs(self) -> list:
        overdue = Case(None, [((Letter.status == PRINTED)
                               & (Letter.printed_at < self._cutoff()), "超期")], "")
        return [Letter.kind, Letter.year, Letter.party, Township.name, Letter.version,
                Letter.status, Letter.code, Letter.printed_at, Letter.signed_on, overdue]

    def _query(self, select: list, search: str):
        query = (Letter.select(*select)
                 .join(Township, JOIN.LEFT_OUTER, on=(Letter.township == Township.id))
                 .where(Letter.deleted_at.is_null()))
        f = self.filters
        if f.get("kind"):
            query = query.where(Letter.kind == f["kind"])
        if f.get("status"):
            query = query.where(Letter.status == f["status"])
        if f.get("year"):
            query = query.where(Letter.year == int(f["year"]))
        if f.get("township"):
            query = query.where(Letter.township == f["township"])
        if f.get("overdue"):
            query = query.where((Letter.status == PRINTED) & (Letter.printed_at < self._cutoff()))
        search = search.strip()
        if search:
            pattern = f"%{search}%"
            query = query.where((Letter.party ** pattern) | (Letter.code ** pattern)
                                | (Township.name ** pattern))
        return query

    @uses_own_ledger
    def count(self, search: str = "") -> int:
        return self._query([fn.COUNT(Letter.id)], search).scalar()

    @uses_own_ledger
    def page(self, search: str = "", sort: int | None = None, descending: bool = False,
             offset: int = 0, limit: int = 200) -> list[tuple]:
        exprs = self._exprs()
        order = []
        if sort is not None:
            order.append(exprs[sort].desc() if descending else exprs[sort].asc())
        order += [Letter.year.desc(), Letter.kind, Letter.party, Letter.version.desc(), Letter.id]
        rows = self._query([Letter.id, *exprs], search).order_by(*order)
        return [self._display(r) for r in rows.limit(limit).offset(offset).tuples()]

    @uses_own_ledger
    def row_of(self, letter_id: Any) -> tuple | None:
        rows = list(self._query([Letter.id, *self._exprs()], "")
                    .where(Letter.id == letter_id).tuples())
        return self._display(rows[0]) if rows else None

    @staticmethod
    def _display(row: tuple) -> tuple:
        kind = KINDS.get(row[1], row[1])
        # stored in UTC like every timestamp; shown in the office's local time
        printed = (row[8].replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
                   if row[8] else "")
        return (row[0], kind, row[2], row[3], row[4] or "", row[5], row[6], row[7], printed,
                row[9].isoformat() if row[9] else "", row[10])
