"""What the build leaves out or cuts down to keep the bundle under 160 MB (issue 9), checked
without PyInstaller: the ICU data Qt reads on Linux, pypinyin's unread phrase table, the fonts'
compressed form. scripts/build.py runs the built program's self-test, which uses each of them."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pairing_desktop.core import font_files

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


icu_data = load("icu_data")
bundle = load("bundle")


def pyside_icu_data() -> Path:
    spec = importlib.util.find_spec("PySide6")
    found = sorted(Path(spec.submodule_search_locations[0], "Qt", "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 carries no ICU (Windows, macOS)")
    return found[0]


@pytest.mark.parametrize(("name", "kept"), [
    ("icudt73l/coll/root.res", True),
    ("icudt73l/coll/zh.res", True),  # pinyin order for QCollator("zh_CN")
    ("icudt73l/coll/ucadata.icu", True),
    ("icudt73l/zone/zh_Hans.res", True),
    ("icudt73l/zone/pool.res", True),
    ("icudt73l/zh_Hans_CN.res", True),
    ("icudt73l/en.res", True),
    ("icudt73l/root.res", True),
    ("icudt73l/cnvalias.icu", True),
    ("icudt73l/gb18030.cnv", True),
    ("icudt73l/supplementalData.res", True),
    ("icudt73l/zoneinfo64.res", True),
    ("icudt73l/coll/de.res", False),
    ("icudt73l/coll/de_.res", False),
    ("icudt73l/fr.res", False),
    ("icudt73l/yue.res", False),
    ("icudt73l/brkitr/cjdict.dict", False),
    ("icudt73l/lang/zh.res", False),
    ("icudt73l/curr/en.res", False),
])
def test_icu_items_kept_are_those_qt_reads(name, kept):
    assert icu_data.kept(name) is kept


def test_icu_common_data_is_written_back_item_for_item():
    _symbol, data = icu_data.common_data_of(pyside_icu_data())
    header, items = icu_data.read_common(data)
    assert len(items) > 3000 and [n for n, _ in items] == sorted(n for n, _ in items)
    again = icu_data.read_common(icu_data.write_common(header, items))
    assert again[0] == header
    # each item comes back whole (the rewrite may pad one to the next 16 bytes, as ICU's does)
    assert [(n, b[:len(o)]) for (n, b), (_, o) in zip(again[1], items, strict=True)] == items


@pytest.mark.skipif(shutil.which("cc") is None, reason="needs a C compiler")
def test_qt_works_with_the_slim_icu_data(tmp_path):
    """Qt loads the cut-down library and sorts, cases and names time zones in Chinese with it."""
    slim = icu_data.slim_library(pyside_icu_data(), tmp_path)
    assert slim.stat().st_size < pyside_icu_data().stat().st_size / 3
    symbol, data = icu_data.common_data_of(slim)
    assert symbol.startswith("icudt") and all(icu_data.kept(n) for n, _ in
                                              icu_data.read_common(data)[1])
    script = (
        "import functools\n"
        "from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone\n"
        "china = QLocale('zh_CN')\n"
        "print(' '.join(sorted('张安陈白', key=functools.cmp_to_key(QCollator(china).compare))))\n"
        "print(QLocale('tr_TR').toUpper('istanbul'))\n"
        "print(QTimeZone(b'Asia/Shanghai').displayName(QTimeZone.TimeType.StandardTime,"
        " QTimeZone.NameType.LongName, china))\n"
        "print(QStringDecoder('GB18030').isValid())\n")
    env = {**os.environ, "LD_PRELOAD": str(slim)}  # the slim library answers for libicudata
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["安 白 陈 张", "İSTANBUL", "中国标准时间", "True"]


def test_pinyin_keys_need_no_phrase_table():
    """The bundle leaves out pypinyin's phrase table, and carries the package by name: the
    names' sort keys read its table of single characters without importing it, so the
    analysis would not see it (the built self-test failed at the demo without it)."""
    assert bundle.DROPPED_DATA.search("pypinyin/phrases_dict.json")
    assert not bundle.DROPPED_DATA.search("pypinyin/pinyin_dict.json")
    assert "pypinyin" in bundle.HIDDEN_IMPORTS
    script = ("import sys\n"
              "from pairing_desktop.core.sort_keys import sort_key\n"
              "print(sort_key('王芳'), any(m.startswith('pypinyin') for m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wang2fang1", "False"]


def test_the_build_compresses_the_fonts_the_program_unpacks():
    assert bundle.FONT_SUFFIX == font_files.COMPRESSED
    fonts = sorted((ROOT / "resources" / "fonts").glob(bundle.COMPRESSED_FONTS))
    assert [f.name for f in fonts] == font_files.bundled_fonts()


@pytest.mark.parametrize(("path", "dropped"), [
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", True),
    ("PySide6/plugins/imageformats/qwebp.dll", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
    ("PySide6/plugins/imageformats/qsvg.dll", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", False),
])
def test_unused_image_formats_are_dropped(path, dropped):
    assert bool(bundle.DROPPED_FILES.search(path)) is dropped
