"""Signatures laid out as GB/T 9704 places seals, measured from the PDF: each party a block with its
name above and its date at the bottom, 甲方 left, 乙方 right, 见证方 below; a 42 mm seal centred on
a party's name and date covers no text of anyone else; the blocks share a page with their dates
and with text of the letter."""

from __future__ import annotations

import math
import re

import pytest
from reportlab.lib.units import mm

from pairing_desktop.core.letters import layout as L
from pairing_desktop.core.letters.batch import generate
from tests.core.letter_fixtures import add_target, glyphs_of, small_county, text_lines

YEAR = 2008
RADIUS = 21 * mm
COLUMNS = (L.LEFT + L.BLOCK_W / 4, L.LEFT + L.BLOCK_W * 3 / 4)
DATE = re.compile(r"^(\d{4}年\d{1,2}月\d{1,2}日|年月日)$")


def _text(line):
    return "".join(g.char for g in line)


def signature_blocks(page):
    """The runs of consecutive lines centred on a signature column: (column centre, lines)."""
    blocks = []
    for line in text_lines(page):
        if line[0].size != L.BODY_SIZE or line[-1].right - line[0].x > L.BLOCK_W / 2:
            continue
        middle = (line[0].x + line[-1].right) / 2
        column = next((c for c in COLUMNS if abs(middle - c) < 0.5), None)
        if column is None:
            continue
        for c, lines in blocks:
            if c == column and lines[-1][0].y - line[0].y < 1.5 * L.PITCH:
                lines.append(line)
                break
        else:
            blocks.append((column, [line]))
    return blocks


def _distance(x, y, g):
    dx = max(g.x - x, 0, x - g.right)
    dy = max(g.bottom - y, 0, y - g.top)
    return math.hypot(dx, dy)


def assert_seal_room(page, parties):
    blocks = signature_blocks(page)
    assert [_text(lines[0]) for _c, lines in blocks] == [p[0] for p in parties]
    for (column, lines), (_name, side) in zip(blocks, parties, strict=True):
        assert column == COLUMNS[side]
        assert DATE.match(_text(lines[-1])), _text(lines[-1])  # the date under the name
        top, bottom = lines[0], lines[-1]
        centre_y = ((top[0].y + 0.38 * L.BODY_SIZE) + (bottom[0].y + 0.38 * L.BODY_SIZE)) / 2
        own = {id(g) for line in lines for g in line}
        assert column - RADIUS >= L.LEFT and column + RADIUS <= L.LEFT + L.BLOCK_W
        for g in page:
            if id(g) not in own and g.char.strip():
                assert _distance(column, centre_y, g) > RADIUS, (
                    f"{g.char} of another party within the seal of {_text(lines[0])}")


@pytest.fixture
def county(ledger):
    c = small_county(ledger, YEAR)
    add_target(ledger, c.pairings["石桥村"], YEAR, 1, "建设沼气池", 20, "口")
    return c


def test_target_letter_parties_have_room_for_their_seals(ledger, county, tmp_path):
    out = tmp_path / "t.pdf"
    generate(ledger, "target", YEAR, out, unit="县农业局")
    last = glyphs_of(out)[-1]
    assert_seal_room(last, [("甲方（盖章）", 0), ("乙方（盖章）", 1), ("见证方（盖章）", 0)])


def test_a_long_party_name_wraps_inside_its_column(ledger, county, tmp_path):
    from tests.helpers import save

    with ledger.bound():
        from pairing_desktop.core.storage.models import Unit

        unit = Unit.get(Unit.name == "县农业局")
    save(ledger, "unit", unit.id, {"name": "县农业局", "level": "县直",
                                   "party_org": "中国共产党黔西县农业农村局机关委员会第一支部"})
    out = tmp_path / "t.pdf"
    generate(ledger, "target", YEAR, out, unit="县农业局")
    last = glyphs_of(out)[-1]
    assert_seal_room(last, [("甲方（盖章）", 0), ("乙方（盖章）", 1), ("见证方（盖章）", 0)])


def test_cadre_and_households_side_by_side_with_room_for_each(ledger, county, tmp_path):
    out = tmp_path / "c.pdf"
    generate(ledger, "cadre", YEAR, out, unit="县农业局")
    last = glyphs_of(out)[-1]
    assert_seal_room(last, [("帮扶干部：李建国", 0), ("帮扶户：刘二妹", 1),
                            ("帮扶户：张老三", 0), ("帮扶户：杨国富", 1)])


def test_forty_targets_keep_the_signatures_whole_with_text_on_their_page(ledger, county,
                                                                         tmp_path):
    pairing = county.pairings["新寨村"]
    for i in range(40):
        add_target(ledger, pairing, YEAR, i % 6 + 1, f"第{i + 1}项帮扶目标，组织群众共同完成",
                   i + 1, "户")
    out = tmp_path / "long.pdf"
    generate(ledger, "target", YEAR, out, unit="县交通局")
    pages = glyphs_of(out)
    assert len(pages) >= 4
    for number, page in enumerate(pages, 1):
        assert f"—{number}—" in [_text(line) for line in text_lines(page)]
    assert all(not signature_blocks(p) for p in pages[:-1])
    last = pages[-1]
    assert_seal_room(last, [("甲方（盖章）", 0), ("乙方（盖章）", 1), ("见证方（盖章）", 0)])
    first_block = signature_blocks(last)[0][1][0][0].y
    body = [line for line in text_lines(last)
            if line[0].size == L.BODY_SIZE and line[0].y > first_block]
    assert len(body) >= 2  # never alone on a page


def test_rows_of_seals_are_far_enough_apart():
    for upper in range(1, 7):
        for lower in range(1, 7):
            gap = L.seal_gap_rows(upper, lower)
            # from the centre of the upper block to the first glyph of the lower, and back
            down = (upper + gap) - (upper - 1) / 2
            up = (lower - 1) / 2 + gap + 1
            reach = (RADIUS + L.GLYPH_REACH) / L.PITCH
            assert min(down, up) >= reach and gap >= 1
