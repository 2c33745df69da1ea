"""The bundled fonts as the built program carries them: compressed, unpacked once into the cache
folder at first use, and then served to ReportLab (letters, reports) and to Qt (the window)."""

from __future__ import annotations

import lzma

import pytest

from pairing_desktop.core import font_files
from pairing_desktop.core.letters import fonts as F
from pairing_desktop.core.paths import resources_dir

BUNDLED = resources_dir() / "fonts"


@pytest.fixture
def built(tmp_path, monkeypatch):
    """A resources folder as in the built program: the heading's and the window's font
    compressed (fast preset: the ratio is the build's business), the two others plain (links)."""
    fonts = tmp_path / "resources" / "fonts"
    fonts.mkdir(parents=True)
    for name in ("uming.ttc", "ukai.ttc"):
        (fonts / name).symlink_to(BUNDLED / name)
    (fonts / "wqy-microhei.ttc.xz").write_bytes(
        lzma.compress((BUNDLED / "wqy-microhei.ttc").read_bytes(), preset=0))
    monkeypatch.setenv("PAIRING_DESKTOP_RESOURCES", str(tmp_path / "resources"))
    monkeypatch.setenv(font_files.CACHE_ENV, str(tmp_path / "cache"))
    return fonts


def test_a_checkout_uses_its_plain_files():
    assert font_files.font_file("uming.ttc") == BUNDLED / "uming.ttc"
    assert font_files.bundled_fonts() == ["ukai.ttc", "uming.ttc", "wqy-microhei.ttc"]


def test_a_compressed_font_is_unpacked_once_into_the_cache(built, tmp_path):
    assert font_files.bundled_fonts() == ["ukai.ttc", "uming.ttc", "wqy-microhei.ttc"]
    path = font_files.font_file("wqy-microhei.ttc")
    assert path.parent == tmp_path / "cache" and path.suffix == ".ttc"
    assert path.read_bytes() == (BUNDLED / "wqy-microhei.ttc").read_bytes()
    first = path.stat()
    assert font_files.font_file("wqy-microhei.ttc") == path
    assert path.stat().st_mtime_ns == first.st_mtime_ns  # not unpacked again
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no leftover part file


def test_a_new_compressed_font_replaces_the_old_copy(built, tmp_path):
    old = font_files.font_file("wqy-microhei.ttc")
    packed = built / "wqy-microhei.ttc.xz"
    packed.write_bytes(lzma.compress((BUNDLED / "wqy-microhei.ttc").read_bytes(), preset=1))
    new = font_files.font_file("wqy-microhei.ttc")
    assert new != old and not old.exists()
    assert new.read_bytes() == (BUNDLED / "wqy-microhei.ttc").read_bytes()


def test_a_missing_font_says_so(built):
    with pytest.raises(FileNotFoundError):
        font_files.font_file("simsun.ttc")


def test_letters_print_with_the_unpacked_face(built, tmp_path):
    report = {c.role: c for c in F.resolve_fonts("bundled", F.FontPlaces())}
    assert report["heading"].face.path.parent == tmp_path / "cache"
    assert report["heading"].psname == "WenQuanYiMicroHei"
    assert report["body"].face.path == built / "uming.ttc"
