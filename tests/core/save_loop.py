"""Child process of test_crash: saves records for ever, reporting each one after its commit.

Run as `python -m tests.core.save_loop LEDGER ROUND`; the test kills it at a random moment.
"""

from __future__ import annotations

import sys

from pairing_desktop.core import records
from pairing_desktop.core.storage.db import open_database


def report(line: str) -> None:
    """One write per line, so a kill cuts at most the last line."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(path: str, round_: str) -> None:
    open_database(path)
    town = records.save("township", None, {"name": f"第{round_}轮镇"})
    report(f"township {town.hex}")
    n = 0
    while True:
        village = records.save("village", None, {"township": town, "name": f"{n}号村",
                                                 "households": n, "secretary": "王国华"})
        report(f"village {village.hex}")  # only after save() returned: committed
        n += 1


if __name__ == "__main__":
    main(*sys.argv[1:])
