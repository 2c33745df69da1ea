"""Which fonts a letter is set in: the system's FangSong/SimSun on Windows, else the bundled Ming.

GB/T 9704 asks for 仿宋 body text, a 小标宋 title and 黑体 headings. Windows offices have
simfang.ttf / simsun.ttc / simhei.ttf; elsewhere (and when the office prefers) the bundled AR PL
UMing (a Song/Ming face) and WenQuanYi Micro Hei are used. The choice is a setting stored in the
ledger, so every PC printing from the same file prints the same letters.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from pairing_desktop.core.changes import Changes
from pairing_desktop.core.errors import ValidationError
from pairing_desktop.core.paths import resources_dir
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger
from pairing_desktop.core.storage.models import Setting

SETTING_KEY = "letters.font"
CHOICES = {"auto": "自动：优先使用系统仿宋、宋体（Windows）", "bundled": "程序自带字体"}

# role -> candidate files in the Windows Fonts folder, best first
SYSTEM_CANDIDATES = {
    "body": (("simfang.ttf", 0), ("simsun.ttc", 0)),
    "title": (("FZXBSJW.TTF", 0), ("simsun.ttc", 0)),
    "heading": (("simhei.ttf", 0),),
}


@dataclass(frozen=True)
class Face:
    path: Path
    index: int

    @property
    def name(self) -> str:
        """The ReportLab name: one per file and face, so a face shared by roles embeds once."""
        return f"PD-{self.path.stem}-{self.index}"


@dataclass(frozen=True)
class LetterFonts:
    """Registered ReportLab font names per role."""

    body: str
    title: str
    heading: str


def bundled_faces() -> dict[str, Face]:
    fonts = resources_dir() / "fonts"
    ming = Face(fonts / "uming.ttc", 0)
    return {"body": ming, "title": ming, "heading": Face(fonts / "wqy-microhei.ttc", 0)}


def windows_fonts_dir() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def choose_faces(choice: str, system_dir: Path | None = None) -> dict[str, Face]:
    """The face per role for a setting; 'auto' takes each role from the system when installed."""
    faces = bundled_faces()
    if choice != "auto":
        return faces
    folder = system_dir or windows_fonts_dir()
    for role, candidates in SYSTEM_CANDIDATES.items():
        for filename, index in candidates:
            path = folder / filename
            if path.is_file():
                faces[role] = Face(path, index)
                break
    return faces


@uses_ledger
def font_setting(ledger: Ledger) -> str:
    row = Setting.get_or_none(Setting.key == SETTING_KEY)
    return json.loads(row.value) if row else "auto"


def set_font_setting(ledger: Ledger, choice: str) -> Changes:
    """Which fonts letters print with; every role that prints may choose."""
    from pairing_desktop.core import auth
    from pairing_desktop.core.operations.settings import set_setting

    if choice not in CHOICES:
        raise ValidationError({"font": f"字体：应为 {'/'.join(CHOICES)} 之一"})
    return set_setting(ledger, SETTING_KEY, choice, "修改责任书字体", auth.PRINT)


def register(faces: dict[str, Face]) -> LetterFonts:
    """Register each face with ReportLab once per process (loading a TTC takes ~60 ms)."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for face in set(faces.values()):
        if face.name not in registered:
            pdfmetrics.registerFont(TTFont(face.name, str(face.path), subfontIndex=face.index))
    return LetterFonts(faces["body"].name, faces["title"].name, faces["heading"].name)


def letter_fonts(ledger: Ledger, system_dir: Path | None = None) -> LetterFonts:
    """The fonts to print with, per the ledger's setting."""
    return register(choose_faces(font_setting(ledger), system_dir))
