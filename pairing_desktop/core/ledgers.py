"""Opening a ledger file for the domain: storage opens it, a new file gets the county's defaults.

Every caller (the window, the command line, the tests) opens ledgers here, so a new file always
starts with the "4321" ranks and the activity types of the Qianxi report.
"""

from __future__ import annotations

from pathlib import Path

from pairing_desktop.core.activities.types import seed_activity_types
from pairing_desktop.core.storage.db import open_database
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.core.storage.models import Rank

DEFAULT_RANKS = [("县级", 4), ("科局级", 3), ("股级", 2), ("一般干部", 1)]


def seed_defaults() -> None:
    """The default rows of a new ledger (inside its creating transaction, bound to it)."""
    for order, (name, quota) in enumerate(DEFAULT_RANKS):
        Rank.create(name=name, quota=quota, sort_order=order)
    seed_activity_types()


def open_ledger(path: str | Path, *, lock: bool = True) -> Ledger:
    """Open (creating if missing) the ledger at `path`; see storage.db.open_database."""
    return open_database(path, lock=lock, seed=seed_defaults)
