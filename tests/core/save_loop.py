"""Child process of test_crash: saves records for ever, reporting each one after its commit.

Run as `python -m tests.core.save_loop LEDGER ROUND`; the test kills it at a random moment.
"""

from __future__ import annotations

import sys

from pairing_desktop.core import auth
from pairing_desktop.core.ledgers import open_ledger
from tests.helpers import save


def report(line: str) -> None:
    """One write per line, so a kill cuts at most the last line."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(path: str, round_: str) -> None:
    ledger = open_ledger(path)
    auth.auto_login(ledger)  # the test's ledger works as its administrator without a password
    town = save(ledger, "township", None, {"name": f"第{round_}轮镇"})
    report(f"township {town.hex}")
    n = 0
    while True:
        village = save(ledger, "village", None, {"township": town, "name": f"{n}号村",
                                                 "households": n, "secretary": "王国华"})
        report(f"village {village.hex}")  # only after save() returned: committed
        n += 1


if __name__ == "__main__":
    main(*sys.argv[1:])
