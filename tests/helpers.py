"""Small helpers shared by the test suites (no fixtures: those live in conftest.py)."""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

from pairing_desktop.core import operations as ops
from pairing_desktop.core.demo import build_demo_county
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.core.storage.models import ALL_MODELS
from pairing_desktop.core.validation import id_check_digit


def id_number(birth: str = "19800101", order: str = "001", area: str = "520522") -> str:
    """A valid GB 11643 number; the last digit of `order` is odd for a man, even for a woman."""
    first17 = area + birth + order
    return first17 + id_check_digit(first17)


def wrong_check_digit(number: str) -> str:
    return number[:17] + ("0" if number[17] != "0" else "1")


def dump(ledger: Ledger) -> dict[str, list[tuple]]:
    """Every row of every table of the ledger: proof that a refused write changed nothing."""
    return {model._meta.table_name: ledger.execute(
        f"SELECT * FROM {model._meta.table_name} ORDER BY 1") for model in ALL_MODELS}


def file_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# --- files a clerk might try to open instead of a ledger ---------------------------------------


def garbage_with_header(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + random.Random(7).randbytes(3 * 4096))


def truncated_ledger(path: Path) -> None:
    with open_ledger(path) as ledger:
        build_demo_county(ledger, seed=1)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 5])


def broken_index_page(path: Path, index: str = "ux_unit_name") -> None:
    """Damage the open check finds in a file SQLite still reads: the header of one index's page
    claims 65,535 cells. The path must be a closed ledger."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                           (index,)).fetchone()[0]
        size = con.execute("PRAGMA page_size").fetchone()[0]
    finally:
        con.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * size + 3:(root - 1) * size + 5] = b"\xff\xff"
    path.write_bytes(data)


def text_file(path: Path) -> None:
    path.write_text("单位,村\n县财政局,新寨村\n", encoding="utf-8")


def someone_elses_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    con.execute("INSERT INTO contacts VALUES ('李明', '13885712345')")
    con.commit()
    con.close()


def save(ledger: Ledger, entity: str, record_id: Any, raw: dict[str, Any]) -> uuid.UUID:
    """Save through the operation path and return the record's id: what most tests need."""
    return ops.save(ledger, entity, record_id, raw).record_id


ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, password: str | None = None) -> subprocess.CompletedProcess:
    """`pairing-desktop ARGS` in a child process, as a county script runs it: no terminal, and
    PAIRING_PASSWORD set only when a password is given."""
    env = {k: v for k, v in os.environ.items() if k != "PAIRING_PASSWORD"}
    if password is not None:
        env["PAIRING_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "pairing_desktop", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8",
                          stdin=subprocess.DEVNULL)
