"""A demo county at the scale of the 2007 Qianxi report, generated deterministically.

Same seed and same `today` give the same file, row for row (ids included), so a clerk's training
copy, a screenshot script and a test all see the same county. Rows are built in Python and written
with `executemany` in one transaction: peewee's `insert_many` is 6–13× slower at this volume.

Each step adds one kind of record and keeps what later steps need in `DemoCounty`; other areas
(targets, activities) add their own steps on top of the filled ledger.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pairing_desktop.core import auth, records
from pairing_desktop.core import choices as C
from pairing_desktop.core.activities.demo import add_demo_activities
from pairing_desktop.core.demo_targets import add_demo_targets
from pairing_desktop.core.errors import RefusedError
from pairing_desktop.core.i18n import Phrase, tr
from pairing_desktop.core.operations.accounts import create_first_admin, set_auto_login
from pairing_desktop.core.operations.base import operation
from pairing_desktop.core.profile import profile, set_profile
from pairing_desktop.core.sort_keys import fill_missing
from pairing_desktop.core.storage import models as M
from pairing_desktop.core.storage.ledger import Ledger, bound_executemany
from pairing_desktop.core.storage.schema import CURRENT_REV, next_rev
from pairing_desktop.core.validation import id_check_digit

COUNTY_AREA = "520522"  # administrative division code in ID numbers of the county's people
PREFECTURE_AREAS = ("520502", "520521", "520523", "520524")

TOWNSHIPS = (
    "城关镇", "甘棠镇", "素朴镇", "中坪镇", "重新镇", "林泉镇", "金兰镇", "观音洞镇", "大关镇",
    "谷里镇", "雨朵镇", "金碧镇", "洪水乡", "协和乡", "五里乡", "绿化乡", "新仁乡", "铁石乡",
    "钟山乡", "太来乡", "红林乡", "中建乡", "花溪乡", "定新乡", "仁和乡", "沙井乡", "锦星乡",
    "永和乡",
)

# (name, kind, title of the head)
PREFECTURE_UNITS = (
    ("地区交通局", "党政机关", "局长"), ("地区水利局", "党政机关", "局长"),
    ("地区农业局", "党政机关", "局长"), ("地区林业局", "党政机关", "局长"),
    ("地区卫生局", "党政机关", "局长"), ("地区教育局", "党政机关", "局长"),
    ("地区民政局", "党政机关", "局长"), ("地区财政局", "党政机关", "局长"),
    ("地区国土资源局", "党政机关", "局长"), ("地区扶贫开发办公室", "党政机关", "主任"),
    ("地区畜牧局", "党政机关", "局长"), ("地区农业科学研究所", "事业单位", "所长"),
    ("毕节供电局", "企业", "局长"), ("地区烟草公司", "企业", "经理"),
)

COUNTY_UNITS = (
    ("县委办公室", "党政机关", "主任"), ("县政府办公室", "党政机关", "主任"),
    ("县人大常委会办公室", "党政机关", "主任"), ("县政协办公室", "党政机关", "主任"),
    ("县纪委", "党政机关", "书记"), ("县委组织部", "党政机关", "部长"),
    ("县委宣传部", "党政机关", "部长"), ("县委统战部", "党政机关", "部长"),
    ("县委政法委", "党政机关", "书记"), ("县财政局", "党政机关", "局长"),
    ("县发展和改革局", "党政机关", "局长"), ("县教育局", "党政机关", "局长"),
    ("县科技局", "党政机关", "局长"), ("县公安局", "党政机关", "局长"),
    ("县民政局", "党政机关", "局长"), ("县司法局", "党政机关", "局长"),
    ("县人事局", "党政机关", "局长"), ("县劳动和社会保障局", "党政机关", "局长"),
    ("县国土资源局", "党政机关", "局长"), ("县建设局", "党政机关", "局长"),
    ("县交通局", "党政机关", "局长"), ("县水利局", "党政机关", "局长"),
    ("县农业局", "党政机关", "局长"), ("县林业局", "党政机关", "局长"),
    ("县畜牧局", "党政机关", "局长"), ("县卫生局", "党政机关", "局长"),
    ("县人口和计划生育局", "党政机关", "局长"), ("县文体广播电视局", "党政机关", "局长"),
    ("县审计局", "党政机关", "局长"), ("县环境保护局", "党政机关", "局长"),
    ("县统计局", "党政机关", "局长"), ("县工商局", "党政机关", "局长"),
    ("县质量技术监督局", "党政机关", "局长"), ("县安全生产监督管理局", "党政机关", "局长"),
    ("县食品药品监督管理局", "党政机关", "局长"), ("县粮食局", "党政机关", "局长"),
    ("县商务局", "党政机关", "局长"), ("县旅游局", "党政机关", "局长"),
    ("县扶贫开发办公室", "党政机关", "主任"), ("县移民开发办公室", "党政机关", "主任"),
    ("县国家税务局", "党政机关", "局长"), ("县地方税务局", "党政机关", "局长"),
    ("县人民法院", "党政机关", "院长"), ("县人民检察院", "党政机关", "检察长"),
    ("县总工会", "党政机关", "主席"), ("团县委", "党政机关", "书记"),
    ("县妇联", "党政机关", "主席"), ("县科协", "党政机关", "主席"),
    ("县残联", "党政机关", "理事长"), ("县档案局", "党政机关", "局长"),
    ("县委老干部局", "党政机关", "局长"), ("县直机关工委", "党政机关", "书记"),
    ("县城市管理局", "党政机关", "局长"), ("县供销社", "党政机关", "主任"),
    ("县委党校", "事业单位", "常务副校长"), ("县人民医院", "事业单位", "院长"),
    ("县中医院", "事业单位", "院长"), ("县疾病预防控制中心", "事业单位", "主任"),
    ("县第一中学", "事业单位", "校长"), ("县职业技术学校", "事业单位", "校长"),
    ("县气象局", "事业单位", "局长"), ("县广播电视台", "事业单位", "台长"),
    ("县烟草专卖局", "企业", "局长"), ("县供电局", "企业", "局长"),
    ("县农业银行", "企业", "行长"), ("县农村信用合作联社", "企业", "理事长"),
    ("县邮政局", "企业", "局长"), ("县电信分公司", "企业", "经理"),
    ("县移动分公司", "企业", "经理"),
)

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛"
    "郝龚邵万严覃武戴莫孔向汤安穆"
)
# the most common surnames are drawn more often, as in a real roll
_SURNAME_WEIGHTS = [12 if i < 10 else 5 if i < 30 else 2 for i in range(len(SURNAMES))]
MALE_GIVEN = "国华明军建平志勇伟强忠德文光新海林永兴富贵成祥发荣学友江顺刚洪斌云超鹏飞俊涛"
FEMALE_GIVEN = "秀英兰芳华玉珍丽梅琴霞燕红萍凤莲艳娟敏静娥群菊花琼桂仙芬春慧婷"

VILLAGE_FIRST = "大小新老上下中红青石马龙沙白黄金兴高河杨柳水花团凤鸡羊麻木岩田坪"
VILLAGE_SECOND = "寨坪坝岩沟关山田场溪冲堡湾林桥井坡箐哨屯"
GROUPS = ("一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组")
MOBILE_PREFIXES = ("135", "136", "137", "138", "139", "150", "151", "158", "159", "187", "188")

# (rank name, share of cadres): few county-level leaders, many ordinary cadres
RANK_SHARES = {"县级": 0.04, "科局级": 0.24, "股级": 0.36, "一般干部": 0.36}

SCALE = {
    "paired_villages": 83, "other_villages": 40, "cadres": 1032, "farmers": 2135,
    "households": 2300, "stationed": 75, "reserve": 120, "reassigned": 40,
}


@dataclass
class DemoCounty:
    """What the steps have made so far: ids (32-char hex, as peewee stores UUIDs) and facts."""

    rng: random.Random
    today: dt.date
    now: str
    id_numbers: set[str] = field(default_factory=set)
    townships: list[str] = field(default_factory=list)
    villages: dict[str, str] = field(default_factory=dict)  # village id -> township id
    paired_villages: list[str] = field(default_factory=list)
    prefecture_units: list[str] = field(default_factory=list)
    county_units: list[str] = field(default_factory=list)
    ranks: dict[str, tuple[str, int]] = field(default_factory=dict)  # name -> (id, quota)
    cadres: list[tuple[str, str, int]] = field(default_factory=list)  # (id, unit id, quota)
    reserve_cadres: list[tuple[str, str]] = field(default_factory=list)  # (id, unit id)
    households: dict[str, list[str]] = field(default_factory=dict)  # village id -> poor ids
    farmers: list[str] = field(default_factory=list)
    unit_villages: dict[str, list[str]] = field(default_factory=dict)  # unit id -> village ids

    @property
    def program_start(self) -> dt.date:
        """Pairings began at the start of last year, so a whole year of records fits before now."""
        return dt.date(self.today.year - 1, 1, 10)

    def new_id(self) -> str:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4).hex

    def person_name(self, male: bool) -> str:
        surname = self.rng.choices(SURNAMES, _SURNAME_WEIGHTS)[0]
        pool = MALE_GIVEN if male else FEMALE_GIVEN
        given = "".join(self.rng.choices(pool, k=self.rng.choice((1, 2, 2))))
        return surname + given

    def id_number(self, male: bool, born_from: int, born_to: int,
                  areas: Sequence[str] = (COUNTY_AREA,)) -> str:
        """A unique, valid GB 11643 number whose 17th digit matches the gender."""
        while True:
            birth = dt.date(born_from, 1, 1) + dt.timedelta(
                days=self.rng.randrange((dt.date(born_to, 12, 31) - dt.date(born_from, 1, 1)).days))
            order = self.rng.randrange(100) * 10 + self.rng.choice(
                (1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
            first17 = f"{self.rng.choice(areas)}{birth:%Y%m%d}{order:03d}"
            number = first17 + id_check_digit(first17)
            if number not in self.id_numbers:
                self.id_numbers.add(number)
                return number

    def mobile(self) -> str:
        return self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"

    def landline(self) -> str:
        return f"0857-{self.rng.randrange(4200000, 4299999)}"

    def base(self) -> tuple[str, str, str, None]:
        """id, created_at, updated_at, deleted_at of a new row."""
        return (self.new_id(), self.now, self.now, None)


def insert_rows(model: type[M.BaseModel], columns: Sequence[str],
                rows: Iterable[Sequence[Any]]) -> None:
    """executemany of ready-made rows (id, created_at, updated_at, deleted_at, *columns), with
    values already as stored (UUIDs as 32-char hex, dates ISO); the caller holds a transaction."""
    names = ["id", "created_at", "updated_at", "deleted_at", *columns]
    cols = ", ".join(model._meta.fields[n].column_name for n in names)
    marks = ", ".join("?" * len(names))
    next_rev()  # numbered as one batch (schema.CURRENT_REV), not row by row by the triggers
    bound_executemany(
        f"INSERT INTO {model._meta.table_name} ({cols}, rev) VALUES ({marks}, {CURRENT_REV})",
        rows)


def _spread(rng: random.Random, total: int, buckets: int, low: int) -> list[int]:
    """Split `total` into `buckets` random sizes of at least `low` each."""
    sizes = [low] * buckets
    for _ in range(total - low * buckets):
        sizes[rng.randrange(buckets)] += 1
    return sizes


# --- steps ---------------------------------------------------------------------------------------


def add_townships(d: DemoCounty) -> None:
    rows = []
    for n, name in enumerate(TOWNSHIPS, start=1):
        row = (*d.base(), name, f"{COUNTY_AREA}{n:03d}")
        d.townships.append(row[0])
        rows.append(row)
    insert_rows(M.Township, ("name", "code"), rows)


def add_villages(d: DemoCounty) -> None:
    """83 class-one villages (3 in most townships) that get paired, and the county's others."""
    rng = d.rng
    names = [a + b for a in VILLAGE_FIRST for b in VILLAGE_SECOND if a != b]
    rng.shuffle(names)
    paired_per_township = _spread(rng, SCALE["paired_villages"], len(d.townships), 2)
    others_per_township = _spread(rng, SCALE["other_villages"], len(d.townships), 1)
    rows = []
    for town, paired, others in zip(d.townships, paired_per_township, others_per_township,
                                    strict=True):
        for k in range(paired + others):
            is_paired = k < paired
            households = rng.randrange(280, 900)
            row = (
                *d.base(), town, names.pop() + "村",
                "一类贫困村" if is_paired else rng.choice(C.POVERTY_CLASSES[1:]),
                households, int(households * rng.uniform(3.9, 4.6)),
                None,  # poor households: filled from the households generated below
                rng.randrange(18, 65), d.person_name(rng.random() < 0.9), d.mobile(),
                "、".join(rng.sample(C.VILLAGE_CAUSES[:5], rng.randrange(1, 4))),
                "帮扶中", None,
            )
            d.villages[row[0]] = town
            if is_paired:
                d.paired_villages.append(row[0])
            rows.append(row)
    insert_rows(M.Village, ("township", "name", "poverty_class", "households", "population",
                            "poor_households", "party_members", "secretary", "secretary_phone",
                            "poverty_causes", "status", "out_of_poverty_year"), rows)


def add_units(d: DemoCounty) -> None:
    rng = d.rng
    rows = []
    for level, units, ids in (("地直", PREFECTURE_UNITS, d.prefecture_units),
                              ("县直", COUNTY_UNITS, d.county_units)):
        for name, kind, title in units:
            row = (*d.base(), name, level, kind, f"中共{name}党支部",
                   d.person_name(rng.random() < 0.85), title,
                   d.person_name(rng.random() < 0.5),
                   d.landline() if rng.random() < 0.6 else d.mobile())
            ids.append(row[0])
            rows.append(row)
    insert_rows(M.Unit, ("name", "level", "kind", "party_org", "head", "head_title", "contact",
                         "contact_phone"), rows)


def add_cadres(d: DemoCounty) -> None:
    """1032 agency party members spread over all units, ranks drawn from RANK_SHARES."""
    rng = d.rng
    d.ranks = {name: (uid.hex, quota) for uid, name, quota in
               M.Rank.live(M.Rank.id, M.Rank.name, M.Rank.quota).tuples()}
    rank_names = [r for r in RANK_SHARES if r in d.ranks]
    weights = [RANK_SHARES[r] for r in rank_names]
    units = d.prefecture_units + d.county_units
    sizes = _spread(rng, SCALE["cadres"], len(units), 5)
    reserve = set(rng.sample(range(SCALE["cadres"]), SCALE["reserve"]))
    rows = []
    for unit, size in zip(units, sizes, strict=True):
        areas = PREFECTURE_AREAS if unit in d.prefecture_units else (COUNTY_AREA,)
        for _ in range(size):
            male = rng.random() < 0.68
            rank = rng.choices(rank_names, weights)[0]
            is_reserve = len(rows) in reserve
            born_from = 1975 if is_reserve else 1955
            row = (*d.base(), unit, d.person_name(male), "男" if male else "女",
                   d.id_number(male, born_from, 1986, areas), d.ranks[rank][0], True,
                   is_reserve, d.mobile())
            d.cadres.append((row[0], unit, d.ranks[rank][1]))
            if is_reserve:
                d.reserve_cadres.append((row[0], unit))
            rows.append(row)
    insert_rows(M.Cadre, ("unit", "name", "gender", "id_number", "rank", "party_member", "reserve",
                          "phone"), rows)


def add_households(d: DemoCounty) -> None:
    """Poor households of the paired villages; a few are already out of poverty."""
    rng = d.rng
    sizes = _spread(rng, SCALE["households"], len(d.paired_villages), 12)
    rows = []
    poor_count = {}  # village id -> households still poor, the village's 贫困户数
    for village, size in zip(d.paired_villages, sizes, strict=True):
        d.households[village] = []
        for _ in range(size):
            kind = rng.choices(C.HOUSEHOLD_KINDS, (70, 22, 8))[0]
            male = rng.random() < 0.8
            members = 1 if kind == "五保" else rng.randrange(2, 8)
            out = rng.random() < 0.06
            row = (*d.base(), village, rng.choice(GROUPS), d.person_name(male),
                   d.id_number(male, 1935, 1985) if rng.random() < 0.97 else None,
                   d.mobile() if rng.random() < 0.55 else None, members, kind,
                   round(rng.uniform(380, 1060), 0),
                   rng.choices(C.HOUSEHOLD_CAUSES, (18, 8, 6, 4, 6, 5, 12, 10, 14, 7, 6, 4))[0],
                   "已脱贫" if out else "贫困", d.today.year - 1 if out else None)
            if not out:
                d.households[village].append(row[0])
            rows.append(row)
        poor_count[village] = len(d.households[village])
    insert_rows(M.Household, ("village", "group_name", "head_name", "id_number", "phone", "members",
                              "kind", "income_per_capita", "poverty_cause", "status",
                              "out_of_poverty_year"), rows)
    bound_executemany("UPDATE village SET poor_households = ? WHERE id = ?",
                      [(n, v) for v, n in poor_count.items()])


def add_farmers(d: DemoCounty) -> None:
    """2135 farmer party members in the paired villages; some are wealth leaders."""
    rng = d.rng
    sizes = _spread(rng, SCALE["farmers"], len(d.paired_villages), 10)
    rows = []
    for village, size in zip(d.paired_villages, sizes, strict=True):
        for _ in range(size):
            male = rng.random() < 0.78
            row = (*d.base(), village, d.person_name(male), d.id_number(male, 1940, 1988),
                   d.mobile() if rng.random() < 0.7 else None, rng.random() < 0.18)
            d.farmers.append(row[0])
            rows.append(row)
    insert_rows(M.FarmerPartyMember, ("village", "name", "id_number", "phone", "wealth_leader"),
                rows)


def add_unit_pairings(d: DemoCounty) -> None:
    """69 county units ↔ 83 villages (every village paired; some units take two);
    14 prefecture units ↔ 28 township party committees (two each)."""
    rng = d.rng
    villages = d.paired_villages[:]  # grouped by township: a unit's villages lie together
    extra = set(rng.sample(range(len(d.county_units)), len(villages) - len(d.county_units)))
    start = d.program_start.isoformat()
    rows = []
    for n, unit in enumerate(d.county_units):
        take = 2 if n in extra else 1
        d.unit_villages[unit] = [villages.pop(0) for _ in range(take)]
        rows += [(*d.base(), unit, v, start, "帮扶中", None) for v in d.unit_villages[unit]]
    insert_rows(M.UnitVillagePairing, ("unit", "village", "started_on", "status", "ended_on"), rows)

    rows = []
    for n, township in enumerate(d.townships):
        unit = d.prefecture_units[n % len(d.prefecture_units)]
        rows.append((*d.base(), unit, township, start, None))
        own = [v for v in d.paired_villages if d.villages[v] == township]
        d.unit_villages.setdefault(unit, []).extend(own)
    insert_rows(M.UnitTownshipPairing, ("unit", "township", "started_on", "ended_on"), rows)


def add_party_member_pairings(d: DemoCounty) -> None:
    """1032 ↔ 2135: every cadre has one farmer party member, most two, some three."""
    rng = d.rng
    farmers = d.farmers[:]
    rng.shuffle(farmers)
    cadres = [c[0] for c in d.cadres]
    load = dict.fromkeys(cadres, 1)
    room = cadres[:]  # cadres with fewer than three
    for _ in range(len(farmers) - len(cadres)):
        k = rng.randrange(len(room))
        load[room[k]] += 1
        if load[room[k]] == 3:
            room[k] = room[-1]
            room.pop()
    start = d.program_start.isoformat()
    rows = []
    for cadre in cadres:
        rows += [(*d.base(), cadre, farmers.pop(), start, None) for _ in range(load[cadre])]
    insert_rows(M.PartyMemberPairing, ("cadre", "farmer", "started_on", "ended_on"), rows)


def add_stationed(d: DemoCounty) -> None:
    """75 reserve cadres serve in a village their unit is paired with (or any paired village)."""
    rng = d.rng
    start = dt.date(d.today.year - 1, 3, 1).isoformat()
    rows = []
    for cadre, unit in rng.sample(d.reserve_cadres, SCALE["stationed"]):
        village = rng.choice(d.unit_villages.get(unit) or d.paired_villages)
        post = rng.choices(C.STATIONED_POSTS, (3, 2, 3, 4))[0]
        rows.append((*d.base(), cadre, village, post, start, None))
    insert_rows(M.StationedCadre, ("cadre", "village", "post", "started_on", "ended_on"), rows)


def add_assignments(d: DemoCounty) -> None:
    """"4321": each cadre takes up to their rank's quota of households, from their unit's villages
    first. One cadre in ten stays a household short, some households have no cadre yet, and a few
    households changed hands last year (the closed assignment stays as history)."""
    rng = d.rng
    pools = {v: rng.sample(hh, len(hh)) for v, hh in d.households.items()}
    start = dt.date(d.today.year - 1, 2, 1)
    cadres = d.cadres[:]
    rng.shuffle(cadres)
    held: dict[str, str] = {}  # household -> cadre
    for cadre, unit, quota in cadres:
        want = quota - 1 if rng.random() < 0.1 else quota
        own = [v for v in d.unit_villages.get(unit, []) if pools[v]]
        for _ in range(want):
            candidates = own or [v for v in d.paired_villages if pools[v]]
            if not candidates:
                break
            village = rng.choice(candidates)
            household = pools[village].pop()
            if not pools[village] and village in own:
                own.remove(village)
            held[household] = cadre
    # history: some households' first helper was replaced last autumn; the closed assignment
    # stays, and quotas count open assignments only
    changed = dt.date(d.today.year - 1, 9, 1)
    replaced = set(rng.sample(sorted(held), SCALE["reassigned"]))
    rows = []
    for household, cadre in held.items():
        if household in replaced:
            former = cadre
            while former == cadre:
                former = rng.choice(d.cadres)[0]
            rows.append((*d.base(), former, household, start.isoformat(), changed.isoformat()))
        begun = changed if household in replaced else start
        rows.append((*d.base(), cadre, household, begun.isoformat(), None))
    insert_rows(M.Assignment, ("cadre", "household", "started_on", "ended_on"), rows)


def add_targets(d: DemoCounty) -> None:
    """Targets for this year and last, so every letter kind can be tried at once."""
    add_demo_targets(d.rng, d.today.year)


def add_activities(d: DemoCounty) -> None:
    """A year and a bit of ledger records, some pairings behind on their duties."""
    add_demo_activities(d.rng, d.today)


def make_demo_file(path: Path, seed: int = 2007, today: dt.date | None = None) -> dict[str, int]:
    """A new file holding the demo county, which appears under its name only when complete: a
    demo killed midway leaves nothing that `demo` would then refuse to fill."""
    from pairing_desktop.core.files import atomic_output
    from pairing_desktop.core.ledgers import open_ledger

    path = Path(path)
    if path.exists():
        raise RefusedError(tr("{path} 已存在；演示数据只写入新文件。").format(path=path))
    with atomic_output(path) as tmp:
        tmp.unlink()  # the new ledger is made where nothing is
        with open_ledger(tmp) as ledger:
            counts = build_demo_county(ledger, seed, today)
        tmp.with_name(tmp.name + ".lock").unlink(missing_ok=True)
    return counts


DEMO_COUNTY, DEMO_OFFICE = "演示县", "县委组织部"  # whose ledger the demo is
DEMO_ADMIN = "admin"
DEMO_PASSWORD = "demo1234"  # documented in the README: the demo county is for trying out

STEPS = (add_townships, add_villages, add_units, add_cadres, add_households, add_farmers,
         add_unit_pairings, add_party_member_pairings, add_stationed, add_assignments,
         add_targets, add_activities)


def build_demo_county(ledger: Ledger, seed: int = 2007,
                      today: dt.date | None = None) -> dict[str, int]:
    """Fill the opened (empty) ledger with the demo county; return the live records per kind.

    `today` anchors the dates (pairings began on 10 January of the year before), so targets and
    activities for this year and last year fit; it defaults to the real date. A ledger with no
    operator gets the administrator `admin` (password DEMO_PASSWORD) and starts as them without
    asking, so the README's examples run as written. The data is one operation in the history
    (thousands of generated rows are not worth an entry each), and it cannot be undone.
    """
    if not auth.has_operators(ledger):
        create_first_admin(ledger, DEMO_ADMIN, DEMO_PASSWORD, "演示县管理员")
        set_auto_login(ledger, DEMO_ADMIN)
    elif ledger.operator is None:
        auth.auto_login(ledger)
    county = DemoCounty(rng=random.Random(seed), today=today or dt.date.today(),
                        now=str(M.utcnow()))
    with operation(ledger, Phrase("生成演示县数据"), auth.ADMINISTER, stack=None) as op:
        for step in STEPS:
            step(county)
        fill_missing(ledger)  # the rows were written in bulk, without their names' keys
        counts = records.counts(ledger)
        op.created("setting", "demo_county", {"seed": seed, **counts})
    if not profile(ledger)["county"]:  # named, so that it can exchange packages as a county
        set_profile(ledger, DEMO_COUNTY, DEMO_OFFICE)
    return counts
