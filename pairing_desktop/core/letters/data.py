"""The records each letter is printed from, gathered in a few set-wise queries per batch.

Each letter's values are plain strings (and lists of them) named as in `fields.FIELDS`; the same
values are hashed to tell later whether the records behind a printed letter have changed. A
template sees them through `for_print`: ID numbers masked, the whole number only where the
template asks for it by name (`{id_number_full}`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from pairing_desktop.core.choices import TARGET_CATEGORIES
from pairing_desktop.core.masking import mask
from pairing_desktop.core.rules.targets import format_indicator
from pairing_desktop.core.storage.models import (
    Assignment,
    Cadre,
    Household,
    Rank,
    Target,
    Township,
    Unit,
    UnitVillagePairing,
    Village,
)
from pairing_desktop.core.validation import cn_date

NUMERALS = "一二三四五六七八九十"
BLANK_DATE = "　　　　年　　月　　日"


@dataclass
class LetterData:
    kind: str
    year: int
    subject: uuid.UUID  # the pairing, cadre or household the letter is about
    party: str  # who signs, as listed and used in file names
    values: dict[str, Any]
    unit: uuid.UUID | None = None
    township: uuid.UUID | None = None
    day: dt.date | None = None  # the letter's date (成文/签订日期), chosen for the batch


MASKED = ("id_number",)  # printed masked unless the template names the field with "_full"


def for_print(values: dict[str, Any]) -> dict[str, Any]:
    """The values as a template sees them: each ID number masked as everywhere else
    (522423********1234), and beside it `<name>_full`, the whole number, for a county whose
    template has to print it."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, list):
            out[key] = [for_print(item) if isinstance(item, dict) else item for item in value]
        elif key in MASKED:
            out[key] = mask(value)
            out[f"{key}_full"] = value
        else:
            out[key] = value
    return out


def _narrow(query: Any, *by_name: tuple[Any, str | None], subject: Any,
            subjects: Collection[uuid.UUID] | None) -> Any:
    """The batch's filters: (column, name) pairs that apply when a name is given (--township,
    --unit), and the chosen records when `subjects` is given."""
    for column, name in by_name:
        if name:
            query = query.where(column == name)
    if subjects is not None:
        query = query.where(subject.in_(list(subjects)))
    return query


def _common(year: int, day: dt.date) -> dict[str, Any]:
    return {"year": str(year), "date": cn_date(day), "blank_date": BLANK_DATE, "code": ""}


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def gather(kind: str, year: int, *, township: str | None = None, unit: str | None = None,
           subjects: Collection[uuid.UUID] | None = None,
           day: dt.date | None = None) -> list[LetterData]:
    """Every letter of a kind for a year, optionally for one township or unit (by name) or for
    given subjects only, in a stable order (township, village or unit, name)."""
    day = day or dt.date.today()
    gatherer = {"target": _targets, "cadre": _cadres, "card": _cards}[kind]
    letters = gatherer(year, township, unit, subjects, day)
    for letter in letters:
        letter.day = day
    return letters


def _str(value: Any) -> str:
    return "" if value is None else str(value)


# --- target letters: one per unit–village pairing active in the year ------------------------------


def _targets(year, township, unit, subjects, day) -> list[LetterData]:
    P, U, V, T = UnitVillagePairing, Unit, Village, Township
    first, last = _year_bounds(year)
    query = (P.select(P.id, P.started_on, U.id.alias("unit_id"), U.name.alias("unit"),
                      U.party_org, U.head, V.name.alias("village"), V.secretary,
                      T.id.alias("township_id"), T.name.alias("township"))
             .join(U, on=(P.unit == U.id)).switch(P)
             .join(V, on=(P.village == V.id)).join(T, on=(V.township == T.id))
             .where(P.deleted_at.is_null() & (P.started_on <= last)
                    & (P.ended_on.is_null() | (P.ended_on >= first)))
             .order_by(T.name, V.name, U.name))
    query = _narrow(query, (T.name, township), (U.name, unit), subject=P.id, subjects=subjects)
    pairings = list(query.dicts())
    wanted = {p["id"] for p in pairings}
    by_pairing: dict[uuid.UUID, list[dict]] = defaultdict(list)
    targets = (Target.live(Target.pairing, Target.category, Target.description,
                           Target.indicator_value, Target.indicator_unit, Target.actual_value,
                           Target.status)
               .where(Target.year == year)
               .order_by(Target.category, Target.created_at, Target.id).dicts())
    for t in targets:
        if t["pairing"] in wanted:
            by_pairing[t["pairing"]].append(t)
    letters = []
    for p in pairings:
        values = {**_common(year, day), **_target_values(p, year, by_pairing[p["id"]])}
        letters.append(LetterData("target", year, p["id"], f"{p['unit']}、{p['village']}",
                                  values, p["unit_id"], p["township_id"]))
    return letters


def _target_values(p: dict, year: int, targets: list[dict]) -> dict[str, Any]:
    flat = []
    categories = []
    for number, name in enumerate(TARGET_CATEGORIES, 1):
        items = []
        for t in targets:
            if t["category"] != number:
                continue
            item = {
                "no": str(len(items) + 1),
                "description": t["description"].strip().rstrip("。；;."),
                "indicator": format_indicator(t["indicator_value"], t["indicator_unit"])
                or "不设数量指标",
                "actual": format_indicator(t["actual_value"], t["indicator_unit"]),
                "status": t["status"],
                "category": name,
            }
            items.append(item)
            flat.append({**item, "no": str(len(flat) + 1)})
        if items:
            categories.append({"category_no": NUMERALS[len(categories)], "category": name,
                               "targets": items})
    village, township = p["village"], p["township"]
    return {
        "term": f"{year}年1月1日至{year}年12月31日",
        "unit": p["unit"],
        "unit_party_org": p["party_org"] or f"{p['unit']}党组织",
        "unit_head": _str(p["head"]),
        "village": village,
        "village_branch": f"{village}党支部",
        "village_secretary": _str(p["secretary"]),
        "township": township,
        "township_party": f"{township}党委",
        "start_year": str(p["started_on"].year),
        "target_count": str(len(flat)),
        "categories": categories,
        "targets": flat,
    }


# --- cadre letters: one per cadre with households in the year -------------------------------------


def _assignments(year: int) -> Any:
    A, H, V, T = Assignment, Household, Village, Township
    first, last = _year_bounds(year)
    return (A.select(A.cadre, A.started_on, A.ended_on, H.id.alias("household_id"), H.head_name,
                     H.id_number, H.group_name, H.members, H.kind, H.phone,
                     V.name.alias("village"), T.id.alias("township_id"),
                     T.name.alias("township"))
            .join(H, on=(A.household == H.id)).join(V, on=(H.village == V.id))
            .join(T, on=(V.township == T.id))
            .where(A.deleted_at.is_null() & H.deleted_at.is_null() & (A.started_on <= last)
                   & (A.ended_on.is_null() | (A.ended_on >= first))))


def _cadres(year, township, unit, subjects, day) -> list[LetterData]:
    C, U, R = Cadre, Unit, Rank
    helped: dict[uuid.UUID, list[dict]] = defaultdict(list)
    query = _assignments(year)
    if subjects is not None:
        query = query.where(Assignment.cadre.in_(list(subjects)))
    for row in query.order_by(Assignment.started_on, Household.head_name).dicts():
        helped[row["cadre"]].append(row)
    if township:
        helped = {k: v for k, v in helped.items() if any(h["township"] == township for h in v)}
    cadres = (C.select(C.id, C.name, C.gender, C.id_number, C.phone, U.id.alias("unit_id"),
                       U.name.alias("unit"), U.party_org, R.name.alias("rank"), R.quota)
              .join(U, on=(C.unit == U.id)).switch(C).join(R, on=(C.rank == R.id))
              .where(C.deleted_at.is_null()).order_by(U.name, C.name, C.id))
    cadres = _narrow(cadres, (U.name, unit), subject=C.id, subjects=subjects)
    letters = []
    for c in cadres.dicts():
        households = helped.get(c["id"])
        if not households:
            continue
        items = [{
            "no": str(i), "head_name": h["head_name"], "id_number": _str(h["id_number"]),
            "village": h["village"], "township": h["township"], "group": _str(h["group_name"]),
            "members": _str(h["members"]), "household_kind": h["kind"],
            "household_phone": _str(h["phone"]),
        } for i, h in enumerate(households, 1)]
        values = {
            **_common(year, day),
            "cadre": c["name"], "gender": _str(c["gender"]), "id_number": _str(c["id_number"]),
            "phone": _str(c["phone"]), "unit": c["unit"],
            "unit_party_org": c["party_org"] or f"{c['unit']}党组织", "rank": c["rank"],
            "quota": str(c["quota"]), "household_count": str(len(items)), "households": items,
        }
        letters.append(LetterData("cadre", year, c["id"], f"{c['name']}（{c['unit']}）", values,
                                  c["unit_id"], households[0]["township_id"]))
    return letters


# --- contact cards: one per household with a responsible cadre in the year ------------------------


def _cards(year, township, unit, subjects, day) -> list[LetterData]:
    C, U, R, A = Cadre, Unit, Rank, Assignment
    query = (_assignments(year)
             .select_extend(C.name.alias("cadre_name"), C.phone.alias("cadre_phone"),
                            R.name.alias("rank"), U.id.alias("unit_id"), U.name.alias("unit"),
                            U.contact_phone)
             .join_from(A, C, on=(A.cadre == C.id)).join(U, on=(C.unit == U.id))
             .join_from(C, R, on=(C.rank == R.id)))
    query = _narrow(query, (Township.name, township), (U.name, unit), subject=Household.id,
                    subjects=subjects)
    current: dict[uuid.UUID, dict] = {}
    # the household's latest assignment in the year: an open one, else the last to start
    for row in query.order_by(A.ended_on.is_null(), A.started_on).dicts():
        current[row["household_id"]] = row
    rows = sorted(current.values(), key=lambda r: (r["township"], r["village"],
                                                    _str(r["group_name"]), r["head_name"]))
    letters = []
    for r in rows:
        values = {
            **_common(year, day),
            "head_name": r["head_name"], "id_number": _str(r["id_number"]),
            "village": r["village"], "township": r["township"], "group": _str(r["group_name"]),
            "cadre": r["cadre_name"], "cadre_phone": _str(r["cadre_phone"]), "rank": r["rank"],
            "unit": r["unit"], "unit_phone": _str(r["contact_phone"]),
        }
        letters.append(LetterData("card", year, r["household_id"],
                                  f"{r['head_name']}（{r['village']}）", values, r["unit_id"],
                                  r["township_id"]))
    return letters
