"""A small county built through `records.save`, for the targets and letters tests."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from pairing_desktop.core.storage.models import Rank
from pairing_desktop.core.validation import id_check_digit
from tests.helpers import save


def id_number(serial: int, born: str = "19800101", male: bool = True) -> str:
    """A valid GB 11643 number (area 522423, 黔西县) with the given serial."""
    seq = f"{serial % 1000:03d}"
    if (int(seq[2]) % 2 == 1) != male:
        seq = seq[:2] + str((int(seq[2]) + 1) % 10)
    first17 = f"522423{born}{seq}"
    return first17 + id_check_digit(first17)


@dataclass
class County:
    townships: dict[str, uuid.UUID] = field(default_factory=dict)
    villages: dict[str, uuid.UUID] = field(default_factory=dict)
    units: dict[str, uuid.UUID] = field(default_factory=dict)
    pairings: dict[str, uuid.UUID] = field(default_factory=dict)
    cadres: dict[str, uuid.UUID] = field(default_factory=dict)
    households: dict[str, uuid.UUID] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)


def small_county(ledger, year: int = 2008) -> County:
    """Two townships, three villages and units, paired; three cadres helping five households."""
    c = County()
    with ledger.bound():
        ranks = {r.name: r.id for r in Rank.select()}
    for name in ("雨朵镇", "绿化乡"):
        c.townships[name] = save(ledger, "township", None, {"name": name})
    for name, township in (("石桥村", "雨朵镇"), ("新寨村", "雨朵镇"), ("龙井村", "绿化乡")):
        c.villages[name] = save(ledger, "village", None, {
            "township": c.townships[township], "name": name, "secretary": "王明"})
    for name, org in (("县农业局", "中共黔西县农业局党组"), ("县交通局", "中共黔西县交通局委员会"),
                      ("县卫生局", "")):
        c.units[name] = save(ledger, "unit", None, {
            "name": name, "level": "县直", "party_org": org, "contact_phone": "0857-4221234"})
    for unit, village in (("县农业局", "石桥村"), ("县交通局", "新寨村"), ("县卫生局", "龙井村")):
        c.pairings[village] = save(ledger, "uv_pairing", None, {
            "unit": c.units[unit], "village": c.villages[village],
            "started_on": dt.date(year - 1, 3, 1)})
    for i, (name, unit, rank) in enumerate((("李建国", "县农业局", "科局级"),
                                            ("赵红梅", "县交通局", "股级"),
                                            ("陈志强", "县卫生局", "一般干部")), 1):
        c.ids[name] = id_number(100 + i * 2, male=name != "赵红梅")
        c.cadres[name] = save(ledger, "cadre", None, {
            "unit": c.units[unit], "name": name, "rank": ranks[rank],
            "id_number": c.ids[name], "gender": "女" if name == "赵红梅" else "男",
            "phone": f"1380857{i:04d}"})
    helped = (("张老三", "石桥村", "李建国"), ("刘二妹", "石桥村", "李建国"),
              ("杨国富", "新寨村", "李建国"), ("周小平", "新寨村", "赵红梅"),
              ("吴大山", "龙井村", "陈志强"))
    for i, (name, village, cadre) in enumerate(helped, 1):
        c.ids[name] = id_number(300 + i * 2, born="19650505", male=True)
        c.households[name] = save(ledger, "household", None, {
            "village": c.villages[village], "group_name": f"第{i}组", "head_name": name,
            "id_number": c.ids[name], "members": 4})
        save(ledger, "assignment", None, {"cadre": c.cadres[cadre],
                                          "household": c.households[name],
                                          "started_on": dt.date(year - 1, 5, 1)})
    return c


def county_with_a_target(ledger, year: int):
    """The small county with one target, so its pairing 县农业局–石桥村 has a letter to print."""
    c = small_county(ledger, year)
    add_target(ledger, c.pairings["石桥村"], year, 1, "建设沼气池", 20, "口")
    return c


def add_target(ledger, pairing: uuid.UUID, year: int, category: int, description: str,
               value: float | None = None, unit: str | None = None,
               status: str = "未开始") -> uuid.UUID:
    return save(ledger, "target", None, {
        "pairing": pairing, "year": year, "category": category, "description": description,
        "indicator_value": value, "indicator_unit": unit, "status": status})


# --- reading PDFs back -------------------------------------------------------------------------


def pdf_text(path, page: int | None = None) -> str:
    """The text a reader extracts (what a clerk copies out of the PDF): all pages, or page n
    counted from 1. pypdf, so the tests need nothing outside pip."""
    texts = page_texts(path)
    return "\n".join(texts if page is None else texts[page - 1:page])


def page_texts(path) -> list[str]:
    from pypdf import PdfReader

    return [p.extract_text() for p in PdfReader(path).pages]


def fonts_of(path) -> list[dict]:
    """Every font dictionary used by any page, resolved."""
    from pypdf import PdfReader

    found = {}
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            found[id(font)] = font
    return list(found.values())


# --- text positions, measured with pypdf ----------------------------------------------------------


@dataclass(frozen=True)
class Glyph:
    """One character as a PDF reader places it: its origin, its advance box and its size."""

    char: str
    x: float
    y: float  # baseline
    right: float  # x + advance (the character spacing not included)
    size: float
    font: str  # /BaseFont without the subset tag and ReportLab's subset number

    @property
    def bottom(self) -> float:
        return self.y - 0.12 * self.size

    @property
    def top(self) -> float:
        return self.y + 0.88 * self.size


def _tounicode(font) -> dict[int, str]:
    import re as _re

    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    out = {}
    for block in _re.findall(r"beginbfchar(.*?)endbfchar", cmap, _re.S):
        for code, uni in _re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be")
    return out


def glyphs_of(path) -> list[list[Glyph]]:
    """Every character of every page, from the content streams (Tf, Tc, Tm, Tj as ReportLab
    writes them) with each font's /Widths and /ToUnicode."""
    import re as _re

    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    reader = PdfReader(path)
    pages = []
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"].get_object()
        decoded: dict[str, tuple[dict[int, str], list[float], int, str]] = {}
        out: list[Glyph] = []
        font = size = None
        tc = 0.0
        x = y = 0.0
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            if op == b"Tf":
                name = str(operands[0])
                if name not in decoded:
                    f = fonts[name].get_object()
                    base = _re.sub(r"^[A-Z]{6}\+|-\d+$", "", str(f["/BaseFont"])[1:])
                    decoded[name] = (_tounicode(f), [float(w) for w in f["/Widths"]],
                                     int(f["/FirstChar"]), base)
                font, size = decoded[name], float(operands[1])
            elif op == b"Tc":
                tc = float(operands[0])
            elif op == b"Tm":
                x, y = float(operands[4]), float(operands[5])
            elif op == b"Tj":
                raw = operands[0]
                data = raw.original_bytes if hasattr(raw, "original_bytes") else bytes(raw)
                chars, widths, first, base = font
                for code in data:
                    advance = widths[code - first] * size / 1000
                    out.append(Glyph(chars.get(code, "?"), x, y, x + advance, size, base))
                    x += advance + tc
        pages.append(out)
    return pages


def text_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs on one baseline with no wide gap between them, top to bottom, left to right."""
    rows: dict[tuple[float, float], list[Glyph]] = {}
    for g in glyphs:
        if g.char.strip():
            rows.setdefault((round(g.y, 1), g.size), []).append(g)
    lines = []
    for key in sorted(rows, key=lambda k: (-k[0], k[1])):
        row = sorted(rows[key], key=lambda g: g.x)
        current = [row[0]]
        for g in row[1:]:
            if g.x - current[-1].right > 2 * g.size:
                lines.append(current)
                current = []
            current.append(g)
        lines.append(current)
    return lines
