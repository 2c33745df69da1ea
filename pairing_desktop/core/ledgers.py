"""Opening a ledger file for the domain: storage opens it, a new file gets the county's defaults.

Every caller (the window, the command line, the tests) opens ledgers here, so a new file always
starts with the "4321" ranks and the activity types of the Qianxi report.
"""

from __future__ import annotations

from pathlib import Path

from pairing_desktop.core.activities.types import seed_activity_types
from pairing_desktop.core.errors import DamagedError
from pairing_desktop.core.files import clean_leftovers
from pairing_desktop.core.i18n import tr
from pairing_desktop.core.sort_keys import fill_missing
from pairing_desktop.core.storage.db import open_database, open_rebuilt
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.core.storage.models import Rank, seed_id
from pairing_desktop.core.storage.server import is_server_url

DEFAULT_RANKS = [("县级", 4), ("科局级", 3), ("股级", 2), ("一般干部", 1)]


def seed_defaults() -> None:
    """The default rows of a new ledger (inside its creating transaction, bound to it)."""
    for order, (name, quota) in enumerate(DEFAULT_RANKS):
        Rank.create(id=seed_id("rank", name), name=name, quota=quota, sort_order=order)
    seed_activity_types()


def open_ledger(path: str | Path, *, lock: bool = True) -> Ledger:
    """Open (creating if missing) the ledger at `path`; see storage.db.open_database.

    A damaged file is refused untouched, and the message names the newest good backup beside it
    and how old it is, with the way to restore it. A `postgresql://` address opens a ledger on a
    server (storage.server): no file, so nothing to clean up beside it."""
    if is_server_url(path):
        return open_database(path, seed=seed_defaults)
    clean_leftovers(Path(path).expanduser().resolve().parent)
    try:
        ledger = open_database(path, lock=lock, seed=seed_defaults)
    except DamagedError as exc:
        from pairing_desktop.core.backups import newest_good

        where = Path(path).expanduser().resolve()
        good = newest_good(where.parent / "backups", where.stem)
        if good is None:
            raise
        named = DamagedError(
            tr("{problem}\n最近一份完好的备份是 {backup}（{made}，{age}）。可用“文件 → 恢复”"
               "或命令 pairing-desktop restore \"{backup}\" --db \"{ledger}\" 恢复；"
               "损坏的文件会先另存，不会被覆盖。").format(
                problem=exc, backup=good.path, made=f"{good.made_at:%Y-%m-%d %H:%M}",
                age=good.age_text, ledger=where))
        named.readable, named.problem = exc.readable, exc.problem
        raise named from exc
    if ledger.backup is not None:  # just upgraded: the names get their pinyin keys
        try:
            fill_missing(ledger)
        except BaseException:
            ledger.close()
            raise
    return ledger


def open_damaged(path: str | Path, damage: DamagedError) -> Ledger:
    """A damaged file that SQLite still reads, opened read-only so its records can be seen,
    printed and exported: nothing writes to it (every operation is refused, `damage` says
    why). `damage` is what opening it normally raised; an unreadable file is refused again."""
    if not damage.readable:
        raise damage
    ledger = open_rebuilt(Path(path).expanduser().resolve())
    ledger.damage = damage.problem
    return ledger


def location_warning(path: Path) -> str | None:
    """A warning for a ledger on a network share or in a folder synced by cloud software, where
    SQLite's file locking is unreliable and two offices can corrupt each other's work."""
    text = str(path)  # as given: resolving would fold a "//server" share into "/server"
    if text.startswith(("\\\\", "//")):
        return tr("台账 {path} 位于网络共享上：网络盘的文件锁不可靠，多人同时使用可能损坏台账。"
                  "请把台账放在本机，用“交换”或备份在单位间传递数据。").format(path=text)
    resolved = str(Path(path).expanduser().resolve())
    synced = next((name for name in SYNCED_FOLDERS if name.lower() in resolved.lower()), None)
    if synced:
        return (tr("台账 {path} 位于同步盘“{folder}”的文件夹中："
                   "同步软件可能在保存时复制半个文件。"
                   "请把台账放在不同步的文件夹里，用备份功能把副本放到同步盘。")
                .format(path=resolved, folder=synced))
    return None


SYNCED_FOLDERS = ("OneDrive", "Dropbox", "Google Drive", "iCloudDrive", "百度网盘", "BaiduNetdisk",
                  "坚果云", "Nutstore", "WPS云盘", "WPSDrive")
