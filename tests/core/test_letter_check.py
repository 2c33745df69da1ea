"""`letters ... --check`: the written letters measured against GB/T 9704, point by point; it passes
on every kind of the demo county's letters and fails on a letter set with a wrong margin."""

from __future__ import annotations

import datetime as dt

import pytest
from reportlab.lib.units import mm

from pairing_desktop import cli
from pairing_desktop.core.demo import build_demo_county
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.letters import layout
from pairing_desktop.core.letters.batch import generate
from pairing_desktop.core.letters.check import check_file
from pairing_desktop.core.letters.fonts import font_report
from pairing_desktop.core.storage.models import Township
from tests.core.letter_fixtures import county_with_a_target

TODAY = dt.date(2026, 3, 2)
POINTS = {"纸张", "版心左边距（订口）", "版心宽度（最宽一行）", "天头（上边距）", "文字在版心内",
          "行距", "每页行数", "每行字数", "标题字号", "正文字号", "字体嵌入",
          "字体：标题（2号小标宋体）", "字体：正文（3号仿宋体）", "字体：一级、二级标题",
          "字体：页码（4号宋体）", "页码"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo county's file (closed) and one of its townships."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with open_ledger(path) as ledger:
        build_demo_county(ledger, today=TODAY)
        with ledger.bound():
            township = Township.select().order_by(Township.name).first().name
    return path, township


@pytest.mark.parametrize("kind", ["target", "cadre", "card"])
def test_check_passes_on_every_demo_letter_kind(demo, tmp_path, capsys, kind):
    path, township = demo
    out = tmp_path / f"{kind}.pdf"
    code = cli.main(["letters", "--db", str(path), "--kind", kind, "--year", str(TODAY.year),
                     "--township", township, "--out", str(out), "--check"])
    printed = capsys.readouterr().out
    assert code == 0, printed
    assert "不通过]" not in printed and "0 项不通过" in printed
    if kind != "card":
        for name in POINTS:
            assert f"[通过] {name}：" in printed, name
        assert "[通过] 版心左边距（订口）：28.0 mm" in printed
        assert "[通过] 天头（上边距）：37.0 mm" in printed
        assert "[通过] 每行字数：28.0字" in printed


def test_check_passes_on_split_files(demo, tmp_path, capsys):
    path, township = demo
    code = cli.main(["letters", "--db", str(path), "--kind", "target", "--year",
                     str(TODAY.year), "--township", township, "--out", str(tmp_path / "split"),
                     "--split", "--check"])
    assert code == 0, capsys.readouterr().out


def test_check_fails_on_a_letter_with_a_wrong_margin(ledger, tmp_path, capsys, monkeypatch):
    county_with_a_target(ledger, 2008)
    path = ledger.path
    ledger.close()
    monkeypatch.setattr(layout, "LEFT", 25 * mm)  # the text block 3 mm too far left
    code = cli.main(["letters", "--db", str(path), "--kind", "target", "--year", "2008",
                     "--unit", "县农业局", "--out", str(tmp_path / "t.pdf"), "--check"])
    printed = capsys.readouterr().out
    assert code == 1
    assert "[不通过] 版心左边距（订口）：25.0 mm（应为 28 mm ± 1 mm）" in printed
    assert "[通过] 纸张" in printed  # the rest is still measured and said


def test_each_point_is_measured(ledger, tmp_path, monkeypatch):
    county_with_a_target(ledger, 2008)
    out = tmp_path / "t.pdf"
    generate(ledger, "target", 2008, out)
    points = {p.name: p for p in check_file(out, "target", font_report(ledger))}
    assert set(points) == POINTS and all(p.ok for p in points.values())
    monkeypatch.setattr(layout, "TOP", 30 * mm)
    monkeypatch.setattr(layout, "TITLE_SIZE", 20.0)
    generate(ledger, "target", 2008, out, day=dt.date(2026, 1, 2))
    points = {p.name: p for p in check_file(out, "target", font_report(ledger))}
    assert not points["天头（上边距）"].ok and points["天头（上边距）"].value == "第1份：30.0 mm"
    assert not points["标题字号"].ok
    assert points["纸张"].ok
