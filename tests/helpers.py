"""Small helpers shared by the test suites (no fixtures: those live in conftest.py)."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from pathlib import Path

from pairing_desktop.core.demo import build_demo_county
from pairing_desktop.core.storage.db import open_database
from pairing_desktop.core.storage.models import ALL_MODELS, database
from pairing_desktop.core.validation import id_check_digit


def id_number(birth: str = "19800101", order: str = "001", area: str = "520522") -> str:
    """A valid GB 11643 number; the last digit of `order` is odd for a man, even for a woman."""
    first17 = area + birth + order
    return first17 + id_check_digit(first17)


def wrong_check_digit(number: str) -> str:
    return number[:17] + ("0" if number[17] != "0" else "1")


def dump() -> dict[str, list[tuple]]:
    """Every row of every table of the opened ledger: proof that a refused write changed nothing."""
    out = {}
    for model in ALL_MODELS:
        table = model._meta.table_name
        out[table] = database.execute_sql(f"SELECT * FROM {table} ORDER BY 1").fetchall()
    return out


def file_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# --- files a clerk might try to open instead of a ledger ---------------------------------------


def garbage_with_header(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + random.Random(7).randbytes(3 * 4096))


def truncated_ledger(path: Path) -> None:
    ledger = open_database(path)
    build_demo_county(seed=1)
    ledger.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 5])


def text_file(path: Path) -> None:
    path.write_text("单位,村\n县财政局,新寨村\n", encoding="utf-8")


def someone_elses_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    con.execute("INSERT INTO contacts VALUES ('李明', '13885712345')")
    con.commit()
    con.close()
