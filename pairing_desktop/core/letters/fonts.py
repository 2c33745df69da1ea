"""Which font sets each part of a letter, found where Windows keeps fonts, and why.

GB/T 9704-2012 sets a letter's title in 小标宋, its body in 仿宋, first-level headings in 黑体,
second-level headings in 楷体 and page numbers in 宋体. On Windows a font is in the system Fonts
folder (%WINDIR%\\Fonts) or, when installed without administrator rights, in the user's own
folder (%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts); the registry (HKLM and HKCU ...\\Fonts) maps
each installed face's name to its file. Fonts are looked up by those registered names first
("FangSong (TrueType)", "方正小标宋简体 (TrueType)"), then by their usual file names in both
folders. A role no installed font serves takes the bundled face: AR PL UMing (a Ming/Song face) for
title, body and page numbers, WenQuanYi Micro Hei for 黑体 and AR PL UKai for 楷体.

The choice between the system's fonts and the bundled ones is a setting stored in the ledger, so
every PC printing from the same file prints with the same kind of fonts; `font_report` says, role
by role, which face is used and why, for the 责任书 tab.

ReportLab is imported, and a face registered with it (reading a 21 MB TTC), only when a face is
resolved for a letter or the font table: importing this module (the tabs do, at build) costs
neither, so the program's start pays for no letter font.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pairing_desktop.core.changes import Changes
from pairing_desktop.core.errors import ValidationError
from pairing_desktop.core.font_files import font_file
from pairing_desktop.core.i18n import Phrase, tr
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger
from pairing_desktop.core.storage.models import Setting

SETTING_KEY = "letters.font"
CHOICES = {"auto": "自动：优先使用系统已安装的公文字体（Windows）", "bundled": "程序自带字体"}

ROLES = ("title", "body", "heading", "subheading", "page")
ROLE_LABELS = {
    "title": "标题（2号小标宋体）",
    "body": "正文（3号仿宋体）",
    "heading": "一级标题（3号黑体）",
    "subheading": "二级标题（3号楷体）",
    "page": "页码（4号宋体）",
}
REGISTRY_KEY = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts"


@dataclass(frozen=True)
class Wanted:
    """One acceptable face for a role: its names as Windows registers them, its usual files."""

    label: str
    names: tuple[str, ...]
    files: tuple[tuple[str, int], ...]


# role -> acceptable installed faces, best first (the standard's face, then the usual stand-ins)
WANTED: dict[str, tuple[Wanted, ...]] = {
    "title": (
        Wanted("方正小标宋", ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S",
                             "FZXiaoBiaoSong-B05", "方正小标宋_GB18030"),
               (("FZXBSJW.TTF", 0), ("FZXBSK.TTF", 0))),
        Wanted("华文中宋", ("华文中宋", "STZhongsong"), (("STZHONGS.TTF", 0),)),
        Wanted("宋体", ("宋体", "SimSun"), (("simsun.ttc", 0),)),
    ),
    "body": (
        Wanted("仿宋", ("仿宋", "FangSong", "仿宋_GB2312", "FangSong_GB2312"),
               (("simfang.ttf", 0), ("SIMFANG.TTF", 0))),
        Wanted("方正仿宋", ("方正仿宋_GBK", "方正仿宋简体", "FZFangSong-Z02", "FZFangSong-Z02S"),
               (("FZFSK.TTF", 0), ("FZFSJW.TTF", 0))),
        Wanted("华文仿宋", ("华文仿宋", "STFangsong"), (("STFANGSO.TTF", 0),)),
        Wanted("宋体", ("宋体", "SimSun"), (("simsun.ttc", 0),)),
    ),
    "heading": (
        Wanted("黑体", ("黑体", "SimHei"), (("simhei.ttf", 0),)),
        Wanted("方正黑体", ("方正黑体_GBK", "方正黑体简体", "FZHei-B01", "FZHei-B01S"),
               (("FZHTK.TTF", 0), ("FZHTJW.TTF", 0))),
        Wanted("华文黑体", ("华文黑体", "STHeiti"), (("STXIHEI.TTF", 0),)),
    ),
    "subheading": (
        Wanted("楷体", ("楷体", "KaiTi", "楷体_GB2312", "KaiTi_GB2312"),
               (("simkai.ttf", 0), ("SIMKAI.TTF", 0))),
        Wanted("方正楷体", ("方正楷体_GBK", "方正楷体简体", "FZKai-Z03", "FZKai-Z03S"),
               (("FZKTK.TTF", 0), ("FZKTJW.TTF", 0))),
        Wanted("华文楷体", ("华文楷体", "STKaiti"), (("STKAITI.TTF", 0),)),
    ),
    "page": (
        Wanted("宋体", ("宋体", "SimSun"), (("simsun.ttc", 0),)),
    ),
}


@dataclass(frozen=True)
class Face:
    path: Path
    index: int

    @property
    def name(self) -> str:
        """The ReportLab name: one per file and face, so a face shared by roles embeds once (the
        checksum tells apart two files of one name, in the system's and the user's folder)."""
        return f"PD-{self.path.stem}-{self.index}-{zlib.crc32(str(self.path).encode()):08x}"


@dataclass(frozen=True)
class LetterFonts:
    """Registered ReportLab font names per role."""

    body: str
    title: str
    heading: str
    subheading: str
    page: str


@dataclass(frozen=True)
class FontChoice:
    """Which face serves a role, where it was found and why: a line of the 责任书 tab's report."""

    role: str
    label: str  # 正文（3号仿宋体）…
    face: Face
    family: str  # the face's own name, as read from the file: "AR PL UMing CN"
    psname: str  # its PostScript name, as a PDF names it: "UMingCN"
    source: str  # 系统字体文件夹 / 当前用户的字体文件夹 / 程序自带
    reason: str  # a sentence for the office

    @property
    def bundled(self) -> bool:
        return self.source == "程序自带"


@dataclass(frozen=True)
class FontPlaces:
    """Where to look for installed fonts: the two folders and the registry's entries."""

    system: Path | None = None
    user: Path | None = None
    # (hive: "HKLM"/"HKCU", value name such as "SimSun & NSimSun (TrueType)", file)
    registry: tuple[tuple[str, str, str], ...] = ()


def bundled_faces() -> dict[str, Face]:
    """The program's own faces per role; in the built program the first call unpacks them into
    the cache folder (core.font_files), in the worker that resolves the fonts."""
    ming = Face(font_file("uming.ttc"), 0)
    return {"title": ming, "body": ming, "heading": Face(font_file("wqy-microhei.ttc"), 0),
            "subheading": Face(font_file("ukai.ttc"), 0), "page": ming}


BUNDLED_NAMES = {"title": "AR PL UMing", "body": "AR PL UMing", "heading": "WenQuanYi Micro Hei",
                 "subheading": "AR PL UKai", "page": "AR PL UMing"}


def windows_fonts_dir(environ: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    return Path(environ.get("WINDIR") or environ.get("SystemRoot") or r"C:\Windows") / "Fonts"


def user_fonts_dir(environ: Mapping[str, str] | None = None) -> Path | None:
    """%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts: fonts installed "for me only" (Windows 10
    1809 and later, and whenever the clerk has no administrator rights)."""
    environ = os.environ if environ is None else environ
    local = environ.get("LOCALAPPDATA")
    return Path(local) / "Microsoft" / "Windows" / "Fonts" if local else None


def registry_fonts(winreg: Any) -> tuple[tuple[str, str, str], ...]:
    """Every (hive, value name, file) under the machine's and the user's Fonts keys; `winreg`
    is the module (passed in so the lookup can be tested on any system with a stand-in)."""
    found = []
    for hive_name in ("HKEY_CURRENT_USER", "HKEY_LOCAL_MACHINE"):
        short = "HKCU" if hive_name == "HKEY_CURRENT_USER" else "HKLM"
        try:
            key = winreg.OpenKey(getattr(winreg, hive_name), REGISTRY_KEY)
        except OSError:
            continue
        try:
            i = 0
            while True:
                try:
                    name, value, _kind = winreg.EnumValue(key, i)
                except OSError:
                    break
                if isinstance(value, str) and value:
                    found.append((short, name, value))
                i += 1
        finally:
            winreg.CloseKey(key)
    return tuple(found)


def windows_places(environ: Mapping[str, str] | None = None, winreg: Any = None) -> FontPlaces:
    """The places of this machine: none off Windows (the bundled faces serve), unless the
    environment and a stand-in registry module are given (the tests)."""
    if environ is None and winreg is None and sys.platform != "win32":
        return FontPlaces()
    if winreg is None and sys.platform == "win32":  # pragma: no cover - Windows only
        import winreg as winreg_module

        winreg = winreg_module
    registry = registry_fonts(winreg) if winreg is not None else ()
    return FontPlaces(windows_fonts_dir(environ), user_fonts_dir(environ), registry)


_NAME_NOISE = re.compile(r"[\s_\-]+")
_KIND_SUFFIX = re.compile(r"\s*\((TrueType|OpenType|All res)\)\s*$", re.I)


def _norm(name: str) -> str:
    return _NAME_NOISE.sub("", name).casefold()


def registry_faces(value_name: str) -> list[str]:
    """The face names of a registry entry, in the order of the faces in its file:
    "SimSun & NSimSun (TrueType)" -> ["SimSun", "NSimSun"]."""
    return [part.strip() for part in _KIND_SUFFIX.sub("", value_name).split("&")]


def _candidates(wanted: Wanted, places: FontPlaces) -> Iterable[tuple[Face, str]]:
    """Files that may hold the wanted face, with where each was found; best first."""
    names = {_norm(n) for n in wanted.names}
    for hive, value_name, data in places.registry:
        faces = [_norm(f) for f in registry_faces(value_name)]
        for index, face in enumerate(faces):
            if face not in names:
                continue
            path = Path(data)
            if path.is_absolute() or re.match(r"^[A-Za-z]:[\\/]", data):
                yield Face(path, index), f"注册表（{value_name}）"
            else:
                folders = (places.user, places.system) if hive == "HKCU" else (places.system,)
                for folder in folders:
                    if folder is not None:
                        yield Face(folder / data, index), f"注册表（{value_name}）"
    for folder, where in ((places.system, "系统字体文件夹"), (places.user, "当前用户的字体文件夹")):
        if folder is None:
            continue
        for filename, index in wanted.files:
            yield Face(folder / filename, index), where


_REGISTERING = threading.Lock()  # a batch, a preview and the font table may ask at once


def _load(face: Face) -> str | None:
    """Register a face with ReportLab once per process (a TTC takes ~60 ms); None if it
    cannot be used (a PostScript-outline OpenType font, a damaged file). One thread at a time:
    two copies registered under one name could change a font halfway through a PDF."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    with _REGISTERING:
        if face.name in pdfmetrics.getRegisteredFontNames():
            return None
        try:
            pdfmetrics.registerFont(TTFont(face.name, str(face.path), subfontIndex=face.index))
        except (TTFError, OSError, ValueError, KeyError, IndexError) as exc:
            return str(exc) or exc.__class__.__name__
        return None


def _names(face: Face) -> tuple[str, str]:
    """(family name, PostScript name) as the file states them."""
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(face.name)

    def text(raw: Any) -> str:
        return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw or "")

    ps = text(getattr(font.face, "name", b""))
    return text(getattr(font.face, "familyName", b"")) or ps, ps


def resolve_fonts(choice: str, places: FontPlaces | None = None) -> list[FontChoice]:
    """The face of every role (registered with ReportLab), where it was found and why."""
    places = windows_places() if places is None else places
    bundled = bundled_faces()
    report = []
    for role in ROLES:
        label = ROLE_LABELS[role]
        chosen: FontChoice | None = None
        refused: list[str] = []
        if choice == "auto":
            for rank, wanted in enumerate(WANTED[role]):
                for face, where in _candidates(wanted, places):
                    if not face.path.is_file():
                        continue
                    problem = _load(face)
                    if problem:
                        refused.append(tr("{file}无法使用（{problem}）").format(
                            file=face.path.name, problem=problem))
                        continue
                    first = WANTED[role][0].label
                    reason = (tr("已安装{font}（{file}）").format(
                        font=wanted.label, file=face.path.name) if rank == 0 else
                        tr("未安装{wanted}，用已安装的{font}（{file}）代替").format(
                            wanted=first, font=wanted.label, file=face.path.name))
                    chosen = FontChoice(role, label, face, *_names(face), where, reason)
                    break
                if chosen:
                    break
        if chosen is None:
            face = bundled[role]
            problem = _load(face)
            if problem:
                raise OSError(tr("程序自带的字体 {path} 无法使用：{problem}").format(
                    path=face.path, problem=problem))
            if choice == "auto":
                looked = tr("、").join(w.label for w in WANTED[role])
                reason = tr("系统中未找到{fonts}，使用程序自带的{font}").format(
                    fonts=looked, font=BUNDLED_NAMES[role])
                if refused:
                    reason += tr("；") + tr("；").join(refused)
            else:
                reason = tr("设置为使用程序自带字体：{font}").format(font=BUNDLED_NAMES[role])
            chosen = FontChoice(role, label, face, *_names(face), "程序自带", reason)
        report.append(chosen)
    return report


def fonts_of(report: list[FontChoice]) -> LetterFonts:
    by_role = {c.role: c.face.name for c in report}
    return LetterFonts(**by_role)


@uses_ledger
def font_setting(ledger: Ledger) -> str:
    row = Setting.get_or_none(Setting.key == SETTING_KEY)
    return json.loads(row.value) if row else "auto"


def set_font_setting(ledger: Ledger, choice: str) -> Changes:
    """Which fonts letters print with; every role that prints may choose."""
    from pairing_desktop.core import auth
    from pairing_desktop.core.operations.settings import set_setting

    if choice not in CHOICES:
        raise ValidationError({"font": tr("字体：应为 {choices} 之一").format(
            choices="/".join(CHOICES))})
    return set_setting(ledger, SETTING_KEY, choice, Phrase("修改责任书字体"), auth.PRINT)


def font_report(ledger: Ledger, places: FontPlaces | None = None) -> list[FontChoice]:
    """For the 责任书 tab: per role, the face letters print with on this PC, and why."""
    return resolve_fonts(font_setting(ledger), places)


def letter_fonts(ledger: Ledger, places: FontPlaces | None = None) -> LetterFonts:
    """The fonts to print with, per the ledger's setting."""
    return fonts_of(font_report(ledger, places))
