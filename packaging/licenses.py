"""Assemble the licence texts the installer shows and installs, from their sources.

    python packaging/licenses.py            # rewrite both files
    python packaging/licenses.py --check    # exit 1 if either is out of date (the Windows build)

packaging/LICENSES.txt, the installer's licence page: the program's own licence (MIT, as
pyproject.toml says); the notice for Qt and PySide6, which the program uses under the GNU LGPL v3
as separate, replaceable libraries, with the LGPL's text; the licences of the three bundled fonts
(resources/fonts/), which the build carries compressed.
packaging/THIRD-PARTY-NOTICES.txt, installed beside the program: the GNU GPL v3 (the LGPL is
written as additions to it), Python's licence, ICU's (its data library is cut down in the Linux
build: packaging/icu_data.py), and every other component in the bundle, found by
walking the dependencies in pyproject.toml through the installed packages' metadata, each with the
licence files its package ships (350 KB: too long for a page the clerk has to scroll past).
Written as UTF-8 with a byte-order mark and Windows line ends, which Inno Setup's licence page and
Notepad read.
"""

from __future__ import annotations

import re
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "packaging" / "LICENSES.txt"
NOTICES = ROOT / "packaging" / "THIRD-PARTY-NOTICES.txt"
TEXTS = ROOT / "packaging" / "licenses"
RULE = "=" * 78

MIT = """MIT License

Copyright (c) 2025-2026 The pairing_desktop authors

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""

QT_NOTICE = """本程序使用 Qt {qt} 和 Qt for Python（PySide6 {pyside}，含 Shiboken6），
依 GNU 宽通用公共许可证第 3 版（LGPL v3）使用。这些库没有修改，
以独立的动态库文件随程序安装（安装目录的 _internal 文件夹中的
PySide6 和 shiboken6 文件夹）；您可以用自己编译的兼容版本替换它们。

This program uses Qt {qt} and Qt for Python (PySide6 {pyside}, with Shiboken6) under the GNU
Lesser General Public License version 3. They are unmodified and installed as separate dynamic
libraries (the PySide6 and shiboken6 folders inside the _internal folder of the installation),
which you may replace with your own compatible build.

Qt and Qt for Python: Copyright (C) The Qt Company Ltd. and other contributors.
The complete source code of these versions: https://download.qt.io/official_releases/qt/ and
https://download.qt.io/official_releases/QtForPython/ (and https://code.qt.io/).

The GNU LGPL v3 follows; the GNU GPL v3, which it refers to, is in THIRD-PARTY-NOTICES.txt in
the installation folder, with the licences of Python and the other libraries the program uses.
"""

FONTS_NOTE = """字体文件未经修改；安装后的程序以 xz 压缩保存字体，
首次使用时原样解压到用户的缓存文件夹。
The font files are unmodified; the installed program keeps them xz-compressed and unpacks them,
unchanged, into the user's cache folder on first use.
"""

ICU_NOTICE = """Linux 版本：Qt 在 Linux 上使用 ICU（International Components for Unicode），
随 PySide6 安装。程序自带的 ICU 数据库（libicudata）只保留 Qt 所用的数据（排序、大小写、
时区名称和字符编码转换），由 packaging/icu_data.py 从 PySide6 自带的数据中选出。
Windows 版本不含 ICU。

The Linux build: Qt on Linux uses ICU, installed with PySide6. The build's ICU data library
(libicudata) keeps only the data Qt reads (collation, case mapping, time-zone names and code
converters), selected from PySide6's own by packaging/icu_data.py. The Windows build carries no
ICU. ICU's licence (the text of ICU's LICENSE file, here as shipped with ICU 72.1) follows.
"""

# Packages of the Qt notice above: not listed again among the other components.
QT_DISTS = {"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_names(requirements: list[str]) -> list[str]:
    """Names of the requirements that apply here (no extras; markers evaluated when possible)."""
    try:
        from packaging.requirements import Requirement
    except ImportError:  # no `packaging`: take every requirement without an extra
        Requirement = None
    names = []
    for text in requirements:
        if Requirement is not None:
            req = Requirement(text)
            if req.marker is not None and not req.marker.evaluate({"extra": ""}):
                continue
            names.append(req.name)
        elif "extra ==" not in text:
            names.append(re.match(r"[A-Za-z0-9_.-]+", text)[0])
    return names


def runtime_distributions() -> list:
    """The installed distributions the program needs at run time, from pyproject.toml down."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        todo = _requirement_names(tomllib.load(f)["project"]["dependencies"])
    seen: dict[str, object] = {}
    while todo:
        name = _norm(todo.pop())
        if name in seen:
            continue
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue  # optional on this platform, or not installed: nothing of it is bundled
        seen[name] = dist
        todo += _requirement_names(dist.requires or [])
    return sorted(seen.values(), key=lambda d: _norm(d.metadata["Name"]))


def _licence_files(dist) -> list[tuple[str, str]]:
    """(name, text) of the licence files a distribution ships in its metadata folder."""
    found = []
    for file in dist.files or []:
        parts = file.parts
        if not parts or not parts[0].endswith((".dist-info", ".egg-info")):
            continue
        name = parts[-1]
        if re.match(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", name, re.IGNORECASE) or (
                len(parts) > 2 and parts[1] == "licenses"):
            path = Path(dist.locate_file(file))
            if path.is_file() and path.stat().st_size:
                found.append(("/".join(parts[1:]), path.read_text(encoding="utf-8",
                                                                  errors="replace")))
    return sorted(found)


def _licence_label(dist) -> str:
    meta = dist.metadata
    label = meta.get("License-Expression") or ""
    if not label and meta.get("License") and len(meta["License"]) < 120:
        label = meta["License"]
    if not label:
        classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                       if c.startswith("License ::")]
        label = ", ".join(classifiers)
    return label or "see below"


def section(title: str, body: str) -> str:
    return f"{RULE}\n{title}\n{RULE}\n\n{body.strip()}\n\n"


def _finish(parts: list[str]) -> str:
    text = "".join(parts).replace("\r\n", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).rstrip() + "\n"


def assemble() -> dict[Path, str]:
    """{file: text} of LICENSES.txt and THIRD-PARTY-NOTICES.txt."""
    dists = runtime_distributions()
    versions = {_norm(d.metadata["Name"]): d.version for d in dists}
    pyside = versions.get("pyside6") or versions.get("pyside6-essentials", "?")
    page = [
        "城乡共建“1+1”结对帮扶台账（pairing_desktop）：许可证\n"
        "pairing_desktop: licences\n\n"
        "一、本程序的许可证 / The program's licence (MIT)\n"
        "二、Qt 与 PySide6（LGPL v3）/ Qt and PySide6 (GNU LGPL v3)\n"
        "三、字体 / Fonts: 文泉驿微米黑, AR PL UMing, AR PL UKai\n"
        f"{FONTS_NOTE}"
        "其他组件（Python 等）的许可证见安装目录中的 THIRD-PARTY-NOTICES.txt。\n"
        "The licences of the other components (Python and others) are in THIRD-PARTY-NOTICES.txt\n"
        "in the installation folder.\n\n",
        section("一、pairing_desktop — MIT License", MIT),
        section("二、Qt and Qt for Python (PySide6) — GNU LGPL v3",
                QT_NOTICE.format(qt=pyside.split("+")[0], pyside=pyside)),
        section("GNU LESSER GENERAL PUBLIC LICENSE, Version 3",
                (TEXTS / "LGPL-3.0.txt").read_text(encoding="utf-8")),
    ]
    for font_licence in sorted((ROOT / "resources" / "fonts").glob("LICENSE-*.txt")):
        page.append(section(f"三、字体 / Font: {font_licence.name} (resources/fonts)",
                            font_licence.read_text(encoding="utf-8")))

    notices = [
        "pairing_desktop: third-party notices（第三方组件的许可证）\n\n"
        "The program's own licence, Qt's and the fonts' are in LICENSES.txt.\n\n",
        section("GNU GENERAL PUBLIC LICENSE, Version 3 (referred to by Qt's LGPL v3)",
                (TEXTS / "GPL-3.0.txt").read_text(encoding="utf-8")),
    ]
    python_licence = Path(sys.base_prefix) / "LICENSE.txt"
    if not python_licence.is_file():  # POSIX layout
        python_licence = Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}." \
            f"{sys.version_info[1]}" / "LICENSE.txt"
    if python_licence.is_file():
        notices.append(section(f"Python {sys.version_info[0]}.{sys.version_info[1]} — "
                               "PSF License Agreement", python_licence.read_text(encoding="utf-8")))
    notices.append(section("ICU (International Components for Unicode), Linux build — "
                           "Unicode License", ICU_NOTICE + "\n" +
                           (TEXTS / "ICU.txt").read_text(encoding="utf-8")))
    for dist in dists:
        if _norm(dist.metadata["Name"]) in QT_DISTS:
            continue
        body = "\n\n".join(f"--- {name} ---\n{text.strip()}" for name, text in
                           _licence_files(dist)) or "(the package ships no licence file)"
        notices.append(section(f"{dist.metadata['Name']} {dist.version} — {_licence_label(dist)}",
                               body))
    return {OUT: _finish(page), NOTICES: _finish(notices)}


def main(argv: list[str]) -> int:
    texts = assemble()
    if "--check" in argv:
        stale = [path.name for path, text in texts.items() if not path.exists()
                 or path.read_text(encoding="utf-8-sig").replace("\r\n", "\n") != text]
        if stale:
            print(f"out of date: {', '.join(stale)}: run python packaging/licenses.py",
                  file=sys.stderr)
            return 1
        return 0
    for path, text in texts.items():
        with open(path, "w", encoding="utf-8-sig", newline="\r\n") as f:
            f.write(text)
        print(f"{path}: {len(text.encode()) // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
