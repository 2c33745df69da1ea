"""A plausible year and a bit of activity records for the demo county.

Runs after the base demo (`core.demo.build_demo_county`) on the filled ledger: for every live
pairing, the whole of last year and this year up to `today`, at the rates of the Qianxi report
(about one meeting, 15 party members trained, 3 capable farmers… per village a year), plus a home
visit by each cadre to each household they hold. Most pairings keep their duties; about one in
six is behind (a quarter without research, a half without training) and a few have done nothing
this year, so the dashboard and the report show something real at once. Rows are written with
executemany in one transaction, as the base demo does.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable

from pairing_desktop.core.activities.types import NUMBER_FIELDS
from pairing_desktop.core.storage import models as M
from pairing_desktop.core.storage.ledger import bound_executemany

Numbers = Callable[[random.Random], dict[str, float]]

# code -> (records a pairing makes in a year on average, the numbers of one record)
YEARLY: dict[str, tuple[float, Numbers]] = {
    "unit_meeting": (1.0, lambda r: {"participants": r.randint(5, 25)}),
    "party_meeting": (1.2, lambda r: {"participants": r.randint(6, 20)}),
    "party_training": (1.0, lambda r: {"people": r.randint(8, 25)}),
    "sanchuang": (1.0, lambda r: {"participants": r.randint(10, 60)}),
    "capable_farmers": (0.8, lambda r: {"people": r.randint(2, 5)}),
    "premises_money": (0.3, lambda r: {"money_yuan": r.randrange(10, 80) * 1000}),
    "rules_systems": (0.9, lambda r: {"items": r.randint(1, 2)}),
    "infrastructure": (0.6, lambda r: {"items": 1, "money_yuan": r.randrange(5, 60) * 1000}),
    "new_farmers": (0.8, lambda r: {"people": r.randint(20, 50)}),
    "symposium": (1.0, lambda r: {"participants": r.randint(10, 40)}),
    "culture_money": (0.3, lambda r: {"money_yuan": r.randrange(5, 20) * 1000}),
    "poor_member_visit": (0.7, lambda r: {"households": r.randint(1, 4),
                                          "money_yuan": r.randrange(2, 10) * 100}),
    "student_aid": (0.8, lambda r: {"people": r.randint(2, 8),
                                    "money_yuan": r.randrange(5, 30) * 100}),
    "medical_insurance": (0.6, lambda r: {"households": r.randint(10, 40),
                                          "money_yuan": r.randrange(2, 8) * 100}),
    "unit_visit": (0.7, lambda r: {"participants": r.randint(8, 40)}),
    "difficulty": (1.0, lambda r: {"items": r.randint(1, 6), "households": r.randint(1, 6)}),
    "dev_ideas": (0.7, lambda r: {"items": r.randint(1, 4)}),
    "dev_projects": (0.8, lambda r: {"items": r.randint(1, 5),
                                     "money_yuan": r.randrange(20, 300) * 1000}),
    "talents": (0.8, lambda r: {"people": r.randint(5, 20)}),
    "member_to_leader": (0.7, lambda r: {"people": r.randint(2, 9)}),
    "leader_to_member": (0.5, lambda r: {"people": r.randint(1, 5)}),
    "skills_talents": (0.9, lambda r: {"people": r.randint(40, 150)}),
    "dev_path": (0.5, lambda r: {"items": 1}),
    "vegetables": (0.8, lambda r: {"area_mu": r.randrange(200, 4000) / 2,
                                   "households": r.randint(20, 120)}),
    "fruit_forest": (0.5, lambda r: {"area_mu": r.randrange(50, 600) / 2,
                                     "households": r.randint(5, 60)}),
    "livestock_new": (0.7, lambda r: {"households": r.randint(1, 4)}),
    "livestock_scale": (0.8, lambda r: {"households": r.randint(1, 5)}),
    "out_of_poverty": (0.8, lambda r: {"households": r.randint(1, 4)}),
    "labour_transfer": (0.9, lambda r: {"people": r.randint(30, 150)}),
    "income_added": (0.6, lambda r: {"money_yuan": r.randrange(50, 600) * 1000}),
}
RESEARCH_TOPICS = ("村级班子建设", "产业结构调整", "饮水工程", "通组公路", "贫困户底数",
                   "沼气池建设", "劳务输出")
PROJECTS = ("修建人畜饮水池", "硬化通组公路", "修建村级活动室", "架设农网线路",
            "修建沼气池", "购置农机具", "建设蔬菜大棚")
FINDINGS = ("缺技术，种植收益低", "家中有病人，缺劳力", "子女上学负担重", "住房破旧",
            "缺资金发展养殖", "饮水困难")
MEASURES = ("联系农技员上门指导", "协调小额贷款", "资助子女学费", "帮助申请危房改造",
            "提供仔猪和饲料", "协调安装自来水")
COLUMNS = ("id", "created_at", "updated_at", "deleted_at", "pairing_id", "cadre_id",
           "household_id", "type_id", "date", *NUMBER_FIELDS, "description", "findings",
           "measures", "note")


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def add_demo_activities(rng: random.Random, today: dt.date) -> int:
    """Write the demo activities into the open ledger (pairings and assignments must exist);
    return how many were written."""
    types = {code: tid for code, tid in M.ActivityType.live(M.ActivityType.code,
                                                            M.ActivityType.id).tuples()}
    now = str(M.utcnow())
    rows: list[tuple] = []

    def add(code: str, day: dt.date, pairing: str | None = None, cadre: str | None = None,
            household: str | None = None, numbers: dict | None = None,
            description: str | None = None, findings: str | None = None,
            measures: str | None = None) -> None:
        numbers = numbers or {}
        rows.append((uuid.UUID(int=rng.getrandbits(128), version=4).hex, now, now, None,
                     pairing, cadre, household, types[code].hex, day.isoformat(),
                     *(numbers.get(n) for n in NUMBER_FIELDS), description, findings, measures,
                     None))

    first_year = today.year - 1
    pairings = list(M.UnitVillagePairing.live(M.UnitVillagePairing.id,
                                              M.UnitVillagePairing.started_on,
                                              M.UnitVillagePairing.ended_on)
                    .order_by(M.UnitVillagePairing.id).tuples())
    for pid, started, ended in pairings:
        pairing = pid.hex
        lazy = rng.random() < 0.17  # behind on some duties
        idle = rng.random() < 0.04  # nothing at all this year
        for year in (first_year, today.year):
            end_of_year = min(dt.date(year, 12, 31), today, ended or today)
            if idle and year == today.year:
                continue
            for q in range(4):
                start = max(dt.date(year, 3 * q + 1, 1), started)
                end = min(dt.date(year + (q == 3), (3 * q + 3) % 12 + 1, 1)
                          - dt.timedelta(days=1), end_of_year)
                if start > end or (lazy and rng.random() < 0.45):
                    continue
                for _ in range(1 if rng.random() < 0.8 else 2):
                    add("research", _day(rng, start, end), pairing,
                        numbers={"participants": rng.randint(2, 8)},
                        description=f"调研{rng.choice(RESEARCH_TOPICS)}")
            for half in range(2):
                start = max(dt.date(year, 6 * half + 1, 1), started)
                end = min(dt.date(year, 6, 30) if half == 0 else dt.date(year, 12, 31),
                          end_of_year)
                if start > end or (lazy and rng.random() < 0.5):
                    continue
                add("training", _day(rng, start, end), pairing,
                    numbers={"participants": rng.randint(2, 6), "people": rng.randint(20, 90)},
                    description=rng.choice(("种植技术", "养殖技术", "务工技能")) + "培训")
            start = max(dt.date(year, 1, 1), started)
            if start > end_of_year:
                continue
            if not lazy or rng.random() < 0.5:
                add("project", _day(rng, start, end_of_year), pairing,
                    numbers={"money_yuan": rng.randrange(20, 400) * 500,
                             "households": rng.randint(10, 80)},
                    description=rng.choice(PROJECTS))
            # the rest of the year's work; this year only the share already gone
            share = (end_of_year - start).days / 365
            for code, (rate, numbers) in YEARLY.items():
                expected = rate * share
                count = int(expected) + (rng.random() < expected - int(expected))
                for _ in range(count):
                    add(code, _day(rng, start, end_of_year), pairing, numbers=numbers(rng))
    _add_visits(rng, today, add)
    marks = ", ".join("?" * len(COLUMNS))
    bound_executemany(f"INSERT INTO activity ({', '.join(COLUMNS)}) VALUES ({marks})", rows)
    return len(rows)


def _add_visits(rng: random.Random, today: dt.date, add: Callable[..., None]) -> None:
    """Each cadre visits each household held: nearly all of last year, most of this year so far."""
    held = (M.Assignment.live(M.Assignment.cadre, M.Assignment.household,
                              M.Assignment.started_on, M.Assignment.ended_on)
            .order_by(M.Assignment.id).tuples())
    done_share = {today.year - 1: 0.95, today.year: 0.9 * today.timetuple().tm_yday / 365}
    for cadre, household, started, ended in held:
        for year, share in done_share.items():
            start = max(dt.date(year, 1, 1), started)
            end = min(dt.date(year, 12, 31), today, ended or today)
            if start > end or rng.random() > share:
                continue
            add("household_visit", _day(rng, start, end), cadre=cadre.hex,
                household=household.hex, findings=rng.choice(FINDINGS),
                measures=rng.choice(MEASURES))
