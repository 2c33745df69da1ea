"""The bundled font files as paths that ReportLab and Qt can open.

In a checkout the fonts are plain files in resources/fonts. The built program carries them
compressed (uming.ttc.xz: the three TrueType collections, 41 MB, take 16 MB of the bundle, which
must stay under 160 MB): the first use of a font unpacks it into the user's cache folder, once
(about a second for all three), and every later use opens that copy. The copy's name carries the
size and time of the compressed file, so a new version of the program with another font unpacks
it afresh; the older copies are removed then.
"""

from __future__ import annotations

import contextlib
import lzma
import os
import shutil
import threading
from pathlib import Path

import platformdirs

from pairing_desktop.core.files import atomic_output
from pairing_desktop.core.paths import APP_NAME, resources_dir

COMPRESSED = ".xz"  # packaging/bundle.py FONT_SUFFIX
CACHE_ENV = "PAIRING_DESKTOP_FONT_CACHE"  # the self-test unpacks into its own folder
_UNPACKING = threading.Lock()  # the window, a letter batch and the font table may ask at once


def cache_dir() -> Path:
    """Where unpacked fonts are kept (%LOCALAPPDATA%\\pairing_desktop\\Cache\\fonts on Windows)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "fonts"


def bundled_fonts() -> list[str]:
    """The names of the fonts in resources/fonts, plain or compressed: ["uming.ttc", …]."""
    folder = resources_dir() / "fonts"
    names = {p.name.removesuffix(COMPRESSED) for p in folder.glob("*.tt[cf]*")}
    return sorted(n for n in names if n.endswith((".ttc", ".ttf")))


def font_file(name: str) -> Path:
    """The path of the bundled font `name` ("uming.ttc"), unpacked first if it is compressed.

    Raises FileNotFoundError when the program carries no such font, and core.errors'
    PairingError (a Chinese message) when the cache folder cannot be written."""
    folder = resources_dir() / "fonts"
    plain = folder / name
    if plain.is_file():
        return plain
    packed = folder / (name + COMPRESSED)
    stat = packed.stat()
    stem, suffix = os.path.splitext(name)
    copy = cache_dir() / f"{stem}-{stat.st_size:x}-{int(stat.st_mtime):x}{suffix}"
    with _UNPACKING:
        if not copy.is_file():
            with atomic_output(copy) as tmp, lzma.open(packed) as src, tmp.open("wb") as out:
                shutil.copyfileobj(src, out, 1 << 20)
            for old in copy.parent.glob(f"{stem}-*{suffix}"):
                if old != copy:  # kept while another copy of the program has it open (Windows)
                    with contextlib.suppress(OSError):
                        old.unlink()
    return copy
