"""Verification codes, their QR symbol, and the content hash a printed letter is checked against.

A code is 8 characters of Crockford's base-32 (no I, L, O, U: nothing a clerk can misread),
printed as ABCD-EFGH; 40 random bits, unique in the ledger. The hash covers the records a letter
was printed from (not the print date), so a reprint of unchanged records keeps its code.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Container
from typing import Any

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS = {"I": "1", "L": "1", "O": "0", "U": "V"}
VOLATILE = ("date", "blank_date", "code")  # printed, but not part of what the letter states


def new_code(taken: Container[str] = ()) -> str:
    while True:
        raw = "".join(secrets.choice(ALPHABET) for _ in range(8))
        code = f"{raw[:4]}-{raw[4:]}"
        if code not in taken:
            return code


def normalize_code(text: str) -> str:
    """Accept a code as typed: any case, spaces or no dash, O for 0 and I/L for 1."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    raw = "".join(_READ_AS.get(ch, ch) for ch in raw)
    return f"{raw[:4]}-{raw[4:]}" if len(raw) == 8 else raw


def content_hash(values: dict[str, Any]) -> str:
    stable = {k: v for k, v in values.items() if k not in VOLATILE}
    blob = json.dumps(stable, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR modules of `text` (level M). One fixed mask pattern: any of the eight is valid and
    choosing the "best" one costs 2 ms a code, ten times the rest of the encoding."""
    qr = QRCode(None, QRErrorCorrectLevel.M)
    qr.addData(text)
    qr.version = qr.calculate_version()
    qr.makeImpl(False, 0)
    n = qr.getModuleCount()
    return [[bool(qr.modules[r][c]) for c in range(n)] for r in range(n)]


def qr_runs(matrix: list[list[bool]]) -> list[tuple[int, int, int]]:
    """Dark modules as horizontal runs (row, first column, length): one rectangle per run."""
    runs = []
    for r, row in enumerate(matrix):
        c, n = 0, len(row)
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                runs.append((r, start, c - start))
            else:
                c += 1
    return runs
