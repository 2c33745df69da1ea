"""`pairing-desktop check`: what a ledger file holds and whether it is sound, read-only.

Sound means SQLite's integrity check passes and the history's hash chain is whole: an entry of
the 操作日志 edited, deleted or reordered with an outside tool is named."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pairing_desktop.core import history, records
from pairing_desktop.core.errors import StorageError
from pairing_desktop.core.i18n import tr
from pairing_desktop.core.storage import schema
from pairing_desktop.core.storage.db import inspect_file, open_snapshot
from pairing_desktop.core.storage.failures import is_failure
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.core.storage.server import is_server_url, open_server_reader


@dataclass
class CheckReport:
    path: Path
    version: int
    integrity: str  # "ok" or SQLite's list of problems
    counts: dict[str, int]
    chain: history.ChainCheck = field(default_factory=lambda: history.ChainCheck(0))

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.chain.ok


def verify_integrity(ledger: Ledger) -> str:
    """SQLite's full integrity check on a read connection (safe off the GUI thread); a ledger
    that fails is marked damaged, and every operation on it is refused from then on."""
    if ledger.server is not None:  # the server keeps its pages whole itself: nothing to check
        return "ok"
    try:
        with ledger.reader() as reader:
            problems = "\n".join(r[0] for r in reader.execute("PRAGMA integrity_check"))
    except Exception as exc:  # a file SQLite cannot even read through ("malformed")
        if not is_failure(exc):
            raise
        problems = str(exc)
    if problems != "ok":
        ledger.damage = problems.splitlines()[0]
    return problems


def check_file(path: str | Path) -> CheckReport:
    """Inspect a ledger without changing it; raise StorageError when it is not a usable ledger.

    On a server there is no file to check (the server keeps its own pages whole): its version,
    counts and the history's chain are checked, on a read-only connection."""
    if is_server_url(path):
        with open_server_reader(path) as ledger:
            return CheckReport(path=path, version=schema.SCHEMA_VERSION, integrity="ok",
                               counts=records.counts(ledger), chain=history.verify(ledger))
    path = Path(path)
    if not path.exists():
        raise StorageError(tr("文件 {path} 不存在。").format(path=path))
    app_id, version = inspect_file(path)
    if app_id != schema.APPLICATION_ID:
        raise StorageError(tr("文件 {path} 不是本程序的台账数据库。").format(path=path))
    with open_snapshot(path) as ledger:
        integrity = "\n".join(r[0] for r in ledger.execute("PRAGMA integrity_check"))
        current = version == schema.SCHEMA_VERSION
        counts = records.counts(ledger) if current else {}
        chain = history.verify(ledger) if current else history.ChainCheck(0)
    return CheckReport(path=path, version=version, integrity=integrity, counts=counts,
                       chain=chain)
