"""Verification codes, their QR symbol, and the content hash a printed letter is checked against.

A code is 8 characters of Crockford's base-32 (no I, L, O, U: nothing a clerk can misread),
printed as ABCD-EFGH; 40 random bits, unique in the ledger. The hash covers the records a letter
was printed from and the letter's date (`dated_hash`), so a reprint of unchanged records with the
same date keeps its code.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import secrets
from collections.abc import Container
from typing import Any

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


def dated_hash(values: dict[str, Any], day: dt.date) -> str:
    """What a letter version is: its records' hash and its date. A letter of unchanged records
    printed again with the same date is the same version (same code); another date makes a new
    version, as the paper says something else."""
    return f"{day.isoformat()}:{content_hash(values)}"


def split_hash(stored: str) -> tuple[dt.date | None, str]:
    """(date, records hash) of a stored letter hash; no date for letters printed before the
    date was a choice of the batch (their hash is the records' alone)."""
    day, sep, digest = stored.partition(":")
    if not sep:
        return None, stored
    return dt.date.fromisoformat(day), digest


# --- the QR symbol --------------------------------------------------------------------------------
# A code is 9 characters of QR's alphanumeric set: always a version 1 symbol (21 x 21) at level M,
# drawn with one fixed mask (any of the eight is valid; choosing the "best" costs 2 ms a code).
# For that one shape the whole symbol is built here from ISO/IEC 18004: the function patterns
# once, then per code the data bits and their Reed-Solomon words, placed in the fixed module order.
# No encoder's internals are used, so no library upgrade can change a letter's symbol; the tests
# compare the result with ReportLab's encoder and with a symbol made by segno.

_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_SIZE = 21
_DATA_WORDS, _EC_WORDS = 16, 10  # version 1-M
_FORMAT_M_MASK0 = 0b101010000010010  # level M (00), mask 000, BCH-coded and XOR 0x5412


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR modules of a code (version 1, level M, mask 0): rows of booleans, True = dark."""
    if len(text) > 20 or any(ch not in _ALNUM for ch in text):
        raise ValueError(f"not a verification code: {text!r}")
    template, positions, generator = _symbol_plan()
    acc, used = 0b0010, 4  # mode: alphanumeric
    acc, used = acc << 9 | len(text), used + 9
    values = [_ALNUM.index(ch) for ch in text]
    for i in range(0, len(values) - 1, 2):
        acc, used = acc << 11 | values[i] * 45 + values[i + 1], used + 11
    if len(values) % 2:
        acc, used = acc << 6 | values[-1], used + 6
    capacity = _DATA_WORDS * 8
    terminator = min(4, capacity - used)
    acc, used = acc << terminator, used + terminator
    acc, used = acc << (-used % 8), used + (-used % 8)
    words = [(acc >> (used - 8 * (i + 1))) & 0xFF for i in range(used // 8)]
    words += [(0xEC, 0x11)[i % 2] for i in range(_DATA_WORDS - len(words))]
    remainder = words + [0] * _EC_WORDS
    exp, log = _EXP, _LOG
    for i in range(_DATA_WORDS):
        coef = remainder[i]
        if coef:
            lc = log[coef]
            for j in range(1, len(generator)):
                remainder[i + j] ^= exp[lc + log[generator[j]]]
    stream = 0
    for word in words + remainder[_DATA_WORDS:]:
        stream = stream << 8 | word
    modules = [row[:] for row in template]
    shift = len(positions)
    for row, col, masked in positions:
        shift -= 1
        modules[row][col] = bool(stream >> shift & 1) != masked
    return modules


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
    """The symbol's function patterns, the data module positions in placement order with their
    mask bit, and the Reed-Solomon generator: the same for every code."""
    n = _SIZE
    modules = [[False] * n for _ in range(n)]
    fixed = [[False] * n for _ in range(n)]

    def put(row: int, col: int, dark: bool) -> None:
        modules[row][col] = dark
        fixed[row][col] = True

    for top, left in ((0, 0), (0, n - 7), (n - 7, 0)):  # finder patterns and their separators
        for r in range(-1, 8):
            for c in range(-1, 8):
                row, col = top + r, left + c
                if 0 <= row < n and 0 <= col < n:
                    ring = max(abs(r - 3), abs(c - 3))
                    put(row, col, ring in (0, 1, 3))
    for i in range(8, n - 8):  # timing patterns
        put(6, i, i % 2 == 0)
        put(i, 6, i % 2 == 0)
    fmt = [(_FORMAT_M_MASK0 >> i) & 1 == 1 for i in range(15)]
    for i in range(6):
        put(i, 8, fmt[i])
    put(7, 8, fmt[6])
    put(8, 8, fmt[7])
    put(8, 7, fmt[8])
    for i in range(9, 15):
        put(8, 14 - i, fmt[i])
    for i in range(8):
        put(8, n - 1 - i, fmt[i])
    for i in range(8, 15):
        put(n - 15 + i, 8, fmt[i])
    put(n - 8, 8, True)  # the dark module
    positions = []
    right = n - 1
    while right >= 1:
        if right == 6:
            right = 5
        upward = ((right + 1) & 2) == 0
        for vert in range(n):
            row = n - 1 - vert if upward else vert
            for col in (right, right - 1):
                if not fixed[row][col]:
                    positions.append((row, col, (row + col) % 2 == 0))
        right -= 2
    generator = [1]
    for i in range(_EC_WORDS):
        nxt = [0] * (len(generator) + 1)
        for j, g in enumerate(generator):
            nxt[j] ^= g
            nxt[j + 1] ^= _EXP[(_LOG[g] + i) % 255] if g else 0
        generator = nxt
    return modules, positions, generator


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
