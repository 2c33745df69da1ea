"""The window's font in the built program: shipped compressed, unpacked into the cache folder at
the first start (core.font_files), then registered with Qt."""

from __future__ import annotations

import lzma

import pytest

from pairing_desktop.core import font_files
from pairing_desktop.core.paths import resources_dir
from pairing_desktop.ui.app import UI_FONT, register_fonts

pytestmark = pytest.mark.gui


@pytest.fixture
def compressed(tmp_path, monkeypatch):
    fonts = tmp_path / "resources" / "fonts"
    fonts.mkdir(parents=True)
    source = resources_dir() / "fonts" / UI_FONT
    (fonts / f"{UI_FONT}.xz").write_bytes(lzma.compress(source.read_bytes(), preset=0))
    monkeypatch.setenv("PAIRING_DESKTOP_RESOURCES", str(tmp_path / "resources"))
    monkeypatch.setenv(font_files.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path


def test_the_window_font_is_unpacked_and_registered(compressed, qapp):
    assert register_fonts(None) == "WenQuanYi Micro Hei"
    assert [p.suffix for p in (compressed / "cache").iterdir()] == [".ttc"]


def test_a_cache_folder_that_cannot_be_written_leaves_the_system_font(compressed, monkeypatch,
                                                                      qapp):
    blocked = compressed / "blocked"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv(font_files.CACHE_ENV, str(blocked / "fonts"))
    assert register_fonts(None) is None
