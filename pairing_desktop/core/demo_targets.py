"""Annual targets for the demo county: every pairing gets targets for this year and the last.

Called by `demo.build_demo_county` after the pairings exist, so every letter kind can be tried on
the demo file at once. Last year's targets are mostly met; a few are not (those pairings cannot be
ended yet); this year's are under way. A pairing already ended has all its targets met, as the
rule 目标未实现不脱钩 requires.
"""

from __future__ import annotations

import random
import uuid

from pairing_desktop.core.rules.targets import DONE, ENDED
from pairing_desktop.core.storage.models import Target, UnitVillagePairing, utcnow

# per category (1..6, choices.TARGET_CATEGORIES): (description, indicator value, measure)
POOL: dict[int, tuple[tuple[str, float, str], ...]] = {
    1: (("修建通村公路", 3.5, "公里"), ("修建人畜饮水池", 4, "个"), ("建设沼气池", 20, "口"),
        ("改造中低产田", 200, "亩"), ("修建机耕道", 2, "公里")),
    2: (("发展精品水果种植", 300, "亩"), ("扶持生猪养殖示范户", 15, "户"),
        ("发展无公害蔬菜种植", 500, "亩"), ("组织劳务输出", 120, "人"),
        ("扶持农民专业合作社", 1, "个")),
    3: (("开展农民实用技术培训", 200, "人次"), ("建设农家书屋", 1, "个"),
        ("开展文明户评选", 30, "户"), ("资助贫困学生", 10, "名")),
    4: (("编制村庄建设规划", 1, "份"), ("实施改厨改厕", 40, "户"), ("修建垃圾池", 6, "个"),
        ("硬化村内道路", 1.2, "公里")),
    5: (("完善村规民约", 1, "套"), ("推行村务公开", 4, "次"), ("建立民主议事制度", 3, "项")),
    6: (("改善村级活动场所", 1, "个"), ("培养入党积极分子", 3, "名"), ("发展村集体经济", 2, "万元"),
        ("培训农村党员", 60, "人次")),
}


CONTINUOUS = {"公里", "亩", "万元"}  # other measures count things: whole numbers only


def _amount(value: float, measure: str) -> float:
    return round(value, 1) if measure in CONTINUOUS else float(max(1, round(value)))


def _targets_for(rng: random.Random, pairing: uuid.UUID, year: int, current: bool,
                 ended: bool) -> list[dict]:
    rows = []
    for category, pool in POOL.items():
        for description, value, measure in rng.sample(pool, 2 if category in (1, 2) else 1):
            scale = rng.choice((0.5, 1, 1, 1.5, 2))
            target = _amount(value * scale, measure)
            if ended:
                status, actual = DONE, target
            elif current:
                status = rng.choices(("未开始", "进行中", DONE), (3, 5, 2))[0]
                partly = _amount(target * rng.uniform(0.2, 0.8), measure)
                actual = {"未开始": None, "进行中": partly, DONE: target}[status]
            else:
                status = rng.choices((DONE, "未完成"), (9, 1))[0]
                actual = target if status == DONE else _amount(target * rng.uniform(0.3, 0.9),
                                                                measure)
            now = utcnow()
            rows.append({
                "id": uuid.UUID(int=rng.getrandbits(128), version=4), "created_at": now,
                "updated_at": now, "pairing": pairing,
                "year": year, "category": category, "description": description,
                "indicator_value": target, "indicator_unit": measure, "actual_value": actual,
                "status": status,
            })
    return rows


def add_demo_targets(rng: random.Random, this_year: int) -> int:
    """Give every live unit–village pairing targets for `this_year` and the year before.

    Returns how many targets were written (one transaction)."""
    pairings = list(UnitVillagePairing.live(UnitVillagePairing.id, UnitVillagePairing.status)
                    .order_by(UnitVillagePairing.id).tuples())
    rows = []
    for pairing, status in pairings:
        ended = status == ENDED
        rows += _targets_for(rng, pairing, this_year - 1, current=False, ended=ended)
        rows += _targets_for(rng, pairing, this_year, current=True, ended=ended)
    for start in range(0, len(rows), 500):  # inside the demo's transaction
        Target.insert_many(rows[start:start + 500]).execute()
    return len(rows)
