"""No phrase of a letter doubles a word (「一般干部干部」): every template with every rank, every
target status and every kind of household, read from the letters as printed."""

from __future__ import annotations

import re

from pairing_desktop.core.choices import HOUSEHOLD_KINDS, TARGET_STATUSES
from pairing_desktop.core.letters.data import for_print, gather
from pairing_desktop.core.letters.templates import Signatures, expand, load_template
from pairing_desktop.core.storage.models import Rank
from tests.core.letter_fixtures import add_target, id_number, small_county
from tests.helpers import save

YEAR = 2008
# two or more Chinese characters said twice in a row; reduplication of one (年年, 户户) is Chinese
DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,})\1")


def doubled_words(text: str) -> list[str]:
    return [m.group(0) for m in DOUBLED.finditer(text)]


def test_the_check_finds_what_it_should():
    assert doubled_words("按照要求，一般干部干部帮扶贫困户1户") == ["干部干部"]
    assert doubled_words("年年有余，户户通电，天天向上") == []


def _letter_texts(kind):
    template = load_template(kind)
    for data in gather(kind, YEAR):
        values = for_print({**data.values, "code": "ABCD-EFGH"})
        if kind == "card":
            texts = [template.title, *(line.format_map(values) for line in template.card_lines),
                     template.card_note.format_map(values)]
        else:
            texts = []
            for item in expand(template, values):
                if isinstance(item, Signatures):
                    texts.extend(line for party in item.parties for line in party)
                else:
                    texts.append(item.text)
        yield data, texts


def test_no_template_doubles_a_word_for_any_rank_status_or_kind(ledger):
    county = small_county(ledger, YEAR)
    with ledger.bound():
        ranks = {r.name: r.id for r in Rank.select()}
    assert "一般干部" in ranks  # the rank that doubled
    unit = county.units["县农业局"]
    # a cadre of every rank, each helping a household of every kind
    for i, (_rank, rank_id) in enumerate(sorted(ranks.items())):
        cadre = save(ledger, "cadre", None, {"unit": unit, "name": f"干部{i}", "rank": rank_id,
                                             "id_number": id_number(500 + i * 2), "gender": "男"})
        for j, kind in enumerate(HOUSEHOLD_KINDS):
            household = save(ledger, "household", None, {
                "village": county.villages["石桥村"], "group_name": f"第{j + 1}组",
                "head_name": f"户主{i}{j}", "id_number": id_number(600 + i * 10 + j * 2),
                "members": 3, "kind": kind})
            save(ledger, "assignment", None, {"cadre": cadre, "household": household,
                                              "started_on": f"{YEAR}-01-0{j + 1}"})
    for k, status in enumerate(TARGET_STATUSES):
        add_target(ledger, county.pairings["石桥村"], YEAR, k % 6 + 1, f"第{k}项目标", 10, "户",
                   status=status)
    seen: dict[str, set] = {"target": set(), "cadre": set(), "card": set()}
    with ledger.bound():
        for kind in seen:
            for data, texts in _letter_texts(kind):
                seen[kind].add(data.values.get("rank"))
                for text in texts:
                    assert not doubled_words(text), (kind, text)
    assert set(ranks) <= seen["cadre"] and set(ranks) <= seen["card"]
