"""The per-rank household quota ("4321"): who holds fewer or more households than their rank owes.

The quota is the county's editable Rank table, never a constant here.
"""

from __future__ import annotations

from typing import Any, ClassVar

from peewee import JOIN, SQL, Case, Select, fn

from pairing_desktop.core.storage.ledger import Ledger, unindexed, uses_ledger, uses_own_ledger
from pairing_desktop.core.storage.models import Assignment, Cadre, Household, Rank, Unit, Village

UNDER, OVER, MET = "不足", "超额", "达标"


def _held_subquery() -> Select:
    return (Assignment.select(Assignment.cadre, fn.COUNT(Assignment.id).alias("held"))
            .where(Assignment.deleted_at.is_null() & Assignment.ended_on.is_null())
            .group_by(Assignment.cadre))


class QuotaList:
    """Each live cadre with their rank's quota and the households they hold now (SQL-paged)."""

    columns: ClassVar[list[tuple[str, str]]] = [
        ("name", "姓名"), ("unit", "单位"), ("rank", "职级"), ("quota", "定额（户）"),
        ("held", "现帮扶（户）"), ("state", "情况")]

    def __init__(self, ledger: Ledger, state: str | None = None, unit_id: Any = None):
        self.ledger = ledger
        self.state = state  # UNDER / OVER / MET, or None for all
        self.unit_id = unit_id
        held_q = _held_subquery().alias("h")
        held = fn.COALESCE(held_q.c.held, 0)
        state = Case(None, [(held < Rank.quota, UNDER), (held > Rank.quota, OVER)], MET)
        self._exprs = [Cadre.name, Unit.name, Rank.name, Rank.quota, held, state]
        # names sort in pinyin order (core.sort_keys); the rank by its place in the table
        self._sorts = [Cadre.sort_key, Unit.sort_key, Rank.sort_order, *self._exprs[3:]]
        self._base = (Cadre.select()
                      .join(Unit, on=(Cadre.unit == Unit.id))
                      .join_from(Cadre, Rank, on=(Cadre.rank == Rank.id))
                      .join_from(Cadre, held_q, JOIN.LEFT_OUTER,
                                 on=(held_q.c.cadre_id == Cadre.id)))

    def _where(self, query: Select, search: str) -> Select:
        query = query.where(Cadre.deleted_at.is_null())
        if self.unit_id is not None:
            query = query.where(Cadre.unit == self.unit_id)
        if self.state is not None:
            query = query.where(self._exprs[5] == self.state)
        if search.strip():
            pattern = f"%{search.strip()}%"
            query = query.where((Cadre.name ** pattern) | (Unit.name ** pattern))
        return query

    @uses_own_ledger
    def count(self, search: str = "") -> int:
        # households held matter only to a state filter; otherwise skip grouping the assignments
        base = (self._base if self.state is not None
                else Cadre.select().join(Unit, on=(Cadre.unit == Unit.id)))
        return self._where(base.select(fn.COUNT(Cadre.id)), search).scalar()

    @uses_own_ledger
    def page(self, search: str = "", sort: int | None = None, descending: bool = False,
             offset: int = 0, limit: int = 200) -> list[tuple]:
        query = self._where(self._base.select(Cadre.id, *self._exprs), search)
        expr = self._sorts[sort if sort is not None else 0]
        order = expr.desc() if descending else expr.asc()
        return list(query.order_by(order, Cadre.id).limit(limit).offset(offset).tuples())


class UnassignedHouseholds:
    """Poor households (status 贫困) that no cadre is responsible for now.

    Shaped for 100,000 households: NOT EXISTS probes the open-assignment index per household, a
    village name is matched among the villages first, and a search sorts its matches instead of
    walking the name index (see bench/bench_ledger.py)."""

    record_kind = "household"  # the rows are households: a list export writes them so

    columns: ClassVar[list[tuple[str, str]]] = [
        ("head_name", "户主"), ("village", "所在村"), ("group_name", "村民组"), ("kind", "类型")]

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self._exprs = [Household.head_name, Village.name, Household.group_name, Household.kind]
        self._sorts = [Household.sort_key, Village.sort_key, *self._exprs[2:]]  # names: pinyin

    def _where(self, query: Select, search: str) -> Select:
        helped = Assignment.select(SQL("1")).where(
            (Assignment.household == Household.id) & Assignment.deleted_at.is_null()
            & Assignment.ended_on.is_null())
        query = query.where(Household.deleted_at.is_null() & (Household.status == "贫困")
                            & ~fn.EXISTS(helped))
        if search.strip():
            pattern = f"%{search.strip()}%"
            villages = Village.select(Village.id).where(Village.name ** pattern)
            query = query.where((Household.head_name ** pattern)
                                | Household.village.in_(villages))
        return query

    @uses_own_ledger
    def count(self, search: str = "") -> int:
        return self._where(Household.select(fn.COUNT(Household.id)), search).scalar()

    @uses_own_ledger
    def page(self, search: str = "", sort: int | None = None, descending: bool = False,
             offset: int = 0, limit: int = 200) -> list[tuple]:
        query = self._where(Household.select(Household.id, *self._exprs)
                            .join(Village, on=(Household.village == Village.id)), search)
        expr = self._sorts[sort if sort is not None else 0]
        if search.strip():
            expr = unindexed(expr)
        order = expr.desc() if descending else expr.asc()
        return list(query.order_by(order, Household.id).limit(limit).offset(offset).tuples())


@uses_ledger
def quota_of(ledger: Ledger, cadre_id: Any) -> tuple[int, int]:
    """(quota, households held now) of one cadre."""
    cadre = Cadre.select(Cadre, Rank).join(Rank).where(Cadre.id == cadre_id).get()
    held = (Assignment.live().where((Assignment.cadre == cadre_id)
                                    & Assignment.ended_on.is_null()).count())
    return cadre.rank.quota, held
