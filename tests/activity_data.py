"""Small ledgers with known contents for the activity, duty and report tests (via records.save)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from pairing_desktop.core import operations as ops
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.core.storage.models import ActivityType, Rank
from tests.helpers import save


def type_id(ledger: Ledger, code: str) -> uuid.UUID:
    with ledger.bound():
        return ActivityType.get(ActivityType.code == code).id


def rank_id(ledger: Ledger, name: str) -> uuid.UUID:
    with ledger.bound():
        return Rank.get(Rank.name == name).id


@dataclass
class County:
    ledger: Ledger
    townships: dict[str, uuid.UUID] = field(default_factory=dict)
    villages: dict[str, uuid.UUID] = field(default_factory=dict)
    units: dict[str, uuid.UUID] = field(default_factory=dict)
    pairings: dict[str, uuid.UUID] = field(default_factory=dict)  # keyed by village name
    cadres: dict[str, uuid.UUID] = field(default_factory=dict)
    households: dict[str, uuid.UUID] = field(default_factory=dict)

    def add(self, code: str, village: str | None, day: dt.date, **numbers: Any) -> uuid.UUID:
        """Record an activity of kind `code` at the pairing of `village` through records.save."""
        raw = {"type": type_id(self.ledger, code), "date": day, **numbers}
        if village is not None:
            raw["pairing"] = self.pairings[village]
        return save(self.ledger, "activity", None, raw)

    def visit(self, cadre: str, household: str, day: dt.date) -> uuid.UUID:
        return save(self.ledger, "activity", None, {
            "type": type_id(self.ledger, "household_visit"), "date": day,
            "cadre": self.cadres[cadre],
            "household": self.households[household], "findings": "缺技术"})


def build_county(ledger: Ledger, started: dt.date = dt.date(2024, 1, 1)) -> County:
    """Two townships, three villages, three units (one 地直), three pairings begun on `started`,
    four cadres of different ranks, five poor households, no activity yet."""
    c = County(ledger)
    for name in ("甲乡", "乙镇"):
        c.townships[name] = save(ledger, "township", None, {"name": name})
    for name, township in (("红岩村", "甲乡"), ("青山村", "甲乡"), ("白水村", "乙镇")):
        c.villages[name] = save(ledger, "village", None, {
            "township": c.townships[township], "name": name})
    for name, level in (("县农业局", "县直"), ("县教育局", "县直"), ("地区交通局", "地直")):
        c.units[name] = save(ledger, "unit", None, {"name": name, "level": level})
    for village, unit in (("红岩村", "县农业局"), ("青山村", "县教育局"),
                          ("白水村", "县农业局")):
        c.pairings[village] = save(ledger, "uv_pairing", None, {
            "unit": c.units[unit], "village": c.villages[village], "started_on": started})
    save(ledger, "ut_pairing", None, {"unit": c.units["地区交通局"],
                                      "township": c.townships["乙镇"], "started_on": started})
    for name, unit, rank in (("张县长", "县农业局", "县级"), ("李科长", "县农业局", "科局级"),
                             ("王股长", "县教育局", "股级"), ("赵干事", "县教育局", "一般干部")):
        c.cadres[name] = save(ledger, "cadre", None, {
            "unit": c.units[unit], "name": name, "rank": rank_id(ledger, rank),
            "reserve": name == "赵干事"})
    for name, village in (("刘一", "红岩村"), ("刘二", "红岩村"), ("陈三", "青山村"),
                          ("陈四", "白水村"), ("周五", "白水村")):
        c.households[name] = save(ledger, "household", None, {
            "village": c.villages[village], "head_name": name})
    return c


def assign(c: County, cadre: str, household: str, on: dt.date) -> uuid.UUID:
    return save(c.ledger, "assignment", None, {
        "cadre": c.cadres[cadre], "household": c.households[household], "started_on": on})


def fill_known_year(c: County) -> None:
    """A year (2025) of records whose totals the report tests state by hand, plus records that
    must not count: one from 2024 and one deleted."""
    D = dt.date
    c.add("research", "红岩村", D(2025, 2, 10), participants=3)
    c.add("research", "红岩村", D(2025, 5, 10), participants=5)
    c.add("research", "青山村", D(2025, 3, 1), participants=2)
    c.add("training", "红岩村", D(2025, 4, 1), participants=2, people=40)
    c.add("party_training", "青山村", D(2025, 6, 1), people=25)
    c.add("culture_money", "青山村", D(2025, 7, 1), money_yuan=26000)
    c.add("vegetables", "红岩村", D(2025, 8, 1), area_mu=12.5, households=6)
    c.add("research", "白水村", D(2025, 1, 15), participants=4)
    c.add("project", "白水村", D(2025, 9, 9), money_yuan=150000.5, households=30,
          description="修建饮水池")
    c.add("vegetables", "白水村", D(2025, 10, 1), area_mu=7.25, households=3)
    c.add("income_added", "白水村", D(2025, 11, 11), money_yuan=880000)
    c.add("research", "白水村", D(2024, 12, 31), participants=9)  # the year before
    ops.delete(c.ledger, "activity", c.add("research", "红岩村", D(2025, 12, 1), participants=7))
    assign(c, "王股长", "刘二", D(2025, 1, 5))
    c.visit("王股长", "刘二", D(2025, 3, 3))
    farmer = save(c.ledger, "farmer", None, {"village": c.villages["白水村"], "name": "吴六"})
    save(c.ledger, "pm_pairing", None, {"cadre": c.cadres["赵干事"], "farmer": farmer,
                                      "started_on": D(2025, 2, 1)})
    save(c.ledger, "stationed", None, {"cadre": c.cadres["赵干事"], "village": c.villages["白水村"],
                                     "started_on": D(2025, 3, 1)})
