"""A smaller ICU data library for the Linux build: 31 MB of the bundle's 218 MB was libicudata.

On Linux, Qt6Core links ICU, and ICU's data library carries every locale of CLDR: names of
languages, regions, currencies and units, number spell-outs, transliterators, word-break
dictionaries. Qt calls ICU for four things only (the ICU symbols libQt6Core imports): collation
(ucol_*), case mapping (u_strToUpper/Lower), time-zone names (ucal_*) and code converters
(ucnv_*). So the build keeps every converter and the root data, keeps the locale bundles of root,
English and Chinese in the collation and time-zone trees and at the top, and drops the trees Qt
never reads. ICU falls back to root for any locale left out, as it does for a locale it lacks.

ICU finds its data through one symbol, icudt<N>_dat, in libicudata.so.<N>: a "common data" file
(a header, a table of contents sorted by name, the items). The items kept are written into a new
common data file, and a C compiler links it into a library of the same name exporting the same
symbol. Windows needs none of this: PySide6's Qt for Windows uses the system's ICU.

Plain Python; no PyInstaller import, so the tests can check it against the installed PySide6.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

# trees of the data Qt never reads: break iterators (Qt has its own), transliteration, number
# spell-outs, units, currencies, language and region names
DROPPED_TREES = ("brkitr", "translit", "rbnf", "unit", "curr", "lang", "region")
LOCALE = re.compile(r"^[a-z]{2,3}(_\w*)?\.res$")  # zh_Hans_CN.res; not pool.res or metaZones.res
KEPT_LOCALE = re.compile(r"^(root|en|en_\w*|zh|zh_\w*)\.res$")
ALIGN = 16


def kept(name: str) -> bool:
    """Whether an item of the data ("icudt73l/coll/zh.res") stays in the slim library."""
    parts = name.split("/")[1:]  # the package's own folder first
    if len(parts) > 1 and parts[0] in DROPPED_TREES:
        return False
    leaf = parts[-1]
    return not LOCALE.match(leaf) or bool(KEPT_LOCALE.match(leaf))


def read_common(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(name, item)]) of an ICU common data file in the machine's byte order."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD" or data[8] != 0:
        raise ValueError("not a little-endian ICU common data file")
    count = struct.unpack_from("<I", data, header_size)[0]
    toc = header_size
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(entries):
        name = data[toc + name_at:data.index(b"\0", toc + name_at)].decode("ascii")
        end = toc + entries[i + 1][1] if i + 1 < count else len(data)
        items.append((name, data[toc + data_at:end]))
    return data[:header_size], items


def write_common(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """A common data file holding `items`, kept in the (name-sorted) order given."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    data_start = _aligned(toc_size + len(names))
    entries, blobs, at, name_at = [], [], data_start, toc_size
    for name, blob in items:
        entries.append(struct.pack("<II", name_at, at))
        name_at += len(name) + 1
        padded = blob + b"\0" * (_aligned(len(blob)) - len(blob))
        blobs.append(padded)
        at += len(padded)
    toc = struct.pack("<I", len(items)) + b"".join(entries) + names
    return header + toc + b"\0" * (data_start - len(toc)) + b"".join(blobs)


def _aligned(size: int) -> int:
    return -(-size // ALIGN) * ALIGN


def common_data_of(library: Path) -> tuple[str, bytes]:
    """(symbol, common data) exported by an ICU data library (ELF, 64-bit little-endian)."""
    elf = library.read_bytes()
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise ValueError(f"{library.name}: not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * shentsize) for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strings = sections[link][4]
        for at in range(offset, offset + size, entsize):
            name_at, _info, _other, index, value, length = struct.unpack_from("<IBBHQQ", elf, at)
            name = elf[strings + name_at:elf.index(b"\0", strings + name_at)].decode()
            if re.fullmatch(r"icudt\d+_dat", name):
                section = sections[index]
                start = section[4] + value - section[3]
                return name, elf[start:start + length]
    raise ValueError(f"{library.name}: no icudt<N>_dat symbol")


def slim_library(library: Path, out_dir: Path) -> Path:
    """Write out_dir/<library's name>: the same symbol holding only the kept items."""
    symbol, data = common_data_of(library)
    header, items = read_common(data)
    slim = write_common(header, [(name, blob) for name, blob in items if kept(name)])
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        raise RuntimeError("no C compiler (cc) to link the smaller ICU data library")
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / library.name
    with tempfile.TemporaryDirectory() as tmp:
        blob = Path(tmp) / "icudata.dat"
        blob.write_bytes(slim)
        source = Path(tmp) / "icudata.S"
        source.write_text(
            f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n'
            f'\t.balign {ALIGN}\n{symbol}:\n\t.incbin "{blob}"\n\t.size {symbol}, .-{symbol}\n'
            f'\t.section .note.GNU-stack,"",@progbits\n', encoding="ascii")
        subprocess.run([compiler, "-shared", "-nostdlib", f"-Wl,-soname,{library.name}",
                        "-o", str(out), str(source)], check=True)
    return out


if __name__ == "__main__":
    import sys

    header, items = read_common(common_data_of(Path(sys.argv[1]))[1])
    kept_size = sum(len(b) for n, b in items if kept(n))
    print(f"{len(items)} items, {sum(len(b) for _, b in items) / 2**20:.1f} MB; "
          f"kept {sum(kept(n) for n, _ in items)}, {kept_size / 2**20:.1f} MB")
