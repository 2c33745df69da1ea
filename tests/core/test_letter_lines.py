"""Body lines justified to the 156 mm block and broken by the Chinese rules, measured from the PDF.

Worst cases: a closing mark (、。，」）) that falls on the 29th place, an opening mark (「（) on the
28th, runs of closing marks, digits and ID numbers that cannot be broken, lines with no mark to
compress. Nothing may hang outside the block, no line may start with a closing mark or end with an
opening one, and every line of a paragraph but its last ends exactly at the block's right edge.
"""

from __future__ import annotations

import itertools
import random
import shutil

import pytest

from pairing_desktop.core.letters import layout as L
from pairing_desktop.core.letters.batch import generate
from pairing_desktop.core.letters.fonts import fonts_of, resolve_fonts
from pairing_desktop.core.letters.layout import Layouter
from pairing_desktop.core.letters.templates import Text
from pairing_desktop.core.paths import resources_dir
from tests.core.letter_fixtures import glyphs_of, small_county, text_lines

EDGE = 0.05  # points: a justified line ends within a fiftieth of a millimetre of the edge
RIGHT = L.LEFT + L.BLOCK_W
ID = "522423196505053021"

WORST = [
    "甲" * 27 + "乙，丙丁戊己庚。",  # a comma on the 29th place, nothing to compress: give 乙 away
    "甲，" * 13 + "乙丙。丁戊己庚辛壬癸。",  # 。 on the 29th place, and marks to squeeze
    "甲" * 27 + "（乙丙）丁戊己。",  # an opening bracket on the 28th place may not end the line
    "甲" * 26 + "乙」）。丙丁戊己庚辛。",  # three closing marks in a row at the break
    "甲、乙、丙、" * 4 + "丁戊己」，庚辛壬癸子丑寅卯辰巳午未申。",
    "本年度帮扶期限为2008年1月1日至2008年12月31日。帮扶目标未实现的，结对关系延续至下一年度，"
    "共建设沼气池20口、修建通组公路3.5公里、扶持生猪养殖示范户15户。",
    f"户主张老三的身份证号为{ID}，联系电话13808570001；" * 3,
    "“1+1”结对帮扶工作要求：每季度至少调研一次，每半年至少培训一次，每年至少办成一件实事。" * 2,
]


@pytest.fixture(scope="module")
def layouter():
    return Layouter(fonts_of(resolve_fonts("bundled")))


def _template(tmp_path, paragraphs, style):
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    shutil.copy(resources_dir() / "letters" / "card.toml", folder)
    blocks = "".join(f'[[block]]\nstyle = "{style}"\ntext = "{p}"\n\n' for p in paragraphs)
    (folder / "target.toml").write_text(f'title = "测试"\n\n{blocks}', encoding="utf-8")
    return folder


@pytest.mark.parametrize("style", ["paragraph", "plain"])
def test_worst_case_lines_measured_from_the_pdf(ledger, tmp_path, style):
    small_county(ledger, 2008)
    out = tmp_path / "lines.pdf"
    generate(ledger, "target", 2008, out, unit="县农业局",
             template_dir=_template(tmp_path, WORST, style))
    lines = [line for page in glyphs_of(out) for line in text_lines(page)
             if line[0].size == L.BODY_SIZE]
    texts = ["".join(g.char for g in line) for line in lines]
    at = 0
    for paragraph in WORST:
        want = paragraph.replace(" ", "")
        got, first = "", at
        while got != want:
            assert want.startswith(got + texts[at]), (want, got, texts[at])
            got += texts[at]
            at += 1
        for i in range(first, at):
            line, text = lines[i], texts[i]
            indent = 2 * L.CELL if style == "paragraph" and i == first else 0.0
            assert abs(line[0].x - (L.LEFT + indent)) < EDGE, text
            assert line[-1].right <= RIGHT + EDGE, f"hangs out of the block: {text}"
            if i < at - 1:
                assert abs(line[-1].right - RIGHT) < EDGE, f"not justified: {text}"
                assert text[-1] not in L.NO_LINE_END, f"ends with an opening mark: {text}"
            if i > first:
                assert text[0] not in L.NO_LINE_START, f"starts with a closing mark: {text}"
            for a, b in itertools.pairwise(line):  # glyph boxes never run into another
                overlap = a.right - b.x
                assert overlap < L.BODY_SIZE / 2 + EDGE and (
                    overlap <= EDGE or a.char in L.SQUEEZE_RIGHT or b.char in L.SQUEEZE_LEFT
                    or overlap <= -L.BODY_SPACE + EDGE), (text, a.char, b.char)
    assert ID in "".join(texts)  # never broken


def test_the_rules_by_case(layouter):
    body = layouter.fonts.body

    def wrap(text):
        return [t for _i, t in layouter.wrap(text, body, L.BODY_SIZE, L.BODY_SPACE, L.BLOCK_W)]

    assert [len(t) for t in wrap("一二三四五六七八九十" * 3)] == [28, 2]  # 28 fill a line
    assert wrap("甲" * 27 + "乙，丙") == ["甲" * 27, "乙，丙"]  # moved: nothing to compress
    assert wrap("甲，" * 13 + "乙丙。丁") == ["甲，" * 13 + "乙丙。", "丁"]  # compressed
    assert wrap("甲" * 27 + "（乙）") == ["甲" * 27, "（乙）"]  # an opening mark moves down
    assert wrap("甲" * 26 + "乙」）。丙") == ["甲" * 26, "乙」）。丙"]


def _check_rows(layouter, rows):
    for row in rows[:-1]:
        end = row[-1].x + layouter.extent(row[-1].text, row[-1].font, row[-1].size,
                                          row[-1].space)
        assert abs(end - RIGHT) < EDGE
    for row in rows:
        for run in row:
            end = run.x + layouter.extent(run.text, run.font, run.size, run.space)
            assert run.x >= L.LEFT - EDGE and end <= RIGHT + EDGE


def test_random_text_never_hangs_and_always_justifies(layouter):
    """Thousands of paragraphs drawn from characters, marks, digits and IDs."""
    rng = random.Random(9704)
    pieces = ["甲", "乙", "丙", "丁", "，", "。", "、", "；", "：", "「", "」", "（", "）", "“",
              "”", "2008", "年", "12", "月", ID, "20口", "3.5", "…", "！", "《", "》"]
    weights = [8, 8, 8, 8, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 0.2, 0.5, 0.5, 0.2,
               0.3, 0.3, 0.3]
    for _ in range(1500):
        text = "".join(rng.choices(pieces, weights, k=rng.randint(20, 120)))
        for style in ("paragraph", "plain"):
            rows = layouter.text_rows(Text(style, text))
            _check_rows(layouter, rows)
            lines = ["".join(r.text for r in row) for row in rows]
            assert "".join(lines) == text.replace(" ", "")
            for line in lines[1:]:
                assert line[0] not in L.NO_LINE_START, (text, lines)
            for line in lines[:-1]:
                assert line[-1] not in L.NO_LINE_END, (text, lines)
