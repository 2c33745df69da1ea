"""Exchange packages between offices as operations: making one, merging one, settling a
conflict. Each is one transaction with its history; a refused package changes nothing.

Who may: making a package needs a role that edits (not 只读); merging one at the county needs
the county administrator (it changes every township's picture), at a township office any role
that edits (the county's lists come down for everyone). What a package may change is decided by
the office that sent it (core.sync.exchange): a township's package only its own township's
records, never the county's lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pairing_desktop.core import auth
from pairing_desktop.core.changes import CREATED, Changes
from pairing_desktop.core.errors import RefusedError, ValidationError
from pairing_desktop.core.files import atomic_output, check_output
from pairing_desktop.core.i18n import Phrase, term, tr
from pairing_desktop.core.operations.base import operation
from pairing_desktop.core.profile import Office, office_of
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.core.sync import conflicts, exchange, package
from pairing_desktop.core.sync.exchange import MergeResult


@dataclass(frozen=True)
class Exported:
    changes: Changes
    seq: int
    count: int
    size: int  # bytes


@dataclass(frozen=True)
class Imported:
    changes: Changes
    sender: str
    seq: int
    result: MergeResult


def _office(ledger: Ledger) -> Office:
    me = office_of(ledger)
    if not me.county or not me.name:
        raise RefusedError(tr("本台账还没有设置县名和使用单位，不能交换数据：请先在设置中填写。"))
    return me


def _refuse_viewer(ledger: Ledger, what: str) -> None:
    who = ledger.operator
    if who is not None and who.role == auth.VIEWER:
        raise RefusedError(tr("“{role}”账户不能{action}。").format(role=term(who.role_label),
                                                                 action=what))


def export_package(ledger: Ledger, to: str, out: Path) -> Exported:
    """Write the next package for office `to` to `out` (atomically): every record written here
    since the last package `to` has acknowledged merging."""
    to = to.strip()
    me = _office(ledger)
    if not to:
        raise ValidationError({"to": tr("收件单位：必填，不能为空")})
    if to == me.name:
        raise ValidationError({"to": tr("收件单位：不能是本单位自己")})
    if not me.is_county and to != me.reports_to:
        raise ValidationError({"to": tr("收件单位：本台账只向“{office}”报送").format(
            office=me.reports_to)})
    out = check_output(Path(out), [package.SUFFIX])
    _refuse_viewer(ledger, tr("生成交换包"))
    # the file is renamed into place only after its number is committed
    with atomic_output(out) as tmp, \
            operation(ledger, Phrase("生成交换包（发往{office}）", office=to), stack=None) as op:
        header, body, seq = exchange.build(me, to)
        size = package.write(tmp, header, body)
        op.record(CREATED, "package", f"{to}#{seq}",
                  {"to": (None, to), "seq": (None, seq), "count": (None, header["count"])})
    return Exported(op.changes, seq, header["count"], size)


def import_package(ledger: Ledger, path: Path) -> Imported:
    """Merge a package from another office; refused whole (PackageError) when it is damaged,
    not for this ledger, already merged or older than one merged, or changes what its office
    may not change."""
    me = _office(ledger)
    pkg = package.read(Path(path))  # checked whole before anything is opened for writing
    _refuse_viewer(ledger, tr("导入交换包"))
    if me.is_county and ledger.operator is not None and ledger.operator.role != auth.ADMIN:
        raise RefusedError(tr("“{role}”不能在县级台账导入交换包：由县级管理员导入。").format(
            role=term(ledger.operator.role_label)))
    h = pkg.header
    with operation(ledger, Phrase("导入交换包（{office}第{n}号）", office=h["from"], n=h["seq"]),
                   stack=None) as op:
        exchange.check_address(me, h)
        result = exchange.Merge(op, me, h, pkg.body).run()
    return Imported(op.changes, h["from"], h["seq"], result)


def resolve_conflict(ledger: Ledger, conflict_id: int, choice: str) -> Changes:
    """Settle a conflict: keep this ledger's version (conflicts.OURS) or take the other
    office's (conflicts.THEIRS). The choice is recorded in the history."""
    with operation(ledger, Phrase("处理交换冲突"), stack=None) as op:
        conflicts.resolve(op, conflict_id, choice)
    return op.changes
