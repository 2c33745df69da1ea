"""Fonts per GB/T 9704 role, found where Windows keeps them (the system folder, the user's own
folder, the registry's names), the bundled faces otherwise, and a report of which and why."""

from __future__ import annotations

import re

import pytest

from pairing_desktop.core.letters import fonts as F
from pairing_desktop.core.letters.batch import generate
from pairing_desktop.core.paths import resources_dir
from tests.core.letter_fixtures import glyphs_of, small_county, text_lines

BUNDLED = resources_dir() / "fonts"


def font_file(folder, name, source="wqy-microhei.ttc"):
    """A usable TrueType file under another name (a link: the fonts are megabytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).symlink_to(BUNDLED / source)
    return folder / name


def by_role(report):
    return {c.role: c for c in report}


def test_nothing_installed_takes_the_bundled_faces_and_says_so(tmp_path):
    places = F.FontPlaces(tmp_path / "Windows" / "Fonts", tmp_path / "user", ())
    report = by_role(F.resolve_fonts("auto", places))
    assert list(report) == ["title", "body", "heading", "subheading", "page"]
    assert report["subheading"].face.path == BUNDLED / "ukai.ttc"
    assert report["subheading"].family == "AR PL UKai CN"
    assert report["subheading"].reason == ("系统中未找到楷体、方正楷体、华文楷体，"
                                           "使用程序自带的AR PL UKai")
    assert report["body"].face.path == BUNDLED / "uming.ttc"
    assert report["heading"].psname == "WenQuanYiMicroHei"
    assert all(c.bundled for c in report.values())


def test_the_system_folder_by_file_name(tmp_path):
    system = tmp_path / "Fonts"
    font_file(system, "simfang.ttf")
    font_file(system, "simsun.ttc", "uming.ttc")
    report = by_role(F.resolve_fonts("auto", F.FontPlaces(system, None, ())))
    assert report["body"].face.path == system / "simfang.ttf"
    assert (report["body"].source, report["body"].reason) == ("系统字体文件夹",
                                                              "已安装仿宋（simfang.ttf）")
    # no 方正小标宋 nor 华文中宋: the title takes 宋体, and says what it stands in for
    assert report["title"].face.path == system / "simsun.ttc"
    assert report["title"].reason == "未安装方正小标宋，用已安装的宋体（simsun.ttc）代替"
    assert report["page"].face.path == system / "simsun.ttc"
    assert report["subheading"].bundled and report["heading"].bundled


def test_the_users_own_folder_and_the_registrys_names(tmp_path):
    """Fonts installed without administrator rights: in %LOCALAPPDATA%\\...\\Fonts, registered
    under HKCU with their full path; a county's 方正小标宋 registered by its Chinese name under a
    file name nobody could guess."""
    system = tmp_path / "Windows" / "Fonts"
    user = tmp_path / "AppData" / "Local" / "Microsoft" / "Windows" / "Fonts"
    kai = font_file(user, "楷体_GB2312_1.ttf", "ukai.ttc")
    font_file(system, "FZ-XBS-2019.TTF", "uming.ttc")
    registry = (("HKCU", "楷体_GB2312 (TrueType)", str(kai)),
                ("HKLM", "方正小标宋简体 (TrueType)", "FZ-XBS-2019.TTF"),
                ("HKLM", "Arial (TrueType)", "arial.ttf"))
    report = by_role(F.resolve_fonts("auto", F.FontPlaces(system, user, registry)))
    assert report["subheading"].face == F.Face(kai, 0)
    assert report["subheading"].source == "注册表（楷体_GB2312 (TrueType)）"
    assert report["subheading"].reason == f"已安装楷体（{kai.name}）"
    assert report["title"].face == F.Face(system / "FZ-XBS-2019.TTF", 0)
    assert report["title"].reason == "已安装方正小标宋（FZ-XBS-2019.TTF）"


def test_a_registry_entry_relative_to_the_users_folder_and_a_face_inside_a_collection(tmp_path):
    user = tmp_path / "user"
    font_file(user, "mysong.ttc", "uming.ttc")
    registry = (("HKCU", "NSimSun & SimSun (TrueType)", "mysong.ttc"),)
    report = by_role(F.resolve_fonts("auto", F.FontPlaces(tmp_path / "none", user, registry)))
    assert report["page"].face == F.Face(user / "mysong.ttc", 1)  # SimSun is the second face
    assert F.registry_faces("SimSun & NSimSun (TrueType)") == ["SimSun", "NSimSun"]
    assert F.registry_faces("方正小标宋简体 (OpenType)") == ["方正小标宋简体"]


def test_a_font_that_cannot_be_used_is_passed_over_with_the_reason(tmp_path):
    system = tmp_path / "Fonts"
    system.mkdir()
    (system / "simhei.ttf").write_bytes(b"OTTO" + b"\0" * 200)  # not a TrueType font
    report = by_role(F.resolve_fonts("auto", F.FontPlaces(system, None, ())))
    assert report["heading"].bundled
    assert "simhei.ttf无法使用" in report["heading"].reason


def test_the_bundled_setting_ignores_installed_fonts(tmp_path):
    system = tmp_path / "Fonts"
    font_file(system, "simfang.ttf")
    report = by_role(F.resolve_fonts("bundled", F.FontPlaces(system, None, ())))
    assert report["body"].bundled
    assert report["body"].reason == "设置为使用程序自带字体：AR PL UMing"


class FakeWinreg:
    """The part of `winreg` the lookup uses, over a dict of hive -> [(name, value)]."""

    HKEY_LOCAL_MACHINE = "HKLM"
    HKEY_CURRENT_USER = "HKCU"

    def __init__(self, hives):
        self.hives = hives
        self.closed = []

    def OpenKey(self, hive, path):
        assert path == F.REGISTRY_KEY
        if hive not in self.hives:
            raise FileNotFoundError(path)
        return hive

    def EnumValue(self, key, index):
        values = self.hives[key]
        if index >= len(values):
            raise OSError("no more data")
        name, value = values[index]
        return name, value, 1

    def CloseKey(self, key):
        self.closed.append(key)


def test_the_registry_is_read_from_both_hives(tmp_path):
    fake = FakeWinreg({"HKLM": [("FangSong (TrueType)", "simfang.ttf"), ("Odd", 5)],
                       "HKCU": [("KaiTi (TrueType)", r"C:\Users\a\AppData\Local\x\simkai.ttf")]})
    assert F.registry_fonts(fake) == (
        ("HKCU", "KaiTi (TrueType)", r"C:\Users\a\AppData\Local\x\simkai.ttf"),
        ("HKLM", "FangSong (TrueType)", "simfang.ttf"))
    assert sorted(fake.closed) == ["HKCU", "HKLM"]
    assert F.registry_fonts(FakeWinreg({})) == ()
    env = {"WINDIR": r"D:\Win", "LOCALAPPDATA": r"C:\Users\a\AppData\Local"}
    places = F.windows_places(env, fake)
    assert places.system == F.Path(r"D:\Win") / "Fonts"
    assert places.user == F.Path(r"C:\Users\a\AppData\Local") / "Microsoft" / "Windows" / "Fonts"
    assert len(places.registry) == 2


def test_font_report_follows_the_ledgers_setting(ledger, tmp_path):
    system = tmp_path / "Fonts"
    font_file(system, "simfang.ttf")
    places = F.FontPlaces(system, None, ())
    assert not by_role(F.font_report(ledger, places))["body"].bundled
    F.set_font_setting(ledger, "bundled")
    assert by_role(F.font_report(ledger, places))["body"].bundled
    with pytest.raises(F.ValidationError, match="字体"):
        F.set_font_setting(ledger, "comic")


def test_each_role_prints_in_its_face(ledger, tmp_path):
    """Title and body 宋/仿宋 (bundled: UMing), 一级标题 黑体 (WenQuanYi), 二级标题 楷体 (UKai),
    page numbers 宋体: read back from the PDF's fonts."""
    from tests.core.letter_fixtures import add_target

    county = small_county(ledger, 2008)
    add_target(ledger, county.pairings["石桥村"], 2008, 1, "建设沼气池", 20, "口")
    fonts = F.fonts_of(F.resolve_fonts("bundled"))
    out = tmp_path / "t.pdf"
    generate(ledger, "target", 2008, out, unit="县农业局", fonts=fonts)
    lines = {"".join(g.char for g in line): {g.font for g in line}
             for page in glyphs_of(out) for line in text_lines(page)}
    assert lines["城乡共建结对帮扶目标责任书"] == {"UMingCN"}
    assert lines["一、帮扶期限"] == {"WenQuanYiMicroHei"}
    assert lines["（一）发展生产的基础更加扎实"] == {"UKaiCN"}
    assert lines["—1—"] == {"UMingCN"}
    assert any(re.match("本年度帮扶期限", text) and fonts == {"UMingCN"}
               for text, fonts in lines.items())


def test_ukai_is_bundled_with_its_licence():
    assert (BUNDLED / "ukai.ttc").stat().st_size > 10_000_000
    licence = (BUNDLED / "LICENSE-arphic-ukai.txt").read_text(encoding="utf-8")
    assert "AR PL UKai" in licence and "ARPHIC PUBLIC LICENSE" in licence
