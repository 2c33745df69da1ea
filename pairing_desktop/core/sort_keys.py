"""Pinyin order for names: the sort key kept beside each name of a person or a place.

Chinese users expect a list of names in pinyin order (安 before 白 before 陈), which character
codes do not give. Each kind named by a person or place keeps `sort_key`, the name spelled in
pinyin with tone numbers (王芳 → wang2fang1), in its own table beside the name, and the lists
sort by that column in SQL, so paging stays an index walk at province size.

The key is derived data, set in one place for every write path (forms, undo, import, merge):
when an operation finishes, from the names its history entries wrote (`refresh`); and at open,
for rows that have none (a file upgraded or made by the demo's bulk writer: `fill_missing`).
Writing a key alone does not count as a change of the record (storage.schema's triggers leave
`rev` alone), so keys never travel between offices as edits.

pypinyin's table of single characters is used, each character by its first reading: a list
sorted by surname pinyin is what a clerk expects, and phrase lookups (about 80 µs a name,
measured) would cost an import of 50,000 households four seconds.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from collections.abc import Iterable
from pathlib import Path

from pairing_desktop.core.entities import ENTITIES
from pairing_desktop.core.storage.ledger import Ledger, bound_executemany, bound_rows, uses_ledger

# kind → the field whose value is sorted by pinyin
KEYED = {"township": "name", "village": "name", "unit": "name", "cadre": "name",
         "household": "head_name", "farmer": "name"}


# pypinyin writes readings with tone marks (zhāng); a key wants the tone as a number (zhang1)
_MARKS = {mark: (base, tone) for base, marks in (
    ("a", "āáǎà"), ("e", "ēéěè"), ("i", "īíǐì"), ("o", "ōóǒò"), ("u", "ūúǔù"), ("v", "ǖǘǚǜ"),
    ("n", "ńňǹ"), ("m", "ḿ"), ("e", "ê")) for tone, mark in enumerate(marks, 1)}
_MARKS["ü"] = ("v", 0)


@functools.cache
def _readings() -> dict[str, str]:
    """pypinyin's table of single characters (code point as text → readings), read from its
    data file: importing pypinyin loads its phrase dictionary and trains its word segmenter
    (0.7 s here, paid by every import of a workbook), none of which a sort key uses."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("pypinyin")
    path = Path(spec.origin).with_name("pinyin_dict.json")
    return json.loads(path.read_text(encoding="utf-8"))


@functools.cache
def _syllable(ch: str) -> str:
    """A character's first reading with a tone number (neutral tone 5); the character itself,
    lower-cased, when it has none. Worked out once per distinct character: turning all 42,000
    of the table's entries at once took 0.7 s here, a workbook's names use a few thousand."""
    readings = _readings().get(str(ord(ch)))
    if readings is None:
        return ch.lower()
    letters, tone = [], 5
    for mark in readings.split(",")[0]:
        base, marked = _MARKS.get(mark, (mark, 0))
        letters.append(base)
        tone = marked or tone
    return "".join(letters) + str(tone)


def sort_key(name: str | None) -> str | None:
    """The name in pinyin with tone numbers; other characters as they are, lower-cased.

    Each syllable ends in its digit, which sorts before any letter: 阿 (a1) before 安 (an1)."""
    if name is None:
        return None
    return "".join(map(_syllable, name))


def _table(kind: str) -> str:
    return ENTITIES[kind].model._meta.table_name


def refresh(changes: Iterable[tuple[str, str, str | None]]) -> None:
    """Set the keys of (kind, record hex id, new name) on the bound ledger, one statement per
    kind: called when an operation finishes, inside its transaction, for the kinds whose keys
    the operation's own writes did not set (`Operation.keys_written`: an import and a merge
    write them with the rows, sparing 50,000 rows a second UPDATE)."""
    rows: dict[str, list[tuple[str | None, str]]] = {}
    for kind, record, name in changes:
        rows.setdefault(kind, []).append((sort_key(name), record))
    for kind, params in rows.items():
        bound_executemany(f'UPDATE "{_table(kind)}" SET sort_key = ? WHERE id = ?', params)


@uses_ledger
def fill_missing(ledger: Ledger) -> int:
    """Give a key to every named row that has none; returns how many were set."""
    done = 0
    with ledger.atomic():
        for kind, field in KEYED.items():
            table, column = _table(kind), ENTITIES[kind].model._meta.fields[field].column_name
            missing = bound_rows(f'SELECT id, "{column}" FROM "{table}" '
                                 f'WHERE sort_key IS NULL AND "{column}" IS NOT NULL')
            if missing:
                bound_executemany(f'UPDATE "{table}" SET sort_key = ? WHERE id = ?',
                                  [(sort_key(name), record) for record, name in missing])
                done += len(missing)
    return done
