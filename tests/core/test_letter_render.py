"""Every kind of letter rendered from records and read back: text, page count, embedded fonts."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from pairing_desktop.core.letters.batch import generate
from pairing_desktop.core.letters.codes import _fast_qr, _reference_qr, new_code
from pairing_desktop.core.letters.layout import LINES
from pairing_desktop.core.storage.models import Letter
from tests.core.letter_fixtures import add_target, fonts_of, page_texts, pdf_text, small_county

YEAR = 2008


@pytest.fixture
def county(ledger):
    c = small_county(ledger, YEAR)
    add_target(ledger, c.pairings["石桥村"], YEAR, 1, "建设沼气池", 20, "口", status="进行中")
    add_target(ledger, c.pairings["石桥村"], YEAR, 2, "发展精品水果种植", 300, "亩")
    add_target(ledger, c.pairings["石桥村"], YEAR, 6, "培训农村党员", 60, "人次")
    return c


def assert_fonts_embedded(path) -> None:
    fonts = fonts_of(path)
    assert fonts
    for font in fonts:
        assert "Helvetica" not in font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
    assert b"Helvetica" not in path.read_bytes()


def test_target_letter_names_parties_targets_and_duties(ledger, county, tmp_path):
    out = tmp_path / "target.pdf"
    result = generate(ledger, "target", YEAR, out, township="雨朵镇", unit="县农业局")
    assert [p.data.party for p in result.letters] == ["县农业局、石桥村"]
    text = re.sub(r"\s+", "", pdf_text(out))
    for expected in ("城乡共建结对帮扶目标责任书", "（2008年度）", "甲方：中共黔西县农业局党组",
                     "乙方：石桥村党支部", "见证方：雨朵镇党委", "建设沼气池。指标：20口",
                     "发展精品水果种植。指标：300亩", "培训农村党员。指标：60人次",
                     "（一）发展生产的基础更加扎实", "（三）组织基础更加牢固",
                     "每季度至少", "每半年至少", "每年至少", "目标未实现不脱钩",
                     "2008年1月1日至2008年12月31日", f"验证码：{result.letters[0].code}"):
        assert expected in text, expected
    assert len(PdfReader(out).pages) == result.pages >= 2
    assert_fonts_embedded(out)


def test_cadre_letter_lists_households_with_exact_id_numbers(ledger, county, tmp_path):
    out = tmp_path / "cadre.pdf"
    result = generate(ledger, "cadre", YEAR, out, unit="县农业局")
    assert [p.data.party for p in result.letters] == ["李建国（县农业局）"]
    text = pdf_text(out)
    assert county.ids["李建国"] in text
    for name in ("张老三", "刘二妹", "杨国富"):
        assert name in text
        assert re.search(rf"(?<![0-9]){county.ids[name]}(?![0-9X])", text)  # never broken
    assert "周小平" not in text  # helped by another cadre
    flat = re.sub(r"\s+", "", text)
    assert "职级：科局级" in flat and "帮扶贫困户3户" in flat
    assert flat.count("帮扶户（签字或按手印）") == 3
    assert_fonts_embedded(out)


def test_contact_cards_four_to_a_sheet(ledger, county, tmp_path):
    out = tmp_path / "cards.pdf"
    result = generate(ledger, "card", YEAR, out)
    assert len(result.letters) == 5
    pages = page_texts(out)
    assert len(pages) == 2
    first = re.sub(r"\s+", "", pages[0])
    assert first.count("帮扶联系卡") == 4
    flat = re.sub(r"\s+", "", pdf_text(out))
    assert "户主：张老三" in flat and "帮扶干部：李建国（科局级）" in flat
    assert "干部电话：13808570001" in flat and "单位电话：0857-4221234" in flat
    for planned in result.letters:
        assert planned.code in flat
    assert_fonts_embedded(out)


def test_forty_targets_flow_onto_numbered_pages_and_keep_the_signatures_whole(ledger, county,
                                                                              tmp_path):
    pairing = county.pairings["新寨村"]
    for i in range(40):
        add_target(ledger, pairing, YEAR, i % 6 + 1, f"第{i + 1}项帮扶目标，组织群众共同完成",
                   i + 1, "户")
    out = tmp_path / "long.pdf"
    result = generate(ledger, "target", YEAR, out, unit="县交通局")
    pages = [pdf_text(out, n) for n in range(1, result.pages + 1)]
    assert len(pages) >= 4
    for number, text in enumerate(pages, 1):
        assert f"— {number} —" in text
    flat = re.sub(r"\s+", "", "".join(pages))
    for i in range(40):
        assert f"第{i + 1}项帮扶目标" in flat
    # all three signature blocks, each with its date, on the last page, after some text
    last = pages[-1]
    assert all("（盖章）" not in p for p in pages[:-1])
    block = r"(甲方|乙方|见证方)：.*（盖章）\s*负责人（签字）：\s*(\d{4}年\d+月\d+日)"
    blocks = re.findall(block, last)
    assert [b[0] for b in blocks] == ["甲方", "乙方", "见证方"]
    before = last[:last.index("甲方：中共黔西县交通局委员会")]
    assert len([line for line in before.splitlines() if line.strip() and "验证码" not in line]) >= 2


def test_lines_fill_the_grid_and_never_overflow_it(ledger, county):
    from pairing_desktop.core.letters.data import gather
    from pairing_desktop.core.letters.fonts import letter_fonts
    from pairing_desktop.core.letters.layout import BLOCK_W, CELL, LEFT, Layouter
    from pairing_desktop.core.letters.templates import expand, load_template

    pairing = county.pairings["石桥村"]
    for _ in range(30):
        add_target(ledger, pairing, YEAR, 3, "开展农民实用技术培训，" * 3, 10, "人次")
    layouter = Layouter(letter_fonts(ledger))
    with ledger.bound():
        data = gather("target", YEAR, subjects=[pairing])[0]
    layout = layouter.layout(expand(load_template("target"), data.values))
    assert all(len(rows) <= LINES for rows in layout.pages)
    for rows in layout.pages:
        for row in rows:
            for run in row:
                end = run.x + layouter.width(run.text, run.font, run.size, run.space)
                assert end <= LEFT + BLOCK_W + CELL + 0.01, run.text  # a hanging mark at most
    body = layouter.fonts.body
    lines = layouter.wrap("一二三四五六七八九十" * 3, body, 16, CELL - 16, BLOCK_W)
    assert [len(text) for _indent, text in lines] == [28, 2]  # 28 characters fill a line
    lines = layouter.wrap("甲" * 27 + "乙。丙", body, 16, CELL - 16, BLOCK_W)
    assert [text for _indent, text in lines] == ["甲" * 27 + "乙。", "丙"]  # no line starts "。"


def test_fast_qr_matches_reportlabs_encoder():
    for _ in range(50):
        code = new_code()
        assert _fast_qr(code) == [[bool(m) for m in row] for row in _reference_qr(code)]


def test_letters_are_recorded_as_drafts_with_their_codes(ledger, county, tmp_path):
    result = generate(ledger, "target", YEAR, tmp_path / "all.pdf")
    with ledger.bound():
        rows = {r.code: r for r in Letter.select()}
    assert set(rows) == {p.code for p in result.letters}
    assert {r.status for r in rows.values()} == {"草稿"}
    assert {r.party for r in rows.values()} == {"县农业局、石桥村", "县交通局、新寨村",
                                                "县卫生局、龙井村"}


def test_a_signature_block_that_does_not_fit_takes_two_lines_of_text_along():
    from pairing_desktop.core.letters.layout import Chunk, Run, paginate

    def rows(n, tag):
        return [[Run(0, "F", 16, 0, f"{tag}{i}")] for i in range(n)]

    text = Chunk(rows(20, "text"))
    signatures = Chunk(rows(9, "sig"), keep=True, lead=2)
    pages = paginate([text, Chunk([[]], blank=True), signatures])
    first, second = ([row[0].text if row else "" for row in page] for page in pages)
    assert first == [f"text{i}" for i in range(18)]
    assert second == ["text18", "text19", "", *[f"sig{i}" for i in range(9)]]


def test_a_heading_never_ends_a_page():
    from pairing_desktop.core.letters.layout import Chunk, Run, paginate

    def rows(n, tag):
        return [[Run(0, "F", 16, 0, f"{tag}{i}")] for i in range(n)]

    pages = paginate([Chunk(rows(21, "t")), Chunk(rows(1, "h"), with_next=True),
                      Chunk(rows(3, "p"))])
    assert [len(p) for p in pages] == [21, 4]
    assert pages[1][0][0].text == "h0"
