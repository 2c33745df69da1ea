"""The activity ledger as a ListSource: paged, searched and sorted in SQL, filterable by the
pairing, the duty a kind fulfils and the year, so the dashboard can open the records behind a
cell and the ledger tab can show what was entered."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from peewee import JOIN, Select, fn

from pairing_desktop.core.activities.types import NUMBER_FIELDS, NUMBER_LABELS
from pairing_desktop.core.storage.ledger import Ledger, uses_own_ledger
from pairing_desktop.core.storage.models import (
    Activity,
    ActivityType,
    Cadre,
    Household,
    Township,
    Unit,
    UnitVillagePairing,
    Village,
)

PairingVillage = Village.alias("pv")
HouseholdVillage = Village.alias("hv")


def numbers_text(row: dict[str, Any]) -> str:
    """“人数 40；金额（元） 26000” from the numbers a record carries."""
    parts = []
    for name in NUMBER_FIELDS:
        value = row.get(name)
        if value is not None:
            shown = f"{value:g}" if isinstance(value, float) else str(value)
            parts.append(f"{NUMBER_LABELS[name]} {shown}")
    return "；".join(parts)


class ActivityList:
    """Live activities, newest first unless sorted otherwise."""

    record_kind = "activity"  # the rows are activity records: a list export writes them so

    columns: ClassVar[list[tuple[str, str]]] = [
        ("date", "日期"), ("township", "乡镇"), ("subject", "结对 / 走访对象"),
        ("type", "活动类型"), ("numbers", "数字"), ("description", "内容")]

    def __init__(self, ledger: Ledger, pairing_id: Any = None, duty: str | None = None,
                 year: int | None = None, cadre_id: Any = None):
        self.ledger = ledger
        self.pairing_id, self.duty, self.year, self.cadre_id = pairing_id, duty, year, cadre_id
        subject = fn.COALESCE(
            Unit.name.concat(" — ").concat(PairingVillage.name),
            Cadre.name.concat(" → ").concat(Household.head_name).concat("（")
            .concat(HouseholdVillage.name).concat("）"))
        self._numbers = [getattr(Activity, n) for n in NUMBER_FIELDS]
        self._exprs = [Activity.date, Township.name, subject, ActivityType.name]
        self._base = (
            Activity.select()
            .join(ActivityType, on=(Activity.type == ActivityType.id))
            .join_from(Activity, UnitVillagePairing, JOIN.LEFT_OUTER,
                       on=(Activity.pairing == UnitVillagePairing.id))
            .join_from(UnitVillagePairing, Unit, JOIN.LEFT_OUTER,
                       on=(UnitVillagePairing.unit == Unit.id))
            .join_from(UnitVillagePairing, PairingVillage, JOIN.LEFT_OUTER,
                       on=(UnitVillagePairing.village == PairingVillage.id))
            .join_from(Activity, Household, JOIN.LEFT_OUTER,
                       on=(Activity.household == Household.id))
            .join_from(Household, HouseholdVillage, JOIN.LEFT_OUTER,
                       on=(Household.village == HouseholdVillage.id))
            .join_from(Activity, Cadre, JOIN.LEFT_OUTER, on=(Activity.cadre == Cadre.id))
            .join_from(Activity, Township, JOIN.LEFT_OUTER, on=(
                Township.id == fn.COALESCE(PairingVillage.township, HouseholdVillage.township))))

    def _where(self, query: Select, search: str) -> Select:
        query = query.where(Activity.deleted_at.is_null())
        if self.pairing_id is not None:
            query = query.where(Activity.pairing == self.pairing_id)
        if self.cadre_id is not None:
            query = query.where(Activity.cadre == self.cadre_id)
        if self.duty == "activity":
            query = query.where(~ActivityType.is_outcome & Activity.pairing.is_null(False))
        elif self.duty is not None:
            query = query.where(ActivityType.duty == self.duty)
        if self.year is not None:
            query = query.where(Activity.date.between(f"{self.year}-01-01",
                                                      f"{self.year}-12-31"))
        if search.strip():
            pattern = f"%{search.strip()}%"
            query = query.where((Unit.name ** pattern) | (PairingVillage.name ** pattern)
                                | (ActivityType.name ** pattern) | (Household.head_name ** pattern)
                                | (Cadre.name ** pattern) | (Activity.description ** pattern))
        return query

    @uses_own_ledger
    def count(self, search: str = "") -> int:
        if search.strip():
            return self._where(self._base.select(fn.COUNT(Activity.id)), search).scalar()
        # without a search nothing needs naming: count the table (and the kinds) alone, which
        # is what keeps a refresh after each save quick on 200,000 records
        query = Activity.select(fn.COUNT(Activity.id))
        if self.duty is not None:
            query = query.join(ActivityType, on=(Activity.type == ActivityType.id))
        return self._where(query, "").scalar()

    def _rows(self, query: Select) -> list[tuple]:
        rows = []
        for rid, day, township, subject, kind, *rest in query.tuples():
            numbers = dict(zip(NUMBER_FIELDS, rest[:-1], strict=True))
            rows.append((rid, day, township, subject, kind, numbers_text(numbers), rest[-1]))
        return rows

    @uses_own_ledger
    def page(self, search: str = "", sort: int | None = None, descending: bool = False,
             offset: int = 0, limit: int = 200) -> list[tuple]:
        if sort is None:
            order = [Activity.date.desc(), Activity.created_at.desc()]
        else:
            # the numbers column sorts by kind: its cells differ in what they count
            expr = [*self._exprs, ActivityType.name, Activity.description][sort]
            order = [expr.desc() if descending else expr.asc()]
        query = (self._where(self._base.select(Activity.id, *self._exprs, *self._numbers,
                                               Activity.description), search)
                 .order_by(*order, Activity.id).limit(limit).offset(offset))
        return self._rows(query)

    @uses_own_ledger
    def row_of(self, record_id: Any) -> tuple | None:
        query = self._where(self._base.select(Activity.id, *self._exprs, *self._numbers,
                                              Activity.description), "")
        rows = self._rows(query.where(Activity.id == uuid.UUID(str(record_id))))
        return rows[0] if rows else None
