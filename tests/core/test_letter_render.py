"""Every kind of letter rendered from records and read back: text, page count, embedded fonts."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from pairing_desktop.core.letters.batch import generate
from pairing_desktop.core.letters.codes import new_code, qr_matrix
from pairing_desktop.core.masking import mask
from pairing_desktop.core.paths import resources_dir
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


def test_cadre_letter_lists_households_with_masked_id_numbers(ledger, county, tmp_path):
    out = tmp_path / "cadre.pdf"
    result = generate(ledger, "cadre", YEAR, out, unit="县农业局")
    assert [p.data.party for p in result.letters] == ["李建国（县农业局）"]
    text = pdf_text(out)
    for name in ("李建国", "张老三", "刘二妹", "杨国富"):
        assert county.ids[name] not in text
        assert mask(county.ids[name]) in text  # 522423********1234, as every list shows it
    for name in ("张老三", "刘二妹", "杨国富"):
        assert name in text
    assert "周小平" not in text  # helped by another cadre
    flat = re.sub(r"\s+", "", text)
    assert "职级：科局级" in flat and "李建国同志（科局级）应帮扶贫困户3户" in flat
    assert flat.count("（签字或按手印）") == 3
    assert_fonts_embedded(out)


def test_a_template_that_asks_for_whole_id_numbers_gets_them_unbroken(ledger, county, tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    text = (resources_dir() / "letters" / "cadre.toml").read_text(encoding="utf-8")
    assert text.count("身份证号：{id_number}") == 2
    text = text.replace("身份证号：{id_number}", "身份证号：{id_number_full}")
    (folder / "cadre.toml").write_text(text, encoding="utf-8")
    out = tmp_path / "cadre.pdf"
    generate(ledger, "cadre", YEAR, out, unit="县农业局", template_dir=folder)
    text = pdf_text(out)
    for name in ("李建国", "张老三", "刘二妹", "杨国富"):
        assert re.search(rf"(?<![0-9]){county.ids[name]}(?![0-9X])", text)  # never broken


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


# the QR symbol of "7K2M-9QXD" as segno 1.6.6 draws it (version 1, level M, mask 0)
GOLDEN = """
#######..#....#######
#.....#.##.#..#.....#
#.###.#...#.#.#.###.#
#.###.#...#...#.###.#
#.###.#.#...#.#.###.#
#.....#..#..#.#.....#
#######.#.#.#.#######
.........#.##........
#.#.#.#..###....#..#.
##.#..........##.#..#
....###...#.#...#.##.
.#..#.........##..##.
.####.##..#.#.#.#..##
........####.#.###...
#######..###.##..##..
#.....#..#####....##.
#.###.#.#..#.##...###
#.###.#.......#...##.
#.###.#.#.#.#....#..#
#.....#..#....#..####
#######.#.#.#.###...#
"""


def test_qr_symbol_matches_a_known_symbol():
    rows = ["".join("#" if m else "." for m in row) for row in qr_matrix("7K2M-9QXD")]
    assert rows == GOLDEN.split()


def test_qr_symbols_match_reportlabs_encoder():
    """ReportLab's encoder as a second opinion (the letters no longer use it)."""
    qrencoder = pytest.importorskip("reportlab.graphics.barcode.qrencoder")
    for _ in range(100):
        code = new_code()
        qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        qr.addData(code)
        qr.version = qr.calculate_version()
        qr.makeImpl(False, 0)
        assert qr_matrix(code) == [[bool(m) for m in row] for row in qr.modules]


def test_qr_symbols_match_segno_where_installed():
    segno = pytest.importorskip("segno")
    for _ in range(100):
        code = new_code()
        symbol = segno.make_qr(code, error="m", version=1, mask=0, boost_error=False)
        assert qr_matrix(code) == [[bool(m) for m in row] for row in symbol.matrix]


def test_qr_refuses_what_is_not_a_code():
    with pytest.raises(ValueError):
        qr_matrix("abc")


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
