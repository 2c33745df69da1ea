"""Records of each kind, saved through the records service on the `ledger` file."""

from __future__ import annotations

import uuid

import pytest

from pairing_desktop.core.storage.models import Rank
from tests.helpers import id_number, save


@pytest.fixture
def ranks(ledger) -> dict[str, uuid.UUID]:
    """The default "4321" ranks a new ledger starts with, by name."""
    with ledger.bound():
        return {r.name: r.id for r in Rank.live()}


@pytest.fixture
def township(ledger) -> uuid.UUID:
    return save(ledger, "township", None, {"name": "城关镇", "code": "520522001"})


@pytest.fixture
def village(ledger, township) -> uuid.UUID:
    return save(ledger, "village", None, {
        "township": township, "name": "新寨村", "households": "412", "population": "1760",
        "party_members": "27", "secretary": "王国华",
        "secretary_phone": "13885712345", "poverty_causes": ["交通落后", "土地贫瘠"]})


@pytest.fixture
def unit(ledger) -> uuid.UUID:
    return save(ledger, "unit", None, {
        "name": "县财政局", "level": "县直", "kind": "党政机关", "party_org": "中共县财政局党支部",
        "head": "李明", "head_title": "局长", "contact": "张芳", "contact_phone": "0857-4221234"})


@pytest.fixture
def cadre(ledger, unit, ranks) -> uuid.UUID:
    return save(ledger, "cadre", None, {
        "unit": unit, "name": "刘建国", "gender": "男", "id_number": id_number("19700315", "011"),
        "rank": ranks["科局级"], "phone": "13985700001"})


@pytest.fixture
def household(ledger, village) -> uuid.UUID:
    return save(ledger, "household", None, {
        "village": village, "group_name": "三组", "head_name": "杨秀英",
        "id_number": id_number("19620708", "024"), "members": 4, "kind": "低保",
        "income_per_capita": "860", "poverty_cause": "因病"})
