"""Verification codes, their QR symbol, and the content hash a printed letter is checked against.

A code is 8 characters of Crockford's base-32 (no I, L, O, U: nothing a clerk can misread),
printed as ABCD-EFGH; 40 random bits, unique in the ledger. The hash covers the records a letter
was printed from (not the print date), so a reprint of unchanged records keeps its code.
"""

from __future__ import annotations

import functools
import hashlib
import json
import secrets
from collections.abc import Container
from typing import Any

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel, QRUtil

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
    """The QR modules of `text` (version 1, level M, mask 0).

    A code (9 characters of QR's alphanumeric set) goes through a fast path that fills the data
    modules of a precomputed symbol; anything else through ReportLab's encoder. Either way one
    fixed mask: any of the eight is valid, and choosing the "best" costs 2 ms a code."""
    if len(text) == 9 and all(ch in _ALNUM for ch in text):
        return _fast_qr(text)
    return _reference_qr(text)


def _reference_qr(text: str) -> list[list[bool]]:
    qr = QRCode(None, QRErrorCorrectLevel.M)
    qr.addData(text)
    qr.version = qr.calculate_version()
    qr.makeImpl(False, 0)
    return qr.modules


_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_DATA_WORDS, _EC_WORDS = 16, 10  # version 1-M


def _gf_tables() -> tuple[list[int], list[int]]:
    exp, log = [0] * 512, [0] * 256
    x = 1
    for i in range(255):
        exp[i], log[x] = x, i
        x <<= 1
        if x & 0x100:
            x ^= 0x11D
    for i in range(255, 512):
        exp[i] = exp[i - 255]
    return exp, log


_EXP, _LOG = _gf_tables()


@functools.cache
def _symbol_plan() -> tuple[list[list[bool]], list[tuple[int, int, bool]], list[int]]:
    """The symbol without its data, the data module positions in order with their mask bit,
    and the Reed-Solomon generator: all the same for every code."""
    qr = QRCode(1, QRErrorCorrectLevel.M)
    qr.addData("0000-0000")
    qr.makeImpl(False, 0)
    mask = QRUtil.getMask(0)
    positions = [(row, col, bool(mask(row, col))) for col, row in qr.dataPosIterator()]
    generator = [1]
    for i in range(_EC_WORDS):
        nxt = [0] * (len(generator) + 1)
        for j, g in enumerate(generator):
            nxt[j] ^= g
            nxt[j + 1] ^= _EXP[(_LOG[g] + i) % 255] if g else 0
        generator = nxt
    return qr.modules, positions, generator


def _fast_qr(text: str) -> list[list[bool]]:
    template, positions, generator = _symbol_plan()
    bits = "0010" + format(len(text), "09b")
    values = [_ALNUM.index(ch) for ch in text]
    for i in range(0, len(values) - 1, 2):
        bits += format(values[i] * 45 + values[i + 1], "011b")
    if len(values) % 2:
        bits += format(values[-1], "06b")
    bits += "0000"
    bits += "0" * (-len(bits) % 8)
    words = [int(bits[i:i + 8], 2) for i in range(0, len(bits), 8)]
    pads = (0xEC, 0x11)
    words += [pads[i % 2] for i in range(_DATA_WORDS - len(words))]
    remainder = words + [0] * _EC_WORDS
    for i in range(_DATA_WORDS):
        coef = remainder[i]
        if coef:
            lc = _LOG[coef]
            for j in range(1, len(generator)):
                remainder[i + j] ^= _EXP[lc + _LOG[generator[j]]]
    stream = "".join(format(w, "08b") for w in words + remainder[_DATA_WORDS:])
    modules = [row[:] for row in template]
    for (row, col, masked), bit in zip(positions, stream, strict=True):
        modules[row][col] = (bit == "1") != masked
    return modules


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
