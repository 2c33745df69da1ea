"""Small helpers shared by the test suites (no fixtures: those live in conftest.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

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
